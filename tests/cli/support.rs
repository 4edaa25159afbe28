//! Helpers: run the binary, build temporary corpora.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run in `dir`, its tables as wide as their content (tests
/// of the width set `COLUMNS` or `--width` themselves).
pub(crate) fn crosscheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").expect("binary is built");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "1000");
    cmd
}

/// What a run printed, and how it ended.
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

pub(crate) fn run(dir: &Path, args: &[&str]) -> Run {
    let out = crosscheck(dir).args(args).output().expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A bash that runs `script` in `dir`, with `crosscheck` on its PATH
/// meaning the binary under test, and no colour.
pub(crate) fn bash(dir: &Path, script: &str) -> Command {
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let path = format!(
        "{}:{}",
        bin.parent().expect("the binary's folder").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut bash = Command::new("bash");
    bash.arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1");
    bash
}

/// Copies folder `from` to `to`, with everything in it.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary folder with copies of the project's `fixtures/` and `rules/`.
pub(crate) fn workspace() -> TempDir {
    let dir = TempDir::new().unwrap();
    copy_dir(&root().join("fixtures"), &dir.path().join("fixtures"));
    copy_dir(&root().join("rules"), &dir.path().join("rules"));
    dir
}

/// The shipped rules, plus `extra` rule files, over new articles only (no
/// fixtures): `(file name, published, body)`.
pub(crate) fn corpus(extra: &[(&str, &str)], articles: &[(&str, &str, &str)]) -> TempDir {
    let ws = workspace();
    fs::remove_dir_all(ws.path().join("fixtures")).unwrap();
    fs::create_dir(ws.path().join("fixtures")).unwrap();
    for (name, yaml) in extra {
        fs::write(ws.path().join("rules").join(name), yaml).unwrap();
    }
    for (name, published, body) in articles {
        article(&ws.path().join("fixtures"), name, published, body);
    }
    ws
}

/// `check --fail-on info` on a corpus passes: no finding of any severity.
pub(crate) fn assert_clean(ws: &TempDir) {
    let r = run(ws.path(), &["check", "--fail-on", "info"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

/// An article with front matter, written to `dir/name`.
pub(crate) fn article(dir: &Path, name: &str, published: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    let id = name.trim_end_matches(".md");
    let text =
        format!("---\nid: {id}\ntitle: A test article\npublished: {published}\n---\n{body}\n");
    fs::write(&path, text).unwrap();
    path
}

/// JSON lines, parsed.
pub(crate) fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The facts of `facts --format jsonl`: its lines but the summary line
/// that ends them.
pub(crate) fn fact_lines(stdout: &str) -> Vec<serde_json::Value> {
    let mut lines = json_lines(stdout);
    let last = lines.pop().expect("a summary line");
    assert!(
        last.get("summary").is_some(),
        "no summary at the end: {last}"
    );
    lines
}

/// The facts `facts --format json` gives for the corpus in `dir`, which
/// must be read without an error.
pub(crate) fn facts_json(dir: &Path) -> Vec<serde_json::Value> {
    let r = run(dir, &["facts", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// Every fact of a finding of the JSON report: of its readings, then of its
/// combinations.
pub(crate) fn finding_facts(f: &serde_json::Value) -> Vec<&serde_json::Value> {
    ["readings", "combinations"]
        .iter()
        .filter_map(|k| f[*k].as_array())
        .flatten()
        .filter_map(|g| g["facts"].as_array())
        .flatten()
        .collect()
}

/// The notes of a finding of the JSON report, in words, joined by "; ".
pub(crate) fn finding_notes(f: &serde_json::Value) -> String {
    f["notes"]
        .as_array()
        .map(|ns| {
            ns.iter()
                .filter_map(|n| n["text"].as_str())
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}
