//! Statistics (Thống kê): how each bank is going, accuracy over time, days studied with the
//! current streak, and the weakest topics and questions with a button to practise exactly those.
//! Charts are small SVGs drawn here, each with a text equivalent for screen readers.

use crate::app::AppState;
use crate::components::link::Link;
use crate::platform::clock::{now_ms, utc_offset_minutes};
use crate::routes::practice::MISSED_PRACTICE;
use leptos::prelude::*;
use ontap_core::progress::stats::{Day, day_of, days, most_missed, streak, weakest_tags};
use ontap_core::route::{PracticeSource, Route};

/// Days shown by the accuracy chart.
const CHART_DAYS: usize = 30;
/// Weeks shown by the calendar.
const WEEKS: i64 = 12;

fn percent(right: u32, answers: u32) -> u32 {
    right * 100 / answers.max(1)
}

/// `d/m` of a day number.
fn short_date(day: i64) -> String {
    let full = ontap_core::present::iso_day(day * 86_400_000);
    let parts: Vec<&str> = full.split('-').collect();
    format!("{}/{}", parts[2].trim_start_matches('0'), parts[1].trim_start_matches('0'))
}

/// Accuracy per study day as a line, with a table for screen readers.
#[component]
fn AccuracyChart(days: Vec<Day>) -> impl IntoView {
    let shown: Vec<Day> = days.iter().rev().take(CHART_DAYS).rev().copied().collect();
    let (w, h, pad) = (320.0, 120.0, 10.0);
    let step = if shown.len() > 1 { (w - 2.0 * pad) / (shown.len() - 1) as f64 } else { 0.0 };
    let points: Vec<(f64, f64)> = shown
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (pad + step * i as f64, h - pad - (h - 2.0 * pad) * f64::from(percent(d.right, d.answers)) / 100.0)
        })
        .collect();
    let line = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    view! {
        <figure class="chart">
            <svg viewBox="0 0 320 120" role="img" aria-labelledby="accuracy-caption" class="accuracy">
                <line x1="10" y1="10" x2="310" y2="10" class="grid"/>
                <line x1="10" y1="60" x2="310" y2="60" class="grid"/>
                <line x1="10" y1="110" x2="310" y2="110" class="grid"/>
                <polyline points=line fill="none" class="series"/>
                {points.iter().map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" class="series-dot"/> }).collect_view()}
            </svg>
            <figcaption id="accuracy-caption">"Tỉ lệ trả lời đúng theo ngày học (đường trên cùng là 100%, giữa là 50%)"</figcaption>
            <details>
                <summary>"Xem dạng bảng"</summary>
                <table>
                    <thead><tr><th>"Ngày"</th><th>"Số câu"</th><th>"Đúng"</th></tr></thead>
                    <tbody>{shown.iter().map(|d| view! {
                        <tr><td>{short_date(d.day)}</td><td>{d.answers}</td><td>{format!("{}%", percent(d.right, d.answers))}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// The last weeks as a calendar, darker for more answers.
#[component]
fn Calendar(days: Vec<Day>, today: i64) -> impl IntoView {
    // Columns are weeks ending with the current one; rows Monday to Sunday (day 0 was a Thursday).
    let weekday = |d: i64| (d + 3).rem_euclid(7);
    let last_sunday = today + (6 - weekday(today));
    let first = last_sunday - WEEKS * 7 + 1;
    let count = |d: i64| days.iter().find(|x| x.day == d).map_or(0, |x| x.answers);
    let cells = (first..=last_sunday)
        .map(|d| {
            let n = count(d);
            let level = match n { 0 => 0, 1..=4 => 1, 5..=14 => 2, _ => 3 };
            let x = (d - first) / 7 * 14;
            let y = weekday(d) * 14;
            let label = format!("{}: {n} câu", short_date(d));
            let future = if d > today { " future" } else { "" };
            view! { <rect x=x y=y width="12" height="12" rx="2" class=format!("cell l{level}{future}")><title>{label}</title></rect> }
        })
        .collect_view();
    let studied = days.iter().filter(|d| d.day >= first && d.day <= today).count();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} 98", WEEKS * 14) role="img" aria-labelledby="calendar-caption" class="calendar">{cells}</svg>
            <figcaption id="calendar-caption">{format!("Ngày học trong {WEEKS} tuần qua: {studied} ngày (mỗi ô một ngày, đậm hơn là làm nhiều câu hơn)")}</figcaption>
        </figure>
    }
}

/// The statistics page.
#[component]
pub fn StatsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.library.get_untracked();
    let progress = state.progress.get_untracked();
    let offset = utc_offset_minutes();
    let now = now_ms() as i64;
    let today = day_of(now, offset);
    let all_days = days(&progress, offset);
    let run = streak(&all_days, today);
    // One replay of the log serves the headline and every bank's row.
    let due_list = progress.due(&library, now);
    let due = due_list.len();
    let weak = weakest_tags(&progress, &library, 8);
    let missed = most_missed(&progress, &library, MISSED_PRACTICE);
    let rows = library
        .banks
        .iter()
        .map(|b| {
            let s = progress.bank_stats(b);
            let due_here = due_list.iter().filter(|r| r.bank == b.id).count();
            view! {
                <tr data-bank=b.id.to_string()>
                    <th scope="row">{b.title.clone()}</th>
                    <td>{format!("{}/{}", s.mastered, s.questions)}</td>
                    <td>{if s.answers == 0 { "—".to_owned() } else { format!("{}%", percent(s.right as u32, s.answers as u32)) }}</td>
                    <td>{s.questions - s.seen}</td>
                    <td>{due_here}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = progress.answers.is_empty();
    let lib = library.clone();
    view! {
        <h2 class="page-title">"Thống kê"</h2>
        {if empty {
            view! { <p>"Chưa có câu trả lời nào. Hãy luyện tập để xem thống kê."</p> }.into_any()
        } else {
            view! {
                <p class="summary-card" id="streak">{format!("Chuỗi ngày học liên tục: {run} ngày · {due} câu đến hạn ôn tập")}</p>
                <div class="table-wrap">
                    <table class="bank-stats">
                        <thead><tr><th scope="col">"Ngân hàng"</th><th scope="col">"Đã thuộc"</th><th scope="col">"Đúng"</th><th scope="col">"Chưa làm"</th><th scope="col">"Đến hạn"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <h3>"Độ chính xác"</h3>
                <AccuracyChart days=all_days.clone()/>
                <h3>"Những ngày đã học"</h3>
                <Calendar days=all_days today=today/>
                <h3>"Chủ đề còn yếu"</h3>
                <ul class="weak-list">{weak.into_iter().map(|w| view! {
                    <li>
                        <span>{format!("{}: sai {}/{} lần", w.item, w.wrong, w.answers)}</span>" "
                        <Link to=Route::Practice(PracticeSource::Tag(w.item.clone())) class="button">"Luyện tập"</Link>
                    </li>
                }).collect_view()}</ul>
                <h3>"Câu hay sai nhất"</h3>
                <ol class="missed-list">{missed.iter().filter_map(|w| {
                    let q = lib.question(&w.item)?;
                    Some(view! { <li data-question=q.id.to_string()>{format!("{} (sai {}/{} lần)", q.prompt, w.wrong, w.answers)}</li> })
                }).collect_view()}</ol>
                {(!missed.is_empty()).then(|| view! {
                    <p><Link to=Route::Practice(PracticeSource::Missed) class="button primary" >"Luyện tập các câu hay sai"</Link></p>
                })}
            }.into_any()
        }}
    }
}
