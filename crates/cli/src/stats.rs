//! `ontap stats`: what the banks hold, counted by type, tag, difficulty and material, with the
//! questions whose explanation or quote is too thin. A file with errors is named and skipped.

use crate::Fatal;
use crate::check::MATERIALS_FILE;
use crate::disk::Folder;
use ontap_core::check::{
    CATALOGUE_FILE, Diagnostic, FileSource, References, Severity, TYPES, check_bank, check_folder,
};
use ontap_core::counts::{Counts, SHORT_EXPLANATION_WORDS, SHORT_QUOTE_WORDS};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One bank's counts, or why it was skipped.
struct Counted {
    file: String,
    counts: Result<Counts, usize>,
    /// Things still to fill in (an unfinished import, counted all the same).
    unfinished: usize,
}

pub fn run(mut args: lexopt::Parser) -> Result<ExitCode, Fatal> {
    use lexopt::prelude::*;
    let mut as_json = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Long("format") => as_json = crate::as_json(&args.value()?.string()?)?,
            Value(path) => paths.push(path.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if paths.is_empty() {
        return Err(crate::needs_path("stats"));
    }
    let mut banks = Vec::new();
    for path in &paths {
        banks.extend(count_path(path)?);
    }
    let mut total = Counts::default();
    for b in &banks {
        if let Ok(c) = &b.counts {
            total.add(&prefixed(c, &b.file));
        }
    }
    if as_json {
        println!("{}", json(&banks, &total));
    } else {
        print!("{}", human(&banks, &total));
    }
    Ok(if banks.iter().any(|b| b.counts.is_err()) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn count_path(path: &Path) -> Result<Vec<Counted>, Fatal> {
    let shown = path.display().to_string();
    if path.is_dir() && path.join(CATALOGUE_FILE).is_file() {
        let prefix = format!("{}/", shown.trim_end_matches('/'));
        let report = check_folder(&Folder(path.to_owned()), &prefix, None);
        let mut out = Vec::new();
        if report.catalogue.is_none() {
            out.push(Counted {
                file: format!("{prefix}{CATALOGUE_FILE}"),
                counts: Err(errors(&report.diagnostics)),
                unfinished: 0,
            });
        }
        for b in report.banks {
            let counts = b.bank.as_ref().map(Counts::of).ok_or_else(|| errors(&b.diagnostics));
            out.push(Counted { file: format!("{prefix}{}", b.file), counts, unfinished: 0 });
        }
        return Ok(out);
    }
    if path.is_dir() {
        let names = Folder(path.to_owned()).list().unwrap_or_default();
        let banks = names.iter().filter(|n| *n != MATERIALS_FILE && *n != CATALOGUE_FILE);
        return Ok(banks.map(|n| single_file(&path.join(n))).collect());
    }
    if !path.is_file() {
        return Err(crate::no_such_path(path));
    }
    if path.file_name().is_some_and(|n| n == CATALOGUE_FILE) {
        return count_path(path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")));
    }
    Ok(vec![single_file(path)])
}

fn single_file(path: &Path) -> Counted {
    let file = path.display().to_string();
    let mut unfinished = 0;
    let counts = match std::fs::read(path) {
        Ok(bytes) => {
            let checked = check_bank(&bytes, &file, &References::default());
            match (&checked.value, crate::check::unfinished_bank(&bytes, &checked.diagnostics)) {
                (Some(bank), _) => Ok(Counts::of(bank)),
                (None, Some(bank)) => {
                    unfinished = errors(&checked.diagnostics);
                    Ok(Counts::of(&bank))
                }
                (None, None) => Err(errors(&checked.diagnostics)),
            }
        }
        Err(_) => Err(1),
    };
    Counted { file, counts, unfinished }
}

/// How many errors (at least one: a file that could not be used had one).
fn errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.severity() == Severity::Error).count().max(1)
}

/// `c` with each flagged id written `file#id`, so totals over banks stay unambiguous.
fn prefixed(c: &Counts, file: &str) -> Counts {
    let name = Path::new(file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tag = |ids: &Vec<String>| ids.iter().map(|id| format!("{name}#{id}")).collect();
    Counts { short_explanation: tag(&c.short_explanation), short_source: tag(&c.short_source), ..c.clone() }
}

/// The Vietnamese name of a question type.
fn type_label(ty: &str) -> String {
    let vi = match ty {
        "single" => "một đáp án",
        "multiple" => "nhiều đáp án",
        "true_false" => "đúng/sai",
        "fill_blank" => "điền vào chỗ trống",
        "ordering" => "sắp xếp thứ tự",
        "matching" => "nối cặp",
        _ => "",
    };
    format!("{vi} ({ty})")
}

fn difficulty_label(level: u8) -> String {
    let vi = match level {
        1 => "dễ",
        2 => "trung bình",
        _ => "khó",
    };
    format!("{level} — {vi}")
}

/// A titled block (after a blank line unless first) of rows `label  count  share%`, the labels padded to one width and the numbers right-aligned.
fn table(out: &mut String, title: &str, rows: &[(String, usize)], whole: usize) {
    if !out.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{title}");
    let width = rows.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
    let digits = rows.iter().map(|(_, n)| n.to_string().len()).max().unwrap_or(1);
    for (label, n) in rows {
        let pad = " ".repeat(width - label.chars().count());
        let share = (n * 100 + whole / 2).checked_div(whole).unwrap_or(0);
        let _ = writeln!(out, "  {label}{pad}  {n:>digits$}  {share:>3}%");
    }
}

/// The human report: the banks, then every breakdown over all of them.
fn human(banks: &[Counted], total: &Counts) -> String {
    let mut out = String::new();
    let label = |b: &Counted| match b.unfinished {
        0 => b.file.clone(),
        n => format!("{} (chưa xong: {n} chỗ còn trống, xem `ontap check`)", b.file),
    };
    let rows: Vec<(String, usize)> =
        banks.iter().filter_map(|b| b.counts.as_ref().ok().map(|c| (label(b), c.questions))).collect();
    let heading = format!("Ngân hàng: {} tệp, {} câu hỏi", total.banks, total.questions);
    table(&mut out, &heading, &rows, total.questions);
    for b in banks {
        if let Err(errors) = b.counts {
            let _ = writeln!(out, "  {}: có {errors} lỗi, bỏ qua (xem `ontap check {}`)", b.file, b.file);
        }
    }
    // Types in the format's order, then any other; the rest by count, most first.
    let mut by_type: Vec<(String, usize)> = total.by_type.iter().map(|(t, n)| (t.clone(), *n)).collect();
    let rank = |t: &str| TYPES.iter().position(|o| *o == t).unwrap_or(TYPES.len());
    by_type.sort_by_key(|(t, _)| rank(t));
    let by_type: Vec<_> = by_type.into_iter().map(|(t, n)| (type_label(&t), n)).collect();
    table(&mut out, "Theo loại câu hỏi", &by_type, total.questions);
    let by_difficulty: Vec<_> = total.by_difficulty.iter().map(|(d, n)| (difficulty_label(*d), *n)).collect();
    table(&mut out, "Theo độ khó", &by_difficulty, total.questions);
    table(&mut out, "Theo tài liệu nguồn", &most_first(&total.by_material), total.questions);
    table(&mut out, "Theo nhãn (một câu có thể mang nhiều nhãn)", &most_first(&total.by_tag), total.questions);
    let _ = writeln!(out, "\nCần xem lại");
    flagged(&mut out, &format!("giải thích dưới {SHORT_EXPLANATION_WORDS} từ"), &total.short_explanation);
    flagged(&mut out, &format!("trích dẫn dưới {SHORT_QUOTE_WORDS} từ"), &total.short_source);
    out
}

fn most_first(counts: &std::collections::BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut rows: Vec<(String, usize)> = counts.iter().map(|(k, n)| (k.clone(), *n)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

fn flagged(out: &mut String, what: &str, ids: &[String]) {
    if ids.is_empty() {
        let _ = writeln!(out, "  {what}: không có");
    } else {
        let _ = writeln!(out, "  {what}: {} câu — {}", ids.len(), ids.join(", "));
    }
}

/// The JSON report: `{ "banks": [{ "file", "counts" | "errors" }], "total": counts }`.
fn json(banks: &[Counted], total: &Counts) -> String {
    let banks: Vec<_> = banks
        .iter()
        .map(|b| match &b.counts {
            Ok(c) if b.unfinished > 0 => {
                serde_json::json!({ "file": b.file, "counts": c, "unfinished": b.unfinished })
            }
            Ok(c) => serde_json::json!({ "file": b.file, "counts": c }),
            Err(errors) => serde_json::json!({ "file": b.file, "errors": errors }),
        })
        .collect();
    let value = serde_json::json!({ "banks": banks, "total": total });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
