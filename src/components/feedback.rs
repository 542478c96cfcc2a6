//! After an answer: right or not, the right answer, the explanation and the cited source.

use crate::components::source_link::SourceLink;
use leptos::prelude::*;
use ontap_core::Question;
use ontap_core::model::Material;
use ontap_core::present::{correct_lines, credit_verdict, response_lines, source_line};
use ontap_core::score::{Credit, Response};

/// The explanation block for an answered question.
#[component]
pub fn Feedback(
    /// The question answered.
    question: Question,
    /// Its display order.
    order: Vec<usize>,
    /// The member's answer.
    response: Option<Response>,
    /// What it earned.
    credit: Credit,
    /// The material it cites.
    material: Option<Material>,
    /// Show the verdict line (the exam review shows its own).
    #[prop(optional)]
    hide_verdict: bool,
) -> impl IntoView {
    let right = correct_lines(&question.kind, &order);
    let given = response_lines(&question.kind, &order, response.as_ref());
    let full = credit.is_full();
    view! {
        <div class="feedback" class:is-right=full class:is-wrong=!full>
            {(!hide_verdict).then(|| view! { <p class="verdict">{credit_verdict(credit)}</p> })}
            {(!full).then(|| view! {
                <div class="given">
                    <h3>"Bạn trả lời"</h3>
                    {if given.is_empty() {
                        view! { <p>"(Chưa trả lời)"</p> }.into_any()
                    } else {
                        view! { <ul>{given.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </div>
            })}
            <div class="right-answer">
                <h3>"Đáp án đúng"</h3>
                <ul>{right.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
            <p class="explanation">{question.explanation.clone()}</p>
            <p class="source">{source_line(&question, material.as_ref())}</p>
            <SourceLink material=material.clone() quote=question.source.quote.clone()/>
        </div>
    }
}
