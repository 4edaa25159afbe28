//! Machine formats of `report` and `check`: json, jsonl, sarif, github,
//! markdown; fingerprints that survive moves and renames.

use std::fs;

use serde_json::Value;

use crate::support::{json_lines, root, run, workspace};

#[test]
fn sarif_output_validates_against_the_official_schema() {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let ws = workspace();
    for args in [
        &["check", "--format", "sarif"][..],
        &["report", "--format", "sarif"],
    ] {
        let r = run(ws.path(), args);
        let log: Value = serde_json::from_str(&r.stdout).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        let result = &log["runs"][0]["results"][0];
        assert_eq!(result["ruleId"], "trade.china_russia.total");
        assert_eq!(result["level"], "error");
        assert_eq!(result["locations"].as_array().unwrap().len(), 2);
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "fixtures/001-putin-xi-video-call.md"
        );
        assert_eq!(
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            19
        );
        assert!(
            result["partialFingerprints"]["crosscheck/v2"]
                .as_str()
                .unwrap()
                .len()
                == 16
        );
        // the validator is not a rubber stamp
        let mut bad = log.clone();
        bad["runs"][0]["results"][0]["level"] = Value::from("fatal");
        assert!(!validator.is_valid(&bad));
        let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
        assert_eq!(rule["id"], "trade.china_russia.total");
        assert!(rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Total goods trade"));
    }
    // a fact never compared and a stale baseline entry are results too,
    // valid ones, at their places
    assert_eq!(run(ws.path(), &["baseline"]).code, 0);
    fs::remove_file(ws.path().join("fixtures/001-putin-xi-video-call.md")).unwrap();
    fs::write(
        ws.path().join("fixtures/009-undated.md"),
        "---\nid: undated\n---\nTrade between China and Russia hit $240 billion last year.\n",
    )
    .unwrap();
    let r = run(ws.path(), &["check", "--strict", "--format", "sarif"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let log: Value = serde_json::from_str(&r.stdout).expect("SARIF is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let rule_ids: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(
        rule_ids,
        ["crosscheck/not-compared", "crosscheck/stale-baseline-entry"]
    );
    assert_eq!(results[1]["level"], "error");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/009-undated.md"
    );
}

#[test]
fn machine_formats_are_byte_identical_across_runs_and_thread_counts() {
    let ws = workspace();
    for format in ["json", "jsonl", "sarif", "github", "markdown"] {
        let first = run(ws.path(), &["check", "--format", format]);
        assert_eq!(first.code, 1, "{format}: {}", first.stderr);
        for threads in ["1", "4"] {
            let again = run(
                ws.path(),
                &["--threads", threads, "check", "--format", format],
            );
            assert_eq!(
                first.stdout, again.stdout,
                "{format} with {threads} threads"
            );
        }
    }
}

#[test]
fn github_annotations_mark_every_claim() {
    let ws = workspace();
    let r = run(ws.path(), &["check", "--format", "github"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(lines[0].starts_with(
        "::error file=fixtures/001-putin-xi-video-call.md,line=19,col=81,title=conflict trade.china_russia.total::conflict in trade.china_russia.total, 2024: $245 billion vs US$244.8 billion"
    ), "{}", lines[0]);
    assert!(
        lines[1].starts_with("::error file=fixtures/004-putin-li-qiang-sco.md,line=16,col=35,"),
        "{}",
        lines[1]
    );
}

#[test]
fn markdown_is_a_summary_table() {
    let ws = workspace();
    let r = run(ws.path(), &["report", "--format", "markdown"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with("### crosscheck: 1 problem in 5 sources (9 facts)\n"),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("| severity | finding | metric | period | difference | claims | note |"));
    // each claim with its place and quote, and the difference
    let row = "| error | conflict | `trade.china_russia.total` | 2024 | 200 mn USD (0.08%) | reading 1: **$245 billion** `fixtures/001-putin-xi-video-call.md:19` “…tner, with trade reaching $245 billion in 2024, according to Chi…”<br>reading 2: **US$244.8 billion** `fixtures/004-putin-li-qiang-sco.md:16` “RPA: 2024 bilateral trade reached US$244.8 billion.” |";
    assert!(r.stdout.contains(row), "{}", r.stdout);
    // check holds no sentences: it reads the quotes again from the articles
    let r = run(ws.path(), &["check", "--format", "markdown"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains(row), "{}", r.stdout);
}

fn fingerprints(dir: &std::path::Path) -> Vec<String> {
    let r = run(dir, &["report", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    json_lines(&r.stdout)
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn fingerprints_survive_moved_lines_and_renamed_files_but_not_new_values() {
    let ws = workspace();
    let before = fingerprints(ws.path());
    assert_eq!(before.len(), 1);
    // lines move and the text around the claim is reworded
    let path = ws.path().join("fixtures/004-putin-li-qiang-sco.md");
    let text = fs::read_to_string(&path).unwrap();
    let moved = text.replacen(
        "RPA: 2024 bilateral trade",
        "A paragraph added above.\n\nRPA, the agency, said: 2024 bilateral trade",
        1,
    );
    assert_ne!(moved, text);
    fs::write(&path, &moved).unwrap();
    assert_eq!(fingerprints(ws.path()), before);
    // the file is renamed; its front matter keeps the `id`
    fs::rename(&path, ws.path().join("fixtures/004-renamed.md")).unwrap();
    assert_eq!(fingerprints(ws.path()), before);
    // a claim's value changes
    let renamed = ws.path().join("fixtures/004-renamed.md");
    let changed = fs::read_to_string(&renamed)
        .unwrap()
        .replace("US$244.8 billion", "US$243.1 billion");
    fs::write(&renamed, changed).unwrap();
    let after = fingerprints(ws.path());
    assert_eq!(after.len(), 1);
    assert_ne!(after, before);
}
