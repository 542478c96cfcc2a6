//! The words of every diagnostic, in Vietnamese for trainers and English for developers.

use super::diagnostic::{Expected, Lang, Problem, Side};

fn expected(e: Expected, lang: Lang) -> &'static str {
    match (e, lang) {
        (Expected::Object, Lang::Vi) => "một đối tượng { … }",
        (Expected::Array, Lang::Vi) => "một danh sách [ … ]",
        (Expected::Text, Lang::Vi) => "một chuỗi văn bản trong ngoặc kép",
        (Expected::Integer, Lang::Vi) => "một số nguyên",
        (Expected::Boolean, Lang::Vi) => "true hoặc false",
        (Expected::Letters, Lang::Vi) => "một chữ cái (\"B\") hoặc danh sách chữ cái ([\"A\", \"C\"])",
        (Expected::Object, Lang::En) => "an object { … }",
        (Expected::Array, Lang::En) => "a list [ … ]",
        (Expected::Text, Lang::En) => "a string in double quotes",
        (Expected::Integer, Lang::En) => "a whole number",
        (Expected::Boolean, Lang::En) => "true or false",
        (Expected::Letters, Lang::En) => "a letter (\"B\") or a list of letters ([\"A\", \"C\"])",
    }
}

fn found_vi(found: &str) -> &'static str {
    match found {
        "object" => "một đối tượng",
        "array" => "một danh sách",
        "string" => "một chuỗi văn bản",
        "number" => "một số",
        "boolean" => "true/false",
        _ => "null",
    }
}

fn suggest(s: &Option<String>, lang: Lang) -> String {
    match (s, lang) {
        (Some(s), Lang::Vi) => format!(" Có phải ý bạn là “{s}”?"),
        (Some(s), Lang::En) => format!(" Did you mean \"{s}\"?"),
        (None, _) => String::new(),
    }
}

fn short(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() { format!("{head}…") } else { head }
}

/// The message for `problem` in `lang`.
pub fn message(problem: &Problem, lang: Lang) -> String {
    match lang {
        Lang::Vi => vi(problem),
        Lang::En => en(problem),
    }
}

