//! Benchmark support: a deterministic generator of big, valid question banks with Vietnamese
//! text of realistic lengths (see `generate`), and the storage figures of the progress log
//! (see `storage`). Nothing here ships to the browser.

pub mod generate;
pub mod storage;
