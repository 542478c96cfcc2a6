//! The member's app with the home page alone, for a first visit (index.html loads it for the
//! home page): mounts it; nothing else. Every other route is a page load of `ontap-web`.

fn main() {
    ontap_web::platform::unicode::install_browser_normalizer();
    ontap_web::app::mount(ontap_web::app::home_only);
}
