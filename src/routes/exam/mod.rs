//! The exam (Thi thử): a visible timer, free movement between questions, flags, answers
//! changeable until submission, automatic submission when time runs out, no feedback before
//! the end; then the score out of 10 and a review of every question.
//!
//! One `RwSignal<Exam>` holds the whole exam; its rules (submitting, what is logged, what is
//! stored) are `ontap_core::exam`'s. The question view reads and writes its item in it
//! (`ResponseSlot::ExamItem`); the page's own closures read only the question count and index,
//! so typing an answer re-renders nothing but that answer.

mod nav;
mod result;
mod submit;
mod timer;

use crate::app::AppState;
use crate::components::link::Link;
use crate::components::question_view::{QuestionView, ResponseSlot};
use crate::platform::clock::now_ms;
use crate::platform::dom::{focus_later, typing_in_field};
use crate::platform::nav as address;
use crate::platform::storage::LocalStore;
use leptos::prelude::*;
use ontap_core::answer::pick_by_number;
use ontap_core::exam::{EXAM_KEY, Exam};
use ontap_core::library::Library;
use ontap_core::progress::Mode;
use ontap_core::progress::store::Store;
use ontap_core::route::{ExamSpec, Route};
use std::sync::Arc;
use std::time::Duration;

/// An exam drawn from `spec`.
#[component]
pub fn ExamPage(
    /// Its settings and seed.
    spec: ExamSpec,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.library.get_untracked();
    // The same link reopened (a reload, a closed tab) resumes the unfinished exam.
    let resumed = LocalStore.read(EXAM_KEY).ok().flatten().and_then(|text| Exam::resume(&text, &spec));
    let exam = RwSignal::new(resumed.unwrap_or_else(|| Exam::start(&library, spec.clone(), now_ms())));
    // Every change is kept as it is made.
    Effect::new(move |_| {
        let _ = LocalStore.write(EXAM_KEY, &exam.with(Exam::stored_form));
    });
    // No update is offered while the exam runs (see `UpdateBanner`).
    let exam_running = state.exam_running;
    exam_running.set(exam.with_untracked(Exam::is_running));
    Effect::new(move |_| {
        let running = exam.with(Exam::is_running);
        exam_running.maybe_update(|r| std::mem::replace(r, running) != running);
    });
    on_cleanup(move || {
        let _ = exam_running.try_set(false);
    });
    let submitted = Memo::new(move |_| exam.with(Exam::is_submitted));
    let now = RwSignal::new(now_ms());

    // Submitted by the member or at the deadline: the answers go to the log once.
    let end = {
        let state = state.clone();
        let library = library.clone();
        move |how: fn(&mut Exam, f64) -> bool| {
            let at = now_ms();
            let mut ended = false;
            exam.maybe_update(|e| {
                ended = how(e, at);
                ended
            });
            if ended {
                for (question, credit) in exam.with_untracked(|e| e.logged_answers(&library)) {
                    state.record(&question, credit, Mode::Exam);
                }
                focus_later("result-top".into());
            }
        }
    };
    let tick = {
        let end = end.clone();
        move || {
            now.set(now_ms());
            end(Exam::submit_if_over);
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }
    let submit = move || end(Exam::submit);

    let index = RwSignal::new(0usize);
    number_keys(exam, index, library.clone());
    let share = address::absolute_url(&Route::Exam(spec.clone()).to_query());
    let lib = library.clone();
    view! {
        <h2 class="page-title">"Thi thử"</h2>
        <p class="hint share">"Đường dẫn đề này (gửi cho người khác để thi cùng đề): "<code>{share}</code></p>
        <p class="hint"><a id="print-link" href=Route::Print(spec).to_query()>"In đề này ra giấy (kèm đáp án)"</a></p>
        {move || if submitted.get() {
            view! { <result::ExamResultView exam=exam.get_untracked() library=lib.clone()/> }.into_any()
        } else {
            view! { <Running exam index now library=lib.clone() submit=submit.clone()/> }.into_any()
        }}
    }
}

/// Number keys pick options of the question shown, as in practice.
fn number_keys(exam: RwSignal<Exam>, index: RwSignal<usize>, library: Arc<Library>) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key()
            || ev.alt_key()
            || ev.meta_key()
            || typing_in_field()
            || exam.with_untracked(Exam::is_submitted)
        {
            return;
        }
        let Some(n) = ev.key().parse::<usize>().ok().filter(|n| (1..=9).contains(n)) else { return };
        let i = index.get_untracked();
        let picked = exam.with_untracked(|e| {
            let item = e.items.get(i)?;
            let q = library.question(&item.question)?;
            pick_by_number(&q.kind, &item.order, n, item.response.as_ref())
        });
        if let Some(r) = picked {
            exam.update(|e| e.respond(i, Some(r)));
        }
    });
    on_cleanup(move || keys.remove());
}

/// The exam while it runs: timer, question list, the question shown, moves and submission.
#[component]
fn Running(
    /// The exam.
    exam: RwSignal<Exam>,
    /// The question shown.
    index: RwSignal<usize>,
    /// The clock, ticking.
    now: RwSignal<f64>,
    /// The banks it was drawn from.
    library: Arc<Library>,
    /// Submits it.
    submit: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let count = Memo::new(move |_| exam.with(|e| e.items.len()));
    // Read in small closures only: reading it in the page's closure would re-render the
    // question (and drop the focus of a text field) on every keystroke.
    let answered = Memo::new(move |_| exam.with(Exam::answered));
    move || {
        let n = count.get();
        if n == 0 {
            return view! {
                <p>"Không có câu hỏi nào phù hợp để thi."</p>
                <p><Link to=Route::ExamSetup class="button">"Chọn lại"</Link></p>
            }
            .into_any();
        }
        let i = index.get().min(n - 1);
        let item = exam.with_untracked(|e| e.items[i].clone());
        let Some(question) = library.question(&item.question).cloned() else { return ().into_any() };
        let question_id = question.id.to_string();
        view! {
            <timer::ExamBar exam now answered count=n/>
            <nav::QuestionList exam index current=i/>
            <p class="progress" id="question-top" tabindex="-1">{format!("Câu {}/{}", i + 1, n)}</p>
            <div class="question-card" data-question=question_id>
                <QuestionView question=question order=item.order response=ResponseSlot::ExamItem(exam, i)
                    locked=false reveal=false name=format!("e{i}")/>
            </div>
            <nav::Moves exam index current=i count=n/>
            <submit::SubmitRow answered count=n submit=submit.clone()/>
        }
        .into_any()
    }
}
