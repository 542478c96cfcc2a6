//! The only code that touches the browser's APIs (fetch, history, clock, storage, service worker).

pub mod camera;
pub mod clock;
pub mod connection;
pub mod dom;
pub mod fetch;
pub mod files;
pub mod later;
pub mod nav;
pub mod qr_worker;
pub mod service_worker;
pub mod settings;
pub mod share;
pub mod storage;
pub mod tab;
pub mod timing;
pub mod unicode;
