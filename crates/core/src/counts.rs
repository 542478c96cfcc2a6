//! What a bank holds, counted for trainers (`ontap stats`): questions by type, tag, difficulty
//! and material, and the questions whose explanation or quote is too thin to teach from.

use crate::model::{Bank, Question};
use serde::Serialize;
use std::collections::BTreeMap;

/// An explanation of fewer words than this says too little (`"Năm từ."`).
pub const SHORT_EXPLANATION_WORDS: usize = 8;
/// A quote of fewer words than this cites a phrase, not a passage that supports the answer.
pub const SHORT_QUOTE_WORDS: usize = 4;

/// The counts of one bank, or of several added together.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    /// How many banks were added in.
    pub banks: usize,
    /// How many questions.
    pub questions: usize,
    /// Questions per `type` name.
    pub by_type: BTreeMap<String, usize>,
    /// Questions per tag (a question with two tags counts under both).
    pub by_tag: BTreeMap<String, usize>,
    /// Questions per difficulty, 1 to 3.
    pub by_difficulty: BTreeMap<u8, usize>,
    /// Questions per cited material id.
    pub by_material: BTreeMap<String, usize>,
    /// Ids of the questions whose explanation has fewer than [`SHORT_EXPLANATION_WORDS`] words.
    pub short_explanation: Vec<String>,
    /// Ids of the questions whose quote has fewer than [`SHORT_QUOTE_WORDS`] words, or that name
    /// no material.
    pub short_source: Vec<String>,
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// True when `q`'s explanation is too short to teach from.
pub fn lacks_explanation(q: &Question) -> bool {
    words(&q.explanation) < SHORT_EXPLANATION_WORDS
}

/// True when `q`'s source is too thin to check the answer against.
pub fn lacks_source(q: &Question) -> bool {
    q.source.material.as_str().trim().is_empty() || words(&q.source.quote) < SHORT_QUOTE_WORDS
}

impl Counts {
    /// The counts of one bank.
    pub fn of(bank: &Bank) -> Self {
        let mut c = Counts { banks: 1, questions: bank.questions.len(), ..Counts::default() };
        for q in &bank.questions {
            *c.by_type.entry(q.kind.type_name().to_owned()).or_default() += 1;
            for tag in &q.tags {
                *c.by_tag.entry(tag.clone()).or_default() += 1;
            }
            *c.by_difficulty.entry(q.difficulty).or_default() += 1;
            *c.by_material.entry(q.source.material.as_str().to_owned()).or_default() += 1;
            if lacks_explanation(q) {
                c.short_explanation.push(q.id.as_str().to_owned());
            }
            if lacks_source(q) {
                c.short_source.push(q.id.as_str().to_owned());
            }
        }
        c
    }

    /// Adds `other` in (ids are kept as they are: prefix them first if banks may share ids).
    pub fn add(&mut self, other: &Counts) {
        fn merge<K: Ord + Clone>(into: &mut BTreeMap<K, usize>, from: &BTreeMap<K, usize>) {
            for (k, n) in from {
                *into.entry(k.clone()).or_default() += n;
            }
        }
        self.banks += other.banks;
        self.questions += other.questions;
        merge(&mut self.by_type, &other.by_type);
        merge(&mut self.by_tag, &other.by_tag);
        merge(&mut self.by_difficulty, &other.by_difficulty);
        merge(&mut self.by_material, &other.by_material);
        self.short_explanation.extend(other.short_explanation.iter().cloned());
        self.short_source.extend(other.short_source.iter().cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::sample_bank;

    #[test]
    fn the_sample_bank_is_counted() {
        let c = Counts::of(&sample_bank());
        assert_eq!(c.questions, 7);
        assert_eq!(c.by_type["single"], 2);
        assert_eq!(c.by_type.values().sum::<usize>(), 7);
        assert_eq!(c.by_tag["35-NQ/TW"], 4);
        assert_eq!(c.by_tag["phương châm"], 4);
        assert_eq!(c.by_difficulty, BTreeMap::from([(1, 3), (2, 3), (3, 1)]));
        assert_eq!(c.by_material["tai-lieu"], 7);
        // "Năm từ." and "Thứ tự như trong văn bản." (6 words) and "Đúng ngày ghi trong văn bản." (6).
        assert_eq!(c.short_explanation, ["mau-003", "mau-005", "mau-007"]);
        assert!(c.short_source.is_empty());
    }

    #[test]
    fn thin_quotes_are_flagged_and_counts_add_up() {
        let mut bank = sample_bank();
        bank.questions[1].source.quote = "chủ động".into();
        let one = Counts::of(&bank);
        assert_eq!(one.short_source, ["mau-002"]);
        let mut total = Counts::default();
        total.add(&one);
        total.add(&one);
        assert_eq!((total.banks, total.questions), (2, 14));
        assert_eq!(total.by_tag["35-NQ/TW"], 8);
        assert_eq!(total.short_source.len(), 2);
    }
}
