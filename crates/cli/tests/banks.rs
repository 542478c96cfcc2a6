//! The shipped banks: every one passes the checker, every quote stands in its material, and
//! the counts promised to members hold (issue: at least 150 questions, 15 per material,
//! 10 of each type other than `single`).

use ontap_core::check::{FileSource, check_folder, has_errors};
use ontap_core::{Bank, QuestionKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Folder(PathBuf);

impl FileSource for Folder {
    fn read(&self, name: &str) -> Result<Vec<u8>, String> {
        std::fs::read(self.0.join(name)).map_err(|e| e.to_string())
    }
    fn list(&self) -> Option<Vec<String>> {
        let names = std::fs::read_dir(&self.0).ok()?.filter_map(|e| e.ok()?.file_name().into_string().ok());
        Some(names.filter(|n| n.ends_with(".json")).collect())
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shipped() -> Vec<Bank> {
    let materials = root().join("../shared/materials");
    let texts = materials.is_dir().then_some(Folder(materials));
    if texts.is_none() {
        eprintln!("note: ../shared/materials is absent; quotes are not checked against the texts");
    }
    let report =
        check_folder(&Folder(root().join("questions")), "questions/", texts.as_ref().map(|f| f as &dyn FileSource));
    let problems: Vec<String> =
        report.all_diagnostics().map(|d| format!("{}:{}: {}", d.file, d.line, d.code())).collect();
    assert!(problems.is_empty(), "the shipped banks have problems: {problems:#?}");
    assert!(!report.all_diagnostics().any(|_| true) || !has_errors(&report.diagnostics));
    report.banks.into_iter().map(|b| b.bank.expect("every bank is usable")).collect()
}

#[test]
fn shipped_banks_pass_and_counts_hold() {
    let banks = shipped();
    let questions: Vec<_> = banks.iter().flat_map(|b| &b.questions).collect();
    assert!(questions.len() >= 150, "{} questions", questions.len());

    let mut per_material: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_difficulty: BTreeMap<u8, usize> = BTreeMap::new();
    for q in &questions {
        *per_material.entry(q.source.material.as_str()).or_default() += 1;
        *per_type.entry(q.kind.type_name()).or_default() += 1;
        *per_difficulty.entry(q.difficulty).or_default() += 1;
        assert!(!q.tags.is_empty(), "{} has tags", q.id);
        assert!(q.source.quote.chars().count() <= 200, "{}: quote of at most 200 characters", q.id);
    }
    assert_eq!(per_material.len(), 5, "all five materials are drawn on: {per_material:?}");
    for (material, n) in &per_material {
        assert!(*n >= 15, "{material}: {n} questions");
    }
    for ty in ["multiple", "true_false", "fill_blank", "ordering", "matching"] {
        assert!(per_type.get(ty).copied().unwrap_or(0) >= 10, "{ty}: {per_type:?}");
    }
    for level in 1..=3 {
        let share = per_difficulty.get(&level).copied().unwrap_or(0) as f64 / questions.len() as f64;
        assert!(share >= 0.1, "difficulty {level} is {share:.2} of the questions: {per_difficulty:?}");
    }
}

#[test]
fn true_false_claims_are_not_all_one_way() {
    let banks = shipped();
    let answers: Vec<bool> = banks
        .iter()
        .flat_map(|b| &b.questions)
        .filter_map(|q| match q.kind {
            QuestionKind::TrueFalse { answer } => Some(answer),
            _ => None,
        })
        .collect();
    let true_share = answers.iter().filter(|a| **a).count() as f64 / answers.len() as f64;
    assert!((0.3..=0.7).contains(&true_share), "{true_share:.2} of the claims are true");
}

#[test]
fn correct_options_are_spread_over_letters() {
    // A bank where the answer is usually "A" teaches the letter, not the fact.
    let banks = shipped();
    let mut first_letter: BTreeMap<usize, usize> = BTreeMap::new();
    for q in banks.iter().flat_map(|b| &b.questions) {
        if let QuestionKind::Single { correct, .. } = &q.kind {
            *first_letter.entry(correct.indices()[0]).or_default() += 1;
        }
    }
    let total: usize = first_letter.values().sum();
    let max = first_letter.values().max().copied().unwrap_or(0);
    assert!((max as f64) < 0.5 * total as f64, "correct letters: {first_letter:?}");
}

#[test]
fn trainers_guide_table_matches_the_banks() {
    let guide = std::fs::read_to_string(root().join("questions/README.md")).unwrap();
    let catalogue: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join("questions/catalogue.json")).unwrap()).unwrap();
    let files: Vec<&str> = catalogue["banks"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    for (bank, file) in shipped().iter().zip(files) {
        let row =
            guide.lines().find(|l| l.contains(&format!("`{file}`"))).unwrap_or_else(|| panic!("no row for {file}"));
        assert!(row.starts_with(&format!("| {} |", bank.title)), "{row}");
        assert!(row.ends_with(&format!("| {} |", bank.questions.len())), "{row}");
    }
}

#[test]
fn trainers_guide_examples_pass_the_checker() {
    use ontap_core::check::{MaterialTexts, References, check_bank, check_materials};
    let guide = std::fs::read_to_string(root().join("questions/README.md")).unwrap();
    let list = check_materials(&std::fs::read(root().join("questions/materials.json")).unwrap(), "materials.json")
        .value
        .unwrap();
    let materials = root().join("../shared/materials");
    let texts = materials.is_dir().then(|| MaterialTexts::load(&list, &Folder(materials)));
    let refs = References { materials: Some(&list), texts: texts.as_ref() };
    let mut types = std::collections::BTreeSet::new();
    for block in guide.split("```json\n").skip(1) {
        let block = block.split("\n```").next().unwrap();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(block) else {
            continue;
        };
        if value.get("type").is_none() {
            continue;
        }
        let bank = serde_json::json!({
            "format": 1, "id": "vd", "title": "Ví dụ", "description": "Ví dụ trong hướng dẫn.", "version": 1,
            "questions": [value],
        });
        let result = check_bank(bank.to_string().as_bytes(), "README.md", &refs);
        let codes: Vec<_> = result.diagnostics.iter().map(|d| d.code()).collect();
        assert!(codes.is_empty(), "a guide example fails the checker: {codes:?}\n{block}");
        types.insert(value["type"].as_str().unwrap_or_default().to_owned());
    }
    let all: std::collections::BTreeSet<String> = ontap_core::check::TYPES.iter().map(|t| t.to_string()).collect();
    assert_eq!(types, all, "the guide has a complete example of every question type");
}

/// The member's app reads the shipped banks with typed parsing, not the checker
/// (`ontap_core::shipped`): it must read exactly what the checker accepts.
#[test]
fn typed_parsing_reads_what_the_checker_accepts() {
    let questions = root().join("questions");
    let catalogue = std::fs::read(questions.join("catalogue.json")).unwrap();
    let names = ontap_core::shipped::catalogue_files(&catalogue).unwrap();
    let read: Vec<Bank> = names[1..]
        .iter()
        .map(|n| ontap_core::shipped::bank(&std::fs::read(questions.join(n)).unwrap()).unwrap())
        .collect();
    assert_eq!(read, shipped());
    let materials = ontap_core::shipped::materials(&std::fs::read(questions.join(&names[0])).unwrap()).unwrap();
    assert!(!materials.is_empty());
}
