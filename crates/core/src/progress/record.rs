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

    /// One question of each type, written here (not shared with other tests) so that nothing
    /// but a change to the fingerprint itself can change the values pinned below.
    const QUESTIONS: &str = r#"[
      { "id": "q-single", "type": "single", "prompt": "Nghị quyết 35-NQ/TW do cơ quan nào ban hành?",
        "options": ["Bộ Chính trị", "Ban Bí thư", "Quốc hội"], "correct": "A",
        "explanation": "", "source": { "material": "m", "quote": "" }, "tags": [], "difficulty": 1 },
      { "id": "q-single-fixed", "type": "single", "prompt": "Phương châm có mấy từ?",
        "options": ["Ba", "Bốn", "Năm"], "correct": "C", "shuffle": false,
        "explanation": "", "source": { "material": "m", "quote": "" }, "tags": [], "difficulty": 1 },
      { "id": "q-multiple", "type": "multiple", "prompt": "Những từ nào có trong phương châm?",
        "options": ["chủ động", "kịp thời", "thận trọng"], "correct": ["A", "B"],
        "explanation": "", "source": { "material": "m", "quote": "" }, "tags": [], "difficulty": 1 },
      { "id": "q-true-false", "type": "true_false", "prompt": "Nghị quyết được ban hành ngày 22/10/2018.",
        "answer": true, "explanation": "", "source": { "material": "m", "quote": "" }, "tags": [], "difficulty": 1 },
      { "id": "q-fill", "type": "fill_blank", "prompt": "chủ động - kịp thời - ___ - sáng tạo",
        "accepted": ["linh hoạt"], "explanation": "", "source": { "material": "m", "quote": "" }, "tags": [], "difficulty": 1 },
      { "id": "q-ordering", "type": "ordering", "prompt": "Sắp xếp theo thứ tự:",
        "items": ["chủ động", "kịp thời", "linh hoạt"], "explanation": "", "source": { "material": "m", "quote": "" }, "tags": [], "difficulty": 1 },
      { "id": "q-matching", "type": "matching", "prompt": "Nối văn bản với cơ quan ban hành:",
        "pairs": [{ "left": "35-NQ/TW", "right": "Bộ Chính trị" }, { "left": "25-CT/TW", "right": "Ban Bí thư" }],
        "explanation": "", "source": { "material": "m", "quote": "" }, "tags": [], "difficulty": 1 }
    ]"#;

    fn questions() -> Vec<Question> {
        serde_json::from_str(QUESTIONS).unwrap()
    }

    #[test]
    fn fingerprints_are_pinned() {
        // Every member's mastery is keyed by these: a change here resets everyone's progress.
        let pinned: Vec<(String, u32)> = questions().iter().map(|q| (q.id.to_string(), fingerprint(q))).collect();
        let expected = PINNED.iter().map(|(id, fp)| (id.to_string(), *fp)).collect::<Vec<_>>();
        assert_eq!(pinned, expected);
    }

    #[test]
    fn fingerprint_changes_with_what_is_asked_only() {
        for q in questions() {
            let mut edited = q.clone();
            edited.explanation.push_str(" Thêm.");
            edited.tags.push("mới".into());
            edited.id = "khac".into();
            assert_eq!(fingerprint(&q), fingerprint(&edited), "{}", q.id);
            edited.prompt.push('?');
            assert_ne!(fingerprint(&q), fingerprint(&edited), "{}", q.id);
        }
    }

    #[test]
    fn a_record_keeps_credit_in_thousandths_rounded_down() {
        let q = &questions()[2];
        let at = QuestionRef { bank: "b".into(), question: q.id.clone() };
        let record = |earned, out_of| AnswerRecord::new(&at, q, Credit { earned, out_of }, Mode::Exam, 7);
        let credits: Vec<u16> = [(2, 3), (1, 3), (0, 2), (2, 2), (1, 0)].map(|(e, o)| record(e, o).credit).to_vec();
        assert_eq!(credits, [666, 333, 0, 1000, 1000]);
        assert!(record(2, 2).is_right() && !record(2, 3).is_right());
        let r = record(2, 3);
        assert_eq!((r.time_ms, r.bank.as_str(), r.question.as_str(), r.mode), (7, "b", "q-multiple", Mode::Exam));
        assert_eq!(r.fingerprint, PINNED[2].1);
        assert_eq!(r.question(), at);
    }

    #[test]
    fn the_wire_form_is_a_tuple_in_field_order() {
        let r = AnswerRecord {
            time_ms: 1_700_000_000_000,
            bank: "mau".into(),
            question: "mau-002".into(),
            fingerprint: 42,
            credit: 666,
            mode: Mode::Review,
        };
        let json = r#"[1700000000000,"mau","mau-002",42,666,2]"#;
        assert_eq!(serde_json::to_string(&r).unwrap(), json);
        assert_eq!(serde_json::from_str::<AnswerRecord>(json).unwrap(), r);
        assert!(serde_json::from_str::<AnswerRecord>(r#"[1,"a","b",1,1000,9]"#).is_err(), "unknown mode");
        assert_eq!([Mode::Practice, Mode::Exam, Mode::Review].map(u8::from), [0, 1, 2]);
    }

    const PINNED: [(&str, u32); 7] = [
        ("q-single", 3_847_805_104),
        ("q-single-fixed", 3_006_838_336),
        ("q-multiple", 2_919_466_379),
        ("q-true-false", 298_997_108),
        ("q-fill", 729_267_352),
        ("q-ordering", 2_400_174_227),
        ("q-matching", 245_994_686),
    ];
}
