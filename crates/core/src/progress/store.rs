//! Loading and saving progress through a key-value [`Store`], surviving every bad state:
//! unreadable or foreign data is kept aside (never overwritten) and can be downloaded; data
//! from a newer version is left alone; a full quota compacts old history; storage that cannot
//! be used leaves the app working in memory. Saving reads what is stored first and merges it,
//! so two tabs answering at once never lose each other's answers.

use super::codec::{DecodeProblem, decode, encode};
use super::log::Progress;
use std::collections::BTreeMap;

/// Where progress is stored.
pub const PROGRESS_KEY: &str = "ontap.progress";
/// Prefix of the keys unreadable data is kept under (followed by the time in ms).
pub const KEPT_ASIDE_PREFIX: &str = "ontap.kept-aside.";
/// When the quota is full, all but this many recent answers per question are summarised.
pub const KEEP_WHEN_COMPACTING: usize = 3;

/// Why the store refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is disabled or absent (private window, strict settings).
    Unavailable,
    /// The quota is full.
    QuotaExceeded,
}

/// A key-value store of strings (localStorage in the browser).
pub trait Store {
    /// The value at `key`, if any.
    fn read(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Sets `key` to `value`.
    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
}

/// The in-memory twin, with an optional size limit and a switch to act disabled.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    /// The stored values.
    pub map: BTreeMap<String, String>,
    /// Total bytes of keys and values allowed.
    pub capacity: Option<usize>,
    /// Behave like disabled storage.
    pub disabled: bool,
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.disabled {
            return Err(StoreError::Unavailable);
        }
        Ok(self.map.get(key).cloned())
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.disabled {
            return Err(StoreError::Unavailable);
        }
        let others: usize = self.map.iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
        if self.capacity.is_some_and(|cap| others + key.len() + value.len() > cap) {
            return Err(StoreError::QuotaExceeded);
        }
        self.map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
}

/// What the member is told after loading or saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Stored data could not be read in full; the raw text is kept (under `kept_aside` when the
    /// store had room, and in `Loaded::unreadable` for download in any case).
    Unreadable {
        /// Why.
        problem: DecodeProblem,
        /// The key it was copied to, if it could be.
        kept_aside: Option<String>,
    },
    /// Storage cannot be used: progress lives in memory until the tab closes.
    Unavailable,
    /// The quota was full: this many old answers were folded into summaries.
    Compacted(usize),
    /// Nothing could be saved (quota full even after compacting, or storage unusable).
    NotSaved,
}

/// The result of loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// What could be read.
    pub progress: Progress,
    /// What to tell the member.
    pub notices: Vec<Notice>,
    /// The raw stored text that could not be read, for download.
    pub unreadable: Option<String>,
    /// False when the stored text must not be overwritten (it could not be kept aside, or it
    /// belongs to a newer version): saving then keeps progress in memory only.
    pub may_save: bool,
}

/// Loads progress at `now_ms` (the time names the kept-aside copy).
pub fn load(store: &mut dyn Store, now_ms: i64) -> Loaded {
    let text = match store.read(PROGRESS_KEY) {
        Ok(Some(t)) => t,
        Ok(None) => return Loaded { progress: Progress::default(), notices: vec![], unreadable: None, may_save: true },
        Err(_) => {
            return Loaded {
                progress: Progress::default(),
                notices: vec![Notice::Unavailable],
                unreadable: None,
                may_save: false,
            };
        }
    };
    let decoded = decode(&text);
    let Some(problem) = decoded.problem else {
        return Loaded { progress: decoded.progress, notices: vec![], unreadable: None, may_save: true };
    };
    let key = format!("{KEPT_ASIDE_PREFIX}{now_ms}");
    let kept = store.write(&key, &text).is_ok();
    // Data of a newer version stays where it is: the newer app will read it again. Anything
    // else, once its copy is safe, is replaced by what could be salvaged, so saving works again.
    let may_save = kept
        && !matches!(problem, DecodeProblem::Newer(_))
        && store.write(PROGRESS_KEY, &encode(&decoded.progress)).is_ok();
    Loaded {
        progress: decoded.progress,
        notices: vec![Notice::Unreadable { problem, kept_aside: kept.then_some(key) }],
        unreadable: Some(text),
        may_save,
    }
}

