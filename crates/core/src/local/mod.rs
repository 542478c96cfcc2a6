//! Banks a trainer tries on one device ("Thử ngân hàng câu hỏi"): a local file is checked by the
//! same checker as the shipped banks, against the shipped materials list, and refused when its
//! id is already a shipped bank's (renaming it silently would make its progress and links point
//! elsewhere). Usable local banks join the library after the shipped ones, marked as local.

pub mod store;

use crate::check::{Checked, Diagnostic, FolderReport, Problem, References, check_bank};
use crate::ids::BankId;
use crate::library::Library;
use crate::locate::{Locations, line_col};
use crate::model::{Bank, Material};
use crate::shipped::Shipped;

/// A local bank as stored: the trainer's original text, re-checked on every load.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LocalFile {
    /// The bank's id when it was added (the key for replacing and removing it).
    pub id: String,
    /// The file's name on the trainer's device.
    pub name: String,
    /// The file's text.
    pub text: String,
    /// When it was added, in ms since the epoch.
    pub added_ms: i64,
}

/// A stored local file and what checking it finds today.
#[derive(Debug, Clone)]
pub struct LocalBank {
    /// The stored file.
    pub file: LocalFile,
    /// The bank when usable, and every problem.
    pub checked: Checked<Bank>,
}

/// Checks a local file's bytes, named `name` in diagnostics, against the shipped folder
/// `shipped` (its materials list, and its banks' ids, whose files are named with `prefix`).
pub fn check_local(bytes: &[u8], name: &str, shipped: &FolderReport, prefix: &str) -> Checked<Bank> {
    let refs = References { materials: shipped.materials.as_ref(), texts: None };
    let mut checked = check_bank(bytes, name, &refs);
    let Some(bank) = &checked.value else { return checked };
    let taken = shipped.banks.iter().find(|b| b.bank.as_ref().is_some_and(|s| s.id == bank.id));
    if let Some(other) = taken {
        let text = std::str::from_utf8(bytes).unwrap_or_default();
        let (line, column) = line_col(text, Locations::scan(text).offset("/id", false));
        checked.diagnostics.push(Diagnostic {
            file: name.to_owned(),
            line,
            column,
            pointer: "/id".into(),
            question: None,
            problem: Problem::DuplicateBankId {
                id: bank.id.to_string(),
                other_file: format!("{prefix}{}", other.file),
            },
        });
        checked.value = None;
    }
    checked
}

/// Re-checks every stored file (a newer checker may find new problems).
pub fn check_all(files: &[LocalFile], shipped: &FolderReport, prefix: &str) -> Vec<LocalBank> {
    files
        .iter()
        .map(|f| LocalBank { file: f.clone(), checked: check_local(f.text.as_bytes(), &f.name, shipped, prefix) })
        .collect()
}

/// `banks` with `bank` added, replacing a stored bank with the same id (a corrected version).
/// The others keep their check: nothing is checked twice.
pub fn with_added(banks: &[LocalBank], bank: LocalBank) -> Vec<LocalBank> {
    with_reimported(banks, None, bank)
}

/// `banks` with `bank`, a file imported again, in place of what its `earlier` import kept on
/// this device (perhaps under another id) and of a stored bank with the same id: importing one
/// file again never adds a second copy. `earlier` goes only while it is stored as it was kept
/// (same id, same text): a bank added since under that id, from another file, stays.
pub fn with_reimported(banks: &[LocalBank], earlier: Option<&LocalFile>, bank: LocalBank) -> Vec<LocalBank> {
    let kept_earlier = |f: &LocalFile| earlier.is_some_and(|e| e.id == f.id && e.text == f.text);
    let mut out: Vec<LocalBank> =
        banks.iter().filter(|b| b.file.id != bank.file.id && !kept_earlier(&b.file)).cloned().collect();
    out.push(bank);
    out
}

/// `banks` without the bank `id`.
pub fn without(banks: &[LocalBank], id: &str) -> Vec<LocalBank> {
    banks.iter().filter(|b| b.file.id != id).cloned().collect()
}

