//! Excel workbooks (.xlsx) read directly: the first worksheet, in the template's layout (a header
//! row naming the columns, one question a row), as the CSV reader reads it, with the cells'
//! formatting (bold, underline, fill, font colour) as marks of the right option. Notes name
//! Excel's own row numbers.

use crate::csv::{self, Cell, Row};
use crate::office::{Archive, Xml, attr, walk};
use crate::word::{Mark, Marks};
use crate::{Fatal, Note, Parsed};

/// The marks of each cell style (`s` attribute → `cellXfs` → font and fill).
fn styles(xml: &str) -> Result<Vec<Marks>, Fatal> {
    let mut fonts: Vec<Marks> = Vec::new();
    let mut fills: Vec<bool> = Vec::new();
    let mut xfs: Vec<Marks> = Vec::new();
    let (mut in_fonts, mut in_fills, mut in_xfs) = (false, false, false);
    walk("xl/styles.xml", xml, |e| match e {
        Xml::Open(e, empty) => {
            let name = e.name();
            match name.as_ref() {
                "fonts" => in_fonts = !empty,
                "fills" => in_fills = !empty,
                "cellXfs" => in_xfs = !empty,
                "font" if in_fonts => fonts.push(Marks::default()),
                "fill" if in_fills => fills.push(false),
                "b" if in_fonts => mark(&mut fonts, Mark::Bold, e),
                "u" if in_fonts => mark(&mut fonts, Mark::Underline, e),
                "color" if in_fonts => {
                    let rgb = attr(e, "rgb").unwrap_or_default();
                    let black = rgb.is_empty() || rgb.ends_with("000000") || attr(e, "auto").is_some();
                    if !black {
                        mark(&mut fonts, Mark::Color, e);
                    }
                }
                "patternFill" if in_fills => {
                    let solid = attr(e, "patternType").is_some_and(|t| t != "none" && t != "gray125");
                    if let Some(f) = fills.last_mut() {
                        *f = solid;
                    }
                }
                "xf" if in_xfs => {
                    let font = attr(e, "fontId").and_then(|f| f.parse::<usize>().ok());
                    let fill = attr(e, "fillId").and_then(|f| f.parse::<usize>().ok());
                    let mut m = font.and_then(|f| fonts.get(f).copied()).unwrap_or_default();
                    if fill.and_then(|f| fills.get(f).copied()).unwrap_or(false) {
                        m = m.with(Mark::Highlight);
                    }
                    xfs.push(m);
                }
                _ => {}
            }
        }
        Xml::Close(name) => match name {
            "fonts" => in_fonts = false,
            "fills" => in_fills = false,
            "cellXfs" => in_xfs = false,
            _ => {}
        },
        Xml::Text(_) => {}
    })?;
    Ok(xfs)
}

fn mark(fonts: &mut [Marks], m: Mark, e: &quick_xml::events::BytesStart<'_>) {
    let off = matches!(attr(e, "val").as_deref(), Some("0" | "false" | "none"));
    if let (Some(f), false) = (fonts.last_mut(), off) {
        *f = f.with(m);
    }
}

/// The shared strings, each the text of its runs.
fn shared_strings(xml: &str) -> Result<Vec<String>, Fatal> {
    let mut out: Vec<String> = Vec::new();
    let (mut in_t, mut in_phonetic) = (false, false);
    walk("xl/sharedStrings.xml", xml, |e| match e {
        Xml::Open(e, empty) => match e.name().as_ref() {
            "si" if out.len() <= crate::office::MAX_ITEMS => out.push(String::new()),
            "t" => in_t = !empty,
            "rPh" => in_phonetic = !empty,
            _ => {}
        },
        Xml::Close(name) => match name {
            "t" => in_t = false,
            "rPh" => in_phonetic = false,
            _ => {}
        },
        Xml::Text(t) if in_t && !in_phonetic => {
            if let Some(s) = out.last_mut() {
                s.push_str(t);
            }
        }
        Xml::Text(_) => {}
    })?;
    Ok(out)
}

/// `B12` → column 1 (0-based).
fn column_of(reference: &str) -> Option<usize> {
    let letters: String = reference.chars().take_while(char::is_ascii_alphabetic).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(letters.bytes().fold(0usize, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1) - 1)
}

/// The widest sheet read: the template has 16 columns; cells further right are not read (a
/// cell in column XFD would otherwise fill 16,384 cells of its row).
const MAX_COLUMNS: usize = 64;

