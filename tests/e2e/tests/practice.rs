//! Practice as a member walks it, in headless Chromium against the built app: every type
//! answered right, wrong and in part with the mouse, the feedback each time (verdict, right
//! answer, explanation, source), the summary, and "Làm lại các câu sai".
//!
//! Every expectation is computed from the bank files (read natively), never read back from
//! the app.

use ontap_core::model::QuestionKind;
use ontap_e2e::banks::*;
use ontap_e2e::browser::Browser;
use ontap_e2e::dist_dir;
use ontap_e2e::member::*;
use ontap_e2e::page::*;
use ontap_e2e::server::StaticServer;
use std::collections::{BTreeMap, BTreeSet};

#[tokio::test]
async fn practice_right_and_wrong_with_feedback_then_retry_the_wrong_ones() {
    let lib = shipped_library();
    let bank = lib.banks.iter().find(|b| b.id.as_str() == TWO_OF_EACH_BANK).unwrap();
    let n = bank.questions.len();
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    open(&b, &server, &format!("?trang=luyen-tap&nh={TWO_OF_EACH_BANK}")).await;
    wait_text(&b, ".page-title", &bank.title).await;

    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    let mut asked = BTreeSet::new();
    let mut wrong = BTreeSet::new();
    let mut plans = BTreeMap::new();
    for k in 0..n {
        let id = at_practice_question(&b, k, n).await;
        assert!(asked.insert(id.clone()), "{id} asked twice");
        let q = question(&lib, TWO_OF_EACH_BANK, &id);
        let seen = per_type.entry(q.kind.type_name()).or_default();
        let plan = practice_plan(q, *seen);
        *seen += 1;
        assert_eq!(
            text_of(&b, ".question-card .prompt").await.map(|p| p.contains("…") || p == visible(&q.prompt)),
            Some(true)
        );
        let submit = b.wait_for("#submit").await;
        // The order shown is already an answer to an ordering question; the rest wait for one.
        let ordering = matches!(q.kind, QuestionKind::Ordering { .. });
        assert_eq!(submit.is_enabled().await.unwrap(), ordering, "{id}: #submit enabled before any answer");
        let right = answer_with_mouse(&b, q, plan).await;
        submit.click().await.unwrap();
        check_feedback(&b, &lib, q, plan, &right).await;
        if plan != Plan::Right {
            wrong.insert(id.clone());
        }
        plans.insert(id, plan);
        let next = b.wait_for("#next").await;
        assert_eq!(next.text().await.unwrap(), if k + 1 == n { "Xem kết quả" } else { "Câu tiếp theo" });
        next.click().await.unwrap();
    }
    assert_eq!(asked.len(), n, "every question of the bank is asked once");
    assert!(plans.values().any(|p| *p == Plan::Partial), "a partial answer was tried");
    for t in ["single", "multiple", "true_false", "fill_blank", "ordering", "matching"] {
        assert!(per_type.get(t).copied().unwrap_or(0) >= 2, "{t} answered right and wrong: {per_type:?}");
    }

    let right_count = n - wrong.len();
    wait_text(&b, ".summary-card .big", &format!("Đúng {right_count}/{n} câu")).await;
    let credit: f64 = plans
        .iter()
        .map(|(id, p)| {
            let (e, o) = p.credit(question(&lib, TWO_OF_EACH_BANK, id));
            f64::from(e) / f64::from(o)
        })
        .sum();
    // The points line, checked at the end so the retry flow is tested whatever it says.
    let points = texts(&b, ".summary-card p").await;

    // 2. Retry exactly the wrong ones.
    let retry = b.wait_for("#retry-wrong").await;
    assert_eq!(retry.text().await.unwrap(), format!("Làm lại các câu sai ({})", wrong.len()));
    retry.click().await.unwrap();
    let m = wrong.len();
    let mut retried = BTreeSet::new();
    for k in 0..m {
        let id = at_practice_question(&b, k, m).await;
        assert!(retried.insert(id.clone()), "{id} asked twice in the retry");
        // Answer them right this time.
        let q = question(&lib, TWO_OF_EACH_BANK, &id);
        let right = answer_with_mouse(&b, q, Plan::Right).await;
        b.wait_for("#submit").await.click().await.unwrap();
        check_feedback(&b, &lib, q, Plan::Right, &right).await;
        b.wait_for("#next").await.click().await.unwrap();
    }
    assert_eq!(retried, wrong, "the retry asks exactly the questions answered wrong");
    wait_text(&b, ".summary-card .big", &format!("Đúng {m}/{m} câu")).await;
    assert!(b.all("#retry-wrong").await.is_empty(), "nothing left to retry");
    b.quit().await;

    // "Điểm: 12,3/18": the credit with one decimal, written with a decimal comma as the exam's
    // score is (a dot reads as a thousands separator in Vietnamese).
    let line = points.iter().find(|p| p.starts_with("Điểm: ")).unwrap_or_else(|| panic!("no points line: {points:?}"));
    let number = line.trim_start_matches("Điểm: ").trim_end_matches(&format!("/{n}"));
    assert!(
        !number.contains('.'),
        "the points use a decimal comma: {line:?} (expected {credit:.1} as {})",
        vn_number(credit, 1)
    );
    let value: f64 = number.replace(',', ".").parse().unwrap_or_else(|_| panic!("a number in {line:?}"));
    assert!((value - (credit * 10.0).round() / 10.0).abs() < 1e-9, "{line:?}: expected {credit:.1}");
}
