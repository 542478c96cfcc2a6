//! A practice session's words: its position, the button that goes on, the summary.

use super::{Practice, Summary};
use crate::present::decimal;

impl Practice {
    /// "Câu 3/10" for the question being asked.
    pub fn position_line(&self) -> String {
        format!("Câu {}/{}", self.current + 1, self.items.len())
    }

    /// The label of the button after an answer: the next question, or the result after the last.
    pub fn next_label(&self) -> &'static str {
        if self.current + 1 >= self.items.len() { "Xem kết quả" } else { "Câu tiếp theo" }
    }
}

impl Summary {
    /// Questions not answered fully right (answered wrong, in part, or skipped).
    pub fn not_right(&self) -> usize {
        self.total - self.correct
    }

    /// "Đúng 7/10 câu".
    pub fn correct_line(&self) -> String {
        format!("Đúng {}/{} câu", self.correct, self.total)
    }

    /// "Điểm: 7,5/10".
    pub fn score_line(&self) -> String {
        format!("Điểm: {}/{}", decimal(self.credit, 1), self.total)
    }

    /// "Làm lại các câu sai (3)".
    pub fn retry_label(&self) -> String {
        format!("Làm lại các câu sai ({})", self.not_right())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::Filter;
    use crate::library::Library;
    use crate::test_fixtures::sample_bank;

    #[test]
    fn the_session_in_words() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let mut p = Practice::new(&lib, lib.select(&Filter::default()), 3);
        let n = p.items.len();
        assert_eq!(p.position_line(), format!("Câu 1/{n}"));
        assert_eq!(p.next_label(), "Câu tiếp theo");
        for _ in 1..n {
            p.advance();
        }
        assert_eq!(p.position_line(), format!("Câu {n}/{n}"));
        assert_eq!(p.next_label(), "Xem kết quả", "after the last question comes the result");
        let s = Summary { total: 10, answered: 9, correct: 7, credit: 7.5 };
        assert_eq!(
            (s.correct_line(), s.score_line(), s.retry_label()),
            ("Đúng 7/10 câu".to_owned(), "Điểm: 7,5/10".to_owned(), "Làm lại các câu sai (3)".to_owned())
        );
    }
}