fn vi(p: &Problem) -> String {
    use Problem::*;
    match p {
        EmptyFile => "Tệp trống: không có nội dung JSON nào.".into(),
        FileTooLarge { bytes, limit } => format!("Tệp quá lớn ({bytes} byte; tối đa {limit} byte). Hãy chia thành nhiều ngân hàng câu hỏi."),
        Utf16 => "Tệp được lưu bằng mã UTF-16. Hãy lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8).".into(),
        NotUtf8 => "Tệp không phải UTF-8 tại vị trí này. Có thể tệp được gõ bằng bảng mã cũ (TCVN3/ABC, VNI hoặc Windows-1258): hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi lưu bằng UTF-8.".into(),
        NulByte => "Tệp chứa ký tự rỗng (NUL, mã 0): có thể tệp bị hỏng hoặc không phải tệp văn bản.".into(),
        JsonSyntax { detail } => format!("JSON không hợp lệ ({detail}). Hãy kiểm tra dấu phẩy, dấu ngoặc kép và dấu ngoặc ở quanh vị trí này."),
        UnexpectedEnd => "Tệp kết thúc giữa chừng: còn thiếu dấu ngoặc đóng ] hoặc } hay dấu ngoặc kép.".into(),
        Comment => "JSON không cho phép chú thích (// hoặc /* */). Hãy xóa chú thích; có thể ghi chú trong phần “explanation”.".into(),
        TrailingContent => "Sau khi tài liệu JSON đã kết thúc vẫn còn nội dung: mỗi tệp chỉ chứa một tài liệu JSON. Có thể bạn đã dán hai tệp vào một, hoặc thừa dấu ngoặc đóng.".into(),
        TrailingComma => "Thừa dấu phẩy trước dấu ngoặc đóng: phần tử cuối cùng không có dấu phẩy sau nó.".into(),
        ControlCharacter => "Chuỗi văn bản chứa ký tự điều khiển (ví dụ xuống dòng hoặc tab gõ trực tiếp). Hãy viết \\n cho xuống dòng, hoặc viết trên một dòng.".into(),
        NumberOutOfRange => "Số quá lớn, không thể đọc được.".into(),
        TooDeep => "Các dấu ngoặc lồng nhau quá sâu; định dạng ngân hàng câu hỏi không cần lồng sâu như vậy.".into(),
        Unreadable { detail } => format!("Không đọc được tệp: {detail}."),
        WrongType { expected: e, found } => format!("Giá trị ở đây phải là {}, nhưng đang là {}.", expected(*e, Lang::Vi), found_vi(found)),
        UnknownField { field, suggestion } => format!("Trường “{field}” không có trong định dạng.{}", suggest(suggestion, Lang::Vi)),
        FieldNotForType { field, question_type } => format!("Trường “{field}” không dùng cho câu hỏi loại “{question_type}”."),
        MissingField { field } => format!("Thiếu trường bắt buộc “{field}”."),
        DuplicateKey { field } => format!("Trường “{field}” được viết hai lần trong cùng một mục; chỉ giữ một."),
        UnsupportedFormat { found } => format!("Định dạng phiên bản {found} chưa được ứng dụng này hỗ trợ (chỉ hỗ trợ phiên bản 1). Hãy cập nhật ứng dụng hoặc ghi \"format\": 1."),
        EmptyText => "Văn bản trống.".into(),
        NotNfc { fixed } => format!("Văn bản chưa ở dạng Unicode dựng sẵn (NFC), thường do gõ bằng bảng mã tổ hợp; trông giống nhau nhưng so sánh và tìm kiếm sẽ sai. Cách sửa: gõ lại hoặc thay bằng “{}” (đã chuẩn hóa).", short(fixed)),
        TextTooLong { chars, limit } => format!("Văn bản dài {chars} ký tự (nên dưới {limit}); người học đọc trên điện thoại."),
        Markup { found } => format!("Văn bản còn ký hiệu định dạng “{found}” (HTML, Markdown hoặc Moodle): ứng dụng hiện chữ y nguyên nên người học sẽ thấy ký hiệu này. Hãy xóa ký hiệu, chỉ giữ chữ."),
        BadId { id } => format!("Mã “{id}” không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “nq35-001”."),
        DuplicateId { id, first_line } => format!("Mã “{id}” bị trùng (đã dùng ở dòng {first_line}); mỗi mã phải là duy nhất."),
        UnknownType { found, suggestion } => format!("Loại câu hỏi “{found}” không tồn tại; các loại là single, multiple, true_false, fill_blank, ordering, matching.{}", suggest(suggestion, Lang::Vi)),
        NotALetter { found } => format!("“{found}” không phải chữ cái đáp án; hãy ghi một chữ cái in hoa như \"A\", \"B\"."),
        AnswerOutOfRange { letter, options } => format!("Đáp án “{letter}” không trỏ tới phương án nào: câu hỏi chỉ có {options} phương án (A–{}).", crate::model::index_letter(options.saturating_sub(1))),
        DuplicateLetter { letter } => format!("Đáp án “{letter}” được ghi hai lần."),
        SingleCorrectCount { count } => format!("Câu hỏi một đáp án (single) phải có đúng 1 đáp án đúng, nhưng có {count}. Nếu có nhiều đáp án đúng, hãy dùng loại “multiple”."),
        NoCorrectOption => "Câu hỏi không có đáp án đúng nào.".into(),
        AllOptionsCorrect => "Mọi phương án đều đúng: câu hỏi không phân biệt được người hiểu bài với người chọn hết.".into(),
        TooFewOptions { count, min } => format!("Cần ít nhất {min} phương án, mới có {count}."),
        DuplicateOption { text, first } => format!("Phương án “{}” trùng với phương án {}.", short(text), crate::model::index_letter(*first)),
        BlankMarker { count } => format!("Câu điền khuyết phải có đúng một chỗ trống viết là ___ (ba dấu gạch dưới) trong “prompt”, nhưng có {count}."),
        NoAcceptedAnswer => "Cần ít nhất một đáp án được chấp nhận trong “accepted”.".into(),
        UnitInBlank { answer, unit, number } => format!("Đáp án “{answer}” để cả đơn vị “{unit}” trong chỗ trống: người học gõ “{number}” sẽ bị chấm sai. Hãy viết “{unit}” ngay sau ___ trong “prompt” và chỉ ghi con số trong “accepted”."),
        TooFewItems { count, min } => format!("Câu hỏi này không thể trả lời: cần ít nhất {min} mục, mới có {count}."),
        DuplicateItem { text } => format!("Câu hỏi này không thể trả lời: mục “{}” xuất hiện hai lần nên không biết thứ tự nào là đúng.", short(text)),
        DuplicatePairSide { side, text } => format!("Câu hỏi này không thể trả lời: vế {} “{}” xuất hiện ở hai cặp.", if *side == Side::Left { "trái" } else { "phải" }, short(text)),
        OutOfRange { min, max } => format!("Giá trị phải là số nguyên từ {min} đến {max}."),
        BadDate { found } => format!("Ngày “{found}” không hợp lệ; hãy ghi dạng NNNN-TT-NN (ví dụ 2018-10-22), NNNN-TT hoặc NNNN."),
        NoQuestions => "Ngân hàng chưa có câu hỏi nào.".into(),
        UnknownMaterial { id, suggestion } => format!("Không có tài liệu nguồn mã “{id}” trong materials.json.{}", suggest(suggestion, Lang::Vi)),
        NoMaterialsList => "Không tìm thấy materials.json bên cạnh tệp này nên chưa kiểm tra được mã tài liệu nguồn.".into(),
        QuoteNotFound { material } => format!("Trích dẫn không có nguyên văn trong tài liệu “{material}”: hãy chép đúng từng chữ, dấu và khoảng trắng từ văn bản gốc (không dùng “…” để nối hai đoạn)."),
        QuoteTooLong { chars, limit } => format!("Trích dẫn dài {chars} ký tự; hãy trích ngắn (tối đa {limit} ký tự) đoạn đủ để chứng minh đáp án."),
        MaterialTextMissing { file } => format!("Không tìm thấy văn bản tài liệu “{file}” trong thư mục tài liệu."),
        MissingBankFile { file } => format!("Danh mục liệt kê tệp “{file}” nhưng không tìm thấy tệp này."),
        UnlistedBankFile { file } => format!("Tệp “{file}” không có trong danh mục (catalogue.json) nên ứng dụng sẽ không tải nó. Hãy thêm vào “banks” nếu muốn dùng."),
        DuplicateBankFile { file } => format!("Tệp “{file}” được liệt kê hai lần trong danh mục."),
        DuplicateBankId { id, other_file } => format!("Mã ngân hàng “{id}” trùng với ngân hàng trong tệp “{other_file}”."),
        BadFileName { file } => format!("Tên tệp “{file}” không hợp lệ: chỉ ghi tên tệp .json nằm cùng thư mục với danh mục."),
    }
}

