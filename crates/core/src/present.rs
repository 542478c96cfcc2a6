//! Answers as lines of text, in the order the member saw the question: what the feedback and
//! the exam review show ("B. Bộ Chính trị"). Letters follow display order, not file order.

use crate::model::{Material, Question, QuestionKind, index_letter};
use crate::score::{Credit, Response};

/// A number as Vietnamese writes it, with a decimal comma and no trailing zeros:
/// `decimal(7.5, 2)` → `7,5`, `decimal(6.0, 2)` → `6`, `decimal(5.333, 2)` → `5,33`.
pub fn decimal(x: f64, decimals: usize) -> String {
    fixed(x, decimals).replace('.', ",")
}

/// `x` rounded to `decimals` places, with a decimal point and no trailing zeros (`7.5`, `6`),
/// as spreadsheets read it. Integer arithmetic: Rust's float formatting would cost the
/// trainers' page kilobytes.
pub fn fixed(x: f64, decimals: usize) -> String {
    let scale = 10u64.pow(decimals as u32);
    let n = (x * scale as f64).round();
    let sign = if n < 0.0 { "-" } else { "" };
    let n = n.abs() as u64;
    let (whole, part) = (n / scale, n % scale);
    if part == 0 {
        return format!("{sign}{whole}");
    }
    let part = format!("{part:0decimals$}");
    format!("{sign}{whole}.{}", part.trim_end_matches('0'))
}

/// The UTC day of `ms` (since the Unix epoch) as `YYYY-MM-DD`, e.g. for a backup's file name.
pub fn iso_day(ms: i64) -> String {
    use chrono::Datelike;
    // Fields, not `format("%Y-%m-%d")`: chrono's strftime parser would cost the browser build 9 KB.
    chrono::DateTime::from_timestamp_millis(ms)
        .map_or_else(|| "1970-01-01".to_owned(), |t| format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day()))
}

/// The word for a true/false verdict.
pub fn verdict(answer: bool) -> &'static str {
    if answer { "Đúng" } else { "Sai" }
}

/// The verdict on an answer as one short sentence (also what screen readers announce).
pub fn credit_verdict(credit: Credit) -> String {
    if credit.is_full() {
        "✓ Chính xác!".to_owned()
    } else if credit.earned > 0 {
        format!("◐ Đúng một phần ({}/{}).", credit.earned, credit.out_of)
    } else {
        "✗ Chưa đúng.".to_owned()
    }
}

/// The source line: `Nguồn: <title>, <date> — “<quote>”` (the material's id when it is not
/// in the list).
pub fn source_line(question: &Question, material: Option<&Material>) -> String {
    match material {
        Some(m) => format!("Nguồn: {}, {} — “{}”", m.title, m.display_date(), question.source.quote),
        None => format!("Nguồn: {} — “{}”", question.source.material, question.source.quote),
    }
}

