//! The size budget of the app shell: everything a first visit downloads before any bank (the
//! built `dist/` without `questions/`), compressed as a static host would send it.
//!
//! The budget is a ceiling a change may not cross without a decision: raise it only together with
//! BENCHMARKS.md, saying what the bytes buy. The figures there come from `scripts/bench-size.sh`.

use flate2::{Compression, write::GzEncoder};
use ontap_e2e::dist_dir;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Gzip -9 bytes allowed for the whole shell (html, js, wasm, css, worker, manifest, icons).
/// Raised from 365,000 for "Thử ngân hàng câu hỏi" (local banks: about 24 KB gzip) and the
/// offline parts (worker, manifest, icons, update banner: about 9 KB); see BENCHMARKS.md.
const SHELL_BUDGET_GZIP: usize = 392_000;

/// Every file under `dir` except the banks, recursively.
fn shell_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dist/ exists: run scripts/build.sh first") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "questions") {
                shell_files(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

#[test]
fn the_shell_fits_its_budget() {
    let mut files = Vec::new();
    shell_files(&dist_dir(), &mut files);
    assert!(files.iter().any(|f| f.extension().is_some_and(|e| e == "wasm")), "no wasm in dist/: {files:?}");
    let mut sizes: Vec<(usize, String)> =
        files.iter().map(|f| (gzip_len(&std::fs::read(f).unwrap()), f.display().to_string())).collect();
    sizes.sort();
    let total: usize = sizes.iter().map(|(n, _)| n).sum();
    let table: String = sizes.iter().map(|(n, f)| format!("{n:>9} {f}\n")).collect();
    eprintln!("{table}{total:>9} total (gzip -9)");
    assert!(
        total <= SHELL_BUDGET_GZIP,
        "the shell is {total} B gzip, over its budget of {SHELL_BUDGET_GZIP} B:\n{table}"
    );
}
