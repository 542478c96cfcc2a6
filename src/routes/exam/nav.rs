//! Moving around the exam: the numbered list of questions (answered and flagged ones marked)
//! and the previous / flag / next row.

use leptos::prelude::*;
use ontap_core::exam::Exam;
use ontap_core::exam::words::nav_label;

/// One button per question; the one shown is marked current.
#[component]
pub fn QuestionList(
    /// The exam.
    exam: RwSignal<Exam>,
    /// The question shown, set by a click.
    index: RwSignal<usize>,
    /// Its value when this list was drawn.
    current: usize,
) -> impl IntoView {
    let count = exam.with_untracked(|e| e.items.len());
    let buttons = (0..count)
        .map(|k| {
            let answered = move || exam.with(|e| e.items.get(k).is_some_and(|i| i.response.is_some()));
            let flagged = move || exam.with(|e| e.items.get(k).is_some_and(|i| i.flagged));
            view! {
                <li>
                    <button type="button" class="nav-q" class:answered=answered class:flagged=flagged
                        class:current=k == current aria-current=(k == current).then_some("step")
                        aria-label=move || nav_label(k + 1, answered(), flagged())
                        on:click=move |_| index.set(k)>
                        {(k + 1).to_string()}{move || flagged().then_some("⚑")}{move || answered().then_some("•")}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <nav aria-label="Các câu hỏi"><ol class="exam-nav">{buttons}</ol></nav> }
}

/// "← Câu trước", "⚑ Đánh dấu" and "Câu sau →".
#[component]
pub fn Moves(
    /// The exam.
    exam: RwSignal<Exam>,
    /// The question shown, moved by the buttons.
    index: RwSignal<usize>,
    /// Its value when this row was drawn.
    current: usize,
    /// How many questions there are.
    count: usize,
) -> impl IntoView {
    let i = current;
    let flagged = move || exam.with(|e| e.items.get(i).is_some_and(|item| item.flagged));
    view! {
        <p class="actions">
            <button type="button" class="button" id="prev" disabled=i == 0 on:click=move |_| index.set(i - 1)>"← Câu trước"</button>
            <button type="button" class="button" id="flag" aria-pressed=move || flagged().to_string()
                on:click=move |_| exam.update(|e| e.toggle_flag(i))>
                {move || if flagged() { "Bỏ đánh dấu" } else { "⚑ Đánh dấu" }}
            </button>
            <button type="button" class="button" id="next-q" disabled=i + 1 == count on:click=move |_| index.set(i + 1)>"Câu sau →"</button>
        </p>
    }
}
