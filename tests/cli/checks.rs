//! Checks across metrics (`checks:`): part of a whole, sums, stated changes.

use crate::support::{assert_clean, corpus, run};

#[test]
fn a_part_larger_than_its_whole_is_a_violation_with_the_arithmetic() {
    let ws = corpus(
        &[],
        &[
            (
                "a.md",
                "2025-03-01",
                "In 2024, 1.2 million Chinese tourists traveled to Russia.",
            ),
            (
                "b.md",
                "2025-03-02",
                "Tourist trips between Russia and China reached 900,000 in 2024.",
            ),
        ],
    );
    let r = run(ws.path(), &["check", "--fail-on", "warning"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let out = &r.stdout;
    assert!(
        out.contains("warning[violation]: tourism.china_to_russia.within_trips, 2024"),
        "{out}"
    );
    assert!(
        out.contains("--> fixtures/a.md:") && out.contains("::: fixtures/b.md:"),
        "{out}"
    );
    assert!(
        out.contains("1.2 million is [1,150,000 count, 1,250,000 count]")
            && out
                .contains("900,000 is [850,000 count, 950,000 count]: the part exceeds its whole"),
        "{out}"
    );
    assert!(out.contains("0 conflicts and 1 check violation"), "{out}");
}

#[test]
fn a_part_within_its_whole_gives_no_finding() {
    let ws = corpus(
        &[],
        &[
            (
                "a.md",
                "2025-03-01",
                "In 2024, 800,000 Chinese tourists traveled to Russia.",
            ),
            (
                "b.md",
                "2025-03-02",
                "Tourist trips between Russia and China reached 2.1 million in 2024.",
            ),
        ],
    );
    assert_clean(&ws);
}

#[test]
fn a_stated_change_that_contradicts_the_levels_is_a_violation() {
    let ws = corpus(
        &[],
        &[
            ("a.md", "2026-01-20", "Russia-China trade fell 9% in 2025."),
            (
                "b.md",
                "2026-01-21",
                "Trade between Russia and China was $228 billion in 2025.",
            ),
            (
                "c.md",
                "2025-01-21",
                "Trade between Russia and China was $245 billion in 2024.",
            ),
        ],
    );
    let r = run(ws.path(), &["check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let out = &r.stdout;
    assert!(
        out.contains("error[violation]: trade.china_russia.change, 2025"),
        "{out}"
    );
    assert!(
        out.contains("stated: 9% (-9.5% to -8.5%); but $245 billion in 2024 to $228 billion in 2025 is a change of -7.33% to -6.54%"),
        "{out}"
    );
}

#[test]
fn a_stated_change_that_agrees_gives_no_finding() {
    let ws = corpus(
        &[],
        &[
            (
                "a.md",
                "2026-01-20",
                "Russia-China trade fell 6.9% in 2025.",
            ),
            (
                "b.md",
                "2026-01-21",
                "Trade between Russia and China was $228 billion in 2025.",
            ),
            (
                "c.md",
                "2025-01-21",
                "Trade between Russia and China was $245 billion in 2024.",
            ),
        ],
    );
    assert_clean(&ws);
    // the change is a fact of the metric, in percent, and not compared with levels
    let facts = run(ws.path(), &["facts", "--format", "jsonl"]);
    assert!(
        facts.stdout.contains(r#""unit":"percent""#),
        "{}",
        facts.stdout
    );
}

const FLOWS: &str = r"
metrics:
  - id: exports.china_to_russia.total
    description: China's exports to Russia in a calendar year
    kind: money
    unit: USD
    match: { all: ['\bexports\b'], entities: [china, russia] }
  - id: imports.china_from_russia.total
    description: China's imports from Russia in a calendar year
    kind: money
    unit: USD
    match: { all: ['\bimports\b'], entities: [china, russia] }
checks:
  - id: trade.china_russia.exports_plus_imports
    sum:
      parts: [exports.china_to_russia.total, imports.china_from_russia.total]
      total: trade.china_russia.total
";

#[test]
fn parts_that_do_not_add_up_are_a_violation_and_parts_that_do_are_not() {
    let wrong = corpus(
        &[("flows.yaml", FLOWS)],
        &[
            (
                "a.md",
                "2025-01-14",
                "China's exports to Russia were $115.5 billion in 2024.",
            ),
            (
                "b.md",
                "2025-01-14",
                "China's imports from Russia came to $129.3 billion in 2024.",
            ),
            (
                "c.md",
                "2025-01-15",
                "Trade between China and Russia reached $260 billion in 2024.",
            ),
        ],
    );
    let r = run(wrong.path(), &["check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("$115.5 billion [115.45 bn USD, 115.55 bn USD] + $129.3 billion [129.25 bn USD, 129.35 bn USD] = [244.7 bn USD, 244.9 bn USD], but trade.china_russia.total $260 billion is [255 bn USD, 265 bn USD]"),
        "{}",
        r.stdout
    );
    let right = corpus(
        &[("flows.yaml", FLOWS)],
        &[
            (
                "a.md",
                "2025-01-14",
                "China's exports to Russia were $115.5 billion in 2024.",
            ),
            (
                "b.md",
                "2025-01-14",
                "China's imports from Russia came to $129.3 billion in 2024.",
            ),
            (
                "c.md",
                "2025-01-15",
                "Trade between China and Russia reached $244.8 billion in 2024.",
            ),
        ],
    );
    assert_clean(&right);
}

#[test]
fn a_check_naming_an_unknown_metric_or_two_rules_is_an_error() {
    let ws = corpus(
        &[(
            "bad.yaml",
            "checks:\n  - id: a.b\n    part_of: { part: trade.china_russia.totl, whole: trade.china_russia.total }\n    change: { metric: trade.china_russia.total }\n  - id: c.d\n    change: { metric: trade.china_russia.totl }\n",
        )],
        &[],
    );
    let r = run(ws.path(), &["rules", "list"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("rules/bad.yaml:2:5: `id`: a check has exactly one of `part_of`, `sum` and `change`; this one has 2"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "unknown metric `trade.china_russia.totl`; did you mean `trade.china_russia.total`?"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_yuan_figure_is_compared_with_dollars_through_the_rate_with_the_arithmetic() {
    let ws = corpus(
        &[],
        &[
            (
                "a.md",
                "2025-01-14",
                "China-Russia trade reached 1.5 trillion yuan in 2024, Chinese customs said.",
            ),
            (
                "b.md",
                "2025-01-21",
                "Trade between Russia and China was $245 billion in 2024.",
            ),
        ],
    );
    let r = run(ws.path(), &["check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("trade.china_russia.total, 2024: 1.5 trillion yuan vs $245 billion"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("1.5 trillion yuan is 1.5 tn CNY × 0.1389 USD/CNY (±1%) = 208.35 bn USD"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_yuan_figure_that_agrees_through_the_rate_gives_no_finding() {
    let ws = corpus(
        &[],
        &[
            (
                "a.md",
                "2025-01-14",
                "China-Russia trade reached 1.76 trillion yuan in 2024.",
            ),
            (
                "b.md",
                "2025-01-21",
                "Trade between Russia and China was $245 billion in 2024.",
            ),
        ],
    );
    assert_clean(&ws);
}

#[test]
fn a_currency_with_no_rate_is_listed_as_not_comparable_and_never_compared() {
    let ws = corpus(
        &[],
        &[
            (
                "a.md",
                "2026-01-14",
                "China-Russia trade reached 1.2 trillion yuan in 2025.",
            ),
            (
                "b.md",
                "2026-01-21",
                "Trade between Russia and China was $228 billion in 2025.",
            ),
        ],
    );
    assert_clean(&ws);
    let facts = run(ws.path(), &["facts", "--format", "jsonl"]);
    assert!(
        facts
            .stdout
            .contains(r#""not_comparable":"no CNY→USD rate for 2025""#),
        "{}",
        facts.stdout
    );
    let table = run(ws.path(), &["facts"]);
    assert!(
        table
            .stdout
            .contains("not comparable: no CNY→USD rate for 2025"),
        "{}",
        table.stdout
    );
}

#[test]
fn figures_of_two_statistical_sources_are_a_documented_difference_not_a_conflict() {
    let ws = corpus(
        &[],
        &[
            (
                "a.md",
                "2025-01-14",
                "According to Chinese customs, China-Russia trade was $244.8 billion in 2024.",
            ),
            (
                "b.md",
                "2025-02-14",
                "Russian customs data put trade between Russia and China at $228 billion in 2024.",
            ),
        ],
    );
    let check = run(ws.path(), &["check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let r = run(ws.path(), &["report"]);
    assert!(r.stdout.contains("1 documented difference"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("info[difference] trade.china_russia.total, 2024"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "attributed to chinese_customs and russian_customs, which this rule says may differ"
        ),
        "{}",
        r.stdout
    );
    // the same source twice is still a conflict
    let same = corpus(
        &[],
        &[
            (
                "a.md",
                "2025-01-14",
                "According to Chinese customs, China-Russia trade was $244.8 billion in 2024.",
            ),
            (
                "b.md",
                "2025-02-14",
                "Chinese customs data put trade between Russia and China at $228 billion in 2024.",
            ),
        ],
    );
    let r = run(same.path(), &["check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("error[conflict]"), "{}", r.stdout);
}

#[test]
fn a_direction_word_without_a_figure_is_checked_for_sign() {
    let wrong = corpus(
        &[],
        &[
            ("a.md", "2026-01-20", "Trade between Russia and China decreased in 2025, officials said."),
            ("b.md", "2026-01-21", "Trade between Russia and China was $251.3 billion in 2025 and $245 billion in 2024."),
        ],
    );
    let r = run(wrong.path(), &["check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("stated: decreased (-∞ to 0%); but $245 billion in 2024 to $251.3 billion in 2025 is a change of 2.34% to 2.8%"),
        "{}",
        r.stdout
    );
    let right = corpus(
        &[],
        &[
            ("a.md", "2026-01-20", "Trade between Russia and China increased in 2025, officials said."),
            ("b.md", "2026-01-21", "Trade between Russia and China was $251.3 billion in 2025 and $245 billion in 2024."),
        ],
    );
    assert_clean(&right);
}
