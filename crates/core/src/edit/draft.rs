//! The draft kept on the device while a bank is edited: one key per bank
//! (`ontap.editor.<slot>`, the slot being the bank's id when it was opened), overwritten on every
//! change, so storage never grows by itself. A draft names the tab that wrote it: a tab never
//! overwrites another tab's draft silently (it is told, and may take the draft over).

use crate::check::parse_value;
use crate::model::Bank;
use crate::progress::store::{Store, StoreError};
use serde::{Deserialize, Serialize};

/// The keys of drafts start with this.
pub const DRAFT_PREFIX: &str = "ontap.editor.";
/// The draft format this build writes and reads.
pub const DRAFT_FORMAT: u64 = 1;

/// A bank being edited, as kept on the device.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The tab that wrote it last.
    pub tab: String,
    /// When, in milliseconds since 1970.
    pub written_ms: i64,
    /// Where the bank came from, in the trainer's words (`Tệp nq35.json`).
    pub origin: String,
    /// Whether the bank as it stands was saved (downloaded or kept on the device).
    pub saved: bool,
    /// The bank.
    pub bank: Bank,
}

/// The stored form: the bank as its canonical text, so a draft reads like a bank file.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: u64,
    tab: String,
    written_ms: i64,
    origin: String,
    saved: bool,
    bank: String,
}

/// The key of the draft of slot `slot`.
pub fn key(slot: &str) -> String {
    format!("{DRAFT_PREFIX}{slot}")
}

/// The stored text of `draft`.
pub fn encode(draft: &Draft) -> String {
    let stored = Stored {
        format: DRAFT_FORMAT,
        tab: draft.tab.clone(),
        written_ms: draft.written_ms,
        origin: draft.origin.clone(),
        saved: draft.saved,
        bank: crate::layout::write_bank(&draft.bank),
    };
    serde_json::to_string(&stored).expect("a draft always serializes")
}

/// Why a stored draft cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    /// The text is not a draft this app wrote (damaged, or cut short).
    Damaged,
    /// Written by a newer version of the app.
    Newer(u64),
}

impl DraftProblem {
    /// What the trainer reads, naming the draft.
    pub fn message(&self, slot: &str) -> String {
        match self {
            DraftProblem::Damaged => format!(
                "Bản nháp “{slot}” lưu trên máy này bị hỏng, không đọc được. Bạn có thể tải nó xuống để xem, hoặc xoá nó."
            ),
            DraftProblem::Newer(v) => {
                format!("Bản nháp “{slot}” do phiên bản mới hơn của ứng dụng ghi (định dạng {v}): hãy tải lại trang.")
            }
        }
    }
}

/// Reads a stored draft.
pub fn decode(text: &str) -> Result<Draft, DraftProblem> {
    // Through the checker's JSON reader and `from_value`, which the trainers' page already
    // carries, rather than a second `from_str` deserializer of every type in its wasm.
    let value = parse_value(text).map_err(|_| DraftProblem::Damaged)?;
    let format = value.get("format").and_then(serde_json::Value::as_u64).ok_or(DraftProblem::Damaged)?;
    if format > DRAFT_FORMAT {
        return Err(DraftProblem::Newer(format));
    }
    let stored: Stored = serde_json::from_value(value).map_err(|_| DraftProblem::Damaged)?;
    let bank = parse_value(&stored.bank).and_then(serde_json::from_value).map_err(|_| DraftProblem::Damaged)?;
    Ok(Draft { tab: stored.tab, written_ms: stored.written_ms, origin: stored.origin, saved: stored.saved, bank })
}

/// One stored draft, readable or not.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDraft {
    /// Its slot (the key without [`DRAFT_PREFIX`]).
    pub slot: String,
    /// The draft, or why it cannot be read.
    pub draft: Result<Draft, DraftProblem>,
    /// The stored text, to download a damaged one.
    pub text: String,
}

/// Every draft stored, by slot.
pub fn list(store: &dyn Store) -> Result<Vec<StoredDraft>, StoreError> {
    let mut drafts = Vec::new();
    for key in store.keys()? {
        let Some(slot) = key.strip_prefix(DRAFT_PREFIX) else { continue };
        if let Some(text) = store.read(&key)? {
            drafts.push(StoredDraft { slot: slot.to_owned(), draft: decode(&text), text });
        }
    }
    drafts.sort_by(|a, b| a.slot.cmp(&b.slot));
    Ok(drafts)
}

/// Why a draft was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotWritten {
    /// Another tab wrote this bank's draft since: it is not overwritten.
    OtherTab {
        /// When the other tab wrote it.
        written_ms: i64,
    },
    /// The stored draft cannot be read: it is not overwritten before the trainer decides.
    Unreadable(DraftProblem),
    /// Storage refused.
    Store(StoreError),
}

impl NotWritten {
    /// What the trainer reads.
    pub fn message(&self, slot: &str) -> String {
        match self {
            NotWritten::OtherTab { .. } => format!(
                "Ngân hàng “{slot}” vừa được sửa ở một thẻ khác. Thay đổi ở thẻ này chưa được lưu vào bản nháp, để không ghi đè lên thẻ kia: hãy dùng “Tiếp tục ở thẻ này” (bản của thẻ này sẽ thay bản nháp) hoặc đóng thẻ này."
            ),
            NotWritten::Unreadable(problem) => problem.message(slot),
            NotWritten::Store(StoreError::QuotaExceeded) => {
                "Bộ nhớ của trình duyệt đã đầy: bản nháp chưa được lưu. Hãy tải ngân hàng xuống để không mất công sức.".into()
            }
            NotWritten::Store(StoreError::Unavailable) => {
                "Trình duyệt không cho lưu dữ liệu (có thể đang ở chế độ ẩn danh): bản nháp không được lưu. Hãy tải ngân hàng xuống trước khi đóng trang.".into()
            }
        }
    }
}

/// What a write may replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous<'a> {
    /// Whatever is stored: the trainer chose this tab's version.
    Replace,
    /// Only this tab's own draft. The text this tab wrote last, when known, is recognised
    /// without being read again (a bank of thousands of questions is megabytes to parse on every
    /// keystroke); any other stored text is read to see whose it is.
    Ours(Option<&'a str>),
}

/// Writes `draft` under `slot` and gives the text written, unless the stored draft belongs to
/// another tab or cannot be read (see [`Previous`]).
pub fn write(store: &mut dyn Store, slot: &str, draft: &Draft, previous: Previous<'_>) -> Result<String, NotWritten> {
    let key = key(slot);
    if let Previous::Ours(last) = previous {
        let stored = store.read(&key).map_err(NotWritten::Store)?;
        if let Some(text) = stored.filter(|text| Some(text.as_str()) != last) {
            match decode(&text) {
                Ok(stored) if stored.tab != draft.tab => {
                    return Err(NotWritten::OtherTab { written_ms: stored.written_ms });
                }
                Ok(_) => {}
                Err(problem) => return Err(NotWritten::Unreadable(problem)),
            }
        }
    }
    let text = encode(draft);
    store.write(&key, &text).map_err(NotWritten::Store)?;
    Ok(text)
}

/// Reads the draft of `slot`, if one is stored.
pub fn read(store: &dyn Store, slot: &str) -> Result<Option<Draft>, NotWritten> {
    match store.read(&key(slot)).map_err(NotWritten::Store)? {
        None => Ok(None),
        Some(text) => decode(&text).map(Some).map_err(NotWritten::Unreadable),
    }
}

/// Removes the draft of `slot`.
pub fn remove(store: &mut dyn Store, slot: &str) -> Result<(), StoreError> {
    store.remove(&key(slot))
}
