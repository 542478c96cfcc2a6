//! The trainers' page: mounts it; nothing else.

fn main() {
    ontap_web::platform::unicode::install_browser_normalizer();
    leptos::mount::mount_to_body(ontap_web::trainers::TrainersApp);
}
