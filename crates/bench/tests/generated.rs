//! The generated banks are valid: the checker finds nothing in them, beside the shipped files.

use ontap_bench::generate::{bank, bank_json, file_name};
use ontap_core::check::{MemoryFiles, check_folder};
use ontap_core::model::QuestionKind;
use std::path::Path;

fn shipped_with(name: &str, text: &str) -> MemoryFiles {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions");
    let materials = std::fs::read(dir.join("materials.json")).expect("the shipped materials");
    let catalogue = format!(r#"{{"format": 1, "materials": "materials.json", "banks": ["{name}"]}}"#);
    MemoryFiles::default().with("catalogue.json", catalogue).with("materials.json", materials).with(name, text)
}

#[test]
fn a_generated_bank_passes_the_checker_with_nothing_to_report() {
    let n = 2_000;
    let report = check_folder(&shipped_with(&file_name(n), &bank_json(n)), "", None);
    let problems: Vec<_> = report.all_diagnostics().map(|d| d.message(ontap_core::check::Lang::En)).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let loaded = report.banks[0].bank.as_ref().expect("the bank is usable");
    assert_eq!(loaded, &bank(n), "what the checker reads back is what was generated");
}

#[test]
fn generation_is_deterministic_and_covers_every_type() {
    assert_eq!(bank_json(60), bank_json(60));
    let types: std::collections::BTreeSet<_> = bank(60).questions.iter().map(|q| q.kind.type_name()).collect();
    assert_eq!(types.len(), 6, "{types:?}");
    assert!(bank(6).questions.iter().any(|q| matches!(q.kind, QuestionKind::FillBlank { .. })));
}

#[test]
fn questions_weigh_what_the_shipped_ones_do() {
    // The shipped banks average 1,176 bytes a question (192,811 bytes for 164 questions).
    let bytes = bank_json(1_000).len();
    assert!((1_000_000..1_400_000).contains(&bytes), "{bytes} bytes for 1,000 questions");
}
