//! `rules list` (a table of the metrics) and `explain METRIC` (one metric's
//! rule as written, its examples run, and the facts it matched).

use std::io::{self, Write};

use crate::facts::Fact;
use crate::rule_tests::ExampleResult;
use crate::rules::{Metric, MetricKind, PeriodRule, RuleSet, Tolerance};

/// Every metric, sorted by id.
pub fn write_list(out: &mut dyn Write, rules: &RuleSet) -> io::Result<()> {
    let mut t = super::table::table(&[
        "metric",
        "kind",
        "period",
        "tolerance",
        "severity",
        "examples",
        "description",
    ]);
    // a template's examples are kept on its first metric and shared by all
    let mut shared: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for m in &rules.metrics {
        if let Some(t) = &m.template {
            *shared.entry(t.as_str()).or_default() += m.examples.len();
        }
    }
    let mut metrics: Vec<&Metric> = rules.metrics.iter().collect();
    metrics.sort_by(|a, b| a.id.cmp(&b.id));
    for m in &metrics {
        let examples = match &m.template {
            Some(t) => format!("{} ({t})", shared.get(t.as_str()).copied().unwrap_or(0)),
            None => m.examples.len().to_string(),
        };
        t.add_row([
            m.id.clone(),
            kind(m),
            period(m.period).to_string(),
            tolerance(m.tolerance),
            m.severity.to_string(),
            examples,
            m.description.clone(),
        ]);
    }
    super::width::fit(&mut t);
    writeln!(out, "{t}")?;
    writeln!(out, "{} metrics", metrics.len())
}

/// One metric: where it is defined, its rule text, its examples and facts.
pub fn write_explain(
    out: &mut dyn Write,
    metric: &Metric,
    rule_text: Option<&str>,
    examples: &[ExampleResult],
    facts: &[Fact],
) -> io::Result<()> {
    writeln!(out, "{}: {}", metric.id, metric.description)?;
    writeln!(out, "  defined at {}", metric.location)?;
    writeln!(
        out,
        "  kind {}, period {}, tolerance {}, severity {}",
        kind(metric),
        period(metric.period),
        tolerance(metric.tolerance),
        metric.severity
    )?;
    if let Some(text) = rule_text {
        writeln!(out, "\nRule\n")?;
        for line in text.lines() {
            writeln!(out, "  {line}")?;
        }
    }
    let failed = examples.iter().filter(|r| !r.passed).count();
    writeln!(
        out,
        "\nExamples: {} passed, {failed} failed",
        examples.len() - failed
    )?;
    if !examples.is_empty() {
        writeln!(out)?;
        super::rule_tests::write_results(out, examples)?;
    }
    writeln!(out, "\nFacts in the corpus: {}", facts.len())?;
    if !facts.is_empty() {
        writeln!(out)?;
        super::table::write_facts(out, facts)?;
    }
    Ok(())
}

/// The lines of a rule file that define the metric whose `id` is on
/// 1-based `line`: from its `- id:` line to the next item or key at the
/// same or a lesser indentation.
pub fn rule_block(file: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = file.lines().collect();
    let first = *lines.get(line.checked_sub(1)?)?;
    let indent = first.len() - first.trim_start().len();
    let mut block = vec![first];
    for l in &lines[line..] {
        let trimmed = l.trim_start();
        let own = l.len() - trimmed.len();
        if !trimmed.is_empty() && own <= indent {
            break;
        }
        block.push(l);
    }
    while block.last().is_some_and(|l| l.trim().is_empty()) {
        block.pop();
    }
    let text: Vec<&str> = block
        .iter()
        .map(|l| l.get(indent..).unwrap_or(l.trim_start()))
        .collect();
    Some(text.join("\n"))
}

fn kind(m: &Metric) -> String {
    let name = match m.kind {
        MetricKind::Money => "money",
        MetricKind::Count => "count",
        MetricKind::Percent => "percent",
        MetricKind::Rank => "rank",
        MetricKind::Change => "change",
    };
    match &m.unit {
        Some(unit) => format!("{name} ({unit})"),
        None => name.to_string(),
    }
}

fn period(p: PeriodRule) -> &'static str {
    match p {
        PeriodRule::Year => "year",
        PeriodRule::None => "none",
    }
}

fn tolerance(t: Tolerance) -> String {
    match t {
        Tolerance::Exact => "exact".into(),
        Tolerance::Rounding => "rounding".into(),
        Tolerance::Relative(f) => {
            format!("{}%", (f * rust_decimal::Decimal::ONE_HUNDRED).normalize())
        }
        Tolerance::Absolute(a) => format!("±{}", a.normalize()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_block_ends_at_the_next_item() {
        let file = "metrics:\n  - id: a.b\n    kind: money\n\n    examples:\n      - text: x\n\n  - id: c.d\n    kind: count\nentities: []\n";
        assert_eq!(
            rule_block(file, 2).as_deref(),
            Some("- id: a.b\n  kind: money\n\n  examples:\n    - text: x")
        );
        assert_eq!(
            rule_block(file, 8).as_deref(),
            Some("- id: c.d\n  kind: count")
        );
        assert_eq!(rule_block(file, 99), None);
    }
}
