//! `crosscheck why PATH:LINE`.

use crate::support::{article, run, workspace};

#[test]
fn each_figure_of_the_line_says_what_each_metric_made_of_it() {
    let ws = workspace();
    let r = run(
        ws.path(),
        &["why", "fixtures/001-putin-xi-video-call.md:19"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // the figure as written, what the extractor read, and the fact it became
    assert!(
        r.stdout.contains(
            "fixtures/001-putin-xi-video-call.md:19:81: \"$245 billion\": money 245 bn dollar, 2024 (stated), actual\n  fact of trade.china_russia.total: 2024, actual\n"
        ),
        "{}",
        r.stdout
    );
    // another pair's rule: the sentence names a country it does not
    assert!(
        r.stdout.contains(
            "  trade.china_india.total: the sentence is about something else: it names \"Russia\", which the rule does not\n"
        ),
        "{}",
        r.stdout
    );
    // a year is the period of a figure, no figure
    assert!(!r.stdout.contains("\"2024\""), "{}", r.stdout);
}

#[test]
fn a_figure_a_none_pattern_takes_out_says_which_and_the_words() {
    let ws = workspace();
    let rules = ws.path().join("rules").join("exports.yaml");
    std::fs::write(
        &rules,
        r#"metrics:
  - id: exports.x.total
    description: Exports of X
    kind: money
    unit: USD
    match:
      all: ['\bexports?\b']
      none: ['\bservices\b']
    tolerance: rounding
"#,
    )
    .unwrap();
    article(
        &ws.path().join("fixtures"),
        "900-why.md",
        "2025-03-01",
        "Exports reached $12 billion in 2024, and exports of services $3 billion.",
    );
    let r = run(
        ws.path(),
        &[
            "why",
            "fixtures/900-why.md:6",
            "--metric",
            "exports.x.total",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "fixtures/900-why.md:6:17: \"$12 billion\": money 12 bn dollar, 2024 (stated), actual\n  fact of exports.x.total: 2024, actual\n\nfixtures/900-why.md:6:62: \"$3 billion\": money 3 bn dollar, 2024 (stated), actual\n  exports.x.total: excluded: `none` pattern 1 matches \"services\", which belongs to this figure\n"
    );
}

#[test]
fn a_bad_place_or_metric_is_a_usage_error() {
    let ws = workspace();
    let r = run(ws.path(), &["why", "fixtures/001-putin-xi-video-call.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("expected PATH:LINE"), "{}", r.stderr);
    let r = run(
        ws.path(),
        &[
            "why",
            "fixtures/001-putin-xi-video-call.md:19",
            "--metric",
            "trade.china_russia.totl",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean `trade.china_russia.total`"),
        "{}",
        r.stderr
    );
    let r = run(ws.path(), &["why", "fixtures/none.md:3"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("fixtures/none.md"), "{}", r.stderr);
    let r = run(ws.path(), &["why", "fixtures/001-putin-xi-video-call.md:1"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains(":1: no figure on this line"),
        "{}",
        r.stdout
    );
}
