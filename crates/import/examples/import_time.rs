//! Times `import_file` on files (for BENCHMARKS.md): `cargo run --release -p ontap-import
//! --example import_time -- FILE...`. Each file is imported 11 times; the median and the fastest
//! are printed, with the questions found.

use ontap_import::{FormatChoice, Options, import_file};
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let options = Options {
            bank_id: "do-thoi-gian".into(),
            title: None,
            description: None,
            material: None,
            format_choice: FormatChoice::Flag,
        };
        let mut times = Vec::new();
        let mut questions = 0;
        for _ in 0..11 {
            let start = Instant::now();
            let read = import_file(&path, &bytes, None, &options).expect("imports");
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            questions = read.import.bank.questions.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{path}: {} KiB, {questions} questions, median {:.1} ms, fastest {:.1} ms",
            bytes.len() / 1024,
            times[times.len() / 2],
            times[0]
        );
    }
}
