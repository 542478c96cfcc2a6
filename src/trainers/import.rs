//! Nhập từ Word, Excel…: a trainer chooses or drops the question files they already have
//! (.docx, .xlsx, .txt, .csv, .gift); they are read by the same importer and checked by the same
//! checker as `ontap import` (`ontap_import::convert`'s two halves), the notes, the to-do list and the other
//! problems are shown, the bank can be downloaded as JSON in the canonical layout, and a bank that
//! passes the check is kept on this device and practised at once. A `.json` file is already a
//! bank: it is checked as in "Kiểm tra ngân hàng". Nothing is sent anywhere.

use super::TrainerState;
use super::drop_zone::{DropZone, each_file};
use super::try_bank::{Tried, TriedView, duplicate_id_hint, practice_link, try_file};
use crate::components::diagnostics::DiagnosticList;
use crate::load::QUESTIONS_DIR;
use crate::platform::files::{PickedFile, download};
use crate::platform::{later, timing};
use leptos::prelude::*;
use ontap_core::check::Lang;
use ontap_core::local::check_local;
use ontap_core::locate::{excerpt, line_text};
use ontap_import::{Converted, Fatal, Format, FormatChoice, Note, Options, Todo, bank_id_for, import_file, slug};
use std::sync::Arc;

const FILE_FIELD: &str = "import-file";
/// Lines of the trainer's file shown under a note are cut to this width.
const LINE_WIDTH: usize = 80;
/// Files larger than this are not read at all (an Office file unpacks to at most as much).
const MAX_FILE_BYTES: usize = ontap_import::office::MAX_UNPACKED as usize;

/// The trainer's choices, read when a file is imported.
#[derive(Clone, Copy)]
struct Choices {
    format: RwSignal<String>,
    id: RwSignal<String>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    material: RwSignal<String>,
}

impl Choices {
    fn new() -> Choices {
        Choices {
            format: RwSignal::new(String::new()),
            id: RwSignal::new(String::new()),
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            material: RwSignal::new(String::new()),
        }
    }

    /// The format forced, if any.
    fn format(&self) -> Option<Format> {
        Format::from_name(&self.format.get_untracked())
    }

    /// The importer's options for the file `name` (as `ontap import` takes them from its flags).
    fn options(&self, name: &str) -> Options {
        let given = |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|t| !t.is_empty());
        Options {
            bank_id: given(self.id).map(|id| slug(&id)).unwrap_or_else(|| bank_id_for(name)),
            title: given(self.title),
            description: given(self.description),
            material: given(self.material),
            format_choice: FormatChoice::List,
        }
    }
}

/// One file's import.
#[derive(Clone)]
enum Outcome {
    /// A bank file: checked as it is.
    Bank(Tried),
    /// Read and checked; `added` when it passed and joined the banks on this device.
    Imported { name: String, converted: Arc<Converted>, added: bool },
    /// Not read at all: why, and what to do.
    Refused { name: String, message: String },
}

/// Reads, imports and checks one file; the page is never at risk, whatever the file holds.
async fn import_one(file: PickedFile, choices: Choices, state: &TrainerState) -> Outcome {
    let name = file.name();
    if name.to_lowercase().ends_with(".json") && choices.format().is_none() {
        return Outcome::Bank(try_file(file, state).await);
    }
    if file.size() > MAX_FILE_BYTES {
        return refused(name, Fatal::TooLarge { bytes: file.size(), limit: MAX_FILE_BYTES });
    }
    let bytes = match file.bytes().await {
        Ok(bytes) => bytes,
        Err(detail) => {
            return Outcome::Refused { name, message: format!("Không đọc được tệp: {detail}") };
        }
    };
    timing::mark("ontap:import-read");
    let options = choices.options(&name);
    let json_name = format!("{}.json", options.bank_id);
    let check = |json: &[u8]| check_local(json, &json_name, &state.report, QUESTIONS_DIR);
    // `convert` in two tasks, so that reading and checking a long file are two shorter freezes.
    let read = import_file(&name, &bytes, choices.format(), &options);
    later::next_task().await;
    let result = read.map(|read| Converted::checked(read, check));
    timing::mark("ontap:import-converted");
    match result {
        Ok(converted) => {
            let added = match &converted.checked.value {
                Some(bank) if !converted.failed() => {
                    let id = bank.id.as_str().to_owned();
                    state.add_local(&id, &json_name, converted.json.clone(), converted.checked.clone());
                    true
                }
                _ => false,
            };
            Outcome::Imported { name, converted: Arc::new(converted), added }
        }
        Err(fatal) => refused(name, fatal),
    }
}

