//! `true_false`: two radio buttons, Đúng and Sai (keys 1 and 2).

use super::ResponseSlot;
use leptos::prelude::*;
use ontap_core::score::Response;

/// A claim to judge true or false.
#[component]
pub fn TrueFalseView(
    /// The claim.
    prompt: String,
    /// Whether it is true.
    answer: bool,
    /// The member's answer.
    response: ResponseSlot,
    /// No more changes.
    locked: Signal<bool>,
    /// Show which verdict is right.
    reveal: Signal<bool>,
    /// Unique per question on the page: the inputs' group name.
    name: String,
) -> impl IntoView {
    let rows = [(true, "Đúng"), (false, "Sai")]
        .into_iter()
        .enumerate()
        .map(|(k, (value, label))| {
            let picked = move || response.get() == Some(Response::TrueFalse(value));
            view! {
                <label class="option" class:picked=picked
                    class:right=move || reveal.get() && answer == value
                    class:wrong=move || reveal.get() && answer != value && picked()>
                    <input type="radio" name=name.clone() prop:checked=picked
                        on:change=move |_| response.set(Some(Response::TrueFalse(value)))/>
                    <span class="letter" aria-hidden="true">{(k + 1).to_string()}</span>
                    <span class="text">{label}</span>
                    {move || (reveal.get() && answer == value).then(|| view! { <span class="mark">"✓ Đáp án đúng"</span> })}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question choices" disabled=move || locked.get()>
            <legend class="prompt" id=format!("{name}-prompt")>{prompt}</legend>
            <p class="hint">"Nhận định trên đúng hay sai?"</p>
            {rows}
        </fieldset>
    }
}
