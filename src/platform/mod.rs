//! The only code that touches the browser's APIs (fetch, storage, service worker).

pub mod fetch;
