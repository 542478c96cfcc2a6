//! `single` and `multiple`: a radio group or a checkbox group over the options, in the order
//! shown, lettered A, B, C…; the two types differ only in the input and the hint.

use super::ResponseSlot;
use leptos::prelude::*;
use ontap_core::answer::toggle_option;
use ontap_core::model::index_letter;
use ontap_core::score::Response;

/// The options of a `single` (radio buttons) or `multiple` (checkboxes) question.
#[component]
pub fn ChoiceView(
    /// The question's text.
    prompt: String,
    /// The options, in file order.
    options: Vec<String>,
    /// The right options (file indices).
    right: Vec<usize>,
    /// Checkboxes (any number) rather than radio buttons (one).
    multiple: bool,
    /// Display order of the options (file indices).
    order: Vec<usize>,
    /// The member's answer.
    response: ResponseSlot,
    /// No more changes.
    locked: Signal<bool>,
    /// Show which options are right.
    reveal: Signal<bool>,
    /// Unique per question on the page: the inputs' group name.
    name: String,
) -> impl IntoView {
    let rows = order
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let is_right = right.contains(&i);
            let picked = move || matches!(response.get(), Some(Response::Choice(v)) if v.contains(&i));
            let change = move |_| {
                let next = if multiple {
                    toggle_option(response.get_untracked().as_ref(), i)
                } else {
                    Response::Choice(vec![i])
                };
                response.set(Some(next));
            };
            view! {
                <label class="option" class:picked=picked
                    class:right=move || reveal.get() && is_right
                    class:wrong=move || reveal.get() && !is_right && picked()>
                    <input type=if multiple { "checkbox" } else { "radio" } name=name.clone()
                        prop:checked=picked on:change=change/>
                    <span class="letter" aria-hidden="true">{format!("{}", index_letter(k))}</span>
                    <span class="text">{options[i].clone()}</span>
                    {move || reveal.get().then(|| {
                        if is_right { view! { <span class="mark">"✓ Đáp án đúng"</span> }.into_any() }
                        else if picked() { view! { <span class="mark">"✗ Bạn chọn"</span> }.into_any() }
                        else { ().into_any() }
                    })}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question choices" disabled=move || locked.get()>
            <legend class="prompt" id=format!("{name}-prompt")>{prompt}</legend>
            {multiple.then(|| view! { <p class="hint">"Chọn tất cả đáp án đúng."</p> })}
            {rows}
        </fieldset>
    }
}
