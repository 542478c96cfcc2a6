//! Every edit operation with undo and redo, the live check's places, quotes and drafts.

use super::draft::{self, Draft, DraftProblem, NotWritten, Previous};
use super::live::{self, locate};
use super::quote::{self, QuoteError, QuoteStatus};
use super::*;
use crate::check::{MaterialTexts, QUOTE_LIMIT, References, Severity, check_bank, check_materials};
use crate::ids::MaterialId;
use crate::model::{Letter, Letters, MaterialList, QuestionKind};
use crate::progress::store::MemoryStore;
use crate::test_fixtures::{SAMPLE_BANK, SAMPLE_MATERIAL_TEXT, SAMPLE_MATERIALS, sample_bank};

fn material() -> MaterialId {
    MaterialId("tai-lieu".into())
}

fn materials() -> MaterialList {
    check_materials(SAMPLE_MATERIALS.as_bytes(), "materials.json").value.unwrap()
}

fn texts() -> MaterialTexts {
    let mut texts = MaterialTexts::new();
    texts.insert(material(), SAMPLE_MATERIAL_TEXT);
    texts
}

/// Applies `edit` to the sample bank, checks the result with `check`, then undo gives the
/// sample back and redo the edited bank again.
fn round_trip(edit: Edit, check: impl Fn(&crate::model::Bank)) {
    let mut e = Editing::new(sample_bank(), true);
    assert!(e.apply(edit.clone()), "{edit:?} applies");
    check(e.bank());
    let edited = e.bank().clone();
    assert!(e.unsaved());
    assert!(e.undo());
    assert_eq!(e.bank(), &sample_bank(), "undo of {edit:?}");
    assert!(!e.unsaved());
    assert!(e.redo());
    assert_eq!(e.bank(), &edited, "redo of {edit:?}");
}

fn kind(b: &crate::model::Bank, q: usize) -> &QuestionKind {
    &b.questions[q].kind
}

fn correct(b: &crate::model::Bank, q: usize) -> Vec<&str> {
    match kind(b, q) {
        QuestionKind::Single { correct, .. } | QuestionKind::Multiple { correct, .. } => correct.letters(),
        _ => panic!("not a choice question"),
    }
}

#[test]
fn bank_fields_change_and_undo() {
    round_trip(Edit::BankId("mau-moi".into()), |b| assert_eq!(b.id.as_str(), "mau-moi"));
    round_trip(Edit::Title("Tiêu đề mới".into()), |b| assert_eq!(b.title, "Tiêu đề mới"));
    round_trip(Edit::Description("Mô tả".into()), |b| assert_eq!(b.description, "Mô tả"));
    round_trip(Edit::Version(2), |b| assert_eq!(b.version, 2));
}

#[test]
fn a_new_question_of_each_type_gets_a_fresh_id_and_empty_texts() {
    for ty in QuestionType::ALL {
        round_trip(Edit::AddQuestion(ty, material()), |b| {
            let q = b.questions.last().unwrap();
            assert_eq!(b.questions.len(), 8);
            assert_eq!(QuestionType::of(&q.kind), ty);
            assert_eq!(q.id.as_str(), "mau-008");
            assert!(q.prompt.is_empty() && q.source.quote.is_empty());
            assert_eq!(q.source.material, material());
        });
    }
}

#[test]
fn duplicate_delete_and_move_questions() {
    round_trip(Edit::Duplicate(1), |b| {
        assert_eq!(b.questions.len(), 8);
        assert_eq!(b.questions[2].prompt, b.questions[1].prompt);
        assert_eq!(b.questions[2].id.as_str(), "mau-008");
    });
    round_trip(Edit::Delete(0), |b| assert_eq!(b.questions[0].id.as_str(), "mau-002"));
    round_trip(Edit::Move(0, 2), |b| {
        let ids: Vec<&str> = b.questions.iter().take(3).map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["mau-002", "mau-003", "mau-001"]);
    });
    let bank = sample_bank();
    assert_eq!(apply(&bank, &Edit::Delete(7)), None);
    assert_eq!(apply(&bank, &Edit::Move(0, 7)), None);
    assert_eq!(apply(&bank, &Edit::Duplicate(9)), None);
}

