//! The shipped questions folder read natively, the one reader every test uses: its files, the
//! library the app builds from them, one bank, and the words the app must show for a question.

use crate::repo_root;
use ontap_core::check::{FolderReport, MemoryFiles, check_folder};
use ontap_core::library::Library;
use ontap_core::model::{Material, Question, QuestionKind};
use serde_json::Value;

/// The bytes of `questions/<name>`.
pub fn question_file(name: &str) -> Vec<u8> {
    let path = repo_root().join("questions").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `questions/<name>` as JSON.
pub fn question_json(name: &str) -> Value {
    serde_json::from_slice(&question_file(name)).unwrap_or_else(|e| panic!("questions/{name}: {e}"))
}

/// The shipped bank `id` (`questions/<id>.json`).
pub fn shipped_bank(id: &str) -> ontap_core::Bank {
    serde_json::from_slice(&question_file(&format!("{id}.json"))).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// The shipped questions folder as files, plus `extra` (name, bytes) files.
pub fn folder_files(extra: &[(&str, Vec<u8>)]) -> MemoryFiles {
    let mut files = MemoryFiles::default();
    for entry in std::fs::read_dir(repo_root().join("questions")).expect("the questions folder") {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            let name = entry.file_name().into_string().unwrap();
            files = files.with(&name, std::fs::read(entry.path()).unwrap());
        }
    }
    for (name, bytes) in extra {
        files = files.with(name, bytes.clone());
    }
    files
}

/// The shipped questions folder checked as the app checks it (the same `check_folder`).
pub fn shipped_report() -> FolderReport {
    check_folder(&folder_files(&[]), "questions/", None)
}

/// The library the app should build from the shipped questions folder.
pub fn shipped_library() -> Library {
    library_of(&folder_files(&[]))
}

/// The library the app should build from `files`.
pub fn library_of(files: &MemoryFiles) -> Library {
    let report = check_folder(files, "", None);
    Library::new(
        report.banks.iter().filter_map(|b| b.bank.clone()).collect(),
        report.materials.as_ref().map(|m| m.materials.clone()).unwrap_or_default(),
    )
}

/// The question `id` of bank `bank`.
pub fn question<'a>(lib: &'a Library, bank: &str, id: &str) -> &'a Question {
    let b = lib.banks.iter().find(|b| b.id.as_str() == bank).unwrap_or_else(|| panic!("bank {bank}"));
    b.questions.iter().find(|q| q.id.as_str() == id).unwrap_or_else(|| panic!("question {id} in {bank}"))
}

/// `2023-02-15` → `15/2/2023`, `2022-11` → `11/2022`, `2024` → `2024`.
pub fn vn_date(date: &str) -> String {
    let parts: Vec<u32> = date.split('-').map(|p| p.parse().unwrap()).collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        [y, m] => format!("{m}/{y}"),
        [y] => y.to_string(),
        _ => panic!("bad date {date}"),
    }
}

/// The source line the feedback must show.
pub fn expected_source(lib: &Library, q: &Question) -> String {
    let m: &Material = lib.materials.iter().find(|m| m.id == q.source.material).expect("the material is listed");
    format!("Nguồn: {}, {} — “{}”", m.title, vn_date(&m.date), q.source.quote)
}

/// WebDriver reads non-breaking spaces as spaces.
pub fn visible(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

/// A number as Vietnamese writes it, with at most `decimals` decimals and no trailing zeros.
pub fn vn_number(x: f64, decimals: usize) -> String {
    let mut s = format!("{x:.decimals$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    s.replace('.', ",")
}

/// The right options of a choice question (file indices).
pub fn correct_indices(kind: &QuestionKind) -> Vec<usize> {
    match kind {
        QuestionKind::Single { correct, .. } | QuestionKind::Multiple { correct, .. } => {
            correct.letters().iter().map(|l| usize::from(l.as_bytes()[0] - b'A')).collect()
        }
        _ => Vec::new(),
    }
}
