//! The live check: the edited bank in its canonical text through the same checker as
//! `ontap check`, each diagnostic placed on a question and a field of the form, so the editor
//! shows its message beside that field (and counts them in the question list).

use super::ops::List;
use crate::check::{Lang, Problem};
use crate::check::{References, Severity, check_bank};
use crate::layout::write_bank;
use crate::model::Bank;

/// The bank's own fields, or one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The bank's fields (id, title, description, version, its question list).
    Bank,
    /// The question at this place.
    Question(usize),
}

/// A field of the editor's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The bank or question as a whole.
    Whole,
    /// `id`
    Id,
    /// The bank's `title`.
    Title,
    /// The bank's `description`.
    Description,
    /// The bank's `version`.
    Version,
    /// The bank's `questions` (e.g. none yet).
    Questions,
    /// `type`
    Type,
    /// `prompt`
    Prompt,
    /// A list as a whole (`options`, `accepted`, `items`; `Left` stands for `pairs`).
    List(List),
    /// One entry of a list (a pair's side for `Left`/`Right`).
    Entry(List, usize),
    /// `correct`
    Correct,
    /// `answer`
    Answer,
    /// `explanation`
    Explanation,
    /// `source.material`
    Material,
    /// `source.quote`
    Quote,
    /// `tags`
    Tags,
    /// `difficulty`
    Difficulty,
}

impl Field {
    /// A name for the field unique within its place, for element ids (`options-2`, `prompt`).
    pub fn key(self) -> String {
        let list = |l: List| match l {
            List::Options => "options",
            List::Accepted => "accepted",
            List::Items => "items",
            List::Left => "left",
            List::Right => "right",
        };
        match self {
            Field::Whole => "whole".into(),
            Field::Id => "id".into(),
            Field::Title => "title".into(),
            Field::Description => "description".into(),
            Field::Version => "version".into(),
            Field::Questions => "questions".into(),
            Field::Type => "type".into(),
            Field::Prompt => "prompt".into(),
            Field::List(l) => list(l).into(),
            Field::Entry(l, i) => format!("{}-{i}", list(l)),
            Field::Correct => "correct".into(),
            Field::Answer => "answer".into(),
            Field::Explanation => "explanation".into(),
            Field::Material => "material".into(),
            Field::Quote => "quote".into(),
            Field::Tags => "tags".into(),
            Field::Difficulty => "difficulty".into(),
        }
    }
}

/// The element id of a field's message: `msg-q3-prompt`, `msg-bank-title`.
pub fn message_id(place: Place, field: Field) -> String {
    match place {
        Place::Bank => format!("msg-bank-{}", field.key()),
        Place::Question(q) => format!("msg-q{q}-{}", field.key()),
    }
}

/// Where a JSON pointer of a bank file lands in the editor's forms.
pub fn locate(pointer: &str) -> (Place, Field) {
    let parts: Vec<&str> = pointer.split('/').skip(1).collect();
    let number = |s: Option<&&str>| s.and_then(|s| s.parse::<usize>().ok());
    let (q, rest) = match parts.as_slice() {
        ["questions", n, rest @ ..] => match n.parse::<usize>() {
            Ok(q) => (q, rest),
            Err(_) => return (Place::Bank, Field::Questions),
        },
        ["questions"] => return (Place::Bank, Field::Questions),
        ["id", ..] => return (Place::Bank, Field::Id),
        ["title", ..] => return (Place::Bank, Field::Title),
        ["description", ..] => return (Place::Bank, Field::Description),
        ["version", ..] => return (Place::Bank, Field::Version),
        _ => return (Place::Bank, Field::Whole),
    };
    let list = |l: List| match number(rest.get(1)) {
        Some(i) => Field::Entry(l, i),
        None => Field::List(l),
    };
    let field = match rest {
        [] => Field::Whole,
        ["id", ..] => Field::Id,
        ["type", ..] => Field::Type,
        ["prompt", ..] => Field::Prompt,
        ["options", ..] => list(List::Options),
        ["accepted", ..] => list(List::Accepted),
        ["items", ..] => list(List::Items),
        ["pairs", _, "right", ..] => list(List::Right),
        ["pairs", ..] => list(List::Left),
        ["correct", ..] => Field::Correct,
        ["answer", ..] => Field::Answer,
        ["explanation", ..] => Field::Explanation,
        ["source", "quote", ..] => Field::Quote,
        ["source", ..] => Field::Material,
        ["tags", ..] => Field::Tags,
        ["difficulty", ..] => Field::Difficulty,
        _ => Field::Whole,
    };
    (Place::Question(q), field)
}

/// One diagnostic, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The bank or the question.
    pub place: Place,
    /// The field.
    pub field: Field,
    /// Error or warning.
    pub severity: Severity,
    /// The checker's code (`empty-text`).
    pub code: &'static str,
    /// The message in Vietnamese.
    pub message: String,
}

/// Every diagnostic of the edited bank, placed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LiveCheck {
    /// In document order.
    pub items: Vec<Located>,
}

impl LiveCheck {
    /// The messages of one field.
    pub fn at(&self, place: Place, field: Field) -> impl Iterator<Item = &Located> {
        self.items.iter().filter(move |l| l.place == place && l.field == field)
    }

    /// The messages of one question (or of the bank's own fields).
    pub fn of(&self, place: Place) -> impl Iterator<Item = &Located> {
        self.items.iter().filter(move |l| l.place == place)
    }

    /// Whether any diagnostic is an error (the bank cannot be offered to members).
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|l| l.severity == Severity::Error)
    }

    /// Errors and warnings counted.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.items.iter().filter(|l| l.severity == Severity::Error).count();
        (errors, self.items.len() - errors)
    }
}

/// Checks `bank` as `ontap check` would check its canonical text, against `refs`. A material
/// whose text the editor has not opened is not a problem of the bank (`material-text-missing`
/// is left out): its quotes are checked once the text is there.
pub fn check(bank: &Bank, refs: &References<'_>) -> LiveCheck {
    let text = write_bank(bank);
    let checked = check_bank(text.as_bytes(), "bank.json", refs);
    let items = checked
        .diagnostics
        .iter()
        .filter(|d| !matches!(d.problem, Problem::MaterialTextMissing { .. }))
        .map(|d| {
            let (place, field) = locate(&d.pointer);
            Located { place, field, severity: d.severity(), code: d.code(), message: d.message(Lang::Vi) }
        })
        .collect();
    LiveCheck { items }
}
