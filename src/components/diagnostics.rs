//! The checker's findings for one file, in the words trainers read in the CLI.

use leptos::prelude::*;
use ontap_core::check::{Diagnostic, Lang, Severity};

/// The problems of one file.
#[component]
pub fn DiagnosticList(
    /// The file (or group) they belong to.
    title: String,
    /// The problems, errors and warnings.
    diagnostics: Vec<Diagnostic>,
) -> impl IntoView {
    let file = title.clone();
    view! {
        <div class="diagnostics" data-file=file>
            <h3>{title}</h3>
            <ul>
                {diagnostics.into_iter().map(|d| {
                    let (class, word) = match d.severity() {
                        Severity::Error => ("error", "Lỗi"),
                        Severity::Warning => ("warning", "Cảnh báo"),
                    };
                    let place = if d.line > 0 { format!("dòng {}, cột {}", d.line, d.column) } else { "cả tệp".to_owned() };
                    let question = d.question.clone().map(|q| format!(" · câu {q}")).unwrap_or_default();
                    view! {
                        <li class=class data-code=d.code()>
                            <strong>{word}</strong>" "
                            <span class="where">{format!("{place}{question}")}</span>": "
                            <span class="message">{d.message(Lang::Vi)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
