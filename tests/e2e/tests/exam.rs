//! The exam as a member takes it, in headless Chromium against the built app: the link's draw,
//! answers kept while moving around, submission with its confirmation, the score the bank says
//! and the review; and the exam that submits itself when time runs out.
//!
//! Every expectation is computed from the bank files (read natively), never read back from
//! the app.

use ontap_core::exam::Exam;
use ontap_core::model::QuestionKind;
use ontap_e2e::banks::*;
use ontap_e2e::browser::Browser;
use ontap_e2e::dist_dir;
use ontap_e2e::member::*;
use ontap_e2e::page::*;
use ontap_e2e::server::StaticServer;
use thirtyfour::prelude::*;

#[tokio::test]
async fn exam_score_equals_what_the_bank_says() {
    let lib = shipped_library();
    // Seed 3128 draws every type from this bank, fill-in three times.
    let bank = ALL_TYPES_BANK;
    // The same draw the link must give, computed natively.
    let drawn: Vec<String> = Exam::start(&lib, exam_spec(bank, 10, 30, 3128), 0.0)
        .items
        .iter()
        .map(|i| i.question.question.to_string())
        .collect();
    assert_eq!(drawn.len(), 10);
    // With this draw (ordering, fill_blank, matching, ordering, matching, single, multiple with
    // two right options, fill_blank, true_false, fill_blank; the skipped ordering counts as
    // wrong): 5 + 1/2 points, "5,5/10 điểm".
    let base = [
        Plan::Right,
        Plan::Right,
        Plan::Wrong,
        Plan::Skip,
        Plan::Right,
        Plan::Right,
        Plan::Partial,
        Plan::Wrong,
        Plan::Right,
        Plan::Skip,
    ];
    let plans: Vec<Plan> = drawn.iter().zip(base).map(|(id, p)| p.fit(question(&lib, bank, id))).collect();

    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    open(&b, &server, &format!("?trang=thi&nh={bank}&so=10&phut=30&dat=50&ma=3128")).await;
    b.wait_for(".exam-nav .nav-q").await;
    assert_eq!(b.all(".exam-nav .nav-q").await.len(), 10);
    assert!(b.all(".feedback").await.is_empty(), "no feedback during the exam");

    let mut right_lines = Vec::new();
    for (k, id) in drawn.iter().enumerate() {
        wait_text(&b, ".progress", &format!("Câu {}/10", k + 1)).await;
        assert_eq!(&current_question(&b).await, id, "question {} is the one the link draws", k + 1);
        let q = question(&lib, bank, id);
        right_lines.push(answer_with_mouse(&b, q, plans[k]).await);
        assert!(b.all(".feedback").await.is_empty(), "no feedback during the exam");
        if k + 1 < drawn.len() {
            b.wait_for("#next-q").await.click().await.unwrap();
        } else {
            assert!(!b.wait_for("#next-q").await.is_enabled().await.unwrap(), "no question after the last");
        }
    }

    // Back to the first question through the navigation: its answer is still there.
    b.all(".exam-nav .nav-q").await[0].click().await.unwrap();
    wait_text(&b, ".progress", "Câu 1/10").await;
    assert_eq!(current_question(&b).await, drawn[0]);
    let q0 = question(&lib, bank, &drawn[0]);
    if matches!(q0.kind, QuestionKind::Single { .. } | QuestionKind::Multiple { .. } | QuestionKind::TrueFalse { .. }) {
        assert!(!b.all(".question-card label.option.picked").await.is_empty(), "the answer to question 1 is kept");
    }

    let answered = plans.iter().filter(|p| **p != Plan::Skip).count();
    wait_text(&b, ".exam-bar .answered", &format!("Đã trả lời {answered}/10")).await;
    b.wait_for("#submit-exam").await.click().await.unwrap();
    wait_text(&b, ".confirm", &format!("Nộp bài? Còn {} câu chưa trả lời.", 10 - answered)).await;
    b.wait_for("#confirm-submit").await.click().await.unwrap();

    let points: f64 = drawn
        .iter()
        .zip(&plans)
        .map(|(id, p)| {
            let (e, o) = p.credit(question(&lib, bank, id));
            f64::from(e) / f64::from(o)
        })
        .sum();
    let share = points / 10.0;
    let out_of_10 = (share * 1000.0).round() / 100.0;
    let percent = (share * 1000.0).round() / 10.0;
    let passed = share * 100.0 + 1e-9 >= 50.0;
    let score = format!("{}/10 điểm", vn_number(out_of_10, 2));
    wait_text(&b, "#score", &score).await;
    wait_text(&b, "#percent", &format!("{}% — {}", vn_number(percent, 1), if passed { "Đạt" } else { "Chưa đạt" }))
        .await;
    let types: Vec<&str> = drawn.iter().map(|id| question(&lib, bank, id).kind.type_name()).collect();
    eprintln!("exam: {types:?}, plans {plans:?}, expected {score}");

    let items = b.all(".review-item").await;
    assert_eq!(items.len(), 10, "every question is reviewed");
    for (k, item) in items.iter().enumerate() {
        let id = &drawn[k];
        let q = question(&lib, bank, id);
        assert_eq!(item.attr("data-question").await.unwrap().as_deref(), Some(id.as_str()));
        let heading = item.find(By::Css("h3")).await.unwrap().text().await.unwrap();
        assert_eq!(heading, format!("Câu {}: {}", k + 1, plans[k].review_status()), "{id}");
        let mut lines = Vec::new();
        for li in item.find_all(By::Css(".right-answer li")).await.unwrap() {
            lines.push(li.text().await.unwrap());
        }
        assert_eq!(lines, right_lines[k], "{id}: the review shows the right answer");
        let explanation = item.find(By::Css(".explanation")).await.unwrap().text().await.unwrap();
        assert_eq!(explanation, visible(&q.explanation), "{id}");
        let source = item.find(By::Css(".source")).await.unwrap().text().await.unwrap();
        assert_eq!(source, visible(&expected_source(&lib, q)), "{id}");
    }
    b.quit().await;
}

