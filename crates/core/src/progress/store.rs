//! Loading and saving progress through a key-value [`Store`], surviving every bad state:
//! unreadable or foreign data is kept aside once (never overwritten before it is) and can be
//! downloaded; data from a newer version is left alone and not copied; a full quota compacts old
//! history; storage that cannot be used leaves the app working in memory. Saving reads what is
//! stored first and merges it, so two tabs answering at once never lose each other's answers.
//!
//! When unreadable progress cannot be copied (the copy would not fit in the quota), it stays
//! under [`PROGRESS_KEY`], untouched, and answers are saved **beside** it under [`SPARE_KEY`]
//! (only what the unreadable text does not already hold). Every load reads both; once the
//! original is kept aside or deleted (from the Dữ liệu page), the next load or save writes
//! everything under [`PROGRESS_KEY`] again and removes [`SPARE_KEY`].

use super::codec::{DecodeProblem, decode, encode};
use super::log::Progress;
use crate::kept_aside::{self, Kept, Kind};
use std::collections::BTreeMap;

/// Where progress is stored.
pub const PROGRESS_KEY: &str = "ontap.progress";
/// Where answers are saved while [`PROGRESS_KEY`] holds unreadable text that could not be kept aside.
pub const SPARE_KEY: &str = "ontap.progress.spare";
/// When the quota is full, all but this many recent answers per question are summarised.
pub const KEEP_WHEN_COMPACTING: usize = 3;

/// Why the store refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is disabled or absent (private window, strict settings).
    Unavailable,
    /// The quota is full.
    QuotaExceeded,
}

/// A key-value store of strings (localStorage in the browser).
pub trait Store {
    /// The value at `key`, if any.
    fn read(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Sets `key` to `value`.
    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Every key stored.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// Removes `key` (nothing happens if it is absent).
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
}

/// The in-memory twin, with an optional quota and a switch to act disabled.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    /// The stored values.
    pub map: BTreeMap<String, String>,
    /// UTF-16 code units of keys and values allowed (what browsers count against the quota).
    pub capacity: Option<usize>,
    /// Behave like disabled storage.
    pub disabled: bool,
}

impl MemoryStore {
    /// UTF-16 code units of keys and values stored.
    pub fn used(&self) -> usize {
        self.map.iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum()
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.disabled { Err(StoreError::Unavailable) } else { Ok(()) }
    }
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.map.get(key).cloned())
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        let units = |s: &str| s.encode_utf16().count();
        let replaced = self.map.get(key).map_or(0, |v| units(key) + units(v));
        if self.capacity.is_some_and(|cap| self.used() - replaced + units(key) + units(value) > cap) {
            return Err(StoreError::QuotaExceeded);
        }
        self.map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.map.keys().cloned().collect())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.map.remove(key);
        Ok(())
    }
}

/// What the member is told after loading or saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Stored data could not be read in full; the raw text is kept (where `kept` says, and in
    /// `Loaded::unreadable` for download in any case).
    Unreadable {
        /// Why.
        problem: DecodeProblem,
        /// Where the text is kept.
        kept: Kept,
    },
    /// Written by a newer version of the app: left where it is, not copied; nothing is saved.
    Newer(u64),
    /// Storage cannot be used: progress lives in memory until the tab closes.
    Unavailable,
    /// The quota was full: this many old answers were folded into summaries.
    Compacted(usize),
    /// Nothing could be saved (quota full even after compacting, or storage unusable).
    NotSaved,
}

impl Notice {
    /// What the member is told, in Vietnamese.
    pub fn message(&self) -> String {
        match self {
            Notice::Unreadable { problem, kept: Kept::At(key) } => {
                format!("{} Dữ liệu cũ được giữ nguyên ở mục “{key}”, không bị ghi đè.", problem.message())
            }
            Notice::Unreadable { problem, kept: Kept::InPlace } => format!(
                "{} Bộ nhớ không đủ chỗ để chép riêng dữ liệu cũ, nên nó được để nguyên tại chỗ, không bị ghi đè; câu trả lời mới vẫn được lưu bên cạnh. Có thể tải dữ liệu cũ về rồi xoá ở trang Dữ liệu.",
                problem.message()
            ),
            Notice::Newer(v) => format!(
                "{} Dữ liệu đó được để nguyên, không sao chép; câu trả lời mới chỉ giữ trong thẻ này cho đến khi tải lại.",
                DecodeProblem::Newer(*v).message()
            ),
            Notice::Unavailable => {
                "Trình duyệt không cho lưu dữ liệu (chế độ ẩn danh hoặc cài đặt chặn): tiến độ chỉ giữ đến khi đóng thẻ."
                    .into()
            }
            Notice::Compacted(n) => format!("Bộ nhớ gần đầy: {n} câu trả lời cũ đã được gộp thành số liệu tóm tắt."),
            Notice::NotSaved => {
                "Chưa lưu được câu trả lời vào bộ nhớ trình duyệt; tiến độ đang giữ tạm trong thẻ này.".into()
            }
        }
    }
}

