//! The home page's script (binary `ontap-home`): no framework. The build pre-renders the whole
//! home page into `index.html` (`ontap_core::home::page`); this completes it in place with
//! what only the device knows — each bank's progress, the review count, the banks added on
//! this device, notices about stored data — and runs the search box, the text size, "Gỡ bỏ",
//! the offline line and the update banner. Every element it writes comes from the same
//! `ontap_core::home::page` functions, with every text escaped. Links are plain links: the
//! other pages are another page load (`ontap-web`).

mod fill;

use crate::load::load_banks;
use crate::platform::clock::now_ms;
use crate::platform::dom::{self, listen};
use crate::platform::storage::LocalStore;
use crate::platform::{connection, nav, service_worker, settings};
use fill::Home;
use ontap_core::home::page::slot;
use ontap_core::home::{self, TEXT_SCALES};
use ontap_core::route::Route;
use std::cell::RefCell;
use std::rc::Rc;

/// Starts the home page's script.
pub fn start() {
    text_size();
    offline_line();
    update_banner();
    wasm_bindgen_futures::spawn_local(async {
        // The catalogue travels while the device's progress is read.
        let banks = load_banks();
        let progress = ontap_core::progress::store::load(&mut LocalStore, now_ms() as i64);
        let shipped = banks.await;
        let home = Rc::new(RefCell::new(Home::new(shipped, progress)));
        home.borrow().fill();
        search(&home);
        removing(&home);
        dom::mark_ready();
    });
}

/// The text-size buttons: the saved size pressed, a click saves and applies another.
fn text_size() {
    let pressed = |scale: &str| {
        for (button, (value, _)) in dom::all(".text-size button.size").iter().zip(TEXT_SCALES) {
            let _ = button.set_attribute("aria-pressed", if value == scale { "true" } else { "false" });
        }
    };
    pressed(settings::text_scale());
    for (button, (value, _)) in dom::all(".text-size button.size").into_iter().zip(TEXT_SCALES) {
        listen(&button, "click", move |_| {
            settings::set_text_scale(value);
            pressed(value);
        });
    }
}

/// The offline line in the header, shown while the browser reports no network.
fn offline_line() {
    let show = |online: bool| {
        if let Some(line) = dom::by_id(slot::OFFLINE) {
            let _ = if online { line.set_attribute("hidden", "") } else { line.remove_attribute("hidden") };
        }
    };
    show(connection::online());
    connection::watch(show);
}

/// The worker keeps the site offline; the banner offers a new version when one is waiting.
fn update_banner() {
    if let Some(button) = dom::by_id("apply-update") {
        listen(&button, "click", |_| service_worker::apply_update());
    }
    service_worker::register(|| {
        if let Some(banner) = dom::by_id(slot::UPDATE) {
            let _ = banner.remove_attribute("hidden");
        }
    });
}

/// The search box: results as the member types, the query kept in the address bar.
fn search(home: &Rc<RefCell<Home>>) {
    let Some(input) = dom::input("search") else { return };
    if let Route::Home { query } = Route::parse(&nav::current_query())
        && !query.is_empty()
    {
        input.set_value(&query);
        home.borrow().show_results(&query);
    }
    let home = home.clone();
    let field = input.clone();
    listen(&input, "input", move |_| {
        let query = field.value();
        nav::replace(&Route::Home { query: query.clone() }.to_query());
        home.borrow().show_results(&query);
    });
}

/// "Gỡ bỏ" on a bank added on this device, after the browser's own confirmation.
fn removing(home: &Rc<RefCell<Home>>) {
    let Some(main) = dom::by_id("main") else { return };
    let home = home.clone();
    listen(&main, "click", move |ev| {
        let Some(button) = dom::closest(&ev, "button[data-remove]") else { return };
        let id = button.get_attribute("data-remove").unwrap_or_default();
        let title = button.get_attribute("data-title").unwrap_or_default();
        if dom::confirm(&home::confirm_remove(&title)) {
            let mut home = home.borrow_mut();
            home.remove_local(&id);
            home.fill();
        }
    });
}
