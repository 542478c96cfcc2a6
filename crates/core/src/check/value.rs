//! Parsing JSON into a `serde_json::Value` in one pass that also notes every key written twice
//! in one object, which serde_json keeps silently (the last one wins). A second scan of the
//! text to find them cost as much as a tenth of checking a big bank.
//!
//! A bank is parsed in two stages, so that a page can check it a slice at a time: its shell
//! first, with each question only delimited, then each question on its own.

use crate::locate::escape_key;
use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};
use std::fmt::{self, Write};
use std::ops::Range;

/// The value of `text`, and the pointer of every member whose key its object already had, in
/// document order. `at` is the pointer of the value `text` holds ("" for a whole document).
pub(crate) fn parse_noting_duplicates(text: &str, at: &str) -> serde_json::Result<(Value, Vec<String>)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let (mut path, mut duplicates) = (at.to_owned(), Vec::new());
    let value = Seed { path: &mut path, duplicates: &mut duplicates, questions: None }.deserialize(&mut de)?;
    de.end()?;
    Ok((value, duplicates))
}

/// A bank's text parsed but for its questions.
pub(crate) struct Shell {
    /// The document, where `/questions` (when it is an array) holds `null` for each question.
    pub value: Value,
    /// The pointers of duplicated keys outside the questions.
    pub duplicates: Vec<String>,
    /// The byte range of each question's text, when `/questions` is an array.
    pub questions: Vec<Range<usize>>,
}

/// Parses a bank's text, leaving each question of `/questions` unparsed but delimited (and its
/// syntax checked), for [`parse_noting_duplicates`] to read later.
pub(crate) fn parse_shell(text: &str) -> serde_json::Result<Shell> {
    let mut de = serde_json::Deserializer::from_str(text);
    let (mut path, mut duplicates, mut questions) = (String::new(), Vec::new(), Vec::new());
    let seed = Seed { path: &mut path, duplicates: &mut duplicates, questions: Some((text, &mut questions)) };
    let value = seed.deserialize(&mut de)?;
    de.end()?;
    Ok(Shell { value, duplicates, questions })
}

/// Builds one value; `path` is its pointer while it is read. For a bank's root, `questions`
/// holds the text and where to note the ranges of the questions.
struct Seed<'a, 't> {
    path: &'a mut String,
    duplicates: &'a mut Vec<String>,
    questions: Option<(&'t str, &'a mut Vec<Range<usize>>)>,
}

impl Seed<'_, '_> {
    fn child(&mut self) -> Seed<'_, 'static> {
        Seed { path: self.path, duplicates: self.duplicates, questions: None }
    }
}

/// Reads a bank's `/questions`: an array is delimited question by question; anything else is
/// read as a plain value (for the checker to report).
struct QuestionsSeed<'a, 't> {
    plain: Seed<'a, 'static>,
    text: &'t str,
    ranges: &'a mut Vec<Range<usize>>,
}

impl<'de> DeserializeSeed<'de> for QuestionsSeed<'_, '_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for QuestionsSeed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let start = self.text.as_ptr() as usize;
        self.ranges.clear();
        while let Some(raw) = seq.next_element::<&RawValue>()? {
            let from = raw.get().as_ptr() as usize - start;
            self.ranges.push(from..from + raw.get().len());
        }
        Ok(Value::Array(vec![Value::Null; self.ranges.len()]))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        self.ranges.clear();
        self.plain.visit_map(map)
    }

    fn visit_bool<E: Error>(self, v: bool) -> Result<Value, E> {
        self.ranges.clear();
        self.plain.visit_bool(v)
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Value, E> {
        self.ranges.clear();
        self.plain.visit_i64(v)
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Value, E> {
        self.ranges.clear();
        self.plain.visit_u64(v)
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<Value, E> {
        self.ranges.clear();
        self.plain.visit_f64(v)
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<Value, E> {
        self.ranges.clear();
        self.plain.visit_str(v)
    }

    fn visit_string<E: Error>(self, v: String) -> Result<Value, E> {
        self.ranges.clear();
        self.plain.visit_string(v)
    }

    fn visit_unit<E: Error>(self) -> Result<Value, E> {
        self.ranges.clear();
        self.plain.visit_unit()
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        let parent = self.path.len();
        loop {
            let _ = write!(self.path, "/{}", items.len());
            let item = seq.next_element_seed(self.child())?;
            self.path.truncate(parent);
            match item {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        let parent = self.path.len();
        let mut questions = self.questions.take();
        while let Some(key) = map.next_key::<String>()? {
            self.path.push('/');
            if key.contains(['~', '/']) {
                self.path.push_str(&escape_key(&key));
            } else {
                self.path.push_str(&key);
            }
            if members.contains_key(&key) {
                self.duplicates.push(self.path.clone());
            }
            let value = match questions.as_mut() {
                Some((text, ranges)) if key == "questions" => {
                    map.next_value_seed(QuestionsSeed { plain: self.child(), text, ranges })?
                }
                _ => map.next_value_seed(self.child())?,
            };
            self.path.truncate(parent);
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locate::Locations;
    use proptest::prelude::*;

    #[test]
    fn duplicates_are_found_in_document_order_with_escaped_pointers() {
        let text = r#"{"a": {"x": 1, "\u0078": 2}, "b": [{"k/~": "\"", "k/~": 0}], "a": 3}"#;
        let (value, duplicates) = parse_noting_duplicates(text, "").unwrap();
        assert_eq!(duplicates, ["/a/x", "/b/0/k~1~0", "/a"]);
        assert_eq!(value, serde_json::from_str::<Value>(text).unwrap(), "the last one wins, as in serde_json");
        let scanned: Vec<String> = Locations::scan(text).duplicates.into_iter().map(|d| d.pointer).collect();
        assert_eq!(duplicates, scanned);
    }

    #[test]
    fn errors_are_serde_json_s() {
        for bad in ["{\"a\": 1,}", "[1, 2", "{} {}", "1e999", &"[".repeat(200)] {
            let ours = parse_noting_duplicates(bad, "").unwrap_err();
            let theirs = serde_json::from_str::<Value>(bad).unwrap_err();
            assert_eq!(
                (ours.to_string(), ours.line(), ours.column()),
                (theirs.to_string(), theirs.line(), theirs.column())
            );
        }
    }

    proptest! {
        /// Any document gives serde_json's own value, and the duplicates the scanner finds.
        #[test]
        fn agrees_with_serde_json_and_the_scanner(text in r#"[\[\]{}",:0-9a-c \\-]{0,40}"#) {
            let ours = parse_noting_duplicates(&text, "");
            match serde_json::from_str::<Value>(&text) {
                Ok(v) => {
                    let (value, duplicates) = ours.unwrap();
                    prop_assert_eq!(value, v);
                    let scanned: Vec<String> = Locations::scan(&text).duplicates.into_iter().map(|d| d.pointer).collect();
                    prop_assert_eq!(duplicates, scanned);
                }
                Err(e) => prop_assert_eq!(ours.unwrap_err().to_string(), e.to_string()),
            }
        }
    }
}
