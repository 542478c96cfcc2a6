//! The statistics page's figures as numbers and words: percentages, short dates, the accuracy
//! chart's points and the calendar's cells, so the page only draws them.

use super::log::BankStats;
use super::stats::{Day, Weak};
use crate::library::QuestionRef;
use crate::present::iso_day;

/// Days shown by the accuracy chart.
pub const CHART_DAYS: usize = 30;
/// Weeks shown by the calendar.
pub const WEEKS: i64 = 12;

/// `right` out of `answers` as a whole percentage, rounded down (0 when there are none).
pub fn percent(right: u32, answers: u32) -> u32 {
    (u64::from(right) * 100 / u64::from(answers.max(1))) as u32
}

/// `d/m` of a day number: `15/3`.
pub fn short_date(day: i64) -> String {
    let full = iso_day(day * 86_400_000);
    let mut parts = full.split('-').skip(1).map(|p| p.trim_start_matches('0'));
    let (month, day) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    format!("{day}/{month}")
}

impl BankStats {
    /// "12/40": questions mastered out of the bank's.
    pub fn mastered_text(&self) -> String {
        format!("{}/{}", self.mastered, self.questions)
    }

    /// Accuracy of the current texts' answers, "—" before any.
    pub fn accuracy_text(&self) -> String {
        if self.answers == 0 {
            "—".to_owned()
        } else {
            format!("{}%", percent(self.right as u32, self.answers as u32))
        }
    }

    /// Questions never answered in their current text.
    pub fn unseen(&self) -> usize {
        self.questions - self.seen
    }
}

/// The headline: the streak and the questions due.
pub fn streak_line(streak: u32, due: usize) -> String {
    format!("Chuỗi ngày học liên tục: {streak} ngày · {due} câu đến hạn ôn tập")
}

impl Weak<String> {
    /// "Tư tưởng Hồ Chí Minh: sai 3/5 lần".
    pub fn tag_line(&self) -> String {
        format!("{}: sai {}/{} lần", self.item, self.wrong, self.answers)
    }
}

impl Weak<QuestionRef> {
    /// The question's `prompt` and how often it was missed: "… (sai 2/3 lần)".
    pub fn missed_line(&self, prompt: &str) -> String {
        format!("{prompt} (sai {}/{} lần)", self.wrong, self.answers)
    }
}

/// The accuracy chart: the last [`CHART_DAYS`] study days as points of a 320 × 120 box (10 of
/// padding; the top line is 100 %, the middle 50 %).
#[derive(Debug, Clone, PartialEq)]
pub struct AccuracyChart {
    /// The days shown, oldest first.
    pub days: Vec<Day>,
    /// One point per day, `(x, y)`.
    pub points: Vec<(f64, f64)>,
}

impl AccuracyChart {
    /// Width, height and padding of the drawing.
    pub const BOX: (f64, f64, f64) = (320.0, 120.0, 10.0);

    /// The chart of `days` (every study day, oldest first).
    pub fn new(days: &[Day]) -> AccuracyChart {
        let shown: Vec<Day> = days[days.len().saturating_sub(CHART_DAYS)..].to_vec();
        let (w, h, pad) = Self::BOX;
        let step = if shown.len() > 1 { (w - 2.0 * pad) / (shown.len() - 1) as f64 } else { 0.0 };
        let points = shown
            .iter()
            .enumerate()
            .map(|(i, d)| {
                (pad + step * i as f64, h - pad - (h - 2.0 * pad) * f64::from(percent(d.right, d.answers)) / 100.0)
            })
            .collect();
        AccuracyChart { days: shown, points }
    }
}

/// One day of the calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarCell {
    /// Column (week, oldest first) and row (Monday 0 … Sunday 6).
    pub week: i64,
    /// Row: Monday 0 … Sunday 6.
    pub weekday: i64,
    /// How dark: 0 (no answers) to 3 (15 or more).
    pub level: u8,
    /// After today.
    pub future: bool,
    /// "15/3: 4 câu".
    pub label: String,
}

/// The last [`WEEKS`] weeks, Monday to Sunday, ending with the current week.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    /// Every day, week by week.
    pub cells: Vec<CalendarCell>,
    /// Days with answers up to today.
    pub studied: usize,
}

/// Monday 0 … Sunday 6 of a day number (day 0, 1 January 1970, was a Thursday).
pub fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

