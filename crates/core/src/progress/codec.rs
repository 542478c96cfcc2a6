//! The stored form of progress, versioned. Decoding is lenient where it can be (a damaged
//! record is skipped and counted) and says exactly why when it cannot.
//!
//! **Format 2** (written since issue 14), under 30 bytes an answer (BENCHMARKS.md §6):
//!
//! ```text
//! {"format":"ontap-progress","version":2,
//!  "questions":[["bank",shared,"suffix",fingerprint, shared,"suffix",fingerprint, …], ["bank 2", …]],
//!  "answers":[time_ms, q, code,  Δtime_ms, q, code, …],
//!  "summaries":[[q, answers, right, first_ms, last_ms], …]}
//! ```
//!
//! Every (bank, question, fingerprint) answered is listed once in `questions`, sorted, grouped
//! by bank (the bank id written once); each question id is written as the number of characters
//! it shares with the previous id of its bank and the rest. `q` is a position in that list,
//! counted across the banks. Answers are in time order, each time written as the difference
//! from the previous one (the first from 0), and `code` is `mode + 3 × c` where `c` is 0 for a
//! right answer (credit 1000), 1 for credit 0 and `credit + 1` otherwise.
//!
//! **Format 1** (read, and migrated on the first load; [`encode_v1`] still writes it for tests
//! and the storage bench): `{"format": "ontap-progress", "version": 1, "answers": [[time_ms,
//! "bank", "question", fingerprint, credit, mode], …], "summaries": [["bank", "question",
//! fingerprint, answers, right, first_ms, last_ms], …]}`. A build that reads only format 1 sees
//! version 2 as newer and leaves it alone.

use super::log::{Progress, SummaryRecord};
use super::record::{AnswerRecord, FULL_CREDIT, Mode};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

/// Names this app's data, so foreign data under the same key is recognised.
pub const FORMAT: &str = "ontap-progress";
/// The version this build writes. Version 1 is read and migrated.
pub const VERSION: u64 = 2;

/// Why stored progress could not be read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// Not JSON at all (damaged, or truncated by a full quota).
    NotJson(String),
    /// JSON, but not this app's progress.
    Foreign,
    /// Written by a newer version of the app.
    Newer(u64),
    /// Readable, but this many records were damaged and skipped.
    SkippedRecords(usize),
}

impl DecodeProblem {
    /// True when nothing could be read: the stored text must be kept aside, not overwritten.
    pub fn is_fatal(&self) -> bool {
        !matches!(self, DecodeProblem::SkippedRecords(_))
    }

    /// What the member is told, in Vietnamese.
    pub fn message(&self) -> String {
        match self {
            DecodeProblem::NotJson(_) => "Dữ liệu tiến độ đã lưu bị hỏng, không đọc được.".into(),
            DecodeProblem::Foreign => "Dữ liệu đã lưu không phải của ứng dụng này.".into(),
            DecodeProblem::Newer(v) => {
                format!(
                    "Dữ liệu tiến độ do phiên bản mới hơn của ứng dụng ghi (phiên bản dữ liệu {v}); hãy tải lại trang để cập nhật ứng dụng."
                )
            }
            DecodeProblem::SkippedRecords(n) => {
                format!("{n} bản ghi tiến độ bị hỏng nên đã bỏ qua; phần còn lại vẫn dùng bình thường.")
            }
        }
    }
}

/// Progress and whatever stood in the way of reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// What could be read.
    pub progress: Progress,
    /// Why not everything could be read.
    pub problem: Option<DecodeProblem>,
    /// The format version read (none when the text is not this app's progress).
    pub version: Option<u64>,
}

