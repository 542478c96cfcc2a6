//! The trainers' guide (`questions/README.md`) shows real output: every fenced `text` block
//! whose first line is `$ ontap …` is run, in document order, in a scratch folder, and what the
//! tool prints must be the rest of the block.
//!
//! The scratch folder holds `questions/materials.json`, `vi-du.json` (a bank of every complete
//! question example in the guide) and each block marked by a line `<!-- tệp: NAME -->` just
//! before it. A block marked `<!-- kết quả: NAME -->` must equal file NAME at that point (after
//! the commands above it ran). `BLESS=1` rewrites the command and result blocks from what the tool does:
//! read the diff of the guide before committing.

use std::path::{Path, PathBuf};
use std::process::Command;

const FILE_MARK: &str = "<!-- tệp: ";
const RESULT_MARK: &str = "<!-- kết quả: ";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn marked<'a>(line: &'a str, mark: &str) -> Option<&'a str> {
    line.strip_prefix(mark)?.strip_suffix(" -->")
}

/// Every fenced block: (line of its opening fence, language, body with a final newline).
fn blocks(guide: &str) -> Vec<(usize, &str, String)> {
    let lines: Vec<&str> = guide.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(lang) = lines[i].strip_prefix("```").filter(|l| !l.is_empty()) {
            let end = (i + 1..lines.len()).find(|&k| lines[k] == "```").expect("every fence is closed");
            let body: String = lines[i + 1..end].iter().map(|l| format!("{l}\n")).collect();
            out.push((i, lang, body));
            i = end;
        }
        i += 1;
    }
    out
}

/// The bank `vi-du.json`: every complete question example (a `json` block with a `type`).
fn examples_bank(guide: &str) -> String {
    let questions: Vec<serde_json::Value> = blocks(guide)
        .into_iter()
        .filter(|(_, lang, _)| *lang == "json")
        .filter_map(|(_, _, body)| serde_json::from_str::<serde_json::Value>(&body).ok())
        .filter(|v| v.get("type").is_some())
        .collect();
    let bank = serde_json::json!({
        "$schema": "schema/bank.schema.json", "format": 1, "id": "vi-du", "title": "Ví dụ",
        "description": "Các ví dụ trong hướng dẫn.", "version": 1, "questions": questions,
    });
    serde_json::to_string_pretty(&bank).unwrap() + "\n"
}

#[test]
fn the_guide_shows_real_output() {
    let path = root().join("questions/README.md");
    let guide = std::fs::read_to_string(&path).unwrap();
    let dir = std::env::temp_dir().join(format!("ontap-guide-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join("questions/materials.json"), dir.join("materials.json")).unwrap();
    std::fs::write(dir.join("vi-du.json"), examples_bank(&guide)).unwrap();

    let lines: Vec<&str> = guide.lines().collect();
    let mut replacements: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
    let mut failures = Vec::new();
    let mut commands = Vec::new();
    for (fence, lang, body) in blocks(&guide) {
        let before = if fence > 0 { lines[fence - 1] } else { "" };
        if let Some(name) = marked(before, FILE_MARK) {
            std::fs::write(dir.join(name), &body).unwrap();
        } else if let Some(name) = marked(before, RESULT_MARK) {
            let actual = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            if actual != body {
                failures.push(format!("line {}: {name} is now:\n{actual}", fence + 1));
                let range = fence + 1..fence + 1 + body.lines().count();
                replacements.push((range, actual.lines().map(str::to_owned).collect()));
            }
        } else if let (true, Some(command)) = (lang == "text", body.lines().next().and_then(|l| l.strip_prefix("$ "))) {
            let mut words = command.split_whitespace();
            assert_eq!(words.next(), Some("ontap"), "line {}: only ontap is run", fence + 1);
            let out = Command::new(env!("CARGO_BIN_EXE_ontap")).args(words).current_dir(&dir).output().unwrap();
            let printed = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            let expected = &body[command.len() + 3..];
            if printed != expected {
                failures.push(format!("line {}: `{command}` prints:\n{printed}", fence + 1));
                let new = std::iter::once(format!("$ {command}")).chain(printed.lines().map(str::to_owned));
                replacements.push((fence + 1..fence + 1 + body.lines().count(), new.collect::<Vec<_>>()));
            }
            commands.push(command.to_owned());
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    if !replacements.is_empty() && std::env::var_os("BLESS").is_some_and(|v| v != "0") {
        let mut blessed: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        // From the last block up, so the earlier blocks' line numbers still hold.
        for (range, new) in replacements.into_iter().rev() {
            blessed.splice(range, new);
        }
        std::fs::write(&path, blessed.join("\n") + "\n").unwrap();
        eprintln!("blessed questions/README.md: read its diff before committing");
        return;
    }
    assert!(failures.is_empty(), "the guide's output differs (BLESS=1 rewrites it):\n{}", failures.join("\n"));
    for tool in ["ontap check", "ontap fmt", "ontap stats"] {
        assert!(commands.iter().any(|c| c.starts_with(tool)), "the guide shows `{tool}` at work");
    }
}
