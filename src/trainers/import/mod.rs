//! Nhập từ Word, Excel…: a trainer chooses or drops the question files they already have
//! (.docx, .xlsx, .txt, .csv, .gift); they are read by the same importer and checked by the same
//! checker as `ontap import` (`ontap_import::convert`'s two halves), the notes, the to-do list and the other
//! problems are shown, the bank can be downloaded as JSON in the canonical layout, and a bank that
//! passes the check is kept on this device and practised at once. A `.json` file is already a
//! bank: it is checked as in "Kiểm tra ngân hàng". The files are held in memory, so that they
//! can be imported again with other options ("Nhập lại với các lựa chọn trên") without being
//! chosen again. Nothing is stored but the banks kept, and nothing is sent anywhere.

mod run;
mod view;

use super::TrainerState;
use super::drop_zone::{DropZone, each_file};
use crate::platform::files::PickedFile;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_import::{Format, FormatChoice, Options, bank_id_for, slug};
use run::{Done, Held, import_held};
use view::OutcomeView;

const FILE_FIELD: &str = "import-file";

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

/// The section.
#[component]
pub fn ImportPage() -> impl IntoView {
    let state = expect_context::<TrainerState>();
    let choices = Choices::new();
    let results: RwSignal<Vec<Done>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    // Said once the files held are imported again: which ones.
    let again_said = RwSignal::new(String::new());
    let run = {
        let state = state.clone();
        each_file(results, busy, move |file: Held| {
            let state = state.clone();
            async move { import_held(file, choices, &state).await }
        })
    };
    let chosen = {
        let run = run.clone();
        move |files: Vec<PickedFile>| {
            again_said.set(String::new());
            if files.is_empty() {
                return run(Vec::new());
            }
            // Busy while the files are read, then while they are imported.
            busy.set(true);
            let run = run.clone();
            spawn_local(async move {
                let mut held = Vec::with_capacity(files.len());
                for file in files {
                    held.push(Held::read(file).await);
                }
                run(held);
            });
        }
    };
    let again = move |_| {
        if busy.get_untracked() {
            return;
        }
        let files: Vec<Held> = results.with_untracked(|r| r.iter().map(|d| d.file.clone()).collect());
        again_said.set(format!("Đã nhập lại {} với các lựa chọn trên.", results.with_untracked(|r| names(r))));
        run(files);
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
            <legend>"Tùy chọn (không bắt buộc)"</legend>
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
            accept=".docx,.xlsx,.txt,.csv,.gift,.json" on_files=chosen/>
        <div class="import-again" hidden=move || results.with(Vec::is_empty)>
            <p class="hint" id="import-again-hint">{move || format!(
                "Đã mở {}. Đổi tùy chọn ở trên rồi bấm nút dưới đây để nhập lại, không cần chọn lại tệp.", results.with(|r| names(r))
            )}</p>
            <p class="actions">
                <button type="button" class="button" id="import-again" aria-describedby="import-again-hint" on:click=again>
                    "Nhập lại với các lựa chọn trên"
                </button>
            </p>
        </div>
        <p class="status" role="status" id="import-status">{move || {
            if busy.get() { "Đang nhập…".to_owned() } else { notice.get().unwrap_or_else(|| again_said.get()) }
        }}</p>
        <div id="import-results">
            {move || results.get().into_iter().map(|d| view! { <OutcomeView outcome=d.outcome earlier_kept=d.earlier_kept/> }).collect_view()}
        </div>
    }
}

/// The names of the files held, as a list in a sentence.
fn names(done: &[Done]) -> String {
    done.iter().map(|d| d.file.name.as_str()).collect::<Vec<_>>().join(", ")
}
