//! A practice session: one question at a time, feedback after each answer, a summary at the
//! end, and "retry the wrong ones".

use crate::draw::{SplitMix64, presentation_order};
use crate::library::{Library, QuestionRef};
use crate::score::{Credit, Response, score};

pub mod source;
pub mod words;

/// One question of a session.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeItem {
    /// The question.
    pub question: QuestionRef,
    /// The order its options, items or right-hand sides are shown in (file indices).
    pub order: Vec<usize>,
    /// The member's answer and its credit, once given.
    pub answer: Option<(Response, Credit)>,
}

/// How a session went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Questions in the session.
    pub total: usize,
    /// Questions answered.
    pub answered: usize,
    /// Questions answered fully right.
    pub correct: usize,
    /// Sum of credit over the answered questions.
    pub credit: f64,
}

/// A practice session.
#[derive(Debug, Clone, PartialEq)]
pub struct Practice {
    /// The questions, in the order they are asked.
    pub items: Vec<PracticeItem>,
    /// Index of the question being asked; `items.len()` when finished.
    pub current: usize,
}

impl Practice {
    /// A session over `questions`, asked in a shuffled order with shuffled options, from `seed`.
    /// Questions not in the library are left out.
    pub fn new(library: &Library, questions: Vec<QuestionRef>, seed: u64) -> Practice {
        let mut rng = SplitMix64::new(seed);
        let mut questions = questions;
        rng.shuffle(&mut questions);
        let items = questions
            .into_iter()
            .filter_map(|r| {
                let q = library.question(&r)?;
                Some(PracticeItem { order: presentation_order(q, &mut rng), question: r, answer: None })
            })
            .collect();
        Practice { items, current: 0 }
    }

    /// The question being asked, if any.
    pub fn current(&self) -> Option<&PracticeItem> {
        self.items.get(self.current)
    }

    /// Records `response` to the current question (once) and returns its credit.
    pub fn answer(&mut self, library: &Library, response: Response) -> Option<Credit> {
        let item = self.items.get_mut(self.current)?;
        if let Some((_, credit)) = &item.answer {
            return Some(*credit);
        }
        let credit = score(&library.question(&item.question)?.kind, &response);
        item.answer = Some((response, credit));
        Some(credit)
    }

    /// Moves to the next question.
    pub fn advance(&mut self) {
        self.current = (self.current + 1).min(self.items.len());
    }

    /// True when every question has been passed.
    pub fn is_finished(&self) -> bool {
        self.current >= self.items.len()
    }

    /// How the session went.
    pub fn summary(&self) -> Summary {
        let answered: Vec<Credit> = self.items.iter().filter_map(|i| i.answer.as_ref().map(|a| a.1)).collect();
        Summary {
            total: self.items.len(),
            answered: answered.len(),
            correct: answered.iter().filter(|c| c.is_full()).count(),
            credit: answered.iter().map(|c| c.value()).sum(),
        }
    }

    /// The questions answered wrong (less than full credit) or skipped, in the order asked.
    pub fn wrong(&self) -> Vec<QuestionRef> {
        self.items
            .iter()
            .filter(|i| !i.answer.as_ref().is_some_and(|a| a.1.is_full()))
            .map(|i| i.question.clone())
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests_support {
    /// The right response to `q`.
    pub(crate) fn right(q: &crate::Question) -> crate::score::Response {
        crate::score::right_response(&q.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::right;
    use super::*;
    use crate::draw::Filter;
    use crate::model::QuestionKind;
    use crate::test_fixtures::sample_bank;

    #[test]
    fn session_scores_summarises_and_retries_the_wrong_ones() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let mut p = Practice::new(&lib, lib.select(&Filter::default()), 9);
        assert_eq!(p.items.len(), 7);
        let mut wrong_ids = Vec::new();
        let mut n = 0;
        while let Some(item) = p.current() {
            let q = lib.question(&item.question).unwrap().clone();
            let response = if n % 3 == 0 {
                wrong_ids.push(q.id.clone());
                Response::TrueFalse(false) // the wrong shape earns nothing for any non-true/false type
            } else {
                right(&q)
            };
            if n % 3 == 0 && matches!(q.kind, QuestionKind::TrueFalse { answer: false }) {
                wrong_ids.pop();
            }
            let credit = p.answer(&lib, response.clone()).unwrap();
            assert_eq!(p.answer(&lib, Response::Text("again".into())), Some(credit), "an answer is recorded once");
            p.advance();
            n += 1;
        }
        assert!(p.is_finished());
        let summary = p.summary();
        assert_eq!((summary.total, summary.answered), (7, 7));
        assert_eq!(summary.correct, 7 - wrong_ids.len());
        let wrong: Vec<_> = p.wrong().into_iter().map(|r| r.question).collect();
        assert_eq!(wrong, wrong_ids);
        let retry = Practice::new(&lib, p.wrong(), 10);
        assert_eq!(retry.items.len(), wrong_ids.len());
    }

    #[test]
    fn same_seed_same_session() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let a = Practice::new(&lib, lib.select(&Filter::default()), 5);
        assert_eq!(a, Practice::new(&lib, lib.select(&Filter::default()), 5));
        let unknown = QuestionRef { bank: "x".into(), question: "y".into() };
        assert!(Practice::new(&lib, vec![unknown], 5).items.is_empty());
    }
}
