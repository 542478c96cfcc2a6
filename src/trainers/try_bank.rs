//! Thử ngân hàng câu hỏi: a trainer opens or drops a bank file from their device; it is checked
//! by the same checker as the shipped banks (against the shipped materials list), every problem
//! is listed with its line, and a usable bank joins the library at once, kept on this device
//! until removed. The file is only read here: nothing is sent anywhere.

use super::TrainerState;
use super::drop_zone::{DropZone, each_file};
use crate::components::diagnostics::DiagnosticList;
use crate::load::QUESTIONS_DIR;
use crate::platform::files::PickedFile;
use leptos::prelude::*;
use ontap_core::Bank;
use ontap_core::check::{Checked, Diagnostic, MAX_FILE_BYTES, Problem, Severity};
use ontap_core::local::{LocalFile, check_local};
use ontap_core::route::{PracticeSource, Route};
use std::sync::Arc;

const FILE_FIELD: &str = "bank-file";

/// One file's check.
#[derive(Clone)]
pub struct Tried {
    name: String,
    /// The text as read (undecodable bytes replaced), to show the offending lines.
    text: Arc<str>,
    checked: Checked<Bank>,
}

/// Reads and checks one file; the app is never at risk, whatever the file holds.
async fn try_file(file: PickedFile, state: &TrainerState) -> Tried {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        return try_bytes(name, Err(too_large(file.size())), state, None).0;
    }
    match file.bytes().await {
        Ok(bytes) => try_bytes(name, Ok(&bytes), state, None).0,
        Err(detail) => try_bytes(name, Err(Problem::Unreadable { detail }), state, None).0,
    }
}

/// A file over the checker's limit.
pub(super) fn too_large(bytes: usize) -> Problem {
    Problem::FileTooLarge { bytes, limit: MAX_FILE_BYTES }
}

/// Checks the file `name`'s bytes (or why they could not be read). A usable bank is kept on
/// this device in place of what the same file's `earlier` check kept; returns the check and
/// what the file now keeps there (`earlier` when nothing new was kept).
pub(super) fn try_bytes(
    name: String,
    bytes: Result<&[u8], Problem>,
    state: &TrainerState,
    earlier: Option<&LocalFile>,
) -> (Tried, Option<LocalFile>) {
    let whole_file = |problem| Checked { value: None, diagnostics: vec![Diagnostic::whole_file(&name, problem)] };
    let bytes = bytes.and_then(|b| if b.len() > MAX_FILE_BYTES { Err(too_large(b.len())) } else { Ok(b) });
    let mut kept = earlier.cloned();
    let (text, checked) = match bytes {
        Ok(bytes) => {
            let checked = check_local(bytes, &name, &state.report, QUESTIONS_DIR);
            if let Some(bank) = &checked.value {
                // A usable bank is valid UTF-8: its text is stored as it is.
                if let Ok(text) = String::from_utf8(bytes.to_vec()) {
                    kept = Some(state.keep_local(earlier, bank.id.as_str(), &name, text, checked.clone()));
                }
            }
            (String::from_utf8_lossy(bytes).into_owned(), checked)
        }
        Err(problem) => (String::new(), whole_file(problem)),
    };
    (Tried { name, text: Arc::from(text), checked }, kept)
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
    let run = {
        let state = state.clone();
        each_file(results, busy, move |file| {
            let state = state.clone();
            async move { try_file(file, &state).await }
        })
    };
    let notice = state.local_notice;
    view! {
        <h2>"Thử ngân hàng câu hỏi"</h2>
        <p>"Dành cho người soạn câu hỏi: mở một tệp ngân hàng câu hỏi (.json) trên máy để kiểm tra bằng đúng bộ kiểm tra của ứng dụng. "
           "Tệp chỉ được đọc trên máy này, không gửi lên đâu cả. Tệp hợp lệ luyện tập được ngay và được giữ trên máy này cho tới khi gỡ bỏ."</p>
        <DropZone zone="drop-zone" field=FILE_FIELD label="Chọn tệp ngân hàng câu hỏi (.json):" accept=".json,application/json" on_files=run/>
        <p class="status" role="status" id="try-status">{move || {
            if busy.get() { "Đang kiểm tra…".to_owned() } else { notice.get().unwrap_or_default() }
        }}</p>
        <div id="try-results">
            {move || results.get().into_iter().map(|t| view! { <TriedView tried=t/> }).collect_view()}
        </div>
    }
}

/// The hint for a bank whose id a shipped bank already has.
pub(super) fn duplicate_id_hint(diagnostics: &[Diagnostic]) -> Option<&'static str> {
    diagnostics.iter().any(|d| matches!(d.problem, Problem::DuplicateBankId { .. })).then_some(
        "Mã “id” này đã được một ngân hàng có sẵn dùng: hãy đặt mã khác (ví dụ thêm tên đơn vị) rồi thử lại.",
    )
}

/// The member's app's practice link for a usable bank (another page: a plain link).
pub(super) fn practice_link(bank: &Bank) -> String {
    format!("./{}", Route::Practice(PracticeSource::Bank(bank.id.clone())).to_query())
}

/// One file's result: usable (with a link to practise it) or its problems.
#[component]
pub(super) fn TriedView(tried: Tried) -> impl IntoView {
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
    let hint = duplicate_id_hint(&checked.diagnostics);
    let practice = checked.value.as_ref().map(practice_link);
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
