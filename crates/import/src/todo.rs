//! What an imported bank still lacks, as one list a trainer works through (instead of one
//! checker error per empty field): the bank's description, and by question the explanation, the
//! source quote, the material, the answer.

use crate::Lang;
use ontap_core::model::{Bank, Letters, QuestionKind};

/// The questions (by id) still missing each part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Todo {
    /// The bank has no description.
    pub description: bool,
    /// Questions without an explanation.
    pub explanation: Vec<String>,
    /// Questions without a source quote.
    pub quote: Vec<String>,
    /// Questions without a material id.
    pub material: Vec<String>,
    /// Questions without an answer.
    pub answer: Vec<String>,
}

/// The JSON pointers (relative to a question, or the bank's description) whose emptiness the
/// to-do list reports; a caller showing checker diagnostics leaves those out.
pub const TODO_POINTERS: [&str; 4] = ["/explanation", "/source/quote", "/source/material", "/description"];

/// Whether a checker diagnostic (by code and pointer) is one of the to-do list's items.
pub fn is_todo(code: &str, pointer: &str) -> bool {
    let at = |field: &str| pointer.starts_with("/questions/") && pointer.ends_with(field);
    match code {
        "empty-text" => pointer == "/description" || TODO_POINTERS[..3].iter().any(|f| at(f)),
        "no-correct-option" | "no-accepted-answer" => pointer.starts_with("/questions/"),
        _ => false,
    }
}

/// Whether a checker diagnostic is an item of the to-do list: an empty explanation, quote,
/// material or description, a question without an answer (a caller showing the checker's
/// diagnostics beside [`Todo::message`] leaves these out).
pub fn is_todo_diagnostic(d: &ontap_core::check::Diagnostic) -> bool {
    is_todo(d.code(), &d.pointer) || matches!(d.problem, ontap_core::check::Problem::SingleCorrectCount { count: 0 })
}

/// What `bank` still lacks.
pub fn todo(bank: &Bank) -> Todo {
    let mut t = Todo { description: bank.description.trim().is_empty(), ..Todo::default() };
    for q in &bank.questions {
        let id = q.id.as_str().to_owned();
        if q.explanation.trim().is_empty() {
            t.explanation.push(id.clone());
        }
        if q.source.quote.trim().is_empty() {
            t.quote.push(id.clone());
        }
        if q.source.material.as_str().trim().is_empty() {
            t.material.push(id.clone());
        }
        let unanswered = match &q.kind {
            QuestionKind::Single { correct, .. } | QuestionKind::Multiple { correct, .. } => {
                matches!(correct, Letters::Many(l) if l.is_empty())
            }
            QuestionKind::FillBlank { accepted, .. } => accepted.is_empty(),
            _ => false,
        };
        if unanswered {
            t.answer.push(id);
        }
    }
    t
}

impl Todo {
    /// Whether nothing is left to do.
    pub fn is_empty(&self) -> bool {
        !self.description
            && self.explanation.is_empty()
            && self.quote.is_empty()
            && self.material.is_empty()
            && self.answer.is_empty()
    }

    /// The list's heading, said once above its items.
    pub fn heading(lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => "Việc còn phải làm trước khi dùng ngân hàng:",
            Lang::En => "Still to do before the bank can be used:",
        }
    }

    /// The list's items, one a kind of work, at most 10 ids each.
    pub fn items(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if self.description {
            out.push(
                match lang {
                    Lang::Vi => "mô tả ngân hàng (description)",
                    Lang::En => "the bank's description",
                }
                .to_owned(),
            );
        }
        let rows: [(&[String], &str, &str); 4] = [
            (&self.answer, "đáp án", "the answer"),
            (&self.explanation, "giải thích (explanation)", "the explanation"),
            (&self.quote, "trích dẫn nguyên văn (source.quote)", "the source quote"),
            (&self.material, "mã tài liệu nguồn (source.material)", "the material id"),
        ];
        for (ids, vi, en) in rows {
            if ids.is_empty() {
                continue;
            }
            let shown: Vec<&str> = ids.iter().take(10).map(String::as_str).collect();
            let more = ids.len() - shown.len();
            let (what, count, rest) = match lang {
                Lang::Vi => (vi, format!("{} câu", ids.len()), format!(" và {more} câu khác")),
                Lang::En => (en, format!("{} question(s)", ids.len()), format!(" and {more} more")),
            };
            let rest = if more > 0 { rest } else { String::new() };
            out.push(format!("{what}: {count} — {}{rest}", shown.join(", ")));
        }
        out
    }

    /// The list as text: the heading, then an indented line an item; empty when nothing is left.
    pub fn message(&self, lang: Lang) -> String {
        if self.is_empty() {
            return String::new();
        }
        let mut out = format!("{}\n", Todo::heading(lang));
        for item in self.items(lang) {
            out.push_str(&format!("  - {item}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, FormatChoice, Options, import};

    #[test]
    fn one_list_instead_of_an_error_per_field() {
        let mut text = String::new();
        for n in 1..=12 {
            text.push_str(&format!("Câu {n}. Hỏi {n}?\nA. x\nB. y\n"));
            if n > 1 {
                text.push_str("Đáp án: A\nGiải thích: Vì.\n");
            }
        }
        let options = Options {
            bank_id: "nq".into(),
            title: None,
            description: None,
            material: Some("nq35".into()),
            format_choice: FormatChoice::Flag,
        };
        let t = todo(&import(Format::Word, &text, &options).bank);
        assert!(t.description);
        assert_eq!(t.answer, ["nq-001"]);
        assert_eq!(t.explanation, ["nq-001"]);
        assert_eq!(t.quote.len(), 12);
        assert!(t.material.is_empty());
        assert_eq!(
            t.message(Lang::Vi),
            "Việc còn phải làm trước khi dùng ngân hàng:\n  - mô tả ngân hàng (description)\n  - đáp án: 1 câu — nq-001\n  - giải thích (explanation): 1 câu — nq-001\n  - trích dẫn nguyên văn (source.quote): 12 câu — nq-001, nq-002, nq-003, nq-004, nq-005, nq-006, nq-007, nq-008, nq-009, nq-010 và 2 câu khác\n"
        );
        assert!(is_todo("empty-text", "/questions/3/source/quote"));
        assert!(is_todo("empty-text", "/description"));
        assert!(!is_todo("empty-text", "/questions/3/prompt"));
        assert!(!is_todo("bad-id", "/questions/3/id"));
    }
}
