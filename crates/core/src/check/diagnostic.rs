//! What the checker reports: one [`Diagnostic`] per problem, each naming file, position,
//! JSON pointer and question, with a message a trainer understands.

use serde::Serialize;

/// How bad a problem is. Errors stop a bank from being used; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing; the bank still works.
    Warning,
    /// The bank (or file) cannot be used until this is fixed.
    Error,
}

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese, for trainers (the default).
    #[default]
    Vi,
    /// English, for developers.
    En,
}

/// Which side of a matching pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `left`
    Left,
    /// `right`
    Right,
}

/// The JSON kinds a field can be expected to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `{ … }`
    Object,
    /// `[ … ]`
    Array,
    /// `"…"`
    Text,
    /// A whole number in a range.
    Integer,
    /// `true` or `false`
    Boolean,
    /// A letter or a list of letters.
    Letters,
}

/// Every problem the checker knows, with what the message needs.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Problem {
    EmptyFile,
    FileTooLarge { bytes: usize, limit: usize },
    Utf16,
    NotUtf8,
    NulByte,
    JsonSyntax { detail: String },
    UnexpectedEnd,
    Comment,
    TrailingContent,
    TrailingComma,
    ControlCharacter,
    NumberOutOfRange,
    TooDeep,
    Unreadable { detail: String },
    WrongType { expected: Expected, found: &'static str },
    UnknownField { field: String, suggestion: Option<String> },
    FieldNotForType { field: String, question_type: String },
    MissingField { field: String },
    DuplicateKey { field: String },
    UnsupportedFormat { found: String },
    EmptyText,
    NotNfc { fixed: String },
    TextTooLong { chars: usize, limit: usize },
    Markup { found: String },
    BadId { id: String },
    DuplicateId { id: String, first_line: u32 },
    UnknownType { found: String, suggestion: Option<String> },
    NotALetter { found: String },
    AnswerOutOfRange { letter: String, options: usize },
    DuplicateLetter { letter: String },
    SingleCorrectCount { count: usize },
    NoCorrectOption,
    AllOptionsCorrect,
    TooFewOptions { count: usize, min: usize },
    DuplicateOption { text: String, first: usize },
    BlankMarker { count: usize },
    NoAcceptedAnswer,
    UnitInBlank { answer: String, unit: String, number: String },
    TooFewItems { count: usize, min: usize },
    DuplicateItem { text: String },
    DuplicatePairSide { side: Side, text: String },
    OutOfRange { min: u64, max: u64 },
    BadDate { found: String },
    NoQuestions,
    UnknownMaterial { id: String, suggestion: Option<String> },
    NoMaterialsList,
    QuoteNotFound { material: String },
    QuoteTooLong { chars: usize, limit: usize },
    MaterialTextMissing { file: String },
    MissingBankFile { file: String },
    UnlistedBankFile { file: String },
    DuplicateBankFile { file: String },
    DuplicateBankId { id: String, other_file: String },
    BadFileName { file: String },
}

impl Problem {
    /// The stable code shown as `error[code]` and used in JSON output.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            EmptyFile => "empty-file",
            FileTooLarge { .. } => "file-too-large",
            Utf16 => "utf16",
            NotUtf8 => "not-utf8",
            NulByte => "nul-byte",
            JsonSyntax { .. } => "json-syntax",
            UnexpectedEnd => "unexpected-end",
            Comment => "comment",
            TrailingContent => "trailing-content",
            TrailingComma => "trailing-comma",
            ControlCharacter => "control-character",
            NumberOutOfRange => "number-out-of-range",
            TooDeep => "too-deep",
            Unreadable { .. } => "unreadable",
            WrongType { .. } => "wrong-type",
            UnknownField { .. } => "unknown-field",
            FieldNotForType { .. } => "field-not-for-type",
            MissingField { .. } => "missing-field",
            DuplicateKey { .. } => "duplicate-key",
            UnsupportedFormat { .. } => "unsupported-format",
            EmptyText => "empty-text",
            NotNfc { .. } => "not-nfc",
            TextTooLong { .. } => "text-too-long",
            Markup { .. } => "markup",
            BadId { .. } => "bad-id",
            DuplicateId { .. } => "duplicate-id",
            UnknownType { .. } => "unknown-type",
            NotALetter { .. } => "not-a-letter",
            AnswerOutOfRange { .. } => "answer-out-of-range",
            DuplicateLetter { .. } => "duplicate-letter",
            SingleCorrectCount { .. } => "single-correct-count",
            NoCorrectOption => "no-correct-option",
            AllOptionsCorrect => "all-options-correct",
            TooFewOptions { .. } => "too-few-options",
            DuplicateOption { .. } => "duplicate-option",
            BlankMarker { .. } => "blank-marker",
            NoAcceptedAnswer => "no-accepted-answer",
            UnitInBlank { .. } => "unit-in-blank",
            TooFewItems { .. } => "too-few-items",
            DuplicateItem { .. } => "duplicate-item",
            DuplicatePairSide { .. } => "duplicate-pair-side",
            OutOfRange { .. } => "out-of-range",
            BadDate { .. } => "bad-date",
            NoQuestions => "no-questions",
            UnknownMaterial { .. } => "unknown-material",
            NoMaterialsList => "no-materials-list",
            QuoteNotFound { .. } => "quote-not-found",
            QuoteTooLong { .. } => "quote-too-long",
            MaterialTextMissing { .. } => "material-text-missing",
            MissingBankFile { .. } => "missing-bank-file",
            UnlistedBankFile { .. } => "unlisted-bank-file",
            DuplicateBankFile { .. } => "duplicate-bank-file",
            DuplicateBankId { .. } => "duplicate-bank-id",
            BadFileName { .. } => "bad-file-name",
        }
    }

    /// Errors make a file unusable; the rest are warnings.
    pub fn severity(&self) -> Severity {
        use Problem::*;
        match self {
            NotNfc { .. }
            | TextTooLong { .. }
            | Markup { .. }
            | DuplicateLetter { .. }
            | AllOptionsCorrect
            | UnitInBlank { .. }
            | NoQuestions
            | QuoteTooLong { .. }
            | UnlistedBankFile { .. }
            | NoMaterialsList => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// True when the position should be the member's key rather than its value.
    pub(crate) fn points_at_key(&self) -> bool {
        matches!(self, Problem::UnknownField { .. } | Problem::FieldNotForType { .. } | Problem::DuplicateKey { .. })
    }
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file, as the caller named it.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column in characters; 0 when the problem concerns the whole file.
    pub column: u32,
    /// JSON pointer of the value concerned (`/questions/3/correct`), empty for the whole document.
    pub pointer: String,
    /// Id of the question concerned, when there is one.
    pub question: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

impl Diagnostic {
    /// A problem of the whole file, with no position.
    pub fn whole_file(file: &str, problem: Problem) -> Self {
        Diagnostic { file: file.to_owned(), line: 0, column: 0, pointer: String::new(), question: None, problem }
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }

    /// The stable code, e.g. `unknown-field`.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        super::messages::message(&self.problem, lang)
    }

    /// A serializable view, for `--format json` and for the app.
    pub fn report(&self, lang: Lang) -> DiagnosticReport {
        DiagnosticReport {
            severity: self.severity(),
            code: self.code(),
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            pointer: self.pointer.clone(),
            question: self.question.clone(),
            message: self.message(lang),
        }
    }
}

/// A diagnostic as plain data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[allow(missing_docs)]
pub struct DiagnosticReport {
    pub severity: Severity,
    pub code: &'static str,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub pointer: String,
    pub question: Option<String>,
    pub message: String,
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity() == Severity::Error)
}
