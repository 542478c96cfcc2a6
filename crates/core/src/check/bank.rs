//! Checks one bank file: structure, every question type's rules, ids, and citations.

use super::diagnostic::{Expected, Problem, Side};
use super::reader::{Reader, closest, kind};
use super::sliced::BankCheck;
use super::{Checked, References};
use crate::model::{Bank, letter_index};
use crate::text::text_key;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The six type names.
pub const TYPES: [&str; 6] = ["single", "multiple", "true_false", "fill_blank", "ordering", "matching"];

const BANK_FIELDS: [&str; 7] = ["$schema", "format", "id", "title", "description", "version", "questions"];
const BANK_REQUIRED: [&str; 6] = ["format", "id", "title", "description", "version", "questions"];
const COMMON_FIELDS: [&str; 8] = ["id", "type", "prompt", "explanation", "source", "tags", "difficulty", "shuffle"];
const COMMON_REQUIRED: [&str; 7] = ["id", "type", "prompt", "explanation", "source", "tags", "difficulty"];
/// Fields each type adds, and whether each is required.
const TYPE_FIELDS: [(&str, &str, bool); 9] = [
    ("options", "single multiple", true),
    ("correct", "single multiple", true),
    ("answer", "true_false", true),
    ("accepted", "fill_blank", true),
    ("strict_diacritics", "fill_blank", false),
    ("items", "ordering", true),
    ("pairs", "matching", true),
    ("left", "", false),
    ("right", "", false),
];

/// A quote longer than this gets a warning: cite, do not copy.
pub const QUOTE_LIMIT: usize = 200;

/// Checks a bank file's bytes. `file` names it in diagnostics.
pub fn check_bank(bytes: &[u8], file: &str, refs: &References<'_>) -> Checked<Bank> {
    BankCheck::new(bytes, file).finish(refs)
}

/// Checks the bank's own fields and that it lists questions.
pub(super) fn bank(r: &mut Reader<'_>, root: &Value) {
    let Some(obj) = r.object(root, "") else {
        return;
    };
    r.fields(obj, "", &BANK_FIELDS, &BANK_REQUIRED, &[], None);
    r.format(obj, "");
    r.id(obj, "", "id");
    r.text(obj, "", "title");
    r.text(obj, "", "description");
    r.integer(obj, "", "version", 1, u64::from(u32::MAX));
    if let Some(Value::String(_)) | None = obj.get("$schema") {
    } else {
        r.report("/$schema", Problem::WrongType { expected: Expected::Text, found: kind(&obj["$schema"]) });
    }
    if r.array(obj, "", "questions").is_some_and(Vec::is_empty) {
        r.report("/questions", Problem::NoQuestions);
    }
}

fn type_fields(ty: &str) -> impl Iterator<Item = (&'static str, bool)> + '_ {
    TYPE_FIELDS.iter().filter(move |(_, types, _)| types.split(' ').any(|t| t == ty)).map(|(f, _, req)| (*f, *req))
}

/// Checks one question; returns its id when it has a valid one.
pub(super) fn question<'v>(r: &mut Reader<'_>, v: &'v Value, ptr: &str, refs: &References<'_>) -> Option<&'v str> {
    let obj = r.object(v, ptr)?;
    let ty = match obj.get("type") {
        Some(Value::String(t)) if TYPES.contains(&t.as_str()) => Some(t.as_str()),
        Some(Value::String(t)) => {
            r.report(format!("{ptr}/type"), Problem::UnknownType { found: t.clone(), suggestion: closest(t, TYPES) });
            None
        }
        Some(other) => {
            r.report(format!("{ptr}/type"), Problem::WrongType { expected: Expected::Text, found: kind(other) });
            None
        }
        None => None,
    };
    let mut allowed: Vec<&str> = COMMON_FIELDS.to_vec();
    let mut required: Vec<&str> = COMMON_REQUIRED.to_vec();
    let elsewhere: Vec<(&str, &str)> =
        TYPE_FIELDS.iter().filter(|(_, t, _)| !t.is_empty()).map(|(f, t, _)| (*f, *t)).collect();
    match ty {
        Some(t) => {
            for (f, req) in type_fields(t) {
                allowed.push(f);
                if req {
                    required.push(f);
                }
            }
        }
        // Unknown type: do not pile "not for this type" on top of it.
        None => allowed.extend(elsewhere.iter().map(|(f, _)| *f)),
    }
    r.fields(obj, ptr, &allowed, &required, &elsewhere, ty);

    let id = r.id(obj, ptr, "id");
    let prompt = r.text(obj, ptr, "prompt");
    r.text(obj, ptr, "explanation");
    source(r, obj, ptr, refs);
    if let Some(tags) = r.array(obj, ptr, "tags") {
        for (i, tag) in tags.iter().enumerate() {
            r.text_value(tag, format_args!("{ptr}/tags/{i}"));
        }
    }
    r.integer(obj, ptr, "difficulty", 1, 3);
    r.boolean(obj, ptr, "shuffle");

    match ty {
        Some("single") => choice(r, obj, ptr, true),
        Some("multiple") => choice(r, obj, ptr, false),
        Some("true_false") => {
            r.boolean(obj, ptr, "answer");
        }
        Some("fill_blank") => fill_blank(r, obj, ptr, prompt),
        Some("ordering") => ordering(r, obj, ptr),
        Some("matching") => matching(r, obj, ptr),
        _ => {}
    }
    id
}