#[test]
fn question_fields_change_and_undo() {
    round_trip(Edit::QuestionId(0, "mau-100".into()), |b| assert_eq!(b.questions[0].id.as_str(), "mau-100"));
    round_trip(Edit::Prompt(0, "Câu hỏi?".into()), |b| assert_eq!(b.questions[0].prompt, "Câu hỏi?"));
    round_trip(Edit::Explanation(0, "Vì…".into()), |b| assert_eq!(b.questions[0].explanation, "Vì…"));
    round_trip(Edit::Material(0, MaterialId("khac".into())), |b| {
        assert_eq!(b.questions[0].source.material.as_str(), "khac")
    });
    round_trip(Edit::Quote(0, "Bộ Chính trị".into()), |b| assert_eq!(b.questions[0].source.quote, "Bộ Chính trị"));
    round_trip(Edit::Difficulty(0, 3), |b| assert_eq!(b.questions[0].difficulty, 3));
    round_trip(Edit::Shuffle(0, false), |b| assert!(!b.questions[0].shuffle));
    round_trip(Edit::Answer(2, false), |b| assert_eq!(kind(b, 2), &QuestionKind::TrueFalse { answer: false }));
    round_trip(Edit::StrictDiacritics(3, true), |b| {
        assert!(matches!(kind(b, 3), QuestionKind::FillBlank { strict_diacritics: true, .. }))
    });
    let bank = sample_bank();
    assert_eq!(apply(&bank, &Edit::Difficulty(0, 4)), None, "difficulty is 1 to 3");
    assert_eq!(apply(&bank, &Edit::Answer(0, true)), None, "a single has no answer field");
    assert_eq!(apply(&bank, &Edit::StrictDiacritics(0, true)), None);
    assert_eq!(apply(&bank, &Edit::Prompt(7, "x".into())), None);
}

#[test]
fn tags_are_added_trimmed_once_and_removed() {
    round_trip(Edit::AddTag(0, "  đối ngoại ".into()), |b| {
        assert_eq!(b.questions[0].tags, ["35-NQ/TW", "đối ngoại"])
    });
    round_trip(Edit::RemoveTag(1, 0), |b| assert_eq!(b.questions[1].tags, ["phương châm"]));
    let bank = sample_bank();
    assert_eq!(apply(&bank, &Edit::AddTag(0, "35-NQ/TW".into())).unwrap(), bank, "already there");
    assert_eq!(apply(&bank, &Edit::AddTag(0, "  ".into())).unwrap(), bank, "empty");
    assert_eq!(apply(&bank, &Edit::RemoveTag(0, 5)), None);
}

#[test]
fn marking_options_right() {
    round_trip(Edit::Correct(0, 2), |b| assert_eq!(correct(b, 0), ["C"]));
    round_trip(Edit::Correct(1, 2), |b| assert_eq!(correct(b, 1), ["A", "B", "C", "D"]));
    round_trip(Edit::Correct(1, 1), |b| assert_eq!(correct(b, 1), ["A", "D"]));
    assert_eq!(apply(&sample_bank(), &Edit::Correct(0, 4)), None, "no option E");
    assert_eq!(apply(&sample_bank(), &Edit::Correct(2, 0)), None, "true/false has no options");
}

