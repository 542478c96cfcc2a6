//! Screenshots of the built app for the docs: home, a practice question with its feedback, an
//! exam and an exam result, at phone size (360 × 800) and desktop size (1280 × 900), saved as
//! PNG files in docs/screenshots/.
//!
//! Run with `cargo run -p ontap-e2e --bin screenshots` after `scripts/build.sh`.

use ontap_core::library::Library;
use ontap_core::model::QuestionKind;
use ontap_e2e::browser::Browser;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, repo_root, shipped_report};
use std::path::{Path, PathBuf};
use std::time::Duration;
use thirtyfour::prelude::*;

/// The bank shown: it has every question type.
const BANK: &str = "ngay-le-lon";
/// A fixed exam, so the pictures are the same from run to run.
const EXAM: &str = "?trang=thi&nh=ngay-le-lon&so=10&phut=30&dat=50&ma=12345";

fn library() -> Library {
    let report = shipped_report();
    Library::new(
        report.banks.iter().filter_map(|b| b.bank.clone()).collect(),
        report.materials.as_ref().map(|m| m.materials.clone()).unwrap_or_default(),
    )
}

async fn settle() {
    tokio::time::sleep(Duration::from_millis(400)).await;
}

async fn script(b: &Browser, js: &str) {
    b.driver.execute(js, vec![]).await.expect("the script runs");
}

async fn shoot(b: &Browser, dir: &Path, name: &str) {
    settle().await;
    let path = dir.join(format!("{name}.png"));
    b.driver.screenshot(&path).await.unwrap_or_else(|e| panic!("screenshot {}: {e}", path.display()));
    println!("{}", path.display());
}

/// Practice: skip to the first choice question, pick a wrong option, answer.
async fn practice_with_feedback(b: &Browser, lib: &Library) {
    for _ in 0..40 {
        let card = b.wait_for(".question-card[data-question]").await;
        let id = card.attr("data-question").await.unwrap().unwrap();
        let q = lib.banks.iter().flat_map(|b| &b.questions).find(|q| q.id.as_str() == id).expect("a known question");
        if let QuestionKind::Single { options, correct } = &q.kind {
            let right: Vec<&str> = correct.indices().into_iter().map(|i| options[i].as_str()).collect();
            for label in b.all(".question-card label.option").await {
                let text = label.find(By::Css(".text")).await.unwrap().text().await.unwrap();
                if !right.contains(&text.as_str()) {
                    label.click().await.unwrap();
                    break;
                }
            }
            b.wait_for("#submit").await.click().await.unwrap();
            b.wait_for(".feedback .verdict").await;
            settle().await;
            // The options above, the feedback below.
            script(
                b,
                "document.querySelector('.question-card').scrollIntoView({block: 'start'}); window.scrollBy(0, -8);",
            )
            .await;
            return;
        }
        b.wait_for("#skip").await.click().await.unwrap();
        // Wait for the next question to replace this one.
        for _ in 0..100 {
            let now = b.wait_for(".question-card[data-question]").await.attr("data-question").await.ok().flatten();
            if now.as_deref() != Some(id.as_str()) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    panic!("no single-answer question in {BANK}");
}

/// The exam: answer a few questions, flag one, and stop on question 3 with an option picked.
async fn exam_in_progress(b: &Browser) {
    b.wait_for(".exam-nav .nav-q").await;
    // Question 1 (ordering) is answered as shown; go on to 2 and flag it.
    b.wait_for("#next-q").await.click().await.unwrap();
    b.wait_for("#flag").await.click().await.unwrap();
    b.wait_for("#next-q").await.click().await.unwrap();
    let option = b.wait_for(".question-card label.option").await;
    option.click().await.unwrap();
    script(b, "window.scrollTo(0, 0);").await;
}

#[tokio::main]
async fn main() {
    let dir: PathBuf = repo_root().join("docs/screenshots");
    std::fs::create_dir_all(&dir).expect("docs/screenshots can be made");
    let lib = library();
    let server = StaticServer::start(&dist_dir(), 0);
    let url = |query: &str| format!("{}{query}", server.url());

    for (size, width, height) in [("phone", 360u32, 800u32), ("desktop", 1280, 900)] {
        let b = Browser::start(width, height).await;
        // Chromium keeps real windows at least 500 px wide: emulate the screen size instead.
        b.driver.cdp().emulation().set_device_metrics_override(width, height, 1.0, false).await.unwrap();

        b.driver.goto(url("")).await.unwrap();
        b.wait_for(".bank-card").await;
        shoot(&b, &dir, &format!("{size}-home")).await;

        b.driver.goto(url(&format!("?trang=luyen-tap&nh={BANK}"))).await.unwrap();
        practice_with_feedback(&b, &lib).await;
        shoot(&b, &dir, &format!("{size}-practice-feedback")).await;

        b.driver.goto(url(EXAM)).await.unwrap();
        exam_in_progress(&b).await;
        shoot(&b, &dir, &format!("{size}-exam")).await;

        b.wait_for("#submit-exam").await.click().await.unwrap();
        b.wait_for("#confirm-submit").await.click().await.unwrap();
        b.wait_for("#score").await;
        settle().await;
        script(&b, "window.scrollTo(0, 0);").await;
        shoot(&b, &dir, &format!("{size}-exam-result")).await;

        b.quit().await;
    }
}
