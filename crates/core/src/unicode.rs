//! Unicode normalization (NFC, NFD) from the tables of `unicode-normalization` on native
//! targets, and from the host on wasm32.
//!
//! The browser already carries Unicode's tables (`String.prototype.normalize`); shipping a second
//! copy in the wasm cost about 100 KB. So on wasm32 the app installs the browser's functions once
//! at start-up with [`install`], and the core stays free of browser crates. The CLI and every
//! native test use the crate's tables, so both paths compute the same forms.

#[cfg(target_arch = "wasm32")]
use std::sync::OnceLock;

/// Normalization functions supplied by the host (the browser) on wasm32.
#[derive(Clone, Copy)]
pub struct HostNormalizer {
    /// Returns the NFC form of its argument.
    pub nfc: fn(&str) -> String,
    /// Returns the NFD form of its argument.
    pub nfd: fn(&str) -> String,
}

#[cfg(target_arch = "wasm32")]
static HOST: OnceLock<HostNormalizer> = OnceLock::new();

/// Installs the host's normalizer; the first call wins. Does nothing on native targets, which
/// use the tables.
pub fn install(host: HostNormalizer) {
    #[cfg(target_arch = "wasm32")]
    let _ = HOST.set(host);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = host;
}

#[cfg(target_arch = "wasm32")]
fn host() -> HostNormalizer {
    *HOST.get().expect("ontap_core::unicode::install must be called before text is normalized")
}

/// The NFC form of `s`.
pub fn nfc(s: &str) -> String {
    if certainly_nfc(s) {
        return s.to_owned();
    }
    #[cfg(target_arch = "wasm32")]
    return (host().nfc)(s);
    #[cfg(not(target_arch = "wasm32"))]
    return unicode_normalization::UnicodeNormalization::nfc(s).collect();
}

/// The NFD form of `s`.
pub fn nfd(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    #[cfg(target_arch = "wasm32")]
    return (host().nfd)(s);
    #[cfg(not(target_arch = "wasm32"))]
    return unicode_normalization::UnicodeNormalization::nfd(s).collect();
}

/// True when `s` is already in NFC.
pub fn is_nfc(s: &str) -> bool {
    if certainly_nfc(s) {
        return true;
    }
    #[cfg(target_arch = "wasm32")]
    return (host().nfc)(s) == s;
    #[cfg(not(target_arch = "wasm32"))]
    return unicode_normalization::is_nfc(s);
}

/// True for the combining marks that diacritic folding removes: the combining-diacritics blocks
/// (U+0300–036F and its supplements), which is every mark NFD produces for Vietnamese and the
/// other Latin, Greek and Cyrillic letters.
pub fn is_combining_diacritic(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// What folding diacritics away makes of one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// This character (the letter without its marks, or the character itself).
    Char(char),
    /// A combining mark: dropped.
    Mark,
    /// Not in the tables below: fold the whole text through NFD instead.
    Unknown,
}

/// For U+0080–U+024F, then U+1E00–U+1EFF: the ASCII letter NFD leaves once the marks are
/// dropped, `=` for a character NFD leaves alone, `?` for anything else. Generated from the
/// Unicode tables, and checked against them character by character by a test.
const LATIN_FOLDS: &[u8] = concat!(
    "================================================================AAAAAA=CEEEEIIII=NOOOOO==UUUUY==",
    "aaaaaa=ceeeeiiii=nooooo==uuuuy=yAaAaAaCcCcCcCcDd==EeEeEeEeEeGgGgGgGgHh==IiIiIiIiI===JjKk=LlLlLl=",
    "===NnNnNn===OoOoOo==RrRrRrSsSsSsSsTtTt==UuUuUuUuUuUuWwYyYZzZzZz=================================",
    "Oo=============Uu============================AaIiOoUuUuUuUuUu=AaAa??==GgKkOoOo??j===Gg==NnAa????",
    "AaAaEeEeIiIiOoOoRrRrUuUuSsTt==Hh======AaEeOoOoOoOoYy============================",
)
.as_bytes();
const LATIN_EXTENDED_ADDITIONAL_FOLDS: &[u8] = concat!(
    "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRr",
    "SsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwy=?====AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe",
    "EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy======",
)
.as_bytes();

/// What NFD followed by dropping combining diacritics makes of `c`, read from small tables
/// for the Latin letters (every Vietnamese one among them), so that search keys need no NFD.
pub fn fold_diacritic(c: char) -> Folded {
    let code = c as usize;
    let entry = match code {
        0..=0x7F => return Folded::Char(c),
        0x80..=0x24F => LATIN_FOLDS[code - 0x80],
        0x1E00..=0x1EFF => LATIN_EXTENDED_ADDITIONAL_FOLDS[code - 0x1E00],
        0x2002..=0x20CF => b'=',
        _ if is_combining_diacritic(c) => return Folded::Mark,
        _ => b'?',
    };
    match entry {
        b'=' => Folded::Char(c),
        b'?' => Folded::Unknown,
        letter => Folded::Char(char::from(letter)),
    }
}

