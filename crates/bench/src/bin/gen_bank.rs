//! Writes a generated bank of N questions (default 10,000: about 12 MB, since
//! its texts are as long as the shipped banks', 1.2 kB a question) to standard output:
//! `cargo run --release -p ontap-bench --bin gen-bank -- 10000 > /tmp/ngan-hang-lon-10000.json`.

use std::io::Write;

fn main() {
    let n = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        None => 10_000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: gen-bank [N]   (N, the number of questions, at least 1)");
            std::process::exit(2);
        }
    };
    let text = ontap_bench::generate::bank_json(n);
    std::io::stdout().lock().write_all(text.as_bytes()).expect("standard output is writable");
}
