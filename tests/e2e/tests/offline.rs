//! The app with no network after the first visit, and updates when the network is back, in
//! headless Chromium against the built app: once at the domain root and once built for and
//! served under a sub-path (`/on-tap/`).
//!
//! One visit online; wait for the service worker to control the page with every file of the
//! precache list cached; stop the server (a fetch of a file never cached then fails); reload;
//! open the trainers' page; practise a whole bank and take an exam from another one, opened by
//! direct links, with the answers saved. Then restart the server on the same port (service workers and their caches
//! belong to the origin) with a changed bank and a changed build, and see both arrive: the bank
//! on the next page load, under the old build; the build announced ("Đã có phiên bản mới —
//! Tải lại"), never during an exam, and applied on the member's click only.
//!
//! The changed build is a copy of the built folder with its page changed (a marker `<meta>`)
//! and the precache list written again by the very script trunk's hook runs
//! (`scripts/precache.py`). A real second trunk build costs minutes, and what the service worker
//! sees of one is exactly this: a different page and a different `sw.js` (new version, new
//! list). Changing the page rather than a hashed file keeps trunk's integrity attributes valid.

use ontap_core::progress::{Mode, codec};
use ontap_e2e::answer::{answer_current, pick_something};
use ontap_e2e::banks::question_json;
use ontap_e2e::browser::Browser;
use ontap_e2e::page::{js, wait_text};
use ontap_e2e::server::StaticServer;
use ontap_e2e::{SUB_PATH, dist_dir, dist_sub_dir, repo_root};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Practised offline (every question), then changed on the server.
const PRACTICE_BANK: &str = "ngay-le-lon";
/// Examined offline.
const EXAM_BANK: &str = "so-ket-tuyen-giao-2021";
const EXAM_QUESTIONS: usize = 5;
/// What the changed bank's title gains.
const CHANGED_TITLE_SUFFIX: &str = " (bản cập nhật)";
/// The changed build's page carries this.
const BUILD_MARKER: &str = r#"<meta name="ontap-test-build" content="2">"#;

#[tokio::test]
async fn works_offline_after_one_visit_and_takes_updates_at_the_root() {
    offline_then_updates(&dist_dir(), "/").await;
}

/// A trainer whose first visit is the trainers' page: it installs the worker with itself and the
/// member's app, and works offline from then on.
#[tokio::test]
async fn the_trainers_page_opened_first_works_offline() {
    let server = StaticServer::start(&dist_dir(), 0);
    let url = server.url();
    let b = Browser::start(1280, 900).await;
    b.driver.goto(format!("{url}soan.html")).await.unwrap();
    b.wait_for("#bank-file").await;
    wait_js(&b, "return !!navigator.serviceWorker.controller;", json!(true), "the worker controls the page").await;
    server.stop();
    b.driver.refresh().await.unwrap();
    b.wait_for("#bank-file").await;
    assert!(text(&b, "#shipped-ok").await.ends_with("không có lỗi."), "its checker ran over the cached banks");
    b.driver.goto(&url).await.unwrap();
    wait_text(&b, &format!(".bank-card[data-bank='{PRACTICE_BANK}'] h3"), &bank_title(PRACTICE_BANK)).await;
    b.quit().await;
}

#[tokio::test]
async fn works_offline_after_one_visit_and_takes_updates_under_a_sub_path() {
    offline_then_updates(&dist_sub_dir(), SUB_PATH).await;
}

// ---------------------------------------------------------------------------------------------
// The files, natively
// ---------------------------------------------------------------------------------------------

/// The `BUILD` line scripts/precache.py wrote into a built folder's sw.js.
fn precache_build(dist: &Path) -> Value {
    let worker = std::fs::read_to_string(dist.join("sw.js")).expect("the build ships sw.js");
    let line = worker.lines().find_map(|l| l.strip_prefix("const BUILD = ")).expect("a BUILD line");
    serde_json::from_str(line.trim_end_matches(';')).expect("the BUILD line is JSON")
}

/// Whether a built file is the trainers' page's (cached only where that page is opened): the
/// page, its glue and wasm, and its QR worker's loader, glue and wasm.
fn is_trainers(rel: &str) -> bool {
    rel.starts_with("soan.") || rel.starts_with("ontap-soan-") || rel.starts_with("ontap-scan-worker")
}

