//! A member's progress: the only data the app owns. An append-only log of answers, each a
//! small record carrying a fingerprint of the question it answered, stored through the
//! [`store::Store`] trait (localStorage in the app, memory in tests).

pub mod charts;
pub mod codec;
pub mod log;
pub mod record;
pub mod stats;
pub mod store;

pub use log::Progress;
pub use record::{AnswerRecord, Mode, fingerprint};
