//! The member app's root: takes over from the page pre-rendered into `index.html`, loads the
//! banks, keeps the route in step with the address bar, and shares the library with every page.
//!
//! The pre-rendered page (`crates/site`) stays on screen until the app has its first page ready:
//! the app is mounted hidden and the two are swapped in one task, so nothing is painted twice
//! and nothing moves.

use crate::components::offline_notice::OfflineNotice;
use crate::components::text_size::TextSizeControl;
use crate::components::update_banner::UpdateBanner;
use crate::load::load_banks;
use crate::local::load_local;
use crate::platform::clock::now_ms;
use crate::platform::dom;
use crate::platform::storage::LocalStore;
use crate::platform::{later, nav, service_worker, settings, timing};
use crate::routes::{
    data::DataPage, exam::ExamPage, exam_setup::ExamSetupPage, practice::PracticePage, stats::StatsPage,
};
use crate::save::ProgressWriter;
use leptos::prelude::*;
use ontap_core::home::{APP_TITLE, SEE_DATA, SKIP_LINK};
use ontap_core::library::{Library, QuestionRef};
use ontap_core::local::ReadLocal;
use ontap_core::progress::store::{Notice, load};
use ontap_core::progress::{AnswerRecord, Mode, Progress};
use ontap_core::route::Route;
use ontap_core::score::Credit;
use ontap_core::shipped::Shipped;
use std::sync::Arc;

/// What every page can reach.
#[derive(Clone)]
pub struct AppState {
    /// The usable banks (shipped, then local) and their materials. Replaced, never mutated, when
    /// a local bank is added or removed: pages take the current one when they open.
    pub library: RwSignal<Arc<Library>>,
    /// The shipped banks, and the files that could not be read.
    pub shipped: Arc<Shipped>,
    /// The banks added on this device (`src/local.rs`), as read today.
    pub local: RwSignal<Vec<ReadLocal>>,
    /// Whether local banks may be written (false: storage disabled, or newer data stored).
    pub local_may_save: bool,
    /// The current screen.
    pub route: RwSignal<Route>,
    /// The member's answers.
    pub progress: RwSignal<Progress>,
    /// Whether progress may be written (false: it lives in memory only, and the member is told).
    pub may_save: bool,
    /// Writes progress to localStorage.
    pub writer: ProgressWriter,
    /// Whether an exam is in progress (set by the exam page): no update is offered meanwhile.
    pub exam_running: RwSignal<bool>,
    /// Which materials' texts the deployment serves (by `text_file`; asked once each).
    pub material_texts: RwSignal<std::collections::BTreeMap<String, bool>>,
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

/// Mounts the app beside the pre-rendered page.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    settings::apply_text_scale(settings::text_scale());
    let route = RwSignal::new(Route::parse(&nav::current_query()));
    let handle = window_event_listener(leptos::ev::popstate, move |_| route.set(Route::parse(&nav::current_query())));
    on_cleanup(move || handle.remove());
    // The banks, then the library (with the banks added on this device), then, in a task of
    // its own, the first page: no one long task on a slow phone.
    let banks = LocalResource::new(|| async {
        let shipped = Arc::new(load_banks().await);
        let (stored, local, library) = load_local(&shipped);
        timing::mark("ontap:library");
        later::next_task().await;
        (shipped, stored, local, Arc::new(library))
    });
    let loaded = load(&mut LocalStore, now_ms() as i64);
    let progress = RwSignal::new(loaded.progress);
    let notices = RwSignal::new(loaded.notices.iter().map(Notice::message).collect::<Vec<_>>());
    let may_save = loaded.may_save;
    let writer = ProgressWriter::new(progress, notices);
    let update_ready = RwSignal::new(false);
    let exam_running = RwSignal::new(false);
    service_worker::register(move || {
        let _ = update_ready.try_set(true);
    });
    // Shown, and the pre-rendered page removed, once the first page is ready (same task).
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        if ready.get() {
            dom::remove_prerendered();
            dom::mark_ready();
        }
    });
    view! {
        <div id="app" hidden=move || !ready.get()>
        <a class="skip" href="#main">{SKIP_LINK}</a>
        <header class="app-header">
            <a class="brand" href="?" on:click=move |ev| {
                ev.prevent_default();
                nav::push("?");
                route.set(Route::Home { query: String::new() });
            }>{APP_TITLE}</a>
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
                        }>{SEE_DATA}</a></p>
                    </div>
                })
            }}
            <Suspense fallback=|| view! { <p class="loading" role="status">"Đang tải ngân hàng câu hỏi…"</p> }>
                {move || banks.get().map(|(shipped, stored, local, library)| {
                    // Named with the progress notices, at the top of every page.
                    if let Some(notice) = &stored.notice {
                        notices.update(|n| n.push(notice.message()));
                    }
                    let state = AppState {
                        library: RwSignal::new(library),
                        shipped,
                        local: RwSignal::new(local),
                        local_may_save: stored.may_save,
                        route,
                        progress,
                        may_save,
                        writer: writer.clone(),
                        exam_running,
                        material_texts: RwSignal::new(Default::default()),
                    };
                    provide_context(state);
                    ready.set(true);
                    view! { <Screen/> }
                })}
            </Suspense>
        </main>
        </div>
    }
}

/// The page for the current route.
#[component]
fn Screen() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || every_page(state.route.get())
}

/// Every member page but the home page, which is its own page (`src/home/`, the binary
/// `ontap-home`): going home is a page load, from the cache offline.
pub fn every_page(route: Route) -> AnyView {
    match route {
        Route::Home { .. } => leave(&route.to_query()),
        Route::Practice(source) => view! { <PracticePage source=source/> }.into_any(),
        Route::ExamSetup => view! { <ExamSetupPage/> }.into_any(),
        Route::Exam(spec) => view! { <ExamPage spec=spec/> }.into_any(),
        Route::Print(spec) => view! { <crate::routes::print::PrintPage spec=spec/> }.into_any(),
        Route::Material { material, quote } => {
            view! { <crate::routes::material::MaterialPage material=material passage=quote/> }.into_any()
        }
        Route::Data => view! { <DataPage/> }.into_any(),
        Route::Stats => view! { <StatsPage/> }.into_any(),
        Route::TryBank => leave(ontap_core::home::TRAINERS_PAGE),
    }
}

/// Leaves for another page load of `href` (in place of the history entry just pushed).
fn leave(href: &str) -> AnyView {
    nav::go_to(href);
    view! { <p class="loading" role="status">{ontap_core::home::OPENING}</p> }.into_any()
}
