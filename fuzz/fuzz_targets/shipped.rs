//! The shipped banks, loaded once per fuzz process: the library the app would hold.

use ontap_core::check::{MemoryFiles, check_folder};
use ontap_core::library::Library;
use ontap_core::model::MaterialList;
use std::sync::OnceLock;

/// The checked `questions/` folder as a library, and its materials list.
pub fn shipped() -> &'static (Library, MaterialList) {
    static SHIPPED: OnceLock<(Library, MaterialList)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
        let mut files = MemoryFiles::default();
        for entry in std::fs::read_dir(&dir).expect("questions/ beside fuzz/") {
            let path = entry.unwrap().path();
            if path.is_file() {
                files = files.with(&path.file_name().unwrap().to_string_lossy(), std::fs::read(&path).unwrap());
            }
        }
        let report = check_folder(&files, "", None);
        let materials = report.materials.clone().expect("materials.json checks");
        let banks = report.banks.into_iter().filter_map(|b| b.bank).collect();
        (Library::new(banks, materials.materials.clone()), materials)
    })
}
