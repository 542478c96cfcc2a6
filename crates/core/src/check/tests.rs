//! The checker on the sample bank and on one mutation per problem, plus property tests:
//! any bytes and any JSON give diagnostics, never a panic.

use super::*;
use crate::ids::MaterialId;
use crate::test_fixtures::{SAMPLE_BANK, SAMPLE_MATERIAL_TEXT, SAMPLE_MATERIALS};
use proptest::prelude::*;

fn materials() -> crate::model::MaterialList {
    check_materials(SAMPLE_MATERIALS.as_bytes(), "materials.json").value.expect("sample materials are valid")
}

fn texts() -> MaterialTexts {
    let mut t = MaterialTexts::new();
    t.insert(MaterialId::from("tai-lieu"), SAMPLE_MATERIAL_TEXT);
    t
}

fn check(text: &str) -> Checked<crate::Bank> {
    let list = materials();
    let texts = texts();
    check_bank(text.as_bytes(), "mau.json", &References { materials: Some(&list), texts: Some(&texts) })
}

/// The codes found after replacing `from` with `to` in the sample bank.
fn codes_after(from: &str, to: &str) -> Vec<&'static str> {
    assert!(SAMPLE_BANK.contains(from), "fixture has {from:?}");
    let checked = check(&SAMPLE_BANK.replacen(from, to, 1));
    checked.diagnostics.iter().map(|d| d.code()).collect()
}

#[test]
fn sample_bank_is_clean() {
    let checked = check(SAMPLE_BANK);
    assert_eq!(checked.diagnostics, vec![]);
    assert_eq!(checked.value.unwrap().questions.len(), 7);
}

