//! The question-bank format, version 1, as Rust types.
//!
//! These types are what the app works with once a file has passed the checker
//! ([`crate::check`]); the JSON Schema in `questions/schema/` is generated from them.
//! The checker, not serde, is what trainers meet: it reports every problem with a position,
//! so these derives only need to accept what the checker has already accepted.

use crate::ids::{BankId, MaterialId, QuestionId};
use serde::{Deserialize, Serialize};

/// The only format version this build understands.
pub const FORMAT_VERSION: u64 = 1;

/// One bank file: a titled set of questions a member can choose to study.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Path of the JSON Schema, for editors; ignored by the app.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; must be 1.
    pub format: u64,
    /// Stable id of the bank.
    pub id: BankId,
    /// Title shown in the catalogue.
    pub title: String,
    /// One or two sentences on what the bank covers.
    pub description: String,
    /// Edition of the bank, raised by the trainer on each published change.
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub version: u64,
    /// The questions, in the order the trainer wrote them.
    pub questions: Vec<Question>,
}

/// One question. The fields that depend on its type are in [`QuestionKind`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Question {
    /// Stable id, unique in its bank; progress is keyed by it.
    pub id: QuestionId,
    /// The question, or for `true_false` the claim to judge. For `fill_blank` it holds one `___`.
    pub prompt: String,
    /// The type and what it needs.
    #[serde(flatten)]
    pub kind: QuestionKind,
    /// Why the answer is right (and why a tempting distractor is wrong), in the trainer's words.
    pub explanation: String,
    /// Where the answer comes from.
    pub source: Source,
    /// Documents and themes the question is about (`35-NQ/TW`, `đối ngoại`).
    pub tags: Vec<String>,
    /// 1 easy, 2 medium, 3 hard.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 3)))]
    pub difficulty: u8,
    /// `false` keeps options (or matching answers) in the written order instead of shuffling them.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub shuffle: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// The six question types and the fields each needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one correct option.
    Single {
        /// The options, shown as A, B, C, … in the file's order (shuffled in the app).
        options: Vec<String>,
        /// The letter of the correct option: `"B"`.
        correct: Letters,
    },
    /// Select all that apply.
    Multiple {
        /// The options, shown as A, B, C, … in the file's order (shuffled in the app).
        options: Vec<String>,
        /// The letters of every correct option: `["A", "C"]`.
        correct: Letters,
    },
    /// Judge a claim true or false.
    TrueFalse {
        /// Whether the claim in `prompt` is true.
        answer: bool,
    },
    /// Type the missing words.
    FillBlank {
        /// Every accepted answer; compared ignoring case, spacing and (unless strict) diacritics.
        accepted: Vec<String>,
        /// Require the diacritics to match too.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        strict_diacritics: bool,
    },
    /// Put items in order; written here in the correct order.
    Ordering {
        /// The items, in the correct order.
        items: Vec<String>,
    },
    /// Pair each left item with its right item.
    Matching {
        /// The correct pairs.
        pairs: Vec<Pair>,
    },
}

impl QuestionKind {
    /// The `type` name as written in bank files.
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::FillBlank { .. } => "fill_blank",
            QuestionKind::Ordering { .. } => "ordering",
            QuestionKind::Matching { .. } => "matching",
        }
    }
}

/// The correct option letters: one letter or a list of letters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Letters {
    /// `"B"`
    One(Letter),
    /// `["A", "C"]`
    Many(Vec<Letter>),
}

/// One option letter, `"A"` to `"Z"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Letter(#[cfg_attr(feature = "schema", schemars(regex(pattern = "^[A-Z]$")))] pub String);

impl From<&str> for Letter {
    fn from(s: &str) -> Self {
        Letter(s.to_owned())
    }
}

impl Letters {
    /// The letters as written.
    pub fn letters(&self) -> Vec<&str> {
        match self {
            Letters::One(l) => vec![l.0.as_str()],
            Letters::Many(ls) => ls.iter().map(|l| l.0.as_str()).collect(),
        }
    }

    /// Option indices (A = 0), skipping anything that is not a single capital letter.
    pub fn indices(&self) -> Vec<usize> {
        self.letters().into_iter().filter_map(letter_index).collect()
    }
}

/// `"A"` → 0, `"B"` → 1, …; `None` for anything else.
pub fn letter_index(letter: &str) -> Option<usize> {
    match letter.as_bytes() {
        [b @ b'A'..=b'Z'] => Some(usize::from(b - b'A')),
        _ => None,
    }
}

/// The letter shown for option `index` (0 → `A`).
pub fn index_letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

/// One correct pair of a matching question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// Shown on the left, in the written order.
    pub left: String,
    /// Its match, shown shuffled on the right.
    pub right: String,
}

/// The passage an answer comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id of the material in `materials.json`.
    pub material: MaterialId,
    /// A short verbatim passage (at most 200 characters) of that material that supports the answer.
    pub quote: String,
}

/// `materials.json`: the source texts the banks cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaterialList {
    /// Path of the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; must be 1.
    pub format: u64,
    /// The materials.
    pub materials: Vec<Material>,
}

impl MaterialList {
    /// The material with this id.
    pub fn get(&self, id: &MaterialId) -> Option<&Material> {
        self.materials.iter().find(|m| &m.id == id)
    }
}

/// One source material: a resolution, conclusion, directive or report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Material {
    /// Stable id, cited by questions.
    pub id: MaterialId,
    /// Title as published.
    pub title: String,
    /// The body that issued or published it.
    pub issuer: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub date: String,
    /// Anything a reader should know about the date or the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// File name of the text in the materials folder, e.g. `001_628a7d7c73cf7cfc.txt`.
    pub text_file: String,
}

impl Material {
    /// The date as Vietnamese readers write it: `15/2/2023`, `11/2022` or `2024`.
    pub fn display_date(&self) -> String {
        let parts: Vec<&str> = self.date.split('-').collect();
        let trim = |s: &str| s.trim_start_matches('0').to_owned();
        match parts.as_slice() {
            [y, m, d] => format!("{}/{}/{y}", trim(d), trim(m)),
            [y, m] => format!("{}/{y}", trim(m)),
            _ => self.date.clone(),
        }
    }
}

/// `catalogue.json`: which bank files the app loads, in the order it lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Path of the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; must be 1.
    pub format: u64,
    /// File name of the materials list, relative to the catalogue.
    pub materials: String,
    /// File names of the banks, relative to the catalogue.
    pub banks: Vec<String>,
}
