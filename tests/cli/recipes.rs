//! The CI recipes of the README, run as written: the shell recipe and the
//! `run:` steps of the GitHub Actions workflow, on a copy of the corpus with
//! a baseline. Both pass, then fail once a contradicting article is added.

use std::fs;
use std::path::Path;

use crate::support::{self, article, root, run, workspace};

/// The first fenced block of `lang` after `heading` in the README.
fn block(heading: &str, lang: &str) -> String {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let after = &readme[readme.find(heading).expect("the heading")..];
    let fence = format!("```{lang}\n");
    let start = after.find(&fence).expect("the block") + fence.len();
    let len = after[start..].find("```").expect("the block's end");
    after[start..start + len].to_string()
}

/// Runs `script` with bash in `dir`, `crosscheck` and
/// `target/release/crosscheck` meaning the binary under test.
fn bash(dir: &Path, script: &str) -> i32 {
    let script = script.replace("target/release/crosscheck", "crosscheck");
    let out = support::bash(dir, &script).output().expect("bash runs");
    out.status.code().unwrap_or(-1)
}

fn with_baseline() -> tempfile::TempDir {
    let ws = workspace();
    assert_eq!(run(ws.path(), &["baseline"]).code, 0);
    ws
}

fn contradict(dir: &Path) {
    article(
        &dir.join("fixtures"),
        "005-customs-annual.md",
        "2025-02-10",
        "Trade between China and Russia hit $240 billion last year, customs figures show.",
    );
}

#[test]
fn the_shell_recipe_passes_then_fails_on_a_contradiction() {
    let script = block("### CI recipes", "sh");
    assert!(script.contains("crosscheck check"), "{script}");
    let ws = with_baseline();
    assert_eq!(bash(ws.path(), &script), 0);
    contradict(ws.path());
    assert_eq!(bash(ws.path(), &script), 1);
}

#[test]
fn the_github_workflow_steps_pass_then_fail_on_a_contradiction() {
    let yaml = block("### CI recipes", "yaml");
    // the README shows the workflow `crosscheck init` writes
    let written = fs::read_to_string(root().join("templates/init/workflow.yml")).unwrap();
    assert_eq!(yaml, written);
    let workflow: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("the workflow is YAML");
    let steps = workflow["jobs"]["crosscheck"]["steps"]
        .as_sequence()
        .expect("steps");
    let runs: Vec<String> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        // the install step is cached and builds from the network: not here
        .filter(|r| r.starts_with("crosscheck "))
        .map(str::to_string)
        .collect();
    assert_eq!(runs.len(), 3, "{runs:?}");
    let script = format!("set -e\n{}", runs.join("\n"));
    let ws = with_baseline();
    assert_eq!(bash(ws.path(), &script), 0);
    let sarif = fs::read_to_string(ws.path().join("crosscheck.sarif")).unwrap();
    assert!(sarif.contains("\"version\": \"2.1.0\""));
    contradict(ws.path());
    assert_eq!(bash(ws.path(), &script), 1);
    let sarif = fs::read_to_string(ws.path().join("crosscheck.sarif")).unwrap();
    assert!(sarif.contains("005-customs-annual.md"), "{sarif}");
}
