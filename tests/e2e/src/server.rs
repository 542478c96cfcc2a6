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
    slow: Arc<Mutex<Vec<(String, Duration)>>>,
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
    /// Whether the precompressed copies (`.br`, `.gz`) are served to browsers that accept them.
    compressed: bool,
    /// Answers for paths ending so wait this long (a slow network for one kind of file).
    slow: Arc<Mutex<Vec<(String, Duration)>>>,
}

/// Trunk's hashed names (`ontap-web-123456789abcdef.js`, `…_bg.wasm`, a hash of 8 hexadecimal
/// digits or more): their bytes never change.
fn hashed(path: &str) -> bool {
    let stem = path.rsplit('/').next().unwrap_or(path);
    let stem = stem.split('.').next().unwrap_or(stem).trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, h)| h.len() >= 8 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// An entity tag for `bytes` (FNV-1a), so that a revalidation of unchanged bytes gets a 304.
fn etag(bytes: &[u8]) -> String {
    format!("\"{:016x}\"", ontap_core::fnv::fnv1a(bytes.iter().copied()))
}

impl StaticServer {
    /// Serves `root` on a free port (or `port` when not 0).
    pub fn start(root: &Path, port: u16) -> StaticServer {
        Self::start_at(root, port, "/")
    }

    /// Serves `root` under `prefix` (`/`, or `/on-tap/`: it starts and ends with `/`) on a free
    /// port (or `port` when not 0); any address outside the prefix is not found.
    pub fn start_at(root: &Path, port: u16, prefix: &str) -> StaticServer {
        Self::start_with(root, port, prefix, true)
    }

    /// Like [`StaticServer::start_at`]; `compressed: false` serves every file as it is, like a
    /// host without compression (for the benchmarks' "plain host" figures).
    pub fn start_with(root: &Path, port: u16, prefix: &str, compressed: bool) -> StaticServer {
        assert!(prefix.starts_with('/') && prefix.ends_with('/'), "a prefix starts and ends with /: {prefix:?}");
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("an address").port();
        let site = Site {
            root: root.to_owned(),
            prefix: prefix.to_owned(),
            overrides: Arc::default(),
            stopped: Arc::default(),
            compressed,
            slow: Arc::default(),
        };
        let (stopped, overrides, slow) = (site.stopped.clone(), site.overrides.clone(), site.slow.clone());
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
        StaticServer { stopped, thread: Some(thread), port, prefix: prefix.to_owned(), overrides, slow }
    }

    /// The app's URL, `http://127.0.0.1:PORT/` (with the prefix, if any).
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.prefix)
    }

    /// Serves `bytes` at `path` from now on.
    pub fn set(&self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.overrides.lock().unwrap().insert(path.to_owned(), bytes.into());
    }

    /// From now on, answers for paths ending with `ending` (`.wasm`) wait `delay` first.
    pub fn slow_down(&self, ending: &str, delay: Duration) {
        self.slow.lock().unwrap().push((ending.to_owned(), delay));
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
    // Read the headers to the blank line, keeping the two this server answers to.
    let (mut accepts, mut if_none_match) = (String::new(), String::new());
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0 && line != "\r\n") {
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "accept-encoding" => accepts = value.trim().to_owned(),
                "if-none-match" => if_none_match = value.trim().to_owned(),
                _ => {}
            }
        }
        line.clear();
    }
    if site.stopped.load(Ordering::SeqCst) {
        return;
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let url = target.split(['?', '#']).next().unwrap_or("/");
    let delay = site.slow.lock().unwrap().iter().find(|(ending, _)| url.ends_with(ending.as_str())).map(|(_, d)| *d);
    if let Some(delay) = delay {
        std::thread::sleep(delay);
    }
    let found = url.strip_prefix(site.prefix.as_str()).and_then(|rest| find(site, &format!("/{rest}"), &accepts));
    let head_only = request_line.starts_with("HEAD ");
    let mut out = &stream;
    let (mut status, kind, mut body, encoding, overridden) = match found {
        Some(Found { kind, bytes, encoding, overridden }) => ("200 OK", kind, bytes, encoding, overridden),
        None => ("404 Not Found", "text/plain; charset=utf-8", b"not found".to_vec(), None, false),
    };
    // As a static host is set up: hashed files cached for good, the rest revalidated. A test's
    // substitute is never cached for good: it stands for a passing fault.
    let cache = if hashed(url) && !overridden { "public, max-age=31536000, immutable" } else { "no-cache" };
    let tag = etag(&body);
    if status == "200 OK" && if_none_match == tag {
        (status, body) = ("304 Not Modified", Vec::new());
    }
    let encoding = encoding.map(|e| format!("Content-Encoding: {e}\r\n")).unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}Vary: Accept-Encoding\r\nCache-Control: {cache}\r\nETag: {tag}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = out.write_all(head.as_bytes());
    if !head_only {
        let _ = out.write_all(&body);
    }
    let _ = out.flush();
}

/// A file to send.
struct Found {
    kind: &'static str,
    bytes: Vec<u8>,
    /// `br` or `gzip` when a precompressed copy is sent.
    encoding: Option<&'static str>,
    /// Whether it is a test's override.
    overridden: bool,
}

/// The file at `path` (relative to the prefix, starting with `/`): an override as it is, else
/// the precompressed copy the browser `accepts` (when the site serves them), else the file.
fn find(site: &Site, path: &str, accepts: &str) -> Option<Found> {
    let path = if path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() };
    // Never serve outside the root.
    if path.contains("..") {
        return None;
    }
    let file: PathBuf = site.root.join(path.trim_start_matches('/'));
    let kind = content_type(&file);
    if let Some(bytes) = site.overrides.lock().unwrap().get(&path).cloned() {
        return Some(Found { kind, bytes, encoding: None, overridden: true });
    }
    if site.compressed {
        for (ending, encoding) in [("br", "br"), ("gz", "gzip")] {
            let copy = PathBuf::from(format!("{}.{ending}", file.display()));
            if accepts.split(',').any(|a| a.trim().split(';').next() == Some(encoding))
                && let Ok(bytes) = std::fs::read(&copy)
            {
                return Some(Found { kind, bytes, encoding: Some(encoding), overridden: false });
            }
        }
    }
    std::fs::read(&file).ok().map(|bytes| Found { kind, bytes, encoding: None, overridden: false })
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
