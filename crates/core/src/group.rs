//! A group's results for one exam, gathered from the result codes its members sent
//! ([`crate::result_code`]): each member's score recomputed from the answers and today's bank,
//! the codes that cannot count set aside with the reason, and an item analysis as Moodle's quiz
//! statistics give it (facility, discrimination, the options wrong answers chose).

use crate::exam::{Exam, ExamItem};
use crate::library::{Library, QuestionRef};
use crate::model::{QuestionKind, index_letter};
use crate::present::{fixed, verdict};
use crate::result_code::{CodeError, ResultCode, exam_version, find_codes};
use crate::route::ExamSpec;
use crate::score::{Credit, Response, score};
use crate::text::{answer_key, search_key};

/// Where the organiser's page keeps the codes pasted into it, one per line (read back with
/// [`find_codes`], so a hand-edited value cannot break it).
pub const RESULTS_KEY: &str = "ontap.results";

/// `kept` with the codes found in `text` added after it, repeats (in any case) left out; and
/// how many codes `text` held.
pub fn add_codes(kept: &[String], text: &str) -> (Vec<String>, usize) {
    let mut all = kept.to_vec();
    let found = find_codes(text);
    for code in &found {
        if !all.iter().any(|k| k.eq_ignore_ascii_case(code)) {
            all.push((*code).to_owned());
        }
    }
    (all, found.len())
}

/// The codes kept under [`RESULTS_KEY`].
pub fn kept_codes(stored: &str) -> Vec<String> {
    find_codes(stored).into_iter().map(str::to_owned).collect()
}

/// The exam in words: `Đề 3 câu, 15 phút, đạt từ 50%, mã đề 9 — Ngân hàng A, Ngân hàng B`.
pub fn describe(spec: &ExamSpec, library: &Library) -> String {
    let banks: Vec<String> = spec
        .filter
        .banks
        .iter()
        .map(|id| library.bank(id).map_or_else(|| id.to_string(), |b| b.title.clone()))
        .collect();
    let mut text =
        format!("Đề {} câu, {} phút, đạt từ {}%, mã đề {}", spec.count, spec.minutes, spec.pass_percent, spec.seed);
    if !banks.is_empty() {
        text.push_str(&format!(" — {}", banks.join(", ")));
    }
    if !spec.filter.tags.is_empty() {
        text.push_str(&format!(" — chủ đề: {}", spec.filter.tags.join(", ")));
    }
    text
}

/// At most this many questions are proposed for revision.
pub const MAX_TO_REVISE: usize = 10;
/// A question is proposed for revision when the group's facility on it is below this.
pub const REVISE_BELOW: f64 = 0.5;

/// One member's result, recomputed.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The name as sent.
    pub name: String,
    /// The code, as this app writes it (merging duplicates compares these).
    pub code: String,
    /// The answers, in exam order.
    pub answers: Vec<Option<Response>>,
    /// Credit per question, in exam order.
    pub credits: Vec<Credit>,
    /// Score out of 10.
    pub out_of_10: f64,
    /// Score as a percentage.
    pub percent: f64,
    /// At or above the pass mark.
    pub passed: bool,
    /// Time taken, in ms.
    pub taken_ms: f64,
    /// When the exam was submitted, in ms since the epoch.
    pub submitted_ms: f64,
}

/// Why a code was set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// It cannot be read.
    Unreadable(CodeError),
    /// It is for another exam (other banks, settings or seed) than the first code's.
    OtherExam,
    /// The questions changed since the member took the exam.
    ChangedBank,
    /// A bank of the exam is not on this device.
    MissingBank(String),
}

impl Reason {
    /// What the organiser reads.
    pub fn message(&self) -> String {
        match self {
            Reason::Unreadable(e) => e.message().to_owned(),
            Reason::OtherExam => {
                "Mã của một đề khác (khác ngân hàng, số câu, thời gian, điểm đạt hoặc mã đề): không tính chung."
                    .to_owned()
            }
            Reason::ChangedBank => {
                "Câu hỏi của đề đã được sửa sau khi người này làm bài: không chấm lại được theo ngân hàng hiện tại."
                    .to_owned()
            }
            Reason::MissingBank(id) => format!("Máy này không có ngân hàng “{id}” của đề."),
        }
    }
}

/// A code that does not count, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// The code as found.
    pub code: String,
    /// The name it carries, when it can be read.
    pub name: Option<String>,
    /// Why.
    pub reason: Reason,
}

