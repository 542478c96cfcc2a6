//! The home page as HTML: written into `index.html` at build time (`crates/site`), so that a
//! first visit paints the catalogue before any script has run, and completed in place by the
//! home page's own small script (`src/home/`) with what only the device knows: progress, the
//! review count, the banks added on this device, search results and notices. Both take every
//! element from here, so the page before and after the script is one page.
//!
//! Text is always escaped ([`esc`]): question and bank text is data, never markup.

use super::*;
use crate::library::{Library, QuestionRef};
use crate::progress::log::BankStats;
use std::fmt::Write;

/// The ids of the places the script fills.
pub mod slot {
    /// The notices (damaged or foreign stored data), at the top of the page.
    pub const NOTICES: &str = "notices";
    /// The search results, under the search box.
    pub const RESULTS: &str = "search-results";
    /// The review line and its button.
    pub const DUE: &str = "due";
    /// What the member should know after removing a bank from this device.
    pub const LOCAL_NOTICE: &str = "local-notice";
    /// The files that could not be used.
    pub const PROBLEMS: &str = "problems";
    /// The update banner.
    pub const UPDATE: &str = "update-banner";
    /// The offline line in the header.
    pub const OFFLINE: &str = "offline-notice";
}

/// How many search results are listed (all of them can be practised).
pub const SHOWN_RESULTS: usize = 50;

