//! The second domain: packs/north-america, rules and articles written for
//! the project, run with only its own YAML (no rule or code of the
//! Russia–China pack), to show that new metrics need YAML only.

use std::fs;
use std::path::Path;

use crate::support::{root, run};

/// A copy of the pack alone in a fresh folder: `rules/` and `fixtures/`.
fn pack() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    for sub in ["rules", "fixtures"] {
        let from = root().join("packs/north-america").join(sub);
        let to = dir.path().join(sub);
        fs::create_dir_all(&to).unwrap();
        for entry in fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn lines_starting(out: &str, prefixes: &[&str]) -> Vec<String> {
    out.lines()
        .filter(|l| prefixes.iter().any(|p| l.starts_with(p)))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_pack_examples_pass_on_its_own_rules() {
    let dir = pack();
    let r = run(dir.path(), &["rules", "test"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("9 passed, 0 failed"), "{}", r.stdout);
}

#[test]
fn the_pack_finds_its_conflicts_violations_and_documented_difference() {
    let dir = pack();
    assert!(!Path::new(&dir.path().join("rules/russia-china.yaml")).exists());
    let r = run(dir.path(), &["check", "--fail-on", "info"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        lines_starting(&r.stdout, &["error[", "warning[", "info[", "crosscheck:"]),
        [
            "warning[conflict]: deficit.united_states_with_mexico.goods, 2024: $171.8 billion vs $157 billion",
            "error[conflict]: trade.canada_united_states.goods, 2024: $762 billion vs $718 billion",
            "warning[violation]: deficit.united_states_with_mexico.balance, 2024: $157 billion vs $334 billion vs $505.9 billion",
            "crosscheck: 2 conflicts and 1 check violation at or above `info` in 5 sources (10 facts)",
        ]
    );
    let report = run(dir.path(), &["report"]);
    assert!(
        report.stdout.starts_with(
            "crosscheck report: 5 sources, 10 facts, 2 conflicts, 2 agreements, 1 check violation, 1 documented difference"
        ),
        "{}",
        report.stdout
    );
    // US and Mexican statistics for the same flow: a documented difference
    assert!(
        report.stdout.contains("info[difference] exports.mexico_to_united_states.goods, 2024: $505.9 billion vs $475.6 billion"),
        "{}",
        report.stdout
    );
}
