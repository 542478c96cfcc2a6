//! Word-style text, as Vietnamese trainers write questions and paste them out of Word:
//!
//! ```text
//! Câu 1. Nghị quyết 35-NQ/TW được ban hành năm nào?
//! A. 2016        B. 2018
//! C. 2019        D. 2021
//! Đáp án: B
//! Giải thích: …
//! ```
//!
//! `Câu N.` / `Câu N:` / `Câu N)` starts a question; `A.`–`H.` (or `A)`) options, several on one
//! line when separated by a tab or two spaces, an option going on in the next line when that is
//! indented, lowercase or follows a comma; the right option marked by `*` (`*B. …`, `B. …*`) or,
//! in a Word file, by bold, underline, highlight or colour (marks that disagree are reported);
//! the answer as `Đáp án: B` (`A, C` or `AC` for several)
//! under the question or in an answer table at the end (`Đáp án` then `1-B, 2-A` or `1-b`, or a Word
//! table pasted as the two rows `Câu 1 2` / `Đáp án B A`); optional
//! `Giải thích:` / `Lời giải:`, `Trích dẫn:`, `Tài liệu:`, `Thẻ:` lines. Options “Đúng”/“Sai”
//! or an answer `Đúng`/`Sai` without options make a true/false question; a prompt with `___`
//! and no options a fill-in-the-blank one.

use super::{Draft, MAX_OPTIONS, Note, Parsed, choice_written, clean, unquote};
use ontap_core::model::{QuestionKind, index_letter};
use ontap_core::text::search_key;
use std::collections::HashMap;

/// How a right option can be marked instead of (or as well as) an `Đáp án` line: a `*` before
/// or after it in text; in a Word file also bold, underline, highlight or a font colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// `*B. …` or `B. …*`.
    Star,
    /// Bold.
    Bold,
    /// Underlined.
    Underline,
    /// Highlighted (or shaded).
    Highlight,
    /// A font colour other than black.
    Color,
}

impl Mark {
    /// Every mark, in the order they are trusted when they disagree.
    pub const ALL: [Mark; 5] = [Mark::Star, Mark::Bold, Mark::Underline, Mark::Highlight, Mark::Color];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The mark's name in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Mark::Star => "a *",
            Mark::Bold => "bold",
            Mark::Underline => "underline",
            Mark::Highlight => "highlight",
            Mark::Color => "font colour",
        }
    }

    /// How a trainer names the mark.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Star => "dấu *",
            Mark::Bold => "chữ đậm",
            Mark::Underline => "gạch chân",
            Mark::Highlight => "tô nền",
            Mark::Color => "màu chữ",
        }
    }
}

/// A set of [`Mark`]s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks(u8);

impl Marks {
    /// The set holding `mark` only.
    pub fn of(mark: Mark) -> Marks {
        Marks(mark.bit())
    }
    /// Whether `mark` is in the set.
    pub fn has(self, mark: Mark) -> bool {
        self.0 & mark.bit() != 0
    }
    /// `self` with `mark`.
    pub fn with(self, mark: Mark) -> Marks {
        Marks(self.0 | mark.bit())
    }
    /// The marks in both.
    pub fn and(self, other: Marks) -> Marks {
        Marks(self.0 & other.0)
    }
    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// A stretch of a line (byte range) carrying marks, as a Word file's runs give them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range in the line.
    pub range: std::ops::Range<usize>,
    /// Its formatting.
    pub marks: Marks,
}

/// One line of a document with its formatting (plain text has none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The 1-based number notes give it.
    pub number: usize,
    /// The text.
    pub text: String,
    /// Formatted stretches.
    pub spans: Vec<Span>,
}

/// The marks every letter of `part` (a slice of `line.text`) carries.
pub(crate) fn marks_of(line: &Line, part: &str) -> Marks {
    let base = line.text.as_ptr() as usize;
    let start = (part.as_ptr() as usize).saturating_sub(base);
    let mut all: Option<Marks> = None;
    for (i, c) in part.char_indices() {
        if !c.is_alphanumeric() {
            continue;
        }
        let at = start + i;
        let here =
            line.spans.iter().filter(|s| s.range.contains(&at)).fold(Marks::default(), |m, s| Marks(m.0 | s.marks.0));
        all = Some(all.map_or(here, |a| a.and(here)));
    }
    all.unwrap_or_default()
}

/// Which part of a question the next plain line continues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Prompt,
    Options,
    Explanation,
    Quote,
    /// After the answer line or a one-line field: a plain line is not understood.
    Closed,
}

/// A question being read.
#[derive(Debug)]
struct Open {
    line: usize,
    number: usize,
    prompt: Vec<String>,
    /// (written letter index, text).
    options: Vec<(usize, String)>,
    /// The marks of each option, in the order of `options`.
    marks: Vec<Marks>,
    /// The answer as written under the question, and its line.
    answer: Option<(String, usize)>,
    explanation: Vec<String>,
    quote: Vec<String>,
    material: Option<String>,
    tags: Vec<String>,
    field: Field,
}

/// A recognised label line.
enum Label {
    Answer(String),
    Table(String),
    Explanation(String),
    Quote(String),
    Material(String),
    Tags(String),
}

#[derive(Default)]
struct Reader {
    questions: Vec<Open>,
    notes: Vec<Note>,
    title: Option<String>,
    /// Lines seen before the first question.
    preamble: usize,
    in_table: bool,
    /// Answer-table entries: number → (option indices, line).
    table: HashMap<usize, (Vec<usize>, usize)>,
    /// The number row of a Word table pasted as text (`Câu 1 2 3`), waiting for its
    /// `Đáp án B A C` row, and its line.
    numbers: Option<(Vec<usize>, usize)>,
}

