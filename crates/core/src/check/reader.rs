//! Walks a parsed JSON value and collects diagnostics with pointers; positions are resolved
//! once at the end. Every reading helper reports what is wrong and returns `None`, so
//! validation goes on past the first problem.

use super::decode::Parsed;
use super::diagnostic::{Diagnostic, Expected, Problem};
use crate::ids::is_valid_id;
use crate::locate::{Lines, line_col};
use crate::text::{is_nfc, nfc};
use serde_json::{Map, Value};
use std::fmt::{self, Display};

/// Texts longer than this get a warning: members read on phones.
pub const TEXT_LIMIT: usize = 1000;

pub(crate) struct Reader<'a> {
    file: &'a str,
    parsed: &'a Parsed,
    found: Vec<(String, Problem)>,
}

/// The pointer of member `.1` of the object at pointer `.0`, written out only when reported.
#[derive(Clone, Copy)]
pub(crate) struct Member<'a>(pub &'a str, pub &'a str);

impl Display for Member<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.0, self.1)
    }
}

pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        Value::String(_) => "string",
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Null => "null",
    }
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
pub(crate) fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_levenshtein(&word.to_lowercase(), c), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_owned())
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a str, parsed: &'a Parsed) -> Self {
        let mut reader = Reader { file, parsed, found: Vec::new() };
        for pointer in &parsed.duplicates {
            reader.duplicate_key(pointer);
        }
        reader
    }

    /// Reports that the member at `pointer` repeats a key of its object.
    pub fn duplicate_key(&mut self, pointer: &str) {
        let field = crate::locate::unescape_key(pointer.rsplit('/').next().unwrap_or_default());
        self.report(pointer, Problem::DuplicateKey { field });
    }

    /// How many problems have been found so far.
    pub fn found(&self) -> usize {
        self.found.len()
    }

    /// Whether an error is among the problems found after the first `from`.
    pub fn errors_since(&self, from: usize) -> bool {
        self.found[from..].iter().any(|(_, p)| p.severity() == super::diagnostic::Severity::Error)
    }

    /// Goes on reading `parsed` with the problems found so far (see [`Reader::pause`]).
    pub fn resume(file: &'a str, parsed: &'a Parsed, found: Vec<(String, Problem)>) -> Self {
        Reader { file, parsed, found }
    }

    /// Stops reading for now, keeping what was found.
    pub fn pause(self) -> Vec<(String, Problem)> {
        self.found
    }

    pub fn report(&mut self, pointer: impl Display, problem: Problem) {
        self.found.push((pointer.to_string(), problem));
    }

    /// 1-based line of the value at `pointer`.
    pub fn line_of(&self, pointer: &str) -> u32 {
        line_col(&self.parsed.text, self.parsed.positions().offset(pointer, false)).0
    }

    /// Resolves positions and the question each problem belongs to (by its index in `ids`, the
    /// id of each question of a bank), in document order.
    pub fn finish(self, ids: &[Option<String>]) -> Vec<Diagnostic> {
        let Reader { file, parsed, found } = self;
        let lines = Lines::new(&parsed.text);
        let mut diagnostics: Vec<Diagnostic> = found
            .into_iter()
            .map(|(pointer, problem)| {
                let offset = parsed.positions().offset(&pointer, problem.points_at_key());
                let (line, column) = lines.line_col(offset);
                let question = question_of(ids, &pointer);
                Diagnostic { file: file.to_owned(), line, column, pointer, question, problem }
            })
            .collect();
        // Document order, whatever order the rules ran in (stable: ties keep rule order).
        diagnostics.sort_by_key(|d| (d.line, d.column));
        diagnostics
    }

    pub fn object<'v>(&mut self, v: &'v Value, ptr: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(map) => Some(map),
            other => {
                self.report(ptr, Problem::WrongType { expected: Expected::Object, found: kind(other) });
                None
            }
        }
    }

    /// Reports unknown fields (with a suggestion, or naming the type they belong to) and missing ones.
    pub fn fields(
        &mut self,
        obj: &Map<String, Value>,
        ptr: &str,
        allowed: &[&str],
        required: &[&str],
        other_type_fields: &[(&str, &str)],
        question_type: Option<&str>,
    ) {
        for key in obj.keys() {
            if allowed.contains(&key.as_str()) {
                continue;
            }
            let field_ptr = format!("{ptr}/{}", crate::locate::escape_key(key));
            let belongs_elsewhere = other_type_fields.iter().any(|(f, _)| f == key);
            let problem = match question_type {
                Some(t) if belongs_elsewhere => {
                    Problem::FieldNotForType { field: key.clone(), question_type: t.to_owned() }
                }
                _ => Problem::UnknownField { field: key.clone(), suggestion: closest(key, allowed.iter().copied()) },
            };
            self.report(&field_ptr, problem);
        }
        for field in required {
            if !obj.contains_key(*field) {
                self.report(format!("{ptr}/{field}"), Problem::MissingField { field: (*field).to_owned() });
            }
        }
    }

    /// A human text: a non-empty string, NFC, not too long.
    pub fn text_value<'v>(&mut self, v: &'v Value, ptr: impl Display + Copy) -> Option<&'v str> {
        let Value::String(s) = v else {
            self.report(ptr, Problem::WrongType { expected: Expected::Text, found: kind(v) });
            return None;
        };
        if s.trim().is_empty() {
            self.report(ptr, Problem::EmptyText);
            return None;
        }
        if !is_nfc(s) {
            self.report(ptr, Problem::NotNfc { fixed: nfc(s) });
        }
        // A text of no more bytes than the limit has no more characters either.
        let chars = if s.len() > TEXT_LIMIT { s.chars().count() } else { 0 };
        if chars > TEXT_LIMIT {
            self.report(ptr, Problem::TextTooLong { chars, limit: TEXT_LIMIT });
        }
        if let Some(found) = crate::markup::markup_in(s) {
            self.report(ptr, Problem::Markup { found });
        }
        Some(s)
    }

    pub fn text<'v>(&mut self, obj: &'v Map<String, Value>, ptr: &str, key: &str) -> Option<&'v str> {
        obj.get(key).and_then(|v| self.text_value(v, Member(ptr, key)))
    }

    /// An id: a string of the shape in [`crate::ids::ID_PATTERN`].
    pub fn id<'v>(&mut self, obj: &'v Map<String, Value>, ptr: &str, key: &str) -> Option<&'v str> {
        let field = Member(ptr, key);
        match obj.get(key)? {
            Value::String(s) if is_valid_id(s) => Some(s),
            // Left blank to be filled in (as `ontap import` writes it): say so, not "bad id".
            Value::String(s) if s.trim().is_empty() => {
                self.report(field, Problem::EmptyText);
                None
            }
            Value::String(s) => {
                self.report(field, Problem::BadId { id: s.clone() });
                None
            }
            other => {
                self.report(field, Problem::WrongType { expected: Expected::Text, found: kind(other) });
                None
            }
        }
    }

    pub fn integer(&mut self, obj: &Map<String, Value>, ptr: &str, key: &str, min: u64, max: u64) -> Option<u64> {
        let field = Member(ptr, key);
        match obj.get(key)? {
            Value::Number(n) => match n.as_u64() {
                Some(i) if (min..=max).contains(&i) => Some(i),
                _ => {
                    self.report(field, Problem::OutOfRange { min, max });
                    None
                }
            },
            other => {
                self.report(field, Problem::WrongType { expected: Expected::Integer, found: kind(other) });
                None
            }
        }
    }

    pub fn boolean(&mut self, obj: &Map<String, Value>, ptr: &str, key: &str) -> Option<bool> {
        match obj.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.report(
                    format!("{ptr}/{key}"),
                    Problem::WrongType { expected: Expected::Boolean, found: kind(other) },
                );
                None
            }
        }
    }

    pub fn array<'v>(&mut self, obj: &'v Map<String, Value>, ptr: &str, key: &str) -> Option<&'v Vec<Value>> {
        match obj.get(key)? {
            Value::Array(items) => Some(items),
            other => {
                self.report(
                    format!("{ptr}/{key}"),
                    Problem::WrongType { expected: Expected::Array, found: kind(other) },
                );
                None
            }
        }
    }

    /// A list of human texts; entries that are not texts are reported and left as `None`.
    pub fn texts<'v>(&mut self, obj: &'v Map<String, Value>, ptr: &str, key: &str) -> Option<Vec<Option<&'v str>>> {
        let items = self.array(obj, ptr, key)?;
        Some(items.iter().enumerate().map(|(i, v)| self.text_value(v, format_args!("{ptr}/{key}/{i}"))).collect())
    }

    /// The `format` field: 1, or a clear word that this build is too old.
    pub fn format(&mut self, obj: &Map<String, Value>, ptr: &str) {
        match obj.get("format") {
            Some(Value::Number(n)) if n.as_u64() == Some(crate::model::FORMAT_VERSION) => {}
            Some(Value::Number(n)) => {
                self.report(format!("{ptr}/format"), Problem::UnsupportedFormat { found: n.to_string() })
            }
            Some(other) => self.report(
                format!("{ptr}/format"),
                Problem::WrongType { expected: Expected::Integer, found: kind(other) },
            ),
            None => {}
        }
    }
}

/// The id of the question a pointer is inside of (`/questions/3/...`), if any.
fn question_of(ids: &[Option<String>], pointer: &str) -> Option<String> {
    let rest = pointer.strip_prefix("/questions/")?;
    let index: usize = rest.split('/').next()?.parse().ok()?;
    ids.get(index)?.clone()
}

#[cfg(test)]
mod tests {
    use super::closest;
    use crate::check::TYPES;

    #[test]
    fn typos_get_the_name_meant_and_strangers_get_none() {
        let fields = ["id", "type", "prompt", "explanation", "source", "tags", "difficulty"];
        for (typo, meant) in
            [("explaination", "explanation"), ("Promt", "prompt"), ("dificulty", "difficulty"), ("tag", "tags")]
        {
            assert_eq!(closest(typo, fields).as_deref(), Some(meant), "{typo}");
        }
        for (typo, meant) in [("oderring", "ordering"), ("sinlge", "single"), ("true-false", "true_false")] {
            assert_eq!(closest(typo, TYPES).as_deref(), Some(meant), "{typo}");
        }
        assert_eq!(closest("cauhoi", fields), None);
    }
}
