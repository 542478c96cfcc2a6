//! Any bytes as a bank file: the checker never panics, and a bank it accepts is one the app can
//! run: every question can be shown, its right answer earns full credit, and its answer lines
//! can be written.
#![no_main]

#[path = "shipped.rs"]
mod shipped;

use libfuzzer_sys::fuzz_target;
use ontap_core::check::{References, check_bank};
use ontap_core::draw::{SplitMix64, presentation_order};
use ontap_core::library::Library;
use ontap_core::present::{correct_lines, response_lines};
use ontap_core::score::{right_response, score};

fuzz_target!(|bytes: &[u8]| {
    let (_, materials) = shipped::shipped();
    let refs = References { materials: Some(materials), texts: None };
    let checked = check_bank(bytes, "bank.json", &refs);
    let Some(bank) = checked.value else { return };
    let library = Library::new(vec![bank.clone()], materials.materials.clone());
    let mut rng = SplitMix64::new(7);
    for q in &bank.questions {
        let order = presentation_order(q, &mut rng);
        let right = right_response(&q.kind);
        assert!(score(&q.kind, &right).is_full(), "a checked question refuses its own answer: {:?}", q.id);
        let _ = correct_lines(&q.kind, &order);
        let _ = response_lines(&q.kind, &order, Some(&right));
    }
    let _ = library.search(&String::from_utf8_lossy(&bytes[..bytes.len().min(16)]));
});