/// Reads Word-style text.
pub fn parse(text: &str) -> Parsed {
    let mut r = Reader::default();
    for (i, raw) in text.lines().enumerate() {
        r.line(&Line { number: i + 1, text: raw.to_owned(), spans: Vec::new() });
    }
    r.finish()
}

/// Reads lines with their formatting (a Word file's paragraphs).
pub fn parse_lines(lines: &[Line]) -> Parsed {
    let mut r = Reader::default();
    for line in lines {
        r.line(line);
    }
    r.finish()
}

impl Reader {
    fn line(&mut self, styled: &Line) {
        let (n, raw) = (styled.number, styled.text.as_str());
        let line = clean(raw);
        if line.is_empty() {
            return;
        }
        if self.in_table {
            let without_cau = strip_cau(&line).unwrap_or(&line);
            if let Some(entries) = table_entries(without_cau) {
                self.add_entries(n, entries);
                return;
            }
        }
        if let Some(numbers) = number_row(&line) {
            self.unmatched_numbers();
            self.numbers = Some((numbers, n));
            self.in_table = true;
            return;
        }
        if let Some((number, rest)) = question_start(&line) {
            self.unmatched_numbers();
            self.start(n, number, rest);
            return;
        }
        if let Some(label) = label(&line) {
            self.label(n, label, &line);
            return;
        }
        if self.in_table {
            self.notes.push(
                Note::error(n, format!("Không hiểu dòng này trong bảng đáp án (cần dạng “1-B, 2-A”): “{line}”."))
                    .en(format!("This line of the answer table is not understood (write \"1-B, 2-A\"): \"{line}\".")),
            );
            return;
        }
        let Some(q) = self.questions.last_mut().filter(|_| !self.in_table) else {
            self.preamble += 1;
            if self.preamble == 1 && self.questions.is_empty() {
                self.title = Some(line);
            } else {
                self.notes.push(
                    Note::warning(n, format!("Dòng nằm ngoài mọi câu hỏi, không được nhập: “{line}”."))
                        .en(format!("The line is outside every question and was not imported: \"{line}\".")),
                );
            }
            return;
        };
        if matches!(q.field, Field::Prompt | Field::Options)
            && let Some(options) = option_line(raw.trim())
        {
            for (letter, text, star) in options {
                let expected = q.options.len();
                let written = clean(text);
                let marks = marks_of(styled, text);
                q.marks.push(if star { marks.with(Mark::Star) } else { marks });
                q.options.push((letter, written));
                q.field = Field::Options;
                if letter != expected {
                    let message = format!(
                        "Phương án {}. đứng ở vị trí của {}.: thiếu hoặc lặp phương án? Đã nhập theo thứ tự viết.",
                        index_letter(letter),
                        index_letter(expected)
                    );
                    let en = format!(
                        "Option {}. stands where {}. should: an option missing or repeated? Imported in the order written.",
                        index_letter(letter),
                        index_letter(expected)
                    );
                    self.notes.push(Note::error(n, message).en(en));
                }
            }
            return;
        }
        match q.field {
            Field::Prompt => q.prompt.push(line),
            Field::Explanation => q.explanation.push(line),
            Field::Quote => q.quote.push(line),
            // An option too long for one line goes on in the next, indented, or in lowercase,
            // or after a comma.
            Field::Options if continues(raw, q.options.last().map_or("", |(_, t)| t.as_str())) => {
                if let (Some((_, last)), Some(marks)) = (q.options.last_mut(), q.marks.last_mut()) {
                    let more = marks_of(styled, raw);
                    let (star, text) = match line.strip_suffix('*') {
                        Some(t) if !t.ends_with('*') => (true, t.trim_end()),
                        _ => (false, line.as_str()),
                    };
                    if !marks.has(Mark::Star) && !star {
                        *marks = marks.and(more);
                    } else {
                        *marks = marks.and(more).with(Mark::Star);
                    }
                    last.push(' ');
                    last.push_str(text);
                }
            }
            Field::Options | Field::Closed => {
                let message = format!(
                    "Không hiểu dòng này trong câu {} (không phải phương án A.–H., “Đáp án:”, “Giải thích:”…), không được nhập: “{line}”.",
                    q.number
                );
                let en = format!(
                    "This line of question {} is not understood (not an option A.–H., \"Đáp án:\", \"Giải thích:\"…) and was not imported: \"{line}\".",
                    q.number
                );
                self.notes.push(Note::error(n, message).en(en));
            }
        }
    }

    fn start(&mut self, n: usize, number: usize, rest: &str) {
        if let Some(last) = self.questions.last().map(|q| q.number) {
            if number > last + 1 {
                let (missing, missing_en) = if number == last + 2 {
                    (format!("Câu {}", last + 1), format!("question {}", last + 1))
                } else {
                    (format!("Câu {}–{}", last + 1, number - 1), format!("questions {}–{}", last + 1, number - 1))
                };
                self.notes.push(
                    Note::warning(n, format!("Sau Câu {last} là Câu {number}: thiếu {missing}? (đánh số nhảy cóc)"))
                        .en(format!(
                            "Question {number} follows question {last}: {missing_en} missing? (numbering skips)"
                        )),
                );
            } else if number <= last && self.questions.iter().all(|q| q.number != number) {
                self.notes.push(
                    Note::warning(n, format!("Câu {number} đứng sau Câu {last}: đánh số không theo thứ tự."))
                        .en(format!("Question {number} comes after question {last}: the numbering is out of order.")),
                );
            }
        }
        self.in_table = false;
        let prompt = if rest.is_empty() { Vec::new() } else { vec![rest.to_owned()] };
        self.questions.push(Open {
            line: n,
            number,
            prompt,
            options: Vec::new(),
            marks: Vec::new(),
            answer: None,
            explanation: Vec::new(),
            quote: Vec::new(),
            material: None,
            tags: Vec::new(),
            field: Field::Prompt,
        });
    }

