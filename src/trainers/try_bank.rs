//! Thử ngân hàng câu hỏi: a trainer opens or drops a bank file from their device; it is checked
//! by the same checker as the shipped banks (against the shipped materials list), every problem
//! is listed with its line, and a usable bank joins the library at once, kept on this device
//! until removed. The file is only read here: nothing is sent anywhere.

use super::TrainerState;
use crate::components::diagnostics::DiagnosticList;
use crate::load::QUESTIONS_DIR;
use crate::platform::files::{PickedFile, chosen_files, clear_chosen, dropped_files};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_core::Bank;
use ontap_core::check::{Checked, Diagnostic, MAX_FILE_BYTES, Problem, Severity};
use ontap_core::local::check_local;
use ontap_core::route::{PracticeSource, Route};
use std::sync::Arc;

const FILE_FIELD: &str = "bank-file";

/// One file's check.
#[derive(Clone)]
struct Tried {
    name: String,
    /// The text as read (undecodable bytes replaced), to show the offending lines.
    text: Arc<str>,
    checked: Checked<Bank>,
}

/// Reads and checks one file; the app is never at risk, whatever the file holds.
async fn try_file(file: PickedFile, state: &TrainerState) -> Tried {
    let name = file.name();
    let whole_file = |problem| Checked { value: None, diagnostics: vec![Diagnostic::whole_file(&name, problem)] };
    let size = file.size();
    if size > MAX_FILE_BYTES {
        let checked = whole_file(Problem::FileTooLarge { bytes: size, limit: MAX_FILE_BYTES });
        return Tried { name, text: Arc::from(""), checked };
    }
    let (text, checked) = match file.bytes().await {
        Ok(bytes) => {
            let checked = check_local(&bytes, &name, &state.report, QUESTIONS_DIR);
            if let Some(bank) = &checked.value {
                // A usable bank is valid UTF-8: its text is stored as it is.
                if let Ok(text) = String::from_utf8(bytes.clone()) {
                    state.add_local(bank.id.as_str(), &name, text, checked.clone());
                }
            }
            (String::from_utf8_lossy(&bytes).into_owned(), checked)
        }
        Err(detail) => (String::new(), whole_file(Problem::Unreadable { detail })),
    };
    Tried { name, text: Arc::from(text), checked }
}

/// Counts as words: "2 lỗi, 1 cảnh báo".
fn counts(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
    format!("{errors} lỗi, {} cảnh báo", diagnostics.len() - errors)
}

/// The page.
#[component]
pub fn TryBankPage() -> impl IntoView {
    let state = expect_context::<TrainerState>();
    let results: RwSignal<Vec<Tried>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let run = {
        let state = state.clone();
        move |files: Vec<PickedFile>| {
            if files.is_empty() {
                return;
            }
            busy.set(true);
            let state = state.clone();
            spawn_local(async move {
                let mut tried = Vec::new();
                for file in files {
                    tried.push(try_file(file, &state).await);
                }
                results.set(tried);
                busy.set(false);
            });
        }
    };
    let on_chosen = {
        let run = run.clone();
        move |_| {
            run(chosen_files(FILE_FIELD));
            clear_chosen(FILE_FIELD);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = dropped_files(&ev);
        if files.is_empty() {
            results.set(Vec::new());
        }
        run(files);
    };
    let notice = state.local_notice;
    // A file dropped beside the zone must not make the browser leave the app to open it.
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let dropped = window_event_listener(leptos::ev::drop, |ev| ev.prevent_default());
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
    view! {
        <h2>"Thử ngân hàng câu hỏi"</h2>
        <p>"Dành cho người soạn câu hỏi: mở một tệp ngân hàng câu hỏi (.json) trên máy để kiểm tra bằng đúng bộ kiểm tra của ứng dụng. "
           "Tệp chỉ được đọc trên máy này, không gửi lên đâu cả. Tệp hợp lệ luyện tập được ngay và được giữ trên máy này cho tới khi gỡ bỏ."</p>
        <div id="drop-zone" class="drop-zone" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label for=FILE_FIELD>"Chọn tệp ngân hàng câu hỏi (.json):"</label>
            <input id=FILE_FIELD type="file" accept=".json,application/json" multiple on:change=on_chosen/>
            <p class="drop-hint" aria-hidden="true">"…hoặc kéo tệp thả vào khung này."</p>
        </div>
        <p class="status" role="status" id="try-status">{move || {
            if busy.get() { "Đang kiểm tra…".to_owned() } else { notice.get().unwrap_or_default() }
        }}</p>
        <div id="try-results">
            {move || results.get().into_iter().map(|t| view! { <TriedView tried=t/> }).collect_view()}
        </div>
    }
}

/// One file's result: usable (with a link to practise it) or its problems.
#[component]
fn TriedView(tried: Tried) -> impl IntoView {
    let Tried { name, text, checked } = tried;
    let summary = counts(&checked.diagnostics);
    let (class, verdict) = match &checked.value {
        Some(bank) => (
            "verdict ok",
            format!(
                "Tệp dùng được: “{}”, {} câu hỏi ({summary}). Đã thêm vào danh sách, có nhãn “Trên máy này”.",
                bank.title,
                bank.questions.len()
            ),
        ),
        None => ("verdict broken", format!("Tệp chưa dùng được: {summary}.")),
    };
    let hint = checked.diagnostics.iter().any(|d| matches!(d.problem, Problem::DuplicateBankId { .. })).then_some(
        "Mã “id” này đã được một ngân hàng có sẵn dùng: hãy đặt mã khác (ví dụ thêm tên đơn vị) rồi thử lại.",
    );
    // The member's app is another page: a plain link.
    let practice =
        checked.value.as_ref().map(|b| format!("./{}", Route::Practice(PracticeSource::Bank(b.id.clone())).to_query()));
    let problems = (!checked.diagnostics.is_empty()).then(|| (name.clone(), checked.diagnostics));
    view! {
        <section class="try-result" data-file=name.clone() aria-label=format!("Kết quả kiểm tra {name}")>
            <p class=class>{verdict}</p>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {practice.map(|href| view! { <p><a href=href class="button primary practice-now">"Luyện tập ngay"</a></p> })}
            {problems.map(|(title, diagnostics)| view! { <DiagnosticList title=title diagnostics=diagnostics text=text/> })}
        </section>
    }
}
