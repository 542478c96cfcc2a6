//! From the bytes of a text file to Unicode text, whatever the trainer's editor saved: UTF-8 with
//! or without a byte-order mark, UTF-16 (Excel's “Unicode Text”), Windows-1258 (the “CSV” of a
//! Vietnamese Windows), and lines typed in TCVN3 or VNI, as raw bytes or shown as Latin-1 inside
//! UTF-8 (a `.VnTime` document saved as Unicode without converting it). Every assumption is a
//! warning; a line too mixed to convert safely stops the import, naming the line.

use crate::legacy::{Legacy, is_syllable, is_vietnamese_letter, score, separates};
use crate::{Fatal, Note};
use ontap_core::text::nfc;

/// Larger files are refused before reading (the checker's own limit).
pub const MAX_TEXT_BYTES: usize = ontap_core::check::MAX_FILE_BYTES;

/// The text of a file and what was assumed to read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, Unicode; converted lines in NFC.
    pub text: String,
    /// Warnings: the encoding assumed, the lines converted.
    pub notes: Vec<Note>,
}

/// Reads `bytes` as text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Fatal> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(Fatal::TooLarge { bytes: bytes.len(), limit: MAX_TEXT_BYTES });
    }
    let mut notes = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).filter(|r| std::str::from_utf8(r).is_ok()) {
        std::str::from_utf8(rest).unwrap_or_default().to_owned()
    } else if let Some(big_endian) = utf16(bytes) {
        let (vi, en) = if big_endian {
            ("UTF-16 BE", "UTF-16 BE")
        } else {
            ("UTF-16 LE (Excel: “Unicode Text”)", "UTF-16 LE (Excel's \"Unicode Text\")")
        };
        let body =
            if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) { &bytes[2..] } else { bytes };
        let text = utf16_text(body, big_endian);
        notes.push(Note::bilingual(
            0,
            true,
            format!("Tệp được lưu bằng bảng mã {vi}; đã đọc theo bảng mã này."),
            format!("The file is saved as {en}; it was read as such."),
        ));
        text
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        return legacy_bytes(bytes).map(|(text, more)| {
            notes.extend(more);
            Decoded { text, notes }
        });
    };
    if let Some((i, line)) = text.lines().enumerate().find(|(_, l)| l.contains('\0')) {
        let _ = line;
        return Err(Fatal::NulByte { line: i + 1 });
    }
    let text = mangled_lines(&text, &mut notes)?;
    soft_hyphens(&text, &mut notes);
    Ok(Decoded { text, notes })
}

/// UTF-16 text (without its byte-order mark) as Unicode; an unpaired surrogate or a last odd byte
/// becomes U+FFFD, as browsers (and encoding_rs) decode it. (Written out rather than taken from `encoding_rs`, whose
/// decoders link the tables of every encoding it knows: 300 KB more for the trainers' page.)
fn utf16_text(body: &[u8], big_endian: bool) -> String {
    let unit = |p: &[u8]| if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) };
    let units: Vec<u16> = body.chunks_exact(2).map(unit).collect();
    let mut text: String =
        char::decode_utf16(units.iter().copied()).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    // A last odd byte after a lead surrogate is one broken character, already replaced.
    let ends_in_lead = units.last().is_some_and(|u| (0xD800..0xDC00).contains(u));
    if body.len() % 2 == 1 && !ends_in_lead {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Windows-1258's characters for the bytes 0x80–0xFF (the WHATWG index: the bytes the code page
/// leaves undefined stand for the C1 controls of the same number).
const WINDOWS_1258: [char; 128] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{008A}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{008E}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{009A}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{009E}', '\u{0178}', '\u{00A0}', '\u{00A1}', '\u{00A2}', '\u{00A3}',
    '\u{00A4}', '\u{00A5}', '\u{00A6}', '\u{00A7}', '\u{00A8}', '\u{00A9}', '\u{00AA}', '\u{00AB}', '\u{00AC}',
    '\u{00AD}', '\u{00AE}', '\u{00AF}', '\u{00B0}', '\u{00B1}', '\u{00B2}', '\u{00B3}', '\u{00B4}', '\u{00B5}',
    '\u{00B6}', '\u{00B7}', '\u{00B8}', '\u{00B9}', '\u{00BA}', '\u{00BB}', '\u{00BC}', '\u{00BD}', '\u{00BE}',
    '\u{00BF}', '\u{00C0}', '\u{00C1}', '\u{00C2}', '\u{0102}', '\u{00C4}', '\u{00C5}', '\u{00C6}', '\u{00C7}',
    '\u{00C8}', '\u{00C9}', '\u{00CA}', '\u{00CB}', '\u{0300}', '\u{00CD}', '\u{00CE}', '\u{00CF}', '\u{0110}',
    '\u{00D1}', '\u{0309}', '\u{00D3}', '\u{00D4}', '\u{01A0}', '\u{00D6}', '\u{00D7}', '\u{00D8}', '\u{00D9}',
    '\u{00DA}', '\u{00DB}', '\u{00DC}', '\u{01AF}', '\u{0303}', '\u{00DF}', '\u{00E0}', '\u{00E1}', '\u{00E2}',
    '\u{0103}', '\u{00E4}', '\u{00E5}', '\u{00E6}', '\u{00E7}', '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{00EB}',
    '\u{0301}', '\u{00ED}', '\u{00EE}', '\u{00EF}', '\u{0111}', '\u{00F1}', '\u{0323}', '\u{00F3}', '\u{00F4}',
    '\u{01A1}', '\u{00F6}', '\u{00F7}', '\u{00F8}', '\u{00F9}', '\u{00FA}', '\u{00FB}', '\u{00FC}', '\u{01B0}',
    '\u{20AB}', '\u{00FF}',
];

