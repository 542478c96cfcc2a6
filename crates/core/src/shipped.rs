//! The shipped banks read as the member's app reads them: typed parsing (serde), not the checker.
//! They passed `ontap check` when they were published, so the member's download carries no
//! diagnostics; a file that still fails to parse is reported as unavailable by name, and the
//! trainers' page (which runs the full checker) says why.
//!
//! A bank's questions are parsed one at a time ([`BankParts`]), so that a page can paint between
//! slices while a bank of thousands of questions loads.

use crate::ids::{BankId, QuestionId};
use crate::model::{
    Bank, Catalogue, FORMAT_VERSION, Letter, Letters, Material, MaterialList, Pair, Question, QuestionKind, Source,
};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

/// A shipped file the app could not read (missing, not JSON, not the format).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable {
    /// The file's name as the catalogue lists it.
    pub file: String,
    /// What went wrong, in the parser's words (for developers; members see one sentence).
    pub detail: String,
}

/// What loading the shipped folder gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shipped {
    /// The materials the banks cite.
    pub materials: Vec<Material>,
    /// The banks read, in catalogue order.
    pub banks: Vec<Bank>,
    /// The files that could not be read, in catalogue order (the catalogue itself included).
    pub unavailable: Vec<Unavailable>,
}

impl Shipped {
    /// Whether bank `id` is one of the shipped banks.
    pub fn has_bank(&self, id: &BankId) -> bool {
        self.banks.iter().any(|b| &b.id == id)
    }
}

/// Reads a whole file as `T`. Through `from_str`, like the questions: one reader of JSON text
/// in the member's wasm, not two.
pub fn read<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The catalogue's files: the materials list first, then the banks.
pub fn catalogue_files(bytes: &[u8]) -> Result<Vec<String>, String> {
    let catalogue: Catalogue = read(bytes)?;
    let mut names = vec![catalogue.materials];
    names.extend(catalogue.banks);
    Ok(names)
}

/// The materials list.
pub fn materials(bytes: &[u8]) -> Result<Vec<Material>, String> {
    read::<MaterialList>(bytes).map(|m| m.materials)
}

/// A bank's own fields, with its questions still as text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shell<'a> {
    #[serde(rename = "$schema", default)]
    schema: Option<String>,
    format: u64,
    id: BankId,
    title: String,
    description: String,
    version: u64,
    #[serde(borrow)]
    questions: Vec<&'a RawValue>,
}

/// A bank whose questions are parsed one by one.
pub struct BankParts<'a> {
    /// The bank's own fields (its `questions` empty).
    head: Bank,
    /// Each question's text.
    questions: Vec<&'a str>,
    read: Vec<Question>,
}

impl<'a> BankParts<'a> {
    /// Splits a bank file; its questions are parsed by [`BankParts::step`]. The questions are
    /// found by matching brackets (`delimit.rs`) and the bank's own fields parsed without them;
    /// a text laid out otherwise is split by the parser, a little slower.
    pub fn new(bytes: &'a [u8]) -> Result<Self, String> {
        let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
        let (shell_text, questions) = match crate::delimit::question_ranges(bytes) {
            Some((open, ranges, end)) => {
                (format!("{}]{}", &text[..open], &text[end..]), ranges.into_iter().map(|r| &text[r]).collect())
            }
            None => (String::new(), Vec::new()),
        };
        let (head, questions) = if shell_text.is_empty() {
            let shell: Shell<'a> = serde_json::from_str(text).map_err(|e| e.to_string())?;
            let questions = shell.questions.iter().map(|q| q.get()).collect();
            (head(shell)?, questions)
        } else {
            let shell: Shell<'_> = serde_json::from_str(&shell_text).map_err(|e| e.to_string())?;
            (head(shell)?, questions)
        };
        let read = Vec::with_capacity(questions.len());
        Ok(BankParts { head, questions, read })
    }

    /// Parses up to `count` more questions; true once every question is parsed.
    pub fn step(&mut self, count: usize) -> Result<bool, String> {
        let from = self.read.len();
        for raw in self.questions.iter().skip(from).take(count) {
            let at = |e: String| format!("question {}: {e}", self.read.len() + 1);
            let wire: Wire = serde_json::from_str(raw).map_err(|e| at(e.to_string()))?;
            self.read.push(wire.question().map_err(at)?);
        }
        Ok(self.read.len() == self.questions.len())
    }

    /// The bank, once every question is parsed.
    pub fn finish(self) -> Result<Bank, String> {
        if self.read.len() != self.questions.len() {
            return Err("not every question was read".to_owned());
        }
        Ok(Bank { questions: self.read, ..self.head })
    }
}

