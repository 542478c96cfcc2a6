//! Choosing an exam: which banks, how many questions, how long, the pass mark.

use crate::app::AppState;
use crate::platform::clock::random_seed;
use leptos::prelude::*;
use ontap_core::draw::Filter;
use ontap_core::route::{DEFAULT_EXAM_MINUTES, DEFAULT_EXAM_QUESTIONS, DEFAULT_PASS_PERCENT, ExamSpec, Route};
use ontap_core::toggle::toggle;

/// The exam settings form.
#[component]
pub fn ExamSetupPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let banks: Vec<_> = state
        .library
        .get_untracked()
        .banks
        .iter()
        .map(|b| (b.id.clone(), b.title.clone(), b.questions.len()))
        .collect();
    let chosen = RwSignal::new(banks.iter().map(|b| b.0.clone()).collect::<Vec<_>>());
    let count = RwSignal::new(DEFAULT_EXAM_QUESTIONS);
    let minutes = RwSignal::new(DEFAULT_EXAM_MINUTES);
    let pass = RwSignal::new(DEFAULT_PASS_PERCENT);
    let available = {
        let banks = banks.clone();
        move || banks.iter().filter(|b| chosen.get().contains(&b.0)).map(|b| b.2).sum::<usize>()
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let spec = ExamSpec {
            filter: Filter { banks: chosen.get_untracked(), tags: vec![] },
            count: count.get_untracked(),
            minutes: minutes.get_untracked(),
            pass_percent: pass.get_untracked(),
            seed: random_seed(),
        };
        state.navigate(Route::Exam(spec));
    };
    let number = |signal: RwSignal<u32>| {
        move |ev| {
            if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                signal.set(v.max(1));
            }
        }
    };
    view! {
        <h2 class="page-title">"Thi thử"</h2>
        <form class="exam-setup" on:submit=start>
            <fieldset>
                <legend>"Ngân hàng câu hỏi"</legend>
                {banks.into_iter().map(|(id, title, n)| {
                    let id2 = id.clone();
                    view! {
                        <label class="option">
                            <input type="checkbox" prop:checked=move || chosen.get().contains(&id)
                                on:change=move |_| chosen.update(|c| toggle(c, id2.clone()))/>
                            <span class="text">{format!("{title} ({n} câu)")}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="fields">
                <label for="exam-count">"Số câu"</label>
                <input id="exam-count" type="number" min="1" max="500" inputmode="numeric"
                    prop:value=move || count.get().to_string()
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                            count.set(v.clamp(1, 500));
                        }
                    }/>
                <label for="exam-minutes">"Thời gian (phút)"</label>
                <input id="exam-minutes" type="number" min="1" max="600" inputmode="numeric"
                    prop:value=move || minutes.get().to_string() on:input=number(minutes)/>
                <label for="exam-pass">"Điểm đạt (%)"</label>
                <input id="exam-pass" type="number" min="1" max="100" inputmode="numeric"
                    prop:value=move || pass.get().to_string() on:input=number(pass)/>
            </div>
            <p class="hint">{move || format!("Có {} câu trong các ngân hàng đã chọn.", available())}</p>
            <p class="actions">
                <button type="submit" class="button primary" id="start-exam"
                    disabled=move || chosen.get().is_empty()>"Bắt đầu thi"</button>
            </p>
        </form>
    }
}
