//! Parsing JSON into a `serde_json::Value` in one pass that also notes every key written twice
//! in one object, which serde_json keeps silently (the last one wins). A second scan of the
//! text to find them cost as much as a tenth of checking a big bank. Every `Value` the app
//! parses goes through here: each instance of serde_json's parser costs wasm bytes.

use crate::locate::escape_key;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt::{self, Write};

/// The value of `text`, and the pointer of every member whose key its object already had, in
/// document order. `at` is the pointer of the value `text` holds ("" for a whole document).
pub(crate) fn parse_noting_duplicates(text: &str, at: &str) -> serde_json::Result<(Value, Vec<String>)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let (mut path, mut duplicates) = (at.to_owned(), Vec::new());
    let value = Seed { path: &mut path, duplicates: &mut duplicates, noting: true }.deserialize(&mut de)?;
    de.end()?;
    Ok((value, duplicates))
}

/// The value of `text`, as `serde_json::from_str::<Value>` gives it (no pointers kept: as fast).
pub fn parse_value(text: &str) -> serde_json::Result<Value> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Seed { path: &mut String::new(), duplicates: &mut Vec::new(), noting: false }.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Builds one value; `path` is its pointer while it is read, when `noting` duplicates.
struct Seed<'a> {
    path: &'a mut String,
    duplicates: &'a mut Vec<String>,
    noting: bool,
}

impl Seed<'_> {
    fn child(&mut self) -> Seed<'_> {
        Seed { path: self.path, duplicates: self.duplicates, noting: self.noting }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
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
            if self.noting {
                let _ = write!(self.path, "/{}", items.len());
            }
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
        while let Some(key) = map.next_key::<String>()? {
            if self.noting {
                self.path.push('/');
                if key.contains(['~', '/']) {
                    self.path.push_str(&escape_key(&key));
                } else {
                    self.path.push_str(&key);
                }
                if members.contains_key(&key) {
                    self.duplicates.push(self.path.clone());
                }
            }
            let value = map.next_value_seed(self.child())?;
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
