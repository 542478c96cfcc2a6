//! `matching`: one select per left item, listing the right items in the order shown.

use super::ResponseSlot;
use leptos::prelude::*;
use ontap_core::Pair;
use ontap_core::answer::match_row;
use ontap_core::score::Response;

/// Left items to match with right ones.
#[component]
pub fn MatchingView(
    /// The question's text.
    prompt: String,
    /// The pairs, in file order.
    pairs: Vec<Pair>,
    /// The order the right items are listed in (file indices).
    order: Vec<usize>,
    /// The member's answer.
    response: ResponseSlot,
    /// No more changes.
    locked: Signal<bool>,
    /// Unique per question on the page, for the selects' ids.
    name: String,
) -> impl IntoView {
    let n = pairs.len();
    let rows = pairs
        .iter()
        .enumerate()
        .map(|(li, pair)| {
            let select_id = format!("{name}-m{li}");
            let chosen = move || match response.get() {
                Some(Response::Match(v)) => v.get(li).copied().flatten(),
                _ => None,
            };
            let options = order
                .iter()
                .map(|&j| {
                    let text = pairs[j].right.clone();
                    view! { <option value=j.to_string() prop:selected=move || chosen() == Some(j)>{text}</option> }
                })
                .collect_view();
            view! {
                <div class="match-row">
                    <label for=select_id.clone()>{pair.left.clone()}</label>
                    <select id=select_id prop:disabled=move || locked.get() on:change=move |ev| {
                        let right = event_target_value(&ev).parse::<usize>().ok();
                        response.set(Some(match_row(response.get_untracked(), n, li, right)));
                    }>
                        <option value="" prop:selected=move || chosen().is_none()>"— Chọn —"</option>
                        {options}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="question matching">
            <p class="prompt" id=format!("{name}-prompt")>{prompt}</p>
            <p class="hint">"Chọn vế phải tương ứng với từng vế trái."</p>
            {rows}
        </div>
    }
}