#[test]
fn each_mutation_gives_its_problem() {
    let cases: &[(&str, &str, &[&str])] = &[
        (r#""explanation": "Năm từ.""#, r#""explaination": "Năm từ.""#, &["missing-field", "unknown-field"]),
        (r#""correct": "C""#, r#""correct": "E""#, &["answer-out-of-range"]),
        (r#""correct": "A""#, r#""correct": ["A", "B"]"#, &["single-correct-count"]),
        (r#""correct": "A""#, r#""correct": "a""#, &["not-a-letter", "single-correct-count"]),
        (r#""Ba", "Bốn""#, r#""Ba", "ba ""#, &["duplicate-option"]),
        (r#""id": "mau-002""#, r#""id": "mau-001""#, &["duplicate-id"]),
        (r#""id": "mau-002""#, r#""id": "Câu 2""#, &["bad-id"]),
        (r#""type": "ordering""#, r#""type": "oderring""#, &["unknown-type"]),
        (r#""answer": true"#, r#""answer": true, "options": ["a", "b"]"#, &["field-not-for-type"]),
        (r#""answer": true"#, r#""answer": "đúng""#, &["wrong-type"]),
        (r#""difficulty": 3"#, r#""difficulty": 4"#, &["out-of-range"]),
        (r#""difficulty": 3"#, r#""difficulty": 1e300"#, &["out-of-range"]),
        (
            r#""prompt": "chủ động - kịp thời - ___ - sáng tạo - hiệu quả""#,
            r#""prompt": "chủ động - kịp thời""#,
            &["blank-marker"],
        ),
        (r#""accepted": ["linh hoạt"]"#, r#""accepted": []"#, &["no-accepted-answer"]),
        (r#""accepted": ["linh hoạt"]"#, r#""accepted": ["5 năm", "05 năm", "năm năm"]"#, &["unit-in-blank"]),
        (r#""items": ["chủ động", "kịp thời""#, r#""items": ["chủ động", "chủ động""#, &["duplicate-item"]),
        (
            r#"{ "left": "25-CT/TW", "right": "Ban Bí thư" }"#,
            r#"{ "left": "25-CT/TW", "right": "Bộ Chính trị" }"#,
            &["duplicate-pair-side"],
        ),
        (
            r#""material": "tai-lieu", "quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018""#,
            r#""material": "tai-lieux", "quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018""#,
            &["unknown-material"],
        ),
        (
            r#""quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018""#,
            r#""quote": "Nghị quyết số 35-NQ/TW ngày 22/10/2018""#,
            &["quote-not-found"],
        ),
        (r#""title": "Ngân hàng mẫu""#, r#""title": "  ""#, &["empty-text"]),
        // An id left blank to fill in (as `ontap import` writes it) is empty, not malformed.
        (r#""id": "mau-002""#, r#""id": """#, &["empty-text"]),
        (
            r#""material": "tai-lieu", "quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018""#,
            r#""material": "", "quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018""#,
            &["empty-text"],
        ),
        (r#""format": 1"#, r#""format": 2"#, &["unsupported-format"]),
        (r#""version": 1,"#, r#""version": 1, "version": 2,"#, &["duplicate-key"]),
        (r#""correct": ["A", "B", "D"]"#, r#""correct": ["A", "B", "C", "D"]"#, &["all-options-correct"]),
        (r#""correct": ["A", "B", "D"]"#, r#""correct": []"#, &["no-correct-option"]),
        (
            r#""tags": ["phương châm"],
      "difficulty": 1,"#,
            r#""difficulty": 1,"#,
            &["missing-field"],
        ),
    ];
    for (from, to, want) in cases {
        assert_eq!(codes_after(from, to), *want, "after {from:?} → {to:?}");
    }
}

#[test]
fn positions_name_line_column_pointer_and_question() {
    let checked = check(&SAMPLE_BANK.replacen(r#""correct": "C""#, r#""correct": "E""#, 1));
    let d = &checked.diagnostics[0];
    assert_eq!((d.line, d.column), (80, 18));
    assert_eq!(d.pointer, "/questions/6/correct");
    assert_eq!(d.question.as_deref(), Some("mau-007"));
    assert_eq!(d.message(Lang::Vi), "Đáp án “E” không trỏ tới phương án nào: câu hỏi chỉ có 4 phương án (A–D).");
    assert_eq!(d.message(Lang::En), "The answer \"E\" points at no option: the question has only 4 options (A–D).");
    assert!(checked.value.is_none(), "a bank with errors is not usable");
}

#[test]
fn nfd_text_is_a_warning_with_the_fix() {
    let nfd = "Nghi\u{0323} quye\u{0302}\u{0301}t";
    let checked = check(&SAMPLE_BANK.replacen("Ngân hàng mẫu", nfd, 1));
    assert_eq!(checked.diagnostics.len(), 1);
    let d = &checked.diagnostics[0];
    assert_eq!(d.severity(), Severity::Warning);
    assert!(d.message(Lang::Vi).contains("“Nghị quyết”"), "{}", d.message(Lang::Vi));
    assert!(checked.value.is_some(), "warnings leave the bank usable");
}

#[test]
fn a_unit_inside_a_number_blank_is_a_warning() {
    let checked = check(&SAMPLE_BANK.replacen(r#""accepted": ["linh hoạt"]"#, r#""accepted": ["5 năm", "05 năm"]"#, 1));
    let [d] = checked.diagnostics.as_slice() else { panic!("{:?}", checked.diagnostics) };
    assert_eq!(
        (d.code(), d.severity(), d.pointer.as_str()),
        ("unit-in-blank", Severity::Warning, "/questions/3/accepted/0")
    );
    assert!(d.message(Lang::Vi).contains("gõ “5” sẽ bị chấm sai"), "{}", d.message(Lang::Vi));
    assert!(d.message(Lang::En).contains("types \"5\" is marked wrong"), "{}", d.message(Lang::En));
    assert!(checked.value.is_some(), "warnings leave the bank usable");

    let fires = |accepted: &[&str]| bank::unit_in_blank(accepted).map(|(_, p)| p.code());
    for bad in [&["5 năm", "05 năm", "năm năm"][..], &["50%"], &["3 lần"], &["bảy mươi lăm năm"], &["12 tháng."]]
    {
        assert_eq!(fires(bad), Some("unit-in-blank"), "{bad:?}");
    }
    let good: [&[&str]; 7] = [
        &["5", "05", "năm"],
        &["5 năm", "5"],
        &["6 tháng đầu năm"],
        &["kiểm tra, giám sát"],
        &["04/11/2002", "4/11/2002"],
        &["Năm tăng cường công tác kiểm tra"],
        &["nhiệm kỳ 2020 – 2025"],
    ];
    for accepted in good {
        assert_eq!(fires(accepted), None, "{accepted:?}");
    }
}

#[test]
fn quote_matching_ignores_runs_of_white_space_only() {
    let t = texts();
    let id = MaterialId::from("tai-lieu");
    assert_eq!(t.contains_quote(&id, "theo phương châm “chủ động"), Some(true));
    assert_eq!(t.contains_quote(&id, "theo phương  châm\n“chủ động"), Some(true));
    assert_eq!(t.contains_quote(&id, "theo phuong cham"), Some(false));
    assert_eq!(t.contains_quote(&MaterialId::from("khac"), "x"), None);
}

#[test]
fn folder_reports_missing_and_unlisted_files() {
    let catalogue = r#"{ "format": 1, "materials": "materials.json", "banks": ["mau.json", "thieu.json"] }"#;
    let files = MemoryFiles { listable: true, ..Default::default() }
        .with("catalogue.json", catalogue)
        .with("materials.json", SAMPLE_MATERIALS)
        .with("mau.json", SAMPLE_BANK)
        .with("le.json", SAMPLE_BANK.replacen("\"id\": \"mau\"", "\"id\": \"le\"", 1));
    let report = check_folder(&files, "q/", None);
    let codes: Vec<_> = report.all_diagnostics().map(|d| (d.file.as_str(), d.code())).collect();
    assert_eq!(codes, vec![("q/catalogue.json", "missing-bank-file"), ("q/le.json", "unlisted-bank-file")]);
    assert_eq!((report.diagnostics[0].line, report.diagnostics[0].column), (1, 69));
    assert_eq!(report.banks.len(), 1);
    assert!(report.banks[0].bank.is_some());
}

#[test]
fn folder_rejects_a_second_bank_with_the_same_id() {
    let catalogue = r#"{ "format": 1, "materials": "materials.json", "banks": ["a.json", "b.json"] }"#;
    let files = MemoryFiles::default()
        .with("catalogue.json", catalogue)
        .with("materials.json", SAMPLE_MATERIALS)
        .with("a.json", SAMPLE_BANK)
        .with("b.json", SAMPLE_BANK);
    let report = check_folder(&files, "", None);
    assert!(report.banks[0].bank.is_some());
    assert!(report.banks[1].bank.is_none());
    assert_eq!(report.banks[1].diagnostics[0].code(), "duplicate-bank-id");
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,12}".prop_map(serde_json::Value::from),
        prop::sample::select(vec!["single", "A", "B", "___", "tai-lieu", "mau-001"]).prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop::sample::select(vec![
            "id",
            "type",
            "prompt",
            "options",
            "correct",
            "answer",
            "accepted",
            "items",
            "pairs",
            "left",
            "right",
            "source",
            "material",
            "quote",
            "tags",
            "difficulty",
            "questions",
            "format",
            "title",
            "x",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
            prop::collection::btree_map(keys.prop_map(str::to_owned), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_give_diagnostics_not_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let checked = check_bank(&bytes, "x.json", &References::default());
        prop_assert!(checked.value.is_some() || !checked.diagnostics.is_empty());
    }

    #[test]
    fn any_json_gives_diagnostics_not_panics(value in arbitrary_json()) {
        let text = serde_json::to_string_pretty(&value).unwrap();
        let checked = check(&text);
        prop_assert!(checked.value.is_some() || has_errors(&checked.diagnostics));
        for d in &checked.diagnostics {
            prop_assert!(d.line >= 1 || d.pointer.is_empty(), "{:?}", d);
        }
    }

    #[test]
    fn mutating_the_sample_never_panics(at in 0usize..4000, with in "[\\[\\]{}\",:a-z0-9 ]{0,3}") {
        let mut text = SAMPLE_BANK.to_owned();
        let at = (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        text.insert_str(at, &with);
        let checked = check(&text);
        prop_assert!(checked.value.is_some() || has_errors(&checked.diagnostics));
        let (stepped, whole) = (one_question_at_a_time(&text), check(&text));
        prop_assert_eq!(&stepped.diagnostics, &whole.diagnostics);
        prop_assert_eq!(&stepped.value, &whole.value);
        // The same text with its `questions` key escaped is parsed in full, never delimited:
        // both ways find the same problems (columns move on the key's line only) and bank.
        let escaped = check(&text.replacen("\"questions\"", "\"question\\u0073\"", 1));
        let seen = |c: &Checked<crate::Bank>| -> Vec<(&'static str, String, u32)> {
            c.diagnostics.iter().map(|d| (d.code(), d.pointer.clone(), d.line)).collect()
        };
        prop_assert_eq!(seen(&escaped), seen(&whole));
        prop_assert_eq!(&escaped.value, &whole.value);
        if let Some(bank) = whole.value {
            prop_assert_eq!(bank, serde_json::from_str::<crate::Bank>(&text).unwrap(), "the same bank as serde's");
        }
    }
}

/// [`check`], one question per step.
fn one_question_at_a_time(text: &str) -> Checked<crate::Bank> {
    let (list, texts) = (materials(), texts());
    let refs = References { materials: Some(&list), texts: Some(&texts) };
    let mut check = BankCheck::new(text.as_bytes(), "mau.json");
    let mut steps = 0;
    while !check.step(1, &refs) {
        steps += 1;
    }
    // One step per question of the sample; a text that needs the full parse restarts once.
    assert!(steps <= 7 + 1 + 7, "{steps} steps");
    check.finish(&refs)
}

#[test]
fn checking_a_question_at_a_time_finds_what_one_go_finds() {
    let cases = [
        SAMPLE_BANK.to_owned(),
        // A duplicate id two questions apart, a duplicate key inside a question, a bad type.
        SAMPLE_BANK.replacen(r#""id": "mau-003""#, r#""id": "mau-001""#, 1),
        SAMPLE_BANK.replacen(r#""difficulty": 3"#, r#""difficulty": 3, "difficulty": 2"#, 1),
        SAMPLE_BANK.replacen(r#""answer": true"#, r#""answer": "đúng""#, 1),
    ];
    for text in cases {
        let (stepped, whole) = (one_question_at_a_time(&text), check(&text));
        assert_eq!(stepped.diagnostics, whole.diagnostics);
        assert_eq!(stepped.value, whole.value);
    }
    assert_eq!(
        check(&cases_with_dup_key()).diagnostics.iter().map(|d| d.code()).collect::<Vec<_>>(),
        ["duplicate-key"]
    );
}

fn cases_with_dup_key() -> String {
    SAMPLE_BANK.replacen(r#""difficulty": 3"#, r#""difficulty": 3, "difficulty": 3"#, 1)
}

/// Found by fuzzing (`fuzz/corpus/check_bank/oom-a65b…`): a repeated id asked for the line of
/// its first use while a later question was still unparsed and broken (`[}`); finding positions
/// scanned the whole text, and the scanner looped on the stray bracket until memory ran out.
#[test]
fn a_repeated_id_before_a_broken_question_is_one_syntax_error() {
    let text = SAMPLE_BANK.replacen(r#""id": "mau-002""#, r#""id": "mau-001""#, 1).replacen(
        r#""difficulty": 3"#,
        r#""difficulty": [}"#,
        1,
    );
    let codes: Vec<&str> = check(&text).diagnostics.iter().map(|d| d.code()).collect();
    assert_eq!(codes, ["json-syntax"]);
    let located = crate::locate::Locations::scan("[}, 1]");
    assert!(located.get("/0").is_some(), "the scanner moves past a stray bracket");
}

#[test]
fn a_question_too_deep_or_out_of_range_is_one_error_for_the_file() {
    let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
    for inside in [deep.as_str(), "1e999"] {
        let text = SAMPLE_BANK.replacen(r#""difficulty": 3"#, &format!(r#""difficulty": {inside}"#), 1);
        let checked = check(&text);
        let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code()).collect();
        assert!(codes == ["too-deep"] || codes == ["number-out-of-range"], "{codes:?}");
        assert!(checked.value.is_none());
    }
}

#[test]
fn a_folder_checked_step_by_step_is_reported_as_in_one_go() {
    let files = MemoryFiles { listable: true, ..MemoryFiles::default() }
        .with(CATALOGUE_FILE, r#"{"format": 1, "materials": "m.json", "banks": ["a.json", "b.json", "gone.json"]}"#)
        .with("m.json", SAMPLE_MATERIALS)
        .with("a.json", SAMPLE_BANK)
        .with("b.json", SAMPLE_BANK.replacen(r#""id": "mau-003""#, r#""id": "mau-001""#, 1))
        .with("stray.json", "{}");
    let whole = check_folder(&files, "q/", None);
    let mut stepped = FolderCheck::new(&files, "q/", None);
    while !stepped.step(2) {}
    let stepped = stepped.finish();
    assert_eq!(format!("{stepped:?}"), format!("{whole:?}"));
    assert_eq!(whole.banks.len(), 2);
    assert!(whole.all_diagnostics().any(|d| d.code() == "missing-bank-file"));
    assert!(whole.all_diagnostics().any(|d| d.code() == "unlisted-bank-file"));
}
