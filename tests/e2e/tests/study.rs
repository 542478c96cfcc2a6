//! The study app walked as a member would, in headless Chromium against the built app:
//! practice with feedback and "retry the wrong ones", an exam scored as the bank says, a
//! time-out submission, a keyboard-only session, the search, a hostile bank shown as text,
//! a 360 px phone without horizontal scroll, the back button and direct links.
//!
//! Every expectation is computed here from the bank files (read natively), never read back
//! from the app.

use ontap_core::check::{MemoryFiles, check_folder};
use ontap_core::draw::Filter;
use ontap_core::exam::Exam;
use ontap_core::library::Library;
use ontap_core::model::{Material, Question, QuestionKind};
use ontap_core::route::ExamSpec;
use ontap_core::text::search_key;
use ontap_e2e::browser::Browser;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, repo_root};
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::time::{Duration, Instant};
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

/// The bank used for practice: it has every question type.
const ALL_TYPES_BANK: &str = "ngay-le-lon";
/// A bank with at least two questions of every type, two of them multiple-answer with two right
/// options or more (one answered right, one partly right).
const TWO_OF_EACH_BANK: &str = "tuyen-giao-khoi-nam-dinh-2022";

// ---------------------------------------------------------------------------------------------
// The banks, natively
// ---------------------------------------------------------------------------------------------

/// The shipped questions folder as files, plus `extra` (name, bytes) files.
fn folder_files(extra: &[(&str, Vec<u8>)]) -> MemoryFiles {
    let mut files = MemoryFiles::default();
    for entry in std::fs::read_dir(repo_root().join("questions")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            let name = entry.file_name().into_string().unwrap();
            files = files.with(&name, std::fs::read(entry.path()).unwrap());
        }
    }
    for (name, bytes) in extra {
        files = files.with(name, bytes.clone());
    }
    files
}

/// The library the app should build from the shipped questions folder.
fn shipped_library() -> Library {
    library_of(&folder_files(&[]))
}

fn library_of(files: &MemoryFiles) -> Library {
    let report = check_folder(files, "", None);
    Library::new(
        report.banks.iter().filter_map(|b| b.bank.clone()).collect(),
        report.materials.as_ref().map(|m| m.materials.clone()).unwrap_or_default(),
    )
}

/// The question `id` of bank `bank`.
fn question<'a>(lib: &'a Library, bank: &str, id: &str) -> &'a Question {
    let b = lib.banks.iter().find(|b| b.id.as_str() == bank).unwrap_or_else(|| panic!("bank {bank}"));
    b.questions.iter().find(|q| q.id.as_str() == id).unwrap_or_else(|| panic!("question {id} in {bank}"))
}

/// `2023-02-15` → `15/2/2023`, `2022-11` → `11/2022`, `2024` → `2024`.
fn vn_date(date: &str) -> String {
    let parts: Vec<u32> = date.split('-').map(|p| p.parse().unwrap()).collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        [y, m] => format!("{m}/{y}"),
        [y] => y.to_string(),
        _ => panic!("bad date {date}"),
    }
}

/// The source line the feedback must show.
fn expected_source(lib: &Library, q: &Question) -> String {
    let m: &Material = lib.materials.iter().find(|m| m.id == q.source.material).expect("the material is listed");
    format!("Nguồn: {}, {} — “{}”", m.title, vn_date(&m.date), q.source.quote)
}

