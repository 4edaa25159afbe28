//! Issue 14: inputs that crashed, hung, or wrote where they should not.
//! Each test is one reproduction of the issue's table (its number in the
//! name), run through the binary.

use std::fs;

use tempfile::TempDir;

use crate::support::{corpus, json_lines, run};

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
