//! A response as the member builds it, one gesture at a time: picking or ticking an option,
//! a number key, moving an ordering item, choosing a matching row's right side. Every question
//! view and the keyboard go through these, so the rules are written once.

use crate::model::QuestionKind;
use crate::score::Response;
use crate::toggle::toggle;

/// The picks of `current` (none unless it is a choice).
fn picks(current: Option<&Response>) -> Vec<usize> {
    match current {
        Some(Response::Choice(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// `current` with option `option` (file index) ticked or unticked, for a `multiple` question.
pub fn toggle_option(current: Option<&Response>, option: usize) -> Response {
    let mut v = picks(current);
    toggle(&mut v, option);
    Response::Choice(v)
}

/// The response after pressing number key `n` (1-based) on a choice question, if it means one:
/// the `n`th option shown is picked (`single`) or ticked/unticked (`multiple`); 1 is "Đúng" and
/// 2 is "Sai" for a true/false claim.
pub fn pick_by_number(kind: &QuestionKind, order: &[usize], n: usize, current: Option<&Response>) -> Option<Response> {
    let shown = || order.get(n.checked_sub(1)?).copied();
    match kind {
        QuestionKind::Single { .. } => shown().map(|i| Response::Choice(vec![i])),
        QuestionKind::Multiple { .. } => shown().map(|i| toggle_option(current, i)),
        QuestionKind::TrueFalse { .. } => match n {
            1 => Some(Response::TrueFalse(true)),
            2 => Some(Response::TrueFalse(false)),
            _ => None,
        },
        _ => None,
    }
}

/// An ordering `current` with the item at position `from` moved by `delta` places (−1 up,
/// +1 down); a move past either end, or a response that is not an order, changes nothing.
pub fn move_item(current: Option<Response>, from: usize, delta: isize) -> Option<Response> {
    match current {
        Some(Response::Order(mut v)) => {
            if let Some(to) = from.checked_add_signed(delta).filter(|&to| to < v.len() && from < v.len()) {
                v.swap(from, to);
            }
            Some(Response::Order(v))
        }
        other => other,
    }
}

/// A matching `current` (for `pairs` left items) with left item `left` matched to right item
/// `right` (or unmatched with `None`).
pub fn match_row(current: Option<Response>, pairs: usize, left: usize, right: Option<usize>) -> Response {
    let mut v = match current {
        Some(Response::Match(v)) if v.len() == pairs => v,
        _ => vec![None; pairs],
    };
    if let Some(slot) = v.get_mut(left) {
        *slot = right;
    }
    Response::Match(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Letters;

    fn choice(multiple: bool) -> QuestionKind {
        let options = vec!["a".into(), "b".into(), "c".into()];
        let correct = Letters::One("A".into());
        if multiple { QuestionKind::Multiple { options, correct } } else { QuestionKind::Single { options, correct } }
    }

    #[test]
    fn number_keys_follow_the_order_shown() {
        let order = [2, 0, 1];
        assert_eq!(pick_by_number(&choice(false), &order, 1, None), Some(Response::Choice(vec![2])));
        assert_eq!(pick_by_number(&choice(false), &order, 4, None), None, "no fourth option");
        assert_eq!(pick_by_number(&choice(false), &order, 0, None), None);
        let ticked = pick_by_number(&choice(true), &order, 2, Some(&Response::Choice(vec![1])));
        assert_eq!(ticked, Some(Response::Choice(vec![1, 0])));
        let unticked = pick_by_number(&choice(true), &order, 2, ticked.as_ref());
        assert_eq!(unticked, Some(Response::Choice(vec![1])));
        let tf = QuestionKind::TrueFalse { answer: true };
        assert_eq!(pick_by_number(&tf, &[], 1, None), Some(Response::TrueFalse(true)));
        assert_eq!(pick_by_number(&tf, &[], 2, None), Some(Response::TrueFalse(false)));
        assert_eq!(pick_by_number(&tf, &[], 3, None), None);
        let fill = QuestionKind::FillBlank { accepted: vec!["x".into()], strict_diacritics: false };
        assert_eq!(pick_by_number(&fill, &[], 1, None), None, "typing a digit is not a pick");
    }

    #[test]
    fn ticking_replaces_a_response_of_another_shape() {
        assert_eq!(toggle_option(Some(&Response::TrueFalse(true)), 2), Response::Choice(vec![2]));
        assert_eq!(toggle_option(None, 0), Response::Choice(vec![0]));
    }

    #[test]
    fn moves_stay_inside_the_list() {
        let order = Some(Response::Order(vec![0, 1, 2]));
        assert_eq!(move_item(order.clone(), 1, -1), Some(Response::Order(vec![1, 0, 2])));
        assert_eq!(move_item(order.clone(), 1, 1), Some(Response::Order(vec![0, 2, 1])));
        assert_eq!(move_item(order.clone(), 0, -1), order, "the first cannot go up");
        assert_eq!(move_item(order.clone(), 2, 1), order, "the last cannot go down");
        assert_eq!(move_item(None, 0, 1), None);
    }

    #[test]
    fn matching_rows_fill_one_at_a_time() {
        let one = match_row(None, 3, 1, Some(2));
        assert_eq!(one, Response::Match(vec![None, Some(2), None]));
        let two = match_row(Some(one), 3, 0, Some(1));
        assert_eq!(two, Response::Match(vec![Some(1), Some(2), None]));
        assert_eq!(match_row(Some(two), 3, 1, None), Response::Match(vec![Some(1), None, None]));
        assert_eq!(match_row(None, 2, 5, Some(0)), Response::Match(vec![None, None]), "no such row");
    }
}
