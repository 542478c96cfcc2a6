//! Any text as pasted result codes: finding and reading them never panics, and a code that
//! reads back is written again as the same code (modulo case and Crockford's O/I/L).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ontap_core::result_code::{ResultCode, find_codes};

fuzz_target!(|text: &str| {
    for found in find_codes(text) {
        if let Ok(code) = ResultCode::decode(found) {
            let again = code.encode();
            assert_eq!(ResultCode::decode(&again), Ok(code), "{found:?} → {again:?}");
        }
    }
    let _ = ResultCode::decode(text);
});