fn source(r: &mut Reader<'_>, obj: &Map<String, Value>, ptr: &str, refs: &References<'_>) {
    let Some(v) = obj.get("source") else { return };
    let sptr = format!("{ptr}/source");
    let Some(src) = r.object(v, &sptr) else {
        return;
    };
    r.fields(src, &sptr, &["material", "quote"], &["material", "quote"], &[], None);
    let material = r.id(src, &sptr, "material");
    let quote = r.text(src, &sptr, "quote");
    let Some(material) = material else { return };
    let id = crate::ids::MaterialId::from(material);
    if let Some(list) = refs.materials
        && list.get(&id).is_none()
    {
        let suggestion = closest(material, list.materials.iter().map(|m| m.id.as_str()));
        r.report(format!("{sptr}/material"), Problem::UnknownMaterial { id: material.to_owned(), suggestion });
        return;
    }
    let Some(quote) = quote else { return };
    let chars = quote.chars().count();
    if chars > QUOTE_LIMIT {
        r.report(format!("{sptr}/quote"), Problem::QuoteTooLong { chars, limit: QUOTE_LIMIT });
    }
    if let Some(texts) = refs.texts {
        match texts.contains_quote(&id, quote) {
            Some(true) => {}
            Some(false) => r.report(format!("{sptr}/quote"), Problem::QuoteNotFound { material: material.to_owned() }),
            None => {
                let file = refs
                    .materials
                    .and_then(|l| l.get(&id))
                    .map_or_else(|| material.to_owned(), |m| m.text_file.clone());
                r.report(format!("{sptr}/material"), Problem::MaterialTextMissing { file });
            }
        }
    }
}

/// Reports texts that repeat an earlier one (compared by case- and space-folded NFC).
fn duplicates<'t>(texts: &[Option<&'t str>]) -> Vec<(usize, usize, &'t str)> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if let Some(t) = t {
            match first.entry(text_key(t)) {
                Entry::Occupied(j) => out.push((i, *j.get(), *t)),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
    }
    out
}

fn choice(r: &mut Reader<'_>, obj: &Map<String, Value>, ptr: &str, single: bool) {
    let options = r.texts(obj, ptr, "options");
    let count = options.as_ref().map(Vec::len);
    if let Some(options) = &options {
        if options.len() < 2 {
            r.report(format!("{ptr}/options"), Problem::TooFewOptions { count: options.len(), min: 2 });
        }
        for (i, j, text) in duplicates(options) {
            r.report(format!("{ptr}/options/{i}"), Problem::DuplicateOption { text: text.to_owned(), first: j });
        }
    }
    let Some(correct) = obj.get("correct") else {
        return;
    };
    let cptr = format!("{ptr}/correct");
    let letters: Vec<(String, &Value)> = match correct {
        Value::String(_) => vec![(cptr.clone(), correct)],
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| (format!("{cptr}/{i}"), v)).collect(),
        other => {
            r.report(&cptr, Problem::WrongType { expected: Expected::Letters, found: kind(other) });
            return;
        }
    };
    // Every distinct letter written counts as an answer, even one that points at no option:
    // that is its own error, and must not also read as "no answer".
    let mut chosen: Vec<usize> = Vec::new();
    for (lptr, v) in letters {
        let Value::String(letter) = v else {
            r.report(&lptr, Problem::WrongType { expected: Expected::Letters, found: kind(v) });
            continue;
        };
        match letter_index(letter) {
            None => r.report(&lptr, Problem::NotALetter { found: letter.clone() }),
            Some(i) if chosen.contains(&i) => r.report(&lptr, Problem::DuplicateLetter { letter: letter.clone() }),
            Some(i) => {
                if count.is_some_and(|n| i >= n) {
                    r.report(&lptr, Problem::AnswerOutOfRange { letter: letter.clone(), options: count.unwrap_or(0) });
                }
                chosen.push(i);
            }
        }
    }
    if single && chosen.len() != 1 {
        r.report(&cptr, Problem::SingleCorrectCount { count: chosen.len() });
    } else if !single && chosen.is_empty() {
        r.report(&cptr, Problem::NoCorrectOption);
    } else if !single && count.is_some_and(|n| n >= 2 && chosen.len() == n) {
        r.report(&cptr, Problem::AllOptionsCorrect);
    }
}

/// Counts the blanks in a prompt: runs of three or more underscores.
pub fn count_blanks(prompt: &str) -> usize {
    prompt.split(|c| c != '_').filter(|run| run.len() >= 3).count()
}

