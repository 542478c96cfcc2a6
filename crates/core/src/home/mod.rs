//! The home page's content: its words and the links of each bank card, and the page itself as
//! HTML ([`page`]), which the build writes into `index.html` and the home page's script
//! (`src/home/`) completes in place. The header's words are shared with the app's other pages.

pub mod page;

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

/// The offline line in the header, while the browser reports no network.
pub const OFFLINE: &str = "Đang ngoại tuyến — vẫn ôn tập được; tiến độ lưu trên máy này.";
/// The update banner, before its button.
pub const UPDATE_READY: &str = "Đã có phiên bản mới — ";
/// The update banner's button.
pub const UPDATE_APPLY: &str = "Tải lại";
/// The mark of a bank added on this device.
pub const LOCAL_BADGE: &str = "Trên máy này";
/// The button removing a bank added on this device.
pub const REMOVE: &str = "Gỡ bỏ";
/// The review line when nothing is due.
pub const NOTHING_DUE: &str = "Hôm nay chưa có câu nào cần ôn.";
/// The button starting the review.
pub const REVIEW_NOW: &str = "Ôn tập ngay";
/// The search results' region (for screen readers).
pub const RESULTS_LABEL: &str = "Kết quả tìm kiếm";
/// The button practising every search result.
pub const PRACTISE_RESULTS: &str = "Luyện tập các câu này";
/// The link under the notices about stored data.
pub const SEE_DATA: &str = "Xem dữ liệu, sao lưu hoặc tải dữ liệu cũ về";
/// The section of files that could not be used.
pub const PROBLEMS_HEADING: &str = "Tệp chưa dùng được";
/// Under it.
pub const OTHERS_WORK: &str = "Các ngân hàng khác vẫn dùng bình thường.";

/// The question asked before removing the bank `title` from this device.
pub fn confirm_remove(title: &str) -> String {
    format!("Gỡ “{title}” khỏi máy này? Câu trả lời đã lưu vẫn được giữ.")
}

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
