//! A bank checked a slice of questions at a time, so that a page can paint and answer its
//! member between slices while a bank of thousands of questions loads.
//!
//! Nothing is parsed up front: the `questions` array is delimited one question at a time by
//! matching brackets, each question is parsed, checked and turned into a [`Question`] when its
//! turn comes, and the rest of the file (its own fields) is parsed once the array is closed.
//! Whenever the text is not what that needs (a syntax error, `questions` not an array, a key
//! written with escapes, written twice), the whole file is parsed the ordinary way and the
//! check starts again from its value, so every file gets exactly the diagnostics of one full
//! parse.

#![allow(clippy::result_large_err, reason = "one Diagnostic a file, returned on the rare path: not worth a Box")]

use super::bank::{bank, question};
use super::decode::{Parsed, decode_nonempty, parse, syntax_error};
use super::diagnostic::{Diagnostic, Problem};
use super::reader::Reader;
use super::value::parse_noting_duplicates;
use super::{Checked, References};
use crate::delimit::{Delimiter, Found, questions_start};
use crate::model::{Bank, Question};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;

/// A bank check in progress; [`super::check_bank`] is this check in one go.
pub struct BankCheck {
    file: String,
    state: Result<Walk, Diagnostic>,
}

/// A bank and how far its questions have been checked.
struct Walk {
    /// The text; its value and duplicate keys once they are known.
    parsed: Parsed,
    /// The text of each question delimited so far.
    ranges: Vec<Range<usize>>,
    /// While the questions are being delimited: where the next one is looked for. `None` once
    /// the array is closed, or when the file was parsed in full (its questions are in `parsed`).
    delimiter: Option<Delimiter>,
    found: Vec<(String, Problem)>,
    /// The id of each question checked (when it has a text one), for the diagnostics.
    ids: Vec<Option<String>>,
    /// Each valid question id seen, with the pointer of its first use.
    seen: HashMap<String, String>,
    /// The questions checked, while no error has been found.
    questions: Vec<Question>,
    /// Whether an error has been found: nothing more is converted.
    failed: bool,
    /// Problems found outside the reader.
    other: Vec<Diagnostic>,
    /// Repeated ids, by their index in `found`, with the pointer of the first use: the line of
    /// that first use is looked up once the whole text is known to be JSON (positions are
    /// found by scanning it all).
    first_uses: Vec<(usize, String)>,
}

/// What to do next.
enum Next {
    /// Check question `i`, whose text is at this range (`None`: take it from the parsed value).
    Question(usize, Option<Range<usize>>),
    /// Every question has been checked.
    Done,
    /// The text needs the full parse: start again from it.
    Reparse,
}

impl BankCheck {
    /// Starts checking `bytes`; `file` names it in diagnostics. The work is done by
    /// [`Self::step`] and [`Self::finish`].
    pub fn new(bytes: &[u8], file: &str) -> Self {
        let state = decode_nonempty(bytes, file).and_then(|text| match questions_start(text.as_bytes()) {
            Some(at) => {
                Ok(Walk::new(Parsed::unparsed(text.to_owned()), Some(Delimiter { open: at - 1, at, first: true })))
            }
            None => Walk::parsed_in_full(bytes, file),
        });
        BankCheck { file: file.to_owned(), state }
    }

    /// Checks up to `count` more questions; true when every question has been checked.
    pub fn step(&mut self, count: usize, refs: &References<'_>) -> bool {
        for _ in 0..count {
            let Ok(walk) = &mut self.state else { return true };
            match walk.next(&self.file) {
                Next::Question(i, range) => {
                    if let Err(unreadable) = walk.check(&self.file, i, range, refs) {
                        self.state = Err(unreadable);
                        return true;
                    }
                }
                Next::Done => return true,
                Next::Reparse => self.state = Walk::parsed_in_full(walk.parsed.text.as_bytes(), &self.file),
            }
        }
        false
    }

    /// The bank when it has no errors, and every diagnostic in document order. Questions not yet
    /// stepped through are checked first, against `refs`.
    pub fn finish(mut self, refs: &References<'_>) -> Checked<Bank> {
        self.step(usize::MAX, refs);
        let walk = match self.state {
            Err(d) => return Checked { value: None, diagnostics: vec![d] },
            Ok(walk) => walk,
        };
        let mut found = walk.found;
        for (at, first) in &walk.first_uses {
            if let Some((_, Problem::DuplicateId { first_line, .. })) = found.get_mut(*at) {
                *first_line = Reader::resume(&self.file, &walk.parsed, Vec::new()).line_of(first);
            }
        }
        let mut diagnostics = Reader::resume(&self.file, &walk.parsed, found).finish(&walk.ids);
        diagnostics.extend(walk.other);
        diagnostics.sort_by_key(|d| (d.line, d.column));
        let mut shell = walk.parsed.value;
        if let Some(root) = shell.as_object_mut() {
            root.insert("questions".to_owned(), Value::Array(Vec::new()));
        }
        let mut checked = super::files::finish::<Bank>(&self.file, shell, diagnostics);
        if let Some(bank) = &mut checked.value {
            bank.questions = walk.questions;
        }
        checked
    }
}