/// Every file the worker must cache: everything built except the worker, the questions folder
/// and the trainers' page, the page as "./", and the catalogue, the materials and every bank it
/// names.
fn expected_precache(dist: &Path) -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() { walk(&path, out) } else { out.push(path) }
        }
    }
    let mut files = Vec::new();
    walk(dist, &mut files);
    let mut want: BTreeSet<String> = files
        .iter()
        .map(|p| p.strip_prefix(dist).unwrap().to_string_lossy().into_owned())
        .filter(|rel| {
            rel != "sw.js" && !rel.starts_with("questions/") && !rel.ends_with(".gz") && !rel.ends_with(".br")
        })
        .filter(|rel| !is_trainers(rel))
        .map(|rel| if rel == "index.html" { "./".to_owned() } else { rel })
        .collect();
    let catalogue = question_json("catalogue.json");
    want.insert("questions/catalogue.json".into());
    want.insert(format!("questions/{}", catalogue["materials"].as_str().unwrap()));
    for bank in catalogue["banks"].as_array().unwrap() {
        want.insert(format!("questions/{}", bank.as_str().unwrap()));
    }
    want
}

/// The title of a shipped bank.
fn bank_title(id: &str) -> String {
    let bank = question_json(&format!("{id}.json"));
    bank["title"].as_str().unwrap().to_owned()
}

fn bank_size(id: &str) -> usize {
    let bank = question_json(&format!("{id}.json"));
    bank["questions"].as_array().unwrap().len()
}

