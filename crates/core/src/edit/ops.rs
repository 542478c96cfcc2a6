//! Every change the editor makes, as a value ([`Edit`]) and a pure function from one bank to
//! the next ([`apply`]). An edit that does not fit the bank (an index past the end, an option
//! on a question that has none) gives `None` and changes nothing.

use super::blank::{QuestionType, fresh_id, new_question};
use crate::ids::{BankId, MaterialId, QuestionId};
use crate::model::{Bank, Letter, Letters, Pair, Question, QuestionKind, index_letter, letter_index};

/// A list inside a question. `Left` and `Right` name a side of a matching pair; adding,
/// removing or moving either one acts on the whole pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// A choice question's options (their letters follow their places).
    Options,
    /// A blank's accepted answers.
    Accepted,
    /// An ordering question's items, in the right order.
    Items,
    /// The left side of matching pairs.
    Left,
    /// The right side of matching pairs.
    Right,
}

/// One change to a bank. Questions and list entries are named by their place (0-based).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// The bank's id.
    BankId(String),
    /// The bank's title.
    Title(String),
    /// The bank's description.
    Description(String),
    /// The bank's edition.
    Version(u64),
    /// A new question of a type, citing a material, added at the end.
    AddQuestion(QuestionType, MaterialId),
    /// A copy of a question (with a new id) placed right after it.
    Duplicate(usize),
    /// Removes a question.
    Delete(usize),
    /// Moves a question from one place to another.
    Move(usize, usize),
    /// A question's id.
    QuestionId(usize, String),
    /// A question's type; what both types share (prompt, options between choice types) is kept.
    Type(usize, QuestionType),
    /// A question's prompt.
    Prompt(usize, String),
    /// A question's explanation.
    Explanation(usize, String),
    /// The material a question cites.
    Material(usize, MaterialId),
    /// The passage a question quotes.
    Quote(usize, String),
    /// Adds a tag (trimmed; nothing happens when it is empty or already there).
    AddTag(usize, String),
    /// Removes a question's tag at a place.
    RemoveTag(usize, usize),
    /// 1, 2 or 3.
    Difficulty(usize, u8),
    /// Whether the app shuffles the options.
    Shuffle(usize, bool),
    /// A true/false claim's truth.
    Answer(usize, bool),
    /// Whether a blank's answers must match diacritics.
    StrictDiacritics(usize, bool),
    /// Marks an option right: the only one for `single`, toggled for `multiple`.
    Correct(usize, usize),
    /// The text of one entry of a list.
    Entry(usize, List, usize, String),
    /// A new empty entry at the end of a list.
    AddEntry(usize, List),
    /// Removes one entry of a list.
    RemoveEntry(usize, List, usize),
    /// Moves one entry of a list from one place to another.
    MoveEntry(usize, List, usize, usize),
}

impl Edit {
    /// True when `next` goes on typing in the same text field as `self`, so that both make one
    /// undo step.
    pub fn continues(&self, next: &Edit) -> bool {
        use Edit::*;
        match (self, next) {
            (BankId(_), BankId(_)) | (Title(_), Title(_)) | (Description(_), Description(_)) => true,
            (QuestionId(a, _), QuestionId(b, _))
            | (Prompt(a, _), Prompt(b, _))
            | (Explanation(a, _), Explanation(b, _))
            | (Quote(a, _), Quote(b, _)) => a == b,
            (Entry(a, la, ia, _), Entry(b, lb, ib, _)) => (a, la, ia) == (b, lb, ib),
            _ => false,
        }
    }
}

/// The bank after `edit`, or `None` when the edit does not fit it.
pub fn apply(bank: &Bank, edit: &Edit) -> Option<Bank> {
    let mut next = bank.clone();
    match edit {
        Edit::BankId(id) => next.id = BankId(id.clone()),
        Edit::Title(t) => next.title = t.clone(),
        Edit::Description(d) => next.description = d.clone(),
        Edit::Version(v) => next.version = *v,
        Edit::AddQuestion(ty, material) => next.questions.push(new_question(bank, *ty, material)),
        Edit::Duplicate(q) => {
            let mut copy = bank.questions.get(*q)?.clone();
            copy.id = fresh_id(bank);
            next.questions.insert(q + 1, copy);
        }
        Edit::Delete(q) => {
            bank.questions.get(*q)?;
            next.questions.remove(*q);
        }
        Edit::Move(from, to) => move_entry(&mut next.questions, *from, *to)?,
        _ => edit_question(next.questions.get_mut(question_of(edit)?)?, edit)?,
    }
    Some(next)
}

