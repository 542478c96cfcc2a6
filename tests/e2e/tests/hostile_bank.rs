//! A bank whose text looks like markup, in headless Chromium against the built app: it is
//! shown as text everywhere, never run or rendered.
//!
//! Every expectation is computed from the bank files (read natively), never read back from
//! the app.

use ontap_e2e::banks::*;
use ontap_e2e::browser::Browser;
use ontap_e2e::dist_dir;
use ontap_e2e::member::*;
use ontap_e2e::page::*;
use ontap_e2e::server::StaticServer;
use std::collections::BTreeSet;
use std::time::Duration;
use thirtyfour::prelude::*;

const IMG: &str = r#"<img src=x onerror="document.title='pwned'">"#;
const BOLD: &str = "<b>đậm</b>";

#[tokio::test]
async fn hostile_bank_text_is_shown_literally() {
    let bank = serde_json::json!({
        "format": 1,
        "id": "doc-hai",
        "title": format!("Ngân hàng {BOLD}"),
        "description": IMG,
        "version": 1,
        "questions": [{
            "id": "dh-001",
            "type": "single",
            "prompt": IMG,
            "options": [BOLD, IMG, "Bình thường"],
            "correct": "A",
            "explanation": format!("Giải thích {BOLD} {IMG}"),
            "source": { "material": "bcd35-khoi-tw-q2-2024", "quote": "Nghị quyết số 35-NQ/TW" },
            "tags": [BOLD],
            "difficulty": 1
        }]
    });
    let bank_bytes = serde_json::to_vec_pretty(&bank).unwrap();
    let mut catalogue = question_json("catalogue.json");
    catalogue["banks"].as_array_mut().unwrap().push("doc-hai.json".into());
    let catalogue_bytes = serde_json::to_vec_pretty(&catalogue).unwrap();
    let lib =
        library_of(&folder_files(&[("doc-hai.json", bank_bytes.clone()), ("catalogue.json", catalogue_bytes.clone())]));
    let q = question(&lib, "doc-hai", "dh-001").clone();

    let server = StaticServer::start(&dist_dir(), 0);
    server.set("/questions/catalogue.json", catalogue_bytes);
    server.set("/questions/doc-hai.json", bank_bytes);
    let b = Browser::start(1280, 900).await;
    open(&b, &server, "").await;
    let card = b.wait_for(".bank-card[data-bank='doc-hai']").await;
    assert_eq!(card.find(By::Css("h3")).await.unwrap().text().await.unwrap(), format!("Ngân hàng {BOLD}"));
    assert_eq!(card.find(By::Css(".description")).await.unwrap().text().await.unwrap(), IMG);
    assert!(card.find_all(By::Css("img, b")).await.unwrap().is_empty(), "no markup in the bank card");

    // Search finds it through the markup characters, and lists it as text.
    let search = b.wait_for("#search").await;
    search.send_keys("onerror").await.unwrap();
    wait_text(&b, ".result-count", "Tìm thấy 1 câu hỏi").await;
    assert_eq!(text_of(&b, ".result-list li").await.as_deref(), Some(IMG));
    assert!(b.all(".results img, .results b").await.is_empty());

    open(&b, &server, "?trang=luyen-tap&nh=doc-hai").await;
    wait_text(&b, ".question-card .prompt", IMG).await;
    let shown = shown_options(&b).await;
    assert_eq!(
        shown.iter().collect::<BTreeSet<_>>(),
        [BOLD, IMG, "Bình thường"].iter().map(|s| s.to_string()).collect::<Vec<_>>().iter().collect()
    );
    assert!(b.all(".question-card img, .question-card b").await.is_empty(), "no element made from the bank's text");
    let right = answer_with_mouse(&b, &q, Plan::Wrong).await;
    b.wait_for("#submit").await.click().await.unwrap();
    check_feedback(&b, &lib, &q, Plan::Wrong, &right).await;
    assert!(b.all("main img, main b").await.is_empty(), "no element made from the bank's text after feedback");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let title = b.driver.title().await.unwrap();
    assert_ne!(title, "pwned");
    assert_eq!(title, "Ôn tập Nghị quyết");
    b.quit().await;
}
