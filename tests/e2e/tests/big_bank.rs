//! A bank of thousands of questions in a real browser: it is checked a slice at a time, so the
//! page keeps painting while it loads; then it is listed, and searching it finds what the core
//! finds natively.

use ontap_bench::generate::{bank, bank_id};
use ontap_core::library::Library;
use ontap_e2e::browser::Browser;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{add_generated_bank, dist_dir, shipped_report};
use serde_json::json;

const QUESTIONS: usize = 4000;

/// Installed before the page's own scripts: the time of every animation frame.
const FRAMES: &str = "window.__frames = [];
(function tick() { window.__frames.push(performance.now()); requestAnimationFrame(tick); })();";

/// Frames painted between the banks being fetched and being checked, and the check's length.
const FRAMES_DURING_CHECK: &str = "
const at = n => performance.getEntriesByName(n)[0].startTime;
const [from, to] = [at('ontap:fetched'), at('ontap:checked')];
return [window.__frames.filter(t => t > from && t < to).length, to - from];";

#[tokio::test]
async fn a_big_bank_is_checked_in_slices_while_the_page_paints() {
    let server = StaticServer::start(&dist_dir(), 0);
    add_generated_bank(&server, QUESTIONS);
    let b = Browser::start(412, 915).await;
    b.driver.cdp().send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": FRAMES })).await.unwrap();
    b.driver.goto(server.url()).await.unwrap();
    let card = b.wait_for(&format!(".bank-card[data-bank='{}'] .count", bank_id(QUESTIONS))).await;
    assert_eq!(card.text().await.unwrap(), format!("{QUESTIONS} câu hỏi"));

    let during = b.driver.execute(FRAMES_DURING_CHECK, vec![]).await.unwrap().json().clone();
    let frames = during[0].as_u64().unwrap();
    // One long task would paint no frame at all while it runs.
    assert!(frames >= 2, "frames painted while {QUESTIONS} questions were checked in {} ms: {frames}", during[1]);

    // Searching it (the keys are built on the first search) finds what the core finds natively.
    let word = "đấu tranh";
    let expected = Library::new(vec![bank(QUESTIONS)], vec![]).search(word).len();
    assert!(expected > 0, "the generated bank has {word:?}");
    b.wait_for("#search").await.send_keys("dau tranh").await.unwrap();
    let count = b.wait_for(".result-count").await.text().await.unwrap();
    let shipped =
        Library::new(shipped_report().banks.into_iter().filter_map(|b| b.bank).collect(), vec![]).search(word).len();
    assert_eq!(count, format!("Tìm thấy {} câu hỏi", expected + shipped));
    b.quit().await;
}
