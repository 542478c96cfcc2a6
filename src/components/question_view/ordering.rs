//! `ordering`: the items as a list with ↑/↓ buttons; the order shown is the answer.

use super::ResponseSlot;
use crate::platform::dom::focus_later;
use leptos::prelude::*;
use ontap_core::answer::move_item;
use ontap_core::score::Response;

/// Items to put in order.
#[component]
pub fn OrderingView(
    /// The question's text.
    prompt: String,
    /// The items, in file (right) order.
    items: Vec<String>,
    /// The order they are first shown in (file indices).
    order: Vec<usize>,
    /// The member's answer.
    response: ResponseSlot,
    /// No more changes.
    locked: Signal<bool>,
    /// Unique per question on the page, for the buttons' ids.
    name: String,
) -> impl IntoView {
    // The order shown is the answer: record it at once, so "leave as is" is an answer too.
    if response.get_untracked().is_none() {
        response.set(Some(Response::Order(order.clone())));
    }
    let current = move || match response.get() {
        Some(Response::Order(v)) => v,
        _ => order.clone(),
    };
    let list_name = name.clone();
    let list = move || {
        let placed = current();
        let n = placed.len();
        placed
            .iter()
            .enumerate()
            .map(|(pos, &i)| {
                let text = items[i].clone();
                let up_id = format!("{list_name}-up-{i}");
                let down_id = format!("{list_name}-down-{i}");
                let shift = move |delta: isize, focus: String| {
                    response.set(move_item(response.get_untracked(), pos, delta));
                    focus_later(focus);
                };
                let (up_focus, down_focus) = (up_id.clone(), down_id.clone());
                view! {
                    <li class="order-item">
                        <span class="pos" aria-hidden="true">{(pos + 1).to_string()}</span>
                        <span class="text">{text.clone()}</span>
                        <span class="moves">
                            <button type="button" id=up_id aria-label=format!("Đưa “{text}” lên")
                                disabled=move || locked.get() || pos == 0
                                on:click=move |_| shift(-1, up_focus.clone())>"↑"</button>
                            <button type="button" id=down_id aria-label=format!("Đưa “{text}” xuống")
                                disabled=move || locked.get() || pos + 1 == n
                                on:click=move |_| shift(1, down_focus.clone())>"↓"</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let prompt_id = format!("{name}-prompt");
    view! {
        <div class="question ordering">
            <p class="prompt" id=prompt_id.clone()>{prompt}</p>
            <p class="hint">"Dùng nút ↑ ↓ để sắp xếp; thứ tự đang hiển thị là câu trả lời."</p>
            <ol class="order-list" aria-labelledby=prompt_id>{list}</ol>
        </div>
    }
}
