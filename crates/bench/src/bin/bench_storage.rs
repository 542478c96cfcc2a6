//! Prints the localStorage figures of the answer log: bytes per 1,000 answers and how many
//! answers fit in the quota before compaction. `cargo run --release -p ontap-bench --bin bench-storage`.

use ontap_bench::storage::{QUOTA_UNITS, answers, answers_that_fit, stored_units};
use ontap_core::progress::store::KEEP_WHEN_COMPACTING;

/// Questions in the bank the answers are spread over.
const QUESTIONS: usize = 10_000;

fn main() {
    let thousand = stored_units(&answers(1_000, QUESTIONS));
    let ten_thousand = stored_units(&answers(10_000, QUESTIONS));
    println!("stored log, 1,000 answers: {thousand} UTF-16 code units (ASCII: as many bytes)");
    let v1 = ontap_core::progress::codec::encode_v1(&answers(1_000, QUESTIONS)).encode_utf16().count();
    println!("  the same in format 1 (before issue 14): {v1} code units without the key");
    println!("stored log, 10,000 answers: {ten_thousand} code units, {} per 1,000", ten_thousand / 10);
    let fit = answers_that_fit(QUOTA_UNITS, QUESTIONS);
    println!("answers that fit in {QUOTA_UNITS} code units before compaction: {fit}");
    let mut full = answers(fit, QUESTIONS);
    let folded = full.compact(KEEP_WHEN_COMPACTING);
    println!(
        "compacting that log (keep {KEEP_WHEN_COMPACTING} per question) folds {folded} answers into {} summaries: {} code units",
        full.summaries.len(),
        stored_units(&full)
    );
}
