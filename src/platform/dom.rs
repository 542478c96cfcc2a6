//! Small DOM helpers the components need.

/// Moves keyboard focus to the element with `id`, after the next paint (when it exists).
pub fn focus_later(id: String) {
    leptos::prelude::request_animation_frame(move || {
        let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id));
        if let Some(el) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
}

/// True when keyboard focus is in a text field (where digit and Enter keys belong to typing).
pub fn typing_in_field() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            && el.get_attribute("type").as_deref() != Some("radio")
            && el.get_attribute("type").as_deref() != Some("checkbox")
    })
}

/// True when a key event comes from a button, link or select, whose own Enter must win.
pub fn on_control(ev: &web_sys::KeyboardEvent) -> bool {
    let tag =
        ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).map(|e| e.tag_name());
    matches!(tag.as_deref(), Some("BUTTON" | "A" | "SELECT"))
}

/// Asks the member `question` in the browser's own dialog (keyboard and screen-reader
/// friendly); false when they cancel or the dialog cannot be shown.
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// The id of the page `index.html` carries before the app starts (written by `crates/site`).
pub const PRERENDERED_ID: &str = "prerendered";

/// Removes the pre-rendered page, once the app shows its own.
pub fn remove_prerendered() {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(PRERENDERED_ID));
    if let Some(element) = element {
        element.remove();
    }
}
