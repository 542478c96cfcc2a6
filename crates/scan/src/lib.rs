//! Reading QR codes in camera frames, for the organiser's “Quét mã QR” where the browser has no
//! `BarcodeDetector` (Firefox, Safari, Chromium on Linux and Windows): a frame's pixels as a
//! canvas gives them (RGBA) become grey levels, then every QR code that quircs (quirc in Rust)
//! finds in them is decoded. Pure: the browser's worker (`src/platform/qr_worker.rs`) and the tests run the same
//! code. The decoder runs in a worker because a decoder may still panic on some degenerate frames,
//! which in the size-optimised browser build aborts the module: a worker is restarted, the page
//! is never lost.

/// The longest side of a frame worth reading: the page scales frames down to it (a code held
/// up to a camera spans a good part of the frame), and longer ones are refused, not read.
pub const MAX_SIDE: usize = 1280;

/// Grey levels (0 black … 255 white) of RGBA pixels, one byte per pixel (ITU-R BT.601 weights);
/// the alpha byte is ignored, a trailing partial pixel dropped.
pub fn grey_from_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8)
        .collect()
}

/// The text of every QR code found in a `width` × `height` frame of grey levels, row by row;
/// none when the sizes do not match the pixels or a side is over [`MAX_SIDE`].
pub fn read(width: usize, height: usize, grey: &[u8]) -> Vec<String> {
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE || grey.len() != width * height {
        return Vec::new();
    }
    let mut decoder = quircs::Quirc::default();
    decoder
        .identify(width, height, grey)
        .filter_map(|code| code.ok()?.decode().ok())
        .filter_map(|data| String::from_utf8(data.payload).ok())
        .collect()
}

#[cfg(test)]
mod tests;
