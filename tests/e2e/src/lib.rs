//! Test support: a static server and a WebDriver session.
