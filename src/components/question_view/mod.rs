//! One question, answerable by mouse, touch and keyboard: radio and checkbox groups, a text
//! field, up/down buttons for ordering (no drag and drop needed) and a select per matching row.
//! All text is rendered as text, never as markup. One component per question type; how an
//! answer changes with each gesture is `ontap_core::answer`'s.

mod choice;
mod fill_blank;
mod matching;
mod ordering;
mod true_false;

use leptos::prelude::*;
use ontap_core::Question;
use ontap_core::exam::Exam;
use ontap_core::model::QuestionKind;
use ontap_core::score::Response;

/// Where a question view reads and writes the member's answer: a signal of its own (practice)
/// or an item of the exam (`RwSignal<Exam>`, the exam's one copy of its answers). Plain
/// signals on both sides: no memo or setter types of their own to ship.
#[derive(Clone, Copy)]
pub enum ResponseSlot {
    /// The answer in a signal of its own.
    Own(RwSignal<Option<Response>>),
    /// The answer to item `.1` of an exam.
    ExamItem(RwSignal<Exam>, usize),
}

impl ResponseSlot {
    /// The answer, tracked.
    pub fn get(&self) -> Option<Response> {
        match *self {
            ResponseSlot::Own(signal) => signal.get(),
            ResponseSlot::ExamItem(exam, i) => exam.with(|e| e.items.get(i).and_then(|item| item.response.clone())),
        }
    }

    /// The answer, untracked.
    pub fn get_untracked(&self) -> Option<Response> {
        match *self {
            ResponseSlot::Own(signal) => signal.get_untracked(),
            ResponseSlot::ExamItem(exam, i) => {
                exam.with_untracked(|e| e.items.get(i).and_then(|item| item.response.clone()))
            }
        }
    }

    /// Replaces the answer.
    pub fn set(&self, response: Option<Response>) {
        match *self {
            ResponseSlot::Own(signal) => signal.set(response),
            ResponseSlot::ExamItem(exam, i) => exam.update(|e| e.respond(i, response)),
        }
    }
}

impl From<RwSignal<Option<Response>>> for ResponseSlot {
    fn from(signal: RwSignal<Option<Response>>) -> Self {
        ResponseSlot::Own(signal)
    }
}

/// A question to answer. `response` holds the answer in file order; `locked` freezes it;
/// `reveal` marks the right options once the answer is in.
#[component]
pub fn QuestionView(
    /// The question.
    question: Question,
    /// Display order of its options, items or right-hand sides (file indices).
    order: Vec<usize>,
    /// The member's answer.
    #[prop(into)]
    response: ResponseSlot,
    /// No more changes.
    #[prop(into)]
    locked: Signal<bool>,
    /// Show which options are right.
    #[prop(into)]
    reveal: Signal<bool>,
    /// Unique per question on the page, for input names and ids.
    #[prop(into)]
    name: String,
) -> impl IntoView {
    let prompt = question.prompt;
    match question.kind {
        QuestionKind::Single { options, correct } => view! {
            <choice::ChoiceView prompt options right=correct.indices() multiple=false order response locked reveal name/>
        }
        .into_any(),
        QuestionKind::Multiple { options, correct } => view! {
            <choice::ChoiceView prompt options right=correct.indices() multiple=true order response locked reveal name/>
        }
        .into_any(),
        QuestionKind::TrueFalse { answer } => {
            view! { <true_false::TrueFalseView prompt answer response locked reveal name/> }.into_any()
        }
        QuestionKind::FillBlank { .. } => {
            view! { <fill_blank::FillBlankView prompt response locked name/> }.into_any()
        }
        QuestionKind::Ordering { items } => {
            view! { <ordering::OrderingView prompt items order response locked name/> }.into_any()
        }
        QuestionKind::Matching { pairs } => {
            view! { <matching::MatchingView prompt pairs order response locked name/> }.into_any()
        }
    }
}
