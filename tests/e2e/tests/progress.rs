//! Progress in a real browser: answers survive a reload, and corrupt stored data gives a plain
//! notice, is kept aside untouched, and the app goes on working.

use ontap_e2e::answer::{answer_current, pick_something};
use ontap_e2e::banks::question_json;
use ontap_e2e::browser::Browser;
use ontap_e2e::dist_dir;
use ontap_e2e::page::js;
use ontap_e2e::server::StaticServer;
use std::time::Duration;
use thirtyfour::prelude::*;

const BANK: &str = "ngay-le-lon";

/// The bank these tests use, as shipped.
fn shipped_bank() -> ontap_core::Bank {
    ontap_e2e::banks::shipped_bank(BANK)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

/// A JavaScript string literal of stored progress holding `answers` (time, question, right).
fn stored_progress(answers: &[(i64, &ontap_core::Question, bool)]) -> String {
    use ontap_core::progress::{AnswerRecord, Mode, Progress, codec, fingerprint};
    let mut p = Progress::default();
    for &(t, q, right) in answers {
        let credit = if right { 1000 } else { 0 };
        let (bank, question, fingerprint) = (BANK.into(), q.id.to_string(), fingerprint(q));
        p.record(AnswerRecord { time_ms: t, bank, question, fingerprint, credit, mode: Mode::Practice });
    }
    serde_json::to_string(&codec::encode(&p)).unwrap()
}

async fn mastery(b: &Browser) -> String {
    b.wait_for(&format!(".bank-card[data-bank='{BANK}'] .mastery")).await.text().await.unwrap()
}

/// Opens a practice of the bank and answers its first question.
async fn answer_first_question(b: &Browser, server: &StaticServer) {
    b.driver.goto(format!("{}?trang=luyen-tap&nh={BANK}", server.url())).await.unwrap();
    answer_current(b).await;
}

#[tokio::test]
async fn an_answer_is_saved_and_survives_a_reload() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(server.url()).await.unwrap();
    assert_eq!(mastery(&b).await, "Chưa luyện tập");
    answer_first_question(&b, &server).await;
    let stored = b.stored_progress(1).await;
    assert_eq!(stored.answers.len(), 1, "{stored:?}");
    assert_eq!(stored.answers.first().unwrap().bank, BANK);

    b.driver.goto(server.url()).await.unwrap();
    let shown = mastery(&b).await;
    let total = format!("/{} câu", shipped_bank().questions.len());
    assert!(shown.starts_with("Đã thuộc ") && shown.contains(&total), "{shown}");
    b.driver.refresh().await.unwrap();
    assert_eq!(mastery(&b).await, shown, "the same after a reload");
    b.quit().await;
}

#[tokio::test]
async fn an_answer_is_written_after_the_click_and_at_once_when_the_page_is_left() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(format!("{}?trang=luyen-tap&nh={BANK}", server.url())).await.unwrap();
    pick_something(&b).await;
    b.wait_for("#submit:not([disabled])").await;
    // In one task: the click records the answer but leaves the write for after the paint;
    // leaving the page (pagehide) writes it at once.
    let script = "document.querySelector('#submit').click();
                  const during = localStorage.getItem('ontap.progress');
                  window.dispatchEvent(new Event('pagehide'));
                  return [during, localStorage.getItem('ontap.progress')];";
    let [during, left] = <[serde_json::Value; 2]>::try_from(js(&b, script).await.as_array().unwrap().clone()).unwrap();
    assert_eq!(during, serde_json::Value::Null);
    let left = ontap_core::progress::codec::decode(left.as_str().expect("written when the page is left"));
    assert_eq!(left.progress.answers.len(), 1);
    b.wait_for(".feedback").await;
    b.quit().await;
}