/// One option (or verdict, or typed answer) and how many members gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// As the members saw it: `B. Ban Bí thư`, `Sai`, or the text typed.
    pub label: String,
    /// Members who gave it.
    pub count: usize,
    /// Whether it is (part of) the right answer.
    pub right: bool,
}

/// The group on one question.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemStats {
    /// Its number in the exam, from 1.
    pub number: usize,
    /// The question.
    pub question: QuestionRef,
    /// Facility: the mean credit, 0 to 1 (Moodle's facility index).
    pub facility: f64,
    /// Discrimination: the correlation between the credit on this question and the score on
    /// the rest of the exam, −1 to 1; `None` when everyone scored the same on either.
    pub discrimination: Option<f64>,
    /// Members fully right, partly right, wrong, and who left it unanswered.
    pub right: usize,
    /// Partly right.
    pub partial: usize,
    /// Wrong (answered).
    pub wrong: usize,
    /// Unanswered.
    pub unanswered: usize,
    /// What was answered: options, verdicts or typed answers (empty for ordering and matching).
    pub choices: Vec<Choice>,
}

impl ItemStats {
    /// The wrong choice given most often, if any.
    pub fn distractor(&self) -> Option<&Choice> {
        self.choices.iter().filter(|c| !c.right && c.count > 0).max_by_key(|c| c.count)
    }
}

/// Everything the organiser sees for one exam.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupResults {
    /// The exam: the settings of the first readable code.
    pub spec: Option<ExamSpec>,
    /// Its questions and the order their parts were shown in.
    pub items: Vec<ExamItem>,
    /// The members, in the order their codes came.
    pub members: Vec<Member>,
    /// The codes that do not count.
    pub set_aside: Vec<SetAside>,
    /// How many codes were repeats of one already counted (or already set aside).
    pub merged: usize,
}

/// Gathers `codes` (as [`crate::result_code::find_codes`] gives them): the exam is the one the
/// first readable code names; repeats are merged; codes that are damaged, for another exam, for
/// a bank missing here or for questions edited since are set aside.
pub fn collect<S: AsRef<str>>(library: &Library, codes: &[S]) -> GroupResults {
    let mut out = GroupResults::default();
    let mut seen: Vec<String> = Vec::new();
    let mut template: Option<(Exam, u32)> = None;
    for found in codes {
        let found = found.as_ref().trim();
        let decoded = ResultCode::decode(found);
        let key = decoded.as_ref().map_or_else(|_| found.to_ascii_uppercase(), ResultCode::encode);
        if seen.contains(&key) {
            out.merged += 1;
            continue;
        }
        seen.push(key.clone());
        let set_aside = |reason, name| SetAside { code: found.to_owned(), name, reason };
        let code = match decoded {
            Ok(code) => code,
            Err(e) => {
                out.set_aside.push(set_aside(Reason::Unreadable(e), None));
                continue;
            }
        };
        let spec = out.spec.get_or_insert_with(|| code.spec.clone()).clone();
        if code.spec != spec {
            out.set_aside.push(set_aside(Reason::OtherExam, Some(code.name)));
            continue;
        }
        if let Some(missing) = spec.filter.banks.iter().find(|b| library.bank(b).is_none()) {
            out.set_aside.push(set_aside(Reason::MissingBank(missing.to_string()), Some(code.name)));
            continue;
        }
        let (exam, version) = template.get_or_insert_with(|| {
            let exam = Exam::start(library, spec.clone(), 0.0);
            let version = exam_version(library, &exam);
            (exam, version)
        });
        if code.version != *version || code.answers.len() != exam.items.len() {
            out.set_aside.push(set_aside(Reason::ChangedBank, Some(code.name)));
            continue;
        }
        out.members.push(score_member(library, exam, code, key));
    }
    if let Some((exam, _)) = template {
        out.items = exam.items;
    }
    out
}

fn score_member(library: &Library, template: &Exam, code: ResultCode, key: String) -> Member {
    let mut exam = template.clone();
    exam.started_ms = code.started_ms();
    for (i, a) in code.answers.iter().enumerate() {
        exam.respond(i, a.clone());
    }
    exam.submit(code.started_ms() + code.taken_ms());
    let r = exam.result(library);
    Member {
        name: code.name,
        code: key,
        answers: code.answers,
        credits: r.credits,
        out_of_10: r.out_of_10,
        percent: r.percent,
        passed: r.passed,
        taken_ms: r.duration_ms,
        submitted_ms: exam.submitted_ms.unwrap_or(exam.started_ms),
    }
}

