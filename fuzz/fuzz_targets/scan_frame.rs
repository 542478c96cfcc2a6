//! Any bytes as a camera frame (the first byte picks the width, the rest are grey levels):
//! reading QR codes in it never panics and never loops. The browser runs the reader in a
//! worker that is restarted if it does (src/platform/qr_worker.rs); a crash here is still a
//! bug to report upstream or to work around in ontap-scan.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, grey)) = data.split_first() else { return };
    let width = usize::from(first).max(1);
    let height = grey.len() / width;
    let _ = ontap_scan::read(width, height, &grey[..width * height]);
});