/// The result of loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// What could be read.
    pub progress: Progress,
    /// What to tell the member.
    pub notices: Vec<Notice>,
    /// The raw stored text that could not be read, for download.
    pub unreadable: Option<String>,
    /// False when nothing may be written: storage is unusable, or what is stored belongs to a
    /// newer version. Progress then lives in memory only.
    pub may_save: bool,
}

impl Loaded {
    fn readable(progress: Progress) -> Loaded {
        Loaded { progress, notices: vec![], unreadable: None, may_save: true }
    }

    fn refused(notice: Notice) -> Loaded {
        Loaded { progress: Progress::default(), notices: vec![notice], unreadable: None, may_save: false }
    }
}

/// Loads progress at `now_ms` (the time names a kept-aside copy).
pub fn load(store: &mut dyn Store, now_ms: i64) -> Loaded {
    let (Ok(text), Ok(spare_text)) = (store.read(PROGRESS_KEY), store.read(SPARE_KEY)) else {
        return Loaded::refused(Notice::Unavailable);
    };
    kept_aside::remove_duplicates(store);
    let mut progress = spare_text.as_deref().map(|t| decode(t).progress).unwrap_or_default();
    let Some(text) = text else {
        // An original left in place was deleted since: what was saved beside it comes home.
        if spare_text.is_some() {
            write_home(store, &progress);
        }
        return Loaded::readable(progress);
    };
    let decoded = decode(&text);
    progress.merge(&decoded.progress);
    match decoded.problem {
        None if decoded.version == Some(1) => migrate(store, &text, progress, now_ms),
        None => {
            if spare_text.is_some() {
                write_home(store, &progress);
            }
            Loaded::readable(progress)
        }
        Some(DecodeProblem::Newer(v)) => Loaded::refused(Notice::Newer(v)),
        Some(problem) => {
            let kept = kept_aside::keep_aside(store, Kind::Progress, &text, now_ms);
            // Once its copy is safe, the text is replaced by what could be read, so the next
            // load finds readable progress and copies nothing. Otherwise it stays, and saves go
            // beside it.
            if matches!(kept, Kept::At(_)) {
                write_home(store, &progress);
            }
            Loaded {
                progress,
                notices: vec![Notice::Unreadable { problem, kept }],
                unreadable: Some(text),
                may_save: true,
            }
        }
    }
}

/// Rewrites format-1 `text` (holding, with anything saved beside it, `progress`) in format 2.
/// The old text is kept aside first (when it fits) and deleted only once the new text has been
/// read back from the store as written; the new text is checked to hold exactly `progress`
/// before anything is written. Any doubt leaves the old text where it is, nothing saved over it.
fn migrate(store: &mut dyn Store, text: &str, progress: Progress, now_ms: i64) -> Loaded {
    let new = encode(&progress);
    if decode(&new).progress != progress {
        // Never expected: the new form would lose something.
        return Loaded { progress, notices: vec![Notice::NotSaved], unreadable: None, may_save: false };
    }
    let kept = kept_aside::keep_aside(store, Kind::Progress, text, now_ms);
    let written = store.write(PROGRESS_KEY, &new).is_ok();
    let confirmed = written && store.read(PROGRESS_KEY).ok().flatten().is_some_and(|t| t == new);
    if confirmed || !written {
        // Either the new text is safe, or the old one is still in place: no copy is needed.
        if let Kept::At(key) = &kept {
            let _ = store.remove(key);
        }
        if confirmed {
            let _ = store.remove(SPARE_KEY);
        }
        return Loaded::readable(progress);
    }
    // The store did not give back what was written: put the old text back (its copy stays).
    let _ = store.write(PROGRESS_KEY, text);
    Loaded { progress, notices: vec![Notice::NotSaved], unreadable: None, may_save: false }
}

