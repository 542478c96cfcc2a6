//! Whether the browser believes it is online, and news when that changes.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// What the browser says now (`navigator.onLine`; true when it cannot tell).
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Calls `changed` with the new state on every `online` / `offline` event, for the page's life.
pub fn watch(changed: impl Fn(bool) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let changed = std::rc::Rc::new(changed);
    for (event, state) in [("online", true), ("offline", false)] {
        let changed = changed.clone();
        let listener = Closure::<dyn Fn()>::new(move || changed(state));
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        listener.forget();
    }
}
