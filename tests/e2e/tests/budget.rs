//! The size budgets of the two pages: what a member's first visit downloads before the home page
//! is usable (index.html with its inlined style, the member app's script and wasm), and the same
//! for the trainers' page (soan.html, its script and wasm), gzip -9 as a static host sends them.
//! The service worker, manifest, icons and banks come after and are not counted here; the
//! worker's precache list must still name every file of both pages (`offline.rs`).
//!
//! A budget is a ceiling a change may not cross without a decision: raise it only together with
//! BENCHMARKS.md, saying what the bytes buy. The figures there come from `scripts/bench-size.sh`.

use flate2::{Compression, write::GzEncoder};
use ontap_e2e::dist_dir;
use std::io::Write;

/// Gzip -9 bytes allowed for the member's first visit of the home page (index.html and the
/// home page's script): issue #13's 150,000. The pre-rendered page completed by a script
/// without a framework (`src/home/`) measures 127,498 B here.
const MEMBER_BUDGET_GZIP: usize = 150_000;
/// Gzip -9 bytes allowed for a link to any other member page (index.html and the binary with
/// every page): what it measures here (298,258 B at a037d54, issue #14's refactor of the exam,
/// question views, practice and statistics included: about 2.6 KB) plus a margin. Issue #17 added
/// 25,366 B to the 268,999 B of a9f1036 (both measured at the merge of a9f1036): the result
/// code sent to the organiser with its share, copy and QR code (the `qrcode` crate alone is
/// about 17 KB gzip as a wasm of its own, less once it shares the app's allocator), the
/// practice link for chosen questions, and the paper exam with its key (about 6.7 KB).
/// Issue #16's "Xem trong tài liệu" (the link, asked once per material, and the page of the
/// material's text at the passage) adds 5,450 B: 302,815 B at its commit.
const EVERY_PAGE_BUDGET_GZIP: usize = 306_000;
/// Gzip -9 bytes allowed for the trainers' page: what it measures here (215,513 B at a037d54)
/// plus a margin. Issue #17's “Tổng hợp kết quả” added 36,340 B to the 178,982 B of a9f1036:
/// reading and scoring result codes (the exam draw, scoring, the question fingerprint's
/// serializer), the item analysis, CSV and the section's tables.
/// The question editor (issue #16: its forms, the member's `QuestionView` and `Feedback` for the
/// preview, the edit model, drafts) took it from 178,839 B to 288,016 B before issue #17 was
/// merged; both together measure 315,778 B (at 60b12ce). Trainers only: members never download it.
/// Issue #15's importers (zip, XML, CSV, the Word, Excel, text and GIFT readers, the legacy
/// encodings, and the import section) add about 172 KB (387,654 B with the results section
/// alone, at c14a57b); all three together measure 485,630 B (at 583ce4b); 489,434 B with the
/// member's "Xem trong tài liệu" route in the editor's preview. Scanning QR codes with the camera
/// (the camera, the browser's BarcodeDetector, the worker's messages, the scanner's section)
/// took it to 496,677 B; the decoder itself is in the worker, loaded only to scan. Importing
/// again with other options (and the importer's words for the page's list) and the scanning's
/// later fixes: 500,546 B (session 6).
const TRAINERS_BUDGET_GZIP: usize = 504_000;

/// Gzip -9 bytes allowed for the QR-reading worker the trainers' page starts when it scans
/// without `BarcodeDetector` (its loader, glue and wasm: quircs and the frame protocol): what it
/// measures (29,570 B, of which the wasm 24,966 B) plus a margin. Not part of the page's first
/// load.
const SCAN_WORKER_BUDGET_GZIP: usize = 34_000;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

/// The page `html` and the files of trunk's build for binary `bin` (its glue and its wasm).
fn page_files(html: &str, bin: &str) -> Vec<String> {
    let mut files = vec![html.to_owned()];
    for entry in std::fs::read_dir(dist_dir()).expect("dist/ exists: run scripts/build.sh first") {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let built = name.strip_prefix(bin).and_then(|rest| rest.strip_prefix('-'));
        // `ontap-web-<hash>.js`, `ontap-web-<hash>_bg.wasm` (not `ontap-web-….js.gz`).
        if built.is_some_and(|rest| rest.ends_with(".js") || rest.ends_with("_bg.wasm")) {
            files.push(name);
        }
    }
    files
}