#[tokio::test]
async fn corrupt_progress_is_kept_aside_and_the_app_goes_on() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(server.url()).await.unwrap();
    b.wait_for(".bank-card").await;
    js(&b, "localStorage.setItem('ontap.progress', '{ hỏng'); return null").await;
    b.driver.refresh().await.unwrap();

    let notice = b.wait_for(".notices").await.text().await.unwrap();
    assert!(notice.contains("bị hỏng") && notice.contains("ontap.kept-aside."), "{notice}");
    let kept = js(
        &b,
        "return Object.keys(localStorage).filter(k => k.startsWith('ontap.kept-aside.')).map(k => localStorage.getItem(k))",
    )
    .await;
    assert_eq!(kept, serde_json::json!(["{ hỏng"]), "the raw data is kept as it was");
    let catalogue = question_json("catalogue.json");
    let banks = catalogue["banks"].as_array().unwrap().len();
    b.wait_for(".bank-card").await;
    assert_eq!(b.all(".bank-card").await.len(), banks, "the banks are all there");

    answer_first_question(&b, &server).await;
    let stored = b.stored_progress(1).await;
    assert_eq!(stored.answers.len(), 1, "new progress is saved: {stored:?}");

    // Storage never grows by itself: reloads keep the same keys and the same size.
    let footprint =
        "return Object.keys(localStorage).sort().map(k => k + ':' + localStorage.getItem(k).length).join(' ')";
    let before = js(&b, footprint).await;
    for _ in 0..5 {
        b.driver.goto(server.url()).await.unwrap();
        b.wait_for(".bank-card").await;
    }
    assert_eq!(js(&b, footprint).await, before, "five reloads changed the storage");

    // Dữ liệu lists it; once downloaded it can be deleted, and it is gone.
    b.driver.goto(format!("{}?trang=du-lieu", server.url())).await.unwrap();
    let item = b.wait_for(".kept-item").await;
    assert!(item.text().await.unwrap().starts_with("Tiến độ học, 1 KB, giữ lại ngày "));
    assert!(b.all(".delete-kept").await.is_empty(), "deleting waits for a download");
    b.wait_for(".download-kept").await.click().await.unwrap();
    b.wait_for(".delete-kept").await.click().await.unwrap();
    b.driver.accept_alert().await.unwrap();
    b.driver
        .query(By::Css(".kept-item"))
        .wait(std::time::Duration::from_secs(10), std::time::Duration::from_millis(50))
        .not_exists()
        .await
        .unwrap();
    let left = js(&b, "return Object.keys(localStorage).filter(k => k.startsWith('ontap.kept-aside.')).length").await;
    assert_eq!(left, serde_json::json!(0));
    assert_eq!(b.stored_progress(1).await.answers.len(), 1, "the progress itself is untouched");
    b.quit().await;
}

#[tokio::test]
async fn a_wrong_answer_comes_back_for_review() {
    let bank = shipped_bank();
    let q = &bank.questions[3];
    let stored = stored_progress(&[(now_ms() - 3 * 86_400_000, q, false)]);

    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(server.url()).await.unwrap();
    assert_eq!(b.wait_for("#due-count").await.text().await.unwrap(), "Hôm nay chưa có câu nào cần ôn.");
    js(&b, &format!("localStorage.setItem('ontap.progress', {stored}); return null")).await;
    b.driver.refresh().await.unwrap();
    assert_eq!(b.wait_for("#due-count").await.text().await.unwrap(), "Hôm nay có 1 câu cần ôn.");

    b.wait_for(".review-box a.button").await.click().await.unwrap();
    assert_eq!(b.wait_for(".progress").await.text().await.unwrap(), "Câu 1/1");
    let shown = b.wait_for(".question-card").await.attr("data-question").await.unwrap();
    assert_eq!(shown.as_deref(), Some(q.id.as_str()));
    assert!(b.driver.current_url().await.unwrap().as_str().ends_with("?trang=on-tap"));
    b.quit().await;
}

