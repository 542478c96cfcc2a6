//! The item analysis, as Moodle's quiz statistics give it: per question the facility (share of
//! the marks earned), the discrimination (how well it separates stronger from weaker members)
//! and the wrong answer chosen most; then the questions to revisit, as a practice link.

use leptos::prelude::*;
use ontap_core::group::GroupResults;
use ontap_core::library::Library;
use ontap_core::present::decimal;
use ontap_core::route::{PracticeSource, Route};
use std::sync::Arc;

/// A prompt cut to `max` characters for a table cell.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

/// The analysis table and the questions to revisit.
#[component]
pub fn ItemAnalysis(group: Memo<GroupResults>, library: Arc<Library>) -> impl IntoView {
    move || {
        group.with(|g| {
            if g.members.is_empty() {
                return None;
            }
            let stats = g.item_stats(&library);
            let rows = stats
                .iter()
                .map(|s| {
                    let prompt = library.question(&s.question).map(|q| short(&q.prompt, 90)).unwrap_or_default();
                    let distractor = s.distractor().map(|c| format!("{} ({})", c.label, c.count)).unwrap_or_else(|| "—".into());
                    view! {
                        <tr class="item" data-question=s.question.question.to_string()>
                            <th scope="row">{s.number}</th>
                            <td>{prompt}</td>
                            <td class="facility">{format!("{}%", decimal(s.facility * 100.0, 0))}</td>
                            <td class="discrimination">{s.discrimination.map_or_else(|| "—".to_owned(), |d| decimal(d, 2))}</td>
                            <td>{format!("{} / {} / {} / {}", s.right, s.partial, s.wrong, s.unanswered)}</td>
                            <td class="distractor">{distractor}</td>
                        </tr>
                    }
                })
                .collect_view();
            let revise = g.to_revise(&stats);
            let revise_view = if revise.is_empty() {
                view! { <p id="revise-none">"Không có câu nào dưới một nửa số người làm đúng."</p> }.into_any()
            } else {
                let refs = revise.iter().map(|s| s.question.clone()).collect();
                let href = format!("./{}", Route::Practice(PracticeSource::Questions(refs)).to_query());
                let list = revise
                    .iter()
                    .map(|s| {
                        let prompt = library.question(&s.question).map(|q| short(&q.prompt, 120)).unwrap_or_default();
                        view! { <li>{format!("Câu {} ({}% đúng): {prompt}", s.number, decimal(s.facility * 100.0, 0))}</li> }
                    })
                    .collect_view();
                view! {
                    <ul id="revise-list">{list}</ul>
                    <p class="no-print">
                        <a class="button primary" id="revise-link" href=href>"Luyện tập các câu này"</a>
                    </p>
                    <p class="hint no-print">"Gửi đường dẫn của nút này cho cả nhóm để cùng ôn lại các câu trên."</p>
                }
                .into_any()
            };
            Some(view! {
                <h3 id="items-heading">"Phân tích từng câu hỏi"</h3>
                <p class="hint">"Tỉ lệ đúng: phần điểm cả nhóm đạt được ở câu đó. Độ phân biệt (từ −1 đến 1): câu tốt thì người làm tốt cả bài cũng làm đúng câu đó (trên 0,3 là tốt; âm là câu có thể sai đáp án hoặc gây hiểu lầm)."</p>
                <div class="table-wrap">
                    <table id="items-table" class="bank-stats" aria-labelledby="items-heading">
                        <thead>
                            <tr>
                                <th scope="col">"Câu"</th>
                                <th scope="col">"Nội dung"</th>
                                <th scope="col">"Tỉ lệ đúng"</th>
                                <th scope="col">"Độ phân biệt"</th>
                                <th scope="col">"Đúng / một phần / sai / bỏ trống"</th>
                                <th scope="col">"Phương án sai được chọn nhiều nhất"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <h3 id="revise-heading">"Các câu cả nhóm cần ôn lại"</h3>
                {revise_view}
            })
        })
    }
}
