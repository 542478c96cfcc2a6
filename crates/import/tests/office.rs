//! Word and Excel files made as trainers make them (`tests/fixtures/make_office.py`, python-docx
//! and openpyxl), read through the one entry point the CLI and the browser call.

use ontap_core::model::{Letter, Letters, QuestionKind};
use ontap_import::{FileImport, Format, Options, import_file};

fn read(name: &str) -> FileImport {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let bytes = std::fs::read(path).unwrap();
    let options = Options { bank_id: "nq".into(), title: None, description: None, material: None };
    import_file(name, &bytes, None, &options).unwrap()
}

fn correct(f: &FileImport) -> Vec<String> {
    f.import
        .bank
        .questions
        .iter()
        .map(|q| match &q.kind {
            QuestionKind::Single { correct: Letters::One(Letter(l)), .. } => l.clone(),
            QuestionKind::Single { correct: Letters::Many(l), .. }
            | QuestionKind::Multiple { correct: Letters::Many(l), .. } => {
                l.iter().map(|x| x.0.as_str()).collect::<Vec<_>>().join("")
            }
            other => other.type_name().to_owned(),
        })
        .collect()
}

fn notes(f: &FileImport) -> Vec<String> {
    f.import.notes.iter().map(|n| format!("{}: {}", n.line, n.message)).collect()
}

#[test]
fn a_word_file_with_answers_marked_by_formatting() {
    let f = read("de-on-tap.docx");
    assert_eq!(f.format, Format::Docx);
    // Bold, underline, highlight, colour, the Đáp án line (over a disagreeing bold), `*` on an
    // option going on in the next paragraph, bold beside an image, an Đáp án line beside an equation.
    assert_eq!(correct(&f), ["B", "B", "A", "B", "A", "A", "A", "B"]);
    let q = &f.import.bank.questions;
    assert_eq!(q[0].prompt, "Nghị quyết 35-NQ/TW do cơ quan nào ban hành?");
    assert_eq!(q[0].id.as_str(), "nq-001");
    match &q[5].kind {
        QuestionKind::Single { options, .. } => {
            assert_eq!(options[0], "Kiên định chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(f.import.bank.title, "ĐỀ ÔN TẬP NGHỊ QUYẾT 35");
    assert_eq!(
        notes(&f),
        [
            "18: Câu 5: đáp án ghi A nhưng chữ đậm đánh dấu B; giữ đáp án ghi.",
            "24: Câu 7 có hình ảnh: ứng dụng chưa hiện được, phần này không được nhập. Hãy viết lại bằng chữ (hoặc bỏ câu nếu không thể).",
            "27: Câu 8 có công thức (equation): ứng dụng chưa hiện được, phần này không được nhập. Hãy viết lại bằng chữ (hoặc bỏ câu nếu không thể).",
        ]
    );
    // The notes' lines are lines of the text returned.
    assert_eq!(f.text.lines().nth(17), Some("Đáp án: A"));
    assert_eq!(f.text.lines().nth(22), Some("Câu 7. Hình bên là biểu trưng của tổ chức nào?"));
    assert_eq!(f.text.lines().nth(23), Some("[hình ảnh]"));
}

#[test]
fn word_tables_one_question_a_row_with_or_without_a_header() {
    let f = read("bang.docx");
    assert_eq!(correct(&f), ["B", "ABD", "B", "A"]);
    let q = &f.import.bank.questions;
    assert_eq!(q[2].prompt, "Nghị quyết 35-NQ/TW ban hành năm nào?");
    match &q[2].kind {
        QuestionKind::Single { options, .. } => assert_eq!(options, &["2016", "2018", "2019"]),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        notes(&f),
        ["5: Dòng nằm ngoài mọi câu hỏi, không được nhập: “Bảng không có dòng tiêu đề, đáp án in đậm:”."]
    );
    assert_eq!(f.text.lines().nth(2).map(|l| l.starts_with("1 | Nghị quyết")), Some(true));
}

#[test]
fn an_excel_workbook_with_answers_in_the_column_or_by_formatting() {
    let f = read("cau-hoi.xlsx");
    assert_eq!(f.format, Format::Xlsx);
    // The column, bold, fill, colour, and the column over a disagreeing bold.
    assert_eq!(correct(&f), ["B", "B", "A", "B", "A"]);
    assert_eq!(f.import.bank.questions[0].explanation, "Của Bộ Chính trị.");
    assert_eq!(
        notes(&f),
        [
            "0: Tệp có 2 trang tính; chỉ đọc trang đầu tiên. Hãy để câu hỏi trong một trang, hoặc tách thành nhiều tệp.",
            "6: Dòng 6: đáp án ghi A nhưng chữ đậm đánh dấu B; giữ đáp án ghi.",
        ]
    );
    // Line N is Excel's row N.
    assert!(f.text.lines().nth(5).unwrap().starts_with("Cơ quan thường trực"));
}

#[test]
fn the_same_file_under_any_name_is_read_by_its_content() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cau-hoi.xlsx");
    let bytes = std::fs::read(path).unwrap();
    let options = Options { bank_id: "nq".into(), title: None, description: None, material: None };
    let f = import_file("tai-ve (1)", &bytes, None, &options).unwrap();
    assert_eq!(f.format, Format::Xlsx);
}

#[test]
fn questions_and_options_numbered_by_word_itself() {
    let f = read("danh-sach.docx");
    // The labels Word shows ("Câu 1.", "A.") are not in the text: they come from numbering.xml,
    // the option list restarting at A for each question.
    assert_eq!(
        f.text.lines().take(5).collect::<Vec<_>>(),
        [
            "Ôn tập đánh số tự động",
            "Câu 1. Nghị quyết 35-NQ/TW do cơ quan nào ban hành?",
            "A. Ban Bí thư",
            "B. Bộ Chính trị",
            "C. Quốc hội"
        ]
    );
    assert_eq!(correct(&f), ["B", "B", "A"]);
    let ids: Vec<&str> = f.import.bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["nq-001", "nq-002", "nq-003"]);
    assert!(notes(&f).is_empty(), "{:?}", notes(&f));
}

#[test]
fn a_workbook_with_a_title_row_and_answers_marked_by_formatting_only() {
    let f = read("tieu-de.xlsx");
    assert_eq!(correct(&f), ["B", "B"]);
    assert_eq!(f.import.bank.questions[0].prompt, "Nghị quyết 35-NQ/TW do cơ quan nào ban hành?");
    // No complaint about the missing answer column nor the numbering column.
    assert!(notes(&f).is_empty(), "{:?}", notes(&f));
}
