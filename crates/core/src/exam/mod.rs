//! A timed exam: drawn from a seed, answers changeable until submission, flags, automatic
//! submission at the deadline, and a result out of 10. Time comes in as milliseconds from
//! the caller, so all of it is tested without a clock.

use crate::draw::draw;
use crate::library::{Library, QuestionRef};
use crate::route::ExamSpec;
use crate::score::{Credit, Response, score};
use serde::{Deserialize, Serialize};

pub mod words;

/// Where an unfinished exam is kept, so a reload (or a closed tab) resumes it.
pub const EXAM_KEY: &str = "ontap.exam";
const SNAPSHOT_FORMAT: &str = "ontap-exam";
const SNAPSHOT_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Snapshot {
    format: String,
    version: u64,
    exam: Exam,
}

/// One exam question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamItem {
    /// The question.
    pub question: QuestionRef,
    /// Display order of its options, items or right-hand sides (file indices).
    pub order: Vec<usize>,
    /// The member's current answer.
    pub response: Option<Response>,
    /// Marked to come back to.
    pub flagged: bool,
}

/// A running or finished exam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exam {
    /// Its settings.
    pub spec: ExamSpec,
    /// The questions.
    pub items: Vec<ExamItem>,
    /// When it started (ms since the epoch).
    pub started_ms: f64,
    /// When it was submitted, if it was.
    pub submitted_ms: Option<f64>,
}

/// An exam's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamResult {
    /// Credit per question, in exam order.
    pub credits: Vec<Credit>,
    /// Sum of credits.
    pub points: f64,
    /// Score out of 10, rounded to two decimals.
    pub out_of_10: f64,
    /// Score as a percentage, rounded to one decimal.
    pub percent: f64,
    /// At or above the pass mark.
    pub passed: bool,
    /// Questions left unanswered.
    pub unanswered: usize,
    /// Time taken, in ms.
    pub duration_ms: f64,
}

impl Exam {
    /// Draws the exam `spec` describes and starts it at `now_ms`.
    pub fn start(library: &Library, spec: ExamSpec, now_ms: f64) -> Exam {
        let items = draw(&library.banks, &spec.filter, spec.count, spec.seed)
            .into_iter()
            .map(|d| ExamItem {
                question: QuestionRef { bank: d.bank, question: d.question },
                order: d.order,
                response: None,
                flagged: false,
            })
            .collect();
        Exam { spec, items, started_ms: now_ms, submitted_ms: None }
    }

    /// When time runs out.
    pub fn deadline_ms(&self) -> f64 {
        self.started_ms + f64::from(self.spec.minutes) * 60_000.0
    }

    /// Time left at `now_ms`, never below 0.
    pub fn remaining_ms(&self, now_ms: f64) -> f64 {
        (self.deadline_ms() - now_ms).max(0.0)
    }

    /// True once submitted.
    pub fn is_submitted(&self) -> bool {
        self.submitted_ms.is_some()
    }

    /// Sets the answer to question `index`; ignored after submission.
    pub fn respond(&mut self, index: usize, response: Option<Response>) {
        if !self.is_submitted()
            && let Some(item) = self.items.get_mut(index)
        {
            item.response = response;
        }
    }

    /// Flags or unflags question `index`.
    pub fn toggle_flag(&mut self, index: usize) {
        if let Some(item) = self.items.get_mut(index) {
            item.flagged = !item.flagged;
        }
    }

    /// True while it can still be answered: drawn with questions and not yet submitted (no
    /// update of the app is offered meanwhile).
    pub fn is_running(&self) -> bool {
        !self.is_submitted() && !self.items.is_empty()
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.items.iter().filter(|i| i.response.is_some()).count()
    }

    /// Submits at `now_ms` (counted as the deadline if later); returns true when this call
    /// submitted it, false when it already was (a second call changes nothing).
    pub fn submit(&mut self, now_ms: f64) -> bool {
        if self.is_submitted() {
            return false;
        }
        self.submitted_ms = Some(now_ms.min(self.deadline_ms()));
        true
    }

    /// Submits if time has run out at `now_ms`; returns true when this call submitted it.
    pub fn submit_if_over(&mut self, now_ms: f64) -> bool {
        now_ms >= self.deadline_ms() && self.submit(now_ms)
    }

    /// What goes to the progress log once submitted: every answered question with its credit
    /// (an unanswered question was not attempted); nothing before submission.
    pub fn logged_answers(&self, library: &Library) -> Vec<(QuestionRef, Credit)> {
        if !self.is_submitted() {
            return Vec::new();
        }
        let credits = self.result(library).credits;
        self.items
            .iter()
            .zip(credits)
            .filter(|(item, _)| item.response.is_some())
            .map(|(item, credit)| (item.question.clone(), credit))
            .collect()
    }

    /// The text to keep under [`EXAM_KEY`] after every change: the snapshot while it runs, an
    /// empty text once submitted (a submitted exam leaves nothing to resume).
    pub fn stored_form(&self) -> String {
        if self.is_submitted() { String::new() } else { self.snapshot() }
    }

    /// The stored form of this exam (versioned).
    pub fn snapshot(&self) -> String {
        let s = Snapshot { format: SNAPSHOT_FORMAT.into(), version: SNAPSHOT_VERSION, exam: self.clone() };
        serde_json::to_string(&s).unwrap_or_default()
    }

