//! `ontap import -o FILE` writes exactly what it prints without `-o`, and the written bank
//! passes `ontap check`.

use std::path::Path;
use std::process::Command;

#[test]
fn output_file_holds_the_same_bank_and_passes_check() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import-word-clean");
    let out_dir = std::env::temp_dir().join(format!("ontap-import-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::copy(case.join("materials.json"), out_dir.join("materials.json")).unwrap();
    let out = out_dir.join("bank.json");
    let mut args: Vec<String> = std::fs::read_to_string(case.join("cmd"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let input = args.pop().unwrap();
    args.extend(["-o".to_owned(), out.display().to_string(), input]);
    let run = Command::new(env!("CARGO_BIN_EXE_ontap")).args(&args).current_dir(&case).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stdout.is_empty(), "with -o nothing goes to stdout");
    let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("Đã nhập 3 câu hỏi từ de-on-tap.txt"), "{stderr}");

    let texts = case.join("texts");
    let check = Command::new(env!("CARGO_BIN_EXE_ontap"))
        .args(["check", "--materials", &texts.display().to_string(), &out.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let _ = std::fs::remove_dir_all(&out_dir);
}