/// A fast, table-free sufficient test: text made only of characters that are NFC-stable and
/// never combine with a neighbour (everything below U+0300, the precomposed Latin letters that
/// Vietnamese uses, and general punctuation and currency signs except U+2000–2001) is in NFC.
/// Most bank text passes it, so the full check runs rarely.
///
/// It reads UTF-8 bytes, not characters: checking bank text is dominated by such tests.
fn certainly_nfc(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i += match b[i] {
            0x00..=0x7F => 1,
            // U+0080–U+02FF.
            0xC2..=0xCB => 2,
            // U+1E00–U+1EFF.
            0xE1 if (0xB8..=0xBB).contains(&b[i + 1]) => 3,
            // U+2002–U+20CF.
            0xE2 if matches!((b[i + 1], b[i + 2]), (0x80, 0x82..) | (0x81..=0x82, _) | (0x83, ..=0x8F)) => 3,
            _ => return false,
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vietnamese_typed_with_combining_marks_is_not_nfc() {
        let nfd_text = "Nghi\u{0323} quye\u{0302}\u{0301}t";
        assert!(!certainly_nfc(nfd_text));
        assert!(!is_nfc(nfd_text));
        assert_eq!(nfc(nfd_text), "Nghị quyết");
        assert_eq!(nfd("Nghị quyết"), nfd_text);
    }

    #[test]
    fn singletons_outside_the_fast_path_are_normalized() {
        // U+2126 OHM SIGN and U+2000 EN QUAD have singleton decompositions.
        for s in ["\u{2126}", "a\u{2000}b"] {
            assert!(!certainly_nfc(s));
            assert!(!is_nfc(s));
        }
    }

    fn certainly_nfc_by_chars(s: &str) -> bool {
        s.chars().all(|c| matches!(c, '\0'..='\u{02FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2002}'..='\u{20CF}'))
    }

    #[test]
    fn the_byte_test_draws_its_bounds_where_the_character_ranges_end() {
        for c in ['\u{7F}', '\u{80}', '\u{2FF}', '\u{300}', '\u{1DFF}', '\u{1E00}', '\u{1EFF}', '\u{1F00}'] {
            assert_eq!(certainly_nfc(&c.to_string()), certainly_nfc_by_chars(&c.to_string()), "{c:?}");
        }
        for c in ['\u{2000}', '\u{2001}', '\u{2002}', '\u{203F}', '\u{2040}', '\u{20CF}', '\u{20D0}', '\u{20FF}'] {
            assert_eq!(certainly_nfc(&c.to_string()), certainly_nfc_by_chars(&c.to_string()), "{c:?}");
        }
    }

    /// The reference: NFD, then drop the marks.
    fn fold_by_nfd(c: char) -> String {
        nfd(&c.to_string()).chars().filter(|m| !is_combining_diacritic(*m)).collect()
    }

    #[test]
    fn the_fold_tables_agree_with_nfd_for_every_character_they_answer() {
        let mut answered = 0;
        for c in (0..=0x2FFFu32).filter_map(char::from_u32) {
            match fold_diacritic(c) {
                Folded::Char(f) => {
                    assert_eq!(f.to_string(), fold_by_nfd(c), "{c:?}");
                    answered += 1;
                }
                Folded::Mark => assert_eq!(fold_by_nfd(c), "", "{c:?}"),
                Folded::Unknown => {}
            }
        }
        assert!(answered > 900, "{answered}");
        for c in "ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữựỳýỵỷỹ".chars()
        {
            assert!(matches!(fold_diacritic(c), Folded::Char(f) if f.is_ascii() || c == 'đ'), "{c:?}");
        }
    }

    proptest! {
        /// Reading bytes accepts exactly the characters of the stated ranges.
        #[test]
        fn bytes_and_characters_agree(s in "\\PC{0,16}", t in "[\u{0}-\u{400}\u{1D00}-\u{1F00}\u{1FFF}-\u{2110}]{0,16}") {
            prop_assert_eq!(certainly_nfc(&s), certainly_nfc_by_chars(&s));
            prop_assert_eq!(certainly_nfc(&t), certainly_nfc_by_chars(&t));
        }

        /// The fast path never accepts text the tables would change.
        #[test]
        fn fast_path_agrees_with_the_tables(s in "[\\u{0}-\\u{2FF}\\u{1E00}-\\u{1EFF}\\u{2000}-\\u{20FF}\\u{0300}-\\u{036F}]{0,12}") {
            if certainly_nfc(&s) {
                prop_assert!(unicode_normalization::is_nfc(&s));
            }
            prop_assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s));
        }

        /// Every mark NFD leaves after a Latin letter is one the folding removes.
        #[test]
        fn latin_marks_are_combining_diacritics(c in "[\\u{C0}-\\u{24F}\\u{1E00}-\\u{1EFF}]") {
            for m in nfd(&c).chars().skip(1) {
                prop_assert!(is_combining_diacritic(m), "{:?} in {:?}", m, c);
            }
        }
    }
}
