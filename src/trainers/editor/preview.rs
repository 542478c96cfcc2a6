//! The question exactly as a member will see it, with its feedback once answered, through the
//! member's own components (`QuestionView`, `Feedback`).

use super::session::Session;
use crate::components::feedback::Feedback;
use crate::components::question_view::QuestionView;
use crate::trainers::TrainerState;
use leptos::prelude::*;
use ontap_core::draw::{SplitMix64, presentation_order};
use ontap_core::score::{Response, score};

/// The preview of question `index`, rebuilt whenever the question changes.
#[component]
pub fn Preview(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let state = expect_context::<TrainerState>();
    let question = Memo::new(move |_| session.question(index));
    let answered = RwSignal::new(false);
    let render = move || {
        let q = question.get()?;
        answered.set(false);
        let order = presentation_order(&q, &mut SplitMix64::new(index as u64 + 1));
        let response: RwSignal<Option<Response>> = RwSignal::new(None);
        let material = state.report.materials.as_ref().and_then(|l| l.get(&q.source.material)).cloned();
        let feedback = {
            let (q, order) = (q.clone(), order.clone());
            move || {
                answered.get().then(|| {
                    let r = response.get_untracked();
                    let credit = r.as_ref().map(|r| score(&q.kind, r)).unwrap_or(ontap_core::score::Credit::NONE);
                    view! { <Feedback question=q.clone() order=order.clone() response=r credit=credit material=material.clone()/> }
                })
            }
        };
        Some(view! {
            <QuestionView question=q order=order response=response locked=answered reveal=answered name=format!("preview-{index}")/>
            <p class="row">
                <button type="button" on:click=move |_| answered.set(true) disabled=move || answered.get()>"Trả lời thử"</button>
                <button type="button" on:click=move |_| { response.set(None); answered.set(false); }>"Làm lại"</button>
            </p>
            {feedback}
        })
    };
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h3 id="preview-heading">"Xem trước (như học viên thấy)"</h3>
            {render}
        </section>
    }
}
