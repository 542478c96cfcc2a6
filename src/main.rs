//! The member's app with every page, for links to pages other than the home page (index.html
//! loads it for them): mounts it; nothing else.

fn main() {
    ontap_web::platform::unicode::install_browser_normalizer();
    ontap_web::app::mount();
}