/// Why a file was not read, in the library's words (which name this page's "Định dạng" list).
fn refused(name: String, fatal: Fatal) -> Outcome {
    Outcome::Refused { name, message: fatal.message(Lang::Vi) }
}

/// The section.
#[component]
pub fn ImportPage() -> impl IntoView {
    let state = expect_context::<TrainerState>();
    let choices = Choices::new();
    let results: RwSignal<Vec<Outcome>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let run = {
        let state = state.clone();
        each_file(results, busy, move |file| {
            let state = state.clone();
            async move { import_one(file, choices, &state).await }
        })
    };
    let notice = state.local_notice;
    let materials = state.report.materials.as_ref().map(|m| m.materials.clone()).unwrap_or_default();
    view! {
        <h2>"Nhập câu hỏi từ Word, Excel…"</h2>
        <p>"Mở hoặc kéo thả tệp câu hỏi đang có: Word (.docx), Excel (.xlsx), văn bản (.txt), bảng CSV (.csv) hoặc Moodle GIFT (.gift). "
           "Đáp án đúng có thể ghi bằng dòng “Đáp án: B” hoặc đánh dấu bằng chữ đậm, gạch chân, tô màu hay dấu *. "
           "Tệp được đọc bằng đúng bộ nhập của công cụ “ontap import”, rồi ngân hàng vừa tạo được kiểm tra; "
           "trang liệt kê những gì còn phải bổ sung và cho tải về tệp .json. Tệp chỉ được đọc trên máy này, không gửi lên đâu cả."</p>
        <fieldset class="import-options">
            <legend>"Tùy chọn (không bắt buộc, chọn trước khi mở tệp)"</legend>
            <p class="field">
                <label for="import-format">"Định dạng"</label>
                <select id="import-format" on:change=move |ev| choices.format.set(event_target_value(&ev))>
                    <option value="">"Tự nhận ra theo nội dung"</option>
                    {Format::ALL.iter().map(|f| view! { <option value=f.name()>{f.described().0}</option> }).collect_view()}
                </select>
            </p>
            <p class="field">
                <label for="import-id">"Mã ngân hàng (id)"</label>
                <input id="import-id" type="text" placeholder="theo tên tệp" autocomplete="off"
                    on:input=move |ev| choices.id.set(event_target_value(&ev))/>
            </p>
            <p class="field">
                <label for="import-title">"Tên ngân hàng"</label>
                <input id="import-title" type="text" placeholder="theo tiêu đề trong tệp" autocomplete="off"
                    on:input=move |ev| choices.title.set(event_target_value(&ev))/>
            </p>
            <p class="field">
                <label for="import-description">"Mô tả ngân hàng"</label>
                <textarea id="import-description" rows="2" on:input=move |ev| choices.description.set(event_target_value(&ev))></textarea>
            </p>
            <p class="field">
                <label for="import-material">"Tài liệu nguồn của các câu chưa ghi tài liệu"</label>
                <select id="import-material" on:change=move |ev| choices.material.set(event_target_value(&ev))>
                    <option value="">"— Chưa chọn —"</option>
                    {materials.into_iter().map(|m| {
                        let id = m.id.as_str().to_owned();
                        view! { <option value=id.clone()>{format!("{} ({id})", m.title)}</option> }
                    }).collect_view()}
                </select>
            </p>
        </fieldset>
        <DropZone zone="import-zone" field=FILE_FIELD label="Chọn tệp câu hỏi (.docx, .xlsx, .txt, .csv, .gift, .json):"
            accept=".docx,.xlsx,.txt,.csv,.gift,.json" on_files=run/>
        <p class="status" role="status" id="import-status">{move || {
            if busy.get() { "Đang nhập…".to_owned() } else { notice.get().unwrap_or_default() }
        }}</p>
        <div id="import-results">
            {move || results.get().into_iter().map(|o| view! { <OutcomeView outcome=o/> }).collect_view()}
        </div>
    }
}

#[component]
fn OutcomeView(outcome: Outcome) -> impl IntoView {
    match outcome {
        Outcome::Bank(tried) => view! { <TriedView tried=tried/> }.into_any(),
        Outcome::Refused { name, message } => view! {
            <section class="import-result" data-file=name.clone() aria-label=format!("Kết quả nhập {name}")>
                <p class="verdict broken">{format!("Không nhập được {name}: {message}")}</p>
            </section>
        }
        .into_any(),
        Outcome::Imported { name, converted, added } => {
            view! { <ImportedView name=name converted=converted added=added/> }.into_any()
        }
    }
}

