//! The home page: every bank of the catalogue, and what is wrong with the ones that failed.

use crate::components::bank_card::BankCard;
use crate::components::diagnostics::DiagnosticList;
use crate::load::QUESTIONS_DIR;
use leptos::prelude::*;
use ontap_core::check::{FolderReport, has_errors};

/// Lists the usable banks, then the problems of files that could not be used.
#[component]
pub fn CataloguePage(
    /// What loading and checking the questions folder found.
    report: FolderReport,
) -> impl IntoView {
    let banks: Vec<_> = report.banks.iter().filter_map(|b| b.bank.clone()).collect();
    let total: usize = banks.iter().map(|b| b.questions.len()).sum();
    let broken: Vec<_> = report.banks.iter().filter(|b| b.bank.is_none()).cloned().collect();
    let folder_problems = report.diagnostics.clone();
    let show_folder_problems = has_errors(&folder_problems);
    view! {
        <section aria-labelledby="banks-heading">
            <h2 id="banks-heading">"Ngân hàng câu hỏi"</h2>
            <p class="summary">{format!("{} ngân hàng, {} câu hỏi", banks.len(), total)}</p>
            <ul class="bank-list">
                {banks.into_iter().map(|bank| view! { <li><BankCard bank=bank/></li> }).collect_view()}
            </ul>
        </section>
        {(show_folder_problems || !broken.is_empty()).then(|| view! {
            <section class="problems" aria-labelledby="problems-heading">
                <h2 id="problems-heading">"Tệp có lỗi"</h2>
                <p>"Các tệp sau chưa dùng được; các ngân hàng khác vẫn dùng bình thường."</p>
                {show_folder_problems.then(|| view! { <DiagnosticList title="Danh mục và tài liệu".to_owned() diagnostics=folder_problems.clone()/> })}
                {broken.into_iter().map(|b| view! { <DiagnosticList title=format!("{QUESTIONS_DIR}{}", b.file) diagnostics=b.diagnostics.clone()/> }).collect_view()}
            </section>
        })}
    }
}