/// A column the members' table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Name, ignoring case and diacritics.
    Name,
    /// Score.
    Score,
    /// Time taken.
    Taken,
    /// When submitted.
    Submitted,
}

impl GroupResults {
    /// The members sorted by `by`, highest or latest first when `descending`.
    pub fn sorted(&self, by: SortBy, descending: bool) -> Vec<&Member> {
        let mut list: Vec<&Member> = self.members.iter().collect();
        let number = |m: &Member| match by {
            SortBy::Score => m.out_of_10,
            SortBy::Taken => m.taken_ms,
            _ => m.submitted_ms,
        };
        // Stable both ways: equal rows keep the order their codes came in.
        list.sort_by(|a, b| {
            let order = match by {
                SortBy::Name => search_key(&a.name).cmp(&search_key(&b.name)),
                _ => number(a).total_cmp(&number(b)),
            };
            if descending { order.reverse() } else { order }
        });
        list
    }

    /// The mean score out of 10 (0 with no members).
    pub fn mean_out_of_10(&self) -> f64 {
        mean(self.members.iter().map(|m| m.out_of_10))
    }

    /// The mean time taken, in ms.
    pub fn mean_taken_ms(&self) -> f64 {
        mean(self.members.iter().map(|m| m.taken_ms))
    }

    /// How many passed.
    pub fn passed(&self) -> usize {
        self.members.iter().filter(|m| m.passed).count()
    }

    /// The item analysis, one entry per question in exam order.
    pub fn item_stats(&self, library: &Library) -> Vec<ItemStats> {
        let totals: Vec<f64> = self.members.iter().map(|m| m.credits.iter().map(|c| c.value()).sum()).collect();
        self.items
            .iter()
            .enumerate()
            .map(|(k, item)| {
                let credits: Vec<Credit> = self.members.iter().map(|m| m.credits[k]).collect();
                let values: Vec<f64> = credits.iter().map(|c| c.value()).collect();
                let rest: Vec<f64> = totals.iter().zip(&values).map(|(t, v)| t - v).collect();
                let answers: Vec<Option<&Response>> = self.members.iter().map(|m| m.answers[k].as_ref()).collect();
                let unanswered = answers.iter().filter(|a| a.is_none()).count();
                let right = credits.iter().filter(|c| c.is_full()).count();
                let partial = credits.iter().filter(|c| c.earned > 0 && !c.is_full()).count();
                ItemStats {
                    number: k + 1,
                    question: item.question.clone(),
                    facility: mean(values.iter().copied()),
                    discrimination: correlation(&values, &rest),
                    right,
                    partial,
                    wrong: self.members.len() - right - partial - unanswered,
                    unanswered,
                    choices: library
                        .question(&item.question)
                        .map_or_else(Vec::new, |q| choices(&q.kind, &item.order, &answers)),
                }
            })
            .collect()
    }

    /// The questions the group most needs to revisit: facility below [`REVISE_BELOW`], lowest
    /// first, at most [`MAX_TO_REVISE`].
    pub fn to_revise<'a>(&self, stats: &'a [ItemStats]) -> Vec<&'a ItemStats> {
        let mut list: Vec<&ItemStats> = stats.iter().filter(|s| s.facility < REVISE_BELOW).collect();
        list.sort_by(|a, b| a.facility.total_cmp(&b.facility).then(a.number.cmp(&b.number)));
        list.truncate(MAX_TO_REVISE);
        list
    }

    /// The table as CSV that spreadsheet programs open with Vietnamese text intact: UTF-8 with a
    /// byte-order mark, one row per member, then one column per question with its credit (0 to
    /// 1). Times are local to `offset_minutes` east of UTC.
    pub fn csv(&self, offset_minutes: i64) -> String {
        let mut header: Vec<String> =
            ["Họ tên", "Điểm (thang 10)", "Tỉ lệ đúng (%)", "Kết quả", "Thời gian làm bài", "Bắt đầu", "Nộp bài"]
                .map(str::to_owned)
                .to_vec();
        header.extend((1..=self.items.len()).map(|k| format!("Câu {k}")));
        let mut out = String::from("\u{feff}");
        push_row(&mut out, &header);
        for m in &self.members {
            let mut row = vec![
                m.name.clone(),
                fixed(m.out_of_10, 2),
                fixed(m.percent, 1),
                pass_word(m.passed).to_owned(),
                minutes_seconds(m.taken_ms),
                local_time(m.submitted_ms - m.taken_ms, offset_minutes),
                local_time(m.submitted_ms, offset_minutes),
            ];
            row.extend(m.credits.iter().map(|c| fixed(c.value(), 2)));
            push_row(&mut out, &row);
        }
        out
    }
}