#[test]
fn option_letters_follow_their_options() {
    // single, right answer A; removing B keeps A, removing A leaves none right.
    round_trip(Edit::RemoveEntry(0, List::Options, 1), |b| {
        assert_eq!(correct(b, 0), ["A"]);
        assert!(matches!(kind(b, 0), QuestionKind::Single { options, .. } if options.len() == 3));
    });
    round_trip(Edit::RemoveEntry(0, List::Options, 0), |b| assert!(correct(b, 0).is_empty()));
    // multiple, A B D right: removing A gives A C (what were B and D).
    round_trip(Edit::RemoveEntry(1, List::Options, 0), |b| assert_eq!(correct(b, 1), ["A", "C"]));
    // moving A to the end: B C D A, so right are A (was B), C (was D), D (was A).
    round_trip(Edit::MoveEntry(1, List::Options, 0, 3), |b| {
        assert_eq!(correct(b, 1), ["A", "C", "D"]);
        assert!(matches!(kind(b, 1), QuestionKind::Multiple { options, .. } if options[3] == "chủ động"));
    });
    // single, A right, moved to C's place.
    round_trip(Edit::MoveEntry(0, List::Options, 0, 2), |b| assert_eq!(correct(b, 0), ["C"]));
    round_trip(Edit::MoveEntry(0, List::Options, 3, 0), |b| assert_eq!(correct(b, 0), ["B"]));
    round_trip(Edit::AddEntry(0, List::Options), |b| {
        assert!(
            matches!(kind(b, 0), QuestionKind::Single { options, .. } if options.len() == 5 && options[4].is_empty())
        )
    });
    round_trip(Edit::Entry(0, List::Options, 3, "Mặt trận".into()), |b| {
        assert!(matches!(kind(b, 0), QuestionKind::Single { options, .. } if options[3] == "Mặt trận"))
    });
}

#[test]
fn accepted_items_and_pairs_are_edited_added_removed_and_moved() {
    round_trip(Edit::AddEntry(3, List::Accepted), |b| {
        assert!(matches!(kind(b, 3), QuestionKind::FillBlank { accepted, .. } if accepted.len() == 2))
    });
    round_trip(Edit::Entry(3, List::Accepted, 0, "linh hoat".into()), |b| {
        assert!(matches!(kind(b, 3), QuestionKind::FillBlank { accepted, .. } if accepted[0] == "linh hoat"))
    });
    round_trip(Edit::MoveEntry(4, List::Items, 4, 0), |b| {
        assert!(
            matches!(kind(b, 4), QuestionKind::Ordering { items } if items[0] == "hiệu quả" && items[1] == "chủ động")
        )
    });
    round_trip(Edit::RemoveEntry(4, List::Items, 2), |b| {
        assert!(matches!(kind(b, 4), QuestionKind::Ordering { items } if items.len() == 4 && items[2] == "sáng tạo"))
    });
    round_trip(Edit::Entry(5, List::Right, 1, "Ban Bí thư Trung ương".into()), |b| {
        assert!(
            matches!(kind(b, 5), QuestionKind::Matching { pairs } if pairs[1].right == "Ban Bí thư Trung ương" && pairs[1].left == "25-CT/TW")
        )
    });
    round_trip(Edit::AddEntry(5, List::Left), |b| {
        assert!(matches!(kind(b, 5), QuestionKind::Matching { pairs } if pairs.len() == 4))
    });
    round_trip(Edit::MoveEntry(5, List::Left, 0, 1), |b| {
        assert!(
            matches!(kind(b, 5), QuestionKind::Matching { pairs } if pairs[1].left == "35-NQ/TW" && pairs[1].right == "Bộ Chính trị")
        )
    });
    round_trip(Edit::RemoveEntry(5, List::Right, 2), |b| {
        assert!(matches!(kind(b, 5), QuestionKind::Matching { pairs } if pairs.len() == 2))
    });
    let bank = sample_bank();
    assert_eq!(apply(&bank, &Edit::AddEntry(0, List::Items)), None, "a single has no items");
    assert_eq!(apply(&bank, &Edit::RemoveEntry(4, List::Items, 5)), None);
    assert_eq!(apply(&bank, &Edit::MoveEntry(4, List::Items, 0, 5)), None);
}

