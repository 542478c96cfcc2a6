//! One answer as a compact record, and the fingerprint that tells when a question was edited.

use crate::library::QuestionRef;
use crate::model::Question;
use crate::score::Credit;
use serde::{Deserialize, Serialize};

/// Where an answer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum Mode {
    /// Luyện tập.
    Practice,
    /// Thi thử.
    Exam,
    /// Ôn tập (spaced review).
    Review,
}

impl From<Mode> for u8 {
    fn from(m: Mode) -> u8 {
        match m {
            Mode::Practice => 0,
            Mode::Exam => 1,
            Mode::Review => 2,
        }
    }
}

impl TryFrom<u8> for Mode {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, String> {
        match v {
            0 => Ok(Mode::Practice),
            1 => Ok(Mode::Exam),
            2 => Ok(Mode::Review),
            other => Err(format!("unknown mode {other}")),
        }
    }
}

/// Credit is stored in thousandths: 1000 is a right answer.
pub const FULL_CREDIT: u16 = 1000;

/// One answer. Its wire form in format 1 is a JSON array
/// `[time_ms, "bank", "question", fingerprint, credit_in_thousandths, mode]` ([`AnswerWire`]);
/// format 2 stores the fields in columns (`codec.rs`). Ordered by time first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "AnswerWire", into = "AnswerWire")]
pub struct AnswerRecord {
    /// When, in ms since the Unix epoch.
    pub time_ms: i64,
    /// The bank id.
    pub bank: String,
    /// The question id.
    pub question: String,
    /// The question's fingerprint when it was answered.
    pub fingerprint: u32,
    /// Credit earned, in thousandths.
    pub credit: u16,
    /// Where.
    pub mode: Mode,
}

/// [`AnswerRecord`] on the wire: a tuple, so JSON holds an array without field names.
pub type AnswerWire = (i64, String, String, u32, u16, Mode);

impl From<AnswerWire> for AnswerRecord {
    fn from((time_ms, bank, question, fingerprint, credit, mode): AnswerWire) -> Self {
        AnswerRecord { time_ms, bank, question, fingerprint, credit, mode }
    }
}

impl From<AnswerRecord> for AnswerWire {
    fn from(a: AnswerRecord) -> Self {
        (a.time_ms, a.bank, a.question, a.fingerprint, a.credit, a.mode)
    }
}

impl AnswerRecord {
    /// A record of `credit` earned on `question` (at `at`) at `time_ms`.
    pub fn new(at: &QuestionRef, question: &Question, credit: Credit, mode: Mode, time_ms: i64) -> Self {
        let thousandths = (u64::from(credit.earned) * u64::from(FULL_CREDIT) / u64::from(credit.out_of.max(1))) as u16;
        AnswerRecord {
            time_ms,
            bank: at.bank.to_string(),
            question: at.question.to_string(),
            fingerprint: fingerprint(question),
            credit: thousandths,
            mode,
        }
    }

    /// The question answered.
    pub fn question(&self) -> QuestionRef {
        QuestionRef { bank: self.bank.as_str().into(), question: self.question.as_str().into() }
    }

    /// True for a fully right answer.
    pub fn is_right(&self) -> bool {
        self.credit >= FULL_CREDIT
    }
}

/// A 32-bit FNV-1a hash of what a member answers: the prompt, the type and its fields.
/// The explanation, source, tags and difficulty are left out: fixing a typo in an explanation
/// does not make earlier answers stale.
pub fn fingerprint(question: &Question) -> u32 {
    let content = serde_json::to_string(&(&question.prompt, &question.kind)).unwrap_or_default();
    content.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::sample_bank;

    #[test]
    fn record_is_a_compact_tuple() {
        let bank = sample_bank();
        let q = &bank.questions[1];
        let at = QuestionRef { bank: bank.id.clone(), question: q.id.clone() };
        let r = AnswerRecord::new(&at, q, Credit { earned: 2, out_of: 3 }, Mode::Exam, 1_700_000_000_000);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, format!("[1700000000000,\"mau\",\"mau-002\",{},666,1]", fingerprint(q)));
        assert_eq!(serde_json::from_str::<AnswerRecord>(&json).unwrap(), r);
        assert!(!r.is_right());
        assert!(serde_json::from_str::<AnswerRecord>("[1,\"a\",\"b\",1,1000,9]").is_err(), "unknown mode");
    }

    #[test]
    fn fingerprint_changes_with_what_is_asked_only() {
        let bank = sample_bank();
        let q = bank.questions[0].clone();
        let mut edited = q.clone();
        edited.explanation.push_str(" Thêm.");
        edited.tags.push("mới".into());
        assert_eq!(fingerprint(&q), fingerprint(&edited));
        edited.prompt.push('?');
        assert_ne!(fingerprint(&q), fingerprint(&edited));
    }
}
