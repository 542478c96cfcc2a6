//! The banks a trainer adds on this device: loaded from localStorage and re-checked every time
//! on this page, added when a tried file passes, removed on request. The member's app reads the
//! same store (`crate::local`).

use super::TrainerState;
use crate::components::diagnostics::DiagnosticList;
use crate::load::QUESTIONS_DIR;
use crate::platform::clock::now_ms;
use crate::platform::dom::confirm;
use crate::platform::storage::LocalStore;
use leptos::prelude::*;
use ontap_core::check::{Checked, FolderReport};
use ontap_core::local::store::{self, LoadedLocal};
use ontap_core::local::{self, LocalBank, LocalFile, check_all};
use ontap_core::model::Bank;

/// The stored local banks, re-checked against the shipped folder `report`.
pub fn load_local(report: &FolderReport) -> (LoadedLocal, Vec<LocalBank>) {
    let loaded = store::load(&mut LocalStore, now_ms() as i64);
    let checked = check_all(&loaded.files, report, QUESTIONS_DIR);
    (loaded, checked)
}

impl TrainerState {
    /// Replaces the local banks (already checked) and stores their files. When they cannot be
    /// stored, they stay listed for this visit and `local_notice` says why.
    fn set_local(&self, banks: Vec<LocalBank>) {
        let files: Vec<LocalFile> = banks.iter().map(|b| b.file.clone()).collect();
        self.local.set(banks);
        if self.local_may_save {
            self.local_notice.set(store::save(&mut LocalStore, &files).err().map(|n| n.message()));
        }
    }

    /// Adds a bank file the page has just checked (replacing a local bank with the same id).
    pub fn add_local(&self, id: &str, name: &str, text: String, checked: Checked<Bank>) {
        self.keep_local(None, id, name, text, checked);
    }

    /// Adds a bank file the page has just checked in place of what an `earlier` import of the
    /// same file kept (and of a local bank with the same id); returns the file kept.
    pub fn keep_local(
        &self,
        earlier: Option<&LocalFile>,
        id: &str,
        name: &str,
        text: String,
        checked: Checked<Bank>,
    ) -> LocalFile {
        let file = LocalFile { id: id.to_owned(), name: name.to_owned(), text, added_ms: now_ms() as i64 };
        let added = LocalBank { file: file.clone(), checked };
        self.set_local(self.local.with_untracked(|l| local::with_reimported(l, earlier, added)));
        file
    }

    /// Whether this device stores `file` as it is.
    pub fn stores(&self, file: &LocalFile) -> bool {
        self.local.with_untracked(|l| l.iter().any(|b| &b.file == file))
    }

    /// Removes the local bank `id` (answers given to it stay in the progress log).
    pub fn remove_local(&self, id: &str) {
        self.set_local(self.local.with_untracked(|l| local::without(l, id)));
    }
}

/// The banks on this device, each with its state today, a link to practise it and "Gỡ bỏ".
#[component]
pub fn LocalBanks() -> impl IntoView {
    let state = expect_context::<TrainerState>();
    let list = state.local;
    view! {
        <section class="local-banks" aria-labelledby="local-heading">
            <h2 id="local-heading">"Ngân hàng trên máy này"</h2>
            {move || {
                let banks = list.get();
                if banks.is_empty() {
                    return view! { <p>"Chưa có ngân hàng nào được thêm trên máy này."</p> }.into_any();
                }
                view! {
                    <ul class="bank-list">
                        {banks.into_iter().map(|b| view! { <li><LocalBankItem bank=b/></li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn LocalBankItem(bank: LocalBank) -> impl IntoView {
    let state = expect_context::<TrainerState>();
    let LocalBank { file, checked } = bank;
    let (id, name) = (file.id.clone(), file.name.clone());
    let question = format!("Gỡ “{name}” khỏi máy này? Câu trả lời đã lưu vẫn được giữ.");
    let practice = checked.value.as_ref().map(super::try_bank::practice_link);
    let title = checked
        .value
        .as_ref()
        .map(|b| format!("{} ({} câu hỏi)", b.title, b.questions.len()))
        .unwrap_or_else(|| name.clone());
    let text: std::sync::Arc<str> = file.text.as_str().into();
    view! {
        <article class="bank-card local" data-local=file.id.clone()>
            <h3>{title}</h3>
            <p class="description">{format!("Tệp {name}")}</p>
            {(!checked.diagnostics.is_empty()).then(|| view! { <DiagnosticList title=name.clone() diagnostics=checked.diagnostics.clone() text=text/> })}
            <p class="actions">
                {practice.map(|href| view! { <a href=href class="button primary practice-now">"Luyện tập"</a> })}
                <button type="button" class="button remove" on:click=move |_| {
                    if confirm(&question) {
                        state.remove_local(&id);
                    }
                }>"Gỡ bỏ"<span class="sr-only">{format!(": {name}")}</span></button>
            </p>
        </article>
    }
}