/// Bytes read as Windows-1258 (decomposed Vietnamese: combining tone marks follow the letter).
fn windows_1258(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| if b < 0x80 { char::from(b) } else { WINDOWS_1258[usize::from(b - 0x80)] }).collect()
}

/// `Some(true)` for UTF-16 BE, `Some(false)` for LE: by the byte-order mark, or, without one,
/// ASCII text with every other byte zero.
fn utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some(false);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(true);
    }
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 4 {
        return None;
    }
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = sample.len() / 2;
    if odd * 3 >= half * 2 && even * 8 < half {
        Some(false)
    } else if even * 3 >= half * 2 && odd * 8 < half {
        Some(true)
    } else {
        None
    }
}

/// The lines, with their 1-based numbers, of `text` split at `\n` (a `\r` before it kept).
fn numbered(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').enumerate().map(|(i, l)| (i + 1, l))
}

/// Lines `1, 3, 5–9` for messages.
pub(crate) fn line_list(lines: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j + 1 < lines.len() && lines[j + 1] == lines[j] + 1 {
            j += 1;
        }
        parts.push(if j >= i + 2 {
            format!("{}–{}", lines[i], lines[j])
        } else if j == i + 1 {
            format!("{}, {}", lines[i], lines[j])
        } else {
            lines[i].to_string()
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// `line` (legacy text shown as Latin-1) converted word by word from `legacy`: a word that is a
/// Vietnamese syllable and would not be one converted stays (Unicode typed beside the legacy
/// text, such as `Câu`). Also whether a word mixes Unicode letters with legacy ones, and how
/// many syllables were changed into other syllables (the fewer, the likelier the reading).
fn convert_line(line: &str, legacy: Legacy) -> (String, bool, usize) {
    let mut out = String::with_capacity(line.len());
    let mut mixed = false;
    let mut changed = 0;
    let mut rest = line;
    while !rest.is_empty() {
        let end = rest.find(separates).unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        if !word.is_empty() {
            let new = nfc(&legacy.unmangle(word));
            if new == word || (is_syllable(word) && !is_syllable(&new)) {
                out.push_str(word);
            } else {
                mixed |= word.chars().any(|c| u32::from(c) > 0xFF && is_vietnamese_letter(c));
                changed += usize::from(is_syllable(word));
                out.push_str(&new);
            }
        }
        let sep = after.chars().next().map_or(0, char::len_utf8);
        out.push_str(&after[..sep]);
        rest = &after[sep..];
    }
    (out, mixed, changed)
}

/// Which legacy encoding reads `line` (text shown as Latin-1) better than it reads as it is:
/// the encoding, the converted line, its (syllables, other words) and whether it mixes
/// encodings inside a word.
fn better_reading(line: &str) -> Option<(Legacy, String, (usize, usize), bool)> {
    // Decomposed marks (NFD) are not a sign of legacy text.
    let line = &nfc(line);
    let (_, bad) = score(line);
    if bad == 0 {
        return None;
    }
    [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .map(|l| {
            let (converted, mixed, changed) = convert_line(line, l);
            let s = score(&converted);
            (l, converted, s, mixed, changed)
        })
        .filter(|(_, _, (_, b), _, _)| *b < bad)
        .min_by_key(|(_, _, (good, b), _, changed)| (*b, *changed, usize::MAX - good))
        .map(|(l, converted, s, mixed, _)| (l, converted, s, mixed))
}

/// Converts the lines of UTF-8 text typed in a legacy encoding and shown as Latin-1; refuses a
/// line where a word mixes Unicode letters with legacy ones, or where converting leaves too
/// many words that are not Vietnamese, since converting it would garble it.
fn mangled_lines(text: &str, notes: &mut Vec<Note>) -> Result<String, Fatal> {
    // Legacy bytes shown as Latin-1 are characters from U+0080 to U+00FF (some of them letters
    // of Vietnamese too, as in VNI's `Nghò quyeát`): a text without any has nothing to convert.
    if !text.chars().any(|c| ('\u{80}'..='\u{FF}').contains(&c)) {
        return Ok(text.to_owned());
    }
    let mut out = String::with_capacity(text.len());
    let mut converted: Vec<(Legacy, usize)> = Vec::new();
    for (n, line) in numbered(text) {
        match better_reading(line) {
            Some((legacy, new, (good, bad), mixed)) => {
                if mixed || bad * 4 > good + bad {
                    return Err(Fatal::Mixed { line: n, text: line.trim_end().to_owned() });
                }
                converted.push((legacy, n));
                out.push_str(&new);
            }
            None => out.push_str(line),
        }
    }
    converted_notes(&converted, "", notes);
    Ok(out)
}

fn converted_notes(converted: &[(Legacy, usize)], how_vi: &str, notes: &mut Vec<Note>) {
    for legacy in [Legacy::Tcvn3, Legacy::Vni] {
        let lines: Vec<usize> = converted.iter().filter(|(l, _)| *l == legacy).map(|(_, n)| *n).collect();
        if lines.is_empty() {
            continue;
        }
        let (count, list, name) = (lines.len(), line_list(&lines), legacy.name());
        notes.push(Note::bilingual(
            0,
            true,
            format!("{count} dòng được gõ bằng bảng mã {name}{how_vi} đã được chuyển sang Unicode: dòng {list}. Hãy đọc lại các dòng này trong tệp kết quả."),
            format!("{count} line(s) typed in {name} were converted to Unicode: line(s) {list}. Read them again in the resulting bank."),
        ));
    }
}

/// Text that is not UTF-8: each line read as Windows-1258, TCVN3 or VNI, whichever gives
/// Vietnamese words.
fn legacy_bytes(bytes: &[u8]) -> Result<(String, Vec<Note>), Fatal> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut notes = Vec::new();
    let mut converted: Vec<(Legacy, usize)> = Vec::new();
    let mut windows: Vec<usize> = Vec::new();
    for (i, line) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
        let n = i + 1;
        if line.contains(&0) {
            return Err(Fatal::NulByte { line: n });
        }
        if let Ok(utf8) = std::str::from_utf8(line) {
            out.push_str(utf8);
            continue;
        }
        let cp1258 = windows_1258(line);
        let candidates = [
            (None, nfc(&cp1258)),
            (Some(Legacy::Tcvn3), nfc(&Legacy::Tcvn3.decode(line))),
            (Some(Legacy::Vni), nfc(&Legacy::Vni.decode(line))),
        ];
        let best = candidates
            .into_iter()
            .enumerate()
            .min_by_key(|(k, (_, t))| {
                let (good, bad) = score(t);
                (bad, usize::MAX - good, *k)
            })
            .map(|(_, c)| c);
        let Some((legacy, text)) = best else { continue };
        let (good, bad) = score(&text);
        if bad * 4 > good + bad {
            let shown = String::from_utf8_lossy(line).trim_end().to_owned();
            return Err(Fatal::Mixed { line: n, text: shown });
        }
        match legacy {
            Some(l) => converted.push((l, n)),
            None => windows.push(n),
        }
        out.push_str(&text);
    }
    if !windows.is_empty() {
        let list = line_list(&windows);
        notes.push(Note::bilingual(
            0,
            true,
            format!("Tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258 (tiếng Việt của Windows) các dòng {list}. Hãy đọc lại chữ có dấu; lần sau hãy lưu “CSV UTF-8” hoặc “Unicode (UTF-8)”."),
            format!("The file is not UTF-8: line(s) {list} were read as Windows-1258 (Vietnamese Windows). Check the accented letters; next time save as \"CSV UTF-8\" or \"Unicode (UTF-8)\"."),
        ));
    }
    converted_notes(&converted, " (tệp không phải UTF-8)", &mut notes);
    let text = mangled_lines(&out, &mut notes)?;
    soft_hyphens(&text, &mut notes);
    Ok((text, notes))
}

/// A soft hyphen (U+00AD) left in text is kept (it is “ư” in TCVN3 text shown as Latin-1, and
/// never deleted), with a warning.
fn soft_hyphens(text: &str, notes: &mut Vec<Note>) {
    for (n, line) in numbered(text).filter(|(_, l)| l.contains('\u{AD}')) {
        notes.push(Note::bilingual(
            n,
            true,
            "Dòng có ký tự gạch nối mềm (U+00AD, không hiện ra): giữ nguyên. Nếu đây là chữ “ư” của bảng mã TCVN3, hãy chuyển mã cả tệp bằng Unikey.".into(),
            "The line holds a soft hyphen (U+00AD, invisible): kept. If it is the \"ư\" of TCVN3 text, convert the whole file with Unikey.".into(),
        ));
        let _ = line;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1258_is_read_as_encoding_rs_reads_it() {
        let every: Vec<u8> = (0..=255).collect();
        assert_eq!(windows_1258(&every), encoding_rs::WINDOWS_1258.decode_without_bom_handling(&every).0);
    }

    proptest::proptest! {
        /// Any bytes, as UTF-16 of either order: what encoding_rs (and so a browser) reads.
        #[test]
        fn utf16_is_read_as_encoding_rs_reads_it(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            let le = encoding_rs::UTF_16LE.decode_without_bom_handling(&body).0;
            let be = encoding_rs::UTF_16BE.decode_without_bom_handling(&body).0;
            proptest::prop_assert_eq!(utf16_text(&body, false), le);
            proptest::prop_assert_eq!(utf16_text(&body, true), be);
        }
    }

    fn read(bytes: &[u8]) -> (String, Vec<String>) {
        let d = decode(bytes).unwrap_or_else(|e| panic!("{e:?}"));
        (d.text, d.notes.iter().map(|n| n.message.clone()).collect())
    }

    #[test]
    fn utf8_with_or_without_bom_is_read_silently() {
        assert_eq!(read("Câu 1. Nghị quyết?\n".as_bytes()), ("Câu 1. Nghị quyết?\n".to_owned(), vec![]));
        assert_eq!(read(b"\xEF\xBB\xBFC\xC3\xA2u\n"), ("Câu\n".to_owned(), vec![]));
    }

    #[test]
    fn utf16_both_ways_with_or_without_bom() {
        let text = "cau_hoi\ta\tdap_an\nNghị quyết?\tx\tA\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [
            ([&[0xFF, 0xFE][..], &le].concat(), "UTF-16 LE"),
            (le.clone(), "UTF-16 LE"),
            ([&[0xFE, 0xFF][..], &be].concat(), "UTF-16 BE"),
            (be.clone(), "UTF-16 BE"),
        ] {
            let (t, notes) = read(&bytes);
            assert_eq!(t, text);
            assert_eq!(notes.len(), 1);
            assert!(notes[0].contains(name), "{notes:?}");
        }
    }

    #[test]
    fn windows_1258_is_read_with_a_warning() {
        // "Nghị quyết số 35" in Windows-1258: combining tone marks after the vowels.
        let (t, notes) = read(b"Nghi\xF2 quy\xEA\xECt s\xF4\xEC 35\n");
        assert_eq!(t, "Nghị quyết số 35\n");
        assert!(notes[0].contains("Windows-1258") && notes[0].contains("dòng 1"), "{notes:?}");
    }

    #[test]
    fn raw_tcvn3_and_vni_lines_are_converted_and_listed() {
        let (t, notes) = read(b"C\xA9u 1. Ngh\xDE quy\xD5t s\xE8 35?\nA. Ban B\xDD th\xAD\nA. ok\n");
        assert_eq!(t, "Câu 1. Nghị quyết số 35?\nA. Ban Bí thư\nA. ok\n");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("TCVN3") && notes[0].contains("dòng 1, 2"), "{notes:?}");
        let (t, notes) = read(b"Ngh\xF2 quye\xE1t so\xE1 35 do c\xF4 quan na\xF8o ban ha\xF8nh?\n");
        assert_eq!(t, "Nghị quyết số 35 do cơ quan nào ban hành?\n");
        assert!(notes[0].contains("VNI"), "{notes:?}");
    }

    #[test]
    fn legacy_text_inside_utf8_is_converted_and_the_soft_hyphen_kept_as_u() {
        let text = "Câu 1. NghÞ quyÕt sè 35-NQ/TW do c¬ quan nµo ban hµnh?\nA. Ban BÝ th\u{AD}\nB. Bộ Chính trị\n";
        let (t, notes) = read(text.as_bytes());
        assert_eq!(t, "Câu 1. Nghị quyết số 35-NQ/TW do cơ quan nào ban hành?\nA. Ban Bí thư\nB. Bộ Chính trị\n");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("2 dòng được gõ bằng bảng mã TCVN3") && notes[0].contains("dòng 1, 2"),
            "{notes:?}"
        );
        let (t, _) = read("Nghò quyeát soá 35 do cô quan naøo ban haønh?\n".as_bytes());
        assert_eq!(t, "Nghị quyết số 35 do cơ quan nào ban hành?\n");
        // Every character here is also a letter of Vietnamese: still VNI.
        let (t, _) = read("Caâu 1. Nghò quyeát soá 35?\n".as_bytes());
        assert_eq!(t, "Câu 1. Nghị quyết số 35?\n");
    }

    #[test]
    fn unicode_text_is_never_converted() {
        let text = "Phương châm “Đoàn kết – Dân chủ” của Đảng; café, Müller, ±5°, “x”.\nVề Pháp và Mác-Lê-nin.\n";
        assert_eq!(read(text.as_bytes()), (text.to_owned(), vec![]));
    }

    #[test]
    fn a_line_mixing_unicode_and_legacy_text_is_refused_with_its_number() {
        // Unicode words beside legacy ones are kept…
        let (t, _) = read("Câu 2. Nghị quyÕt sè 35 do c¬ quan nµo ban hµnh?\n".as_bytes());
        assert_eq!(t, "Câu 2. Nghị quyết số 35 do cơ quan nào ban hành?\n");
        // …but a word typed half in each cannot be converted.
        let text = "Câu 1. Đúng?\nCâu 2. Những ngưêi nµo?\n";
        assert_eq!(decode(text.as_bytes()), Err(Fatal::Mixed { line: 2, text: text.lines().nth(1).unwrap().into() }));
    }

    #[test]
    fn a_lone_soft_hyphen_is_kept_with_a_warning() {
        let d = decode("Ban Bí thư đồng\u{AD}ý\n".as_bytes()).unwrap();
        assert!(d.text.contains('\u{AD}'));
        assert_eq!(d.notes.len(), 1);
        assert_eq!(d.notes[0].line, 1);
    }

    #[test]
    fn nul_bytes_and_huge_files_are_fatal() {
        assert_eq!(decode(b"a\nb\0c\n"), Err(Fatal::NulByte { line: 2 }));
        assert!(matches!(decode(&vec![b'a'; MAX_TEXT_BYTES + 1]), Err(Fatal::TooLarge { .. })));
    }

    proptest::proptest! {
        /// Any bytes: decoding never panics, and text it returns keeps every line (a converted
        /// line is still one line).
        #[test]
        fn any_bytes_decode_or_fail_cleanly(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            if let Ok(d) = decode(&bytes) {
                let lines = bytes.split(|b| *b == b'\n').count();
                let utf16 = d.notes.iter().any(|n| n.message.contains("UTF-16"));
                proptest::prop_assert!(utf16 || d.text.split('\n').count() == lines);
            }
        }

        /// Latin-1 text made from Vietnamese letters typed in VNI or TCVN3 reads back.
        #[test]
        fn legacy_words_read_back(word in "(Nghị|quyết|số|cơ|quan|nào|ban|hành|thư|người|được|Đảng|chủ|động) {1,8}") {
            for legacy in [Legacy::Tcvn3, Legacy::Vni] {
                let bytes: Vec<u8> = word.chars().flat_map(|c| legacy.encode_char(c).unwrap()).collect();
                let latin1: String = bytes.iter().map(|b| char::from(*b)).collect();
                proptest::prop_assert_eq!(nfc(&legacy.unmangle(&latin1)), word.clone());
            }
        }
    }

    #[test]
    fn lists_of_lines() {
        assert_eq!(line_list(&[1, 2, 4, 5, 6, 9]), "1, 2, 4–6, 9");
    }
}
