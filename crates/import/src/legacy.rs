//! The legacy Vietnamese encodings trainers' old documents are typed in, with our own tables:
//! TCVN3 (ABC, the `.VnTime` fonts) and VNI Windows (the `VNI-Times` fonts); and a check of
//! whether a word is a Vietnamese syllable, which is how a line's encoding is recognised.
//!
//! TCVN3 here is the VN3 set the ABC keyboard types: every lowercase letter and the seven
//! capitals Ă Â Ê Ô Ơ Ư Đ. Other capitals with a tone mark were typed with the capital fonts
//! (`.VnTimeH`) over the lowercase codes, so the bytes say nothing of their case: they come out
//! lowercase. VNI writes a vowel and its marks as the ASCII letter followed by one mark byte, and
//! every letter, both cases, has a code.

/// The twelve vowels, each in its six tones: none, sắc, huyền, hỏi, ngã, nặng.
pub const VOWELS: [[char; 6]; 12] = [
    ['a', 'á', 'à', 'ả', 'ã', 'ạ'],
    ['ă', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'é', 'è', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ế', 'ề', 'ể', 'ễ', 'ệ'],
    ['i', 'í', 'ì', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ó', 'ò', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ú', 'ù', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ứ', 'ừ', 'ử', 'ữ', 'ự'],
    ['y', 'ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'],
];

/// TCVN3 bytes of [`VOWELS`] (lowercase).
const TCVN3_VOWELS: [[u8; 6]; 12] = [
    [b'a', 0xB8, 0xB5, 0xB6, 0xB7, 0xB9],
    [0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6],
    [0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB],
    [b'e', 0xD0, 0xCC, 0xCE, 0xCF, 0xD1],
    [0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6],
    [b'i', 0xDD, 0xD7, 0xD8, 0xDC, 0xDE],
    [b'o', 0xE3, 0xDF, 0xE1, 0xE2, 0xE4],
    [0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9],
    [0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE],
    [b'u', 0xF3, 0xEF, 0xF1, 0xF2, 0xF4],
    [0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9],
    [b'y', 0xFD, 0xFA, 0xFB, 0xFC, 0xFE],
];

/// TCVN3's other letters: đ and the seven capitals it has.
const TCVN3_OTHERS: [(u8, char); 8] =
    [(0xAE, 'đ'), (0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'), (0xA7, 'Đ')];

/// VNI Windows bytes of [`VOWELS`] (lowercase; a capital is the capital ASCII letter and every
/// byte above 0x7F less 0x20).
const VNI_VOWELS: [[&[u8]; 6]; 12] = [
    [b"a", b"a\xF9", b"a\xF8", b"a\xFB", b"a\xF5", b"a\xEF"],
    [b"a\xEA", b"a\xE9", b"a\xE8", b"a\xFA", b"a\xFC", b"a\xEB"],
    [b"a\xE2", b"a\xE1", b"a\xE0", b"a\xE5", b"a\xE3", b"a\xE4"],
    [b"e", b"e\xF9", b"e\xF8", b"e\xFB", b"e\xF5", b"e\xEF"],
    [b"e\xE2", b"e\xE1", b"e\xE0", b"e\xE5", b"e\xE3", b"e\xE4"],
    [b"i", b"\xED", b"\xEC", b"\xE6", b"\xF3", b"\xF2"],
    [b"o", b"o\xF9", b"o\xF8", b"o\xFB", b"o\xF5", b"o\xEF"],
    [b"o\xE2", b"o\xE1", b"o\xE0", b"o\xE5", b"o\xE3", b"o\xE4"],
    [b"\xF4", b"\xF4\xF9", b"\xF4\xF8", b"\xF4\xFB", b"\xF4\xF5", b"\xF4\xEF"],
    [b"u", b"u\xF9", b"u\xF8", b"u\xFB", b"u\xF5", b"u\xEF"],
    [b"\xF6", b"\xF6\xF9", b"\xF6\xF8", b"\xF6\xFB", b"\xF6\xF5", b"\xF6\xEF"],
    [b"y", b"y\xF9", b"y\xF8", b"y\xFB", b"y\xF5", b"\xEE"],
];

/// VNI's đ.
const VNI_D: u8 = 0xF1;

/// The legacy encodings recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN3 (ABC), the `.VnTime` fonts.
    Tcvn3,
    /// VNI Windows, the `VNI-Times` fonts.
    Vni,
}

impl Legacy {
    /// The encoding's name as trainers know it.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            Legacy::Vni => "VNI (VNI-Times)",
        }
    }

    /// Decodes `bytes`; a byte that is no letter of the encoding is read as Latin-1.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Legacy::Tcvn3 => bytes.iter().map(|b| tcvn3_char(*b)).collect(),
            Legacy::Vni => vni_decode(bytes),
        }
    }

    /// The bytes of `c`, when the encoding has it (for the tests, and to say what cannot be
    /// written).
    pub fn encode_char(self, c: char) -> Option<Vec<u8>> {
        if c.is_ascii() {
            return Some(vec![c as u8]);
        }
        match self {
            Legacy::Tcvn3 => {
                if let Some((b, _)) = TCVN3_OTHERS.iter().find(|(_, o)| *o == c) {
                    return Some(vec![*b]);
                }
                let (v, t) = position(c)?;
                let lower = VOWELS[v][t];
                (lower == c).then(|| vec![TCVN3_VOWELS[v][t]])
            }
            Legacy::Vni => {
                let upper = c.is_uppercase();
                let bytes: Vec<u8> = if c == 'đ' || c == 'Đ' {
                    vec![VNI_D]
                } else {
                    let (v, t) = position(c)?;
                    VNI_VOWELS[v][t].to_vec()
                };
                Some(if upper { bytes.iter().map(|b| vni_upper(*b)).collect() } else { bytes })
            }
        }
    }

    /// `text` as it reads when the legacy bytes were shown as Latin-1 / Windows-1252 (a `.VnTime`
    /// document saved as Unicode without converting), read back: every character up to U+00FF is
    /// taken as the byte it shows, the rest kept.
    pub fn unmangle(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut bytes = Vec::new();
        for c in text.chars() {
            match u8::try_from(u32::from(c)) {
                Ok(b) => bytes.push(b),
                Err(_) => {
                    out.push_str(&self.decode(&bytes));
                    bytes.clear();
                    out.push(c);
                }
            }
        }
        out.push_str(&self.decode(&bytes));
        out
    }
}