/// A fill-in prompt with its blank (three or more `_`) shown as a visible gap `……`; shorter
/// runs of `_` are kept as written.
pub fn blanked(prompt: &str) -> String {
    let mut out = String::new();
    let mut run = 0;
    for c in prompt.chars().chain(std::iter::once('\0')) {
        if c == '_' {
            run += 1;
            continue;
        }
        if run >= 3 {
            out.push_str("……");
        } else {
            out.extend(std::iter::repeat_n('_', run));
        }
        run = 0;
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

fn option_line(options: &[String], order: &[usize], file_index: usize) -> String {
    let shown = order.iter().position(|&i| i == file_index).unwrap_or(file_index);
    format!("{}. {}", index_letter(shown), options.get(file_index).map_or("", String::as_str))
}

/// The right answer, one line per part.
pub fn correct_lines(kind: &QuestionKind, order: &[usize]) -> Vec<String> {
    match kind {
        QuestionKind::Single { options, correct } | QuestionKind::Multiple { options, correct } => {
            let mut right = correct.indices();
            right.sort_by_key(|i| order.iter().position(|o| o == i).unwrap_or(*i));
            right.into_iter().map(|i| option_line(options, order, i)).collect()
        }
        QuestionKind::TrueFalse { answer } => vec![verdict(*answer).to_owned()],
        QuestionKind::FillBlank { accepted, .. } => vec![accepted.join(" / ")],
        QuestionKind::Ordering { items } => items.iter().enumerate().map(|(i, t)| format!("{}. {t}", i + 1)).collect(),
        QuestionKind::Matching { pairs } => pairs.iter().map(|p| format!("{} → {}", p.left, p.right)).collect(),
    }
}

/// The member's answer, one line per part; empty when there is none.
pub fn response_lines(kind: &QuestionKind, order: &[usize], response: Option<&Response>) -> Vec<String> {
    let Some(response) = response else { return Vec::new() };
    match (kind, response) {
        (QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. }, Response::Choice(picked)) => {
            let mut picked = picked.clone();
            picked.sort_by_key(|i| order.iter().position(|o| o == i).unwrap_or(*i));
            picked.into_iter().map(|i| option_line(options, order, i)).collect()
        }
        (QuestionKind::TrueFalse { .. }, Response::TrueFalse(b)) => vec![verdict(*b).to_owned()],
        (QuestionKind::FillBlank { .. }, Response::Text(t)) => vec![t.clone()],
        (QuestionKind::Ordering { items }, Response::Order(placed)) => placed
            .iter()
            .enumerate()
            .map(|(n, &i)| format!("{}. {}", n + 1, items.get(i).map_or("", String::as_str)))
            .collect(),
        (QuestionKind::Matching { pairs }, Response::Match(chosen)) => pairs
            .iter()
            .zip(chosen)
            .map(|(p, c)| {
                let right = c.and_then(|i| pairs.get(i)).map_or("(chưa nối)", |q| q.right.as_str());
                format!("{} → {right}", p.left)
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Letters, Pair};

    #[test]
    fn verdicts_and_gaps() {
        assert_eq!(credit_verdict(Credit::FULL), "✓ Chính xác!");
        assert_eq!(credit_verdict(Credit { earned: 2, out_of: 3 }), "◐ Đúng một phần (2/3).");
        assert_eq!(credit_verdict(Credit::NONE), "✗ Chưa đúng.");
        assert_eq!(blanked("Đại hội lần thứ ___ của Đảng"), "Đại hội lần thứ …… của Đảng");
        assert_eq!(blanked("a_b __ c_____"), "a_b __ c……", "only runs of three or more are blanks");
        assert_eq!(blanked("___"), "……");
    }

    #[test]
    fn the_source_names_the_material_or_its_id() {
        let q = crate::test_fixtures::sample_bank().questions[0].clone();
        let line = source_line(&q, None);
        assert_eq!(line, format!("Nguồn: {} — “{}”", q.source.material, q.source.quote));
        let m = Material {
            id: q.source.material.clone(),
            title: "Nghị quyết 35".into(),
            issuer: "Bộ Chính trị".into(),
            date: "2018-10-22".into(),
            note: None,
            text_file: "nq35.txt".into(),
        };
        let expected = format!("Nguồn: Nghị quyết 35, {} — “{}”", m.display_date(), q.source.quote);
        assert_eq!(source_line(&q, Some(&m)), expected);
    }

    #[test]
    fn days() {
        assert_eq!(iso_day(0), "1970-01-01");
        assert_eq!(iso_day(1_795_392_000_000), "2026-11-23");
        assert_eq!(iso_day(i64::MAX), "1970-01-01", "out of range falls back");
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(decimal(7.5, 2), "7,5");
        assert_eq!(decimal(6.0, 2), "6");
        assert_eq!(decimal(16.0 / 3.0, 2), "5,33");
        assert_eq!(decimal(12.5, 1), "12,5");
        assert_eq!(decimal(0.0, 1), "0");
        assert_eq!(decimal(-0.333, 2), "-0,33");
        assert_eq!(decimal(-0.001, 2), "0");
        assert_eq!(decimal(0.05, 2), "0,05");
        assert_eq!(fixed(74.96, 1), "75");
        assert_eq!(fixed(1.0 / 3.0, 2), "0.33");
    }

    #[test]
    fn letters_follow_display_order() {
        let q = QuestionKind::Single {
            options: vec!["Bộ Chính trị".into(), "Ban Bí thư".into(), "Quốc hội".into()],
            correct: Letters::One("A".into()),
        };
        // Shown as: A = Quốc hội, B = Bộ Chính trị, C = Ban Bí thư.
        let order = [2, 0, 1];
        assert_eq!(correct_lines(&q, &order), ["B. Bộ Chính trị"]);
        assert_eq!(response_lines(&q, &order, Some(&Response::Choice(vec![1]))), ["C. Ban Bí thư"]);
        assert!(response_lines(&q, &order, None).is_empty());
    }

    #[test]
    fn every_type_has_lines() {
        let tf = QuestionKind::TrueFalse { answer: false };
        assert_eq!(correct_lines(&tf, &[]), ["Sai"]);
        let fb = QuestionKind::FillBlank { accepted: vec!["06".into(), "6".into()], strict_diacritics: false };
        assert_eq!(correct_lines(&fb, &[]), ["06 / 6"]);
        let ord = QuestionKind::Ordering { items: vec!["a".into(), "b".into()] };
        assert_eq!(response_lines(&ord, &[1, 0], Some(&Response::Order(vec![1, 0]))), ["1. b", "2. a"]);
        let m = QuestionKind::Matching {
            pairs: vec![Pair { left: "x".into(), right: "1".into() }, Pair { left: "y".into(), right: "2".into() }],
        };
        assert_eq!(correct_lines(&m, &[1, 0]), ["x → 1", "y → 2"]);
        assert_eq!(
            response_lines(&m, &[1, 0], Some(&Response::Match(vec![Some(1), None]))),
            ["x → 2", "y → (chưa nối)"]
        );
    }
}
