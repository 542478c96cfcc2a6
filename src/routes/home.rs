//! The home page: search every question, the banks with their entry points, and which files
//! could not be used. Its words and links come from `ontap_core::home`, like the page
//! pre-rendered into `index.html` (`crates/site`), which this page replaces without moving.

use crate::app::AppState;
use crate::components::bank_card::BankCard;
use crate::components::link::Link;
use crate::components::remove_local::RemoveLocal;
use crate::platform::clock::now_ms;
use crate::platform::nav;
use leptos::prelude::*;
use ontap_core::home::{self, TAGS_SHOWN};
use ontap_core::route::{PracticeSource, Route};

/// How many search results are listed (all of them can be practised).
const SHOWN_RESULTS: usize = 50;

/// The catalogue and the search box.
#[component]
pub fn HomePage(
    /// The search box's text from the URL.
    initial_query: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.library.get_untracked();
    let unavailable: Vec<String> = state.shipped.unavailable.iter().map(|u| home::unavailable(&u.file)).collect();
    let query = RwSignal::new(initial_query);
    let lib = library.clone();
    let results = Memo::new(move |_| lib.search(&query.get()));
    let total: usize = library.banks.iter().map(|b| b.questions.len()).sum();
    let local_notice = state.local_notice;
    let broken_local: Vec<_> = state.local.get_untracked().into_iter().filter(|b| b.bank.is_none()).collect();
    let lib = library.clone();
    let due_library = library.clone();
    let state = state.clone();
    view! {
        <section class="search" aria-labelledby="search-heading">
            <h2 id="search-heading">{home::SEARCH_HEADING}</h2>
            <label class="sr-only" for="search">{home::SEARCH_LABEL}</label>
            <input id="search" type="search" placeholder=home::SEARCH_PLACEHOLDER autocomplete="off"
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
            <h2 id="review-heading">{home::REVIEW_HEADING}</h2>
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
            <h2 id="banks-heading">{home::BANKS_HEADING}</h2>
            <p class="summary">{home::summary(library.banks.len(), total)}</p>
            <p class="main-links">
                {home::main_links().into_iter().map(|(to, label)| view! { <Link to=to class="button">{label}</Link> }).collect_view()}
                <a href=home::TRAINERS_PAGE class="button">{home::TRAINERS_LINK}</a>
            </p>
            {move || local_notice.get().map(|n| view! { <p class="status" role="status">{n}</p> })}
            <ul class="bank-list">
                {library.banks.iter().cloned().map(|bank| {
                    let local = library.is_local(&bank.id);
                    view! { <li><BankCard bank=bank local=local/></li> }
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="tags-heading">
            <h2 id="tags-heading">{home::TAGS_HEADING}</h2>
            <ul class="tags">
                {library.tags().into_iter().take(TAGS_SHOWN).map(|(tag, n)| view! {
                    <li><Link to=Route::Practice(PracticeSource::Tag(tag.clone())) class="button tag">{home::tag_label(&tag, n)}</Link></li>
                }).collect_view()}
            </ul>
        </section>
        {(!unavailable.is_empty() || !broken_local.is_empty()).then(|| view! {
            <section class="problems" aria-labelledby="problems-heading">
                <h2 id="problems-heading">"Tệp chưa dùng được"</h2>
                <p>"Các ngân hàng khác vẫn dùng bình thường."</p>
                <ul class="unavailable">
                    {unavailable.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    {broken_local.into_iter().map(|b| view! {
                        <li>{home::local_unavailable(&b.file.name)}" "<RemoveLocal id=b.file.id.clone() title=b.file.name.clone()/></li>
                    }).collect_view()}
                </ul>
                <p><a href=home::TRAINERS_PAGE>{home::TRAINERS_LINK}</a></p>
            </section>
        })}
    }
}