/// Writes `progress` under [`PROGRESS_KEY`] and, if that worked, removes [`SPARE_KEY`]. A write
/// that fails changes nothing: the next save tries again, compacting if need be.
fn write_home(store: &mut dyn Store, progress: &Progress) {
    if store.write(PROGRESS_KEY, &encode(progress)).is_ok() {
        let _ = store.remove(SPARE_KEY);
    }
}

/// Writes `progress` under `key`, folding old history while the quota is full. Returns the text
/// written and what folding was done.
fn write_compacting(
    store: &mut dyn Store,
    key: &str,
    progress: &mut Progress,
) -> Result<(String, Vec<Notice>), Notice> {
    let mut notices = Vec::new();
    loop {
        let text = encode(progress);
        match store.write(key, &text) {
            Ok(()) => return Ok((text, notices)),
            Err(StoreError::QuotaExceeded) => {
                let folded = progress.compact(KEEP_WHEN_COMPACTING);
                if folded == 0 {
                    return Err(Notice::NotSaved);
                }
                notices.push(Notice::Compacted(folded));
            }
            Err(StoreError::Unavailable) => return Err(Notice::NotSaved),
        }
    }
}

/// Saves `progress`, first merging in whatever another tab has stored meanwhile (so `progress`
/// gains those answers too). Compacts old history when the quota is full.
pub fn save(store: &mut dyn Store, progress: &mut Progress) -> Result<Vec<Notice>, Notice> {
    Saver::default().save(store, progress)
}

/// Saves progress again and again, remembering the text it last wrote: while storage still
/// holds exactly that text, no other tab has written since, and the stored log need not be
/// decoded and merged before the next write.
#[derive(Debug, Clone, Default)]
pub struct Saver {
    last_written: Option<String>,
    /// While [`PROGRESS_KEY`] holds unreadable text not kept aside: what could be read of it.
    /// Saves then go to [`SPARE_KEY`], holding the rest, and the original is not read again;
    /// when it has been deleted, the next save writes everything under [`PROGRESS_KEY`] (so the
    /// app saves at once after deleting it, since what was read of it is then only in memory).
    beside: Option<Progress>,
}

impl Saver {
    /// Like [`save`], skipping the decode and merge when nothing else has written since.
    pub fn save(&mut self, store: &mut dyn Store, progress: &mut Progress) -> Result<Vec<Notice>, Notice> {
        if let Some(frozen) = self.beside.take() {
            // Once the original is gone (deleted from the Dữ liệu page), everything goes home,
            // what was read of it included. Listing the keys does not read the original.
            let still_there = store.keys().map(|keys| keys.iter().any(|k| k == PROGRESS_KEY));
            if still_there != Ok(false) {
                let saved = match still_there {
                    Ok(_) => self.save_beside(store, progress, &frozen),
                    Err(_) => Err(Notice::NotSaved),
                };
                self.beside = Some(frozen);
                return saved;
            }
            self.last_written = None;
        }
        match store.read(PROGRESS_KEY) {
            Ok(Some(text)) if self.last_written.as_ref() == Some(&text) => {}
            Ok(Some(text)) => {
                let stored = decode(&text);
                match stored.problem {
                    Some(DecodeProblem::Newer(_)) => return Err(Notice::NotSaved),
                    // Unreadable text (written since loading, or too big to copy) that no copy
                    // holds: it is never overwritten, answers are saved beside it.
                    Some(_) if kept_aside::find(store, Kind::Progress, &text).is_none() => {
                        self.last_written = None;
                        self.beside = Some(stored.progress);
                        return self.save(store, progress);
                    }
                    _ => {
                        progress.merge(&stored.progress);
                    }
                }
            }
            Ok(None) => {}
            Err(_) => return Err(Notice::NotSaved),
        }
        // What was saved beside an original since kept aside or deleted comes home.
        let Ok(spare) = store.read(SPARE_KEY) else { return Err(Notice::NotSaved) };
        if let Some(spare) = &spare {
            progress.merge(&decode(spare).progress);
        }
        self.last_written = None;
        let (text, notices) = write_compacting(store, PROGRESS_KEY, progress)?;
        self.last_written = Some(text);
        if spare.is_some() {
            let _ = store.remove(SPARE_KEY);
        }
        Ok(notices)
    }

