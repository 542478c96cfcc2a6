//! "Gỡ bỏ" for a bank tried on this device, after the browser's own confirmation dialog.

use crate::app::AppState;
use crate::platform::dom::confirm;
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
    let question = format!("Gỡ “{title}” khỏi máy này? Câu trả lời đã lưu vẫn được giữ.");
    view! {
        <button type="button" class="button remove" on:click=move |_| {
            if confirm(&question) {
                state.remove_local(&id);
            }
        }>"Gỡ bỏ"<span class="sr-only">{format!(": {title}")}</span></button>
    }
}
