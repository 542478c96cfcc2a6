//! A member answering the question on screen with the mouse, as planned (right, wrong, in
//! part, skipped), and what the app must show for it: the practice and exam journeys share it.
//! Every expectation is computed from the bank files (read natively), never read back from
//! the app.

use crate::banks::{correct_indices, expected_source, visible};
use crate::browser::Browser;
use crate::page::{js, poll, text_of, texts, wait_text};
use ontap_core::draw::Filter;
use ontap_core::library::Library;
use ontap_core::model::{Question, QuestionKind};
use ontap_core::route::ExamSpec;
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

/// The bank used for practice: it has every question type.
pub const ALL_TYPES_BANK: &str = "ngay-le-lon";
/// A bank with at least two questions of every type, two of them multiple-answer with two right
/// options or more (one answered right, one partly right).
pub const TWO_OF_EACH_BANK: &str = "tuyen-giao-khoi-nam-dinh-2022";

/// The id of the question on screen.
pub async fn current_question(b: &Browser) -> String {
    b.wait_for(".question-card[data-question]").await.attr("data-question").await.unwrap().unwrap()
}

/// Waits for the practice screen to show question `k` (0-based) of `n`; returns its id.
pub async fn at_practice_question(b: &Browser, k: usize, n: usize) -> String {
    wait_text(b, ".progress", &format!("Câu {}/{}", k + 1, n)).await;
    current_question(b).await
}

/// What the member does with a question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plan {
    /// The right answer.
    Right,
    /// An answer worth nothing.
    Wrong,
    /// One right option of a multiple-answer question with several (partial credit).
    Partial,
    /// Leave it alone.
    Skip,
}

impl Plan {
    /// The plan that fits `q`: partial credit only where it exists, and an ordering question
    /// cannot be left unanswered (the order shown is already an answer), so it is made wrong.
    pub fn fit(self, q: &Question) -> Plan {
        match (self, &q.kind) {
            (Plan::Partial, QuestionKind::Multiple { correct, .. }) if correct.letters().len() >= 2 => Plan::Partial,
            (Plan::Partial, _) => Plan::Right,
            (Plan::Skip, QuestionKind::Ordering { .. }) => Plan::Wrong,
            (p, _) => p,
        }
    }

    /// Credit earned, as (earned, out of).
    pub fn credit(self, q: &Question) -> (u32, u32) {
        match self {
            Plan::Right => (1, 1),
            Plan::Partial => (1, correct_indices(&q.kind).len() as u32),
            Plan::Wrong | Plan::Skip => (0, 1),
        }
    }

    /// The practice verdict line.
    pub fn verdict(self, q: &Question) -> String {
        match self {
            Plan::Right => "✓ Chính xác!".into(),
            Plan::Partial => format!("◐ Đúng một phần ({}/{}).", 1, correct_indices(&q.kind).len()),
            Plan::Wrong | Plan::Skip => "✗ Chưa đúng.".into(),
        }
    }

    /// The exam review heading's status.
    pub fn review_status(self) -> &'static str {
        match self {
            Plan::Right => "✓ Đúng",
            Plan::Wrong => "✗ Sai",
            Plan::Partial => "◐ Đúng một phần",
            Plan::Skip => "— Chưa trả lời",
        }
    }
}

/// The options of a choice question as shown, top to bottom.
pub async fn shown_options(b: &Browser) -> Vec<String> {
    texts(b, ".question-card label.option .text").await
}

/// Clicks the option whose text is `text`.
pub async fn click_option(b: &Browser, text: &str) {
    for label in b.all(".question-card label.option").await {
        let t = label.find(By::Css(".text")).await.unwrap().text().await.unwrap();
        if t == visible(text) {
            label.click().await.unwrap();
            // Picked: the label is marked.
            poll("the option to be picked", || {
                let label = label.clone();
                async move { label.class_name().await.ok().flatten().filter(|c| c.contains("picked")).map(|_| ()) }
            })
            .await;
            return;
        }
    }
    panic!("no option reads {text:?}; shown: {:?}", shown_options(b).await);
}

/// The texts of the ordering items as shown now.
pub async fn shown_items(b: &Browser) -> Vec<String> {
    texts(b, ".question-card .order-item .text").await
}

