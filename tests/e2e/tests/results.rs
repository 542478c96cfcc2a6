//! A group's results without a server, in headless Chromium against the built app: two browser
//! profiles take the same seeded exam with different answers and get result codes; the codes,
//! pasted inside chat text into the trainers' page (soan.html?muc=ket-qua) at 360 px, give the
//! table and the item statistics the core computes from the same codes; a code with one
//! character changed, one for another seed and one for an edited bank are set aside with their
//! reasons; the CSV starts with the byte-order mark and names its columns; the results stay
//! after a reload, sort from the keyboard and are deleted on request.

use ontap_core::draw::Filter;
use ontap_core::exam::Exam;
use ontap_core::group::{Reason, SortBy, collect};
use ontap_core::library::{Library, QuestionRef};
use ontap_core::local::library;
use ontap_core::model::QuestionKind;
use ontap_core::present::decimal;
use ontap_core::result_code::{CodeError, ResultCode};
use ontap_core::route::{ExamSpec, PracticeSource, Route};
use ontap_e2e::browser::Browser;
use ontap_e2e::server::StaticServer;
use ontap_e2e::{dist_dir, shipped_report};
use serde_json::Value;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

const BANK: &str = "ngay-le-lon";
const SEED: u64 = 4242;
const COUNT: usize = 5;

fn spec(seed: u64) -> ExamSpec {
    ExamSpec {
        filter: Filter { banks: vec![BANK.into()], tags: vec![] },
        count: COUNT,
        minutes: 30,
        pass_percent: 50,
        seed,
    }
}

fn link(seed: u64) -> String {
    format!("?trang=thi&nh={BANK}&so={COUNT}&phut=30&dat=50&ma={seed}")
}

async fn js(b: &Browser, script: &str, args: Vec<Value>) -> Value {
    b.driver.execute(script, args).await.expect("script runs").json().clone()
}

