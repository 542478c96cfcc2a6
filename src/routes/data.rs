//! The member's data (Dữ liệu của bạn): back up all progress to a file, restore from one
//! (shown first, merged without duplicates), and download data that could not be read.

use crate::app::AppState;
use crate::platform::clock::now_ms;
use crate::platform::files::{download, read_chosen};
use crate::save::ProgressWriter;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_core::present::iso_day;
use ontap_core::progress::codec::{ImportPreview, encode, preview_import};

/// Backup and restore.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let progress = state.progress;
    let message = RwSignal::new(String::new());
    let preview: RwSignal<Option<ImportPreview>> = RwSignal::new(None);
    let unreadable = state.unreadable.clone();

    let backup = move |_| {
        let day = iso_day(now_ms() as i64);
        let text = progress.with_untracked(encode);
        match download(&format!("on-tap-nghi-quyet-{day}.json"), &text) {
            Ok(()) => message
                .set(format!("Đã tạo tệp sao lưu ({} câu trả lời).", progress.with_untracked(|p| p.answers.len()))),
            Err(e) => message.set(format!("Không tạo được tệp: {e}")),
        }
    };
    let chosen = move |_| {
        spawn_local(async move {
            match read_chosen("restore-file").await {
                Ok(text) => match progress.with_untracked(|p| preview_import(p, &text)) {
                    Ok(p) => {
                        message.set(String::new());
                        preview.set(Some(p));
                    }
                    Err(problem) => {
                        preview.set(None);
                        message.set(format!("Không khôi phục được: {}", problem.message()));
                    }
                },
                Err(e) => message.set(e),
            }
        });
    };
    let may_save = state.may_save;
    let writer = StoredValue::new(state.writer.clone());
    let restore = move |_| {
        let Some(p) = preview.get_untracked() else { return };
        let mut added = 0;
        progress.update(|current| added = current.merge(&p.progress));
        if may_save {
            writer.with_value(ProgressWriter::write_now);
        }
        preview.set(None);
        message.set(format!("Đã khôi phục: thêm {added} câu trả lời."));
    };
    view! {
        <h2 class="page-title">"Dữ liệu của bạn"</h2>
        <p>"Tiến độ học chỉ lưu trong trình duyệt này. Hãy sao lưu để chuyển sang máy khác hoặc phòng khi trình duyệt xoá dữ liệu."</p>
        <p class="summary" id="answer-count">{move || format!("Đã lưu {} câu trả lời.", progress.with(|p| p.answers.len()))}</p>
        <section aria-labelledby="backup-heading">
            <h3 id="backup-heading">"Sao lưu"</h3>
            <button type="button" class="button primary" id="backup" on:click=backup>"Sao lưu (tải tệp về máy)"</button>
        </section>
        <section aria-labelledby="restore-heading">
            <h3 id="restore-heading">"Khôi phục"</h3>
            <label for="restore-file">"Chọn tệp sao lưu (.json):"</label>
            <input id="restore-file" type="file" accept=".json,application/json" on:change=chosen/>
            {move || preview.get().map(|p| view! {
                <div class="summary-card" id="restore-preview">
                    <p>{format!("Tệp có {} câu trả lời; sẽ thêm {} câu mới (câu đã có không bị nhân đôi).", p.in_file, p.new_answers)}</p>
                    {(p.skipped > 0).then(|| view! { <p>{format!("{} bản ghi hỏng sẽ bị bỏ qua.", p.skipped)}</p> })}
                    <button type="button" class="button primary" id="restore" on:click=restore>"Khôi phục"</button>
                    <button type="button" class="button" on:click=move |_| preview.set(None)>"Huỷ"</button>
                </div>
            })}
        </section>
        {unreadable.map(|raw| view! {
            <section aria-labelledby="kept-heading">
                <h3 id="kept-heading">"Dữ liệu cũ không đọc được"</h3>
                <p>"Dữ liệu này được giữ nguyên. Có thể tải về để gửi cho người hỗ trợ."</p>
                <button type="button" class="button" id="download-unreadable"
                    on:click=move |_| { let _ = download("du-lieu-khong-doc-duoc.json", &raw); }>"Tải dữ liệu cũ về"</button>
            </section>
        })}
        <p class="status" role="status" id="data-message">{move || message.get()}</p>
    }
}
