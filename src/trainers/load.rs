//! The trainers' page loads the shipped banks through the full checker: fetch the catalogue and
//! every file it names, then run the core's folder check over them, exactly as the CLI does on
//! disk, a slice at a time. (The member's app reads them with typed parsing: `crate::load`.)

use crate::load::{QUESTIONS_DIR, in_slices};
use crate::platform::{fetch, later};
use ontap_core::check::{CATALOGUE_FILE, FolderCheck, FolderReport, MemoryFiles, check_catalogue};

/// Fetches and checks the catalogue and everything it names.
pub async fn load_banks() -> FolderReport {
    let mut files = MemoryFiles::default();
    let catalogue = fetch::bytes(&format!("{QUESTIONS_DIR}{CATALOGUE_FILE}")).await;
    let mut names = Vec::new();
    if let Ok(bytes) = &catalogue
        && let Some(c) = check_catalogue(bytes, CATALOGUE_FILE).value
    {
        names.push(c.materials);
        names.extend(c.banks);
    }
    files.files.insert(CATALOGUE_FILE.to_owned(), catalogue);
    // All at once: on a phone network each file is a round trip, and the worker answers offline.
    let pending: Vec<_> = names.iter().map(|name| fetch::start(&format!("{QUESTIONS_DIR}{name}"))).collect();
    for (name, fetching) in names.into_iter().zip(pending) {
        files.files.insert(name, fetching.await);
    }
    check_in_slices(&files).await
}

/// Questions checked between two looks at the clock.
const QUESTIONS_PER_STEP: usize = 50;

/// Checks the folder in slices, so that a bank of thousands of questions never freezes the
/// page: it paints, scrolls and answers between slices.
async fn check_in_slices(files: &MemoryFiles) -> FolderReport {
    let mut check = FolderCheck::new(files, QUESTIONS_DIR, None);
    in_slices(|| check.step(QUESTIONS_PER_STEP).then_some(())).await;
    let report = check.finish();
    // Showing the report is the next task's work.
    later::next_task().await;
    report
}
