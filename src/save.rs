//! Writing progress without holding up an answer's feedback. An answer is recorded in memory at
//! once, so every page follows it; the write to localStorage, which encodes the whole log, waits
//! until the feedback is painted, and happens at once when the page is hidden or left. Answers
//! given in quick succession share one write.

use crate::platform::later;
use crate::platform::storage::LocalStore;
use leptos::prelude::*;
use ontap_core::progress::Progress;
use ontap_core::progress::store::{Notice, Saver};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

#[derive(Default)]
struct Pending {
    saver: Saver,
    /// Answers were recorded since the last write.
    unsaved: bool,
    /// A write is already waiting for the next idle moment.
    scheduled: bool,
}

/// Writes the member's progress to localStorage.
#[derive(Clone)]
pub struct ProgressWriter {
    pending: Arc<Mutex<Pending>>,
    progress: RwSignal<Progress>,
    notices: RwSignal<Vec<String>>,
}

impl ProgressWriter {
    /// A writer of `progress` that tells `notices` when a write fails, and writes whatever is
    /// unsaved whenever the page is hidden or left.
    pub fn new(progress: RwSignal<Progress>, notices: RwSignal<Vec<String>>) -> Self {
        let writer = Self { pending: Arc::default(), progress, notices };
        let on_hide = writer.clone();
        later::on_hidden(move || on_hide.flush());
        writer
    }

    fn lock(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Writes after the next paint.
    pub fn write_soon(&self) {
        let mut pending = self.lock();
        pending.unsaved = true;
        if std::mem::replace(&mut pending.scheduled, true) {
            return;
        }
        drop(pending);
        let writer = self.clone();
        later::after_paint(move || writer.flush());
    }

    /// Writes now.
    pub fn write_now(&self) {
        self.lock().unsaved = true;
        self.flush();
    }

    /// Writes if anything is unsaved. Saving merges what another tab stored meanwhile, so the
    /// pages are told of a change only when that brought something in (or compacting folded).
    fn flush(&self) {
        let mut saver = {
            let mut pending = self.lock();
            pending.scheduled = false;
            if !std::mem::take(&mut pending.unsaved) {
                return;
            }
            std::mem::take(&mut pending.saver)
        };
        let result = self.progress.try_maybe_update(|p| {
            let before = (p.answers.len(), p.summaries.len());
            let result = saver.save(&mut LocalStore, p);
            ((p.answers.len(), p.summaries.len()) != before, result)
        });
        self.lock().saver = saver;
        let problem = match result {
            Some(Ok(notices)) => notices.first().map(Notice::message),
            Some(Err(notice)) => Some(notice.message()),
            None => None,
        };
        if let Some(text) = problem {
            self.notices.update(|n| {
                if !n.contains(&text) {
                    n.push(text);
                }
            });
        }
    }
}
