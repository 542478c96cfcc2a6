//! Statistics (Thống kê): how each bank is going, accuracy over time, days studied with the
//! current streak, and the weakest topics and questions with a button to practise exactly those.
//! Charts are small SVGs drawn here from `ontap_core::progress::charts`, each with a text
//! equivalent for screen readers.

use crate::app::AppState;
use crate::components::link::Link;
use crate::platform::clock::{now_ms, utc_offset_minutes};
use leptos::prelude::*;
use ontap_core::practice::source::MISSED_PRACTICE;
use ontap_core::progress::charts::{AccuracyChart, Calendar, WEEKS, percent, short_date, streak_line};
use ontap_core::progress::stats::{Day, day_of, days, most_missed, streak, weakest_tags};
use ontap_core::route::{PracticeSource, Route};

/// The bank table's columns; each figure's cell carries its column's name, shown beside it when
/// a phone lays the rows out as cards.
const COLUMNS: [&str; 5] = ["Ngân hàng", "Đã thuộc", "Đúng", "Chưa làm", "Đến hạn"];

/// Accuracy per study day as a line, with a table for screen readers.
#[component]
fn AccuracyView(days: Vec<Day>) -> impl IntoView {
    let chart = AccuracyChart::new(&days);
    let line = chart.points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
    view! {
        <figure class="chart">
            <svg viewBox="0 0 320 120" role="img" aria-labelledby="accuracy-caption" class="accuracy">
                <line x1="10" y1="10" x2="310" y2="10" class="grid"/>
                <line x1="10" y1="60" x2="310" y2="60" class="grid"/>
                <line x1="10" y1="110" x2="310" y2="110" class="grid"/>
                <polyline points=line fill="none" class="series"/>
                {chart.points.iter().map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" class="series-dot"/> }).collect_view()}
            </svg>
            <figcaption id="accuracy-caption">"Tỉ lệ trả lời đúng theo ngày học (đường trên cùng là 100%, giữa là 50%)"</figcaption>
            <details>
                <summary>"Xem dạng bảng"</summary>
                <table>
                    <thead><tr><th>"Ngày"</th><th>"Số câu"</th><th>"Đúng"</th></tr></thead>
                    <tbody>{chart.days.iter().map(|d| view! {
                        <tr><td>{short_date(d.day)}</td><td>{d.answers}</td><td>{format!("{}%", percent(d.right, d.answers))}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// The last weeks as a calendar, darker for more answers.
#[component]
fn CalendarView(days: Vec<Day>, today: i64) -> impl IntoView {
    let calendar = Calendar::new(&days, today);
    let cells = calendar
        .cells
        .iter()
        .map(|c| {
            let class = format!("cell l{}{}", c.level, if c.future { " future" } else { "" });
            view! { <rect x=c.week * 14 y=c.weekday * 14 width="12" height="12" rx="2" class=class><title>{c.label.clone()}</title></rect> }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} 98", WEEKS * 14) role="img" aria-labelledby="calendar-caption" class="calendar">{cells}</svg>
            <figcaption id="calendar-caption">{calendar.caption()}</figcaption>
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
                <tr role="row" data-bank=b.id.to_string()>
                    <th role="rowheader" scope="row">{b.title.clone()}</th>
                    <td role="cell" data-label=COLUMNS[1]>{s.mastered_text()}</td>
                    <td role="cell" data-label=COLUMNS[2]>{s.accuracy_text()}</td>
                    <td role="cell" data-label=COLUMNS[3]>{s.unseen()}</td>
                    <td role="cell" data-label=COLUMNS[4]>{due_here}</td>
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
                <p class="summary-card" id="streak">{streak_line(run, due)}</p>
                <div class="table-wrap">
                    // The roles are written out: on a phone the rows are laid out as cards
                    // (style.css), which would otherwise cost the table its semantics.
                    <table class="bank-stats" role="table">
                        <thead role="rowgroup"><tr role="row">{COLUMNS.map(|c| view! { <th role="columnheader" scope="col">{c}</th> }).collect_view()}</tr></thead>
                        <tbody role="rowgroup">{rows}</tbody>
                    </table>
                </div>
                <h3>"Độ chính xác"</h3>
                <AccuracyView days=all_days.clone()/>
                <h3>"Những ngày đã học"</h3>
                <CalendarView days=all_days today=today/>
                <h3>"Chủ đề còn yếu"</h3>
                <ul class="weak-list">{weak.into_iter().map(|w| view! {
                    <li>
                        <span>{w.tag_line()}</span>" "
                        <Link to=Route::Practice(PracticeSource::Tag(w.item.clone())) class="button">"Luyện tập"</Link>
                    </li>
                }).collect_view()}</ul>
                <h3>"Câu hay sai nhất"</h3>
                <ol class="missed-list">{missed.iter().filter_map(|w| {
                    let q = lib.question(&w.item)?;
                    Some(view! { <li data-question=q.id.to_string()>{w.missed_line(&q.prompt)}</li> })
                }).collect_view()}</ol>
                {(!missed.is_empty()).then(|| view! {
                    <p><Link to=Route::Practice(PracticeSource::Missed) class="button primary" >"Luyện tập các câu hay sai"</Link></p>
                })}
            }.into_any()
        }}
    }
}
