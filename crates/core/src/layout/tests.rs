//! The layout keeps meaning (a written bank reads back as the same value, in NFC), is
//! idempotent, and follows its rules line by line.

use super::*;
use crate::check::{References, check_bank};
use crate::model::{Letter, Pair, Source};
use crate::test_fixtures::{SAMPLE_BANK, sample_bank};
use proptest::prelude::*;

fn read_back(text: &str) -> Bank {
    let checked = check_bank(text.as_bytes(), "bank.json", &References::default());
    assert!(checked.diagnostics.is_empty(), "{:?}\n{text}", checked.diagnostics);
    checked.value.unwrap()
}

#[test]
fn the_sample_bank_keeps_its_meaning_and_settles() {
    let bank = sample_bank();
    let once = write_bank(&bank);
    assert_eq!(read_back(&once), bank);
    assert_eq!(write_bank(&read_back(&once)), once);
    assert_ne!(once, SAMPLE_BANK, "the sample's one-line options are spread over lines");
}

#[test]
fn the_layout_follows_its_rules() {
    let mut bank = sample_bank();
    bank.questions.retain(|q| ["mau-002", "mau-006", "mau-007"].contains(&q.id.as_str()));
    bank.questions[1].tags =
        vec!["một nhãn khá dài để dòng nhãn vượt quá một trăm ký tự".into(); 2];
    let expected = r#"{
  "$schema": "schema/bank.schema.json",
  "format": 1,
  "id": "mau",
  "title": "Ngân hàng mẫu",
  "description": "Mỗi loại câu hỏi một câu.",
  "version": 1,
  "questions": [
    {
      "id": "mau-002",
      "type": "multiple",
      "prompt": "Những từ nào có trong phương châm (chọn tất cả đáp án đúng)?",
      "options": [
        "chủ động",
        "kịp thời",
        "thận trọng",
        "hiệu quả"
      ],
      "correct": ["A", "B", "D"],
      "explanation": "Phương châm là chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả.",
      "source": {
        "material": "tai-lieu",
        "quote": "chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả"
      },
      "tags": ["35-NQ/TW", "phương châm"],
      "difficulty": 2
    },
    {
      "id": "mau-006",
      "type": "matching",
      "prompt": "Nối văn bản với cơ quan ban hành:",
      "pairs": [
        { "left": "35-NQ/TW", "right": "Bộ Chính trị" },
        { "left": "25-CT/TW", "right": "Ban Bí thư" },
        { "left": "05-NQ/ĐUK", "right": "Đảng ủy Khối" }
      ],
      "explanation": "Mỗi văn bản ghi rõ cơ quan ban hành.",
      "source": {
        "material": "tai-lieu",
        "quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018 của Bộ Chính trị"
      },
      "tags": [
        "một nhãn khá dài để dòng nhãn vượt quá một trăm ký tự",
        "một nhãn khá dài để dòng nhãn vượt quá một trăm ký tự"
      ],
      "difficulty": 2
    },
    {
      "id": "mau-007",
      "type": "single",
      "prompt": "Phương châm có mấy từ?",
      "options": [
        "Ba",
        "Bốn",
        "Năm",
        "Sáu"
      ],
      "correct": "C",
      "explanation": "Năm từ.",
      "source": {
        "material": "tai-lieu",
        "quote": "chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả"
      },
      "tags": ["phương châm"],
      "difficulty": 1,
      "shuffle": false
    }
  ]
}
"#;
    assert_eq!(write_bank(&bank), expected);
}

#[test]
fn defaults_are_left_out_and_texts_become_nfc() {
    let mut bank = sample_bank();
    bank.schema = None;
    bank.title = "Nghi\u{0323} quye\u{0302}\u{0301}t".into();
    let written = write_bank(&bank);
    assert!(written.starts_with("{\n  \"format\": 1,\n"), "{written}");
    assert!(written.contains("\"title\": \"Nghị quyết\""), "{written}");
    assert!(!written.contains("\"shuffle\": true") && !written.contains("strict_diacritics"));
    assert_eq!(read_back(&written), nfc_value(&bank));
}

