//! Importers: turn what trainers already have (Word and Excel files, Word-style text, CSV or
//! tab-separated tables, Moodle GIFT, in any encoding they come in) into a bank of format v1.
//! Pure (no disk, no terminal, builds for wasm32): `ontap import` and the trainers' page in the
//! browser run the same code.
//!
//! For a caller: [`import_file`] (name, bytes, optional [`Format`], [`Options`]) →
//! [`FileImport`] (the format read, the text the notes' line numbers refer to, the bank and
//! its [`Note`]s, each in Vietnamese or English with [`Note::text`]) or a [`Fatal`] (with
//! [`Fatal::message`]); [`write()`] the bank as `ontap fmt` lays it out; [`todo()`] what is still
//! to fill in, and [`is_todo_diagnostic`] the checker diagnostics that list already covers.
//!
//! Each format module reads text into [`Draft`] questions and [`Note`]s (every line it could
//! not understand, with its line number); [`build`] then gives the drafts stable ids and
//! fills the bank. Nothing is dropped silently: a question that cannot be completed is still
//! written, with what is missing left empty for the checker to name.

mod choice;
mod convert;
pub mod csv;
pub mod decode;
pub mod docx;
mod fatal;
mod file;
pub mod gift;
pub mod legacy;
pub mod office;
mod text;
pub mod todo;
pub mod word;
pub mod xlsx;

use ontap_core::model::{Bank, FORMAT_VERSION, Question, QuestionKind, Source};
use ontap_core::{BankId, MaterialId, QuestionId};
use std::collections::HashSet;

pub use choice::FormatChoice;
pub use convert::{Converted, convert};
pub use fatal::{Fatal, Hint};
pub use file::{FileImport, import_file};
pub use ontap_core::check::Lang;
pub use text::{bank_id_for, clean, slug, unquote};
pub use todo::{Todo, is_todo, is_todo_diagnostic, todo};

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Text as trainers write it in Word: `Câu 1.`, `A.`–`D.`, `Đáp án: B`.
    Word,
    /// CSV saved from Excel, with the template's header row.
    Csv,
    /// Moodle GIFT.
    Gift,
    /// A Word file (.docx): paragraphs as Word text, question tables, formatting marks.
    Docx,
    /// An Excel workbook (.xlsx): the first sheet in the template's layout.
    Xlsx,
}

impl Format {
    /// Every format, in the order a choice offers them.
    pub const ALL: [Format; 5] = [Format::Docx, Format::Xlsx, Format::Word, Format::Csv, Format::Gift];

    /// Its name on the command line (`--format NAME`), which [`Format::from_name`] reads back.
    pub fn name(self) -> &'static str {
        match self {
            Format::Word => "word",
            Format::Csv => "csv",
            Format::Gift => "gift",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format named on the command line (`word`, `csv`, `gift`, `docx`, `xlsx`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "word" => Some(Format::Word),
            "csv" | "tsv" => Some(Format::Csv),
            "gift" => Some(Format::Gift),
            "docx" => Some(Format::Docx),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// How the format is named in messages (Vietnamese, English).
    pub fn described(self) -> (&'static str, &'static str) {
        match self {
            Format::Word => ("văn bản kiểu Word", "Word-style text"),
            Format::Csv => ("bảng (CSV hoặc Tab, như Excel lưu)", "a table (CSV or tab-separated, as Excel saves)"),
            Format::Gift => ("Moodle GIFT", "Moodle GIFT"),
            Format::Docx => ("tệp Word (.docx)", "a Word file (.docx)"),
            Format::Xlsx => ("tệp Excel (.xlsx)", "an Excel workbook (.xlsx)"),
        }
    }

    /// The format a file name's extension suggests: `.csv`, `.gift`, `.txt`/`.md` (Word text).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "gift" => Some(Format::Gift),
            "txt" | "text" | "md" => Some(Format::Word),
            _ => None,
        }
    }
}

