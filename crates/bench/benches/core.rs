//! Criterion benches of the core on a generated bank of 10,000 questions: the checker, parsing
//! straight to `Bank`, scoring each type, the exam draw, the progress codec, and what the home
//! page computes from a long history.
//! `cargo bench -p ontap-bench --bench core`.

use criterion::{Criterion, criterion_group, criterion_main};
use ontap_bench::generate::{bank, bank_json, file_name};
use ontap_bench::storage::answers;
use ontap_core::check::{References, check_bank};
use ontap_core::draw::{Filter, draw};
use ontap_core::library::Library;
use ontap_core::model::{Bank, MaterialList, QuestionKind};
use ontap_core::progress::codec::{decode, encode, encode_v1};
use ontap_core::progress::record::fingerprint;
use ontap_core::progress::{AnswerRecord, Progress};
use ontap_core::score::{Response, score};
use std::hint::black_box;

const N: usize = 10_000;

/// The shipped materials, which the generated bank cites.
fn materials() -> MaterialList {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../questions/materials.json");
    serde_json::from_slice(&std::fs::read(path).expect("the shipped materials")).expect("a material list")
}

fn checking(c: &mut Criterion) {
    let text = bank_json(N);
    let list = materials();
    let refs = References { materials: Some(&list), texts: None };
    let name = file_name(N);
    let mut group = c.benchmark_group("bank of 10,000");
    group.sample_size(10);
    group.bench_function("check_bank", |b| b.iter(|| check_bank(black_box(text.as_bytes()), &name, &refs)));
    group.bench_function("serde_json::from_str::<Bank>", |b| {
        b.iter(|| serde_json::from_str::<Bank>(black_box(&text)).expect("a bank"))
    });
    group.bench_function("serde_json::from_str::<Value>", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).expect("JSON"))
    });
    group.finish();
}

/// A right answer to every type of question.
fn right_answer(kind: &QuestionKind) -> Response {
    match kind {
        QuestionKind::Single { correct, .. } | QuestionKind::Multiple { correct, .. } => {
            Response::Choice(correct.indices())
        }
        QuestionKind::TrueFalse { answer } => Response::TrueFalse(*answer),
        QuestionKind::FillBlank { accepted, .. } => Response::Text(accepted[0].to_uppercase()),
        QuestionKind::Ordering { items } => Response::Order((0..items.len()).rev().collect()),
        QuestionKind::Matching { pairs } => Response::Match((0..pairs.len()).map(Some).collect()),
    }
}

fn scoring(c: &mut Criterion) {
    let bank = bank(6);
    let mut group = c.benchmark_group("score");
    for q in &bank.questions {
        let response = right_answer(&q.kind);
        group.bench_function(q.kind.type_name(), |b| b.iter(|| score(black_box(&q.kind), black_box(&response))));
    }
    group.finish();
}

fn drawing(c: &mut Criterion) {
    let banks = vec![bank(N)];
    let filter = Filter::default();
    let tagged = Filter { banks: vec![], tags: vec!["đối ngoại".into()] };
    c.bench_function("draw 30 of 10,000", |b| b.iter(|| draw(black_box(&banks), &filter, 30, 12345)));
    c.bench_function("draw 30 of 10,000, one tag", |b| b.iter(|| draw(black_box(&banks), &tagged, 30, 12345)));
}

fn progress_codec(c: &mut Criterion) {
    let log = answers(N, N);
    let text = encode(&log);
    let mut group = c.benchmark_group("progress of 10,000 answers");
    group.bench_function("encode", |b| b.iter(|| encode(black_box(&log))));
    group.bench_function("decode", |b| b.iter(|| decode(black_box(&text))));
    // Format 1, as written before issue 14 (read once, when it is migrated).
    let v1 = encode_v1(&log);
    group.bench_function("encode format 1", |b| b.iter(|| encode_v1(black_box(&log))));
    group.bench_function("decode format 1", |b| b.iter(|| decode(black_box(&v1))));
    group.finish();
}

/// The home page's figures for a member with 10,000 answers spread over the 10,000 questions:
/// what is due for review, and a bank's mastery.
fn studying(c: &mut Criterion) {
    let library = Library::new(vec![bank(N)], vec![]);
    let questions = &library.banks[0].questions;
    // The generated log with each answer given to its question's current text.
    let mut log = Progress::default();
    for a in answers(N, N).answers {
        let index: usize = a.question.trim_start_matches("nhl-").parse::<usize>().expect("a generated id") - 1;
        log.record(AnswerRecord { fingerprint: fingerprint(&questions[index]), ..a });
    }
    let now = log.answers.last().map_or(0, |a| a.time_ms) + 30 * 86_400_000;
    let mut group = c.benchmark_group("10,000 answers to a bank of 10,000");
    group.sample_size(10);
    group.bench_function("due", |b| b.iter(|| log.due(black_box(&library), now)));
    group.bench_function("bank_stats", |b| b.iter(|| log.bank_stats(black_box(&library.banks[0]))));
    group.finish();
}

criterion_group!(benches, checking, scoring, drawing, progress_codec, studying);
criterion_main!(benches);