    fn label(&mut self, n: usize, label: Label, line: &str) {
        if let Label::Table(rest) = &label {
            self.in_table = true;
            if !rest.is_empty() {
                match table_entries(rest) {
                    Some(entries) => self.add_entries(n, entries),
                    None => self.notes.push(
                        Note::error(n, format!("Không hiểu bảng đáp án: “{rest}”."))
                            .en(format!("The answer table is not understood: \"{rest}\".")),
                    ),
                }
            }
            return;
        }
        if let (Label::Answer(rest), Some((numbers, row))) = (&label, self.numbers.take()) {
            self.letter_row(n, rest, &numbers, row);
            return;
        }
        // `Đáp án: 1-B, 2-A` is a table written on one line.
        if let Label::Answer(rest) = &label
            && rest.contains(|c: char| c.is_ascii_digit())
            && let Some(entries) = table_entries(rest)
        {
            self.in_table = true;
            self.add_entries(n, entries);
            return;
        }
        let Some(q) = self.questions.last_mut().filter(|_| !self.in_table) else {
            self.notes.push(
                Note::error(n, format!("Dòng này không thuộc câu hỏi nào, không được nhập: “{line}”."))
                    .en(format!("This line belongs to no question and was not imported: \"{line}\".")),
            );
            return;
        };
        match label {
            Label::Answer(rest) => {
                q.field = Field::Closed;
                if let Some((_, first)) = &q.answer {
                    let message =
                        format!("Câu {} đã có đáp án ở dòng {first}; dòng này không được nhập: “{line}”.", q.number);
                    let en = format!(
                        "Question {} already has an answer on line {first}; this line was not imported: \"{line}\".",
                        q.number
                    );
                    self.notes.push(Note::error(n, message).en(en));
                } else {
                    q.answer = Some((rest, n));
                }
            }
            Label::Explanation(rest) => {
                q.explanation.extend((!rest.is_empty()).then_some(rest));
                q.field = Field::Explanation;
            }
            Label::Quote(rest) => {
                q.quote.extend((!rest.is_empty()).then_some(rest));
                q.field = Field::Quote;
            }
            Label::Material(rest) => {
                q.field = Field::Closed;
                if let Some(first) = &q.material {
                    let message =
                        format!("Câu {} đã ghi tài liệu “{first}”; dòng này không được nhập: “{line}”.", q.number);
                    let en = format!(
                        "Question {} already names the material \"{first}\"; this line was not imported: \"{line}\".",
                        q.number
                    );
                    self.notes.push(Note::error(n, message).en(en));
                } else {
                    q.material = Some(rest);
                }
            }
            Label::Tags(rest) => {
                q.tags.extend(rest.split([',', ';']).map(clean).filter(|t| !t.is_empty()));
                q.field = Field::Closed;
            }
            Label::Table(_) => {}
        }
    }

    /// The `Đáp án B A C` row under a table's number row.
    fn letter_row(&mut self, n: usize, row: &str, numbers: &[usize], numbers_line: usize) {
        let cells: Option<Vec<Vec<usize>>> = row
            .split(' ')
            .map(|cell| {
                let letters: Option<Vec<usize>> =
                    cell.chars().map(|c| if c.is_ascii_uppercase() { letter_index(c) } else { None }).collect();
                letters.filter(|l| !l.is_empty())
            })
            .collect();
        match cells {
            Some(cells) if cells.len() == numbers.len() => {
                self.add_entries(n, numbers.iter().copied().zip(cells).collect());
            }
            _ => {
                let message = format!(
                    "Dòng đáp án của bảng không khớp với dòng số câu ở dòng {numbers_line}: cần đúng {} chữ cái (A–H), mỗi ô một đáp án.",
                    numbers.len()
                );
                let en = format!(
                    "The table's answer row does not match the number row on line {numbers_line}: write exactly {} letters (A–H), one answer a cell.",
                    numbers.len()
                );
                self.notes.push(Note::error(n, message).en(en));
            }
        }
    }

    /// Reports a table number row that no `Đáp án` row followed.
    fn unmatched_numbers(&mut self) {
        if let Some((_, line)) = self.numbers.take() {
            self.notes.push(
                Note::error(line, "Dòng số câu của bảng đáp án không có dòng “Đáp án …” ngay dưới.")
                    .en("The answer table's number row has no \"Đáp án …\" row right below it."),
            );
        }
    }

    fn add_entries(&mut self, n: usize, entries: Vec<(usize, Vec<usize>)>) {
        for (number, letters) in entries {
            if let Some((_, first)) = self.table.get(&number) {
                let message = format!("Bảng đáp án ghi Câu {number} hai lần (lần đầu ở dòng {first}); giữ lần đầu.");
                let en = format!(
                    "The answer table gives question {number} twice (first on line {first}); the first is kept."
                );
                self.notes.push(Note::error(n, message).en(en));
            } else {
                self.table.insert(number, (letters, n));
            }
        }
    }

