//! Support for the end-to-end tests: a static server for the built app on loopback, and a
//! headless Chromium driven through WebDriver.

pub mod browser;
pub mod server;

use std::path::PathBuf;

/// The workspace root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repo root exists")
}

/// The built app: `$ONTAP_DIST`, or `dist/` at the root (made by `trunk build --release`).
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("ONTAP_DIST").map(PathBuf::from).unwrap_or_else(|| repo_root().join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "{} holds no built app: run scripts/test.sh (it builds with trunk first)",
        dir.display()
    );
    dir
}
