//! The core's [`FileSource`] over a folder on disk.

use ontap_core::check::FileSource;
use std::path::PathBuf;

/// A folder on disk.
pub struct Folder(pub PathBuf);

impl FileSource for Folder {
    fn read(&self, name: &str) -> Result<Vec<u8>, String> {
        std::fs::read(self.0.join(name)).map_err(|e| e.to_string())
    }

    fn list(&self) -> Option<Vec<String>> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .ok()?
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        Some(names)
    }
}
