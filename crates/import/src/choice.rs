//! Where the trainer names a file's format, as the caller offers it: `ontap import`'s
//! `--format` flag, or the trainers' page's list labelled “Định dạng”. The importer's words
//! about a format it could not recognise, or recognised against the extension, say what to do
//! in those terms.

use crate::Lang;

/// How the caller lets the trainer name a file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatChoice {
    /// The command line's `--format NAME` (`ontap import`).
    Flag,
    /// A list labelled “Định dạng” (the trainers' page).
    List,
}

impl FormatChoice {
    /// What to do when no format was recognised: the end of [`crate::Fatal::UnknownFormat`]'s
    /// message.
    pub(crate) fn if_unknown(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FormatChoice::Flag, Lang::Vi) => {
                "Nếu biết định dạng, hãy ghi rõ --format word, --format csv hoặc --format gift."
            }
            (FormatChoice::Flag, Lang::En) => {
                "If you know the format, name it with --format word, --format csv or --format gift."
            }
            (FormatChoice::List, Lang::Vi) => "Nếu biết định dạng, hãy chọn trong danh sách “Định dạng” rồi nhập lại.",
            (FormatChoice::List, Lang::En) => {
                "If you know the format, choose it in the \"Định dạng\" (format) list, then import again."
            }
        }
    }

    /// What to do when the format read from the content is wrong: the end of the note saying
    /// which format was read.
    pub(crate) fn if_wrong(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FormatChoice::Flag, Lang::Vi) => "Nếu sai, hãy ghi rõ --format word|csv|gift.",
            (FormatChoice::Flag, Lang::En) => "If wrong, name the format with --format word|csv|gift.",
            (FormatChoice::List, Lang::Vi) => {
                "Nếu sai, hãy chọn định dạng đúng trong danh sách “Định dạng” rồi nhập lại."
            }
            (FormatChoice::List, Lang::En) => {
                "If wrong, choose the right format in the \"Định dạng\" (format) list, then import again."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_names_its_list_and_never_the_flag() {
        for lang in [Lang::Vi, Lang::En] {
            for words in [FormatChoice::List.if_unknown(lang), FormatChoice::List.if_wrong(lang)] {
                assert!(words.contains("Định dạng") && !words.contains("--format"), "{words}");
            }
            for words in [FormatChoice::Flag.if_unknown(lang), FormatChoice::Flag.if_wrong(lang)] {
                assert!(words.contains("--format") && !words.contains("Định dạng"), "{words}");
            }
        }
        for words in [FormatChoice::List.if_unknown(Lang::Vi), FormatChoice::List.if_wrong(Lang::Vi)] {
            assert!(ontap_core::unicode::is_nfc(words), "{words}");
        }
    }
}
