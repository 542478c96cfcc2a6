//! `ontap fmt` keeps meaning and settles: on every shipped file and every fixture file the
//! checker accepts, the rewritten file reads back as the same value (texts in NFC), a second
//! run changes nothing, and `--check` agrees. A file with errors is never touched.

use ontap_core::check::{References, check_bank, check_catalogue, check_materials};
use ontap_core::layout::nfc_value;
use ontap_core::{Bank, Catalogue, MaterialList};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn ontap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ontap")).args(args).current_dir(dir).output().expect("ontap runs")
}

/// A fresh empty folder under the system's temporary folder.
fn scratch() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("ontap-fmt-test-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The file's meaning, as the kind its name says, when the checker accepts it.
#[derive(Debug, PartialEq)]
enum Meaning {
    Bank(Bank),
    Materials(MaterialList),
    Catalogue(Catalogue),
}

fn meaning(name: &str, bytes: &[u8]) -> Option<Meaning> {
    match name {
        "catalogue.json" => check_catalogue(bytes, name).value.map(Meaning::Catalogue),
        "materials.json" => check_materials(bytes, name).value.map(Meaning::Materials),
        _ => check_bank(bytes, name, &References::default()).value.map(Meaning::Bank),
    }
}

fn in_nfc(m: &Meaning) -> Meaning {
    match m {
        Meaning::Bank(b) => Meaning::Bank(nfc_value(b)),
        Meaning::Materials(l) => Meaning::Materials(nfc_value(l)),
        Meaning::Catalogue(c) => Meaning::Catalogue(nfc_value(c)),
    }
}

/// Every `.json` file under `dir`, recursively.
fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Formats a copy of `file` and checks meaning, idempotence and `--check`; returns whether the
/// file was one the checker accepts.
fn formats_faithfully(file: &Path) -> bool {
    let name = file.file_name().unwrap().to_str().unwrap();
    let before = std::fs::read(file).unwrap();
    let Some(meant) = meaning(name, &before) else {
        return false;
    };
    let dir = scratch();
    std::fs::write(dir.join(name), &before).unwrap();
    let first = ontap(&dir, &["fmt", name]);
    assert_eq!(first.status.code(), Some(0), "{}: {}", file.display(), String::from_utf8_lossy(&first.stdout));
    let after = std::fs::read(dir.join(name)).unwrap();
    let read_back = meaning(name, &after).unwrap_or_else(|| panic!("{}: the formatted file fails", file.display()));
    assert_eq!(read_back, in_nfc(&meant), "{}: fmt changed the meaning", file.display());

    let check = ontap(&dir, &["fmt", "--check", name]);
    assert_eq!(check.status.code(), Some(0), "{}: --check after fmt: {check:?}", file.display());
    let second = ontap(&dir, &["fmt", name]);
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(std::fs::read(dir.join(name)).unwrap(), after, "{}: fmt is not idempotent", file.display());
    std::fs::remove_dir_all(&dir).unwrap();
    true
}

#[test]
fn shipped_files_keep_their_meaning() {
    let mut files = Vec::new();
    json_files(&root().join("questions"), &mut files);
    files.retain(|f| !f.to_string_lossy().contains("schema"));
    assert!(files.len() >= 8, "{files:?}");
    for file in &files {
        assert!(formats_faithfully(file), "{} passes the checker", file.display());
    }
}

#[test]
fn fixture_files_keep_their_meaning() {
    let mut files = Vec::new();
    json_files(&root().join("crates/cli/tests/fixtures"), &mut files);
    files.sort();
    let formatted = files.iter().filter(|f| formats_faithfully(f)).count();
    assert!(formatted >= 20, "only {formatted} fixture files pass the checker");
}

#[test]
fn a_file_with_errors_is_left_alone() {
    let dir = scratch();
    let broken = r#"{ "format": 1, "id": "x", "title": "T", "description": "D", "version": 1, "questions": [ { "id": "x-1" } ] }"#;
    std::fs::write(dir.join("bank.json"), broken).unwrap();
    let out = ontap(&dir, &["fmt", "bank.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("bank.json:1:") && stdout.contains("error[missing-field]"), "{stdout}");
    assert_eq!(std::fs::read_to_string(dir.join("bank.json")).unwrap(), broken);
    assert!(!dir.join(".bank.json.ontap-fmt").exists(), "no temporary file is left behind");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_is_formatted_file_by_file() {
    let dir = scratch();
    let questions = root().join("questions");
    for name in ["catalogue.json", "materials.json", "ngay-le-lon.json"] {
        let text = std::fs::read_to_string(questions.join(name)).unwrap();
        // One line, the way a converter or a careless editor might save it.
        let squeezed: serde_json::Value = serde_json::from_str(&text).unwrap();
        std::fs::write(dir.join(name), squeezed.to_string()).unwrap();
    }
    let check = ontap(&dir, &["fmt", "--check", "."]);
    assert_eq!(check.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&check.stdout);
    assert!(listed.contains("cần định dạng lại: ./ngay-le-lon.json"), "{listed}");
    let out = ontap(&dir, &["fmt", "."]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    for name in ["catalogue.json", "materials.json", "ngay-le-lon.json"] {
        let formatted = std::fs::read_to_string(dir.join(name)).unwrap();
        // The shipped files are kept in the canonical layout (scripts/test.sh runs `fmt --check`).
        assert_eq!(formatted, std::fs::read_to_string(questions.join(name)).unwrap(), "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
