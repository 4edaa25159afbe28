//! Findings as readings: many sources repeating a few values make one
//! finding with a reading per value, and its size grows with the sources,
//! not with the pairs of them.

use std::fs;

use crate::support::{finding_facts, run, workspace};

/// A workspace whose corpus holds `n` articles on 2024 Russia–China trade,
/// cycling through `values`.
fn corpus(n: usize, values: &[&str]) -> tempfile::TempDir {
    let ws = workspace();
    let dir = ws.path().join("many");
    fs::create_dir(&dir).unwrap();
    for i in 0..n {
        let body = format!(
            "---\nid: a{i:04}\npublished: 2025-03-01\n---\nRussia-China trade reached {} in 2024.\n",
            values[i % values.len()]
        );
        fs::write(dir.join(format!("a{i:04}.md")), body).unwrap();
    }
    ws
}

#[test]
fn two_thousand_facts_of_one_key_in_three_values_are_one_finding_with_three_readings() {
    let ws = corpus(2000, &["$245 billion", "US$244.8 billion", "$240 billion"]);
    let r = run(ws.path(), &["report", "many", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", r.stdout.len());
    let f = &findings[0];
    assert_eq!(f["class"], "conflict");
    let readings: Vec<(&str, u64)> = f["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["text"].as_str().unwrap(), r["sources"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        readings,
        [
            ("$245 billion", 667),
            ("US$244.8 billion", 667),
            ("$240 billion", 666)
        ]
    );
    assert_eq!(finding_facts(f).len(), 2000);
    // each fact is in the finding once and in the facts list once: the
    // document grows with the sources (about 1.3 KB a fact), never with the
    // 1.3 million pairs of them
    assert!(r.stdout.len() < 2000 * 3 * 1024, "{} bytes", r.stdout.len());
}

#[test]
fn the_table_and_diagnostics_quote_the_first_claims_of_each_reading() {
    let ws = corpus(20, &["$245 billion", "$240 billion"]);
    let r = run(ws.path(), &["check", "many"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "error[conflict]: trade.china_russia.total, 2024: $245 billion (10 sources) vs $240 billion (10 sources)\n"
        ),
        "{}",
        r.stdout
    );
    // three claims of each reading are quoted; the others are counted
    assert_eq!(r.stdout.matches("Russia-China trade reached").count(), 6);
    assert!(
        r.stdout.contains("= note: reading 1: … and 7 more claims"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("= note: reading 2: … and 7 more claims"),
        "{}",
        r.stdout
    );
    let table = run(ws.path(), &["report", "many"]);
    assert!(
        table.stdout.contains("… and 7 more claims"),
        "{}",
        table.stdout
    );
}
