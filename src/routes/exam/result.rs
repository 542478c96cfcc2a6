//! The exam's result: the score out of 10, pass or fail, and a review of every question.

use crate::components::feedback::Feedback;
use crate::components::link::Link;
use leptos::prelude::*;
use ontap_core::exam::Exam;
use ontap_core::exam::words::item_verdict;
use ontap_core::library::Library;
use ontap_core::route::Route;
use std::sync::Arc;

/// A submitted exam's result and review.
#[component]
pub fn ExamResultView(
    /// The submitted exam.
    exam: Exam,
    /// The banks it was drawn from.
    library: Arc<Library>,
) -> impl IntoView {
    let r = exam.result(&library);
    let reviews = exam
        .items
        .iter()
        .zip(&r.credits)
        .enumerate()
        .filter_map(|(k, (item, credit))| {
            let q = library.question(&item.question)?.clone();
            let question_id = q.id.to_string();
            let material = library.material(&q.source.material).cloned();
            let status = item_verdict(credit, item.response.is_some());
            Some(view! {
                <li class="review-item" data-question=question_id>
                    <h3>{format!("Câu {}: {status}", k + 1)}</h3>
                    <p class="prompt">{q.prompt.clone()}</p>
                    <Feedback question=q order=item.order.clone() response=item.response.clone() credit=*credit material=material hide_verdict=true/>
                </li>
            })
        })
        .collect_view();
    view! {
        <div class="summary-card" role="status">
            <h2 id="result-top" tabindex="-1">"Kết quả thi thử"</h2>
            <p class="big" id="score">{r.score_line()}</p>
            <p id="percent">{r.percent_line()}</p>
            <p>{r.details_line(&exam)}</p>
        </div>
        <crate::components::send_result::SendResult exam=exam.clone()/>
        <p class="actions">
            <Link to=Route::ExamSetup class="button primary">"Thi lại đề khác"</Link>
            <Link to=Route::Home { query: String::new() } class="button">"Về trang chủ"</Link>
        </p>
        <h2>"Xem lại bài làm"</h2>
        <ol class="review">{reviews}</ol>
    }
}