/// The stored text of `progress`, in format 2.
pub fn encode(progress: &Progress) -> String {
    let mut keys: BTreeSet<(&str, &str, u32)> = BTreeSet::new();
    keys.extend(progress.answers.iter().map(|a| (a.bank.as_str(), a.question.as_str(), a.fingerprint)));
    keys.extend(progress.summaries.iter().map(|s| (s.bank.as_str(), s.question.as_str(), s.fingerprint)));
    let index: HashMap<(&str, &str, u32), usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = String::with_capacity(64 + 24 * progress.answers.len() + 24 * keys.len());
    let _ = write!(out, "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"questions\":[");
    let mut bank: Option<&str> = None;
    let mut previous = "";
    for &(b, question, fingerprint) in &keys {
        if bank != Some(b) {
            out.push_str(if bank.is_some() { "],[" } else { "[" });
            out.push_str(&string(b));
            (bank, previous) = (Some(b), "");
        }
        let shared = previous.chars().zip(question.chars()).take_while(|(x, y)| x == y).count();
        let rest: String = question.chars().skip(shared).collect();
        let _ = write!(out, ",{shared},{},{fingerprint}", string(&rest));
        previous = question;
    }
    out.push_str(if bank.is_some() { "]]" } else { "]" });
    out.push_str(",\"answers\":[");
    let mut last = 0i64;
    for (i, a) in progress.answers.iter().enumerate() {
        let q = index[&(a.bank.as_str(), a.question.as_str(), a.fingerprint)];
        let comma = if i == 0 { "" } else { "," };
        let _ = write!(out, "{comma}{},{q},{}", a.time_ms.wrapping_sub(last), code(a.credit, a.mode));
        last = a.time_ms;
    }
    out.push_str("],\"summaries\":[");
    for (i, s) in progress.summaries.iter().enumerate() {
        let q = index[&(s.bank.as_str(), s.question.as_str(), s.fingerprint)];
        let comma = if i == 0 { "" } else { "," };
        let _ = write!(out, "{comma}[{q},{},{},{},{}]", s.answers, s.right, s.first_ms, s.last_ms);
    }
    out.push_str("]}");
    out
}

/// An answer's credit and mode as one small number.
fn code(credit: u16, mode: Mode) -> u64 {
    let c = match credit {
        FULL_CREDIT => 0,
        0 => 1,
        other => u64::from(other) + 1,
    };
    u64::from(u8::from(mode)) + 3 * c
}

/// The credit and mode of a `code`.
fn uncode(code: u64) -> Option<(u16, Mode)> {
    let mode = Mode::try_from((code % 3) as u8).ok()?;
    let credit = match code / 3 {
        0 => FULL_CREDIT,
        1 => 0,
        c => u16::try_from(c - 1).ok()?,
    };
    Some((credit, mode))
}

/// The stored text of `progress` in format 1, as builds before issue 14 wrote it.
pub fn encode_v1(progress: &Progress) -> String {
    json!({
        "format": FORMAT,
        "version": 1,
        "answers": progress.answers,
        "summaries": progress.summaries,
    })
    .to_string()
}

/// Reads stored text (format 1 or 2), salvaging every readable record.
pub fn decode(text: &str) -> Decoded {
    let fail = |problem| Decoded { progress: Progress::default(), problem: Some(problem), version: None };
    let value: Value = match crate::check::parse_value(text) {
        Ok(v) => v,
        Err(e) => return fail(DecodeProblem::NotJson(e.to_string())),
    };
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return fail(DecodeProblem::Foreign);
    }
    let version = value.get("version").and_then(Value::as_u64);
    let (mut progress, skipped) = match version {
        Some(1) => decode_v1(&value),
        Some(VERSION) => decode_v2(&value),
        Some(v) if v > VERSION => return fail(DecodeProblem::Newer(v)),
        _ => return fail(DecodeProblem::Foreign),
    };
    progress.summaries.sort();
    let problem = (skipped > 0).then_some(DecodeProblem::SkippedRecords(skipped));
    Decoded { progress, problem, version }
}

/// The array under `key`, or an empty one.
fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// Format 1's records, and how many were damaged.
fn decode_v1(value: &Value) -> (Progress, usize) {
    let mut progress = Progress::default();
    let mut skipped = 0;
    for item in list(value, "answers") {
        match AnswerRecord::deserialize(item) {
            Ok(a) => {
                progress.answers.insert(a);
            }
            Err(_) => skipped += 1,
        }
    }
    for item in list(value, "summaries") {
        match SummaryRecord::deserialize(item) {
            Ok(s) => progress.summaries.push(s),
            Err(_) => skipped += 1,
        }
    }
    (progress, skipped)
}