#[test]
fn changing_type_keeps_what_both_share() {
    round_trip(Edit::Type(0, QuestionType::Multiple), |b| {
        assert_eq!(correct(b, 0), ["A"]);
        assert!(
            matches!(kind(b, 0), QuestionKind::Multiple { correct: Letters::Many(_), options } if options.len() == 4)
        );
        assert_eq!(b.questions[0].prompt, sample_bank().questions[0].prompt);
    });
    round_trip(Edit::Type(1, QuestionType::Single), |b| {
        assert!(matches!(kind(b, 1), QuestionKind::Single { correct: Letters::One(Letter(l)), .. } if l == "A"))
    });
    round_trip(Edit::Type(2, QuestionType::Ordering), |b| {
        assert_eq!(kind(b, 2), &QuestionType::Ordering.template());
    });
}

#[test]
fn typing_in_one_field_is_one_undo_step() {
    let mut e = Editing::new(sample_bank(), true);
    for typed in ["N", "Ng", "Ngh"] {
        e.apply(Edit::Prompt(0, typed.into()));
    }
    e.apply(Edit::Prompt(1, "x".into()));
    e.apply(Edit::Prompt(1, "xy".into()));
    assert!(e.undo());
    assert_eq!(e.bank().questions[1].prompt, sample_bank().questions[1].prompt);
    assert_eq!(e.bank().questions[0].prompt, "Ngh");
    assert!(e.undo());
    assert_eq!(e.bank(), &sample_bank());
    assert!(!e.can_undo());
    // Sealed (the field lost focus): the next change of the same field is a new step.
    e.apply(Edit::Title("A".into()));
    e.seal();
    e.apply(Edit::Title("AB".into()));
    e.undo();
    assert_eq!(e.bank().title, "A");
}

#[test]
fn a_new_edit_clears_redo_and_history_is_capped() {
    let mut e = Editing::new(sample_bank(), false);
    e.apply(Edit::Version(2));
    e.undo();
    assert!(e.can_redo());
    e.apply(Edit::Version(3));
    assert!(!e.can_redo());
    assert!(!e.redo());
    for v in 0..(HISTORY_LIMIT as u64 + 20) {
        e.apply(Edit::Version(v + 10));
    }
    let mut steps = 0;
    while e.undo() {
        steps += 1;
    }
    assert_eq!(steps, HISTORY_LIMIT);
    assert!(!e.apply(Edit::Delete(99)), "an edit that does not fit changes nothing");
}

#[test]
fn saved_state_is_followed() {
    let mut e = Editing::new(new_bank("moi", "Mới", "Mô tả"), false);
    assert!(e.unsaved(), "a new bank is not saved yet");
    e.mark_saved();
    assert!(!e.unsaved());
    e.apply(Edit::Title("Khác".into()));
    assert!(e.unsaved());
    e.undo();
    assert!(!e.unsaved());
}

#[test]
fn the_text_is_what_ontap_fmt_writes() {
    let e = Editing::new(sample_bank(), true);
    assert_eq!(e.text(), crate::layout::write_bank(&sample_bank()));
    let checked = check_bank(e.text().as_bytes(), "mau.json", &References::default());
    assert_eq!(checked.value.as_ref(), Some(&sample_bank()));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    // Text typed in NFD is written in NFC.
    let mut e = e;
    e.apply(Edit::Title("Nghi\u{323} quyê\u{301}t".into()));
    assert!(e.text().contains("\"title\": \"Nghị quyết\""));
}

