//! Any bytes as a .docx file (see importer.rs for what must hold). Seed the corpus with
//! crates/import/tests/fixtures/*.docx.
#![no_main]

#[path = "importer.rs"]
mod importer;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| importer::run_file("mo-phong.docx", bytes));
