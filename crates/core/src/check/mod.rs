//! The checker shared by the app and the CLI. It never stops at the first problem: every
//! function returns the value when it is usable *and* every diagnostic found.

mod bank;
mod decode;
mod diagnostic;
mod files;
mod folder;
mod messages;
mod reader;
mod sliced;
#[cfg(test)]
mod tests;
mod value;

pub use bank::{QUOTE_LIMIT, TYPES, check_bank, count_blanks};
pub use decode::{MAX_FILE_BYTES, decode_text};
pub use diagnostic::{Diagnostic, DiagnosticReport, Expected, Lang, Problem, Severity, Side, has_errors};
pub use files::{check_catalogue, check_materials};
pub use folder::{CATALOGUE_FILE, FileSource, FolderCheck, FolderReport, LoadedBank, MemoryFiles, check_folder};
pub use reader::TEXT_LIMIT;
pub use sliced::BankCheck;
pub use value::parse_value;

use crate::ids::MaterialId;
use crate::text::{fold_spaces, nfc};
use std::collections::HashMap;

/// What a check found: the value when it can be used (no errors), and every diagnostic.
#[derive(Debug, Clone)]
pub struct Checked<T> {
    /// `Some` when the file has no errors.
    pub value: Option<T>,
    /// Every problem found, errors and warnings, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a bank's citations are checked against; each part is optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct References<'a> {
    /// The materials list, to check `source.material`.
    pub materials: Option<&'a crate::model::MaterialList>,
    /// The materials' texts, to check that each `source.quote` stands in its material.
    pub texts: Option<&'a MaterialTexts>,
}

/// The texts of the source materials, prepared for quote look-ups.
#[derive(Debug, Clone, Default)]
pub struct MaterialTexts {
    folded: HashMap<MaterialId, String>,
}

impl MaterialTexts {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the text of every material in `list` from `folder`; unreadable ones are left out
    /// (quotes citing them are then reported as citing a missing text).
    pub fn load(list: &crate::model::MaterialList, folder: &dyn FileSource) -> Self {
        let mut texts = Self::new();
        for m in &list.materials {
            if let Some(text) = folder.read(&m.text_file).ok().and_then(|b| String::from_utf8(b).ok()) {
                texts.insert(m.id.clone(), &text);
            }
        }
        texts
    }

    /// Adds the text of material `id`.
    pub fn insert(&mut self, id: MaterialId, text: &str) {
        self.folded.insert(id, fold_spaces(&nfc(text)));
    }

    /// Whether `quote` stands verbatim (up to runs of white space) in material `id`;
    /// `None` when that material's text is not known.
    pub fn contains_quote(&self, id: &MaterialId, quote: &str) -> Option<bool> {
        let text = self.folded.get(id)?;
        let quote = fold_spaces(&nfc(quote));
        Some(!quote.is_empty() && text.contains(&quote))
    }
}