    fn finish(mut self) -> Parsed {
        self.unmatched_numbers();
        let questions = std::mem::take(&mut self.questions);
        let mut drafts = Vec::with_capacity(questions.len());
        for (i, q) in questions.iter().enumerate() {
            let twice = questions[..i].iter().any(|p| p.number == q.number);
            if let Some((_, line)) = self.table.get(&q.number).filter(|_| twice) {
                let message =
                    format!("Có hai Câu {}: không biết đáp án trong bảng thuộc câu nào; hãy đánh số lại.", q.number);
                let en = format!(
                    "There are two questions {}: the table's answer fits neither for sure; number them again.",
                    q.number
                );
                self.notes.push(Note::error(*line, message).en(en));
                self.table.remove(&q.number);
            }
        }
        for q in questions {
            let table = self.table.remove(&q.number);
            drafts.push(self.draft(q, table));
        }
        let mut rest: Vec<(usize, usize)> = self.table.iter().map(|(number, (_, line))| (*line, *number)).collect();
        rest.sort_unstable();
        for (line, number) in rest {
            self.notes.push(
                Note::error(line, format!("Bảng đáp án có Câu {number} nhưng không có câu hỏi số {number}."))
                    .en(format!("The answer table has question {number} but there is no question {number}.")),
            );
        }
        Parsed { drafts, notes: self.notes, title: self.title }
    }

    fn draft(&mut self, q: Open, table: Option<(Vec<usize>, usize)>) -> Draft {
        let prompt = q.prompt.join(" ");
        let answer = q.answer.as_ref().map(|(a, _)| unquote(a.trim_end_matches('.')).to_owned());
        let written: Option<(Vec<usize>, usize)> = match (&q.answer, &answer) {
            (Some((_, line)), Some(a)) => match letters(a) {
                Some(l) => Some((l, *line)),
                None if !q.options.is_empty() => {
                    self.notes.push(
                        Note::error(*line, format!("Không hiểu đáp án “{a}”: cần chữ cái như “B” hoặc “A, C”.")).en(
                            format!("The answer \"{a}\" is not understood: write letters such as \"B\" or \"A, C\"."),
                        ),
                    );
                    None
                }
                None => None,
            },
            _ => None,
        };
        if let (Some((w, _)), Some((t, line))) = (&written, &table)
            && w != t
        {
            let message = format!(
                "Bảng đáp án ghi Câu {} là {} nhưng dưới câu hỏi ghi {}; giữ đáp án dưới câu hỏi.",
                q.number,
                shown(t),
                shown(w)
            );
            let en = format!(
                "The answer table gives question {} as {} but below the question {} is written; the latter is kept.",
                q.number,
                shown(t),
                shown(w)
            );
            self.notes.push(Note::error(*line, message).en(en));
        }
        if let (true, Some((t, line))) = (q.options.is_empty(), &table) {
            let message =
                format!("Bảng đáp án ghi Câu {} là {} nhưng câu này không có phương án A., B., …", q.number, shown(t));
            let en =
                format!("The answer table gives question {} as {} but it has no options A., B., …", q.number, shown(t));
            self.notes.push(Note::error(*line, message).en(en));
        }
        let mut chosen = written.or(table);
        if let Some(marked) = self.marked(&q) {
            match &chosen {
                Some((given, line)) if *given != marked.1 => {
                    let message = format!(
                        "Câu {}: đáp án ghi {} nhưng {} đánh dấu {}; giữ đáp án ghi.",
                        q.number,
                        shown(given),
                        marked.0.name(),
                        shown(&marked.1)
                    );
                    let en = format!(
                        "Question {}: the answer written is {} but {} marks {}; the written answer is kept.",
                        q.number,
                        shown(given),
                        marked.0.name_en(),
                        shown(&marked.1)
                    );
                    self.notes.push(Note::warning(*line, message).en(en));
                }
                Some(_) => {}
                None => chosen = Some((marked.1, q.line)),
            }
        }
        let kind = if q.options.is_empty() {
            self.no_options(&q, &prompt, answer.as_deref(), chosen.is_some())
        } else {
            if chosen.is_none() {
                self.notes.push(no_answer(q.line, q.number));
            }
            let (letters, line) = chosen.unwrap_or((Vec::new(), q.line));
            choice_written(q.options, &letters, line, &format!("Câu {}", q.number), &mut self.notes)
        };
        let mut d = Draft::new(q.line, q.number, prompt, kind);
        d.explanation = q.explanation.join(" ");
        d.quote = (!q.quote.is_empty()).then(|| unquote(&q.quote.join(" ")).to_owned());
        d.material = q.material;
        d.tags = q.tags;
        d
    }

    /// The answer the options' marks give (`*`, bold, underline…), with the mark trusted; a
    /// mark on every option or on none says nothing. Marks that disagree are reported.
    fn marked(&mut self, q: &Open) -> Option<(Mark, Vec<usize>)> {
        let mut found: Vec<(Mark, Vec<usize>)> = Vec::new();
        for mark in Mark::ALL {
            let set: Vec<usize> =
                q.options.iter().zip(&q.marks).filter(|(_, m)| m.has(mark)).map(|((l, _), _)| *l).collect();
            if !set.is_empty() && set.len() < q.options.len() {
                found.push((mark, set));
            }
        }
        let first = found.first()?.clone();
        for (mark, set) in &found[1..] {
            if *set != first.1 {
                let message = format!(
                    "Câu {}: {} đánh dấu {} nhưng {} đánh dấu {}; giữ {} theo {}.",
                    q.number,
                    first.0.name(),
                    shown(&first.1),
                    mark.name(),
                    shown(set),
                    shown(&first.1),
                    first.0.name()
                );
                let en = format!(
                    "Question {}: {} marks {} but {} marks {}; {} is kept, as {} says.",
                    q.number,
                    first.0.name_en(),
                    shown(&first.1),
                    mark.name_en(),
                    shown(set),
                    shown(&first.1),
                    first.0.name_en()
                );
                self.notes.push(Note::warning(q.line, message).en(en));
            }
        }
        Some(first)
    }

