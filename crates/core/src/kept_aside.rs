//! Stored text the app cannot read (damaged, foreign), kept aside **once** before anything
//! overwrites it: one mechanism for every key (progress, local banks).
//!
//! A copy is stored under `ontap.kept-aside.<kind>.<hash>.<ms>`: the hash (FNV-1a, 64 bits, of
//! the text) finds an earlier copy of the same text, whose value is compared before anything is
//! written, so the same text never gets a second copy, however often the page is loaded.
//! Copies made by earlier builds (`ontap.kept-aside.<ms>`, `ontap.kept-aside.local-banks.<ms>`)
//! are recognised by comparing their values.
//!
//! Keeping aside never pushes storage over its quota: when the copy does not fit, nothing is
//! written, the caller is told [`Kept::InPlace`] and must leave the original where it is (progress
//! then saves beside it, see `progress::store`). Every copy, and every original left in place, is
//! listed by [`list`] for the Dữ liệu page, to download and then [`remove`].

use crate::progress::store::{Store, StoreError};

/// Prefix of every kept-aside key.
pub const PREFIX: &str = "ontap.kept-aside.";

/// What a kept-aside text was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// The member's progress (`ontap.progress`).
    Progress,
    /// The banks tried on this device (`ontap.local-banks`).
    LocalBanks,
    /// A key this build does not know.
    Unknown,
}

impl Kind {
    /// The kind's part of a kept-aside key.
    fn tag(self) -> &'static str {
        match self {
            Kind::Progress => "progress",
            Kind::LocalBanks => "local-banks",
            Kind::Unknown => "other",
        }
    }

    /// The key this kind of data normally lives under.
    pub fn home_key(self) -> Option<&'static str> {
        match self {
            Kind::Progress => Some(crate::progress::store::PROGRESS_KEY),
            Kind::LocalBanks => Some(crate::local::store::LOCAL_BANKS_KEY),
            Kind::Unknown => None,
        }
    }

    /// What it is, in Vietnamese, for the Dữ liệu page.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Progress => "Tiến độ học",
            Kind::LocalBanks => "Ngân hàng thử trên máy này",
            Kind::Unknown => "Dữ liệu khác",
        }
    }
}

impl KeptItem {
    /// What the Dữ liệu page says of it: "Tiến độ học, 12 KB, giữ lại ngày 2026-12-02".
    pub fn describe(&self) -> String {
        let size = (self.units * 2).div_ceil(1024);
        let when = match (self.in_place, self.when_ms) {
            (true, _) => "vẫn ở chỗ cũ (không đủ chỗ để sao ra)".to_owned(),
            (false, Some(ms)) => format!("giữ lại ngày {}", crate::present::iso_day(ms)),
            (false, None) => "giữ lại trước đây".to_owned(),
        };
        format!("{}, {size} KB, {when}", self.kind.label())
    }
}

/// Where unreadable text is after [`keep_aside`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Copied under this key (now, or on an earlier visit): the original may be replaced.
    At(String),
    /// The copy did not fit (or storage refused it): the original stays where it is and must not
    /// be overwritten.
    InPlace,
}

/// One kept-aside item, for the Dữ liệu page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptItem {
    /// Its key (read it with [`Store::read`] to download it, delete it with [`remove`]).
    pub key: String,
    /// What it was.
    pub kind: Kind,
    /// Its size in UTF-16 code units (what browsers count against the quota).
    pub units: usize,
    /// When it was kept aside, in ms since the epoch, if known.
    pub when_ms: Option<i64>,
    /// True for an original that could not be copied and stays under its own key.
    pub in_place: bool,
}

/// A 64-bit FNV-1a hash of `text`, as 16 hex digits.
pub fn hash(text: &str) -> String {
    format!("{:016x}", crate::fnv::fnv1a(text.bytes()))
}

/// What a kept-aside key says of itself: its kind, its hash (none for an earlier build's key)
/// and when it was written.
fn parse_key(key: &str) -> Option<(Kind, Option<&str>, Option<i64>)> {
    let rest = key.strip_prefix(PREFIX)?;
    let ms = |s: &str| s.parse::<i64>().ok();
    // Earlier builds: `<ms>` for progress, `local-banks.<ms>`.
    if let Some(t) = ms(rest) {
        return Some((Kind::Progress, None, Some(t)));
    }
    let (tag, rest) = rest.split_once('.').unwrap_or((rest, ""));
    let kind = [Kind::Progress, Kind::LocalBanks].into_iter().find(|k| k.tag() == tag).unwrap_or(Kind::Unknown);
    if kind == Kind::Unknown {
        return Some((kind, None, None));
    }
    match rest.split_once('.') {
        Some((hash, t)) => Some((kind, Some(hash), ms(t))),
        None => Some((kind, None, ms(rest))),
    }
}