#[tokio::test]
async fn backup_clear_restore_gives_back_the_same_statistics() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    answer_first_question(&b, &server).await;
    b.driver.goto(server.url()).await.unwrap();
    let before = mastery(&b).await;
    assert_ne!(before, "Chưa luyện tập");

    // Back up: capture the file the page offers for download.
    b.driver.goto(format!("{}?trang=du-lieu", server.url())).await.unwrap();
    js(&b, "window.__backup = null; const make = URL.createObjectURL; \
            URL.createObjectURL = blob => { blob.text().then(t => window.__backup = t); return make(blob); }; return null")
    .await;
    b.wait_for("#backup").await.click().await.unwrap();
    let mut backup = serde_json::Value::Null;
    for _ in 0..100 {
        backup = js(&b, "return window.__backup").await;
        if backup.is_string() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let backup = backup.as_str().expect("a backup was offered").to_owned();
    assert!(backup.contains("\"format\":\"ontap-progress\""), "{backup}");

    // Clear everything: the statistics are gone.
    js(&b, "localStorage.clear(); return null").await;
    b.driver.goto(server.url()).await.unwrap();
    assert_eq!(mastery(&b).await, "Chưa luyện tập");

    // Restore from the file.
    let file = std::env::temp_dir().join(format!("ontap-backup-{}.json", std::process::id()));
    std::fs::write(&file, &backup).unwrap();
    b.driver.goto(format!("{}?trang=du-lieu", server.url())).await.unwrap();
    b.wait_for("#restore-file").await.send_keys(file.to_str().unwrap()).await.unwrap();
    let preview = b.wait_for("#restore-preview").await.text().await.unwrap();
    assert!(preview.contains("Tệp có 1 câu trả lời; sẽ thêm 1 câu mới"), "{preview}");
    b.wait_for("#restore").await.click().await.unwrap();
    assert_eq!(b.wait_for("#data-message").await.text().await.unwrap(), "Đã khôi phục: thêm 1 câu trả lời.");
    b.driver.goto(server.url()).await.unwrap();
    assert_eq!(mastery(&b).await, before, "the same statistics as before");

    // Restoring the same file again adds nothing.
    b.driver.goto(format!("{}?trang=du-lieu", server.url())).await.unwrap();
    b.wait_for("#restore-file").await.send_keys(file.to_str().unwrap()).await.unwrap();
    let preview = b.wait_for("#restore-preview").await.text().await.unwrap();
    assert!(preview.contains("sẽ thêm 0 câu mới"), "{preview}");
    let _ = std::fs::remove_file(file);
    b.quit().await;
}

