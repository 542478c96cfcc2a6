//! Prints diagnostics: `file:line:col: error[code]: message` with the offending line shown,
//! or as JSON for tools.

use crate::check::FileResult;
use ontap_core::check::{Lang, Severity};
use ontap_core::locate::{excerpt, line_text};
use std::fmt::Write;

/// Lines longer than this are cut around the column shown.
const LINE_WIDTH: usize = 100;

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The human report: every diagnostic, then one summary line.
pub fn human(results: &[FileResult], lang: Lang) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings) = (0, 0);
    for r in results {
        for d in &r.diagnostics {
            match d.severity() {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
            let place = if d.line > 0 { format!("{}:{}:{}", d.file, d.line, d.column) } else { d.file.clone() };
            let _ = writeln!(out, "{place}: {}[{}]: {}", severity_word(d.severity()), d.code(), d.message(lang));
            let context = match (&d.question, d.pointer.is_empty()) {
                (Some(q), false) => {
                    format!("{} {q} · {}", if lang == Lang::Vi { "câu hỏi" } else { "question" }, d.pointer)
                }
                (None, false) => d.pointer.clone(),
                (_, true) => String::new(),
            };
            if let (Some(text), true) = (&r.text, d.line > 0) {
                let (shown_line, caret_at) = excerpt(line_text(text, d.line), d.column as usize, LINE_WIDTH);
                let gutter = d.line.to_string().len();
                let _ = writeln!(out, "{:>gutter$} | {shown_line}", d.line);
                let caret = format!("{}^ {context}", " ".repeat(caret_at));
                let _ = writeln!(out, "{:>gutter$} | {}", "", caret.trim_end());
            } else if !context.is_empty() {
                let _ = writeln!(out, "  = {context}");
            }
        }
    }
    let files = results.len();
    let summary = match lang {
        Lang::Vi if errors + warnings == 0 => "Không có lỗi.".to_owned(),
        Lang::Vi => format!("Kết quả: {errors} lỗi, {warnings} cảnh báo trong {files} tệp."),
        Lang::En if errors + warnings == 0 => "No problems found.".to_owned(),
        Lang::En => {
            format!("Found {errors} error(s) and {warnings} warning(s) in {files} file(s).")
        }
    };
    let _ = writeln!(out, "{summary}");
    out
}

/// The JSON report: `{ "files", "errors", "warnings", "diagnostics": [...] }`.
pub fn json(results: &[FileResult], lang: Lang) -> String {
    let reports: Vec<_> = results.iter().flat_map(|r| r.diagnostics.iter().map(|d| d.report(lang))).collect();
    let errors = reports.iter().filter(|r| r.severity == Severity::Error).count();
    let value = serde_json::json!({
        "files": results.len(),
        "errors": errors,
        "warnings": reports.len() - errors,
        "diagnostics": reports,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