// ---------------------------------------------------------------------------------------------
// 4. Time runs out
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn exam_submits_itself_when_time_runs_out() {
    let lib = shipped_library();
    let bank = "nq35-bao-ve-nen-tang-tu-tuong";
    let drawn: Vec<String> = Exam::start(&lib, exam_spec(bank, 5, 1, 777), 0.0)
        .items
        .iter()
        .map(|i| i.question.question.to_string())
        .collect();
    // Answer the first question that is not typed in (fill-in is tested elsewhere).
    let target = drawn
        .iter()
        .position(|id| !matches!(question(&lib, bank, id).kind, QuestionKind::FillBlank { .. }))
        .expect("a question to click");
    // An ordering question visited before the target would be answered by its shown order.
    assert!(
        drawn[..target].iter().all(|id| !matches!(question(&lib, bank, id).kind, QuestionKind::Ordering { .. })),
        "pick another seed"
    );

    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    open(&b, &server, &format!("?trang=thi&nh={bank}&so=5&phut=1&dat=50&ma=777")).await;
    b.wait_for(".exam-nav .nav-q").await;
    let left = text_of(&b, "#time-left").await.unwrap();
    assert!(left == "01:00" || left.starts_with("00:5"), "about a minute to go: {left}");
    b.all(".exam-nav .nav-q").await[target].click().await.unwrap();
    wait_text(&b, ".progress", &format!("Câu {}/5", target + 1)).await;
    assert_eq!(current_question(&b).await, drawn[target]);
    let q = question(&lib, bank, &drawn[target]);
    let right = answer_with_mouse(&b, q, Plan::Right).await;
    assert!(b.all("#score").await.is_empty(), "still running");

    b.driver.execute("const n = Date.now.bind(Date); Date.now = () => n() + 61*60*1000;", vec![]).await.unwrap();
    // No click: the result comes by itself.
    let score = poll("the result screen to appear by itself", || async { text_of(&b, "#score").await }).await;
    assert_eq!(score, "2/10 điểm", "one right answer of five");
    wait_text(&b, "#percent", "20% — Chưa đạt").await;
    let facts = texts(&b, ".summary-card p").await;
    assert!(
        facts.iter().any(|p| p.contains("Thời gian làm bài: 01:00") && p.contains("Chưa trả lời: 4 câu")),
        "time counted at the deadline, four unanswered: {facts:?}"
    );
    let item = &b.all(".review-item").await[target];
    let heading = item.find(By::Css("h3")).await.unwrap().text().await.unwrap();
    assert_eq!(heading, format!("Câu {}: ✓ Đúng", target + 1));
    let mut lines = Vec::new();
    for li in item.find_all(By::Css(".right-answer li")).await.unwrap() {
        lines.push(li.text().await.unwrap());
    }
    assert_eq!(lines, right);
    assert!(b.all("#submit-exam").await.is_empty() && b.all(".exam-nav").await.is_empty(), "the exam is over");
    b.quit().await;
}
