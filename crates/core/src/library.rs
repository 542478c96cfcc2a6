//! The loaded banks as one library: look-ups by id, the question selection a practice or exam
//! draws from, and search that ignores diacritics and case ("nghi quyet 35" finds "Nghị quyết 35").

use crate::draw::Filter;
use crate::ids::{BankId, MaterialId, QuestionId};
use crate::model::{Bank, Material, Question, QuestionKind};
use crate::text::search_key;
use std::sync::OnceLock;

/// A question's address: its bank and its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct QuestionRef {
    /// The bank.
    pub bank: BankId,
    /// The question in it.
    pub question: QuestionId,
}

/// Every usable bank and the materials they cite.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The banks, in catalogue order.
    pub banks: Vec<Bank>,
    /// The materials.
    pub materials: Vec<Material>,
    /// Search keys, one per question, in bank order: built on the first search, not while the
    /// app starts (for a bank of 10,000 questions that is a tenth of a second on a laptop).
    keys: OnceLock<Vec<(QuestionRef, String)>>,
    /// The banks that come from the member's device, not from the app (see `crate::local`).
    local: Vec<BankId>,
}

/// Everything a question is found by: prompt, options, items, pairs, accepted answers, tags.
fn searchable_text(q: &Question) -> String {
    let mut parts: Vec<&str> = vec![q.prompt.as_str()];
    match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
            parts.extend(options.iter().map(String::as_str))
        }
        QuestionKind::FillBlank { accepted, .. } => parts.extend(accepted.iter().map(String::as_str)),
        QuestionKind::Ordering { items } => parts.extend(items.iter().map(String::as_str)),
        QuestionKind::Matching { pairs } => {
            parts.extend(pairs.iter().flat_map(|p| [p.left.as_str(), p.right.as_str()]))
        }
        QuestionKind::TrueFalse { .. } => {}
    }
    parts.extend(q.tags.iter().map(String::as_str));
    parts.join(" ")
}

/// Libraries are equal when their banks, materials and local banks are (the search keys are
/// derived from the banks).
impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        (&self.banks, &self.materials, &self.local) == (&other.banks, &other.materials, &other.local)
    }
}

impl Library {
    /// A library of `banks` citing `materials`.
    pub fn new(banks: Vec<Bank>, materials: Vec<Material>) -> Self {
        Library { banks, materials, keys: OnceLock::new(), local: Vec::new() }
    }

    fn keys(&self) -> &[(QuestionRef, String)] {
        self.keys.get_or_init(|| {
            let banks = self.banks.iter();
            banks
                .flat_map(|b| {
                    b.questions.iter().map(|q| {
                        (QuestionRef { bank: b.id.clone(), question: q.id.clone() }, search_key(&searchable_text(q)))
                    })
                })
                .collect()
        })
    }

    /// The same library, with the banks `local` marked as coming from this device.
    pub fn with_local(mut self, local: Vec<BankId>) -> Self {
        self.local = local;
        self
    }

    /// Whether bank `id` comes from this device (a trainer's file being tried).
    pub fn is_local(&self, id: &BankId) -> bool {
        self.local.contains(id)
    }

    /// The bank with this id.
    pub fn bank(&self, id: &BankId) -> Option<&Bank> {
        self.banks.iter().find(|b| &b.id == id)
    }

    /// The question at `r`.
    pub fn question(&self, r: &QuestionRef) -> Option<&Question> {
        self.bank(&r.bank)?.questions.iter().find(|q| q.id == r.question)
    }

    /// The material with this id.
    pub fn material(&self, id: &MaterialId) -> Option<&Material> {
        self.materials.iter().find(|m| &m.id == id)
    }

    /// Every question the filter admits, in catalogue order.
    pub fn select(&self, filter: &Filter) -> Vec<QuestionRef> {
        let matcher = filter.matcher();
        let matcher = &matcher;
        self.banks
            .iter()
            .flat_map(|b| {
                b.questions
                    .iter()
                    .filter(move |q| matcher.admits(b, q))
                    .map(move |q| QuestionRef { bank: b.id.clone(), question: q.id.clone() })
            })
            .collect()
    }

    /// Questions containing every word of `query`, ignoring case and diacritics.
    pub fn search(&self, query: &str) -> Vec<QuestionRef> {
        let words: Vec<String> = search_key(query).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.keys()
            .iter()
            .filter(|(_, key)| words.iter().all(|w| key.contains(w.as_str())))
            .map(|(r, _)| r.clone())
            .collect()
    }

    /// Every tag with how many questions carry it, most used first.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for q in self.banks.iter().flat_map(|b| &b.questions) {
            for t in &q.tags {
                match counts.iter_mut().find(|(name, _)| name == t) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((t.clone(), 1)),
                }
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::sample_bank;

    #[test]
    fn search_ignores_diacritics_case_and_word_order() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let hits = lib.search("nghi quyet 35");
        assert!(hits.iter().any(|r| r.question.as_str() == "mau-001"), "{hits:?}");
        assert_eq!(lib.search("35 NGHỊ"), hits);
        assert!(lib.search("linh hoat").len() >= 2, "found in items and accepted answers");
        assert!(lib.search("khong co dau").is_empty());
        assert!(lib.search("   ").is_empty());
    }

    #[test]
    fn select_and_lookup() {
        let lib = Library::new(vec![sample_bank()], vec![]);
        let all = lib.select(&Filter::default());
        assert_eq!(all.len(), 7);
        assert_eq!(lib.question(&all[2]).unwrap().id.as_str(), "mau-003");
        let tagged = lib.select(&Filter { banks: vec![], tags: vec!["phương châm".into()] });
        assert_eq!(tagged.len(), 4);
        // Tags compare by text key: case, spacing and Unicode form do not matter.
        let typed = lib.select(&Filter { banks: vec![], tags: vec![" PHU\u{031B}O\u{031B}NG  châm".into()] });
        assert_eq!(typed, tagged);
        // Most used first, ties by name.
        assert_eq!(lib.tags()[..2], [("35-NQ/TW".to_owned(), 4), ("phương châm".to_owned(), 4)]);
    }
}
