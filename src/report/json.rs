//! JSON and JSON Lines: quantities (`extract`), facts (`facts`) and the
//! report (`report --format json`). Decimals are strings in base units, so no
//! reader loses precision; interval ends are strings or null.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::documents::Document;
use crate::engine::{Class, Finding};
use crate::extract::{Kind, Qualifier, Quantity};
use crate::facts::Fact;
use crate::interval::Interval;
use crate::period::Period;
use crate::rules::Severity;

/// The version of the `report --format json` document.
pub const REPORT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Bounds {
    min: Option<String>,
    max: Option<String>,
    min_inclusive: Option<bool>,
    max_inclusive: Option<bool>,
}

impl From<Interval> for Bounds {
    fn from(i: Interval) -> Self {
        Bounds {
            min: i.lo.map(|b| dec(b.value)),
            max: i.hi.map(|b| dec(b.value)),
            min_inclusive: i.lo.map(|b| b.inclusive),
            max_inclusive: i.hi.map(|b| b.inclusive),
        }
    }
}

/// One line of `extract`: the bounds inline rather than `flatten`ed, which
/// would make serde build a map for every quantity.
#[derive(Serialize)]
struct QuantityJson<'a> {
    kind: Kind,
    value: Option<String>,
    unit: &'a str,
    min: Option<String>,
    max: Option<String>,
    min_inclusive: Option<bool>,
    max_inclusive: Option<bool>,
    qualifier: Option<&'a str>,
    qualifier_kind: Qualifier,
    approx: bool,
    forecast: bool,
    direction: Option<crate::extract::Direction>,
    negated: bool,
    period: Option<Period>,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct FactJson<'a> {
    metric: &'a str,
    period: Option<Period>,
    value: Option<String>,
    unit: &'a str,
    kind: Kind,
    #[serde(flatten)]
    bounds: Bounds,
    qualifier: Option<&'a str>,
    qualifier_kind: Qualifier,
    approx: bool,
    forecast: bool,
    source: String,
    id: &'a str,
    published: Option<crate::period::Date>,
    line: usize,
    column: usize,
    text: &'a str,
    quote: &'a str,
}

#[derive(Serialize)]
struct DifferenceJson {
    absolute: String,
    relative_percent: Option<String>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    class: Class,
    severity: Severity,
    metric: &'a str,
    period: Option<Period>,
    difference: Option<DifferenceJson>,
    note: Option<&'a str>,
    facts: Vec<FactJson<'a>>,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    version: u32,
    sources: usize,
    findings: Vec<FindingJson<'a>>,
    facts: Vec<FactJson<'a>>,
}

fn dec(d: Decimal) -> String {
    d.normalize().to_string()
}

fn quantity_json<'a>(q: &'a Quantity, doc: &'a Document) -> QuantityJson<'a> {
    let (line, column) = doc.locate(q.start);
    let Bounds {
        min,
        max,
        min_inclusive,
        max_inclusive,
    } = q.stated_bounds().into();
    QuantityJson {
        kind: q.kind,
        value: q.value.map(dec),
        unit: q.unit,
        min,
        max,
        min_inclusive,
        max_inclusive,
        qualifier: q.qualifier_text.as_deref(),
        qualifier_kind: q.qualifier,
        approx: q.qualifier.is_approx(),
        forecast: q.forecast,
        direction: q.direction,
        negated: q.negated,
        period: q.period,
        start: q.start,
        end: q.end,
        line,
        column,
        text: &doc.text[q.start..q.end],
    }
}

fn fact_json(f: &Fact) -> FactJson<'_> {
    let q = &f.quantity;
    FactJson {
        metric: &f.metric,
        period: f.period,
        value: q.value.map(dec),
        unit: &f.unit,
        kind: q.kind,
        bounds: q.interval(f.slack).into(),
        qualifier: q.qualifier_text.as_deref(),
        qualifier_kind: q.qualifier,
        approx: q.qualifier.is_approx(),
        forecast: q.forecast,
        source: f.source.path.display().to_string(),
        id: &f.source.id,
        published: f.source.published,
        line: f.line,
        column: f.column,
        text: f.surface(),
        quote: &f.quote,
    }
}

fn finding_json(f: &Finding) -> FindingJson<'_> {
    FindingJson {
        class: f.class,
        severity: f.severity,
        metric: &f.metric,
        period: f.period,
        difference: f.difference.map(|d| DifferenceJson {
            absolute: dec(d.absolute),
            relative_percent: d.relative.map(dec),
        }),
        note: f.note.as_deref(),
        facts: f.facts.iter().map(fact_json).collect(),
    }
}

fn line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// One JSON object per quantity.
pub fn write_quantities(
    out: &mut dyn Write,
    doc: &Document,
    quantities: &[Quantity],
) -> io::Result<()> {
    // serialized into one buffer and written in large blocks: cheaper than
    // many small writes through `dyn Write`
    let mut buf = Vec::with_capacity(1 << 16);
    for q in quantities {
        serde_json::to_writer(&mut buf, &quantity_json(q, doc))?;
        buf.push(b'\n');
        if buf.len() >= 1 << 16 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)
}

/// One JSON object per fact.
pub fn write_facts_jsonl(out: &mut dyn Write, facts: &[Fact]) -> io::Result<()> {
    for f in facts {
        line(out, &fact_json(f))?;
    }
    Ok(())
}

/// A JSON array of facts.
pub fn write_facts_json(out: &mut dyn Write, facts: &[Fact]) -> io::Result<()> {
    let all: Vec<FactJson> = facts.iter().map(fact_json).collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

/// The whole report: findings and facts, versioned.
pub fn write_report(
    out: &mut dyn Write,
    sources: usize,
    findings: &[Finding],
    facts: &[Fact],
) -> io::Result<()> {
    let report = ReportJson {
        version: REPORT_VERSION,
        sources,
        findings: findings.iter().map(finding_json).collect(),
        facts: facts.iter().map(fact_json).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
