//! Opening a bank to edit: a draft kept on this device, a shipped bank, a bank kept on this
//! device, a `.json` file, or a new bank. Opening a bank that has a draft opens the draft, so
//! no work is ever lost by opening the same bank again.

use crate::platform::dom::confirm;
use crate::platform::files::{self, download};
use crate::platform::storage::LocalStore;
use crate::trainers::TrainerState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_core::check::{Lang, References};
use ontap_core::edit::draft::{self, StoredDraft};
use ontap_core::edit::{new_bank, read_bank};
use ontap_core::model::Bank;

const JSON_FILE: &str = "editor-file";

/// A bank chosen to edit; the section starts the session (its signals belong to the section,
/// not to the opener, which is gone once the bank is open).
pub struct Opened {
    /// The bank.
    pub bank: Bank,
    /// Whether it is saved as it is.
    pub saved: bool,
    /// Its draft's slot.
    pub slot: String,
    /// Where it came from.
    pub origin: String,
    /// What to tell the trainer.
    pub status: String,
}

/// `bank` to edit under `slot`, or the draft stored there.
pub fn open(bank: Bank, saved: bool, slot: &str, origin: &str) -> Opened {
    match draft::read(&LocalStore, slot) {
        Ok(Some(d)) => Opened {
            bank: d.bank,
            saved: d.saved,
            slot: slot.to_owned(),
            origin: d.origin,
            status: "Đã mở bản nháp lưu trên máy này (thay đổi trước đây vẫn còn).".into(),
        },
        _ => Opened { bank, saved, slot: slot.to_owned(), origin: origin.to_owned(), status: String::new() },
    }
}

