//! The home page's content: its words and the links of each bank card. The app's home page
//! (`src/routes/home.rs`, `src/components/bank_card.rs`) and the page written into `index.html`
//! at build time (`crates/site`) both take them from here, so the page a member sees before the
//! app has started says exactly what the app then shows.

use crate::draw::Filter;
use crate::model::Bank;
use crate::route::{DEFAULT_EXAM_QUESTIONS, ExamSpec, PracticeSource, Route};

/// The app's name, in the header and the page title.
pub const APP_TITLE: &str = "Ôn tập Nghị quyết";
/// The first link, for keyboard users.
pub const SKIP_LINK: &str = "Bỏ qua, tới nội dung chính";
/// The search section.
pub const SEARCH_HEADING: &str = "Tìm câu hỏi";
/// The search box's label (for screen readers).
pub const SEARCH_LABEL: &str = "Tìm trong mọi câu hỏi (không cần gõ dấu)";
/// The search box's example.
pub const SEARCH_PLACEHOLDER: &str = "Ví dụ: nghi quyet 35, linh hoat…";
/// The spaced-review section.
pub const REVIEW_HEADING: &str = "Ôn tập";
/// The review line before the device's progress has been read.
pub const DUE_PENDING: &str = "Đang tính số câu cần ôn…";
/// The banks section.
pub const BANKS_HEADING: &str = "Ngân hàng câu hỏi";
/// The topics section.
pub const TAGS_HEADING: &str = "Luyện tập theo chủ đề";
/// How many topics are offered (the most used).
pub const TAGS_SHOWN: usize = 16;
/// A bank card's progress line before the device's progress has been read.
pub const PROGRESS_PENDING: &str = "Đang đọc tiến độ…";
/// A bank card's progress line when none of its questions has been answered.
pub const NOT_PRACTISED: &str = "Chưa luyện tập";
/// A bank card's buttons.
pub const PRACTICE: &str = "Luyện tập";
/// See [`PRACTICE`].
pub const EXAM: &str = "Thi thử";
/// The trainers' page, beside `index.html`.
pub const TRAINERS_PAGE: &str = "soan.html";
/// The link to it.
pub const TRAINERS_LINK: &str = "Trang người soạn câu hỏi";
/// The text sizes offered in the header: the value of `--text-scale` and the button's label.
pub const TEXT_SCALES: [(&str, &str); 3] = [("1", "Chữ vừa"), ("1.2", "Chữ lớn"), ("1.4", "Chữ rất lớn")];
/// The size of each text-size button's "A", growing like the text it sets.
pub const TEXT_SCALE_GLYPHS: [&str; 3] = ["font-size: 0.8em", "font-size: 0.95em", "font-size: 1.1em"];
/// The text-size group's label.
pub const TEXT_SIZE_LABEL: &str = "Cỡ chữ";

/// Shown when the app's code could not be loaded (before the worker has cached it, on a broken
/// connection), with a button that tries again.
pub const LOAD_FAILED: &str = "Chưa tải được ứng dụng (mạng yếu hoặc mất kết nối). Danh sách ngân hàng vẫn xem được.";
/// The button beside [`LOAD_FAILED`].
pub const RETRY: &str = "Thử lại";

/// Shown while a page other than the home page is opening.
pub const OPENING: &str = "Đang mở…";

/// "5 ngân hàng, 164 câu hỏi".
pub fn summary(banks: usize, questions: usize) -> String {
    format!("{banks} ngân hàng, {questions} câu hỏi")
}

/// "18 câu hỏi".
pub fn question_count(n: usize) -> String {
    format!("{n} câu hỏi")
}

/// "35-NQ/TW (12)".
pub fn tag_label(tag: &str, n: usize) -> String {
    format!("{tag} ({n})")
}

/// The entry points under the bank list, with their labels.
pub fn main_links() -> [(Route, &'static str); 3] {
    [
        (Route::ExamSetup, "Thi thử (chọn ngân hàng, số câu, thời gian)"),
        (Route::Stats, "Thống kê"),
        (Route::Data, "Sao lưu / Khôi phục"),
    ]
}

/// Practising `bank`.
pub fn practice_route(bank: &Bank) -> Route {
    Route::Practice(PracticeSource::Bank(bank.id.clone()))
}

/// An exam over `bank` drawn with `seed` (the app picks a random one).
pub fn exam_route(bank: &Bank, seed: u64) -> Route {
    Route::Exam(ExamSpec {
        filter: Filter { banks: vec![bank.id.clone()], tags: vec![] },
        count: bank.questions.len().min(DEFAULT_EXAM_QUESTIONS),
        ..ExamSpec::with_seed(seed)
    })
}

/// A bank that could not be read, in one sentence for members.
pub fn unavailable(file: &str) -> String {
    format!(
        "Ngân hàng “{file}” tạm thời không dùng được: tệp bị lỗi. Người soạn câu hỏi xem chi tiết ở trang người soạn."
    )
}

/// A bank stored on this device that no longer reads, in one sentence.
pub fn local_unavailable(name: &str) -> String {
    format!(
        "Tệp “{name}” trên máy này không còn dùng được. Hãy mở trang người soạn câu hỏi để xem lỗi, sửa hoặc gỡ bỏ."
    )
}