/// The rows of a worksheet: (Excel row number, cells by column).
fn sheet(xml: &str, strings: &[String], styles: &[Marks]) -> Result<Vec<Row>, Fatal> {
    let mut rows: Vec<Row> = Vec::new();
    let mut cell: Option<(usize, String, Marks, String)> = None;
    let mut in_value = false;
    let mut cells = 0usize;
    let mut over = false;
    walk("xl/worksheets", xml, |e| match e {
        _ if over => {}
        Xml::Open(e, empty) => match e.name().as_ref() {
            "row" => {
                cells += 1;
                over = cells > crate::office::MAX_ITEMS;
                let line = attr(e, "r").and_then(|r| r.parse().ok()).unwrap_or(rows.last().map_or(1, |r| r.line + 1));
                rows.push(Row { line, cells: Vec::new() });
            }
            "c" => {
                let col = attr(e, "r")
                    .and_then(|r| column_of(&r))
                    .unwrap_or_else(|| rows.last().map_or(0, |r| r.cells.len()));
                let marks = attr(e, "s")
                    .and_then(|s| s.parse::<usize>().ok())
                    .and_then(|s| styles.get(s).copied())
                    .unwrap_or_default();
                let kind = attr(e, "t").unwrap_or_default();
                cell = (!empty).then(|| (col, kind, marks, String::new()));
            }
            "v" | "t" => in_value = !empty,
            _ => {}
        },
        Xml::Close(name) => match name {
            "v" | "t" => in_value = false,
            "c" => {
                if let (Some((col, kind, marks, raw)), Some(row)) = (cell.take(), rows.last_mut()) {
                    let text = match kind.as_str() {
                        "s" => {
                            raw.trim().parse::<usize>().ok().and_then(|i| strings.get(i)).cloned().unwrap_or_default()
                        }
                        "b" => (if raw.trim() == "1" { "TRUE" } else { "FALSE" }).to_owned(),
                        _ => raw,
                    };
                    if col < MAX_COLUMNS {
                        if row.cells.len() <= col {
                            cells += col + 1 - row.cells.len();
                            over = cells > crate::office::MAX_ITEMS;
                            row.cells.resize(col + 1, Cell::default());
                        }
                        row.cells[col] = Cell { text, marks };
                    }
                }
            }
            _ => {}
        },
        Xml::Text(t) if in_value => {
            if let Some((_, _, _, raw)) = cell.as_mut() {
                raw.push_str(t);
            }
        }
        Xml::Text(_) => {}
    })?;
    if over {
        return Err(Fatal::TooMany { what: ("ô", "cells"), limit: crate::office::MAX_ITEMS });
    }
    Ok(rows)
}

/// Reads a .xlsx: its first worksheet's text (one line per Excel row, cells tab-separated, so
/// line N is row N) and its questions.
pub fn read(bytes: &[u8]) -> Result<(String, Parsed), Fatal> {
    let mut archive = Archive::open(bytes)?;
    let mut sheets: Vec<String> =
        archive.names.iter().filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml")).cloned().collect();
    // sheet1.xml, sheet2.xml, … sheet10.xml in Excel's order.
    sheets.sort_by_key(|n| (n.len(), n.clone()));
    let first = sheets.first().cloned().ok_or(Fatal::NoContent { part: "xl/worksheets" })?;
    let strings = match archive.text("xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };
    let styles = match archive.text("xl/styles.xml")? {
        Some(xml) => styles(&xml)?,
        None => Vec::new(),
    };
    let xml = archive.text(&first)?.unwrap_or_default();
    let rows = sheet(&xml, &strings, &styles)?;
    let mut text = String::new();
    let mut at = 0;
    for r in &rows {
        while at + 1 < r.line {
            text.push('\n');
            at += 1;
        }
        let cells: Vec<String> = r.cells.iter().map(|c| c.text.replace(['\n', '\r', '\t'], " ")).collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
        at = r.line;
    }
    // The header row: the first naming the question column (a title may stand above it), or
    // the first row with anything in it.
    let named = rows.iter().take(20).position(|r| csv::columns(r).contains(&Some("cau_hoi")));
    let first = rows.iter().position(|r| r.cells.iter().any(|c| !c.text.trim().is_empty()));
    let Some(header_at) = named.or(first) else {
        let mut parsed = Parsed::default();
        parsed.notes.push(Note::error(0, "Trang tính đầu tiên trống.").en("The first sheet is empty."));
        return Ok((text, parsed));
    };
    let mut parsed = csv::parse_rows(&rows[header_at], &rows[header_at + 1..]);
    if sheets.len() > 1 {
        parsed.notes.push(Note::bilingual(
            0,
            true,
            format!("Tệp có {} trang tính; chỉ đọc trang đầu tiên. Hãy để câu hỏi trong một trang, hoặc tách thành nhiều tệp.", sheets.len()),
            format!("The workbook has {} sheets; only the first was read. Keep the questions in one sheet, or split the file.", sheets.len()),
        ));
    }
    Ok((text, parsed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_of_far_cells_stops_at_the_limit() {
        let rows: String = (1..=20_000).map(|r| format!("<row r=\"{r}\"><c r=\"BK{r}\"><v>1</v></c></row>")).collect();
        let xml = format!("<worksheet><sheetData>{rows}</sheetData></worksheet>");
        let file = crate::office::tests::zip_of(&[("xl/worksheets/sheet1.xml", xml.as_bytes())]);
        assert!(matches!(read(&file), Err(Fatal::TooMany { .. })));
        // Column XFD is not read at all: one row, one short row of cells.
        let far = "<worksheet><sheetData><row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c r=\"A1\" t=\"inlineStr\"><is><t>cau_hoi</t></is></c></row></sheetData></worksheet>";
        let file = crate::office::tests::zip_of(&[("xl/worksheets/sheet1.xml", far.as_bytes())]);
        let (text, _) = read(&file).unwrap();
        assert_eq!(text, "cau_hoi\n");
    }

    #[test]
    fn columns_from_references() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("Z9"), Some(25));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_of("12"), None);
    }
}