/// Format 2's question list: each entry, or none where it is damaged (or its id depends on a
/// damaged one). A group that is not a list ends it: the positions after it are unknown.
fn question_list(value: &Value) -> Vec<Option<(String, String, u32)>> {
    let mut entries = Vec::new();
    for group in list(value, "questions") {
        let Some(group) = group.as_array() else { break };
        let bank = group.first().and_then(Value::as_str);
        let mut previous: Option<String> = Some(String::new());
        for entry in group.get(1..).unwrap_or_default().chunks(3) {
            let read = || {
                let shared = usize::try_from(entry.first()?.as_u64()?).ok()?;
                let rest = entry.get(1)?.as_str()?;
                let fingerprint = u32::try_from(entry.get(2)?.as_u64()?).ok()?;
                Some((shared, rest, fingerprint))
            };
            let question = match (bank, read()) {
                (Some(bank), Some((shared, rest, fingerprint))) => {
                    let base = if shared == 0 { Some("") } else { previous.as_deref() };
                    base.filter(|b| b.chars().count() >= shared).map(|b| {
                        let id: String = b.chars().take(shared).chain(rest.chars()).collect();
                        (bank.to_owned(), id, fingerprint)
                    })
                }
                _ => None,
            };
            previous = question.as_ref().map(|(_, id, _)| id.clone());
            entries.push(question);
        }
    }
    entries
}

/// Format 2's records, and how many were damaged.
fn decode_v2(value: &Value) -> (Progress, usize) {
    let questions = question_list(value);
    let question = |q: &Value| questions.get(usize::try_from(q.as_u64()?).ok()?).cloned().flatten();
    let mut progress = Progress::default();
    let mut skipped = 0;
    let answers = list(value, "answers");
    let mut time = Some(0i64);
    for chunk in answers.chunks(3) {
        time = time.zip(chunk[0].as_i64()).map(|(t, delta)| t.wrapping_add(delta));
        let read = || {
            let (bank, question, fingerprint) = question(chunk.get(1)?)?;
            let (credit, mode) = uncode(chunk.get(2)?.as_u64()?)?;
            Some(AnswerRecord { time_ms: time?, bank, question, fingerprint, credit, mode })
        };
        match read() {
            Some(a) => {
                progress.answers.insert(a);
            }
            None => skipped += 1,
        }
    }
    for item in list(value, "summaries") {
        let read = || {
            let [q, answers, right, first, last] = item.as_array()?.as_slice() else { return None };
            let (bank, question, fingerprint) = question(q)?;
            let count = |v: &Value| u32::try_from(v.as_u64()?).ok();
            Some(SummaryRecord {
                bank,
                question,
                fingerprint,
                answers: count(answers)?,
                right: count(right)?,
                first_ms: first.as_i64()?,
                last_ms: last.as_i64()?,
            })
        };
        match read() {
            Some(s) => progress.summaries.push(s),
            None => skipped += 1,
        }
    }
    (progress, skipped)
}

/// What restoring a backup would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// The backup's progress.
    pub progress: Progress,
    /// Answers in the backup.
    pub in_file: usize,
    /// Answers the backup adds (the rest are already here).
    pub new_answers: usize,
    /// Damaged records skipped.
    pub skipped: usize,
}

