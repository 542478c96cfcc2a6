//! The stored form of progress, versioned: `{"format": "ontap-progress", "version": 1,
//! "answers": [[…], …], "summaries": [[…], …]}`. Decoding is lenient where it can be
//! (a damaged record is skipped and counted) and says exactly why when it cannot.

use super::log::{Progress, SummaryRecord};
use super::record::AnswerRecord;
use serde_json::{Value, json};

/// Names this app's data, so foreign data under the same key is recognised.
pub const FORMAT: &str = "ontap-progress";
/// The version this build writes. Earlier versions are migrated on reading (none exist yet).
pub const VERSION: u64 = 1;

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
}

/// The stored text of `progress`.
pub fn encode(progress: &Progress) -> String {
    json!({
        "format": FORMAT,
        "version": VERSION,
        "answers": progress.answers,
        "summaries": progress.summaries,
    })
    .to_string()
}

/// Reads stored text, salvaging every readable record.
pub fn decode(text: &str) -> Decoded {
    let fail = |problem| Decoded { progress: Progress::default(), problem: Some(problem) };
    let value: Value = match crate::check::parse_value(text) {
        Ok(v) => v,
        Err(e) => return fail(DecodeProblem::NotJson(e.to_string())),
    };
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return fail(DecodeProblem::Foreign);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return fail(DecodeProblem::Newer(v)),
        _ => return fail(DecodeProblem::Foreign),
    }
    let mut progress = Progress::default();
    let mut skipped = 0;
    let list = |key: &str| value.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    for item in list("answers") {
        match serde_json::from_value::<AnswerRecord>(item) {
            Ok(a) => {
                progress.answers.insert(a);
            }
            Err(_) => skipped += 1,
        }
    }
    for item in list("summaries") {
        match serde_json::from_value::<SummaryRecord>(item) {
            Ok(s) => progress.summaries.push(s),
            Err(_) => skipped += 1,
        }
    }
    progress.summaries.sort();
    Decoded { progress, problem: (skipped > 0).then_some(DecodeProblem::SkippedRecords(skipped)) }
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
    use crate::progress::record::Mode;
    use proptest::prelude::*;

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.record(AnswerRecord::from((5, "b".into(), "q1".into(), 7, 1000, Mode::Practice)));
        p.record(AnswerRecord::from((9, "b".into(), "q2".into(), 8, 0, Mode::Exam)));
        p.summaries.push(SummaryRecord::from(("b".into(), "q1".into(), 7, 4, 3, 1, 4)));
        p
    }

    #[test]
    fn round_trip() {
        let p = sample();
        assert_eq!(decode(&encode(&p)), Decoded { progress: p, problem: None });
    }

    #[test]
    fn bad_data_is_named() {
        assert!(matches!(decode("{\"format\": \"ontap-progress\", \"vers").problem, Some(DecodeProblem::NotJson(_))));
        assert_eq!(decode("[1, 2]").problem, Some(DecodeProblem::Foreign));
        assert_eq!(decode("{\"theme\": \"dark\"}").problem, Some(DecodeProblem::Foreign));
        assert_eq!(decode("{\"format\": \"ontap-progress\", \"version\": 7}").problem, Some(DecodeProblem::Newer(7)));
        assert!(DecodeProblem::Newer(7).is_fatal());
    }

    #[test]
    fn damaged_records_are_skipped_and_counted() {
        let text = encode(&sample()).replace("[9,\"b\",\"q2\",8,0,1]", "[9,\"b\"]");
        let d = decode(&text);
        assert_eq!(d.problem, Some(DecodeProblem::SkippedRecords(1)));
        assert_eq!(d.progress.answers.len(), 1);
        assert!(!d.problem.unwrap().is_fatal());
    }

    #[test]
    fn import_preview_counts_what_is_new() {
        let backup = encode(&sample());
        let mut current = Progress::default();
        current.record(AnswerRecord::from((5, "b".into(), "q1".into(), 7, 1000, Mode::Practice)));
        let preview = preview_import(&current, &backup).unwrap();
        assert_eq!((preview.in_file, preview.new_answers, preview.skipped), (2, 1, 0));
        current.merge(&preview.progress);
        assert_eq!(preview_import(&current, &backup).unwrap().new_answers, 0, "restoring twice adds nothing");
        assert_eq!(preview_import(&current, "not json").unwrap_err().is_fatal(), true);
    }

    proptest! {
        #[test]
        fn any_text_decodes_without_panic(text in "\\PC{0,80}") {
            let _ = decode(&text);
        }
    }
}
