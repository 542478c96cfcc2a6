//! Support for the end-to-end tests: a static server for the built app on loopback, and a
//! headless Chromium driven through WebDriver.

pub mod answer;
pub mod banks;
pub mod browser;
pub mod member;
pub mod page;
pub mod server;

pub use banks::shipped_report;
use server::StaticServer;
use std::path::PathBuf;

/// The workspace root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repo root exists")
}

/// Adds a generated bank of `n` questions (`ontap_bench::generate`) to the catalogue `server`
/// serves; returns the bank's URL path.
pub fn add_generated_bank(server: &StaticServer, n: usize) -> String {
    use ontap_bench::generate::{bank_json, file_name};
    let name = file_name(n);
    let mut value = banks::question_json("catalogue.json");
    value["banks"].as_array_mut().unwrap().push(serde_json::json!(name));
    server.set("/questions/catalogue.json", serde_json::to_vec(&value).unwrap());
    let path = format!("/questions/{name}");
    server.set(&path, bank_json(n));
    path
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

/// The project's source texts (`../shared/materials`): never committed, read at test time.
pub fn materials_dir() -> PathBuf {
    repo_root().join("../shared/materials")
}

/// Serves every material text beside the banks, as a deployment may (`questions/materials/`).
pub fn serve_materials(server: &StaticServer) {
    for entry in std::fs::read_dir(materials_dir()).expect("../shared/materials exists") {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if name.ends_with(".txt") {
            server.set(&format!("/questions/materials/{name}"), std::fs::read(entry.path()).unwrap());
        }
    }
}
