//! The only code that touches the browser's APIs (fetch, history, clock, storage).

pub mod clock;
pub mod dom;
pub mod fetch;
pub mod files;
pub mod nav;
pub mod settings;
pub mod storage;
pub mod unicode;
