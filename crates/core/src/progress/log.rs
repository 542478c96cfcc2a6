//! The answer log: append, merge (a set union, so merging twice or from two tabs never
//! duplicates), per-bank statistics that ignore answers to an earlier text of a question, and
//! compaction of old history into summaries when storage runs short.

use super::record::AnswerRecord;
use crate::library::QuestionRef;
use crate::model::Bank;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Answers to one text of a question folded into one line when old history is compacted. Its
/// wire form in format 1 is the array
/// `["bank", "question", fingerprint, answers, right, first_ms, last_ms]` ([`SummaryWire`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "SummaryWire", into = "SummaryWire")]
pub struct SummaryRecord {
    /// The bank id.
    pub bank: String,
    /// The question id.
    pub question: String,
    /// The question's fingerprint when it was answered.
    pub fingerprint: u32,
    /// Answers folded.
    pub answers: u32,
    /// Right answers among them.
    pub right: u32,
    /// The first one's time, in ms since the Unix epoch.
    pub first_ms: i64,
    /// The last one's time.
    pub last_ms: i64,
}

/// [`SummaryRecord`] on the wire.
pub type SummaryWire = (String, String, u32, u32, u32, i64, i64);

impl From<SummaryWire> for SummaryRecord {
    fn from((bank, question, fingerprint, answers, right, first_ms, last_ms): SummaryWire) -> Self {
        SummaryRecord { bank, question, fingerprint, answers, right, first_ms, last_ms }
    }
}

impl From<SummaryRecord> for SummaryWire {
    fn from(s: SummaryRecord) -> Self {
        (s.bank, s.question, s.fingerprint, s.answers, s.right, s.first_ms, s.last_ms)
    }
}

/// Everything a member has answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Answers, in time order, without duplicates.
    pub answers: BTreeSet<AnswerRecord>,
    /// Compacted older answers.
    pub summaries: Vec<SummaryRecord>,
}

/// What the statistics say of one bank.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BankStats {
    /// Questions in the bank.
    pub questions: usize,
    /// Questions answered at least once in their current text.
    pub seen: usize,
    /// Questions whose latest answer (current text) was right.
    pub mastered: usize,
    /// Answers to the current texts.
    pub answers: usize,
    /// Right answers among them.
    pub right: usize,
    /// Answers kept in history for texts the trainer has since changed.
    pub stale: usize,
}

impl Progress {
    /// Adds an answer; returns false if the very same record is already there.
    pub fn record(&mut self, answer: AnswerRecord) -> bool {
        self.answers.insert(answer)
    }

    /// Adds everything `other` has that this log lacks; returns how many answers were added.
    pub fn merge(&mut self, other: &Progress) -> usize {
        let before = self.answers.len();
        self.answers.extend(other.answers.iter().cloned());
        for s in &other.summaries {
            if !self.summaries.contains(s) {
                self.summaries.push(s.clone());
            }
        }
        self.summaries.sort();
        self.answers.len() - before
    }

    /// What this log holds that `other` does not.
    pub fn without(&self, other: &Progress) -> Progress {
        Progress {
            answers: self.answers.difference(&other.answers).cloned().collect(),
            summaries: self.summaries.iter().filter(|s| !other.summaries.contains(s)).cloned().collect(),
        }
    }

