//! Moodle GIFT, the subset that maps onto the bank format: multiple choice (`=` right, `~`
//! wrong), multiple answers (`~%50%`), true/false (`{T}`, `{TRUE}`, `{F}`, `{FALSE}`), short
//! answer (`{=a =b}`) and matching (`{=x -> y}`); with `// comments`, `::title::`,
//! `$CATEGORY:` (its last part becomes a tag), feedback `#…` and general feedback `####…`
//! (both become the explanation; for true/false the general feedback, else the right answer's),
//! Moodle's format markers `[html]`, `[moodle]`, `[plain]`, `[markdown]` anywhere (HTML made
//! plain text, see `markup.rs`), and the escapes
//! `\~ \= \# \{ \} \: \\ \n`. Questions are separated by blank lines; an answer block in the
//! middle of the text (“missing word”) becomes a `___` blank.
//!
//! Numerical (`{#…}`), essay (`{}`) and description (no braces) questions are reported by
//! line as not supported, never dropped silently; so are partial-credit weights the app cannot
//! score.

use super::{Draft, Note, Parsed, choice, clean};
use ontap_core::model::{Pair, QuestionKind};

/// One character of a question block: whether it was escaped, and its line.
#[derive(Debug, Clone, Copy)]
struct Ch {
    c: char,
    escaped: bool,
    line: usize,
}

/// Reads GIFT.
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut parsed = Parsed::default();
    let mut category: Option<String> = None;
    let mut number = 0;
    for block in blocks(text) {
        let (first_line, first) = block[0];
        let mut lines = &block[..];
        if let Some(path) = first.trim().strip_prefix("$CATEGORY:") {
            let last = path.rsplit('/').next().unwrap_or_default();
            category = Some(clean(last)).filter(|c| !c.is_empty());
            lines = &block[1..];
            if lines.is_empty() {
                continue;
            }
        }
        number += 1;
        let chars = unescape(lines);
        if let Some(mut draft) = question(&chars, first_line, number, &mut parsed.notes) {
            draft.tags.extend(category.clone());
            parsed.drafts.push(draft);
        }
    }
    parsed
}

/// Whether the `{…}` on `line` reads as GIFT answers: `=`/`~` answers, `T`/`F`, `#` numbers.
pub fn looks_like_answers(line: &str) -> bool {
    let Some((_, inside)) = line.split_once('{') else { return false };
    let inside = inside.rsplit_once('}').map_or(inside, |(i, _)| i).trim();
    inside.starts_with(['=', '~', '#'])
        || matches!(inside.to_uppercase().split('#').next().unwrap_or_default().trim(), "T" | "F" | "TRUE" | "FALSE")
}

/// Lines grouped into question blocks: separated by blank lines, `//` comment lines left out.
fn blocks(text: &str) -> Vec<Vec<(usize, &str)>> {
    let mut out: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut current: Vec<(usize, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        current.push((i + 1, line));
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The block's characters with escapes resolved (`\n` becomes a space).
fn unescape(lines: &[(usize, &str)]) -> Vec<Ch> {
    let mut out = Vec::new();
    for (line, text) in lines {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().copied()) {
                ('\\', Some(next @ ('~' | '=' | '#' | '{' | '}' | ':' | '\\'))) => {
                    chars.next();
                    out.push(Ch { c: next, escaped: true, line: *line });
                }
                ('\\', Some('n')) => {
                    chars.next();
                    out.push(Ch { c: ' ', escaped: true, line: *line });
                }
                _ => out.push(Ch { c, escaped: false, line: *line }),
            }
        }
        out.push(Ch { c: '\n', escaped: false, line: *line });
    }
    out
}

/// The text of `chars`, plain (Moodle's format markers, HTML and Markdown emphasis removed) and clean.
fn text_of(chars: &[Ch]) -> String {
    clean(&ontap_core::markup::plain(&chars.iter().map(|c| c.c).collect::<String>()))
}

/// Where an unescaped `needle` starts in `chars`, from `from` on.
fn find(chars: &[Ch], needle: &str, from: usize) -> Option<usize> {
    let n: Vec<char> = needle.chars().collect();
    (from..chars.len().saturating_sub(n.len() - 1))
        .find(|&i| n.iter().enumerate().all(|(k, c)| chars[i + k].c == *c && !chars[i + k].escaped))
}

