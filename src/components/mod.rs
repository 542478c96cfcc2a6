//! One widget per file.

pub mod diagnostics;
pub mod feedback;
pub mod link;
pub mod offline_notice;
pub mod qr_code;
pub mod question_view;
pub mod send_result;
pub mod source_link;
pub mod text_size;
pub mod update_banner;
