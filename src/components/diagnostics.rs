//! The checker's findings for one file, in the words trainers read in the CLI; with the file's
//! text, each positioned problem shows its line (as plain text) with a caret under the column.

use leptos::prelude::*;
use ontap_core::check::{Diagnostic, Lang, Severity};
use ontap_core::locate::{excerpt, line_text};
use std::sync::Arc;

/// Lines longer than this are cut around the column (a bank saved on one line stays readable).
const LINE_WIDTH: usize = 80;

/// The problems of one file.
#[component]
pub fn DiagnosticList(
    /// The file (or group) they belong to.
    title: String,
    /// The problems, errors and warnings.
    diagnostics: Vec<Diagnostic>,
    /// The file's text, to show the offending lines.
    #[prop(optional)]
    text: Option<Arc<str>>,
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
                    let source = text.as_ref().filter(|_| d.line > 0).map(|t| source_lines(t, d.line, d.column));
                    view! {
                        <li class=class data-code=d.code() data-line=d.line>
                            <strong>{word}</strong>" "
                            <span class="where">{format!("{place}{question}")}</span>": "
                            <span class="message">{d.message(Lang::Vi)}</span>
                            {source.map(|s| view! { <pre class="source-line" aria-label="Dòng có lỗi">{s}</pre> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Line `line` of `text` with its number, and a caret under `column` on the next line.
fn source_lines(text: &str, line: u32, column: u32) -> String {
    let (shown, caret) = excerpt(line_text(text, line), column as usize, LINE_WIDTH);
    let gutter = line.to_string().len();
    format!("{line} | {shown}\n{:gutter$} | {}^", "", " ".repeat(caret))
}
