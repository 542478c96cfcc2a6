//! Thử ngân hàng câu hỏi on the trainers' page (soan.html) in a real browser: a broken file chosen through the file field lists
//! its problems with lines, columns, the offending line and the message; a valid one is
//! practised at once, stays after a reload marked as local, and can be removed. Dropped files
//! (a synthetic drop event) go through the same check; a shipped id, bytes that are not UTF-8
//! and corrupt stored data give plain messages and the app goes on.

use ontap_core::check::Lang;
use ontap_core::local::check_local;
use ontap_e2e::banks::{question_file, question_json};
use ontap_e2e::browser::Browser;
use ontap_e2e::page::js;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, shipped_report};
use serde_json::Value;
use std::path::PathBuf;
use thirtyfour::prelude::*;

const ID: &str = "thu-cua-toi";
const SHIPPED: &str = "ngay-le-lon";

/// A valid bank of its own id: the shipped bank's single-answer questions.
fn valid_bank() -> String {
    let mut bank = question_json(&format!("{SHIPPED}.json"));
    bank["id"] = ID.into();
    bank["title"] = "Ngân hàng thử của tôi".into();
    bank["questions"].as_array_mut().unwrap().retain(|q| q["type"] == "single");
    serde_json::to_string_pretty(&bank).unwrap()
}

/// The valid bank with a letter that names no option and a misspelt field.
fn broken_bank() -> String {
    let valid = valid_bank();
    let at = valid.find("\"correct\": \"").unwrap() + "\"correct\": \"".len();
    let mut broken = valid.clone();
    broken.replace_range(at..at + 1, "Z");
    broken.replacen("\"explanation\"", "\"explaination\"", 1)
}

/// Writes `text` to a temporary file named `name`, for the file field.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ontap-try-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Drops a file named `name` holding `bytes` on the drop zone, as a browser does.
async fn drop_file(b: &Browser, name: &str, bytes: &[u8]) {
    let script = format!(
        "const dt = new DataTransfer(); \
         dt.items.add(new File([new Uint8Array({bytes:?})], {name:?}, {{ type: 'application/json' }})); \
         const zone = document.getElementById('drop-zone'); \
         zone.dispatchEvent(new DragEvent('dragover', {{ dataTransfer: dt, bubbles: true, cancelable: true }})); \
         zone.dispatchEvent(new DragEvent('drop', {{ dataTransfer: dt, bubbles: true, cancelable: true }})); \
         return null"
    );
    js(b, &script).await;
}

/// The shown problems of the result for `file`: (line, column text, message) per item.
async fn shown_problems(b: &Browser, file: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for li in b.all(&format!(".try-result[data-file='{file}'] .diagnostics li")).await {
        let line = li.attr("data-line").await.unwrap().unwrap().parse().unwrap();
        out.push((line, li.text().await.unwrap()));
    }
    out
}

