//! The banks a trainer added on this device (on the trainers' page), as the member's app sees
//! them: read from localStorage with typed parsing, listed after the shipped banks.

use crate::platform::clock::now_ms;
use crate::platform::storage::LocalStore;
use ontap_core::library::Library;
use ontap_core::local::store::{self, LoadedLocal};
use ontap_core::local::{self, ReadLocal};
use ontap_core::shipped::Shipped;

/// The stored local banks, read, and the library of the shipped banks and them.
pub fn load_local(shipped: &Shipped) -> (LoadedLocal, Vec<ReadLocal>, Library) {
    let loaded = store::load(&mut LocalStore, now_ms() as i64);
    let read = local::read_all(&loaded.files);
    let library = local::member_library(shipped, &read);
    (loaded, read, library)
}