/// The question an edit of one question names.
fn question_of(edit: &Edit) -> Option<usize> {
    use Edit::*;
    match edit {
        QuestionId(q, _)
        | Type(q, _)
        | Prompt(q, _)
        | Explanation(q, _)
        | Material(q, _)
        | Quote(q, _)
        | AddTag(q, _)
        | RemoveTag(q, _)
        | Difficulty(q, _)
        | Shuffle(q, _)
        | Answer(q, _)
        | StrictDiacritics(q, _)
        | Correct(q, _)
        | Entry(q, ..)
        | AddEntry(q, _)
        | RemoveEntry(q, ..)
        | MoveEntry(q, ..) => Some(*q),
        _ => None,
    }
}

fn edit_question(q: &mut Question, edit: &Edit) -> Option<()> {
    match edit {
        Edit::QuestionId(_, id) => q.id = QuestionId(id.clone()),
        Edit::Type(_, ty) => q.kind = converted(&q.kind, *ty),
        Edit::Prompt(_, p) => q.prompt = p.clone(),
        Edit::Explanation(_, e) => q.explanation = e.clone(),
        Edit::Material(_, m) => q.source.material = m.clone(),
        Edit::Quote(_, text) => q.source.quote = text.clone(),
        Edit::AddTag(_, tag) => {
            let tag = tag.trim();
            if !tag.is_empty() && !q.tags.iter().any(|t| t == tag) {
                q.tags.push(tag.to_owned());
            }
        }
        Edit::RemoveTag(_, i) => {
            q.tags.get(*i)?;
            q.tags.remove(*i);
        }
        Edit::Difficulty(_, d) if (1..=3).contains(d) => q.difficulty = *d,
        Edit::Difficulty(..) => return None,
        Edit::Shuffle(_, s) => q.shuffle = *s,
        Edit::Answer(_, a) => match &mut q.kind {
            QuestionKind::TrueFalse { answer } => *answer = *a,
            _ => return None,
        },
        Edit::StrictDiacritics(_, s) => match &mut q.kind {
            QuestionKind::FillBlank { strict_diacritics, .. } => *strict_diacritics = *s,
            _ => return None,
        },
        Edit::Correct(_, i) => mark_correct(&mut q.kind, *i)?,
        Edit::Entry(_, list, i, text) => *entry(&mut q.kind, *list, *i)? = text.clone(),
        Edit::AddEntry(_, list) => add_entry(&mut q.kind, *list)?,
        Edit::RemoveEntry(_, list, i) => remove_entry(&mut q.kind, *list, *i)?,
        Edit::MoveEntry(_, list, from, to) => move_list_entry(&mut q.kind, *list, *from, *to)?,
        _ => return None,
    }
    Some(())
}

/// Moves `items[from]` to place `to`.
fn move_entry<T>(items: &mut Vec<T>, from: usize, to: usize) -> Option<()> {
    if from >= items.len() || to >= items.len() {
        return None;
    }
    let item = items.remove(from);
    items.insert(to, item);
    Some(())
}

/// `kind` as a question of type `ty`: choice options and their answers survive a change
/// between `single` and `multiple` (a single keeps the first right letter); the rest starts anew.
fn converted(kind: &QuestionKind, ty: QuestionType) -> QuestionKind {
    if QuestionType::of(kind) == ty {
        return kind.clone();
    }
    match (kind, ty) {
        (QuestionKind::Single { options, correct }, QuestionType::Multiple) => {
            let letters = correct.letters().into_iter().map(Letter::from).collect();
            QuestionKind::Multiple { options: options.clone(), correct: Letters::Many(letters) }
        }
        (QuestionKind::Multiple { options, correct }, QuestionType::Single) => {
            let first = correct.letters().first().map_or("A", |l| l).to_owned();
            QuestionKind::Single { options: options.clone(), correct: Letters::One(Letter(first)) }
        }
        _ => ty.template(),
    }
}

/// The correct letters of a choice question after its options moved: `map(i)` is where option
/// `i` went (`None`: removed). Letters that name no option are kept as written.
fn remap(kind: &mut QuestionKind, map: impl Fn(usize) -> Option<usize>) {
    let (correct, single) = match kind {
        QuestionKind::Single { correct, .. } => (correct, true),
        QuestionKind::Multiple { correct, .. } => (correct, false),
        _ => return,
    };
    let mut letters: Vec<Letter> = correct
        .letters()
        .into_iter()
        .filter_map(|l| match letter_index(l) {
            Some(i) => map(i).map(|j| Letter(index_letter(j).to_string())),
            None => Some(Letter::from(l)),
        })
        .collect();
    if !single {
        letters.sort_by(|a, b| a.0.cmp(&b.0));
    }
    *correct = match letters.as_slice() {
        [one] if single => Letters::One(one.clone()),
        _ => Letters::Many(letters),
    };
}

