//! “Tổng hợp kết quả” (`soan.html?muc=ket-qua`): the organiser pastes any text holding result
//! codes (a whole chat history) or scans members' QR codes with the camera (`scan.rs`); the
//! codes are kept on this device (one key, until deleted), scored again against today's banks
//! (`ontap_core::group`), and shown as a sortable table, the codes set aside with their reasons,
//! and the item analysis. CSV download and print.

mod items;
mod scan;
mod table;

use super::TrainerState;
use crate::platform::clock::utc_offset_minutes;
use crate::platform::dom::{self, confirm};
use crate::platform::files::download;
use crate::platform::storage::LocalStore;
use items::ItemAnalysis;
use leptos::prelude::*;
use ontap_core::group::{GroupResults, RESULTS_KEY, SetAside, add_codes, collect, describe, kept_codes};
use ontap_core::local;
use ontap_core::progress::store::Store;
use ontap_core::result_code::{ResultCode, find_codes};
use scan::Scanner;
use std::sync::Arc;
use table::MembersTable;

/// Stores `codes` (removing the key when there are none); the error says why it failed.
fn save(codes: &[String]) -> Result<(), String> {
    let stored = if codes.is_empty() {
        LocalStore.remove(RESULTS_KEY)
    } else {
        LocalStore.write(RESULTS_KEY, &codes.join("\n"))
    };
    stored.map_err(|_| {
        "Không lưu được trên máy này (bộ nhớ trình duyệt bị tắt hoặc đã đầy): kết quả chỉ còn đến khi đóng trang."
            .to_owned()
    })
}

/// The results section.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<TrainerState>();
    let library = Arc::new(state.local.with_untracked(|local| local::library(&state.report, local)));
    let codes = RwSignal::new(LocalStore.read(RESULTS_KEY).ok().flatten().map(|s| kept_codes(&s)).unwrap_or_default());
    let status = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let lib = library.clone();
    let group = Memo::new(move |_| codes.with(|c| collect(&lib, c)));
    let set_codes = move |next: Vec<String>, message: String| {
        let saved = save(&next);
        codes.set(next);
        status.set(match saved {
            Ok(()) => message,
            Err(e) => format!("{message} {e}"),
        });
    };
    let add = move |_| {
        let text = pasted.get_untracked();
        let (next, found) = codes.with_untracked(|c| add_codes(c, &text));
        let added = next.len() - codes.with_untracked(Vec::len);
        if found == 0 {
            status.set("Không tìm thấy mã kết quả nào (mã bắt đầu bằng ONTAP1-) trong đoạn đã dán.".to_owned());
            return;
        }
        pasted.set(String::new());
        set_codes(next, format!("Tìm thấy {found} mã, thêm {added} mã mới (mã trùng được gộp)."));
    };
    let scanned = Callback::new(move |text: String| {
        let Some(first) = find_codes(&text).first().map(|c| (*c).to_owned()) else {
            status.set("Mã QR này không phải mã kết quả của Ôn tập Nghị quyết.".to_owned());
            return;
        };
        let who = ResultCode::decode(&first).map_or_else(|_| "một học viên".to_owned(), |c| c.name);
        let (next, _) = codes.with_untracked(|c| add_codes(c, &text));
        if next.len() == codes.with_untracked(Vec::len) {
            status.set(format!("Mã của {who} đã có trong bảng."));
        } else {
            set_codes(next, format!("Đã quét mã của {who}."));
        }
    });
    let remove = Callback::new(move |code: String| {
        let next: Vec<String> =
            codes.with_untracked(|c| c.iter().filter(|k| !k.eq_ignore_ascii_case(&code)).cloned().collect());
        set_codes(next, "Đã xoá một mã.".to_owned());
    });
    let clear = move |_| {
        if confirm("Xoá mọi mã kết quả đã lưu trên máy này?") {
            set_codes(Vec::new(), "Đã xoá mọi mã kết quả.".to_owned());
        }
    };
    let csv = move |_| {
        let text = group.with_untracked(|g| g.csv(utc_offset_minutes()));
        if download("ket-qua-thi.csv", &text).is_err() {
            status.set("Không tải được tệp CSV.".to_owned());
        }
    };
    let lib = library.clone();
    view! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">"Tổng hợp kết quả"</h2>
            <div class="no-print">
                <p class="hint">"Dán tin nhắn chứa mã kết quả học viên gửi (có thể dán cả đoạn hội thoại: mã được tìm trong đó), hoặc quét mã QR trên máy của học viên. Điểm được chấm lại từ câu trả lời và ngân hàng câu hỏi trên máy này; mọi thứ chỉ lưu trên máy này."</p>
                <p>
                    <label for="results-paste">"Dán mã kết quả"</label>
                    <textarea id="results-paste" rows="5" prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </p>
                <p class="actions">
                    <button type="button" class="button primary" id="results-add" on:click=add>"Thêm các mã"</button>
                </p>
                <Scanner on_text=scanned/>
            </div>
            <p role="status" id="results-status">{move || status.get()}</p>
            {move || group.with(|g| summary(g, &lib))}
            {move || group.with(|g| (!g.members.is_empty() || !g.set_aside.is_empty()).then(|| view! {
                <p class="actions no-print">
                    <button type="button" class="button" id="results-csv" on:click=csv>"Tải CSV (Excel)"</button>
                    <button type="button" class="button" id="results-print" on:click=|_| dom::print()>"In"</button>
                    <button type="button" class="button" id="results-clear" on:click=clear>"Xoá tất cả"</button>
                </p>
            }))}
            <MembersTable group=group remove=remove/>
            {move || group.with(|g| set_aside_list(&g.set_aside, remove))}
            <ItemAnalysis group=group library=library.clone()/>
        </section>
    }
}

/// The exam and the averages.
fn summary(group: &GroupResults, library: &ontap_core::library::Library) -> Option<impl IntoView + use<>> {
    let spec = group.spec.as_ref()?;
    let n = group.members.len();
    let averages = (n > 0).then(|| {
        format!(
            "{n} người · điểm trung bình {}/10 · đạt {}/{n} · thời gian trung bình {}",
            ontap_core::present::decimal(group.mean_out_of_10(), 2),
            group.passed(),
            ontap_core::group::minutes_seconds(group.mean_taken_ms())
        )
    });
    Some(view! {
        <p id="results-exam"><strong>{describe(spec, library)}</strong></p>
        {averages.map(|a| view! { <p id="results-averages">{a}</p> })}
        {(group.merged > 0).then(|| view! { <p class="hint">{format!("{} mã trùng đã được gộp.", group.merged)}</p> })}
    })
}

/// The codes that do not count, each with why and a button to delete it.
fn set_aside_list(list: &[SetAside], remove: Callback<String>) -> impl IntoView + use<> {
    (!list.is_empty()).then(|| {
        let items = list
            .iter()
            .map(|s| {
                let code = s.code.clone();
                let who = s.name.clone().map_or_else(|| "Mã không đọc được".to_owned(), |n| format!("Mã của {n}"));
                let short: String = s.code.chars().take(24).collect();
                view! {
                    <li class="set-aside">
                        <strong>{who}</strong>" ("<code>{format!("{short}…")}</code>"): "{s.reason.message()}
                        " "<button type="button" class="button no-print" on:click=move |_| remove.run(code.clone())>
                            "Xoá"<span class="sr-only">" mã này"</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3 id="set-aside-heading">"Mã không được tính"</h3>
            <ul id="set-aside" aria-labelledby="set-aside-heading">{items}</ul>
        }
    })
}
