//! `crosscheck rules test`, and rule files that are not valid.

use std::fs;

use crate::support::{run, workspace};

#[test]
fn shipped_rule_examples_pass() {
    let ws = workspace();
    let r = run(ws.path(), &["rules", "test"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("PASS trade.{pair}.total example 1"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(" passed, 0 failed"), "{}", r.stdout);
    assert!(!r.stdout.contains("FAIL"));
}

#[test]
fn a_broken_example_fails_with_expected_and_found() {
    let ws = workspace();
    let path = ws.path().join("rules/trade.yaml");
    let yaml = fs::read_to_string(&path).unwrap();
    let broken = yaml.replacen(
        "expect: { metric: trade.china_russia.total, period: 2024, value: 244.8e9 }",
        "expect: { metric: trade.china_russia.total, period: 2024, value: 250e9 }",
        1,
    );
    assert_ne!(yaml, broken);
    fs::write(&path, broken).unwrap();
    let r = run(ws.path(), &["rules", "test"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("FAIL trade.{pair}.total example 1"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("--> rules/trade.yaml:"), "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "  - expected: metric trade.china_russia.total, period 2024, value 250000000000"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "  + found:    metric trade.china_russia.total, period 2024, value 244800000000"
        ),
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

#[test]
fn rules_list_prints_every_metric_sorted_with_its_description() {
    let ws = workspace();
    let r = run(ws.path(), &["rules", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids = [
        "investment.russia_china.portfolio",
        "rank.china_partners.russia",
        "rank.russia_partners.china",
        "tourism.china_to_russia.tourists",
        "tourism.russia_china.trips",
        "trade.china_russia.total",
    ];
    let at: Vec<usize> = ids
        .iter()
        .map(|id| {
            r.stdout
                .find(id)
                .unwrap_or_else(|| panic!("{id} missing:\n{}", r.stdout))
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "not sorted:\n{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("Total goods trade (turnover) between China and Russia"));
    assert!(r.stdout.contains("money (USD)"));
    assert!(r.stdout.contains("11 metrics"));
    // a template's examples are shared by its metrics
    assert!(r.stdout.contains("14 (trade.{pair}.total)"), "{}", r.stdout);
}

#[test]
fn explain_shows_the_rule_its_examples_and_its_facts() {
    let ws = workspace();
    let r = run(ws.path(), &["explain", "trade.china_russia.total"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(out.contains("defined at rules/trade.yaml:7:5"), "{out}");
    // the rule as written, comments included, and not the next metric
    assert!(out.contains("tolerance: exact"), "{out}");
    assert!(out.contains("# a negated figure claims nothing"), "{out}");
    assert!(!out.contains("id: tourism.russia_china.trips"), "{out}");
    assert!(out.contains("Examples: 14 passed, 0 failed"), "{out}");
    assert!(out.contains("Facts in the corpus: 4"), "{out}");
    assert!(
        out.contains("US$244.8 billion") && out.contains("$245 billion"),
        "{out}"
    );
}

#[test]
fn explain_names_the_closest_metric_when_the_id_is_unknown() {
    let ws = workspace();
    let r = run(ws.path(), &["explain", "trade.china_russia.totl"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no metric `trade.china_russia.totl`")
            && r.stderr
                .contains("did you mean `trade.china_russia.total`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn three_different_mistakes_of_one_file_are_reported_together() {
    // a misspelt key, an invalid regex and an unknown entity, in one metric,
    // and a second misspelt key in an example
    let yaml = format!(
        "{GOOD_HEAD}    match:\n      all: ['(unclosed']\n      entities: [russia, chna]\n    tolerence: exact\n    examples:\n      - text: Trade was $5 billion.\n        publishd: 2025-01-01\n        expect: none\n"
    );
    let r = with_bad_rule(&yaml);
    assert_eq!(r.code, 2);
    for wanted in [
        "rules/bad.yaml:9:5: metrics[0]: unknown field `tolerence`",
        "did you mean `tolerance`?",
        "rules/bad.yaml:12:9: metrics[0].examples[0]: unknown field `publishd`",
        "did you mean `published`?",
        "rules/bad.yaml:7:14: `match.all`: invalid regex `(unclosed`",
        "rules/bad.yaml:8:26: `match.entities`: unknown entity `chna`",
    ] {
        assert!(
            r.stderr.contains(wanted),
            "{wanted} missing from:\n{}",
            r.stderr
        );
    }
}