#[tokio::test]
async fn a_profile_without_storage_still_runs() {
    // Blocking site data makes every localStorage access throw, as strict settings do.
    let prefs = serde_json::json!({ "profile.default_content_setting_values.cookies": 2 });
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start_with_prefs(1280, 900, Some(prefs)).await;
    b.driver.goto(server.url()).await.unwrap();
    // Chromium applies the preference shortly after start-up: wait until storage really is
    // blocked, then load the app afresh.
    let mut blocked = serde_json::Value::Bool(false);
    for _ in 0..100 {
        blocked = js(&b, "try { localStorage.length; return false } catch (e) { return true }").await;
        if blocked == true {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(blocked, true, "the profile really has no storage");
    b.driver.refresh().await.unwrap();
    let notice = b.wait_for(".notices").await.text().await.unwrap();
    assert!(notice.contains("không cho lưu dữ liệu"), "{notice}");
    answer_first_question(&b, &server).await;
    b.wait_for("#next").await.click().await.unwrap();
    assert!(b.wait_for(".progress").await.text().await.unwrap().starts_with("Câu 2/"), "practice goes on");
    b.quit().await;
}

#[tokio::test]
async fn two_tabs_answering_alternately_lose_nothing() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    let practice = format!("{}?trang=luyen-tap&nh={BANK}", server.url());
    b.driver.goto(&practice).await.unwrap();
    b.wait_for(".question-card").await;
    let first = b.driver.window().await.unwrap();
    let second = b.driver.new_tab().await.unwrap();
    b.driver.switch_to_window(second.clone()).await.unwrap();
    b.driver.goto(&practice).await.unwrap();
    b.wait_for(".question-card").await;
    // Each tab loaded the log before the other answered; each answers twice, alternately.
    for round in 0..2 {
        for tab in [&first, &second] {
            b.driver.switch_to_window(tab.clone()).await.unwrap();
            if round > 0 {
                b.wait_for("#next").await.click().await.unwrap();
                b.wait_for("#submit").await;
            }
            answer_current(&b).await;
        }
    }
    // Both tabs' pending writes land (each merges what the other stored).
    for tab in [&first, &second] {
        b.driver.switch_to_window(tab.clone()).await.unwrap();
        assert_eq!(b.stored_progress(4).await.answers.len(), 4);
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let stored = b.stored_progress(4).await.answers.len();
    assert_eq!(stored, 4, "all four answers from both tabs are stored, none twice");
    b.quit().await;
}

#[tokio::test]
async fn statistics_show_the_streak_the_weak_spots_and_practise_them() {
    let bank = shipped_bank();
    let now = now_ms();
    let (missed, fine) = (&bank.questions[0], &bank.questions[1]);
    let day = 86_400_000;
    let stored = stored_progress(&[
        (now - 2 * day, missed, false),
        (now - day, missed, false),
        (now, fine, true),
        (now, missed, true),
    ]);

    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(server.url()).await.unwrap();
    b.wait_for(".bank-card").await;
    js(&b, &format!("localStorage.setItem('ontap.progress', {stored}); return null")).await;
    b.driver.goto(format!("{}?trang=thong-ke", server.url())).await.unwrap();

    let streak = b.wait_for("#streak").await.text().await.unwrap();
    assert!(streak.starts_with("Chuỗi ngày học liên tục: 3 ngày"), "{streak}");
    let row = b.wait_for(&format!(".bank-stats tr[data-bank='{BANK}']")).await.text().await.unwrap();
    assert!(row.contains(&format!("2/{}", bank.questions.len())) && row.contains("50%"), "{row}");
    let dots = b.all(".accuracy .series-dot").await.len();
    assert_eq!(dots, 3, "one point per study day");
    let weak = b.wait_for(".weak-list").await.text().await.unwrap();
    assert!(weak.contains(&missed.tags[0]), "{weak}");
    let missed_ids: Vec<String> = {
        let mut v = Vec::new();
        for li in b.all(".missed-list li").await {
            v.push(li.attr("data-question").await.unwrap().unwrap());
        }
        v
    };
    assert_eq!(missed_ids, vec![missed.id.to_string()]);

    b.wait_for("a.button.primary[href='?trang=luyen-tap&sai=1']").await.click().await.unwrap();
    assert_eq!(b.wait_for(".progress").await.text().await.unwrap(), "Câu 1/1");
    let shown = b.wait_for(".question-card").await.attr("data-question").await.unwrap();
    assert_eq!(shown.as_deref(), Some(missed.id.as_str()));
    b.quit().await;
}

async fn answered_count(b: &Browser) -> u32 {
    let text = b.wait_for(".exam-bar .answered").await.text().await.unwrap();
    text.trim_start_matches("Đã trả lời ").split('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn an_unfinished_exam_resumes_after_a_reload() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    let link = format!("{}?trang=thi&nh={BANK}&so=10&phut=30&dat=50&ma=777", server.url());
    b.driver.goto(&link).await.unwrap();
    pick_something(&b).await;
    b.wait_for("#next-q").await.click().await.unwrap();
    pick_something(&b).await;
    b.wait_for("#flag").await.click().await.unwrap();
    let before = answered_count(&b).await;
    assert!(before >= 2, "{before}");
    let second_question = b.wait_for(".question-card").await.attr("data-question").await.unwrap();

    let started = "return JSON.parse(localStorage.getItem('ontap.exam')).exam.started_ms";
    let started_before = js(&b, started).await;
    // The timer shows whole seconds rounded up: let more than one pass.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    b.driver.refresh().await.unwrap();
    assert_eq!(answered_count(&b).await, before, "the answers are back");
    assert_eq!(js(&b, started).await, started_before, "the exam keeps its start time");
    assert_eq!(b.all(".nav-q.flagged").await.len(), 1, "so is the flag");
    let left = b.wait_for("#time-left").await.text().await.unwrap();
    assert_ne!(left, "30:00", "the clock kept running from the first start");
    b.wait_for(".exam-nav li:nth-child(2) .nav-q").await.click().await.unwrap();
    let again = b.wait_for(".question-card").await.attr("data-question").await.unwrap();
    assert_eq!(again, second_question, "the same questions in the same order");

    b.wait_for("#submit-exam").await.click().await.unwrap();
    b.wait_for("#confirm-submit").await.click().await.unwrap();
    b.wait_for("#score").await;
    b.driver.goto(&link).await.unwrap();
    assert!(answered_count(&b).await < before, "after submission the link starts a fresh exam");
    b.quit().await;
}
