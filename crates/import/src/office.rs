//! Word and Excel files are zip archives of XML parts. Reading them from a stranger is reading a
//! hostile archive: the number of entries, the bytes unpacked (counted as they come, not as the
//! archive claims) and the depth of XML are all limited, and going past a limit is a clear error,
//! never a panic or an exhausted memory.

use crate::Fatal;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// At most this many entries in an archive (a Word file has about 15, one image each more).
pub const MAX_ENTRIES: usize = 5_000;
/// At most this many bytes unpacked from the parts read (text and styles only; images are
/// never unpacked).
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;
/// At most this many paragraphs and table rows in a Word file, or cells in a sheet (a set of
/// 10,000 questions has about 70,000 paragraphs), so memory stays bounded whatever the XML.
pub const MAX_ITEMS: usize = 1_000_000;
/// At most this deep nesting of XML elements (Word's deepest real documents stay under 40).
pub const MAX_DEPTH: usize = 256;

/// Whether `bytes` start as a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// An Office file opened for reading its parts.
pub struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes unpacked so far.
    unpacked: u64,
    /// The names of the entries.
    pub names: Vec<String>,
}

impl<'a> Archive<'a> {
    /// Opens `bytes`, refusing what is not a zip archive or has too many entries.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, Fatal> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Fatal::Damaged { detail: e.to_string() })?;
        if zip.len() > MAX_ENTRIES {
            return Err(Fatal::ArchiveTooLarge { what: "entries", limit: MAX_ENTRIES as u64 });
        }
        let names = zip.file_names().filter_map(Result::ok).map(|n| n.into_owned()).collect();
        Ok(Archive { zip, unpacked: 0, names })
    }

    /// The text of the part `name`, `None` when there is no such part.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, Fatal> {
        let Some(index) = self.names.iter().position(|n| n == name) else {
            return Ok(None);
        };
        let left = MAX_UNPACKED - self.unpacked;
        let entry = self.zip.by_index(index).map_err(|e| Fatal::Damaged { detail: format!("{name}: {e}") })?;
        let mut out = Vec::new();
        // One byte more than allowed tells a bomb from a file exactly at the limit.
        entry.take(left + 1).read_to_end(&mut out).map_err(|e| Fatal::Damaged { detail: format!("{name}: {e}") })?;
        self.unpacked += out.len() as u64;
        if self.unpacked > MAX_UNPACKED {
            return Err(Fatal::ArchiveTooLarge { what: "bytes", limit: MAX_UNPACKED });
        }
        String::from_utf8(out).map(Some).map_err(|_| Fatal::Damaged { detail: format!("{name}: not UTF-8") })
    }
}

/// One event of an XML part, as the readers use them.
pub enum Xml<'e> {
    /// An element opens (`empty`: it closes at once, `<w:b/>`).
    Open(&'e BytesStart<'e>, bool),
    /// An element closes.
    Close(&'e str),
    /// Text (entities resolved).
    Text(&'e str),
}

/// Walks the XML `text`, calling `f` on each element and text, refusing nesting deeper than
/// [`MAX_DEPTH`] and malformed XML.
pub fn walk(part: &str, text: &str, mut f: impl FnMut(Xml<'_>)) -> Result<(), Fatal> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let bad = |e: &dyn std::fmt::Display| Fatal::Damaged { detail: format!("{part}: {e}") };
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Fatal::TooDeep { limit: MAX_DEPTH });
                }
                f(Xml::Open(&e, false));
            }
            Event::Empty(e) => f(Xml::Open(&e, true)),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                f(Xml::Close(e.name().as_ref()));
            }
            Event::Text(t) => f(Xml::Text(&t.xml10_content())),
            Event::CData(t) => f(Xml::Text(&t.xml10_content())),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&name).unwrap_or_default().to_owned(),
                };
                f(Xml::Text(&resolved));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of attribute `name` of `e`, unescaped.
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A zip archive of `(name, content)` entries, deflated.
    pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        zip_with(entries, zip::CompressionMethod::Stored)
    }

    fn zip_with(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_zip_bomb_stops_at_the_limit() {
        // 65 MB of zeros, deflated to about 64 KB: built here, never committed.
        let zeros = vec![0u8; (MAX_UNPACKED + 1024 * 1024) as usize];
        let bomb = zip_with(&[("word/document.xml", &zeros)], zip::CompressionMethod::Deflated);
        assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
        let mut a = Archive::open(&bomb).unwrap();
        assert_eq!(a.text("word/document.xml"), Err(Fatal::ArchiveTooLarge { what: "bytes", limit: MAX_UNPACKED }));
    }

    #[test]
    fn too_many_entries_and_not_a_zip() {
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("x/{i}")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let many = zip_of(&entries);
        assert!(matches!(Archive::open(&many), Err(Fatal::ArchiveTooLarge { what: "entries", .. })));
        assert!(matches!(Archive::open(b"PK\x03\x04 not really"), Err(Fatal::Damaged { .. })));
    }

    #[test]
    fn deep_xml_is_refused() {
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert_eq!(walk("x.xml", &deep, |_| {}), Err(Fatal::TooDeep { limit: MAX_DEPTH }));
        let fine = "<a>".repeat(MAX_DEPTH) + "x&amp;y&#x1EA1;" + &"</a>".repeat(MAX_DEPTH);
        let mut text = String::new();
        walk("x.xml", &fine, |e| {
            if let Xml::Text(t) = e {
                text.push_str(t);
            }
        })
        .unwrap();
        assert_eq!(text, "x&yạ");
        assert!(matches!(walk("x.xml", "<a><b></a>", |_| {}), Err(Fatal::Damaged { .. })));
    }
}
