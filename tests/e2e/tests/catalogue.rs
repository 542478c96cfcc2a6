//! The catalogue page in a real browser: the shipped banks are listed, and a broken bank is named
//! as unavailable while the other banks stay usable; the trainers' page shows its diagnostics.

use ontap_e2e::banks::question_json;
use ontap_e2e::browser::Browser;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, shipped_report};
use std::collections::BTreeMap;

/// The banks the app should list, checked natively from the repository's questions folder.
fn shipped_titles() -> Vec<(String, usize)> {
    let report = shipped_report();
    report.banks.iter().filter_map(|b| b.bank.as_ref()).map(|b| (b.title.clone(), b.questions.len())).collect()
}

#[tokio::test]
async fn lists_every_shipped_bank_with_its_count() {
    let expected = shipped_titles();
    assert!(expected.len() >= 5, "the repository ships banks");
    let server = StaticServer::start(&dist_dir(), 0);
    let browser = Browser::start(412, 915).await;
    browser.driver.goto(server.url()).await.unwrap();
    browser.wait_for(".bank-card").await;

    let mut shown = Vec::new();
    for card in browser.all(".bank-card").await {
        let title = card.find(thirtyfour::By::Css("h3")).await.unwrap().text().await.unwrap();
        let count = card.find(thirtyfour::By::Css(".count")).await.unwrap().text().await.unwrap();
        shown.push((title, count));
    }
    let wanted: Vec<(String, String)> = expected.iter().map(|(t, n)| (t.clone(), format!("{n} câu hỏi"))).collect();
    assert_eq!(shown, wanted);
    let total: usize = expected.iter().map(|(_, n)| n).sum();
    let summary = browser.wait_for(".summary").await.text().await.unwrap();
    assert_eq!(summary, format!("{} ngân hàng, {total} câu hỏi", expected.len()));
    assert!(browser.all(".problems").await.is_empty(), "the shipped banks have no errors");
    browser.quit().await;
}

#[tokio::test]
async fn broken_bank_shows_its_diagnostics_and_the_rest_still_works() {
    let expected = shipped_titles();
    let server = StaticServer::start(&dist_dir(), 0);
    let mut catalogue = question_json("catalogue.json");
    let banks = catalogue["banks"].as_array_mut().unwrap();
    banks.push("hong.json".into());
    banks.push("mat-tich.json".into());
    server.set("/questions/catalogue.json", serde_json::to_vec_pretty(&catalogue).unwrap());
    // Two correct answers in a single-answer question, and a misspelt field.
    let broken = r#"{
  "format": 1,
  "id": "hong",
  "title": "Ngân hàng hỏng",
  "description": "Dùng để thử.",
  "version": 1,
  "questions": [
    {
      "id": "hong-001",
      "type": "single",
      "prompt": "<img src=x onerror=alert(1)>",
      "options": ["Bộ Chính trị", "Ban Bí thư"],
      "correct": ["A", "B"],
      "explaination": "Sai chính tả.",
      "source": { "material": "bcd35-khoi-tw-q2-2024", "quote": "Nghị quyết số 35-NQ/TW" },
      "tags": [],
      "difficulty": 1
    }
  ]
}"#;
    server.set("/questions/hong.json", broken);

    let browser = Browser::start(1280, 900).await;
    browser.driver.goto(server.url()).await.unwrap();
    browser.wait_for(".bank-card").await;
    assert_eq!(browser.all(".bank-card").await.len(), expected.len(), "the good banks are all still listed");
    // The member's app names each file in one sentence and points to the trainers' page.
    let mut lines = Vec::new();
    for li in browser.all(".problems .unavailable li").await {
        lines.push(li.text().await.unwrap());
    }
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("“hong.json” tạm thời không dùng được"), "{lines:?}");
    assert!(lines[1].contains("“mat-tich.json”"), "{lines:?}");
    assert!(!browser.all(".problems a[href='soan.html']").await.is_empty());
    // Its practice still works.
    browser.wait_for(".bank-card a.practice").await.click().await.unwrap();
    browser.wait_for(".question-card").await;

    // The trainers' page runs the checker: every problem, with its place.
    browser.driver.goto(format!("{}soan.html", server.url())).await.unwrap();
    let file = browser.wait_for(".diagnostics[data-file='questions/hong.json']").await;
    let mut codes = BTreeMap::new();
    for li in file.find_all(thirtyfour::By::Css("li")).await.unwrap() {
        let code = li.attr("data-code").await.unwrap().unwrap();
        codes.insert(code, li.text().await.unwrap());
    }
    let single = &codes["single-correct-count"];
    assert!(single.contains("dòng 13, cột 18 · câu hong-001"), "{single}");
    assert!(single.contains("phải có đúng 1 đáp án đúng, nhưng có 2"), "{single}");
    let unknown = &codes["unknown-field"];
    assert!(unknown.contains("dòng 14, cột 7"), "{unknown}");
    assert!(unknown.contains("Có phải ý bạn là “explanation”?"), "{unknown}");
    assert!(codes.contains_key("missing-field"), "explanation is missing: {codes:?}");

    let missing = browser.wait_for(".diagnostics li[data-code='missing-bank-file']").await.text().await.unwrap();
    assert!(missing.contains("mat-tich.json"), "{missing}");
    browser.quit().await;
}
