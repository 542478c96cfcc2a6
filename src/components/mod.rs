//! One widget per file.

pub mod bank_card;
pub mod diagnostics;
