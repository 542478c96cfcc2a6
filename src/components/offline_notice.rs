//! The offline indicator: says so when the browser has no network, and that studying goes on.

use crate::platform::connection;
use leptos::prelude::*;

/// "Đang ngoại tuyến…", while the browser reports no network.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let online = RwSignal::new(connection::online());
    connection::watch(move |now| {
        let _ = online.try_set(now);
    });
    view! {
        <p class="offline-notice" role="status" hidden=move || online.get()>
            {ontap_core::home::OFFLINE}
        </p>
    }
}
