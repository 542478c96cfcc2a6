//! The canonical layout of the format's files, shared by `ontap fmt` and importers.
//!
//! Rules: two-space indentation; fields in the model's order; every text in NFC; defaults
//! left out (`shuffle: true`, `strict_diacritics: false`); a trailing newline. Options,
//! ordering items, questions, materials and catalogue entries take one line each (an option's
//! letter is its line's rank). Short lists (`tags`, `accepted`, `correct`) and a matching pair
//! stay on one line when that line fits in [`LINE_WIDTH`] characters; otherwise one item a line.
//! Writing a value read from a written file gives the same text (the layout is idempotent).

use crate::model::{Bank, Catalogue, Letters, MaterialList, Question, QuestionKind};
use crate::text::nfc;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

/// The widest line a short list is kept on, counting its indentation.
pub const LINE_WIDTH: usize = 100;

/// How a list or object is laid out.
#[derive(Clone, Copy, PartialEq)]
enum Fold {
    /// One member a line.
    Lines,
    /// On one line when it fits, else one member a line.
    Short,
}

/// A JSON value about to be written.
enum Node {
    Text(String),
    Number(u64),
    Bool(bool),
    List(Fold, Vec<Node>),
    Object(Fold, Vec<(&'static str, Node)>),
}

fn text(s: &str) -> Node {
    Node::Text(nfc(s))
}

fn texts<'a>(fold: Fold, items: impl IntoIterator<Item = &'a str>) -> Node {
    Node::List(fold, items.into_iter().map(text).collect())
}

/// A bank file's text in the canonical layout.
pub fn write_bank(bank: &Bank) -> String {
    let mut fields = Vec::new();
    if let Some(schema) = &bank.schema {
        fields.push(("$schema", text(schema)));
    }
    fields.extend([
        ("format", Node::Number(bank.format)),
        ("id", text(bank.id.as_str())),
        ("title", text(&bank.title)),
        ("description", text(&bank.description)),
        ("version", Node::Number(bank.version)),
        ("questions", Node::List(Fold::Lines, bank.questions.iter().map(question).collect())),
    ]);
    finish(Node::Object(Fold::Lines, fields))
}

fn question(q: &Question) -> Node {
    let mut fields = vec![
        ("id", text(q.id.as_str())),
        ("type", Node::Text(q.kind.type_name().to_owned())),
        ("prompt", text(&q.prompt)),
    ];
    match &q.kind {
        QuestionKind::Single { options, correct } | QuestionKind::Multiple { options, correct } => {
            fields.push(("options", texts(Fold::Lines, options.iter().map(String::as_str))));
            let correct = match correct {
                Letters::One(l) => text(&l.0),
                Letters::Many(ls) => texts(Fold::Short, ls.iter().map(|l| l.0.as_str())),
            };
            fields.push(("correct", correct));
        }
        QuestionKind::TrueFalse { answer } => fields.push(("answer", Node::Bool(*answer))),
        QuestionKind::FillBlank { accepted, strict_diacritics } => {
            fields.push(("accepted", texts(Fold::Short, accepted.iter().map(String::as_str))));
            if *strict_diacritics {
                fields.push(("strict_diacritics", Node::Bool(true)));
            }
        }
        QuestionKind::Ordering { items } => {
            fields.push(("items", texts(Fold::Lines, items.iter().map(String::as_str))))
        }
        QuestionKind::Matching { pairs } => {
            let pairs = pairs
                .iter()
                .map(|p| Node::Object(Fold::Short, vec![("left", text(&p.left)), ("right", text(&p.right))]));
            fields.push(("pairs", Node::List(Fold::Lines, pairs.collect())));
        }
    }
    let source = Node::Object(
        Fold::Lines,
        vec![("material", text(q.source.material.as_str())), ("quote", text(&q.source.quote))],
    );
    fields.extend([
        ("explanation", text(&q.explanation)),
        ("source", source),
        ("tags", texts(Fold::Short, q.tags.iter().map(String::as_str))),
        ("difficulty", Node::Number(u64::from(q.difficulty))),
    ]);
    if !q.shuffle {
        fields.push(("shuffle", Node::Bool(false)));
    }
    Node::Object(Fold::Lines, fields)
}

/// `materials.json` in the canonical layout.
pub fn write_materials(list: &MaterialList) -> String {
    let materials = list.materials.iter().map(|m| {
        let mut fields = vec![
            ("id", text(m.id.as_str())),
            ("title", text(&m.title)),
            ("issuer", text(&m.issuer)),
            ("date", text(&m.date)),
        ];
        if let Some(note) = &m.note {
            fields.push(("note", text(note)));
        }
        fields.push(("text_file", text(&m.text_file)));
        Node::Object(Fold::Lines, fields)
    });
    let mut fields = schema_field(&list.schema);
    fields.push(("format", Node::Number(list.format)));
    fields.push(("materials", Node::List(Fold::Lines, materials.collect())));
    finish(Node::Object(Fold::Lines, fields))
}

/// `catalogue.json` in the canonical layout.
pub fn write_catalogue(catalogue: &Catalogue) -> String {
    let mut fields = schema_field(&catalogue.schema);
    fields.extend([
        ("format", Node::Number(catalogue.format)),
        ("materials", text(&catalogue.materials)),
        ("banks", texts(Fold::Lines, catalogue.banks.iter().map(String::as_str))),
    ]);
    finish(Node::Object(Fold::Lines, fields))
}

fn schema_field(schema: &Option<String>) -> Vec<(&'static str, Node)> {
    schema.iter().map(|s| ("$schema", text(s))).collect()
}

fn finish(root: Node) -> String {
    let mut out = String::new();
    write(&mut out, &root, 0, 0);
    out.push('\n');
    out
}

/// Writes `node` at `depth`; `prefix` is how many characters already stand on its line.
fn write(out: &mut String, node: &Node, depth: usize, prefix: usize) {
    match node {
        Node::Text(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        Node::Number(n) => out.push_str(&n.to_string()),
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::List(_, items) if items.is_empty() => out.push_str("[]"),
        Node::Object(_, fields) if fields.is_empty() => out.push_str("{}"),
        Node::List(fold, items) => {
            let members: Vec<(String, &Node)> = items.iter().map(|n| (String::new(), n)).collect();
            block(out, *fold, ('[', ']'), &members, depth, prefix);
        }
        Node::Object(fold, fields) => {
            let members: Vec<(String, &Node)> = fields.iter().map(|(k, n)| (key(k), n)).collect();
            block(out, *fold, ('{', '}'), &members, depth, prefix);
        }
    }
}

/// A member's key and colon. Keys are the format's field names (plain ASCII, nothing to
/// escape); written out rather than with `{:?}`, which the browser build compiles out
/// (`-Zfmt-debug=none`, BENCHMARKS.md) and would leave the keys empty there.
fn key(k: &str) -> String {
    format!("\"{k}\": ")
}

/// A list or object: on one line when short and it fits, else one member a line.
fn block(
    out: &mut String,
    fold: Fold,
    (open, close): (char, char),
    members: &[(String, &Node)],
    depth: usize,
    prefix: usize,
) {
    if fold == Fold::Short {
        let pad = if open == '{' { " " } else { "" };
        let inner: Vec<String> = members.iter().map(|(key, n)| format!("{key}{}", inline(n))).collect();
        let line = format!("{open}{pad}{}{pad}{close}", inner.join(", "));
        // The comma a following member would add counts too.
        if prefix + line.chars().count() < LINE_WIDTH {
            out.push_str(&line);
            return;
        }
    }
    let indent = "  ".repeat(depth + 1);
    out.push(open);
    for (i, (key, node)) in members.iter().enumerate() {
        out.push('\n');
        out.push_str(&indent);
        out.push_str(key);
        write(out, node, depth + 1, indent.len() + key.chars().count());
        if i + 1 < members.len() {
            out.push(',');
        }
    }
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
    out.push(close);
}

/// `node` on one line.
fn inline(node: &Node) -> String {
    let mut out = String::new();
    match node {
        Node::List(_, items) if !items.is_empty() => {
            let inner: Vec<String> = items.iter().map(inline).collect();
            out = format!("[{}]", inner.join(", "));
        }
        Node::Object(_, fields) if !fields.is_empty() => {
            let inner: Vec<String> = fields.iter().map(|(k, n)| format!("{}{}", key(k), inline(n))).collect();
            out = format!("{{ {} }}", inner.join(", "));
        }
        other => write(&mut out, other, 0, 0),
    }
    out
}

/// `value` with every text in NFC: what writing it and reading it back gives.
pub fn nfc_value<T: Serialize + DeserializeOwned>(value: &T) -> T {
    fn walk(v: Value) -> Value {
        match v {
            Value::String(s) => Value::String(nfc(&s)),
            Value::Array(a) => Value::Array(a.into_iter().map(walk).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, walk(v))).collect()),
            other => other,
        }
    }
    let json = serde_json::to_value(value).expect("the format's types serialize");
    serde_json::from_value(walk(json)).expect("NFC texts read back as the same types")
}

#[cfg(test)]
mod tests;
