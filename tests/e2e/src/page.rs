//! Reading the page and waiting on it, for every test file: a script's value, an element's
//! text, polling until something holds, and the phone-width check.

use crate::browser::Browser;
use crate::server::StaticServer;
use serde_json::Value;
use std::future::Future;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// Runs `script` in the page and gives its value; panics naming the script if it throws.
pub async fn js(b: &Browser, script: &str) -> Value {
    b.driver.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}")).json().clone()
}

/// Opens `query` (`?trang=…`) on `server`.
pub async fn open(b: &Browser, server: &StaticServer, query: &str) {
    b.driver.goto(format!("{}{query}", server.url())).await.unwrap();
}

/// Polls `f` every 50 ms for up to 10 s until it gives `Some`.
pub async fn poll<T, F, Fut>(what: &str, mut f: F) -> T
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
pub async fn text_of(b: &Browser, css: &str) -> Option<String> {
    let el = b.driver.find(By::Css(css)).await.ok()?;
    el.text().await.ok()
}

/// Waits up to 20 s until the first element matching `css` reads `want`; panics with what it
/// read.
pub async fn wait_text(b: &Browser, css: &str, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let got = text_of(b, css).await;
        if got.as_deref() == Some(want) {
            return;
        }
        assert!(Instant::now() < deadline, "{css:?} reads {got:?}, expected {want:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The texts of every element matching `css`, now.
pub async fn texts(b: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for el in b.all(css).await {
        out.push(el.text().await.unwrap_or_default());
    }
    out
}

/// `scrollWidth <= innerWidth`: the page does not scroll sideways (else the widest elements
/// are named).
pub async fn assert_no_horizontal_scroll(b: &Browser, place: &str) {
    let v = js(b, "return [document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth];").await;
    let (scroll, inner) = (v[0].as_i64().unwrap(), v[1].as_i64().unwrap());
    if scroll > inner {
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