/// Something the importer reports about one line of the input (line 0: the whole file).
/// Two notes are equal when they say the same in Vietnamese at the same place.
#[derive(Debug, Clone, Eq)]
pub struct Note {
    /// 1-based line of the input; 0 for the whole file.
    pub line: usize,
    /// False for an error (something was not understood or is wrong); true for a warning
    /// (understood, but worth a look, e.g. a numbering gap).
    pub warning: bool,
    /// What, in Vietnamese, for the trainer.
    pub message: String,
    /// The same in English, when written (`--lang en`); the Vietnamese is shown otherwise.
    pub english: Option<String>,
}

impl Note {
    /// An error at `line`.
    pub fn error(line: usize, message: impl Into<String>) -> Note {
        Note { line, warning: false, message: message.into(), english: None }
    }

    /// A warning at `line`.
    pub fn warning(line: usize, message: impl Into<String>) -> Note {
        Note { line, warning: true, message: message.into(), english: None }
    }

    /// A note written in both languages.
    pub fn bilingual(line: usize, warning: bool, vi: String, en: String) -> Note {
        Note { line, warning, message: vi, english: Some(en) }
    }

    /// The note with its English words (`--lang en`).
    pub fn en(mut self, english: impl Into<String>) -> Note {
        self.english = Some(english.into());
        self
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match (lang, &self.english) {
            (Lang::En, Some(en)) => en,
            _ => &self.message,
        }
    }
}

impl PartialEq for Note {
    fn eq(&self, other: &Note) -> bool {
        (self.line, self.warning, &self.message) == (other.line, other.warning, &other.message)
    }
}

/// One question as read, before it gets its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The line it starts on.
    pub line: usize,
    /// The number the trainer gave it (`Câu 7`), or its position in the file.
    pub number: usize,
    /// An id written in the input (CSV column `ma`), used when valid.
    pub id: Option<String>,
    /// The prompt, cleaned.
    pub prompt: String,
    /// The type and its answer.
    pub kind: QuestionKind,
    /// The explanation, empty when none was written.
    pub explanation: String,
    /// Tags written in the input.
    pub tags: Vec<String>,
    /// The material id written in the input.
    pub material: Option<String>,
    /// The source quote written in the input.
    pub quote: Option<String>,
    /// 1–3 when written.
    pub difficulty: Option<u8>,
}

impl Draft {
    /// A draft with only a position and a prompt; the rest filled in by the format module.
    pub fn new(line: usize, number: usize, prompt: String, kind: QuestionKind) -> Draft {
        Draft {
            line,
            number,
            id: None,
            prompt,
            kind,
            explanation: String::new(),
            tags: Vec::new(),
            material: None,
            quote: None,
            difficulty: None,
        }
    }
}

/// What a format module read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The questions, in the input's order.
    pub drafts: Vec<Draft>,
    /// Every line not understood, and warnings.
    pub notes: Vec<Note>,
    /// A title found in the input (the heading above a Word document's first question).
    pub title: Option<String>,
}

/// What the caller decides: the bank's id and title, the material cited by default, and how
/// the trainer names a format there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The bank id; also the prefix of question ids (`<id>-001`).
    pub bank_id: String,
    /// The title; `None` takes the input's own heading, or the bank id.
    pub title: Option<String>,
    /// The bank's description; left empty (for the checker to name) when not given.
    pub description: Option<String>,
    /// The material id for questions that do not name one.
    pub material: Option<String>,
    /// Where the trainer names a file's format, as the importer's words say it.
    pub format_choice: FormatChoice,
}

/// The result of an import: the bank (always, even with problems) and every note.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The bank; empty fields are what the trainer must still fill in.
    pub bank: Bank,
    /// Every line not understood (with its line number), and warnings.
    pub notes: Vec<Note>,
}

/// Difficulty given to questions whose input does not say (medium).
pub const DEFAULT_DIFFICULTY: u8 = 2;

/// Reads `text` in `format` and builds the bank. Word and Excel files are not text: read them
/// with [`import_file`] (here their text is read as Word text and CSV).
pub fn import(format: Format, text: &str, options: &Options) -> Import {
    let parsed = match format {
        Format::Word | Format::Docx => word::parse(text),
        Format::Csv | Format::Xlsx => csv::parse(text),
        Format::Gift => gift::parse(text),
    };
    build(parsed, options)
}

