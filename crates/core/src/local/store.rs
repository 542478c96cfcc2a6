//! Local banks in a key-value [`Store`] (localStorage): a small versioned envelope
//! `{"format": "ontap-local-banks", "version": 1, "banks": [{id, name, text, added_ms}, …]}`.
//! Like progress (see `progress::store`), unreadable data is kept aside once
//! ([`crate::kept_aside`]) and never overwritten before it is, data from a newer version is left
//! alone and not copied, and storage that cannot be used leaves the banks usable for this visit
//! only.

use super::LocalFile;
use crate::kept_aside::{self, Kept, Kind};
use crate::progress::store::{Store, StoreError};
use serde_json::{Value, json};

/// Where local banks are stored.
pub const LOCAL_BANKS_KEY: &str = "ontap.local-banks";
/// Names this app's local banks, so foreign data under the key is recognised.
pub const FORMAT: &str = "ontap-local-banks";
/// The version this build writes.
pub const VERSION: u64 = 1;

/// Why stored local banks cannot be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalNotice {
    /// The stored text is damaged or not ours; `kept` says where it is kept.
    Unreadable {
        /// Where the text is kept (copied, or left in place when the copy did not fit).
        kept: Kept,
    },
    /// Some entries were damaged and skipped; the others are usable.
    Skipped(usize),
    /// Written by a newer version of the app: left alone.
    Newer(u64),
    /// Storage is disabled: the banks last only until the tab closes.
    Unavailable,
    /// The quota is full: the bank is usable for this visit only.
    Full,
}

impl LocalNotice {
    /// What the trainer is told, in Vietnamese.
    pub fn message(&self) -> String {
        match self {
            LocalNotice::Unreadable { kept } => {
                let kept = match kept {
                    Kept::At(k) => format!("Dữ liệu cũ được giữ nguyên ở mục “{k}”."),
                    Kept::InPlace => "Bộ nhớ không đủ chỗ để chép riêng dữ liệu cũ, nên nó được để nguyên tại chỗ và chưa lưu được ngân hàng mới; hãy tải dữ liệu cũ về rồi xoá ở trang Dữ liệu.".into(),
                };
                format!("Dữ liệu ngân hàng trên máy này bị hỏng, không đọc được. {kept}")
            }
            LocalNotice::Skipped(n) => format!("{n} ngân hàng đã lưu trên máy này bị hỏng nên đã bỏ qua."),
            LocalNotice::Newer(v) => format!(
                "Ngân hàng trên máy này do phiên bản mới hơn của ứng dụng lưu (phiên bản dữ liệu {v}); dữ liệu đó được để nguyên, không sao chép. Hãy tải lại trang để cập nhật ứng dụng."
            ),
            LocalNotice::Unavailable => {
                "Trình duyệt không cho lưu dữ liệu: ngân hàng thử chỉ dùng được đến khi đóng thẻ này.".into()
            }
            LocalNotice::Full => {
                "Bộ nhớ trình duyệt đã đầy: ngân hàng này chỉ dùng được đến khi đóng thẻ; hãy gỡ bớt ngân hàng trên máy này.".into()
            }
        }
    }
}

/// What loading found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedLocal {
    /// The stored files that could be read.
    pub files: Vec<LocalFile>,
    /// What to tell the trainer.
    pub notice: Option<LocalNotice>,
    /// False when what is stored must not be overwritten (or cannot be written at all).
    pub may_save: bool,
}

/// The stored text of `files`.
pub fn encode(files: &[LocalFile]) -> String {
    json!({ "format": FORMAT, "version": VERSION, "banks": files }).to_string()
}

/// Reads stored text: the files, how many damaged entries were skipped, or why nothing could be
/// read (`Unreadable` or `Newer`; where unreadable text is kept is for [`load`] to decide).
fn decode(text: &str) -> Result<(Vec<LocalFile>, usize), LocalNotice> {
    let unreadable = LocalNotice::Unreadable { kept: Kept::InPlace };
    let value: Value = crate::check::parse_value(text).map_err(|_| unreadable.clone())?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(unreadable);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(LocalNotice::Newer(v)),
        _ => return Err(unreadable),
    }
    let entries = value.get("banks").and_then(Value::as_array).cloned().unwrap_or_default();
    let total = entries.len();
    let files: Vec<LocalFile> = entries.into_iter().filter_map(|e| serde_json::from_value(e).ok()).collect();
    let skipped = total - files.len();
    Ok((files, skipped))
}

/// Whether `text`, stored under [`LOCAL_BANKS_KEY`], cannot be read (and is not from a newer version).
pub(crate) fn unreadable(text: &str) -> bool {
    matches!(decode(text), Err(LocalNotice::Unreadable { .. }))
}

