//! The Recognizers-Text conformance suites (tests/conformance), scored by
//! their own scorer: each suite must stay above the best other extractor.

#![allow(clippy::print_stdout)] // the scores are shown with --nocapture

use std::process::Command;

use crate::support::root;

/// F1 of the best peer on each suite (Recognizers-Text's own figures, and
/// CQE on number ranges); percent is at the maximum, so it must stay there.
const FLOORS: &[(&str, f64)] = &[
    ("ms-number", 0.756),
    ("ms-percent", 1.0),
    ("ms-currency", 0.861),
    ("ms-numberrange", 0.428),
];

#[test]
fn every_suite_beats_the_best_peer() {
    let dir = tempfile::TempDir::new().unwrap();
    let out = dir.path().join("scores.json");
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    let status = Command::new("python3")
        .arg(root().join("tests/conformance/score.py"))
        .args(["--cmd", &format!("'{bin}' extract --format jsonl {{file}}")])
        .arg("--json")
        .arg(&out)
        .status()
        .expect("python3 runs the scorer (it is on every machine of this project)");
    assert!(status.success(), "score.py failed: {status}");
    let scores: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    for (suite, floor) in FLOORS {
        let f1 = scores[suite]["f1"].as_f64().unwrap();
        println!("{suite}: F1 {f1:.3} (floor {floor})");
        if *floor >= 1.0 {
            assert!(f1 >= *floor, "{suite}: F1 {f1} below {floor}");
        } else {
            assert!(f1 > *floor, "{suite}: F1 {f1} not above {floor}");
        }
    }
}
