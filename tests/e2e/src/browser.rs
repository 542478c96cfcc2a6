//! Headless Chromium through chromedriver, with the flags that keep it off the network
//! (see ../shared/TOOLCHAIN.md).

use std::mem::ManuallyDrop;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// A chromedriver process and one browser session; both end when dropped.
pub struct Browser {
    /// Never dropped by us: thirtyfour's drop would try to close the session against the
    /// chromedriver `Drop` has just killed, and wait minutes for it.
    pub driver: ManuallyDrop<WebDriver>,
    chromedriver: Child,
    _profile: TempDir,
}

/// A folder removed when dropped.
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

impl Browser {
    /// Starts a headless browser with a fresh profile and a window of `width` × `height`.
    pub async fn start(width: u32, height: u32) -> Browser {
        Self::start_with_prefs(width, height, None).await
    }

    /// Like [`Browser::start`], with Chromium preferences (e.g. content settings) set.
    pub async fn start_with_prefs(width: u32, height: u32, prefs: Option<serde_json::Value>) -> Browser {
        Self::start_with_args(width, height, prefs, &[]).await
    }

    /// Like [`Browser::start_with_prefs`], with more command-line switches (e.g. a fake camera).
    pub async fn start_with_args(
        width: u32,
        height: u32,
        prefs: Option<serde_json::Value>,
        args: &[String],
    ) -> Browser {
        let port = free_port();
        // Its own process group, so dropping a Browser in a failed test also ends the Chromium
        // that chromedriver started.
        let chromedriver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .process_group(0)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (scripts/setup.sh installs it)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen on {port}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = std::env::temp_dir().join(format!("ontap-e2e-{}-{port}", std::process::id()));
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())).unwrap();
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--window-size={width},{height}"),
        ] {
            caps.add_arg(arg).unwrap();
        }
        for arg in args {
            caps.add_arg(arg).unwrap();
        }
        if let Some(prefs) = prefs {
            caps.add_experimental_option("prefs", prefs).unwrap();
        }
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await.expect("a browser session");
        Browser { driver: ManuallyDrop::new(driver), chromedriver, _profile: TempDir(profile) }
    }

    /// Waits up to 20 s for an element matching `css`, once the page is ready: on the home page,
    /// once its script has completed the pre-rendered page; on another member page, once the app
    /// has taken over from it (tests of the pre-rendered page itself use [`Browser::driver`]).
    pub async fn wait_for(&self, css: &str) -> WebElement {
        self.wait_for_app().await;
        self.driver
            .query(By::Css(css))
            .wait(Duration::from_secs(20), Duration::from_millis(50))
            .first()
            .await
            .unwrap_or_else(|e| panic!("no element matches {css:?} after 20 s: {e}"))
    }

    /// Lays pages out as a phone `width` px wide would (headless Chromium keeps its window at
    /// 500 px at least): the DevTools protocol's device metrics, for every page from now on.
    pub async fn emulate_phone(&self, width: u32, height: u32) {
        let metrics = serde_json::json!({ "width": width, "height": height, "deviceScaleFactor": 2, "mobile": true });
        self.driver.cdp().send_raw("Emulation.setDeviceMetricsOverride", metrics).await.expect("device metrics");
    }

    /// Waits up to 20 s until the page is ready (`data-ready` on `<html>`): the home page's
    /// script has completed it, or the app has taken over from the pre-rendered page.
    pub async fn wait_for_app(&self) {
        let script = "return document.documentElement.hasAttribute('data-ready')";
        for _ in 0..400 {
            if self.driver.execute(script, vec![]).await.is_ok_and(|r| r.json() == &serde_json::Value::Bool(true)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the page was not ready in 20 s");
    }

    /// The progress log stored in the browser once it holds `answers` answers, waiting up to
    /// 10 s: the app writes it after an answer's feedback is painted, not in the click.
    pub async fn stored_progress(&self, answers: usize) -> ontap_core::progress::Progress {
        let script = "return localStorage.getItem('ontap.progress');";
        let mut last = serde_json::Value::Null;
        for _ in 0..200 {
            last = self.driver.execute(script, vec![]).await.expect("script runs").json().clone();
            if let Some(text) = last.as_str() {
                let decoded = ontap_core::progress::codec::decode(text);
                if decoded.problem.is_none() && decoded.progress.answers.len() >= answers {
                    return decoded.progress;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the stored progress did not reach {answers} answers in 10 s: {last}")
    }

    /// Every element matching `css` now.
    pub async fn all(&self, css: &str) -> Vec<WebElement> {
        self.driver.find_all(By::Css(css)).await.expect("find_all")
    }

    /// Ends the session (the processes end when `self` drops).
    pub async fn quit(self) {
        let driver = ManuallyDrop::into_inner(self.driver.clone());
        let _ = driver.quit().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let group = format!("-{}", self.chromedriver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
    }
}
