//! Soạn câu hỏi (issue #16): the question editor of the trainers' page. The model, every edit,
//! undo, the live check, quotes and drafts are in `ontap_core::edit`; these parts arrange them:
//! `open.rs` opening, `session.rs` the bank being edited and its draft, `list.rs` the question
//! list, `form.rs` and `kind.rs` the question form, `field.rs` a field with its messages,
//! `quote.rs` quoting from the material, `preview.rs` the member's view, `save.rs` saving.

mod field;
mod form;
mod kind;
mod list;
mod open;
mod preview;
mod quote;
mod save;
mod session;

use crate::platform::storage::LocalStore;
use crate::platform::{dom, nav, tab};
use crate::trainers::TrainerState;
use field::{TextField, input_id};
use leptos::prelude::*;
use ontap_core::MaterialId;
use ontap_core::edit::draft;
use ontap_core::edit::live::{Field, Place};
use ontap_core::edit::{Edit, QuestionType};
use open::{Opened, Opener};
use session::Session;

/// The draft a link names: `soan.html?muc=soan&nh=<slot>`.
fn slot_in_query(query: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("nh="))
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The section: the opener, or the bank being edited.
#[component]
pub fn EditorSection() -> impl IntoView {
    let state = expect_context::<TrainerState>();
    // A reload (or a link) reopens the bank it was editing, from its draft.
    let reopened = slot_in_query(&nav::current_query()).and_then(|slot| match draft::read(&LocalStore, &slot) {
        Ok(Some(d)) => Some(Session::new(&state, d.bank, d.saved, &slot, &d.origin)),
        _ => None,
    });
    let session = RwSignal::new(reopened);
    // Sessions belong to the section: the opener that asks for one is disposed once it opens.
    let owner = Owner::current().expect("a component has an owner");
    let on_open = Callback::new(move |o: Opened| {
        let s = owner.with(|| Session::new(&state, o.bank, o.saved, &o.slot, &o.origin));
        s.status.set(o.status);
        nav::replace(&format!("?muc=soan&nh={}", o.slot));
        session.set(Some(s));
        dom::focus_later("editor-heading".into());
    });
    view! {
        {move || match session.get() {
            None => view! { <Opener on_open=on_open/> }.into_any(),
            Some(s) => view! { <Workspace session=s on_close=Callback::new(move |_| {
                nav::replace("?muc=soan");
                session.set(None);
            })/> }.into_any(),
        }}
    }
}

/// The bank being edited: its fields, the question list, the form, the preview and saving.
#[component]
fn Workspace(session: Session, on_close: Callback<()>) -> impl IntoView {
    provide_context(session);
    session.watch_other_tabs();
    tab::ask_before_leaving(move || session.editing.with_untracked(|e| e.unsaved()));
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => session.redo(),
            "z" => session.undo(),
            "y" => session.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let title = move || session.editing.with(|e| e.bank().title.clone());
    // The question in the form: a memo, so that typing in it does not rebuild the form.
    let open =
        Memo::new(move |_| session.selected.get().filter(|&i| session.editing.with(|e| i < e.bank().questions.len())));
    let close = move |_| {
        let unsaved = session.editing.with_untracked(|e| e.unsaved());
        if !unsaved || dom::confirm("Đóng ngân hàng này? Thay đổi chưa lưu vẫn được giữ trong bản nháp trên máy này.")
        {
            on_close.run(());
        }
    };
    view! {
        <section class="editor" aria-labelledby="editor-heading">
            <h2 id="editor-heading" tabindex="-1">{move || format!("Soạn: {}", title())}</h2>
            <p class="origin">{session.origin.get_value()}</p>
            {move || session.notice.get().map(|n| view! {
                <div class="notice" role="alert" id="draft-notice">
                    <p>{n}</p>
                    {session.conflict.get().then(|| view! {
                        <button type="button" on:click=move |_| session.write_draft(true)>"Tiếp tục ở thẻ này"</button>
                    })}
                </div>
            })}
            <div class="toolbar row">
                <button type="button" id="undo" disabled=move || !session.editing.with(|e| e.can_undo())
                    on:click=move |_| session.undo() aria-keyshortcuts="Control+Z">"Hoàn tác"</button>
                <button type="button" id="redo" disabled=move || !session.editing.with(|e| e.can_redo())
                    on:click=move |_| session.redo() aria-keyshortcuts="Control+Y">"Làm lại"</button>
                <button type="button" on:click=close>"Đóng ngân hàng"</button>
            </div>
            <p class="status" role="status" id="editor-status">{move || session.status.get()}</p>
            <BankFields/>
            <AddQuestion/>
            <list::QuestionList/>
            {move || open.get().map(|i| view! {
                <form::QuestionForm index=i/>
                <preview::Preview index=i/>
            })}
            <save::SaveBar/>
        </section>
    }
}

