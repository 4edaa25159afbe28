//! Issue 14: inputs that crashed, hung, or wrote where they should not.
//! Each test is one reproduction of the issue's table (its number in the
//! name), run through the binary.

use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;
use std::time::Duration;

use tempfile::TempDir;

use crate::support::{corpus, crosscheck, json_lines, run, workspace, Run};

/// `extract` of `text` as a file: every quantity's kind, value (or
/// bounds) and text.
fn extracted(text: &str) -> Vec<(String, String, String)> {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let r = run(dir.path(), &["extract", "a.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    json_lines(&r.stdout)
        .iter()
        .map(|q| {
            let value = match (&q["value"], &q["min"], &q["max"]) {
                (serde_json::Value::String(v), _, _) => v.clone(),
                (_, lo, hi) if !lo.is_null() || !hi.is_null() => format!("[{lo}, {hi}]"),
                _ => "-".to_string(),
            };
            let text = q["text"].as_str().unwrap_or_default().to_string();
            (
                q["kind"].as_str().unwrap_or_default().to_string(),
                value,
                text,
            )
        })
        .collect()
}

fn owned(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn r01_number_words_too_large_are_unparsed_not_a_panic() {
    assert_eq!(
        extracted("Tourists numbered 6700000000000000000000000000 dozen.\n"),
        owned(&[("unparsed", "-", "6700000000000000000000000000 dozen")])
    );
    assert_eq!(
        extracted("It cost five trillion trillion trillion dollars.\n"),
        owned(&[("unparsed", "-", "five trillion trillion trillion")])
    );
}

#[test]
fn r02_percent_of_a_28_digit_number_is_no_fact_and_no_panic() {
    let share = r"
metrics:
  - id: tourism.russia_china.share
    description: Share of Russian tourists in China
    kind: percent
    match: { all: ['\bshare\b'] }
";
    let ws = corpus(
        &[("share.yaml", share)],
        &[
            (
                "a.md",
                "2025-01-10",
                "The share was percent of 6700000000000000000000000000 in 2024.",
            ),
            ("b.md", "2025-01-10", "The share was 12 percent in 2024."),
        ],
    );
    let r = run(ws.path(), &["report", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let values: Vec<&str> = report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["metric"] == "tourism.russia_china.share")
        .filter_map(|f| f["value"].as_str())
        .collect();
    assert_eq!(values, ["12"]);
}

#[test]
fn r06_a_figure_before_a_blank_line_is_read_whatever_the_chunking() {
    let whole = extracted("Chinese tourists to Russia numbered 223,000\n\na. Next\n");
    // a count, as when a chunk ends on that blank line (the unit test
    // `a_word_after_a_paragraph_break_does_not_make_a_figure_no_amount`
    // reads it in chunks of every size)
    assert_eq!(whole, owned(&[("number", "223000", "223,000")]));
}

#[test]
fn r10_figures_beyond_the_limit_are_unparsed_not_wrong_values() {
    let cases = [
        ("It cost $1e40.", "1e40"),
        ("It cost 1e-400 dollars.", "1e-400"),
        ("It cost 6.23x10^-40000 dollars.", "6.23x10^-40000"),
        (
            "It cost between 1e24 and 1e25 dollars.",
            "between 1e24 and 1e25",
        ),
        ("It cost 1e24 to 1e25 dollars.", "1e24 to 1e25"),
        ("It cost 9e24 dollars.", "9e24"),
        ("It was 3.5^-40 percent.", "3.5^-40"),
    ];
    for (text, written) in cases {
        assert_eq!(
            extracted(text),
            owned(&[("unparsed", "-", written)]),
            "{text}"
        );
    }
    // within the limit: read
    assert_eq!(
        extracted("It cost $1e24 and 1.5e-24 dollars.")
            .iter()
            .map(|q| q.1.as_str())
            .collect::<Vec<_>>(),
        ["1000000000000000000000000", "0.0000000000000000000000015"]
    );
}

#[test]
fn r03_baseline_is_written_through_a_fresh_temporary_file_never_a_link() {
    let ws = workspace();
    let victim = ws.path().join("victim.txt");
    fs::write(&victim, "not yours").unwrap();
    symlink(&victim, ws.path().join(".crosscheck-baseline.yaml.tmp")).unwrap();
    let r = run(ws.path(), &["baseline"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "not yours");
    let written = ws.path().join("crosscheck-baseline.yaml");
    assert!(!fs::symlink_metadata(&written).unwrap().is_symlink());
    assert!(fs::read_to_string(&written).unwrap().contains("version: 2"));
    // runs at once never share a temporary file: all succeed
    let others: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
                .current_dir(ws.path())
                .arg("baseline")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let b = run(ws.path(), &["baseline"]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    for mut other in others {
        assert!(other.wait().unwrap().success());
    }
}

#[test]
fn r04_link_loops_in_the_rules_folder_are_skipped_with_a_warning() {
    let ws = workspace();
    symlink(".", ws.path().join("rules/a")).unwrap();
    symlink(".", ws.path().join("rules/b")).unwrap();
    let r = run_timed(ws.path(), &["report", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "crosscheck: warning: rules/a: skipped: a link to a folder above it (a loop), not followed"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("rules/b: skipped"), "{}", r.stderr);
}

#[test]
fn r05_fifos_are_never_opened() {
    let ws = workspace();
    let dir = ws.path();
    if !mkfifo(&dir.join("rules/x.yaml")) {
        return; // no mkfifo here
    }
    // in a folder: a warning, the rest is read
    let r = run_timed(dir, &["report", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("crosscheck: warning: rules/x.yaml: skipped: not a regular file"),
        "{}",
        r.stderr
    );
    fs::remove_file(dir.join("rules/x.yaml")).unwrap();
    mkfifo(&dir.join("fixtures/f.md"));
    let r = run_timed(dir, &["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r
        .stderr
        .contains("fixtures/f.md: skipped: not a regular file"));
    fs::remove_file(dir.join("fixtures/f.md")).unwrap();
    // named: an error, exit 2
    mkfifo(&dir.join("fifo.md"));
    mkfifo(&dir.join("baseline.yaml"));
    for args in [
        &["extract", "fifo.md"][..],
        &["check", "fifo.md"],
        &["check", "--baseline", "baseline.yaml"],
        &["baseline", "--output", "baseline.yaml"],
        &["report", "--rules", "baseline.yaml"],
    ] {
        let r = run_timed(dir, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        // the baseline's output is never read (it may be what is written
        // to): it is refused as a place to write
        let said = if args[0] == "baseline" {
            "--output baseline.yaml: not a regular file; `--output -` prints the baseline"
        } else {
            ": cannot read: not a regular file"
        };
        assert!(r.stderr.contains(said), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn r07_linked_articles_are_read_and_broken_links_reported() {
    let ws = workspace();
    let dir = ws.path();
    fs::create_dir(dir.join("corpus")).unwrap();
    for name in ["001-putin-xi-video-call.md", "004-putin-li-qiang-sco.md"] {
        symlink(
            dir.join("fixtures").join(name),
            dir.join("corpus").join(name),
        )
        .unwrap();
    }
    symlink(dir.join("nowhere.md"), dir.join("corpus/gone.md")).unwrap();
    let r = run(dir, &["check", "corpus"]);
    // the linked articles are read: their conflict is found
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("in 2 sources"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("crosscheck: warning: corpus/gone.md: skipped: a link to nothing"),
        "{}",
        r.stderr
    );
}

#[test]
fn r08_two_articles_with_one_id_are_warned_about() {
    let ws = workspace();
    let dir = ws.path();
    let text = fs::read_to_string(dir.join("fixtures/001-putin-xi-video-call.md")).unwrap();
    fs::write(dir.join("fixtures/009-copy.md"), text).unwrap();
    let r = run(dir, &["report", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "crosscheck: warning: fixtures/009-copy.md: `id: 001-putin-xi-video-call` is also \
             the id of fixtures/001-putin-xi-video-call.md; a baseline cannot tell them apart"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn r08_many_articles_with_one_id_are_counted_after_ten() {
    let dir = TempDir::new().unwrap();
    let lines: String = (0..13)
        .map(|_| "{\"id\":\"same\",\"text\":\"Trade fell.\"}\n")
        .collect();
    fs::write(dir.path().join("news.jsonl"), lines).unwrap();
    let ws = workspace();
    let r = run(
        ws.path(),
        &["report", "--format", "json", dir.path().to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let warned: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(warned.len(), 11, "{}", r.stderr);
    assert!(
        warned[0].contains("news.jsonl:2: `id: same` is also the id of ")
            && warned[0].ends_with("news.jsonl:1; a baseline cannot tell them apart"),
        "{}",
        warned[0]
    );
    assert_eq!(
        warned[10],
        "crosscheck: warning: ... and 2 more articles with the `id` of an article before them"
    );
}

#[test]
fn r09_carriage_returns_alone_end_lines() {
    let dir = TempDir::new().unwrap();
    let text = "---\rid: cr\rpublished: 2025-02-10\r---\rTrade between China and Russia hit \
                $240 billion last year.\r\rExports rose 5 percent.\r";
    fs::write(dir.path().join("cr.md"), text).unwrap();
    let r = run(dir.path(), &["extract", "cr.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let q = json_lines(&r.stdout);
    let placed: Vec<(u64, &str)> = q
        .iter()
        .map(|q| {
            (
                q["line"].as_u64().unwrap(),
                q["period"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    // front matter found ("last year" is 2024), lines counted
    assert_eq!(placed, [(5, "2024"), (7, "-")]);
}

#[test]
fn r11_invisible_marks_and_digits_of_other_scripts_are_read() {
    for text in [
        "It cost $2\u{200f}45 billion.",
        "It cost $2\u{200b}45 billion.",
        "It cost $\u{200e}245 billion.",
        "It cost $２４５ billion.",
        "It cost $٢٤٥ billion.",
    ] {
        let got = extracted(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, "245000000000", "{text}");
    }
}

#[test]
fn r12_file_names_with_newlines_are_escaped_for_people_and_in_sarif() {
    let ws = workspace();
    let dir = ws.path();
    let fixtures = dir.join("fixtures");
    fs::rename(
        fixtures.join("004-putin-li-qiang-sco.md"),
        fixtures.join("004\nerror: spoofed.md"),
    )
    .unwrap();
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("fixtures/004\\nerror: spoofed.md:16"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.lines().any(|l| l.starts_with("error: spoofed")));
    let r = run(dir, &["check", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let uris: Vec<&str> = sarif["runs"][0]["results"][0]["locations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(
        uris.contains(&"fixtures/004%0Aerror:%20spoofed.md"),
        "{uris:?}"
    );
}

#[test]
fn r13_a_baseline_that_cannot_be_written_says_so() {
    let ws = workspace();
    let dir = ws.path();
    // a folder that does not exist: no user can write there (a
    // read-only folder stops all but root)
    let r = run(dir, &["baseline", "--output", "missing/b.yaml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("crosscheck: error: missing/b.yaml: cannot write: "),
        "{}",
        r.stderr
    );
    fs::create_dir(dir.join("ro")).unwrap();
    fs::set_permissions(dir.join("ro"), fs::Permissions::from_mode(0o555)).unwrap();
    let r = run(dir, &["baseline", "--output", "ro/b.yaml"]);
    if r.code != 0 {
        // not root: the folder is read-only
        assert!(
            r.stderr.contains("ro/b.yaml: cannot write: "),
            "{}",
            r.stderr
        );
    }
    fs::set_permissions(dir.join("ro"), fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn r14_a_corrupt_baseline_is_written_again_by_baseline() {
    let ws = workspace();
    let dir = ws.path();
    fs::write(dir.join("crosscheck-baseline.yaml"), "version: [\n").unwrap();
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(dir, &["baseline"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("crosscheck: warning: crosscheck-baseline.yaml:")
            && r.stderr
                .contains("the baseline is written anew without its reasons"),
        "{}",
        r.stderr
    );
    let r = run(dir, &["check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn r15_a_huge_invalid_regex_gives_a_short_error() {
    let ws = workspace();
    let pattern = format!("{}(", "a".repeat(2_700_000));
    let rule = format!(
        "metrics:\n  - id: huge.pattern\n    description: A broken pattern\n    kind: count\n    \
         match: {{ all: ['{pattern}'] }}\n"
    );
    fs::write(ws.path().join("rules/huge.yaml"), rule).unwrap();
    let r = run(ws.path(), &["rules", "list"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.len() < 1000, "{} bytes", r.stderr.len());
    assert!(
        r.stderr.contains("rules/huge.yaml:5:")
            && r.stderr.contains("(2700001 bytes)")
            && r.stderr.contains("unclosed group at byte 2700000"),
        "{}",
        r.stderr
    );
}

#[test]
fn r16_zero_threads_is_an_error() {
    let ws = workspace();
    let r = run(ws.path(), &["--threads", "0", "report"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("expected at least 1 thread"),
        "{}",
        r.stderr
    );
    let r = run(ws.path(), &["--threads", "1", "report", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// `crosscheck ARGS` in `dir`, killed after 60 seconds: a run that hangs
/// (a FIFO opened, a folder walked without end) fails the test.
fn run_timed(dir: &Path, args: &[&str]) -> Run {
    let out = crosscheck(dir)
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Makes a FIFO at `path`; false where `mkfifo` is missing.
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}
