//! Where each value of a JSON document stands: JSON pointer → byte offset, and offset → line:column.
//!
//! serde_json parses strictly but forgets positions; this scanner runs over text serde_json has
//! already accepted and records, for every object member and array element, the offset of its key
//! and of its value. It also finds duplicate keys, which serde_json silently collapses.

use std::collections::HashMap;
use std::fmt::Write;

/// Where one value stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    /// Offset of the member's key (for object members).
    pub key: Option<usize>,
    /// Offset of the value's first byte.
    pub value: usize,
}

/// A key written twice in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// Pointer of the member (object pointer + key).
    pub pointer: String,
    /// Offset of the second occurrence's key.
    pub offset: usize,
}

/// Positions of every value in a document.
#[derive(Debug, Default)]
pub struct Locations {
    map: HashMap<String, Loc>,
    /// Members whose key appears more than once in their object.
    pub duplicates: Vec<DuplicateKey>,
}

impl Locations {
    /// Scans `text`, which must be JSON that serde_json accepted (its depth bounds the
    /// scanner's recursion; other text ends the scan without looping).
    pub fn scan(text: &str) -> Self {
        let mut scanner = Scanner { bytes: text.as_bytes(), pos: 0, out: Locations::default() };
        scanner.skip_ws();
        let start = scanner.pos;
        scanner.out.map.insert(String::new(), Loc { key: None, value: start });
        scanner.value(&mut String::new());
        scanner.out
    }

    /// The location of the value at `pointer`.
    pub fn get(&self, pointer: &str) -> Option<Loc> {
        self.map.get(pointer).copied()
    }

    /// The best offset for a diagnostic at `pointer`: the key for members, else the value;
    /// falling back to the nearest ancestor that exists (a missing field points at its object).
    pub fn offset(&self, pointer: &str, prefer_key: bool) -> usize {
        let mut p = pointer;
        loop {
            if let Some(loc) = self.get(p) {
                return if prefer_key { loc.key.unwrap_or(loc.value) } else { loc.value };
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return 0,
            }
        }
    }
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub fn escape_key(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The key a JSON-pointer segment names (`~1` is `/`, `~0` is `~`).
pub fn unescape_key(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    Lines::new(text).line_col(offset)
}

/// Where a text's lines start, for many [`line_col`] look-ups in one text: each a binary search
/// instead of a count from the start (a bank with a thousand problems is otherwise a thousand
/// scans of its whole text).
pub struct Lines<'t> {
    text: &'t str,
    /// The byte offset of each line's start; the first is 0.
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    /// Indexes `text`'s lines.
    pub fn new(text: &'t str) -> Self {
        let breaks = text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1);
        Lines { text, starts: std::iter::once(0).chain(breaks).collect() }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line as u32, column as u32)
    }
}

/// Byte offset of 1-based `line` and byte `column` (as serde_json reports them).
pub fn offset_of(text: &str, line: usize, byte_column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    floor_char_boundary(text, (start + byte_column.saturating_sub(1)).min(text.len()))
}

/// The text of 1-based `line`, without its line break.
pub fn line_text(text: &str, line: u32) -> &str {
    text.split('\n').nth(line.saturating_sub(1) as usize).map_or("", |l| l.trim_end_matches('\r'))
}

/// Control characters shown as their Unicode pictures (NUL → ␀), so a terminal neither hides
/// nor obeys them; a tab is one space so the caret stays under its column.
fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
        '\u{7f}' => '␡',
        other => other,
    }
}

