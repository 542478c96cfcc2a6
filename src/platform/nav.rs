//! The address bar: routes live in the query string (see `ontap_core::route`).

use wasm_bindgen::JsValue;

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// The current query string, with its `?` (empty when there is none).
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's path, to which routes' query strings are appended (works under any sub-path).
fn path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into())
}

/// A new history entry for `query` (the back button returns to the current one).
pub fn push(query: &str) {
    if let Some(h) = history() {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&format!("{}{query}", path())));
    }
    scroll_to_top();
}

/// Replaces the current history entry (for typing in the search box).
pub fn replace(query: &str) {
    if let Some(h) = history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{}{query}", path())));
    }
}

fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The full address of `query` on this page, for sharing.
pub fn absolute_url(query: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}{query}", path())
}

/// Leaves the app for `href` (relative to the page), replacing this history entry.
pub fn go_to(href: &str) {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let _ = location.replace(href);
    }
}
