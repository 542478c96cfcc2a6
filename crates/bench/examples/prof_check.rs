//! Checks the generated 10,000-question bank three times and prints the mean, for profiling:
//! `CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release -p ontap-bench --example prof_check`
//! then `perf record --call-graph dwarf target/release/examples/prof_check` and `perf report`.

use ontap_bench::generate::{bank_json, file_name};
use ontap_core::check::{References, check_bank};

fn main() {
    let text = bank_json(10_000);
    let started = std::time::Instant::now();
    for _ in 0..3 {
        let checked = check_bank(text.as_bytes(), &file_name(10_000), &References::default());
        assert!(checked.value.is_some(), "the generated bank is valid");
    }
    eprintln!("check_bank of 10,000 questions: {:?} (mean of 3)", started.elapsed() / 3);
}