/// Loads the stored local banks at `now_ms` (the time names a kept-aside copy).
pub fn load(store: &mut dyn Store, now_ms: i64) -> LoadedLocal {
    let text = match store.read(LOCAL_BANKS_KEY) {
        Ok(Some(t)) => t,
        Ok(None) => return LoadedLocal { files: vec![], notice: None, may_save: true },
        Err(_) => return LoadedLocal { files: vec![], notice: Some(LocalNotice::Unavailable), may_save: false },
    };
    match decode(&text) {
        Ok((files, 0)) => LoadedLocal { files, notice: None, may_save: true },
        Ok((files, n)) => LoadedLocal { files, notice: Some(LocalNotice::Skipped(n)), may_save: true },
        Err(LocalNotice::Newer(v)) => {
            LoadedLocal { files: vec![], notice: Some(LocalNotice::Newer(v)), may_save: false }
        }
        Err(_) => {
            let kept = kept_aside::keep_aside(store, Kind::LocalBanks, &text, now_ms);
            // Once the copy is safe, an empty list replaces the text, so the next load copies
            // nothing; a text that could not be copied stays, and nothing is saved over it.
            let may_save = matches!(kept, Kept::At(_));
            if may_save {
                let _ = save(store, &[]);
            }
            LoadedLocal { files: vec![], notice: Some(LocalNotice::Unreadable { kept }), may_save }
        }
    }
}

/// Stores `files`, replacing what is stored.
pub fn save(store: &mut dyn Store, files: &[LocalFile]) -> Result<(), LocalNotice> {
    store.write(LOCAL_BANKS_KEY, &encode(files)).map_err(|e| match e {
        StoreError::QuotaExceeded => LocalNotice::Full,
        StoreError::Unavailable => LocalNotice::Unavailable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::store::MemoryStore;

    fn file(id: &str) -> LocalFile {
        LocalFile { id: id.into(), name: format!("{id}.json"), text: format!("{{\"id\": \"{id}\"}}"), added_ms: 7 }
    }

    #[test]
    fn saved_files_load_again() {
        let mut store = MemoryStore::default();
        assert_eq!(load(&mut store, 0), LoadedLocal { files: vec![], notice: None, may_save: true });
        save(&mut store, &[file("a"), file("b")]).unwrap();
        let loaded = load(&mut store, 0);
        assert_eq!((loaded.files, loaded.notice, loaded.may_save), (vec![file("a"), file("b")], None, true));
    }

    #[test]
    fn corrupt_data_is_kept_aside() {
        let mut store = MemoryStore::default();
        store.map.insert(LOCAL_BANKS_KEY.into(), "{ hỏng".into());
        let loaded = load(&mut store, 42);
        let key = kept_aside::key_for(Kind::LocalBanks, "{ hỏng", 42);
        let key = key.as_str();
        assert!(key.starts_with("ontap.kept-aside.local-banks."));
        assert_eq!(loaded.notice, Some(LocalNotice::Unreadable { kept: Kept::At(key.into()) }));
        assert_eq!(store.map[key], "{ hỏng");
        assert!(loaded.files.is_empty() && loaded.may_save, "the copy is safe, so new banks may be saved");
        assert!(loaded.notice.unwrap().message().contains(key));
        // Foreign JSON is treated the same way.
        store.map.insert(LOCAL_BANKS_KEY.into(), "[1, 2]".into());
        assert!(matches!(load(&mut store, 43).notice, Some(LocalNotice::Unreadable { .. })));
    }

    #[test]
    fn damaged_entries_are_skipped() {
        let mut store = MemoryStore::default();
        let text = encode(&[file("a"), file("b")]).replacen("\"name\":\"a.json\",", "", 1);
        store.map.insert(LOCAL_BANKS_KEY.into(), text);
        let loaded = load(&mut store, 0);
        assert_eq!((loaded.files, loaded.notice), (vec![file("b")], Some(LocalNotice::Skipped(1))));
    }

    #[test]
    fn newer_data_is_left_alone() {
        let mut store = MemoryStore::default();
        let newer = "{\"format\": \"ontap-local-banks\", \"version\": 2, \"banks\": []}";
        store.map.insert(LOCAL_BANKS_KEY.into(), newer.into());
        let loaded = load(&mut store, 1);
        assert_eq!((loaded.notice, loaded.may_save), (Some(LocalNotice::Newer(2)), false));
        assert_eq!(store.map[LOCAL_BANKS_KEY], newer);
    }

    #[test]
    fn disabled_or_full_storage_is_named() {
        let mut off = MemoryStore { disabled: true, ..MemoryStore::default() };
        assert_eq!(load(&mut off, 0).notice, Some(LocalNotice::Unavailable));
        assert_eq!(save(&mut off, &[file("a")]), Err(LocalNotice::Unavailable));
        let mut small = MemoryStore { capacity: Some(40), ..MemoryStore::default() };
        assert_eq!(save(&mut small, &[file("a")]), Err(LocalNotice::Full));
    }
}
