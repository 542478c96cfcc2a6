//! Unicode normalization by the browser (`String.prototype.normalize`), installed into the core
//! at start-up so the wasm carries no normalization tables of its own.

use ontap_core::unicode::{HostNormalizer, install};

fn normalize(s: &str, form: &str) -> String {
    js_sys::JsString::from(s).normalize(form).into()
}

/// Gives the core the browser's NFC and NFD; call before anything reads bank text.
pub fn install_browser_normalizer() {
    install(HostNormalizer { nfc: |s| normalize(s, "NFC"), nfd: |s| normalize(s, "NFD") });
}