/// Waits up to 10 s until `script` returns something other than null or false.
async fn until(b: &Browser, what: &str, script: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let v = js(b, script, vec![]).await;
        if !matches!(v, Value::Null | Value::Bool(false)) {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The number keys that answer the exam's question `k` right (`right`) or wrong, as the
/// exam page reads them (the option's place as shown; 1 = Đúng, 2 = Sai); none for the types
/// answered otherwise, which are left unanswered.
fn keys(lib: &Library, k: usize, right: bool) -> Vec<usize> {
    let exam = Exam::start(lib, spec(SEED), 0.0);
    let item = &exam.items[k];
    let place = |i: &usize| item.order.iter().position(|o| o == i).unwrap() + 1;
    match &lib.question(&item.question).unwrap().kind {
        QuestionKind::Single { correct, .. } | QuestionKind::Multiple { correct, .. } => {
            let good = correct.indices();
            if right {
                good.iter().map(place).collect()
            } else {
                item.order.iter().filter(|i| !good.contains(i)).take(1).map(place).collect()
            }
        }
        QuestionKind::TrueFalse { answer } => vec![if *answer == right { 1 } else { 2 }],
        _ => Vec::new(),
    }
}

/// Takes the seeded exam answering with `plan` (the keys for each question), submits it,
/// types `name` and returns the result code shown.
async fn take_exam(b: &Browser, server: &StaticServer, plan: &[Vec<usize>], name: &str) -> String {
    b.driver.goto(format!("{}{}", server.url(), link(SEED))).await.unwrap();
    b.wait_for(".exam-nav .nav-q").await;
    for (k, keys) in plan.iter().enumerate() {
        until(
            b,
            "the question",
            &format!("return document.querySelector('.progress').textContent === 'Câu {}/{COUNT}'", k + 1),
        )
        .await;
        for key in keys {
            let press = format!("window.dispatchEvent(new KeyboardEvent('keydown', {{ key: '{key}' }})); return null");
            js(b, &press, vec![]).await;
        }
        if k + 1 < COUNT {
            b.wait_for("#next-q").await.click().await.unwrap();
        }
    }
    b.wait_for("#submit-exam").await.click().await.unwrap();
    b.wait_for("#confirm-submit").await.click().await.unwrap();
    b.wait_for("#result-code-missing").await;
    b.wait_for("#result-name").await.send_keys(name).await.unwrap();
    b.wait_for("#result-code").await;
    assert!(!b.all("svg.qr path").await.is_empty(), "a QR code is drawn");
    assert!(!b.all("#copy-result").await.is_empty());
    let code = until(b, "the code", "return document.getElementById('result-code').value || null").await;
    let (page, window) = (
        js(b, "return document.documentElement.scrollWidth", vec![]).await,
        js(b, "return window.innerWidth", vec![]).await,
    );
    assert!(page.as_u64() <= window.as_u64(), "no horizontal scroll: {page} > {window}");
    assert_eq!(
        js(b, "return localStorage.getItem('ontap.name')", vec![]).await,
        Value::from(name),
        "kept for next time"
    );
    code.as_str().unwrap().to_owned()
}

/// A code for the same link, made against `lib` (another seed, or an edited bank).
fn native_code(lib: &Library, seed: u64, name: &str) -> String {
    let mut exam = Exam::start(lib, spec(seed), 1_764_000_000_000.0);
    exam.submit(1_764_000_060_000.0);
    ResultCode::of_exam(lib, &exam, name).encode()
}

/// The texts of the cells matching `css` in every row matching `rows`.
async fn cells(b: &Browser, rows: &str, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for row in b.all(rows).await {
        out.push(row.find(By::Css(css)).await.unwrap().text().await.unwrap());
    }
    out
}

#[tokio::test]
async fn codes_from_two_members_pasted_in_chat_give_the_table_and_item_statistics() {
    let lib = library(&shipped_report(), &[]);
    let server = StaticServer::start(&dist_dir(), 0);

    // An answers every choice and true/false question right; Bình the first two wrong.
    let plan_a: Vec<Vec<usize>> = (0..COUNT).map(|k| keys(&lib, k, true)).collect();
    let plan_b: Vec<Vec<usize>> = (0..COUNT).map(|k| if k < 2 { keys(&lib, k, false) } else { Vec::new() }).collect();
    assert!(plan_a.iter().filter(|k| !k.is_empty()).count() >= 3, "pick a seed with more choice questions");
    let a = Browser::start(1280, 900).await;
    let code_a = take_exam(&a, &server, &plan_a, "Nguyễn Văn An").await;
    // “Sao chép mã” puts the code on the clipboard (permission granted as a member would).
    let grant = serde_json::json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] });
    a.driver.cdp().send_raw("Browser.grantPermissions", grant).await.unwrap();
    a.wait_for("#copy-result").await.click().await.unwrap();
    let copied = until(&a, "the copy", "return document.getElementById('send-status').textContent || null").await;
    assert_eq!(copied, Value::from("Đã sao chép mã. Hãy dán vào tin nhắn gửi người tổ chức."));
    let clipboard = js(&a, "return navigator.clipboard.readText()", vec![]).await;
    assert_eq!(clipboard, Value::from(code_a.clone()));
    a.quit().await;
    let b = Browser::start(1280, 900).await;
    b.emulate_phone(360, 800).await;
    let code_b = take_exam(&b, &server, &plan_b, "Trần Thị Bình").await;
    eprintln!("codes: {code_a} {code_b}");
    assert_ne!(code_a, code_b);
    let (read_a, read_b) = (ResultCode::decode(&code_a).unwrap(), ResultCode::decode(&code_b).unwrap());
    assert_ne!(read_a.answers, read_b.answers, "different answers");
    assert_eq!((read_a.name.as_str(), read_a.spec.clone()), ("Nguyễn Văn An", spec(SEED)));
    assert_eq!(read_b.answers.len(), COUNT);

    // Set aside: one character changed, another seed, and a bank edited since.
    let at = code_a.len() - 5;
    let swap = if &code_a[at..=at] == "7" { "8" } else { "7" };
    let damaged = format!("{}{swap}{}", &code_a[..at], &code_a[at + 1..]);
    assert_eq!(ResultCode::decode(&damaged), Err(CodeError::Damaged));
    let other_seed = native_code(&lib, SEED + 1, "Lê Văn Cường");
    let mut edited = lib.clone();
    let bank = edited.banks.iter_mut().find(|b| b.id.as_str() == BANK).unwrap();
    bank.questions.iter_mut().for_each(|q| q.prompt.push_str(" (sửa)"));
    let edited = Library::new(edited.banks.clone(), vec![]);
    let before_edit = native_code(&edited, SEED, "Phạm Thị Dung");
    let chat = format!(
        "[20:01] Nguyễn Văn An: {code_a}\n[20:02] Trần Thị Bình: Em gửi kết quả ạ:\n{code_b}\n\
         [20:03] An (gửi lại): {code_a}\n[20:04] Cường: {other_seed} (đề hôm trước)\n\
         [20:05] Ai đó: {damaged}\n[20:06] Dung: {before_edit}\nCảm ơn cả nhóm!"
    );

    // The trainers' page, on the 360 px phone.
    b.driver.goto(format!("{}soan.html?muc=ket-qua", server.url())).await.unwrap();
    b.wait_for("#results-paste").await;
    let current = b.wait_for(".trainer-menu a[aria-current='page']").await.text().await.unwrap();
    assert_eq!(current, "Tổng hợp kết quả");
    let paste = "const t = document.getElementById('results-paste'); t.value = arguments[0]; \
                 t.dispatchEvent(new Event('input', { bubbles: true })); return null";
    js(&b, paste, vec![Value::from(chat.clone())]).await;
    b.wait_for("#results-add").await.click().await.unwrap();
    until(&b, "the table", "return document.querySelectorAll('#results-table tr.member').length === 2").await;
    let status = b.wait_for("#results-status").await.text().await.unwrap();
    assert_eq!(status, "Tìm thấy 6 mã, thêm 5 mã mới (mã trùng được gộp).");

    // The table is what the core computes from the same codes, highest score first.
    let expected = collect(&lib, &[&code_a, &code_b]);
    let members = expected.sorted(SortBy::Score, true);
    assert!(members[0].out_of_10 > members[1].out_of_10, "An scores more than Bình");
    assert_eq!(members[0].name, "Nguyễn Văn An");
    eprintln!("scores: {:?}", members.iter().map(|m| (&m.name, m.out_of_10)).collect::<Vec<_>>());
    assert_eq!(
        cells(&b, "#results-table tr.member", "th").await,
        members.iter().map(|m| m.name.clone()).collect::<Vec<_>>()
    );
    let scores: Vec<String> = members.iter().map(|m| decimal(m.out_of_10, 2)).collect();
    assert_eq!(cells(&b, "#results-table tr.member", "td.score").await, scores);
    let averages = b.wait_for("#results-averages").await.text().await.unwrap();
    assert!(averages.contains(&format!("điểm trung bình {}/10", decimal(expected.mean_out_of_10(), 2))), "{averages}");

    // Item statistics: one row per question, facility as the core computes it.
    let stats = expected.item_stats(&lib);
    assert_eq!(stats.len(), COUNT);
    let facility: Vec<String> = stats.iter().map(|s| format!("{}%", decimal(s.facility * 100.0, 0))).collect();
    assert_eq!(cells(&b, "#items-table tr.item", "td.facility").await, facility);
    let discrimination: Vec<String> =
        stats.iter().map(|s| s.discrimination.map_or_else(|| "—".to_owned(), |d| decimal(d, 2))).collect();
    assert_eq!(cells(&b, "#items-table tr.item", "td.discrimination").await, discrimination);

    // Set aside, each with its reason.
    let set_aside = cells(&b, "#set-aside li", "strong").await;
    assert_eq!(set_aside, ["Mã của Lê Văn Cường", "Mã không đọc được", "Mã của Phạm Thị Dung"]);
    let reasons =
        [Reason::OtherExam.message(), Reason::Unreadable(CodeError::Damaged).message(), Reason::ChangedBank.message()];
    let items = b.all("#set-aside li").await;
    assert_eq!(items.len(), 3);
    for (li, reason) in items.iter().zip(&reasons) {
        let text = li.text().await.unwrap();
        assert!(text.contains(reason.as_str()), "{text}");
    }

    // The questions to revisit, as a practice link for the group.
    let revise: Vec<QuestionRef> = expected.to_revise(&stats).iter().map(|s| s.question.clone()).collect();
    assert!(!revise.is_empty(), "both missed some question");
    let practice = Route::Practice(PracticeSource::Questions(revise.clone())).to_query();
    let href = b.wait_for("#revise-link").await.attr("href").await.unwrap().unwrap();
    assert_eq!(href, format!("./{practice}"));

    // No horizontal scroll at 360 px (wide tables scroll in their own box).
    let width = js(&b, "return document.documentElement.scrollWidth", vec![]).await;
    let wide = "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361 && !(e.parentElement && e.parentElement.closest('.table-wrap'))) \
                .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')";
    let wide = js(&b, wide, vec![]).await;
    assert!(width.as_u64().unwrap() <= 360, "the page is {width} px wide: {wide}");

    // The CSV: captured as the page hands it to the browser.
    let capture = "window.__csv = null; const make = URL.createObjectURL; \
                   URL.createObjectURL = blob => { window.__csv = blob; return make(blob); }; return null";
    js(&b, capture, vec![]).await;
    b.wait_for("#results-csv").await.click().await.unwrap();
    until(&b, "the CSV", "return window.__csv !== null").await;
    let bytes = js(&b, "return window.__csv.arrayBuffer().then(b => Array.from(new Uint8Array(b)))", vec![]).await;
    let bytes: Vec<u8> = bytes.as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as u8).collect();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a byte-order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "Họ tên,Điểm (thang 10),Tỉ lệ đúng (%),Kết quả,Thời gian làm bài,Bắt đầu,Nộp bài,Câu 1,Câu 2,Câu 3,Câu 4,Câu 5"
    );
    assert_eq!(text.lines().count(), 3);
    assert!(text.contains("Nguyễn Văn An,") && text.contains("Trần Thị Bình,"), "{text}");

    // Kept after a reload; sorted by name from the keyboard.
    b.driver.refresh().await.unwrap();
    until(&b, "the kept table", "return document.querySelectorAll('#results-table tr.member').length === 2").await;
    let sort = b.wait_for("#results-table thead th:first-child button").await;
    sort.send_keys(Key::Enter).await.unwrap();
    until(&b, "sorted by name", "return document.querySelector('#results-table thead th:first-child').getAttribute('aria-sort') === 'ascending'").await;
    assert_eq!(cells(&b, "#results-table tr.member", "th").await, ["Nguyễn Văn An", "Trần Thị Bình"]);

    // The practice link opens those questions in the member's app.
    b.driver.goto(format!("{}{practice}", server.url())).await.unwrap();
    let progress = until(
        &b,
        "the practice",
        "return document.querySelector('.progress') && document.querySelector('.progress').textContent",
    )
    .await;
    assert_eq!(progress, Value::from(format!("Câu 1/{}", revise.len())));
    b.driver.goto(format!("{}soan.html?muc=ket-qua", server.url())).await.unwrap();
    until(&b, "the table again", "return document.querySelectorAll('#results-table tr.member').length === 2").await;

    // Deleting one set-aside code, then everything (after a confirmation).
    let stored = js(&b, "return localStorage.getItem('ontap.results')", vec![]).await;
    assert_eq!(stored.as_str().unwrap().lines().count(), 5);
    b.wait_for("#set-aside li button").await.click().await.unwrap();
    until(&b, "one code fewer", "return document.querySelectorAll('#set-aside li').length === 2").await;
    b.wait_for("#results-clear").await.click().await.unwrap();
    b.driver.accept_alert().await.unwrap();
    until(&b, "an empty page", "return document.querySelectorAll('#results-table').length === 0").await;
    assert_eq!(js(&b, "return localStorage.getItem('ontap.results')", vec![]).await, Value::Null);
    b.quit().await;
}

