//! Handing text to other apps: the phone's share sheet (Web Share API: Zalo, Messenger, e-mail)
//! and the clipboard. Both are looked up at run time, as not every browser has them (the
//! clipboard needs HTTPS or localhost).

use wasm_bindgen::{JsCast, JsValue};

/// `navigator[name]` bound to `navigator`, when the browser has it.
fn navigator_method(name: &str) -> Option<(JsValue, js_sys::Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let method = js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok()?.dyn_into().ok()?;
    Some((navigator, method))
}

async fn settle(promise: Result<JsValue, JsValue>) -> Result<(), ()> {
    let promise: js_sys::Promise = promise.map_err(|_| ())?.dyn_into().map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

/// Whether this browser has a share sheet.
pub fn can_share() -> bool {
    navigator_method("share").is_some()
}

/// Opens the share sheet with `text`; `Err` when it cannot, or the member closed it.
pub async fn share(title: &str, text: &str) -> Result<(), ()> {
    let (navigator, share) = navigator_method("share").ok_or(())?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"title".into(), &title.into()).map_err(|_| ())?;
    js_sys::Reflect::set(&data, &"text".into(), &text.into()).map_err(|_| ())?;
    settle(share.call1(&navigator, &data)).await
}

/// Copies `text` to the clipboard; `Err` when the browser refuses.
pub async fn copy(text: &str) -> Result<(), ()> {
    let navigator: JsValue = web_sys::window().ok_or(())?.navigator().into();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(|_| ())?;
    let write: js_sys::Function =
        js_sys::Reflect::get(&clipboard, &"writeText".into()).map_err(|_| ())?.dyn_into().map_err(|_| ())?;
    settle(write.call1(&clipboard, &text.into())).await
}
