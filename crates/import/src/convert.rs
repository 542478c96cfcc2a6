//! An import as `ontap import` and the trainers' page both run it: read the file
//! ([`import_file`]), write the bank in the canonical layout ([`write`]), check that text with
//! the caller's checker (the CLI against the materials on disk, the page against the shipped
//! folder), and sort the findings into the one to-do list and the rest. Only the showing differs.

use crate::{Fatal, FileImport, Format, Lang, Options, Todo, import_file, is_todo_diagnostic, todo, write};
use ontap_core::check::{Checked, Diagnostic, Severity, has_errors};
use ontap_core::model::Bank;

/// What an import produced and what the checker says of it.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The file as read: its format, decoded text, bank and notes.
    pub read: FileImport,
    /// The bank as `ontap fmt` lays it out: what is written or downloaded.
    pub json: String,
    /// The checker's verdict on `json` (a usable bank only when nothing is left to do).
    pub checked: Checked<Bank>,
    /// What the bank still lacks, as one list.
    pub todo: Todo,
    /// The checker's findings the to-do list does not already cover.
    pub rest: Vec<Diagnostic>,
}

/// Imports `bytes` (the file `name`) and checks the result with `check`, given the bank's JSON.
pub fn convert(
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
    options: &Options,
    check: impl FnOnce(&[u8]) -> Checked<Bank>,
) -> Result<Converted, Fatal> {
    Ok(Converted::checked(import_file(name, bytes, format, options)?, check))
}

impl Converted {
    /// [`convert`]'s second half, for a caller that lets the page breathe between the two: the
    /// file `read` by [`import_file`], written and checked with `check`.
    pub fn checked(read: FileImport, check: impl FnOnce(&[u8]) -> Checked<Bank>) -> Converted {
        let json = write(&read.import.bank);
        let checked = check(json.as_bytes());
        let todo = todo(&read.import.bank);
        let rest = checked.diagnostics.iter().filter(|d| !is_todo_diagnostic(d)).cloned().collect();
        Converted { read, json, checked, todo, rest }
    }

    /// Whether the import failed: a line not understood, or any checker error (gaps included).
    pub fn failed(&self) -> bool {
        self.read.import.notes.iter().any(|n| !n.warning) || has_errors(&self.checked.diagnostics)
    }

    /// The questions imported.
    pub fn count(&self) -> usize {
        self.read.import.bank.questions.len()
    }

    /// Errors and warnings among [`Converted::rest`].
    pub fn rest_counts(&self) -> (usize, usize) {
        let errors = self.rest.iter().filter(|d| d.severity() == Severity::Error).count();
        (errors, self.rest.len() - errors)
    }

    /// "Đã nhập 12 câu hỏi từ de.docx."
    pub fn imported(&self, shown: &str, lang: Lang) -> String {
        let count = self.count();
        match lang {
            Lang::Vi => format!("Đã nhập {count} câu hỏi từ {shown}."),
            Lang::En => format!("Imported {count} question(s) from {shown}."),
        }
    }

    /// The checker's other findings counted, said above the to-do list.
    pub fn besides_todo(&self, lang: Lang) -> String {
        let (errors, warnings) = self.rest_counts();
        match lang {
            Lang::Vi => format!("Ngoài các chỗ còn trống dưới đây: {errors} lỗi, {warnings} cảnh báo."),
            Lang::En => format!("Besides the gaps listed below: {errors} error(s), {warnings} warning(s)."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FormatChoice;
    use ontap_core::check::{References, check_bank};

    fn check(json: &[u8]) -> Checked<Bank> {
        check_bank(json, "nq.json", &References { materials: None, texts: None })
    }

    fn options() -> Options {
        Options {
            bank_id: "nq".into(),
            title: None,
            description: Some("Mô tả.".into()),
            material: None,
            format_choice: FormatChoice::Flag,
        }
    }

    #[test]
    fn gaps_go_to_the_todo_list_and_the_rest_is_counted() {
        let text = "Câu 1. Ai?\nA. x\nB. x\nĐáp án: A\n";
        let c = convert("de.txt", text.as_bytes(), None, &options(), check).unwrap();
        assert_eq!(c.json, write(&c.read.import.bank));
        assert!(c.checked.value.is_none() && c.failed());
        assert_eq!((c.todo.quote.len(), c.todo.explanation.len(), c.todo.material.len()), (1, 1, 1));
        assert!(c.rest.iter().all(|d| !is_todo_diagnostic(d)));
        assert!(c.rest.iter().any(|d| d.code() == "duplicate-option"), "{:?}", c.rest);
        assert_eq!(c.imported("de.txt", Lang::Vi), "Đã nhập 1 câu hỏi từ de.txt.");
        let (errors, warnings) = c.rest_counts();
        assert_eq!(
            c.besides_todo(Lang::Vi),
            format!("Ngoài các chỗ còn trống dưới đây: {errors} lỗi, {warnings} cảnh báo.")
        );
    }

    #[test]
    fn a_complete_file_passes_and_an_unreadable_one_is_fatal() {
        let text = "Câu 1. Ai?\nA. x\nB. y\nĐáp án: A\nGiải thích: Vì x.\nTài liệu: nq35\nTrích dẫn: “x”\n";
        let c = convert("de.txt", text.as_bytes(), None, &options(), check).unwrap();
        assert!(c.todo.is_empty(), "{:?}", c.todo);
        assert!(c.checked.value.is_some() && !c.failed(), "{:?}", c.checked.diagnostics);
        let fatal = convert("de.docx", b"not a zip", None, &options(), check).unwrap_err();
        assert!(fatal.message(Lang::Vi).starts_with("Tệp Word/Excel bị hỏng"), "{fatal:?}");
    }
}
