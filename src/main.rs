//! Mounts the app; nothing else.

mod app;
mod components;
mod load;
mod platform;
mod routes;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
