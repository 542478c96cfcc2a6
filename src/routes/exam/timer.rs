//! The exam's bar: the time left and how many questions are answered.

use leptos::prelude::*;
use ontap_core::exam::Exam;
use ontap_core::exam::words::{answered_line, clock};

/// The time left, ticking, and the answered count.
#[component]
pub fn ExamBar(
    /// The exam.
    exam: RwSignal<Exam>,
    /// The clock.
    now: RwSignal<f64>,
    /// How many questions have an answer.
    answered: Memo<usize>,
    /// How many questions there are.
    count: usize,
) -> impl IntoView {
    view! {
        <div class="exam-bar">
            <p class="timer" role="timer" aria-label="Thời gian còn lại">
                "Còn lại: "<strong id="time-left">{move || clock(exam.with(|e| e.remaining_ms(now.get())))}</strong>
            </p>
            <p class="answered">{move || answered_line(answered.get(), count)}</p>
        </div>
    }
}