/// WebDriver reads non-breaking spaces as spaces.
fn visible(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

/// A number as Vietnamese writes it, with at most `decimals` decimals and no trailing zeros.
fn vn_number(x: f64, decimals: usize) -> String {
    let mut s = format!("{x:.decimals$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    s.replace('.', ",")
}

fn correct_indices(kind: &QuestionKind) -> Vec<usize> {
    match kind {
        QuestionKind::Single { correct, .. } | QuestionKind::Multiple { correct, .. } => {
            correct.letters().iter().map(|l| usize::from(l.as_bytes()[0] - b'A')).collect()
        }
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Browser helpers
// ---------------------------------------------------------------------------------------------

/// Polls `f` every 50 ms for up to 10 s until it gives `Some`.
async fn poll<T, F, Fut>(what: &str, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text of the first element matching `css`, if there is one.
async fn text_of(b: &Browser, css: &str) -> Option<String> {
    let el = b.driver.find(By::Css(css)).await.ok()?;
    el.text().await.ok()
}

/// Waits until the first element matching `css` reads `want`; panics with what it read.
async fn wait_text(b: &Browser, css: &str, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let got = text_of(b, css).await;
        if got.as_deref() == Some(want) {
            return;
        }
        if Instant::now() > deadline {
            panic!("{css:?} reads {got:?}, expected {want:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The texts of every element matching `css`, now.
async fn texts(b: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for el in b.all(css).await {
        out.push(el.text().await.unwrap_or_default());
    }
    out
}

async fn js(b: &Browser, script: &str) -> serde_json::Value {
    b.driver.execute(script, vec![]).await.expect("script runs").json().clone()
}

async fn open(b: &Browser, server: &StaticServer, query: &str) {
    b.driver.goto(format!("{}{query}", server.url())).await.unwrap();
}

/// The id of the question on screen.
async fn current_question(b: &Browser) -> String {
    b.wait_for(".question-card[data-question]").await.attr("data-question").await.unwrap().unwrap()
}

/// Waits for the practice screen to show question `k` (0-based) of `n`; returns its id.
async fn at_practice_question(b: &Browser, k: usize, n: usize) -> String {
    wait_text(b, ".progress", &format!("Câu {}/{}", k + 1, n)).await;
    current_question(b).await
}

/// `scrollWidth <= innerWidth`: the page does not scroll sideways.
async fn assert_no_horizontal_scroll(b: &Browser, place: &str) {
    let v = js(b, "return [document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth];").await;
    let (scroll, inner) = (v[0].as_i64().unwrap(), v[1].as_i64().unwrap());
    if scroll > inner {
        // Name the culprits, for the bug report.
        let wide = js(
            b,
            "const w = window.innerWidth; return [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > w + 0.5)
               .slice(0, 8).map(e => e.tagName + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right));",
        )
        .await;
        panic!("{place}: scrollWidth {scroll} > innerWidth {inner}; wide elements: {wide}");
    }
}

// ---------------------------------------------------------------------------------------------
// Answering a question as a member would (mouse)
// ---------------------------------------------------------------------------------------------

/// What the member does with a question.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Plan {
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
    fn fit(self, q: &Question) -> Plan {
        match (self, &q.kind) {
            (Plan::Partial, QuestionKind::Multiple { correct, .. }) if correct.letters().len() >= 2 => Plan::Partial,
            (Plan::Partial, _) => Plan::Right,
            (Plan::Skip, QuestionKind::Ordering { .. }) => Plan::Wrong,
            (p, _) => p,
        }
    }

    /// Credit earned, as (earned, out of).
    fn credit(self, q: &Question) -> (u32, u32) {
        match self {
            Plan::Right => (1, 1),
            Plan::Partial => (1, correct_indices(&q.kind).len() as u32),
            Plan::Wrong | Plan::Skip => (0, 1),
        }
    }

    /// The practice verdict line.
    fn verdict(self, q: &Question) -> String {
        match self {
            Plan::Right => "✓ Chính xác!".into(),
            Plan::Partial => format!("◐ Đúng một phần ({}/{}).", 1, correct_indices(&q.kind).len()),
            Plan::Wrong | Plan::Skip => "✗ Chưa đúng.".into(),
        }
    }

    /// The exam review heading's status.
    fn review_status(self) -> &'static str {
        match self {
            Plan::Right => "✓ Đúng",
            Plan::Wrong => "✗ Sai",
            Plan::Partial => "◐ Đúng một phần",
            Plan::Skip => "— Chưa trả lời",
        }
    }
}

/// The options of a choice question as shown, top to bottom.
async fn shown_options(b: &Browser) -> Vec<String> {
    texts(b, ".question-card label.option .text").await
}

/// Clicks the option whose text is `text`.
async fn click_option(b: &Browser, text: &str) {
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
async fn shown_items(b: &Browser) -> Vec<String> {
    texts(b, ".question-card .order-item .text").await
}

/// Answers `q` on screen by `plan` with the mouse. Returns the right-answer lines the feedback
/// must show, computed from the bank and the order the options were shown in.
async fn answer_with_mouse(b: &Browser, q: &Question, plan: Plan) -> Vec<String> {
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
async fn expected_right_lines(b: &Browser, q: &Question) -> Vec<String> {
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
async fn check_feedback(b: &Browser, lib: &Library, q: &Question, plan: Plan, right_lines: &[String]) {
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
fn practice_plan(q: &Question, seen_of_type: usize) -> Plan {
    let cycle = match q.kind {
        // TWO_OF_EACH_BANK has four of these: right, partly right, wrong, right.
        QuestionKind::Multiple { .. } => [Plan::Right, Plan::Partial, Plan::Wrong],
        _ => [Plan::Right, Plan::Wrong, Plan::Partial],
    };
    cycle[seen_of_type % 3].fit(q)
}

// ---------------------------------------------------------------------------------------------
// 1, 2. Practice with feedback, then "retry the wrong ones"
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// 3. An exam scored as the bank says
// ---------------------------------------------------------------------------------------------

fn exam_spec(bank: &str, count: usize, minutes: u32, seed: u64) -> ExamSpec {
    ExamSpec { filter: Filter { banks: vec![bank.into()], tags: vec![] }, count, minutes, pass_percent: 50, seed }
}

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

// ---------------------------------------------------------------------------------------------
// 5. Keyboard only
// ---------------------------------------------------------------------------------------------

async fn press(b: &Browser, keys: impl Into<TypingData>) {
    b.driver.action_chain().send_keys(keys).perform().await.unwrap();
}

/// A description of the focused element: `tag#id.class`.
async fn focused(b: &Browser) -> String {
    js(b, "const e = document.activeElement; return e ? e.tagName + '#' + e.id + '.' + e.className : '';")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Presses Tab until the element matching `css` has focus (as a member tabs to a field).
async fn tab_to(b: &Browser, css: &str) {
    let check = format!("return document.activeElement === document.querySelector({css:?});");
    for _ in 0..80 {
        if js(b, &check).await.as_bool() == Some(true) {
            return;
        }
        press(b, Key::Tab).await;
    }
    panic!("Tab never reaches {css:?}; focus is on {}", focused(b).await);
}

#[tokio::test]
async fn keyboard_only_practice() {
    let lib = shipped_library();
    let bank = lib.banks.iter().find(|b| b.id.as_str() == ALL_TYPES_BANK).unwrap();
    let n = bank.questions.len();
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    open(&b, &server, &format!("?trang=luyen-tap&nh={ALL_TYPES_BANK}")).await;

    let mut wrong = 0;
    let mut types = BTreeSet::new();
    for k in 0..n {
        let id = at_practice_question(&b, k, n).await;
        let q = question(&lib, ALL_TYPES_BANK, &id);
        types.insert(q.kind.type_name());
        // True/false claims are judged wrong on purpose; the rest right.
        let plan = if matches!(q.kind, QuestionKind::TrueFalse { .. }) { Plan::Wrong } else { Plan::Right };
        let right = expected_right_lines(&b, q).await;
        let name = format!("q{k}");
        let mut submit_with_button = false;
        match &q.kind {
            QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                let shown = shown_options(&b).await;
                for i in correct_indices(&q.kind) {
                    let at = shown.iter().position(|s| *s == visible(&options[i])).unwrap();
                    press(&b, (at + 1).to_string()).await;
                }
                let picked = b.all(".question-card label.option.picked").await.len();
                assert_eq!(picked, correct_indices(&q.kind).len(), "{id}: number keys pick the options");
            }
            QuestionKind::TrueFalse { answer } => {
                // 1 = Đúng, 2 = Sai; say the opposite.
                press(&b, if *answer { "2" } else { "1" }).await;
                assert_eq!(b.all(".question-card label.option.picked").await.len(), 1, "{id}: a number key picks");
            }
            QuestionKind::FillBlank { accepted, .. } => {
                tab_to(&b, &format!("#{name}-input")).await;
                press(&b, accepted[0].as_str()).await;
                let value = b.wait_for(&format!("#{name}-input")).await.prop("value").await.unwrap();
                assert_eq!(value.as_deref(), Some(accepted[0].as_str()), "{id}: typed with the keyboard");
            }
            QuestionKind::Ordering { items } => {
                for (p, item) in items.iter().enumerate() {
                    let mut j = shown_items(&b).await.iter().position(|t| *t == visible(item)).unwrap();
                    if j == p {
                        continue;
                    }
                    // Its ↑ button; focus stays on it while it climbs.
                    let up = format!("#{name}-up-{p}");
                    tab_to(&b, &up).await;
                    let on_up = format!("return document.activeElement === document.querySelector({up:?});");
                    while j > p {
                        press(&b, Key::Enter).await;
                        let text = visible(item);
                        poll("the item to move up", || {
                            let text = text.clone();
                            let b = &b;
                            async move { (shown_items(b).await.get(j - 1) == Some(&text)).then_some(()) }
                        })
                        .await;
                        j -= 1;
                        if j > p {
                            // The list is drawn again and the focus put back on the next frame:
                            // press again only once it is there, as a member would see it.
                            poll("the focus to come back to the ↑ button", || {
                                let (b, on_up) = (&b, &on_up);
                                async move { (js(b, on_up).await.as_bool() == Some(true)).then_some(()) }
                            })
                            .await;
                        }
                    }
                }
                let wanted: Vec<String> = items.iter().map(|s| visible(s)).collect();
                assert_eq!(shown_items(&b).await, wanted, "{id}: put in order with the keyboard");
                submit_with_button = true;
            }
            QuestionKind::Matching { pairs } => {
                for li in 0..pairs.len() {
                    let css = format!("#{name}-m{li}");
                    tab_to(&b, &css).await;
                    let select = b.wait_for(&css).await;
                    let options = select.find_all(By::Css("option")).await.unwrap();
                    let mut at = None;
                    for (pos, o) in options.iter().enumerate() {
                        if o.value().await.unwrap().as_deref() == Some(li.to_string().as_str()) {
                            at = Some(pos);
                        }
                    }
                    for _ in 0..at.expect("the right match is offered") {
                        press(&b, Key::Down).await;
                    }
                    let value = b.wait_for(&css).await.prop("value").await.unwrap();
                    assert_eq!(
                        value.as_deref(),
                        Some(li.to_string().as_str()),
                        "{id}: row {li} chosen with arrow keys"
                    );
                }
                submit_with_button = true;
            }
        }
        if submit_with_button {
            // Enter on a button or select does that control's work: Tab to "Trả lời".
            tab_to(&b, "#submit").await;
        }
        press(&b, Key::Enter).await;
        wait_text(&b, ".feedback .verdict", &plan.verdict(q)).await;
        assert_eq!(texts(&b, ".feedback .right-answer li").await, right, "{id}");
        if plan == Plan::Wrong {
            wrong += 1;
        }
        // Enter again goes on.
        press(&b, Key::Enter).await;
        if k + 1 < n {
            wait_text(&b, ".progress", &format!("Câu {}/{}", k + 2, n)).await;
        }
    }
    assert_eq!(types.len(), 6, "every type was answered by keyboard: {types:?}");
    wait_text(&b, ".summary-card .big", &format!("Đúng {}/{n} câu", n - wrong)).await;
    b.quit().await;
}

// ---------------------------------------------------------------------------------------------
// 6. Search
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// 7. A hostile bank is shown as text
// ---------------------------------------------------------------------------------------------

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
    let mut catalogue: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo_root().join("questions/catalogue.json")).unwrap()).unwrap();
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

// ---------------------------------------------------------------------------------------------
// 8. A 360 px phone
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn phone_width_has_no_horizontal_scroll() {
    let lib = shipped_library();
    let bank = lib.banks.iter().find(|b| b.id.as_str() == ALL_TYPES_BANK).unwrap();
    let n = bank.questions.len();
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(360, 800).await;
    // Chromium keeps windows at least 500 px wide: emulate the phone's screen instead.
    b.driver.cdp().emulation().set_device_metrics_override(360, 800, 1.0, false).await.unwrap();
    open(&b, &server, "").await;
    b.wait_for(".bank-card").await;
    let inner = js(&b, "return window.innerWidth;").await.as_i64().unwrap();
    assert_eq!(inner, 360, "the window is a 360 px phone");
    assert_no_horizontal_scroll(&b, "home").await;
    b.wait_for("#search").await.send_keys("nghi quyet 35").await.unwrap();
    b.wait_for(".result-count").await;
    assert_no_horizontal_scroll(&b, "home with search results").await;

    open(&b, &server, &format!("?trang=luyen-tap&nh={ALL_TYPES_BANK}")).await;
    let mut types = BTreeSet::new();
    for k in 0..n {
        let id = at_practice_question(&b, k, n).await;
        let q = question(&lib, ALL_TYPES_BANK, &id);
        let t = q.kind.type_name();
        types.insert(t);
        assert_no_horizontal_scroll(&b, &format!("practice {t} question {id}")).await;
        let plan = if k % 2 == 0 { Plan::Right } else { Plan::Wrong.fit(q) };
        let right = answer_with_mouse(&b, q, plan).await;
        b.wait_for("#submit").await.click().await.unwrap();
        check_feedback(&b, &lib, q, plan, &right).await;
        assert_no_horizontal_scroll(&b, &format!("practice {t} feedback {id}")).await;
        b.wait_for("#next").await.click().await.unwrap();
    }
    assert_eq!(types.len(), 6, "every type seen: {types:?}");
    b.wait_for(".summary-card").await;
    assert_no_horizontal_scroll(&b, "practice summary").await;

    open(&b, &server, &format!("?trang=thi&nh={ALL_TYPES_BANK}&so=10&phut=30&dat=50&ma=12345")).await;
    b.wait_for(".exam-nav").await;
    for k in 0..10 {
        wait_text(&b, ".progress", &format!("Câu {}/10", k + 1)).await;
        assert_no_horizontal_scroll(&b, &format!("exam question {}", k + 1)).await;
        if k < 9 {
            b.wait_for("#next-q").await.click().await.unwrap();
        }
    }
    b.wait_for("#submit-exam").await.click().await.unwrap();
    assert_no_horizontal_scroll(&b, "exam confirm").await;
    b.wait_for("#confirm-submit").await.click().await.unwrap();
    b.wait_for("#score").await;
    assert_no_horizontal_scroll(&b, "exam result").await;

    open(&b, &server, "?trang=thi-thu").await;
    b.wait_for("#start-exam").await;
    assert_no_horizontal_scroll(&b, "exam setup").await;

    // The largest text size, for older members, still fits.
    b.all(".text-size .size").await.last().unwrap().click().await.unwrap();
    for (place, query) in [
        ("home", String::new()),
        ("practice", format!("?trang=luyen-tap&nh={ALL_TYPES_BANK}")),
        ("exam", format!("?trang=thi&nh={ALL_TYPES_BANK}&so=10&phut=30&dat=50&ma=12345")),
    ] {
        open(&b, &server, &query).await;
        b.wait_for("main h2").await;
        let size = js(&b, "return getComputedStyle(document.documentElement).fontSize;").await;
        assert_eq!(size.as_str(), Some("22.4px"), "the largest text size is kept");
        assert_no_horizontal_scroll(&b, &format!("{place} in the largest text size")).await;
    }
    b.quit().await;
}

// ---------------------------------------------------------------------------------------------
// The back button and direct links
// ---------------------------------------------------------------------------------------------

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
