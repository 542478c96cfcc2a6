//! Scoring every question type. Credit is an exact fraction between 0 and 1.
//!
//! The rules (also in ARCHITECTURE.md and the trainers' guide):
//! - `single`, `true_false`, `fill_blank`: all or nothing.
//! - `multiple`: (correct options picked − wrong options picked) ÷ correct options, never below 0.
//!   Ticking everything then earns nothing, so guessing does not pay; leaving out one of three
//!   right answers still earns 2/3.
//! - `ordering`: (items already in the right relative order − 1) ÷ (items − 1), where "already in
//!   the right relative order" is the longest run of items that need not move (a longest
//!   increasing subsequence). Moving one item out of place costs one item's share, not half
//!   the question as position-by-position scoring would; a reversed list earns 0.
//! - `matching`: pairs matched right ÷ pairs. Each pair is an independent fact.

use crate::model::QuestionKind;
use crate::text::answer_key;

/// A member's answer, in terms of the file's order (option, item and right-side indices as
/// written in the bank), whatever order they were shown in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Response {
    /// Options picked (`single` takes one, `multiple` any number).
    Choice(Vec<usize>),
    /// The verdict on a `true_false` claim.
    TrueFalse(bool),
    /// The text typed into a `fill_blank`.
    Text(String),
    /// Items in the order the member put them.
    Order(Vec<usize>),
    /// For each left item, the right item the member matched it with.
    Match(Vec<Option<usize>>),
}

/// Earned credit as an exact fraction `earned / out_of`, between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit {
    /// Numerator.
    pub earned: u32,
    /// Denominator, never 0.
    pub out_of: u32,
}

impl Credit {
    /// Full credit.
    pub const FULL: Credit = Credit { earned: 1, out_of: 1 };
    /// No credit.
    pub const NONE: Credit = Credit { earned: 0, out_of: 1 };

    fn of(earned: usize, out_of: usize) -> Credit {
        if out_of == 0 {
            return Credit::NONE;
        }
        Credit { earned: earned.min(out_of) as u32, out_of: out_of as u32 }
    }

    /// The credit as a number from 0.0 to 1.0.
    pub fn value(self) -> f64 {
        f64::from(self.earned) / f64::from(self.out_of)
    }

    /// True for full credit: the answer is right.
    pub fn is_full(self) -> bool {
        self.earned == self.out_of
    }
}

/// The response that earns full credit (the first accepted text for `fill_blank`): what a
/// checked question must always accept, used by the tests and the fuzz targets.
pub fn right_response(kind: &QuestionKind) -> Response {
    match kind {
        QuestionKind::Single { correct, .. } | QuestionKind::Multiple { correct, .. } => {
            Response::Choice(correct.indices())
        }
        QuestionKind::TrueFalse { answer } => Response::TrueFalse(*answer),
        QuestionKind::FillBlank { accepted, .. } => Response::Text(accepted.first().cloned().unwrap_or_default()),
        QuestionKind::Ordering { items } => Response::Order((0..items.len()).collect()),
        QuestionKind::Matching { pairs } => Response::Match((0..pairs.len()).map(Some).collect()),
    }
}

/// Scores `response` to a question of `kind`. A response of the wrong shape earns nothing.
pub fn score(kind: &QuestionKind, response: &Response) -> Credit {
    match (kind, response) {
        (QuestionKind::Single { correct, .. }, Response::Choice(picked)) => {
            let right = correct.indices();
            if picked.len() == 1 && right.len() == 1 && picked[0] == right[0] { Credit::FULL } else { Credit::NONE }
        }
        (QuestionKind::Multiple { correct, options }, Response::Choice(picked)) => {
            let right = correct.indices();
            let mut picked: Vec<usize> = picked.iter().copied().filter(|&i| i < options.len()).collect();
            picked.sort_unstable();
            picked.dedup();
            let hits = picked.iter().filter(|i| right.contains(i)).count();
            let wrong = picked.len() - hits;
            Credit::of(hits.saturating_sub(wrong), right.len())
        }
        (QuestionKind::TrueFalse { answer }, Response::TrueFalse(given)) => {
            if answer == given {
                Credit::FULL
            } else {
                Credit::NONE
            }
        }
        (QuestionKind::FillBlank { accepted, strict_diacritics }, Response::Text(typed)) => {
            let key = answer_key(typed, *strict_diacritics);
            let ok = !key.is_empty() && accepted.iter().any(|a| answer_key(a, *strict_diacritics) == key);
            if ok { Credit::FULL } else { Credit::NONE }
        }
        (QuestionKind::Ordering { items }, Response::Order(order)) => {
            let n = items.len();
            if n < 2 || !is_permutation(order, n) {
                return Credit::NONE;
            }
            Credit::of(longest_increasing_run(order) - 1, n - 1)
        }
        (QuestionKind::Matching { pairs }, Response::Match(chosen)) => {
            let right = chosen.iter().enumerate().filter(|(i, c)| **c == Some(*i)).count();
            Credit::of(right, pairs.len())
        }
        _ => Credit::NONE,
    }
}

fn is_permutation(order: &[usize], n: usize) -> bool {
    let mut seen = vec![false; n];
    order.len() == n && order.iter().all(|&i| i < n && !std::mem::replace(&mut seen[i], true))
}

