//! Text normalization: NFC, space folding, and the keys used to compare answers and search.
//!
//! Vietnamese can be typed precomposed (NFC) or with combining marks (NFD, as some keyboards
//! and old converters do); the two look identical and must compare equal. Members on phones
//! often type without diacritics, and search must find "Nghị quyết" from "nghi quyet".

use crate::unicode::{Folded, fold_diacritic, is_combining_diacritic, nfd};
pub use crate::unicode::{is_nfc, nfc};

/// Trims and collapses every run of white space into one ASCII space.
pub fn fold_spaces(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// Case- and space-folded NFC: the key for "the same text as typed by a careful person".
pub fn text_key(s: &str) -> String {
    fold_spaces(&nfc(s).to_lowercase())
}

/// Diacritics-insensitive key: `Nghị quyết 35-NQ/TW` → `nghi quyet 35-nq/tw`, `Đảng` → `dang`.
pub fn search_key(s: &str) -> String {
    fold_spaces(&strip_diacritics(s).to_lowercase())
}

/// `s` without its diacritics (and `đ` as `d`): NFD, then the combining marks dropped. Read
/// from tables for Latin text, through NFD for anything else.
fn strip_diacritics(s: &str) -> String {
    let dee = |c: char| match c {
        'đ' => 'd',
        'Đ' => 'D',
        other => other,
    };
    let mut stripped = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_diacritic(c) {
            Folded::Char(c) => stripped.push(dee(c)),
            Folded::Mark => {}
            Folded::Unknown => return nfd(s).chars().filter(|c| !is_combining_diacritic(*c)).map(dee).collect(),
        }
    }
    stripped
}

/// The key a typed answer is compared by: case, spacing and end punctuation never matter;
/// diacritics matter only when `strict_diacritics` is set.
pub fn answer_key(s: &str, strict_diacritics: bool) -> String {
    let key = if strict_diacritics { text_key(s) } else { search_key(s) };
    key.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '“' | '”'))
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nfd_and_nfc_compare_equal() {
        let nfd = "Nghi\u{0323} quye\u{0302}\u{0301}t";
        assert!(!is_nfc(nfd));
        assert_eq!(nfc(nfd), "Nghị quyết");
        assert!(is_nfc("Nghị quyết"));
        assert_eq!(text_key(nfd), text_key("nghị  QUYẾT"));
    }

    #[test]
    fn search_key_folds_diacritics_and_d() {
        assert_eq!(search_key("Nghị quyết 35-NQ/TW"), "nghi quyet 35-nq/tw");
        assert_eq!(search_key("ĐẢNG ủy Khối"), "dang uy khoi");
        assert!(search_key("Nghị quyết 35-NQ/TW").contains(&search_key("nghi quyet 35")));
    }

    #[test]
    fn answer_key_respects_strictness() {
        assert_eq!(answer_key(" Linh  hoạt. ", false), "linh hoat");
        assert_eq!(answer_key("linh hoat", false), answer_key("Linh hoạt", false));
        assert_ne!(answer_key("linh hoat", true), answer_key("Linh hoạt", true));
        assert_eq!(answer_key("“Linh hoạt”", true), "linh hoạt");
    }

    proptest! {
        /// The tables give what NFD gives, in any mix of precomposed letters, loose combining
        /// marks and other scripts.
        #[test]
        fn search_keys_need_no_nfd_yet_agree_with_it(s in "[a-zA-Z đĐ\u{80}-\u{24F}\u{1E00}-\u{1EFF}\u{300}-\u{36F}\u{2000}-\u{20FF}\u{3B1}\u{4E00}]{0,24}") {
            let by_nfd: String = nfd(&s)
                .chars()
                .filter(|c| !is_combining_diacritic(*c))
                .map(|c| if c == 'đ' { 'd' } else if c == 'Đ' { 'D' } else { c })
                .collect();
            prop_assert_eq!(search_key(&s), fold_spaces(&by_nfd.to_lowercase()));
        }

        #[test]
        fn keys_are_idempotent(s in "\\PC{0,40}") {
            let k = search_key(&s);
            prop_assert_eq!(search_key(&k), k.clone());
            let t = text_key(&s);
            prop_assert_eq!(text_key(&t), t);
        }

        #[test]
        fn nfc_is_stable(s in "\\PC{0,40}") {
            let once = nfc(&s);
            prop_assert!(is_nfc(&once));
            prop_assert_eq!(nfc(&once), once.clone());
        }
    }
}