/// The key of a kept-aside copy of `text` made at `now_ms`.
pub fn key_for(kind: Kind, text: &str, now_ms: i64) -> String {
    format!("{PREFIX}{}.{}.{now_ms}", kind.tag(), hash(text))
}

/// The key of a copy of `text` of `kind` already kept aside, if any. Only values that may be
/// that copy are read: those under the same hash, and earlier builds' copies.
pub fn find(store: &dyn Store, kind: Kind, text: &str) -> Option<String> {
    let wanted = hash(text);
    let mut keys = store.keys().ok()?;
    keys.sort();
    keys.into_iter().find(|key| {
        let Some((k, h, _)) = parse_key(key) else { return false };
        k == kind && h.is_none_or(|h| h == wanted) && store.read(key).ok().flatten().as_deref() == Some(text)
    })
}

/// Keeps `text` (found under `kind`'s key, about to be overwritten) aside at `now_ms`, unless a
/// copy of it already exists. Never goes over quota: a copy that does not fit is not made.
pub fn keep_aside(store: &mut dyn Store, kind: Kind, text: &str, now_ms: i64) -> Kept {
    if let Some(key) = find(store, kind, text) {
        return Kept::At(key);
    }
    let key = key_for(kind, text, now_ms);
    match store.write(&key, text) {
        Ok(()) => Kept::At(key),
        Err(_) => Kept::InPlace,
    }
}