/// Length of the longest strictly increasing subsequence (patience sorting, O(n log n)).
fn longest_increasing_run(seq: &[usize]) -> usize {
    let mut tails: Vec<usize> = Vec::new();
    for &x in seq {
        match tails.binary_search(&x) {
            Ok(_) => {}
            Err(i) if i == tails.len() => tails.push(x),
            Err(i) => tails[i] = x,
        }
    }
    tails.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Letters, Pair};
    use proptest::prelude::*;

    fn multiple(n: usize, correct: &[&str]) -> QuestionKind {
        QuestionKind::Multiple {
            options: (0..n).map(|i| format!("o{i}")).collect(),
            correct: Letters::Many(correct.iter().map(|s| (*s).into()).collect()),
        }
    }

    fn ordering(n: usize) -> QuestionKind {
        QuestionKind::Ordering { items: (0..n).map(|i| format!("i{i}")).collect() }
    }

    #[test]
    fn single_and_true_false() {
        let q = QuestionKind::Single { options: vec!["a".into(), "b".into()], correct: Letters::One("B".into()) };
        assert!(score(&q, &Response::Choice(vec![1])).is_full());
        assert_eq!(score(&q, &Response::Choice(vec![0])), Credit::NONE);
        assert_eq!(score(&q, &Response::Choice(vec![0, 1])), Credit::NONE);
        assert_eq!(score(&q, &Response::TrueFalse(true)), Credit::NONE);
        let tf = QuestionKind::TrueFalse { answer: false };
        assert!(score(&tf, &Response::TrueFalse(false)).is_full());
        assert!(!score(&tf, &Response::TrueFalse(true)).is_full());
    }

    #[test]
    fn multiple_partial_credit() {
        let q = multiple(5, &["A", "C", "D"]);
        assert!(score(&q, &Response::Choice(vec![3, 0, 2])).is_full());
        assert_eq!(score(&q, &Response::Choice(vec![0, 2])), Credit { earned: 2, out_of: 3 });
        assert_eq!(score(&q, &Response::Choice(vec![0, 2, 1])), Credit { earned: 1, out_of: 3 });
        assert_eq!(score(&q, &Response::Choice(vec![0, 1, 2, 3, 4])).value(), 1.0 / 3.0);
        assert_eq!(score(&q, &Response::Choice(vec![1, 4])), Credit { earned: 0, out_of: 3 });
        assert_eq!(score(&q, &Response::Choice(vec![])), Credit { earned: 0, out_of: 3 });
        // Repeats and indices past the end count for nothing.
        assert_eq!(score(&q, &Response::Choice(vec![0, 0, 9])), Credit { earned: 1, out_of: 3 });
    }

    #[test]
    fn fill_blank_folds_case_space_and_diacritics() {
        let q = QuestionKind::FillBlank { accepted: vec!["linh hoạt".into()], strict_diacritics: false };
        for ok in ["linh hoạt", "Linh Hoạt", "  linh   hoat ", "LINH HOAT."] {
            assert!(score(&q, &Response::Text(ok.into())).is_full(), "{ok}");
        }
        for bad in ["", "linh", "sáng tạo"] {
            assert!(!score(&q, &Response::Text(bad.into())).is_full(), "{bad}");
        }
        let strict = QuestionKind::FillBlank { accepted: vec!["linh hoạt".into()], strict_diacritics: true };
        assert!(!score(&strict, &Response::Text("linh hoat".into())).is_full());
        assert!(score(&strict, &Response::Text("Linh hoạt".into())).is_full());
    }

    #[test]
    fn ordering_counts_items_that_need_not_move() {
        let q = ordering(4);
        assert!(score(&q, &Response::Order(vec![0, 1, 2, 3])).is_full());
        // One item moved: 3 of 4 stay in relative order.
        assert_eq!(score(&q, &Response::Order(vec![1, 2, 3, 0])), Credit { earned: 2, out_of: 3 });
        assert_eq!(score(&q, &Response::Order(vec![3, 2, 1, 0])), Credit { earned: 0, out_of: 3 });
        assert_eq!(score(&q, &Response::Order(vec![0, 1, 2])), Credit::NONE);
        assert_eq!(score(&q, &Response::Order(vec![0, 0, 1, 2])), Credit::NONE);
    }

    #[test]
    fn matching_counts_pairs() {
        let q = QuestionKind::Matching {
            pairs: (0..4).map(|i| Pair { left: format!("l{i}"), right: format!("r{i}") }).collect(),
        };
        assert!(score(&q, &Response::Match(vec![Some(0), Some(1), Some(2), Some(3)])).is_full());
        assert_eq!(score(&q, &Response::Match(vec![Some(1), Some(0), Some(2), None])), Credit { earned: 1, out_of: 4 });
    }

    proptest! {
        #[test]
        fn credit_is_between_zero_and_one(picked in proptest::collection::vec(0usize..8, 0..10), perm in Just((0..6).collect::<Vec<usize>>()).prop_shuffle()) {
            let c = score(&multiple(5, &["A", "B"]), &Response::Choice(picked));
            prop_assert!(c.earned <= c.out_of && c.out_of > 0);
            let o = score(&ordering(6), &Response::Order(perm.clone()));
            prop_assert!(o.earned <= o.out_of);
            prop_assert_eq!(o.is_full(), perm == (0..6).collect::<Vec<_>>());
        }

        #[test]
        fn exact_multiple_answer_is_full(mask in 1u8..31) {
            let letters: Vec<crate::model::Letter> = (0..5).filter(|i| mask & (1 << i) != 0).map(|i| crate::model::Letter(crate::model::index_letter(i).to_string())).collect();
            let q = QuestionKind::Multiple { options: (0..5).map(|i| format!("o{i}")).collect(), correct: Letters::Many(letters) };
            let picked: Vec<usize> = (0..5).filter(|i| mask & (1 << i) != 0).collect();
            prop_assert!(score(&q, &Response::Choice(picked)).is_full());
        }
    }
}
