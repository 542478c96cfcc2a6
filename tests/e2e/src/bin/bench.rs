//! Browser benchmarks of the built app (figures in BENCHMARKS.md), in headless Chromium on
//! loopback. Not a test: it prints figures and asserts none.
//!
//! `cargo run --release -p ontap-e2e --bin bench -- <what> [--throttle R] [--questions N]`
//! after `scripts/build.sh`, where `<what>` is
//! - `load`: the catalogue with a generated bank of N questions (default 10,000) added: time to
//!   the first bank card, the app's fetch / check / library steps (its `performance.mark`s), long
//!   tasks while loading, and `JSON.parse` of the same text in the same page; first visit on a
//!   fresh profile, then repeat visits (reloads). `--questions 0` measures the shipped banks alone.
//! - `answer`: from the click on "Trả lời" to the feedback in the page and to it painted, over
//!   100 practice answers; `--history N` first stores a log of N earlier answers.
//!
//! - `serve`: serves the build (and the generated bank, when N > 0) on loopback until stopped,
//!   printing its URL, compressed as a real host serves it (`--plain`: without compression;
//!   `--port P`: on port P); `scripts/serve.sh` and `scripts/bench-lighthouse.sh` use it.
//!
//! - `import FILE...`: on the trainers' page (`soan.html?muc=nhap`), from each file chosen in the
//!   file field to its result in the page and to it painted, 5 times a file, with the long tasks.
//!
//! - `scan`: the trainers' page's QR worker (where the browser has no BarcodeDetector), from a
//!   640 × 480 camera frame posted to its answer, 40 frames holding a member's code and 40
//!   holding none (what it reads while the code is being aimed).
//!
//! `--throttle 4` slows the CPU 4× through the DevTools protocol (`Emulation.setCPUThrottlingRate`).

use ontap_e2e::browser::Browser;
use ontap_e2e::page::js;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{add_generated_bank, dist_dir};
use serde_json::{Value, json};
use std::time::Duration;
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

/// Installed before any page script runs: records long tasks and when the first bank card and
/// the feedback of an answer appear.
const OBSERVER: &str = r#"
window.__bench = { longtasks: [], card: null, samples: [], clickAt: null };
try {
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
} catch (e) {}
document.addEventListener('click', e => {
  if (e.target.closest && e.target.closest('#submit')) window.__bench.clickAt = performance.now();
}, true);
new MutationObserver(() => {
  const b = window.__bench;
  if (b.card === null && document.querySelector('.bank-card')) b.card = performance.now();
  if (b.clickAt !== null && document.querySelector('.feedback')) {
    const start = b.clickAt;
    const shown = performance.now() - start;
    b.clickAt = null;
    // The app's own work ends when the feedback is in the page; the frame that shows it: its
    // animation-frame callback, then the task after its paint.
    requestAnimationFrame(() => setTimeout(() => b.samples.push([shown, performance.now() - start]), 0));
  }
}).observe(document, { childList: true, subtree: true });
"#;

/// What the page knows once the catalogue is shown.
const LOAD_FIGURES: &str = r#"
const mark = n => { const m = performance.getEntriesByName(n); return m.length ? m[m.length - 1].startTime : null; };
const nav = performance.getEntriesByType('navigation')[0];
const b = window.__bench;
return {
  card: b.card, fetched: mark('ontap:fetched'), checked: mark('ontap:checked'), library: mark('ontap:library'),
  takeover: mark('ontap:takeover'),
  domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
  longtasks: b.longtasks,
};
"#;

/// `JSON.parse` of the same bank text, in the same page, the median of 5.
const JSON_PARSE: &str = r#"
const done = arguments[arguments.length - 1];
fetch(arguments[0]).then(r => r.text()).then(text => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const v = JSON.parse(text);
    times.push(performance.now() - t);
    if (!v.questions) throw new Error('not a bank');
  }
  times.sort((a, b) => a - b);
  done({ median: times[2], min: times[0], chars: text.length });
});
"#;

