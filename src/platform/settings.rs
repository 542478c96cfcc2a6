//! Settings kept between visits: the text size and the name a member sends results under.

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

const MEMBER_NAME_KEY: &str = "ontap.name";

/// The name the member last typed to send a result (empty when none).
pub fn member_name() -> String {
    LocalStore.read(MEMBER_NAME_KEY).ok().flatten().unwrap_or_default()
}

/// Keeps the member's name for the next result (one short value; failures are ignored: the
/// name is simply asked again next time).
pub fn set_member_name(name: &str) {
    let _ = LocalStore.write(MEMBER_NAME_KEY, name);
}
