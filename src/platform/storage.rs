//! localStorage as the core's `Store`. Every failure becomes a `StoreError`, never a panic:
//! storage may be disabled (private windows, strict settings) or full.

use ontap_core::progress::store::{Store, StoreError};

/// The browser's localStorage.
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window().ok_or(StoreError::Unavailable)?.local_storage().ok().flatten().ok_or(StoreError::Unavailable)
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(|_| StoreError::Unavailable)
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(|e| {
            let name = wasm_bindgen::JsCast::dyn_into::<web_sys::DomException>(e).map(|d| d.name()).unwrap_or_default();
            if name == "QuotaExceededError" { StoreError::QuotaExceeded } else { StoreError::Unavailable }
        })
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = storage()?;
        let length = storage.length().map_err(|_| StoreError::Unavailable)?;
        Ok((0..length).filter_map(|i| storage.key(i).ok().flatten()).collect())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(|_| StoreError::Unavailable)
    }
}
