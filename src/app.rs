//! The app's root: paints the shell at once, loads the banks after it, keeps the route in step
//! with the address bar, and shares the library with every page.

use crate::components::offline_notice::OfflineNotice;
use crate::components::text_size::TextSizeControl;
use crate::components::update_banner::UpdateBanner;
use crate::load::load_banks;
use crate::local::load_local;
use crate::platform::clock::now_ms;
use crate::platform::storage::LocalStore;
use crate::platform::{nav, service_worker, settings, timing};
use crate::routes::{
    data::DataPage, exam::ExamPage, exam_setup::ExamSetupPage, home::HomePage, practice::PracticePage,
    stats::StatsPage, try_bank::TryBankPage,
};
use crate::save::ProgressWriter;
use leptos::prelude::*;
use ontap_core::check::FolderReport;
use ontap_core::library::{Library, QuestionRef};
use ontap_core::local::LocalBank;
use ontap_core::progress::store::{Notice, load};
use ontap_core::progress::{AnswerRecord, Mode, Progress};
use ontap_core::route::Route;
use ontap_core::score::Credit;
use std::sync::Arc;

/// What every page can reach.
#[derive(Clone)]
pub struct AppState {
    /// The usable banks (shipped, then local) and their materials. Replaced, never mutated, when
    /// a local bank is added or removed: pages take the current one when they open.
    pub library: RwSignal<Arc<Library>>,
    /// What loading found, including the banks that could not be used.
    pub report: Arc<FolderReport>,
    /// The banks tried on this device (`src/local.rs`), as checked today.
    pub local: RwSignal<Vec<LocalBank>>,
    /// Whether local banks may be written (false: storage disabled, or newer data stored).
    pub local_may_save: bool,
    /// What the trainer should know about storing local banks.
    pub local_notice: RwSignal<Option<String>>,
    /// The current screen.
    pub route: RwSignal<Route>,
    /// The member's answers.
    pub progress: RwSignal<Progress>,
    /// Whether progress may be written (false: it lives in memory only, and the member is told).
    pub may_save: bool,
    /// Writes progress to localStorage.
    pub writer: ProgressWriter,
    /// Stored text that could not be read, for download.
    pub unreadable: Option<String>,
    /// Whether an exam is in progress (set by the exam page): no update is offered meanwhile.
    pub exam_running: RwSignal<bool>,
}

impl AppState {
    /// Records an answer as it is given; it is written to storage once its feedback is painted.
    pub fn record(&self, at: &QuestionRef, credit: Credit, mode: Mode) {
        let library = self.library.get_untracked();
        let Some(question) = library.question(at) else { return };
        let answer = AnswerRecord::new(at, question, credit, mode, now_ms() as i64);
        self.progress.update(|p| {
            p.record(answer);
        });
        if self.may_save {
            self.writer.write_soon();
        }
    }

    /// Goes to `route`, adding a history entry.
    pub fn navigate(&self, route: Route) {
        nav::push(&route.to_query());
        self.route.set(route);
    }
}

/// What a notice says to the member.
pub fn notice_text(notice: &Notice) -> String {
    notice.message()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    settings::apply_text_scale(settings::text_scale());
    let route = RwSignal::new(Route::parse(&nav::current_query()));
    let handle = window_event_listener(leptos::ev::popstate, move |_| route.set(Route::parse(&nav::current_query())));
    on_cleanup(move || handle.remove());
    let report = LocalResource::new(load_banks);
    let loaded = load(&mut LocalStore, now_ms() as i64);
    let progress = RwSignal::new(loaded.progress);
    let notices = RwSignal::new(loaded.notices.iter().map(notice_text).collect::<Vec<_>>());
    let may_save = loaded.may_save;
    let writer = ProgressWriter::new(progress, notices);
    let unreadable = loaded.unreadable;
    let update_ready = RwSignal::new(false);
    let exam_running = RwSignal::new(false);
    service_worker::register(move || {
        let _ = update_ready.try_set(true);
    });
    view! {
        <a class="skip" href="#main">"Bỏ qua, tới nội dung chính"</a>
        <header class="app-header">
            <a class="brand" href="?" on:click=move |ev| {
                ev.prevent_default();
                nav::push("?");
                route.set(Route::Home { query: String::new() });
            }>"Ôn tập Nghị quyết"</a>
            <TextSizeControl/>
            <OfflineNotice/>
        </header>
        <main id="main" tabindex="-1">
            <UpdateBanner ready=update_ready exam_running=exam_running/>
            {move || {
                let list = notices.get();
                (!list.is_empty()).then(|| view! {
                    <div class="notices" role="alert">
                        {list.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                        <p><a href="?trang=du-lieu" on:click=move |ev| {
                            ev.prevent_default();
                            nav::push("?trang=du-lieu");
                            route.set(Route::Data);
                        }>"Xem dữ liệu, sao lưu hoặc tải dữ liệu cũ về"</a></p>
                    </div>
                })
            }}
            <Suspense fallback=|| view! { <p class="loading" role="status">"Đang tải ngân hàng câu hỏi…"</p> }>
                {move || report.get().map(|report| {
                    let (stored, local, library) = load_local(&report);
                    timing::mark("ontap:library");
                    let state = AppState {
                        library: RwSignal::new(Arc::new(library)),
                        report: Arc::new(report),
                        local: RwSignal::new(local),
                        local_may_save: stored.may_save,
                        local_notice: RwSignal::new(stored.notice.map(|n| n.message())),
                        route,
                        progress,
                        may_save,
                        writer: writer.clone(),
                        unreadable: unreadable.clone(),
                        exam_running,
                    };
                    provide_context(state);
                    view! { <Screen/> }
                })}
            </Suspense>
        </main>
    }
}

/// The page for the current route.
#[component]
fn Screen() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match state.route.get() {
        // Only the home page follows the library (a local bank added or removed); a session
        // keeps the library it opened with.
        Route::Home { query } => {
            state.library.track();
            view! { <HomePage initial_query=query/> }.into_any()
        }
        Route::Practice(source) => view! { <PracticePage source=source/> }.into_any(),
        Route::ExamSetup => view! { <ExamSetupPage/> }.into_any(),
        Route::Exam(spec) => view! { <ExamPage spec=spec/> }.into_any(),
        Route::Data => view! { <DataPage/> }.into_any(),
        Route::Stats => view! { <StatsPage/> }.into_any(),
        Route::TryBank => view! { <TryBankPage/> }.into_any(),
    }
}
