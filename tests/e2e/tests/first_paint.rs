//! The member's first paint: the home page pre-rendered into index.html, before and without the
//! app. Every bank is listed with JavaScript off; a tap on a pre-rendered link before the app
//! has arrived lands on the right page; a deep link never shows the home page while it opens;
//! and the app takes over without moving anything (layout shift) or painting a larger element.

use ontap_e2e::browser::Browser;
use ontap_e2e::page::js;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, shipped_report};
use serde_json::{Value, json};
use std::time::Duration;
use thirtyfour::prelude::*;

/// The shipped banks' titles and question counts, from the core's own check of the folder.
fn shipped() -> Vec<(String, String, usize)> {
    let report = shipped_report();
    report
        .banks
        .iter()
        .filter_map(|b| b.bank.as_ref())
        .map(|b| (b.id.to_string(), b.title.clone(), b.questions.len()))
        .collect()
}

/// Installed before the page's own scripts: layout shifts, largest paints, and on every frame
/// whether any part of the home page (a bank card) is on screen.
const OBSERVE: &str = "
window.__paint = { shifts: 0, lcp: [], homeSeen: false };
new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__paint.shifts += e.value; })
  .observe({ type: 'layout-shift', buffered: true });
new PerformanceObserver(l => { for (const e of l.getEntries()) window.__paint.lcp.push([e.startTime, e.size, e.element ? e.element.tagName : '']); })
  .observe({ type: 'largest-contentful-paint', buffered: true });
(function frame() {
  if ([...document.querySelectorAll('.bank-card, #banks-heading')].some(e => e.getClientRects().length > 0)) window.__paint.homeSeen = true;
  requestAnimationFrame(frame);
})();";

async fn observe(b: &Browser) {
    b.driver.cdp().send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": OBSERVE })).await.unwrap();
}

#[tokio::test]
async fn every_bank_is_listed_with_javascript_off() {
    let server = StaticServer::start(&dist_dir(), 0);
    let prefs = json!({ "profile.managed_default_content_settings.javascript": 2 });
    let b = Browser::start_with_prefs(412, 915, Some(prefs)).await;
    b.driver.goto(server.url()).await.unwrap();
    let mut shown = Vec::new();
    for card in b.driver.find_all(By::Css("#prerendered .bank-card")).await.unwrap() {
        let title = card.find(By::Css("h3")).await.unwrap().text().await.unwrap();
        let count = card.find(By::Css(".count")).await.unwrap().text().await.unwrap();
        let practice = card.find(By::Css("a.practice")).await.unwrap().attr("href").await.unwrap().unwrap();
        shown.push((title, count, practice));
    }
    let expected: Vec<_> = shipped()
        .into_iter()
        .map(|(id, title, n)| (title, format!("{n} câu hỏi"), format!("?trang=luyen-tap&nh={id}")))
        .collect();
    assert!(expected.len() >= 5);
    assert_eq!(shown, expected);
    let total: usize = shipped().iter().map(|(_, _, n)| n).sum();
    let summary = b.driver.find(By::Css("#prerendered .summary")).await.unwrap().text().await.unwrap();
    assert_eq!(summary, format!("{} ngân hàng, {total} câu hỏi", expected.len()));
    // The link to the trainers' page and the topics are there too.
    assert!(b.driver.find(By::Css("#prerendered a[href='soan.html']")).await.is_ok());
    assert!(!b.driver.find_all(By::Css("#prerendered .tags a")).await.unwrap().is_empty());
    b.quit().await;
}

#[tokio::test]
async fn a_tap_before_the_app_has_arrived_lands_on_the_right_page() {
    let server = StaticServer::start(&dist_dir(), 0);
    // A slow network: the wasm arrives two seconds after the page.
    server.slow_down(".wasm", Duration::from_secs(2));
    let b = Browser::start(412, 915).await;
    b.driver.goto(server.url()).await.unwrap();
    let (id, title, n) = shipped().remove(1);
    let link = b.driver.find(By::Css(format!("#prerendered .bank-card[data-bank='{id}'] a.practice"))).await.unwrap();
    assert_eq!(
        js(&b, "return !document.documentElement.hasAttribute('data-ready')").await,
        json!(true),
        "the app has not started"
    );
    link.click().await.unwrap();
    assert_eq!(b.wait_for(".progress").await.text().await.unwrap(), format!("Câu 1/{n}"), "practising {title}");
    let url = b.driver.current_url().await.unwrap();
    assert_eq!(url.query(), Some(format!("trang=luyen-tap&nh={id}").as_str()));
    b.quit().await;
}