fn question(chars: &[Ch], line: usize, number: usize, notes: &mut Vec<Note>) -> Option<Draft> {
    let mut start = chars.iter().position(|c| !c.c.is_whitespace()).unwrap_or(0);
    // ::title:: (the app has no place for it)
    if find(chars, "::", start) == Some(start) {
        match find(chars, "::", start + 2) {
            Some(end) => start = end + 2,
            None => {
                notes.push(
                    Note::error(line, "Tên câu hỏi mở bằng “::” nhưng không đóng bằng “::”.")
                        .en("The question's title opens with \"::\" but is not closed by \"::\"."),
                );
                return None;
            }
        }
    }
    let body = &chars[start..];
    let Some(open) = find(body, "{", 0) else {
        let shown = short(&text_of(body));
        notes.push(
            Note::error(
                line,
                format!(
                    "Không có phần đáp án {{…}}: câu mô tả (description) chưa được hỗ trợ, không được nhập: “{shown}”."
                ),
            )
            .en(format!(
                "No {{…}} answer part: description items are not supported and were not imported: \"{shown}\"."
            )),
        );
        return None;
    };
    let Some(close) = find(body, "}", open + 1) else {
        notes.push(
            Note::error(body[open].line, "Mở “{” mà không đóng “}”; câu này không được nhập.")
                .en("A \"{\" is opened and never closed by \"}\"; the question was not imported."),
        );
        return None;
    };
    if let Some(again) = find(body, "{", close + 1) {
        notes.push(
            Note::error(body[again].line, "Câu có hơn một phần đáp án {…} chưa được hỗ trợ; câu này không được nhập.")
                .en("Questions with more than one {…} answer part are not supported; the question was not imported."),
        );
        return None;
    }
    let before = text_of(&body[..open]);
    let after = text_of(&body[close + 1..]);
    let inside = &body[open + 1..close];
    let trimmed = text_of(inside);
    let with_blank = || {
        let gap = if after.starts_with(['.', ',', ';', ':', '!', '?', ')']) { "" } else { " " };
        clean(&format!("{before} ___{gap}{after}"))
    };
    let joined = || clean(&format!("{before} {after}"));
    if trimmed.is_empty() {
        notes.push(
            Note::error(line, "Câu tự luận (essay, “{}”) chưa được hỗ trợ; câu này không được nhập.")
                .en("Essay questions (\"{}\") are not supported; the question was not imported."),
        );
        return None;
    }
    if trimmed.starts_with('#') {
        notes.push(
            Note::error(line, "Câu số (numerical) chưa được hỗ trợ; câu này không được nhập.")
                .en("Numerical questions are not supported; the question was not imported."),
        );
        return None;
    }
    // General feedback `####…`
    let (inside, general) = match find(inside, "####", 0) {
        Some(i) => (&inside[..i], Some(text_of(&inside[i + 4..]))),
        None => (inside, None),
    };
    let mut feedback: Vec<String> = general.into_iter().filter(|g| !g.is_empty()).collect();
    let head = text_of(&inside[..find(inside, "#", 0).unwrap_or(inside.len())]);
    let (prompt, kind) = if let Some(answer) = true_false(&head) {
        // `{T#shown after a wrong answer#shown after a right one####general}`: the general
        // feedback explains; without it, the right answer's, then the wrong one's; never
        // Moodle's own “You gave the right answer”.
        let parts: Vec<String> = split_on(inside, '#')
            .into_iter()
            .skip(1)
            .map(text_of)
            .filter(|t| !t.is_empty() && !t.starts_with("You gave the"))
            .collect();
        if feedback.is_empty() {
            feedback.extend(parts.last().cloned());
        }
        (joined(), QuestionKind::TrueFalse { answer })
    } else {
        let answers = answers(inside, notes)?;
        if answers.iter().any(|a| find(a.text, "->", 0).is_some()) {
            (joined(), matching(&answers, notes)?)
        } else if answers.iter().any(|a| a.mark == '~') {
            let kind = multiple_choice(&answers, notes, &mut feedback);
            (if after.is_empty() { before.clone() } else { with_blank() }, kind)
        } else {
            (with_blank(), short_answer(&answers, notes, &mut feedback))
        }
    };
    let mut d = Draft::new(line, number, prompt, kind);
    d.explanation = feedback.join(" ");
    Some(d)
}

