//! Any bytes as a .xlsx file (see importer.rs for what must hold). Seed the corpus with
//! crates/import/tests/fixtures/*.xlsx.
#![no_main]

#[path = "importer.rs"]
mod importer;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| importer::run_file("mo-phong.xlsx", bytes));