/// Text as HTML: never markup.
pub fn esc(text: &str) -> String {
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

/// A route's link target.
fn href(route: &Route) -> String {
    esc(&route.to_query())
}

/// The whole page, as the build writes it: header and home, what only the device knows left
/// pending. No white space between elements (it would change inline layout).
pub fn page(library: &Library) -> String {
    let mut h = String::new();
    let _ = write!(h, r##"<div id="prerendered"><a class="skip" href="#main">{}</a>"##, esc(SKIP_LINK));
    let _ = write!(h, r#"<header class="app-header"><a class="brand" href="?">{}</a>"#, esc(APP_TITLE));
    let _ = write!(h, r#"<div class="text-size" role="group" aria-label="{}">"#, esc(TEXT_SIZE_LABEL));
    for (i, (_, label)) in TEXT_SCALES.iter().enumerate() {
        let _ = write!(
            h,
            r#"<button type="button" class="size" data-scale="{i}" aria-label="{l}" title="{l}" aria-pressed="{}"><span aria-hidden="true" style="{}">A</span></button>"#,
            i == 0,
            TEXT_SCALE_GLYPHS[i],
            l = esc(label)
        );
    }
    let _ = write!(
        h,
        r#"</div><p class="offline-notice" id="{}" role="status" hidden>{}</p></header>"#,
        slot::OFFLINE,
        esc(OFFLINE)
    );
    h.push_str(r#"<main id="main" tabindex="-1">"#);
    let _ = write!(h, r#"<p class="loading opening" role="status">{}</p>"#, esc(OPENING));
    let _ = write!(
        h,
        r#"<div class="update-banner" id="{}" role="status" hidden><p>{}<button type="button" class="button primary" id="apply-update">{}</button></p></div><div id="{}"></div>"#,
        slot::UPDATE,
        esc(UPDATE_READY),
        esc(UPDATE_APPLY),
        slot::NOTICES
    );
    let _ = write!(
        h,
        r#"<section class="search" aria-labelledby="search-heading"><h2 id="search-heading">{}</h2><label class="sr-only" for="search">{}</label><input id="search" type="search" placeholder="{}" autocomplete="off"><div id="{}"></div></section>"#,
        esc(SEARCH_HEADING),
        esc(SEARCH_LABEL),
        esc(SEARCH_PLACEHOLDER),
        slot::RESULTS
    );
    let _ = write!(
        h,
        r#"<section class="review-box" aria-labelledby="review-heading"><h2 id="review-heading">{}</h2><div id="{}"><p id="due-count">{}</p></div></section>"#,
        esc(REVIEW_HEADING),
        slot::DUE,
        esc(DUE_PENDING)
    );
    let total: usize = library.banks.iter().map(|b| b.questions.len()).sum();
    let _ = write!(
        h,
        r#"<section aria-labelledby="banks-heading"><h2 id="banks-heading">{}</h2><p class="summary">{}</p><p class="main-links">"#,
        esc(BANKS_HEADING),
        esc(&summary(library.banks.len(), total))
    );
    for (route, label) in main_links() {
        let _ = write!(h, r#"<a href="{}" class="button">{}</a>"#, href(&route), esc(label));
    }
    let _ = write!(
        h,
        r#"<a href="{TRAINERS_PAGE}" class="button">{}</a></p><p class="status" role="status" id="{}"></p><ul class="bank-list">"#,
        esc(TRAINERS_LINK),
        slot::LOCAL_NOTICE
    );
    for bank in &library.banks {
        h.push_str(&card(bank, &Card { local: false, exam_seed: build_seed(bank), mastery: PROGRESS_PENDING }));
    }
    h.push_str("</ul></section>");
    let _ = write!(
        h,
        r#"<section aria-labelledby="tags-heading"><h2 id="tags-heading">{}</h2><ul class="tags">{}</ul></section>"#,
        esc(TAGS_HEADING),
        tags(library)
    );
    let _ = write!(h, r#"<div id="{}"></div></main></div>"#, slot::PROBLEMS);
    h
}

/// What a bank card shows beyond its bank.
pub struct Card<'a> {
    /// Whether it comes from this device (marked, and removable).
    pub local: bool,
    /// The seed of its exam link.
    pub exam_seed: u64,
    /// Its progress line.
    pub mastery: &'a str,
}

/// One bank's card, as a list item.
pub fn card(bank: &Bank, c: &Card) -> String {
    let title = esc(&bank.title);
    let id = esc(bank.id.as_str());
    let badge =
        if c.local { format!(r#" <span class="badge local">{}</span>"#, esc(LOCAL_BADGE)) } else { String::new() };
    let mut h = format!(
        r#"<li><article class="bank-card" data-bank="{id}" data-key="{}"><h3>{title}{badge}</h3><p class="description">{}</p><p class="count">{}</p><p class="mastery">{}</p><p class="actions">"#,
        card_key(bank),
        esc(&bank.description),
        esc(&question_count(bank.questions.len())),
        esc(c.mastery)
    );
    let _ = write!(
        h,
        r#"<a href="{}" class="button primary practice">{}<span class="sr-only">: {title}</span></a>"#,
        href(&practice_route(bank)),
        esc(PRACTICE)
    );
    let _ = write!(
        h,
        r#"<a href="{}" class="button exam">{}<span class="sr-only">: {title}</span></a>"#,
        href(&exam_route(bank, c.exam_seed)),
        esc(EXAM)
    );
    if c.local {
        h.push_str(&remove_button(bank.id.as_str(), &bank.title));
    }
    h.push_str("</p></article></li>");
    h
}

/// What a card shows of its bank, as a short hash (`data-key`): the script completes a card in
/// place only when it still shows the bank as served (a trainer may have changed it since the
/// build), and writes it anew otherwise.
pub fn card_key(bank: &Bank) -> String {
    let text = [bank.id.as_str(), &bank.title, &bank.description, &bank.questions.len().to_string()].join("\u{1f}");
    format!("{:x}", crate::fnv::fnv1a(text.bytes()))
}

/// "Gỡ bỏ" for the bank `id` kept on this device (the script asks first).
fn remove_button(id: &str, title: &str) -> String {
    format!(
        r#"<button type="button" class="button remove" data-remove="{}" data-title="{t}">{}<span class="sr-only">: {t}</span></button>"#,
        esc(id),
        esc(REMOVE),
        t = esc(title)
    )
}

/// A seed fixed by the bank's id and edition (FNV-1a), so the build's output is reproducible;
/// the script gives each card a fresh one.
pub fn build_seed(bank: &Bank) -> u64 {
    crate::fnv::fnv1a(bank.id.as_str().bytes().chain(bank.version.to_le_bytes()))
}

/// A bank's progress line.
pub fn mastery(s: &BankStats) -> String {
    if s.seen == 0 {
        NOT_PRACTISED.to_owned()
    } else {
        format!(
            "Đã thuộc {}/{} câu · đúng {}% số lần trả lời",
            s.mastered,
            s.questions,
            s.right * 100 / s.answers.max(1)
        )
    }
}

/// The most used topics, as list items.
pub fn tags(library: &Library) -> String {
    let mut h = String::new();
    for (tag, n) in library.tags().into_iter().take(TAGS_SHOWN) {
        let route = Route::Practice(PracticeSource::Tag(tag.clone()));
        let _ = write!(h, r#"<li><a href="{}" class="button tag">{}</a></li>"#, href(&route), esc(&tag_label(&tag, n)));
    }
    h
}

/// The review line: how many questions are due, with the button when there are some.
pub fn due(count: usize) -> String {
    if count == 0 {
        format!(r#"<p id="due-count">{}</p>"#, esc(NOTHING_DUE))
    } else {
        format!(
            r#"<p id="due-count">Hôm nay có {count} câu cần ôn.</p><p><a href="{}" class="button primary">{}</a></p>"#,
            href(&Route::Practice(PracticeSource::Review)),
            esc(REVIEW_NOW)
        )
    }
}

/// The search results for `query`: how many, a button to practise them all, the first
/// [`SHOWN_RESULTS`] prompts. Empty for an empty query.
pub fn results(library: &Library, query: &str, hits: &[QuestionRef]) -> String {
    if query.trim().is_empty() {
        return String::new();
    }
    let mut h = format!(
        r#"<div class="results" role="region" aria-label="{}"><p class="result-count" role="status">Tìm thấy {} câu hỏi</p>"#,
        esc(RESULTS_LABEL),
        hits.len()
    );
    if !hits.is_empty() {
        let route = Route::Practice(PracticeSource::Search(query.to_owned()));
        let _ = write!(h, r#"<a href="{}" class="button primary">{}</a>"#, href(&route), esc(PRACTISE_RESULTS));
    }
    h.push_str(r#"<ul class="result-list">"#);
    for r in hits.iter().take(SHOWN_RESULTS) {
        if let Some(q) = library.question(r) {
            let _ = write!(h, r#"<li data-question="{}">{}</li>"#, esc(r.question.as_str()), esc(&q.prompt));
        }
    }
    h.push_str("</ul></div>");
    h
}

/// The notices about stored data, with the way to the data page.
pub fn notices(list: &[String]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let mut h = String::from(r#"<div class="notices" role="alert">"#);
    for n in list {
        let _ = write!(h, "<p>{}</p>", esc(n));
    }
    let _ = write!(h, r#"<p><a href="{}">{}</a></p></div>"#, href(&Route::Data), esc(SEE_DATA));
    h
}

/// The files that could not be used: shipped files by name, local banks with "Gỡ bỏ".
pub fn problems(unavailable_files: &[String], broken_local: &[(String, String)]) -> String {
    if unavailable_files.is_empty() && broken_local.is_empty() {
        return String::new();
    }
    let mut h = format!(
        r#"<section class="problems" aria-labelledby="problems-heading"><h2 id="problems-heading">{}</h2><p>{}</p><ul class="unavailable">"#,
        esc(PROBLEMS_HEADING),
        esc(OTHERS_WORK)
    );
    for file in unavailable_files {
        let _ = write!(h, "<li>{}</li>", esc(&unavailable(file)));
    }
    for (id, name) in broken_local {
        let _ = write!(h, "<li>{} {}</li>", esc(&local_unavailable(name)), remove_button(id, name));
    }
    let _ = write!(h, r#"</ul><p><a href="{TRAINERS_PAGE}">{}</a></p></section>"#, esc(TRAINERS_LINK));
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped;

    fn sample(title: &str) -> Bank {
        let title = serde_json::to_string(title).unwrap();
        let json = format!(
            r#"{{"format":1,"id":"mau","title":{title},"description":"Mô tả <b>đậm</b>","version":1,"questions":[
            {{"id":"mau-001","type":"true_false","prompt":"Câu <i>một</i>?","answer":true,"explanation":"Vì.",
              "source":{{"material":"m","quote":"q"}},"tags":["35-NQ/TW"],"difficulty":1}}]}}"#
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
        for id in
            [slot::NOTICES, slot::RESULTS, slot::DUE, slot::LOCAL_NOTICE, slot::PROBLEMS, slot::UPDATE, slot::OFFLINE]
        {
            assert!(page.contains(&format!(r#"id="{id}""#)), "slot {id}");
        }
    }

    #[test]
    fn bank_text_is_never_markup() {
        let library = Library::new(vec![sample("<script>alert(1)</script>")], vec![]);
        let page = page(&library);
        assert!(!page.contains("<script>") && !page.contains("<b>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("Mô tả &lt;b&gt;đậm&lt;/b&gt;"));
        let local = card(&library.banks[0], &Card { local: true, exam_seed: 1, mastery: "<x>" });
        assert!(!local.contains("<script>") && !local.contains("<x>"), "{local}");
        assert!(local.contains(r#"data-remove="mau" data-title="&lt;script&gt;alert(1)&lt;/script&gt;""#), "{local}");
        let hits = library.search("cau");
        let found = results(&library, "<b>cau", &hits);
        assert!(found.contains("Câu &lt;i&gt;một&lt;/i&gt;?") && !found.contains("<i>"), "{found}");
        assert!(!notices(&["<img src=x>".into()]).contains("<img"));
        let broken = problems(&["<a>.json".into()], &[("x\"y".into(), "<t>.json".into())]);
        assert!(!broken.contains("<a>") && !broken.contains("<t>") && broken.contains(r#"data-remove="x&quot;y""#));
    }

    #[test]
    fn the_script_fills_the_device_parts() {
        let library = Library::new(vec![sample("T")], vec![]);
        let local = card(&library.banks[0], &Card { local: true, exam_seed: 7, mastery: NOT_PRACTISED });
        assert!(local.contains(r#"<span class="badge local">Trên máy này</span>"#) && local.contains(">Gỡ bỏ<"));
        assert!(local.contains("ma=7"), "{local}");
        assert!(due(0).contains(NOTHING_DUE) && !due(0).contains("href"));
        assert!(
            due(3).contains("Hôm nay có 3 câu cần ôn.") && due(3).contains(r#"href="?trang=on-tap""#),
            "{}",
            due(3)
        );
        assert_eq!(results(&library, "  ", &[]), "");
        let none = results(&library, "zzz", &[]);
        assert!(none.contains("Tìm thấy 0 câu hỏi") && !none.contains("button primary"));
        let hits = library.search("cau mot");
        assert_eq!(hits.len(), 1);
        let found = results(&library, "cau mot", &hits);
        assert!(found.contains(r#"<li data-question="mau-001">"#) && found.contains("tim=cau"), "{found}");
        assert_eq!(notices(&[]), "");
        assert!(notices(&["A".into()]).contains(r#"href="?trang=du-lieu""#));
        assert_eq!(problems(&[], &[]), "");
        let stats = BankStats { questions: 10, seen: 4, mastered: 3, answers: 8, right: 6, stale: 0 };
        assert_eq!(mastery(&stats), "Đã thuộc 3/10 câu · đúng 75% số lần trả lời");
        assert_eq!(mastery(&BankStats::default()), NOT_PRACTISED);
    }

    #[test]
    fn a_card_is_keyed_by_what_it_shows() {
        let bank = sample("T");
        let mut retitled = bank.clone();
        retitled.title.push_str(" (bản cập nhật)");
        assert_eq!(card_key(&bank), card_key(&bank.clone()));
        assert_ne!(card_key(&bank), card_key(&retitled));
        let html = card(&bank, &Card { local: false, exam_seed: 1, mastery: "" });
        assert!(html.contains(&format!(r#"data-key="{}""#, card_key(&bank))), "{html}");
    }

    #[test]
    fn the_exam_link_is_the_same_on_every_build() {
        let bank = sample("T");
        assert_eq!(build_seed(&bank), build_seed(&bank.clone()));
        let mut next = bank.clone();
        next.version = 2;
        assert_ne!(build_seed(&bank), build_seed(&next));
    }
}
