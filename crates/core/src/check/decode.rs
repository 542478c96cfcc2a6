//! From raw bytes to a JSON value, turning every way a file can be unreadable into one
//! [`Diagnostic`] with a position: wrong encoding, NUL bytes, comments, two documents, depth…

#![allow(clippy::result_large_err, reason = "one Diagnostic a file, returned on the rare path: not worth a Box")]

use super::diagnostic::{Diagnostic, Problem};
use crate::locate::{Locations, line_col, offset_of};
use serde_json::Value;
use std::cell::OnceCell;

/// Larger files are refused before parsing (a bank of 10,000 questions is about 6 MB).
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// A document that parsed, with its duplicate keys; the positions of its values are found
/// only when a diagnostic needs one (most documents have none, and finding them all costs more
/// than parsing).
pub(crate) struct Parsed {
    /// The text, without a byte-order mark.
    pub text: String,
    pub value: Value,
    /// Pointers of the members whose key their object already had.
    pub duplicates: Vec<String>,
    positions: OnceCell<Locations>,
}

impl Parsed {
    /// A text not parsed yet: its value is `null` until it is.
    pub fn unparsed(text: String) -> Self {
        Parsed { text, value: Value::Null, duplicates: Vec::new(), positions: OnceCell::new() }
    }

    /// The positions of every value, found on first use.
    pub fn positions(&self) -> &Locations {
        self.positions.get_or_init(|| Locations::scan(&self.text))
    }
}

fn at(file: &str, text: &str, offset: usize, problem: Problem) -> Diagnostic {
    let (line, column) = line_col(text, offset);
    Diagnostic { file: file.to_owned(), line, column, pointer: String::new(), question: None, problem }
}

/// The text of `bytes` (see [`decode_text`]), when it is not blank.
pub(crate) fn decode_nonempty<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, Diagnostic> {
    let text = decode_text(bytes, file)?;
    if text.trim().is_empty() {
        return Err(Diagnostic::whole_file(file, Problem::EmptyFile));
    }
    Ok(text)
}

/// Decodes and parses `bytes`, or says precisely why it cannot.
pub(crate) fn parse(bytes: &[u8], file: &str) -> Result<Parsed, Diagnostic> {
    let text = decode_nonempty(bytes, file)?;
    match super::value::parse_noting_duplicates(text, "") {
        Ok((value, duplicates)) => Ok(Parsed { text: text.to_owned(), value, duplicates, positions: OnceCell::new() }),
        Err(e) => Err(syntax_error(file, text, 0, &e)),
    }
}

/// The diagnostic for serde_json's error `e` in reading `text` from byte `from` on.
pub(crate) fn syntax_error(file: &str, text: &str, from: usize, e: &serde_json::Error) -> Diagnostic {
    let offset = from + offset_of(&text[from..], e.line(), e.column());
    let problem = classify(e, text, offset);
    let offset = match problem {
        Problem::TrailingComma => back_to(text, offset, |c| c.is_whitespace() || c == ']' || c == '}'),
        Problem::NumberOutOfRange => back_to(text, offset, |c| c.is_ascii_digit() || "+-.eE".contains(c)) + 1,
        _ => offset,
    };
    at(file, text, offset.min(text.len()), problem)
}

/// Decodes `bytes` as UTF-8 text (a byte-order mark is dropped), or says precisely why it
/// cannot: too large, UTF-16, a legacy encoding (with the position), a NUL byte. Shared by the
/// checker and by importers of other formats.
pub fn decode_text<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::whole_file(file, Problem::FileTooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES }));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_like_utf16(bytes) {
        return Err(Diagnostic::whole_file(file, Problem::Utf16));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            return Err(at(file, valid, valid.len(), Problem::NotUtf8));
        }
    };
    if let Some(i) = text.find('\0') {
        return Err(at(file, text, i, Problem::NulByte));
    }
    Ok(text)
}

/// UTF-16 without a byte-order mark: ASCII text with every other byte zero.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    sample.len() >= 4 && (sample[0] == 0) != (sample[1] == 0) && zeros * 3 >= sample.len()
}

