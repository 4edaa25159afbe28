//! `crosscheck rules test`, and rule files that are not valid.

use std::fs;

use crate::support::{run, workspace};

#[test]
fn shipped_rule_examples_pass() {
    let ws = workspace();
    let r = run(ws.path(), &["rules", "test"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("PASS trade.russia_china.total example 1"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(" passed, 0 failed"), "{}", r.stdout);
    assert!(!r.stdout.contains("FAIL"));
}

#[test]
fn a_broken_example_fails_with_expected_and_found() {
    let ws = workspace();
    let path = ws.path().join("rules/russia-china.yaml");
    let yaml = fs::read_to_string(&path).unwrap();
    let broken = yaml.replacen(
        "expect: { period: 2024, value: 244.8e9 }",
        "expect: { period: 2024, value: 250e9 }",
        1,
    );
    assert_ne!(yaml, broken);
    fs::write(&path, broken).unwrap();
    let r = run(ws.path(), &["rules", "test"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("FAIL trade.russia_china.total example 1"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("--> rules/russia-china.yaml:"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  - expected: period 2024, value 250000000000"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  + found:    period 2024, value 244800000000"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(" passed, 1 failed"), "{}", r.stdout);
}

fn with_bad_rule(yaml: &str) -> crate::support::Run {
    let ws = workspace();
    fs::write(ws.path().join("rules/bad.yaml"), yaml).unwrap();
    run(ws.path(), &["report"])
}

const GOOD_HEAD: &str =
    "metrics:\n  - id: trade.test.total\n    description: test\n    kind: money\n    unit: USD\n";

#[test]
fn a_misspelt_key_is_exit_2_with_location_and_suggestion() {
    let r = with_bad_rule(&format!(
        "{GOOD_HEAD}    match: {{ all: ['trade'] }}\n    tolerence: exact\n"
    ));
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("rules/bad.yaml:7:5:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("unknown field `tolerence`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("did you mean `tolerance`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_invalid_regex_names_file_line_and_regex() {
    let r = with_bad_rule(&format!(
        "{GOOD_HEAD}    match:\n      all: ['(unclosed']\n"
    ));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("rules/bad.yaml:7:14: `match.all`: invalid regex `(unclosed`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("in metric `trade.test.total`"),
        "{}",
        r.stderr
    );
}

#[test]
fn every_semantic_error_of_a_file_is_reported() {
    let yaml = format!(
        "{GOOD_HEAD}    match:\n      all: ['trade']\n      entities: [russia, chna]\n    tolerance: exactly\n    severity: fatal\n"
    );
    let r = with_bad_rule(&yaml);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("rules/bad.yaml:8:26: `match.entities`: unknown entity `chna`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("rules/bad.yaml:9:5: `tolerance`:"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("rules/bad.yaml:10:5: `severity`:"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_duplicate_metric_id_is_an_error() {
    let ws = workspace();
    let yaml = fs::read_to_string(ws.path().join("rules/russia-china.yaml")).unwrap();
    fs::write(ws.path().join("rules/copy.yaml"), yaml).unwrap();
    let r = run(ws.path(), &["report"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("duplicate metric id; first defined at rules/copy.yaml:"),
        "{}",
        r.stderr
    );
}
