//! A bank of thousands of questions in a real browser: it is checked a slice at a time, so the
//! page keeps painting while it loads; then it is listed, and searching it finds what the core
//! finds natively.

use ontap_bench::generate::{bank, bank_id, bank_json, file_name};
use ontap_core::library::Library;
use ontap_e2e::browser::Browser;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, repo_root};
use serde_json::{Value, json};

const QUESTIONS: usize = 4000;

/// Installed before the page's own scripts: the time of every animation frame.
const FRAMES: &str = "window.__frames = [];
(function tick() { window.__frames.push(performance.now()); requestAnimationFrame(tick); })();";

/// Frames painted between the banks being fetched and being checked, and the check's length.
const FRAMES_DURING_CHECK: &str = "
const at = n => performance.getEntriesByName(n)[0].startTime;
const [from, to] = [at('ontap:fetched'), at('ontap:checked')];
return [window.__frames.filter(t => t > from && t < to).length, to - from];";

/// The shipped folder with a generated bank of `QUESTIONS` questions added to the catalogue.
fn serve() -> StaticServer {
    let server = StaticServer::start(&dist_dir(), 0);
    let catalogue = std::fs::read_to_string(repo_root().join("questions/catalogue.json")).unwrap();
    let mut value: Value = serde_json::from_str(&catalogue).unwrap();
    value["banks"].as_array_mut().unwrap().push(json!(file_name(QUESTIONS)));
    server.set("/questions/catalogue.json", serde_json::to_vec(&value).unwrap());
    server.set(&format!("/questions/{}", file_name(QUESTIONS)), bank_json(QUESTIONS));
    server
}

#[tokio::test]
async fn a_big_bank_is_checked_in_slices_while_the_page_paints() {
    let server = serve();
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
    let shipped = Library::new(shipped_banks(), vec![]).search(word).len();
    assert_eq!(count, format!("Tìm thấy {} câu hỏi", expected + shipped));
    b.quit().await;
}

/// The shipped banks, as the app loads them.
fn shipped_banks() -> Vec<ontap_core::model::Bank> {
    let dir = repo_root().join("questions");
    let report = ontap_core::check::check_folder(&DiskFolder(dir), "", None);
    report.banks.into_iter().filter_map(|b| b.bank).collect()
}

struct DiskFolder(std::path::PathBuf);

impl ontap_core::check::FileSource for DiskFolder {
    fn read(&self, name: &str) -> Result<Vec<u8>, String> {
        std::fs::read(self.0.join(name)).map_err(|e| e.to_string())
    }

    fn list(&self) -> Option<Vec<String>> {
        None
    }
}
