//! Why a file cannot be imported at all, in Vietnamese (the default) and English.

use crate::{FormatChoice, Lang};

/// Why nothing could be imported from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Fatal {
    /// The file is larger than the importer reads.
    TooLarge { bytes: usize, limit: usize },
    /// A NUL byte: not a text file, or a damaged one.
    NulByte { line: usize },
    /// A line mixing Unicode and legacy-encoded text, which cannot be converted safely.
    Mixed { line: usize, text: String },
    /// A format no importer reads (`.doc`, `.xls`, `.pdf`…), with what to do instead.
    Unsupported { ext: String, hint: Hint },
    /// A `.json` file: already a bank.
    AlreadyBank,
    /// The content shows none of the formats; `choice` is where the trainer can name one.
    UnknownFormat { choice: FormatChoice },
    /// A Word or Excel file that cannot be read (not a zip archive, broken XML…).
    Damaged { detail: String },
    /// An archive past a limit: `entries` or unpacked `bytes`.
    ArchiveTooLarge { what: &'static str, limit: u64 },
    /// XML nested deeper than the limit.
    TooDeep { limit: usize },
    /// More paragraphs or cells than any question set has: (what, in Vietnamese and English).
    TooMany { what: (&'static str, &'static str), limit: usize },
    /// A Word or Excel file with nothing to read (no document part, no worksheet).
    NoContent { part: &'static str },
}

/// What to do with a file no importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// `.doc`, `.rtf`, `.odt`: save as `.docx`.
    SaveAsDocx,
    /// `.xls`, `.ods`: save as `.xlsx`.
    SaveAsXlsx,
    /// `.pdf`: copy the text out.
    Pdf,
}

