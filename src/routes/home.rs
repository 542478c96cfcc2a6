//! The home page: search every question, the banks with their entry points, and what is wrong
//! with the files that could not be used.

use crate::app::AppState;
use crate::components::bank_card::BankCard;
use crate::components::diagnostics::DiagnosticList;
use crate::components::link::Link;
use crate::components::remove_local::RemoveLocal;
use crate::load::QUESTIONS_DIR;
use crate::platform::clock::now_ms;
use crate::platform::nav;
use leptos::prelude::*;
use ontap_core::check::has_errors;
use ontap_core::route::{PracticeSource, Route};

/// How many search results are listed (all of them can be practised).
const SHOWN_RESULTS: usize = 50;
/// How many topics are offered (the most used).
const TAGS_SHOWN: usize = 16;

/// The catalogue and the search box.
#[component]
pub fn HomePage(
    /// The search box's text from the URL.
    initial_query: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.library.get_untracked();
    let report = state.report.clone();
    let query = RwSignal::new(initial_query);
    let lib = library.clone();
    let results = Memo::new(move |_| lib.search(&query.get()));
    let total: usize = library.banks.iter().map(|b| b.questions.len()).sum();
    let broken: Vec<_> = report.banks.iter().filter(|b| b.bank.is_none()).cloned().collect();
    let folder_problems = report.diagnostics.clone();
    let show_folder_problems = has_errors(&folder_problems);
    let broken_local: Vec<_> = state.local.get_untracked().into_iter().filter(|b| b.checked.value.is_none()).collect();
    let lib = library.clone();
    let due_library = library.clone();
    let state = state.clone();
    view! {
        <section class="search" aria-labelledby="search-heading">
            <h2 id="search-heading">"Tìm câu hỏi"</h2>
            <label class="sr-only" for="search">"Tìm trong mọi câu hỏi (không cần gõ dấu)"</label>
            <input id="search" type="search" placeholder="Ví dụ: nghi quyet 35, linh hoat…" autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    nav::replace(&Route::Home { query: q.clone() }.to_query());
                    query.set(q);
                }/>
            {move || {
                let q = query.get();
                if q.trim().is_empty() {
                    return ().into_any();
                }
                let hits = results.get();
                let count = hits.len();
                let shown: Vec<_> = hits.iter().take(SHOWN_RESULTS).filter_map(|r| lib.question(r).map(|qu| (r.clone(), qu.prompt.clone()))).collect();
                view! {
                    <div class="results" role="region" aria-label="Kết quả tìm kiếm">
                        <p class="result-count" role="status">{format!("Tìm thấy {count} câu hỏi")}</p>
                        {(count > 0).then(|| view! {
                            <Link to=Route::Practice(PracticeSource::Search(q.clone())) class="button primary">
                                "Luyện tập các câu này"
                            </Link>
                        })}
                        <ul class="result-list">
                            {shown.into_iter().map(|(r, prompt)| view! { <li data-question=r.question.to_string()>{prompt}</li> }).collect_view()}
                        </ul>
                    </div>
                }.into_any()
            }}
        </section>
        <section class="review-box" aria-labelledby="review-heading">
            <h2 id="review-heading">"Ôn tập"</h2>
            {move || {
                let due = state.progress.with(|p| p.due(&due_library, now_ms() as i64).len());
                if due == 0 {
                    view! { <p id="due-count">"Hôm nay chưa có câu nào cần ôn."</p> }.into_any()
                } else {
                    view! {
                        <p id="due-count">{format!("Hôm nay có {due} câu cần ôn.")}</p>
                        <p><Link to=Route::Practice(PracticeSource::Review) class="button primary">"Ôn tập ngay"</Link></p>
                    }.into_any()
                }
            }}
        </section>
        <section aria-labelledby="banks-heading">
            <h2 id="banks-heading">"Ngân hàng câu hỏi"</h2>
            <p class="summary">{format!("{} ngân hàng, {} câu hỏi", library.banks.len(), total)}</p>
            <p>
                <Link to=Route::ExamSetup class="button">"Thi thử (chọn ngân hàng, số câu, thời gian)"</Link>
                <Link to=Route::Stats class="button">"Thống kê"</Link>
                <Link to=Route::Data class="button">"Sao lưu / Khôi phục"</Link>
                <Link to=Route::TryBank class="button">"Thử tệp câu hỏi (người soạn)"</Link>
            </p>
            <ul class="bank-list">
                {library.banks.iter().cloned().map(|bank| {
                    let local = library.is_local(&bank.id);
                    view! { <li><BankCard bank=bank local=local/></li> }
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="tags-heading">
            <h2 id="tags-heading">"Luyện tập theo chủ đề"</h2>
            <ul class="tags">
                {library.tags().into_iter().take(TAGS_SHOWN).map(|(tag, n)| view! {
                    <li><Link to=Route::Practice(PracticeSource::Tag(tag.clone())) class="button tag">{format!("{tag} ({n})")}</Link></li>
                }).collect_view()}
            </ul>
        </section>
        {(show_folder_problems || !broken.is_empty()).then(|| view! {
            <section class="problems" aria-labelledby="problems-heading">
                <h2 id="problems-heading">"Tệp có lỗi"</h2>
                <p>"Các tệp sau chưa dùng được; các ngân hàng khác vẫn dùng bình thường."</p>
                {show_folder_problems.then(|| view! { <DiagnosticList title="Danh mục và tài liệu".to_owned() diagnostics=folder_problems.clone()/> })}
                {broken.into_iter().map(|b| view! { <DiagnosticList title=format!("{QUESTIONS_DIR}{}", b.file) diagnostics=b.diagnostics.clone()/> }).collect_view()}
            </section>
        })}
        {(!broken_local.is_empty()).then(|| view! {
            <section class="problems local" aria-labelledby="local-problems-heading">
                <h2 id="local-problems-heading">"Tệp trên máy này có lỗi"</h2>
                <p>"Các tệp đã thử trên máy này nay không còn dùng được (có thể ứng dụng đã kiểm tra chặt hơn). Hãy sửa rồi thử lại, hoặc gỡ bỏ."</p>
                {broken_local.into_iter().map(|b| {
                    let text: std::sync::Arc<str> = b.file.text.as_str().into();
                    view! {
                        <DiagnosticList title=b.file.name.clone() diagnostics=b.checked.diagnostics.clone() text=text/>
                        <p><RemoveLocal id=b.file.id.clone() title=b.file.name.clone()/></p>
                    }
                }).collect_view()}
            </section>
        })}
    }
}
