//! Storage never fills itself (issue 14): whatever damaged, foreign or newer value sits under
//! the app's keys, reloading the page again and again writes nothing more, and a damaged value
//! that nearly fills the quota never stops an answer from being saved.

use ontap_core::kept_aside::{self, Kept, Kind};
use ontap_core::local::store::{self as local_store, LOCAL_BANKS_KEY, LocalNotice};
use ontap_core::progress::codec::encode;
use ontap_core::progress::store::{self, MemoryStore, Notice, PROGRESS_KEY, SPARE_KEY, Saver};
use ontap_core::progress::{AnswerRecord, Mode, Progress};

fn answer(q: &str, t: i64) -> AnswerRecord {
    AnswerRecord::from((t, "b".into(), q.into(), 1, 1000, Mode::Practice))
}

/// What a page load reads and writes: progress, then the local banks.
fn reload(store: &mut MemoryStore, now_ms: i64) -> (store::Loaded, local_store::LoadedLocal) {
    (store::load(store, now_ms), local_store::load(store, now_ms))
}

/// Values that cannot be used as they are, under `key`.
fn bad_values(key: &str) -> Vec<(&'static str, String)> {
    let good_progress = {
        let mut p = Progress::default();
        p.record(answer("q1", 1));
        p.record(answer("q2", 2));
        encode(&p)
    };
    let mut values = vec![
        ("damaged", "{\"format\": \"ontap-pro".to_owned()),
        ("not JSON", "xin chào".to_owned()),
        ("foreign array", "[1, 2, 3]".to_owned()),
        ("foreign object", "{\"theme\": \"dark\"}".to_owned()),
        ("big damaged", format!("{{{}", "x".repeat(20_000))),
    ];
    if key == PROGRESS_KEY {
        values.push(("newer", "{\"format\": \"ontap-progress\", \"version\": 99, \"answers\": []}".to_owned()));
        values.push(("damaged record", good_progress.replacen("\"q2\"", "7", 1)));
    } else {
        values.push(("newer", "{\"format\": \"ontap-local-banks\", \"version\": 99, \"banks\": []}".to_owned()));
    }
    values
}

#[test]
fn twenty_reloads_with_any_bad_value_leave_the_storage_size_unchanged() {
    for key in [PROGRESS_KEY, LOCAL_BANKS_KEY] {
        for (name, value) in bad_values(key) {
            // With room for a copy, and with a quota the copy does not fit in.
            for capacity in [None, Some(value.len() + 1_000)] {
                let mut store = MemoryStore { capacity, ..MemoryStore::default() };
                store.map.insert(key.into(), value.clone());
                let before = store.used();
                reload(&mut store, 1);
                let (size, keys) = (store.used(), store.map.keys().cloned().collect::<Vec<_>>());
                let copies = keys.iter().filter(|k| k.starts_with(kept_aside::PREFIX)).count();
                assert!(copies <= 1, "{key} {name} {capacity:?}: {keys:?}");
                if name == "newer" {
                    assert_eq!(size, before, "{key}: newer data is left alone, nothing is copied");
                    assert_eq!(store.map[key], value);
                }
                for t in 2..=21 {
                    reload(&mut store, t);
                    assert_eq!(store.used(), size, "{key} {name} {capacity:?}: reload {t}");
                    assert_eq!(store.map.keys().cloned().collect::<Vec<_>>(), keys, "{key} {name}");
                }
                // Whatever happened, the text is still there, once.
                let held = store.map.values().filter(|v| **v == value).count();
                assert_eq!(held, 1, "{key} {name} {capacity:?}");
            }
        }
    }
}

#[test]
fn earlier_builds_copies_are_reduced_to_one() {
    let mut store = MemoryStore::default();
    store.map.insert(LOCAL_BANKS_KEY.into(), "{ hỏng".into());
    for t in 1..=3 {
        store.map.insert(format!("ontap.kept-aside.local-banks.{t}"), "{ hỏng".into());
        store.map.insert(format!("ontap.kept-aside.{t}"), "{\"format\": \"ontap-progress\", \"version\": 99}".into());
    }
    let (_, local) = reload(&mut store, 10);
    assert_eq!(local.notice, Some(LocalNotice::Unreadable { kept: Kept::At("ontap.kept-aside.local-banks.1".into()) }));
    let kept: Vec<_> = kept_aside::list(&store).unwrap().into_iter().map(|i| i.key).collect();
    assert_eq!(kept, ["ontap.kept-aside.1", "ontap.kept-aside.local-banks.1"]);
}