impl Walk {
    fn new(parsed: Parsed, delimiter: Option<Delimiter>) -> Self {
        let (found, ids, seen, questions, other) = (Vec::new(), Vec::new(), HashMap::new(), Vec::new(), Vec::new());
        let (ranges, first_uses) = (Vec::new(), Vec::new());
        Walk { parsed, ranges, delimiter, found, ids, seen, questions, failed: false, other, first_uses }
    }

    /// The whole file parsed at once, its own fields checked.
    fn parsed_in_full(bytes: &[u8], file: &str) -> Result<Self, Diagnostic> {
        let mut walk = Walk::new(parse(bytes, file)?, None);
        walk.check_own_fields(file, &[]);
        Ok(walk)
    }

    /// Checks the bank's own fields, once its value is known.
    fn check_own_fields(&mut self, file: &str, duplicates: &[String]) {
        let mut r = Reader::resume(file, &self.parsed, std::mem::take(&mut self.found));
        let before = r.found();
        for d in self.parsed.duplicates.iter().chain(duplicates) {
            r.duplicate_key(d);
        }
        bank(&mut r, &self.parsed.value);
        self.failed = self.failed || r.errors_since(before);
        self.found = r.pause();
    }

    /// The next question to check, delimiting it first if need be.
    fn next(&mut self, file: &str) -> Next {
        let i = self.ids.len();
        let Some(delimiter) = &mut self.delimiter else {
            let count = self.parsed.value.get("questions").and_then(Value::as_array).map_or(0, Vec::len);
            let parsed_in_full = self.ranges.is_empty();
            return if parsed_in_full && i < count { Next::Question(i, None) } else { Next::Done };
        };
        match delimiter.next(self.parsed.text.as_bytes()) {
            Some(Found::Question(range)) => {
                self.ranges.push(range.clone());
                Next::Question(i, Some(range))
            }
            Some(Found::End(close)) => {
                let open = delimiter.open;
                self.delimiter = None;
                // The bank's own fields: the text with an empty array for the questions.
                let text = &self.parsed.text;
                let rest = format!("{}[]{}", &text[..open], &text[close..]);
                match parse_noting_duplicates(&rest, "") {
                    Ok((mut value, duplicates)) if !duplicates.iter().any(|d| d == "/questions") => {
                        if let Some(root) = value.as_object_mut() {
                            root.insert("questions".to_owned(), Value::Array(vec![Value::Null; i]));
                        }
                        self.parsed.value = value;
                        self.check_own_fields(file, &duplicates);
                        Next::Done
                    }
                    _ => Next::Reparse,
                }
            }
            None => Next::Reparse,
        }
    }

    /// Parses (or takes from the file's value), checks and, while the bank has no error,
    /// converts question `i`. A question that cannot be parsed makes the file unreadable,
    /// reported as its full parse reports it.
    fn check(
        &mut self,
        file: &str,
        i: usize,
        range: Option<Range<usize>>,
        refs: &References<'_>,
    ) -> Result<(), Diagnostic> {
        let ptr = format!("/questions/{i}");
        let (value, duplicates) = match range {
            Some(range) => match parse_noting_duplicates(&self.parsed.text[range.clone()], &ptr) {
                Ok(parsed) => parsed,
                Err(e) => {
                    let whole = parse(self.parsed.text.as_bytes(), file).err();
                    return Err(whole.unwrap_or_else(|| syntax_error(file, &self.parsed.text, range.start, &e)));
                }
            },
            // Its duplicate keys were reported with the file's.
            None => (self.parsed.value["questions"][i].take(), Vec::new()),
        };
        let mut r = Reader::resume(file, &self.parsed, std::mem::take(&mut self.found));
        duplicates.iter().for_each(|d| r.duplicate_key(d));
        self.ids.push(value.get("id").and_then(Value::as_str).map(str::to_owned));
        let before = r.found();
        if let Some(id) = question(&mut r, &value, &ptr, refs) {
            if let Some(first) = self.seen.get(id) {
                self.first_uses.push((r.found(), first.clone()));
                r.report(format_args!("{ptr}/id"), Problem::DuplicateId { id: id.to_owned(), first_line: 0 });
            } else {
                self.seen.insert(id.to_owned(), format!("{ptr}/id"));
            }
        }
        self.failed = self.failed || r.errors_since(before);
        self.found = r.pause();
        if !self.failed {
            match Question::deserialize(value) {
                Ok(q) => self.questions.push(q),
                Err(e) => {
                    self.other.push(Diagnostic::whole_file(file, Problem::JsonSyntax { detail: e.to_string() }));
                    self.failed = true;
                }
            }
        }
        Ok(())
    }
}
