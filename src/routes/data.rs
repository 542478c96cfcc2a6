//! The member's data (Dữ liệu của bạn): back up all progress to a file, restore from one
//! (shown first, merged without duplicates), and every text kept aside because it could not be
//! read: listed, downloadable, and deletable once downloaded.

use crate::app::AppState;
use crate::platform::clock::now_ms;
use crate::platform::dom::confirm;
use crate::platform::files::{download, read_chosen};
use crate::platform::storage::LocalStore;
use crate::save::ProgressWriter;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_core::kept_aside::{self, KeptItem, Kind};
use ontap_core::present::iso_day;
use ontap_core::progress::codec::{ImportPreview, encode, preview_import};
use ontap_core::progress::store::Store;

/// Backup and restore.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let progress = state.progress;
    let message = RwSignal::new(String::new());
    let preview: RwSignal<Option<ImportPreview>> = RwSignal::new(None);

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
        <KeptAside writer=state.writer.clone() may_save=may_save/>
        <p class="status" role="status" id="data-message">{move || message.get()}</p>
    }
}

/// The texts kept aside: what each was, its size and when, a download, and once downloaded a
/// delete (after the browser's own confirmation).
#[component]
fn KeptAside(writer: ProgressWriter, may_save: bool) -> impl IntoView {
    let items: RwSignal<Vec<KeptItem>> = RwSignal::new(kept_aside::list(&LocalStore).unwrap_or_default());
    let downloaded: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let writer = StoredValue::new(writer);
    move || {
        let list = items.get();
        (!list.is_empty()).then(|| view! {
            <section aria-labelledby="kept-heading">
                <h3 id="kept-heading">"Dữ liệu cũ không đọc được"</h3>
                <p>"Dữ liệu này được giữ nguyên, không bị ghi đè. Có thể tải về để gửi cho người hỗ trợ; sau khi tải về thì có thể xoá để giải phóng bộ nhớ."</p>
                <ul class="kept-list">
                    {list.into_iter().map(|item| {
                        let key = item.key.clone();
                        let (get_key, del_key) = (key.clone(), key.clone());
                        let was_downloaded = move || downloaded.with(|d| d.contains(&key));
                        view! {
                            <li class="kept-item" data-key=item.key.clone()>
                                <span>{item.describe()}</span>" "
                                <button type="button" class="button download-kept" on:click=move |_| {
                                    if let Ok(Some(text)) = LocalStore.read(&get_key)
                                        && download(&format!("{}.json", get_key.replace('.', "-")), &text).is_ok() {
                                            downloaded.update(|d| d.push(get_key.clone()));
                                        }
                                }>"Tải về"</button>
                                {move || was_downloaded().then(|| {
                                    let key = del_key.clone();
                                    view! {
                                        <button type="button" class="button remove delete-kept" on:click=move |_| {
                                            if confirm("Xoá dữ liệu cũ này khỏi trình duyệt? Hãy chắc chắn đã tải về.")
                                                && kept_aside::remove(&mut LocalStore, &key).unwrap_or(false)
                                            {
                                                // An original left in place held answers that are now only in memory.
                                                if item.in_place && item.kind == Kind::Progress && may_save {
                                                    writer.with_value(ProgressWriter::write_now);
                                                }
                                                items.set(kept_aside::list(&LocalStore).unwrap_or_default());
                                            }
                                        }>"Xoá"</button>
                                    }
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}