#[test]
fn a_damaged_value_nearly_filling_the_quota_never_stops_an_answer_from_being_saved() {
    let damaged = format!("{{\"format\": \"ontap-progress\", {}", "x".repeat(95_000));
    let mut store = MemoryStore { capacity: Some(100_000), ..MemoryStore::default() };
    store.map.insert(PROGRESS_KEY.into(), damaged.clone());
    let loaded = store::load(&mut store, 1);
    assert!(matches!(&loaded.notices[..], [Notice::Unreadable { kept: Kept::InPlace, .. }]), "{:?}", loaded.notices);
    assert!(loaded.notices[0].message().contains("không đủ chỗ"));
    assert!(loaded.may_save);
    let mut progress = loaded.progress;
    let mut saver = Saver::default();
    for t in 0..50 {
        progress.record(answer(&format!("q{}", t % 7), t));
        assert_eq!(saver.save(&mut store, &mut progress), Ok(vec![]), "answer {t}");
        if t % 10 == 9 {
            // A reload reads the answers saved beside the original, which stays untouched.
            let again = store::load(&mut store, t);
            assert_eq!(again.progress, progress);
            assert_eq!(store.map[PROGRESS_KEY], damaged);
            saver = Saver::default();
        }
    }
    // Storage refusing for a while changes nothing: the saves go on beside the original.
    store.disabled = true;
    progress.record(answer("off", 60));
    assert_eq!(saver.save(&mut store, &mut progress), Err(Notice::NotSaved));
    store.disabled = false;
    assert_eq!(saver.save(&mut store, &mut progress), Ok(vec![]));
    assert_eq!(store.map[PROGRESS_KEY], damaged);
    assert_eq!(store::load(&mut store, 61).progress, progress);
    let listed = kept_aside::list(&store).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].in_place && listed[0].key == PROGRESS_KEY && listed[0].kind == Kind::Progress);
    // Downloaded, then deleted from the Dữ liệu page: the answers come home.
    assert_eq!(kept_aside::remove(&mut store, PROGRESS_KEY), Ok(true));
    assert_eq!(store::load(&mut store, 99).progress, progress);
    assert!(!store.map.contains_key(SPARE_KEY));
    assert_eq!(store.map.keys().collect::<Vec<_>>(), [PROGRESS_KEY]);
}

#[test]
fn what_is_read_of_an_original_left_in_place_survives_its_deletion() {
    // A log with one damaged record, too big to copy: its readable answers stay in it.
    let mut old = Progress::default();
    for t in 0..2_000 {
        old.record(answer(&format!("q{t}"), t));
    }
    let text = encode(&old).replacen(",0,0,", ",0,\"x\",", 1);
    let mut store = MemoryStore { capacity: Some(text.len() * 3 / 2), ..MemoryStore::default() };
    store.map.insert(PROGRESS_KEY.into(), text);
    let loaded = store::load(&mut store, 1);
    assert!(matches!(&loaded.notices[..], [Notice::Unreadable { kept: Kept::InPlace, .. }]));
    let mut progress = loaded.progress;
    assert_eq!(progress.answers.len(), 1_999);
    let mut saver = Saver::default();
    progress.record(answer("new", 5_000));
    saver.save(&mut store, &mut progress).unwrap();
    assert!(store.map[SPARE_KEY].len() < 200, "only the new answer is saved beside it");
    // Deleted from the Dữ liệu page, then the app saves at once: nothing read of it is lost.
    assert_eq!(kept_aside::remove(&mut store, PROGRESS_KEY), Ok(true));
    saver.save(&mut store, &mut progress).unwrap();
    assert_eq!(store::load(&mut store, 2).progress.answers.len(), 2_000);
    assert!(!store.map.contains_key(SPARE_KEY));
    assert_eq!(store.map.keys().collect::<Vec<_>>(), [PROGRESS_KEY]);
}

#[test]
fn the_issue_s_case_two_visits_do_not_fill_the_quota() {
    // About a third of the quota each, as the 1.75 million characters of the report in 5 MiB.
    let damaged = format!("{{{}", "x".repeat(30_000));
    let mut store = MemoryStore { capacity: Some(100_000), ..MemoryStore::default() };
    store.map.insert(LOCAL_BANKS_KEY.into(), damaged.clone());
    store.map.insert(PROGRESS_KEY.into(), damaged.clone());
    reload(&mut store, 0);
    let used = store.used();
    for t in 1..5 {
        reload(&mut store, t);
    }
    assert_eq!(store.used(), used);
    let kept: Vec<_> = kept_aside::list(&store).unwrap().into_iter().map(|i| (i.kind, i.in_place)).collect();
    // Each copied once, and the originals replaced by empty data.
    assert_eq!(kept, [(Kind::LocalBanks, false), (Kind::Progress, false)]);
    let mut progress = store::load(&mut store, 9).progress;
    progress.record(answer("q", 9));
    assert_eq!(store::save(&mut store, &mut progress), Ok(vec![]));
    assert_eq!(store::load(&mut store, 10).progress.answers.len(), 1);
}

#[test]
fn a_damaged_value_nearly_filling_the_quota_that_leaves_no_room_at_all_says_so() {
    let damaged = format!("{{{}", "x".repeat(99_950));
    let mut store = MemoryStore { capacity: Some(100_000), ..MemoryStore::default() };
    store.map.insert(PROGRESS_KEY.into(), damaged.clone());
    let mut progress = store::load(&mut store, 1).progress;
    progress.record(answer("q", 1));
    progress.record(answer("q", 2));
    // Not even the answer fits: the member is told, and nothing is overwritten.
    assert_eq!(store::save(&mut store, &mut progress), Err(Notice::NotSaved));
    assert_eq!(store.map[PROGRESS_KEY], damaged);
}