    /// A question without options: true/false, fill-in-the-blank, or not understood.
    fn no_options(&mut self, q: &Open, prompt: &str, answer: Option<&str>, has_letters: bool) -> QuestionKind {
        let key = answer.map(search_key);
        match key.as_deref() {
            Some("dung") => return QuestionKind::TrueFalse { answer: true },
            Some("sai") => return QuestionKind::TrueFalse { answer: false },
            _ => {}
        }
        if ontap_core::check::count_blanks(prompt) > 0 {
            let accepted: Vec<String> =
                answer.unwrap_or_default().split([';', '|']).map(clean).filter(|a| !a.is_empty()).collect();
            if accepted.is_empty() {
                self.notes.push(no_answer(q.line, q.number));
            }
            return QuestionKind::FillBlank { accepted, strict_diacritics: false };
        }
        let (message, en) = if has_letters || answer.is_none() {
            (
                format!("Câu {} không có phương án A., B., … nào.", q.number),
                format!("Question {} has no options A., B., ….", q.number),
            )
        } else {
            let a = answer.unwrap_or_default();
            (
                format!("Câu {} không có phương án, và đáp án “{a}” không phải Đúng/Sai.", q.number),
                format!("Question {} has no options, and the answer \"{a}\" is not Đúng/Sai (true/false).", q.number),
            )
        };
        self.notes.push(Note::error(q.line, message).en(en));
        QuestionKind::Single { options: Vec::new(), correct: ontap_core::model::Letters::Many(Vec::new()) }
    }
}

fn no_answer(line: usize, number: usize) -> Note {
    Note::error(
        line,
        format!("Câu {number} chưa có đáp án (ghi “Đáp án: B” dưới câu hỏi hoặc trong bảng đáp án cuối tệp)."),
    )
    .en(format!("Question {number} has no answer (write \"Đáp án: B\" below it or in an answer table at the end)."))
}

pub(crate) fn shown(letters: &[usize]) -> String {
    letters.iter().map(|l| index_letter(*l).to_string()).collect::<Vec<_>>().join(", ")
}

/// The number row of a Word table pasted as text: `Câu 1 2 3` (the cells were tabs) → [1, 2, 3].
pub(crate) fn number_row(line: &str) -> Option<Vec<usize>> {
    let numbers: Option<Vec<usize>> = strip_cau(line)?.split(' ').map(|t| t.parse().ok()).collect();
    numbers.filter(|n| n.len() >= 2)
}

/// Whether `line` starts a question (`Câu 1.`, `Câu hỏi 2:`…).
pub fn starts_question(line: &str) -> bool {
    question_start(&clean(line)).is_some()
}

/// `Câu 12.` (or `:`, `)`, `-`, also `Câu hỏi 12:`) → (12, the text after it).
fn question_start(line: &str) -> Option<(usize, &str)> {
    let rest = strip_cau(line)?;
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let number: usize = rest[..digits].parse().ok()?;
    let after = rest[digits..].trim_start();
    let text = after.strip_prefix(['.', ':', ')', '-'])?;
    Some((number, text.trim()))
}

/// The text after a leading `Câu ` or `Câu hỏi ` (any case), when there is one.
fn strip_cau(line: &str) -> Option<&str> {
    let mut words = line.splitn(2, ' ');
    let first = words.next()?;
    let rest = words.next()?.trim_start();
    if search_key(first) != "cau" {
        return None;
    }
    match rest.split_once(' ') {
        Some((w, after)) if search_key(w) == "hoi" => Some(after.trim_start()),
        _ => Some(rest),
    }
}

/// A label line: `Đáp án: B`, `Đáp án B`, `ĐÁP ÁN` (table), `Bảng đáp án`, `Giải thích: …`,
/// `Lời giải: …`, `Trích dẫn: …`, `Tài liệu: …`, `Thẻ: …`.
fn label(line: &str) -> Option<Label> {
    if let Some((head, rest)) = line.split_once(':') {
        let rest = rest.trim().to_owned();
        return match search_key(head).as_str() {
            "dap an" | "dap an dung" | "dap an dung la" if rest.is_empty() => Some(Label::Table(rest)),
            "dap an" | "dap an dung" | "dap an dung la" => Some(Label::Answer(rest)),
            "bang dap an" => Some(Label::Table(rest)),
            "giai thich" | "loi giai" | "huong dan giai" => Some(Label::Explanation(rest)),
            "trich dan" | "trich dan nguon" => Some(Label::Quote(rest)),
            "tai lieu" | "ma tai lieu" => Some(Label::Material(rest)),
            "the" | "tags" => Some(Label::Tags(rest)),
            _ => None,
        };
    }
    // Without a colon: `Đáp án B`, `Đáp án - B`, `Đáp án đúng là B`, `Đáp án Đúng`, `ĐÁP ÁN`.
    let words: Vec<&str> = line.split(' ').collect();
    let key = |n: usize| search_key(&words[..n.min(words.len())].join(" "));
    if key(3) == "bang dap an" {
        return Some(Label::Table(words[3.min(words.len())..].join(" ")));
    }
    if key(2) != "dap an" {
        return None;
    }
    let mut rest: Vec<&str> = words[2..].iter().copied().filter(|w| !matches!(*w, "-" | "–" | ".")).collect();
    // `đúng là` before the answer, but `Đúng` alone is the answer of a true/false question.
    while rest.len() > 1 && matches!(search_key(rest[0]).as_str(), "dung" | "la") {
        rest.remove(0);
    }
    let rest = rest.join(" ");
    Some(if rest.is_empty() { Label::Table(rest) } else { Label::Answer(rest) })
}

