//! Word and Excel files made as trainers make them (`tests/fixtures/make_office.py`, python-docx
//! and openpyxl), read through the one entry point the CLI and the browser call.

use ontap_core::model::{Letter, Letters, QuestionKind};
use ontap_import::{FileImport, Format, FormatChoice, Options, import_file};

/// The command line's options with the bank id `nq`.
fn options() -> Options {
    Options { bank_id: "nq".into(), title: None, description: None, material: None, format_choice: FormatChoice::Flag }
}

fn read(name: &str) -> FileImport {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let bytes = std::fs::read(path).unwrap();
    let options = options();
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
    let options = options();
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

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// A damaged Word or Excel file (bytes changed, the end cut off) is an error or a smaller
    /// import, never a panic. (The fuzz targets import_docx and import_xlsx go further.)
    #[test]
    fn damaged_office_files_never_panic(
        which in 0usize..4,
        cut in 0usize..60_000,
        flips in proptest::collection::vec((0usize..60_000, proptest::prelude::any::<u8>()), 0..8),
    ) {
        let name = ["de-on-tap.docx", "bang.docx", "danh-sach.docx", "cau-hoi.xlsx"][which];
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        let mut bytes = std::fs::read(path).unwrap();
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        bytes.truncate(cut.max(4));
        let options = options();
        if let Ok(f) = import_file(name, &bytes, None, &options) {
            let lines = f.text.lines().count().max(1);
            proptest::prop_assert!(f.import.notes.iter().all(|n| n.line <= lines + 1));
        }
    }
}

/// `name`'s archive with its part `part` replaced by `xml`.
fn with_part(name: &str, part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if entry_name.as_str() == part {
            data = edit(&String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(entry_name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

    /// Word and Excel XML cut and spliced at random (tags opened and never closed, lists,
    /// tables, equations where they do not belong): an error or an import, never a panic.
    #[test]
    fn spliced_office_xml_never_panics(
        which in 0usize..4,
        from in 0usize..40_000,
        len in 0usize..400,
        at in 0usize..40_000,
        snippet in 0usize..10,
    ) {
        let (name, part) = [
            ("de-on-tap.docx", "word/document.xml"),
            ("bang.docx", "word/document.xml"),
            ("danh-sach.docx", "word/numbering.xml"),
            ("cau-hoi.xlsx", "xl/worksheets/sheet1.xml"),
        ][which];
        let insert = [
            "<w:p>", "</w:p>", "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr>", "<w:b/>", "<w:br/>",
            "<w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"91\"/></w:numPr>", "&amp;&#x1EA1;",
            "<m:oMath>", "<c r=\"XFD1048576\" t=\"s\"><v>99999</v></c>",
        ][snippet];
        let bytes = with_part(name, part, |xml| {
            let mut chars: Vec<char> = xml.chars().collect();
            let start = from % chars.len().max(1);
            let end = (start + len).min(chars.len());
            chars.drain(start..end);
            let at = at % (chars.len() + 1);
            chars.splice(at..at, insert.chars());
            chars.into_iter().collect()
        });
        let options = options();
        if let Ok(f) = import_file(name, &bytes, None, &options) {
            let lines = f.text.lines().count().max(1);
            proptest::prop_assert!(f.import.notes.iter().all(|n| n.line <= lines + 1));
            proptest::prop_assert!(ontap_import::write(&f.import.bank).ends_with('\n'));
        }
    }
}
