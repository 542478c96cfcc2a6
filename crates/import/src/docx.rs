//! Word files (.docx) read directly: the paragraphs of `word/document.xml` with their formatting
//! go to the Word-text reader (so bold, underline, highlight and colour can mark the right
//! option), and tables laid out one question a row (`Câu hỏi | A | B | C | D | Đáp án`, with or
//! without a header row) to the table reader. Images and equations cannot be shown by the app:
//! each is reported under its question, never dropped silently.
//!
//! Notes name lines of the document's text as [`read`] returns it: one line a paragraph (a
//! manual line break starts another), one line a table row, cells joined by ` | `.

use crate::csv::{self, Cell, Row};
use crate::office::{Archive, Xml, attr, walk};
use crate::word::{self, Line, Mark, Marks, Span};
use crate::{Draft, Fatal, Note, Parsed};

/// Something the app cannot show, found on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object {
    Image,
    Equation,
}

/// A block of the document, in order.
enum Block {
    Line(Line),
    Table(Vec<Vec<Line>>),
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// The paragraph being read.
    line: Line,
    /// The current run's marks.
    run: Marks,
    in_run_props: bool,
    in_math: usize,
    /// Objects in the paragraph being read.
    objects: Vec<Object>,
    /// Objects by block index.
    found: Vec<(usize, Object)>,
    /// Tables being read (nested ones flatten into their cell).
    tables: Vec<Vec<Vec<Line>>>,
    /// The cell being read: its paragraphs joined.
    cell: Option<Line>,
    /// Word's automatic numbering, to write the labels it shows (`A.`, `Câu 1.`).
    numbering: Numbering,
    /// The paragraph's list: (numId, level).
    list: (Option<String>, usize),
    /// Inside `w:t`: only there is text the document's (not the whitespace between elements,
    /// nor field codes).
    in_text: bool,
    /// Paragraphs and rows read, against [`crate::office::MAX_ITEMS`].
    items: usize,
}

/// One level of a numbered list: its format (`upperLetter`, `decimal`…), its text (`%1.`) and
/// where it starts.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: usize,
}

/// Word's lists (`word/numbering.xml`) and their counters as the document goes.
#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels.
    abstract_levels: std::collections::HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, level → restart value).
    nums: std::collections::HashMap<String, (String, Vec<(usize, usize)>)>,
    /// abstractNumId → counters by level.
    counters: std::collections::HashMap<String, Vec<usize>>,
    /// numIds seen (a restart applies at their first paragraph).
    used: std::collections::HashSet<String>,
}

impl Numbering {
    fn read(xml: &str) -> Result<Numbering, Fatal> {
        let mut n = Numbering::default();
        let (mut abs, mut num): (Option<String>, Option<String>) = (None, None);
        let mut level: Option<usize> = None;
        walk("word/numbering.xml", xml, |e| match e {
            Xml::Open(e, empty) => {
                let name = e.name();
                match name.as_ref() {
                    "w:abstractNum" if !empty => abs = attr(e, "w:abstractNumId"),
                    "w:num" if !empty => num = attr(e, "w:numId"),
                    "w:lvl" | "w:lvlOverride" if !empty => level = attr(e, "w:ilvl").and_then(|l| l.parse().ok()),
                    "w:abstractNumId" => {
                        if let (Some(id), Some(a)) = (&num, attr(e, "w:val")) {
                            n.nums.insert(id.clone(), (a, Vec::new()));
                        }
                    }
                    "w:startOverride" => {
                        let start = attr(e, "w:val").and_then(|v| v.parse().ok());
                        if let (Some(id), Some(l), Some(start)) = (&num, level, start)
                            && let Some((_, restarts)) = n.nums.get_mut(id)
                        {
                            restarts.push((l, start));
                        }
                    }
                    "w:start" | "w:numFmt" | "w:lvlText" => {
                        if let (Some(a), Some(l), Some(v)) = (&abs, level, attr(e, "w:val")) {
                            let levels = n.abstract_levels.entry(a.clone()).or_default();
                            if levels.len() <= l.min(8) {
                                levels.resize(l.min(8) + 1, Level { start: 1, ..Level::default() });
                            }
                            let lv = &mut levels[l.min(8)];
                            match name.as_ref() {
                                "w:start" => lv.start = v.parse().unwrap_or(1),
                                "w:numFmt" => lv.format = v,
                                _ => lv.text = v,
                            }
                        }
                    }
                    _ => {}
                }
            }
            Xml::Close(name) => match name {
                "w:abstractNum" => abs = None,
                "w:num" => num = None,
                "w:lvl" | "w:lvlOverride" => level = None,
                _ => {}
            },
            Xml::Text(_) => {}
        })?;
        Ok(n)
    }