/// The library of the shipped banks followed by the usable local ones.
pub fn library(shipped: &FolderReport, local: &[LocalBank]) -> Library {
    let banks = shipped.banks.iter().filter_map(|b| b.bank.clone()).collect();
    let materials = shipped.materials.as_ref().map(|m| m.materials.clone()).unwrap_or_default();
    library_of(banks, materials, local.iter().filter_map(|l| l.checked.value.as_ref()))
}

/// A stored local bank as the member's app reads it: typed parsing, not the checker (it was
/// checked on the trainers' page when it was added, and that page re-checks it).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadLocal {
    /// The stored file.
    pub file: LocalFile,
    /// The bank, when its text still parses.
    pub bank: Option<Bank>,
}

/// Reads every stored file.
pub fn read_all(files: &[LocalFile]) -> Vec<ReadLocal> {
    files.iter().map(|f| ReadLocal { file: f.clone(), bank: crate::shipped::bank(f.text.as_bytes()).ok() }).collect()
}

/// The member's library: the shipped banks followed by the readable local ones.
pub fn member_library(shipped: &Shipped, local: &[ReadLocal]) -> Library {
    library_of(shipped.banks.clone(), shipped.materials.clone(), local.iter().filter_map(|l| l.bank.as_ref()))
}

fn library_of<'a>(mut banks: Vec<Bank>, materials: Vec<Material>, local: impl Iterator<Item = &'a Bank>) -> Library {
    let mut local_ids: Vec<BankId> = Vec::new();
    for bank in local {
        // Two stored files with one id cannot be added, but stored data may be edited by hand.
        if !banks.iter().any(|b| b.id == bank.id) {
            local_ids.push(bank.id.clone());
            banks.push(bank.clone());
        }
    }
    Library::new(banks, materials).with_local(local_ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CATALOGUE_FILE, MemoryFiles, check_folder};
    use crate::test_fixtures::SAMPLE_BANK;

    const MATERIALS: &str = r#"{"format": 1, "materials": [{"id": "tai-lieu", "title": "T", "issuer": "I",
        "date": "2018", "text_file": "t.txt"}]}"#;

    /// A shipped folder holding the sample bank under id `shipped_id`.
    fn shipped(shipped_id: &str) -> FolderReport {
        let catalogue = r#"{"format": 1, "materials": "materials.json", "banks": ["mau.json"]}"#;
        let bank = SAMPLE_BANK.replace("\"id\": \"mau\"", &format!("\"id\": \"{shipped_id}\""));
        let files = MemoryFiles::default()
            .with(CATALOGUE_FILE, catalogue)
            .with("materials.json", MATERIALS)
            .with("mau.json", bank);
        let report = check_folder(&files, "questions/", None);
        assert!(report.banks[0].bank.is_some(), "{:?}", report.all_diagnostics().collect::<Vec<_>>());
        report
    }

    fn file(id: &str, text: &str) -> LocalFile {
        LocalFile { id: id.into(), name: format!("{id}.json"), text: text.into(), added_ms: 1 }
    }

    #[test]
    fn a_valid_bank_joins_the_library_marked_local() {
        let report = shipped("da-co");
        let checked = check_local(SAMPLE_BANK.as_bytes(), "mau.json", &report, "questions/");
        assert!(checked.value.is_some(), "{:?}", checked.diagnostics);
        let local = check_all(&[file("mau", SAMPLE_BANK)], &report, "questions/");
        let lib = library(&report, &local);
        let ids: Vec<&str> = lib.banks.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["da-co", "mau"]);
        assert!(lib.is_local(&"mau".into()) && !lib.is_local(&"da-co".into()));
        assert_eq!(lib.materials.len(), 1);
    }

    #[test]
    fn a_shipped_id_is_refused_with_its_position() {
        let report = shipped("mau");
        let checked = check_local(SAMPLE_BANK.as_bytes(), "cua-toi.json", &report, "questions/");
        assert!(checked.value.is_none());
        let d = checked.diagnostics.last().unwrap();
        assert_eq!((d.code(), d.line, d.column, d.file.as_str()), ("duplicate-bank-id", 4, 9, "cua-toi.json"));
        assert!(
            d.message(crate::check::Lang::Vi).contains("questions/mau.json"),
            "{}",
            d.message(crate::check::Lang::Vi)
        );
        let lib = library(&report, &check_all(&[file("mau", SAMPLE_BANK)], &report, "questions/"));
        assert_eq!(lib.banks.len(), 1, "the shipped bank stays, the local one is left out");
        assert!(!lib.is_local(&"mau".into()));
    }

    #[test]
    fn the_shipped_materials_list_checks_citations() {
        let report = shipped("da-co");
        let text = SAMPLE_BANK.replacen("\"material\": \"tai-lieu\"", "\"material\": \"khong-co\"", 1);
        let checked = check_local(text.as_bytes(), "mau.json", &report, "questions/");
        assert!(checked.value.is_none());
        assert!(
            checked.diagnostics.iter().any(|d| d.code() == "unknown-material" && d.line > 0),
            "{:?}",
            checked.diagnostics
        );
    }

    #[test]
    fn broken_files_give_positioned_problems_and_no_bank() {
        let report = shipped("da-co");
        let broken = SAMPLE_BANK.replacen("\"correct\": \"A\",", "\"correct\": \"E\"", 1);
        let checked = check_local(broken.as_bytes(), "hong.json", &report, "questions/");
        assert!(checked.value.is_none());
        assert!(checked.diagnostics.iter().all(|d| d.line > 0), "{:?}", checked.diagnostics);
        for bytes in [&b"\xff\xfe{"[..], b"", b"not json", b"{\"format\": 1"] {
            let c = check_local(bytes, "x.json", &report, "questions/");
            assert!(c.value.is_none() && !c.diagnostics.is_empty());
        }
        let lib = library(&report, &check_all(&[file("hong", &broken)], &report, "questions/"));
        assert_eq!(lib.banks.len(), 1);
    }

    #[test]
    fn adding_replaces_the_same_id_and_removing_drops_it() {
        let report = shipped("da-co");
        let a = file("a", "1");
        let b = file("b", "2");
        let a2 = LocalFile { text: "3".into(), ..a.clone() };
        let bank = |f: &LocalFile| check_all(std::slice::from_ref(f), &report, "questions/").remove(0);
        let files = |list: &[LocalBank]| list.iter().map(|l| l.file.clone()).collect::<Vec<_>>();
        let list = with_added(&with_added(&[bank(&a)], bank(&b)), bank(&a2));
        assert_eq!(files(&list), vec![b.clone(), a2]);
        assert_eq!(files(&without(&list, "a")), vec![b]);
    }

    #[test]
    fn importing_a_file_again_replaces_what_its_earlier_import_kept() {
        let report = shipped("da-co");
        let bank = |f: &LocalFile| check_all(std::slice::from_ref(f), &report, "questions/").remove(0);
        let files = |list: &[LocalBank]| list.iter().map(|l| l.file.clone()).collect::<Vec<_>>();
        let other = file("khac", "0");
        let first = file("a", "1");
        let list = with_added(&[bank(&other)], bank(&first));
        // Imported again under another id: the first import's bank goes, nothing is added twice.
        let again = file("b", "1");
        let list = with_reimported(&list, Some(&first), bank(&again));
        assert_eq!(files(&list), vec![other.clone(), again.clone()]);
        // Again under the same id, with other options: replaced in place of itself.
        let third = file("b", "2");
        let list = with_reimported(&list, Some(&again), bank(&third));
        assert_eq!(files(&list), vec![other.clone(), third.clone()]);
        // A bank stored since under the earlier id, from another file, is not the earlier import's.
        let since = file("b", "another file");
        let list = with_added(&list, bank(&since));
        let fourth = file("c", "3");
        assert_eq!(files(&with_reimported(&list, Some(&third), bank(&fourth))), vec![other, since, fourth]);
    }
}
