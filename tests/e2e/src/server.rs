//! A static file server on 127.0.0.1 for the built app, with per-test overrides so a test can
//! swap in a broken bank or a changed catalogue without touching the build. It can serve under
//! a sub-path (`/on-tap/`), as a static host would, and be stopped and started again on the
//! same port (service workers and their caches belong to an origin, port included).
//!
//! Written on `std::net` with one request per connection (`Connection: close`): a stopped
//! server must look stopped to the browser. A keep-alive server (tiny_http was used before)
//! leaves the browser's idle connections open after it stops, and a request sent on one of
//! them hangs instead of failing as it would on a phone with no network.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Bytes served instead of (or in addition to) the files on disk, by URL path under the prefix.
pub type Overrides = Arc<Mutex<HashMap<String, Vec<u8>>>>;

/// A running server; stops when dropped.
pub struct StaticServer {
    stopped: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// The port it listens on.
    pub port: u16,
    /// The path the app is served under: `/`, or a sub-path such as `/on-tap/`.
    pub prefix: String,
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

/// What one connection needs to answer its request.
#[derive(Clone)]
struct Site {
    root: PathBuf,
    prefix: String,
    overrides: Overrides,
    stopped: Arc<AtomicBool>,
}

impl StaticServer {
    /// Serves `root` on a free port (or `port` when not 0).
    pub fn start(root: &Path, port: u16) -> StaticServer {
        Self::start_at(root, port, "/")
    }

    /// Serves `root` under `prefix` (`/`, or `/on-tap/`: it starts and ends with `/`) on a free
    /// port (or `port` when not 0); any address outside the prefix is not found.
    pub fn start_at(root: &Path, port: u16, prefix: &str) -> StaticServer {
        assert!(prefix.starts_with('/') && prefix.ends_with('/'), "a prefix starts and ends with /: {prefix:?}");
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("an address").port();
        let site = Site {
            root: root.to_owned(),
            prefix: prefix.to_owned(),
            overrides: Arc::default(),
            stopped: Arc::default(),
        };
        let (stopped, overrides) = (site.stopped.clone(), site.overrides.clone());
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if site.stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let site = site.clone();
                std::thread::spawn(move || serve(&site, stream));
            }
        });
        StaticServer { stopped, thread: Some(thread), port, prefix: prefix.to_owned(), overrides }
    }

    /// The app's URL, `http://127.0.0.1:PORT/` (with the prefix, if any).
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.prefix)
    }

    /// Serves `bytes` at `path` from now on.
    pub fn set(&self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.overrides.lock().unwrap().insert(path.to_owned(), bytes.into());
    }

    /// Stops serving: the port refuses connections, and a request on a connection opened
    /// before is closed unanswered.
    pub fn stop(self) {
        drop(self);
    }
}

/// Answers the one request of a connection, then closes it.
fn serve(site: &Site, stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers are not needed; read them to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0 && line != "\r\n") {
        line.clear();
    }
    if site.stopped.load(Ordering::SeqCst) {
        return;
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let url = target.split(['?', '#']).next().unwrap_or("/");
    let found = url.strip_prefix(site.prefix.as_str()).and_then(|rest| find(site, &format!("/{rest}")));
    let head_only = request_line.starts_with("HEAD ");
    let mut out = &stream;
    let (status, kind, body) = match found {
        Some((kind, bytes)) => ("200 OK", kind, bytes),
        None => ("404 Not Found", "text/plain; charset=utf-8", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = out.write_all(head.as_bytes());
    if !head_only {
        let _ = out.write_all(&body);
    }
    let _ = out.flush();
}

/// The content type and bytes at `path` (relative to the prefix, starting with `/`).
fn find(site: &Site, path: &str) -> Option<(&'static str, Vec<u8>)> {
    let path = if path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() };
    let file: PathBuf = site.root.join(path.trim_start_matches('/'));
    let body = site.overrides.lock().unwrap().get(&path).cloned().or_else(|| {
        // Never serve outside the root.
        (!path.contains("..")).then(|| std::fs::read(&file).ok()).flatten()
    })?;
    Some((content_type(&file), body))
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag and drops the listener.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
