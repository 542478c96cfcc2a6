//! Spaced review: when each question should be asked again.
//!
//! Members forget what they practised once. This module keeps, for each question, a small
//! review state computed by FSRS (the Free Spaced Repetition Scheduler, through the `rs-fsrs`
//! crate with its default parameters) so the app can bring a question back just before it is
//! likely to be forgotten: soon after a wrong answer, later and later after right ones.
//!
//! The app has only right and wrong answers, so **a wrong answer is FSRS "Again" and a right
//! one is FSRS "Good"**. "Hard" and "Easy" are never used: answers are not graded by how long
//! the member took, and the member is not asked to rate the question.
//!
//! Everything here is pure: time comes in as milliseconds since the Unix epoch and the clock is
//! never read, so the same answers always give the same state ([`replay`] rebuilds a state from
//! the answer log). Fuzzing of intervals is off, as in FSRS's defaults.
//!
//! Stability and difficulty are kept to 12 significant digits, as they were when states could be
//! stored as JSON, so replaying a log gives the same due times as it always has.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, Seed, State};

/// FSRS-5's default weights, the ones `rs_fsrs::Parameters::default()` uses. They are written
/// out because that function reads the clock (to seed the fuzz, which is off); a test checks
/// that they equal the crate's.
const DEFAULT_WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813, 0.0953, 0.2975,
    2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
];

/// The earliest time accepted, 0001-01-01T00:00:00Z; earlier times are taken as this one.
const MIN_MS: i64 = -62_135_596_800_000;
/// The latest time accepted, 9999-12-31T23:59:59.999Z; later times are taken as this one (a
/// maximal interval of 100 years after it still fits in chrono's range).
const MAX_MS: i64 = 253_402_300_799_999;

/// Where a card stands in FSRS's cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Never answered.
    New,
    /// Answered, not yet remembered across a day.
    Learning,
    /// Remembered across days; intervals grow with each right answer.
    Review,
    /// Forgotten after having been in review (a lapse); back to short intervals.
    Relearning,
}

impl Phase {
    fn from_fsrs(state: State) -> Phase {
        match state {
            State::New => Phase::New,
            State::Learning => Phase::Learning,
            State::Review => Phase::Review,
            State::Relearning => Phase::Relearning,
        }
    }

    fn to_fsrs(self) -> State {
        match self {
            Phase::New => State::New,
            Phase::Learning => State::Learning,
            Phase::Review => State::Review,
            Phase::Relearning => State::Relearning,
        }
    }
}

/// One question's review state, rebuilt from the answer log by [`replay`] (never stored).
#[derive(Debug, Clone, PartialEq)]
pub struct CardState {
    /// When the question should next be asked, in milliseconds since the Unix epoch.
    pub due_ms: i64,
    /// FSRS stability: days until the chance of remembering falls to 90%.
    pub stability: f64,
    /// FSRS difficulty, from 1 (easy) to 10 (hard).
    pub difficulty: f64,
    /// Whole days between the last two answers.
    pub elapsed_days: i64,
    /// Whole days from the last answer to `due_ms` (0 while the interval is minutes).
    pub scheduled_days: i64,
    /// Answers given.
    pub reps: i32,
    /// Times the question was forgotten after having been in review.
    pub lapses: i32,
    /// Where the card stands in FSRS's cycle.
    pub state: Phase,
    /// When the last answer was given, in milliseconds since the Unix epoch.
    pub last_review_ms: i64,
}

/// The scheduler with FSRS's default parameters (fuzz off), built without reading the clock.
fn fsrs() -> FSRS {
    FSRS::new(Parameters {
        request_retention: 0.9,
        maximum_interval: 36500,
        w: DEFAULT_WEIGHTS,
        decay: Parameters::DECAY,
        factor: Parameters::FACTOR,
        enable_short_term: true,
        enable_fuzz: false,
        seed: Seed::Empty,
    })
}

fn to_time(ms: i64) -> DateTime<Utc> {
    // In range by the clamp, so the fallback is never taken.
    DateTime::from_timestamp_millis(ms.clamp(MIN_MS, MAX_MS)).unwrap_or_default()
}

fn to_card(c: &CardState) -> Card {
    Card {
        due: to_time(c.due_ms),
        stability: c.stability,
        difficulty: c.difficulty,
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
        reps: c.reps,
        lapses: c.lapses,
        state: c.state.to_fsrs(),
        last_review: to_time(c.last_review_ms),
    }
}