/// `A.` / `A)` / `a.` at the start of `s` → (0, the text after it).
pub(super) fn option_start(s: &str) -> Option<(usize, &str)> {
    let mut chars = s.char_indices();
    let (_, c) = chars.next()?;
    let letter = letter_index(c)?;
    let (_, mark) = chars.next()?;
    if mark != '.' && mark != ')' {
        return None;
    }
    match chars.next() {
        None => Some((letter, "")),
        Some((i, w)) if w.is_whitespace() => Some((letter, &s[i..])),
        _ => None,
    }
}

/// [`option_start`], also after a `*` marking the right option (`*B. …`): (letter, text,
/// starred).
fn option_start_starred(s: &str) -> Option<(usize, &str, bool)> {
    match s.strip_prefix('*') {
        Some(rest) => option_start(rest.trim_start()).map(|(l, t)| (l, t, true)),
        None => option_start(s).map(|(l, t)| (l, t, false)),
    }
}

fn letter_index(c: char) -> Option<usize> {
    let i = match c {
        'A'..='Z' => c as usize - 'A' as usize,
        'a'..='z' => c as usize - 'a' as usize,
        _ => return None,
    };
    (i < MAX_OPTIONS).then_some(i)
}

/// Whether `raw`, a plain line after an option, goes on with it: indented, starting in
/// lowercase, or after an option ending with a comma, a colon or a dash.
fn continues(raw: &str, option: &str) -> bool {
    let first = raw.trim_start().chars().next();
    raw.starts_with([' ', '\t', '\u{A0}'])
        || first.is_some_and(char::is_lowercase)
        || option.ends_with([',', ';', ':', '-', '–', '('])
}

/// An option's text, trimmed, without a final `*` marking it.
fn starred_end(letter: usize, text: &str, star: bool) -> (usize, &str, bool) {
    let text = text.trim();
    match text.strip_suffix('*') {
        Some(t) if !t.ends_with('*') => (letter, t.trim_end(), true),
        _ => (letter, text, star),
    }
}

/// An option line, split where the next letter follows a tab or two spaces:
/// `A. 2016<TAB>B. 2018` → [(0, "2016", false), (1, "2018", false)]; a `*` before the letter or
/// after the text marks the option (`*B. 2018`, `B. 2018*`).
fn option_line(raw: &str) -> Option<Vec<(usize, &str, bool)>> {
    let (first, mut rest, mut star) = option_start_starred(raw)?;
    let mut out = Vec::new();
    let mut letter = first;
    'outer: loop {
        let mut run_start: Option<usize> = None;
        for (i, c) in rest.char_indices() {
            if c.is_whitespace() {
                run_start.get_or_insert(i);
                continue;
            }
            if let Some(start) = run_start.take() {
                let gap = &rest[start..i];
                let wide = gap.contains('\t') || gap.chars().count() >= 2;
                if let Some((next, after, starred)) =
                    option_start_starred(&rest[i..]).filter(|(l, _, _)| wide && *l == letter + 1)
                {
                    out.push(starred_end(letter, &rest[..start], star));
                    letter = next;
                    rest = after;
                    star = starred;
                    continue 'outer;
                }
            }
        }
        out.push(starred_end(letter, rest, star));
        return Some(out);
    }
}