/// The bank's own fields.
#[component]
fn BankFields() -> impl IntoView {
    let session = expect_context::<Session>();
    let text =
        move |get: fn(&ontap_core::Bank) -> String| Signal::derive(move || session.editing.with(|e| get(e.bank())));
    let place = Place::Bank;
    view! {
        <details class="bank-fields" open=session.editing.with_untracked(|e| e.bank().questions.is_empty())>
            <summary>"Thông tin ngân hàng (mã, tiêu đề, mô tả, phiên bản)"</summary>
            <TextField label="Mã ngân hàng (id)" place=place field=Field::Id value=text(|b| b.id.to_string())
                on_edit=Callback::new(move |v| session.edit(Edit::BankId(v)))/>
            <TextField label="Tiêu đề" place=place field=Field::Title value=text(|b| b.title.clone())
                on_edit=Callback::new(move |v| session.edit(Edit::Title(v)))/>
            <TextField label="Mô tả" place=place field=Field::Description value=text(|b| b.description.clone()) multiline=true
                on_edit=Callback::new(move |v| session.edit(Edit::Description(v)))/>
            <div class="field">
                <label for=input_id(place, Field::Version)>"Phiên bản (tăng mỗi lần phát hành thay đổi)"</label>
                <input id=input_id(place, Field::Version) type="number" min="1" inputmode="numeric"
                    prop:value=move || session.editing.with(|e| e.bank().version.to_string())
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                            session.edit(Edit::Version(v));
                        }
                    }/>
            </div>
            <field::FieldMessages place=place field=Field::Whole/>
            <field::FieldMessages place=place field=Field::Questions/>
        </details>
    }
}

/// "Thêm câu hỏi": a type, then the new question opens in the form.
#[component]
fn AddQuestion() -> impl IntoView {
    let session = expect_context::<Session>();
    let state = expect_context::<TrainerState>();
    let first_material = state.report.materials.as_ref().and_then(|l| l.materials.first()).map(|m| m.id.clone());
    let picked = NodeRef::<leptos::html::Select>::new();
    let add = move |_| {
        // Read now: a keyboard change of a closed select may not have sent `change` yet.
        let ty = picked.get().and_then(|s| QuestionType::from_name(&s.value())).unwrap_or(QuestionType::Single);
        // A new question cites what the last one cites (a bank usually follows one material).
        let material = session
            .editing
            .with_untracked(|e| e.bank().questions.last().map(|q| q.source.material.clone()))
            .or_else(|| first_material.clone())
            .unwrap_or_else(|| MaterialId(String::new()));
        session.edit(Edit::AddQuestion(ty, material));
        session.seal();
        let index = session.editing.with_untracked(|e| e.bank().questions.len() - 1);
        session.selected.set(Some(index));
        session.status.set(format!("Đã thêm câu {} ({}).", index + 1, ty.label()));
        dom::focus_later(input_id(Place::Question(index), Field::Prompt));
    };
    view! {
        <div class="add-question row">
            <label for="new-type">"Loại câu hỏi mới"</label>
            <select id="new-type" node_ref=picked>
                {QuestionType::ALL.iter().map(|t| view! { <option value=t.name()>{t.label()}</option> }).collect_view()}
            </select>
            <button type="button" id="add-question" class="primary" on:click=add>"Thêm câu hỏi"</button>
        </div>
    }
}
