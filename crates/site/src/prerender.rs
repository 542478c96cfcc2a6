//! The home page written into `index.html` at build time (`ontap_core::home::page`), so that a
//! first visit paints the catalogue before any script has run; the home page's script
//! (`ontap-home`) then completes it in place with what only the device knows.

use crate::loader;
use ontap_core::check::CATALOGUE_FILE;
use ontap_core::home::page::page;
use ontap_core::library::Library;
use ontap_core::shipped;
use std::path::Path;

/// The element of `index.html` that the page replaces.
pub const MARKER: &str = r#"<div id="prerendered"></div>"#;

/// Reads the banks under `dist/questions/` and writes the page into `dist/index.html`.
pub fn run(dist: &Path) -> Result<String, String> {
    let questions = dist.join("questions");
    let read = |name: &str| std::fs::read(questions.join(name)).map_err(|e| format!("questions/{name}: {e}"));
    let names = shipped::catalogue_files(&read(CATALOGUE_FILE)?).map_err(|e| format!("{CATALOGUE_FILE}: {e}"))?;
    let (materials, banks) = names.split_first().ok_or("the catalogue names no file")?;
    let materials = shipped::materials(&read(materials)?).map_err(|e| format!("{materials}: {e}"))?;
    let mut loaded = Vec::new();
    for name in banks {
        // A broken bank is left to the app, which names it; the page lists the others.
        match read(name).and_then(|b| shipped::bank(&b).map_err(|e| format!("{name}: {e}"))) {
            Ok(bank) => loaded.push(bank),
            Err(e) => eprintln!("ontap-site: not pre-rendered: {e}"),
        }
    }
    let library = Library::new(loaded, materials);
    let page = page(&library);
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if !html.contains(MARKER) {
        return Err(format!("{} has no {MARKER}", index.display()));
    }
    let base = loader::base(&html, "ontap-web")?;
    let html =
        loader::rewrite(&html, &loader::built(dist, "ontap-home", &base)?, &loader::built(dist, "ontap-web", &base)?)?;
    std::fs::write(&index, html.replacen(MARKER, &page, 1)).map_err(|e| format!("{}: {e}", index.display()))?;
    Ok(format!("home page pre-rendered: {} banks, {} bytes", library.banks.len(), page.len()))
}
