//! Quotes taken from a material's text: a selection becomes `source.quote` (NFC, white space
//! folded as the checker compares it, within [`QUOTE_LIMIT`]), and an existing quote is found in
//! the text to be highlighted, or flagged when it no longer stands there.

use crate::check::QUOTE_LIMIT;
use crate::text::{fold_spaces, nfc};
use std::ops::Range;

/// Why a selection cannot become a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteError {
    /// Nothing (or only white space) is selected.
    Empty,
    /// The selection is longer than a quote may be.
    TooLong {
        /// Characters selected.
        chars: usize,
        /// The limit.
        limit: usize,
    },
}

impl QuoteError {
    /// What the trainer reads.
    pub fn message(&self) -> String {
        match self {
            QuoteError::Empty => "Chưa chọn đoạn nào: hãy bôi đen một đoạn trong văn bản tài liệu rồi bấm lại.".into(),
            QuoteError::TooLong { chars, limit } => format!(
                "Đoạn đã chọn dài {chars} ký tự, quá {limit} ký tự cho phép của một trích dẫn: hãy chọn ngắn lại, chỉ câu chứng minh đáp án."
            ),
        }
    }
}

/// The quote a selection of a material's text gives: NFC, trimmed, every run of white space
/// (line breaks, non-breaking spaces) one space, exactly as the checker compares quotes.
pub fn from_selection(selection: &str) -> Result<String, QuoteError> {
    let quote = fold_spaces(&nfc(selection));
    let chars = quote.chars().count();
    if chars == 0 {
        Err(QuoteError::Empty)
    } else if chars > QUOTE_LIMIT {
        Err(QuoteError::TooLong { chars, limit: QUOTE_LIMIT })
    } else {
        Ok(quote)
    }
}

/// Where `quote` stands in `text` (byte range of `text`), up to runs of white space as the
/// checker compares; `text` should be the NFC text shown to the trainer.
pub fn find(text: &str, quote: &str) -> Option<Range<usize>> {
    let quote = fold_spaces(&nfc(quote));
    if quote.is_empty() {
        return None;
    }
    // `text` with white space folded, and for each of its bytes the byte of `text` it came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut space = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            space = !folded.is_empty();
            continue;
        }
        if space {
            folded.push(' ');
            origin.push(at);
            space = false;
        }
        folded.push(c);
        origin.extend(at..at + c.len_utf8());
    }
    let start = folded.find(&quote)?;
    let last = start + quote.len() - 1;
    Some(origin[start]..origin[last] + 1)
}

/// A question's quote against its material's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteStatus {
    /// No quote written yet.
    Empty,
    /// The material's text is not open in the editor.
    NoText,
    /// Found at this byte range of the text.
    Found(Range<usize>),
    /// Not in the text (a character changed, or the text is another edition).
    NotFound,
}

impl QuoteStatus {
    /// Of `quote` in `text` (the NFC text shown), when the text is open.
    pub fn of(text: Option<&str>, quote: &str) -> Self {
        match text {
            _ if quote.trim().is_empty() => QuoteStatus::Empty,
            None => QuoteStatus::NoText,
            Some(text) => find(text, quote).map_or(QuoteStatus::NotFound, QuoteStatus::Found),
        }
    }

    /// A sentence for the trainer, when there is something to say.
    pub fn message(&self) -> Option<&'static str> {
        match self {
            QuoteStatus::Empty => None,
            QuoteStatus::NoText => Some("Mở văn bản tài liệu để kiểm tra trích dẫn và chọn đoạn trích từ đó."),
            QuoteStatus::Found(_) => Some("Trích dẫn có trong tài liệu (được tô sáng trong văn bản)."),
            QuoteStatus::NotFound => Some(
                "Không tìm thấy trích dẫn này trong văn bản tài liệu: có thể một ký tự đã bị đổi. Hãy chọn lại đoạn trích từ văn bản.",
            ),
        }
    }
}

/// The passage at `range` of `text` with up to `chars` characters of context on each side
/// (`…` where cut): what the editor shows with the passage highlighted.
pub fn around(text: &str, range: Range<usize>, chars: usize) -> (String, String, String) {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let cut_before: String = {
        let n = before.chars().count();
        let kept: String = before.chars().skip(n.saturating_sub(chars)).collect();
        if n > chars { format!("…{kept}") } else { kept }
    };
    let cut_after: String = {
        let kept: String = after.chars().take(chars).collect();
        if after.chars().count() > chars { format!("{kept}…") } else { kept }
    };
    (cut_before, text[range].to_owned(), cut_after)
}
