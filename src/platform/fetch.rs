//! Fetching files shipped beside the app.

/// The bytes of `path` (relative to the page), or a message naming what failed.
pub async fn bytes(path: &str) -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(path).send().await.map_err(|e| format!("{path}: {e}"))?;
    if !response.ok() {
        return Err(format!("HTTP {} {}", response.status(), response.status_text()));
    }
    response.binary().await.map_err(|e| format!("{path}: {e}"))
}
