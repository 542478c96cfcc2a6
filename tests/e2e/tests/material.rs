//! "Xem trong tài liệu": where the deployment serves the materials' texts beside the banks, an
//! answer's feedback links to the material at the quoted passage, highlighted and focused;
//! where it does not, there is no link. The texts are copied from `../shared/materials` into
//! the test server, never committed.

use ontap_e2e::banks::{question, shipped_library};
use ontap_e2e::browser::Browser;
use ontap_e2e::member::{TWO_OF_EACH_BANK, current_question};
use ontap_e2e::page::js;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{answer::answer_current, dist_dir, serve_materials};
use std::time::Duration;

/// White space folded, as the checker compares a quote with its material.
fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_feedback_opens_the_material_at_the_quoted_passage_when_its_text_is_served() {
    let lib = shipped_library();
    let server = StaticServer::start(&dist_dir(), 0);
    serve_materials(&server);
    let b = Browser::start(1280, 900).await;
    b.emulate_phone(360, 780).await;
    b.driver.goto(format!("{}?trang=luyen-tap&nh={TWO_OF_EACH_BANK}", server.url())).await.unwrap();
    let id = current_question(&b).await;
    let q = question(&lib, TWO_OF_EACH_BANK, &id);
    let material = lib.materials.iter().find(|m| m.id == q.source.material).expect("its material");
    answer_current(&b).await;
    b.wait_for(".feedback .see-source a").await.click().await.unwrap();
    let passage = b.wait_for("mark#trich").await.text().await.unwrap();
    assert_eq!(folded(&passage), folded(&ontap_core::text::nfc(&q.source.quote)), "the quoted passage is highlighted");
    assert_eq!(b.wait_for(".page-title").await.text().await.unwrap(), material.title);
    assert_eq!(js(&b, "return document.activeElement.id").await, serde_json::json!("trich"), "focus lands on it");
    let url = b.driver.current_url().await.unwrap();
    assert!(url.query().is_some_and(|q| q.starts_with("trang=tai-lieu&tl=")), "{url}");
    // The text is data: the page holds no element from it but the highlight.
    assert_eq!(js(&b, "return document.querySelectorAll('.material-text *').length").await, serde_json::json!(1));
    b.quit().await;
}

#[tokio::test]
async fn no_link_when_the_deployment_has_no_text() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(format!("{}?trang=luyen-tap&nh={TWO_OF_EACH_BANK}", server.url())).await.unwrap();
    answer_current(&b).await;
    // The question to the server is answered well within a second on loopback.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(b.all(".see-source").await.is_empty(), "no link to a text that is not there");
    b.quit().await;
}
