//! `ontap check`: runs the core's checker over files and folders and prints every diagnostic.

use crate::disk::Folder;
use crate::render::{human, json};
use crate::{Fatal, parse_lang};
use ontap_core::check::{
    CATALOGUE_FILE, Diagnostic, FileSource, Lang, MaterialTexts, Problem, References, check_bank, check_folder,
    check_materials, has_errors,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The materials list's usual file name beside the banks.
pub const MATERIALS_FILE: &str = "materials.json";

/// One checked file's text (for showing offending lines) and its diagnostics.
pub struct FileResult {
    pub shown: String,
    pub text: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn run(mut args: lexopt::Parser) -> Result<ExitCode, Fatal> {
    use lexopt::prelude::*;
    let mut materials: Option<PathBuf> = None;
    let mut as_json = false;
    let mut lang = Lang::Vi;
    let mut paths: Vec<PathBuf> = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Long("materials") => materials = Some(args.value()?.into()),
            Long("format") => as_json = crate::as_json(&args.value()?.string()?)?,
            Long("lang") => lang = parse_lang(&args.value()?.string()?)?,
            Value(path) => paths.push(path.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if paths.is_empty() {
        return Err(crate::needs_path("check"));
    }
    if let Some(dir) = &materials
        && !dir.is_dir()
    {
        let d = dir.display();
        return Err(Fatal::say(
            format!("--materials {d}: không phải thư mục"),
            format!("--materials {d}: not a folder"),
        ));
    }
    let texts = materials.map(Folder);
    let mut results = Vec::new();
    for path in &paths {
        results.extend(check_path(path, texts.as_ref().map(|f| f as &dyn FileSource))?);
    }
    if as_json {
        println!("{}", json(&results, lang));
    } else {
        print!("{}", human(&results, lang));
    }
    let failed = results.iter().any(|r| has_errors(&r.diagnostics));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn check_path(path: &Path, texts: Option<&dyn FileSource>) -> Result<Vec<FileResult>, Fatal> {
    if path.is_dir() {
        if path.join(CATALOGUE_FILE).is_file() {
            return Ok(folder(path, texts));
        }
        let mut out = Vec::new();
        for name in Folder(path.to_owned()).list().unwrap_or_default() {
            out.push(single_file(&path.join(name), texts));
        }
        return Ok(out);
    }
    if !path.exists() {
        return Err(crate::no_such_path(path));
    }
    if path.file_name().is_some_and(|n| n == CATALOGUE_FILE) {
        return Ok(folder(path.parent().unwrap_or(Path::new(".")), texts));
    }
    Ok(vec![single_file(path, texts)])
}

fn folder(dir: &Path, texts: Option<&dyn FileSource>) -> Vec<FileResult> {
    let source = Folder(dir.to_owned());
    let prefix = if dir == Path::new(".") { String::new() } else { format!("{}/", shown(dir).trim_end_matches('/')) };
    let report = check_folder(&source, &prefix, texts);
    // Every file read counts as checked, with or without problems.
    let mut checked = vec![format!("{prefix}{CATALOGUE_FILE}")];
    if let Some(c) = &report.catalogue {
        checked.push(format!("{prefix}{}", c.materials));
    }
    checked.extend(report.banks.iter().map(|b| format!("{prefix}{}", b.file)));
    group(checked, report.all_diagnostics().cloned().collect(), |file| {
        std::fs::read(dir.join(file.strip_prefix(&prefix).unwrap_or(file))).ok()
    })
}

/// Groups diagnostics by file (the `checked` files first, in order, then any other file a
/// diagnostic names), with each file's text for context lines.
fn group(
    checked: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Vec<FileResult> {
    let mut out: Vec<FileResult> =
        checked.into_iter().map(|shown| FileResult { shown, text: None, diagnostics: Vec::new() }).collect();
    for d in diagnostics {
        match out.iter_mut().find(|r| r.shown == d.file) {
            Some(r) => {
                if r.text.is_none() {
                    r.text = read(&d.file).map(|b| String::from_utf8_lossy(&b).into_owned());
                }
                r.diagnostics.push(d);
            }
            None => {
                let text = read(&d.file).map(|b| String::from_utf8_lossy(&b).into_owned());
                out.push(FileResult { shown: d.file.clone(), text, diagnostics: vec![d] });
            }
        }
    }
    out
}

fn single_file(path: &Path, texts: Option<&dyn FileSource>) -> FileResult {
    let name = shown(path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::whole_file(&name, Problem::Unreadable { detail: e.to_string() });
            return FileResult { shown: name, text: None, diagnostics: vec![d] };
        }
    };
    if path.file_name().is_some_and(|n| n == MATERIALS_FILE) {
        let text = Some(String::from_utf8_lossy(&bytes).into_owned());
        let diagnostics = check_materials(&bytes, &name).diagnostics;
        return FileResult { shown: name, text, diagnostics };
    }
    bank_bytes(&bytes, name, &path.with_file_name(MATERIALS_FILE), texts)
}

/// Checks a bank's bytes, named `name`, against the materials list at `materials_list` (when it
/// exists) and the material texts in `texts`.
pub fn bank_bytes(bytes: &[u8], name: String, materials_list: &Path, texts: Option<&dyn FileSource>) -> FileResult {
    // Lossy, so the line of an encoding error can still be shown.
    let text = Some(String::from_utf8_lossy(bytes).into_owned());
    let list = std::fs::read(materials_list).ok().and_then(|b| check_materials(&b, MATERIALS_FILE).value);
    let material_texts = match (&list, texts) {
        (Some(list), Some(folder)) => Some(MaterialTexts::load(list, folder)),
        _ => None,
    };
    let refs = References { materials: list.as_ref(), texts: material_texts.as_ref() };
    let mut diagnostics = check_bank(bytes, &name, &refs).diagnostics;
    if list.is_none() {
        diagnostics.push(Diagnostic::whole_file(&name, Problem::NoMaterialsList));
    }
    FileResult { shown: name, text, diagnostics }
}

/// A bank whose only errors are what an import leaves to fill in (explanations, quotes,
/// materials, answers, the description): `stats` counts it and `fmt` lays it out all the same.
pub fn unfinished_bank(bytes: &[u8], diagnostics: &[Diagnostic]) -> Option<ontap_core::model::Bank> {
    let errors = diagnostics.iter().filter(|d| d.severity() == ontap_core::check::Severity::Error);
    let mut errors = errors.peekable();
    errors.peek()?;
    if !errors.all(todo_item) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    serde_json::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(text)).ok()
}

/// Whether a diagnostic is an item of the import's to-do list (`ontap_import::todo`).
pub fn todo_item(d: &Diagnostic) -> bool {
    ontap_import::is_todo_diagnostic(d)
}
