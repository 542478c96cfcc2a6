//! The result code a member sends the exam's organiser (“Gửi kết quả cho người tổ chức”): the
//! exam's settings and seed, a fingerprint of the questions drawn (the bank version), the
//! member's name, every answer, the start and end times and a CRC-32, as text safe to paste in
//! any chat app: `ONTAP1-` and Crockford base32 (digits and capitals without I, L, O, U; read
//! back in any case, with O as 0 and I, L as 1). It never holds the score: the organiser's page
//! recomputes it from the answers and the bank.
//!
//! The bytes, each number an unsigned LEB128: seed, count, minutes, pass mark, banks, tags
//! (each a count then strings), the exam's version (4 bytes), the name, the start (seconds
//! since the epoch), the time taken (seconds), the answers (a count then one per question, see
//! [`put_response`]), then the CRC-32 of all that (4 bytes, least significant first, so the
//! whole is one CRC codeword). A string is its UTF-8 length and bytes. CRC-32 catches every change of up to 32 consecutive bits, so any one character
//! changed, dropped, added or two swapped is caught.

use crate::draw::Filter;
use crate::exam::Exam;
use crate::fnv::fnv1a;
use crate::ids::BankId;
use crate::library::Library;
use crate::progress::record::fingerprint;
use crate::route::ExamSpec;
use crate::score::Response;

/// What every code starts with; the digit is the format's version.
pub const PREFIX: &str = "ONTAP1-";
/// Crockford's base32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The longest name kept in a code, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// The longest typed answer kept in a code, in bytes (longer ones are cut at a character).
const MAX_TEXT_BYTES: usize = 200;

/// One member's submitted exam, as the code carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultCode {
    /// The exam's settings and seed.
    pub spec: ExamSpec,
    /// Fingerprint of the questions drawn ([`exam_version`]).
    pub version: u32,
    /// The member's name as typed.
    pub name: String,
    /// The answers in exam order (file indices, as [`Response`] holds them).
    pub answers: Vec<Option<Response>>,
    /// When the exam started, in seconds since the epoch.
    pub started_s: u64,
    /// Time taken, in seconds.
    pub taken_s: u64,
}

/// Why a code cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    /// A character was changed, lost or added (the checksum does not match), or it was cut.
    Damaged,
    /// Made by a newer version of the app.
    Newer,
}

impl CodeError {
    /// What the organiser reads.
    pub fn message(self) -> &'static str {
        match self {
            CodeError::Damaged => "Mã bị hỏng (sai, thiếu hoặc thừa ký tự khi chép): xin người gửi chép lại.",
            CodeError::Newer => "Mã do phiên bản mới hơn của ứng dụng tạo ra: hãy tải lại trang này rồi thử lại.",
        }
    }
}

/// The version of the exam a member took: a fingerprint of its questions (ids and what each
/// asks, as progress fingerprints them), so an edited or re-drawn question shows. Explanations
/// and sources may change freely.
pub fn exam_version(library: &Library, exam: &Exam) -> u32 {
    let mut text = String::new();
    for item in &exam.items {
        let fp = library.question(&item.question).map_or(0, fingerprint);
        text.push_str(&format!("{}/{}/{fp};", item.question.bank, item.question.question));
    }
    fnv1a(text.bytes()) as u32
}

impl ResultCode {
    /// The code for `exam` (submitted or not) taken by `name`.
    pub fn of_exam(library: &Library, exam: &Exam, name: &str) -> ResultCode {
        let answers = exam.items.iter().map(|i| i.response.clone().map(canonical)).collect();
        let started_s = (exam.started_ms.max(0.0) / 1000.0).floor() as u64;
        let end = exam.submitted_ms.unwrap_or(exam.started_ms);
        ResultCode {
            spec: exam.spec.clone(),
            version: exam_version(library, exam),
            name: name.trim().chars().take(MAX_NAME_CHARS).collect(),
            answers,
            started_s,
            taken_s: ((end - exam.started_ms).max(0.0) / 1000.0).round() as u64,
        }
    }

    /// The code's text: [`PREFIX`] and base32.
    pub fn encode(&self) -> String {
        let mut b = Vec::new();
        put(&mut b, self.spec.seed);
        put(&mut b, self.spec.count as u64);
        put(&mut b, u64::from(self.spec.minutes));
        put(&mut b, u64::from(self.spec.pass_percent));
        put_strings(&mut b, self.spec.filter.banks.iter().map(BankId::as_str));
        put_strings(&mut b, self.spec.filter.tags.iter().map(String::as_str));
        b.extend(self.version.to_be_bytes());
        put_str(&mut b, &self.name);
        put(&mut b, self.started_s);
        put(&mut b, self.taken_s);
        put(&mut b, self.answers.len() as u64);
        for a in &self.answers {
            put_response(&mut b, a.as_ref());
        }
        b.extend(crc32(&b).to_le_bytes());
        format!("{PREFIX}{}", base32(&b))
    }