/// The capital of a VNI byte: ASCII letters and bytes above 0x7F shift by 0x20.
fn vni_upper(b: u8) -> u8 {
    if b.is_ascii() { b.to_ascii_uppercase() } else { b - 0x20 }
}

/// (vowel, tone) of a lowercase or capital Vietnamese vowel.
pub fn position(c: char) -> Option<(usize, usize)> {
    let lower = c.to_lowercase().next()?;
    VOWELS.iter().enumerate().find_map(|(v, row)| row.iter().position(|x| *x == lower).map(|t| (v, t)))
}

fn tcvn3_char(b: u8) -> char {
    if b.is_ascii() {
        return b as char;
    }
    if let Some((_, c)) = TCVN3_OTHERS.iter().find(|(x, _)| *x == b) {
        return *c;
    }
    for (v, row) in TCVN3_VOWELS.iter().enumerate() {
        if let Some(t) = row.iter().position(|x| *x == b) {
            return VOWELS[v][t];
        }
    }
    char::from(b)
}

/// The VNI letter `bytes` starts with, and how many bytes it takes.
fn vni_letter(bytes: &[u8]) -> Option<(char, usize)> {
    let first = *bytes.first()?;
    let upper = first.is_ascii_uppercase() || (0xC0..0xE0).contains(&first);
    let lower = |b: u8| {
        if b.is_ascii() {
            b.to_ascii_lowercase()
        } else if (0xC0..0xE0).contains(&b) {
            b + 0x20
        } else {
            b
        }
    };
    let case = |c: char| if upper { c.to_uppercase().next().unwrap_or(c) } else { c };
    if lower(first) == VNI_D {
        return Some((case('đ'), 1));
    }
    let mut best: Option<(char, usize)> = None;
    for (v, row) in VNI_VOWELS.iter().enumerate() {
        for (t, code) in row.iter().enumerate() {
            let n = code.len();
            let matches = bytes.len() >= n && bytes[..n].iter().zip(code.iter()).all(|(b, c)| lower(*b) == *c);
            if matches && best.is_none_or(|(_, m)| n > m) {
                best = Some((case(VOWELS[v][t]), n));
            }
        }
    }
    best
}

