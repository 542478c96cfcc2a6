//! Any text as an import in the word format (see importer.rs for what must hold).
#![no_main]

#[path = "importer.rs"]
mod importer;

libfuzzer_sys::fuzz_target!(|text: &str| importer::run(ontap_import::Format::Word, text));
