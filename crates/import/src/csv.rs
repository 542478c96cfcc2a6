//! CSV saved from Excel, with the template's header row (`questions/mau-nhap.csv`):
//!
//! `ma;cau_hoi;a;b;c;d;dap_an;giai_thich;the;tai_lieu;trich_dan;do_kho`
//!
//! Columns are found by their header, in any order, with or without diacritics and case
//! (`Câu hỏi` = `cau_hoi`); only `cau_hoi` and `dap_an` are required; options `a`–`h`.
//! The separator is `;` (Excel with Vietnamese regional settings) or `,` or a tab, taken from
//! the header row; Excel's UTF-8 byte-order mark is accepted; a cell may span lines inside
//! quotes (Alt+Enter in Excel).

use super::word::{Mark, Marks, letters};
use super::{Draft, MAX_OPTIONS, Note, Parsed, choice_written, clean, unquote};
use ontap_core::model::{QuestionKind, index_letter};
use ontap_core::text::search_key;

/// The template's columns, in the template's order.
pub const COLUMNS: [&str; 16] = [
    "ma",
    "cau_hoi",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "dap_an",
    "giai_thich",
    "the",
    "tai_lieu",
    "trich_dan",
    "do_kho",
];

/// The column a header names (`Câu hỏi`, `CAU_HOI`, `cau hoi` → `cau_hoi`), when it names one.
fn column(header: &str) -> Option<&'static str> {
    let key: String = search_key(&clean(header)).chars().map(|c| if c == ' ' || c == '-' { '_' } else { c }).collect();
    let key = match key.as_str() {
        "loi_giai" => "giai_thich",
        "tags" | "chu_de" => "the",
        "ma_tai_lieu" => "tai_lieu",
        "ma_cau" | "ma_cau_hoi" | "id" => "ma",
        "dap_an_dung" | "dap_an_dung_la" => "dap_an",
        "noi_dung_cau_hoi" | "noi_dung" | "de_bai" | "cau_hoi_trac_nghiem" => "cau_hoi",
        other => other.strip_prefix("phuong_an_").unwrap_or(other),
    };
    COLUMNS.iter().find(|c| **c == key).copied()
}

/// Whether `line` is a header row naming the question column (in any of the separators).
pub fn is_header(line: &str) -> bool {
    let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
    let sep = separator(line) as char;
    let names: Vec<Option<&str>> = line.split(sep).map(|h| column(unquote(h))).collect();
    names.contains(&Some("cau_hoi")) && names.iter().flatten().count() >= 2
}

/// The separator the header row uses: the most frequent of `;`, `,` and tab (`;` on a tie).
fn separator(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    let (semi, comma, tab) = (count(';'), count(','), count('\t'));
    if tab > semi && tab > comma {
        b'\t'
    } else if comma > semi {
        b','
    } else {
        b';'
    }
}

/// One cell of a table, with the marks of its formatting (a workbook's or a Word table's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// Bold, underline, fill, colour (`*` is read from the text).
    pub marks: Marks,
}

impl Cell {
    /// A cell without formatting.
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), marks: Marks::default() }
    }
}

/// One row of a table and the line (or spreadsheet row) notes name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// 1-based line or row number.
    pub line: usize,
    /// The cells, in column order.
    pub cells: Vec<Cell>,
}

/// Reads CSV in the template's layout.
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or_default();
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator(header_line))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let Some(Ok(header)) = records.next() else {
        return Parsed {
            notes: vec![
                Note::error(1, "Không đọc được dòng tiêu đề của bảng.").en("The table's header row cannot be read."),
            ],
            ..Parsed::default()
        };
    };
    let header = Row { line: 1, cells: header.iter().map(Cell::plain).collect() };
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for record in records {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| line_at(text, p.byte()));
                rows.push(Row { line, cells: r.iter().map(Cell::plain).collect() });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(text, p.byte()));
                notes.push(
                    Note::error(line, format!("Không đọc được dòng này của bảng: {e}."))
                        .en(format!("This row of the table cannot be read: {e}.")),
                );
            }
        }
    }
    let mut parsed = parse_rows(&header, &rows);
    parsed.notes.extend(notes);
    parsed.notes.sort_by_key(|n| n.line);
    parsed
}

