//! A bank's `questions` array found in its text by matching brackets outside strings, one
//! question's text at a time, without parsing: how both the checker (`check/sliced.rs`) and
//! the member's typed parsing (`shipped.rs`) take a large bank a slice at a time. It does not
//! validate: each question's text is parsed afterwards, and anything unexpected gives `None`,
//! for the caller to parse the whole text instead.

use std::ops::Range;

/// A bank's questions as text: the offset just after the array's `[`, each question's range,
/// and the offset just after its `]`; `None` when the text is not laid out as expected.
pub(crate) fn question_ranges(b: &[u8]) -> Option<(usize, Vec<Range<usize>>, usize)> {
    let open = questions_start(b)?;
    let mut delimiter = Delimiter { open: open - 1, at: open, first: true };
    let mut ranges = Vec::new();
    loop {
        match delimiter.next(b)? {
            Found::Question(r) => ranges.push(r),
            Found::End(end) => return Some((open, ranges, end)),
        }
    }
}

/// Where the questions array is being read: after its `[` (`open`), at byte `at`.
pub(crate) struct Delimiter {
    pub(crate) open: usize,
    pub(crate) at: usize,
    pub(crate) first: bool,
}

/// What the delimiter found.
pub(crate) enum Found {
    /// The text of the next question.
    Question(Range<usize>),
    /// The array's end, just after its `]`.
    End(usize),
}

impl Delimiter {
    /// The next question of the array, or its end; `None` when the text is not as expected.
    pub(crate) fn next(&mut self, b: &[u8]) -> Option<Found> {
        let mut i = skip_ws(b, self.at);
        if !self.first {
            match *b.get(i)? {
                b',' => i = skip_ws(b, i + 1),
                b']' => return Some(Found::End(i + 1)),
                _ => return None,
            }
        } else if b.get(i) == Some(&b']') {
            return Some(Found::End(i + 1));
        }
        self.first = false;
        let end = value_end(b, i)?;
        if end == i {
            return None;
        }
        self.at = end;
        Some(Found::Question(i..end))
    }
}

/// The offset just after the `[` of a bank's `questions` array, when the root is an object
/// whose members up to `questions` (written plainly) can be skipped; `None` otherwise.
pub(crate) fn questions_start(b: &[u8]) -> Option<usize> {
    let mut i = skip_ws(b, 0);
    if *b.get(i)? != b'{' {
        return None;
    }
    loop {
        i = skip_ws(b, i + 1);
        if *b.get(i)? != b'"' {
            return None;
        }
        let key_end = string_end(b, i)?;
        let key = &b[i..key_end];
        i = skip_ws(b, key_end);
        if *b.get(i)? != b':' {
            return None;
        }
        i = skip_ws(b, i + 1);
        if key == b"\"questions\"" {
            return (*b.get(i)? == b'[').then_some(i + 1);
        }
        i = skip_ws(b, value_end(b, i)?);
        if *b.get(i)? != b',' {
            return None;
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| matches!(c, b' ' | b'\n' | b'\r' | b'\t')) {
        i += 1;
    }
    i
}

/// Just after the string whose opening quote is at `from`.
fn string_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from + 1;
    loop {
        match *b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Just after the value starting at `from`, found by matching brackets outside strings. It
/// does not validate: the value is parsed afterwards.
fn value_end(b: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = from;
    loop {
        match *b.get(i)? {
            b'"' => {
                i = string_end(b, i)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b']' | b'}' if depth == 0 => return Some(i),
            b']' | b'}' => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b',' | b' ' | b'\n' | b'\r' | b'\t' if depth == 0 => return Some(i),
            _ => i += 1,
        }
    }
}
