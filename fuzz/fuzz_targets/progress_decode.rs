//! Any text as stored progress: decoding never panics, and what it salvages survives a round
//! trip through the stored form unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ontap_core::progress::codec::{decode, encode, preview_import};

fuzz_target!(|text: &str| {
    let first = decode(text);
    let stored = encode(&first.progress);
    let again = decode(&stored);
    assert!(again.problem.is_none(), "re-reading what was written found a problem: {stored}");
    assert_eq!(again.progress, first.progress, "the round trip changed the progress");
    let _ = preview_import(&first.progress, text);
});
