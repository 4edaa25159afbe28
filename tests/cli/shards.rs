//! `report --facts` and `check --facts`: the facts of `facts --format
//! jsonl` runs on parts of a corpus (shards), compared as one run on the
//! whole corpus compares them.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::support::{fact_lines, json_lines, run, workspace, Run};

fn gzip(text: &str) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    gz.finish().unwrap()
}

/// `facts --format jsonl` on `paths` of the workspace `dir`.
fn facts(dir: &Path, paths: &[&str]) -> Run {
    run(dir, &[&["facts", "--format", "jsonl"][..], paths].concat())
}

/// The fixtures' facts as two shards: the first three articles in
/// `a.jsonl`, the last two in `b.jsonl.gz`.
fn two_shards(dir: &Path) {
    let a = facts(
        dir,
        &[
            "fixtures/000-putin-li-qiang-big-plans.md",
            "fixtures/001-putin-xi-video-call.md",
            "fixtures/002-li-qiang-moscow-tourism.md",
        ],
    );
    assert_eq!(a.code, 0, "{}", a.stderr);
    let b = facts(
        dir,
        &[
            "fixtures/003-putin-xi-lichun-call.md",
            "fixtures/004-putin-li-qiang-sco.md",
        ],
    );
    assert_eq!(b.code, 0, "{}", b.stderr);
    fs::write(dir.join("a.jsonl"), &a.stdout).unwrap();
    fs::write(dir.join("b.jsonl.gz"), gzip(&b.stdout)).unwrap();
}

/// The same output, status and errors.
fn assert_same(shards: &Run, plain: &Run, what: &str) {
    assert_eq!(shards.code, plain.code, "{what}: {}", shards.stderr);
    assert!(shards.stdout == plain.stdout, "{what}: the output differs");
    assert_eq!(shards.stderr, plain.stderr, "{what}");
}

#[test]
fn check_and_report_of_shards_are_those_of_the_corpus() {
    let ws = workspace();
    two_shards(ws.path());
    // the shards in any order: the facts are put in the corpus's order
    let shards = ["--facts", "b.jsonl.gz", "a.jsonl"];
    for format in ["json", "text", "jsonl", "sarif", "github", "markdown"] {
        let plain = run(ws.path(), &["check", "fixtures", "--format", format]);
        let read = run(
            ws.path(),
            &[&["check", "--format", format][..], &shards].concat(),
        );
        assert_eq!(plain.code, 1, "{}", plain.stderr);
        assert_same(&read, &plain, &format!("check --format {format}"));
    }
    for format in ["json", "table", "jsonl", "markdown"] {
        let plain = run(ws.path(), &["report", "fixtures", "--format", format]);
        let read = run(
            ws.path(),
            &[&["report", "--format", format][..], &shards].concat(),
        );
        assert_eq!(plain.code, 0, "{}", plain.stderr);
        assert_same(&read, &plain, &format!("report --format {format}"));
    }
    // the facts of the report are all the corpus's, in its order
    let plain = run(ws.path(), &["facts", "fixtures", "--format", "jsonl"]);
    let report = run(
        ws.path(),
        &[
            "report",
            "--format",
            "json",
            "--facts",
            "a.jsonl",
            "b.jsonl.gz",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
    assert_eq!(
        report["facts"].as_array().unwrap(),
        &fact_lines(&plain.stdout)
    );
}

#[test]
fn facts_jsonl_ends_with_a_summary() {
    let ws = workspace();
    let r = run(ws.path(), &["facts", "fixtures", "--format", "jsonl"]);
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 10);
    assert_eq!(
        r.stdout.lines().last(),
        Some(r#"{"summary":{"sources":5,"facts":9,"errors":[]}}"#)
    );
    // each fact has what it is made from
    for f in &lines[..9] {
        for key in [
            "record",
            "start",
            "end",
            "written",
            "figure_unit",
            "figure_period",
            "step",
            "range",
            "quote_line",
            "quote_span",
            "slack",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
}

/// A source that cannot be read is reported by the run that writes the
/// shard, and again by the run that reads it, as by a run on the corpus.
#[test]
fn errors_of_the_runs_that_wrote_the_shards_are_reported_again() {
    let ws = workspace();
    fs::write(ws.path().join("fixtures/005-bad.md"), b"Trade\n\xff\xfe").unwrap();
    two_shards(ws.path());
    let c = facts(ws.path(), &["fixtures/005-bad.md"]);
    assert_eq!(c.code, 2);
    assert_eq!(
        c.stderr,
        "crosscheck: error: fixtures/005-bad.md:2:1: not valid UTF-8 text (byte 6)\n"
    );
    fs::write(ws.path().join("c.jsonl"), &c.stdout).unwrap();
    let plain = run(ws.path(), &["check", "fixtures", "--format", "json"]);
    let read = run(
        ws.path(),
        &[
            "check",
            "--format",
            "json",
            "--facts",
            "a.jsonl",
            "b.jsonl.gz",
            "c.jsonl",
        ],
    );
    assert_eq!(plain.code, 2);
    assert_same(&read, &plain, "a source that cannot be read");
}

#[test]
fn a_shard_the_rules_do_not_know_or_cut_short_is_an_error_at_its_line() {
    let ws = workspace();
    two_shards(ws.path());
    // written with other rules: each fact's metric is unknown
    let other = crate::support::root().join("packs/north-america/rules");
    let other = other.to_str().unwrap();
    let r = run(
        ws.path(),
        &["check", "--rules", other, "--facts", "a.jsonl"],
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    let facts = fs::read_to_string(ws.path().join("a.jsonl")).unwrap();
    let errors: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(errors.len(), facts.lines().count() - 1, "{}", r.stderr);
    assert_eq!(
        errors[1],
        "crosscheck: error: a.jsonl:2: `metric`: no metric `trade.china_russia.total` in the rules (was the shard written with other rules?)"
    );
    assert!(r.stdout.contains("in 3 sources (0 facts)"), "{}", r.stdout);
    let ws = workspace();
    two_shards(ws.path());
    // a shard cut short: the facts before the cut are compared, and the
    // run fails
    let text = fs::read_to_string(ws.path().join("a.jsonl")).unwrap();
    let cut: Vec<&str> = text.lines().collect();
    fs::write(ws.path().join("a.jsonl"), cut[..cut.len() - 2].join("\n")).unwrap();
    let r = run(ws.path(), &["report", "--facts", "a.jsonl", "b.jsonl.gz"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "crosscheck: error: a.jsonl:{}: no summary line after the last fact: the shard is cut short, or was not written by `crosscheck facts --format jsonl`\n",
            cut.len() - 2
        )
    );
    // a shard given twice
    let r = run(ws.path(), &["check", "--facts", "b.jsonl.gz", "b.jsonl.gz"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("(a shard given twice, or shards that overlap)"),
        "{}",
        r.stderr
    );
    // no such file; shards and a corpus at once
    let r = run(ws.path(), &["check", "--facts", "nowhere.jsonl"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("crosscheck: error: nowhere.jsonl: cannot read:"),
        "{}",
        r.stderr
    );
    let r = run(ws.path(), &["check", "fixtures", "--facts", "a.jsonl"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
}
