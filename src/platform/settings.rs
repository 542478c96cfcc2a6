//! Settings kept between visits: the text size.

use super::storage::LocalStore;
use ontap_core::progress::store::Store;

const TEXT_SCALE_KEY: &str = "ontap.text-scale";

pub use ontap_core::home::TEXT_SCALES;

/// The saved text scale (1.0 when none is saved or storage cannot be read).
pub fn text_scale() -> &'static str {
    let saved = LocalStore.read(TEXT_SCALE_KEY).ok().flatten();
    TEXT_SCALES.iter().map(|(v, _)| *v).find(|v| saved.as_deref() == Some(*v)).unwrap_or(TEXT_SCALES[0].0)
}

/// Saves and applies a text scale. Saving may fail (storage disabled); the size still applies.
pub fn set_text_scale(scale: &str) {
    let _ = LocalStore.write(TEXT_SCALE_KEY, scale);
    apply_text_scale(scale);
}

/// Applies a text scale to the page.
pub fn apply_text_scale(scale: &str) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(html) = root.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = html.style().set_property("--text-scale", scale);
    }
}
