//! Small DOM helpers the components need.

/// Moves keyboard focus to the element with `id`, after the next paint (when it exists), unless
/// the person has put focus somewhere themselves in the meantime (a field tapped before a slow
/// frame was painted keeps it).
pub fn focus_later(id: String) {
    let document = web_sys::window().and_then(|w| w.document());
    let before = document.as_ref().and_then(|d| d.active_element());
    leptos::prelude::request_animation_frame(move || {
        let Some(document) = document else { return };
        let now = document.active_element();
        let moved_by_someone =
            now.is_some() && now != before && now.as_ref() != document.body().map(Into::into).as_ref();
        if moved_by_someone {
            return;
        }
        let element = document.get_element_by_id(&id);
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

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The element with `id`.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

/// Replaces the content of the element `id` with `html`, which must come from
/// `ontap_core::home::page` (every text in it escaped).
pub fn set_html(id: &str, html: &str) {
    if let Some(el) = by_id(id) {
        el.set_inner_html(html);
    }
}

/// The text field with `id`.
pub fn input(id: &str) -> Option<web_sys::HtmlInputElement> {
    wasm_bindgen::JsCast::dyn_into(by_id(id)?).ok()
}

/// Every element matching `css`.
pub fn all(css: &str) -> Vec<web_sys::Element> {
    let Some(list) = document().and_then(|d| d.query_selector_all(css).ok()) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| wasm_bindgen::JsCast::dyn_into(n).ok()).collect()
}

/// Calls `f` on every `event` at `target`, for the page's life.
pub fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()));
    listener.forget();
}

/// The element an event happened on, or its nearest ancestor matching `css`.
pub fn closest(ev: &web_sys::Event, css: &str) -> Option<web_sys::Element> {
    let target: web_sys::Element = wasm_bindgen::JsCast::dyn_into(ev.target()?).ok()?;
    target.closest(css).ok().flatten()
}

/// Marks the page ready (`data-ready` on `<html>`): the app has taken over, or the home page
/// is complete. Tests and benchmarks wait for it.
pub fn mark_ready() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-ready", "");
    }
    crate::platform::timing::mark("ontap:takeover");
}

/// Opens the browser's print dialog for the page.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Selects all the text of the text area a focus event is for (ready to copy by hand).
pub fn select_text(ev: &web_sys::FocusEvent) {
    if let Some(area) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(t).ok())
    {
        area.select();
    }
}

fn textarea(id: &str) -> Option<web_sys::HtmlTextAreaElement> {
    wasm_bindgen::JsCast::dyn_into(by_id(id)?).ok()
}

/// The text selected (by mouse, finger or keyboard) in the text area `id`; empty when none.
pub fn selected_text(id: &str) -> String {
    let Some(area) = textarea(id) else { return String::new() };
    let (Some(start), Some(end)) = (area.selection_start().ok().flatten(), area.selection_end().ok().flatten()) else {
        return String::new();
    };
    // Selection offsets count UTF-16 units.
    let units: Vec<u16> = area.value().encode_utf16().collect();
    let (start, end) = (start as usize, (end as usize).min(units.len()));
    String::from_utf16_lossy(units.get(start..end).unwrap_or_default())
}

/// Selects the characters `start..end` (byte offsets of its text) in the text area `id` and
/// scrolls them into view, without moving focus.
pub fn select_range(id: &str, start: usize, end: usize) {
    let Some(area) = textarea(id) else { return };
    let value = area.value();
    let units = |bytes: usize| value.get(..bytes).map_or(0, |s| s.encode_utf16().count()) as u32;
    let _ = area.set_selection_range(units(start), units(end));
    // Scroll the text area so that the line of the selection is visible.
    let line = value.get(..start).map_or(0, |s| s.matches('\n').count());
    let lines = value.matches('\n').count().max(1);
    let top = f64::from(area.scroll_height()) * line as f64 / lines as f64;
    area.set_scroll_top((top - f64::from(area.client_height()) / 3.0).max(0.0) as i32);
}
