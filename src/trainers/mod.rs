//! The trainers' page (`soan.html`): its own root, state and loading. It runs the full checker
//! over the shipped folder and over the trainer's own files, shows every diagnostic, and keeps
//! the banks added on this device, which the member's app then lists. Links to the member's app
//! are plain links: it is another page.

pub mod drop_zone;
pub mod editor;
pub mod import;
pub mod load;
pub mod local;
pub mod results;
pub mod section;
pub mod try_bank;

use crate::components::diagnostics::DiagnosticList;
use crate::components::offline_notice::OfflineNotice;
use crate::components::text_size::TextSizeControl;
use crate::platform::{service_worker, settings};
use import::ImportPage;
use leptos::prelude::*;
use local::LocalBanks;
use ontap_core::check::FolderReport;
use ontap_core::home::{APP_TITLE, SKIP_LINK};
use ontap_core::local::LocalBank;
use section::{Section, SectionMenu, current_section};
use std::sync::Arc;
use try_bank::TryBankPage;

/// What the trainers' page shares.
#[derive(Clone)]
pub struct TrainerState {
    /// The shipped folder as the checker sees it (its materials and bank ids are what a local
    /// bank is checked against).
    pub report: Arc<FolderReport>,
    /// The banks added on this device, as checked today.
    pub local: RwSignal<Vec<LocalBank>>,
    /// Whether local banks may be written (false: storage disabled, or newer data stored).
    pub local_may_save: bool,
    /// What the trainer should know about storing local banks.
    pub local_notice: RwSignal<Option<String>>,
}

/// The trainers' page.
#[component]
pub fn TrainersApp() -> impl IntoView {
    settings::apply_text_scale(settings::text_scale());
    // Registered here too, so that a trainer who opens this page first still gets the app offline.
    service_worker::register(|| {});
    let report = LocalResource::new(load::load_banks);
    let section = current_section();
    view! {
        <a class="skip" href="#main">{SKIP_LINK}</a>
        <header class="app-header">
            <a class="brand" href="./">{APP_TITLE}</a>
            <TextSizeControl/>
            <OfflineNotice/>
        </header>
        <main id="main" tabindex="-1">
            <h1 class="page-title">"Trang người soạn câu hỏi"</h1>
            <SectionMenu section=section/>
            <Suspense fallback=|| view! { <p class="loading" role="status">"Đang kiểm tra ngân hàng câu hỏi…"</p> }>
                {move || report.get().map(|report| {
                    let (stored, local) = local::load_local(&report);
                    let state = TrainerState {
                        report: Arc::new(report),
                        local: RwSignal::new(local),
                        local_may_save: stored.may_save,
                        local_notice: RwSignal::new(stored.notice.map(|n| n.message())),
                    };
                    provide_context(state.clone());
                    crate::platform::dom::mark_ready();
                    let report = state.report.clone();
                    view! {
                        {move || match section.get() {
                            Section::Check => view! {
                                <TryBankPage/>
                                <LocalBanks/>
                                <ShippedProblems report=report.clone()/>
                            }.into_any(),
                            Section::Editor => view! { <editor::EditorSection/> }.into_any(),
                            Section::Import => view! {
                                <ImportPage/>
                                <LocalBanks/>
                            }.into_any(),
                            Section::Results => view! { <results::ResultsPage/> }.into_any(),
                        }}
                        <p><a href="./" class="button">"Về trang ôn tập"</a></p>
                    }
                })}
            </Suspense>
        </main>
    }
}

/// What the checker finds in the shipped folder (the member's app only says a bank is unavailable).
#[component]
fn ShippedProblems(report: Arc<FolderReport>) -> impl IntoView {
    let folder = report.diagnostics.clone();
    let broken: Vec<_> = report.banks.iter().filter(|b| !b.diagnostics.is_empty()).cloned().collect();
    let clean = folder.is_empty() && broken.is_empty();
    view! {
        <section class="problems" aria-labelledby="shipped-heading">
            <h2 id="shipped-heading">"Ngân hàng có sẵn trong ứng dụng"</h2>
            {clean.then(|| view! { <p id="shipped-ok">{format!("{} ngân hàng, không có lỗi.", report.banks.len())}</p> })}
            {(!folder.is_empty()).then(|| view! { <DiagnosticList title="Danh mục và tài liệu".to_owned() diagnostics=folder.clone()/> })}
            {broken.into_iter().map(|b| view! {
                <DiagnosticList title=format!("{}{}", crate::load::QUESTIONS_DIR, b.file) diagnostics=b.diagnostics/>
            }).collect_view()}
        </section>
    }
}