fn true_false(head: &str) -> Option<bool> {
    match head.to_uppercase().as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    }
}

/// `chars` split at every unescaped `sep`.
fn split_on(chars: &[Ch], sep: char) -> Vec<&[Ch]> {
    chars.split(|c| c.c == sep && !c.escaped).collect()
}

/// One `=…` or `~…` answer.
struct Answer<'a> {
    mark: char,
    /// Percentage of the mark: 100 for `=`, 0 for `~`, or the `%n%` written.
    weight: f64,
    text: &'a [Ch],
    feedback: String,
    line: usize,
}

impl Answer<'_> {
    fn shown(&self) -> String {
        text_of(self.text)
    }
}

fn answers<'a>(inside: &'a [Ch], notes: &mut Vec<Note>) -> Option<Vec<Answer<'a>>> {
    let starts: Vec<usize> =
        inside.iter().enumerate().filter(|(_, c)| (c.c == '=' || c.c == '~') && !c.escaped).map(|(i, _)| i).collect();
    let lead = text_of(&inside[..starts.first().copied().unwrap_or(inside.len())]);
    if !lead.is_empty() || starts.is_empty() {
        let line = inside.first().map_or(0, |c| c.line);
        let shown = short(&text_of(inside));
        notes.push(
            Note::error(
                line,
                format!("Không hiểu phần đáp án “{shown}”: mỗi đáp án bắt đầu bằng “=” (đúng) hoặc “~” (sai)."),
            )
            .en(format!(
                "The answer part \"{shown}\" is not understood: each answer starts with \"=\" (right) or \"~\" (wrong)."
            )),
        );
        return None;
    }
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(inside.len());
        let mark = inside[s].c;
        let mut body = &inside[s + 1..end];
        let mut weight = if mark == '=' { 100.0 } else { 0.0 };
        let lead_ws = body.iter().take_while(|c| c.c.is_whitespace()).count();
        if body.get(lead_ws).is_some_and(|c| c.c == '%' && !c.escaped)
            && let Some(close) = body[lead_ws + 1..].iter().position(|c| c.c == '%')
        {
            let w = text_of(&body[lead_ws + 1..lead_ws + 1 + close]);
            weight = w.parse().unwrap_or_else(|_| {
                notes.push(
                    Note::error(inside[s].line, format!("Trọng số “%{w}%” không phải là số."))
                        .en(format!("The weight \"%{w}%\" is not a number.")),
                );
                0.0
            });
            body = &body[lead_ws + close + 2..];
        }
        let (text, feedback) = match find(body, "#", 0) {
            Some(h) => (&body[..h], text_of(&body[h + 1..])),
            None => (body, String::new()),
        };
        out.push(Answer { mark, weight, text, feedback, line: inside[s].line });
    }
    Some(out)
}

