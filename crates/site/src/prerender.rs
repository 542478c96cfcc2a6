//! The home page written into `index.html` at build time, so that a first visit paints the
//! catalogue before any script has run. It is the same page the app's `HomePage` renders (same
//! elements, classes and words, from `ontap_core::home`), minus what only the device knows
//! (progress, banks added on this device), which the app fills in when it takes over.
//! `tests/e2e/tests/first_paint.rs` holds the two to the same layout.

use crate::loader;
use ontap_core::Bank;
use ontap_core::check::CATALOGUE_FILE;
use ontap_core::home::{self, TAGS_SHOWN};
use ontap_core::library::Library;
use ontap_core::route::Route;
use ontap_core::shipped;
use std::fmt::Write;
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

/// Text as HTML: never markup.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A route's link target, as the app's `Link` writes it.
fn href(route: &Route) -> String {
    esc(&route.to_query())
}

/// The whole pre-rendered page: header and home. No white space between elements, as the
/// app renders none (it would change inline layout).
pub fn page(library: &Library) -> String {
    let mut h = String::new();
    let _ = write!(h, r##"<div id="prerendered"><a class="skip" href="#main">{}</a>"##, esc(home::SKIP_LINK));
    let _ = write!(h, r#"<header class="app-header"><a class="brand" href="?">{}</a>"#, esc(home::APP_TITLE));
    let _ = write!(h, r#"<div class="text-size" role="group" aria-label="{}">"#, esc(home::TEXT_SIZE_LABEL));
    for (i, (_, label)) in home::TEXT_SCALES.iter().enumerate() {
        let _ = write!(
            h,
            r#"<button type="button" class="size" aria-label="{l}" title="{l}" aria-pressed="{}"><span aria-hidden="true" style="{}">A</span></button>"#,
            i == 0,
            home::TEXT_SCALE_GLYPHS[i],
            l = esc(label)
        );
    }
    h.push_str("</div></header>");
    h.push_str(r#"<main id="main" tabindex="-1">"#);
    let _ = write!(h, r#"<p class="loading opening" role="status">{}</p>"#, esc(home::OPENING));
    // Search: the box is there; results need the app.
    let _ = write!(
        h,
        r#"<section class="search" aria-labelledby="search-heading"><h2 id="search-heading">{}</h2><label class="sr-only" for="search">{}</label><input id="search" type="search" placeholder="{}" autocomplete="off"></section>"#,
        esc(home::SEARCH_HEADING),
        esc(home::SEARCH_LABEL),
        esc(home::SEARCH_PLACEHOLDER)
    );
    let _ = write!(
        h,
        r#"<section class="review-box" aria-labelledby="review-heading"><h2 id="review-heading">{}</h2><p id="due-count">{}</p></section>"#,
        esc(home::REVIEW_HEADING),
        esc(home::DUE_PENDING)
    );
    let total: usize = library.banks.iter().map(|b| b.questions.len()).sum();
    let _ = write!(
        h,
        r#"<section aria-labelledby="banks-heading"><h2 id="banks-heading">{}</h2><p class="summary">{}</p><p class="main-links">"#,
        esc(home::BANKS_HEADING),
        esc(&home::summary(library.banks.len(), total))
    );
    for (route, label) in home::main_links() {
        let _ = write!(h, r#"<a href="{}" class="button">{}</a>"#, href(&route), esc(label));
    }
    let _ = write!(
        h,
        r#"<a href="{}" class="button">{}</a></p><ul class="bank-list">"#,
        home::TRAINERS_PAGE,
        esc(home::TRAINERS_LINK)
    );
    for bank in &library.banks {
        card(&mut h, bank);
    }
    h.push_str("</ul></section>");
    let _ = write!(
        h,
        r#"<section aria-labelledby="tags-heading"><h2 id="tags-heading">{}</h2><ul class="tags">"#,
        esc(home::TAGS_HEADING)
    );
    for (tag, n) in library.tags().into_iter().take(TAGS_SHOWN) {
        let route = Route::Practice(ontap_core::route::PracticeSource::Tag(tag.clone()));
        let _ = write!(
            h,
            r#"<li><a href="{}" class="button tag">{}</a></li>"#,
            href(&route),
            esc(&home::tag_label(&tag, n))
        );
    }
    h.push_str("</ul></section></main></div>");
    h
}

/// One bank's card, as `BankCard` renders it.
fn card(h: &mut String, bank: &Bank) {
    let title = esc(&bank.title);
    let _ = write!(
        h,
        r#"<li><article class="bank-card" data-bank="{}"><h3>{title}</h3><p class="description">{}</p><p class="count">{}</p><p class="mastery">{}</p><p class="actions">"#,
        esc(bank.id.as_str()),
        esc(&bank.description),
        esc(&home::question_count(bank.questions.len())),
        esc(home::PROGRESS_PENDING)
    );
    let _ = write!(
        h,
        r#"<a href="{}" class="button primary practice">{}<span class="sr-only">: {title}</span></a>"#,
        href(&home::practice_route(bank)),
        esc(home::PRACTICE)
    );
    // Before the app runs, an exam tapped here has a seed fixed per bank edition; the app's
    // own cards draw a fresh one.
    let _ = write!(
        h,
        r#"<a href="{}" class="button exam">{}<span class="sr-only">: {title}</span></a></p></article></li>"#,
        href(&home::exam_route(bank, seed(bank))),
        esc(home::EXAM)
    );
}

/// A seed fixed by the bank's id and edition (FNV-1a), so the build's output is reproducible.
fn seed(bank: &Bank) -> u64 {
    ontap_core::fnv::fnv1a(bank.id.as_str().bytes().chain(bank.version.to_le_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as a JSON string.
    fn serde_json_string(text: &str) -> String {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }

    fn sample(title: &str) -> Bank {
        let json = format!(
            r#"{{"format":1,"id":"mau","title":{},"description":"Mô tả <b>đậm</b>","version":1,"questions":[
            {{"id":"mau-001","type":"true_false","prompt":"Câu?","answer":true,"explanation":"Vì.",
              "source":{{"material":"m","quote":"q"}},"tags":["35-NQ/TW"],"difficulty":1}}]}}"#,
            serde_json_string(title)
        );
        shipped::bank(json.as_bytes()).unwrap()
    }

    #[test]
    fn the_page_lists_each_bank_with_the_apps_words_and_links() {
        let page = page(&Library::new(vec![sample("Nghị quyết 35")], vec![]));
        assert!(page.starts_with(r#"<div id="prerendered">"#) && page.ends_with("</div>"));
        assert!(page.contains("<h3>Nghị quyết 35</h3>"), "{page}");
        assert!(page.contains(r#"<p class="count">1 câu hỏi</p>"#));
        assert!(page.contains(r#"<p class="summary">1 ngân hàng, 1 câu hỏi</p>"#));
        assert!(page.contains(r#"href="?trang=luyen-tap&amp;nh=mau""#), "{page}");
        assert!(
            page.contains(r#"href="?trang=luyen-tap&amp;the=35-NQ%2FTW" class="button tag">35-NQ/TW (1)</a>"#),
            "{page}"
        );
        assert!(page.contains(r#"href="soan.html""#));
        assert!(!page.contains('\n'), "no white space between elements");
    }

    #[test]
    fn bank_text_is_never_markup() {
        let page = page(&Library::new(vec![sample("<script>alert(1)</script>")], vec![]));
        assert!(!page.contains("<script>") && !page.contains("<b>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("Mô tả &lt;b&gt;đậm&lt;/b&gt;"));
    }

    #[test]
    fn the_exam_link_is_the_same_on_every_build() {
        let bank = sample("T");
        assert_eq!(seed(&bank), seed(&bank.clone()));
        let mut next = bank.clone();
        next.version = 2;
        assert_ne!(seed(&bank), seed(&next));
    }
}
