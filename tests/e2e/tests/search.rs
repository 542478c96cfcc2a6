//! The home page's search, in headless Chromium against the built app: diacritics and case
//! ignored, and the results practised.
//!
//! Every expectation is computed from the bank files (read natively), never read back from
//! the app.

use ontap_core::model::QuestionKind;
use ontap_core::text::search_key;
use ontap_e2e::banks::*;
use ontap_e2e::browser::Browser;
use ontap_e2e::dist_dir;
use ontap_e2e::member::*;
use ontap_e2e::page::*;
use ontap_e2e::server::StaticServer;
use std::collections::BTreeSet;
use thirtyfour::prelude::*;

#[tokio::test]
async fn search_ignores_diacritics_and_practises_the_results() {
    let lib = shipped_library();
    let query = "nghi quyet 35";
    let hits = lib.search(query);
    // The same count, computed from the fields the issue names.
    let words: Vec<String> = search_key(query).split(' ').map(str::to_owned).collect();
    let by_hand = lib
        .banks
        .iter()
        .flat_map(|b| &b.questions)
        .filter(|q| {
            let mut parts = vec![q.prompt.clone()];
            match &q.kind {
                QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                    parts.extend(options.iter().cloned())
                }
                QuestionKind::FillBlank { accepted, .. } => parts.extend(accepted.iter().cloned()),
                QuestionKind::Ordering { items } => parts.extend(items.iter().cloned()),
                QuestionKind::Matching { pairs } => {
                    parts.extend(pairs.iter().flat_map(|p| [p.left.clone(), p.right.clone()]))
                }
                QuestionKind::TrueFalse { .. } => {}
            }
            parts.extend(q.tags.iter().cloned());
            let key = search_key(&parts.join(" "));
            words.iter().all(|w| key.contains(w.as_str()))
        })
        .count();
    assert_eq!(hits.len(), by_hand);
    let n = hits.len();
    assert!(n > 1, "the shipped banks mention Nghị quyết 35");

    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    open(&b, &server, "").await;
    let search = b.wait_for("#search").await;
    search.send_keys(query).await.unwrap();
    wait_text(&b, ".result-count", &format!("Tìm thấy {n} câu hỏi")).await;
    let listed: BTreeSet<String> = {
        let mut ids = BTreeSet::new();
        for li in b.all(".result-list li").await {
            ids.insert(li.attr("data-question").await.unwrap().unwrap());
        }
        ids
    };
    let expected: BTreeSet<String> = hits.iter().take(50).map(|r| r.question.to_string()).collect();
    assert_eq!(listed, expected, "the listed results");
    let url = b.driver.current_url().await.unwrap();
    let tim: Option<String> = url.query_pairs().find(|(k, _)| k == "tim").map(|(_, v)| v.into_owned());
    assert_eq!(tim.as_deref(), Some(query), "the address holds the search: {url}");

    // The address opens the same search.
    b.driver.refresh().await.unwrap();
    wait_text(&b, ".result-count", &format!("Tìm thấy {n} câu hỏi")).await;
    assert_eq!(b.wait_for("#search").await.prop("value").await.unwrap().as_deref(), Some(query));

    let link = b.driver.find(By::LinkText("Luyện tập các câu này")).await.expect("the practise link");
    link.click().await.unwrap();
    wait_text(&b, ".progress", &format!("Câu 1/{n}")).await;
    wait_text(&b, ".page-title", &format!("Tìm: “{query}”")).await;
    let first = current_question(&b).await;
    assert!(hits.iter().any(|r| r.question.as_str() == first), "{first} is a search result");
    b.quit().await;
}