/// “x”: feedback. — one answer's feedback for the explanation.
fn feedback_of(answers: &[Answer<'_>], feedback: &mut Vec<String>) {
    let given: Vec<&Answer<'_>> = answers.iter().filter(|a| !a.feedback.is_empty()).collect();
    if let [only] = given.as_slice() {
        feedback.push(only.feedback.clone());
        return;
    }
    for a in given {
        let fb = &a.feedback;
        let end = if fb.ends_with(['.', '!', '?', '…']) { "" } else { "." };
        feedback.push(format!("“{}”: {fb}{end}", a.shown()));
    }
}

fn multiple_choice(answers: &[Answer<'_>], notes: &mut Vec<Note>, feedback: &mut Vec<String>) -> QuestionKind {
    let single = answers.iter().any(|a| a.mark == '=');
    let mut correct = Vec::new();
    for (i, a) in answers.iter().enumerate() {
        let right = if single { a.weight >= 100.0 } else { a.weight > 0.0 };
        if right {
            correct.push(i);
        } else if a.weight > 0.0 {
            let (shown, weight) = (a.shown(), a.weight);
            notes.push(
                Note::warning(
                    a.line,
                    format!("Phương án “{shown}” được {weight}% điểm trong Moodle; ứng dụng chỉ chấm đúng/sai nên tính là sai."),
                )
                .en(format!("The option \"{shown}\" earns {weight}% in Moodle; the app scores right or wrong only, so it counts as wrong.")),
            );
        }
    }
    if single && correct.len() > 1 {
        let line = answers[correct[1]].line;
        notes.push(
            Note::error(
                line,
                "Câu một lựa chọn có hơn một đáp án “=”: đã nhập thành câu chọn nhiều đáp án; nếu đúng ý, hãy viết ~%50% cho từng đáp án đúng.",
            )
            .en("A single-choice question has more than one \"=\" answer: imported as multiple answers; if that is meant, write ~%50% for each right answer."),
        );
    }
    feedback_of(answers, feedback);
    choice(answers.iter().map(Answer::shown).collect(), &correct)
}

fn short_answer(answers: &[Answer<'_>], notes: &mut Vec<Note>, feedback: &mut Vec<String>) -> QuestionKind {
    let mut accepted = Vec::new();
    for a in answers {
        if a.weight >= 100.0 {
            accepted.push(a.shown());
        } else {
            let (shown, weight) = (a.shown(), a.weight);
            notes.push(
                Note::warning(
                    a.line,
                    format!("Đáp án “{shown}” được {weight}% điểm trong Moodle; ứng dụng chỉ nhận đáp án đúng hoàn toàn nên bỏ đáp án này."),
                )
                .en(format!("The answer \"{shown}\" earns {weight}% in Moodle; the app accepts fully right answers only, so it was left out.")),
            );
        }
    }
    feedback_of(answers, feedback);
    QuestionKind::FillBlank { accepted, strict_diacritics: false }
}

fn matching(answers: &[Answer<'_>], notes: &mut Vec<Note>) -> Option<QuestionKind> {
    let mut pairs = Vec::new();
    for a in answers {
        let Some(arrow) = find(a.text, "->", 0).filter(|_| a.mark == '=') else {
            notes.push(
                Note::error(
                    a.line,
                    format!("Câu ghép đôi: “{}” không có dạng “=trái -> phải”; câu này không được nhập.", a.shown()),
                )
                .en(format!(
                    "Matching question: \"{}\" is not \"=left -> right\"; the question was not imported.",
                    a.shown()
                )),
            );
            return None;
        };
        let left = text_of(&a.text[..arrow]);
        let right = text_of(&a.text[arrow + 2..]);
        if left.is_empty() {
            notes.push(
                Note::warning(
                    a.line,
                    format!("Vế phải thừa “{right}” (không có vế trái) chưa được hỗ trợ trong câu ghép đôi; không được nhập."),
                )
                .en(format!("The extra right side \"{right}\" (no left side) is not supported in matching questions; not imported.")),
            );
            continue;
        }
        pairs.push(Pair { left, right });
    }
    Some(QuestionKind::Matching { pairs })
}

/// At most 60 characters of `s`, for messages.
fn short(s: &str) -> String {
    if s.chars().count() <= 60 { s.to_owned() } else { format!("{}…", s.chars().take(60).collect::<String>()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ontap_core::model::{Letter, Letters};

    fn one(text: &str) -> (Option<Draft>, Vec<Note>) {
        let p = parse(text);
        (p.drafts.into_iter().next(), p.notes)
    }

    #[test]
    fn multiple_choice_with_feedback_and_escapes() {
        let (d, notes) = one("::T::Chọn {\n~ \\= 2 + 2 #sai\n= \\= 2 + 3#đúng\n}\n");
        let d = d.unwrap();
        assert_eq!(d.prompt, "Chọn");
        assert_eq!(
            d.kind,
            QuestionKind::Single {
                options: vec!["= 2 + 2".into(), "= 2 + 3".into()],
                correct: Letters::One(Letter("B".into()))
            }
        );
        assert_eq!(d.explanation, "“= 2 + 2”: sai. “= 2 + 3”: đúng.");
        assert!(notes.is_empty());
    }

    #[test]
    fn missing_word_short_answer_and_true_false() {
        let p = parse(
            "Hai cộng hai bằng {=bốn =4 =%50%tư}.\n\n// chú thích\nMặt trời mọc ở đằng đông.{T#Sai rồi.#Đúng.}\n",
        );
        assert_eq!(p.drafts[0].prompt, "Hai cộng hai bằng ___.");
        assert_eq!(
            p.drafts[0].kind,
            QuestionKind::FillBlank { accepted: vec!["bốn".into(), "4".into()], strict_diacritics: false }
        );
        assert_eq!(p.drafts[1].kind, QuestionKind::TrueFalse { answer: true });
        assert_eq!(p.drafts[1].explanation, "Đúng.");
        assert_eq!(p.drafts[1].line, 4);
        assert_eq!(p.notes.len(), 1);
        assert!(p.notes[0].warning && p.notes[0].line == 1);
    }

    #[test]
    fn multiple_answers_matching_and_unsupported() {
        let p = parse(
            "$CATEGORY: $course$/top/Đối ngoại\n\nAi? {~%50%A ~%50%B ~%-50%C}\n\nGhép {=x -> 1 =y->2 =->3}\n\nNăm? {#1822}\n\nChỉ là mô tả.\n",
        );
        assert_eq!(p.drafts.len(), 2);
        assert_eq!(p.drafts[0].tags, ["Đối ngoại"]);
        assert_eq!(p.drafts[0].kind.type_name(), "multiple");
        assert_eq!(
            p.drafts[1].kind,
            QuestionKind::Matching {
                pairs: vec![Pair { left: "x".into(), right: "1".into() }, Pair { left: "y".into(), right: "2".into() }]
            }
        );
        let lines: Vec<(usize, bool)> = p.notes.iter().map(|n| (n.line, n.warning)).collect();
        assert_eq!(lines, [(5, true), (7, false), (9, false)]);
        assert_eq!(p.drafts[1].number, 2);
    }

    /// What Moodle 4.x writes on “Export questions → GIFT” for an HTML question bank.
    const MOODLE_EXPORT: &str = r#"// question: 0  name: Switch category to $course$/top/Mặc định cho NQ35
$CATEGORY: $course$/top/Mặc định cho NQ35


// question: 101  name: Câu 1
::Câu 1::[html]<p dir\="ltr" style\="text-align\: left;">Nghị quyết 35-NQ/TW do cơ quan nào&nbsp;<strong>ban hành</strong>?<br></p>{
	=<p dir\="ltr">Bộ Chính trị</p>#<p>Đúng.</p>
	~[moodle]Ban Bí thư
	~%-50%<p>Quốc hội</p>
	####<p dir\="ltr">Nghị quyết 35-NQ/TW là của <em>Bộ Chính trị</em>.</p><p>Ngày 22-10-2018.</p>
}

// question: 102  name: Câu 2
::Câu 2::[html]<p>Nghị quyết 35-NQ/TW được ban hành năm 2018.</p>{TRUE#You gave the wrong answer#You gave the right answer####[html]<p>Ngày 22-10-2018.</p>}

// question: 103  name: Câu 3
::Câu 3::[markdown]Phương châm bắt đầu bằng **chủ động**.{FALSE}
"#;

    #[test]
    fn a_moodle_4_export_comes_out_plain() {
        let p = parse(MOODLE_EXPORT);
        assert_eq!(p.drafts.len(), 3, "{:?}", p.notes);
        assert_eq!(p.drafts[0].prompt, "Nghị quyết 35-NQ/TW do cơ quan nào ban hành?");
        assert_eq!(
            p.drafts[0].kind,
            QuestionKind::Single {
                options: vec!["Bộ Chính trị".into(), "Ban Bí thư".into(), "Quốc hội".into()],
                correct: Letters::One(Letter("A".into()))
            }
        );
        assert_eq!(p.drafts[0].explanation, "Nghị quyết 35-NQ/TW là của Bộ Chính trị. Ngày 22-10-2018. Đúng.");
        assert_eq!(p.drafts[0].tags, ["Mặc định cho NQ35"]);
        assert_eq!(p.drafts[1].prompt, "Nghị quyết 35-NQ/TW được ban hành năm 2018.");
        assert_eq!(p.drafts[1].kind, QuestionKind::TrueFalse { answer: true });
        assert_eq!(p.drafts[1].explanation, "Ngày 22-10-2018.");
        assert_eq!(p.drafts[2].prompt, "Phương châm bắt đầu bằng chủ động.");
        assert_eq!(p.drafts[2].kind, QuestionKind::TrueFalse { answer: false });
        assert!(p.notes.is_empty(), "{:?}", p.notes);
        for d in &p.drafts {
            let texts = [&d.prompt, &d.explanation];
            assert!(texts.iter().all(|t| ontap_core::markup::markup_in(t).is_none()), "{d:?}");
        }
    }
}
