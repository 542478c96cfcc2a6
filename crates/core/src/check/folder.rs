//! Checks a whole questions folder: the catalogue, the materials list, every bank it names,
//! and what is missing or left out. The files come through [`FileSource`], so the same check
//! runs on disk (CLI), on fetched files (app) and in memory (tests).

use super::diagnostic::{Diagnostic, Problem, has_errors};
use super::files::{check_catalogue, check_materials};
use super::{Checked, MaterialTexts, References, check_bank};
use crate::model::{Bank, Catalogue, MaterialList};
use std::collections::{BTreeMap, HashMap};

/// The catalogue's file name in a questions folder.
pub const CATALOGUE_FILE: &str = "catalogue.json";

/// Where the folder's files come from.
pub trait FileSource {
    /// The bytes of file `name` (relative to the folder), or why they cannot be had.
    fn read(&self, name: &str) -> Result<Vec<u8>, String>;
    /// The `.json` file names in the folder, when the source can list it (a browser cannot).
    fn list(&self) -> Option<Vec<String>>;
}

/// Files held in memory: what the app fetched, or a test's fixtures.
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles {
    /// File name → content; a missing name reads as "not found".
    pub files: BTreeMap<String, Result<Vec<u8>, String>>,
    /// Whether [`FileSource::list`] answers (true for tests that model a disk).
    pub listable: bool,
}

impl MemoryFiles {
    /// Adds a file.
    pub fn with(mut self, name: &str, content: impl Into<Vec<u8>>) -> Self {
        self.files.insert(name.to_owned(), Ok(content.into()));
        self
    }
}

impl FileSource for MemoryFiles {
    fn read(&self, name: &str) -> Result<Vec<u8>, String> {
        self.files.get(name).cloned().unwrap_or_else(|| Err("not found".to_owned()))
    }

    fn list(&self) -> Option<Vec<String>> {
        self.listable.then(|| self.files.keys().filter(|k| k.ends_with(".json")).cloned().collect())
    }
}

/// One bank of the catalogue, usable or not.
#[derive(Debug, Clone)]
pub struct LoadedBank {
    /// The file name as listed in the catalogue.
    pub file: String,
    /// The bank, when it has no errors.
    pub bank: Option<Bank>,
    /// Every problem found in it.
    pub diagnostics: Vec<Diagnostic>,
}

/// Everything found in a questions folder.
#[derive(Debug, Clone, Default)]
pub struct FolderReport {
    /// The catalogue, when usable.
    pub catalogue: Option<Catalogue>,
    /// The materials list, when usable.
    pub materials: Option<MaterialList>,
    /// Each bank the catalogue lists, in its order.
    pub banks: Vec<LoadedBank>,
    /// Problems of the catalogue, the materials list and the folder itself.
    pub diagnostics: Vec<Diagnostic>,
}

impl FolderReport {
    /// Every diagnostic, folder-level first, then bank by bank.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().chain(self.banks.iter().flat_map(|b| b.diagnostics.iter()))
    }
}

fn read_checked<T>(
    src: &dyn FileSource,
    name: &str,
    shown: &str,
    check: impl Fn(&[u8], &str) -> Checked<T>,
) -> Checked<T> {
    match src.read(name) {
        Ok(bytes) => check(&bytes, shown),
        Err(detail) => {
            Checked { value: None, diagnostics: vec![Diagnostic::whole_file(shown, Problem::Unreadable { detail })] }
        }
    }
}

/// Checks the folder `src`; `prefix` is put before file names in diagnostics (`questions/`).
/// With `material_texts`, the folder holding the materials' texts, every quote is checked too.
pub fn check_folder(src: &dyn FileSource, prefix: &str, material_texts: Option<&dyn FileSource>) -> FolderReport {
    let shown = |name: &str| format!("{prefix}{name}");
    let mut report = FolderReport::default();
    let catalogue = read_checked(src, CATALOGUE_FILE, &shown(CATALOGUE_FILE), check_catalogue);
    report.diagnostics.extend(catalogue.diagnostics);
    let Some(catalogue) = catalogue.value else {
        return report;
    };

    let materials = read_checked(src, &catalogue.materials, &shown(&catalogue.materials), check_materials);
    report.diagnostics.extend(materials.diagnostics);
    let texts = match (&materials.value, material_texts) {
        (Some(list), Some(folder)) => Some(MaterialTexts::load(list, folder)),
        _ => None,
    };
    let refs = References { materials: materials.value.as_ref(), texts: texts.as_ref() };

    let mut ids: HashMap<String, String> = HashMap::new();
    for (i, name) in catalogue.banks.iter().enumerate() {
        let checked = match src.read(name) {
            Ok(bytes) => check_bank(&bytes, &shown(name), &refs),
            Err(_) => {
                let (line, column) = catalogue_position(src, i);
                report.diagnostics.push(Diagnostic {
                    file: shown(CATALOGUE_FILE),
                    line,
                    column,
                    pointer: format!("/banks/{i}"),
                    question: None,
                    problem: Problem::MissingBankFile { file: name.clone() },
                });
                continue;
            }
        };
        let mut loaded = LoadedBank { file: name.clone(), bank: checked.value, diagnostics: checked.diagnostics };
        if let Some(bank) = &loaded.bank {
            let id = bank.id.as_str().to_owned();
            if let Some(other) = ids.get(&id) {
                loaded.diagnostics.push(Diagnostic {
                    file: shown(name),
                    line: 0,
                    column: 0,
                    pointer: "/id".into(),
                    question: None,
                    problem: Problem::DuplicateBankId { id, other_file: other.clone() },
                });
                loaded.bank = None;
            } else {
                ids.insert(id, name.clone());
            }
        }
        debug_assert!(loaded.bank.is_none() || !has_errors(&loaded.diagnostics));
        report.banks.push(loaded);
    }

    if let Some(files) = src.list() {
        for file in files {
            let known = file == CATALOGUE_FILE || file == catalogue.materials || catalogue.banks.contains(&file);
            if !known {
                report
                    .diagnostics
                    .push(Diagnostic::whole_file(&shown(&file), Problem::UnlistedBankFile { file: file.clone() }));
            }
        }
    }
    report.catalogue = Some(catalogue);
    report.materials = materials.value;
    report
}

/// Line and column of the catalogue's `banks[i]` entry.
fn catalogue_position(src: &dyn FileSource, i: usize) -> (u32, u32) {
    let Ok(bytes) = src.read(CATALOGUE_FILE) else {
        return (0, 0);
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return (0, 0);
    };
    let locations = crate::locate::Locations::scan(text);
    crate::locate::line_col(text, locations.offset(&format!("/banks/{i}"), false))
}
