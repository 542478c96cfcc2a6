//! Work that should not hold up the frame the member is waiting for: run it once the page has
//! painted and the browser is idle, or in pieces with the page's own tasks between them; and
//! at once when the page is hidden or left.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = requestIdleCallback)]
    fn request_idle_callback(callback: &js_sys::Function, options: &JsValue) -> Result<u32, JsValue>;
}

/// Longest wait for an idle moment before `f` runs anyway.
const IDLE_DEADLINE_MS: u32 = 1000;
/// Where `requestIdleCallback` is missing (Safari): a delay that is past the next paint.
const FALLBACK_DELAY_MS: i32 = 50;

/// Runs `f` after the next paint, when the browser is idle (within a second at most).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let callback: js_sys::Function = Closure::once_into_js(f).unchecked_into();
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_DEADLINE_MS.into());
    if request_idle_callback(&callback, &options).is_err()
        && let Some(window) = web_sys::window()
    {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&callback, FALLBACK_DELAY_MS);
    }
}

/// Resolves in a later task (`setTimeout` 0), so that the page can paint and handle input
/// between pieces of a long job.
pub async fn next_task() {
    sleep(0).await;
}

/// Resolves after `ms` milliseconds (at once where timers cannot be set).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .is_some_and(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).is_ok());
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls `f` every time the page is hidden (another app or tab comes to the front, the screen
/// locks) or left (`pagehide`): the last moments a phone reliably gives a page before it may be
/// discarded.
pub fn on_hidden(f: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let f = std::rc::Rc::new(f);
    let on_pagehide = {
        let f = f.clone();
        Closure::<dyn Fn()>::new(move || f())
    };
    let _ = window.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    on_pagehide.forget();
    if let Some(document) = window.document() {
        let watched = document.clone();
        let on_visibility = Closure::<dyn Fn()>::new(move || {
            if watched.hidden() {
                f();
            }
        });
        let _ = document.add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
        on_visibility.forget();
    }
}
