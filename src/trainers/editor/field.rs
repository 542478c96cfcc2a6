//! A labelled field of the editor with the checker's messages beside it: the input names the
//! messages with `aria-describedby` and is marked `aria-invalid` while one is an error.

use super::session::Session;
use leptos::prelude::*;
use ontap_core::check::Severity;
use ontap_core::edit::live::{Field, Place, message_id};

/// The id of a field's input, beside its messages' id: `in-q3-prompt`.
pub fn input_id(place: Place, field: Field) -> String {
    message_id(place, field).replacen("msg-", "in-", 1)
}

/// Whether the field has an error now.
pub fn invalid(session: Session, place: Place, field: Field) -> Signal<Option<&'static str>> {
    Signal::derive(move || {
        session.check.with(|c| c.at(place, field).any(|l| l.severity == Severity::Error)).then_some("true")
    })
}

/// The checker's messages for one field (an empty live region when there are none).
#[component]
pub fn FieldMessages(place: Place, field: Field) -> impl IntoView {
    let session = expect_context::<Session>();
    let messages = move || {
        session.check.with(|c| {
            c.at(place, field)
                .map(|l| {
                    let (class, word) = match l.severity {
                        Severity::Error => ("error", "Lỗi"),
                        Severity::Warning => ("warning", "Cảnh báo"),
                    };
                    view! { <span class=class>{format!("{word}: {}", l.message)}</span> }
                })
                .collect_view()
        })
    };
    view! { <span class="field-msg" id=message_id(place, field)>{messages}</span> }
}

/// A labelled text field (one line, or several with `multiline`) edited through `on_edit`.
#[component]
pub fn TextField(
    /// What the field is, for everyone.
    #[prop(into)]
    label: Signal<String>,
    /// The question or the bank.
    place: Place,
    /// The field.
    field: Field,
    /// Its text as it stands.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_edit: Callback<String>,
    /// A text area instead of a line.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let id = input_id(place, field);
    let described = message_id(place, field);
    let bad = invalid(session, place, field);
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="3" aria-describedby=described aria-invalid=bad
                prop:value=value on:input=move |ev| on_edit.run(event_target_value(&ev))
                on:blur=move |_| session.seal()></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" aria-describedby=described aria-invalid=bad
                prop:value=value on:input=move |ev| on_edit.run(event_target_value(&ev))
                on:blur=move |_| session.seal()/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <FieldMessages place=place field=field/>
        </div>
    }
}
