//! One page per file.

pub mod data;
pub mod exam;
pub mod exam_setup;
pub mod material;
pub mod practice;
pub mod print;
pub mod stats;
