//! Checks a whole questions folder: the catalogue, the materials list, every bank it names,
//! and what is missing or left out. The files come through [`FileSource`], so the same check
//! runs on disk (CLI), on fetched files (app) and in memory (tests).

use super::diagnostic::{Diagnostic, Problem, has_errors};
use super::files::{check_catalogue, check_materials};
use super::sliced::BankCheck;
use super::{Checked, MaterialTexts, References};
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
    FolderCheck::new(src, prefix, material_texts).finish()
}

/// A folder check done a step at a time, bank by bank and a slice of questions at a time (see
/// [`BankCheck`]), so that a page can paint between steps. [`check_folder`] is this check in
/// one go.
pub struct FolderCheck<'s> {
    src: &'s dyn FileSource,
    prefix: String,
    report: FolderReport,
    texts: Option<MaterialTexts>,
    /// Each usable bank's id, with its file.
    ids: HashMap<String, String>,
    /// The index in the catalogue of the next bank to open.
    next: usize,
    /// The bank being checked: its index in the catalogue, and its check.
    current: Option<(usize, BankCheck)>,
}

impl<'s> FolderCheck<'s> {
    /// Checks the catalogue and the materials list; the banks are left for [`Self::step`].
    pub fn new(src: &'s dyn FileSource, prefix: &str, material_texts: Option<&dyn FileSource>) -> Self {
        let mut report = FolderReport::default();
        let shown = |name: &str| format!("{prefix}{name}");
        let catalogue = read_checked(src, CATALOGUE_FILE, &shown(CATALOGUE_FILE), check_catalogue);
        report.diagnostics.extend(catalogue.diagnostics);
        let mut texts = None;
        if let Some(catalogue) = &catalogue.value {
            let materials = read_checked(src, &catalogue.materials, &shown(&catalogue.materials), check_materials);
            report.diagnostics.extend(materials.diagnostics);
            texts =
                materials.value.as_ref().zip(material_texts).map(|(list, folder)| MaterialTexts::load(list, folder));
            report.materials = materials.value;
        }
        report.catalogue = catalogue.value;
        FolderCheck { src, prefix: prefix.to_owned(), report, texts, ids: HashMap::new(), next: 0, current: None }
    }

    /// Does the next piece of work: opens (reads and parses) the next bank, or checks up to
    /// `questions` more questions of the open one. True when everything has been checked.
    pub fn step(&mut self, questions: usize) -> bool {
        let Some(catalogue) = &self.report.catalogue else { return true };
        let refs = References { materials: self.report.materials.as_ref(), texts: self.texts.as_ref() };
        match self.current.take() {
            None => {
                let Some(name) = catalogue.banks.get(self.next) else { return true };
                let i = self.next;
                self.next += 1;
                match self.src.read(name) {
                    Ok(bytes) => self.current = Some((i, BankCheck::new(&bytes, &format!("{}{name}", self.prefix)))),
                    Err(_) => {
                        let (line, column) = catalogue_position(self.src, i);
                        self.report.diagnostics.push(Diagnostic {
                            file: format!("{}{CATALOGUE_FILE}", self.prefix),
                            line,
                            column,
                            pointer: format!("/banks/{i}"),
                            question: None,
                            problem: Problem::MissingBankFile { file: name.clone() },
                        });
                    }
                }
            }
            Some((i, mut check)) => {
                if check.step(questions, &refs) {
                    let checked = check.finish(&refs);
                    let name = catalogue.banks[i].clone();
                    self.add(name, checked);
                } else {
                    self.current = Some((i, check));
                }
            }
        }
        false
    }

    /// Adds a checked bank to the report, refusing an id another bank already has.
    fn add(&mut self, name: String, checked: Checked<Bank>) {
        let mut loaded = LoadedBank { file: name, bank: checked.value, diagnostics: checked.diagnostics };
        if let Some(bank) = &loaded.bank {
            let id = bank.id.as_str().to_owned();
            if let Some(other) = self.ids.get(&id) {
                loaded.diagnostics.push(Diagnostic {
                    file: format!("{}{}", self.prefix, loaded.file),
                    line: 0,
                    column: 0,
                    pointer: "/id".into(),
                    question: None,
                    problem: Problem::DuplicateBankId { id, other_file: other.clone() },
                });
                loaded.bank = None;
            } else {
                self.ids.insert(id, loaded.file.clone());
            }
        }
        debug_assert!(loaded.bank.is_none() || !has_errors(&loaded.diagnostics));
        self.report.banks.push(loaded);
    }

    /// Finishes the check (any steps left are done now) and says what it found.
    pub fn finish(mut self) -> FolderReport {
        while !self.step(usize::MAX) {}
        let mut report = self.report;
        let Some(catalogue) = &report.catalogue else { return report };
        if let Some(files) = self.src.list() {
            for file in files {
                let known = file == CATALOGUE_FILE || file == catalogue.materials || catalogue.banks.contains(&file);
                if !known {
                    let shown = format!("{}{file}", self.prefix);
                    report.diagnostics.push(Diagnostic::whole_file(&shown, Problem::UnlistedBankFile { file }));
                }
            }
        }
        report
    }
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