    /// Reads a code (as [`find_codes`] gives it, or typed: any case, surrounding spaces).
    pub fn decode(text: &str) -> Result<ResultCode, CodeError> {
        let text = text.trim();
        let head = text.get(..PREFIX.len()).ok_or(CodeError::Damaged)?;
        if !head.eq_ignore_ascii_case(PREFIX) {
            let newer = head.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("ONTAP"))
                && head[5..].bytes().next().is_some_and(|d| d.is_ascii_digit() && d > b'1');
            return Err(if newer { CodeError::Newer } else { CodeError::Damaged });
        }
        let bytes = unbase32(&text[PREFIX.len()..]).ok_or(CodeError::Damaged)?;
        let (body, sum) = bytes.split_at(bytes.len().checked_sub(4).ok_or(CodeError::Damaged)?);
        if crc32(body).to_le_bytes() != sum {
            return Err(CodeError::Damaged);
        }
        read_body(&mut Reader(body)).ok_or(CodeError::Damaged)
    }

    /// The time taken, in ms.
    pub fn taken_ms(&self) -> f64 {
        self.taken_s as f64 * 1000.0
    }

    /// When the exam started, in ms since the epoch.
    pub fn started_ms(&self) -> f64 {
        self.started_s as f64 * 1000.0
    }
}

/// The answer as a code holds it: picked options sorted and without repeats (scoring ignores
/// their order), typed text cut to [`MAX_TEXT_BYTES`].
fn canonical(r: Response) -> Response {
    match r {
        Response::Choice(mut picked) => {
            picked.retain(|&i| i < 60);
            picked.sort_unstable();
            picked.dedup();
            Response::Choice(picked)
        }
        Response::Text(t) => {
            let mut end = t.len().min(MAX_TEXT_BYTES);
            while !t.is_char_boundary(end) {
                end -= 1;
            }
            Response::Text(t[..end].to_owned())
        }
        other => other,
    }
}

/// Every code in `text` (a chat history, an e-mail), in order, as found: `ONTAP`, a version
/// digit, `-`, then the longest run of base32 characters.
pub fn find_codes(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 7 <= bytes.len() {
        let head = &bytes[i..i + 7];
        let starts = head[..5].eq_ignore_ascii_case(b"ONTAP") && head[5].is_ascii_digit() && head[6] == b'-';
        let after_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if starts && after_word {
            let end = i + 7 + bytes[i + 7..].iter().take_while(|&&b| digit(b).is_some()).count();
            found.push(&text[i..end]);
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

fn read_body(r: &mut Reader) -> Option<ResultCode> {
    let seed = r.number()?;
    let count = usize::try_from(r.number()?).ok()?;
    let minutes = u32::try_from(r.number()?).ok()?;
    let pass_percent = u32::try_from(r.number()?).ok()?;
    let banks = r.strings()?.into_iter().map(BankId).collect();
    let tags = r.strings()?;
    let version = u32::from_be_bytes(r.take(4)?.try_into().ok()?);
    let name = r.string()?;
    let started_s = r.number()?;
    let taken_s = r.number()?;
    let n = r.length()?;
    let answers = (0..n).map(|_| r.response()).collect::<Option<Vec<_>>>()?;
    let spec = ExamSpec { filter: Filter { banks, tags }, count, minutes, pass_percent, seed };
    r.0.is_empty().then_some(ResultCode { spec, version, name, answers, started_s, taken_s })
}

fn put(b: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        b.push((n as u8) | 0x80);
        n >>= 7;
    }
    b.push(n as u8);
}

fn put_str(b: &mut Vec<u8>, s: &str) {
    put(b, s.len() as u64);
    b.extend(s.as_bytes());
}

fn put_strings<'a>(b: &mut Vec<u8>, list: impl ExactSizeIterator<Item = &'a str>) {
    put(b, list.len() as u64);
    for s in list {
        put_str(b, s);
    }
}

/// One answer: its kind in the low 3 bits of the first number (0 none, 1 options as a bit
/// mask above them, 2 true/false likewise, 3 text, 4 an ordering, 5 a matching), then its parts.
fn put_response(b: &mut Vec<u8>, r: Option<&Response>) {
    match r {
        None => put(b, 0),
        Some(Response::Choice(picked)) => {
            let mask = picked.iter().filter(|&&i| i < 60).fold(0u64, |m, &i| m | 1 << i);
            put(b, mask << 3 | 1);
        }
        Some(Response::TrueFalse(v)) => put(b, u64::from(*v) << 3 | 2),
        Some(Response::Text(t)) => {
            put(b, 3);
            put_str(b, t);
        }
        Some(Response::Order(order)) => {
            put(b, 4);
            put(b, order.len() as u64);
            order.iter().for_each(|&i| put(b, i as u64));
        }
        Some(Response::Match(chosen)) => {
            put(b, 5);
            put(b, chosen.len() as u64);
            chosen.iter().for_each(|c| put(b, c.map_or(0, |i| i as u64 + 1)));
        }
    }
}

/// Reads the bytes of a code, refusing anything out of shape (never panics, never allocates
/// more than the bytes left can hold).
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }

    fn number(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.take(1)?.first()?;
            n |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A count of things still to read: never more than the bytes left.
    fn length(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok().filter(|&n| n <= self.0.len())
    }

    fn string(&mut self) -> Option<String> {
        let n = self.length()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.length()?;
        (0..n).map(|_| self.string()).collect()
    }

    fn index(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok()
    }

    fn response(&mut self) -> Option<Option<Response>> {
        let head = self.number()?;
        Some(Some(match (head & 7, head >> 3) {
            (0, 0) => return Some(None),
            (1, mask) => Response::Choice((0..60).filter(|i| mask & (1 << i) != 0).collect()),
            (2, v @ (0 | 1)) => Response::TrueFalse(v == 1),
            (3, 0) => Response::Text(self.string()?),
            (4, 0) => {
                let n = self.length()?;
                Response::Order((0..n).map(|_| self.index()).collect::<Option<_>>()?)
            }
            (5, 0) => {
                let n = self.length()?;
                let chosen = (0..n).map(|_| self.index().map(|c| c.checked_sub(1))).collect::<Option<_>>()?;
                Response::Match(chosen)
            }
            _ => return None,
        }))
    }
}

