//! "Gỡ bỏ" for a bank tried on this device, asking first (inline, so keyboard and screen-reader
//! users meet the question where they pressed the button).

use crate::app::AppState;
use crate::platform::dom::focus_later;
use leptos::prelude::*;

/// The remove button of local bank `id`.
#[component]
pub fn RemoveLocal(
    /// The bank's id.
    id: String,
    /// Its title, for the question and for screen readers.
    title: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let asking = RwSignal::new(false);
    let confirm_id = format!("remove-yes-{id}");
    let focus_id = confirm_id.clone();
    let ask = move |_| {
        asking.set(true);
        focus_later(focus_id.clone());
    };
    view! {
        <span class="remove-local">
            {move || {
                let (id, title, confirm_id, state) = (id.clone(), title.clone(), confirm_id.clone(), state.clone());
                if asking.get() {
                    view! {
                        <span class="confirm" role="group" aria-label="Xác nhận gỡ bỏ">
                            {format!("Gỡ “{title}” khỏi máy này? Câu trả lời đã lưu vẫn giữ. ")}
                            <button type="button" class="button danger remove-yes" id=confirm_id
                                on:click=move |_| state.remove_local(&id)>"Gỡ bỏ"</button>
                            <button type="button" class="button remove-no" on:click=move |_| asking.set(false)>"Huỷ"</button>
                        </span>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="button remove" on:click=ask.clone()>
                            "Gỡ bỏ"<span class="sr-only">{format!(": {title}")}</span>
                        </button>
                    }
                    .into_any()
                }
            }}
        </span>
    }
}
