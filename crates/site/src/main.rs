//! `ontap-site`: the build steps after trunk (`scripts/build.sh` runs them on the built folder).
//!
//! - `ontap-site prerender DIST`: writes the home page's real content into `DIST/index.html`,
//!   from the shipped banks in `DIST/questions/` and the app's own words (`ontap_core::home`),
//!   so a first visit paints the catalogue with the CSS alone; and its loader, which picks the
//!   home page's own binary or the one with every page (`loader.rs`).
//! - `ontap-site compress DIST`: writes `.gz` and `.br` beside every text and wasm file, for
//!   hosts that serve precompressed files.

mod compress;
mod loader;
mod prerender;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [what, dist] if what == "prerender" => prerender::run(&PathBuf::from(dist)),
        [what, dist] if what == "compress" => compress::run(&PathBuf::from(dist)),
        _ => Err("usage: ontap-site prerender|compress DIST".to_owned()),
    };
    match result {
        Ok(said) => {
            eprintln!("ontap-site: {said}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ontap-site: {e}");
            ExitCode::FAILURE
        }
    }
}