/// Answers `q` on screen by `plan` with the mouse. Returns the right-answer lines the feedback
/// must show, computed from the bank and the order the options were shown in.
pub async fn answer_with_mouse(b: &Browser, q: &Question, plan: Plan) -> Vec<String> {
    let right = expected_right_lines(b, q).await;
    if plan == Plan::Skip {
        return right;
    }
    match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
            let correct = correct_indices(&q.kind);
            let picks: Vec<usize> = match plan {
                Plan::Right => correct.clone(),
                Plan::Partial => vec![correct[0]],
                _ => vec![(0..options.len()).find(|i| !correct.contains(i)).expect("a wrong option")],
            };
            for i in picks {
                click_option(b, &options[i]).await;
            }
        }
        QuestionKind::TrueFalse { answer } => {
            let say = if (plan == Plan::Right) == *answer { "Đúng" } else { "Sai" };
            click_option(b, say).await;
        }
        QuestionKind::FillBlank { accepted, .. } => {
            let input = b.wait_for(".question-card input[type='text']").await;
            let typed = if plan == Plan::Right { accepted[0].clone() } else { "không phải đáp án".to_owned() };
            input.send_keys(&typed).await.unwrap();
            let value = input.prop("value").await.ok().flatten();
            assert_eq!(value.as_deref(), Some(typed.as_str()), "{}: the field holds what was typed", q.id);
            let still =
                js(b, "return document.activeElement?.matches(\".question-card input[type='text']\") ?? false;").await;
            assert_eq!(still.as_bool(), Some(true), "{}: the field keeps focus while typing", q.id);
        }
        QuestionKind::Ordering { items } => {
            let n = items.len();
            let want: Vec<usize> = if plan == Plan::Right { (0..n).collect() } else { (0..n).rev().collect() };
            for (p, &file_index) in want.iter().enumerate() {
                let text = visible(&items[file_index]);
                let mut j = shown_items(b).await.iter().position(|t| *t == text).expect("the item is shown");
                while j > p {
                    let row = &b.all(".question-card .order-item").await[j];
                    let up = row.find(By::Css(".moves button")).await.unwrap();
                    assert_eq!(up.text().await.unwrap(), "↑");
                    up.click().await.unwrap();
                    let text = text.clone();
                    poll("the item to move up", || {
                        let text = text.clone();
                        async move { (shown_items(b).await.get(j - 1) == Some(&text)).then_some(()) }
                    })
                    .await;
                    j -= 1;
                }
            }
            let now = shown_items(b).await;
            let wanted: Vec<String> = want.iter().map(|&i| visible(&items[i])).collect();
            assert_eq!(now, wanted, "{}: the items stand in the order put", q.id);
        }
        QuestionKind::Matching { pairs } => {
            let n = pairs.len();
            let selects = b.all(".question-card .match-row select").await;
            assert_eq!(selects.len(), n, "{}: one select per left item", q.id);
            for (li, select) in selects.iter().enumerate() {
                let value = if plan == Plan::Right { li } else { (li + 1) % n };
                SelectElement::new(select).await.unwrap().select_by_value(&value.to_string()).await.unwrap();
            }
            for (li, select) in b.all(".question-card .match-row select").await.iter().enumerate() {
                let value = if plan == Plan::Right { li } else { (li + 1) % n };
                assert_eq!(select.prop("value").await.unwrap().unwrap(), value.to_string(), "{}: row {li}", q.id);
            }
        }
    }
    right
}

/// The lines "Đáp án đúng" must list for `q` as it is shown now.
pub async fn expected_right_lines(b: &Browser, q: &Question) -> Vec<String> {
    match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
            let shown = shown_options(b).await;
            let mut lines: Vec<(usize, String)> = correct_indices(&q.kind)
                .into_iter()
                .map(|i| {
                    let text = visible(&options[i]);
                    let at = shown.iter().position(|s| *s == text).unwrap_or_else(|| panic!("{text:?} in {shown:?}"));
                    (at, format!("{}. {text}", char::from(b'A' + at as u8)))
                })
                .collect();
            lines.sort();
            lines.into_iter().map(|(_, l)| l).collect()
        }
        QuestionKind::TrueFalse { answer } => vec![if *answer { "Đúng" } else { "Sai" }.to_owned()],
        QuestionKind::FillBlank { accepted, .. } => vec![visible(&accepted.join(" / "))],
        QuestionKind::Ordering { items } => {
            items.iter().enumerate().map(|(i, t)| visible(&format!("{}. {t}", i + 1))).collect()
        }
        QuestionKind::Matching { pairs } => {
            pairs.iter().map(|p| visible(&format!("{} → {}", p.left, p.right))).collect()
        }
    }
}

/// Checks the practice feedback after answering `q` by `plan`.
pub async fn check_feedback(b: &Browser, lib: &Library, q: &Question, plan: Plan, right_lines: &[String]) {
    wait_text(b, ".feedback .verdict", &plan.verdict(q)).await;
    let id = &q.id;
    assert_eq!(texts(b, ".feedback .right-answer li").await, right_lines, "{id}: the right answer");
    assert_eq!(text_of(b, ".feedback .right-answer h3").await.as_deref(), Some("Đáp án đúng"));
    assert_eq!(text_of(b, ".feedback .explanation").await.unwrap(), visible(&q.explanation), "{id}: explanation");
    assert_eq!(text_of(b, ".feedback .source").await.unwrap(), visible(&expected_source(lib, q)), "{id}: source");
    let given = !b.all(".feedback .given").await.is_empty();
    assert_eq!(given, plan != Plan::Right, "{id}: \"Bạn trả lời\" shows exactly when the answer is not right");
}

/// The plan for the `n`-th question of a type in a practice run: right, wrong, right… and for
/// multiple-answer questions right, partly right, wrong.
pub fn practice_plan(q: &Question, seen_of_type: usize) -> Plan {
    let cycle = match q.kind {
        // TWO_OF_EACH_BANK has four of these: right, partly right, wrong, right.
        QuestionKind::Multiple { .. } => [Plan::Right, Plan::Partial, Plan::Wrong],
        _ => [Plan::Right, Plan::Wrong, Plan::Partial],
    };
    cycle[seen_of_type % 3].fit(q)
}

/// The exam of `count` questions from `bank`, `minutes` long, pass mark 50 %, drawn from `seed`.
pub fn exam_spec(bank: &str, count: usize, minutes: u32, seed: u64) -> ExamSpec {
    ExamSpec { filter: Filter { banks: vec![bank.into()], tags: vec![] }, count, minutes, pass_percent: 50, seed }
}
