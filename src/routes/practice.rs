//! Practice (Luyện tập): one question at a time with instant feedback, then a summary with
//! "retry the wrong ones". Number keys pick options; Enter answers, then goes on.

use crate::app::AppState;
use crate::components::feedback::Feedback;
use crate::components::link::Link;
use crate::components::question_view::QuestionView;
use crate::platform::clock::{now_ms, random_seed};
use crate::platform::dom::{focus_later, on_control, typing_in_field};
use leptos::prelude::*;
use ontap_core::answer::pick_by_number;
use ontap_core::practice::Practice;
use ontap_core::present::credit_verdict;
use ontap_core::route::{PracticeSource, Route};
use ontap_core::score::Response;

/// A practice session over `source`.
#[component]
pub fn PracticePage(
    /// What to practise.
    source: PracticeSource,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.library.get_untracked();
    let title = source.title(&library);
    let refs = state.progress.with_untracked(|p| source.questions(&library, p, now_ms() as i64));
    let mode = source.mode();
    let practice = RwSignal::new(Practice::new(&library, refs, random_seed()));
    let response: RwSignal<Option<Response>> = RwSignal::new(None);
    let announce = RwSignal::new(String::new());

    let lib = library.clone();
    let state = state.clone();
    let submit = move || {
        let Some(r) = response.get_untracked() else { return };
        let mut credit = None;
        let mut at = None;
        practice.update(|p| {
            at = p.current().map(|i| i.question.clone());
            credit = p.answer(&lib, r);
        });
        if let (Some(c), Some(at)) = (credit, at) {
            state.record(&at, c, mode);
            announce.set(credit_verdict(c));
            focus_later("next".into());
        }
    };
    let next = move || {
        practice.update(|p| p.advance());
        response.set(None);
        announce.set(String::new());
        focus_later("question-top".into());
    };

    let lib = library.clone();
    let submit_on_key = submit.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || practice.with_untracked(Practice::is_finished) {
            return;
        }
        let key = ev.key();
        if key == "Enter" {
            // Enter on a button or link does that element's own work.
            if on_control(&ev) {
                return;
            }
            ev.prevent_default();
            if practice.with_untracked(|p| p.current().is_some_and(|i| i.answer.is_some())) {
                next()
            } else {
                submit_on_key()
            }
            return;
        }
        if typing_in_field() {
            return;
        }
        let Some(n) = key.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) else { return };
        let picked = practice.with_untracked(|p| {
            let item = p.current().filter(|i| i.answer.is_none())?;
            let q = lib.question(&item.question)?;
            pick_by_number(&q.kind, &item.order, n, response.get_untracked().as_ref())
        });
        if let Some(r) = picked {
            response.set(Some(r));
        }
    });
    on_cleanup(move || keys.remove());

    let empty_message = source.empty_message();
    let lib = library.clone();
    let body = move || {
        let submit = submit.clone();
        let p = practice.get();
        if p.items.is_empty() {
            return view! {
                <p>{empty_message}</p>
                <p><Link to=Route::Home { query: String::new() } class="button">"Về trang chủ"</Link></p>
            }
            .into_any();
        }
        if p.is_finished() {
            let s = p.summary();
            let wrong = p.wrong();
            let lib = lib.clone();
            let retry = move |_| {
                practice.set(Practice::new(&lib, wrong.clone(), random_seed()));
                response.set(None);
                focus_later("question-top".into());
            };
            let has_wrong = s.not_right() > 0;
            return view! {
                <div class="summary-card" role="status">
                    <h2 id="question-top" tabindex="-1">"Kết quả luyện tập"</h2>
                    <p class="big">{s.correct_line()}</p>
                    <p>{s.score_line()}</p>
                </div>
                <p class="actions">
                    {has_wrong.then(|| view! {
                        <button type="button" class="button primary" id="retry-wrong" on:click=retry>
                            {s.retry_label()}
                        </button>
                    })}
                    <Link to=Route::Home { query: String::new() } class="button">"Về trang chủ"</Link>
                </p>
            }
            .into_any();
        }
        let item = p.current().cloned().expect("not finished");
        let Some(question) = lib.question(&item.question).cloned() else { return ().into_any() };
        let material = lib.material(&question.source.material).cloned();
        let locked = item.answer.is_some();
        let position = p.position_line();
        view! {
            <p class="progress" id="question-top" tabindex="-1">{position}</p>
            <div class="question-card" data-question=question.id.to_string()>
                <QuestionView question=question.clone() order=item.order.clone() response=response
                    locked=locked reveal=locked name=format!("q{}", p.current)/>
            </div>
            {match item.answer.clone() {
                None => view! {
                    <p class="actions">
                        <button type="button" class="button primary" id="submit"
                            disabled=move || response.get().is_none() on:click=move |_| submit()>"Trả lời"</button>
                        <button type="button" class="button" id="skip" on:click=move |_| next()>"Bỏ qua"</button>
                    </p>
                }.into_any(),
                Some((r, credit)) => view! {
                    <Feedback question=question order=item.order response=Some(r) credit=credit material=material/>
                    <p class="actions">
                        <button type="button" class="button primary" id="next" on:click=move |_| next()>
                            {p.next_label()}
                        </button>
                    </p>
                }.into_any(),
            }}
        }
        .into_any()
    };
    view! {
        <h2 class="page-title">{title}</h2>
        <p class="sr-only" aria-live="polite" id="announce">{move || announce.get()}</p>
        {body}
    }
}
