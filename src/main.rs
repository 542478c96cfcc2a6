//! Mounts the app; nothing else.

mod app;
mod components;
mod load;
mod local;
mod platform;
mod routes;
mod save;

fn main() {
    console_error_panic_hook::set_once();
    platform::unicode::install_browser_normalizer();
    leptos::mount::mount_to_body(app::App);
}