/// Reads a backup and says what merging it into `current` would add; a backup that cannot be
/// read is refused with the reason.
pub fn preview_import(current: &Progress, text: &str) -> Result<ImportPreview, DecodeProblem> {
    let decoded = decode(text);
    let skipped = match decoded.problem {
        Some(p) if p.is_fatal() => return Err(p),
        Some(DecodeProblem::SkippedRecords(n)) => n,
        _ => 0,
    };
    let new_answers = decoded.progress.answers.iter().filter(|a| !current.answers.contains(a)).count();
    Ok(ImportPreview { in_file: decoded.progress.answers.len(), new_answers, skipped, progress: decoded.progress })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A log written by the app before format 2 (`encode` at commit 7763279): 303 answers to
    /// three banks, some to edited questions, partial credits, every mode, and 59 summaries.
    const V1_LOG: &str = include_str!("../../tests/fixtures/progress-v1.json");

    fn answer(t: i64, q: &str, fingerprint: u32, credit: u16, mode: Mode) -> AnswerRecord {
        AnswerRecord { time_ms: t, bank: "b".into(), question: q.into(), fingerprint, credit, mode }
    }

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.record(answer(5, "q1", 7, 1000, Mode::Practice));
        p.record(answer(9, "q2", 8, 0, Mode::Exam));
        p.summaries.push(SummaryRecord::from(("b".into(), "q1".into(), 7, 4, 3, 1, 4)));
        p
    }

    #[test]
    fn format_2_is_written_as_documented() {
        let mut p = sample();
        p.record(answer(12, "q10", 8, 666, Mode::Review));
        p.record(AnswerRecord { bank: "a".into(), ..answer(12, "x", 1, 1000, Mode::Exam) });
        assert_eq!(
            encode(&p),
            concat!(
                r#"{"format":"ontap-progress","version":2,"#,
                r#""questions":[["a",0,"x",1],["b",0,"q1",7,2,"0",8,1,"2",8]],"#,
                r#""answers":[5,1,0,4,3,4,3,0,1,0,2,2003],"#,
                r#""summaries":[[1,4,3,1,4]]}"#
            )
        );
        assert_eq!(decode(&encode(&p)), Decoded { progress: p, problem: None, version: Some(2) });
        let empty = Progress::default();
        assert_eq!(
            encode(&empty),
            r#"{"format":"ontap-progress","version":2,"questions":[],"answers":[],"summaries":[]}"#
        );
        assert_eq!(decode(&encode(&empty)).progress, empty);
    }

    #[test]
    fn a_real_format_1_log_is_read_whole_and_written_in_half_the_bytes() {
        let old = decode(V1_LOG);
        assert_eq!((old.problem.clone(), old.version), (None, Some(1)));
        assert_eq!((old.progress.answers.len(), old.progress.summaries.len()), (303, 59));
        assert_eq!(encode_v1(&old.progress), V1_LOG, "encode_v1 is the encoder that wrote it");
        let new = encode(&old.progress);
        assert_eq!(decode(&new), Decoded { progress: old.progress, problem: None, version: Some(2) });
        assert!(new.len() * 2 <= V1_LOG.len(), "{} bytes against {}", new.len(), V1_LOG.len());
    }

    #[test]
    fn a_build_that_reads_only_format_1_sees_format_2_as_newer() {
        // What such a build reads before anything else: the format, and a version above 1.
        let value: Value = serde_json::from_str(&encode(&sample())).unwrap();
        assert_eq!((value["format"].as_str(), value["version"].as_u64()), (Some(FORMAT), Some(2)));
        assert_eq!(decode(r#"{"format": "ontap-progress", "version": 3}"#).problem, Some(DecodeProblem::Newer(3)));
    }

    #[test]
    fn bad_data_is_named() {
        assert!(matches!(decode("{\"format\": \"ontap-progress\", \"vers").problem, Some(DecodeProblem::NotJson(_))));
        assert_eq!(decode("[1, 2]").problem, Some(DecodeProblem::Foreign));
        assert_eq!(decode("{\"theme\": \"dark\"}").problem, Some(DecodeProblem::Foreign));
        assert_eq!(decode("{\"format\": \"ontap-progress\", \"version\": 0}").problem, Some(DecodeProblem::Foreign));
        assert_eq!(decode("{\"format\": \"ontap-progress\", \"version\": 7}").problem, Some(DecodeProblem::Newer(7)));
        assert!(DecodeProblem::Newer(7).is_fatal());
        assert!(!DecodeProblem::SkippedRecords(1).is_fatal());
    }

    #[test]
    fn damaged_records_are_skipped_and_counted() {
        // Format 1: a record cut short.
        let text = encode_v1(&sample()).replace("[9,\"b\",\"q2\",8,0,1]", "[9,\"b\"]");
        let d = decode(&text);
        assert_eq!((d.problem, d.progress.answers.len()), (Some(DecodeProblem::SkippedRecords(1)), 1));
        // Format 2: an unknown question, an unknown code, a summary cut short.
        let text = encode(&sample());
        for (from, to) in [(",4,1,4]", ",4,9,4]"), (",4,1,4]", ",4,1,999999]"), ("[[0,4,3,1,4]]", "[[0,4,3,1]]")] {
            let d = decode(&text.replace(from, to));
            assert_eq!(d.problem, Some(DecodeProblem::SkippedRecords(1)), "{from} → {to}");
        }
        // A time that cannot be read leaves every later time unknown: those answers are skipped.
        let d = decode(&text.replace("[5,0,0,", "[\"x\",0,0,"));
        assert_eq!((d.problem, d.progress.answers.len()), (Some(DecodeProblem::SkippedRecords(2)), 0));
        // A damaged question entry drops what refers to it, and to the ids written as sharing
        // its start ("q2" after "q1"), never giving an answer to another question.
        let d = decode(&text.replace("[\"b\",0,\"q1\",7,", "[\"b\",0,1,7,"));
        assert_eq!((d.problem, d.progress.answers.len()), (Some(DecodeProblem::SkippedRecords(3)), 0));
    }

    #[test]
    fn import_preview_counts_what_is_new() {
        let mut current = Progress::default();
        current.record(answer(5, "q1", 7, 1000, Mode::Practice));
        for backup in [encode(&sample()), encode_v1(&sample())] {
            let preview = preview_import(&current, &backup).unwrap();
            assert_eq!((preview.in_file, preview.new_answers, preview.skipped), (2, 1, 0));
            let mut merged = current.clone();
            merged.merge(&preview.progress);
            assert_eq!(preview_import(&merged, &backup).unwrap().new_answers, 0, "restoring twice adds nothing");
        }
        assert!(preview_import(&current, "not json").unwrap_err().is_fatal());
    }

    fn any_answer() -> impl Strategy<Value = AnswerRecord> {
        let id = prop_oneof!["[a-c]{0,3}", "\\PC{0,6}"];
        (any::<i64>(), id.clone(), id, any::<u32>(), any::<u16>(), 0u8..3).prop_map(|(t, b, q, f, c, m)| AnswerRecord {
            time_ms: t,
            bank: b,
            question: q,
            fingerprint: f,
            credit: c,
            mode: Mode::try_from(m).unwrap(),
        })
    }

    proptest! {
        #[test]
        fn any_progress_survives_both_formats(
            answers in proptest::collection::vec(any_answer(), 0..20),
            summaries in proptest::collection::vec((any_answer(), any::<u32>(), any::<u32>(), any::<i64>()), 0..4),
        ) {
            let mut p = Progress::default();
            for a in answers {
                p.record(a);
            }
            for (a, n, right, last) in summaries {
                let (bank, question, fingerprint) = (a.bank, a.question, a.fingerprint);
                p.summaries.push(SummaryRecord { bank, question, fingerprint, answers: n, right, first_ms: a.time_ms, last_ms: last });
            }
            p.summaries.sort();
            let expected = Decoded { progress: p.clone(), problem: None, version: Some(2) };
            prop_assert_eq!(&decode(&encode(&p)), &expected);
            prop_assert_eq!(decode(&encode_v1(&p)).progress, p);
        }

        #[test]
        fn what_any_text_salvages_survives_a_rewrite(text in "\\PC{0,80}") {
            let first = decode(&text);
            prop_assert_eq!(decode(&encode(&first.progress)).progress, first.progress);
        }
    }
}