/// Gives every draft its id (`<bank id>-<number, 3 digits>`, or the id written in the input)
/// and fills the bank. An id already taken is replaced by the next free number, with a note.
pub fn build(parsed: Parsed, options: &Options) -> Import {
    let Parsed { drafts, mut notes, title } = parsed;
    if drafts.is_empty() {
        notes.push(Note::error(0, "Không tìm thấy câu hỏi nào trong tệp.").en("No question was found in the file."));
    }
    let mut used: HashSet<String> = HashSet::new();
    let mut highest = drafts.iter().map(|d| d.number).max().unwrap_or(0);
    let mut questions = Vec::with_capacity(drafts.len());
    for d in drafts {
        let written = d.id.as_deref().filter(|id| ontap_core::ids::is_valid_id(id));
        if let Some(bad) = d.id.as_deref().filter(|id| !ontap_core::ids::is_valid_id(id)) {
            notes.push(Note::error(
                d.line,
                format!("Mã “{bad}” không hợp lệ (chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang); đã đặt mã tự động."),
            ).en(format!("The id \"{bad}\" is invalid (lowercase ASCII letters, digits and hyphens only); an id was given automatically.")));
        }
        let mut id = written.map_or_else(|| numbered(&options.bank_id, d.number), str::to_owned);
        if used.contains(&id) {
            highest += 1;
            let new = numbered(&options.bank_id, highest);
            notes.push(
                Note::error(d.line, format!("Mã “{id}” đã dùng cho một câu trước; câu này được đặt mã “{new}”."))
                    .en(format!("The id \"{id}\" is taken by an earlier question; this one gets \"{new}\".")),
            );
            id = new;
        }
        used.insert(id.clone());
        let material = d.material.or_else(|| options.material.clone()).unwrap_or_default();
        questions.push(Question {
            id: QuestionId(id),
            prompt: d.prompt,
            kind: d.kind,
            explanation: d.explanation,
            source: Source { material: MaterialId(material), quote: d.quote.unwrap_or_default() },
            tags: d.tags,
            difficulty: d.difficulty.unwrap_or(DEFAULT_DIFFICULTY),
            shuffle: true,
        });
    }
    notes.sort_by_key(|n| n.line);
    let bank = Bank {
        schema: None,
        format: FORMAT_VERSION,
        id: BankId(options.bank_id.clone()),
        title: options.title.as_deref().map(clean).or(title).unwrap_or_else(|| options.bank_id.clone()),
        description: options.description.as_deref().map(clean).unwrap_or_default(),
        version: 1,
        questions,
    };
    Import { bank, notes }
}

fn numbered(prefix: &str, n: usize) -> String {
    format!("{prefix}-{n:03}")
}

/// The bank as JSON text in the canonical layout of `ontap fmt`: the one place import output is
/// written.
pub fn write(bank: &Bank) -> String {
    ontap_core::layout::write_bank(bank)
}

/// The option letters `A`–`H` an importer accepts.
pub const MAX_OPTIONS: usize = 8;

/// Whether `kind` is a choice question whose options are exactly “Đúng” and “Sai”: such a
/// question is imported as `true_false`.
pub fn true_false_from_options(options: &[String], correct: &[usize]) -> Option<QuestionKind> {
    let keys: Vec<String> = options.iter().map(|o| ontap_core::text::search_key(o)).collect();
    let keys: Vec<&str> = keys.iter().map(|k| k.trim_end_matches('.')).collect();
    if keys != ["dung", "sai"] || correct.len() != 1 {
        return None;
    }
    Some(QuestionKind::TrueFalse { answer: correct[0] == 0 })
}

/// A single or multiple choice question from options and the indices of the correct ones
/// (none: a single choice question with no answer, left for the checker to report).
pub fn choice(options: Vec<String>, correct: &[usize]) -> QuestionKind {
    use ontap_core::model::{Letter, Letters, index_letter};
    if let Some(tf) = true_false_from_options(&options, correct) {
        return tf;
    }
    let letter = |i: &usize| Letter(index_letter(*i).to_string());
    match correct {
        [one] => QuestionKind::Single { options, correct: Letters::One(letter(one)) },
        [] => QuestionKind::Single { options, correct: Letters::Many(Vec::new()) },
        many => QuestionKind::Multiple { options, correct: Letters::Many(many.iter().map(letter).collect()) },
    }
}

