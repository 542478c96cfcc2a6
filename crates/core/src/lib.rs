//! The domain of Ôn tập Nghị quyết, free of any browser or UI code: the question-bank format
//! and its checker, scoring, the seeded exam draw and text normalization.
//!
//! Invariant: this crate never depends on leptos, web-sys, js-sys or wasm-bindgen
//! (checked by `scripts/check-invariants.sh`).

#![warn(missing_docs)]

pub mod answer;
pub mod check;
pub mod counts;
mod delimit;
pub mod draw;
pub mod edit;
pub mod exam;
pub mod fnv;
pub mod group;
pub mod home;
pub mod ids;
pub mod kept_aside;
pub mod layout;
pub mod library;
pub mod local;
pub mod locate;
pub mod markup;
pub mod model;
pub mod paper;
pub mod practice;
pub mod present;
pub mod progress;
pub mod result_code;
pub mod route;
pub mod schedule;
#[cfg(feature = "schema")]
pub mod schema;
pub mod score;
pub mod shipped;
pub mod text;
pub mod toggle;
pub mod unicode;

#[cfg(test)]
pub(crate) mod test_fixtures;

pub use ids::{BankId, MaterialId, QuestionId};
pub use model::{Bank, Catalogue, Letter, Letters, Material, MaterialList, Pair, Question, QuestionKind, Source};
