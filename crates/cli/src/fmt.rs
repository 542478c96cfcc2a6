//! `ontap fmt`: rewrites banks, `materials.json` and `catalogue.json` in the canonical layout
//! (`ontap_core::layout`), or with `--check` lists the files that would change. A file with
//! errors is left alone and its diagnostics printed: the tool never guesses.

use crate::Fatal;
use crate::check::{FileResult, MATERIALS_FILE};
use crate::disk::Folder;
use crate::render::human;
use ontap_core::check::{
    CATALOGUE_FILE, Checked, Diagnostic, FileSource, Lang, References, check_bank, check_catalogue, check_materials,
};
use ontap_core::layout::{write_bank, write_catalogue, write_materials};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(mut args: lexopt::Parser) -> Result<ExitCode, Fatal> {
    use lexopt::prelude::*;
    let mut check_only = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Long("check") => check_only = true,
            Value(path) => paths.push(path.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if paths.is_empty() {
        return Err(crate::needs_path("fmt"));
    }
    let files = json_files(&paths)?;
    let (mut changed, mut refused) = (Vec::new(), Vec::new());
    for path in &files {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Fatal(format!("{shown}: {e}")))?;
        match canonical(&shown, &bytes) {
            Ok(text) if text.as_bytes() == bytes => {}
            Ok(text) => {
                if check_only {
                    println!("cần định dạng lại: {shown}");
                } else {
                    replace(path, &text)?;
                    println!("đã định dạng lại: {shown}");
                }
                changed.push(shown);
            }
            Err(diagnostics) => {
                let text = Some(String::from_utf8_lossy(&bytes).into_owned());
                refused.push(FileResult { shown, text, diagnostics });
            }
        }
    }
    if !refused.is_empty() {
        print!("{}", human(&refused, Lang::Vi));
    }
    let unchanged = files.len() - changed.len() - refused.len();
    let verb = if check_only { "cần định dạng lại" } else { "đã định dạng lại" };
    let mut summary = format!("{} tệp {verb}, {unchanged} tệp đã đúng định dạng", changed.len());
    if !refused.is_empty() {
        summary += &format!(", {} tệp có lỗi nên chưa định dạng (sửa theo `ontap check`)", refused.len());
    }
    println!("{summary}.");
    let failed = !refused.is_empty() || (check_only && !changed.is_empty());
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The files named: each file as given, each folder's `.json` files in name order.
fn json_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Fatal> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let names = Folder(path.clone()).list().unwrap_or_default();
            files.extend(names.into_iter().map(|n| path.join(n)));
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(crate::no_such_path(path));
        }
    }
    Ok(files)
}

/// The canonical text of a file (a bank unless its name says otherwise), or its diagnostics
/// when it has errors.
fn canonical(shown: &str, bytes: &[u8]) -> Result<String, Vec<Diagnostic>> {
    fn written<T>(checked: Checked<T>, write: fn(&T) -> String) -> Result<String, Vec<Diagnostic>> {
        checked.value.as_ref().map(write).ok_or(checked.diagnostics)
    }
    let name = Path::new(shown).file_name().and_then(|n| n.to_str()).unwrap_or_default();
    match name {
        CATALOGUE_FILE => written(check_catalogue(bytes, shown), write_catalogue),
        MATERIALS_FILE => written(check_materials(bytes, shown), write_materials),
        _ => {
            let checked = check_bank(bytes, shown, &References::default());
            // An unfinished import is laid out too: its empty fields stay empty.
            match crate::check::unfinished_bank(bytes, &checked.diagnostics) {
                Some(bank) if checked.value.is_none() => Ok(write_bank(&bank)),
                _ => written(checked, write_bank),
            }
        }
    }
}

/// Replaces `path`'s content with `text` through a temporary file and a rename, so a failed
/// write never leaves half a file.
fn replace(path: &Path, text: &str) -> Result<(), Fatal> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.ontap-fmt"));
    let fail = |e: std::io::Error| Fatal(format!("{}: {e}", path.display()));
    std::fs::write(&temp, text).map_err(fail)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        fail(e)
    })
}
