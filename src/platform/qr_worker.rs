//! Reading QR codes off the page's thread: the worker's side ([`serve`], the whole of the
//! `ontap-scan-worker` binary) and the page's side ([`QrWorker`]). The worker posts an empty
//! array once it is ready (a message sent before would be lost while its wasm loads); the page
//! then posts `[width, height, rgba]`, one frame at a time, and the worker answers each with
//! the array of texts found. A worker that fails (its wasm aborted on a frame, or it could not
//! load) is ended and the page starts another: the page itself is never lost.

use super::camera::Frame;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The loader trunk writes beside the page for the worker binary (`data-loader-shim`).
const LOADER: &str = "ontap-scan-worker_loader.js";
/// Longest wait for the worker to start (its files come from the cache, or the network).
const START_MS: i32 = 15_000;
/// Longest wait for a frame's answer: a frame is read in milliseconds (BENCHMARKS.md §11), but
/// quircs can spend seconds on some degenerate ones (its search for the alignment pattern
/// spirals as far as a size estimate a skewed grid makes huge; found by fuzzing, §9). The
/// worker is then ended and another started, and the scanning goes on.
const FRAME_MS: i32 = 3_000;

/// The worker's side: answers every frame posted to it with `read(width, height, rgba)`.
pub fn serve(read: fn(usize, usize, &[u8]) -> Vec<String>) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = js_sys::Array::from(&event.data());
        let side = |i| data.get(i).as_f64().filter(|v| v.is_finite() && *v >= 0.0).unwrap_or(0.0) as usize;
        let pixels = data.get(2).dyn_into::<js_sys::Uint8ClampedArray>().map(|p| p.to_vec()).unwrap_or_default();
        let texts: js_sys::Array = read(side(0), side(1), &pixels).into_iter().map(JsValue::from).collect();
        let _ = replies.post_message(&texts);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&js_sys::Array::new());
}

/// The page's side: a running worker, ended when dropped.
pub struct QrWorker(web_sys::Worker);

impl QrWorker {
    /// Starts a worker from the loader beside the page; `Err` when it did not start.
    pub async fn start() -> Result<QrWorker, ()> {
        let worker = web_sys::Worker::new(LOADER).map_err(drop)?;
        let worker = QrWorker(worker);
        worker.reply(START_MS).await?;
        Ok(worker)
    }

    /// The texts of the QR codes in `frame`; `Err` when the worker failed (start another).
    pub async fn read(&self, frame: Frame) -> Result<Vec<String>, ()> {
        let message = js_sys::Array::of3(&frame.width.into(), &frame.height.into(), &frame.pixels);
        let transfer = js_sys::Array::of1(&frame.pixels.buffer());
        self.0.post_message_with_transfer(&message, &transfer).map_err(drop)?;
        let texts = self.reply(FRAME_MS).await?;
        Ok(js_sys::Array::from(&texts).iter().filter_map(|t| t.as_string()).collect())
    }

    /// The worker's next message's data; `Err` on an error in the worker or after `timeout_ms`.
    async fn reply(&self, timeout_ms: i32) -> Result<JsValue, ()> {
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            self.0.set_onmessage(Some(&resolve));
            self.0.set_onerror(Some(&reject));
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, timeout_ms);
            }
        });
        let event = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(drop)?;
        Ok(event.dyn_into::<web_sys::MessageEvent>().map_err(drop)?.data())
    }
}

impl Drop for QrWorker {
    fn drop(&mut self) {
        self.0.terminate();
    }
}
