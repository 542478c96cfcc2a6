//! A file as the trainer hands it in: its name and bytes. The one entry point of the CLI and of
//! the trainers' page: decode, recognise the format by content (the extension only breaks
//! ties), read, build the bank.

use crate::decode::decode;
use crate::{Fatal, Format, FormatChoice, Import, Lang, Note, Options, build, csv, gift, word};

/// What [`import_file`] read.
#[derive(Debug, Clone, PartialEq)]
pub struct FileImport {
    /// The format read, given or recognised.
    pub format: Format,
    /// The text the notes' line numbers refer to (the decoded file).
    pub text: String,
    /// The bank and every note (the decoding's first).
    pub import: Import,
}

/// Reads the file `name` (only its extension is used) holding `bytes`, in `format` or, when
/// `None`, the format its content shows, and builds the bank.
pub fn import_file(name: &str, bytes: &[u8], format: Option<Format>, options: &Options) -> Result<FileImport, Fatal> {
    let ext = extension(name);
    if format.is_none() {
        if let Some(hint) = unsupported(&ext) {
            return Err(Fatal::Unsupported { ext, hint });
        }
        if ext == "json" {
            return Err(Fatal::AlreadyBank);
        }
    }
    let office = match format {
        Some(Format::Docx | Format::Xlsx) => format,
        Some(_) => None,
        None if crate::office::is_zip(bytes) || matches!(ext.as_str(), "docx" | "xlsx") => Some(office_kind(bytes)?),
        None => None,
    };
    if let Some(kind) = office {
        let (text, parsed) = if kind == Format::Docx { crate::docx::read(bytes)? } else { crate::xlsx::read(bytes)? };
        let import = build(parsed, options);
        return Ok(FileImport { format: kind, text, import });
    }
    let decoded = decode(bytes)?;
    let mut notes = decoded.notes;
    let text = decoded.text;
    let format = match format {
        Some(f) => f,
        None => {
            let (format, note) = recognise(&ext, &text, options.format_choice)?;
            notes.extend(note);
            format
        }
    };
    let mut parsed = match format {
        Format::Word | Format::Docx => word::parse(&text),
        Format::Csv | Format::Xlsx => csv::parse(&text),
        Format::Gift => gift::parse(&text),
    };
    notes.append(&mut parsed.notes);
    parsed.notes = notes;
    let import = build(parsed, options);
    Ok(FileImport { format, text, import })
}

/// Whether a zip archive is a Word file or an Excel workbook, by the parts it holds.
fn office_kind(bytes: &[u8]) -> Result<Format, Fatal> {
    if !crate::office::is_zip(bytes) {
        return Err(Fatal::Damaged { detail: "không phải tệp nén zip / not a zip archive".into() });
    }
    let archive = crate::office::Archive::open(bytes)?;
    if archive.names.iter().any(|n| n == "word/document.xml") {
        Ok(Format::Docx)
    } else if archive.names.iter().any(|n| n.starts_with("xl/worksheets/")) {
        Ok(Format::Xlsx)
    } else {
        Err(Fatal::NoContent { part: "word/document.xml, xl/worksheets" })
    }
}

/// The lowercase extension of `name`, without the dot.
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Formats no importer reads, with what to do instead (Vietnamese, English).
fn unsupported(ext: &str) -> Option<crate::fatal::Hint> {
    use crate::fatal::Hint;
    match ext {
        "doc" | "rtf" | "odt" => Some(Hint::SaveAsDocx),
        "xls" | "ods" => Some(Hint::SaveAsXlsx),
        "pdf" => Some(Hint::Pdf),
        _ => None,
    }
}

/// What the content looks like, counted over its first lines.
#[derive(Debug, Default)]
struct Signs {
    /// `Câu 1.` lines.
    word: usize,
    /// GIFT answer blocks `{…}`, `::title::`, `$CATEGORY:`.
    gift: usize,
    /// The first line is a header naming the question column.
    table: bool,
}

fn signs(text: &str) -> Signs {
    let mut s = Signs::default();
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    s.table = csv::is_header(first);
    for line in text.lines().take(2000) {
        let t = line.trim();
        if word::starts_question(t) {
            s.word += 1;
        }
        let gift_block = t.starts_with("::") && t[2..].contains("::")
            || t.starts_with("$CATEGORY:")
            || (t.contains('{') && t.contains('}') && gift::looks_like_answers(t))
            || t.ends_with('{')
            || t == "}";
        if gift_block {
            s.gift += 1;
        }
    }
    s
}