/// The gzip size of `files`, printed as a table.
fn measure(files: &[String]) -> usize {
    let mut total = 0;
    for f in files {
        let n = gzip_len(&std::fs::read(dist_dir().join(f)).unwrap());
        eprintln!("{n:>9} {f}");
        total += n;
    }
    eprintln!("{total:>9} total (gzip -9)");
    total
}

#[test]
fn the_members_first_visit_fits_its_budget() {
    let files = page_files("index.html", "ontap-home");
    assert_eq!(files.len(), 3, "index.html, the glue and the wasm: {files:?}");
    let html = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    assert!(!html.contains("<link rel=\"stylesheet\""), "the style is inlined: no extra round trip");
    let total = measure(&files);
    assert!(total <= MEMBER_BUDGET_GZIP, "the member's first visit is {total} B gzip, over {MEMBER_BUDGET_GZIP} B");
}

#[test]
fn a_link_to_another_member_page_fits_its_budget() {
    let files = page_files("index.html", "ontap-web");
    assert_eq!(files.len(), 3, "index.html, the glue and the wasm: {files:?}");
    let total = measure(&files);
    assert!(
        total <= EVERY_PAGE_BUDGET_GZIP,
        "a link to another page loads {total} B gzip, over {EVERY_PAGE_BUDGET_GZIP} B"
    );
}

#[test]
fn the_trainers_page_fits_its_budget() {
    let files = page_files("soan.html", "ontap-soan");
    assert_eq!(files.len(), 3, "soan.html, the glue and the wasm: {files:?}");
    let total = measure(&files);
    assert!(total <= TRAINERS_BUDGET_GZIP, "the trainers' page is {total} B gzip, over {TRAINERS_BUDGET_GZIP} B");
}

#[test]
fn the_qr_worker_fits_its_budget_and_the_page_does_not_load_it() {
    let files: Vec<String> =
        ["ontap-scan-worker_loader.js", "ontap-scan-worker.js", "ontap-scan-worker_bg.wasm"].map(String::from).into();
    let total = measure(&files);
    assert!(total <= SCAN_WORKER_BUDGET_GZIP, "the QR worker is {total} B gzip, over {SCAN_WORKER_BUDGET_GZIP} B");
    let soan = std::fs::read_to_string(dist_dir().join("soan.html")).unwrap();
    assert!(!soan.contains("ontap-scan-worker"), "soan.html does not load the worker: the page starts it to scan");
    assert!(holds(&built("ontap-soan", ".wasm"), "ontap-scan-worker_loader.js"), "the page names the worker");
}

/// The built file of binary `bin` whose name ends with `ending` (its wasm or its glue).
fn built(bin: &str, ending: &str) -> Vec<u8> {
    let files = page_files("x", bin);
    let name = files.iter().find(|f| f.ends_with(ending)).unwrap_or_else(|| panic!("no {bin} file ending {ending}"));
    std::fs::read(dist_dir().join(name)).unwrap()
}

/// Whether `needle` stands in `bytes`.
fn holds(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The checker's diagnostics and the importers (and their words) are the trainers' page's alone.
#[test]
fn the_checker_and_the_importers_never_reach_the_members_download() {
    // A message of the checker (check/messages.rs) and one of the importers (ontap-import's
    // fatal.rs), as bytes in the binary's data.
    for (what, needle) in [("checker", "Có phải ý bạn là"), ("importers", "Không nhận ra định dạng của tệp")]
    {
        assert!(holds(&built("ontap-soan", ".wasm"), needle), "the trainers' page carries the {what}");
        for member in ["ontap-web", "ontap-home"] {
            assert!(!holds(&built(member, ".wasm"), needle), "{member} does not carry the {what}");
        }
    }
}

/// The home page's script completes the pre-rendered page without a framework: Leptos' renderer,
/// which builds pages from comment markers and created nodes, stays in the binary with the
/// other pages (seen in the browser functions each binary's glue imports).
#[test]
fn the_home_page_script_carries_no_framework() {
    for import in ["createComment", "createElement", "createTextNode"] {
        assert!(holds(&built("ontap-web", ".js"), import), "the app with every page renders with Leptos ({import})");
        assert!(!holds(&built("ontap-home", ".js"), import), "the home page's script does not ({import})");
    }
}
