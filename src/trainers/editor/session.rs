//! One bank being edited on this page: the core's `Editing` in a signal, the live check, the
//! material texts opened, and the draft written to the device after every change (never over
//! another tab's draft without the trainer's say).

use super::super::TrainerState;
use crate::platform::clock::now_ms;
use crate::platform::storage::LocalStore;
use crate::platform::tab;
use leptos::prelude::*;
use ontap_core::check::{MaterialTexts, References};
use ontap_core::edit::draft::{self, Draft, NotWritten, Previous};
use ontap_core::edit::{Edit, Editing, LiveCheck, live};
use ontap_core::model::Bank;
use ontap_core::{MaterialId, Question};
use std::collections::BTreeMap;
use std::time::Duration;

/// Banks up to this many questions are checked on every change.
const CHECK_AT_ONCE: usize = 150;
/// The pause in typing after which a bigger bank is checked.
const CHECK_PAUSE: Duration = Duration::from_millis(400);

/// The bank being edited and everything the editor's parts share about it.
#[derive(Clone, Copy)]
pub struct Session {
    /// The bank and its history.
    pub editing: RwSignal<Editing>,
    /// The draft's slot (the bank's id when it was opened).
    pub slot: StoredValue<String>,
    /// Where the bank came from, in the trainer's words.
    pub origin: StoredValue<String>,
    /// This tab's id.
    tab: StoredValue<String>,
    /// The draft text this tab wrote last (recognised without parsing it again).
    written: StoredValue<Option<String>>,
    /// The question open in the form.
    pub selected: RwSignal<Option<usize>>,
    /// What the trainer must know about the draft (another tab, storage full…).
    pub notice: RwSignal<Option<String>>,
    /// Another tab wrote this bank's draft: this tab stops writing until told to take over.
    pub conflict: RwSignal<bool>,
    /// The last thing done, for screen readers and sighted trainers alike.
    pub status: RwSignal<String>,
    /// Materials' texts opened, by material (NFC).
    pub texts: RwSignal<BTreeMap<MaterialId, String>>,
    /// The live check of the bank as it stands (of a big bank, as it stood when typing paused).
    pub check: RwSignal<LiveCheck>,
}

impl Session {
    /// Starts editing `bank` (`saved`: it is saved as it is), its draft under `slot`.
    pub fn new(state: &TrainerState, bank: Bank, saved: bool, slot: &str, origin: &str) -> Self {
        let editing = RwSignal::new(Editing::new(bank, saved));
        let texts = RwSignal::new(BTreeMap::<MaterialId, String>::new());
        let report = state.report.clone();
        let check = RwSignal::new(LiveCheck::default());
        let run = move || {
            let mut known = MaterialTexts::new();
            texts.with_untracked(|t| t.iter().for_each(|(id, text)| known.insert(id.clone(), text)));
            let refs = References { materials: report.materials.as_ref(), texts: Some(&known) };
            check.set(editing.with_untracked(|e| live::check(e.bank(), &refs)));
        };
        // A big bank is checked once typing pauses, not on every keystroke.
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |_| {
            texts.track();
            let big = editing.with(|e| e.bank().questions.len() > CHECK_AT_ONCE);
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            if big {
                pending.set_value(set_timeout_with_handle(run.clone(), CHECK_PAUSE).ok());
            } else {
                run();
            }
        });
        Session {
            editing,
            slot: StoredValue::new(slot.to_owned()),
            origin: StoredValue::new(origin.to_owned()),
            tab: StoredValue::new(tab::id()),
            written: StoredValue::new(None),
            selected: RwSignal::new(None),
            notice: RwSignal::new(None),
            conflict: RwSignal::new(false),
            status: RwSignal::new(String::new()),
            texts,
            check,
        }
    }

    /// Applies `edit` and keeps the draft.
    pub fn edit(&self, edit: Edit) {
        let changed = self.editing.try_update(|e| e.apply(edit)).unwrap_or(false);
        if changed {
            self.write_draft(false);
        }
    }

    /// Ends a typing run (the field lost focus).
    pub fn seal(&self) {
        self.editing.update_untracked(Editing::seal);
    }

    /// Undoes one step.
    pub fn undo(&self) {
        if self.editing.try_update(Editing::undo).unwrap_or(false) {
            self.status.set("Đã hoàn tác.".into());
            self.write_draft(false);
        }
    }

    /// Redoes one step.
    pub fn redo(&self) {
        if self.editing.try_update(Editing::redo).unwrap_or(false) {
            self.status.set("Đã làm lại.".into());
            self.write_draft(false);
        }
    }

    /// The question at `index`, as it stands.
    pub fn question(&self, index: usize) -> Option<Question> {
        self.editing.with(|e| e.bank().questions.get(index).cloned())
    }

    /// Records that the bank was saved (downloaded or kept) as it stands.
    pub fn mark_saved(&self) {
        self.editing.update(Editing::mark_saved);
        self.write_draft(false);
    }

    /// Writes the draft; `take_over` overwrites another tab's (the trainer chose this one).
    pub fn write_draft(&self, take_over: bool) {
        if self.conflict.get_untracked() && !take_over {
            return;
        }
        let slot = self.slot.get_value();
        let (bank, saved) = self.editing.with_untracked(|e| (e.bank().clone(), !e.unsaved()));
        let draft = Draft {
            tab: self.tab.get_value(),
            written_ms: now_ms() as i64,
            origin: self.origin.get_value(),
            saved,
            bank,
        };
        let written = self.written.get_value();
        let previous = if take_over { Previous::Replace } else { Previous::Ours(written.as_deref()) };
        match draft::write(&mut LocalStore, &slot, &draft, previous) {
            Ok(text) => {
                self.written.set_value(Some(text));
                self.conflict.set(false);
                self.notice.set(None);
            }
            Err(problem) => {
                self.conflict.set(matches!(problem, NotWritten::OtherTab { .. }));
                self.notice.set(Some(problem.message(&slot)));
            }
        }
    }

    /// Follows other tabs' writes of this bank's draft: the trainer is told at once.
    pub fn watch_other_tabs(&self) {
        let session = *self;
        tab::on_other_tab_write(move |key, value| {
            let slot = session.slot.get_value();
            if key != draft::key(&slot) {
                return;
            }
            let other = value.and_then(|v| draft::decode(&v).ok()).is_some_and(|d| d.tab != session.tab.get_value());
            if other {
                session.conflict.set(true);
                session.notice.set(Some(NotWritten::OtherTab { written_ms: 0 }.message(&slot)));
            }
        });
    }
}