fn mark_correct(kind: &mut QuestionKind, i: usize) -> Option<()> {
    let letter = Letter(index_letter(i).to_string());
    match kind {
        QuestionKind::Single { options, correct } if i < options.len() => *correct = Letters::One(letter),
        QuestionKind::Multiple { options, correct } if i < options.len() => {
            let mut letters: Vec<Letter> = correct.letters().into_iter().map(Letter::from).collect();
            match letters.iter().position(|l| *l == letter) {
                Some(at) => {
                    letters.remove(at);
                }
                None => {
                    letters.push(letter);
                    letters.sort_by(|a, b| a.0.cmp(&b.0));
                }
            }
            *correct = Letters::Many(letters);
        }
        _ => return None,
    }
    Some(())
}

/// The text of entry `i` of `list`.
fn entry(kind: &mut QuestionKind, list: List, i: usize) -> Option<&mut String> {
    match (kind, list) {
        (QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. }, List::Options) => {
            options.get_mut(i)
        }
        (QuestionKind::FillBlank { accepted, .. }, List::Accepted) => accepted.get_mut(i),
        (QuestionKind::Ordering { items }, List::Items) => items.get_mut(i),
        (QuestionKind::Matching { pairs }, List::Left) => pairs.get_mut(i).map(|p| &mut p.left),
        (QuestionKind::Matching { pairs }, List::Right) => pairs.get_mut(i).map(|p| &mut p.right),
        _ => None,
    }
}

/// Applies `f` to whichever vector `list` names, whatever its element type.
macro_rules! with_list {
    ($kind:expr, $list:expr, |$v:ident| $body:expr) => {
        match ($kind, $list) {
            (QuestionKind::Single { options: $v, .. } | QuestionKind::Multiple { options: $v, .. }, List::Options) => {
                $body
            }
            (QuestionKind::FillBlank { accepted: $v, .. }, List::Accepted) => $body,
            (QuestionKind::Ordering { items: $v }, List::Items) => $body,
            (QuestionKind::Matching { pairs: $v }, List::Left | List::Right) => $body,
            _ => None,
        }
    };
}

fn add_entry(kind: &mut QuestionKind, list: List) -> Option<()> {
    match (kind, list) {
        (QuestionKind::Single { options: v, .. } | QuestionKind::Multiple { options: v, .. }, List::Options)
        | (QuestionKind::FillBlank { accepted: v, .. }, List::Accepted)
        | (QuestionKind::Ordering { items: v }, List::Items) => v.push(String::new()),
        (QuestionKind::Matching { pairs }, List::Left | List::Right) => {
            pairs.push(Pair { left: String::new(), right: String::new() })
        }
        _ => return None,
    }
    Some(())
}

fn remove_entry(kind: &mut QuestionKind, list: List, i: usize) -> Option<()> {
    with_list!(&mut *kind, list, |v| (i < v.len()).then(|| {
        v.remove(i);
    }))?;
    remap(kind, |j| match j.cmp(&i) {
        std::cmp::Ordering::Less => Some(j),
        std::cmp::Ordering::Equal => None,
        std::cmp::Ordering::Greater => Some(j - 1),
    });
    Some(())
}

fn move_list_entry(kind: &mut QuestionKind, list: List, from: usize, to: usize) -> Option<()> {
    with_list!(&mut *kind, list, |v| move_entry(v, from, to))?;
    remap(kind, |j| {
        Some(if j == from {
            to
        } else if from < to && (from + 1..=to).contains(&j) {
            j - 1
        } else if to < from && (to..from).contains(&j) {
            j + 1
        } else {
            j
        })
    });
    Some(())
}

/// The texts of `list` in question `q`, in order (none when the question has no such list).
pub fn entries(q: &Question, list: List) -> Vec<&str> {
    match (&q.kind, list) {
        (QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. }, List::Options) => {
            options.iter().map(String::as_str).collect()
        }
        (QuestionKind::FillBlank { accepted, .. }, List::Accepted) => accepted.iter().map(String::as_str).collect(),
        (QuestionKind::Ordering { items }, List::Items) => items.iter().map(String::as_str).collect(),
        (QuestionKind::Matching { pairs }, List::Left) => pairs.iter().map(|p| p.left.as_str()).collect(),
        (QuestionKind::Matching { pairs }, List::Right) => pairs.iter().map(|p| p.right.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// Whether option `i` of a choice question is marked right.
pub fn is_correct(q: &Question, i: usize) -> bool {
    match &q.kind {
        QuestionKind::Single { correct, .. } | QuestionKind::Multiple { correct, .. } => correct.indices().contains(&i),
        _ => false,
    }
}