/// The letters of an answer: `B`, `A, C`, `A và C`, `B. Nội dung` → option indices.
pub(super) fn letters(answer: &str) -> Option<Vec<usize>> {
    if let Some((l, rest)) = option_start(answer)
        && !rest.trim().is_empty()
    {
        return Some(vec![l]);
    }
    let mut out = Vec::new();
    for token in answer.split(|c: char| c.is_whitespace() || ",;/&+".contains(c)).filter(|t| !t.is_empty()) {
        if search_key(token) == "va" {
            continue;
        }
        let token = token.trim_end_matches(['.', ')']);
        let mut chars = token.chars();
        match (chars.next().and_then(letter_index), chars.next()) {
            (Some(i), None) if token.chars().all(|c| c.is_ascii_uppercase()) || token.len() == 1 => out.push(i),
            // `AC`: several letters written together, each once, in order.
            _ if token.len() >= 2
                && token.bytes().all(|b| (b'A'..b'A' + MAX_OPTIONS as u8).contains(&b))
                && token.as_bytes().windows(2).all(|w| w[0] < w[1]) =>
            {
                out.extend(token.chars().filter_map(letter_index));
            }
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// An answer table line: `1-B, 2-A`, `1.B 2.C`, `3: AC`, `4 – D`, `1-b, 2-a` → (number,
/// option indices).
fn table_entries(s: &str) -> Option<Vec<(usize, Vec<usize>)>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && (chars[i].is_whitespace() || ",;|".contains(chars[i])) {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let number: usize = chars[start..i].iter().collect::<String>().parse().ok()?;
        while i < chars.len() && (chars[i].is_whitespace() || "-.:)–—=".contains(chars[i])) {
            i += 1;
        }
        let first = i;
        // `1-B` or `1-b`, `3: AC` or `3: ac`: one case for the whole entry.
        let upper = chars.get(i).is_some_and(char::is_ascii_uppercase);
        while i < chars.len()
            && chars[i].is_ascii_alphabetic()
            && chars[i].is_ascii_uppercase() == upper
            && letter_index(chars[i]).is_some()
        {
            i += 1;
        }
        if i == first || (i < chars.len() && chars[i].is_alphanumeric()) {
            return None;
        }
        out.push((number, chars[first..i].iter().filter_map(|c| letter_index(*c)).collect()));
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::choice;
    use ontap_core::model::{Letter, Letters};

    #[test]
    fn question_starts() {
        assert_eq!(question_start("Câu 1. Ai?"), Some((1, "Ai?")));
        assert_eq!(question_start("CÂU 12: Ai?"), Some((12, "Ai?")));
        assert_eq!(question_start("Câu hỏi 3) Ai?"), Some((3, "Ai?")));
        assert_eq!(question_start("Câu 4 . Ai?"), Some((4, "Ai?")));
        assert_eq!(question_start("Câu 5"), None);
        assert_eq!(question_start("Câu này sai"), None);
    }

    #[test]
    fn options_split_on_tabs_and_wide_gaps() {
        assert_eq!(option_line("A. 2016\tB. 2018"), Some(vec![(0, "2016", false), (1, "2018", false)]));
        assert_eq!(option_line("C) một  D) hai"), Some(vec![(2, "một", false), (3, "hai", false)]));
        assert_eq!(option_line("A. Điều A. B. không tách"), Some(vec![(0, "Điều A. B. không tách", false)]));
        assert_eq!(option_line("A.B"), None);
        assert_eq!(option_line("A. 2016\t*B. 2018"), Some(vec![(0, "2016", false), (1, "2018", true)]));
        assert_eq!(option_line("*A. 2016  B. 2018*"), Some(vec![(0, "2016", true), (1, "2018", true)]));
    }

    fn kinds(text: &str) -> (Vec<QuestionKind>, Vec<Note>) {
        let p = parse(text);
        (p.drafts.into_iter().map(|d| d.kind).collect(), p.notes)
    }

    #[test]
    fn a_star_marks_the_right_option_before_or_after_it() {
        let (k, notes) = kinds("Câu 1. a?\nA. x\n*B. y\nC. z\n\nCâu 2. b?\nA. x\tB. y*\nC. z\n");
        assert_eq!(k[0], choice(vec!["x".into(), "y".into(), "z".into()], &[1]));
        assert_eq!(k[1], choice(vec!["x".into(), "y".into(), "z".into()], &[1]));
        assert!(notes.is_empty(), "{notes:?}");
        // A star and an answer line that disagree: the answer line wins, with a warning.
        let (k, notes) = kinds("Câu 3. c?\nA. x\n*B. y\nĐáp án: A\n");
        assert_eq!(k[0], choice(vec!["x".into(), "y".into()], &[0]));
        assert_eq!(notes, [Note::warning(4, "Câu 3: đáp án ghi A nhưng dấu * đánh dấu B; giữ đáp án ghi.")]);
    }

    #[test]
    fn formatting_marks_from_a_document() {
        let line = |number: usize, text: &str, spans: Vec<Span>| Line { number, text: text.into(), spans };
        let bold = |r: std::ops::Range<usize>| Span { range: r, marks: Marks::of(Mark::Bold) };
        let under = |r: std::ops::Range<usize>| Span { range: r, marks: Marks::of(Mark::Underline) };
        let p = parse_lines(&[
            line(1, "Câu 1. a?", vec![bold(0..9)]),
            line(2, "A. một", vec![]),
            line(3, "B. hai", vec![bold(3..6)]),
            line(4, "Câu 2. b?", vec![]),
            line(5, "A. một", vec![under(0..8)]),
            line(6, "B. hai", vec![bold(0..7)]),
        ]);
        assert_eq!(p.drafts[0].kind, choice(vec!["một".into(), "hai".into()], &[1]));
        assert_eq!(p.drafts[1].kind, choice(vec!["một".into(), "hai".into()], &[1]));
        assert_eq!(
            p.notes,
            [Note::warning(4, "Câu 2: chữ đậm đánh dấu B nhưng gạch chân đánh dấu A; giữ B theo chữ đậm.")]
        );
    }

    #[test]
    fn ac_lowercase_tables_and_continued_options() {
        assert_eq!(letters("AC"), Some(vec![0, 2]));
        assert_eq!(letters("CA"), None);
        assert_eq!(letters("BCT"), None);
        assert_eq!(table_entries("1-b, 2-a; 3: ac"), Some(vec![(1, vec![1]), (2, vec![0]), (3, vec![0, 2])]));
        assert_eq!(table_entries("1-Bb"), None);
        let (k, notes) = kinds(
            "Câu 1. Nội dung nào đúng?\nA. Kiên định chủ nghĩa Mác-Lênin,\ntư tưởng Hồ Chí Minh\nB. Xa rời\n    nguyên tắc\nC. Khác\nĐáp án: AC\nĐÁP ÁN\n",
        );
        assert_eq!(
            k[0],
            choice(
                vec![
                    "Kiên định chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh".into(),
                    "Xa rời nguyên tắc".into(),
                    "Khác".into()
                ],
                &[0, 2]
            )
        );
        assert!(notes.is_empty(), "{notes:?}");
        let (k, _) = kinds("Câu 1. a?\nA. x\nB. y\nCâu 2. b?\nA. x\nB. y\nĐáp án\n1-b, 2-a\n");
        assert_eq!(k[0], choice(vec!["x".into(), "y".into()], &[1]));
        assert_eq!(k[1], choice(vec!["x".into(), "y".into()], &[0]));
    }

    #[test]
    fn answers_and_tables() {
        assert_eq!(letters("B"), Some(vec![1]));
        assert_eq!(letters("A, C"), Some(vec![0, 2]));
        assert_eq!(letters("A và D"), Some(vec![0, 3]));
        assert_eq!(letters("C. Toàn dân"), Some(vec![2]));
        assert_eq!(letters("Đúng"), None);
        assert_eq!(
            table_entries("1-B, 2-A; 3.C 4: AD"),
            Some(vec![(1, vec![1]), (2, vec![0]), (3, vec![2]), (4, vec![0, 3])])
        );
        assert_eq!(table_entries("1 – B"), Some(vec![(1, vec![1])]));
        assert_eq!(table_entries("Ghi chú 1-B"), None);
        assert_eq!(table_entries("1-Bình"), None);
    }

    #[test]
    fn labels() {
        assert!(matches!(label("Đáp án: B"), Some(Label::Answer(a)) if a == "B"));
        assert!(matches!(label("Đáp án đúng là: C"), Some(Label::Answer(a)) if a == "C"));
        assert!(matches!(label("ĐÁP ÁN"), Some(Label::Table(t)) if t.is_empty()));
        assert!(matches!(label("Đáp án:"), Some(Label::Table(t)) if t.is_empty()));
        assert!(matches!(label("Lời giải: vì"), Some(Label::Explanation(e)) if e == "vì"));
        assert!(label("Đáp ứng yêu cầu").is_none());
        assert!(matches!(label("Đáp án: Đúng"), Some(Label::Answer(a)) if a == "Đúng"));
        assert!(matches!(label("Đáp án Sai"), Some(Label::Answer(a)) if a == "Sai"));
        assert!(matches!(label("Đáp án đúng là B"), Some(Label::Answer(a)) if a == "B"));
        assert!(matches!(label("Đáp án - B"), Some(Label::Answer(a)) if a == "B"));
        assert!(matches!(label("Đáp án:B"), Some(Label::Answer(a)) if a == "B"));
        assert!(matches!(label("Bảng đáp án: 1-B"), Some(Label::Table(t)) if t == "1-B"));
        let p = parse("Câu 1. a?\nA. x\nB. y\nĐáp án: A\nĐáp án: B\n");
        assert_eq!(p.drafts[0].kind, choice(vec!["x".into(), "y".into()], &[0]));
        assert_eq!(p.notes, [Note::error(5, "Câu 1 đã có đáp án ở dòng 4; dòng này không được nhập: “Đáp án: B”.")]);
        let p = parse("Câu 1. a?\nĐáp án: Đúng\nTài liệu: nq35\nTài liệu: nq36\n");
        assert_eq!(p.drafts[0].kind, QuestionKind::TrueFalse { answer: true });
        assert_eq!(p.drafts[0].material.as_deref(), Some("nq35"));
        assert_eq!(
            p.notes,
            [Note::error(4, "Câu 1 đã ghi tài liệu “nq35”; dòng này không được nhập: “Tài liệu: nq36”.")]
        );
    }

    #[test]
    fn a_word_table_pasted_as_two_rows() {
        let p = parse("Câu 1. a?\nA. x\nB. y\nCâu 2. b?\nA. x\nB. y\nCâu\t1\t2\nĐáp án\tB\tA\n");
        let correct: Vec<_> = p.drafts.iter().map(|d| d.kind.clone()).collect();
        assert_eq!(correct[0], choice(vec!["x".into(), "y".into()], &[1]));
        assert_eq!(correct[1], choice(vec!["x".into(), "y".into()], &[0]));
        assert!(p.notes.is_empty(), "{:?}", p.notes);
        let p = parse("Câu 1. a?\nA. x\nB. y\nCâu 1 2\nĐáp án B\n");
        assert_eq!(p.notes.len(), 2, "{:?}", p.notes);
        assert_eq!(p.notes[0].line, 5);
        assert!(p.notes[0].message.starts_with("Dòng đáp án của bảng không khớp với dòng số câu ở dòng 4"));
    }

    #[test]
    fn a_whole_question_with_its_answer_in_a_table() {
        let p = parse("Đề ôn tập\nCâu 1: Hỏi?\nA. x\tB. y\nCâu 3. Hỏi ___?\nĐáp án: Mác; Lênin\nĐÁP ÁN\n1-B\n");
        assert_eq!(p.title.as_deref(), Some("Đề ôn tập"));
        assert_eq!(
            p.drafts[0].kind,
            QuestionKind::Single { options: vec!["x".into(), "y".into()], correct: Letters::One(Letter("B".into())) }
        );
        assert_eq!(
            p.drafts[1].kind,
            QuestionKind::FillBlank { accepted: vec!["Mác".into(), "Lênin".into()], strict_diacritics: false }
        );
        assert_eq!(p.notes, [Note::warning(4, "Sau Câu 1 là Câu 3: thiếu Câu 2? (đánh số nhảy cóc)")]);
    }
}