struct Options {
    what: String,
    files: Vec<String>,
    throttle: Option<f64>,
    questions: usize,
    history: usize,
    plain: bool,
    port: u16,
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        what: String::new(),
        files: Vec::new(),
        throttle: None,
        questions: 10_000,
        history: 0,
        plain: false,
        port: 0,
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--throttle" => o.throttle = args.next().and_then(|r| r.parse().ok()),
            "--questions" => o.questions = args.next().and_then(|n| n.parse().ok()).expect("--questions N"),
            "--history" => o.history = args.next().and_then(|n| n.parse().ok()).expect("--history N"),
            "--port" => o.port = args.next().and_then(|n| n.parse().ok()).expect("--port P"),
            "--plain" => o.plain = true,
            _ if o.what.is_empty() => o.what = a,
            _ => o.files.push(a),
        }
    }
    o
}

/// The shipped folder served from dist/, with a generated bank of `n` questions added to the
/// catalogue (none for 0). Returns the server and the bank's URL path.
fn serve(n: usize) -> (StaticServer, Option<String>) {
    serve_with(n, 0, true)
}

/// [`serve`] on `port` (0: any free one), with or without the precompressed copies.
fn serve_with(n: usize, port: u16, compressed: bool) -> (StaticServer, Option<String>) {
    let server = StaticServer::start_with(&dist_dir(), port, "/", compressed);
    let path = (n > 0).then(|| add_generated_bank(&server, n));
    (server, path)
}

async fn browser(throttle: Option<f64>) -> Browser {
    let b = Browser::start(412, 915).await;
    let cdp = b.driver.cdp();
    cdp.send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": OBSERVER })).await.unwrap();
    if let Some(rate) = throttle {
        cdp.send_raw("Emulation.setCPUThrottlingRate", json!({ "rate": rate })).await.unwrap();
    }
    b
}

/// The next sample the page's observer (`window[observer].samples`) records, waiting for it.
async fn next_sample(b: &Browser, observer: &str) -> Value {
    let script = format!(
        "const done = arguments[0]; const s = window.{observer}.samples;
         (function wait() {{ s.length ? done(s.shift()) : setTimeout(wait, 5); }})();"
    );
    b.driver.execute_async(&script, vec![]).await.expect("a sample").json().clone()
}

fn ms(v: &Value) -> String {
    v.as_f64().map(|x| format!("{x:.0}")).unwrap_or_else(|| "-".into())
}

