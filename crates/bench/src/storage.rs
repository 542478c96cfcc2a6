//! How much room the answer log takes in localStorage: the stored text of N answers spread over
//! the questions of a generated bank, measured in UTF-16 code units (what browsers count against
//! the quota), and how many answers fit before the store must compact.

use ontap_core::draw::SplitMix64;
use ontap_core::progress::codec::encode;
use ontap_core::progress::store::PROGRESS_KEY;
use ontap_core::progress::{AnswerRecord, Mode, Progress};

/// localStorage's usual quota per origin: 5 MiB of UTF-16 code units, keys and values together
/// (Chromium counts 10 MiB of bytes at two bytes a unit; Firefox counts 5 MiB of units).
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// 1 November 2026, 00:00 UTC, in ms: answers are timestamped from here on.
const START_MS: i64 = 1_793_491_200_000;

/// `n` answers to the questions of a generated bank of `questions` questions, one every 20
/// seconds on average, a mix of modes and credits (right, wrong, partial), always the same.
pub fn answers(n: usize, questions: usize) -> Progress {
    let mut rng = SplitMix64::new(42);
    let bank = crate::generate::bank_id(questions);
    let mut progress = Progress::default();
    let mut time = START_MS;
    for _ in 0..n {
        time += 5_000 + rng.below(30_000) as i64;
        let q = rng.below(questions);
        let question = format!("nhl-{:05}", q + 1);
        let credit = [1000, 0, 1000, 500, 750][rng.below(5)];
        let mode = [Mode::Practice, Mode::Practice, Mode::Exam, Mode::Review][rng.below(4)];
        // One fingerprint per question (no edits), spread over the whole u32 range.
        let fingerprint = (q as u32 + 1).wrapping_mul(2_654_435_761);
        progress.record(AnswerRecord { time_ms: time, bank: bank.clone(), question, fingerprint, credit, mode });
    }
    progress
}

/// UTF-16 code units the stored log of `progress` takes, its key included.
pub fn stored_units(progress: &Progress) -> usize {
    encode(progress).encode_utf16().count() + PROGRESS_KEY.encode_utf16().count()
}

/// The most answers (spread as in [`answers`]) whose stored log fits in `quota` code units.
pub fn answers_that_fit(quota: usize, questions: usize) -> usize {
    let (mut fits, mut too_many) = (0, 1);
    while stored_units(&answers(too_many, questions)) <= quota {
        fits = too_many;
        too_many *= 2;
    }
    while too_many - fits > 1 {
        let mid = (fits + too_many) / 2;
        if stored_units(&answers(mid, questions)) <= quota { fits = mid } else { too_many = mid }
    }
    fits
}