fn fill_blank(r: &mut Reader<'_>, obj: &Map<String, Value>, ptr: &str, prompt: Option<&str>) {
    if let Some(prompt) = prompt {
        let count = count_blanks(prompt);
        if count != 1 {
            r.report(format!("{ptr}/prompt"), Problem::BlankMarker { count });
        }
    }
    r.boolean(obj, ptr, "strict_diacritics");
    if let Some(accepted) = r.texts(obj, ptr, "accepted") {
        if accepted.is_empty() {
            r.report(format!("{ptr}/accepted"), Problem::NoAcceptedAnswer);
        }
        // Only when every answer is text: another problem is reported for the rest.
        let answers: Option<Vec<&str>> = accepted.iter().copied().collect();
        if let Some((i, problem)) = answers.as_deref().and_then(unit_in_blank) {
            r.report(format!("{ptr}/accepted/{i}"), problem);
        }
    }
}

/// Unit words a number blank tends to swallow ("sơ kết ___ thực hiện" with "5 năm"): the
/// prompt can hold them after the blank, so the member types only the number.
const UNITS: [&str; 12] = ["năm", "tháng", "ngày", "tuần", "quý", "giờ", "lần", "người", "tuổi", "lớp", "đồng", "%"];

/// Vietnamese number words, as typed with their marks.
const NUMBER_WORDS: [&str; 21] = [
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "trăm",
    "nghìn", "ngàn", "triệu", "linh", "lẻ",
];

/// A number written in digits ("5", "05", "1.000", "3/4") or in words ("năm", "bảy mươi lăm").
fn is_number(words: &[&str]) -> bool {
    let word = |w: &&str| {
        let digits = w.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/'));
        (digits && w.chars().any(|c| c.is_ascii_digit())) || NUMBER_WORDS.contains(w)
    };
    !words.is_empty() && words.iter().all(word)
}

/// Splits an answer into its number and a trailing unit word: "5 năm" → ("5", "năm"),
/// "50%" → ("50", "%"); `None` when it is not a number followed by a unit.
fn number_and_unit(answer: &str) -> Option<(String, String)> {
    let key = text_key(answer);
    let key = key.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    let mut words: Vec<&str> = key.split(' ').collect();
    let last = words.pop()?;
    if let Some(number) = last.strip_suffix('%').filter(|n| !n.is_empty()) {
        words.push(number);
        return is_number(&words).then(|| (words.join(" "), "%".to_owned()));
    }
    (UNITS.contains(&last) && is_number(&words)).then(|| (words.join(" "), last.to_owned()))
}

/// The accepted answers of a fill-in that differ only by a unit word the prompt could hold:
/// one is a number and a unit ("5 năm", "05 năm", "năm năm") and none is the bare number, so
/// a member who types "5" is marked wrong. Returns the first such answer's index and problem.
pub(super) fn unit_in_blank(accepted: &[&str]) -> Option<(usize, Problem)> {
    let bare = |a: &&str| number_and_unit(a).is_none() && is_number(&text_key(a).split(' ').collect::<Vec<_>>());
    if accepted.iter().any(bare) {
        return None;
    }
    accepted.iter().enumerate().find_map(|(i, a)| {
        let (number, unit) = number_and_unit(a)?;
        Some((i, Problem::UnitInBlank { answer: (*a).to_owned(), unit, number }))
    })
}

fn ordering(r: &mut Reader<'_>, obj: &Map<String, Value>, ptr: &str) {
    let Some(items) = r.texts(obj, ptr, "items") else {
        return;
    };
    if items.len() < 2 {
        r.report(format!("{ptr}/items"), Problem::TooFewItems { count: items.len(), min: 2 });
    }
    for (i, _, text) in duplicates(&items) {
        r.report(format!("{ptr}/items/{i}"), Problem::DuplicateItem { text: text.to_owned() });
    }
}

fn matching(r: &mut Reader<'_>, obj: &Map<String, Value>, ptr: &str) {
    let Some(pairs) = r.array(obj, ptr, "pairs") else {
        return;
    };
    if pairs.len() < 2 {
        r.report(format!("{ptr}/pairs"), Problem::TooFewItems { count: pairs.len(), min: 2 });
    }
    let mut lefts = Vec::new();
    let mut rights = Vec::new();
    for (i, pair) in pairs.iter().enumerate() {
        let pptr = format!("{ptr}/pairs/{i}");
        let Some(p) = r.object(pair, &pptr) else {
            lefts.push(None);
            rights.push(None);
            continue;
        };
        r.fields(p, &pptr, &["left", "right"], &["left", "right"], &[], None);
        lefts.push(r.text(p, &pptr, "left"));
        rights.push(r.text(p, &pptr, "right"));
    }
    for (side, texts, key) in [(Side::Left, &lefts, "left"), (Side::Right, &rights, "right")] {
        for (i, _, text) in duplicates(texts) {
            r.report(format!("{ptr}/pairs/{i}/{key}"), Problem::DuplicatePairSide { side, text: text.to_owned() });
        }
    }
}
