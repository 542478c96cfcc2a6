//! Runs the built `ontap` on every case in `tests/fixtures/` and compares its whole output
//! with the committed expected files, in the manner of ripgrep's integration tests.
//!
//! A case is a folder holding:
//! - `cmd`: the arguments, one per line, run with the case folder as current directory;
//! - the input files the arguments name (`bank.json`, `materials.json`, `texts/`, …);
//! - `expected.txt`: the exact stdout;
//! - `expected-exit`: the exit code (0 clean, 1 problems found, 2 could not run);
//! - `expected-stderr.txt`: the exact stderr, present only when stderr is not empty;
//! - `bug` (rare): says what the checker gets wrong in this case. The expected files then hold
//!   the *right* output, written by hand; the case is reported but does not fail while the
//!   output differs, and fails once it matches, so that the `bug` file gets deleted.
//!
//! `BLESS=1 cargo test -p ontap-cli` rewrites the expected files from what the tool prints
//! (cases with a `bug` file are left alone). Read every changed file before committing it:
//! a blessed bug is a hidden bug.
//! `FIXTURE=name` runs only the cases whose folder name contains `name`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const STDOUT_FILE: &str = "expected.txt";
const STDERR_FILE: &str = "expected-stderr.txt";
const EXIT_FILE: &str = "expected-exit";
const BUG_FILE: &str = "bug";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What one run printed.
struct Outcome {
    stdout: String,
    stderr: String,
    exit: String,
}

fn run_ontap(dir: &Path, args: &[String]) -> Outcome {
    let out = Command::new(env!("CARGO_BIN_EXE_ontap")).args(args).current_dir(dir).output().expect("ontap runs");
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        exit: match out.status.code() {
            Some(code) => code.to_string(),
            None => format!("killed ({})", out.status),
        },
    }
}

/// The case folders (those with a `cmd` file), sorted by name.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("cmd").is_file())
        .collect();
    cases.sort();
    cases
}

fn args_of(case: &Path) -> Vec<String> {
    std::fs::read_to_string(case.join("cmd"))
        .expect("cmd is readable")
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn read_or_empty(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// A line diff of `expected` against `actual` (`-` expected only, `+` actual only).
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    // Longest common subsequence table, filled from the ends.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, mark: char, l: &str| {
        let shown = l.strip_suffix('\n').unwrap_or(l);
        let end = if l.ends_with('\n') { "" } else { "⏎ (no newline at end)" };
        let _ = writeln!(out, "{mark} {shown}{end}");
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            line(&mut out, ' ', a[i]);
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            line(&mut out, '-', a[i]);
            i += 1;
        } else {
            line(&mut out, '+', b[j]);
            j += 1;
        }
    }
    out
}

/// Compares one part of the output; on a difference, says how in `failures`.
fn compare(failures: &mut String, case: &str, what: &str, expected: &str, actual: &str) {
    if expected != actual {
        let _ = writeln!(failures, "── {case}: {what} differs (- expected, + actual) ──\n{}", diff(expected, actual));
    }
}

fn write_expected(case: &Path, outcome: &Outcome) {
    let write = |name: &str, text: &str| {
        std::fs::write(case.join(name), text).expect("expected file is writable");
    };
    write(STDOUT_FILE, &outcome.stdout);
    write(EXIT_FILE, &format!("{}\n", outcome.exit));
    if outcome.stderr.is_empty() {
        let _ = std::fs::remove_file(case.join(STDERR_FILE));
    } else {
        write(STDERR_FILE, &outcome.stderr);
    }
}

#[test]
fn fixtures() {
    let only = std::env::var("FIXTURE").ok();
    let bless = blessing();
    let mut failures = String::new();
    let mut known_bugs = String::new();
    let mut ran = 0;
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        ran += 1;
        let args = args_of(&case);
        let bug = std::fs::read_to_string(case.join(BUG_FILE)).ok();
        let outcome = run_ontap(&case, &args);
        if bless {
            if bug.is_some() {
                eprintln!("not blessed: {name} has a `{BUG_FILE}` file (its expected files are hand-written)");
            } else {
                write_expected(&case, &outcome);
            }
            continue;
        }
        let shown = format!("{name} (ontap {})", args.join(" "));
        if !case.join(STDOUT_FILE).is_file() || !case.join(EXIT_FILE).is_file() {
            let _ =
                writeln!(failures, "── {shown}: no {STDOUT_FILE} or {EXIT_FILE}; run with BLESS=1 and read them ──");
            continue;
        }
        let mut differences = String::new();
        let expected_exit = read_or_empty(&case.join(EXIT_FILE));
        if expected_exit.trim() != outcome.exit {
            let _ =
                writeln!(differences, "── {shown}: exit code {}, expected {} ──", outcome.exit, expected_exit.trim());
        }
        compare(&mut differences, &shown, "stdout", &read_or_empty(&case.join(STDOUT_FILE)), &outcome.stdout);
        compare(&mut differences, &shown, "stderr", &read_or_empty(&case.join(STDERR_FILE)), &outcome.stderr);
        match bug {
            None => failures.push_str(&differences),
            Some(_) if differences.is_empty() => {
                let _ = writeln!(
                    failures,
                    "── {shown}: the known bug is fixed (the output is now the expected one): \
                     delete tests/fixtures/{name}/{BUG_FILE} ──"
                );
            }
            Some(bug) => {
                let _ = writeln!(known_bugs, "── known bug, {shown}: {}", bug.trim());
                known_bugs.push_str(&differences);
            }
        }
    }
    assert!(ran > 0, "no fixture case ran (FIXTURE={only:?})");
    if bless {
        eprintln!("blessed {ran} case(s): read every changed expected file before committing");
    }
    if !known_bugs.is_empty() {
        eprintln!("{known_bugs}");
    }
    assert!(
        failures.is_empty(),
        "fixture output differs; if the new output is right, rerun with BLESS=1\n\n{failures}"
    );
}

/// The banks shipped in `questions/` pass the checker, quotes included, when the materials'
/// texts are checked out beside the repository (`../shared/materials`).
#[test]
fn shipped_banks_pass() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let materials = repo.join("../shared/materials");
    if !materials.is_dir() {
        eprintln!("note: shipped_banks_pass skipped: {} does not exist", materials.display());
        return;
    }
    let args = [
        "check".to_owned(),
        "--materials".to_owned(),
        materials.display().to_string(),
        repo.join("questions").display().to_string(),
    ];
    let outcome = run_ontap(&repo, &args);
    assert_eq!(
        outcome.exit,
        "0",
        "ontap {} found problems in the shipped banks:\n{}{}",
        args.join(" "),
        outcome.stdout,
        outcome.stderr
    );
}
