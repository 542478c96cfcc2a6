//! The shared body of the importer targets.

use ontap_import::{Format, FormatChoice, Options, import, write};

/// Any text in `format`: the importer never panics, every note points at a line of the input,
/// and the bank it writes is well-formed JSON the checker reads back.
#[allow(dead_code)]
pub fn run(format: Format, text: &str) {
    let options = Options { bank_id: "mo-phong".into(), title: None, description: None, material: None, format_choice: FormatChoice::Flag };
    let result = import(format, text, &options);
    let lines = text.lines().count().max(1);
    for note in &result.notes {
        assert!(note.line <= lines + 1, "note on line {} of {lines}: {note:?}", note.line);
    }
    let json = write(&result.bank);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "the importer wrote invalid JSON:\n{json}");
    let refs = ontap_core::check::References::default();
    let checked = ontap_core::check::check_bank(json.as_bytes(), "out.json", &refs);
    assert!(
        checked.diagnostics.iter().all(|d| d.code() != "json-syntax"),
        "the checker cannot read the importer's output:\n{json}"
    );
}

/// Any bytes as a file named `name` (a Word or Excel file for the .docx/.xlsx targets): the
/// importer never panics and never runs out of memory (hostile archives end in a `Fatal`), and
/// what it reads holds as for text.
#[allow(dead_code)]
pub fn run_file(name: &str, bytes: &[u8]) {
    let options = Options { bank_id: "mo-phong".into(), title: None, description: None, material: None, format_choice: FormatChoice::Flag };
    let Ok(read) = ontap_import::import_file(name, bytes, None, &options) else { return };
    let lines = read.text.lines().count().max(1);
    for note in &read.import.notes {
        assert!(note.line <= lines + 1, "note on line {} of {lines}: {note:?}", note.line);
    }
    let json = write(&read.import.bank);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "the importer wrote invalid JSON:\n{json}");
}
