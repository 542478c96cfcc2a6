//! An exam on paper: the questions a link draws, laid out for print (numbered questions,
//! lettered options in the order the link shows them, blanks as lines, ordering as boxes to
//! number, matching as two columns), and the answer key with explanations and sources.

use crate::exam::Exam;
use crate::library::{Library, QuestionRef};
use crate::model::{QuestionKind, index_letter};
use crate::present::{correct_lines, source_line};

/// How a question is answered on paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperBody {
    /// Options to circle, `A. …` in the order shown; `many` when several may be right.
    Options {
        /// The lines.
        lines: Vec<String>,
        /// Select all that apply.
        many: bool,
    },
    /// Đúng or Sai to circle.
    TrueFalse,
    /// The prompt's `___` is the line to write on.
    Blank,
    /// Items, as shown, each with a box for its place.
    Ordering(Vec<String>),
    /// Left items numbered, right items lettered (as shown), to pair.
    Matching {
        /// `1. …`
        left: Vec<String>,
        /// `A. …`
        right: Vec<String>,
    },
}

/// One question on paper, with its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperQuestion {
    /// Its number, from 1.
    pub number: usize,
    /// The question.
    pub question: QuestionRef,
    /// The prompt.
    pub prompt: String,
    /// How to answer it.
    pub body: PaperBody,
    /// The right answer, one line per part (matching as `1 → C`).
    pub key: Vec<String>,
    /// The explanation.
    pub explanation: String,
    /// `Nguồn: …`.
    pub source: String,
}

/// What a member writes in the instructions of a question of this body.
pub fn instruction(body: &PaperBody) -> &'static str {
    match body {
        PaperBody::Options { many: false, .. } => "Khoanh tròn một chữ cái.",
        PaperBody::Options { many: true, .. } => "Khoanh tròn mọi chữ cái đúng.",
        PaperBody::TrueFalse => "Khoanh tròn Đúng hoặc Sai.",
        PaperBody::Blank => "Viết vào chỗ trống.",
        PaperBody::Ordering(_) => "Ghi số thứ tự (1, 2, 3…) vào ô trước mỗi ý.",
        PaperBody::Matching { .. } => "Nối: ghi chữ cái bên phải cạnh số bên trái.",
    }
}

/// The questions of `exam` laid out for paper.
pub fn paper(library: &Library, exam: &Exam) -> Vec<PaperQuestion> {
    exam.items
        .iter()
        .filter_map(|item| library.question(&item.question).map(|q| (item, q)))
        .enumerate()
        .map(|(k, (item, q))| {
            let shown =
                |n: usize| -> Vec<usize> { if item.order.len() == n { item.order.clone() } else { (0..n).collect() } };
            let (body, key) = match &q.kind {
                QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                    let lines = shown(options.len())
                        .iter()
                        .enumerate()
                        .map(|(p, &i)| format!("{}. {}", index_letter(p), options[i]))
                        .collect();
                    let many = matches!(q.kind, QuestionKind::Multiple { .. });
                    (PaperBody::Options { lines, many }, correct_lines(&q.kind, &item.order))
                }
                QuestionKind::TrueFalse { .. } => (PaperBody::TrueFalse, correct_lines(&q.kind, &item.order)),
                QuestionKind::FillBlank { .. } => (PaperBody::Blank, correct_lines(&q.kind, &item.order)),
                QuestionKind::Ordering { items } => {
                    let order = shown(items.len());
                    let key = items.iter().enumerate().map(|(place, text)| format!("{}. {text}", place + 1)).collect();
                    (PaperBody::Ordering(order.iter().map(|&i| items[i].clone()).collect()), key)
                }
                QuestionKind::Matching { pairs } => {
                    let order = shown(pairs.len());
                    let left = pairs.iter().enumerate().map(|(i, p)| format!("{}. {}", i + 1, p.left)).collect();
                    let right = order
                        .iter()
                        .enumerate()
                        .map(|(p, &i)| format!("{}. {}", index_letter(p), pairs[i].right))
                        .collect();
                    let key = (0..pairs.len())
                        .map(|i| {
                            let p = order.iter().position(|&o| o == i).unwrap_or(i);
                            format!("{} → {}", i + 1, index_letter(p))
                        })
                        .collect();
                    (PaperBody::Matching { left, right }, key)
                }
            };
            PaperQuestion {
                number: k + 1,
                question: item.question.clone(),
                prompt: q.prompt.clone(),
                body,
                key,
                explanation: q.explanation.clone(),
                source: source_line(q, library.material(&q.source.material)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::ExamSpec;
    use crate::test_fixtures::sample_bank;

    #[test]
    fn every_type_is_laid_out_with_its_key_in_the_letters_shown() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let spec = ExamSpec { count: 20, ..ExamSpec::with_seed(5) };
        let exam = Exam::start(&lib, spec, 0.0);
        let sheet = paper(&lib, &exam);
        assert_eq!(sheet.len(), exam.items.len());
        assert_eq!(sheet.iter().map(|q| q.number).collect::<Vec<_>>(), (1..=sheet.len()).collect::<Vec<_>>());
        for (q, item) in sheet.iter().zip(&exam.items) {
            let question = lib.question(&item.question).unwrap();
            match (&q.body, &question.kind) {
                (PaperBody::Options { lines, .. }, QuestionKind::Single { options, .. }) => {
                    assert_eq!(lines.len(), options.len());
                    // The key's letter names the line holding the right option.
                    let letter = &q.key[0][..1];
                    let line = lines.iter().find(|l| l.starts_with(letter)).unwrap();
                    assert_eq!(&q.key[0], line);
                }
                (PaperBody::Matching { left, right }, QuestionKind::Matching { pairs }) => {
                    for (i, pair) in pairs.iter().enumerate() {
                        let letter = q.key[i].rsplit(' ').next().unwrap();
                        let shown = right.iter().find(|r| r.starts_with(&format!("{letter}. "))).unwrap();
                        assert_eq!(shown, &format!("{letter}. {}", pair.right));
                        assert_eq!(left[i], format!("{}. {}", i + 1, pair.left));
                    }
                }
                (PaperBody::Ordering(shown), QuestionKind::Ordering { items }) => {
                    assert_ne!(shown, items, "not shown in the right order");
                    assert_eq!(q.key[0], format!("1. {}", items[0]));
                }
                (PaperBody::TrueFalse, QuestionKind::TrueFalse { answer }) => {
                    assert_eq!(q.key, [if *answer { "Đúng" } else { "Sai" }]);
                }
                (PaperBody::Blank, QuestionKind::FillBlank { .. })
                | (PaperBody::Options { .. }, QuestionKind::Multiple { .. }) => {}
                other => panic!("unexpected layout {other:?}"),
            }
            assert!(q.source.starts_with("Nguồn: "), "{}", q.source);
        }
        assert_eq!(instruction(&PaperBody::Blank), "Viết vào chỗ trống.");
    }
}