/// `x` to 12 significant digits (what serde_json reads back exactly).
///
/// Done by arithmetic, not by printing and parsing, so the browser build carries no float
/// parser: `n = round(x·10^k)` is an exact integer below 10^12 and `n / 10^k` (10^k exact for
/// k ≤ 22) is the double nearest the 12-digit decimal, which is what parsing that decimal gives.
fn short(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let k = 11 - x.abs().log10().floor() as i32;
    match k {
        0..=22 => (x * 10f64.powi(k)).round() / 10f64.powi(k),
        -22..=-1 => (x / 10f64.powi(-k)).round() * 10f64.powi(-k),
        _ => x,
    }
}

fn from_card(c: &Card) -> CardState {
    CardState {
        due_ms: c.due.timestamp_millis(),
        stability: short(c.stability),
        difficulty: short(c.difficulty),
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
        reps: c.reps,
        lapses: c.lapses,
        state: Phase::from_fsrs(c.state),
        last_review_ms: c.last_review.timestamp_millis(),
    }
}

/// The state after answering at `now_ms`, from `card` (`None` for a question never answered):
/// a wrong answer is FSRS "Again", a right one "Good".
///
/// An answer dated before the card's last one (a clock set back) is taken as given at the last
/// one, so time never runs backwards for a card. Times outside the years 1 to 9999 are clamped.
pub fn review(card: Option<&CardState>, correct: bool, now_ms: i64) -> CardState {
    let card = card.map(to_card).unwrap_or_default();
    let mut now_ms = now_ms.clamp(MIN_MS, MAX_MS);
    if card.state != State::New {
        now_ms = now_ms.max(card.last_review.timestamp_millis());
    }
    let rating = if correct { Rating::Good } else { Rating::Again };
    from_card(&fsrs().next(card, to_time(now_ms), rating).card)
}

/// Whether the card is due for review at `now_ms`: it has been answered and its due time has
/// come. A card never answered is not "due": it is new.
pub fn is_due(card: &CardState, now_ms: i64) -> bool {
    card.state != Phase::New && now_ms >= card.due_ms
}

