//! The service worker (`public/sw.js`): registration, news of a new version, and applying it
//! only when the member asks. Browsers without service workers (or pages not served over
//! HTTPS or loopback) simply run online.

use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker's address, relative to the page (the app's folder, so a sub-path works).
const WORKER: &str = "sw.js";

/// The message that tells a waiting worker to take over (see `public/sw.js`).
const SKIP_WAITING: &str = "skip-waiting";

/// The container, when this browser and page may use service workers.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    (!present.is_undefined()).then(|| navigator.service_worker())
}

/// Whether a page is already controlled: only then is an installed worker an *update*
/// (the first install is not news).
fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Registers the worker; calls `on_update` whenever a new version is installed and waiting.
/// Asks for a fresh check each time the connection comes back.
pub fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    let registering = container.register(WORKER);
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(registering).await else { return };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        if reg.waiting().is_some() && controlled() {
            on_update();
        }
        let found = {
            let reg = reg.clone();
            Closure::<dyn Fn()>::new(move || {
                let Some(worker) = reg.installing() else { return };
                let on_update = on_update.clone();
                let watched = worker.clone();
                let changed = Closure::<dyn Fn()>::new(move || {
                    if watched.state() == ServiceWorkerState::Installed && controlled() {
                        on_update();
                    }
                });
                worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
                changed.forget();
            })
        };
        reg.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
        if let Some(window) = web_sys::window() {
            let back_online = Closure::<dyn Fn()>::new(move || {
                let _ = reg.update();
            });
            let _ = window.add_event_listener_with_callback("online", back_online.as_ref().unchecked_ref());
            back_online.forget();
        }
    });
}

/// Applies the waiting version: the worker takes over, then the page reloads into it. With no
/// waiting worker (another tab applied it already) the page just reloads.
pub fn apply_update() {
    let reload = || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    let Some(container) = container() else { return reload() };
    spawn_local(async move {
        let reg = JsFuture::from(container.get_registration()).await.ok();
        let waiting = reg.and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok()).and_then(|r| r.waiting());
        let Some(waiting) = waiting else { return reload() };
        let changed = Closure::<dyn Fn()>::new(reload);
        container.set_oncontrollerchange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
        let _ = waiting.post_message(&SKIP_WAITING.into());
    });
}