    /// The unfinished exam in `text` if it is the one `spec` describes (same link, same seed);
    /// anything else (another exam, a submitted one, damaged or newer data) gives `None`.
    pub fn resume(text: &str, spec: &ExamSpec) -> Option<Exam> {
        let s: Snapshot = serde_json::from_value(crate::check::parse_value(text).ok()?).ok()?;
        let ok = s.format == SNAPSHOT_FORMAT && s.version == SNAPSHOT_VERSION && &s.exam.spec == spec;
        (ok && !s.exam.is_submitted()).then_some(s.exam)
    }

    /// The result, scoring every answer (unanswered questions earn nothing).
    pub fn result(&self, library: &Library) -> ExamResult {
        let credits: Vec<Credit> = self
            .items
            .iter()
            .map(|item| match (&item.response, library.question(&item.question)) {
                (Some(r), Some(q)) => score(&q.kind, r),
                _ => Credit::NONE,
            })
            .collect();
        let points: f64 = credits.iter().map(|c| c.value()).sum();
        let share = if credits.is_empty() { 0.0 } else { points / credits.len() as f64 };
        let percent = (share * 1000.0).round() / 10.0;
        ExamResult {
            out_of_10: (share * 1000.0).round() / 100.0,
            passed: share * 100.0 + 1e-9 >= f64::from(self.spec.pass_percent),
            percent,
            points,
            unanswered: self.items.iter().filter(|i| i.response.is_none()).count(),
            duration_ms: self.submitted_ms.unwrap_or(self.started_ms) - self.started_ms,
            credits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::sample_bank;

    fn spec(count: usize) -> ExamSpec {
        ExamSpec { count, minutes: 2, ..ExamSpec::with_seed(77) }
    }

    #[test]
    fn scores_out_of_ten_and_passes_at_the_mark() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let mut exam = Exam::start(&lib, spec(4), 1_000.0);
        assert_eq!(exam.items.len(), 4);
        assert_eq!(exam, Exam::start(&lib, spec(4), 1_000.0), "the seed fixes the exam");
        // Answer the first two right, leave the rest.
        for i in 0..2 {
            let q = lib.question(&exam.items[i].question).unwrap().clone();
            exam.respond(i, Some(crate::practice::tests_support::right(&q)));
        }
        exam.toggle_flag(3);
        assert!(exam.items[3].flagged);
        assert_eq!(exam.answered(), 2);
        assert!(exam.logged_answers(&lib).is_empty(), "nothing is logged before submission");
        assert!(exam.is_running());
        assert!(exam.submit(31_000.0), "the first submission submits");
        assert!(!exam.submit(40_000.0), "a second one changes nothing");
        assert!(!exam.is_running());
        exam.respond(2, Some(Response::TrueFalse(true)));
        assert_eq!(exam.items[2].response, None, "no changes after submission");
        let result = exam.result(&lib);
        assert_eq!((result.points, result.out_of_10, result.percent), (2.0, 5.0, 50.0));
        assert!(result.passed, "5/10 meets a 50% pass mark");
        assert_eq!((result.unanswered, result.duration_ms), (2, 30_000.0));
        let logged = exam.logged_answers(&lib);
        let questions: Vec<_> = logged.iter().map(|(q, _)| q.clone()).collect();
        let answered: Vec<_> = exam.items[..2].iter().map(|i| i.question.clone()).collect();
        assert_eq!(questions, answered, "only the answered questions are logged");
        assert!(logged.iter().all(|(_, credit)| credit.is_full()), "with their credit");
    }

    #[test]
    fn an_exam_without_questions_is_not_running() {
        let lib = Library::new(vec![], vec![]);
        let exam = Exam::start(&lib, spec(4), 0.0);
        assert!(exam.items.is_empty());
        assert!(!exam.is_running());
    }

    #[test]
    fn an_unfinished_exam_resumes_from_its_snapshot() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let mut exam = Exam::start(&lib, spec(4), 1_000.0);
        exam.respond(1, Some(Response::TrueFalse(true)));
        exam.toggle_flag(2);
        let text = exam.snapshot();
        assert_eq!(Exam::resume(&text, &spec(4)), Some(exam.clone()));
        assert_eq!(Exam::resume(&text, &spec(5)), None, "another exam starts afresh");
        assert_eq!(Exam::resume("{ hỏng", &spec(4)), None);
        assert_eq!(exam.stored_form(), text, "a running exam is stored as its snapshot");
        exam.submit(2_000.0);
        assert_eq!(Exam::resume(&exam.snapshot(), &spec(4)), None, "a submitted exam is not resumed");
        assert_eq!(exam.stored_form(), "", "a submitted exam leaves nothing to resume");
    }

    #[test]
    fn time_runs_out() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let mut exam = Exam::start(&lib, spec(3), 0.0);
        assert_eq!(exam.remaining_ms(60_000.0), 60_000.0);
        assert!(!exam.submit_if_over(119_999.0));
        assert!(!exam.is_submitted());
        assert!(exam.submit_if_over(500_000.0), "time is up: submitted now");
        assert!(!exam.submit_if_over(600_000.0), "already submitted");
        assert!(exam.is_submitted());
        assert_eq!(exam.remaining_ms(500_000.0), 0.0);
        assert_eq!(exam.result(&lib).duration_ms, 120_000.0, "a late submission counts at the deadline");
        assert!(!exam.result(&lib).passed);
    }
}
