//! One file's import: its bytes read once and held in memory (never stored), so that the
//! trainer can import it again with other options without choosing it again; what its import
//! keeps on this device is replaced, not added to, when it is imported again.

use super::Choices;
use crate::load::QUESTIONS_DIR;
use crate::platform::files::PickedFile;
use crate::platform::{later, timing};
use crate::trainers::TrainerState;
use crate::trainers::try_bank::{Tried, too_large, try_bytes};
use ontap_core::check::{Lang, Problem};
use ontap_core::local::{LocalFile, check_local};
use ontap_import::{Converted, Fatal, import_file};
use std::sync::Arc;

/// Files larger than this are not read at all (an Office file unpacks to at most as much).
const MAX_FILE_BYTES: usize = ontap_import::office::MAX_UNPACKED as usize;

/// A file the trainer chose, as read once.
#[derive(Clone)]
pub(super) struct Held {
    /// Its name on the trainer's device.
    pub name: String,
    /// Its bytes, or why they were not read.
    bytes: Result<Arc<[u8]>, Unread>,
    /// What its last import kept on this device, which its next import replaces.
    kept: Option<LocalFile>,
}

/// Why a file's bytes were not read.
#[derive(Clone)]
enum Unread {
    /// Over [`MAX_FILE_BYTES`]: its size.
    TooLarge(usize),
    /// The browser could not read it.
    Failed(String),
}

impl Held {
    /// Reads a file the trainer chose or dropped.
    pub async fn read(file: PickedFile) -> Held {
        let (name, size) = (file.name(), file.size());
        let bytes = if size > MAX_FILE_BYTES {
            Err(Unread::TooLarge(size))
        } else {
            file.bytes().await.map(Arc::from).map_err(Unread::Failed)
        };
        Held { name, bytes, kept: None }
    }
}

/// One file's import.
#[derive(Clone)]
pub(super) enum Outcome {
    /// A bank file: checked as it is.
    Bank(Tried),
    /// Read and checked; `added` when it passed and joined the banks on this device.
    Imported { name: String, converted: Arc<Converted>, added: bool },
    /// Not read at all: why, and what to do.
    Refused { name: String, message: String },
}

/// A file and its latest import.
#[derive(Clone)]
pub(super) struct Done {
    /// The file, held for importing it again.
    pub file: Held,
    /// What its latest import gave.
    pub outcome: Outcome,
    /// The id of the bank an earlier import of this file kept on this device, when this one
    /// kept nothing new and that bank is still there (a failed import leaves it as it was).
    pub earlier_kept: Option<String>,
}

/// `earlier`'s id when the file still has it as its kept bank (nothing newer kept) and this
/// device still stores it.
fn still_kept(earlier: Option<LocalFile>, file: &Held, state: &TrainerState) -> Option<String> {
    let earlier = earlier.filter(|e| file.kept.as_ref() == Some(e))?;
    state.stores(&earlier).then_some(earlier.id)
}

/// Imports (again) one held file with the trainer's current `choices`; the page is never at
/// risk, whatever the file holds.
pub(super) async fn import_held(mut file: Held, choices: Choices, state: &TrainerState) -> Done {
    let name = file.name.clone();
    let earlier = file.kept.clone();
    let bytes = file.bytes.clone();
    if name.to_lowercase().ends_with(".json") && choices.format().is_none() {
        let bytes = match &bytes {
            Ok(bytes) => Ok(&bytes[..]),
            Err(Unread::TooLarge(size)) => Err(too_large(*size)),
            Err(Unread::Failed(detail)) => Err(Problem::Unreadable { detail: detail.clone() }),
        };
        let (tried, kept) = try_bytes(name, bytes, state, earlier.as_ref());
        file.kept = kept;
        let earlier_kept = still_kept(earlier, &file, state);
        return Done { file, outcome: Outcome::Bank(tried), earlier_kept };
    }
    let outcome = match bytes {
        Err(Unread::TooLarge(size)) => refused(name, Fatal::TooLarge { bytes: size, limit: MAX_FILE_BYTES }),
        Err(Unread::Failed(detail)) => {
            Outcome::Refused { name, message: format!("Không đọc được tệp: {detail}") }
        }
        Ok(bytes) => {
            let (outcome, kept) = import_bytes(name, &bytes, choices, state, earlier.as_ref()).await;
            file.kept = kept.or_else(|| earlier.clone());
            outcome
        }
    };
    let earlier_kept = still_kept(earlier, &file, state);
    Done { file, outcome, earlier_kept }
}

/// Imports and checks `bytes`; a bank that passes is kept on this device in place of what this
/// file's `earlier` import kept. Returns the outcome and the file newly kept, if any.
async fn import_bytes(
    name: String,
    bytes: &[u8],
    choices: Choices,
    state: &TrainerState,
    earlier: Option<&LocalFile>,
) -> (Outcome, Option<LocalFile>) {
    timing::mark("ontap:import-read");
    let options = choices.options(&name);
    let json_name = format!("{}.json", options.bank_id);
    let check = |json: &[u8]| check_local(json, &json_name, &state.report, QUESTIONS_DIR);
    // `convert` in two tasks, so that reading and checking a long file are two shorter freezes.
    let read = import_file(&name, bytes, choices.format(), &options);
    later::next_task().await;
    let result = read.map(|read| Converted::checked(read, check));
    timing::mark("ontap:import-converted");
    match result {
        Ok(converted) => {
            let kept = match &converted.checked.value {
                Some(bank) if !converted.failed() => {
                    let (id, json, checked) = (bank.id.as_str(), converted.json.clone(), converted.checked.clone());
                    Some(state.keep_local(earlier, id, &json_name, json, checked))
                }
                _ => None,
            };
            let added = kept.is_some();
            (Outcome::Imported { name, converted: Arc::new(converted), added }, kept)
        }
        Err(fatal) => (refused(name, fatal), None),
    }
}

/// Why a file was not read, in the library's words (which name this page's "Định dạng" list).
fn refused(name: String, fatal: Fatal) -> Outcome {
    Outcome::Refused { name, message: fatal.message(Lang::Vi) }
}
