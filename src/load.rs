//! Loading the shipped banks for the member: fetch the catalogue and every file it names, then
//! read them with typed parsing ([`ontap_core::shipped`]), a slice of questions at a time so that
//! a bank of thousands of questions never freezes the page. No checker: the trainers' page has it.

use crate::platform::{clock, fetch, later, timing};
use ontap_core::check::CATALOGUE_FILE;
use ontap_core::shipped::{self, BankParts, Shipped, Unavailable};

/// Where the banks are served from, relative to the page.
pub const QUESTIONS_DIR: &str = "questions/";
/// Where a deployment may put a material's text (its `text_file` in `materials.json`), relative
/// to the page: `questions/materials/<text_file>`. The texts are never shipped with the project.
pub fn material_text(text_file: &str) -> String {
    format!("{QUESTIONS_DIR}materials/{text_file}")
}

/// Questions parsed between two looks at the clock.
const QUESTIONS_PER_STEP: usize = 50;
/// How long parsing runs before the page gets a turn: a phone four times slower than this
/// machine still stays under the 50 ms a task may take before input feels late.
const SLICE_MS: f64 = 10.0;

/// Fetches and reads the catalogue and everything it names. The catalogue's request starts at
/// the call, so the caller can read the device's storage while it travels.
pub fn load_banks() -> impl std::future::Future<Output = Shipped> {
    let catalogue = fetch::start(&format!("{QUESTIONS_DIR}{CATALOGUE_FILE}"));
    read_banks(catalogue)
}

async fn read_banks(catalogue: impl std::future::Future<Output = Result<Vec<u8>, String>>) -> Shipped {
    let mut out = Shipped::default();
    let unavailable = |file: &str, detail: String| Unavailable { file: file.to_owned(), detail };
    let names = match catalogue.await.and_then(|b| shipped::catalogue_files(&b)) {
        Ok(names) => names,
        Err(detail) => {
            out.unavailable.push(unavailable(CATALOGUE_FILE, detail));
            return out;
        }
    };
    // All at once: on a phone network each file is a round trip, and the worker answers offline.
    let pending: Vec<_> = names.iter().map(|name| fetch::start(&format!("{QUESTIONS_DIR}{name}"))).collect();
    let mut fetched = Vec::with_capacity(names.len());
    for (name, fetching) in names.into_iter().zip(pending) {
        fetched.push((name, fetching.await));
    }
    timing::mark("ontap:fetched");
    let mut files = fetched.into_iter();
    if let Some((name, bytes)) = files.next() {
        match bytes.and_then(|b| shipped::materials(&b)) {
            Ok(materials) => out.materials = materials,
            Err(detail) => out.unavailable.push(unavailable(&name, detail)),
        }
    }
    for (name, bytes) in files {
        match read_in_slices(bytes).await {
            Ok(bank) if !out.has_bank(&bank.id) => out.banks.push(bank),
            Ok(bank) => out.unavailable.push(unavailable(&name, format!("bank id {} is taken", bank.id))),
            Err(detail) => out.unavailable.push(unavailable(&name, detail)),
        }
    }
    // Building the library and the catalogue is the next task's work.
    later::next_task().await;
    timing::mark("ontap:checked");
    out
}

/// One bank, parsed question by question with a turn for the page every [`SLICE_MS`].
async fn read_in_slices(bytes: Result<Vec<u8>, String>) -> Result<ontap_core::Bank, String> {
    let bytes = bytes?;
    let mut parts = BankParts::new(&bytes)?;
    in_slices(|| parts.step(QUESTIONS_PER_STEP).map(|done| done.then_some(())).transpose()).await?;
    parts.finish()
}

/// Calls `step` until it gives a value, giving the page a turn every [`SLICE_MS`]: a long job
/// (a bank of thousands of questions) never freezes the page.
pub async fn in_slices<T>(mut step: impl FnMut() -> Option<T>) -> T {
    loop {
        let started = clock::now_ms();
        while clock::now_ms() - started < SLICE_MS {
            if let Some(done) = step() {
                return done;
            }
        }
        later::next_task().await;
    }
}
