//! The app's root: paints the shell at once, loads the banks after it, keeps the route in step
//! with the address bar, and shares the library with every page.

use crate::components::text_size::TextSizeControl;
use crate::load::load_banks;
use crate::platform::{nav, settings};
use crate::routes::{exam::ExamPage, exam_setup::ExamSetupPage, home::HomePage, practice::PracticePage};
use leptos::prelude::*;
use ontap_core::check::FolderReport;
use ontap_core::library::Library;
use ontap_core::route::Route;
use std::sync::Arc;

/// What every page can reach.
#[derive(Clone)]
pub struct AppState {
    /// The usable banks and their materials.
    pub library: Arc<Library>,
    /// What loading found, including the banks that could not be used.
    pub report: Arc<FolderReport>,
    /// The current screen.
    pub route: RwSignal<Route>,
}

impl AppState {
    /// Goes to `route`, adding a history entry.
    pub fn navigate(&self, route: Route) {
        nav::push(&route.to_query());
        self.route.set(route);
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    settings::apply_text_scale(settings::text_scale());
    let route = RwSignal::new(Route::parse(&nav::current_query()));
    let handle = window_event_listener(leptos::ev::popstate, move |_| route.set(Route::parse(&nav::current_query())));
    on_cleanup(move || handle.remove());
    let report = LocalResource::new(load_banks);
    view! {
        <a class="skip" href="#main">"Bỏ qua, tới nội dung chính"</a>
        <header class="app-header">
            <a class="brand" href="?" on:click=move |ev| {
                ev.prevent_default();
                nav::push("?");
                route.set(Route::Home { query: String::new() });
            }>"Ôn tập Nghị quyết"</a>
            <TextSizeControl/>
        </header>
        <main id="main" tabindex="-1">
            <Suspense fallback=|| view! { <p class="loading" role="status">"Đang tải ngân hàng câu hỏi…"</p> }>
                {move || report.get().map(|report| {
                    let library = Library::new(
                        report.banks.iter().filter_map(|b| b.bank.clone()).collect(),
                        report.materials.as_ref().map(|m| m.materials.clone()).unwrap_or_default(),
                    );
                    let state = AppState { library: Arc::new(library), report: Arc::new(report), route };
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
        Route::Home { query } => view! { <HomePage initial_query=query/> }.into_any(),
        Route::Practice(source) => view! { <PracticePage source=source/> }.into_any(),
        Route::ExamSetup => view! { <ExamSetupPage/> }.into_any(),
        Route::Exam(spec) => view! { <ExamPage spec=spec/> }.into_any(),
    }
}