#[tokio::test]
async fn a_broken_file_lists_its_problems_and_a_valid_one_is_played_kept_and_removed() {
    let report = shipped_report();
    let broken = broken_bank();
    let expected = check_local(broken.as_bytes(), "hong.json", &report, "questions/").diagnostics;
    let bad_line = broken.lines().position(|l| l.contains("\"correct\": \"Z\"")).unwrap() as u32 + 1;
    assert!(expected.iter().any(|d| d.line == bad_line), "the checker finds the bad letter: {expected:?}");

    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(412, 915).await;
    b.driver.goto(server.url()).await.unwrap();
    b.wait_for(".bank-card").await;
    let shipped_cards = b.all(".bank-card").await.len();
    // The member's app links to the trainers' page, another page.
    b.wait_for("a[href='soan.html']").await.click().await.unwrap();
    let field = b.wait_for("#bank-file").await;
    let label = b.wait_for("label[for='bank-file']").await.text().await.unwrap();
    assert!(label.contains(".json"), "{label}");

    field.send_keys(temp_file("hong.json", &broken).to_str().unwrap()).await.unwrap();
    b.wait_for(".try-result[data-file='hong.json']").await;
    let verdict = b.wait_for(".try-result[data-file='hong.json'] .verdict.broken").await.text().await.unwrap();
    let errors = expected.len();
    assert!(verdict.contains(&format!("{errors} lỗi")), "{verdict}");
    let shown = shown_problems(&b, "hong.json").await;
    assert_eq!(shown.len(), expected.len(), "{shown:?}");
    for (d, (line, text)) in expected.iter().zip(&shown) {
        assert_eq!(*line, d.line);
        assert!(text.contains(&format!("dòng {}, cột {}", d.line, d.column)), "{text}");
        assert!(text.contains(&d.message(Lang::Vi)), "{text}");
    }
    let bad = shown.iter().find(|(line, _)| *line == bad_line).unwrap();
    assert!(
        bad.1.contains(&format!("{bad_line} | ")) && bad.1.contains("\"correct\": \"Z\""),
        "the line is shown: {}",
        bad.1
    );
    assert_eq!(js(&b, "return localStorage.getItem('ontap.local-banks')").await, Value::Null, "nothing broken is kept");

    let valid = valid_bank();
    let count = serde_json::from_str::<Value>(&valid).unwrap()["questions"].as_array().unwrap().len();
    b.wait_for("#bank-file").await.send_keys(temp_file(&format!("{ID}.json"), &valid).to_str().unwrap()).await.unwrap();
    let ok = b.wait_for(&format!(".try-result[data-file='{ID}.json'] .verdict.ok")).await.text().await.unwrap();
    assert!(ok.contains(&format!("{count} câu hỏi")), "{ok}");
    assert!(b.all(".try-result[data-file='hong.json']").await.is_empty(), "the new choice replaces the old result");

    b.wait_for("a.practice-now").await.click().await.unwrap();
    assert_eq!(b.wait_for(".progress").await.text().await.unwrap(), format!("Câu 1/{count}"));
    b.wait_for("label.option").await.click().await.unwrap();
    b.wait_for("#submit:not([disabled])").await.click().await.unwrap();
    b.wait_for(".feedback").await;

    // After a reload: still listed, marked local, with its progress; its practice link works.
    b.driver.goto(server.url()).await.unwrap();
    let card = format!(".bank-card[data-bank='{ID}']");
    let badge = b.wait_for(&format!("{card} .badge.local")).await.text().await.unwrap();
    assert_eq!(badge, "Trên máy này");
    assert_eq!(b.all(".bank-card").await.len(), shipped_cards + 1);
    assert_eq!(b.all(".badge.local").await.len(), 1, "only the local bank is marked");
    let mastery = b.wait_for(&format!("{card} .mastery")).await.text().await.unwrap();
    assert!(mastery.starts_with("Đã thuộc "), "{mastery}");
    let stored = js(&b, "return JSON.parse(localStorage.getItem('ontap.local-banks'))").await;
    assert_eq!((stored["format"].as_str(), stored["banks"][0]["id"].as_str()), (Some("ontap-local-banks"), Some(ID)));
    b.driver.goto(format!("{}?trang=luyen-tap&nh={ID}", server.url())).await.unwrap();
    assert_eq!(b.wait_for(".progress").await.text().await.unwrap(), format!("Câu 1/{count}"));

    // Removing asks first (cancelling keeps it); then the bank is gone, also after a reload.
    b.driver.goto(server.url()).await.unwrap();
    b.wait_for(&format!("{card} button.remove")).await.click().await.unwrap();
    let question = b.driver.get_alert_text().await.unwrap();
    assert!(question.contains("Ngân hàng thử của tôi") && question.contains("khỏi máy này"), "{question}");
    b.driver.dismiss_alert().await.unwrap();
    assert_eq!(b.all(&card).await.len(), 1, "cancelled: still there");
    b.wait_for(&format!("{card} button.remove")).await.click().await.unwrap();
    b.driver.accept_alert().await.unwrap();
    b.driver
        .query(By::Css(&card))
        .wait(std::time::Duration::from_secs(20), std::time::Duration::from_millis(50))
        .not_exists()
        .await
        .unwrap();
    let stored = js(&b, "return JSON.parse(localStorage.getItem('ontap.local-banks'))").await;
    assert_eq!(stored["banks"], serde_json::json!([]));
    b.driver.refresh().await.unwrap();
    b.wait_for(".bank-card").await;
    assert_eq!(b.all(".bank-card").await.len(), shipped_cards);
    b.quit().await;
    let _ = std::fs::remove_dir_all(temp_file("hong.json", "").parent().unwrap());
}

