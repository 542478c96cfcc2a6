//! Markup in text. Importers make text as Moodle writes it plain (`plain`): the format markers `[html]`, `[moodle]`, `[plain]`,
//! `[markdown]` removed, HTML turned into text (tags dropped, entities decoded, paragraphs and
//! `<br>` as line breaks, emphasis dropped), Markdown emphasis dropped. The app shows text
//! literally, so no markup may reach a bank: the checker warns about any left (`markup_in`).

/// The format markers of Moodle's GIFT export.
pub const FORMAT_MARKERS: [&str; 4] = ["[html]", "[moodle]", "[plain]", "[markdown]"];

/// `s` without format markers, HTML or Markdown emphasis. Line breaks stand where paragraphs and
/// `<br>` were (callers that fold spaces make them spaces, never glue two words).
pub fn plain(s: &str) -> String {
    let mut s = s.to_owned();
    let markdown = s.contains("[markdown]");
    for m in FORMAT_MARKERS {
        s = s.replace(m, "");
    }
    if looks_like_html(&s) {
        s = html_to_text(&s);
    }
    if markdown || s.contains("**") {
        s = s.replace("**", "");
    }
    s
}

/// Whether `s` holds an HTML tag or entity.
pub fn looks_like_html(s: &str) -> bool {
    html_tag_at(s).is_some() || entity_at(s).is_some()
}

const TAGS: [&str; 24] = [
    "p", "br", "div", "span", "strong", "b", "em", "i", "u", "sup", "sub", "ul", "ol", "li", "font", "h1", "h2", "h3",
    "h4", "table", "tr", "td", "img", "a",
];
const BLOCKS: [&str; 12] = ["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "table"];

/// The first known HTML tag in `s`: (start, end after `>`, name, closing).
fn html_tag_at(s: &str) -> Option<(usize, usize, String, bool)> {
    let mut from = 0;
    while let Some(i) = s[from..].find('<').map(|i| i + from) {
        let rest = &s[i + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let after = rest[name_start + name.len()..].chars().next();
        if TAGS.contains(&name.as_str())
            && matches!(after, Some('>' | ' ' | '/' | '\t' | '\n'))
            && let Some(end) = rest.find('>')
        {
            return Some((i, i + 1 + end + 1, name, closing));
        }
        from = i + 1;
    }
    None
}

/// The first HTML entity in `s`: (start, end after `;`, the character).
fn entity_at(s: &str) -> Option<(usize, usize, char)> {
    let mut from = 0;
    while let Some(i) = s[from..].find('&').map(|i| i + from) {
        let rest = &s[i + 1..];
        if let Some(semi) = rest.find(';').filter(|n| *n <= 10) {
            let name = &rest[..semi];
            let c = match name {
                "nbsp" => Some('\u{A0}'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "hellip" => Some('…'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            if let Some(c) = c {
                return Some((i, i + 1 + semi + 1, c));
            }
        }
        from = i + 1;
    }
    None
}

/// HTML as text: tags dropped (block tags become line breaks), entities decoded.
pub fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((start, end, name, _)) = html_tag_at(rest) {
        out.push_str(&rest[..start]);
        if BLOCKS.contains(&name.as_str()) && !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    let mut decoded = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some((start, end, c)) = entity_at(rest) {
        decoded.push_str(&rest[..start]);
        decoded.push(c);
        rest = &rest[end..];
    }
    decoded.push_str(rest);
    decoded.trim_end_matches('\n').to_owned()
}

/// A short description of the first markup in `s` a member would see as is: an HTML tag or
/// entity, a format marker, Markdown emphasis or link.
pub fn markup_in(s: &str) -> Option<String> {
    if let Some(m) = FORMAT_MARKERS.iter().find(|m| s.contains(**m)) {
        return Some((*m).to_owned());
    }
    if let Some((start, end, _, _)) = html_tag_at(s) {
        return Some(s[start..end].chars().take(30).collect());
    }
    if let Some((start, end, _)) = entity_at(s) {
        return Some(s[start..end].to_owned());
    }
    if let Some(i) = s.find("**").filter(|i| s[i + 2..].contains("**")) {
        return Some(s[i..].chars().take(20).collect());
    }
    if let Some(i) = s.find("](http") {
        let start = s[..i].rfind('[').unwrap_or(i);
        return Some(s[start..].chars().take(30).collect());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moodle_html_becomes_text() {
        assert_eq!(
            plain(
                "[html]<p dir=\"ltr\" style=\"text-align: left;\">Nghị quyết&nbsp;<strong>35</strong> &amp; 36<br>dòng hai</p><p>Đoạn &#39;ba&#x27;</p>"
            ),
            "Nghị quyết\u{A0}35 & 36\ndòng hai\nĐoạn 'ba'"
        );
        assert_eq!(plain("[moodle]Bộ Chính trị"), "Bộ Chính trị");
        assert_eq!(plain("[markdown]Phương châm **chủ động**"), "Phương châm chủ động");
        assert_eq!(plain("a < b và c > d, R&D"), "a < b và c > d, R&D");
    }

    #[test]
    fn markup_left_in_text_is_found() {
        assert_eq!(markup_in("Bộ <strong>Chính</strong> trị").as_deref(), Some("<strong>"));
        assert_eq!(markup_in("Nghị&nbsp;quyết").as_deref(), Some("&nbsp;"));
        assert_eq!(markup_in("[html]Câu").as_deref(), Some("[html]"));
        assert_eq!(markup_in("Từ **chủ động** là").as_deref(), Some("**chủ động** là"));
        assert_eq!(markup_in("Xem [đây](https://x.vn)").as_deref(), Some("[đây](https://x.vn)"));
        assert_eq!(markup_in("a < b, c > d, R&D, điền ___ vào, 2*3"), None);
    }
}