/// A copy of `dist` as a new release would be: the page changed, the practice bank's title
/// changed, and the precache list and version written again by scripts/precache.py.
fn changed_build(dist: &Path, into: &Path) {
    let _ = std::fs::remove_dir_all(into);
    let status = std::process::Command::new("cp").arg("-R").arg(dist).arg(into).status().unwrap();
    assert!(status.success(), "copy {} to {}", dist.display(), into.display());
    // The precompressed copies of what changes would be stale (precache.py below rewrites
    // sw.js): a host would serve them, so the new files go without.
    for changed in ["index.html".to_owned(), "sw.js".to_owned(), format!("questions/{PRACTICE_BANK}.json")] {
        for ending in ["gz", "br"] {
            std::fs::remove_file(into.join(format!("{changed}.{ending}"))).unwrap();
        }
    }
    let page = into.join("index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains(BUILD_MARKER));
    std::fs::write(&page, html.replacen("<head>", &format!("<head>{BUILD_MARKER}"), 1)).unwrap();
    let bank = into.join(format!("questions/{PRACTICE_BANK}.json"));
    let mut json: Value = serde_json::from_slice(&std::fs::read(&bank).unwrap()).unwrap();
    json["title"] = Value::String(format!("{}{CHANGED_TITLE_SUFFIX}", bank_title(PRACTICE_BANK)));
    std::fs::write(&bank, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let status =
        std::process::Command::new("python3").arg(repo_root().join("scripts/precache.py")).arg(into).status().unwrap();
    assert!(status.success(), "scripts/precache.py {}", into.display());
}

// ---------------------------------------------------------------------------------------------
// Browser helpers
// ---------------------------------------------------------------------------------------------

/// Runs `script` (its value may be a promise, which WebDriver awaits).
/// Waits up to 30 s until `script` gives `want`; panics with what it last gave.
async fn wait_js(b: &Browser, script: &str, want: Value, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let got = js(b, script).await;
        if got == want {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: {script} gives {got}, expected {want}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn text(b: &Browser, css: &str) -> String {
    b.wait_for(css).await.text().await.unwrap()
}

/// Waits until the first element matching `css` reads `want`.
/// The cache names of this app's copy (prefix `ontap:<path>:`).
async fn cache_names(b: &Browser, prefix: &str) -> Vec<String> {
    let v = js(b, &format!("return caches.keys().then(ks => ks.filter(k => k.startsWith('ontap:{prefix}:')));")).await;
    serde_json::from_value(v).unwrap()
}

/// The addresses held by cache `name`.
async fn cached_urls(b: &Browser, name: &str) -> BTreeSet<String> {
    serde_json::from_value(js(b, &cached_urls_script(name)).await).unwrap()
}

/// A script giving the addresses cache `name` holds, sorted.
fn cached_urls_script(name: &str) -> String {
    format!("return caches.open('{name}').then(c => c.keys()).then(rs => rs.map(r => r.url).sort());")
}

/// The update banner and the offline indicator, when shown.
const BANNER: &str = ".update-banner:not([hidden])";
const OFFLINE: &str = ".offline-notice:not([hidden])";

/// Whether a new version of the worker is installed and waiting.
const WAITING: &str = "return navigator.serviceWorker.getRegistration().then(r => !!(r && r.waiting));";

/// The answers stored in the browser, as (bank, mode) per answer.
async fn stored_answers(b: &Browser) -> Vec<(String, Mode)> {
    let text = js(b, "return localStorage.getItem('ontap.progress');").await;
    let decoded = codec::decode(text.as_str().expect("progress is stored"));
    assert_eq!(decoded.problem, None, "the stored progress reads back");
    decoded.progress.answers.iter().map(|a| (a.bank.clone(), a.mode)).collect()
}

/// Tells Chromium the network is gone (or back), as a phone's flight mode would.
async fn emulate_offline(b: &Browser, offline: bool) {
    let cdp = b.driver.cdp();
    cdp.send_raw("Network.enable", json!({})).await.expect("Network.enable");
    let conditions = json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 });
    cdp.send_raw("Network.emulateNetworkConditions", conditions).await.expect("network emulation");
}

/// The page links a web app manifest that lets a phone install the app: Vietnamese names,
/// standalone, a theme colour, and icons of 192 and 512 px (one maskable) that really are
/// PNGs of those sizes.
async fn check_installable(b: &Browser, url: &str) {
    let theme = js(b, "return document.querySelector('meta[name=theme-color]')?.content ?? null;").await;
    let script = "return fetch(document.querySelector('link[rel=manifest]').href)
        .then(r => Promise.all([r.url, r.headers.get('content-type'), r.json()]));";
    let v = js(b, script).await;
    assert_eq!(v[0], json!(format!("{url}manifest.webmanifest")), "the manifest sits beside the page");
    assert_eq!(v[1], json!("application/manifest+json"));
    let m = &v[2];
    assert_eq!(m["name"], json!("Ôn tập Nghị quyết"));
    assert_eq!(m["short_name"], json!("Ôn tập NQ"));
    assert_eq!(m["lang"], json!("vi"));
    assert_eq!((&m["display"], &m["start_url"], &m["scope"]), (&json!("standalone"), &json!("./"), &json!("./")));
    assert_eq!(m["theme_color"], theme, "the manifest and the page agree on the theme colour");
    let mut seen = BTreeSet::new();
    for icon in m["icons"].as_array().expect("icons") {
        let src = icon["src"].as_str().unwrap();
        let size = js(
            b,
            &format!(
                "return new Promise(ok => {{ const i = new Image(); i.onload = () => ok(i.naturalWidth + 'x' + i.naturalHeight);
                 i.onerror = () => ok('broken'); i.src = new URL('{src}', '{url}').href; }});"
            ),
        )
        .await;
        assert_eq!(size, icon["sizes"], "{src} is a real image of its stated size");
        assert_eq!(icon["type"], json!("image/png"));
        seen.insert((icon["sizes"].as_str().unwrap().to_owned(), icon["purpose"].as_str().unwrap().to_owned()));
    }
    for want in [("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")] {
        assert!(seen.contains(&(want.0.to_owned(), want.1.to_owned())), "an icon {want:?} in {seen:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

async fn offline_then_updates(dist: &Path, prefix: &str) {
    let practice_title = bank_title(PRACTICE_BANK);
    let practice_n = bank_size(PRACTICE_BANK);
    let build = precache_build(dist);
    let listed: BTreeSet<String> = serde_json::from_value(build["files"].clone()).unwrap();
    assert_eq!(listed, expected_precache(dist), "the precache list is every built file and every bank");
    let trainers: BTreeSet<String> = serde_json::from_value(build["trainers"].clone()).unwrap();
    assert_eq!(trainers.len(), 6, "soan.html, its glue and its wasm, its worker's three files: {trainers:?}");
    assert!(trainers.iter().all(|f| is_trainers(f) && dist.join(f).is_file()), "{trainers:?}");
    let later: BTreeSet<String> = serde_json::from_value(build["later"].clone()).unwrap();
    let worker: BTreeSet<String> = trainers.iter().filter(|f| f.starts_with("ontap-scan-worker")).cloned().collect();
    assert_eq!(later, worker, "the QR worker comes along with the page");

    // 1. One visit online.
    let server = StaticServer::start_at(dist, 0, prefix);
    let (port, url) = (server.port, server.url());
    let b = Browser::start(1280, 900).await;
    b.driver.goto(&url).await.unwrap();
    b.wait_for(&format!(".bank-card[data-bank='{PRACTICE_BANK}']")).await;
    wait_js(&b, "return !!navigator.serviceWorker.controller;", json!(true), "the worker controls the page").await;
    let scope = js(&b, "return navigator.serviceWorker.getRegistration().then(r => r.scope);").await;
    assert_eq!(scope, json!(url), "the worker's scope is the app's folder");
    // Active means installed, and installing means every listed file was cached.
    let names = cache_names(&b, prefix).await;
    let cache = format!("ontap:{prefix}:{}", build["version"].as_str().unwrap());
    assert_eq!(names, vec![cache.clone()], "one cache, named by the build's version");
    let want: BTreeSet<String> =
        listed.iter().map(|f| if f == "./" { url.clone() } else { format!("{url}{f}") }).collect();
    assert_eq!(cached_urls(&b, &cache).await, want, "every listed file is cached, the trainers' page's none");
    assert!(text(&b, "#main").await.find("Đã có phiên bản mới").is_none(), "a first install is not an update");
    assert!(b.all(BANNER).await.is_empty());
    check_installable(&b, &url).await;
    // The trainers' page, opened once online, is kept as it is fetched, its QR worker with it.
    b.driver.goto(format!("{url}soan.html")).await.unwrap();
    b.wait_for("#bank-file").await;
    let kept: BTreeSet<String> = trainers.iter().map(|f| format!("{url}{f}")).collect();
    let mut all = want.clone();
    all.extend(kept);
    wait_js(&b, &cached_urls_script(&cache), serde_json::to_value(&all).unwrap(), "the trainers' page is kept").await;
    b.driver.goto(&url).await.unwrap();
    b.wait_for(&format!(".bank-card[data-bank='{PRACTICE_BANK}']")).await;

    // 2. The server stops; the app still opens, practises a whole bank and takes an exam.
    server.stop();
    let probe = "return fetch('never-cached.txt').then(() => 'reached', () => 'unreachable');";
    assert_eq!(js(&b, probe).await, json!("unreachable"), "the server is really gone");
    b.driver.refresh().await.unwrap();
    wait_text(&b, &format!(".bank-card[data-bank='{PRACTICE_BANK}'] h3"), &practice_title).await;
    // The trainers' page, opened once online, opens offline too.
    b.driver.goto(format!("{url}soan.html?muc=kiem-tra")).await.unwrap();
    b.wait_for("#bank-file").await;
    assert!(text(&b, "#shipped-ok").await.ends_with("không có lỗi."), "its checker ran over the cached banks");
    // Its QR worker, never started online, starts offline too: it says it is ready.
    let ready = "return new Promise(ok => { const w = new Worker('ontap-scan-worker_loader.js');
        w.onmessage = e => { w.terminate(); ok(Array.isArray(e.data) && e.data.length === 0); };
        w.onerror = () => ok('failed'); setTimeout(() => ok('timeout'), 10000); });";
    assert_eq!(js(&b, ready).await, json!(true), "the QR worker starts offline");

    b.driver.goto(format!("{url}?trang=luyen-tap&nh={PRACTICE_BANK}")).await.unwrap();
    wait_text(&b, ".page-title", &practice_title).await;
    for k in 0..practice_n {
        wait_text(&b, ".progress", &format!("Câu {}/{practice_n}", k + 1)).await;
        answer_current(&b).await;
        b.wait_for("#next").await.click().await.unwrap();
    }
    let summary = text(&b, ".summary-card .big").await;
    assert!(summary.ends_with(&format!("/{practice_n} câu")), "the practice ends with its summary: {summary:?}");

    let exam_link = format!("{url}?trang=thi&nh={EXAM_BANK}&so={EXAM_QUESTIONS}&phut=30&dat=50&ma=4242");
    b.driver.goto(&exam_link).await.unwrap();
    for k in 0..EXAM_QUESTIONS {
        wait_text(&b, ".progress", &format!("Câu {}/{EXAM_QUESTIONS}", k + 1)).await;
        pick_something(&b).await;
        if k + 1 < EXAM_QUESTIONS {
            b.wait_for("#next-q").await.click().await.unwrap();
        }
    }
    wait_text(&b, ".exam-bar .answered", &format!("Đã trả lời {EXAM_QUESTIONS}/{EXAM_QUESTIONS}")).await;
    b.wait_for("#submit-exam").await.click().await.unwrap();
    b.wait_for("#confirm-submit").await.click().await.unwrap();
    assert!(text(&b, "#score").await.ends_with("/10 điểm"));

    // Saved, and still there after another offline reload.
    b.driver.refresh().await.unwrap();
    b.wait_for(".exam-bar").await;
    let answers = stored_answers(&b).await;
    let practised = answers.iter().filter(|(bank, m)| bank == PRACTICE_BANK && *m == Mode::Practice).count();
    let examined = answers.iter().filter(|(bank, m)| bank == EXAM_BANK && *m == Mode::Exam).count();
    assert_eq!((practised, examined), (practice_n, EXAM_QUESTIONS), "every answer given offline is saved");

    // The indicator follows the browser's own idea of the network.
    assert!(b.all(OFFLINE).await.is_empty(), "no indicator while the browser believes it is online");
    emulate_offline(&b, true).await;
    wait_text(&b, OFFLINE, "Đang ngoại tuyến — vẫn ôn tập được; tiến độ lưu trên máy này.").await;
    emulate_offline(&b, false).await;
    wait_js(
        &b,
        "return document.querySelectorAll('.offline-notice:not([hidden])').length;",
        json!(0),
        "the indicator goes",
    )
    .await;

    // 3. A practice session is in progress when the server comes back with a changed bank and
    //    a changed build, on the same port.
    b.driver.goto(format!("{url}?trang=luyen-tap&nh={PRACTICE_BANK}")).await.unwrap();
    wait_text(&b, ".progress", &format!("Câu 1/{practice_n}")).await;
    answer_current(&b).await;
    js(&b, "window.sameDocument = true; return null;").await;
    let next_dist = std::env::temp_dir().join(format!("ontap-offline-{}-{port}", std::process::id()));
    changed_build(dist, &next_dist);
    let next_version = precache_build(&next_dist)["version"].as_str().unwrap().to_owned();
    assert_ne!(Some(next_version.as_str()), build["version"].as_str(), "a changed build has a new version");
    let server = StaticServer::start_at(&next_dist, port, prefix);
    // The browser checks for a new worker on every page load, and the app asks again when the
    // connection comes back; here the page stays open, so ask as the app would.
    js(&b, "navigator.serviceWorker.getRegistration().then(r => r.update()); return null;").await;
    wait_js(&b, WAITING, json!(true), "the new version installs and waits").await;
    let banner = text(&b, BANNER).await;
    assert_eq!(banner.split_whitespace().collect::<Vec<_>>().join(" "), "Đã có phiên bản mới — Tải lại");
    // The session goes on untouched: same page, same bank, next question.
    b.wait_for("#next").await.click().await.unwrap();
    wait_text(&b, ".progress", &format!("Câu 2/{practice_n}")).await;
    answer_current(&b).await;
    wait_text(&b, ".page-title", &practice_title).await;
    assert_eq!(js(&b, "return window.sameDocument === true;").await, json!(true), "no reload happened");

    // The next page load brings the changed bank, still under the old build.
    b.driver.goto(&url).await.unwrap();
    let new_title = format!("{practice_title}{CHANGED_TITLE_SUFFIX}");
    wait_text(&b, &format!(".bank-card[data-bank='{PRACTICE_BANK}'] h3"), &new_title).await;
    assert_eq!(js(&b, "return !!document.querySelector('meta[name=ontap-test-build]');").await, json!(false));
    b.wait_for(BANNER).await;

    // Never during an exam: hidden while it runs, offered once it is submitted.
    b.driver.goto(&exam_link).await.unwrap();
    b.wait_for(".exam-bar").await;
    pick_something(&b).await;
    assert_eq!(js(&b, WAITING).await, json!(true), "the new version still waits");
    assert!(b.all(BANNER).await.is_empty(), "no update offered during an exam");
    b.wait_for("#submit-exam").await.click().await.unwrap();
    b.wait_for("#confirm-submit").await.click().await.unwrap();
    b.wait_for("#score").await;
    js(&b, "window.sameDocument = true; return null;").await;
    b.wait_for("#apply-update").await.click().await.unwrap();

    // Applied on the click: the page reloads into the new build; the old cache is gone.
    wait_js(&b, "return !!document.querySelector('meta[name=ontap-test-build]');", json!(true), "the new page").await;
    assert_eq!(js(&b, "return window.sameDocument === true;").await, json!(false));
    wait_js(&b, WAITING, json!(false), "nothing waits any more").await;
    let cache = format!("ontap:{prefix}:{next_version}");
    assert_eq!(cache_names(&b, prefix).await, vec![cache.clone()], "only the new version's cache is left");
    // The trainers' page, used on this device, came along with the new version.
    let next_trainers: BTreeSet<String> =
        serde_json::from_value(precache_build(&next_dist)["trainers"].clone()).unwrap();
    let held = cached_urls(&b, &cache).await;
    assert!(next_trainers.iter().all(|f| held.contains(&format!("{url}{f}"))), "{held:?}");
    b.driver.goto(&url).await.unwrap();
    wait_text(&b, &format!(".bank-card[data-bank='{PRACTICE_BANK}'] h3"), &new_title).await;
    assert!(b.all(BANNER).await.is_empty(), "the update is applied");
    b.quit().await;
    server.stop();
    let _ = std::fs::remove_dir_all(&next_dist);
}
