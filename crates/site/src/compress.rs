//! Precompressed copies for static hosts: `name.gz` (gzip -9) and `name.br` (brotli 11) beside
//! every file a browser asks for as text or wasm. The banks are included: a host serves them too.

use std::io::Write;
use std::path::Path;

/// The endings worth compressing (images are compressed already).
const COMPRESSED: [&str; 7] = ["html", "js", "wasm", "css", "json", "webmanifest", "svg"];

/// Compresses every such file under `dist`.
pub fn run(dist: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    collect(dist, &mut files).map_err(|e| format!("{}: {e}", dist.display()))?;
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        write(file, "gz", &gzip(&bytes))?;
        write(file, "br", &brotli(&bytes))?;
    }
    Ok(format!("{} files precompressed (.gz, .br)", files.len()))
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSED.contains(&e)) {
            out.push(path);
        }
    }
    Ok(())
}

fn write(file: &Path, ending: &str, bytes: &[u8]) -> Result<(), String> {
    let mut name = file.as_os_str().to_owned();
    name.push(format!(".{ending}"));
    std::fs::write(&name, bytes).map_err(|e| format!("{}: {e}", Path::new(&name).display()))
}

/// Gzip at level 9, as `gzip -9` writes it.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Brotli at quality 11.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn both_copies_decompress_to_the_original() {
        let text = "Ôn tập Nghị quyết ".repeat(200).into_bytes();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzip(&text)[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, text);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(&text)[..], &mut back).unwrap();
        assert_eq!(back, text);
        assert!(brotli(&text).len() < text.len() / 10);
    }
}