/// The columns a header row names.
pub fn columns(header: &Row) -> Vec<Option<&'static str>> {
    header.cells.iter().map(|c| column(&c.text)).collect()
}

/// Reads a table in the template's layout: its header row, then one question a row.
pub fn parse_rows(header: &Row, rows: &[Row]) -> Parsed {
    parse_with(header, &columns(header), rows)
}

/// Reads rows whose columns are `columns` (a header row's, or as laid out without one).
pub fn parse_with(header: &Row, columns: &[Option<&'static str>], rows: &[Row]) -> Parsed {
    let mut parsed = Parsed::default();
    let hl = header.line;
    for (i, (cell, col)) in header.cells.iter().zip(columns).enumerate() {
        // A numbering column (`STT`) is the row's own business.
        let numbering = matches!(search_key(&clean(&cell.text)).as_str(), "stt" | "tt" | "so thu tu" | "cau" | "so");
        if col.is_none() && !cell.text.trim().is_empty() && !numbering {
            let message = format!(
                "Cột {} “{}” không có trong mẫu nên bị bỏ qua (các cột: {}).",
                i + 1,
                clean(&cell.text),
                COLUMNS.join(", ")
            );
            let en = format!(
                "Column {} \"{}\" is not in the template and was ignored (the columns: {}).",
                i + 1,
                clean(&cell.text),
                COLUMNS.join(", ")
            );
            parsed.notes.push(Note::error(hl, message).en(en));
        }
    }
    // Without an answer column, the right options may be marked (bold, fill, `*`…).
    let marked = rows.iter().flat_map(|r| &r.cells).any(|c| {
        let t = c.text.trim();
        !c.marks.is_empty() || (t.len() > 1 && (t.starts_with('*') || t.ends_with('*')))
    });
    for required in ["cau_hoi", "dap_an"] {
        let implied = required == "dap_an" && marked;
        if !implied && !columns.contains(&Some(required)) {
            parsed.notes.push(
                Note::error(hl, format!("Thiếu cột “{required}” ở dòng tiêu đề; xem tệp mẫu questions/mau-nhap.csv."))
                    .en(format!(
                        "The header row lacks the column \"{required}\"; see the template questions/mau-nhap.csv."
                    )),
            );
        }
    }
    if !columns.contains(&Some("cau_hoi")) {
        return parsed;
    }
    for record in rows {
        let line = record.line;
        if record.cells.iter().all(|cell| clean(&cell.text).is_empty()) {
            continue;
        }
        if record.cells.len() > columns.len()
            && record.cells.iter().skip(columns.len()).any(|c| !clean(&c.text).is_empty())
        {
            parsed.notes.push(
                Note::error(line, "Dòng này có nhiều ô hơn dòng tiêu đề; các ô thừa bị bỏ qua.")
                    .en("This row has more cells than the header row; the extra cells were ignored."),
            );
        }
        let at = |name: &str| columns.iter().position(|c| *c == Some(name)).and_then(|i| record.cells.get(i));
        let cell = |name: &str| -> String { at(name).map(|c| clean(&c.text)).unwrap_or_default() };
        let marks = |name: &str| -> Marks { at(name).map(|c| c.marks).unwrap_or_default() };
        let number = parsed.drafts.len() + 1;
        parsed.drafts.push(row(line, number, &cell, &marks, &mut parsed.notes));
    }
    parsed
}

/// The 1-based line of the record at byte `offset` (the csv crate's own line count skips the
/// line breaks inside quoted cells).
fn line_at(text: &str, offset: u64) -> usize {
    let mut end = usize::try_from(offset).unwrap_or(usize::MAX).min(text.len());
    // The position can fall before the end of the previous record's CRLF, or on blank lines.
    while text.as_bytes().get(end).is_some_and(|b| *b == b'\r' || *b == b'\n') {
        end += 1;
    }
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// One question row.
fn row(
    line: usize,
    number: usize,
    cell: &dyn Fn(&str) -> String,
    marks: &dyn Fn(&str) -> Marks,
    notes: &mut Vec<Note>,
) -> Draft {
    let prompt = cell("cau_hoi");
    if prompt.is_empty() {
        notes.push(Note::error(line, "Ô câu hỏi (cau_hoi) trống.").en("The question cell (cau_hoi) is empty."));
    }
    let mut options: Vec<(usize, String)> = Vec::new();
    let mut marked: Vec<(usize, Marks)> = Vec::new();
    let mut gap: Option<usize> = None;
    for i in 0..MAX_OPTIONS {
        let mut text = cell(COLUMNS[2 + i]);
        let mut m = marks(COLUMNS[2 + i]);
        if let Some(t) = text.strip_prefix('*').or_else(|| text.strip_suffix('*')).map(|t| t.trim().to_owned()) {
            text = t;
            m = m.with(Mark::Star);
        }
        marked.push((i, m));
        if text.is_empty() {
            gap.get_or_insert(i);
            continue;
        }
        if let Some(g) = gap.take().filter(|_| !options.is_empty() || i > 0) {
            let (g, i) = (index_letter(g), index_letter(i));
            notes.push(
                Note::error(line, format!("Ô phương án {g} trống nhưng có phương án {i}."))
                    .en(format!("Option {g} is empty but there is an option {i}.")),
            );
        }
        options.push((i, text));
    }
    let answer = unquote(&cell("dap_an")).to_owned();
    let kind = if options.is_empty() {
        match search_key(&answer).as_str() {
            "dung" => QuestionKind::TrueFalse { answer: true },
            "sai" => QuestionKind::TrueFalse { answer: false },
            _ => {
                let accepted: Vec<String> = answer.split(['|', ';']).map(clean).filter(|a| !a.is_empty()).collect();
                if ontap_core::check::count_blanks(&prompt) == 0 {
                    notes.push(
                        Note::error(line, "Không có phương án a–d; câu không phải Đúng/Sai cũng không có chỗ trống ___ để điền.")
                            .en("No options a–d; the question is neither Đúng/Sai (true/false) nor has a blank ___ to fill."),
                    );
                }
                if accepted.is_empty() {
                    notes.push(Note::error(line, "Ô đáp án (dap_an) trống.").en("The answer cell (dap_an) is empty."));
                }
                QuestionKind::FillBlank { accepted, strict_diacritics: false }
            }
        }
    } else {
        let by_mark = Mark::ALL.iter().find_map(|m| {
            let set: Vec<usize> = marked
                .iter()
                .filter(|(i, x)| x.has(*m) && options.iter().any(|(o, _)| o == i))
                .map(|(i, _)| *i)
                .collect();
            (!set.is_empty() && set.len() < options.len()).then_some((*m, set))
        });
        let chosen = match letters(&answer) {
            Some(l) => {
                if let Some((m, set)) = by_mark.filter(|(_, set)| *set != l) {
                    let message = format!(
                        "Dòng {line}: đáp án ghi {} nhưng {} đánh dấu {}; giữ đáp án ghi.",
                        super::word::shown(&l),
                        m.name(),
                        super::word::shown(&set)
                    );
                    let en = format!(
                        "Row {line}: the answer written is {} but {} marks {}; the written answer is kept.",
                        super::word::shown(&l),
                        m.name_en(),
                        super::word::shown(&set)
                    );
                    notes.push(Note::warning(line, message).en(en));
                }
                l
            }
            None if answer.is_empty() && by_mark.is_some() => by_mark.map(|(_, set)| set).unwrap_or_default(),
            None if answer.is_empty() => {
                notes.push(Note::error(line, "Ô đáp án (dap_an) trống.").en("The answer cell (dap_an) is empty."));
                Vec::new()
            }
            None => {
                notes.push(
                    Note::error(line, format!("Không hiểu đáp án “{answer}”: cần chữ cái như “B” hoặc “A, C”.")).en(
                        format!("The answer \"{answer}\" is not understood: write letters such as \"B\" or \"A, C\"."),
                    ),
                );
                Vec::new()
            }
        };
        choice_written(options, &chosen, line, &format!("dòng {line}"), notes)
    };
    let mut d = Draft::new(line, number, prompt, kind);
    d.id = Some(cell("ma")).filter(|m| !m.is_empty());
    d.explanation = cell("giai_thich");
    d.tags = cell("the").split([',', '|', ';']).map(clean).filter(|t| !t.is_empty()).collect();
    d.material = Some(cell("tai_lieu")).filter(|m| !m.is_empty());
    d.quote = Some(unquote(&cell("trich_dan")).to_owned()).filter(|q| !q.is_empty());
    let difficulty = cell("do_kho");
    d.difficulty = match search_key(&difficulty).as_str() {
        "" => None,
        "1" | "de" => Some(1),
        "2" | "trung binh" | "vua" => Some(2),
        "3" | "kho" => Some(3),
        _ => {
            notes.push(
                Note::error(
                    line,
                    format!("Độ khó “{difficulty}” không hợp lệ: ghi 1 (dễ), 2 (trung bình) hoặc 3 (khó)."),
                )
                .en(format!("The difficulty \"{difficulty}\" is invalid: write 1 (easy), 2 (medium) or 3 (hard).")),
            );
            None
        }
    };
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use ontap_core::model::{Letter, Letters};

    #[test]
    fn headers_match_with_or_without_diacritics() {
        assert_eq!(column("Câu hỏi"), Some("cau_hoi"));
        assert_eq!(column(" ĐÁP ÁN "), Some("dap_an"));
        assert_eq!(column("Phương án A"), Some("a"));
        assert_eq!(column("ghi chú"), None);
    }

    #[test]
    fn separator_is_taken_from_the_header() {
        assert_eq!(separator("cau_hoi;a;b;dap_an"), b';');
        assert_eq!(separator("cau_hoi,a,b,dap_an"), b',');
        assert_eq!(separator("cau_hoi\ta\tb"), b'\t');
    }

    #[test]
    fn comma_rows_with_bom_and_a_quoted_multiline_cell() {
        let p = parse(
            "\u{FEFF}cau_hoi,a,b,c,dap_an,ghi chú\n\"Hỏi, dài\ndòng hai\",x,y,z,\"A, C\",bỏ\n,,,,,\nĐúng hay sai?,,,,Sai,\n",
        );
        assert_eq!(p.drafts.len(), 2);
        assert_eq!(p.drafts[0].prompt, "Hỏi, dài dòng hai");
        assert_eq!(
            p.drafts[0].kind,
            QuestionKind::Multiple {
                options: vec!["x".into(), "y".into(), "z".into()],
                correct: Letters::Many(vec![Letter("A".into()), Letter("C".into())])
            }
        );
        assert_eq!((p.drafts[1].line, &p.drafts[1].kind), (5, &QuestionKind::TrueFalse { answer: false }));
        assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
        assert!(p.notes[0].message.starts_with("Cột 6 “ghi chú” không có trong mẫu"));
    }

    #[test]
    fn a_header_without_the_question_column_imports_nothing_and_says_why() {
        let p = parse("a;b\nx;y\n");
        assert!(p.drafts.is_empty());
        assert!(p.notes.iter().any(|n| n.message.starts_with("Thiếu cột “cau_hoi”")));
    }
}