#[test]
fn pointers_land_on_their_fields() {
    use live::{Field, Place};
    let q = |n| Place::Question(n);
    assert_eq!(locate("/title"), (Place::Bank, Field::Title));
    assert_eq!(locate("/id"), (Place::Bank, Field::Id));
    assert_eq!(locate("/questions"), (Place::Bank, Field::Questions));
    assert_eq!(locate(""), (Place::Bank, Field::Whole));
    assert_eq!(locate("/questions/3"), (q(3), Field::Whole));
    assert_eq!(locate("/questions/3/prompt"), (q(3), Field::Prompt));
    assert_eq!(locate("/questions/0/options/2"), (q(0), Field::Entry(List::Options, 2)));
    assert_eq!(locate("/questions/0/options"), (q(0), Field::List(List::Options)));
    assert_eq!(locate("/questions/0/correct/1"), (q(0), Field::Correct));
    assert_eq!(locate("/questions/5/pairs/1/right"), (q(5), Field::Entry(List::Right, 1)));
    assert_eq!(locate("/questions/5/pairs/1/left"), (q(5), Field::Entry(List::Left, 1)));
    assert_eq!(locate("/questions/5/pairs/1"), (q(5), Field::Entry(List::Left, 1)));
    assert_eq!(locate("/questions/2/source/quote"), (q(2), Field::Quote));
    assert_eq!(locate("/questions/2/source/material"), (q(2), Field::Material));
    assert_eq!(locate("/questions/2/tags/0"), (q(2), Field::Tags));
    assert_eq!(live::message_id(q(2), Field::Entry(List::Items, 1)), "msg-q2-items-1");
    assert_eq!(live::message_id(Place::Bank, Field::Title), "msg-bank-title");
}

#[test]
fn the_live_check_places_each_problem_beside_its_field() {
    use live::{Field, Place};
    let list = materials();
    let texts = texts();
    let refs = References { materials: Some(&list), texts: Some(&texts) };
    let mut e = Editing::new(sample_bank(), true);
    assert_eq!(live::check(e.bank(), &refs), LiveCheck::default(), "the sample is clean");
    e.apply(Edit::Prompt(0, String::new()));
    e.apply(Edit::Entry(0, List::Options, 1, "Bộ Chính trị".into()));
    e.apply(Edit::Quote(2, "Nghị quyết số 35-NQ/TW ngày 22-10-2019".into()));
    e.apply(Edit::AddQuestion(QuestionType::Single, material()));
    let found = live::check(e.bank(), &refs);
    let at = |place, field| found.at(place, field).map(|l| l.code).collect::<Vec<_>>();
    assert_eq!(at(Place::Question(0), Field::Prompt), ["empty-text"]);
    assert_eq!(at(Place::Question(0), Field::Entry(List::Options, 1)), ["duplicate-option"]);
    assert_eq!(at(Place::Question(2), Field::Quote), ["quote-not-found"]);
    assert!(found.at(Place::Question(7), Field::Prompt).any(|l| l.severity == Severity::Error));
    assert!(found.of(Place::Question(7)).any(|l| l.field == Field::Quote));
    assert!(found.has_errors());
    assert!(found.items.iter().all(|l| !l.message.is_empty()));
    // Without the material's text, quotes are not a problem of the bank.
    let no_texts = References { materials: Some(&list), texts: Some(&MaterialTexts::new()) };
    assert!(live::check(&sample_bank(), &no_texts).items.is_empty());
}

#[test]
fn a_selection_becomes_a_quote() {
    assert_eq!(quote::from_selection("  Bộ Chính\u{a0}trị\n theo "), Ok("Bộ Chính trị theo".to_owned()));
    assert_eq!(quote::from_selection("Nghi\u{323} quyê\u{301}t"), Ok("Nghị quyết".to_owned()), "NFC");
    assert_eq!(quote::from_selection(" \n"), Err(QuoteError::Empty));
    let long = "chữ ".repeat(60);
    let err = quote::from_selection(&long).unwrap_err();
    assert_eq!(err, QuoteError::TooLong { chars: 239, limit: QUOTE_LIMIT });
    assert!(err.message().contains("239") && err.message().contains("200"));
}