/// A choice question from options as written (each with its written letter index) and the
/// written letters of the correct ones. Letters are matched to options by what was written, so
/// a missing `C.` does not shift the answer; a letter with no option is noted at `line`.
pub fn choice_written(
    options: Vec<(usize, String)>,
    letters: &[usize],
    line: usize,
    question: &str,
    notes: &mut Vec<Note>,
) -> QuestionKind {
    let mut positions = Vec::new();
    for l in letters {
        match options.iter().position(|(w, _)| w == l) {
            Some(p) if !positions.contains(&p) => positions.push(p),
            Some(_) => {}
            None => {
                let letter = ontap_core::model::index_letter(*l);
                notes.push(
                    Note::error(line, format!("Đáp án {letter} của {question} không có trong các phương án."))
                        .en(format!("The answer {letter} of {question} is not among the options.")),
                )
            }
        }
    }
    choice(options.into_iter().map(|(_, t)| t).collect(), &positions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            bank_id: "nq".into(),
            title: None,
            description: None,
            material: Some("nq35".into()),
            format_choice: FormatChoice::Flag,
        }
    }

    #[test]
    fn ids_come_from_numbers_and_clashes_get_the_next_free_one() {
        let kind = || QuestionKind::TrueFalse { answer: true };
        let drafts = vec![
            Draft::new(1, 1, "a".into(), kind()),
            Draft::new(3, 4, "b".into(), kind()),
            Draft::new(5, 4, "c".into(), kind()),
        ];
        let out = build(Parsed { drafts, ..Parsed::default() }, &options());
        let ids: Vec<&str> = out.bank.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["nq-001", "nq-004", "nq-005"]);
        assert_eq!(out.notes, [Note::error(5, "Mã “nq-004” đã dùng cho một câu trước; câu này được đặt mã “nq-005”.")]);
        assert_eq!(out.bank.questions[0].source.material.as_str(), "nq35");
        assert_eq!(out.bank.title, "nq");
    }

    #[test]
    fn every_format_is_named_as_the_command_line_reads_it() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(f));
        }
    }

    #[test]
    fn nothing_found_is_an_error() {
        let out = build(Parsed::default(), &options());
        assert_eq!(out.notes, [Note::error(0, "Không tìm thấy câu hỏi nào trong tệp.")]);
    }

    #[test]
    fn dung_sai_options_become_true_false() {
        let kind = choice(vec!["Đúng".into(), "Sai".into()], &[1]);
        assert_eq!(kind, QuestionKind::TrueFalse { answer: false });
        let kind = choice(vec!["Đúng".into(), "Sai".into(), "Không rõ".into()], &[1]);
        assert_eq!(kind.type_name(), "single");
        assert_eq!(choice(vec!["x".into(), "y".into(), "z".into()], &[0, 2]).type_name(), "multiple");
    }

    #[test]
    fn output_ends_with_a_newline() {
        let out = build(Parsed::default(), &options());
        assert!(write(&out.bank).ends_with("}\n"));
    }

    proptest::proptest! {
        /// Any text, made of the characters the three formats give meaning to: no importer
        /// panics, every note names a line of the input, and the bank serializes.
        #[test]
        fn importers_never_panic(text in "[Câu 1-9.:)\\-ABCDabĐáp ánGiảithchTrícdẫn;,\"“”\t\n{}=~#%>\\\\/\u{a0}\u{200b}\u{301}]{0,200}") {
            let lines = text.lines().count();
            for format in [Format::Word, Format::Csv, Format::Gift] {
                let out = import(format, &text, &options());
                for n in &out.notes {
                    proptest::prop_assert!(n.line <= lines.max(1), "{format:?}: line {} of {lines}", n.line);
                }
                proptest::prop_assert!(write(&out.bank).ends_with('\n'));
            }
        }
    }
}