#[tokio::test]
async fn a_deep_link_never_shows_the_home_page_while_it_opens() {
    let server = StaticServer::start(&dist_dir(), 0);
    server.slow_down(".wasm", Duration::from_secs(1));
    let b = Browser::start(412, 915).await;
    observe(&b).await;
    let (id, _, _) = shipped().remove(0);
    b.driver.goto(format!("{}?trang=thi&nh={id}&so=5&phut=10&dat=50&ma=7", server.url())).await.unwrap();
    // While the wasm is on its way: "Đang mở…", nothing of the home page.
    let opening = b.driver.find(By::Css("#prerendered .opening")).await.unwrap();
    assert!(opening.is_displayed().await.unwrap(), "the opening line shows");
    let shot = std::env::temp_dir().join(format!("ontap-deep-link-{}.png", std::process::id()));
    b.driver.screenshot(&shot).await.unwrap();
    b.wait_for(".exam-nav, .timer").await;
    assert_eq!(js(&b, "return window.__paint.homeSeen").await, json!(false), "a bank card was on screen");
    let _ = std::fs::remove_file(shot);
    b.quit().await;
}

/// Opens the home page at `width` × `height`, waits for the app, and returns the layout shift
/// and whether every largest paint came before the app took over.
async fn takeover(server: &StaticServer, width: u32, height: u32) -> (f64, Value) {
    let b = Browser::start(1280, 900).await;
    b.emulate_phone(width, height).await;
    observe(&b).await;
    b.driver.goto(server.url()).await.unwrap();
    b.wait_for(".bank-card .mastery").await;
    // The figures only the device knows are filled in.
    let mastery = b.wait_for(".bank-card .mastery").await.text().await.unwrap();
    assert_eq!(mastery, "Chưa luyện tập");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let paint = js(
        &b,
        "const t = performance.getEntriesByName('ontap:takeover')[0].startTime; \
        return [window.__paint.shifts, window.__paint.lcp.filter(e => e[0] > t)];",
    )
    .await;
    b.quit().await;
    (paint[0].as_f64().unwrap(), paint[1].clone())
}

#[tokio::test]
async fn the_app_takes_over_without_moving_anything() {
    let server = StaticServer::start(&dist_dir(), 0);
    for (width, height) in [(360, 800), (412, 823), (1280, 900)] {
        let (shift, late) = takeover(&server, width, height).await;
        assert!(shift <= 0.02, "layout shift {shift} at {width} px");
        assert_eq!(late, json!([]), "no larger paint after the app took over at {width} px");
    }
}

#[tokio::test]
async fn code_that_cannot_be_loaded_says_so_and_offers_to_try_again() {
    let server = StaticServer::start(&dist_dir(), 0);
    // The binary with every page arrives damaged (a broken connection, a proxy's error page).
    let wasm = std::fs::read_dir(dist_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with("ontap-web-") && n.ends_with("_bg.wasm"))
        .expect("the built wasm");
    server.set(&format!("/{wasm}"), "<html>Bad gateway</html>");
    let b = Browser::start(412, 915).await;
    let (id, _, _) = shipped().remove(0);
    b.driver.goto(format!("{}?trang=luyen-tap&nh={id}", server.url())).await.unwrap();
    let alert = b
        .driver
        .query(By::Css("#prerendered .load-failed"))
        .wait(Duration::from_secs(20), Duration::from_millis(50))
        .first()
        .await
        .unwrap();
    assert!(alert.text().await.unwrap().starts_with("Chưa tải được ứng dụng"), "never a blank page");
    assert!(b.driver.find_all(By::Css("#prerendered .opening")).await.unwrap().is_empty());
    // Once the connection is good again, "Thử lại" opens the page.
    server.overrides.lock().unwrap().clear();
    alert.find(By::Css("button")).await.unwrap().click().await.unwrap();
    b.wait_for(".question-card").await;
    b.quit().await;
}
