//! The app on a 360 px phone, in headless Chromium against the built app: no page scrolls
//! sideways, in any text size.
//!
//! Every expectation is computed from the bank files (read natively), never read back from
//! the app.

use ontap_e2e::banks::*;
use ontap_e2e::browser::Browser;
use ontap_e2e::dist_dir;
use ontap_e2e::member::*;
use ontap_e2e::page::*;
use ontap_e2e::server::StaticServer;
use std::collections::BTreeSet;

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

#[tokio::test]
async fn statistics_on_a_phone_show_every_figure_of_every_bank() {
    let lib = shipped_library();
    let server = StaticServer::start(&dist_dir(), 0);
    let b = Browser::start(360, 800).await;
    b.emulate_phone(360, 800).await;
    // One answer, so the page has figures.
    open(&b, &server, &format!("?trang=luyen-tap&nh={ALL_TYPES_BANK}")).await;
    ontap_e2e::answer::answer_current(&b).await;
    b.stored_progress(1).await;
    open(&b, &server, "?trang=thong-ke").await;
    b.wait_for(".bank-stats tbody tr").await;
    assert_eq!(js(&b, "return window.innerWidth;").await.as_i64(), Some(360), "a 360 px phone");
    assert_no_horizontal_scroll(&b, "statistics").await;
    let wrap = js(&b, "const w = document.querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth;").await;
    assert_eq!(wrap.as_bool(), Some(true), "the bank table does not scroll sideways inside its box");

    // Every figure of every bank is on screen, with its column's name beside it.
    let cells = js(
        &b,
        "const w = window.innerWidth;
         return [...document.querySelectorAll('.bank-stats tbody tr')].map(tr => [...tr.querySelectorAll('td')].map(td => {
             const r = td.getBoundingClientRect();
             const label = getComputedStyle(td, '::before').content;
             return [td.dataset.label, label.includes(td.dataset.label), r.width > 0 && r.left >= 0 && r.right <= w + 0.5];
         }));",
    )
    .await;
    let rows = cells.as_array().unwrap();
    assert_eq!(rows.len(), lib.banks.len(), "one card per bank");
    for row in rows {
        let names: Vec<&str> = row.as_array().unwrap().iter().map(|c| c[0].as_str().unwrap()).collect();
        assert_eq!(names, ["Đã thuộc", "Đúng", "Chưa làm", "Đến hạn"]);
        for cell in row.as_array().unwrap() {
            assert_eq!(cell[1].as_bool(), Some(true), "{cell}: the column's name is shown beside the figure");
            assert_eq!(cell[2].as_bool(), Some(true), "{cell}: the figure is on screen");
        }
    }

    // Still a table for screen readers: its roles and its column headers, hidden only visually.
    let semantics = js(
        &b,
        "const t = document.querySelector('.bank-stats');
         const heads = [...t.querySelectorAll('thead th')];
         return [t.getAttribute('role'), heads.map(h => h.getAttribute('role') + ':' + h.textContent),
                 heads.every(h => getComputedStyle(h).display !== 'none' && getComputedStyle(h).visibility !== 'hidden'),
                 [...t.querySelectorAll('tbody td')].every(td => td.getAttribute('role') === 'cell'),
                 [...t.querySelectorAll('tbody th')].every(th => th.getAttribute('role') === 'rowheader')];",
    )
    .await;
    assert_eq!(
        semantics,
        serde_json::json!([
            "table",
            [
                "columnheader:Ngân hàng",
                "columnheader:Đã thuộc",
                "columnheader:Đúng",
                "columnheader:Chưa làm",
                "columnheader:Đến hạn"
            ],
            true,
            true,
            true
        ])
    );
    b.quit().await;
}
