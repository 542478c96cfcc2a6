//! `ontap import -o FILE` writes exactly what it prints without `-o`, the written bank passes
//! `ontap check`, and an existing file is only replaced with `--force`.

use std::path::Path;
use std::process::Command;

#[test]
fn output_file_holds_the_same_bank_and_passes_check() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import-word-clean");
    let out_dir = std::env::temp_dir().join(format!("ontap-import-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::copy(case.join("materials.json"), out_dir.join("materials.json")).unwrap();
    let out = out_dir.join("bank.json");
    let _ = std::fs::remove_file(&out);
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
    assert!(stderr.contains("Đã nhập 4 câu hỏi từ de-on-tap.txt"), "{stderr}");

    let texts = case.join("texts");
    let check = Command::new(env!("CARGO_BIN_EXE_ontap"))
        .args(["check", "--materials", &texts.display().to_string(), &out.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));

    // A second import does not replace the bank (the trainer may have completed it by hand)
    // unless asked to.
    std::fs::write(&out, "{}\n").unwrap();
    let again = Command::new(env!("CARGO_BIN_EXE_ontap")).args(&args).current_dir(&case).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "{}\n");
    let forced = Command::new(env!("CARGO_BIN_EXE_ontap"))
        .arg("import")
        .arg("--force")
        .args(&args[1..])
        .current_dir(&case)
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(0), "{}", String::from_utf8_lossy(&forced.stderr));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
    let _ = std::fs::remove_dir_all(&out_dir);
}
