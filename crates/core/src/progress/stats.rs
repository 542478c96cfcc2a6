//! Statistics drawn from the answer log, as plain numbers the app turns into pictures:
//! accuracy per day, days studied and the current streak, weakest tags, most-missed questions.
//! Days are counted in the member's local time: the caller passes its offset from UTC.

use super::log::Progress;
use super::record::fingerprint;
use crate::library::{Library, QuestionRef};
use std::collections::{BTreeMap, BTreeSet};

const DAY_MS: i64 = 86_400_000;

/// The day number (days since 1970-01-01, local time) of `time_ms`.
pub fn day_of(time_ms: i64, utc_offset_minutes: i64) -> i64 {
    (time_ms + utc_offset_minutes * 60_000).div_euclid(DAY_MS)
}

/// One day's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// Day number (see [`day_of`]).
    pub day: i64,
    /// Answers given that day.
    pub answers: u32,
    /// Right answers among them.
    pub right: u32,
}

/// A tag or question and how it went.
#[derive(Debug, Clone, PartialEq)]
pub struct Weak<T> {
    /// What.
    pub item: T,
    /// Answers to it (current texts only).
    pub answers: u32,
    /// Wrong answers among them.
    pub wrong: u32,
}

/// Answers per day, oldest first (only days with answers).
pub fn days(progress: &Progress, utc_offset_minutes: i64) -> Vec<Day> {
    let mut by_day: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    for a in &progress.answers {
        let e = by_day.entry(day_of(a.time_ms, utc_offset_minutes)).or_default();
        e.0 += 1;
        e.1 += u32::from(a.is_right());
    }
    by_day.into_iter().map(|(day, (answers, right))| Day { day, answers, right }).collect()
}

/// Consecutive days with answers ending today, or yesterday (a streak is not broken until a
/// whole day has passed without study).
pub fn streak(days: &[Day], today: i64) -> u32 {
    let studied: BTreeSet<i64> = days.iter().map(|d| d.day).collect();
    let mut day = if studied.contains(&today) { today } else { today - 1 };
    let mut n = 0;
    while studied.contains(&day) {
        n += 1;
        day -= 1;
    }
    n
}

/// Answers to each question's current text, keyed by question.
fn current_answers(progress: &Progress, library: &Library) -> BTreeMap<QuestionRef, (u32, u32)> {
    let mut out: BTreeMap<QuestionRef, (u32, u32)> = BTreeMap::new();
    let fps: BTreeMap<(&str, &str), u32> = library
        .banks
        .iter()
        .flat_map(|b| b.questions.iter().map(move |q| ((b.id.as_str(), q.id.as_str()), fingerprint(q))))
        .collect();
    for a in &progress.answers {
        if fps.get(&(a.bank.as_str(), a.question.as_str())) == Some(&a.fingerprint) {
            let e = out.entry(a.question()).or_default();
            e.0 += 1;
            e.1 += u32::from(!a.is_right());
        }
    }
    out
}

/// Questions missed at least once, most wrong answers first, at most `limit`.
pub fn most_missed(progress: &Progress, library: &Library, limit: usize) -> Vec<Weak<QuestionRef>> {
    let mut list: Vec<Weak<QuestionRef>> = current_answers(progress, library)
        .into_iter()
        .filter(|(_, (_, wrong))| *wrong > 0)
        .map(|(item, (answers, wrong))| Weak { item, answers, wrong })
        .collect();
    list.sort_by(|a, b| b.wrong.cmp(&a.wrong).then(a.answers.cmp(&b.answers)).then(a.item.cmp(&b.item)));
    list.truncate(limit);
    list
}

/// Tags with wrong answers, lowest accuracy first, at most `limit`.
pub fn weakest_tags(progress: &Progress, library: &Library, limit: usize) -> Vec<Weak<String>> {
    let mut by_tag: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (at, (answers, wrong)) in current_answers(progress, library) {
        let Some(q) = library.question(&at) else { continue };
        for tag in &q.tags {
            let e = by_tag.entry(tag.clone()).or_default();
            e.0 += answers;
            e.1 += wrong;
        }
    }
    let mut list: Vec<Weak<String>> = by_tag
        .into_iter()
        .filter(|(_, (_, wrong))| *wrong > 0)
        .map(|(item, (answers, wrong))| Weak { item, answers, wrong })
        .collect();
    // Lowest accuracy first: compare wrong/answers without floats.
    list.sort_by(|a, b| {
        (u64::from(b.wrong) * u64::from(a.answers))
            .cmp(&(u64::from(a.wrong) * u64::from(b.answers)))
            .then(a.item.cmp(&b.item))
    });
    list.truncate(limit);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::record::{AnswerRecord, Mode};
    use crate::score::Credit;
    use crate::test_fixtures::sample_bank;

    fn log(entries: &[(usize, bool, i64)]) -> (Progress, Library) {
        let bank = sample_bank();
        let mut p = Progress::default();
        for &(i, right, t) in entries {
            let q = &bank.questions[i];
            let at = QuestionRef { bank: bank.id.clone(), question: q.id.clone() };
            p.record(AnswerRecord::new(&at, q, if right { Credit::FULL } else { Credit::NONE }, Mode::Practice, t));
        }
        (p, Library::new(vec![bank], vec![]))
    }

    #[test]
    fn days_follow_local_time() {
        // 23:30 UTC is already the next day in Hà Nội (UTC+7).
        let late = 19_000 * DAY_MS + 23 * 3_600_000 + 1_800_000;
        assert_eq!(day_of(late, 0), 19_000);
        assert_eq!(day_of(late, 7 * 60), 19_001);
        let (p, _) = log(&[(0, true, late), (1, false, late + 60_000), (2, true, late + 2 * DAY_MS)]);
        let d = days(&p, 7 * 60);
        assert_eq!(d, vec![Day { day: 19_001, answers: 2, right: 1 }, Day { day: 19_003, answers: 1, right: 1 }]);
    }

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        let day = |n: i64| Day { day: n, answers: 1, right: 1 };
        let studied = [day(5), day(7), day(8), day(9)];
        assert_eq!(streak(&studied, 9), 3);
        assert_eq!(streak(&studied, 10), 3, "not broken until a whole day passes");
        assert_eq!(streak(&studied, 11), 0);
        assert_eq!(streak(&[], 3), 0);
    }

    #[test]
    fn weakest_and_most_missed() {
        // mau-001 (tag 35-NQ/TW) wrong twice; mau-004 (phương châm) wrong once, right once.
        let (p, lib) = log(&[(0, false, 1), (0, false, 2), (3, false, 3), (3, true, 4), (1, true, 5)]);
        let missed: Vec<_> =
            most_missed(&p, &lib, 5).into_iter().map(|w| (w.item.question.to_string(), w.wrong)).collect();
        assert_eq!(missed, [("mau-001".to_owned(), 2), ("mau-004".to_owned(), 1)]);
        let tags: Vec<_> = weakest_tags(&p, &lib, 5).into_iter().map(|w| (w.item, w.answers, w.wrong)).collect();
        // 35-NQ/TW: mau-001 (2 wrong of 2) + mau-002 (1 right) → 2 of 3 wrong; phương châm: 1 of 3 wrong.
        assert_eq!(tags, [("35-NQ/TW".to_owned(), 3, 2), ("phương châm".to_owned(), 3, 1)]);
    }
}
