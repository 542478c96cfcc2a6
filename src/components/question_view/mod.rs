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
use ontap_core::model::QuestionKind;
use ontap_core::score::Response;

/// Where a question view reads and writes the member's answer: a signal of its own (practice)
/// or a slice of a larger state (an exam's item), so the answer has one copy.
#[derive(Clone, Copy)]
pub struct ResponseSlot {
    value: Signal<Option<Response>>,
    write: SignalSetter<Option<Response>>,
}

impl ResponseSlot {
    /// A slot reading `value` and writing through `write`.
    pub fn new(value: Signal<Option<Response>>, write: SignalSetter<Option<Response>>) -> Self {
        ResponseSlot { value, write }
    }

    /// The answer, tracked.
    pub fn get(&self) -> Option<Response> {
        self.value.get()
    }

    /// The answer, untracked.
    pub fn get_untracked(&self) -> Option<Response> {
        self.value.get_untracked()
    }

    /// Replaces the answer.
    pub fn set(&self, response: Option<Response>) {
        self.write.set(response);
    }
}

impl From<RwSignal<Option<Response>>> for ResponseSlot {
    fn from(signal: RwSignal<Option<Response>>) -> Self {
        ResponseSlot::new(signal.into(), signal.into())
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
