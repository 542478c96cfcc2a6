//! What the home page knows once the device's data is read, and how it is written into the
//! pre-rendered page.

use crate::platform::clock::{now_ms, random_seed};
use crate::platform::dom;
use crate::platform::storage::LocalStore;
use ontap_core::home::page::{self, Card, slot};
use ontap_core::library::Library;
use ontap_core::local::store::{self as local_store, LocalNotice};
use ontap_core::local::{self, LocalFile, ReadLocal};
use ontap_core::progress::Progress;
use ontap_core::progress::store::{Loaded, Notice};
use ontap_core::shipped::Shipped;

/// The home page's data.
pub struct Home {
    shipped: Shipped,
    local: Vec<ReadLocal>,
    local_may_save: bool,
    library: Library,
    progress: Progress,
    /// The notices about stored data (progress, local banks).
    notices: Vec<String>,
    /// What the member should know after removing a local bank (storage refused).
    local_notice: Option<String>,
}

impl Home {
    /// The home page of `shipped` and the device's data.
    pub fn new(shipped: Shipped, progress: Loaded) -> Home {
        let (stored, local, library) = crate::local::load_local(&shipped);
        crate::platform::timing::mark("ontap:library");
        let mut notices: Vec<String> = progress.notices.iter().map(Notice::message).collect();
        notices.extend(stored.notice.as_ref().map(LocalNotice::message));
        Home {
            shipped,
            local,
            local_may_save: stored.may_save,
            library,
            progress: progress.progress,
            notices,
            local_notice: None,
        }
    }

    /// Writes everything the device knows into the page.
    pub fn fill(&self) {
        dom::set_html(slot::NOTICES, &page::notices(&self.notices));
        dom::set_html(slot::DUE, &page::due(self.progress.due(&self.library, now_ms() as i64).len()));
        self.cards();
        let total: usize = self.library.banks.iter().map(|b| b.questions.len()).sum();
        if let Some(summary) = dom::all(".summary").first() {
            summary.set_text_content(Some(&ontap_core::home::summary(self.library.banks.len(), total)));
        }
        if let Some(list) = dom::all("ul.tags").first() {
            let tags = page::tags(&self.library);
            if list.inner_html() != tags {
                list.set_inner_html(&tags);
            }
        }
        if let Some(line) = dom::by_id(slot::LOCAL_NOTICE) {
            line.set_text_content(self.local_notice.as_deref());
        }
        let unavailable: Vec<String> = self.shipped.unavailable.iter().map(|u| u.file.clone()).collect();
        let broken: Vec<(String, String)> =
            self.local.iter().filter(|b| b.bank.is_none()).map(|b| (b.file.id.clone(), b.file.name.clone())).collect();
        dom::set_html(slot::PROBLEMS, &page::problems(&unavailable, &broken));
    }

    /// The bank cards: the pre-rendered ones completed in place (progress, a fresh exam seed),
    /// the device's banks added after them; rewritten whole when the cards no longer show the
    /// banks as served (changed since the build, or a bank removed).
    fn cards(&self) {
        let Some(list) = dom::all("ul.bank-list").into_iter().next() else { return };
        let shown: Vec<String> =
            dom::all("ul.bank-list .bank-card").iter().filter_map(|c| c.get_attribute("data-key")).collect();
        let banks = &self.library.banks;
        let in_place = shown.len() <= banks.len() && shown.iter().zip(banks).all(|(key, b)| *key == page::card_key(b));
        let mut added = String::new();
        for (i, bank) in banks.iter().enumerate() {
            let mastery = page::mastery(&self.progress.bank_stats(bank));
            let seed = random_seed();
            if in_place && i < shown.len() {
                let card = format!(r#".bank-card[data-bank="{}"]"#, bank.id.as_str());
                if let Some(line) = dom::all(&format!("{card} .mastery")).first() {
                    line.set_text_content(Some(&mastery));
                }
                if let Some(exam) = dom::all(&format!("{card} a.exam")).first() {
                    let _ = exam.set_attribute("href", &ontap_core::home::exam_route(bank, seed).to_query());
                }
            } else {
                added.push_str(&page::card(
                    bank,
                    &Card { local: self.library.is_local(&bank.id), exam_seed: seed, mastery: &mastery },
                ));
            }
        }
        if in_place {
            let _ = list.insert_adjacent_html("beforeend", &added);
        } else {
            list.set_inner_html(&added);
        }
    }

    /// The search results for `query`, under the search box.
    pub fn show_results(&self, query: &str) {
        dom::set_html(slot::RESULTS, &page::results(&self.library, query, &self.library.search(query)));
    }

    /// Removes the local bank `id` (answers given to it stay in the progress log).
    pub fn remove_local(&mut self, id: &str) {
        self.local.retain(|b| b.file.id != id);
        self.library = local::member_library(&self.shipped, &self.local);
        if self.local_may_save {
            let files: Vec<LocalFile> = self.local.iter().map(|b| b.file.clone()).collect();
            self.local_notice = local_store::save(&mut LocalStore, &files).err().map(|n| n.message());
        }
    }
}