#[test]
fn quotes_backslashes_and_controls_are_escaped() {
    let mut bank = sample_bank();
    bank.questions[0].prompt = "Câu \"trích\" \\ có\ttab?".into();
    let written = write_bank(&bank);
    assert!(written.contains(r#""prompt": "Câu \"trích\" \\ có\ttab?""#), "{written}");
    let back: Bank = serde_json::from_str(&written).unwrap();
    assert_eq!(back, bank);
}

#[test]
fn materials_and_catalogue_settle() {
    let list: MaterialList = serde_json::from_str(crate::test_fixtures::SAMPLE_MATERIALS).unwrap();
    let written = write_materials(&list);
    assert_eq!(serde_json::from_str::<MaterialList>(&written).unwrap(), list);
    assert_eq!(write_materials(&serde_json::from_str(&written).unwrap()), written);
    assert!(written.contains("\n      \"text_file\": \"mau.txt\"\n"), "{written}");

    let catalogue = Catalogue {
        schema: Some("schema/catalogue.schema.json".into()),
        format: 1,
        materials: "materials.json".into(),
        banks: vec!["a.json".into(), "b.json".into()],
    };
    let expected = "{\n  \"$schema\": \"schema/catalogue.schema.json\",\n  \"format\": 1,\n  \
                    \"materials\": \"materials.json\",\n  \"banks\": [\n    \"a.json\",\n    \"b.json\"\n  ]\n}\n";
    assert_eq!(write_catalogue(&catalogue), expected);
}

/// Any text, with combining marks, quotes and controls, sometimes long enough to fold a list.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,12}", "[a\u{0300}\u{0323}ê\"\\\\\t\n ]{0,8}", "[a-zđ ]{30,70}",]
}

fn any_kind() -> impl Strategy<Value = QuestionKind> {
    let texts = || prop::collection::vec(any_text(), 0..5);
    let letters = prop::collection::vec("[A-D]".prop_map(Letter), 0..4);
    prop_oneof![
        (texts(), "[A-D]").prop_map(|(options, l)| QuestionKind::Single { options, correct: Letters::One(Letter(l)) }),
        (texts(), letters).prop_map(|(options, ls)| QuestionKind::Multiple { options, correct: Letters::Many(ls) }),
        any::<bool>().prop_map(|answer| QuestionKind::TrueFalse { answer }),
        (texts(), any::<bool>())
            .prop_map(|(accepted, strict_diacritics)| QuestionKind::FillBlank { accepted, strict_diacritics }),
        texts().prop_map(|items| QuestionKind::Ordering { items }),
        prop::collection::vec((any_text(), any_text()), 0..4).prop_map(|pairs| QuestionKind::Matching {
            pairs: pairs.into_iter().map(|(left, right)| Pair { left, right }).collect()
        }),
    ]
}

fn any_question() -> impl Strategy<Value = Question> {
    (
        ("[a-z0-9-]{1,10}", any_text(), any_kind(), any_text()),
        (any_text(), any_text(), prop::collection::vec(any_text(), 0..4), 1u8..=3, any::<bool>()),
    )
        .prop_map(|((id, prompt, kind, explanation), (material, quote, tags, difficulty, shuffle))| Question {
            id: id.as_str().into(),
            prompt,
            kind,
            explanation,
            source: Source { material: material.as_str().into(), quote },
            tags,
            difficulty,
            shuffle,
        })
}

fn any_bank() -> impl Strategy<Value = Bank> {
    (
        prop::option::of(any_text()),
        (any::<u64>(), "[a-z-]{1,10}", any_text(), any_text(), any::<u64>()),
        prop::collection::vec(any_question(), 0..4),
    )
        .prop_map(|(schema, (format, id, title, description, version), questions)| Bank {
            schema,
            format,
            id: id.as_str().into(),
            title,
            description,
            version,
            questions,
        })
}

proptest! {
    #[test]
    fn writing_keeps_meaning_and_is_idempotent(bank in any_bank()) {
        let once = write_bank(&bank);
        let back: Bank = serde_json::from_str(&once).unwrap();
        prop_assert_eq!(&back, &nfc_value(&bank));
        prop_assert_eq!(write_bank(&back), once.clone());
        prop_assert!(once.ends_with("}\n"), "no trailing newline");
    }
}