/// Saves `progress`, first merging in whatever another tab has stored meanwhile (so `progress`
/// gains those answers too). Compacts old history when the quota is full.
pub fn save(store: &mut dyn Store, progress: &mut Progress) -> Result<Vec<Notice>, Notice> {
    Saver::default().save(store, progress)
}

/// Saves progress again and again, remembering the text it last wrote: while storage still
/// holds exactly that text, no other tab has written since, and the stored log need not be
/// decoded and merged before the next write.
#[derive(Debug, Clone, Default)]
pub struct Saver {
    last_written: Option<String>,
}

impl Saver {
    /// Like [`save`], skipping the decode and merge when nothing else has written since.
    pub fn save(&mut self, store: &mut dyn Store, progress: &mut Progress) -> Result<Vec<Notice>, Notice> {
        match store.read(PROGRESS_KEY) {
            Ok(Some(text)) if self.last_written.as_ref() == Some(&text) => {}
            Ok(Some(text)) => {
                let stored = decode(&text);
                if stored.problem.as_ref().is_some_and(DecodeProblem::is_fatal) {
                    // Someone wrote something unreadable since loading: never overwrite it silently.
                    return Err(Notice::NotSaved);
                }
                progress.merge(&stored.progress);
            }
            Ok(None) => {}
            Err(_) => return Err(Notice::NotSaved),
        }
        self.last_written = None;
        let mut notices = Vec::new();
        loop {
            let text = encode(progress);
            match store.write(PROGRESS_KEY, &text) {
                Ok(()) => {
                    self.last_written = Some(text);
                    return Ok(notices);
                }
                Err(StoreError::QuotaExceeded) => {
                    let folded = progress.compact(KEEP_WHEN_COMPACTING);
                    if folded == 0 {
                        return Err(Notice::NotSaved);
                    }
                    notices.push(Notice::Compacted(folded));
                }
                Err(StoreError::Unavailable) => return Err(Notice::NotSaved),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::record::{AnswerRecord, Mode};

    fn answer(q: &str, t: i64) -> AnswerRecord {
        AnswerRecord(t, "b".into(), q.into(), 1, 1000, Mode::Practice)
    }

    #[test]
    fn save_then_load() {
        let mut store = MemoryStore::default();
        let mut p = Progress::default();
        p.record(answer("q1", 1));
        assert_eq!(save(&mut store, &mut p), Ok(vec![]));
        let loaded = load(&mut store, 0);
        assert_eq!((loaded.progress, loaded.notices, loaded.may_save), (p, vec![], true));
    }

    #[test]
    fn two_tabs_answering_alternately_lose_nothing() {
        let mut store = MemoryStore::default();
        let mut tab_a = load(&mut store, 0).progress;
        let mut tab_b = load(&mut store, 0).progress;
        for t in 0..5 {
            tab_a.record(answer("a", t));
            save(&mut store, &mut tab_a).unwrap();
            tab_b.record(answer("b", t));
            save(&mut store, &mut tab_b).unwrap();
        }
        let stored = load(&mut store, 0).progress;
        assert_eq!(stored.answers.len(), 10);
        assert_eq!(tab_b.answers.len(), 10, "the last tab to save has everything");
    }

    #[test]
    fn corrupt_data_is_kept_aside_and_not_overwritten_blindly() {
        let mut store = MemoryStore::default();
        store.map.insert(PROGRESS_KEY.into(), "{ hỏng".into());
        let loaded = load(&mut store, 42);
        assert_eq!(loaded.unreadable.as_deref(), Some("{ hỏng"));
        assert!(
            matches!(&loaded.notices[..], [Notice::Unreadable { kept_aside: Some(k), .. }] if k == "ontap.kept-aside.42")
        );
        assert_eq!(store.map["ontap.kept-aside.42"], "{ hỏng");
        assert!(loaded.may_save, "the copy is safe, so new progress may replace it");
        let mut p = loaded.progress;
        p.record(answer("x", 1));
        assert_eq!(save(&mut store, &mut p), Ok(vec![]));
        assert_eq!(load(&mut store, 43).progress.answers.len(), 1);
        // Unreadable text written later (by another tab) is never overwritten by a save.
        store.map.insert(PROGRESS_KEY.into(), "garbage".into());
        assert_eq!(save(&mut store, &mut p), Err(Notice::NotSaved));
        assert_eq!(store.map[PROGRESS_KEY], "garbage");
    }

    #[test]
    fn newer_data_is_left_alone() {
        let mut store = MemoryStore::default();
        let newer = "{\"format\": \"ontap-progress\", \"version\": 9}";
        store.map.insert(PROGRESS_KEY.into(), newer.into());
        let loaded = load(&mut store, 1);
        assert!(!loaded.may_save);
        assert_eq!(store.map[PROGRESS_KEY], newer);
    }

    #[test]
    fn disabled_storage_keeps_the_app_in_memory() {
        let mut store = MemoryStore { disabled: true, ..MemoryStore::default() };
        let loaded = load(&mut store, 0);
        assert_eq!((loaded.notices, loaded.may_save), (vec![Notice::Unavailable], false));
        assert_eq!(save(&mut store, &mut Progress::default()), Err(Notice::NotSaved));
    }

    #[test]
    fn full_quota_compacts_old_history() {
        let mut p = Progress::default();
        for t in 0..40 {
            p.record(answer("q", t));
        }
        // Room for half of it: the full log cannot be written, the compacted one can.
        let capacity = (PROGRESS_KEY.len() + super::encode(&p).len()) / 2;
        let mut store = MemoryStore { capacity: Some(capacity), ..MemoryStore::default() };
        let notices = save(&mut store, &mut p).unwrap();
        assert_eq!(notices, vec![Notice::Compacted(37)]);
        assert_eq!(p.answers.len(), KEEP_WHEN_COMPACTING);
        assert_eq!(p.summaries[0].3, 37);
        let mut huge = Progress::default();
        for q in 0..200 {
            huge.record(answer(&format!("q{q}"), 1));
        }
        let mut small = MemoryStore { capacity: Some(100), ..MemoryStore::default() };
        assert_eq!(save(&mut small, &mut huge), Err(Notice::NotSaved), "nothing left to fold");
    }

    #[test]
    fn saver_merges_only_what_another_tab_wrote() {
        let mut store = MemoryStore::default();
        let mut saver = Saver::default();
        let mut mine = Progress::default();
        mine.record(answer("a", 1));
        saver.save(&mut store, &mut mine).unwrap();
        mine.record(answer("a", 2));
        saver.save(&mut store, &mut mine).unwrap();
        assert_eq!(load(&mut store, 0).progress, mine);
        // Another tab writes: the next save must merge it, not overwrite it.
        let mut other = load(&mut store, 0).progress;
        other.record(answer("b", 3));
        save(&mut store, &mut other).unwrap();
        mine.record(answer("a", 4));
        saver.save(&mut store, &mut mine).unwrap();
        assert_eq!(mine.answers.len(), 4, "the other tab's answer was merged in");
        assert_eq!(load(&mut store, 0).progress, mine);
        // Something unreadable written since is never overwritten, even by a saver that wrote last.
        store.map.insert(PROGRESS_KEY.into(), "hỏng".into());
        mine.record(answer("a", 5));
        assert_eq!(saver.save(&mut store, &mut mine), Err(Notice::NotSaved));
        assert_eq!(store.map[PROGRESS_KEY], "hỏng");
    }

    #[test]
    fn saver_forgets_a_write_that_failed() {
        let mut store = MemoryStore::default();
        let mut saver = Saver::default();
        let mut mine = Progress::default();
        mine.record(answer("a", 1));
        saver.save(&mut store, &mut mine).unwrap();
        store.disabled = true;
        mine.record(answer("a", 2));
        assert_eq!(saver.save(&mut store, &mut mine), Err(Notice::NotSaved));
        // Storage comes back holding another tab's log: it is merged, not taken for ours.
        store.disabled = false;
        let mut other = Progress::default();
        other.record(answer("b", 3));
        store.map.insert(PROGRESS_KEY.into(), super::encode(&other));
        saver.save(&mut store, &mut mine).unwrap();
        assert_eq!(mine.answers.len(), 3);
    }
}