/// The offset of the last character before `offset` that `skip` does not accept (for a
/// trailing comma: the comma, not the bracket after it).
fn back_to(text: &str, offset: usize, skip: impl Fn(char) -> bool) -> usize {
    let head = &text[..offset.min(text.len())];
    head.char_indices().rev().find(|(_, c)| !skip(*c)).map_or(0, |(i, _)| i)
}

fn classify(e: &serde_json::Error, text: &str, offset: usize) -> Problem {
    let msg = e.to_string();
    let near = |s: &str| {
        text.get(offset.saturating_sub(1)..).is_some_and(|rest| rest.starts_with(s))
            || text.get(offset..).is_some_and(|rest| rest.starts_with(s))
    };
    if msg.contains("recursion limit") {
        Problem::TooDeep
    } else if msg.contains("trailing characters") {
        if near("/") { Problem::Comment } else { Problem::TrailingContent }
    } else if msg.contains("trailing comma") {
        Problem::TrailingComma
    } else if msg.contains("control character") {
        Problem::ControlCharacter
    } else if msg.contains("number out of range") {
        Problem::NumberOutOfRange
    } else if e.is_eof() {
        Problem::UnexpectedEnd
    } else if near("//") || near("/*") {
        Problem::Comment
    } else {
        // serde_json's own words, without its " at line L column C" tail (the position is shown).
        let detail = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
        Problem::JsonSyntax { detail }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(bytes: &[u8]) -> (Problem, u32, u32) {
        let d = parse(bytes, "f.json").err().expect("should fail");
        (d.problem, d.line, d.column)
    }

    #[test]
    fn hostile_inputs_are_named_errors() {
        assert_eq!(problem(b"").0, Problem::EmptyFile);
        assert_eq!(problem(b"  \n ").0, Problem::EmptyFile);
        assert_eq!(problem(b"{\"a\": 1}\n{\"b\": 2}"), (Problem::TrailingContent, 2, 1));
        assert_eq!(problem(b"{\n  // note\n  \"a\": 1}").0, Problem::Comment);
        assert_eq!(problem(b"{\"a\": 1} /* x */").0, Problem::Comment);
        assert_eq!(problem(b"{\"a\": 1,}").0, Problem::TrailingComma);
        assert_eq!(problem(b"{\"a\": \"x\0y\"}").0, Problem::NulByte);
        assert_eq!(problem(b"{\"a\": \"x\ny\"}").0, Problem::ControlCharacter);
        assert_eq!(problem(b"{\"a\": 1e999}").0, Problem::NumberOutOfRange);
        assert_eq!(problem(&[b'['; 5000]).0, Problem::TooDeep);
        assert_eq!(problem(b"{\"a\": [1, 2}").0, Problem::JsonSyntax { detail: "expected `,` or `]`".into() });
        assert_eq!(problem(b"{\"a\": ").0, Problem::UnexpectedEnd);
        assert_eq!(problem(b"\xFF\xFE{\0").0, Problem::Utf16);
        assert_eq!(problem(b"{\0\n\0 \0\"\0a\0\"\0").0, Problem::Utf16);
        assert_eq!(problem(b"{\"a\": [\n  1,\n  2,\n]}"), (Problem::TrailingComma, 3, 4));
        assert_eq!(problem(b"{\"a\": 1e999}"), (Problem::NumberOutOfRange, 1, 7));
    }

    #[test]
    fn legacy_encoding_is_not_utf8_with_position() {
        // "Nghị quyết" in TCVN3 (ABC) is single bytes above 0x7F: invalid UTF-8.
        let (p, line, col) = problem(b"{\n  \"title\": \"Ngh\xDE quy\xD5t\"\n}");
        assert_eq!((p, line, col), (Problem::NotUtf8, 2, 16));
    }

    #[test]
    fn bom_is_accepted_and_scalars_parse() {
        let parsed = parse(b"\xEF\xBB\xBF{\"a\": 1}", "f.json").ok().unwrap();
        assert_eq!(parsed.text, "{\"a\": 1}");
        assert!(parse(b"42", "f.json").is_ok());
        assert!(parse(b"123456789012345678901234567890", "f.json").is_ok());
    }
}