/// One visit: navigate (or reload), wait for the catalogue, print its figures.
async fn visit(b: &Browser, url: &str, label: &str, reload: bool) -> Value {
    if reload {
        b.driver.refresh().await.unwrap();
    } else {
        b.driver.goto(url).await.unwrap();
    }
    b.driver
        .query(By::Css("html[data-ready] .bank-card"))
        .wait(Duration::from_secs(120), Duration::from_millis(20))
        .first()
        .await
        .expect("the catalogue is complete");
    // Long tasks are reported a moment after they end.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let f = js(b, LOAD_FIGURES).await;
    let tasks = f["longtasks"].as_array().cloned().unwrap_or_default();
    let durations: Vec<f64> = tasks.iter().filter_map(|t| t[1].as_f64()).collect();
    let longest = durations.iter().cloned().fold(0.0, f64::max);
    let check = f["checked"].as_f64().zip(f["fetched"].as_f64()).map(|(c, s)| c - s);
    let library = f["library"].as_f64().zip(f["checked"].as_f64()).map(|(l, c)| l - c);
    println!(
        "{label}: catalogue painted at {} ms, usable (the app took over) at {} ms (DOMContentLoaded {} ms, banks fetched {} ms); \
         check {} ms, library {} ms; long tasks: {} totalling {:.0} ms, longest {:.0} ms (at {})",
        ms(&f["card"]),
        ms(&f["takeover"]),
        ms(&f["domContentLoaded"]),
        ms(&f["fetched"]),
        ms(&json!(check)),
        ms(&json!(library)),
        durations.len(),
        durations.iter().sum::<f64>(),
        longest,
        tasks.iter().map(|t| format!("{}+{}", ms(&t[0]), ms(&t[1]))).collect::<Vec<_>>().join(", "),
    );
    json!({ "card": f["takeover"], "check": check, "library": library, "longest": longest })
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

async fn load(o: &Options) {
    let (server, path) = serve(o.questions);
    let b = browser(o.throttle).await;
    let first = visit(&b, &server.url(), "first visit (fresh profile)", false).await;
    let mut cards = Vec::new();
    let mut checks = Vec::new();
    for i in 1..=5 {
        let v = visit(&b, &server.url(), &format!("repeat visit {i}"), true).await;
        cards.extend(v["card"].as_f64());
        checks.extend(v["check"].as_f64());
    }
    println!(
        "repeat visits, median of 5: catalogue usable at {:.0} ms, check {:.0} ms (fastest {:.0} ms; first visit: {} ms, check {} ms)",
        median(&mut cards),
        median(&mut checks),
        checks[0],
        ms(&first["card"]),
        ms(&first["check"])
    );
    if let Some(path) = path {
        let parsed = b.driver.execute_async(JSON_PARSE, vec![json!(path)]).await.expect("JSON.parse runs");
        let p = parsed.json();
        let parse = p["median"].as_f64().unwrap();
        println!(
            "JSON.parse of the same {} characters in the same page: median {parse:.0} ms (fastest {:.0}); \
             the app's check / JSON.parse = {:.1} (medians), {:.1} (fastest)",
            p["chars"],
            p["min"].as_f64().unwrap(),
            median(&mut checks) / parse,
            checks[0] / p["min"].as_f64().unwrap()
        );
    }
    b.quit().await;
}

/// Answers 100 practice questions (the first option, a typed word, a first pair or the order
/// shown), timing
/// each answer's feedback in the page.
async fn answer(o: &Options) {
    let (server, _) = serve(o.questions);
    let b = browser(o.throttle).await;
    let bank = if o.questions == 0 { "ngay-le-lon".to_owned() } else { ontap_bench::generate::bank_id(o.questions) };
    let practice = format!("{}?trang=luyen-tap&nh={bank}", server.url());
    if o.history > 0 {
        // A member's stored log of that many answers, as the app itself would have written it.
        let log = ontap_core::progress::codec::encode(&ontap_bench::storage::answers(o.history, o.questions.max(1)));
        b.driver.goto(&server.url()).await.unwrap();
        b.driver
            .execute("localStorage.setItem('ontap.progress', arguments[0]);", vec![json!(log)])
            .await
            .expect("the log is stored");
    }
    b.driver.goto(&practice).await.unwrap();
    let mut samples = Vec::new();
    let mut in_page = Vec::new();
    while samples.len() < 100 {
        // At the end of the bank, the summary: start again.
        let shown = b.wait_for(".question-card[data-question], .summary-card").await;
        if shown.class_name().await.unwrap().unwrap_or_default().contains("summary-card") {
            b.driver.goto(&practice).await.unwrap();
            continue;
        }
        if let Some(input) = b.all(".question-card input[type=text], .question-card input:not([type])").await.first() {
            input.send_keys("đáp án").await.unwrap();
        } else if let Some(option) = b.all(".question-card label.option").await.first() {
            option.click().await.unwrap();
        } else if let Some(select) = b.all(".question-card select").await.first() {
            SelectElement::new(select).await.unwrap().select_by_index(1).await.unwrap();
        }
        let submit = b.wait_for("#submit").await;
        if !submit.is_enabled().await.unwrap() {
            b.wait_for("#skip").await.click().await.unwrap();
            continue;
        }
        submit.click().await.unwrap();
        b.wait_for(".feedback").await;
        let pair = next_sample(&b, "__bench").await;
        in_page.push(pair[0].as_f64().unwrap());
        samples.push(pair[1].as_f64().unwrap());
        match b.all("#next").await.first() {
            Some(next) => next.click().await.unwrap(),
            None => break,
        }
        // Wait for the feedback of this question to go.
        b.driver
            .query(By::Css(".feedback"))
            .wait(Duration::from_secs(20), Duration::from_millis(10))
            .not_exists()
            .await
            .unwrap();
    }
    let throttle = o.throttle.map(|r| format!(", CPU throttled {r}×")).unwrap_or_default();
    for (what, mut figures) in [("in the page", in_page), ("painted", samples)] {
        let n = figures.len();
        figures.sort_by(f64::total_cmp);
        let p95 = figures[(n * 95).div_ceil(100) - 1];
        println!(
            "answer to feedback {what}, {n} answers in bank {bank}{throttle}: median {:.1} ms, p95 {p95:.1} ms, max {:.1} ms",
            median(&mut figures),
            figures[n - 1]
        );
    }
    b.quit().await;
}

/// Installed on the trainers' page: when a file is chosen, and when its result is in the page
/// and painted.
const IMPORT_OBSERVER: &str = r#"
window.__import = { start: null, samples: [], longtasks: [] };
try {
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) window.__import.longtasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
} catch (e) {}
document.addEventListener('change', e => {
  if (e.target.id === 'import-file') window.__import.start = performance.now();
}, true);
new MutationObserver(records => {
  const b = window.__import;
  if (b.start === null) return;
  // The results are rebuilt in place when a file is chosen again: any change inside them.
  const inside = n => (n.nodeType === 1 ? n : n.parentElement)?.closest('#import-results');
  if (!records.some(r => inside(r.target))) return;
  const start = b.start;
  b.start = null;
  const shown = performance.now() - start;
  const mark = n => { const m = performance.getEntriesByName(n); return m.length ? m[m.length - 1].startTime - start : null; };
  const steps = [mark('ontap:import-read'), mark('ontap:import-converted')];
  requestAnimationFrame(() => setTimeout(() => b.samples.push([shown, performance.now() - start, ...steps]), 0));
}).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
"#;