fn vni_decode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match vni_letter(&bytes[i..]) {
            Some((c, n)) => {
                out.push(c);
                i += n;
            }
            None => {
                out.push(char::from(bytes[i]));
                i += 1;
            }
        }
    }
    out
}

/// Whether `c` is a letter of Vietnamese (ASCII letters included).
pub fn is_vietnamese_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || c == 'đ' || c == 'Đ' || position(c).is_some()
}

const INITIALS: [&str; 27] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m",
    "n", "p", "r", "s", "t", "v", "x",
];
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia",
    "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ",
    "ưu", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
];

/// Whether `word` is one Vietnamese syllable: an initial consonant, a vowel group with at most
/// one tone mark, a final consonant. Loose (it is a test of encodings, not of spelling).
pub fn is_syllable(word: &str) -> bool {
    let mut tones = 0;
    let mut bare = String::with_capacity(word.len());
    for c in word.chars() {
        let c = c.to_lowercase().next().unwrap_or(c);
        if let Some((v, t)) = position(c) {
            tones += usize::from(t > 0);
            bare.push(VOWELS[v][0]);
        } else if c.is_ascii_lowercase() || c == 'đ' {
            bare.push(c);
        } else {
            return false;
        }
    }
    if tones > 1 || bare.is_empty() {
        return false;
    }
    let rest_ok = |rest: &str| {
        let vowels = rest.find(|c: char| position(c).is_none()).unwrap_or(rest.len());
        let (nucleus, coda) = rest.split_at(vowels);
        NUCLEI.contains(&nucleus) && FINALS.contains(&coda)
    };
    // `gì`, `gìn`: the `i` of `gi` is also the vowel.
    if let Some(rest) = bare.strip_prefix("gi").filter(|r| !r.starts_with(|c: char| position(c).is_some()))
        && rest_ok(&format!("i{rest}"))
    {
        return true;
    }
    rest_ok(&bare) || INITIALS.iter().any(|i| bare.strip_prefix(i).is_some_and(|r| !r.is_empty() && rest_ok(r)))
}

/// The words of a line for telling encodings apart: split at white space and punctuation, but
/// not at the symbols legacy bytes show as (`¬`, `µ`, U+00AD…), which stay inside the word.
pub fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(separates).filter(|w| !w.is_empty())
}

/// Whether `c` separates words (see [`words`]).
pub fn separates(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c, '“' | '”' | '‘' | '’' | '–' | '—' | '…' | '«' | '»' | '\u{200B}' | '\u{FEFF}')
}

