//! Quote from the material: the cited material's text, opened from the deployment
//! (`questions/materials/<text_file>`, when the deployer put it there) or from a `.txt` file on
//! the trainer's device; a selection in it (mouse, finger, or keyboard: the text is in a
//! read-only text area) becomes the quote; the quote is found and highlighted, or flagged.

use super::field::TextField;
use super::session::Session;
use crate::load::material_text;
use crate::platform::{dom, fetch, files};
use crate::trainers::TrainerState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_core::MaterialId;
use ontap_core::edit::Edit;
use ontap_core::edit::live::{Field, Place};
use ontap_core::edit::quote::{self, QuoteStatus};
use ontap_core::text::nfc;
use std::collections::BTreeSet;

const TEXT_AREA: &str = "material-text";
const TEXT_FILE: &str = "material-file";
/// Characters of context shown around a found quote.
const CONTEXT: usize = 80;

/// The quote field, the material's text and what is known of the quote in it.
#[component]
pub fn QuotePanel(index: usize) -> impl IntoView {
    let session = expect_context::<Session>();
    let state = expect_context::<TrainerState>();
    let place = Place::Question(index);
    let material =
        Memo::new(move |_| session.editing.with(|e| e.bank().questions.get(index).map(|q| q.source.material.clone())));
    let quote_text = Signal::derive(move || {
        session.editing.with(|e| e.bank().questions.get(index).map(|q| q.source.quote.clone()).unwrap_or_default())
    });
    let text = move || material.get().and_then(|m| session.texts.with(|t| t.get(&m).cloned()));
    let status = Memo::new(move |_| QuoteStatus::of(text().as_deref(), &quote_text.get()));
    let message = RwSignal::new(String::new());
    // A text served with the deployment is opened without asking, once per material.
    let tried = StoredValue::new(BTreeSet::<MaterialId>::new());
    let report = state.report.clone();
    Effect::new(move |_| {
        let Some(id) = material.get() else { return };
        if session.texts.with_untracked(|t| t.contains_key(&id)) || tried.with_value(|t| t.contains(&id)) {
            return;
        }
        tried.update_value(|t| {
            t.insert(id.clone());
        });
        let Some(file) = report.materials.as_ref().and_then(|l| l.get(&id)).map(|m| m.text_file.clone()) else {
            return;
        };
        spawn_local(async move {
            let url = material_text(&file);
            if let Ok(text) = fetch::bytes(&url).await.and_then(|b| String::from_utf8(b).map_err(|e| e.to_string())) {
                session.texts.update(|t| {
                    t.insert(id, nfc(&text));
                });
            }
        });
    });
    let open_file = move |_| {
        let Some(id) = material.get_untracked() else { return };
        spawn_local(async move {
            match files::read_chosen(TEXT_FILE).await {
                Ok(text) => {
                    session.texts.update(|t| {
                        t.insert(id, nfc(&text));
                    });
                    message.set("Đã mở văn bản tài liệu.".into());
                }
                Err(e) => message.set(format!("Không mở được tệp: {e}")),
            }
            files::clear_chosen(TEXT_FILE);
        });
    };
    let take = move |_| match quote::from_selection(&dom::selected_text(TEXT_AREA)) {
        Ok(q) => {
            session.edit(Edit::Quote(index, q));
            session.seal();
            message.set("Đã lấy đoạn đã chọn làm trích dẫn.".into());
        }
        Err(e) => message.set(e.message()),
    };
    let show = move |_| {
        if let QuoteStatus::Found(range) = status.get_untracked() {
            dom::select_range(TEXT_AREA, range.start, range.end);
        }
    };
    let context = move || match (status.get(), text()) {
        (QuoteStatus::Found(range), Some(text)) => {
            let (before, quoted, after) = quote::around(&text, range, CONTEXT);
            Some(view! { <p class="quote-context">{before}<mark>{quoted}</mark>{after}</p> })
        }
        _ => None,
    };
    let material_text = move || {
        text().map(|t| {
            view! {
                <label for=TEXT_AREA>"Văn bản tài liệu (bôi đen đoạn cần trích bằng chuột, ngón tay hoặc Shift + phím mũi tên)"</label>
                // Not `readonly`: Chromium's keyboard selection stops in a read-only text area. Edits
                // are refused instead (`beforeinput`), so the text stays the material's own.
                <textarea id=TEXT_AREA class="material-text" aria-readonly="true" rows="10" prop:value=t
                    on:beforeinput=|ev| ev.prevent_default() on:drop=|ev| ev.prevent_default()></textarea>
                <p class="row">
                    <button type="button" id="take-quote" on:click=take>"Lấy đoạn đã chọn"</button>
                    <button type="button" on:click=show disabled=move || !matches!(status.get(), QuoteStatus::Found(_))>
                        "Chọn trích dẫn hiện tại trong văn bản"</button>
                </p>
            }
        })
    };
    view! {
        <div class="quote-panel">
            <TextField label="Trích dẫn (nguyên văn từ tài liệu)" place=place field=Field::Quote value=quote_text multiline=true
                on_edit=Callback::new(move |v| session.edit(Edit::Quote(index, v)))/>
            <p class="quote-status" class:flagged=move || status.get() == QuoteStatus::NotFound id=format!("quote-status-{index}")>
                {move || status.get().message()}
            </p>
            {context}
            {material_text}
            <div class="field">
                <label for=TEXT_FILE>"Mở văn bản tài liệu (.txt) từ máy"</label>
                <input id=TEXT_FILE type="file" accept=".txt,text/plain" on:change=open_file/>
            </div>
            <p class="status" role="status">{move || message.get()}</p>
        </div>
    }
}
