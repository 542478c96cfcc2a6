use ontap_bench::generate::{bank_json, file_name};
use ontap_core::check::{References, check_bank};
fn main() {
    let text = bank_json(10_000);
    let t = std::time::Instant::now();
    for _ in 0..3 {
        let c = check_bank(text.as_bytes(), &file_name(10_000), &References::default());
        assert!(c.value.is_some());
    }
    eprintln!("{:?}", t.elapsed() / 3);
}