    /// Saves under [`SPARE_KEY`] what `frozen` (read from the original left in place) lacks.
    fn save_beside(
        &mut self,
        store: &mut dyn Store,
        progress: &mut Progress,
        frozen: &Progress,
    ) -> Result<Vec<Notice>, Notice> {
        match store.read(SPARE_KEY) {
            Ok(Some(text)) if self.last_written.as_ref() == Some(&text) => {}
            Ok(Some(text)) => {
                progress.merge(&decode(&text).progress);
            }
            Ok(None) => {}
            Err(_) => return Err(Notice::NotSaved),
        }
        self.last_written = None;
        let mut rest = progress.without(frozen);
        let (text, notices) = write_compacting(store, SPARE_KEY, &mut rest)?;
        if !notices.is_empty() {
            *progress = frozen.clone();
            progress.merge(&rest);
        }
        self.last_written = Some(text);
        Ok(notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kept_aside::Kind;
    use crate::progress::record::{AnswerRecord, Mode};

    fn answer(q: &str, t: i64) -> AnswerRecord {
        AnswerRecord::from((t, "b".into(), q.into(), 1, 1000, Mode::Practice))
    }

    #[test]
    fn save_then_load() {
        let mut store = MemoryStore::default();
        let mut p = Progress::default();
        p.record(answer("q1", 1));
        assert_eq!(save(&mut store, &mut p), Ok(vec![]));
        let loaded = load(&mut store, 0);
        assert_eq!((loaded.progress, loaded.notices, loaded.may_save), (p, vec![], true));
    }

    #[test]
    fn two_tabs_answering_alternately_lose_nothing() {
        let mut store = MemoryStore::default();
        let mut tab_a = load(&mut store, 0).progress;
        let mut tab_b = load(&mut store, 0).progress;
        for t in 0..5 {
            tab_a.record(answer("a", t));
            save(&mut store, &mut tab_a).unwrap();
            tab_b.record(answer("b", t));
            save(&mut store, &mut tab_b).unwrap();
        }
        let stored = load(&mut store, 0).progress;
        assert_eq!(stored.answers.len(), 10);
        assert_eq!(tab_b.answers.len(), 10, "the last tab to save has everything");
    }

    #[test]
    fn corrupt_data_is_kept_aside_and_not_overwritten_blindly() {
        let mut store = MemoryStore::default();
        store.map.insert(PROGRESS_KEY.into(), "{ hỏng".into());
        let loaded = load(&mut store, 42);
        assert_eq!(loaded.unreadable.as_deref(), Some("{ hỏng"));
        let key = kept_aside::key_for(Kind::Progress, "{ hỏng", 42);
        assert!(matches!(&loaded.notices[..], [Notice::Unreadable { kept: Kept::At(k), .. }] if *k == key));
        assert_eq!(store.map[&key], "{ hỏng");
        assert!(loaded.may_save, "the copy is safe, so new progress may replace it");
        let mut p = loaded.progress;
        p.record(answer("x", 1));
        assert_eq!(save(&mut store, &mut p), Ok(vec![]));
        assert_eq!(load(&mut store, 43).progress.answers.len(), 1);
        // Unreadable text written later (by another tab) is never overwritten by a save: the
        // answers are saved beside it, and the next load keeps it aside and brings them home.
        store.map.insert(PROGRESS_KEY.into(), "garbage".into());
        p.record(answer("x", 2));
        assert_eq!(save(&mut store, &mut p), Ok(vec![]));
        assert_eq!(store.map[PROGRESS_KEY], "garbage");
        let loaded = load(&mut store, 44);
        assert_eq!(loaded.progress.answers.len(), 2);
        assert!(!store.map.contains_key(SPARE_KEY));
        assert_eq!(store.map[&kept_aside::key_for(Kind::Progress, "garbage", 44)], "garbage");
    }

    #[test]
    fn newer_data_is_left_alone() {
        let mut store = MemoryStore::default();
        let newer = "{\"format\": \"ontap-progress\", \"version\": 9}";
        store.map.insert(PROGRESS_KEY.into(), newer.into());
        let loaded = load(&mut store, 1);
        assert!(!loaded.may_save);
        assert_eq!(store.map[PROGRESS_KEY], newer);
    }

    #[test]
    fn disabled_storage_keeps_the_app_in_memory() {
        let mut store = MemoryStore { disabled: true, ..MemoryStore::default() };
        let loaded = load(&mut store, 0);
        assert_eq!((loaded.notices, loaded.may_save), (vec![Notice::Unavailable], false));
        assert_eq!(save(&mut store, &mut Progress::default()), Err(Notice::NotSaved));
    }

    #[test]
    fn full_quota_compacts_old_history() {
        let mut p = Progress::default();
        for t in 0..40 {
            p.record(answer("q", t));
        }
        // Room for half of it: the full log cannot be written, the compacted one can.
        let capacity = (PROGRESS_KEY.len() + super::encode(&p).len()) / 2;
        let mut store = MemoryStore { capacity: Some(capacity), ..MemoryStore::default() };
        let notices = save(&mut store, &mut p).unwrap();
        assert_eq!(notices, vec![Notice::Compacted(37)]);
        assert_eq!(p.answers.len(), KEEP_WHEN_COMPACTING);
        assert_eq!(p.summaries[0].answers, 37);
        let mut huge = Progress::default();
        for q in 0..200 {
            huge.record(answer(&format!("q{q}"), 1));
        }
        let mut small = MemoryStore { capacity: Some(100), ..MemoryStore::default() };
        assert_eq!(save(&mut small, &mut huge), Err(Notice::NotSaved), "nothing left to fold");
    }

    #[test]
    fn saver_merges_only_what_another_tab_wrote() {
        let mut store = MemoryStore::default();
        let mut saver = Saver::default();
        let mut mine = Progress::default();
        mine.record(answer("a", 1));
        saver.save(&mut store, &mut mine).unwrap();
        mine.record(answer("a", 2));
        saver.save(&mut store, &mut mine).unwrap();
        assert_eq!(load(&mut store, 0).progress, mine);
        // Another tab writes: the next save must merge it, not overwrite it.
        let mut other = load(&mut store, 0).progress;
        other.record(answer("b", 3));
        save(&mut store, &mut other).unwrap();
        mine.record(answer("a", 4));
        saver.save(&mut store, &mut mine).unwrap();
        assert_eq!(mine.answers.len(), 4, "the other tab's answer was merged in");
        assert_eq!(load(&mut store, 0).progress, mine);
        // Something unreadable written since is never overwritten, even by a saver that wrote
        // last: the answers go beside it.
        store.map.insert(PROGRESS_KEY.into(), "hỏng".into());
        mine.record(answer("a", 5));
        assert_eq!(saver.save(&mut store, &mut mine), Ok(vec![]));
        assert_eq!(store.map[PROGRESS_KEY], "hỏng");
        assert_eq!(decode(&store.map[SPARE_KEY]).progress, mine);
    }

    #[test]
    fn saver_forgets_a_write_that_failed() {
        let mut store = MemoryStore::default();
        let mut saver = Saver::default();
        let mut mine = Progress::default();
        mine.record(answer("a", 1));
        saver.save(&mut store, &mut mine).unwrap();
        store.disabled = true;
        mine.record(answer("a", 2));
        assert_eq!(saver.save(&mut store, &mut mine), Err(Notice::NotSaved));
        // Storage comes back holding another tab's log: it is merged, not taken for ours.
        store.disabled = false;
        let mut other = Progress::default();
        other.record(answer("b", 3));
        store.map.insert(PROGRESS_KEY.into(), super::encode(&other));
        saver.save(&mut store, &mut mine).unwrap();
        assert_eq!(mine.answers.len(), 3);
    }

    /// A log of `n` answers spread over 800 questions of two banks, as a member builds it.
    fn long_log(n: i64) -> Progress {
        let mut p = Progress::default();
        for i in 0..n {
            let bank = if i % 3 == 0 { "ngay-le-lon" } else { "nghi-quyet-57" };
            let question = format!("{}-{:03}", &bank[..3], (i * 7919) % 400);
            let mode = Mode::try_from((i % 3) as u8).unwrap();
            let (fingerprint, credit) =
                (((i % 400) as u32).wrapping_mul(2_654_435_761), [1000, 0, 666][(i % 5 % 3) as usize]);
            p.record(AnswerRecord {
                time_ms: 1_767_225_600_000 + i * 17_321,
                bank: bank.into(),
                question,
                fingerprint,
                credit,
                mode,
            });
        }
        p
    }

    /// Loads format-1 `v1` (holding `expected`) from `store` and checks it is migrated whole.
    fn assert_migrates(store: &mut MemoryStore, expected: &Progress) {
        let v1 = store.map[PROGRESS_KEY].clone();
        store.map.insert(crate::exam::EXAM_KEY.into(), "{\"format\": \"ontap-exam\"}".into());
        let loaded = load(store, 7);
        assert_eq!((&loaded.progress, &loaded.notices, loaded.may_save), (expected, &vec![], true));
        let stored = decode(&store.map[PROGRESS_KEY]);
        assert_eq!((stored.version, stored.problem, &stored.progress), (Some(2), None, expected));
        assert!(store.map[PROGRESS_KEY].len() * 2 <= v1.len(), "format 2 takes half the room");
        // Confirmed: the copy of the old text is gone; the unfinished exam is untouched.
        assert_eq!(store.map.keys().collect::<Vec<_>>(), [crate::exam::EXAM_KEY, PROGRESS_KEY]);
        assert_eq!(store.map[crate::exam::EXAM_KEY], "{\"format\": \"ontap-exam\"}");
        let used = store.used();
        assert_eq!(load(store, 8).progress, *expected);
        assert_eq!(store.used(), used, "a second load writes nothing");
    }

    #[test]
    fn a_real_format_1_log_is_migrated_on_the_first_load() {
        let v1 = include_str!("../../tests/fixtures/progress-v1.json");
        let mut store = MemoryStore::default();
        store.map.insert(PROGRESS_KEY.into(), v1.into());
        let expected = decode(v1).progress;
        assert_eq!(expected.summaries.len(), 59);
        assert_migrates(&mut store, &expected);
    }

    #[test]
    fn a_format_1_log_of_10_000_answers_is_migrated() {
        let p = long_log(10_000);
        let mut store = MemoryStore::default();
        store.map.insert(PROGRESS_KEY.into(), super::super::codec::encode_v1(&p));
        assert_migrates(&mut store, &p);
    }

    #[test]
    fn a_format_1_log_filling_the_quota_is_migrated_without_a_copy() {
        let p = long_log(3_000);
        let mut store = MemoryStore::default();
        store.map.insert(PROGRESS_KEY.into(), super::super::codec::encode_v1(&p));
        store.capacity = Some(store.used() + 10);
        assert_migrates(&mut store, &p);
        let mut more = p.clone();
        more.record(answer("x", 1));
        assert_eq!(save(&mut store, &mut more), Ok(vec![]), "and there is room for answers again");
    }

    #[test]
    fn a_migration_the_store_does_not_give_back_leaves_the_old_text_in_place() {
        /// Cuts short every format-2 progress it is given.
        struct Lossy(MemoryStore);
        impl Store for Lossy {
            fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
                self.0.read(key)
            }
            fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
                let cut = key == PROGRESS_KEY && value.contains("\"version\":2");
                self.0.write(key, if cut { &value[..value.len() / 2] } else { value })
            }
            fn keys(&self) -> Result<Vec<String>, StoreError> {
                self.0.keys()
            }
            fn remove(&mut self, key: &str) -> Result<(), StoreError> {
                self.0.remove(key)
            }
        }
        let v1 = super::super::codec::encode_v1(&long_log(10));
        let mut store = Lossy(MemoryStore::default());
        store.0.map.insert(PROGRESS_KEY.into(), v1.clone());
        let loaded = load(&mut store, 5);
        assert_eq!((loaded.progress.answers.len(), loaded.may_save), (10, false));
        assert_eq!(loaded.notices, [Notice::NotSaved]);
        assert_eq!(store.0.map[PROGRESS_KEY], v1);
        assert_eq!(store.0.map[&kept_aside::key_for(Kind::Progress, &v1, 5)], v1, "and its copy stays");
    }

    #[test]
    fn a_tab_still_on_format_1_never_overwrites_format_2() {
        let mut store = MemoryStore::default();
        store.map.insert(PROGRESS_KEY.into(), super::super::codec::encode_v1(&long_log(5)));
        // The old tab loaded first; this tab loads and migrates.
        let mut mine = load(&mut store, 1).progress;
        let migrated = store.map[PROGRESS_KEY].clone();
        // What a build of format 1 checks before saving (codec.rs before issue 14): any version
        // above 1 is newer, and a newer text is never overwritten.
        let value: serde_json::Value = serde_json::from_str(&migrated).unwrap();
        let old_build_would_overwrite = value["version"].as_u64().is_some_and(|v| v <= 1);
        assert!(!old_build_would_overwrite);
        // The other way round: a log the old tab writes in format 1 is merged by the next save.
        let mut old_tab = long_log(5);
        old_tab.record(answer("old", 99));
        store.map.insert(PROGRESS_KEY.into(), super::super::codec::encode_v1(&old_tab));
        mine.record(answer("new", 100));
        save(&mut store, &mut mine).unwrap();
        let stored = decode(&store.map[PROGRESS_KEY]);
        assert_eq!((stored.version, stored.progress.answers.len()), (Some(2), 7));
    }
}
