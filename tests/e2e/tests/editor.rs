//! Soạn câu hỏi (issue #16) in a real browser: a bank with one question of each type written
//! from scratch with the keyboard only, each quote selected in the material's text (served
//! beside the banks, copied from `../shared/materials` at test time, never committed), saved as
//! a download that passes `ontap check --materials` and is already in `ontap fmt`'s layout, and
//! kept on the device; a shipped bank's question edited, the page reloaded mid-edit and the
//! draft found; an invalid field's message beside the field; a hand-typed quote with one
//! character changed flagged; a second tab on the same bank told and nothing overwritten
//! silently; the editor usable at 360 px.

use ontap_core::check::{References, check_bank, check_materials};
use ontap_core::layout::write_bank;
use ontap_e2e::browser::Browser;
use ontap_e2e::page::{assert_no_horizontal_scroll, js, poll, text_of};
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, materials_dir, repo_root, serve_materials};
use serde_json::Value;
use std::process::Command;
use std::time::Duration;
use thirtyfour::prelude::*;

/// The material new questions cite (the first of `materials.json`).
const MATERIAL: &str = "khoi-tw-tuyen-truyen-2023";
const BANK: &str = "thu-soan";

/// Types `text` into the field `css` (focusing it, as Tab would).
async fn type_in(b: &Browser, css: &str, text: &str) {
    b.wait_for(css).await.send_keys(text).await.unwrap();
}

/// Presses `key` on the element `css` (Enter on a button, Space on a checkbox or radio).
async fn press(b: &Browser, css: &str, key: Key) {
    b.wait_for(css).await.send_keys(key).await.unwrap();
}

/// Selects `passage` in the material's text area: the caret put before it, then Shift+→ once
/// per character, as a keyboard user does.
async fn select_with_keys(b: &Browser, passage: &str) {
    let at = js(
        b,
        &format!(
            "const a = document.getElementById('material-text'); const i = a.value.indexOf({passage:?}); \
         a.focus(); a.setSelectionRange(i, i); return i"
        ),
    )
    .await;
    assert!(at.as_i64().unwrap() >= 0, "{passage} is in the material");
    let mut keys = String::from(Key::Shift.value());
    keys.extend(passage.encode_utf16().map(|_| Key::Right.value()));
    b.wait_for("#material-text").await.send_keys(keys).await.unwrap();
}

/// Selects `passage` in the material's text area as a mouse or finger would leave it.
async fn select_passage(b: &Browser, passage: &str) {
    let at = js(
        b,
        &format!(
            "const a = document.getElementById('material-text'); const i = a.value.indexOf({passage:?}); \
         if (i >= 0) {{ a.focus(); a.setSelectionRange(i, i + {passage:?}.length); }} return i"
        ),
    )
    .await;
    assert!(at.as_i64().unwrap() >= 0, "{passage} is in the material");
}

/// Waits until `css`'s text contains `part`, and gives the text.
async fn wait_words(b: &Browser, css: &str, part: &str) -> String {
    poll(&format!("{css} to say {part:?}"), move || async move { text_of(b, css).await.filter(|t| t.contains(part)) })
        .await
}

/// Adds a question of the `nth` type of the menu (0 = single … 5 = matching) with the keyboard.
async fn add_question(b: &Browser, nth: usize) {
    let select = b.wait_for("#new-type").await;
    select.send_keys(Key::Home).await.unwrap();
    for _ in 0..nth {
        select.send_keys(Key::Down).await.unwrap();
    }
    press(b, "#add-question", Key::Enter).await;
}

/// The common fields: explanation, a tag, and the quote taken from a selection.
async fn finish(b: &Browser, q: usize, explanation: &str, tag: &str, quote: &str, keys: bool) {
    type_in(b, &format!("#in-q{q}-explanation"), explanation).await;
    type_in(b, &format!("#in-q{q}-tags"), &format!("{tag}{}", Key::Enter.value())).await;
    b.wait_for("#material-text").await;
    if keys {
        select_with_keys(b, quote).await;
    } else {
        select_passage(b, quote).await;
    }
    press(b, "#take-quote", Key::Enter).await;
    let field = b.wait_for(&format!("#in-q{q}-quote")).await;
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(quote));
}

