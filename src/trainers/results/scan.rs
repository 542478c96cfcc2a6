//! “Quét mã QR bằng máy ảnh”: the camera shown on the page, each QR code read in it handed to
//! the results (once per code held up, not once per frame), until “Dừng quét” or the section is
//! left. The browser's own reader where it has one (`BarcodeDetector`), else the worker
//! (`ontap-scan-worker`, quircs), restarted if it fails. Where the browser cannot open a
//! camera, the section says so and pasting works as before.

use crate::platform::camera::{Camera, CameraError, Detector, Grabber, Video, buzz};
use crate::platform::later::sleep;
use crate::platform::qr_worker::QrWorker;
use leptos::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// Time between two frames read: a few a second find a code held up without heating a phone.
const EVERY_MS: i32 = 250;
/// Frames go to the worker at most this wide or high (ontap_scan::MAX_SIDE refuses larger).
const FRAME_SIDE: u32 = 800;
/// A worker that fails this many times in a row is given up.
const WORKER_RETRIES: u32 = 3;

/// What the organiser reads when the camera does not open.
fn camera_message(error: CameraError) -> &'static str {
    match error {
        CameraError::Denied => {
            "Trình duyệt không cho dùng máy ảnh. Hãy cho phép trang này dùng máy ảnh trong cài đặt của trình duyệt, hoặc dán mã."
        }
        CameraError::Missing => "Không tìm thấy máy ảnh trên thiết bị này: hãy dán mã.",
        CameraError::Busy => "Máy ảnh đang được ứng dụng khác dùng: hãy đóng ứng dụng đó rồi thử lại, hoặc dán mã.",
        CameraError::Other => "Không mở được máy ảnh: hãy dán mã.",
    }
}

const WORKER_FAILED: &str = "Không chạy được bộ đọc mã QR trên trình duyệt này: hãy dán mã.";
const AIM: &str = "Đưa mã QR của từng học viên vào khung hình: mỗi mã đọc được sẽ được thêm vào bảng.";

/// Reads QR codes one way or the other.
enum Reader {
    Native(Detector),
    /// Frames through a canvas to a worker (none while one is to be started), and how many
    /// times in a row the worker has failed.
    Worker(Grabber, Option<QrWorker>, u32),
}

impl Reader {
    async fn new() -> Option<Reader> {
        if let Some(detector) = Detector::qr().await {
            return Some(Reader::Native(detector));
        }
        Some(Reader::Worker(Grabber::new()?, QrWorker::start().await.ok(), 0))
    }

    /// The texts in the video's current frame; `Err` once the worker has failed
    /// [`WORKER_RETRIES`] times in a row.
    async fn read(&mut self, video: &Video) -> Result<Vec<String>, ()> {
        match self {
            Reader::Native(detector) => Ok(detector.read(video).await.unwrap_or_default()),
            Reader::Worker(grabber, worker, failures) => {
                if worker.is_none() {
                    *worker = QrWorker::start().await.ok();
                }
                let read = match (worker.as_ref(), grabber.frame(video, FRAME_SIDE)) {
                    (Some(w), Some(frame)) => w.read(frame).await,
                    (Some(_), None) => return Ok(Vec::new()),
                    (None, _) => Err(()),
                };
                match read {
                    Ok(texts) => {
                        *failures = 0;
                        Ok(texts)
                    }
                    Err(()) => {
                        *worker = None;
                        *failures += 1;
                        if *failures >= WORKER_RETRIES { Err(()) } else { Ok(Vec::new()) }
                    }
                }
            }
        }
    }
}

/// The scan button, the camera's picture and what it is doing; `on_text` gets each new text read.
#[component]
pub fn Scanner(on_text: Callback<String>) -> impl IntoView {
    let video = NodeRef::<leptos::html::Video>::new();
    let running = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    // The scanning session that may run: a scanning task runs while it is its own, so a stop
    // (or leaving the section) ends it, and a quick stop-then-start never leaves two running.
    let session = Arc::new(AtomicU32::new(0));
    let stop = {
        let session = session.clone();
        move || {
            session.fetch_add(1, Ordering::SeqCst);
        }
    };
    on_cleanup(stop.clone());
    let start = {
        let session = session.clone();
        move || {
            let Some(element) = video.get_untracked() else { return };
            let id = session.fetch_add(1, Ordering::SeqCst) + 1;
            running.set(true);
            status.set("Đang mở máy ảnh…".to_owned());
            let session = session.clone();
            leptos::task::spawn_local(async move {
                let element: Video = element;
                let alive = || session.load(Ordering::SeqCst) == id;
                let outcome = scan(&element, &alive, on_text, status).await;
                if let Err(message) = outcome
                    && alive()
                {
                    // Ended by itself (no camera, no reader): say why.
                    session.fetch_add(1, Ordering::SeqCst);
                    let _ = running.try_set(false);
                    let _ = status.try_set(message.to_owned());
                }
                // Unless a newer session has the picture already.
                if session.load(Ordering::SeqCst) == id + 1 {
                    element.set_src_object(None);
                }
            });
        }
    };
    let toggle = move |_| {
        if running.get_untracked() {
            stop();
            running.set(false);
            status.set("Đã tắt máy ảnh.".to_owned());
        } else {
            start();
        }
    };
    if !crate::platform::camera::available() {
        return view! {
            <p class="hint" id="scan-unavailable">
                "Trình duyệt này không mở được máy ảnh từ trang (cần mở trang bằng https): hãy dán mã."
            </p>
        }
        .into_any();
    }
    view! {
        <div class="scan">
            <p class="actions">
                <button type="button" class="button" id="results-scan" aria-controls="scan-video" on:click=toggle>
                    {move || if running.get() { "Dừng quét" } else { "Quét mã QR bằng máy ảnh" }}
                </button>
            </p>
            <video node_ref=video id="scan-video" aria-label="Hình từ máy ảnh để quét mã QR" hidden=move || !running.get()></video>
            <p role="status" id="scan-status">{move || status.get()}</p>
        </div>
    }
    .into_any()
}

/// Opens the camera and reads frames while `alive()`; the camera is closed on return.
async fn scan(
    video: &Video,
    alive: &dyn Fn() -> bool,
    on_text: Callback<String>,
    status: RwSignal<String>,
) -> Result<(), &'static str> {
    let camera = Camera::open().await.map_err(camera_message)?;
    // Stopped while the camera was asked for (or the person was asked): nothing to show.
    if !alive() {
        return Ok(());
    }
    camera.show(video).await;
    let mut reader = Reader::new().await.ok_or(WORKER_FAILED)?;
    if !alive() {
        return Ok(());
    }
    let _ = status.try_set(AIM.to_owned());
    let mut last = String::new();
    while alive() {
        sleep(EVERY_MS).await;
        if !alive() {
            break;
        }
        let texts = reader.read(video).await.map_err(|()| WORKER_FAILED)?;
        if !alive() {
            break;
        }
        for text in texts {
            // A code held up is read in many frames: hand it over once.
            if text != last {
                last = text.clone();
                buzz();
                on_text.run(text);
            }
        }
    }
    Ok(())
}
