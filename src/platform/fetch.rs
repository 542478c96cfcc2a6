//! Fetching files shipped beside the app.

use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Starts fetching `path` (relative to the page) at once; the future gives its bytes, or a
/// message naming what failed. Starting several before awaiting any fetches them together.
pub fn start(path: &str) -> impl Future<Output = Result<Vec<u8>, String>> + use<> {
    let path = path.to_owned();
    let request = web_sys::window().map(|w| w.fetch_with_str(&path));
    async move {
        let failed = |e: JsValue| format!("{path}: {}", describe(&e));
        let request = request.ok_or_else(|| format!("{path}: no window"))?;
        let response: web_sys::Response = JsFuture::from(request).await.map_err(failed)?.unchecked_into();
        if !response.ok() {
            return Err(format!("HTTP {} {}", response.status(), response.status_text()));
        }
        let buffer = JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// Whether `path` (relative to the page) is served: a `HEAD` request, so nothing is downloaded;
/// false offline or on any error.
pub async fn exists(path: &str) -> bool {
    let init = web_sys::RequestInit::new();
    init.set_method("HEAD");
    let Some(request) = web_sys::window().map(|w| w.fetch_with_str_and_init(path, &init)) else { return false };
    match JsFuture::from(request).await {
        Ok(response) => response.unchecked_into::<web_sys::Response>().ok(),
        Err(_) => false,
    }
}

/// The bytes of `path` (relative to the page), or a message naming what failed.
pub async fn bytes(path: &str) -> Result<Vec<u8>, String> {
    start(path).await
}

/// A JavaScript error's message (`TypeError: Failed to fetch`), or its string form (never
/// `{:?}`, which the browser build compiles out).
pub(crate) fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.to_string()),
        None => e.as_string().unwrap_or_else(|| "unknown error".to_owned()),
    }
}
