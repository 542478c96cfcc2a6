//! One page per file.

pub mod data;
pub mod exam;
pub mod exam_setup;
pub mod home;
pub mod practice;
pub mod print;
pub mod stats;
