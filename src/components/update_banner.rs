//! "Đã có phiên bản mới — Tải lại": shown when a new version of the app is installed and
//! waiting, never while an exam is running; applied only on the member's click.

use crate::platform::service_worker;
use leptos::prelude::*;

/// The banner. `ready`: a new version waits; `exam_running`: an exam is in progress (the
/// banner stays hidden until it is submitted).
#[component]
pub fn UpdateBanner(ready: RwSignal<bool>, exam_running: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="update-banner" role="status" hidden=move || !ready.get() || exam_running.get()>
            <p>
                {ontap_core::home::UPDATE_READY}
                <button type="button" class="button primary" id="apply-update"
                    on:click=|_| service_worker::apply_update()>{ontap_core::home::UPDATE_APPLY}</button>
            </p>
        </div>
    }
}