/// Removes every kept-aside copy whose text another copy of the same kind already holds
/// (earlier builds made one per page load), keeping the oldest. Returns how many were removed.
pub fn remove_duplicates(store: &mut dyn Store) -> usize {
    let Ok(mut keys) = store.keys() else { return 0 };
    keys.retain(|k| k.starts_with(PREFIX));
    if keys.len() < 2 {
        return 0;
    }
    let mut items: Vec<(Option<i64>, String, Kind)> =
        keys.into_iter().filter_map(|k| parse_key(&k).map(|(kind, _, t)| (t, k.clone(), kind))).collect();
    items.sort();
    let mut seen = std::collections::HashSet::new();
    let mut removed = 0;
    for (_, key, kind) in items {
        let Ok(Some(text)) = store.read(&key) else { continue };
        if !seen.insert((kind, text)) && store.remove(&key).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether `text`, stored under `kind`'s own key, is data this build cannot read and that is
/// not from a newer version (which is left alone, never kept aside).
fn unreadable_at_home(kind: Kind, text: &str) -> bool {
    match kind {
        Kind::Progress => crate::progress::codec::decode(text)
            .problem
            .is_some_and(|p| !matches!(p, crate::progress::codec::DecodeProblem::Newer(_))),
        Kind::LocalBanks => crate::local::store::unreadable(text),
        Kind::Unknown => false,
    }
}

/// Every kept-aside item: the copies, oldest first, then the originals that could not be copied
/// and stay under their own key.
pub fn list(store: &dyn Store) -> Result<Vec<KeptItem>, StoreError> {
    let units = |text: &str| text.encode_utf16().count();
    let mut items = Vec::new();
    for key in store.keys()? {
        let Some((kind, _, when_ms)) = parse_key(&key) else { continue };
        let Some(text) = store.read(&key)? else { continue };
        items.push(KeptItem { units: units(&text), key, kind, when_ms, in_place: false });
    }
    items.sort_by(|a, b| (a.when_ms, &a.key).cmp(&(b.when_ms, &b.key)));
    for kind in [Kind::Progress, Kind::LocalBanks] {
        let Some(home) = kind.home_key() else { continue };
        let Some(text) = store.read(home)? else { continue };
        if unreadable_at_home(kind, &text) && find(store, kind, &text).is_none() {
            items.push(KeptItem { key: home.to_owned(), kind, units: units(&text), when_ms: None, in_place: true });
        }
    }
    Ok(items)
}

/// Deletes the kept-aside item `key` (once downloaded). Returns false, deleting nothing, when
/// `key` is not a kept-aside item (in particular, readable progress is never deleted here).
pub fn remove(store: &mut dyn Store, key: &str) -> Result<bool, StoreError> {
    let removable = key.starts_with(PREFIX) || list(store)?.iter().any(|i| i.in_place && i.key == key);
    if removable {
        store.remove(key)?;
    }
    Ok(removable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::store::MemoryStore;

    #[test]
    fn an_item_says_what_it_was_how_big_and_when() {
        let item = KeptItem { key: "k".into(), kind: Kind::Progress, units: 1500, when_ms: Some(0), in_place: false };
        assert_eq!(item.describe(), "Tiến độ học, 3 KB, giữ lại ngày 1970-01-01");
        let here = KeptItem { in_place: true, kind: Kind::LocalBanks, ..item };
        assert_eq!(here.describe(), "Ngân hàng thử trên máy này, 3 KB, vẫn ở chỗ cũ (không đủ chỗ để sao ra)");
    }

    #[test]
    fn the_same_text_is_kept_once() {
        let mut store = MemoryStore::default();
        let first = keep_aside(&mut store, Kind::Progress, "{ hỏng", 1);
        assert_eq!(first, Kept::At(key_for(Kind::Progress, "{ hỏng", 1)));
        for t in 2..22 {
            assert_eq!(keep_aside(&mut store, Kind::Progress, "{ hỏng", t), first);
        }
        assert_eq!(store.map.len(), 1);
        // Another text, or the same text of another kind, is another copy.
        assert!(matches!(keep_aside(&mut store, Kind::Progress, "{ khác", 3), Kept::At(_)));
        assert!(matches!(keep_aside(&mut store, Kind::LocalBanks, "{ hỏng", 3), Kept::At(_)));
        assert_eq!(store.map.len(), 3);
    }

    #[test]
    fn a_copy_made_by_an_earlier_build_counts() {
        let mut store = MemoryStore::default();
        store.map.insert("ontap.kept-aside.17".into(), "{ hỏng".into());
        store.map.insert("ontap.kept-aside.local-banks.18".into(), "[1]".into());
        assert_eq!(keep_aside(&mut store, Kind::Progress, "{ hỏng", 20), Kept::At("ontap.kept-aside.17".into()));
        assert_eq!(
            keep_aside(&mut store, Kind::LocalBanks, "[1]", 20),
            Kept::At("ontap.kept-aside.local-banks.18".into())
        );
        assert_eq!(store.map.len(), 2);
    }

    #[test]
    fn a_copy_that_does_not_fit_is_not_made() {
        let text = "x".repeat(1_000);
        let mut store = MemoryStore { capacity: Some(1_500), ..MemoryStore::default() };
        store.map.insert("ontap.progress".into(), text.clone());
        assert_eq!(keep_aside(&mut store, Kind::Progress, &text, 1), Kept::InPlace);
        assert_eq!(store.map.len(), 1);
        let listed = list(&store).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!((listed[0].key.as_str(), listed[0].in_place, listed[0].units), ("ontap.progress", true, 1_000));
        // Deleting it (after download) makes room; readable progress is never deleted here.
        assert_eq!(remove(&mut store, "ontap.progress"), Ok(true));
        assert!(store.map.is_empty());
        store.map.insert("ontap.progress".into(), crate::progress::codec::encode(&Default::default()));
        assert_eq!(remove(&mut store, "ontap.progress"), Ok(false));
        assert_eq!(store.map.len(), 1);
    }

    #[test]
    fn items_are_listed_with_kind_size_and_time() {
        let mut store = MemoryStore::default();
        keep_aside(&mut store, Kind::LocalBanks, "[1, 2]", 9);
        store.map.insert("ontap.kept-aside.5".into(), "hỏng".into());
        store.map.insert("ontap.theme".into(), "dark".into());
        let listed = list(&store).unwrap();
        let seen: Vec<_> = listed.iter().map(|i| (i.kind, i.units, i.when_ms, i.in_place)).collect();
        assert_eq!(seen, [(Kind::Progress, 4, Some(5), false), (Kind::LocalBanks, 6, Some(9), false)]);
        assert_eq!(remove(&mut store, &listed[1].key), Ok(true));
        assert_eq!(remove(&mut store, "ontap.theme"), Ok(false));
        assert_eq!(list(&store).unwrap().len(), 1);
    }

    #[test]
    fn duplicates_left_by_earlier_builds_are_removed_oldest_kept() {
        let mut store = MemoryStore::default();
        for t in [30, 10, 20] {
            store.map.insert(format!("ontap.kept-aside.{t}"), "{ hỏng".into());
            store.map.insert(format!("ontap.kept-aside.local-banks.{t}"), "{ hỏng".into());
        }
        store.map.insert("ontap.kept-aside.40".into(), "khác".into());
        assert_eq!(remove_duplicates(&mut store), 4);
        let keys: Vec<_> = store.map.keys().cloned().collect();
        assert_eq!(keys, ["ontap.kept-aside.10", "ontap.kept-aside.40", "ontap.kept-aside.local-banks.10"]);
        assert_eq!(remove_duplicates(&mut store), 0);
    }
}
