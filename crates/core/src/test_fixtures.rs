//! Fixtures shared by the core's unit tests: one small valid bank with every question type.

use crate::model::Bank;

/// A valid bank file's text, one question of each type (plus a second `single`).
pub const SAMPLE_BANK: &str = r#"{
  "$schema": "schema/bank.schema.json",
  "format": 1,
  "id": "mau",
  "title": "Ngân hàng mẫu",
  "description": "Mỗi loại câu hỏi một câu.",
  "version": 1,
  "questions": [
    {
      "id": "mau-001",
      "type": "single",
      "prompt": "Nghị quyết 35-NQ/TW do cơ quan nào ban hành?",
      "options": ["Bộ Chính trị", "Ban Bí thư", "Quốc hội", "Chính phủ"],
      "correct": "A",
      "explanation": "Nghị quyết 35-NQ/TW là của Bộ Chính trị.",
      "source": { "material": "tai-lieu", "quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018 của Bộ Chính trị" },
      "tags": ["35-NQ/TW"],
      "difficulty": 1
    },
    {
      "id": "mau-002",
      "type": "multiple",
      "prompt": "Những từ nào có trong phương châm (chọn tất cả đáp án đúng)?",
      "options": ["chủ động", "kịp thời", "thận trọng", "hiệu quả"],
      "correct": ["A", "B", "D"],
      "explanation": "Phương châm là chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả.",
      "source": { "material": "tai-lieu", "quote": "chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả" },
      "tags": ["35-NQ/TW", "phương châm"],
      "difficulty": 2
    },
    {
      "id": "mau-003",
      "type": "true_false",
      "prompt": "Nghị quyết 35-NQ/TW được ban hành ngày 22/10/2018.",
      "answer": true,
      "explanation": "Đúng ngày ghi trong văn bản.",
      "source": { "material": "tai-lieu", "quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018" },
      "tags": ["35-NQ/TW"],
      "difficulty": 1
    },
    {
      "id": "mau-004",
      "type": "fill_blank",
      "prompt": "chủ động - kịp thời - ___ - sáng tạo - hiệu quả",
      "accepted": ["linh hoạt"],
      "explanation": "Từ thứ ba của phương châm là linh hoạt.",
      "source": { "material": "tai-lieu", "quote": "chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả" },
      "tags": ["phương châm"],
      "difficulty": 2
    },
    {
      "id": "mau-005",
      "type": "ordering",
      "prompt": "Sắp xếp các từ theo đúng thứ tự của phương châm:",
      "items": ["chủ động", "kịp thời", "linh hoạt", "sáng tạo", "hiệu quả"],
      "explanation": "Thứ tự như trong văn bản.",
      "source": { "material": "tai-lieu", "quote": "chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả" },
      "tags": ["phương châm"],
      "difficulty": 3
    },
    {
      "id": "mau-006",
      "type": "matching",
      "prompt": "Nối văn bản với cơ quan ban hành:",
      "pairs": [
        { "left": "35-NQ/TW", "right": "Bộ Chính trị" },
        { "left": "25-CT/TW", "right": "Ban Bí thư" },
        { "left": "05-NQ/ĐUK", "right": "Đảng ủy Khối" }
      ],
      "explanation": "Mỗi văn bản ghi rõ cơ quan ban hành.",
      "source": { "material": "tai-lieu", "quote": "Nghị quyết số 35-NQ/TW ngày 22-10-2018 của Bộ Chính trị" },
      "tags": ["35-NQ/TW"],
      "difficulty": 2
    },
    {
      "id": "mau-007",
      "type": "single",
      "prompt": "Phương châm có mấy từ?",
      "options": ["Ba", "Bốn", "Năm", "Sáu"],
      "correct": "C",
      "explanation": "Năm từ.",
      "source": { "material": "tai-lieu", "quote": "chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả" },
      "tags": ["phương châm"],
      "difficulty": 1,
      "shuffle": false
    }
  ]
}
"#;

/// A material text the sample bank's quotes stand in.
pub const SAMPLE_MATERIAL_TEXT: &str = "Thực hiện Nghị quyết số 35-NQ/TW ngày 22-10-2018 của Bộ Chính trị theo phương châm\n“chủ động - kịp thời - linh hoạt - sáng tạo - hiệu quả”.";

/// A materials list naming the sample material.
pub const SAMPLE_MATERIALS: &str = r#"{
  "format": 1,
  "materials": [
    { "id": "tai-lieu", "title": "Tài liệu mẫu", "issuer": "Ban Chỉ đạo 35", "date": "2024", "text_file": "mau.txt" }
  ]
}"#;

/// The sample bank, parsed.
pub fn sample_bank() -> Bank {
    serde_json::from_str(SAMPLE_BANK).expect("the sample bank parses")
}