    /// The label Word shows before the next paragraph of list `num` at `level`, counting it.
    fn label(&mut self, num: &str, level: usize) -> Option<String> {
        let (abs, restarts) = self.nums.get(num)?.clone();
        let levels = self.abstract_levels.get(&abs)?;
        let level = level.min(levels.len().checked_sub(1)?);
        let counters = self
            .counters
            .entry(abs.clone())
            .or_insert_with(|| levels.iter().map(|l| l.start.saturating_sub(1)).collect());
        if self.used.insert(num.to_owned()) {
            for (l, start) in restarts {
                if let Some(c) = counters.get_mut(l) {
                    *c = start.saturating_sub(1);
                }
            }
        }
        counters[level] += 1;
        for deeper in level + 1..counters.len() {
            counters[deeper] = levels[deeper].start.saturating_sub(1);
        }
        let lv = &levels[level];
        if matches!(lv.format.as_str(), "bullet" | "none" | "") {
            return None;
        }
        let mut text = lv.text.clone();
        for (i, l) in levels.iter().enumerate().take(9) {
            let value = counters[i].max(1);
            let shown = match l.format.as_str() {
                "upperLetter" => letter(value).to_ascii_uppercase(),
                "lowerLetter" => letter(value),
                "upperRoman" => roman(value),
                "lowerRoman" => roman(value).to_ascii_lowercase(),
                _ => value.to_string(),
            };
            text = text.replace(&format!("%{}", i + 1), &shown);
        }
        Some(text)
    }
}

/// 1 → a, 26 → z, 27 → aa (Word repeats the letter).
fn letter(n: usize) -> String {
    let c = char::from(b'a' + u8::try_from((n - 1) % 26).unwrap_or(0));
    std::iter::repeat_n(c, (n - 1) / 26 + 1).collect()
}