/// The ways to open a bank; `on_open` receives the session.
#[component]
pub fn Opener(on_open: Callback<Opened>) -> impl IntoView {
    let state = expect_context::<TrainerState>();
    let message = RwSignal::new(String::new());
    let drafts = RwSignal::new(draft::list(&LocalStore).unwrap_or_default());
    let shipped: Vec<Bank> = state.report.banks.iter().filter_map(|b| b.bank.clone()).collect();
    let local: Vec<Bank> = state.local.get_untracked().into_iter().filter_map(|b| b.checked.value).collect();
    // Read when "Mở" is pressed: a keyboard change of a closed select may not send `change` yet.
    let shipped_pick = NodeRef::<leptos::html::Select>::new();
    let local_pick = NodeRef::<leptos::html::Select>::new();
    let (new_id, new_title, new_description) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let open_from = move |banks: &[Bank], id: String, origin: &str| {
        if let Some(bank) = banks.iter().find(|b| b.id.as_str() == id) {
            on_open.run(open(bank.clone(), true, &id, &format!("{origin} “{}”", bank.title)));
        }
    };
    let open_shipped = {
        let shipped = shipped.clone();
        move |_| open_from(&shipped, shipped_pick.get().map(|s| s.value()).unwrap_or_default(), "Ngân hàng có sẵn")
    };
    let open_local = {
        let local = local.clone();
        move |_| open_from(&local, local_pick.get().map(|s| s.value()).unwrap_or_default(), "Ngân hàng trên máy này")
    };
    let open_file = {
        let state = state.clone();
        move |_| {
            let state = state.clone();
            let Some(file) = files::chosen_files(JSON_FILE).into_iter().next() else { return };
            spawn_local(async move {
                let name = file.name();
                let refs = References { materials: state.report.materials.as_ref(), texts: None };
                match file.bytes().await.map(|b| read_bank(&b, &name, &refs)) {
                    Ok(Ok(bank)) => {
                        let slot = bank.id.to_string();
                        on_open.run(open(bank, true, &slot, &format!("Tệp {name}")));
                    }
                    Ok(Err(diagnostics)) => {
                        let first: Vec<String> = diagnostics.iter().take(3).map(|d| d.message(Lang::Vi)).collect();
                        message.set(format!("Không mở được {name}: {}", first.join(" ")));
                    }
                    Err(e) => message.set(format!("Không đọc được {name}: {e}")),
                }
                files::clear_chosen(JSON_FILE);
            });
        }
    };
    let create = {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let bank = new_bank(&new_id.get_untracked(), &new_title.get_untracked(), &new_description.get_untracked());
            let slot = bank.id.to_string();
            if slot.is_empty() {
                message.set("Hãy đặt mã (id) cho ngân hàng mới, ví dụ “nq57-chi-bo-a”.".into());
                return;
            }
            on_open.run(open(bank, false, &slot, "Ngân hàng mới"));
        }
    };
    let resume = move |slot: String| {
        if let Ok(Some(d)) = draft::read(&LocalStore, &slot) {
            on_open.run(Opened { bank: d.bank, saved: d.saved, slot, origin: d.origin, status: String::new() });
        }
    };
    let draft_items = move || {
        drafts.get().into_iter().map(|StoredDraft { slot, draft, text }| {
            let remove = {
                let slot = slot.clone();
                move |_| {
                    if confirm(&format!("Xoá bản nháp “{slot}”? Thay đổi chưa tải xuống sẽ mất.")) {
                        let _ = draft::remove(&mut LocalStore, &slot);
                        drafts.set(draft::list(&LocalStore).unwrap_or_default());
                    }
                }
            };
            let body = match draft {
                Ok(d) => {
                    let s = slot.clone();
                    let state_word = if d.saved { "đã lưu" } else { "có thay đổi chưa lưu" };
                    view! {
                        <button type="button" class="primary" on:click=move |_| resume(s.clone())>
                            {format!("Tiếp tục: {} ({} câu hỏi, {state_word})", d.bank.title, d.bank.questions.len())}
                        </button>
                        <span class="origin">{d.origin}</span>
                    }.into_any()
                }
                Err(problem) => {
                    let name = format!("ban-nhap-{slot}.json");
                    view! {
                        <span class="error">{problem.message(&slot)}</span>
                        <button type="button" on:click=move |_| { let _ = download(&name, &text); }>"Tải bản nháp hỏng xuống"</button>
                    }.into_any()
                }
            };
            view! { <li class="draft">{body}<button type="button" class="small" on:click=remove>"Xoá bản nháp"<span class="sr-only">{format!(" {slot}")}</span></button></li> }
        }).collect_view()
    };
    view! {
        <section class="opener" aria-labelledby="open-heading">
            <h2 id="open-heading">"Soạn câu hỏi"</h2>
            <p>"Soạn và sửa câu hỏi ngay trên trình duyệt, không cần mạng. Mọi thay đổi được giữ trên máy này thành bản nháp ngay khi gõ."</p>
            {move || (!drafts.with(Vec::is_empty)).then(|| view! {
                <h3>"Bản nháp trên máy này"</h3>
                <ul class="drafts">{draft_items}</ul>
            })}
            <h3>"Mở ngân hàng"</h3>
            <div class="field row">
                <label for="open-shipped">"Ngân hàng có sẵn"</label>
                <select id="open-shipped" node_ref=shipped_pick>
                    <option value="">"(chọn)"</option>
                    {shipped.iter().map(|b| view! { <option value=b.id.to_string()>{b.title.clone()}</option> }).collect_view()}
                </select>
                <button type="button" id="open-shipped-button" on:click=open_shipped>"Mở"</button>
            </div>
            {(!local.is_empty()).then(|| view! {
                <div class="field row">
                    <label for="open-local">"Ngân hàng trên máy này"</label>
                    <select id="open-local" node_ref=local_pick>
                        <option value="">"(chọn)"</option>
                        {local.iter().map(|b| view! { <option value=b.id.to_string()>{b.title.clone()}</option> }).collect_view()}
                    </select>
                    <button type="button" on:click=open_local>"Mở"</button>
                </div>
            })}
            <div class="field">
                <label for=JSON_FILE>"Tệp ngân hàng (.json) trên máy"</label>
                <input id=JSON_FILE type="file" accept=".json,application/json" on:change=open_file/>
            </div>
            <h3>"Tạo ngân hàng mới"</h3>
            <form class="new-bank" on:submit=create>
                <div class="field"><label for="new-id">"Mã ngân hàng (id: chữ thường không dấu, số, gạch nối)"</label>
                    <input id="new-id" type="text" required prop:value=new_id on:input=move |ev| new_id.set(event_target_value(&ev))/></div>
                <div class="field"><label for="new-title">"Tiêu đề"</label>
                    <input id="new-title" type="text" prop:value=new_title on:input=move |ev| new_title.set(event_target_value(&ev))/></div>
                <div class="field"><label for="new-description">"Mô tả"</label>
                    <textarea id="new-description" rows="2" prop:value=new_description on:input=move |ev| new_description.set(event_target_value(&ev))></textarea></div>
                <button type="submit" id="create-bank">"Tạo ngân hàng mới"</button>
            </form>
            <p class="status" role="status" id="open-status">{move || message.get()}</p>
        </section>
    }
}