/// “Đạt” or “Chưa đạt”, as the member's result says it.
pub fn pass_word(passed: bool) -> &'static str {
    if passed { "Đạt" } else { "Chưa đạt" }
}

/// A duration as `12 phút 05 giây`.
pub fn minutes_seconds(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0).round() as u64;
    format!("{} phút {:02} giây", s / 60, s % 60)
}

/// A moment as `dd/mm/yyyy hh:mm`, `offset_minutes` east of UTC.
pub fn local_time(ms: f64, offset_minutes: i64) -> String {
    use chrono::{Datelike, Timelike};
    let at = ms as i64 + offset_minutes * 60_000;
    chrono::DateTime::from_timestamp_millis(at).map_or_else(String::new, |t| {
        format!("{:02}/{:02}/{} {:02}:{:02}", t.day(), t.month(), t.year(), t.hour(), t.minute())
    })
}

fn push_row(out: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            // A leading = + - @ would be read as a formula by spreadsheet programs.
            let c = if c.starts_with(['=', '+', '-', '@']) { format!("'{c}") } else { c.clone() };
            if c.contains([',', '"', '\n', '\r']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// Pearson's correlation; `None` when either side does not vary.
fn correlation(x: &[f64], y: &[f64]) -> Option<f64> {
    let (mx, my) = (mean(x.iter().copied()), mean(y.iter().copied()));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 1e-12 && syy > 1e-12).then(|| sxy / (sxx * syy).sqrt())
}

/// What the members answered to a question of `kind` shown in `order`.
fn choices(kind: &QuestionKind, order: &[usize], answers: &[Option<&Response>]) -> Vec<Choice> {
    match kind {
        QuestionKind::Single { options, correct } | QuestionKind::Multiple { options, correct } => {
            let right = correct.indices();
            let shown: Vec<usize> =
                if order.len() == options.len() { order.to_vec() } else { (0..options.len()).collect() };
            shown
                .iter()
                .enumerate()
                .map(|(k, &i)| Choice {
                    label: format!("{}. {}", index_letter(k), options[i]),
                    count: answers.iter().filter(|a| matches!(a, Some(Response::Choice(p)) if p.contains(&i))).count(),
                    right: right.contains(&i),
                })
                .collect()
        }
        QuestionKind::TrueFalse { answer } => [true, false]
            .map(|v| Choice {
                label: verdict(v).to_owned(),
                count: answers.iter().filter(|a| matches!(a, Some(Response::TrueFalse(b)) if *b == v)).count(),
                right: v == *answer,
            })
            .to_vec(),
        QuestionKind::FillBlank { strict_diacritics, .. } => {
            let mut typed: Vec<(String, Choice)> = Vec::new();
            for a in answers.iter().flatten() {
                let Response::Text(t) = a else { continue };
                let key = answer_key(t, *strict_diacritics);
                match typed.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, c)) => c.count += 1,
                    None => typed
                        .push((key, Choice { label: t.trim().to_owned(), count: 1, right: score(kind, a).is_full() })),
                }
            }
            let mut list: Vec<Choice> = typed.into_iter().map(|(_, c)| c).collect();
            list.sort_by_key(|c| std::cmp::Reverse(c.count));
            list
        }
        QuestionKind::Ordering { .. } | QuestionKind::Matching { .. } => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::Filter;
    use crate::model::Bank;

    fn question(id: &str, fields: &str) -> String {
        format!(
            r#"{{ "id": "{id}", "prompt": "Câu {id}", {fields}, "explanation": "", "tags": [], "difficulty": 1,
                "source": {{ "material": "m", "quote": "" }} }}"#
        )
    }

    /// One single-choice question (options kept in order) and three true/false claims.
    fn bank() -> Bank {
        let questions = [
            question(
                "q1",
                r#""type": "single", "options": ["Bộ Chính trị", "Ban Bí thư", "Quốc hội"], "correct": "A", "shuffle": false"#,
            ),
            question("t1", r#""type": "true_false", "answer": true"#),
            question("t2", r#""type": "true_false", "answer": true"#),
            question("t3", r#""type": "true_false", "answer": true"#),
        ];
        let text = format!(
            r#"{{ "format": 1, "id": "nhom", "title": "Nhóm", "description": "", "version": 1, "questions": [{}] }}"#,
            questions.join(",")
        );
        serde_json::from_str(&text).unwrap()
    }

    fn spec(seed: u64) -> ExamSpec {
        ExamSpec {
            count: 4,
            minutes: 15,
            filter: Filter { banks: vec!["nhom".into()], tags: vec![] },
            ..ExamSpec::with_seed(seed)
        }
    }

    /// The code of a member who answered `by_id` (question id → answer), 5 minutes in.
    fn code(lib: &Library, seed: u64, name: &str, by_id: &[(&str, Response)]) -> String {
        let mut exam = Exam::start(lib, spec(seed), 1_764_000_000_000.0);
        for i in 0..exam.items.len() {
            let id = exam.items[i].question.question.to_string();
            let answer = by_id.iter().find(|(q, _)| *q == id).map(|(_, r)| r.clone());
            exam.respond(i, answer);
        }
        exam.submit(1_764_000_300_000.0);
        ResultCode::of_exam(lib, &exam, name).encode()
    }

    fn four_members(lib: &Library) -> Vec<String> {
        use Response::{Choice as C, TrueFalse as T};
        vec![
            code(lib, 9, "An", &[("q1", C(vec![0])), ("t1", T(true)), ("t2", T(true)), ("t3", T(true))]),
            code(lib, 9, "Bình", &[("q1", C(vec![0])), ("t1", T(true)), ("t2", T(true)), ("t3", T(false))]),
            code(lib, 9, "Chi", &[("q1", C(vec![1])), ("t1", T(true)), ("t2", T(false)), ("t3", T(false))]),
            code(lib, 9, "Dũng", &[("q1", C(vec![1])), ("t1", T(false)), ("t2", T(false))]),
        ]
    }

    fn by_id<'a>(stats: &'a [ItemStats], id: &str) -> &'a ItemStats {
        stats.iter().find(|s| s.question.question.as_str() == id).unwrap()
    }

    #[test]
    fn scores_and_item_statistics_match_a_hand_computed_group() {
        let lib = Library::new(vec![bank()], vec![]);
        let group = collect(&lib, &four_members(&lib));
        assert!(group.set_aside.is_empty(), "{:?}", group.set_aside);
        let scores: Vec<(&str, f64, bool)> =
            group.members.iter().map(|m| (m.name.as_str(), m.out_of_10, m.passed)).collect();
        assert_eq!(scores, [("An", 10.0, true), ("Bình", 7.5, true), ("Chi", 2.5, false), ("Dũng", 0.0, false)]);
        assert_eq!((group.mean_out_of_10(), group.passed(), group.mean_taken_ms()), (5.0, 2, 300_000.0));
        let stats = group.item_stats(&lib);
        // Facility: the share right. Discrimination: Pearson's r between the question and the
        // rest of the exam, worked out by hand: q1 2/√5, t1 and t3 5/9, t2 (An, Bình right) …
        let q1 = by_id(&stats, "q1");
        assert_eq!((q1.facility, q1.right, q1.wrong, q1.unanswered), (0.5, 2, 2, 0));
        assert!((q1.discrimination.unwrap() - 2.0 / 5f64.sqrt()).abs() < 1e-9);
        let t1 = by_id(&stats, "t1");
        assert_eq!(t1.facility, 0.75);
        assert!((t1.discrimination.unwrap() - 5.0 / 9.0).abs() < 1e-9);
        let t3 = by_id(&stats, "t3");
        assert_eq!((t3.facility, t3.right, t3.wrong, t3.unanswered), (0.25, 1, 2, 1));
        assert!((t3.discrimination.unwrap() - 5.0 / 9.0).abs() < 1e-9);
        // The distractor: both wrong answers to q1 chose B.
        assert_eq!(
            q1.choices.iter().map(|c| (c.label.as_str(), c.count, c.right)).collect::<Vec<_>>(),
            [("A. Bộ Chính trị", 2, true), ("B. Ban Bí thư", 2, false), ("C. Quốc hội", 0, false)]
        );
        assert_eq!(q1.distractor().map(|c| c.label.as_str()), Some("B. Ban Bí thư"));
        assert_eq!(t3.distractor().map(|c| (c.label.as_str(), c.count)), Some(("Sai", 2)));
        // Only t3 was missed by more than half.
        let revise: Vec<&str> = group.to_revise(&stats).iter().map(|s| s.question.question.as_str()).collect();
        assert_eq!(revise, ["t3"]);
    }

    #[test]
    fn discrimination_is_undefined_when_nobody_differs() {
        let lib = Library::new(vec![bank()], vec![]);
        let group = collect(&lib, &four_members(&lib)[..1]);
        assert!(group.item_stats(&lib).iter().all(|s| s.discrimination.is_none()));
        assert_eq!(collect::<&str>(&lib, &[]), GroupResults::default());
    }

    #[test]
    fn repeats_merge_and_other_codes_are_set_aside_with_their_reason() {
        let lib = Library::new(vec![bank()], vec![]);
        let codes = four_members(&lib);
        let other_seed = code(&lib, 10, "Em", &[]);
        let mut damaged = codes[1].clone();
        let last = damaged.pop().unwrap();
        damaged.push(if last == '0' { '1' } else { '0' });
        let mut edited = bank();
        edited.questions[0].prompt.push_str(" (đã sửa)");
        let edited_lib = Library::new(vec![edited], vec![]);
        let before_edit = code(&edited_lib, 9, "Giang", &[]);
        let pasted = [&codes[0], &codes[0].to_lowercase(), &other_seed, &damaged, &before_edit, &codes[1]];
        let group = collect(&lib, &pasted);
        assert_eq!(group.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["An", "Bình"]);
        assert_eq!(group.merged, 1);
        let reasons: Vec<(Option<&str>, &Reason)> =
            group.set_aside.iter().map(|s| (s.name.as_deref(), &s.reason)).collect();
        assert_eq!(
            reasons,
            [
                (Some("Em"), &Reason::OtherExam),
                (None, &Reason::Unreadable(CodeError::Damaged)),
                (Some("Giang"), &Reason::ChangedBank)
            ]
        );
        let elsewhere = collect(&Library::new(vec![], vec![]), &codes[..1]);
        assert_eq!(elsewhere.set_aside[0].reason, Reason::MissingBank("nhom".into()));
        assert!(Reason::MissingBank("nhom".into()).message().contains("“nhom”"));
    }

    #[test]
    fn pasted_codes_are_kept_once_each() {
        let lib = Library::new(vec![bank()], vec![]);
        let codes = four_members(&lib);
        let chat = format!("An: {}\nBình: {}\nAn gửi lại: {}", codes[0], codes[1], codes[0].to_lowercase());
        let (kept, found) = add_codes(&[], &chat);
        assert_eq!((kept.len(), found), (2, 3));
        let (kept, found) = add_codes(&kept, &format!("{}\n{}", codes[1], codes[2]));
        assert_eq!((kept.len(), found), (3, 2), "pasting the same chat again adds nothing");
        assert_eq!(kept_codes(&kept.join("\n")), kept);
        assert_eq!(describe(&spec(9), &lib), "Đề 4 câu, 15 phút, đạt từ 50%, mã đề 9 — Nhóm");
    }

    #[test]
    fn sorting_and_csv() {
        let lib = Library::new(vec![bank()], vec![]);
        let group = collect(&lib, &four_members(&lib));
        let names = |list: Vec<&Member>| list.iter().map(|m| m.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(group.sorted(SortBy::Score, false)), ["Dũng", "Chi", "Bình", "An"]);
        assert_eq!(names(group.sorted(SortBy::Name, true)), ["Dũng", "Chi", "Bình", "An"]);
        assert_eq!(
            names(group.sorted(SortBy::Taken, true)),
            ["An", "Bình", "Chi", "Dũng"],
            "equal times keep their order"
        );
        let csv = group.csv(7 * 60);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines[0],
            "Họ tên,Điểm (thang 10),Tỉ lệ đúng (%),Kết quả,Thời gian làm bài,Bắt đầu,Nộp bài,Câu 1,Câu 2,Câu 3,Câu 4"
        );
        // 1 764 000 000 s is 2025-11-24 16:00 UTC, 23:00 in Việt Nam.
        assert!(
            lines[2].starts_with("Bình,7.5,75,Đạt,5 phút 00 giây,24/11/2025 23:00,24/11/2025 23:05,"),
            "{}",
            lines[2]
        );
        assert_eq!(lines.len(), 5);
        let mut formula = String::new();
        push_row(&mut formula, &["=1+1".into(), "a,\"b\"".into()]);
        assert_eq!(formula, "'=1+1,\"a,\"\"b\"\"\"\r\n");
    }
}
