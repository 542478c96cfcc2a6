//! The submit row: "Nộp bài", then a confirmation naming the questions left unanswered.

use leptos::prelude::*;
use ontap_core::exam::words::confirm_line;

/// "Nộp bài", confirmed before it submits.
#[component]
pub fn SubmitRow(
    /// How many questions have an answer.
    answered: Memo<usize>,
    /// How many questions there are.
    count: usize,
    /// Submits the exam.
    submit: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    view! {
        <p class="actions submit-row">
            {move || if confirming.get() {
                let submit = submit.clone();
                view! {
                    <span class="confirm">{move || confirm_line(count - answered.get())}</span>
                    <button type="button" class="button primary" id="confirm-submit" on:click=move |_| submit()>"Nộp bài"</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>"Làm tiếp"</button>
                }.into_any()
            } else {
                view! { <button type="button" class="button primary" id="submit-exam" on:click=move |_| confirming.set(true)>"Nộp bài"</button> }.into_any()
            }}
        </p>
    }
}