/// Replays answers `(time_ms, correct)` in time order from no state and gives the final state
/// (`None` for no answers). Answers are sorted by time first (a stable sort: answers with the
/// same time keep their order), so the result does not depend on how the log was stored.
pub fn replay(answers: impl IntoIterator<Item = (i64, bool)>) -> Option<CardState> {
    let mut answers: Vec<(i64, bool)> = answers.into_iter().collect();
    answers.sort_by_key(|&(time_ms, _)| time_ms);
    answers.into_iter().fold(None, |card, (time_ms, correct)| Some(review(card.as_ref(), correct, time_ms)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MINUTE: i64 = 60_000;
    const DAY: i64 = 24 * 60 * MINUTE;
    /// 2025-01-01T00:00:00Z.
    const T0: i64 = 1_735_689_600_000;

    fn interval(c: &CardState) -> i64 {
        c.due_ms - c.last_review_ms
    }

    #[test]
    fn weights_are_fsrs_defaults() {
        assert_eq!(DEFAULT_WEIGHTS, Parameters::default().w);
        let d = Parameters::default();
        assert_eq!((d.request_retention, d.maximum_interval, d.enable_short_term), (0.9, 36500, true));
        assert!(!d.enable_fuzz);
    }

    #[test]
    fn a_first_answer_starts_learning() {
        let c = review(None, true, T0);
        assert_eq!((c.state, c.reps, c.lapses, c.last_review_ms), (Phase::Learning, 1, 0, T0));
        assert!(c.stability > 0.0);
    }

    #[test]
    fn wrong_is_due_sooner_than_right() {
        let wrong = review(None, false, T0);
        let right = review(None, true, T0);
        assert!(wrong.due_ms < right.due_ms, "{wrong:?} vs {right:?}");

        // Also for a card in review.
        let mut c = review(None, true, T0);
        c = review(Some(&c), true, c.due_ms);
        assert_eq!(c.state, Phase::Review);
        let now = c.due_ms;
        let wrong = review(Some(&c), false, now);
        let right = review(Some(&c), true, now);
        assert!(wrong.due_ms < right.due_ms, "{wrong:?} vs {right:?}");
    }

    #[test]
    fn right_answers_push_the_due_date_further_each_time() {
        let mut c = review(None, true, T0);
        let mut last = interval(&c);
        for _ in 0..8 {
            c = review(Some(&c), true, c.due_ms);
            let next = interval(&c);
            assert!(next > last, "interval {next} ms not longer than {last} ms: {c:?}");
            last = next;
        }
        assert_eq!(c.state, Phase::Review);
        assert_eq!((c.reps, c.lapses), (9, 0));
        assert!(last > 30 * DAY, "after nine right answers the interval is only {last} ms");
    }

    #[test]
    fn a_lapse_resets_to_a_short_interval() {
        let c1 = review(None, true, T0);
        let c2 = review(Some(&c1), true, c1.due_ms);
        assert_eq!((c2.state, c2.lapses), (Phase::Review, 0));
        assert!(interval(&c2) >= DAY);
        let c3 = review(Some(&c2), false, c2.due_ms);
        assert_eq!(c3.state, Phase::Relearning);
        assert_eq!(c3.lapses, 1);
        assert_eq!(c3.reps, 3);
        assert!(interval(&c3) < DAY, "{c3:?}");
        assert!(c3.stability < c2.stability);
    }

    #[test]
    fn is_due_before_and_after_the_due_time() {
        let c = review(None, true, T0);
        assert!(!is_due(&c, T0));
        assert!(!is_due(&c, c.due_ms - 1));
        assert!(is_due(&c, c.due_ms));
        assert!(is_due(&c, c.due_ms + DAY));
    }

    #[test]
    fn a_new_card_is_never_due() {
        let new = CardState {
            due_ms: 0,
            stability: 0.0,
            difficulty: 0.0,
            elapsed_days: 0,
            scheduled_days: 0,
            reps: 0,
            lapses: 0,
            state: Phase::New,
            last_review_ms: 0,
        };
        assert!(!is_due(&new, T0));
    }

    #[test]
    fn replay_is_deterministic_and_equals_reviewing_in_turn() {
        let answers = [(T0, true), (T0 + 10 * MINUTE, true), (T0 + 3 * DAY, false), (T0 + 3 * DAY + 5 * MINUTE, true)];
        let a = replay(answers);
        let b = replay(answers);
        assert_eq!(a, b);
        let mut c = None;
        for (t, ok) in answers {
            c = Some(review(c.as_ref(), ok, t));
        }
        assert_eq!(a, c);
        assert_eq!(a.as_ref().map(|c| c.lapses), Some(1));
    }

    #[test]
    fn replay_sorts_by_time_and_is_none_without_answers() {
        assert_eq!(replay([]), None);
        let sorted = [(T0, true), (T0 + DAY, false), (T0 + 2 * DAY, true)];
        let shuffled = [sorted[2], sorted[0], sorted[1]];
        assert_eq!(replay(shuffled), replay(sorted));
    }

    #[test]
    fn an_answer_dated_before_the_last_one_is_taken_at_the_last_one() {
        let c = review(None, true, T0);
        assert_eq!(review(Some(&c), true, T0 - DAY), review(Some(&c), true, T0));
    }

    #[test]
    fn extreme_times_do_not_panic() {
        for t in [i64::MIN, i64::MAX, MIN_MS, MAX_MS] {
            let c = review(None, true, t);
            let c = review(Some(&c), true, i64::MAX);
            assert!(c.due_ms >= c.last_review_ms && c.stability > 0.0, "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn due_is_never_before_the_last_review_and_stability_stays_positive(
            steps in proptest::collection::vec((1i64..400 * DAY, any::<bool>()), 1..=20),
        ) {
            let mut t = T0;
            let mut answers = Vec::new();
            for (gap, ok) in steps {
                t += gap;
                answers.push((t, ok));
            }
            let mut c = None;
            for &(t, ok) in &answers {
                let next = review(c.as_ref(), ok, t);
                prop_assert!(next.due_ms >= next.last_review_ms, "{:?}", next);
                prop_assert!(next.stability > 0.0, "{:?}", next);
                prop_assert_eq!(next.last_review_ms, t);
                c = Some(next);
            }
            prop_assert_eq!(replay(answers), c);
        }
    }
}
