//! The banks a trainer tries on this device: loaded from localStorage with the shipped banks,
//! re-checked every time, and added or removed while the app runs. The library is rebuilt as a
//! new `Arc`, so a session already running keeps the library it started with.

use crate::app::AppState;
use crate::load::QUESTIONS_DIR;
use crate::platform::clock::now_ms;
use crate::platform::storage::LocalStore;
use leptos::prelude::*;
use ontap_core::check::Checked;
use ontap_core::check::FolderReport;
use ontap_core::library::Library;
use ontap_core::local::store::{self, LoadedLocal};
use ontap_core::local::{self, LocalBank, LocalFile, check_all};
use ontap_core::model::Bank;

/// The stored local banks, re-checked against the shipped folder `report`, and the library of
/// both.
pub fn load_local(report: &FolderReport) -> (LoadedLocal, Vec<LocalBank>, Library) {
    let loaded = store::load(&mut LocalStore, now_ms() as i64);
    let checked = check_all(&loaded.files, report, QUESTIONS_DIR);
    let library = local::library(report, &checked);
    (loaded, checked, library)
}

impl AppState {
    /// Replaces the local banks (already checked): rebuilds the library and stores their files.
    /// When they cannot be stored, they stay usable for this visit and `local_notice` says why.
    fn set_local(&self, banks: Vec<LocalBank>) {
        let library = local::library(&self.report, &banks);
        let files: Vec<LocalFile> = banks.iter().map(|b| b.file.clone()).collect();
        // The list first: the home page re-renders when the library changes and reads both.
        self.local.set(banks);
        self.library.set(std::sync::Arc::new(library));
        if self.local_may_save {
            self.local_notice.set(store::save(&mut LocalStore, &files).err().map(|n| n.message()));
        }
    }

    /// Adds a bank file the page has just checked (replacing a local bank with the same id).
    pub fn add_local(&self, id: &str, name: &str, text: String, checked: Checked<Bank>) {
        let file = LocalFile { id: id.to_owned(), name: name.to_owned(), text, added_ms: now_ms() as i64 };
        let added = LocalBank { file, checked };
        self.set_local(self.local.with_untracked(|l| local::with_added(l, added)));
    }

    /// Removes the local bank `id` (answers given to it stay in the progress log).
    pub fn remove_local(&self, id: &str) {
        self.set_local(self.local.with_untracked(|l| local::without(l, id)));
    }
}