#[tokio::test]
async fn dropped_files_are_checked_and_bad_ones_never_break_the_app() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(server.url()).await.unwrap();
    b.wait_for(".bank-card").await;
    // Stored data that is not ours is kept aside and named on the home page; the page still works.
    js(&b, "localStorage.setItem('ontap.local-banks', '{ hỏng'); return null").await;
    b.driver.refresh().await.unwrap();
    let notice = b.wait_for(".notices").await.text().await.unwrap();
    assert!(notice.contains("bị hỏng") && notice.contains("ontap.kept-aside.local-banks."), "{notice}");
    assert!(!b.all(".bank-card").await.is_empty());
    // The old link to the tool now opens the trainers' page.
    b.driver.goto(format!("{}?trang=thu-ngan-hang", server.url())).await.unwrap();
    b.driver
        .query(By::Css("#bank-file"))
        .wait(std::time::Duration::from_secs(20), std::time::Duration::from_millis(50))
        .first()
        .await
        .unwrap();
    assert!(b.driver.current_url().await.unwrap().as_str().ends_with("/soan.html"));

    // A shipped bank's id is refused, at the id's line.
    let shipped = question_file(&format!("{SHIPPED}.json"));
    drop_file(&b, "trung.json", &shipped).await;
    let dup = b.wait_for(".try-result[data-file='trung.json'] li[data-code='duplicate-bank-id']").await;
    let text = dup.text().await.unwrap();
    let expected = check_local(&shipped, "trung.json", &shipped_report(), "questions/").diagnostics;
    let d = expected.iter().find(|d| d.code() == "duplicate-bank-id").unwrap();
    assert_eq!((d.line, d.column), (4, 9), "the id's value in the shipped file");
    assert!(text.contains("dòng 4, cột 9") && text.contains(&format!("questions/{SHIPPED}.json")), "{text}");
    assert!(b.wait_for(".try-result[data-file='trung.json'] .hint").await.text().await.unwrap().contains("mã khác"));

    // Bytes that are not UTF-8 (a legacy Vietnamese encoding) are named, with their place.
    let legacy = b"{\n  \"title\": \"Ngh\xb8 quy\xd5t\"\n}";
    let d = check_local(legacy, "tcvn3.json", &shipped_report(), "questions/").diagnostics.remove(0);
    assert_eq!((d.code(), d.line), ("not-utf8", 2));
    drop_file(&b, "tcvn3.json", legacy).await;
    let enc = b.wait_for(".try-result[data-file='tcvn3.json'] li[data-code='not-utf8']").await.text().await.unwrap();
    assert!(enc.contains(&format!("dòng 2, cột {}", d.column)) && enc.contains(&d.message(Lang::Vi)), "{enc}");

    // A valid bank dropped is usable at once.
    drop_file(&b, "hop-le.json", valid_bank().as_bytes()).await;
    b.wait_for(".try-result[data-file='hop-le.json'] .verdict.ok").await;
    b.wait_for("a.practice-now").await.click().await.unwrap();
    b.wait_for(".question-card").await;
    b.quit().await;
}
