//! `fill_blank`: the prompt with its blank shown as a gap, and a text field.

use super::ResponseSlot;
use leptos::prelude::*;
use ontap_core::present::blanked;
use ontap_core::score::Response;

/// A sentence with a blank to type into.
#[component]
pub fn FillBlankView(
    /// The sentence, its blank written as `___`.
    prompt: String,
    /// The member's answer.
    response: ResponseSlot,
    /// No more changes.
    locked: Signal<bool>,
    /// Unique per question on the page, for the field's id.
    name: String,
) -> impl IntoView {
    let input_id = format!("{name}-input");
    view! {
        <div class="question fill">
            <p class="prompt" id=format!("{name}-prompt")>{blanked(&prompt)}</p>
            <label for=input_id.clone()>"Điền vào chỗ trống:"</label>
            <input id=input_id type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
                prop:value=move || match response.get() { Some(Response::Text(t)) => t, _ => String::new() }
                prop:disabled=move || locked.get()
                on:input=move |ev| response.set(Some(Response::Text(event_target_value(&ev))))/>
        </div>
    }
}
