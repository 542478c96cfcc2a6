//! A static file server on 127.0.0.1 for the built app, with per-test overrides so a test can
//! swap in a broken bank or a changed catalogue without touching the build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// Bytes served instead of (or in addition to) the files on disk, by URL path.
pub type Overrides = Arc<Mutex<HashMap<String, Vec<u8>>>>;

/// A running server; stops when dropped.
pub struct StaticServer {
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
    /// The port it listens on.
    pub port: u16,
    /// Replace a file by URL path (`/questions/catalogue.json`).
    pub overrides: Overrides,
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

impl StaticServer {
    /// Serves `root` on a free port (or `port` when not 0).
    pub fn start(root: &Path, port: u16) -> StaticServer {
        let server = Arc::new(tiny_http::Server::http(("127.0.0.1", port)).expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let overrides: Overrides = Arc::default();
        let (srv, root, over) = (server.clone(), root.to_owned(), overrides.clone());
        let thread = std::thread::spawn(move || {
            for request in srv.incoming_requests() {
                let url = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
                let response = respond(&root, &over, &url);
                let _ = request.respond(response);
            }
        });
        StaticServer { server, thread: Some(thread), port, overrides }
    }

    /// The base URL, `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Serves `bytes` at `path` from now on.
    pub fn set(&self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.overrides.lock().unwrap().insert(path.to_owned(), bytes.into());
    }
}

fn respond(root: &Path, overrides: &Overrides, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = if url.ends_with('/') { format!("{url}index.html") } else { url.to_owned() };
    let file: PathBuf = root.join(path.trim_start_matches('/'));
    let body = overrides.lock().unwrap().get(&path).cloned().or_else(|| {
        // Never serve outside the root.
        (!path.contains("..")).then(|| std::fs::read(&file).ok()).flatten()
    });
    match body {
        Some(bytes) => {
            let header = tiny_http::Header::from_bytes("Content-Type", content_type(&file)).expect("a valid header");
            let no_store = tiny_http::Header::from_bytes("Cache-Control", "no-cache").expect("a valid header");
            tiny_http::Response::from_data(bytes).with_header(header).with_header(no_store)
        }
        None => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
