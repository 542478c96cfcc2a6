//! Any text as a saved exam: resuming never panics, and a resumed exam can be answered,
//! submitted and scored against the shipped library even when its questions are gone or its
//! answers do not fit them.
#![no_main]

#[path = "shipped.rs"]
mod shipped;

use libfuzzer_sys::fuzz_target;
use ontap_core::exam::Exam;
use ontap_core::route::ExamSpec;

fuzz_target!(|text: &str| {
    let (library, _) = shipped::shipped();
    // The spec is the one the snapshot names, as when its link is reopened.
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return };
    let Some(spec) = value.pointer("/exam/spec").and_then(|s| serde_json::from_value::<ExamSpec>(s.clone()).ok())
    else {
        return;
    };
    let Some(mut exam) = Exam::resume(text, &spec) else { return };
    let _ = exam.result(library);
    exam.toggle_flag(0);
    exam.respond(usize::MAX, None);
    exam.submit_if_over(f64::MAX);
    let result = exam.result(library);
    assert!((0.0..=10.0).contains(&result.out_of_10), "score out of range: {}", result.out_of_10);
    let _ = Exam::resume(&exam.snapshot(), &spec);
});
