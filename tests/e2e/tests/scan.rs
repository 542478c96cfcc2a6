//! Scanning members' QR codes with the camera on the trainers' page (soan.html?muc=ket-qua), in
//! headless Chromium at 360 px: a member submits an exam and shows the QR code of their result;
//! a fake camera films that screen (Chromium plays a Y4M file as the camera) and the trainers'
//! page reads it in its worker (Chromium on Linux has no
//! BarcodeDetector), adds the member to the table, and closes the camera on “Dừng quét”; where
//! the browser has a BarcodeDetector the page uses it instead of the worker (one is put in the
//! page before it loads, as Chrome on Android has one); a refused camera is said in words and
//! pasting still works.

use ontap_core::draw::Filter;
use ontap_core::exam::Exam;
use ontap_core::library::Library;
use ontap_core::local::library;
use ontap_core::result_code::ResultCode;
use ontap_core::route::ExamSpec;
use ontap_e2e::browser::Browser;
use ontap_e2e::page::{assert_no_horizontal_scroll, js, poll, text_of, texts, wait_text};
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, shipped_report};
use serde_json::Value;
use std::path::{Path, PathBuf};
use thirtyfour::prelude::*;

const BANK: &str = "ngay-le-lon";

/// A member's code for the exam of a group link, as their page would make it.
fn member_code(lib: &Library, name: &str) -> String {
    let spec = ExamSpec {
        filter: Filter { banks: vec![BANK.into()], tags: vec![] },
        count: 10,
        minutes: 30,
        pass_percent: 50,
        seed: 777,
    };
    let mut exam = Exam::start(lib, spec, 1_764_000_000_000.0);
    exam.submit(1_764_000_300_000.0);
    ResultCode::of_exam(lib, &exam, name).encode()
}