fn roman(mut n: usize) -> String {
    let mut out = String::new();
    for (v, s) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Whether a `w:val` switches a property on (`<w:b/>`, `<w:b w:val="1"/>`, not `"0"`/`"false"`).
fn on(e: &quick_xml::events::BytesStart<'_>) -> bool {
    !matches!(attr(e, "w:val").as_deref(), Some("0" | "false" | "none"))
}

impl Reader {
    fn event(&mut self, e: Xml<'_>) {
        match e {
            Xml::Open(e, empty) => {
                let name = e.name();
                let name = name.as_ref();
                if self.in_run_props {
                    match name {
                        "w:b" if on(e) => self.run = self.run.with(Mark::Bold),
                        "w:u" if on(e) => self.run = self.run.with(Mark::Underline),
                        "w:highlight" if on(e) => self.run = self.run.with(Mark::Highlight),
                        "w:shd"
                            if attr(e, "w:fill")
                                .is_some_and(|f| !matches!(f.as_str(), "auto" | "FFFFFF" | "ffffff")) =>
                        {
                            self.run = self.run.with(Mark::Highlight)
                        }
                        "w:color" if attr(e, "w:val").is_some_and(|c| !matches!(c.as_str(), "auto" | "000000")) => {
                            self.run = self.run.with(Mark::Color)
                        }
                        _ => {}
                    }
                }
                match name {
                    "w:p" if !empty => self.list = (None, 0),
                    "w:t" if !empty => self.in_text = true,
                    "w:numId" => self.list.0 = attr(e, "w:val"),
                    "w:ilvl" => self.list.1 = attr(e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    "w:r" if !empty => self.run = Marks::default(),
                    "w:rPr" if !empty => self.in_run_props = true,
                    "w:tab" if !self.in_run_props => self.push("\t"),
                    "w:br" | "w:cr" if attr(e, "w:type").is_none_or(|t| t == "textWrapping") => self.line_break(),
                    "w:drawing" | "w:pict" | "w:object" => self.objects.push(Object::Image),
                    "m:oMath" if !empty => {
                        self.in_math += 1;
                        if self.in_math == 1 {
                            self.objects.push(Object::Equation);
                        }
                    }
                    "w:tbl" if !empty => self.tables.push(Vec::new()),
                    "w:tr" if !empty => {
                        self.items += 1;
                        if let Some(t) = self.tables.last_mut() {
                            t.push(Vec::new());
                        }
                    }
                    "w:tc" if !empty && self.tables.len() == 1 => self.cell = Some(Line::default()),
                    _ => {}
                }
            }
            Xml::Close(name) => match name {
                "w:t" => self.in_text = false,
                "w:rPr" => self.in_run_props = false,
                "m:oMath" => self.in_math = self.in_math.saturating_sub(1),
                "w:p" => self.end_paragraph(),
                "w:tc" if self.tables.len() == 1 => {
                    let cell = self.cell.take().unwrap_or_default();
                    if let Some(row) = self.tables.last_mut().and_then(|t| t.last_mut()) {
                        row.push(cell);
                    }
                }
                "w:tbl" => {
                    if let Some(t) = self.tables.pop()
                        && self.tables.is_empty()
                    {
                        let index = self.blocks.len();
                        let objects = std::mem::take(&mut self.objects);
                        self.found.extend(objects.into_iter().map(|o| (index, o)));
                        self.blocks.push(Block::Table(t));
                    }
                }
                _ => {}
            },
            Xml::Text(t) if self.in_math == 0 && self.in_text => self.push(t),
            Xml::Text(_) => {}
        }
    }

    /// Text in the current run.
    fn push(&mut self, t: &str) {
        let start = self.line.text.len();
        self.line.text.push_str(t);
        if !self.run.is_empty() {
            self.line.spans.push(Span { range: start..self.line.text.len(), marks: self.run });
        }
    }

    fn line_break(&mut self) {
        if self.tables.is_empty() {
            self.end_paragraph();
        } else {
            self.push(" ");
        }
    }

    fn end_paragraph(&mut self) {
        self.items += 1;
        let mut line = std::mem::take(&mut self.line);
        // The label of an automatically numbered paragraph is not in its text: write it as
        // Word shows it (`A.`, `Câu 3.`), so options and questions numbered by Word are read.
        if let Some(num) = self.list.0.take()
            && let Some(label) = self.numbering.label(&num, self.list.1)
        {
            let shift = label.len() + 1;
            line.text = format!("{label} {}", line.text);
            for s in &mut line.spans {
                s.range = s.range.start + shift..s.range.end + shift;
            }
        }
        if let Some(cell) = self.cell.as_mut().filter(|_| self.tables.len() == 1) {
            // A cell's paragraphs make one text.
            if !cell.text.is_empty() && !line.text.is_empty() {
                cell.text.push(' ');
            }
            let shift = cell.text.len();
            cell.spans.extend(
                line.spans
                    .into_iter()
                    .map(|s| Span { range: s.range.start + shift..s.range.end + shift, marks: s.marks }),
            );
            cell.text.push_str(&line.text);
            return;
        }
        if !self.tables.is_empty() {
            return;
        }
        let index = self.blocks.len();
        let objects = std::mem::take(&mut self.objects);
        self.found.extend(objects.into_iter().map(|o| (index, o)));
        self.blocks.push(Block::Line(line));
    }
}

/// Reads a .docx: its text (what the notes' line numbers refer to) and its questions.
pub fn read(bytes: &[u8]) -> Result<(String, Parsed), Fatal> {
    let mut archive = Archive::open(bytes)?;
    let xml = archive.text("word/document.xml")?.ok_or(Fatal::NoContent { part: "word/document.xml" })?;
    let mut r = Reader::default();
    if let Some(numbering) = archive.text("word/numbering.xml")? {
        r.numbering = Numbering::read(&numbering)?;
    }
    let mut over = false;
    walk("word/document.xml", &xml, |e| {
        if r.items <= crate::office::MAX_ITEMS {
            r.event(e);
        } else {
            over = true;
        }
    })?;
    if over {
        return Err(Fatal::TooMany {
            what: ("đoạn văn và dòng bảng", "paragraphs and table rows"),
            limit: crate::office::MAX_ITEMS,
        });
    }
    Ok(assemble(r.blocks, &r.found))
}

/// The text, and the questions of the paragraphs and of the tables, in the document's order.
fn assemble(blocks: Vec<Block>, found: &[(usize, Object)]) -> (String, Parsed) {
    let mut text = String::new();
    let mut number = 0;
    let mut lines: Vec<Line> = Vec::new();
    let mut tables: Vec<QuestionTable> = Vec::new();
    let mut block_line: Vec<usize> = Vec::with_capacity(blocks.len());
    for (index, block) in blocks.into_iter().enumerate() {
        number += 1;
        block_line.push(number);
        match block {
            Block::Line(mut line) => {
                line.number = number;
                let shown = line.text.replace(['\n', '\r'], " ");
                // A paragraph holding only a picture shows as what it holds.
                let placeholder = match found.iter().find(|(b, _)| *b == index) {
                    Some((_, Object::Image)) if shown.trim().is_empty() => "[hình ảnh]",
                    Some((_, Object::Equation)) if shown.trim().is_empty() => "[công thức]",
                    _ => "",
                };
                text.push_str(if placeholder.is_empty() { &shown } else { placeholder });
                text.push('\n');
                lines.push(line);
            }
            Block::Table(rows) => {
                number -= 1;
                let mut numbered: Vec<Row> = Vec::new();
                let mut plain: Vec<Line> = Vec::new();
                for row in rows {
                    number += 1;
                    let shown: Vec<String> = row.iter().map(|c| c.text.replace(['\n', '\r'], " ")).collect();
                    text.push_str(&shown.join(" | "));
                    text.push('\n');
                    plain.push(Line { number, text: shown.join("\t"), spans: Vec::new() });
                    let cells =
                        row.iter().map(|c| Cell { text: c.text.clone(), marks: word::marks_of(c, &c.text) }).collect();
                    numbered.push(Row { line: number, cells });
                }
                match question_table(&numbered) {
                    Some((header, columns, data)) => tables.push((header, columns, data)),
                    // Any other table (an answer table `Câu | 1 | 2`, a heading): its rows as
                    // tab-separated lines of text.
                    None => lines.extend(plain),
                }
            }
        }
    }
    let mut parsed = word::parse_lines(&lines);
    for (header, columns, rows) in tables {
        let mut from_table = csv::parse_with(&header, &columns, &rows);
        let highest = parsed.drafts.iter().map(|d| d.number).max().unwrap_or(0);
        for d in &mut from_table.drafts {
            d.number += highest;
        }
        parsed.drafts.append(&mut from_table.drafts);
        parsed.notes.append(&mut from_table.notes);
    }
    parsed.drafts.sort_by_key(|d| d.line);
    report_objects(&mut parsed, found, &block_line);
    parsed.notes.sort_by_key(|n| n.line);
    (text, parsed)
}

/// A question table: its header row, the column each cell stands for, its data rows.
type QuestionTable = (Row, Vec<Option<&'static str>>, Vec<Row>);

/// A table of one question a row: with a header naming the question column, or laid out as
/// `[number] | question | options… | [answer]` (at least a question and two options). Returns
/// the header row, the columns and the data rows.
fn question_table(rows: &[Row]) -> Option<QuestionTable> {
    let first = rows.first()?;
    let columns = csv::columns(first);
    if columns.contains(&Some("cau_hoi")) {
        return Some((first.clone(), columns, rows[1..].to_vec()));
    }
    let width = rows.iter().map(|r| r.cells.len()).max()?;
    let joined: Vec<String> = first.cells.iter().map(|c| c.text.trim().to_owned()).collect();
    if width < 3 || word::number_row(&crate::clean(&joined.join(" "))).is_some() {
        return None;
    }
    let cell = |r: &Row, i: usize| r.cells.get(i).map(|c| crate::clean(&c.text)).unwrap_or_default();
    let numbered = rows.iter().filter(|r| cell(r, 0).trim_end_matches(['.', ')']).parse::<usize>().is_ok()).count();
    let skip = usize::from(numbered * 2 >= rows.len());
    let answers = rows
        .iter()
        .filter(|r| {
            let last = cell(r, width - 1);
            let bare_letters = word::option_start(&last).is_none_or(|(_, rest)| rest.trim().is_empty());
            (bare_letters && word::letters(&last).is_some())
                || matches!(ontap_core::text::search_key(&last).as_str(), "dung" | "sai")
        })
        .count();
    let with_answer = answers * 2 >= rows.len();
    let options = width - skip - 1 - usize::from(with_answer);
    if !(2..=crate::MAX_OPTIONS).contains(&options) {
        return None;
    }
    let mut columns: Vec<Option<&'static str>> = vec![None; skip];
    columns.push(Some("cau_hoi"));
    columns.extend(csv::COLUMNS[2..2 + options].iter().map(|c| Some(*c)));
    columns.push(Some("dap_an"));
    let header = Row { line: rows[0].line, cells: Vec::new() };
    let mut data: Vec<Row> = rows.to_vec();
    for r in &mut data {
        // `A. Ban Bí thư` in the A column: the letter is the column's.
        for c in r.cells.iter_mut().skip(skip + 1).take(options) {
            if let Some((_, rest)) = word::option_start(c.text.trim_start()) {
                c.text = rest.trim().to_owned();
            }
        }
    }
    if skip == 1 {
        // The number column gives the question's number, as `Câu N` would.
        for r in &mut data {
            if let Some(c) = r.cells.first_mut() {
                c.text.clear();
            }
        }
    }
    Some((header, columns, data))
}

/// One warning per question holding images or equations, naming it.
fn report_objects(parsed: &mut Parsed, found: &[(usize, Object)], block_line: &[usize]) {
    let mut by_line: Vec<(usize, Object)> =
        found.iter().filter_map(|(b, o)| block_line.get(*b).map(|l| (*l, *o))).collect();
    by_line.sort_by_key(|(l, _)| *l);
    let mut reported: Vec<(Option<usize>, Object)> = Vec::new();
    for (line, object) in by_line {
        let owner: Option<&Draft> = parsed.drafts.iter().rev().find(|d| d.line <= line);
        let key = (owner.map(|d| d.number), object);
        if reported.contains(&key) {
            continue;
        }
        reported.push(key);
        let what = match object {
            Object::Image => ("hình ảnh", "an image"),
            Object::Equation => ("công thức (equation)", "an equation"),
        };
        let (vi, en) = match owner {
            Some(d) => (
                format!(
                    "Câu {} có {}: ứng dụng chưa hiện được, phần này không được nhập. Hãy viết lại bằng chữ (hoặc bỏ câu nếu không thể).",
                    d.number, what.0
                ),
                format!(
                    "Question {} holds {}: the app cannot show it, so it was not imported. Write it out in words (or drop the question).",
                    d.number, what.1
                ),
            ),
            None => (
                format!("Trước câu hỏi đầu tiên có {}: không được nhập.", what.0),
                format!("Before the first question there is {}: not imported.", what.1),
            ),
        };
        parsed.notes.push(Note::bilingual(line, true, vi, en));
    }
}
