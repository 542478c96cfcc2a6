//! Support for the end-to-end tests: a static server for the built app on loopback, and a
//! headless Chromium driven through WebDriver.

pub mod answer;
pub mod browser;
pub mod server;

use std::path::PathBuf;

/// The workspace root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repo root exists")
}

/// The built app: `$ONTAP_DIST`, or `dist/` at the root (made by `trunk build --release`).
pub fn dist_dir() -> PathBuf {
    built("ONTAP_DIST", "dist")
}

/// The sub-path the second build is made for.
pub const SUB_PATH: &str = "/on-tap/";

/// The app built for [`SUB_PATH`]: `$ONTAP_DIST_SUB`, or `dist-sub/` at the root (made by
/// `scripts/build.sh --public-url /on-tap/ --dist dist-sub`, which scripts/test.sh runs).
pub fn dist_sub_dir() -> PathBuf {
    built("ONTAP_DIST_SUB", "dist-sub")
}

fn built(var: &str, default: &str) -> PathBuf {
    let dir = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| repo_root().join(default));
    assert!(
        dir.join("index.html").is_file(),
        "{} holds no built app: run scripts/test.sh (it builds with trunk first)",
        dir.display()
    );
    dir
}
