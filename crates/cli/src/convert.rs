//! `ontap import`: reads and checks a file through `ontap_import::convert` (the trainers' page
//! calls the same), writes the bank, reports every line not understood, the checker's findings
//! and what is still missing.

use crate::check::{FileResult, MATERIALS_FILE, bank_checked};
use crate::disk::Folder;
use crate::render::human;
use crate::{Fatal, parse_lang};
use ontap_core::check::{FileSource, Lang};
use ontap_core::ids::is_valid_id;
use ontap_core::locate::line_text;
use ontap_import::{self as import, Format, FormatChoice, Note, Options, bank_id_for};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// How the bank is named in the checker's report when it goes to standard output.
const STDOUT_NAME: [&str; 2] = ["(đầu ra)", "(output)"];

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
    lang: Lang,
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
        lang: Lang::Vi,
    };
    let mut input = None;
    while let Some(arg) = args.next()? {
        match arg {
            Long("format") => {
                let name = args.value()?.string()?;
                a.format = Some(Format::from_name(&name).ok_or_else(|| {
                    Fatal(format!(
                        "--format nhận word, csv hoặc gift, không nhận {name:?} / --format takes word, csv or gift"
                    ))
                })?);
            }
            Long("id") => a.id = Some(id_value("--id", args.value()?.string()?)?),
            Long("title") => a.title = Some(args.value()?.string()?),
            Long("description") => a.description = Some(args.value()?.string()?),
            Long("material") => a.material = Some(id_value("--material", args.value()?.string()?)?),
            Short('o') | Long("output") => a.output = Some(args.value()?.into()),
            Long("force") => a.force = true,
            Long("materials") => a.materials = Some(args.value()?.into()),
            Long("lang") => a.lang = parse_lang(&args.value()?.string()?)?,
            Value(path) if input.is_none() => input = Some(PathBuf::from(path)),
            _ => return Err(arg.unexpected().into()),
        }
    }
    a.input = input.ok_or_else(|| {
        Fatal::say(
            "import cần một tệp để nhập (.docx, .xlsx, .txt, .csv, .gift)",
            "import needs an INPUT file (.docx, .xlsx, .txt, .csv, .gift)",
        )
    })?;
    Ok(a)
}

fn id_value(flag: &str, value: String) -> Result<String, Fatal> {
    if is_valid_id(&value) {
        Ok(value)
    } else {
        Err(Fatal::say(
            format!("{flag} {value:?}: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ nq35-on-tap"),
            format!("{flag} {value:?}: use lowercase ASCII letters, digits and hyphens, e.g. nq35-on-tap"),
        ))
    }
}

pub fn run(args: lexopt::Parser) -> Result<ExitCode, Fatal> {
    let a = parse_args(args)?;
    let shown = a.input.display().to_string();
    let lang = a.lang;
    let say = |vi: String, en: String| Fatal(if lang == Lang::En { en } else { vi });
    if let Some(dir) = a.materials.as_ref().filter(|d| !d.is_dir()) {
        let d = dir.display();
        return Err(say(format!("--materials {d}: không phải thư mục"), format!("--materials {d}: not a folder")));
    }
    if let Some(out) = a.output.as_ref().filter(|o| o.exists()) {
        // A bank the trainer has been completing by hand must not be lost to a re-import.
        let same = std::fs::canonicalize(out).ok() == std::fs::canonicalize(&a.input).ok();
        if same || !a.force {
            let o = out.display();
            return Err(if same {
                say(format!("{o}: đã có, và là chính tệp nhập"), format!("{o}: already exists; it is the input file"))
            } else {
                say(
                    format!("{o}: đã có; thêm --force để ghi đè"),
                    format!("{o}: already exists; add --force to replace it"),
                )
            });
        }
    }
    let bytes =
        std::fs::read(&a.input).map_err(|e| say(format!("{shown}: không đọc được: {e}"), format!("{shown}: {e}")))?;
    let options = Options {
        bank_id: a.id.unwrap_or_else(|| bank_id_for(&shown)),
        title: a.title,
        description: a.description,
        material: a.material,
        format_choice: FormatChoice::Flag,
    };
    let (name, beside) = match &a.output {
        Some(out) => (out.display().to_string(), out.with_file_name(MATERIALS_FILE)),
        None => (STDOUT_NAME[usize::from(lang == Lang::En)].to_owned(), a.input.with_file_name(MATERIALS_FILE)),
    };
    let texts = a.materials.map(Folder);
    let check = |json: &[u8]| bank_checked(json, &name, &beside, texts.as_ref().map(|f| f as &dyn FileSource));
    let converted = import::convert(&shown, &bytes, a.format, &options, check)
        .map_err(|f| Fatal(format!("{shown}: {}", f.message(lang))))?;
    match &a.output {
        Some(out) => std::fs::write(out, &converted.json).map_err(|e| {
            let o = out.display();
            say(format!("{o}: không ghi được: {e}"), format!("{o}: {e}"))
        })?,
        None => print!("{}", converted.json),
    }
    let mut report = notes(&shown, &converted.read.text, &converted.read.import.notes, lang);
    let _ = match lang {
        Lang::Vi => writeln!(report, "{} Kiểm tra ngân hàng vừa tạo:", converted.imported(&shown, lang)),
        Lang::En => writeln!(report, "{} Checking the new bank:", converted.imported(&shown, lang)),
    };
    // What is merely not filled in yet (explanations, quotes…) is one to-do list, not an error
    // per field; the checker's other findings are shown in full.
    let rest = FileResult { shown: name, text: Some(converted.json.clone()), diagnostics: converted.rest.clone() };
    let checked_report = human(std::slice::from_ref(&rest), lang);
    if converted.todo.is_empty() {
        report.push_str(&checked_report);
    } else {
        // The checker's own summary would say "no problems" above a list of gaps.
        let body = checked_report.trim_end_matches('\n');
        report.push_str(body.rsplit_once('\n').map_or("", |(head, _)| head));
        if !report.ends_with('\n') && !report.is_empty() {
            report.push('\n');
        }
        let _ = writeln!(report, "{}", converted.besides_todo(lang));
        report.push_str(&converted.todo.message(lang));
    }
    eprint!("{report}");
    Ok(if converted.failed() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The importer's notes: `file:line: lỗi: …` with the input line shown under it.
fn notes(shown: &str, text: &str, notes: &[Note], lang: Lang) -> String {
    let mut out = String::new();
    for n in notes {
        let word = match (n.warning, lang) {
            (true, Lang::Vi) => "cảnh báo",
            (false, Lang::Vi) => "lỗi",
            (true, Lang::En) => "warning",
            (false, Lang::En) => "error",
        };
        let message = n.text(lang);
        if n.line == 0 {
            let _ = writeln!(out, "{shown}: {word}: {message}");
            continue;
        }
        let _ = writeln!(out, "{shown}:{}: {word}: {message}", n.line);
        let line = line_text(text, u32::try_from(n.line).unwrap_or(u32::MAX));
        let shown_line: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let _ = writeln!(out, "{:>5} | {}", n.line, shown_line.trim_end());
    }
    out
}
