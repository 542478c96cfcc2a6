//! What a practice link asks for: the questions it selects, its title and how its answers are
//! logged.

use crate::draw::Filter;
use crate::library::{Library, QuestionRef};
use crate::progress::Mode;
use crate::progress::log::Progress;
use crate::progress::stats::most_missed;
use crate::route::PracticeSource;

/// How many of the most-missed questions a "practise these" session takes (and the statistics
/// page lists).
pub const MISSED_PRACTICE: usize = 10;

impl PracticeSource {
    /// The questions it selects, at `now_ms` (the due ones depend on it).
    pub fn questions(&self, library: &Library, progress: &Progress, now_ms: i64) -> Vec<QuestionRef> {
        match self {
            PracticeSource::Bank(id) => library.select(&Filter { banks: vec![id.clone()], tags: vec![] }),
            PracticeSource::Tag(tag) => library.select(&Filter { banks: vec![], tags: vec![tag.clone()] }),
            PracticeSource::Search(q) => library.search(q),
            PracticeSource::Missed => {
                most_missed(progress, library, MISSED_PRACTICE).into_iter().map(|w| w.item).collect()
            }
            PracticeSource::Review => progress.due(library, now_ms),
            PracticeSource::Questions(refs) => refs.iter().filter(|r| library.question(r).is_some()).cloned().collect(),
        }
    }

    /// The page's title.
    pub fn title(&self, library: &Library) -> String {
        match self {
            PracticeSource::Bank(id) => library.bank(id).map_or_else(|| id.to_string(), |b| b.title.clone()),
            PracticeSource::Tag(tag) => format!("Chủ đề: {tag}"),
            PracticeSource::Search(q) => format!("Tìm: “{q}”"),
            PracticeSource::Missed => "Các câu hay sai".to_owned(),
            PracticeSource::Review => "Ôn tập: các câu đến hạn".to_owned(),
            PracticeSource::Questions(_) => "Các câu cần ôn lại".to_owned(),
        }
    }

    /// How its answers are logged: spaced review or practice.
    pub fn mode(&self) -> Mode {
        if *self == PracticeSource::Review { Mode::Review } else { Mode::Practice }
    }

    /// What the page says when it selects nothing.
    pub fn empty_message(&self) -> &'static str {
        match self {
            PracticeSource::Review => {
                "Chưa có câu nào đến hạn ôn tập. Hãy luyện tập thêm; câu trả lời sai sẽ được nhắc lại."
            }
            _ => "Không có câu hỏi nào để luyện tập.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::QuestionRef;
    use crate::progress::AnswerRecord;
    use crate::score::Credit;
    use crate::test_fixtures::sample_bank;

    fn at_first(bank: &crate::model::Bank) -> QuestionRef {
        QuestionRef { bank: bank.id.clone(), question: bank.questions[0].id.clone() }
    }

    #[test]
    fn each_source_selects_titles_and_logs_as_it_should() {
        let bank = sample_bank();
        let lib = Library::new(vec![bank.clone()], vec![]);
        let mut progress = Progress::default();
        let all = PracticeSource::Bank(bank.id.clone());
        assert_eq!(all.questions(&lib, &progress, 0).len(), bank.questions.len());
        assert_eq!(all.title(&lib), bank.title);
        assert_eq!(PracticeSource::Bank("khong-co".into()).title(&lib), "khong-co", "an unknown bank is named by id");
        assert_eq!(PracticeSource::Tag("x".into()).title(&lib), "Chủ đề: x");
        assert_eq!(PracticeSource::Search("nghị quyết".into()).title(&lib), "Tìm: “nghị quyết”");
        let missed = PracticeSource::Missed;
        assert!(missed.questions(&lib, &progress, 0).is_empty());
        let q = &bank.questions[0];
        let at = QuestionRef { bank: bank.id.clone(), question: q.id.clone() };
        progress.record(AnswerRecord::new(&at, q, Credit::NONE, Mode::Practice, 1_000));
        assert_eq!(missed.questions(&lib, &progress, 2_000), vec![at.clone()]);
        assert_eq!(PracticeSource::Review.questions(&lib, &progress, 1_000 + 86_400_000), vec![at]);
        assert_eq!((PracticeSource::Review.mode(), missed.mode()), (Mode::Review, Mode::Practice));
        assert_ne!(PracticeSource::Review.empty_message(), missed.empty_message());
        let gone = QuestionRef { bank: bank.id.clone(), question: "da-xoa".into() };
        let chosen = PracticeSource::Questions(vec![gone, at_first(&bank)]);
        assert_eq!(
            chosen.questions(&lib, &progress, 0),
            vec![at_first(&bank)],
            "questions no longer in the bank are left out"
        );
        assert_eq!(chosen.title(&lib), "Các câu cần ôn lại");
    }
}
