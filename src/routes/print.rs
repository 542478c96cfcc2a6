//! An exam on paper (`?trang=in&…`, with the exam link's own parameters): the same questions in
//! the same order as the link draws them, for cells that study on paper. A4, numbered questions,
//! lettered options, blanks as lines, ordering as boxes, matching in two columns, an answer
//! grid, and the answer key with explanations and sources on a page of its own. Its style is
//! inlined here, so the style every page loads does not grow.

use crate::app::AppState;
use crate::platform::dom;
use leptos::prelude::*;
use ontap_core::exam::Exam;
use ontap_core::group::describe;
use ontap_core::paper::{PaperBody, PaperQuestion, instruction, paper};
use ontap_core::route::ExamSpec;

const PAPER_CSS: &str = "\
.paper-q{break-inside:avoid;page-break-inside:avoid;margin:0 0 1rem}\
.paper-q p{margin:0.2rem 0}.paper-hint{font-style:italic;font-size:0.9em}\
.paper ol.paper-options,.paper ul.paper-boxes{list-style:none;padding-left:1rem;margin:0.25rem 0}\
.paper-box{display:inline-block;width:1.6em;height:1.2em;border:1px solid currentColor;margin-right:0.5em;vertical-align:middle}\
.paper-match{display:grid;grid-template-columns:1fr 1fr;gap:0 1.5rem}.paper-match ol{list-style:none;padding:0;margin:0}\
.paper-grid table{border-collapse:collapse;margin:0.5rem 0}.paper-grid th,.paper-grid td{border:1px solid currentColor;padding:0.2rem 0.4rem;min-width:2rem;text-align:center}\
.paper-key{break-before:page;page-break-before:always}.paper-key li{break-inside:avoid;page-break-inside:avoid;margin:0 0 0.6rem}\
@page{size:A4;margin:15mm}\
@media print{.app-header,.skip,.no-print,.update-banner,.notices{display:none!important}body{font-size:11pt;background:#fff;color:#000}}";

/// Questions per row of the answer grid.
const GRID_ROW: usize = 10;

fn body_view(body: PaperBody) -> AnyView {
    match body {
        PaperBody::Options { lines, .. } => {
            view! { <ol class="paper-options">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol> }
                .into_any()
        }
        PaperBody::TrueFalse => view! { <p class="paper-options">"Đúng          Sai"</p> }.into_any(),
        PaperBody::Blank => ().into_any(),
        PaperBody::Ordering(items) => view! {
            <ul class="paper-boxes">
                {items.into_iter().map(|t| view! { <li><span class="paper-box"></span>{t}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        PaperBody::Matching { left, right } => view! {
            <div class="paper-match">
                <ol>{left.into_iter().map(|l| view! { <li>{l}" ……"</li> }).collect_view()}</ol>
                <ol>{right.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ol>
            </div>
        }
        .into_any(),
    }
}

fn question_view(q: PaperQuestion) -> impl IntoView {
    // The blank of a fill-in question is a line to write on.
    let prompt = if q.body == PaperBody::Blank { q.prompt.replace("___", "______________") } else { q.prompt };
    let hint = instruction(&q.body);
    view! {
        <li class="paper-q" data-question=q.question.question.to_string()>
            <p><strong>{format!("Câu {}. ", q.number)}</strong>{prompt}</p>
            <p class="paper-hint">{hint}</p>
            {body_view(q.body)}
        </li>
    }
}

fn grid(n: usize) -> impl IntoView {
    let rows = (0..n.div_ceil(GRID_ROW))
        .map(|r| {
            let numbers: Vec<usize> = (r * GRID_ROW + 1..=((r + 1) * GRID_ROW).min(n)).collect();
            view! {
                <tr><th scope="row">"Câu"</th>{numbers.iter().map(|k| view! { <th scope="col">{*k}</th> }).collect_view()}</tr>
                <tr><th scope="row">"Trả lời"</th>{numbers.iter().map(|_| view! { <td>" "</td> }).collect_view()}</tr>
            }
        })
        .collect_view();
    view! {
        <section class="paper-grid">
            <h3>"Bảng trả lời"</h3>
            <table>{rows}</table>
        </section>
    }
}

fn key_view(q: &PaperQuestion) -> impl IntoView + use<> {
    view! {
        <li>
            <strong>{format!("Câu {}: ", q.number)}</strong>{q.key.join("; ")}
            {(!q.explanation.is_empty()).then(|| view! { <p>{q.explanation.clone()}</p> })}
            <p class="paper-hint">{q.source.clone()}</p>
        </li>
    }
}

/// The exam `spec` describes, on paper.
#[component]
pub fn PrintPage(
    /// The exam link's settings and seed.
    spec: ExamSpec,
) -> impl IntoView {
    let library = expect_context::<AppState>().library.get_untracked();
    let sheet = paper(&library, &Exam::start(&library, spec.clone(), 0.0));
    let title = describe(&spec, &library);
    let n = sheet.len();
    let key = sheet.iter().map(key_view).collect_view();
    view! {
        <style>{PAPER_CSS}</style>
        <article class="paper">
            <h2 class="page-title">"Đề thi trắc nghiệm"</h2>
            <p id="paper-title">{title}</p>
            <p>"Họ và tên: ………………………………………   Chi bộ: ………………………"</p>
            <p class="no-print"><button type="button" class="button primary" id="print-paper" on:click=|_| dom::print()>"In đề"</button></p>
            <ol class="paper-questions" style="list-style:none;padding:0">{sheet.into_iter().map(question_view).collect_view()}</ol>
            {grid(n)}
            <section class="paper-key">
                <h2>"Đáp án"</h2>
                <ol style="list-style:none;padding:0">{key}</ol>
            </section>
        </article>
    }
}