/// (Vietnamese syllables, other words) among the words of `line` that are not plain ASCII.
pub fn score(line: &str) -> (usize, usize) {
    let (mut good, mut bad) = (0, 0);
    for w in words(line).filter(|w| !w.is_ascii()) {
        if is_syllable(w) {
            good += 1;
        } else {
            bad += 1;
        }
    }
    (good, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Vietnamese letter outside ASCII, lowercase: 12 vowels × 6 tones less the 5 plain
    /// ASCII vowels, and đ: 67; with the capitals, 134.
    fn letters() -> Vec<char> {
        let mut out: Vec<char> = VOWELS.iter().flatten().copied().filter(|c| !c.is_ascii()).collect();
        out.push('đ');
        out
    }

    #[test]
    fn there_are_134_letters() {
        let lower = letters();
        assert_eq!(lower.len(), 67);
        let upper: Vec<char> = lower.iter().map(|c| c.to_uppercase().next().unwrap()).collect();
        let all: std::collections::BTreeSet<char> = lower.iter().chain(&upper).copied().collect();
        assert_eq!(all.len(), 134);
        assert!(all.iter().all(|c| is_vietnamese_letter(*c)));
    }

    #[test]
    fn vni_has_all_134_letters_each_to_its_own_bytes_and_back() {
        let mut seen = std::collections::HashMap::new();
        for lower in letters() {
            for c in [lower, lower.to_uppercase().next().unwrap()] {
                let bytes = Legacy::Vni.encode_char(c).unwrap_or_else(|| panic!("VNI has {c}"));
                assert!(bytes.iter().any(|b| *b > 0x7F), "{c} uses a byte above ASCII");
                assert_eq!(Legacy::Vni.decode(&bytes), c.to_string(), "{c} = {bytes:02X?}");
                assert!(seen.insert(bytes.clone(), c).is_none(), "{c} and {:?} share {bytes:02X?}", seen[&bytes]);
            }
        }
        assert_eq!(seen.len(), 134);
    }

    #[test]
    fn tcvn3_has_every_lowercase_letter_and_seven_capitals() {
        let mut seen = std::collections::HashMap::new();
        for c in letters() {
            let bytes = Legacy::Tcvn3.encode_char(c).unwrap_or_else(|| panic!("TCVN3 has {c}"));
            let [b] = bytes[..] else { panic!("{c}: one byte") };
            assert!(b > 0x7F);
            assert_eq!(Legacy::Tcvn3.decode(&[b]), c.to_string(), "{c} = {b:02X}");
            assert!(seen.insert(b, c).is_none(), "{c} and {} share {b:02X}", seen[&b]);
        }
        let capitals: Vec<char> = letters()
            .into_iter()
            .map(|c| c.to_uppercase().next().unwrap())
            .filter(|c| Legacy::Tcvn3.encode_char(*c).is_some())
            .collect();
        assert_eq!(capitals, ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']);
        for c in capitals {
            let b = Legacy::Tcvn3.encode_char(c).unwrap();
            assert_eq!(Legacy::Tcvn3.decode(&b), c.to_string());
            assert!(seen.insert(b[0], c).is_none());
        }
        // Known codes from the ABC table.
        assert_eq!(Legacy::Tcvn3.decode(b"Ngh\xDE quy\xD5t s\xE8 35"), "Nghị quyết số 35");
        assert_eq!(Legacy::Tcvn3.decode(b"Ban B\xDD th\xAD"), "Ban Bí thư");
    }

    #[test]
    fn mojibake_reads_back() {
        assert_eq!(
            Legacy::Tcvn3.unmangle("NghÞ quyÕt sè 35-NQ/TW do c¬ quan nµo ban hµnh?"),
            "Nghị quyết số 35-NQ/TW do cơ quan nào ban hành?"
        );
        assert_eq!(Legacy::Tcvn3.unmangle("Ban BÝ th\u{AD} “x”"), "Ban Bí thư “x”");
        assert_eq!(
            Legacy::Vni.unmangle("Nghò quyeát soá 35 do cô quan naøo ban haønh?"),
            "Nghị quyết số 35 do cơ quan nào ban hành?"
        );
        assert_eq!(Legacy::Vni.unmangle("ÑAÛNG COÄNG SAÛN VIEÄT NAM"), "ĐẢNG CỘNG SẢN VIỆT NAM");
    }

    #[test]
    fn syllables() {
        for w in ["Nghị", "quyết", "số", "người", "được", "gì", "giữ", "quốc", "khuya", "Đảng", "chuyện", "oanh"]
        {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["NghÞ", "c¬", "nµo", "th\u{AD}", "quyeát", "naøo", "café", "Müller", "nghịệ", "xyz"] {
            assert!(!is_syllable(w), "{w}");
        }
        assert_eq!(score("NghÞ quyÕt sè 35-NQ/TW do c¬ quan nµo"), (1, 4));
    }
}
