//! `ontap`: the trainers' command-line tool.
//!
//! Exit codes: 0 clean (warnings allowed), 1 problems found, 2 could not run.

mod check;
mod convert;
mod disk;
mod fmt;
mod render;
mod schema;
mod stats;

use ontap_core::check::Lang;
use std::process::ExitCode;

const USAGE: &str = "\
ontap — công cụ cho báo cáo viên / trainers' tool

Usage:
  ontap check [--materials DIR] [--format human|json] [--lang vi|en] PATH...
      Check bank files or questions folders (a folder with catalogue.json is checked whole).
      --materials DIR   the folder of material texts: every source quote is checked against it
  ontap fmt [--check] PATH...
      Rewrite bank files (and materials.json, catalogue.json) in the canonical layout, in NFC,
      without changing their meaning. A file with errors is left alone and its errors shown.
      --check   change nothing: list the files that would change and exit 1 if any would
  ontap stats [--format human|json] PATH...
      Count questions by type, difficulty, source material and tag, and list the questions whose
      explanation or quote is too short. Files with errors are named and skipped (exit 1),
      except an unfinished import (only empty fields), counted and marked as such.
  ontap schema --write DIR | --check DIR
      Write the JSON Schemas generated from the format's types, or fail if DIR's copies differ.
  ontap import [--format word|csv|gift|docx|xlsx] [--id BANK_ID] [--title TITLE] [--description TEXT]
               [--material MATERIAL_ID] [--materials DIR] [--lang vi|en] [-o OUT.json [--force]] INPUT
      Turn a Word file (.docx), an Excel workbook (.xlsx), Word-style text, a CSV or
      tab-separated table or Moodle GIFT into a bank (to stdout without -o). The format is
      recognised from the content; the encoding too (UTF-8, UTF-16, Windows-1258; TCVN3 and VNI
      lines are converted, with a warning). Every line not understood is reported with its line
      number, then the bank is checked and what is still missing (answers, explanations,
      quotes, materials) is listed once. stats and fmt also take such an unfinished bank.
      --format NAME     read as this format whatever the content looks like
      --material ID     the material cited by questions that do not name one
      --materials DIR   the folder of material texts, to check the quotes
      --force           replace OUT.json if it exists (it is never replaced otherwise)

Exit codes: 0 clean (warnings allowed), 1 problems found, 2 could not run.";

/// Why the tool could not run (exit code 2).
pub struct Fatal(pub String);

/// The language of messages that stop the tool: Vietnamese unless `--lang en` was given.
static FATAL_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

impl Fatal {
    /// The message in the language asked for (`--lang en`), Vietnamese by default.
    pub fn say(vi: impl Into<String>, en: impl Into<String>) -> Fatal {
        Fatal(if FATAL_LANG.get() == Some(&Lang::En) { en.into() } else { vi.into() })
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            eprintln!("ontap: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Fatal> {
    let mut args = std::env::args_os().skip(1);
    let Some(command) = args.next() else {
        eprintln!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let rest: Vec<_> = args.collect();
    let english = rest.windows(2).any(|w| w[0] == "--lang" && w[1] == "en");
    let _ = FATAL_LANG.set(if english { Lang::En } else { Lang::Vi });
    match command.to_str() {
        Some("check") => check::run(lexopt::Parser::from_args(rest)),
        Some("fmt") => fmt::run(lexopt::Parser::from_args(rest)),
        Some("stats") => stats::run(lexopt::Parser::from_args(rest)),
        Some("schema") => schema::run(lexopt::Parser::from_args(rest)),
        Some("import") => convert::run(lexopt::Parser::from_args(rest)),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(Fatal::say(
            format!("không có lệnh {command:?}\n\n{USAGE}"),
            format!("unknown command {command:?}\n\n{USAGE}"),
        )),
    }
}

/// Reads `--lang vi|en`.
pub fn parse_lang(value: &str) -> Result<Lang, Fatal> {
    match value {
        "vi" => Ok(Lang::Vi),
        "en" => Ok(Lang::En),
        other => Err(Fatal::say(
            format!("--lang nhận vi hoặc en, không nhận {other:?}"),
            format!("--lang takes vi or en, not {other:?}"),
        )),
    }
}

impl From<lexopt::Error> for Fatal {
    fn from(e: lexopt::Error) -> Self {
        use lexopt::Error::*;
        let vi = match &e {
            MissingValue { option: Some(o) } => format!("{o} cần một giá trị"),
            UnexpectedOption(o) => format!("không có tùy chọn '{o}'"),
            UnexpectedArgument(a) => format!("thừa đối số {a:?}"),
            UnexpectedValue { option, .. } => format!("{option} không nhận giá trị"),
            _ => e.to_string(),
        };
        Fatal::say(vi, e.to_string())
    }
}

/// `--format human|json` for check and stats.
pub fn as_json(value: &str) -> Result<bool, Fatal> {
    match value {
        "human" => Ok(false),
        "json" => Ok(true),
        other => Err(Fatal::say(
            format!("--format nhận human hoặc json, không nhận {other:?}"),
            format!("--format takes human or json, not {other:?}"),
        )),
    }
}

/// A path that does not exist.
pub fn no_such_path(path: &std::path::Path) -> Fatal {
    let p = path.display();
    Fatal::say(format!("{p}: không có tệp hay thư mục này"), format!("{p}: no such file or folder"))
}

/// A command given no path.
pub fn needs_path(command: &str) -> Fatal {
    Fatal::say(
        format!("{command} cần ít nhất một ĐƯỜNG DẪN (tệp ngân hàng hoặc thư mục câu hỏi)"),
        format!("{command} needs at least one PATH (a bank file or a questions folder)"),
    )
}
