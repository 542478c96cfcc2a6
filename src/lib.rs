//! Ôn tập Nghị quyết in the browser: two entry points over one library of pages and widgets.
//!
//! - `src/main.rs`, the member's app (`index.html`): catalogue, practice, exam, review,
//!   statistics, backup. It reads the shipped banks with typed parsing and never links the checker.
//! - `src/bin/soan.rs`, the trainers' page (`soan.html`): the full checker with its diagnostics,
//!   trying a bank file and the banks kept on this device.
//!
//! Each binary links only what its root reaches, so the trainers' tools never reach a member's
//! download (`tests/e2e/tests/budget.rs` holds both sizes).

pub mod app;
pub mod components;
pub mod home;
pub mod load;
pub mod local;
pub mod platform;
pub mod routes;
pub mod save;
pub mod trainers;
