//! The CI workflow: a baseline accepts the findings of today's corpus; a new
//! article that conflicts fails `check` and is named; one that agrees does
//! not; moved lines and renamed files keep the baseline valid; stale
//! entries warn (or fail with --strict); writing the baseline is atomic.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::{article, run, workspace};

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The seed corpus and rules in a git repository, with a committed baseline.
fn repository() -> tempfile::TempDir {
    let ws = workspace();
    let dir = ws.path();
    git(dir, &["init", "-q"]);
    git(dir, &["config", "user.email", "ci@example.com"]);
    git(dir, &["config", "user.name", "CI"]);
    let r = run(dir, &["baseline"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "crosscheck: wrote 1 finding to crosscheck-baseline.yaml\n"
    );
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "corpus and baseline"]);
    ws
}

#[test]
fn the_baseline_accepts_todays_findings_and_keeps_their_details() {
    let ws = repository();
    let r = run(ws.path(), &["check"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("(1 more in the baseline)"),
        "{}",
        r.stdout
    );
    let text = fs::read_to_string(ws.path().join("crosscheck-baseline.yaml")).unwrap();
    for wanted in [
        "version: 2",
        "metric: trade.china_russia.total",
        "period: '2024'",
        "- value: $245 billion",
        "- value: US$244.8 billion",
        "min: '244800000000'",
        "- 001-putin-xi-video-call",
        "reason: ''",
    ] {
        assert!(text.contains(wanted), "{wanted} missing:\n{text}");
    }
    // a reason filled in by a person survives writing the baseline again
    fs::write(
        ws.path().join("crosscheck-baseline.yaml"),
        text.replace("reason: ''", "reason: rounding of the same customs figure"),
    )
    .unwrap();
    assert_eq!(run(ws.path(), &["baseline"]).code, 0);
    let again = fs::read_to_string(ws.path().join("crosscheck-baseline.yaml")).unwrap();
    assert!(
        again.contains("reason: rounding of the same customs figure"),
        "{again}"
    );
}

#[test]
fn a_new_conflicting_article_fails_and_is_named_and_an_agreeing_one_passes() {
    let ws = repository();
    let dir = ws.path();
    article(
        &dir.join("fixtures"),
        "005-customs-annual.md",
        "2025-02-10",
        "Trade between China and Russia hit $240 billion last year, customs figures show.",
    );
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "a new article"]);
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.starts_with(
            "crosscheck: fixtures/005-customs-annual.md conflicts with 2 sources already in the corpus: 001-putin-xi-video-call, 004-putin-li-qiang-sco\n"
        ),
        "{}",
        r.stdout
    );
    for note in [
        "note: fixtures/005-customs-annual.md conflicts with 2 sources already in the corpus",
        "note: reading 3 is not in the baseline",
    ] {
        assert!(r.stdout.contains(note), "{note} missing:\n{}", r.stdout);
    }
    git(dir, &["rm", "-q", "fixtures/005-customs-annual.md"]);
    article(
        &dir.join("fixtures"),
        "006-tourism.md",
        "2024-09-01",
        "In 2023 about 220,000 Chinese tourists traveled to Russia, a tour operator said.",
    );
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "an agreeing article"]);
    let r = run(dir, &["check", "--fail-on", "info"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn a_new_article_that_repeats_an_accepted_value_joins_its_reading_and_passes() {
    let ws = repository();
    let dir = ws.path();
    article(
        &dir.join("fixtures"),
        "005-repeat.md",
        "2025-03-01",
        "Trade between China and Russia reached US$244.8 billion in 2024, customs said.",
    );
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.starts_with(
            "crosscheck: fixtures/005-repeat.md joins accepted reading 2 (US$244.8 billion) of trade.china_russia.total, 2024\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("(1 more in the baseline)"),
        "{}",
        r.stdout
    );
    // a third value is a new reading: it fails, naming the article and
    // the readings
    article(
        &dir.join("fixtures"),
        "006-third.md",
        "2025-03-01",
        "Trade between China and Russia reached $250 billion in 2024, customs said.",
    );
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    for wanted in [
        "crosscheck: fixtures/006-third.md conflicts with 3 sources already in the corpus",
        "trade.china_russia.total, 2024: $245 billion vs US$244.8 billion (2 sources) vs $250 billion",
        "note: reading 3 is not in the baseline",
    ] {
        assert!(r.stdout.contains(wanted), "{wanted} missing:\n{}", r.stdout);
    }
}

#[test]
fn a_baseline_of_pairs_is_an_error_that_says_what_to_run_which_keeps_the_reasons() {
    let ws = workspace();
    let dir = ws.path();
    fs::write(
        dir.join("crosscheck-baseline.yaml"),
        "version: 1\nfindings:\n- fingerprint: 17259b6202f03126\n  class: conflict\n  metric: trade.china_russia.total\n  period: '2024'\n  values:\n  - $245 billion\n  - US$244.8 billion\n  sources:\n  - 001-putin-xi-video-call\n  - 004-putin-li-qiang-sco\n  reason: the same customs figure, rounded\n",
    )
    .unwrap();
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("crosscheck-baseline.yaml: baseline version 1 is not 2")
            && r.stderr
                .contains("`crosscheck baseline --output crosscheck-baseline.yaml`"),
        "{}",
        r.stderr
    );
    assert_eq!(run(dir, &["baseline"]).code, 0);
    let text = fs::read_to_string(dir.join("crosscheck-baseline.yaml")).unwrap();
    assert!(
        text.contains("version: 2") && text.contains("reason: the same customs figure, rounded"),
        "{text}"
    );
    assert_eq!(run(dir, &["check"]).code, 0);
}

#[test]
fn moved_lines_and_a_renamed_file_keep_the_baseline_valid() {
    let ws = repository();
    let dir = ws.path();
    let path = dir.join("fixtures/004-putin-li-qiang-sco.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen(
            "RPA: 2024",
            "A new first paragraph.\n\nAnother one.\n\nRPA: 2024",
            1,
        ),
    )
    .unwrap();
    git(
        dir,
        &[
            "mv",
            "fixtures/001-putin-xi-video-call.md",
            "fixtures/putin-xi-call.md",
        ],
    );
    git(dir, &["commit", "-q", "-am", "moves and renames"]);
    let r = run(dir, &["check", "--strict"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(!r.stdout.contains("stale"), "{}", r.stdout);
}

#[test]
fn an_entry_that_no_longer_occurs_is_stale_a_warning_or_with_strict_a_failure() {
    let ws = repository();
    let dir = ws.path();
    git(dir, &["rm", "-q", "fixtures/001-putin-xi-video-call.md"]);
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("warning: crosscheck-baseline.yaml:5: stale baseline entry b58f02c927fe6e21: conflict trade.china_russia.total, 2024: $245 billion vs US$244.8 billion no longer occurs"),
        "{}",
        r.stdout
    );
    let strict = run(dir, &["check", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stdout);
    assert!(
        strict
            .stdout
            .contains("error: crosscheck-baseline.yaml:5: stale baseline entry"),
        "{}",
        strict.stdout
    );
    // the machine formats say it too, and standard error with its place
    let stale = "stale baseline entry b58f02c927fe6e21";
    let on_stderr = "crosscheck: warning: crosscheck-baseline.yaml:5: stale baseline entry";
    for format in ["json", "jsonl", "sarif", "github", "markdown"] {
        let r = run(dir, &["check", "--strict", "--format", format]);
        assert_eq!(r.code, 1, "{format}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(on_stderr), "{format}: {}", r.stderr);
        let shown = match format {
            "json" => {
                r.stdout.contains(r#""fingerprint": "b58f02c927fe6e21""#)
                    && r.stdout.contains(r#""fails": true"#)
            }
            "jsonl" => r
                .stdout
                .contains(r#"{"stale_baseline":{"file":"crosscheck-baseline.yaml","line":5"#),
            "sarif" => {
                r.stdout
                    .contains(r#""ruleId": "crosscheck/stale-baseline-entry""#)
                    && r.stdout.contains(r#""startLine": 5"#)
            }
            "github" => r.stdout.contains(
                "::error file=crosscheck-baseline.yaml,line=5,title=stale baseline entry::",
            ),
            _ => r.stdout.contains("#### Stale baseline entries: 1") && r.stdout.contains(stale),
        };
        assert!(shown, "{format}: {}", r.stdout);
    }
}

#[test]
fn writing_the_baseline_again_keeps_its_comments_and_reasons_as_written() {
    let ws = repository();
    let dir = ws.path();
    let path = dir.join("crosscheck-baseline.yaml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen(
            "- fingerprint:",
            "# accepted after talking to the desk\n- fingerprint:",
            1,
        )
        .replacen(
            "  reason: ''",
            "  # both figures are official\n  reason: \"rounding, see ticket 12\"   # ok",
            1,
        );
    fs::write(&path, &text).unwrap();
    let r = run(dir, &["baseline"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    // `--output -` prints it, with the comments of the baseline file, and
    // writes nothing
    let r = run(dir, &["baseline", "--output", "-"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, text);
    assert!(!dir.join("-").exists());
}

#[test]
fn a_failed_baseline_write_leaves_the_old_baseline_intact() {
    let ws = repository();
    let dir = ws.path();
    let before = fs::read_to_string(dir.join("crosscheck-baseline.yaml")).unwrap();
    article(
        &dir.join("fixtures"),
        "005-x.md",
        "2025-02-10",
        "Trade between China and Russia hit $240 billion last year.",
    );
    // no file may grow past 0 bytes (a full disk, for anyone, root too):
    // the temporary file cannot be written
    let out = Command::new("sh")
        .args(["-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" baseline"])
        .arg(assert_cmd::cargo::cargo_bin("crosscheck"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("crosscheck-baseline.yaml: cannot write: "),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.join("crosscheck-baseline.yaml")).unwrap(),
        before
    );
    // and no temporary file is left behind
    let left: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_named_baseline_that_does_not_exist_is_an_error() {
    let ws = workspace();
    let r = run(ws.path(), &["check", "--baseline", "nowhere.yaml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--baseline: no such file: nowhere.yaml"),
        "{}",
        r.stderr
    );
}
