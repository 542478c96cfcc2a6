//! What a new bank and a new question start as: every field present, texts left empty for the
//! trainer to fill (the live check names each one still empty), a fresh question id.

use crate::ids::{BankId, MaterialId, QuestionId};
use crate::model::{Bank, FORMAT_VERSION, Letter, Letters, Pair, Question, QuestionKind, Source};

/// The six question types, as the editor offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionType {
    /// `single`
    Single,
    /// `multiple`
    Multiple,
    /// `true_false`
    TrueFalse,
    /// `fill_blank`
    FillBlank,
    /// `ordering`
    Ordering,
    /// `matching`
    Matching,
}

impl QuestionType {
    /// Every type, in the order the editor lists them.
    pub const ALL: [QuestionType; 6] = [
        QuestionType::Single,
        QuestionType::Multiple,
        QuestionType::TrueFalse,
        QuestionType::FillBlank,
        QuestionType::Ordering,
        QuestionType::Matching,
    ];

    /// The type of a question.
    pub fn of(kind: &QuestionKind) -> Self {
        match kind {
            QuestionKind::Single { .. } => QuestionType::Single,
            QuestionKind::Multiple { .. } => QuestionType::Multiple,
            QuestionKind::TrueFalse { .. } => QuestionType::TrueFalse,
            QuestionKind::FillBlank { .. } => QuestionType::FillBlank,
            QuestionKind::Ordering { .. } => QuestionType::Ordering,
            QuestionKind::Matching { .. } => QuestionType::Matching,
        }
    }

    /// The `type` name in bank files (also the form's value).
    pub fn name(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::TrueFalse => "true_false",
            QuestionType::FillBlank => "fill_blank",
            QuestionType::Ordering => "ordering",
            QuestionType::Matching => "matching",
        }
    }

    /// The type named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Its name for trainers.
    pub fn label(self) -> &'static str {
        match self {
            QuestionType::Single => "Chọn một đáp án",
            QuestionType::Multiple => "Chọn nhiều đáp án",
            QuestionType::TrueFalse => "Đúng hay sai",
            QuestionType::FillBlank => "Điền vào chỗ trống",
            QuestionType::Ordering => "Sắp xếp thứ tự",
            QuestionType::Matching => "Ghép cặp",
        }
    }

    /// The type-specific fields of a new question: empty texts, the first option marked right.
    pub fn template(self) -> QuestionKind {
        let four = || vec![String::new(); 4];
        match self {
            QuestionType::Single => QuestionKind::Single { options: four(), correct: Letters::One(Letter::from("A")) },
            QuestionType::Multiple => {
                QuestionKind::Multiple { options: four(), correct: Letters::Many(vec![Letter::from("A")]) }
            }
            QuestionType::TrueFalse => QuestionKind::TrueFalse { answer: true },
            QuestionType::FillBlank => {
                QuestionKind::FillBlank { accepted: vec![String::new()], strict_diacritics: false }
            }
            QuestionType::Ordering => QuestionKind::Ordering { items: vec![String::new(); 3] },
            QuestionType::Matching => {
                QuestionKind::Matching { pairs: vec![Pair { left: String::new(), right: String::new() }; 3] }
            }
        }
    }
}

/// A new bank with its own fields and no question yet.
pub fn new_bank(id: &str, title: &str, description: &str) -> Bank {
    Bank {
        schema: None,
        format: FORMAT_VERSION,
        id: BankId(id.trim().to_owned()),
        title: title.trim().to_owned(),
        description: description.trim().to_owned(),
        version: 1,
        questions: Vec::new(),
    }
}

/// A question id not used in `bank`: the bank's id and the next free number (`nq35-012`).
pub fn fresh_id(bank: &Bank) -> QuestionId {
    let prefix = if crate::ids::is_valid_id(bank.id.as_str()) { bank.id.as_str() } else { "cau" };
    let taken = |id: &str| bank.questions.iter().any(|q| q.id.as_str() == id);
    let mut n = bank.questions.len() + 1;
    loop {
        let id = format!("{prefix}-{n:03}");
        if !taken(&id) {
            return QuestionId(id);
        }
        n += 1;
    }
}

/// A new question of type `ty` citing `material`, with an id not used in `bank`.
pub fn new_question(bank: &Bank, ty: QuestionType, material: &MaterialId) -> Question {
    Question {
        id: fresh_id(bank),
        prompt: String::new(),
        kind: ty.template(),
        explanation: String::new(),
        source: Source { material: material.clone(), quote: String::new() },
        tags: Vec::new(),
        difficulty: 1,
        shuffle: true,
    }
}