/// The part of `line` to show, at most `width` characters around 1-based `column` (with `…`
/// where it is cut), and the caret's offset in it (both in characters).
pub fn excerpt(line: &str, column: usize, width: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().map(visible).collect();
    let col = column.saturating_sub(1).min(chars.len());
    if chars.len() <= width {
        return (chars.iter().collect(), col);
    }
    let start = col.saturating_sub(width / 2);
    let end = (start + width).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut caret = col - start;
    if start > 0 {
        shown.insert(0, '…');
        caret += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    out: Locations,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    /// Scans the value at `pointer`, a path buffer restored to its length before returning.
    fn value(&mut self, pointer: &mut String) {
        match self.bytes.get(self.pos) {
            Some(b'{') => self.object(pointer),
            Some(b'[') => self.array(pointer),
            Some(b'"') => self.skip_string(),
            Some(_) => {
                // At least one byte, so that a stray bracket never stops the scan in its tracks.
                self.pos += 1;
                while self.pos < self.bytes.len()
                    && !matches!(self.bytes[self.pos], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    self.pos += 1;
                }
            }
            None => {}
        }
    }

    fn object(&mut self, pointer: &mut String) {
        self.pos += 1;
        let mut seen: Vec<String> = Vec::new();
        loop {
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b'}') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let key_at = self.pos;
            let key = self.string();
            self.skip_ws();
            self.pos += 1; // ':'
            self.skip_ws();
            let parent = pointer.len();
            pointer.push('/');
            pointer.push_str(&escape_key(&key));
            if seen.contains(&key) {
                self.out.duplicates.push(DuplicateKey { pointer: pointer.clone(), offset: key_at });
            } else {
                seen.push(key);
            }
            // The last occurrence wins, as in serde_json: diagnostics on the value point there.
            self.out.map.insert(pointer.clone(), Loc { key: Some(key_at), value: self.pos });
            self.value(pointer);
            pointer.truncate(parent);
        }
    }

    fn array(&mut self, pointer: &mut String) {
        self.pos += 1;
        let mut index = 0usize;
        loop {
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b']') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let parent = pointer.len();
            let _ = write!(pointer, "/{index}");
            self.out.map.insert(pointer.clone(), Loc { key: None, value: self.pos });
            self.value(pointer);
            pointer.truncate(parent);
            index += 1;
        }
    }

    /// Reads a string starting at its opening quote and returns its decoded value.
    fn string(&mut self) -> String {
        let start = self.pos;
        self.skip_string();
        let raw = &self.bytes[start..self.pos];
        // A key without escapes is its own text (the common case): no decoding needed.
        let inner = raw.strip_prefix(b"\"").and_then(|r| r.strip_suffix(b"\""));
        match inner.filter(|i| !i.contains(&b'\\')).and_then(|i| std::str::from_utf8(i).ok()) {
            Some(plain) => plain.to_owned(),
            // Through the same parser as every other text (another would cost wasm bytes).
            None => match std::str::from_utf8(raw).ok().and_then(|r| crate::check::parse_value(r).ok()) {
                Some(serde_json::Value::String(s)) => s,
                _ => String::new(),
            },
        }
    }

    /// Moves past a string starting at its opening quote.
    fn skip_string(&mut self) {
        self.pos += 1;
        let mut escaped = false;
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            self.pos += 1;
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_give_the_line_and_column_a_count_from_the_start_gives() {
        let text = "ab\nđáp án\r\n\n x\u{301}y\nz";
        for offset in 0..=text.len() + 2 {
            let before = &text[..floor_char_boundary(text, offset.min(text.len()))];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
            assert_eq!(Lines::new(text).line_col(offset), (line as u32, column as u32), "offset {offset}");
        }
        assert_eq!(Lines::new("").line_col(5), (1, 1));
    }

    #[test]
    fn finds_members_elements_and_duplicates() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c/d\": true,\n  \"a\": null\n}";
        let locs = Locations::scan(text);
        let text_first = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c/d\": true\n}";
        let b = Locations::scan(text_first).get("/a/1/b").unwrap();
        assert_eq!(line_col(text_first, b.key.unwrap()), (2, 13));
        assert_eq!(line_col(text_first, b.value), (2, 18));
        assert_eq!(line_col(text, locs.get("/c~1d").unwrap().key.unwrap()), (3, 3));
        assert_eq!(locs.duplicates.len(), 1);
        assert_eq!(locs.duplicates[0].pointer, "/a");
        assert_eq!(line_col(text, locs.duplicates[0].offset), (4, 3));
        assert_eq!(line_col(text, locs.get("/a").unwrap().value), (4, 8), "the last value is the one kept");
        // A missing member points at the nearest ancestor.
        assert_eq!(locs.offset("/c~1d/zzz", false), locs.get("/c~1d").unwrap().value);
    }

    #[test]
    fn escaped_keys_are_compared_decoded() {
        let text = "{\"a\": {\"x\": 1, \"\\u0078\": 2}, \"b\": [{\"k\": \"\\\"\", \"k\": 0}], \"a\": 3}";
        let pointers: Vec<String> = Locations::scan(text).duplicates.into_iter().map(|d| d.pointer).collect();
        assert_eq!(pointers, ["/a/x", "/b/0/k", "/a"]);
        assert_eq!(unescape_key(&escape_key("a/~1b")), "a/~1b");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"tiêu đề\": 1}";
        let locs = Locations::scan(text);
        let loc = locs.get("/tiêu đề").unwrap();
        assert_eq!(line_col(text, loc.value), (1, 13));
        assert_eq!(line_text("a\r\nb", 1), "a");
        assert_eq!(offset_of("ab\ncd", 2, 2), 4);
    }
}
