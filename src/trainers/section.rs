//! The trainers' page's sections, one per task, chosen in the query string (`soan.html?muc=…`)
//! so that each can be linked, bookmarked and reopened; switching between them stays in the page
//! (the shipped folder is checked once).

use crate::platform::nav;
use leptos::prelude::*;

/// One section of the trainers' page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Check a bank file, the banks on this device and the shipped banks.
    Check,
    /// Write and fix questions in the browser (`editor/`).
    Editor,
    /// Import a Word, Excel, text, CSV or GIFT file into a bank.
    Import,
    /// Gather a group's result codes: scores, item analysis, CSV.
    Results,
}

impl Section {
    /// Every section, in the order of the page's menu.
    pub const ALL: &[Section] = &[Section::Check, Section::Editor, Section::Import, Section::Results];

    /// The section a query string names; the first one otherwise.
    pub fn from_query(query: &str) -> Section {
        let wanted =
            query.trim_start_matches('?').split('&').find_map(|pair| pair.strip_prefix("muc=")).unwrap_or_default();
        Section::ALL.iter().copied().find(|s| s.slug() == wanted).unwrap_or(Section::Check)
    }

    /// Its name in the query string.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Check => "kiem-tra",
            Section::Editor => "soan",
            Section::Import => "nhap",
            Section::Results => "ket-qua",
        }
    }

    /// Its query string.
    pub fn query(self) -> String {
        format!("?muc={}", self.slug())
    }

    /// Its name in the menu.
    pub fn label(self) -> &'static str {
        match self {
            Section::Check => "Kiểm tra ngân hàng",
            Section::Editor => "Soạn câu hỏi",
            Section::Import => "Nhập từ Word, Excel…",
            Section::Results => "Tổng hợp kết quả",
        }
    }
}

/// The section shown, following the address bar (links in the menu and the back button).
pub fn current_section() -> RwSignal<Section> {
    let section = RwSignal::new(Section::from_query(&nav::current_query()));
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        section.set(Section::from_query(&nav::current_query()));
    });
    on_cleanup(move || handle.remove());
    section
}

/// The menu: plain links that switch the section in place on a plain click.
#[component]
pub fn SectionMenu(section: RwSignal<Section>) -> impl IntoView {
    let links = Section::ALL.iter().copied().map(|s| {
        view! {
            <li><a href=s.query()
                aria-current=move || (section.get() == s).then_some("page")
                on:click=move |ev| {
                    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                        return;
                    }
                    ev.prevent_default();
                    nav::push(&s.query());
                    section.set(s);
                }>{s.label()}</a></li>
        }
    });
    view! {
        <nav class="trainer-menu" aria-label="Các mục của trang soạn">
            <ul>{links.collect_view()}</ul>
        </nav>
    }
}
