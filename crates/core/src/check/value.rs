//! Parsing JSON into a `serde_json::Value` in one pass that also notes every key written twice
//! in one object, which serde_json keeps silently (the last one wins). A second scan of the
//! text to find them cost as much as a tenth of checking a big bank.
//!
//! A bank is parsed in two stages, so that a page can check it a slice at a time: its shell
//! first, with each question only delimited, then each question on its own. One visitor does
//! both (and every other parse of a `Value` in the app): each instance of serde_json's parser
//! costs wasm bytes.

use crate::locate::escape_key;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};
use std::fmt::{self, Write};
use std::ops::Range;

/// The value of `text`, and the pointer of every member whose key its object already had, in
/// document order. `at` is the pointer of the value `text` holds ("" for a whole document).
pub(crate) fn parse_noting_duplicates(text: &str, at: &str) -> serde_json::Result<(Value, Vec<String>)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let (mut path, mut duplicates) = (at.to_owned(), Vec::new());
    let value = Seed { path: &mut path, duplicates: &mut duplicates, role: Role::Plain }.deserialize(&mut de)?;
    de.end()?;
    Ok((value, duplicates))
}

/// The value of `text`, as `serde_json::from_str::<Value>` gives it.
pub fn parse_value(text: &str) -> serde_json::Result<Value> {
    parse_noting_duplicates(text, "").map(|(value, _)| value)
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
    let role = Role::BankRoot { text, ranges: &mut questions };
    let value = Seed { path: &mut path, duplicates: &mut duplicates, role }.deserialize(&mut de)?;
    de.end()?;
    Ok(Shell { value, duplicates, questions })
}

/// What the value being read is.
enum Role<'a, 't> {
    /// Any value, read in full.
    Plain,
    /// A bank's root: its `questions` member is read as [`Role::Questions`].
    BankRoot { text: &'t str, ranges: &'a mut Vec<Range<usize>> },
    /// A bank's `questions`: when an array, each element is only delimited, its range noted.
    Questions { text: &'t str, ranges: &'a mut Vec<Range<usize>> },
}

/// Builds one value; `path` is its pointer while it is read.
struct Seed<'a, 't> {
    path: &'a mut String,
    duplicates: &'a mut Vec<String>,
    role: Role<'a, 't>,
}

impl<'t> Seed<'_, 't> {
    fn child<'c>(&'c mut self, role: Role<'c, 't>) -> Seed<'c, 't> {
        Seed { path: self.path, duplicates: self.duplicates, role }
    }

    /// A bank's `questions` that is not an array is read as any value, and delimits nothing.
    fn not_an_array(self) -> Self {
        if let Role::Questions { ranges, .. } = self.role {
            ranges.clear();
        }
        Seed { role: Role::Plain, ..self }
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
        self.not_an_array();
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        self.not_an_array();
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        self.not_an_array();
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        self.not_an_array();
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        self.not_an_array();
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        self.not_an_array();
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        self.not_an_array();
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Value, A::Error> {
        if let Role::Questions { text, ranges } = &mut self.role {
            let start = text.as_ptr() as usize;
            ranges.clear();
            while let Some(raw) = seq.next_element::<&RawValue>()? {
                let from = raw.get().as_ptr() as usize - start;
                ranges.push(from..from + raw.get().len());
            }
            return Ok(Value::Array(vec![Value::Null; ranges.len()]));
        }
        let mut items = Vec::new();
        let parent = self.path.len();
        loop {
            let _ = write!(self.path, "/{}", items.len());
            let item = seq.next_element_seed(self.child(Role::Plain))?;
            self.path.truncate(parent);
            match item {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut this = self.not_an_array_unless_root();
        let mut members = Map::new();
        let parent = this.path.len();
        let mut root = std::mem::replace(&mut this.role, Role::Plain);
        while let Some(key) = map.next_key::<String>()? {
            this.path.push('/');
            if key.contains(['~', '/']) {
                this.path.push_str(&escape_key(&key));
            } else {
                this.path.push_str(&key);
            }
            if members.contains_key(&key) {
                this.duplicates.push(this.path.clone());
            }
            let role = match &mut root {
                Role::BankRoot { text, ranges } if key == "questions" => Role::Questions { text, ranges },
                _ => Role::Plain,
            };
            let value = map.next_value_seed(this.child(role))?;
            this.path.truncate(parent);
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

impl Seed<'_, '_> {
    /// An object is read member by member; only a bank's root keeps its role.
    fn not_an_array_unless_root(self) -> Self {
        match self.role {
            Role::BankRoot { .. } => self,
            _ => self.not_an_array(),
        }
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
