//! The banks a trainer added on this device (on the trainers' page), as the member's app sees
//! them: read from localStorage with typed parsing, listed after the shipped banks, and
//! removable. The library is rebuilt as a new `Arc`, so a session already running keeps the
//! library it started with.

use crate::app::AppState;
use crate::platform::clock::now_ms;
use crate::platform::storage::LocalStore;
use leptos::prelude::*;
use ontap_core::library::Library;
use ontap_core::local::store::{self, LoadedLocal};
use ontap_core::local::{self, LocalFile, ReadLocal};
use ontap_core::shipped::Shipped;

/// The stored local banks, read, and the library of the shipped banks and them.
pub fn load_local(shipped: &Shipped) -> (LoadedLocal, Vec<ReadLocal>, Library) {
    let loaded = store::load(&mut LocalStore, now_ms() as i64);
    let read = local::read_all(&loaded.files);
    let library = local::member_library(shipped, &read);
    (loaded, read, library)
}

impl AppState {
    /// Removes the local bank `id` (answers given to it stay in the progress log).
    pub fn remove_local(&self, id: &str) {
        let banks: Vec<ReadLocal> =
            self.local.with_untracked(|l| l.iter().filter(|b| b.file.id != id).cloned().collect());
        let files: Vec<LocalFile> = banks.iter().map(|b| b.file.clone()).collect();
        let library = local::member_library(&self.shipped, &banks);
        // The list first: the home page re-renders when the library changes and reads both.
        self.local.set(banks);
        self.library.set(std::sync::Arc::new(library));
        if self.local_may_save {
            self.local_notice.set(store::save(&mut LocalStore, &files).err().map(|n| n.message()));
        }
    }
}
