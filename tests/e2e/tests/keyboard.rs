//! A practice session with the keyboard only, in headless Chromium against the built app:
//! number keys, Tab, arrows and Enter for every question type.
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
use std::collections::BTreeSet;
use thirtyfour::prelude::*;

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

/// Holds the page's animation frames until released (a slow phone's late frame), from before
/// its scripts run.
const HOLD_FRAMES: &str = r#"
window.heldFrames = [];
window.holdFrames = false;
const frame = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (cb) => { if (window.holdFrames) { window.heldFrames.push(cb); return 0; } return frame(cb); };
"#;

/// After “Câu tiếp”, the page moves focus to the next question's heading on the next frame; a
/// member who taps the answer field before that frame (a slow phone) keeps typing there.
#[tokio::test]
async fn a_field_focused_before_a_late_frame_keeps_the_focus() {
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    let script = serde_json::json!({ "source": HOLD_FRAMES });
    b.driver.cdp().send_raw("Page.addScriptToEvaluateOnNewDocument", script).await.unwrap();
    // Two fill-in-the-blank questions: whichever comes second has a field.
    open(&b, &server, &format!("?trang=luyen-tap&cau={ALL_TYPES_BANK}.nll-006.nll-011")).await;
    b.wait_for(".question-card input[type='text']").await.send_keys("một câu trả lời").await.unwrap();
    b.wait_for("#submit").await.click().await.unwrap();
    let next = b.wait_for("#next").await;
    js(&b, "window.holdFrames = true; return null").await;
    next.click().await.unwrap();
    wait_text(&b, ".progress", "Câu 2/2").await;
    let field = b.wait_for(".question-card input[type='text']").await;
    field.send_keys("gõ trước khung hình").await.unwrap();
    let held = js(&b, "window.holdFrames = false; const h = window.heldFrames.splice(0); h.forEach(cb => cb(performance.now())); return h.length").await;
    assert!(held.as_u64() > Some(0), "the page asked for a frame to move the focus");
    assert!(focused(&b).await.starts_with("INPUT#"), "the field keeps the focus: {}", focused(&b).await);
    field.send_keys(" và gõ tiếp").await.unwrap();
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some("gõ trước khung hình và gõ tiếp"));
    b.quit().await;
}
