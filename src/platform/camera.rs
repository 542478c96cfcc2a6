//! The camera, for scanning QR codes: a stream shown in a `<video>`, its frames as pixels for
//! the worker ([`super::qr_worker`]), and the browser's own QR reader (`BarcodeDetector`:
//! Chrome on Android and macOS) where there is one, looked up at run time.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The `<video>` element the camera is shown in (a `NodeRef<leptos::html::Video>` gives one).
pub type Video = web_sys::HtmlVideoElement;

/// Why the camera did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CameraError {
    /// The person or the browser's settings refused it.
    Denied,
    /// This device has no camera.
    Missing,
    /// Another app holds it.
    Busy,
    /// Anything else the browser reported.
    Other,
}

/// Whether this browser can open a camera from this page (it needs HTTPS or localhost).
pub fn available() -> bool {
    media_devices().is_some()
}

fn media_devices() -> Option<web_sys::MediaDevices> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let devices = js_sys::Reflect::get(&navigator, &"mediaDevices".into()).ok()?;
    let devices: web_sys::MediaDevices = devices.dyn_into().ok()?;
    let get_user_media = js_sys::Reflect::get(&devices, &"getUserMedia".into()).ok()?;
    get_user_media.is_function().then_some(devices)
}

/// An open camera; its light goes off when dropped.
pub struct Camera(web_sys::MediaStream);

impl Camera {
    /// Opens the camera facing away from the person (where there is a choice).
    pub async fn open() -> Result<Camera, CameraError> {
        let devices = media_devices().ok_or(CameraError::Other)?;
        let constraints = web_sys::MediaStreamConstraints::new();
        let facing = js_sys::Object::new();
        let ideal = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&ideal, &"ideal".into(), &"environment".into());
        let _ = js_sys::Reflect::set(&facing, &"facingMode".into(), &ideal);
        constraints.set_video(&facing);
        constraints.set_audio(&JsValue::FALSE);
        let promise = devices.get_user_media_with_constraints(&constraints).map_err(|_| CameraError::Other)?;
        let stream = JsFuture::from(promise).await.map_err(|e| error_kind(&e))?;
        Ok(Camera(stream.unchecked_into()))
    }

    /// Shows the camera in `video`, muted and inline (phones would otherwise open it full
    /// screen), once it plays.
    pub async fn show(&self, video: &Video) {
        video.set_muted(true);
        let _ = video.set_attribute("playsinline", "");
        video.set_src_object(Some(&self.0));
        if let Ok(playing) = video.play() {
            let _ = JsFuture::from(playing).await;
        }
    }
}

impl Drop for Camera {
    fn drop(&mut self) {
        for track in self.0.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
    }
}

/// What a refused `getUserMedia` means, from the error's name.
fn error_kind(error: &JsValue) -> CameraError {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => CameraError::Denied,
        "NotFoundError" | "OverconstrainedError" => CameraError::Missing,
        "NotReadableError" | "AbortError" => CameraError::Busy,
        _ => CameraError::Other,
    }
}

/// One frame's pixels, RGBA row by row, as a canvas gives them.
pub struct Frame {
    pub width: u32,
    pub height: u32,
    pub pixels: js_sys::Uint8ClampedArray,
}

/// Takes frames from a video through a canvas of its own (never shown).
pub struct Grabber(web_sys::CanvasRenderingContext2d);

impl Grabber {
    pub fn new() -> Option<Grabber> {
        let canvas = web_sys::window()?.document()?.create_element("canvas").ok()?;
        let canvas: web_sys::HtmlCanvasElement = canvas.dyn_into().ok()?;
        let options = js_sys::Object::new();
        // The canvas is read back on every frame: keep it in memory, not on the GPU.
        let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
        let context = canvas.get_context_with_context_options("2d", &options).ok()??;
        Some(Grabber(context.dyn_into().ok()?))
    }

    /// The video's current frame, scaled down to `max_side` pixels on its longer side; `None`
    /// before the first frame has arrived.
    pub fn frame(&self, video: &web_sys::HtmlVideoElement, max_side: u32) -> Option<Frame> {
        let (w, h) = (video.video_width(), video.video_height());
        if w == 0 || h == 0 {
            return None;
        }
        let scale = (f64::from(max_side) / f64::from(w.max(h))).min(1.0);
        let (width, height) = (((f64::from(w) * scale) as u32).max(1), ((f64::from(h) * scale) as u32).max(1));
        let canvas = self.0.canvas()?;
        canvas.set_width(width);
        canvas.set_height(height);
        self.0
            .draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, f64::from(width), f64::from(height))
            .ok()?;
        let image = self.0.get_image_data(0.0, 0.0, f64::from(width), f64::from(height)).ok()?;
        // The pixels as the browser holds them, not copied into Rust: they go on to the worker.
        let pixels = js_sys::Reflect::get(&image, &"data".into()).ok()?.dyn_into().ok()?;
        Some(Frame { width, height, pixels })
    }
}

/// A short buzz on phones that can (`navigator.vibrate`): a code was read, the next can be held up.
pub fn buzz() {
    if let Some(window) = web_sys::window() {
        let navigator: JsValue = window.navigator().into();
        if let Ok(vibrate) = js_sys::Reflect::get(&navigator, &"vibrate".into())
            && let Ok(vibrate) = vibrate.dyn_into::<js_sys::Function>()
        {
            let _ = vibrate.call1(&navigator, &JsValue::from(80));
        }
    }
}

/// The browser's own QR reader.
pub struct Detector(JsValue);

impl Detector {
    /// The browser's `BarcodeDetector` for QR codes, when it has one that reads them.
    pub async fn qr() -> Option<Detector> {
        let window: JsValue = web_sys::window()?.into();
        let class: js_sys::Function = js_sys::Reflect::get(&window, &"BarcodeDetector".into()).ok()?.dyn_into().ok()?;
        let supported: js_sys::Function =
            js_sys::Reflect::get(&class, &"getSupportedFormats".into()).ok()?.dyn_into().ok()?;
        let formats: js_sys::Promise = supported.call0(&class).ok()?.dyn_into().ok()?;
        let formats = js_sys::Array::from(&JsFuture::from(formats).await.ok()?);
        if !formats.includes(&"qr_code".into(), 0) {
            return None;
        }
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"formats".into(), &js_sys::Array::of1(&"qr_code".into()));
        js_sys::Reflect::construct(&class, &js_sys::Array::of1(&options)).ok().map(Detector)
    }

    /// The texts of the QR codes in the video's current frame; `Err` when the reader failed.
    pub async fn read(&self, video: &web_sys::HtmlVideoElement) -> Result<Vec<String>, ()> {
        let detect: js_sys::Function =
            js_sys::Reflect::get(&self.0, &"detect".into()).map_err(drop)?.dyn_into().map_err(drop)?;
        let found: js_sys::Promise = detect.call1(&self.0, video).map_err(drop)?.dyn_into().map_err(drop)?;
        let found = js_sys::Array::from(&JsFuture::from(found).await.map_err(drop)?);
        Ok(found.iter().filter_map(|code| js_sys::Reflect::get(&code, &"rawValue".into()).ok()?.as_string()).collect())
    }
}
