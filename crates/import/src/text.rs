//! Cleaning text pasted from Word and Excel: NFC, invisible characters, stray spaces, quotes.

use ontap_core::text::{fold_spaces, nfc, search_key};

/// Characters Word and web pages leave in text that show as nothing: zero-width space and
/// joiner, word joiner, byte-order mark. Not the soft hyphen (U+00AD): it is “ư” in TCVN3 text
/// shown as Latin-1, so it is never deleted (decoding converts or reports it).
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// NFC, without invisible characters, trimmed, every run of white space (tabs and
/// non-breaking spaces included) one space.
pub fn clean(s: &str) -> String {
    let visible: String = s.chars().filter(|c| !invisible(*c)).collect();
    fold_spaces(&nfc(&visible))
}

/// `s` without one pair of enclosing quotes, straight or curly (“…”, "…", ‘…’, '…', «…»).
pub fn unquote(s: &str) -> &str {
    let s = s.trim();
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’'), ('\'', '\''), ('«', '»'), ('„', '“')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            // `“a” và “b”` is two quoted parts, not one.
            if !inner.contains([open, close]) {
                return inner.trim();
            }
        }
    }
    s
}

/// The bank id a file's name suggests: its base name without the extension, as a [`slug`]
/// (`tai-lieu/Đề ôn tập.docx` → `de-on-tap`).
pub fn bank_id_for(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| if stem.is_empty() { base } else { stem });
    slug(stem)
}

/// An id made from a name: `Nghị quyết 35 (2024).docx` → `nghi-quyet-35-2024-docx`.
pub fn slug(s: &str) -> String {
    let key = search_key(s);
    let mut out = String::new();
    for part in key.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    if out.is_empty() { "ngan-hang".to_owned() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_suggests_the_bank_id() {
        assert_eq!(bank_id_for("tai-lieu/Đề ôn tập.docx"), "de-on-tap");
        assert_eq!(bank_id_for("C:\\Users\\A\\NQ 35 (2024).xlsx"), "nq-35-2024");
        assert_eq!(bank_id_for("ban.sao.txt"), "ban-sao");
        assert_eq!(bank_id_for(".gift"), "gift");
        assert_eq!(bank_id_for(""), "ngan-hang");
    }

    #[test]
    fn clean_folds_spaces_and_drops_invisibles() {
        assert_eq!(clean("  Nghi\u{0323}  quyê\u{0301}t\u{00A0}35\t\u{200B}"), "Nghị quyết 35");
        assert_eq!(clean("th\u{AD}"), "th\u{AD}", "never deleted");
    }

    #[test]
    fn unquote_takes_one_pair() {
        assert_eq!(unquote(" “Đoàn kết” "), "Đoàn kết");
        assert_eq!(unquote("\"B\""), "B");
        assert_eq!(unquote("“a” và “b”"), "“a” và “b”");
        assert_eq!(unquote("không"), "không");
    }

    #[test]
    fn slug_is_a_valid_id() {
        assert_eq!(slug("Nghị quyết 35 (2024)"), "nghi-quyet-35-2024");
        assert_eq!(slug("Đảng bộ"), "dang-bo");
        assert_eq!(slug("!!!"), "ngan-hang");
        assert!(ontap_core::ids::is_valid_id(&slug("Ôn tập _ Q4")));
    }
}
