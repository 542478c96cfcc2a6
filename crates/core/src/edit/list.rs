//! The question list of the editor: each question's line (type, first words, check status) and
//! the filters by problem, type and tag.

use super::blank::QuestionType;
use super::live::{LiveCheck, Place};
use crate::check::Severity;
use crate::model::{Bank, Question};

/// Words of a prompt shown in the list.
const FIRST_WORDS: usize = 10;

/// The first words of a question's prompt (`…` when cut), or a placeholder when it is empty.
pub fn first_words(q: &Question) -> String {
    let words: Vec<&str> = q.prompt.split_whitespace().collect();
    match words.len() {
        0 => "(chưa có nội dung)".to_owned(),
        n if n <= FIRST_WORDS => words.join(" "),
        _ => format!("{}…", words[..FIRST_WORDS].join(" ")),
    }
}

/// A question's check status in the list: `Không có lỗi`, `2 lỗi, 1 cảnh báo`.
pub fn status(check: &LiveCheck, index: usize) -> String {
    let (mut errors, mut warnings) = (0, 0);
    for l in check.of(Place::Question(index)) {
        match l.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
    }
    match (errors, warnings) {
        (0, 0) => "Không có lỗi".to_owned(),
        (e, 0) => format!("{e} lỗi"),
        (0, w) => format!("{w} cảnh báo"),
        (e, w) => format!("{e} lỗi, {w} cảnh báo"),
    }
}

/// Which questions the list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Only questions with an error (or, when false, any).
    pub with_problem: bool,
    /// Only this type.
    pub ty: Option<QuestionType>,
    /// Only questions with this tag.
    pub tag: Option<String>,
}

impl Filter {
    /// The places of the questions of `bank` this filter keeps.
    pub fn keep(&self, bank: &Bank, check: &LiveCheck) -> Vec<usize> {
        (0..bank.questions.len())
            .filter(|&i| {
                let q = &bank.questions[i];
                (!self.with_problem || check.of(Place::Question(i)).next().is_some())
                    && self.ty.is_none_or(|t| QuestionType::of(&q.kind) == t)
                    && self.tag.as_ref().is_none_or(|t| q.tags.contains(t))
            })
            .collect()
    }
}

/// Every tag used in the bank, sorted, once each (for filters and completion).
pub fn tags(bank: &Bank) -> Vec<String> {
    let mut tags: Vec<String> = bank.questions.iter().flat_map(|q| q.tags.iter().cloned()).collect();
    tags.sort();
    tags.dedup();
    tags
}
