//! This tab among others: an id that survives a reload of the tab (sessionStorage), the writes
//! other tabs make to localStorage (the `storage` event), and the question asked when the tab is
//! closed with unsaved work (`beforeunload`).

use leptos::prelude::*;

const TAB_KEY: &str = "ontap.tab";

/// This tab's id: kept for the tab's life, reloads included; a new tab gets a new one.
pub fn id() -> String {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(id) = session.as_ref().and_then(|s| s.get_item(TAB_KEY).ok().flatten()) {
        return id;
    }
    let id = format!("{:x}", super::clock::random_seed());
    if let Some(s) = session {
        let _ = s.set_item(TAB_KEY, &id);
    }
    id
}

/// Calls `f(key, new value)` when another tab writes localStorage, for as long as the calling
/// component lives.
pub fn on_other_tab_write(f: impl Fn(String, Option<String>) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            f(key, ev.new_value());
        }
    });
    on_cleanup(move || handle.remove());
}

/// Makes the browser ask before the tab is closed or left while `unsaved()` is true, for as
/// long as the calling component lives.
pub fn ask_before_leaving(unsaved: impl Fn() -> bool + 'static) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev: web_sys::BeforeUnloadEvent| {
        if unsaved() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || handle.remove());
}
