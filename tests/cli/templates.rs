//! Rule templates over entity pairs (`pairs:`): one rule, a metric per pair.

use std::fs;

use crate::support::{run, workspace};

/// New articles, all published on one day, with the shipped rules.
fn corpus(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dated: Vec<(&str, &str, &str)> = articles
        .iter()
        .map(|(n, b)| (*n, "2025-03-01", *b))
        .collect();
    crate::support::corpus(&[], &dated)
}

#[test]
fn both_word_orders_of_a_pair_land_in_one_metric() {
    let ws = corpus(&[
        ("a.md", "Russia-China trade reached $240 billion in 2024."),
        (
            "b.md",
            "Trade between China and Russia hit $245.3 billion in 2024.",
        ),
    ]);
    let r = run(ws.path(), &["check"]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("trade.china_russia.total"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("trade.russia_china"), "{}", r.stdout);
}

#[test]
fn another_pair_of_the_template_needs_no_new_rule() {
    let ws = corpus(&[
        (
            "a.md",
            "India-China trade was $118.4 billion in 2023, Chinese customs said.",
        ),
        (
            "b.md",
            "Trade between China and India totalled $136.2 billion in 2023.",
        ),
        (
            "c.md",
            "Trade between India and the United States stood at $190 billion in 2023.",
        ),
    ]);
    let r = run(ws.path(), &["report", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let metrics: Vec<&str> = report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["metric"].as_str().unwrap())
        .collect();
    assert_eq!(
        metrics,
        [
            "trade.china_india.total",
            "trade.china_india.total",
            "trade.india_united_states.total"
        ]
    );
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["metric"], "trade.china_india.total");
    assert_eq!(findings[0]["class"], "conflict");
}

#[test]
fn a_sentence_naming_a_third_country_of_the_template_is_no_pair() {
    let ws = corpus(&[
        (
            "a.md",
            "Russia's trade with China and India rose to $300 billion in 2024.",
        ),
        // the same wording with two countries is claimed: the control
        (
            "b.md",
            "Russia's trade with China rose to $245 billion in 2024.",
        ),
    ]);
    let r = run(ws.path(), &["facts", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let facts = crate::support::fact_lines(&r.stdout);
    let sources: Vec<&str> = facts.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(sources, ["b"], "{}", r.stdout);
    assert_eq!(facts[0]["metric"], "trade.china_russia.total");
    assert!(!r.stdout.contains("300000000000"), "{}", r.stdout);
}

#[test]
fn a_template_with_an_unknown_entity_or_no_pair_in_its_id_is_an_error() {
    let ws = workspace();
    let yaml = "metrics:\n  - id: exports.total\n    description: Exports between {A} and {B}\n    pairs:\n      of: [china, brazil]\n    kind: money\n    unit: USD\n    match: { all: ['exports'] }\n";
    fs::write(ws.path().join("rules/bad.yaml"), yaml).unwrap();
    let r = run(ws.path(), &["rules", "list"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("rules/bad.yaml:5:19: `pairs.of`: unknown entity `brazil`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("rules/bad.yaml:2:5: `id`: a template's id names its pair"),
        "{}",
        r.stderr
    );
}
