//! A bank in the catalogue: title, description, question count.

use leptos::prelude::*;
use ontap_core::Bank;

/// One bank's card.
#[component]
pub fn BankCard(
    /// The bank to show.
    bank: Bank,
) -> impl IntoView {
    let count = bank.questions.len();
    view! {
        <article class="bank-card" data-bank=bank.id.to_string()>
            <h3>{bank.title}</h3>
            <p class="description">{bank.description}</p>
            <p class="count">{format!("{count} câu hỏi")}</p>
        </article>
    }
}
