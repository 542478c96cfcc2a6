//! `ontap import`: reads a Word-style text, CSV or GIFT file, writes the bank, reports every
//! line not understood, then runs the checker over the bank and prints what is still missing.

use crate::Fatal;
use crate::check::{FileResult, MATERIALS_FILE, bank_bytes};
use crate::disk::Folder;
use crate::render::human;
use ontap_core::check::{FileSource, Lang, decode_text, has_errors};
use ontap_core::ids::is_valid_id;
use ontap_core::locate::line_text;
use ontap_import::{self as import, Format, Note, Options, slug};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// How the bank is named in the checker's report when it goes to standard output.
const STDOUT_NAME: &str = "(đầu ra)";

struct Args {
    input: PathBuf,
    format: Option<Format>,
    id: Option<String>,
    title: Option<String>,
    description: Option<String>,
    material: Option<String>,
    output: Option<PathBuf>,
    force: bool,
    materials: Option<PathBuf>,
}

fn parse_args(mut args: lexopt::Parser) -> Result<Args, Fatal> {
    use lexopt::prelude::*;
    let mut a = Args {
        input: PathBuf::new(),
        format: None,
        id: None,
        title: None,
        description: None,
        material: None,
        output: None,
        force: false,
        materials: None,
    };
    let mut input = None;
    while let Some(arg) = args.next()? {
        match arg {
            Long("format") => {
                let name = args.value()?.string()?;
                a.format = Some(
                    Format::from_name(&name)
                        .ok_or_else(|| Fatal(format!("--format takes word, csv or gift, not {name:?}")))?,
                );
            }
            Long("id") => a.id = Some(id_value("--id", args.value()?.string()?)?),
            Long("title") => a.title = Some(args.value()?.string()?),
            Long("description") => a.description = Some(args.value()?.string()?),
            Long("material") => a.material = Some(id_value("--material", args.value()?.string()?)?),
            Short('o') | Long("output") => a.output = Some(args.value()?.into()),
            Long("force") => a.force = true,
            Long("materials") => a.materials = Some(args.value()?.into()),
            Value(path) if input.is_none() => input = Some(PathBuf::from(path)),
            _ => return Err(arg.unexpected().into()),
        }
    }
    a.input = input.ok_or_else(|| Fatal("import needs an INPUT file (.txt, .csv or .gift)".into()))?;
    Ok(a)
}

fn id_value(flag: &str, value: String) -> Result<String, Fatal> {
    if is_valid_id(&value) {
        Ok(value)
    } else {
        Err(Fatal(format!("{flag} {value:?}: use lowercase ASCII letters, digits and hyphens, e.g. nq35-on-tap")))
    }
}

pub fn run(args: lexopt::Parser) -> Result<ExitCode, Fatal> {
    let a = parse_args(args)?;
    let shown = a.input.display().to_string();
    let format = match a.format {
        Some(f) => f,
        None => {
            let ext = a.input.extension().and_then(|e| e.to_str()).unwrap_or_default();
            Format::from_extension(ext).ok_or_else(|| Fatal(unknown_extension(&shown, ext)))?
        }
    };
    if let Some(dir) = a.materials.as_ref().filter(|d| !d.is_dir()) {
        return Err(Fatal(format!("--materials {}: not a folder", dir.display())));
    }
    if let Some(out) = a.output.as_ref().filter(|o| o.exists()) {
        // A bank the trainer has been completing by hand must not be lost to a re-import.
        let same = std::fs::canonicalize(out).ok() == std::fs::canonicalize(&a.input).ok();
        if same || !a.force {
            let hint = if same { "it is the input file" } else { "add --force to replace it" };
            return Err(Fatal(format!("{}: already exists; {hint}", out.display())));
        }
    }
    let bytes = std::fs::read(&a.input).map_err(|e| Fatal(format!("{shown}: {e}")))?;
    let text = match decode_text(&bytes, &shown) {
        Ok(text) => text,
        Err(d) => {
            let text = Some(String::from_utf8_lossy(&bytes).into_owned());
            eprint!("{}", human(&[FileResult { shown, text, diagnostics: vec![d] }], Lang::Vi));
            return Ok(ExitCode::from(2));
        }
    };
    let stem = a.input.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let options = Options {
        bank_id: a.id.unwrap_or_else(|| slug(&stem)),
        title: a.title,
        description: a.description,
        material: a.material,
    };
    let imported = import::import(format, text, &options);
    let json = import::write(&imported.bank);

    let (name, beside) = match &a.output {
        Some(out) => {
            std::fs::write(out, &json).map_err(|e| Fatal(format!("{}: {e}", out.display())))?;
            (out.display().to_string(), out.with_file_name(MATERIALS_FILE))
        }
        None => {
            print!("{json}");
            (STDOUT_NAME.to_owned(), a.input.with_file_name(MATERIALS_FILE))
        }
    };
    let texts = a.materials.map(Folder);
    let checked = bank_bytes(json.as_bytes(), name, &beside, texts.as_ref().map(|f| f as &dyn FileSource));
    let mut report = notes(&shown, text, &imported.notes);
    let _ =
        writeln!(report, "Đã nhập {} câu hỏi từ {shown}. Kiểm tra ngân hàng vừa tạo:", imported.bank.questions.len());
    report.push_str(&human(std::slice::from_ref(&checked), Lang::Vi));
    eprint!("{report}");
    let failed = imported.notes.iter().any(|n| !n.warning) || has_errors(&checked.diagnostics);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn unknown_extension(shown: &str, ext: &str) -> String {
    let hint = match ext.to_ascii_lowercase().as_str() {
        "docx" | "doc" | "odt" | "rtf" => "in Word, save it as Plain Text (.txt, encoding Unicode UTF-8) first",
        "xlsx" | "xls" | "ods" => "in Excel, save it as CSV UTF-8 (.csv) first",
        _ => "name the format with --format word|csv|gift",
    };
    format!("{shown}: cannot tell the format from the name; {hint}")
}

/// The importer's notes: `file:line: lỗi: …` with the input line shown under it.
fn notes(shown: &str, text: &str, notes: &[Note]) -> String {
    let mut out = String::new();
    for n in notes {
        let word = if n.warning { "cảnh báo" } else { "lỗi" };
        if n.line == 0 {
            let _ = writeln!(out, "{shown}: {word}: {}", n.message);
            continue;
        }
        let _ = writeln!(out, "{shown}:{}: {word}: {}", n.line, n.message);
        let line = line_text(text, u32::try_from(n.line).unwrap_or(u32::MAX));
        let shown_line: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let _ = writeln!(out, "{:>5} | {}", n.line, shown_line.trim_end());
    }
    out
}
