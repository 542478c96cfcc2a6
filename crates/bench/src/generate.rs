//! A deterministic generator of valid question banks of any size, with every question type and
//! Vietnamese text of the lengths trainers write (prompts of one or two sentences, options of a
//! few words, explanations of two or three sentences, quotes up to the 200-character limit).
//! The same `n` always gives the same bytes, so figures measured on it can be reproduced.

use ontap_core::draw::SplitMix64;
use ontap_core::model::{Bank, Letter, Letters, Pair, Question, QuestionKind, Source};

/// A material named in the shipped `questions/materials.json`, so the bank passes the checker
/// beside the shipped files.
pub const MATERIAL: &str = "btg-khoi-nam-dinh-2022";

/// The id of a generated bank.
pub fn bank_id(n: usize) -> String {
    format!("ngan-hang-lon-{n}")
}

/// The file name the generated bank is served and checked under.
pub fn file_name(n: usize) -> String {
    format!("{}.json", bank_id(n))
}

const WORDS: &[&str] = &[
    "Đảng",
    "Nhà nước",
    "nhân dân",
    "cán bộ",
    "đảng viên",
    "tổ chức",
    "cơ sở",
    "chính trị",
    "tư tưởng",
    "nền tảng",
    "bảo vệ",
    "đấu tranh",
    "phản bác",
    "quan điểm",
    "sai trái",
    "thù địch",
    "tuyên truyền",
    "giáo dục",
    "lý luận",
    "thực tiễn",
    "nghị quyết",
    "chỉ thị",
    "kết luận",
    "Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Đảng bộ Khối",
    "cơ quan",
    "doanh nghiệp",
    "chi bộ",
    "sinh hoạt",
    "phát triển",
    "kinh tế",
    "xã hội",
    "văn hóa",
    "quốc phòng",
    "an ninh",
    "đối ngoại",
    "hội nhập",
    "quốc tế",
    "đổi mới",
    "chủ nghĩa Mác - Lênin",
    "tư tưởng Hồ Chí Minh",
    "đạo đức",
    "phong cách",
    "học tập",
    "làm theo",
    "trách nhiệm",
    "nêu gương",
    "người đứng đầu",
    "cấp ủy",
    "kiểm tra",
    "giám sát",
    "kỷ luật",
    "tham nhũng",
    "tiêu cực",
    "lãng phí",
    "suy thoái",
    "tự diễn biến",
    "tự chuyển hóa",
    "đoàn kết",
    "thống nhất",
    "dân chủ",
    "tập trung",
    "pháp luật",
    "mạng xã hội",
    "thông tin",
    "báo chí",
    "dư luận",
    "niềm tin",
    "vững chắc",
    "kiên định",
    "mục tiêu",
    "độc lập dân tộc",
    "chủ nghĩa xã hội",
    "nhiệm vụ",
    "giải pháp",
    "năm 2023",
    "nhiệm kỳ",
    "Đại hội XIII",
    "kỷ niệm",
    "truyền thống",
    "lịch sử",
];

const TAGS: &[&str] =
    &["35-NQ/TW", "xây dựng Đảng", "tuyên giáo", "đối ngoại", "ngày lễ lớn", "kinh tế", "văn hóa", "quốc phòng"];

/// Text of `min..=max` characters (about: whole words) from the word list, starting with a
/// capital letter.
fn text(rng: &mut SplitMix64, min: usize, max: usize) -> String {
    let chars = min + rng.below(max - min + 1);
    let mut out = String::new();
    while out.chars().count() < chars {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(WORDS[rng.below(WORDS.len())]);
    }
    let mut letters = out.chars();
    let first = letters.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    first + letters.as_str()
}

/// `count` distinct texts of `min..=max` characters (numbered, so they never collide).
fn distinct(rng: &mut SplitMix64, count: usize, min: usize, max: usize) -> Vec<String> {
    (0..count).map(|i| format!("{} ({})", text(rng, min, max), i + 1)).collect()
}

fn letter(i: usize) -> Letter {
    Letter(char::from(b'A' + i as u8).to_string())
}

/// The type-specific part of question `i`: the six types in turn.
fn kind(rng: &mut SplitMix64, i: usize) -> QuestionKind {
    match i % 6 {
        0 => {
            let options = distinct(rng, 4, 15, 60);
            QuestionKind::Single { correct: Letters::One(letter(rng.below(4))), options }
        }
        1 => {
            let options = distinct(rng, 5, 15, 60);
            let first = rng.below(5);
            let second = (first + 1 + rng.below(3)) % 5;
            let mut picked = [first, second];
            picked.sort_unstable();
            QuestionKind::Multiple { correct: Letters::Many(picked.into_iter().map(letter).collect()), options }
        }
        2 => QuestionKind::TrueFalse { answer: rng.below(2) == 0 },
        3 => QuestionKind::FillBlank { accepted: distinct(rng, 2, 5, 20), strict_diacritics: false },
        4 => QuestionKind::Ordering { items: distinct(rng, 4, 15, 50) },
        _ => {
            let left = distinct(rng, 4, 15, 40);
            let right = distinct(rng, 4, 5, 20);
            QuestionKind::Matching {
                pairs: left.into_iter().zip(right).map(|(left, right)| Pair { left, right }).collect(),
            }
        }
    }
}

fn question(rng: &mut SplitMix64, i: usize) -> Question {
    let kind = kind(rng, i);
    let mut prompt = text(rng, 60, 200);
    prompt.push_str(if matches!(kind, QuestionKind::FillBlank { .. }) { " là ___." } else { "?" });
    let tags = vec![TAGS[i % TAGS.len()].to_owned(), format!("chủ đề {}", i % 50 + 1)];
    Question {
        id: format!("nhl-{:05}", i + 1).as_str().into(),
        prompt,
        kind,
        explanation: format!("{}.", text(rng, 100, 300)),
        source: Source { material: MATERIAL.into(), quote: text(rng, 60, 170) },
        tags,
        difficulty: (1 + rng.below(3)) as u8,
        shuffle: true,
    }
}

/// A valid bank of `n` questions (types in turn: single, multiple, true_false, fill_blank,
/// ordering, matching), the same for the same `n`.
pub fn bank(n: usize) -> Bank {
    let mut rng = SplitMix64::new(n as u64);
    Bank {
        schema: Some("schema/bank.schema.json".into()),
        format: 1,
        id: bank_id(n).as_str().into(),
        title: format!("Ngân hàng lớn ({n} câu hỏi sinh tự động để đo hiệu năng)"),
        description: "Câu hỏi sinh tự động, chỉ dùng để đo tốc độ đọc, kiểm tra và chấm điểm.".into(),
        version: 1,
        questions: (0..n).map(|i| question(&mut rng, i)).collect(),
    }
}

/// The bank as a trainer's file: pretty-printed JSON, two-space indents, like the shipped banks.
pub fn bank_json(n: usize) -> String {
    let mut text = serde_json::to_string_pretty(&bank(n)).expect("a bank serializes");
    text.push('\n');
    text
}
