//! Moving around as a member does, in headless Chromium against the built app: the back
//! button returns home, and a direct link opens its screen.
//!
//! Every expectation is computed from the bank files (read natively), never read back from
//! the app.

use ontap_core::exam::Exam;
use ontap_e2e::banks::*;
use ontap_e2e::browser::Browser;
use ontap_e2e::dist_dir;
use ontap_e2e::member::*;
use ontap_e2e::page::*;
use ontap_e2e::server::StaticServer;

#[tokio::test]
async fn back_button_returns_home_and_direct_links_open_their_screen() {
    let lib = shipped_library();
    let first = &lib.banks[0];
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    open(&b, &server, "").await;
    b.wait_for(".bank-card").await;
    let practise = b.wait_for(&format!(".bank-card[data-bank='{}'] a.practice", first.id)).await;
    practise.click().await.unwrap();
    wait_text(&b, ".progress", &format!("Câu 1/{}", first.questions.len())).await;
    let url = b.driver.current_url().await.unwrap();
    assert_eq!(url.query(), Some(format!("trang=luyen-tap&nh={}", first.id).as_str()), "the address names the screen");

    b.driver.back().await.unwrap();
    b.wait_for(".bank-card").await;
    poll("the practice screen to go", || async { b.all(".question-card").await.is_empty().then_some(()) }).await;
    assert_eq!(b.all(".bank-card").await.len(), lib.banks.len(), "home with the bank list");
    let url = b.driver.current_url().await.unwrap();
    assert!(url.query().is_none_or(|q| !q.contains("trang")), "back at home: {url}");

    b.driver.forward().await.unwrap();
    wait_text(&b, ".progress", &format!("Câu 1/{}", first.questions.len())).await;

    // Direct links, in a fresh page load.
    let bank = lib.banks.iter().find(|b| b.id.as_str() == ALL_TYPES_BANK).unwrap();
    open(&b, &server, &format!("?trang=luyen-tap&nh={ALL_TYPES_BANK}")).await;
    wait_text(&b, ".page-title", &bank.title).await;
    wait_text(&b, ".progress", &format!("Câu 1/{}", bank.questions.len())).await;
    let id = current_question(&b).await;
    assert!(bank.questions.iter().any(|q| q.id.as_str() == id));

    open(&b, &server, "?trang=thi-thu").await;
    b.wait_for("#start-exam").await;
    open(&b, &server, &format!("?trang=thi&nh={ALL_TYPES_BANK}&so=10&phut=30&dat=50&ma=12345")).await;
    b.wait_for(".exam-nav").await;
    assert_eq!(b.all(".exam-nav .nav-q").await.len(), 10);
    let drawn = Exam::start(&lib, exam_spec(ALL_TYPES_BANK, 10, 30, 12345), 0.0);
    assert_eq!(current_question(&b).await, drawn.items[0].question.question.to_string(), "the link fixes the draw");
    b.quit().await;
}
