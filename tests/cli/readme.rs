//! Every ```` ```console ```` block of the README, run as a reader runs
//! them: top to bottom, in one scratch copy of the bundled corpus
//! (`fixtures/`, `rules/`, `packs/`, `tests/cases/`), each block in a
//! fresh bash started in that copy, `crosscheck` (and `cargo run --release
//! -q --`) meaning the binary under test. Each command's output (standard
//! output and error together) must be what the README shows, compared by
//! `snapbox` (`[..]` in the README matches any text within a line, `...`
//! any lines). Blocks marked ```` ```console ignore ```` are not run: the
//! README says why next to each (timings, other tools, the network).
//!
//! `README_BLESS=1 cargo test --test cli readme` writes the outputs of
//! this build into the README instead.

use std::fs;
use std::path::Path;

use crate::support::{bash, copy_dir, root};

/// One `$` command of a block and the output shown after it.
#[derive(Debug)]
struct Step {
    command: String,
    expected: String,
}

/// A checked block: the line of the README it starts at, its steps.
#[derive(Debug)]
struct Block {
    line: usize,
    steps: Vec<Step>,
}

/// The checked console blocks of `readme`.
fn blocks(readme: &str) -> Vec<Block> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i] != "```console" {
            i += 1;
            continue;
        }
        let line = i + 1;
        i += 1;
        let mut steps: Vec<Step> = Vec::new();
        while i < lines.len() && lines[i] != "```" {
            let Some(first) = lines[i].strip_prefix("$ ") else {
                let step = steps.last_mut().expect("a block starts with a `$` command");
                step.expected.push_str(lines[i]);
                step.expected.push('\n');
                i += 1;
                continue;
            };
            let mut command = first.to_string();
            i += 1;
            // a line ending in `\` goes on; a here-document runs to its end
            let mut open = command.ends_with('\\');
            while open && i < lines.len() {
                command.push('\n');
                command.push_str(lines[i]);
                open = lines[i].ends_with('\\');
                i += 1;
            }
            if let Some(end) = heredoc_end(&command) {
                while i < lines.len() {
                    command.push('\n');
                    command.push_str(lines[i]);
                    i += 1;
                    if lines[i - 1] == end {
                        break;
                    }
                }
            }
            steps.push(Step {
                command,
                expected: String::new(),
            });
        }
        i += 1;
        out.push(Block { line, steps });
    }
    out
}

/// The word that ends the here-document `command` opens (`<<'ARTICLE'`).
fn heredoc_end(command: &str) -> Option<String> {
    let after = command.split("<<").nth(1)?;
    let word: String = after
        .trim_start_matches('-')
        .trim_matches(|c| c == '\'' || c == '"')
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!word.is_empty()).then_some(word)
}

/// The marker printed after each command, with its status.
const MARK: &str = "@@crosscheck-readme-step@@";

/// Runs `block` with bash in `dir`, from the folder the block before it
/// ended in (as a reader's shell does: recorded in `dir/.readme-cwd`); the
/// output of each step.
fn run_block(dir: &Path, block: &Block) -> Vec<String> {
    let cwd = dir.join(".readme-cwd");
    let mut script = format!(
        "exec 2>&1\n[ -f '{0}' ] && cd \"$(cat '{0}')\"\n",
        cwd.display()
    );
    for step in &block.steps {
        let command = step
            .command
            .replace("cargo run --release -q --", "crosscheck")
            .replace("target/release/crosscheck", "crosscheck");
        // the status is kept for the next command's `$?`
        script.push_str(&format!(
            "{command}\n__status=$?; printf '{MARK}\\n'; (exit $__status)\n"
        ));
    }
    script.push_str(&format!("pwd > '{}'\n", cwd.display()));
    let out = bash(dir, &script)
        .env_remove("COLUMNS")
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut outputs: Vec<String> = text
        .split(&format!("{MARK}\n"))
        .map(str::to_string)
        .collect();
    outputs.truncate(block.steps.len());
    outputs.resize(block.steps.len(), String::new());
    outputs
}

/// The scratch copy the README's walkthroughs run in.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    for sub in ["fixtures", "rules", "packs", "tests/cases"] {
        copy_dir(&root().join(sub), &dir.path().join(sub));
    }
    dir
}

#[test]
fn every_console_block_of_the_readme_prints_what_it_shows() {
    let path = root().join("README.md");
    let readme = fs::read_to_string(&path).unwrap();
    let blocks = blocks(&readme);
    assert!(blocks.len() >= 15, "{} blocks", blocks.len());
    let dir = scratch();
    let bless = std::env::var_os("README_BLESS").is_some();
    let mut shown: Vec<(usize, String)> = Vec::new();
    let mut failed = Vec::new();
    for block in &blocks {
        let outputs = run_block(dir.path(), block);
        let mut text = String::new();
        for (step, actual) in block.steps.iter().zip(&outputs) {
            text.push_str(&format!("$ {}\n{actual}", step.command));
            let matched = snapbox::Assert::new().normalize_paths(false).try_eq(
                None,
                actual.as_str().into(),
                step.expected.as_str().into(),
            );
            if let Err(e) = matched {
                failed.push(format!(
                    "README.md:{}: `$ {}`:\n{e}",
                    block.line, step.command
                ));
            }
        }
        shown.push((block.line, text));
    }
    if bless {
        fs::write(&path, rewrite(&readme, &shown)).unwrap();
        return;
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// `readme` with the body of each block (at its line: the fence's) made
/// `text`.
fn rewrite(readme: &str, blocks: &[(usize, String)]) -> String {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    for (line, text) in blocks {
        // the fence is line `line`; its body starts after it
        while i < *line {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
        }
        out.push_str(text);
        while i < lines.len() && lines[i] != "```" {
            i += 1;
        }
    }
    for l in &lines[i..] {
        out.push_str(l);
        out.push('\n');
    }
    out
}

#[test]
fn blocks_are_read_as_commands_outputs_and_here_documents() {
    let readme = "text\n```console\n$ echo a \\\n  b\na b\n$ cat > x <<'END'\nline\nEND\n$ cat x\nline\n```\n```console ignore\n$ date\n```\n";
    let blocks = blocks(readme);
    assert_eq!(blocks.len(), 1);
    let steps = &blocks[0].steps;
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[0].command, "echo a \\\n  b");
    assert_eq!(steps[0].expected, "a b\n");
    assert_eq!(steps[1].command, "cat > x <<'END'\nline\nEND");
    assert_eq!(steps[1].expected, "");
    assert_eq!(steps[2].expected, "line\n");
    let dir = tempfile::TempDir::new().unwrap();
    let outputs = run_block(dir.path(), &blocks[0]);
    assert_eq!(outputs, ["a b\n", "", "line\n"]);
}
