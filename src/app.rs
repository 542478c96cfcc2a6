//! The app's root: loads the banks once, after the shell has painted, and shares them.

use crate::load::load_banks;
use crate::routes::catalogue::CataloguePage;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let report = LocalResource::new(load_banks);
    view! {
        <header class="app-header">
            <h1>"Ôn tập Nghị quyết"</h1>
            <p class="tagline">"Học và ôn nghị quyết, kết luận, chỉ thị — dùng được cả khi không có mạng."</p>
        </header>
        <main id="main">
            <Suspense fallback=|| view! { <p class="loading" role="status">"Đang tải ngân hàng câu hỏi…"</p> }>
                {move || report.get().map(|report| view! { <CataloguePage report=report/> })}
            </Suspense>
        </main>
    }
}
