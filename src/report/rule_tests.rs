//! `rules test` output: a line per example, and for a failure what was
//! expected against what the rule found.

use std::io::{self, Write};

use rust_decimal::Decimal;

use crate::rule_tests::{ExampleResult, Observed};
use crate::rules::Expected;

pub fn write_results(out: &mut dyn Write, results: &[ExampleResult]) -> io::Result<()> {
    for r in results {
        let status = if r.passed { "PASS" } else { "FAIL" };
        writeln!(
            out,
            "{status} {} example {}: {}",
            r.metric,
            r.number,
            short(&r.text)
        )?;
        if r.passed {
            continue;
        }
        writeln!(out, "  --> {}", r.location)?;
        if r.expected.is_empty() {
            writeln!(out, "  - expected: none")?;
        }
        for e in &r.expected {
            writeln!(out, "  - expected: {}", expected(e))?;
        }
        if r.found.is_empty() {
            writeln!(out, "  + found:    none")?;
        }
        for o in &r.found {
            writeln!(out, "  + found:    {}", observed(o))?;
        }
    }
    let failed = results.iter().filter(|r| !r.passed).count();
    writeln!(out, "\n{} passed, {failed} failed", results.len() - failed)
}

fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 80 {
        return one_line;
    }
    format!("{}…", one_line.chars().take(79).collect::<String>())
}

fn num(d: Option<Decimal>) -> String {
    d.map_or_else(|| "-".into(), |d| d.normalize().to_string())
}

fn expected(e: &Expected) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &e.metric {
        parts.push(format!("metric {m}"));
    }
    if let Some(p) = e.period {
        parts.push(format!("period {p}"));
    }
    if e.value.is_some() {
        parts.push(format!("value {}", num(e.value)));
    }
    if e.min.is_some() {
        parts.push(format!("min {}", num(e.min)));
    }
    if e.max.is_some() {
        parts.push(format!("max {}", num(e.max)));
    }
    if let Some(f) = e.forecast {
        parts.push(format!("forecast {f}"));
    }
    parts.join(", ")
}

fn observed(o: &Observed) -> String {
    let period = o.period.map_or_else(|| "unknown".into(), |p| p.to_string());
    let metric = o
        .metric
        .as_ref()
        .map_or_else(String::new, |m| format!("metric {m}, "));
    format!(
        "{metric}period {period}, value {}, min {}, max {}, forecast {} (`{}`)",
        num(o.value),
        num(o.min),
        num(o.max),
        o.forecast,
        o.text
    )
}
