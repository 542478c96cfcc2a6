//! “Gửi kết quả cho người tổ chức”: after an exam opened from a link with a seed (`ma=`), the
//! member types a name (kept on the device for next time) and sends the result code
//! (`ontap_core::result_code`) by the phone's share sheet, the clipboard or a QR code. The code
//! holds the answers, not the score: the organiser's page scores it again.

use crate::app::AppState;
use crate::components::qr_code::QrCode;
use crate::platform::{dom, nav, settings, share};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_core::exam::Exam;
use ontap_core::result_code::{MAX_NAME_CHARS, ResultCode};

/// Whether the page's link names the exam's seed (an exam a trainer sent).
fn from_seeded_link() -> bool {
    nav::current_query().trim_start_matches('?').split('&').any(|pair| pair.starts_with("ma="))
}

/// The code's field: inline, so that the style every page inlines (`style.css`) does not grow.
const CODE_STYLE: &str =
    "display:block;width:100%;box-sizing:border-box;font:1rem ui-monospace,monospace;word-break:break-all";

/// The result code of the submitted `exam`, ready to send.
#[component]
pub fn SendResult(exam: Exam) -> impl IntoView {
    if !from_seeded_link() {
        return ().into_any();
    }
    let library = expect_context::<AppState>().library.get_untracked();
    let name = RwSignal::new(settings::member_name());
    let status = RwSignal::new(String::new());
    let code = Memo::new(move |_| {
        let name = name.get();
        let name = name.trim();
        (!name.is_empty()).then(|| ResultCode::of_exam(&library, &exam, name).encode())
    });
    let on_name = move |ev| {
        let typed = event_target_value(&ev);
        settings::set_member_name(typed.trim());
        name.set(typed);
        status.set(String::new());
    };
    let copy = move |_| {
        let Some(text) = code.get_untracked() else { return };
        spawn_local(async move {
            status.set(match share::copy(&text).await {
                Ok(()) => "Đã sao chép mã. Hãy dán vào tin nhắn gửi người tổ chức.".to_owned(),
                Err(()) => "Không sao chép được: hãy chọn cả mã trong ô trên rồi sao chép.".to_owned(),
            });
        });
    };
    let send = move |_| {
        let Some(text) = code.get_untracked() else { return };
        spawn_local(async move {
            if share::share("Kết quả thi thử", &text).await.is_err() {
                status.set("Chưa gửi được. Có thể sao chép mã hoặc cho người tổ chức quét mã QR.".to_owned());
            }
        });
    };
    view! {
        <section class="send-result" aria-labelledby="send-heading">
            <h2 id="send-heading">"Gửi kết quả cho người tổ chức"</h2>
            <p class="hint">"Mã kết quả chứa họ tên, các câu trả lời và thời gian làm bài; người tổ chức chấm lại từ mã này. Mã không rời máy cho đến khi bạn gửi."</p>
            <div class="fields">
                <label for="result-name">"Họ và tên"</label>
                <input id="result-name" type="text" autocomplete="name" maxlength={MAX_NAME_CHARS.to_string()}
                    prop:value=move || name.get() on:input=on_name/>
            </div>
            {move || match code.get() {
                None => view! { <p class="hint" id="result-code-missing">"Nhập họ tên để tạo mã kết quả."</p> }.into_any(),
                Some(text) => view! {
                    <p>
                        <label for="result-code">"Mã kết quả"</label>
                        <textarea id="result-code" readonly rows="4" spellcheck="false" prop:value=text.clone() style=CODE_STYLE
                            on:focus=|ev| dom::select_text(&ev)></textarea>
                    </p>
                    <p class="actions">
                        {share::can_share().then(|| view! {
                            <button type="button" class="button primary" id="share-result" on:click=send>"Gửi…"</button>
                        })}
                        <button type="button" class="button" id="copy-result" on:click=copy>"Sao chép mã"</button>
                    </p>
                    <QrCode text=text label="Mã QR của kết quả, để người tổ chức quét"/>
                }.into_any(),
            }}
            <p role="status" id="send-status">{move || status.get()}</p>
        </section>
    }
    .into_any()
}
