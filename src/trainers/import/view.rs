//! What one file's import shows: the verdict, the download, the importer's notes with their
//! lines, the one to-do list and the checker's other findings; or why the file was not read.

use super::run::Outcome;
use crate::components::diagnostics::DiagnosticList;
use crate::platform::files::download;
use crate::trainers::try_bank::{TriedView, duplicate_id_hint, practice_link};
use leptos::prelude::*;
use ontap_core::check::Lang;
use ontap_core::locate::{excerpt, line_text};
use ontap_import::{Converted, Note, Todo};
use std::sync::Arc;

/// Lines of the trainer's file shown under a note are cut to this width.
const LINE_WIDTH: usize = 80;

/// One file's result; `earlier_kept`: the bank an earlier import of it kept, still on this device.
#[component]
pub(super) fn OutcomeView(outcome: Outcome, earlier_kept: Option<String>) -> impl IntoView {
    let earlier = earlier_kept.clone().map(earlier_line);
    match outcome {
        Outcome::Bank(tried) => view! { <TriedView tried=tried/>{earlier} }.into_any(),
        Outcome::Refused { name, message } => view! {
            <section class="import-result" data-file=name.clone() aria-label=format!("Kết quả nhập {name}")>
                <p class="verdict broken">{format!("Không nhập được {name}: {message}")}</p>
                {earlier}
            </section>
        }
        .into_any(),
        Outcome::Imported { name, converted, added } => {
            view! { <ImportedView name=name converted=converted added=added earlier_kept=earlier_kept/> }.into_any()
        }
    }
}

/// Says that the bank `id` an earlier import of the file kept is still on this device.
fn earlier_line(id: String) -> impl IntoView {
    view! {
        <p class="hint earlier-kept">
            {format!("Ngân hàng “{id}” của lần nhập trước từ tệp này vẫn được giữ trên máy này.")}
        </p>
    }
}

/// A file imported: what became of it, its download, the notes, the to-do list, the rest.
#[component]
fn ImportedView(name: String, converted: Arc<Converted>, added: bool, earlier_kept: Option<String>) -> impl IntoView {
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
        .map(|_| "Mã ngân hàng này đã được một ngân hàng có sẵn dùng: hãy ghi mã khác ở ô “Mã ngân hàng (id)” rồi bấm “Nhập lại với các lựa chọn trên”.");
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
            {earlier_kept.map(earlier_line)}
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