#[tokio::test]
async fn a_bank_of_every_type_written_with_the_keyboard_quoted_from_the_material_and_saved() {
    let server = StaticServer::start(&dist_dir(), 0);
    serve_materials(&server);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(format!("{}soan.html?muc=soan", server.url())).await.unwrap();
    type_in(&b, "#new-id", BANK).await;
    type_in(&b, "#new-title", "Ngân hàng soạn thử").await;
    type_in(&b, "#new-description", "Mỗi loại câu hỏi một câu, soạn trên trình duyệt.").await;
    press(&b, "#create-bank", Key::Enter).await;
    wait_words(&b, "#editor-heading", "Ngân hàng soạn thử").await;

    // 0: single, the right answer B. Still empty, it cannot be kept for members (only downloaded).
    add_question(&b, 0).await;
    press(&b, "#keep-bank", Key::Enter).await;
    wait_words(&b, "#save-status", "Chưa thể giữ cho học viên").await;
    assert_eq!(js(&b, "return localStorage.getItem('ontap.local-banks')").await, Value::Null);
    type_in(&b, "#in-q0-prompt", "Nghị quyết Trung ương 4 khóa XIII bàn về nội dung nào?").await;
    for (k, option) in
        ["Xây dựng, chỉnh đốn Đảng", "Phát triển kinh tế biển", "Giáo dục và đào tạo", "Khoa học công nghệ"]
            .iter()
            .enumerate()
    {
        type_in(&b, &format!("#in-q0-options-{k}"), option).await;
    }
    press(&b, "#correct-q0-1", Key::Space).await;
    press(&b, "#correct-q0-0", Key::Space).await;
    finish(
        &b,
        0,
        "Văn bản nêu rõ nội dung này.",
        "NQ TW4",
        "Nghị quyết Trung ương 4 khóa XIII về xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
        false,
    )
    .await;

    // 1: multiple, A and C right.
    add_question(&b, 1).await;
    type_in(&b, "#in-q1-prompt", "Đảng ủy Khối đề nghị báo chí tiếp tục làm gì (chọn tất cả đáp án đúng)?").await;
    for (k, option) in ["Đồng hành", "Giảm tin bài", "Hỗ trợ, giúp đỡ", "Tạm dừng tuyên truyền"].iter().enumerate()
    {
        type_in(&b, &format!("#in-q1-options-{k}"), option).await;
    }
    press(&b, "#correct-q1-2", Key::Space).await;
    finish(
        &b,
        1,
        "Đồng hành, hỗ trợ, giúp đỡ.",
        "báo chí",
        "tiếp tục đồng hành, hỗ trợ, giúp đỡ Đảng bộ Khối tăng cường công tác thông tin, tuyên truyền",
        false,
    )
    .await;

    // 2: true/false, false.
    add_question(&b, 2).await;
    type_in(&b, "#in-q2-prompt", "Năm 2023 là kỷ niệm 70 năm Ngày Truyền thống Đảng bộ Khối các cơ quan Trung ương.")
        .await;
    press(&b, "#answer-q2-false", Key::Space).await;
    finish(
        &b,
        2,
        "Là 75 năm (1948–2023).",
        "kỷ niệm",
        "Kỷ niệm 75 năm Ngày Truyền thống Đảng bộ Khối các cơ quan Trung ương (7/11/1948-7/11/2023)",
        false,
    )
    .await;

    // 3: fill in the blank; this quote is selected with Shift and the arrow keys.
    add_question(&b, 3).await;
    type_in(&b, "#in-q3-prompt", "Chủ đề công tác năm 2023 là “Năm tăng cường công tác ___”.").await;
    type_in(&b, "#in-q3-accepted-0", "kiểm tra, giám sát").await;
    finish(
        &b,
        3,
        "Theo Kế hoạch số 94 của Đảng bộ Khối.",
        "chủ đề năm",
        "chủ đề công tác năm “Năm tăng cường công tác kiểm tra, giám sát”",
        true,
    )
    .await;

    // 4: ordering.
    add_question(&b, 4).await;
    type_in(&b, "#in-q4-prompt", "Sắp xếp các nội dung tuyên truyền theo thứ tự trong văn bản:").await;
    for (k, item) in
        ["Thực hiện chủ trương, đường lối", "Kỷ niệm các ngày lễ lớn", "Xây dựng, chỉnh đốn Đảng"].iter().enumerate()
    {
        type_in(&b, &format!("#in-q4-items-{k}"), item).await;
    }
    finish(
        &b,
        4,
        "Một là, hai là, ba là.",
        "nội dung trọng tâm",
        "Hai là, đẩy mạnh tuyên truyền các hoạt động kỷ niệm các ngày lễ lớn",
        false,
    )
    .await;

    // 5: matching.
    add_question(&b, 5).await;
    type_in(&b, "#in-q5-prompt", "Nối kế hoạch với năm ban hành:").await;
    for (k, (left, right)) in
        [("Kế hoạch số 32-KH/ĐUK", "2021"), ("Kế hoạch số 94", "2023"), ("Nghị quyết số 35-NQ/TW", "2018")]
            .iter()
            .enumerate()
    {
        type_in(&b, &format!("#in-q5-left-{k}"), left).await;
        type_in(&b, &format!("#in-q5-right-{k}"), right).await;
    }
    finish(
        &b,
        5,
        "Theo ngày ghi trong văn bản.",
        "kế hoạch",
        "Kế hoạch số 32-KH/ĐUK ngày 26/8/2021 của Ban Thường vụ Đảng ủy Khối các cơ quan Trung ương",
        false,
    )
    .await;

    // Clean, and the list shows every question with its type.
    let messages = js(&b, "return [...document.querySelectorAll('.field-msg span'), ...document.querySelectorAll('.question-row .state:not(.clean)')].map(s => s.parentNode.id + ': ' + s.innerText)").await;
    assert_eq!(messages, serde_json::json!([]), "no problem left");
    wait_words(&b, "#save-summary", "0 lỗi, 0 cảnh báo").await;
    assert_eq!(b.all(".question-row").await.len(), 6);
    assert!(b.wait_for(".question-row .type").await.text().await.unwrap().contains("Chọn một đáp án"));

    // The preview is the member's own view: answering shows the feedback with the source.
    press(&b, ".question-row:nth-child(1) .open", Key::Enter).await;
    b.wait_for(".preview .option").await;
    press(&b, ".preview button", Key::Enter).await;
    let feedback = b.wait_for(".preview .feedback .source").await.text().await.unwrap();
    assert!(feedback.contains("xây dựng, chỉnh đốn Đảng"), "{feedback}");

    // Download: the file offered is captured.
    js(&b, "window.__saved = null; const make = URL.createObjectURL; \
            URL.createObjectURL = blob => { blob.text().then(t => window.__saved = t); return make(blob); }; return null")
    .await;
    press(&b, "#download-bank", Key::Enter).await;
    let mut saved = Value::Null;
    for _ in 0..100 {
        saved = js(&b, "return window.__saved").await;
        if saved.is_string() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let saved = saved.as_str().expect("the bank was offered as a download").to_owned();

    // It is exactly `ontap fmt`'s layout, and `ontap check --materials` passes it.
    let list = std::fs::read(repo_root().join("questions/materials.json")).unwrap();
    let list = check_materials(&list, "materials.json").value.unwrap();
    let checked = check_bank(saved.as_bytes(), "thu-soan.json", &References { materials: Some(&list), texts: None });
    let bank = checked.value.expect("the saved bank is valid");
    assert_eq!(write_bank(&bank), saved, "byte-identical to ontap fmt");
    assert_eq!(bank.questions.len(), 6);
    assert!(bank.questions.iter().all(|q| q.source.material.as_str() == MATERIAL));
    let dir = std::env::temp_dir().join(format!("ontap-editor-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(repo_root().join("questions/materials.json"), dir.join("materials.json")).unwrap();
    let file = dir.join(format!("{BANK}.json"));
    std::fs::write(&file, &saved).unwrap();
    let ontap = |args: &[&str]| {
        Command::new(env!("CARGO"))
            .current_dir(repo_root())
            .args(["run", "-q", "-p", "ontap-cli", "--"])
            .args(args)
            .output()
            .expect("the CLI runs")
    };
    let check = ontap(&["check", "--materials", materials_dir().to_str().unwrap(), file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "ontap check: {said}");
    assert!(!said.contains("warning"), "{said}");
    let fmt = ontap(&["fmt", "--check", file.to_str().unwrap()]);
    assert!(fmt.status.success(), "ontap fmt --check: {}", String::from_utf8_lossy(&fmt.stdout));

    // Kept on this device: members on it practise it at once.
    press(&b, "#keep-bank", Key::Enter).await;
    wait_words(&b, "#save-status", "Đã giữ ngân hàng trên máy này").await;
    let stored = js(&b, "return JSON.parse(localStorage.getItem('ontap.local-banks'))").await;
    assert_eq!(stored["banks"][0]["id"].as_str(), Some(BANK));
    b.quit().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_shipped_question_edited_survives_a_reload_problems_show_beside_their_fields_and_a_second_tab_is_told() {
    let server = StaticServer::start(&dist_dir(), 0);
    serve_materials(&server);
    let b = Browser::start(1280, 900).await;
    // A damaged draft is named and can be removed; the editor works on.
    b.driver.goto(format!("{}soan.html?muc=soan&nh=hong", server.url())).await.unwrap();
    b.wait_for("#open-shipped").await;
    js(&b, "localStorage.setItem('ontap.editor.hong', '{ hỏng'); return null").await;
    b.driver.refresh().await.unwrap();
    let damaged = b.wait_for(".drafts .draft .error").await.text().await.unwrap();
    assert!(damaged.contains("“hong”") && damaged.contains("bị hỏng"), "{damaged}");
    b.wait_for(".drafts .draft button.small").await.send_keys(Key::Enter).await.unwrap();
    b.driver.accept_alert().await.unwrap();
    b.driver
        .query(By::Css(".drafts"))
        .wait(Duration::from_secs(20), Duration::from_millis(50))
        .not_exists()
        .await
        .unwrap();
    assert_eq!(js(&b, "return localStorage.getItem('ontap.editor.hong')").await, Value::Null);
    let shipped = b.wait_for("#open-shipped option:nth-child(2)").await;
    let (id, title) = (shipped.value().await.unwrap().unwrap(), shipped.text().await.unwrap());
    b.wait_for("#open-shipped").await.send_keys(Key::Down).await.unwrap();
    press(&b, "#open-shipped-button", Key::Enter).await;
    wait_words(&b, "#editor-heading", &title).await;
    press(&b, ".question-row:nth-child(1) .open", Key::Enter).await;
    let prompt = b.wait_for("#in-q0-prompt").await;
    let before = prompt.prop("value").await.unwrap().unwrap();
    prompt.send_keys(" (đã sửa)").await.unwrap();
    let stored = js(&b, &format!("return localStorage.getItem('ontap.editor.{id}')")).await;
    assert!(stored.as_str().is_some_and(|s| s.contains("(đã sửa)")), "the draft is written as the trainer types");

    // Reload mid-edit: the same bank opens from its draft, the change still there.
    b.driver.refresh().await.unwrap();
    wait_words(&b, "#editor-heading", &title).await;
    press(&b, ".question-row:nth-child(1) .open", Key::Enter).await;
    let value = b.wait_for("#in-q0-prompt").await.prop("value").await.unwrap().unwrap();
    assert_eq!(value, format!("{before} (đã sửa)"));
    // And from the section's first screen, the draft is listed.
    b.driver.goto(format!("{}soan.html?muc=soan", server.url())).await.unwrap();
    let listed = b.wait_for(".drafts .draft button.primary").await.text().await.unwrap();
    assert!(listed.contains(&title) && listed.contains("chưa lưu"), "{listed}");
    press(&b, ".drafts .draft button.primary", Key::Enter).await;
    press(&b, ".question-row:nth-child(1) .open", Key::Enter).await;

    // An empty prompt: its message is beside it, named by the field.
    let prompt = b.wait_for("#in-q0-prompt").await;
    prompt.send_keys(Key::Control + "a").await.unwrap();
    prompt.send_keys(Key::Backspace).await.unwrap();
    let message = wait_words(&b, "#msg-q0-prompt", "Lỗi").await;
    assert!(!message.trim().is_empty());
    assert_eq!(prompt.attr("aria-describedby").await.unwrap().as_deref(), Some("msg-q0-prompt"));
    assert_eq!(prompt.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    assert!(b.wait_for(".question-row:nth-child(1) .state").await.text().await.unwrap().contains("lỗi"));
    // Undo (Ctrl+Z) brings the prompt back; redo (Ctrl+Y) and undo again with the buttons.
    prompt.send_keys(Key::Control + "z").await.unwrap();
    wait_words(&b, "#editor-status", "Đã hoàn tác").await;
    assert!(!b.wait_for("#in-q0-prompt").await.prop("value").await.unwrap().unwrap().is_empty());
    prompt.send_keys(Key::Control + "y").await.unwrap();
    wait_words(&b, "#editor-status", "Đã làm lại").await;
    b.wait_for("#undo").await.send_keys(Key::Enter).await.unwrap();
    let back = b.wait_for("#in-q0-prompt").await.prop("value").await.unwrap().unwrap();
    assert_eq!(back, format!("{before} (đã sửa)"));

    // A quote typed by hand with one character changed is flagged, in the field's messages too.
    let quote = b.wait_for("#in-q0-quote").await;
    let original = quote.prop("value").await.unwrap().unwrap();
    b.wait_for("#material-text").await;
    wait_words(&b, "#quote-status-0", "có trong tài liệu").await;
    let changed: String = original.chars().rev().collect::<String>().replacen(|c: char| c.is_alphabetic(), "x", 1);
    let changed: String = changed.chars().rev().collect();
    quote.send_keys(Key::Control + "a").await.unwrap();
    quote.send_keys(changed.as_str()).await.unwrap();
    wait_words(&b, "#quote-status-0", "Không tìm thấy").await;
    assert!(b.wait_for(".quote-status.flagged").await.is_displayed().await.unwrap());
    wait_words(&b, "#msg-q0-quote", "Lỗi").await;

    // A second tab editing the same bank is told, and overwrites nothing until the trainer says so.
    let first = b.driver.window().await.unwrap();
    let second = b.driver.new_tab().await.unwrap();
    b.driver.switch_to_window(second.clone()).await.unwrap();
    b.driver.goto(format!("{}soan.html?muc=soan&nh={id}", server.url())).await.unwrap();
    press(&b, ".question-row:nth-child(1) .open", Key::Enter).await;
    type_in(&b, "#in-q0-prompt", " (thẻ hai)").await;
    wait_words(&b, "#draft-notice", "thẻ khác").await;
    let draft = js(&b, &format!("return localStorage.getItem('ontap.editor.{id}')")).await;
    assert!(!draft.as_str().unwrap().contains("(thẻ hai)"), "the first tab's draft is not overwritten");
    press(&b, "#draft-notice button", Key::Enter).await;
    let draft = js(&b, &format!("return localStorage.getItem('ontap.editor.{id}')")).await;
    assert!(draft.as_str().unwrap().contains("(thẻ hai)"), "taken over when the trainer chose to");
    b.driver.switch_to_window(first).await.unwrap();
    wait_words(&b, "#draft-notice", "thẻ khác").await;
    b.driver.switch_to_window(second).await.unwrap();
    b.driver.close_window().await.unwrap();
    let first = b.driver.windows().await.unwrap().remove(0);
    b.driver.switch_to_window(first).await.unwrap();

    // 360 px: nothing wider than the screen.
    b.emulate_phone(360, 800).await;
    b.driver.refresh().await.unwrap();
    press(&b, ".question-row:nth-child(1) .open", Key::Enter).await;
    b.wait_for("#in-q0-prompt").await;
    assert_no_horizontal_scroll(&b, "the editor at 360 px").await;
    b.quit().await;
}

#[tokio::test]
async fn a_big_bank_opened_from_a_file_is_checked_once_typing_pauses() {
    let n = 600;
    let dir = std::env::temp_dir().join(format!("ontap-editor-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(ontap_bench::generate::file_name(n));
    std::fs::write(&file, ontap_bench::generate::bank_json(n)).unwrap();
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    b.driver.goto(format!("{}soan.html?muc=soan", server.url())).await.unwrap();
    b.wait_for("#editor-file").await.send_keys(file.to_str().unwrap()).await.unwrap();
    wait_words(&b, "#editor-heading", "Soạn:").await;
    assert_eq!(b.all(".question-row").await.len(), n);
    press(&b, ".question-row:nth-child(1) .open", Key::Enter).await;
    let prompt = b.wait_for("#in-q0-prompt").await;
    prompt.send_keys(Key::Control + "a").await.unwrap();
    prompt.send_keys(Key::Backspace).await.unwrap();
    // Checked once typing pauses: the message comes, beside the field.
    wait_words(&b, "#msg-q0-prompt", "Lỗi").await;
    b.quit().await;
    let _ = std::fs::remove_dir_all(dir);
}