    /// The answers to `question`, oldest first.
    pub fn answers_to<'a>(&'a self, question: &'a QuestionRef) -> impl Iterator<Item = &'a AnswerRecord> + 'a {
        self.answers
            .iter()
            .filter(move |a| a.bank == question.bank.as_str() && a.question == question.question.as_str())
    }

    /// Each question's answers (of bank `only`, or of every bank), oldest first: one pass over
    /// the log, so that a bank of thousands of questions costs a look-up per question.
    fn by_question(&self, only: Option<&str>) -> BTreeMap<(&str, &str), Vec<&AnswerRecord>> {
        let mut groups: BTreeMap<(&str, &str), Vec<&AnswerRecord>> = BTreeMap::new();
        for a in self.answers.iter().filter(|a| only.is_none_or(|b| a.bank == b)) {
            groups.entry((a.bank.as_str(), a.question.as_str())).or_default().push(a);
        }
        groups
    }

    /// Statistics of `bank`, counting only answers given to the questions' current texts.
    pub fn bank_stats(&self, bank: &Bank) -> BankStats {
        let groups = self.by_question(Some(bank.id.as_str()));
        let mut stats = BankStats { questions: bank.questions.len(), ..BankStats::default() };
        for q in &bank.questions {
            let Some(answers) = groups.get(&(bank.id.as_str(), q.id.as_str())) else { continue };
            // Only the questions answered are fingerprinted.
            let fp = super::record::fingerprint(q);
            let mut latest = None;
            for a in answers.iter().filter(|a| a.fingerprint == fp) {
                stats.answers += 1;
                stats.right += usize::from(a.is_right());
                latest = Some(a.is_right());
            }
            stats.seen += usize::from(latest.is_some());
            stats.mastered += usize::from(latest == Some(true));
        }
        stats.stale = groups.values().map(Vec::len).sum::<usize>() - stats.answers;
        stats
    }

    /// The questions of `library` due for review at `now_ms`, most overdue first: those whose
    /// FSRS state, replayed from the answers to their current text, has come due.
    pub fn due(&self, library: &crate::library::Library, now_ms: i64) -> Vec<QuestionRef> {
        let by_question = self.by_question(None);
        let mut due: Vec<(i64, QuestionRef)> = Vec::new();
        for bank in &library.banks {
            for q in &bank.questions {
                let Some(answers) = by_question.get(&(bank.id.as_str(), q.id.as_str())) else { continue };
                let fp = super::record::fingerprint(q);
                let answers = answers.iter().filter(|a| a.fingerprint == fp).map(|a| (a.time_ms, a.is_right()));
                if let Some(card) = crate::schedule::replay(answers)
                    && crate::schedule::is_due(&card, now_ms)
                {
                    due.push((card.due_ms, QuestionRef { bank: bank.id.clone(), question: q.id.clone() }));
                }
            }
        }
        due.sort();
        due.into_iter().map(|(_, r)| r).collect()
    }

    /// Folds all but the `keep` most recent answers of each question into summaries.
    /// Returns how many answers were folded.
    pub fn compact(&mut self, keep: usize) -> usize {
        let mut by_question: BTreeMap<(String, String, u32), Vec<AnswerRecord>> = BTreeMap::new();
        for a in &self.answers {
            by_question.entry((a.bank.clone(), a.question.clone(), a.fingerprint)).or_default().push(a.clone());
        }
        let mut folded = 0;
        for ((bank, question, fp), answers) in by_question {
            if answers.len() <= keep {
                continue;
            }
            let old = &answers[..answers.len() - keep];
            for a in old {
                self.answers.remove(a);
            }
            folded += old.len();
            let right = old.iter().filter(|a| a.is_right()).count() as u32;
            let (first, last) = (old[0].time_ms, old[old.len() - 1].time_ms);
            match self.summaries.iter_mut().find(|s| s.bank == bank && s.question == question && s.fingerprint == fp) {
                Some(s) => {
                    s.answers += old.len() as u32;
                    s.right += right;
                    s.first_ms = s.first_ms.min(first);
                    s.last_ms = s.last_ms.max(last);
                }
                None => self.summaries.push(SummaryRecord {
                    bank,
                    question,
                    fingerprint: fp,
                    answers: old.len() as u32,
                    right,
                    first_ms: first,
                    last_ms: last,
                }),
            }
        }
        self.summaries.sort();
        folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::record::{Mode, fingerprint};
    use crate::score::Credit;
    use crate::test_fixtures::sample_bank;

    fn answer(bank: &Bank, i: usize, right: bool, t: i64) -> AnswerRecord {
        let q = &bank.questions[i];
        let at = QuestionRef { bank: bank.id.clone(), question: q.id.clone() };
        AnswerRecord::new(&at, q, if right { Credit::FULL } else { Credit::NONE }, Mode::Practice, t)
    }

    #[test]
    fn merge_is_a_union_without_duplicates() {
        let bank = sample_bank();
        let mut a = Progress::default();
        let mut b = Progress::default();
        a.record(answer(&bank, 0, true, 1));
        b.record(answer(&bank, 0, true, 1));
        b.record(answer(&bank, 1, false, 2));
        assert_eq!(a.merge(&b), 1);
        assert_eq!(a.merge(&b), 0, "merging again adds nothing");
        assert_eq!(a.answers.len(), 2);
    }

    #[test]
    fn stats_ignore_answers_to_an_edited_question() {
        let mut bank = sample_bank();
        let mut p = Progress::default();
        p.record(answer(&bank, 0, false, 1));
        p.record(answer(&bank, 0, true, 2));
        p.record(answer(&bank, 1, false, 3));
        let s = p.bank_stats(&bank);
        assert_eq!((s.questions, s.seen, s.mastered, s.answers, s.right, s.stale), (7, 2, 1, 3, 1, 0));
        // The trainer rewrites question 0: its answers become history, not mastery.
        bank.questions[0].prompt = "Câu hỏi đã sửa?".into();
        let s = p.bank_stats(&bank);
        assert_eq!((s.seen, s.mastered, s.answers, s.stale), (1, 0, 1, 2));
        assert_ne!(fingerprint(&bank.questions[0]), p.answers.iter().next().unwrap().fingerprint);
    }

    #[test]
    fn wrong_answers_come_due_before_right_ones_and_edits_reset() {
        let mut bank = sample_bank();
        let lib = |b: &Bank| crate::library::Library::new(vec![b.clone()], vec![]);
        let day = 86_400_000;
        let mut p = Progress::default();
        p.record(answer(&bank, 0, false, 0));
        p.record(answer(&bank, 1, true, 0));
        assert!(p.due(&lib(&bank), 0).is_empty(), "nothing is due the moment it is answered");
        let ids = |v: Vec<QuestionRef>| v.into_iter().map(|r| r.question.to_string()).collect::<Vec<_>>();
        let wrong_due = crate::schedule::replay([(0, false)]).unwrap().due_ms;
        let right_due = crate::schedule::replay([(0, true)]).unwrap().due_ms;
        assert!(wrong_due < right_due, "a wrong answer comes back sooner");
        assert_eq!(ids(p.due(&lib(&bank), wrong_due)), ["mau-001"]);
        assert_eq!(ids(p.due(&lib(&bank), 60 * day)), ["mau-001", "mau-002"], "most overdue first");
        bank.questions[0].prompt = "Đã sửa?".into();
        assert_eq!(ids(p.due(&lib(&bank), 60 * day)), ["mau-002"], "an edited question starts afresh");
    }

    #[test]
    fn compaction_keeps_recent_answers_and_counts_the_rest() {
        let bank = sample_bank();
        let mut p = Progress::default();
        for t in 0..10 {
            p.record(answer(&bank, 0, t % 2 == 0, t));
        }
        assert_eq!(p.compact(3), 7);
        assert_eq!(p.answers.len(), 3);
        assert_eq!(p.summaries.len(), 1);
        let s = &p.summaries[0];
        assert_eq!((s.answers, s.right, s.first_ms, s.last_ms), (7, 4, 0, 6));
        assert_eq!(p.compact(3), 0, "nothing more to fold");
    }
}
