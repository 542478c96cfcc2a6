//! Loading the shipped banks: fetch the catalogue and every file it names, then run the core's
//! folder check over them, exactly as the CLI does on disk.

use crate::platform::{fetch, timing};
use ontap_core::check::{CATALOGUE_FILE, FolderReport, MemoryFiles, check_catalogue, check_folder};

/// Where the banks are served from, relative to the page.
pub const QUESTIONS_DIR: &str = "questions/";

/// Fetches and checks the catalogue and everything it names.
pub async fn load_banks() -> FolderReport {
    let mut files = MemoryFiles::default();
    let catalogue = fetch::bytes(&format!("{QUESTIONS_DIR}{CATALOGUE_FILE}")).await;
    let mut names = Vec::new();
    if let Ok(bytes) = &catalogue {
        if let Some(c) = check_catalogue(bytes, CATALOGUE_FILE).value {
            names.push(c.materials);
            names.extend(c.banks);
        }
    }
    files.files.insert(CATALOGUE_FILE.to_owned(), catalogue);
    // All at once: on a phone network each file is a round trip, and the worker answers offline.
    let pending: Vec<_> = names.iter().map(|name| fetch::start(&format!("{QUESTIONS_DIR}{name}"))).collect();
    for (name, fetching) in names.into_iter().zip(pending) {
        files.files.insert(name, fetching.await);
    }
    timing::mark("ontap:fetched");
    let report = check_folder(&files, QUESTIONS_DIR, None);
    timing::mark("ontap:checked");
    report
}
