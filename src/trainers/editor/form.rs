//! The form of one question: its type, id, prompt, the type's own fields (`kind.rs`), the
//! explanation, the cited material and quote (`quote.rs`), tags with completion, difficulty.

use super::field::{FieldMessages, TextField, input_id, invalid};
use super::kind::KindFields;
use super::quote::QuotePanel;
use super::session::Session;
use crate::trainers::TrainerState;
use leptos::prelude::*;
use ontap_core::MaterialId;
use ontap_core::edit::live::{Field, Place, message_id};
use ontap_core::edit::{Edit, QuestionType, list};

/// The form of question `index`, rebuilt when its type changes.
#[component]
pub fn QuestionForm(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let ty =
        Memo::new(move |_| session.editing.with(|e| e.bank().questions.get(index).map(|q| QuestionType::of(&q.kind))));
    let place = Place::Question(index);
    let text = move |get: fn(&ontap_core::Question) -> String| {
        Signal::derive(move || session.editing.with(|e| e.bank().questions.get(index).map(get).unwrap_or_default()))
    };
    let heading =
        move || session.editing.with(|e| e.bank().questions.get(index).map(|q| format!("Câu {}: {}", index + 1, q.id)));
    view! {
        <section class="question-form" aria-labelledby="form-heading">
            <h3 id="form-heading" tabindex="-1">{heading}</h3>
            <FieldMessages place=place field=Field::Whole/>
            <TypeSelect index=index/>
            <TextField label="Mã câu hỏi (id)" place=place field=Field::Id value=text(|q| q.id.to_string())
                on_edit=Callback::new(move |v| session.edit(Edit::QuestionId(index, v)))/>
            <TextField label=Signal::derive(move || prompt_label(ty.get())) place=place field=Field::Prompt
                value=text(|q| q.prompt.clone()) multiline=true
                on_edit=Callback::new(move |v| session.edit(Edit::Prompt(index, v)))/>
            {move || ty.get().map(|t| view! { <KindFields index=index ty=t/> })}
            <TextField label="Giải thích (vì sao đáp án đúng)" place=place field=Field::Explanation
                value=text(|q| q.explanation.clone()) multiline=true
                on_edit=Callback::new(move |v| session.edit(Edit::Explanation(index, v)))/>
            <MaterialSelect index=index/>
            <QuotePanel index=index/>
            <Tags index=index/>
            <Difficulty index=index/>
        </section>
    }
}

fn prompt_label(ty: Option<QuestionType>) -> String {
    match ty {
        Some(QuestionType::TrueFalse) => "Nhận định (để học viên chọn Đúng hay Sai)".into(),
        Some(QuestionType::FillBlank) => "Câu hỏi (viết ___ ở chỗ trống)".into(),
        _ => "Câu hỏi".into(),
    }
}

#[component]
fn TypeSelect(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let place = Place::Question(index);
    let current = move || {
        session.editing.with(|e| e.bank().questions.get(index).map(|q| QuestionType::of(&q.kind).name()).unwrap_or(""))
    };
    view! {
        <div class="field">
            <label for=input_id(place, Field::Type)>"Loại câu hỏi"</label>
            <select id=input_id(place, Field::Type) aria-describedby=message_id(place, Field::Type)
                prop:value=current
                on:change=move |ev| {
                    if let Some(t) = QuestionType::from_name(&event_target_value(&ev)) {
                        session.edit(Edit::Type(index, t));
                        session.status.set(format!("Đã đổi loại câu hỏi thành “{}” (Hoàn tác để lấy lại).", t.label()));
                    }
                }>
                {QuestionType::ALL.iter().map(|t| view! { <option value=t.name()>{t.label()}</option> }).collect_view()}
            </select>
            <FieldMessages place=place field=Field::Type/>
        </div>
    }
}

#[component]
fn MaterialSelect(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let state = expect_context::<TrainerState>();
    let place = Place::Question(index);
    let materials = state.report.materials.clone().map(|m| m.materials).unwrap_or_default();
    let current = move || {
        session
            .editing
            .with(|e| e.bank().questions.get(index).map(|q| q.source.material.to_string()).unwrap_or_default())
    };
    view! {
        <div class="field">
            <label for=input_id(place, Field::Material)>"Tài liệu nguồn"</label>
            <select id=input_id(place, Field::Material) aria-describedby=message_id(place, Field::Material)
                aria-invalid=invalid(session, place, Field::Material) prop:value=current
                on:change=move |ev| session.edit(Edit::Material(index, MaterialId(event_target_value(&ev))))>
                <option value="">"(chọn tài liệu)"</option>
                {materials.into_iter().map(|m| view! {
                    <option value=m.id.to_string()>{format!("{} ({})", m.title, m.display_date())}</option>
                }).collect_view()}
            </select>
            <FieldMessages place=place field=Field::Material/>
        </div>
    }
}

#[component]
fn Tags(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let place = Place::Question(index);
    let typed = RwSignal::new(String::new());
    let tags =
        move || session.editing.with(|e| e.bank().questions.get(index).map(|q| q.tags.clone()).unwrap_or_default());
    let known = move || session.editing.with(|e| list::tags(e.bank()));
    let add = move || {
        let tag = typed.get_untracked();
        if !tag.trim().is_empty() {
            session.edit(Edit::AddTag(index, tag));
            typed.set(String::new());
        }
    };
    let id = input_id(place, Field::Tags);
    view! {
        <fieldset class="field tags">
            <legend>"Nhãn (văn bản, chủ đề)"</legend>
            <ul class="tag-list">
                {move || tags().into_iter().enumerate().map(|(i, t)| view! {
                    <li><span>{t.clone()}</span>
                        <button type="button" class="small" on:click=move |_| session.edit(Edit::RemoveTag(index, i))>
                            "✕"<span class="sr-only">{format!(" Bỏ nhãn {t}")}</span>
                        </button></li>
                }).collect_view()}
            </ul>
            <label for=id.clone()>"Thêm nhãn"</label>
            <span class="row">
                <input id=id type="text" list="editor-tags" aria-describedby=message_id(place, Field::Tags)
                    prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); }/>
                <button type="button" on:click=move |_| add()>"Thêm nhãn"</button>
            </span>
            <datalist id="editor-tags">{move || known().into_iter().map(|t| view! { <option value=t/> }).collect_view()}</datalist>
            <FieldMessages place=place field=Field::Tags/>
        </fieldset>
    }
}

#[component]
fn Difficulty(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let place = Place::Question(index);
    let current = move || {
        session.editing.with(|e| e.bank().questions.get(index).map(|q| q.difficulty.to_string()).unwrap_or_default())
    };
    view! {
        <div class="field">
            <label for=input_id(place, Field::Difficulty)>"Độ khó"</label>
            <select id=input_id(place, Field::Difficulty) aria-describedby=message_id(place, Field::Difficulty)
                prop:value=current
                on:change=move |ev| {
                    if let Ok(d) = event_target_value(&ev).parse::<u8>() {
                        session.edit(Edit::Difficulty(index, d));
                    }
                }>
                <option value="1">"1 — Dễ"</option>
                <option value="2">"2 — Vừa"</option>
                <option value="3">"3 — Khó"</option>
            </select>
            <FieldMessages place=place field=Field::Difficulty/>
        </div>
    }
}
