//! A bank in the catalogue: title, description, question count, and its entry points.

use crate::components::link::Link;
use crate::components::remove_local::RemoveLocal;
use crate::platform::clock::random_seed;
use leptos::prelude::*;
use ontap_core::Bank;
use ontap_core::home::{self, EXAM, NOT_PRACTISED, PRACTICE};

/// One bank's card.
#[component]
pub fn BankCard(
    /// The bank to show.
    bank: Bank,
    /// Whether it comes from this device (marked, and removable).
    #[prop(optional)]
    local: bool,
) -> impl IntoView {
    let count = bank.questions.len();
    let exam = home::exam_route(&bank, random_seed());
    let practice = home::practice_route(&bank);
    let title = bank.title.clone();
    let progress = expect_context::<crate::app::AppState>().progress;
    let stats_bank = bank.clone();
    let exam_title = bank.title.clone();
    let (remove_id, remove_title) = (bank.id.to_string(), bank.title.clone());
    view! {
        <article class="bank-card" data-bank=bank.id.to_string()>
            <h3>{bank.title}{local.then(|| view! { " "<span class="badge local">"Trên máy này"</span> })}</h3>
            <p class="description">{bank.description}</p>
            <p class="count">{home::question_count(count)}</p>
            <p class="mastery">{move || {
                let s = progress.with(|p| p.bank_stats(&stats_bank));
                if s.seen == 0 {
                    NOT_PRACTISED.to_owned()
                } else {
                    format!("Đã thuộc {}/{} câu · đúng {}% số lần trả lời", s.mastered, s.questions, s.right * 100 / s.answers.max(1))
                }
            }}</p>
            <p class="actions">
                <Link to=practice class="button primary practice">
                    {PRACTICE}<span class="sr-only">{format!(": {title}")}</span>
                </Link>
                <Link to=exam class="button exam">
                    {EXAM}<span class="sr-only">{format!(": {exam_title}")}</span>
                </Link>
                {local.then(|| view! { <RemoveLocal id=remove_id.clone() title=remove_title.clone()/> })}
            </p>
        </article>
    }
}