fn en(p: &Problem) -> String {
    use Problem::*;
    match p {
        EmptyFile => "The file is empty: it holds no JSON.".into(),
        FileTooLarge { bytes, limit } => format!("The file is too large ({bytes} bytes; at most {limit}). Split it into several banks."),
        Utf16 => "The file is saved as UTF-16. Save it again as UTF-8.".into(),
        NotUtf8 => "The file is not UTF-8 here. It may be typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI or Windows-1258): convert it to Unicode and save as UTF-8.".into(),
        NulByte => "The file contains a NUL character (code 0): it may be damaged or not a text file.".into(),
        JsonSyntax { detail } => format!("Invalid JSON ({detail}). Check the commas, double quotes and brackets around here."),
        UnexpectedEnd => "The file ends too early: a closing ] or } or a double quote is missing.".into(),
        Comment => "JSON does not allow comments (// or /* */). Remove them; notes can go in \"explanation\".".into(),
        TrailingContent => "There is more content after the JSON document ended: one file holds one document. Two files may have been pasted together, or a closing bracket is extra.".into(),
        TrailingComma => "A comma stands before a closing bracket: the last element takes no comma.".into(),
        ControlCharacter => "A string contains a control character (a line break or tab typed directly). Write \\n for a line break, or keep it on one line.".into(),
        NumberOutOfRange => "The number is too large to read.".into(),
        TooDeep => "Brackets are nested too deeply; the bank format never needs such depth.".into(),
        Unreadable { detail } => format!("The file cannot be read: {detail}."),
        WrongType { expected: e, found } => format!("This value must be {}, but it is {found}.", expected(*e, Lang::En)),
        UnknownField { field, suggestion } => format!("The field \"{field}\" is not part of the format.{}", suggest(suggestion, Lang::En)),
        FieldNotForType { field, question_type } => format!("The field \"{field}\" is not used by questions of type \"{question_type}\"."),
        MissingField { field } => format!("The required field \"{field}\" is missing."),
        DuplicateKey { field } => format!("The field \"{field}\" is written twice in the same object; keep one."),
        UnsupportedFormat { found } => format!("Format version {found} is not supported by this app (only version 1). Update the app or write \"format\": 1."),
        EmptyText => "The text is empty.".into(),
        NotNfc { fixed } => format!("The text is not in Unicode NFC (often from a decomposed-mark keyboard); it looks the same but compares and searches wrongly. Fix: retype it or replace it with \"{}\" (normalized).", short(fixed)),
        TextTooLong { chars, limit } => format!("The text is {chars} characters long (keep it under {limit}); members read on phones."),
        Markup { found } => format!("The text still holds the markup \"{found}\" (HTML, Markdown or Moodle): the app shows text literally, so members would see it. Remove the markup, keep the words."),
        BadId { id } => format!("The id \"{id}\" is invalid: use lowercase ASCII letters, digits and hyphens, e.g. \"nq35-001\"."),
        DuplicateId { id, first_line } => format!("The id \"{id}\" is used twice (first on line {first_line}); ids must be unique."),
        UnknownType { found, suggestion } => format!("There is no question type \"{found}\"; the types are single, multiple, true_false, fill_blank, ordering, matching.{}", suggest(suggestion, Lang::En)),
        NotALetter { found } => format!("\"{found}\" is not an answer letter; write one capital letter such as \"A\" or \"B\"."),
        AnswerOutOfRange { letter, options } => format!("The answer \"{letter}\" points at no option: the question has only {options} options (A–{}).", crate::model::index_letter(options.saturating_sub(1))),
        DuplicateLetter { letter } => format!("The answer \"{letter}\" is written twice."),
        SingleCorrectCount { count } => format!("A single-answer question needs exactly 1 correct option, but has {count}. Use type \"multiple\" for several."),
        NoCorrectOption => "The question has no correct option.".into(),
        AllOptionsCorrect => "Every option is correct: the question cannot tell understanding from ticking everything.".into(),
        TooFewOptions { count, min } => format!("At least {min} options are needed; there are {count}."),
        DuplicateOption { text, first } => format!("The option \"{}\" repeats option {}.", short(text), crate::model::index_letter(*first)),
        BlankMarker { count } => format!("A fill-in question needs exactly one blank written ___ (three underscores) in \"prompt\"; it has {count}."),
        NoAcceptedAnswer => "At least one accepted answer is needed in \"accepted\".".into(),
        UnitInBlank { answer, unit, number } => format!("The accepted answer \"{answer}\" keeps the unit \"{unit}\" inside the blank: a member who types \"{number}\" is marked wrong. Write \"{unit}\" right after ___ in \"prompt\" and keep only the number in \"accepted\"."),
        TooFewItems { count, min } => format!("This question cannot be answered: it needs at least {min} items and has {count}."),
        DuplicateItem { text } => format!("This question cannot be answered: the item \"{}\" appears twice, so no order is the right one.", short(text)),
        DuplicatePairSide { side, text } => format!("This question cannot be answered: the {} side \"{}\" appears in two pairs.", if *side == Side::Left { "left" } else { "right" }, short(text)),
        OutOfRange { min, max } => format!("The value must be a whole number from {min} to {max}."),
        BadDate { found } => format!("The date \"{found}\" is invalid; write YYYY-MM-DD (e.g. 2018-10-22), YYYY-MM or YYYY."),
        NoQuestions => "The bank has no questions yet.".into(),
        UnknownMaterial { id, suggestion } => format!("There is no material \"{id}\" in materials.json.{}", suggest(suggestion, Lang::En)),
        NoMaterialsList => "No materials.json was found beside this file, so material ids were not checked.".into(),
        QuoteNotFound { material } => format!("The quote does not stand verbatim in material \"{material}\": copy every letter, mark and space from the source (do not join two passages with \"…\")."),
        QuoteTooLong { chars, limit } => format!("The quote is {chars} characters long; quote briefly (at most {limit}) just what proves the answer."),
        MaterialTextMissing { file } => format!("The material text \"{file}\" is not in the materials folder."),
        MissingBankFile { file } => format!("The catalogue lists \"{file}\" but the file is missing."),
        UnlistedBankFile { file } => format!("\"{file}\" is not listed in the catalogue (catalogue.json), so the app will not load it. Add it to \"banks\" to use it."),
        DuplicateBankFile { file } => format!("\"{file}\" is listed twice in the catalogue."),
        DuplicateBankId { id, other_file } => format!("The bank id \"{id}\" is also used by the bank in \"{other_file}\"."),
        BadFileName { file } => format!("The file name \"{file}\" is invalid: name a .json file in the catalogue's own folder."),
    }
}
