//! The members' table: name, score out of 10, pass or fail, time taken, when submitted;
//! sorted by a click (or Enter) on a column's heading.

use crate::platform::clock::utc_offset_minutes;
use leptos::prelude::*;
use ontap_core::group::{GroupResults, SortBy, local_time, minutes_seconds, pass_word};
use ontap_core::present::decimal;

/// The table, or nothing before the first code counts.
#[component]
pub fn MembersTable(group: Memo<GroupResults>, remove: Callback<String>) -> impl IntoView {
    // Highest score first to begin with.
    let sort = RwSignal::new((SortBy::Score, true));
    let heading = move |by: SortBy, label: &'static str| {
        let state = move || {
            let (s, descending) = sort.get();
            (s == by).then_some(if descending { "descending" } else { "ascending" })
        };
        view! {
            <th scope="col" aria-sort=state>
                <button type="button" class="sort" on:click=move |_| sort.update(|(s, d)| {
                    *d = if *s == by { !*d } else { by != SortBy::Name };
                    *s = by;
                })>{label}</button>
            </th>
        }
    };
    let offset = utc_offset_minutes();
    move || {
        group.with(|g| {
            if g.members.is_empty() {
                return None;
            }
            let (by, descending) = sort.get();
            let rows = g
                .sorted(by, descending)
                .into_iter()
                .map(|m| {
                    let code = m.code.clone();
                    view! {
                        <tr class="member">
                            <th scope="row">{m.name.clone()}</th>
                            <td class="score">{decimal(m.out_of_10, 2)}</td>
                            <td>{pass_word(m.passed)}</td>
                            <td>{minutes_seconds(m.taken_ms)}</td>
                            <td>{local_time(m.submitted_ms, offset)}</td>
                            <td class="no-print">
                                <button type="button" class="button" on:click=move |_| remove.run(code.clone())>
                                    "Xoá"<span class="sr-only">{format!(" kết quả của {}", m.name)}</span>
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="table-wrap">
                    <table id="results-table" class="bank-stats">
                        <caption>"Kết quả từng người (bấm tiêu đề cột để sắp xếp)"</caption>
                        <thead>
                            <tr>
                                {heading(SortBy::Name, "Họ tên")}
                                {heading(SortBy::Score, "Điểm /10")}
                                <th scope="col">"Kết quả"</th>
                                {heading(SortBy::Taken, "Thời gian làm bài")}
                                {heading(SortBy::Submitted, "Nộp lúc")}
                                <th scope="col" class="no-print"><span class="sr-only">"Xoá"</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
    }
}