/// Chooses each file 5 times on the trainers' import section, timing it to its result.
async fn import(o: &Options) {
    let (server, _) = serve(0);
    let b = Browser::start(412, 915).await;
    let cdp = b.driver.cdp();
    cdp.send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": IMPORT_OBSERVER })).await.unwrap();
    if let Some(rate) = o.throttle {
        cdp.send_raw("Emulation.setCPUThrottlingRate", json!({ "rate": rate })).await.unwrap();
    }
    b.driver.goto(format!("{}soan.html?muc=nhap", server.url())).await.unwrap();
    let throttle = o.throttle.map(|r| format!(", CPU throttled {r}×")).unwrap_or_default();
    for file in &o.files {
        let path = std::fs::canonicalize(file).expect("the file exists");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (mut in_page, mut painted, mut read, mut converted) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        js(&b, "window.__import.longtasks = []; return null").await;
        for _ in 0..5 {
            b.wait_for("#import-file").await.send_keys(path.to_str().unwrap()).await.unwrap();
            let s = next_sample(&b, "__import").await;
            in_page.push(s[0].as_f64().unwrap());
            painted.push(s[1].as_f64().unwrap());
            read.push(s[2].as_f64().unwrap_or(f64::NAN));
            converted.push(s[3].as_f64().unwrap_or(f64::NAN) - s[2].as_f64().unwrap_or(f64::NAN));
        }
        let verdict = b.wait_for(&format!(".import-result[data-file='{name}'] .imported")).await.text().await.unwrap();
        // Long tasks are reported a moment after they end.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let tasks: Vec<f64> = js(&b, "return window.__import.longtasks")
            .await
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_f64)
            .collect();
        println!(
            "{name}{throttle}: {verdict} chosen to result in the page: median {:.0} ms (fastest {:.0}); painted: median {:.0} ms (fastest {:.0}); \
             of which file read {:.0} ms, import + write + check {:.0} ms (medians); long tasks over 5 imports: {}, longest {:.0} ms",
            median(&mut in_page),
            in_page[0],
            median(&mut painted),
            painted[0],
            median(&mut read),
            median(&mut converted),
            tasks.len(),
            tasks.iter().cloned().fold(0.0, f64::max),
        );
    }
    b.quit().await;
}