/// A Y4M video (one 640 × 480 frame, 4:2:0, which Chromium's fake camera repeats) of `png`, a
/// screenshot, in grey levels, centred on grey paper: the file the camera films.
fn film(png: &[u8], name: &str) -> PathBuf {
    let (w, h) = (640usize, 480usize);
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    let (sw, sh) = (info.width as usize, info.height as usize);
    assert!(sw <= w && sh <= h, "the screenshot ({sw} × {sh}) fits the frame");
    let channels = info.color_type.samples();
    let (left, top) = ((w - sw) / 2, (h - sh) / 2);
    let mut luma = vec![200u8; w * h];
    for y in 0..sh {
        for x in 0..sw {
            let p = &pixels[(y * sw + x) * channels..];
            let grey = if channels >= 3 {
                (77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8
            } else {
                u32::from(p[0])
            };
            luma[(top + y) * w + left + x] = grey as u8;
        }
    }
    let mut y4m = format!("YUV4MPEG2 W{w} H{h} F10:1 Ip A1:1 C420jpeg\nFRAME\n").into_bytes();
    y4m.extend_from_slice(&luma);
    y4m.extend(std::iter::repeat_n(128u8, w * h / 2));
    let path = std::env::temp_dir().join(format!("ontap-scan-{}-{name}.y4m", std::process::id()));
    std::fs::write(&path, y4m).unwrap();
    path
}

/// A member on a phone takes the group's exam (`link`) without answering, submits it, types
/// `name`: the result code shown, and a screenshot of its QR code.
async fn members_screen(server: &StaticServer, link: &str, name: &str) -> (String, Vec<u8>) {
    let b = Browser::start(1280, 900).await;
    b.emulate_phone(360, 800).await;
    b.driver.goto(format!("{}{link}", server.url())).await.unwrap();
    b.wait_for("#submit-exam").await.click().await.unwrap();
    b.wait_for("#confirm-submit").await.click().await.unwrap();
    b.wait_for("#result-name").await.send_keys(name).await.unwrap();
    let qr = b.wait_for("svg.qr").await;
    let code = poll("the code", || async {
        js(&b, "return document.getElementById('result-code')?.value || null").await.as_str().map(str::to_owned)
    })
    .await;
    let png = qr.screenshot_as_png().await.unwrap();
    b.quit().await;
    (code, png)
}

/// A browser whose camera is fake (filming `video` when given) and allowed, or refused.
async fn browser(video: Option<&Path>, allowed: bool) -> Browser {
    let mut args = vec!["--use-fake-device-for-media-stream".to_owned()];
    if allowed {
        args.push("--use-fake-ui-for-media-stream".to_owned());
    }
    if let Some(video) = video {
        args.push(format!("--use-file-for-fake-video-capture={}", video.display()));
    }
    let prefs =
        (!allowed).then(|| serde_json::json!({ "profile.default_content_setting_values.media_stream_camera": 2 }));
    let b = Browser::start_with_args(1280, 900, prefs, &args).await;
    b.emulate_phone(360, 800).await;
    b
}

async fn open_results(b: &Browser, server: &StaticServer) {
    b.driver.goto(format!("{}soan.html?muc=ket-qua", server.url())).await.unwrap();
    b.wait_for("#results-scan").await;
}

/// The names in the members' table.
async fn names(b: &Browser) -> Vec<String> {
    texts(b, "#results-table tr.member th").await
}

/// Whether the page has fetched the QR worker's script.
async fn worker_loaded(b: &Browser) -> bool {
    js(b, "return performance.getEntriesByType('resource').some(e => e.name.includes('ontap-scan-worker_loader.js'))")
        .await
        .as_bool()
        .unwrap()
}

/// Whether a QR worker runs now (the browser's own list of targets, through the DevTools
/// protocol).
async fn worker_running(b: &Browser) -> bool {
    let targets = b.driver.cdp().send_raw("Target.getTargets", serde_json::json!({})).await.unwrap();
    targets["targetInfos"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["type"] == "worker" && t["url"].as_str().is_some_and(|u| u.ends_with("ontap-scan-worker_loader.js")))
}

#[tokio::test]
async fn a_members_qr_code_filmed_by_the_camera_is_read_in_the_worker_and_counted() {
    let server = StaticServer::start(&dist_dir(), 0);
    let link = format!("?trang=thi&nh={BANK}&so=10&phut=30&dat=50&ma=777");
    let (code, png) = members_screen(&server, &link, "Phạm Thị Dung").await;
    assert_eq!(ResultCode::decode(&code).map(|c| c.name), Ok("Phạm Thị Dung".to_owned()));
    let video = film(&png, "dung");
    let b = browser(Some(&video), true).await;
    open_results(&b, &server).await;
    assert_eq!(js(&b, "return 'BarcodeDetector' in window").await, Value::Bool(false), "Chromium on Linux has none");

    // From the keyboard: focus the button, Enter.
    let button = b.wait_for("#results-scan").await;
    button.focus().await.unwrap();
    b.driver.active_element().await.unwrap().send_keys(Key::Enter).await.unwrap();
    wait_text(&b, "#results-status", "Đã quét mã của Phạm Thị Dung.").await;
    assert_eq!(names(&b).await, vec!["Phạm Thị Dung".to_owned()]);
    assert!(worker_loaded(&b).await && worker_running(&b).await, "read by the worker");
    assert_eq!(text_of(&b, "#results-scan").await.as_deref(), Some("Dừng quét"));
    let shown = js(&b, "const v = document.getElementById('scan-video'); return [v.hidden, v.videoWidth, innerWidth, v.getBoundingClientRect().right <= innerWidth];").await;
    assert_eq!(shown, serde_json::json!([false, 640, 360, true]), "the camera's picture, within a 360 px screen");
    assert_no_horizontal_scroll(&b, "scanning").await;

    // Held up for many frames, the code is counted once and not announced again.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(text_of(&b, "#results-status").await.as_deref(), Some("Đã quét mã của Phạm Thị Dung."));
    assert_eq!(names(&b).await.len(), 1);
    let stored = js(&b, "return localStorage.getItem('ontap.results')").await;
    assert_eq!(stored, Value::from(code.clone()), "kept on the device like pasted codes");

    // “Dừng quét” closes the camera.
    button.click().await.unwrap();
    wait_text(&b, "#scan-status", "Đã tắt máy ảnh.").await;
    let closed = "const v = document.getElementById('scan-video'); return v.hidden && v.srcObject === null;";
    poll("the camera closed", || async { (js(&b, closed).await == Value::Bool(true)).then_some(()) }).await;
    poll("the worker ended", || async { (!worker_running(&b).await).then_some(()) }).await;
    assert_eq!(text_of(&b, "#results-scan").await.as_deref(), Some("Quét mã QR bằng máy ảnh"));

    // Scanning again after a reload: the code is already there.
    b.driver.refresh().await.unwrap();
    b.wait_for("#results-scan").await.click().await.unwrap();
    wait_text(&b, "#results-status", "Mã của Phạm Thị Dung đã có trong bảng.").await;
    assert_eq!(names(&b).await.len(), 1);
    b.quit().await;
    let _ = std::fs::remove_file(video);
}

/// A `BarcodeDetector` as Chrome on Android has, put in the page before its scripts run: it
/// answers with `window.qrInView` (what the test holds up) and counts its calls; the phone's
/// buzzes are recorded.
const DETECTOR: &str = r#"
window.buzzes = [];
navigator.vibrate = (ms) => { window.buzzes.push(ms); return true; };
window.qrInView = null;
window.detectCalls = 0;
window.BarcodeDetector = class {
  static async getSupportedFormats() { return ['qr_code', 'ean_13']; }
  constructor(options) { window.detectorFormats = options.formats; }
  async detect(source) {
    window.detectCalls += 1;
    if (!(source instanceof HTMLVideoElement)) throw new TypeError('not a video');
    return window.qrInView === null ? [] : [{ format: 'qr_code', rawValue: window.qrInView }];
  }
};
"#;

#[tokio::test]
async fn where_the_browser_reads_qr_codes_itself_the_page_uses_it_instead_of_the_worker() {
    let lib = library(&shipped_report(), &[]);
    let (code_a, code_b) = (member_code(&lib, "Võ Văn Em"), member_code(&lib, "Đặng Thị Giang"));
    let server = StaticServer::start(&dist_dir(), 0);
    let b = browser(None, true).await;
    let script = serde_json::json!({ "source": DETECTOR });
    b.driver.cdp().send_raw("Page.addScriptToEvaluateOnNewDocument", script).await.unwrap();
    open_results(&b, &server).await;
    b.wait_for("#results-scan").await.click().await.unwrap();
    wait_text(&b, "#scan-status", "Đưa mã QR của từng học viên vào khung hình: mỗi mã đọc được sẽ được thêm vào bảng.")
        .await;
    assert_eq!(js(&b, "return window.detectorFormats").await, serde_json::json!(["qr_code"]));

    let hold_up = |text: &str| format!("window.qrInView = {};", Value::from(text));
    js(&b, &hold_up("https://zalo.me/g/abcdef")).await;
    wait_text(&b, "#results-status", "Mã QR này không phải mã kết quả của Ôn tập Nghị quyết.").await;
    js(&b, &hold_up(&code_a)).await;
    wait_text(&b, "#results-status", "Đã quét mã của Võ Văn Em.").await;
    js(&b, &hold_up(&code_b)).await;
    wait_text(&b, "#results-status", "Đã quét mã của Đặng Thị Giang.").await;
    js(&b, &hold_up(&code_a)).await;
    wait_text(&b, "#results-status", "Mã của Võ Văn Em đã có trong bảng.").await;
    let buzzes = js(&b, "return window.buzzes").await;
    assert_eq!(buzzes, serde_json::json!([80, 80, 80, 80]), "one short buzz per code read, not per frame");
    let mut got = names(&b).await;
    got.sort();
    assert_eq!(got, vec!["Võ Văn Em".to_owned(), "Đặng Thị Giang".to_owned()]);
    assert!(!worker_loaded(&b).await && !worker_running(&b).await, "no worker where the browser reads codes");

    // Stop, start and stop again at once: nothing goes on scanning behind the page's back.
    js(&b, "const s = document.getElementById('results-scan'); s.click(); s.click(); s.click(); return null").await;
    wait_text(&b, "#scan-status", "Đã tắt máy ảnh.").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let calls = js(&b, "return window.detectCalls").await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(js(&b, "return window.detectCalls").await, calls, "no scanning left running");
    assert_eq!(text_of(&b, "#results-scan").await.as_deref(), Some("Quét mã QR bằng máy ảnh"));

    // Leaving the section (the menu switches it in place) ends the scanning: no more reads.
    b.wait_for("#results-scan").await.click().await.unwrap();
    wait_text(&b, "#scan-status", "Đưa mã QR của từng học viên vào khung hình: mỗi mã đọc được sẽ được thêm vào bảng.")
        .await;
    b.driver.find(By::Css("a[href='?muc=kiem-tra']")).await.unwrap().click().await.unwrap();
    poll("the scanner gone", || async { b.all("#scan-video").await.is_empty().then_some(()) }).await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let calls = js(&b, "return window.detectCalls").await;
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(js(&b, "return window.detectCalls").await, calls, "the detector is no longer called");
    b.quit().await;
}

#[tokio::test]
async fn a_refused_camera_is_said_in_words_and_pasting_still_works() {
    let lib = library(&shipped_report(), &[]);
    let code = member_code(&lib, "Hoàng Văn Hải");
    let server = StaticServer::start(&dist_dir(), 0);
    let b = browser(None, false).await;
    open_results(&b, &server).await;
    b.wait_for("#results-scan").await.click().await.unwrap();
    wait_text(
        &b,
        "#scan-status",
        "Trình duyệt không cho dùng máy ảnh. Hãy cho phép trang này dùng máy ảnh trong cài đặt của trình duyệt, hoặc dán mã.",
    )
    .await;
    assert_eq!(text_of(&b, "#results-scan").await.as_deref(), Some("Quét mã QR bằng máy ảnh"));
    let paste = b.wait_for("#results-paste").await;
    paste.send_keys(format!("Hải gửi: {code}")).await.unwrap();
    b.wait_for("#results-add").await.click().await.unwrap();
    poll("the pasted code in the table", || async { (names(&b).await == ["Hoàng Văn Hải"]).then_some(()) }).await;
    b.quit().await;
}

/// A worker that fails on every frame, as a decoder that panics would (`crash`), or never
/// answers, as one lost on a degenerate frame would (`hang`): the page restarts it, gives up
/// after a few failures in a row with words, closes the camera and keeps working.
#[tokio::test]
async fn a_worker_that_fails_on_every_frame_is_given_up_in_words_and_the_page_keeps_working() {
    for (how, worker) in [
        ("crash", "postMessage([]); onmessage = () => { throw new Error('RuntimeError: unreachable'); };"),
        ("hang", "postMessage([]); onmessage = () => { const end = Date.now() + 60000; while (Date.now() < end) {} };"),
    ] {
        eprintln!("worker: {how}");
        a_failing_worker(worker).await;
    }
}

async fn a_failing_worker(worker: &str) {
    let lib = library(&shipped_report(), &[]);
    let server = StaticServer::start(&dist_dir(), 0);
    server.set("/ontap-scan-worker_loader.js", worker.to_owned());
    let b = browser(None, true).await;
    open_results(&b, &server).await;
    b.wait_for("#results-scan").await.click().await.unwrap();
    wait_text(&b, "#scan-status", "Không chạy được bộ đọc mã QR trên trình duyệt này: hãy dán mã.").await;
    assert_eq!(text_of(&b, "#results-scan").await.as_deref(), Some("Quét mã QR bằng máy ảnh"));
    let closed =
        js(&b, "const v = document.getElementById('scan-video'); return [v.hidden, v.srcObject === null];").await;
    assert_eq!(closed, serde_json::json!([true, true]), "the camera is closed");
    poll("the worker ended", || async { (!worker_running(&b).await).then_some(()) }).await;
    let code = member_code(&lib, "Bùi Văn Khoa");
    b.wait_for("#results-paste").await.send_keys(code).await.unwrap();
    b.wait_for("#results-add").await.click().await.unwrap();
    poll("the pasted code in the table", || async { (names(&b).await == ["Bùi Văn Khoa"]).then_some(()) }).await;
    b.quit().await;
}
