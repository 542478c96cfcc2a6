//! Settings kept between visits: the text size.

use super::storage::LocalStore;
use ontap_core::progress::store::Store;

const TEXT_SCALE_KEY: &str = "ontap.text-scale";

/// The text sizes offered, as a scale of the browser's default.
pub const TEXT_SCALES: [(f64, &str); 3] = [(1.0, "Chữ vừa"), (1.2, "Chữ lớn"), (1.4, "Chữ rất lớn")];

/// The saved text scale (1.0 when none is saved or storage cannot be read).
pub fn text_scale() -> f64 {
    let saved = LocalStore.read(TEXT_SCALE_KEY).ok().flatten().and_then(|s| s.parse::<f64>().ok());
    saved.filter(|s| TEXT_SCALES.iter().any(|(v, _)| v == s)).unwrap_or(1.0)
}

/// Saves and applies a text scale. Saving may fail (storage disabled); the size still applies.
pub fn set_text_scale(scale: f64) {
    let _ = LocalStore.write(TEXT_SCALE_KEY, &scale.to_string());
    apply_text_scale(scale);
}

/// Applies a text scale to the page.
pub fn apply_text_scale(scale: f64) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(html) = root.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = html.style().set_property("--text-scale", &scale.to_string());
    }
}
