//! Any bytes as a .txt file: decoding (UTF-16, Windows-1258, TCVN3/VNI lines, mojibake inside
//! UTF-8), format recognition and reading never panic (see importer.rs for what must hold).
#![no_main]

#[path = "importer.rs"]
mod importer;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| importer::run_file("mo-phong.txt", bytes));
