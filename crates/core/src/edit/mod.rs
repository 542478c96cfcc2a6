//! The question editor's model (issue #16): a bank being edited as a plain value, every edit a
//! pure function ([`ops::apply`]), undo and redo over a capped history of states, the live check
//! located by question and field, the quote taken from a material's text, and the draft kept on
//! the device. The trainers' page only wires signals to it.

pub mod blank;
pub mod draft;
pub mod list;
pub mod live;
pub mod ops;
pub mod quote;

pub use blank::{QuestionType, new_bank};
pub use live::{Field, LiveCheck, Located, Place};
pub use ops::{Edit, List, apply};

use crate::check::{Diagnostic, References, check_bank};
use crate::layout::write_bank;
use crate::model::Bank;

/// Reads a bank file to edit it: the checked bank, or, when only the content rules fail (an
/// empty quote, a missing answer, as imports leave them), the bank as written, so the trainer
/// can fix it here. `Err` holds the checker's diagnostics when the file is not a bank at all.
pub fn read_bank(bytes: &[u8], name: &str, refs: &References<'_>) -> Result<Bank, Vec<Diagnostic>> {
    let checked = check_bank(bytes, name, refs);
    match checked.value {
        Some(bank) => Ok(bank),
        None => std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| crate::check::parse_value(text).ok())
            .and_then(|value| serde_json::from_value(value).ok())
            .ok_or(checked.diagnostics),
    }
}

/// How many earlier states undo can go back to.
pub const HISTORY_LIMIT: usize = 100;

/// A bank being edited, with its undo and redo history.
#[derive(Debug, Clone, PartialEq)]
pub struct Editing {
    bank: Bank,
    undo: Vec<Bank>,
    redo: Vec<Bank>,
    /// The last edit applied, while typing in one field continues it (one undo step per field).
    last: Option<Edit>,
    /// The canonical text last saved (downloaded or kept on the device), to tell unsaved changes.
    saved: Option<String>,
}

impl Editing {
    /// Starts editing `bank`; `saved` says whether it is already saved as it is (an opened file)
    /// or not (a new bank, a draft).
    pub fn new(bank: Bank, saved: bool) -> Self {
        let saved = saved.then(|| write_bank(&bank));
        Editing { bank, undo: Vec::new(), redo: Vec::new(), last: None, saved }
    }

    /// The bank as it stands.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// Applies `edit`; false (and nothing changes) when it does not apply to this bank.
    /// Successive changes of the same text field make one undo step.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let Some(next) = apply(&self.bank, &edit) else { return false };
        if next == self.bank {
            return true;
        }
        let continues = self.last.as_ref().is_some_and(|last| last.continues(&edit));
        if !continues {
            self.undo.push(std::mem::replace(&mut self.bank, next));
            if self.undo.len() > HISTORY_LIMIT {
                self.undo.remove(0);
            }
        } else {
            self.bank = next;
        }
        self.redo.clear();
        self.last = Some(edit);
        true
    }

    /// Ends the current typing run: the next change of the same field is its own undo step.
    pub fn seal(&mut self) {
        self.last = None;
    }

    /// Goes back one step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else { return false };
        self.redo.push(std::mem::replace(&mut self.bank, previous));
        self.last = None;
        true
    }

    /// Goes forward one undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else { return false };
        self.undo.push(std::mem::replace(&mut self.bank, next));
        self.last = None;
        true
    }

    /// Whether [`Editing::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`Editing::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The bank in the canonical layout, byte for byte what `ontap fmt` writes.
    pub fn text(&self) -> String {
        write_bank(&self.bank)
    }

    /// Records that the bank as it stands has been saved.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.text());
    }

    /// Whether there are changes not yet saved.
    pub fn unsaved(&self) -> bool {
        self.saved.as_deref() != Some(self.text().as_str())
    }
}

#[cfg(test)]
mod tests;