/// A file imported: what became of it, its download, the notes, the to-do list, the rest.
#[component]
fn ImportedView(name: String, converted: Arc<Converted>, added: bool) -> impl IntoView {
    let bank = &converted.read.import.bank;
    let json_name = format!("{}.json", bank.id.as_str());
    let imported = converted.imported(&name, Lang::Vi);
    let (class, verdict) = if added {
        (
            "verdict ok",
            format!(
                "Ngân hàng dùng được: “{}”, {} câu hỏi. Đã thêm vào danh sách, có nhãn “Trên máy này”.",
                bank.title,
                converted.count()
            ),
        )
    } else {
        ("verdict broken", "Ngân hàng chưa dùng được: hãy xem những việc còn phải làm dưới đây, bổ sung vào tệp gốc rồi nhập lại, hoặc tải tệp .json về, điền tiếp rồi mở lại ở mục “Kiểm tra ngân hàng”.".to_owned())
    };
    let practice = converted.checked.value.as_ref().filter(|_| added).map(practice_link);
    let hint = duplicate_id_hint(&converted.checked.diagnostics)
        .map(|_| "Mã ngân hàng này đã được một ngân hàng có sẵn dùng: hãy ghi mã khác ở ô “Mã ngân hàng (id)” rồi mở lại tệp.");
    let notes = converted.read.import.notes.clone();
    let text: Arc<str> = converted.read.text.as_str().into();
    let todo = converted.todo.clone();
    let besides = (!todo.is_empty()).then(|| converted.besides_todo(Lang::Vi));
    let rest = converted.rest.clone();
    let json: Arc<str> = converted.json.as_str().into();
    let download_error = RwSignal::new(None::<String>);
    let on_download = {
        let (json, json_name) = (json.clone(), json_name.clone());
        move |_| download_error.set(download(&json_name, &json).err().map(|e| format!("Không tải về được: {e}")))
    };
    view! {
        <section class="import-result" data-file=name.clone() aria-label=format!("Kết quả nhập {name}")>
            <p class="imported">{imported}</p>
            <p class=class>{verdict}</p>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <p class="actions">
                {practice.map(|href| view! { <a href=href class="button primary practice-now">"Luyện tập ngay"</a> })}
                <button type="button" class="button download-json" on:click=on_download>{format!("Tải về {json_name}")}</button>
            </p>
            {move || download_error.get().map(|e| view! { <p class="hint" role="alert">{e}</p> })}
            {(!notes.is_empty()).then(|| view! { <NoteList name=name.clone() notes=notes text=text/> })}
            {(!todo.is_empty()).then(|| view! { <TodoList todo=todo besides=besides.unwrap_or_default()/> })}
            {(!rest.is_empty()).then(|| view! { <DiagnosticList title=json_name.clone() diagnostics=rest text=json.clone()/> })}
        </section>
    }
}

/// What the importer says about lines of the trainer's file, each with the line itself.
#[component]
fn NoteList(name: String, notes: Vec<Note>, text: Arc<str>) -> impl IntoView {
    view! {
        <div class="diagnostics notes" data-file=name.clone()>
            <h3>{format!("Khi đọc {name}")}</h3>
            <ul>
                {notes.into_iter().map(|n| {
                    let (class, word) = if n.warning { ("warning", "Cảnh báo") } else { ("error", "Lỗi") };
                    let place = if n.line > 0 { format!("dòng {}", n.line) } else { "cả tệp".to_owned() };
                    let line = (n.line > 0).then(|| {
                        let (shown, _) = excerpt(line_text(&text, u32::try_from(n.line).unwrap_or(u32::MAX)), 0, LINE_WIDTH);
                        format!("{} | {}", n.line, shown.trim_end())
                    });
                    view! {
                        <li class=class data-line=n.line>
                            <strong>{word}</strong>" "<span class="where">{place}</span>": "
                            <span class="message">{n.text(Lang::Vi).to_owned()}</span>
                            {line.map(|l| view! { <pre class="source-line" aria-label="Dòng trong tệp">{l}</pre> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The one list of what the imported bank still lacks.
#[component]
fn TodoList(todo: Todo, besides: String) -> impl IntoView {
    view! {
        <div class="todo">
            <h3>{Todo::heading(Lang::Vi)}</h3>
            <ul>{todo.items(Lang::Vi).into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            <p class="besides">{besides}</p>
        </div>
    }
}