#[test]
fn a_quote_is_found_across_line_breaks_or_flagged() {
    let text = SAMPLE_MATERIAL_TEXT;
    let at = quote::find(text, "phương châm “chủ động").unwrap();
    assert_eq!(&text[at.clone()], "phương châm\n“chủ động");
    let at = quote::find(text, "Thực").unwrap();
    assert_eq!(&text[at], "Thực");
    assert_eq!(quote::find(text, "phương châm “chủ đông"), None, "one character changed");
    assert_eq!(QuoteStatus::of(Some(text), "22-10-2018"), QuoteStatus::Found(quote::find(text, "22-10-2018").unwrap()));
    assert_eq!(QuoteStatus::of(Some(text), "22-10-2019"), QuoteStatus::NotFound);
    assert_eq!(QuoteStatus::of(None, "22-10-2019"), QuoteStatus::NoText);
    assert_eq!(QuoteStatus::of(Some(text), " "), QuoteStatus::Empty);
    assert!(QuoteStatus::NotFound.message().unwrap().contains("Không tìm thấy"));
}

fn a_draft(tab: &str) -> Draft {
    Draft { tab: tab.into(), written_ms: 1000, origin: "Tệp mau.json".into(), saved: false, bank: sample_bank() }
}

#[test]
fn drafts_round_trip_and_damage_is_named() {
    let d = a_draft("tab-1");
    assert_eq!(draft::decode(&draft::encode(&d)), Ok(d));
    assert_eq!(draft::decode("{\"format\":1,\"tab\":"), Err(DraftProblem::Damaged));
    assert_eq!(draft::decode("not json"), Err(DraftProblem::Damaged));
    assert_eq!(
        draft::decode(r#"{"format":1,"tab":"a","written_ms":1,"origin":"","saved":false,"bank":"{"}"#),
        Err(DraftProblem::Damaged)
    );
    assert_eq!(draft::decode(r#"{"format":9}"#), Err(DraftProblem::Newer(9)));
    assert!(DraftProblem::Damaged.message("mau").contains("mau"));
    // An edited bank with empty fields (not valid yet) survives too.
    let mut e = Editing::new(new_bank("moi", "", ""), false);
    for ty in QuestionType::ALL {
        e.apply(Edit::AddQuestion(ty, material()));
    }
    let d = Draft { bank: e.bank().clone(), ..a_draft("t") };
    assert_eq!(draft::decode(&draft::encode(&d)), Ok(d));
}

#[test]
fn one_draft_per_bank_and_never_over_another_tab() {
    let mut store = MemoryStore::default();
    let mut d = a_draft("tab-1");
    let first = draft::write(&mut store, "mau", &d, Previous::Ours(None)).unwrap();
    d.bank.title = "Sửa".into();
    let last = draft::write(&mut store, "mau", &d, Previous::Ours(Some(&first))).unwrap();
    assert_eq!(store.map.len(), 1, "overwritten, not added");
    assert_eq!(store.map[&draft::key("mau")], last);
    assert_eq!(draft::read(&store, "mau").unwrap().unwrap().bank.title, "Sửa");
    // A second tab is refused, then takes over when the trainer says so.
    let other = Draft { written_ms: 2000, ..a_draft("tab-2") };
    let refused = Err(NotWritten::OtherTab { written_ms: 1000 });
    assert_eq!(draft::write(&mut store, "mau", &other, Previous::Ours(None)), refused);
    assert_eq!(draft::write(&mut store, "mau", &other, Previous::Ours(Some(&first))), refused, "not the text it knows");
    assert_eq!(draft::read(&store, "mau").unwrap().unwrap().tab, "tab-1", "nothing overwritten");
    let taken = draft::write(&mut store, "mau", &other, Previous::Replace).unwrap();
    assert_eq!(draft::read(&store, "mau").unwrap().unwrap().tab, "tab-2");
    // The first tab, which knows only its own last text, now finds the other tab's.
    assert_eq!(
        draft::write(&mut store, "mau", &d, Previous::Ours(Some(&last))),
        Err(NotWritten::OtherTab { written_ms: 2000 })
    );
    assert_eq!(store.map[&draft::key("mau")], taken);
    // A damaged draft is not overwritten silently.
    store.map.insert(draft::key("hong"), "{damaged".into());
    assert_eq!(
        draft::write(&mut store, "hong", &d, Previous::Ours(None)),
        Err(NotWritten::Unreadable(DraftProblem::Damaged))
    );
    assert_eq!(store.map[&draft::key("hong")], "{damaged");
    let listed = draft::list(&store).unwrap();
    assert_eq!(listed.iter().map(|s| s.slot.as_str()).collect::<Vec<_>>(), ["hong", "mau"]);
    assert!(listed[0].draft.is_err() && listed[1].draft.is_ok());
    draft::remove(&mut store, "hong").unwrap();
    assert_eq!(draft::list(&store).unwrap().len(), 1);
    // Storage that refuses is named.
    let mut off = MemoryStore { disabled: true, ..Default::default() };
    let err = draft::write(&mut off, "mau", &d, Previous::Ours(None)).unwrap_err();
    assert!(err.message("mau").contains("không được lưu"));
    assert!(SAMPLE_BANK.contains("mau-001"));
}

#[test]
fn the_list_shows_first_words_status_and_filters() {
    use super::list::{Filter, first_words, status, tags};
    let mut bank = sample_bank();
    assert_eq!(first_words(&bank.questions[2]), "Nghị quyết 35-NQ/TW được ban hành ngày 22/10/2018.");
    bank.questions[1].prompt = "một hai ba bốn năm sáu bảy tám chín mười mười một".into();
    assert_eq!(first_words(&bank.questions[1]), "một hai ba bốn năm sáu bảy tám chín mười…");
    bank.questions[0].prompt = " ".into();
    assert_eq!(first_words(&bank.questions[0]), "(chưa có nội dung)");
    let check = live::check(&bank, &References::default());
    assert_eq!(status(&check, 0), "1 lỗi");
    assert_eq!(status(&check, 1), "Không có lỗi");
    assert_eq!(Filter { with_problem: true, ..Default::default() }.keep(&bank, &check), [0]);
    assert_eq!(Filter { ty: Some(QuestionType::Matching), ..Default::default() }.keep(&bank, &check), [5]);
    assert_eq!(Filter { tag: Some("phương châm".into()), ..Default::default() }.keep(&bank, &check), [1, 3, 4, 6]);
    assert_eq!(Filter::default().keep(&bank, &check).len(), 7);
    assert_eq!(tags(&bank), ["35-NQ/TW", "phương châm"]);
}

#[test]
fn entries_and_right_options_are_read_back() {
    use super::ops::{entries, is_correct};
    let bank = sample_bank();
    assert_eq!(entries(&bank.questions[0], List::Options).len(), 4);
    assert_eq!(entries(&bank.questions[5], List::Right)[2], "Đảng ủy Khối");
    assert_eq!(entries(&bank.questions[3], List::Accepted), ["linh hoạt"]);
    assert!(entries(&bank.questions[2], List::Options).is_empty());
    assert!(is_correct(&bank.questions[1], 3) && !is_correct(&bank.questions[1], 2));
    assert!(!is_correct(&bank.questions[2], 0));
}

#[test]
fn a_found_quote_is_shown_in_its_context() {
    let text = "một hai ba bốn năm";
    let at = quote::find(text, "ba").unwrap();
    assert_eq!(quote::around(text, at.clone(), 4), ("…hai ".into(), "ba".into(), " bốn…".into()));
    assert_eq!(quote::around(text, at, 40), ("một hai ".into(), "ba".into(), " bốn năm".into()));
}

#[test]
fn a_file_with_content_errors_opens_for_fixing() {
    let refs = References::default();
    assert_eq!(read_bank(SAMPLE_BANK.as_bytes(), "mau.json", &refs), Ok(sample_bank()));
    let gaps = SAMPLE_BANK.replacen(
        "\"explanation\": \"Nghị quyết 35-NQ/TW là của Bộ Chính trị.\"",
        "\"explanation\": \"\"",
        1,
    );
    let bank = read_bank(gaps.as_bytes(), "mau.json", &refs).unwrap();
    assert_eq!(bank.questions[0].explanation, "");
    let broken = read_bank(b"{\"format\": 1,", "hong.json", &refs).unwrap_err();
    assert!(!broken.is_empty());
}

#[test]
fn every_shipped_bank_survives_a_draft() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questions");
    let mut seen = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !name.ends_with(".json") || ["catalogue.json", "materials.json"].contains(&name.as_str()) {
            continue;
        }
        let bank = read_bank(&std::fs::read(&path).unwrap(), &name, &References::default()).unwrap();
        let d = Draft { bank, ..a_draft("t") };
        assert_eq!(draft::decode(&draft::encode(&d)), Ok(d), "{name}");
        seen += 1;
    }
    assert!(seen >= 5);
}

proptest::proptest! {
    /// Whatever is stored under a draft's key, reading it never panics; a draft cut short or
    /// with a byte changed is named damaged (or still reads, when the change is harmless).
    #[test]
    fn any_stored_text_reads_without_panic(text in ".{0,200}", cut in 0usize..4000, byte in 0usize..4000) {
        let _ = draft::decode(&text);
        let whole = draft::encode(&a_draft("t"));
        let cut = whole.char_indices().map(|(i, _)| i).find(|&i| i >= cut.min(whole.len() - 1)).unwrap_or(0);
        proptest::prop_assert!(draft::decode(&whole[..cut]).is_err());
        let mut changed = whole.clone().into_bytes();
        let at = byte % changed.len();
        changed[at] = b'"';
        if let Ok(text) = String::from_utf8(changed) {
            let _ = draft::decode(&text);
        }
    }
}

/// An edit from a few numbers: every kind of edit, places in and out of range.
fn edit_from(kind: u8, q: usize, k: usize, to: usize) -> Edit {
    let lists = [List::Options, List::Accepted, List::Items, List::Left, List::Right];
    let list = lists[k % lists.len()];
    match kind % 16 {
        0 => Edit::Title(format!("t{k}")),
        1 => Edit::AddQuestion(QuestionType::ALL[k % 6], material()),
        2 => Edit::Duplicate(q),
        3 => Edit::Delete(q),
        4 => Edit::Move(q, to),
        5 => Edit::Type(q, QuestionType::ALL[k % 6]),
        6 => Edit::Prompt(q, format!("p{k}")),
        7 => Edit::Quote(q, format!("q{k}")),
        8 => Edit::AddTag(q, format!("n{k}")),
        9 => Edit::RemoveTag(q, k),
        10 => Edit::Difficulty(q, (k % 4) as u8),
        11 => Edit::Correct(q, k),
        12 => Edit::Entry(q, list, k, format!("e{to}")),
        13 => Edit::AddEntry(q, list),
        14 => Edit::RemoveEntry(q, list, k),
        _ => Edit::MoveEntry(q, list, k, to),
    }
}

proptest::proptest! {
    /// Any sequence of edits undone step by step gives the bank back, and redone gives the
    /// edited bank again; the canonical text always reads back as the bank.
    #[test]
    fn undo_and_redo_retrace_any_edits(edits in proptest::collection::vec((0u8..16, 0usize..9, 0usize..6, 0usize..6), 0..40)) {
        let mut e = Editing::new(sample_bank(), true);
        for (kind, q, k, to) in edits {
            e.apply(edit_from(kind, q, k, to));
        }
        let edited = e.bank().clone();
        let read: crate::model::Bank = serde_json::from_str(&e.text()).unwrap();
        proptest::prop_assert_eq!(crate::layout::write_bank(&read), e.text());
        while e.undo() {}
        proptest::prop_assert_eq!(e.bank(), &sample_bank());
        while e.redo() {}
        proptest::prop_assert_eq!(e.bank(), &edited);
    }
}