/// The format of `text`: a header row makes a table, `Câu 1.` lines Word text, `{…}` answer
/// blocks GIFT. The extension decides between two that both fit; a `.txt` read as something
/// else is said in a warning. Nothing recognisable is an error naming what was tried. Both say
/// how to name the format where the trainer is (`choice`).
fn recognise(ext: &str, text: &str, choice: FormatChoice) -> Result<(Format, Option<Note>), Fatal> {
    let s = signs(text);
    let by_ext = match ext {
        "csv" | "tsv" | "tab" => Some(Format::Csv),
        "gift" => Some(Format::Gift),
        _ => None,
    };
    let fits = |f: Format| match f {
        Format::Csv => s.table,
        Format::Gift => s.gift > 0,
        Format::Word => s.word > 0,
        Format::Docx | Format::Xlsx => false,
    };
    if let Some(f) = by_ext.filter(|f| fits(*f)) {
        return Ok((f, None));
    }
    let found = if s.table {
        Some(Format::Csv)
    } else if s.gift > s.word {
        Some(Format::Gift)
    } else if s.word > 0 {
        Some(Format::Word)
    } else {
        None
    };
    let Some(format) = found.or(by_ext) else {
        return Err(Fatal::UnknownFormat { choice });
    };
    let note = match (by_ext, format) {
        (None, Format::Word) => None,
        _ if Some(format) == by_ext => None,
        _ => {
            let (vi, en) = format.described();
            Some(Note::bilingual(
                0,
                true,
                format!("Đã đọc tệp như {vi} (theo nội dung, không theo đuôi tệp). {}", choice.if_wrong(Lang::Vi)),
                format!(
                    "The file was read as {en} (from its content, not its extension). {}",
                    choice.if_wrong(Lang::En)
                ),
            ))
        }
    };
    Ok((format, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            bank_id: "nq".into(),
            title: None,
            description: None,
            material: None,
            format_choice: FormatChoice::Flag,
        }
    }

    fn format_of(name: &str, text: &str) -> Result<(Format, usize), Fatal> {
        import_file(name, text.as_bytes(), None, &options()).map(|f| {
            let warnings = f.import.notes.iter().filter(|n| n.line == 0 && n.warning).count();
            (f.format, warnings)
        })
    }

    #[test]
    fn the_format_comes_from_the_content() {
        let gift = "// Moodle\n::Q1::Ai? {=A ~B}\n";
        let word = "Câu 1. Ai?\nA. x\nB. y\nĐáp án: A\n";
        let tsv = "cau_hoi\ta\tb\tdap_an\nAi?\tx\ty\tA\n";
        let csv = "Câu hỏi,A,B,Đáp án\nAi?,x,y,A\n";
        assert_eq!(format_of("xuat-moodle.txt", gift), Ok((Format::Gift, 1)));
        assert_eq!(format_of("cau-hoi.txt", word), Ok((Format::Word, 0)));
        assert_eq!(format_of("unicode-text.txt", tsv), Ok((Format::Csv, 1)));
        assert_eq!(format_of("bang.csv", csv), Ok((Format::Csv, 0)));
        assert_eq!(format_of("ngan-hang.gift", gift), Ok((Format::Gift, 0)));
        assert_eq!(format_of("khong-duoi", word), Ok((Format::Word, 0)));
        assert_eq!(
            format_of("ghi-chu.txt", "Chỉ là ghi chú.\n"),
            Err(Fatal::UnknownFormat { choice: FormatChoice::Flag })
        );
        assert!(matches!(format_of("de.doc", word), Err(Fatal::Unsupported { .. })));
        assert_eq!(format_of("nq35.json", "{}"), Err(Fatal::AlreadyBank));
    }

    #[test]
    fn hostile_office_files_are_clear_errors() {
        use crate::office::tests::zip_of;
        let deep = "<w:p>".repeat(300) + &"</w:p>".repeat(300);
        let file = zip_of(&[("word/document.xml", deep.as_bytes())]);
        let err = import_file("de.docx", &file, None, &options()).unwrap_err();
        assert_eq!(err, Fatal::TooDeep { limit: crate::office::MAX_DEPTH });
        assert!(err.message(crate::Lang::Vi).starts_with("Cấu trúc XML trong tệp lồng sâu quá 256 tầng"));
        let empty = zip_of(&[("khac.txt", b"x")]);
        assert!(matches!(import_file("de.docx", &empty, None, &options()), Err(Fatal::NoContent { .. })));
        assert!(matches!(import_file("de.docx", b"Cau 1", None, &options()), Err(Fatal::Damaged { .. })));
        let broken = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
        assert!(matches!(import_file("de.docx", &broken, None, &options()), Err(Fatal::Damaged { .. })));
    }

    #[test]
    fn the_words_say_how_to_name_the_format_where_the_trainer_is() {
        let page = Options { format_choice: FormatChoice::List, ..options() };
        let text = "Chỉ là ghi chú.\n".as_bytes();
        let unknown = import_file("ghi-chu.txt", text, None, &page).unwrap_err();
        assert_eq!(unknown, Fatal::UnknownFormat { choice: FormatChoice::List });
        let said = unknown.message(Lang::Vi);
        assert!(said.starts_with("Không nhận ra định dạng của tệp. Đã thử: "), "{said}");
        assert!(said.ends_with(" Nếu biết định dạng, hãy chọn trong danh sách “Định dạng” rồi nhập lại."), "{said}");
        assert!(!said.contains("--format") && !unknown.message(Lang::En).contains("--format"));
        let cli = import_file("ghi-chu.txt", text, None, &options()).unwrap_err().message(Lang::Vi);
        assert!(
            cli.ends_with(" Nếu biết định dạng, hãy ghi rõ --format word, --format csv hoặc --format gift."),
            "{cli}"
        );

        let gift = "::Q1::Ai? {=A ~B}\n".as_bytes();
        let read_as = |options: &Options| {
            let f = import_file("xuat-moodle.txt", gift, None, options).unwrap();
            f.import.notes.into_iter().find(|n| n.line == 0 && n.warning).expect("the format read is said")
        };
        assert_eq!(
            read_as(&page).text(Lang::Vi),
            "Đã đọc tệp như Moodle GIFT (theo nội dung, không theo đuôi tệp). Nếu sai, hãy chọn định dạng đúng trong danh sách “Định dạng” rồi nhập lại."
        );
        assert_eq!(
            read_as(&options()).text(Lang::Vi),
            "Đã đọc tệp như Moodle GIFT (theo nội dung, không theo đuôi tệp). Nếu sai, hãy ghi rõ --format word|csv|gift."
        );
    }

    #[test]
    fn a_named_format_is_used_as_named() {
        let f = import_file("x.txt", b"Ai? {=A ~B}\n", Some(Format::Word), &options()).unwrap();
        assert_eq!(f.format, Format::Word);
    }
}