impl Fatal {
    /// The message in `lang`, saying what to do.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Fatal::Damaged { detail }, Lang::Vi) => format!(
                "Tệp Word/Excel bị hỏng hoặc không phải tệp .docx/.xlsx thật ({detail}). Hãy mở tệp bằng Word hoặc Excel và lưu lại (Lưu thành → .docx hoặc .xlsx)."
            ),
            (Fatal::Damaged { detail }, Lang::En) => format!(
                "The Word/Excel file is damaged or not a real .docx/.xlsx ({detail}). Open it in Word or Excel and save it again (.docx or .xlsx)."
            ),
            (Fatal::ArchiveTooLarge { what: "entries", limit }, Lang::Vi) => {
                format!("Tệp nén có hơn {limit} thành phần: không phải tệp Word/Excel bình thường, không đọc.")
            }
            (Fatal::ArchiveTooLarge { what: "entries", limit }, Lang::En) => {
                format!("The archive has more than {limit} entries: not a normal Word/Excel file, not read.")
            }
            (Fatal::ArchiveTooLarge { limit, .. }, Lang::Vi) => format!(
                "Nội dung giải nén vượt quá {} MB (có thể là tệp “bom nén”): không đọc. Hãy chia tài liệu thành nhiều tệp nhỏ hơn.",
                limit / 1024 / 1024
            ),
            (Fatal::ArchiveTooLarge { limit, .. }, Lang::En) => format!(
                "The unpacked content exceeds {} MB (possibly a zip bomb): not read. Split the document into smaller files.",
                limit / 1024 / 1024
            ),
            (Fatal::TooMany { what, limit }, Lang::Vi) => format!(
                "Tệp có hơn {limit} {}: không phải bộ câu hỏi bình thường, không đọc. Hãy chia thành nhiều tệp nhỏ hơn.",
                what.0
            ),
            (Fatal::TooMany { what, limit }, Lang::En) => format!(
                "The file has more than {limit} {}: not a normal question set, not read. Split it into smaller files.",
                what.1
            ),
            (Fatal::TooDeep { limit }, Lang::Vi) => format!(
                "Cấu trúc XML trong tệp lồng sâu quá {limit} tầng: không phải tệp Word/Excel bình thường, không đọc."
            ),
            (Fatal::TooDeep { limit }, Lang::En) => {
                format!("The file's XML is nested deeper than {limit} levels: not a normal Word/Excel file, not read.")
            }
            (Fatal::NoContent { part }, Lang::Vi) => format!(
                "Tệp không có phần nội dung {part}: có lẽ không phải tệp Word (.docx) hay Excel (.xlsx). Hãy lưu lại bằng Word hoặc Excel."
            ),
            (Fatal::NoContent { part }, Lang::En) => format!(
                "The file has no {part} part: probably not a Word (.docx) or Excel (.xlsx) file. Save it again from Word or Excel."
            ),
            (Fatal::Unsupported { ext, hint }, Lang::Vi) => {
                let what = match hint {
                    Hint::SaveAsDocx => {
                        "trong Word chọn Lưu thành → Word Document (.docx), hoặc Plain Text (.txt, Unicode UTF-8)"
                    }
                    Hint::SaveAsXlsx => "trong Excel chọn Lưu thành → Excel Workbook (.xlsx), hoặc CSV UTF-8 (.csv)",
                    Hint::Pdf => "hãy chép chữ ra Word rồi lưu thành .docx hoặc .txt",
                };
                format!("Chưa đọc được tệp .{ext}: {what}, rồi nhập tệp đó.")
            }
            (Fatal::Unsupported { ext, hint }, Lang::En) => {
                let what = match hint {
                    Hint::SaveAsDocx => "in Word, Save As → Word Document (.docx), or Plain Text (.txt, Unicode UTF-8)",
                    Hint::SaveAsXlsx => "in Excel, Save As → Excel Workbook (.xlsx), or CSV UTF-8 (.csv)",
                    Hint::Pdf => "copy the text into Word and save it as .docx or .txt",
                };
                format!(".{ext} files cannot be read: {what}, then import that file.")
            }
            (Fatal::AlreadyBank, Lang::Vi) => {
                "Tệp .json đã là ngân hàng câu hỏi, không cần nhập: hãy kiểm tra bằng `ontap check`.".into()
            }
            (Fatal::AlreadyBank, Lang::En) => {
                "A .json file is already a bank and needs no import: check it with `ontap check`.".into()
            }
            (Fatal::UnknownFormat { choice }, Lang::Vi) => format!(
                "Không nhận ra định dạng của tệp. Đã thử: văn bản kiểu Word (không có dòng “Câu 1.”), bảng CSV hay Tab (dòng đầu không có cột “cau_hoi”/“Câu hỏi”), Moodle GIFT (không có phần đáp án {{…}}). {}",
                choice.if_unknown(Lang::Vi)
            ),
            (Fatal::UnknownFormat { choice }, Lang::En) => format!(
                "The file's format was not recognised. Tried: Word-style text (no \"Câu 1.\" line), a CSV or tab-separated table (no \"cau_hoi\"/\"Câu hỏi\" column in the first line), Moodle GIFT (no {{…}} answer block). {}",
                choice.if_unknown(Lang::En)
            ),
            (Fatal::TooLarge { bytes, limit }, Lang::Vi) => {
                format!("Tệp quá lớn ({bytes} byte; tối đa {limit} byte). Hãy chia thành nhiều tệp.")
            }
            (Fatal::TooLarge { bytes, limit }, Lang::En) => {
                format!("The file is too large ({bytes} bytes; at most {limit}). Split it into several files.")
            }
            (Fatal::NulByte { line }, Lang::Vi) => format!(
                "Dòng {line} chứa ký tự rỗng (NUL, mã 0): tệp bị hỏng hoặc không phải tệp văn bản. Hãy lưu lại thành văn bản (.txt, Unicode UTF-8)."
            ),
            (Fatal::NulByte { line }, Lang::En) => format!(
                "Line {line} holds a NUL character (code 0): the file is damaged or not text. Save it again as text (.txt, Unicode UTF-8)."
            ),
            (Fatal::Mixed { line, text }, Lang::Vi) => format!(
                "Dòng {line} trộn chữ Unicode với chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI) nên không chuyển tự động được an toàn: “{text}”. Hãy chuyển mã cả tệp bằng Unikey (Công cụ chuyển mã: từ TCVN3 hoặc VNI sang Unicode) hoặc gõ lại dòng này, rồi nhập lại."
            ),
            (Fatal::Mixed { line, text }, Lang::En) => format!(
                "Line {line} mixes Unicode with text typed in a legacy encoding (TCVN3 or VNI), so it cannot be converted safely: \"{text}\". Convert the whole file with Unikey (from TCVN3 or VNI to Unicode) or retype the line, then import again."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_words_for_an_unknown_format_name_the_flag_as_they_always_did() {
        let cli = Fatal::UnknownFormat { choice: FormatChoice::Flag };
        assert_eq!(
            cli.message(Lang::Vi),
            "Không nhận ra định dạng của tệp. Đã thử: văn bản kiểu Word (không có dòng “Câu 1.”), bảng CSV hay Tab (dòng đầu không có cột “cau_hoi”/“Câu hỏi”), Moodle GIFT (không có phần đáp án {…}). Nếu biết định dạng, hãy ghi rõ --format word, --format csv hoặc --format gift."
        );
        assert_eq!(
            cli.message(Lang::En),
            "The file's format was not recognised. Tried: Word-style text (no \"Câu 1.\" line), a CSV or tab-separated table (no \"cau_hoi\"/\"Câu hỏi\" column in the first line), Moodle GIFT (no {…} answer block). If you know the format, name it with --format word, --format csv or --format gift."
        );
        let page = Fatal::UnknownFormat { choice: FormatChoice::List }.message(Lang::En);
        assert!(page.ends_with("choose it in the \"Định dạng\" (format) list, then import again."), "{page}");
    }
}
