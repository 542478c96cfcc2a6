//! Saving: download the bank in the canonical layout (byte-identical to `ontap fmt`), and/or
//! keep it on this device as a local bank to practise at once. A bank with errors can be
//! downloaded (its draft stays on the device) but is not offered to members.

use super::session::Session;
use crate::load::QUESTIONS_DIR;
use crate::platform::files::download;
use crate::trainers::TrainerState;
use leptos::prelude::*;
use ontap_core::check::Lang;
use ontap_core::local::check_local;
use ontap_core::route::{PracticeSource, Route};

/// The save buttons and what they did.
#[component]
pub fn SaveBar() -> impl IntoView {
    let session = expect_context::<Session>();
    let state = expect_context::<TrainerState>();
    let message = RwSignal::new(String::new());
    let practice = RwSignal::new(None::<String>);
    let file_name = move || session.editing.with(|e| format!("{}.json", e.bank().id));
    let on_download = move |_| {
        let text = session.editing.with_untracked(|e| e.text());
        match download(&file_name(), &text) {
            Ok(()) => {
                session.mark_saved();
                let errors = session.check.with_untracked(|c| c.counts().0);
                message.set(if errors == 0 {
                    format!("Đã tải xuống {}.", file_name())
                } else {
                    format!("Đã tải xuống {} (bản nháp: còn {errors} lỗi, chưa dùng được cho học viên).", file_name())
                });
            }
            Err(e) => message.set(format!("Không tải xuống được: {e}")),
        }
    };
    let on_keep = move |_| {
        practice.set(None);
        let (text, id) = session.editing.with_untracked(|e| (e.text(), e.bank().id.to_string()));
        let name = file_name();
        let checked = check_local(text.as_bytes(), &name, &state.report, QUESTIONS_DIR);
        if checked.value.is_some() {
            state.add_local(&id, &name, text, checked);
            session.mark_saved();
            practice
                .set(Some(format!("./{}", Route::Practice(PracticeSource::Bank(ontap_core::BankId(id))).to_query())));
            message.set("Đã giữ ngân hàng trên máy này: học viên trên máy này luyện tập được ngay.".into());
        } else {
            let first = checked.diagnostics.iter().find(|d| d.severity() == ontap_core::check::Severity::Error);
            message.set(format!(
                "Chưa thể giữ cho học viên: ngân hàng còn lỗi{}. Bản nháp vẫn được lưu trên máy; bạn có thể tải xuống.",
                first.map(|d| format!(" (ví dụ: {})", d.message(Lang::Vi))).unwrap_or_default()
            ));
        }
    };
    let summary = move || {
        let (errors, warnings) = session.check.with(|c| c.counts());
        let unsaved = session.editing.with(|e| e.unsaved());
        let saved = if unsaved {
            "Có thay đổi chưa lưu (bản nháp đã được giữ trên máy)."
        } else {
            "Đã lưu."
        };
        format!("{errors} lỗi, {warnings} cảnh báo. {saved}")
    };
    view! {
        <section class="save-bar" aria-labelledby="save-heading">
            <h3 id="save-heading">"Lưu"</h3>
            <p id="save-summary">{summary}</p>
            <p class="row">
                <button type="button" id="download-bank" class="primary" on:click=on_download>"Tải xuống (.json)"</button>
                <button type="button" id="keep-bank" on:click=on_keep>"Giữ trên máy này để luyện tập"</button>
            </p>
            <p class="status" role="status" id="save-status">{move || message.get()}</p>
            {move || practice.get().map(|href| view! { <p><a class="button" href=href>"Luyện tập ngay"</a></p> })}
        </section>
    }
}
