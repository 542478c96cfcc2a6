//! One page per file.

pub mod catalogue;