/// Chromium's PDF of the page shown, as text (`pdftotext -layout` from poppler-utils, which
/// scripts/setup.sh installs).
async fn printed_text(b: &Browser) -> String {
    let pdf =
        b.driver.cdp().send_raw("Page.printToPDF", serde_json::json!({ "preferCSSPageSize": true })).await.unwrap();
    let dir = std::env::temp_dir().join(format!("ontap-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("de.b64"), pdf["data"].as_str().unwrap()).unwrap();
    let decoded = std::process::Command::new("base64").arg("-d").arg(dir.join("de.b64")).output().unwrap();
    std::fs::write(dir.join("de.pdf"), decoded.stdout).unwrap();
    let text =
        std::process::Command::new("pdftotext").arg(dir.join("de.pdf")).arg("-").output().expect("pdftotext runs");
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(text.stdout).unwrap()
}

#[tokio::test]
async fn any_exam_link_prints_with_every_question_and_the_key() {
    use ontap_core::paper::paper;
    use ontap_core::text::search_key;
    let lib = library(&shipped_report(), &[]);
    let sheet = paper(&lib, &Exam::start(&lib, spec(SEED), 0.0));
    assert_eq!(sheet.len(), COUNT);
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(1280, 900).await;
    let print_link = link(SEED).replace("trang=thi&", "trang=in&");
    // The exam page links to its paper version.
    b.driver.goto(format!("{}{}", server.url(), link(SEED))).await.unwrap();
    let href = b.wait_for("a#print-link").await.attr("href").await.unwrap().unwrap();
    assert!(href.ends_with(&print_link), "{href}");
    b.driver.goto(format!("{}{print_link}", server.url())).await.unwrap();
    b.wait_for(".paper-q").await;
    let shown: Vec<String> = {
        let mut ids = Vec::new();
        for q in b.all(".paper-q").await {
            ids.push(q.attr("data-question").await.unwrap().unwrap());
        }
        ids
    };
    let drawn: Vec<String> = sheet.iter().map(|q| q.question.question.to_string()).collect();
    assert_eq!(shown, drawn, "the same questions in the same order as the link's exam");

    let text = search_key(&printed_text(&b).await);
    for q in &sheet {
        let start: String = search_key(&q.prompt.replace("___", " ")).chars().take(40).collect();
        let start = start.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&start), "question {} is printed: {start:?}\n{text}", q.number);
        assert!(text.contains(&format!("cau {}.", q.number)), "numbered {}", q.number);
        let key = search_key(&q.key[0]);
        let key: String = key.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&key), "the key of question {}: {key:?}", q.number);
    }
    assert!(text.contains("bang tra loi") && text.contains("dap an"), "the answer grid and the key page");
    b.quit().await;
}