/// The bank's own fields, once its format is known to be this app's.
fn head(shell: Shell<'_>) -> Result<Bank, String> {
    let Shell { schema, format, id, title, description, version, .. } = shell;
    if format != FORMAT_VERSION {
        return Err(format!("format {format} (this app reads {FORMAT_VERSION})"));
    }
    Ok(Bank { schema, format, id, title, description, version, questions: Vec::new() })
}

/// A question as written, every type's fields optional: read without the `Content` buffering
/// that the model's `#[serde(flatten)]` and untagged `Letters` need (about 40 KB of wasm and
/// a second pass over every question), then turned into a [`Question`] by its `type`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    id: QuestionId,
    #[serde(rename = "type")]
    kind: String,
    prompt: String,
    options: Option<Vec<String>>,
    correct: Option<WireLetters>,
    answer: Option<bool>,
    accepted: Option<Vec<String>>,
    strict_diacritics: Option<bool>,
    items: Option<Vec<String>>,
    pairs: Option<Vec<Pair>>,
    explanation: String,
    source: Source,
    tags: Vec<String>,
    difficulty: u8,
    shuffle: Option<bool>,
}

/// `"B"` or `["A", "C"]`.
struct WireLetters(Letters);

impl<'de> Deserialize<'de> for WireLetters {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = WireLetters;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a letter or a list of letters")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<WireLetters, E> {
                Ok(WireLetters(Letters::One(Letter::from(v))))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<WireLetters, A::Error> {
                let mut letters = Vec::new();
                while let Some(letter) = seq.next_element::<String>()? {
                    letters.push(Letter(letter));
                }
                Ok(WireLetters(Letters::Many(letters)))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl Wire {
    /// The question its `type` describes; a field of another type is refused, as
    /// `deny_unknown_fields` refuses it in the model.
    fn question(self) -> Result<Question, String> {
        let Wire {
            id,
            kind: type_name,
            prompt,
            options,
            correct,
            answer,
            accepted,
            strict_diacritics,
            items,
            pairs,
            explanation,
            source,
            tags,
            difficulty,
            shuffle,
        } = self;
        let given = [
            ("options", options.is_some()),
            ("correct", correct.is_some()),
            ("answer", answer.is_some()),
            ("accepted", accepted.is_some()),
            ("strict_diacritics", strict_diacritics.is_some()),
            ("items", items.is_some()),
            ("pairs", pairs.is_some()),
        ];
        let wanted: &[&str] = match type_name.as_str() {
            "single" | "multiple" => &["options", "correct"],
            "true_false" => &["answer"],
            "fill_blank" => &["accepted", "strict_diacritics"],
            "ordering" => &["items"],
            "matching" => &["pairs"],
            other => return Err(format!("unknown type \"{other}\"")),
        };
        if let Some((field, _)) = given.iter().find(|(f, is)| *is && !wanted.contains(f)) {
            return Err(format!("field \"{field}\" does not belong to type \"{type_name}\""));
        }
        let missing = |field: &str| format!("missing field `{field}` for type \"{type_name}\"");
        let kind = match type_name.as_str() {
            "single" | "multiple" => {
                let options = options.ok_or_else(|| missing("options"))?;
                let correct = correct.ok_or_else(|| missing("correct"))?.0;
                if type_name == "single" {
                    QuestionKind::Single { options, correct }
                } else {
                    QuestionKind::Multiple { options, correct }
                }
            }
            "true_false" => QuestionKind::TrueFalse { answer: answer.ok_or_else(|| missing("answer"))? },
            "fill_blank" => QuestionKind::FillBlank {
                accepted: accepted.ok_or_else(|| missing("accepted"))?,
                strict_diacritics: strict_diacritics.unwrap_or(false),
            },
            "ordering" => QuestionKind::Ordering { items: items.ok_or_else(|| missing("items"))? },
            _ => QuestionKind::Matching { pairs: pairs.ok_or_else(|| missing("pairs"))? },
        };
        Ok(Question { id, prompt, kind, explanation, source, tags, difficulty, shuffle: shuffle.unwrap_or(true) })
    }
}

/// A bank read in one go (tests, small files).
pub fn bank(bytes: &[u8]) -> Result<Bank, String> {
    let mut parts = BankParts::new(bytes)?;
    parts.step(usize::MAX)?;
    parts.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::SAMPLE_BANK;

    #[test]
    fn a_bank_read_in_slices_equals_the_checked_bank() {
        let checked = crate::check::check_bank(SAMPLE_BANK.as_bytes(), "mau.json", &Default::default()).value.unwrap();
        let mut parts = BankParts::new(SAMPLE_BANK.as_bytes()).unwrap();
        let mut steps = 0;
        while !parts.step(1).unwrap() {
            steps += 1;
        }
        assert_eq!(steps + 1, checked.questions.len());
        assert_eq!(parts.finish().unwrap(), checked);
    }

    #[test]
    fn the_questions_found_by_brackets_or_by_the_parser_give_the_same_bank() {
        let canonical = bank(SAMPLE_BANK.as_bytes()).unwrap();
        assert!(crate::delimit::question_ranges(SAMPLE_BANK.as_bytes()).is_some(), "the fast path is taken");
        // The questions first and the bank's fields after them: still found by brackets.
        let value: serde_json::Value = serde_json::from_str(SAMPLE_BANK).unwrap();
        let questions = serde_json::to_string(&value["questions"]).unwrap();
        let mut rest = value.clone();
        rest.as_object_mut().unwrap().remove("questions");
        let rest = serde_json::to_string(&rest).unwrap();
        let reordered = format!("{{ \"questions\" :\n {questions} , {}", &rest[1..]);
        assert_eq!(bank(reordered.as_bytes()).unwrap(), canonical);
        // The array's key written with an escape, which the bracket scan does not read: the
        // parser splits the questions instead.
        let escaped = SAMPLE_BANK.replacen("\"questions\"", "\"q\\u0075estions\"", 1);
        assert!(crate::delimit::question_ranges(escaped.as_bytes()).is_none(), "the slow path is taken");
        assert_eq!(bank(escaped.as_bytes()).unwrap(), canonical);
        // Whatever the path, what is not a bank is refused: a cut file, garbage between questions,
        // a second document after the bank.
        let cut = &SAMPLE_BANK[..SAMPLE_BANK.len() / 2];
        assert!(bank(cut.as_bytes()).is_err());
        assert!(bank(SAMPLE_BANK.replacen("},\n    {", "},,\n    {", 1).as_bytes()).is_err());
        assert!(bank(format!("{SAMPLE_BANK} {{}}").as_bytes()).is_err());
    }

    #[test]
    fn a_broken_question_names_its_place() {
        let broken = SAMPLE_BANK.replacen("\"prompt\"", "\"promt\"", 1);
        let err = bank(broken.as_bytes()).unwrap_err();
        assert!(err.starts_with("question 1:"), "{err}");
    }

    #[test]
    fn a_field_of_another_type_or_a_missing_one_is_refused() {
        let q = |fields: &str| {
            let json = format!(
                r#"{{"format":1,"id":"b","title":"T","description":"D","version":1,"questions":[{{"id":"b-1","prompt":"P",
                "explanation":"E","source":{{"material":"m","quote":"q"}},"tags":[],"difficulty":1,{fields}}}]}}"#
            );
            bank(json.as_bytes())
        };
        assert!(q(r#""type":"true_false","answer":true"#).is_ok());
        let one = q(r#""type":"single","options":["a","b"],"correct":"B""#).unwrap();
        assert_eq!(
            one.questions[0].kind,
            QuestionKind::Single { options: vec!["a".into(), "b".into()], correct: Letters::One("B".into()) }
        );
        let many = q(r#""type":"multiple","options":["a","b"],"correct":["A","B"]"#).unwrap();
        assert!(
            matches!(&many.questions[0].kind, QuestionKind::Multiple { correct: Letters::Many(l), .. } if l.len() == 2)
        );
        assert!(q(r#""type":"true_false","answer":true,"items":["x"]"#).unwrap_err().contains("\"items\""));
        assert!(q(r#""type":"ordering""#).unwrap_err().contains("missing field `items`"));
        assert!(q(r#""type":"essay""#).unwrap_err().contains("unknown type"));
        assert!(q(r#""type":"single","options":["a"],"correct":1"#).is_err());
        assert!(q(r#""type":"true_false","answer":true,"hint":"x""#).is_err());
    }

    #[test]
    fn a_newer_format_and_garbage_are_refused() {
        let newer = SAMPLE_BANK.replacen("\"format\": 1", "\"format\": 2", 1);
        assert!(bank(newer.as_bytes()).unwrap_err().contains("format 2"));
        assert!(bank(b"\xff{").is_err());
        assert!(bank(b"[]").is_err());
        assert!(catalogue_files(b"{}").is_err());
    }
}
