//! Checks the two small files beside the banks: `materials.json` and `catalogue.json`.

use super::Checked;
use super::decode::parse;
use super::diagnostic::{Diagnostic, Problem, has_errors};
use super::reader::Reader;
use crate::model::{Catalogue, MaterialList};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;

/// Parses `bytes`, runs `rules` over the value, and gives the typed value when nothing is wrong:
/// the skeleton every file kind's check shares.
pub(crate) fn check_document<T: DeserializeOwned>(
    bytes: &[u8],
    file: &str,
    rules: impl FnOnce(&mut Reader<'_>, &Value),
) -> Checked<T> {
    let parsed = match parse(bytes, file) {
        Ok(p) => p,
        Err(d) => return Checked { value: None, diagnostics: vec![d] },
    };
    let mut r = Reader::new(file, &parsed);
    rules(&mut r, &parsed.value);
    let diagnostics = r.finish(&[]);
    finish(file, parsed.value, diagnostics)
}

/// The typed value of a checked document when it has no errors, with its diagnostics.
pub(crate) fn finish<T: DeserializeOwned>(file: &str, value: Value, mut diagnostics: Vec<Diagnostic>) -> Checked<T> {
    if has_errors(&diagnostics) {
        return Checked { value: None, diagnostics };
    }
    match serde_json::from_value::<T>(value) {
        Ok(v) => Checked { value: Some(v), diagnostics },
        Err(e) => {
            diagnostics.push(Diagnostic::whole_file(file, Problem::JsonSyntax { detail: e.to_string() }));
            Checked { value: None, diagnostics }
        }
    }
}

/// Days in month `m` (1 to 12) of year `y` (Gregorian).
fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` with a real month and day.
pub fn is_valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten()
    };
    match parts.as_slice() {
        [y] => num(y, 4).is_some(),
        [y, m] => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) if (1..=12).contains(&m) => (1..=days_in_month(y, m)).contains(&d),
            _ => false,
        },
        _ => false,
    }
}

/// Checks `materials.json`.
pub fn check_materials(bytes: &[u8], file: &str) -> Checked<MaterialList> {
    check_document(bytes, file, |r, value| {
        let Some(obj) = r.object(value, "") else { return };
        r.fields(obj, "", &["$schema", "format", "materials"], &["format", "materials"], &[], None);
        r.format(obj, "");
        if let Some(list) = r.array(obj, "", "materials") {
            let mut seen: HashMap<&str, String> = HashMap::new();
            for (i, m) in list.iter().enumerate() {
                let ptr = format!("/materials/{i}");
                let Some(m) = r.object(m, &ptr) else { continue };
                r.fields(
                    m,
                    &ptr,
                    &["id", "title", "issuer", "date", "note", "text_file"],
                    &["id", "title", "issuer", "date", "text_file"],
                    &[],
                    None,
                );
                for key in ["title", "issuer", "note", "text_file"] {
                    r.text(m, &ptr, key);
                }
                if let Some(date) = r.text(m, &ptr, "date")
                    && !is_valid_date(date)
                {
                    r.report(format!("{ptr}/date"), Problem::BadDate { found: date.to_owned() });
                }
                if let Some(id) = r.id(m, &ptr, "id") {
                    match seen.get(id) {
                        Some(first) => {
                            let first_line = r.line_of(first);
                            r.report(format!("{ptr}/id"), Problem::DuplicateId { id: id.to_owned(), first_line });
                        }
                        None => {
                            seen.insert(id, format!("{ptr}/id"));
                        }
                    }
                }
            }
        }
    })
}

/// True for a plain `.json` file name in the catalogue's own folder.
pub fn is_plain_json_name(name: &str) -> bool {
    name.ends_with(".json") && name.len() > 5 && !name.contains(['/', '\\']) && !name.starts_with('.')
}

/// Checks `catalogue.json` on its own (whether the files exist is [`super::check_folder`]'s work).
pub fn check_catalogue(bytes: &[u8], file: &str) -> Checked<Catalogue> {
    check_document(bytes, file, |r, value| {
        let Some(obj) = r.object(value, "") else { return };
        r.fields(obj, "", &["$schema", "format", "materials", "banks"], &["format", "materials", "banks"], &[], None);
        r.format(obj, "");
        if let Some(name) = r.text(obj, "", "materials")
            && !is_plain_json_name(name)
        {
            r.report("/materials", Problem::BadFileName { file: name.to_owned() });
        }
        if let Some(banks) = r.texts(obj, "", "banks") {
            let mut seen = Vec::new();
            for (i, name) in banks.into_iter().enumerate() {
                let Some(name) = name else { continue };
                let ptr = format!("/banks/{i}");
                if !is_plain_json_name(name) {
                    r.report(&ptr, Problem::BadFileName { file: name.to_owned() });
                } else if seen.contains(&name) {
                    r.report(&ptr, Problem::DuplicateBankFile { file: name.to_owned() });
                } else {
                    seen.push(name);
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in ["2024", "2022-11", "2018-10-22", "2024-02-29", "2000-02-29", "2023-04-30", "2023-12-31"] {
            assert!(is_valid_date(ok), "{ok}");
        }
        let bad = ["", "22/10/2018", "2018-13", "2018-10-32", "18-10-22", "2018-1-2", "2018-00", "2018-10-00"];
        let not_in_month = ["2023-02-31", "2023-02-29", "1900-02-29", "2023-04-31", "2023-06-31", "2023-11-31"];
        for bad in bad.into_iter().chain(not_in_month) {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }
}
