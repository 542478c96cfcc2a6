//! The home page's script, for any visit of the home page (index.html loads it; links to other
//! pages load `ontap-web`): completes the pre-rendered page in place; nothing else.

fn main() {
    ontap_web::platform::unicode::install_browser_normalizer();
    ontap_web::home::start();
}