/// CRC-32 (IEEE 802.3, as zip and PNG use it).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[(acc >> bits) as usize & 31]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[(acc << (5 - bits)) as usize & 31]));
    }
    out
}

/// The value of a base32 character, read as Crockford allows (any case; O is 0, I and L are 1).
fn digit(c: u8) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        c => c,
    };
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The bytes of base32 text; `None` for a character outside the alphabet or padding bits that
/// are not zero (so every character counts).
fn unbase32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        acc = (acc << 5) | digit(c)?;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    (bits < 5 && acc == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::sample_bank;
    use proptest::prelude::*;

    fn library() -> Library {
        Library::new(vec![sample_bank()], vec![])
    }

    fn spec(seed: u64) -> ExamSpec {
        ExamSpec {
            count: 6,
            minutes: 10,
            filter: Filter { banks: vec!["mau".into()], tags: vec![] },
            ..ExamSpec::with_seed(seed)
        }
    }

    /// A submitted exam with an answer of every kind the sample bank has (the right one).
    fn taken(seed: u64) -> Exam {
        let lib = library();
        let mut exam = Exam::start(&lib, spec(seed), 1_764_000_000_500.0);
        for i in 0..exam.items.len() - 1 {
            let q = lib.question(&exam.items[i].question).unwrap();
            exam.respond(i, Some(crate::score::right_response(&q.kind)));
        }
        exam.submit(1_764_000_125_400.0);
        exam
    }

    #[test]
    fn crc32_matches_the_published_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn a_code_round_trips_and_never_holds_the_score() {
        let lib = library();
        let exam = taken(12345);
        let code = ResultCode::of_exam(&lib, &exam, "  Nguyễn Văn An ");
        assert_eq!(code.name, "Nguyễn Văn An");
        assert_eq!((code.started_s, code.taken_s), (1_764_000_000, 125));
        assert_eq!(code.answers.len(), 6);
        assert_eq!(code.answers[5], None, "the last question was left unanswered");
        let text = code.encode();
        assert!(text.starts_with(PREFIX), "{text}");
        assert!(text[PREFIX.len()..].bytes().all(|b| ALPHABET.contains(&b)), "{text}");
        assert_eq!(ResultCode::decode(&text), Ok(code.clone()));
        assert_eq!(ResultCode::decode(&text.to_lowercase()), Ok(code.clone()), "any case");
        // The same exam with other answers scores differently, but its code differs only in the answers.
        assert!(text.len() < 140, "short enough for a chat message and a small QR code: {}", text.len());
    }

    #[test]
    fn the_version_follows_what_the_questions_ask() {
        let lib = library();
        let exam = taken(7);
        let v = exam_version(&lib, &exam);
        let mut bank = sample_bank();
        bank.questions.iter_mut().for_each(|q| q.explanation.push_str(" Thêm."));
        assert_eq!(exam_version(&Library::new(vec![bank.clone()], vec![]), &exam), v, "explanations may change");
        bank.questions.iter_mut().for_each(|q| q.prompt.push_str(" (sửa)"));
        assert_ne!(exam_version(&Library::new(vec![bank], vec![]), &exam), v);
    }

    #[test]
    fn codes_are_found_inside_chat_text() {
        let lib = library();
        let a = ResultCode::of_exam(&lib, &taken(1), "An").encode();
        let b = ResultCode::of_exam(&lib, &taken(2), "Bình").encode();
        let chat = format!("[20:01] An: {a}\n[20:02] Bình: em gửi ạ:{b}. Cảm ơn anh!\nXONTAP1-ABC không phải mã");
        assert_eq!(find_codes(&chat), vec![a.as_str(), b.as_str()]);
        assert_eq!(find_codes("không có mã nào"), Vec::<&str>::new());
        assert_eq!(find_codes("ONTAP1-"), vec!["ONTAP1-"]);
        assert_eq!(ResultCode::decode("ONTAP1-"), Err(CodeError::Damaged));
    }

    #[test]
    fn damaged_and_newer_codes_are_named() {
        let text = ResultCode::of_exam(&library(), &taken(3), "An").encode();
        assert_eq!(ResultCode::decode(&text[..text.len() - 1]), Err(CodeError::Damaged), "cut");
        assert_eq!(ResultCode::decode(&format!("{text}0")), Err(CodeError::Damaged), "one character added");
        assert_eq!(ResultCode::decode(&text.replacen("ONTAP1", "ONTAP2", 1)), Err(CodeError::Newer));
        assert_eq!(ResultCode::decode("xin chào"), Err(CodeError::Damaged));
        assert_eq!(ResultCode::decode(""), Err(CodeError::Damaged));
    }

    fn response() -> impl Strategy<Value = Option<Response>> {
        prop_oneof![
            Just(None),
            proptest::collection::btree_set(0usize..26, 0..6)
                .prop_map(|s| Some(Response::Choice(s.into_iter().collect()))),
            any::<bool>().prop_map(|b| Some(Response::TrueFalse(b))),
            "\\PC{0,20}".prop_map(|t| Some(Response::Text(t))),
            proptest::collection::vec(0usize..300, 0..8).prop_map(|o| Some(Response::Order(o))),
            proptest::collection::vec(proptest::option::of(0usize..300), 0..8).prop_map(|m| Some(Response::Match(m))),
        ]
    }

    fn code() -> impl Strategy<Value = ResultCode> {
        (
            any::<u64>(),
            (1usize..500, 1u32..600, 1u32..101),
            proptest::collection::vec("[a-z0-9]{1,8}", 0..3),
            proptest::collection::vec("\\PC{1,12}", 0..3),
            any::<u32>(),
            "\\PC{0,30}",
            (any::<u64>(), 0u64..100_000),
            proptest::collection::vec(response(), 0..40),
        )
            .prop_map(
                |(seed, (count, minutes, pass_percent), banks, tags, version, name, (started_s, taken_s), answers)| {
                    let filter = Filter { banks: banks.into_iter().map(BankId).collect(), tags };
                    ResultCode {
                        spec: ExamSpec { filter, count, minutes, pass_percent, seed },
                        version,
                        name,
                        answers,
                        started_s,
                        taken_s,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn any_code_round_trips(code in code()) {
            let text = code.encode();
            prop_assert_eq!(ResultCode::decode(&text), Ok(code));
            let chat = format!("mã: {text}\n");
            prop_assert_eq!(find_codes(&chat), vec![text.as_str()]);
        }

        #[test]
        fn one_character_changed_is_rejected(code in code(), at in any::<prop::sample::Index>(), with in 0usize..32) {
            let text = code.encode();
            let at = PREFIX.len() + at.index(text.len() - PREFIX.len());
            let old = text.as_bytes()[at];
            let new = ALPHABET[with];
            prop_assume!(old != new);
            let changed = format!("{}{}{}", &text[..at], char::from(new), &text[at + 1..]);
            prop_assert_eq!(ResultCode::decode(&changed), Err(CodeError::Damaged));
        }

        #[test]
        fn two_neighbours_swapped_are_rejected(code in code(), at in any::<prop::sample::Index>()) {
            let text = code.encode();
            let at = PREFIX.len() + at.index(text.len() - PREFIX.len() - 1);
            let b = text.as_bytes();
            prop_assume!(b[at] != b[at + 1]);
            let swapped = format!("{}{}{}{}", &text[..at], char::from(b[at + 1]), char::from(b[at]), &text[at + 2..]);
            prop_assert_eq!(ResultCode::decode(&swapped), Err(CodeError::Damaged));
        }

        #[test]
        fn any_text_is_read_without_panicking(text in "\\PC{0,80}") {
            for found in find_codes(&text) {
                let _ = ResultCode::decode(found);
            }
            let _ = ResultCode::decode(&text);
        }
    }
}
