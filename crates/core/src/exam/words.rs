//! The exam's words: the clock, the question list's labels, the submit prompt and the result's
//! lines, so the page only arranges them.

use super::{Exam, ExamResult};
use crate::present::decimal;
use crate::score::Credit;

/// `mm:ss` (or `h:mm:ss`) for a duration in ms, rounded up to whole seconds.
pub fn clock(ms: f64) -> String {
    let s = (ms / 1000.0).ceil().max(0.0) as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// What a screen reader says for question `number` (1-based) in the question list.
pub fn nav_label(number: usize, answered: bool, flagged: bool) -> String {
    let mut label = format!("Câu {number}");
    label.push_str(if answered { ", đã trả lời" } else { ", chưa trả lời" });
    if flagged {
        label.push_str(", đã đánh dấu");
    }
    label
}

/// "Đã trả lời 3/30".
pub fn answered_line(answered: usize, count: usize) -> String {
    format!("Đã trả lời {answered}/{count}")
}

/// The question asked before submitting.
pub fn confirm_line(unanswered: usize) -> String {
    format!("Nộp bài? Còn {unanswered} câu chưa trả lời.")
}

/// How a question went, as the review's heading says it.
pub fn item_verdict(credit: &Credit, answered: bool) -> &'static str {
    if credit.is_full() {
        "✓ Đúng"
    } else if !answered {
        "— Chưa trả lời"
    } else if credit.earned > 0 {
        "◐ Đúng một phần"
    } else {
        "✗ Sai"
    }
}

impl ExamResult {
    /// "7,5/10 điểm".
    pub fn score_line(&self) -> String {
        format!("{}/10 điểm", decimal(self.out_of_10, 2))
    }

    /// "75% — Đạt".
    pub fn percent_line(&self) -> String {
        format!("{}% — {}", decimal(self.percent, 1), if self.passed { "Đạt" } else { "Chưa đạt" })
    }

    /// The pass mark, the time taken and the questions left unanswered, in one sentence.
    pub fn details_line(&self, exam: &Exam) -> String {
        format!(
            "Điểm đạt: {}%. Thời gian làm bài: {}. Chưa trả lời: {} câu.",
            exam.spec.pass_percent,
            clock(self.duration_ms),
            self.unanswered
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::route::ExamSpec;
    use crate::test_fixtures::sample_bank;

    #[test]
    fn the_clock_rounds_up_to_whole_seconds() {
        assert_eq!(clock(0.0), "00:00");
        assert_eq!(clock(1.0), "00:01");
        assert_eq!(clock(59_001.0), "01:00");
        assert_eq!(clock(30.0 * 60_000.0), "30:00");
        assert_eq!(clock(3_600_000.0 + 61_000.0), "1:01:01");
        assert_eq!(clock(-5.0), "00:00", "never negative");
    }

    #[test]
    fn labels_name_the_state_of_each_question() {
        assert_eq!(nav_label(3, false, false), "Câu 3, chưa trả lời");
        assert_eq!(nav_label(12, true, true), "Câu 12, đã trả lời, đã đánh dấu");
        assert_eq!(answered_line(2, 30), "Đã trả lời 2/30");
        assert_eq!(confirm_line(28), "Nộp bài? Còn 28 câu chưa trả lời.");
    }

    #[test]
    fn verdicts_tell_right_partial_wrong_and_unanswered_apart() {
        assert_eq!(item_verdict(&Credit::FULL, true), "✓ Đúng");
        assert_eq!(item_verdict(&Credit::NONE, false), "— Chưa trả lời");
        assert_eq!(item_verdict(&Credit { earned: 1, out_of: 3 }, true), "◐ Đúng một phần");
        assert_eq!(item_verdict(&Credit::NONE, true), "✗ Sai");
    }

    #[test]
    fn the_result_in_words() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let spec = ExamSpec { count: 4, minutes: 2, pass_percent: 50, ..ExamSpec::with_seed(77) };
        let mut exam = Exam::start(&lib, spec, 0.0);
        for i in 0..3 {
            let q = lib.question(&exam.items[i].question).unwrap().clone();
            exam.respond(i, Some(crate::practice::tests_support::right(&q)));
        }
        exam.submit(95_000.0);
        let r = exam.result(&lib);
        assert_eq!(r.score_line(), "7,5/10 điểm");
        assert_eq!(r.percent_line(), "75% — Đạt");
        assert_eq!(r.details_line(&exam), "Điểm đạt: 50%. Thời gian làm bài: 01:35. Chưa trả lời: 1 câu.");
    }
}