impl Calendar {
    /// The calendar of `days` (study days) seen on day `today`.
    pub fn new(days: &[Day], today: i64) -> Calendar {
        let last_sunday = today + (6 - weekday(today));
        let first = last_sunday - WEEKS * 7 + 1;
        let answers = |d: i64| days.iter().find(|x| x.day == d).map_or(0, |x| x.answers);
        let cells = (first..=last_sunday)
            .map(|d| {
                let n = answers(d);
                CalendarCell {
                    week: (d - first) / 7,
                    weekday: weekday(d),
                    level: match n {
                        0 => 0,
                        1..=4 => 1,
                        5..=14 => 2,
                        _ => 3,
                    },
                    future: d > today,
                    label: format!("{}: {n} câu", short_date(d)),
                }
            })
            .collect();
        let studied = days.iter().filter(|d| d.day >= first && d.day <= today).count();
        Calendar { cells, studied }
    }

    /// The caption, which says what the picture shows.
    pub fn caption(&self) -> String {
        format!("Ngày học trong {WEEKS} tuần qua: {} ngày (mỗi ô một ngày, đậm hơn là làm nhiều câu hơn)", self.studied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-03-15, a Friday.
    const FRIDAY: i64 = 19_797;

    fn day(day: i64, answers: u32, right: u32) -> Day {
        Day { day, answers, right }
    }

    #[test]
    fn percentages_round_down_and_survive_zero() {
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(5, 5), 100);
        assert_eq!(percent(u32::MAX, u32::MAX), 100, "no overflow");
    }

    #[test]
    fn dates_are_day_then_month_without_zeros() {
        assert_eq!(iso_day(FRIDAY * 86_400_000), "2024-03-15");
        assert_eq!(short_date(FRIDAY), "15/3");
        assert_eq!(short_date(0), "1/1");
        assert_eq!(weekday(FRIDAY), 4);
        assert_eq!(weekday(0), 3, "1 January 1970 was a Thursday");
    }

    #[test]
    fn bank_rows_in_words() {
        let s = BankStats { questions: 40, seen: 10, mastered: 6, answers: 12, right: 9, stale: 0 };
        assert_eq!((s.mastered_text(), s.accuracy_text(), s.unseen()), ("6/40".to_owned(), "75%".to_owned(), 30));
        assert_eq!(BankStats::default().accuracy_text(), "—");
    }

    #[test]
    fn headline_and_weak_spots_in_words() {
        assert_eq!(streak_line(3, 12), "Chuỗi ngày học liên tục: 3 ngày · 12 câu đến hạn ôn tập");
        let tag = Weak { item: "Đảng".to_owned(), answers: 5, wrong: 3 };
        assert_eq!(tag.tag_line(), "Đảng: sai 3/5 lần");
        let q = Weak { item: QuestionRef { bank: "b".into(), question: "q".into() }, answers: 3, wrong: 2 };
        assert_eq!(q.missed_line("Câu hỏi?"), "Câu hỏi? (sai 2/3 lần)");
    }

    #[test]
    fn the_chart_spans_the_box_and_keeps_the_last_days() {
        let chart = AccuracyChart::new(&[day(1, 4, 4), day(2, 4, 2), day(5, 4, 0)]);
        assert_eq!(chart.points, vec![(10.0, 10.0), (160.0, 60.0), (310.0, 110.0)]);
        let one = AccuracyChart::new(&[day(1, 1, 1)]);
        assert_eq!(one.points, vec![(10.0, 10.0)]);
        let many: Vec<Day> = (0..40).map(|d| day(d, 1, 1)).collect();
        let chart = AccuracyChart::new(&many);
        assert_eq!(chart.days.len(), CHART_DAYS);
        assert_eq!(chart.days[0].day, 10, "the oldest ten are left out");
    }

    #[test]
    fn the_calendar_ends_with_this_week_and_shades_by_answers() {
        let cal = Calendar::new(&[day(FRIDAY, 3, 1), day(FRIDAY - 1, 20, 20), day(FRIDAY - 200, 9, 9)], FRIDAY);
        assert_eq!(cal.cells.len(), (WEEKS * 7) as usize);
        let first = &cal.cells[0];
        assert_eq!((first.week, first.weekday), (0, 0), "starts on a Monday");
        let last = cal.cells.last().unwrap();
        assert_eq!((last.week, last.weekday, last.future), (WEEKS - 1, 6, true), "ends on this week's Sunday");
        let friday = &cal.cells[cal.cells.len() - 3];
        assert_eq!((friday.level, friday.future, friday.label.as_str()), (1, false, "15/3: 3 câu"));
        assert_eq!(cal.cells[cal.cells.len() - 4].level, 3);
        assert_eq!(cal.studied, 2, "a day before the twelve weeks is not counted");
        assert!(cal.caption().starts_with("Ngày học trong 12 tuần qua: 2 ngày"));
    }
}
