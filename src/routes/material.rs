//! A material's text at a quoted passage (Xem trong tài liệu): the text the deployment serves
//! beside the banks, the passage highlighted and focused. The text is data: shown as text,
//! never as markup.

use crate::app::AppState;
use crate::load::material_text;
use crate::platform::{dom, fetch};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ontap_core::edit::quote;
use ontap_core::text::nfc;

/// The id of the highlighted passage.
const PASSAGE: &str = "trich";

/// The page of `material`'s text, at `passage`.
#[component]
pub fn MaterialPage(material: String, passage: String) -> impl IntoView {
    let library = expect_context::<AppState>().library.get_untracked();
    let Some(m) = library.materials.iter().find(|m| m.id.as_str() == material).cloned() else {
        return view! {
            <h1 class="page-title">"Tài liệu"</h1>
            <p role="alert">{format!("Không có tài liệu “{material}” trong danh mục.")}</p>
        }
        .into_any();
    };
    let path = material_text(&m.text_file);
    // None while it is read; then the text, or why not.
    let text: RwSignal<Option<Result<String, ()>>> = RwSignal::new(None);
    spawn_local(async move {
        let read = fetch::bytes(&path).await.ok().and_then(|b| String::from_utf8(b).ok());
        let _ = text.try_set(Some(read.map(|t| nfc(&t)).ok_or(())));
    });
    view! {
        <h1 class="page-title">{m.title.clone()}</h1>
        <p class="material-meta">{format!("{} · {}", m.issuer, m.date)}</p>
        {move || match text.get() {
            None => view! { <p class="loading" role="status">"Đang mở văn bản tài liệu…"</p> }.into_any(),
            Some(Ok(t)) => shown(t, &passage),
            Some(Err(())) => view! {
                <p role="alert">"Chưa mở được văn bản tài liệu: máy chủ không có tệp này, hoặc máy chưa từng mở nó khi có mạng."</p>
            }.into_any(),
        }}
    }
    .into_any()
}

/// The text with `passage` highlighted and focused (keyboard and screen readers land on it).
fn shown(text: String, passage: &str) -> AnyView {
    match quote::find(&text, passage) {
        Some(at) => {
            dom::focus_later(PASSAGE.to_owned());
            let (before, found, after) =
                (text[..at.start].to_owned(), text[at.clone()].to_owned(), text[at.end..].to_owned());
            view! {
                <div class="material-text">{before}<mark id=PASSAGE tabindex="-1">{found}</mark>{after}</div>
            }
            .into_any()
        }
        None => view! {
            <p role="status">"Không tìm thấy đoạn trích trong văn bản này (văn bản có thể đã được sửa)."</p>
            <div class="material-text">{text}</div>
        }
        .into_any(),
    }
}