/// In the trainers' page: starts the QR worker, then posts it `arguments[4]` frames of
/// `arguments[2]` × `arguments[3]` pixels, each holding the QR code whose modules are
/// `arguments[0]` ('1' dark, `arguments[1]` a side) at 4 pixels a module, or none when it is
/// empty; the milliseconds from each post to its answer, and the texts read in the last one.
const SCAN_TIMING: &str = r#"
const [bits, side, w, h, n] = arguments;
const frame = () => {
  const rgba = new Uint8ClampedArray(w * h * 4).fill(225);
  const left = Math.floor((w - (side + 8) * 4) / 2), top = Math.floor((h - (side + 8) * 4) / 2);
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] !== '1') continue;
    const x0 = left + (i % side + 4) * 4, y0 = top + (Math.floor(i / side) + 4) * 4;
    for (let y = y0; y < y0 + 4; y++) for (let x = x0; x < x0 + 4; x++) rgba.fill(30, (y * w + x) * 4, (y * w + x) * 4 + 3);
  }
  return rgba;
};
const worker = new Worker('ontap-scan-worker_loader.js');
const next = () => new Promise((ok, fail) => { worker.onmessage = e => ok(e.data); worker.onerror = fail; });
await next();
const times = [];
let texts = [];
for (let i = 0; i < n; i++) {
  const pixels = frame();
  const start = performance.now();
  worker.postMessage([w, h, pixels], [pixels.buffer]);
  texts = await next();
  times.push(performance.now() - start);
}
worker.terminate();
return [times, texts];
"#;

/// Times the QR worker on frames with and without a member's code.
async fn scan(o: &Options) {
    let (server, _) = serve(0);
    let b = browser(o.throttle).await;
    b.driver.goto(format!("{}soan.html?muc=ket-qua", server.url())).await.unwrap();
    b.wait_for_app().await;
    let code = format!("ONTAP1-{}", "7Q2M".repeat(80));
    let qr = qrcode::QrCode::with_error_correction_level(code.as_bytes(), qrcode::EcLevel::M).unwrap();
    let bits: String = qr.to_colors().iter().map(|c| if *c == qrcode::Color::Dark { '1' } else { '0' }).collect();
    let throttle = o.throttle.map(|r| format!(", CPU throttled {r}×")).unwrap_or_default();
    for (what, bits) in [("a member's code (327 characters)", bits.as_str()), ("no code", "")] {
        let args = vec![json!(bits), json!(qr.width()), json!(640), json!(480), json!(40)];
        let run = b.driver.execute(&format!("return (async () => {{ {SCAN_TIMING} }})()"), args).await.unwrap();
        let v = run.json();
        let mut times: Vec<f64> = v[0].as_array().unwrap().iter().filter_map(Value::as_f64).collect();
        let read = v[1].as_array().unwrap().len();
        times.sort_by(f64::total_cmp);
        let p95 = times[times.len() * 95 / 100];
        println!(
            "QR worker, 640 × 480 frame with {what}{throttle}: posted to answered median {:.1} ms, p95 {p95:.1} ms, max {:.1} ms; codes read in the last frame: {read}",
            median(&mut times),
            times[times.len() - 1],
        );
    }
    b.quit().await;
}

#[tokio::main]
async fn main() {
    let o = options();
    match o.what.as_str() {
        "load" => load(&o).await,
        "answer" => answer(&o).await,
        "import" => import(&o).await,
        "scan" => scan(&o).await,
        "serve" => {
            // For Lighthouse (scripts/bench-lighthouse.sh): serve until killed.
            let (server, _) = serve_with(o.questions, o.port, !o.plain);
            println!("{}", server.url());
            std::future::pending::<()>().await;
        }
        _ => {
            eprintln!(
                "usage: bench load|answer|serve|import|scan [FILE...] [--throttle R] [--questions N] [--history N] [--port P] [--plain]"
            );
            std::process::exit(2);
        }
    }
}
