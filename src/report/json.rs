//! JSON and JSON Lines: quantities (`extract`), facts (`facts`) and the
//! report (`report --format json`). Decimals are strings in base units, so no
//! reader loses precision; interval ends are strings or null.

use crate::extract::Role;
use std::collections::BTreeMap;
use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use super::notices::Notices;
use crate::documents::Document;
use crate::engine::{Class, Finding};
use crate::extract::{Kind, Qualifier, Quantity};
use crate::facts::{Fact, Facts};
use crate::interval::Interval;
use crate::period::Period;
use crate::rules::Severity;

/// The version of the `report --format json` document.
pub const REPORT_VERSION: u32 = 2;

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

/// One line of `extract` through serde: the reference the hand-written
/// `quantity_line` is tested against.
#[cfg(test)]
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
    role: Role,
    direction: Option<crate::extract::Direction>,
    negated: bool,
    period: Option<Period>,
    period_basis: crate::extract::PeriodBasis,
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
    role: Role,
    /// How the period was found: `stated`, `carried` (from an earlier
    /// sentence of the paragraph) or `assumed` ("before the pandemic").
    period_basis: crate::extract::PeriodBasis,
    /// For a stated change: `up` or `down`.
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: Option<crate::extract::Direction>,
    /// The statistical source the figure is attributed to, by the rule's
    /// name for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'a str>,
    /// The sources of the rule's further dimensions of attribution, by
    /// dimension.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    attributions: BTreeMap<&'a str, &'a str>,
    /// For a change metric: the basis the change is stated on.
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a str>,
    source: String,
    id: &'a str,
    /// The line of `source` that holds the article (JSON Lines), null when
    /// the file is the article.
    record: Option<usize>,
    published: Option<crate::period::Date>,
    /// The article's address, when its front matter or page gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    line: u32,
    column: u32,
    text: &'a str,
    quote: &'a str,
    /// For a figure in another currency: how it was converted.
    #[serde(skip_serializing_if = "Option::is_none")]
    converted_from: Option<ConvertedJson>,
    /// Why the fact is never compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    not_comparable: Option<&'a str>,
    // what makes the line lossless: `facts::shard` reads a fact back from
    // these and the fields above
    /// Byte offsets of the figure in the article (the file, or the decoded
    /// `text` of a JSON line), as in `extract`.
    start: usize,
    end: usize,
    /// The number as written, without currency or scale ("244.8").
    written: &'a str,
    /// The unit the figure is written in, as `extract` gives it (`dollar`
    /// for a bare `$`; the currency of a converted figure).
    figure_unit: &'a str,
    /// The period the figure's words give, before the metric's rule
    /// (`period` is the metric's).
    figure_period: Option<Period>,
    /// The place of the last stated digit (the rounding precision), in the
    /// unit of `value`.
    step: String,
    /// A stated range: its ends and whether each is included.
    range: Option<Bounds>,
    /// The line where `quote` starts, and the byte range of `text` in it.
    quote_line: u32,
    quote_span: (u32, u32),
    /// The metric's approximation slack when the fact was made.
    slack: String,
}

/// The last line of `facts --format jsonl`: how many sources were read
/// and facts written, and the errors met (a shard is whole when its
/// summary is there and counts the facts before it).
#[derive(Serialize)]
struct SummaryJson<'a> {
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct Summary<'a> {
    sources: usize,
    facts: usize,
    errors: &'a [String],
}

#[derive(Serialize)]
struct ConvertedJson {
    unit: String,
    value: Option<String>,
    rate: String,
    uncertainty: String,
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
    /// Stable across line moves, renames with the same `id` and more
    /// sources repeating a value; see `engine::fingerprint`.
    fingerprint: String,
    metric: &'a str,
    period: Option<Period>,
    role: Role,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a str>,
    /// Between the first two readings.
    difference: Option<DifferenceJson>,
    notes: Vec<NoteJson>,
    readings: Vec<ReadingJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    combinations: Vec<CombinationJson<'a>>,
}

#[derive(Serialize)]
struct ReadingJson<'a> {
    /// The lead's stated value, in base units.
    value: Option<String>,
    /// The lead as written ("US$244.8 billion").
    text: &'a str,
    unit: &'a str,
    /// The values every claim of the reading allows.
    #[serde(flatten)]
    bounds: Bounds,
    /// Distinct sources (by path) and claims.
    sources: usize,
    claims: usize,
    /// From the first reading's lead.
    difference: Option<DifferenceJson>,
    facts: Vec<FactJson<'a>>,
}

#[derive(Serialize)]
struct CombinationJson<'a> {
    /// How many combinations of facts this one stands for.
    count: String,
    note: NoteJson,
    facts: Vec<FactJson<'a>>,
}

/// A note: its kind, its words, and the values it names.
#[derive(Serialize)]
struct NoteJson {
    kind: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    values: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    significant_figures: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dimension: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
    /// 1-based reading numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    readings: Vec<usize>,
}

fn note_json(n: &crate::engine::Note) -> NoteJson {
    use crate::engine::Note;
    let mut j = NoteJson {
        kind: n.kind(),
        text: super::notes::text(n),
        values: Vec::new(),
        significant_figures: None,
        dimension: None,
        sources: Vec::new(),
        readings: Vec::new(),
    };
    let written = |f: &Fact| f.surface().to_string();
    match n {
        Note::Rounding {
            coarse,
            fine,
            figures,
        } => {
            j.values = vec![written(coarse), written(fine)];
            j.significant_figures = *figures;
        }
        Note::Overlap => {}
        Note::Attributed { dimension, sources } => {
            j.dimension = dimension.clone();
            j.sources = sources.clone();
        }
        Note::MayDiffer { sources } => j.sources = sources.clone(),
        Note::Converted(f) | Note::StoryDated(f) => j.values = vec![written(f)],
        Note::ClaimVsData { claim, data } => j.values = vec![written(claim), written(data)],
        Note::PartExceedsWhole { part, whole, .. } => {
            j.values = vec![written(part), written(whole)]
        }
        Note::SumMismatch { parts, total, .. } => {
            j.values = parts.iter().map(|(f, _)| written(f)).collect();
            j.values.push(written(total));
        }
        Note::ChangeMismatch {
            stated, then, now, ..
        } => j.values = vec![written(stated), written(then), written(now)],
        Note::Untried { tried, total } => j.values = vec![tried.to_string(), total.to_string()],
        Note::NewReadings { readings } => j.readings = readings.iter().map(|r| r + 1).collect(),
        Note::Brought { sources, .. } => j.sources = sources.clone(),
    }
    j
}

fn difference_json(d: crate::engine::Difference) -> DifferenceJson {
    DifferenceJson {
        absolute: dec(d.absolute),
        relative_percent: d.relative.map(dec),
    }
}

#[derive(Serialize)]
#[serde(bound = "Streamed<F>: Serialize, Streamed<G>: Serialize")]
struct ReportJson<'a, F, G> {
    version: u32,
    sources: usize,
    findings: Streamed<F>,
    facts: Streamed<G>,
    /// Facts never compared, and why.
    not_compared: Vec<NotComparedJson<'a>>,
    /// `check`: baseline entries no finding matches any more.
    stale_baseline: Vec<StaleJson<'a>>,
}

/// A sequence serialized item by item as it is written, never held whole
/// (every fact of a large corpus made into JSON first took four times the
/// memory of the facts): `F` makes the items each time it is serialized.
struct Streamed<F>(F);

impl<F, I> Serialize for Streamed<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// A fact never compared: where it is, and why.
#[derive(Serialize)]
struct NotComparedJson<'a> {
    metric: &'a str,
    source: String,
    id: &'a str,
    line: u32,
    column: u32,
    text: &'a str,
    reason: &'a str,
}

/// A baseline entry no finding matches any more.
#[derive(Serialize)]
struct StaleJson<'a> {
    file: String,
    line: usize,
    fingerprint: &'a str,
    class: &'a str,
    metric: &'a str,
    period: Option<&'a str>,
    values: Vec<&'a str>,
    /// Whether it fails the check (`--strict`).
    fails: bool,
}

fn not_compared_json<'a>(f: &'a Fact, why: &'a str) -> NotComparedJson<'a> {
    NotComparedJson {
        metric: &f.metric,
        source: f.source.path.display().to_string(),
        id: f.source.id(),
        line: f.line,
        column: f.column,
        text: f.surface(),
        reason: why,
    }
}

fn stale_json<'a>(notices: &Notices<'a>, e: &'a crate::baseline::Entry) -> StaleJson<'a> {
    StaleJson {
        file: notices.baseline.map_or_else(
            || crate::baseline::DEFAULT_FILE.to_string(),
            |p| p.display().to_string(),
        ),
        line: e.line,
        fingerprint: &e.fingerprint,
        class: &e.class,
        metric: &e.metric,
        period: e.period.as_deref(),
        values: e.shown_values(),
        fails: notices.strict,
    }
}

fn dec(d: Decimal) -> String {
    d.normalize().to_string()
}

#[cfg(test)]
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
        forecast: q.role == Role::Forecast,
        role: q.role,
        direction: q.direction,
        negated: q.negated,
        period: q.period,
        period_basis: q.period_basis,
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
        bounds: f.interval().into(),
        qualifier: q.qualifier_text.as_deref(),
        qualifier_kind: q.qualifier,
        approx: q.qualifier.is_approx(),
        forecast: q.role == Role::Forecast,
        role: q.role,
        period_basis: q.period_basis,
        direction: q.direction,
        attribution: f.attribution(),
        attributions: f
            .dimensions()
            .iter()
            .map(|(d, s)| (d.as_str(), s.as_str()))
            .collect(),
        basis: f.basis(),
        source: f.source.path.display().to_string(),
        id: f.source.id(),
        record: f.source.record,
        published: f.source.published,
        url: f.source.url.as_deref(),
        line: f.line,
        column: f.column,
        text: f.surface(),
        quote: f.sentence(),
        converted_from: f.conversion().map(|c| ConvertedJson {
            unit: c.from.clone(),
            value: c.value.map(dec),
            rate: dec(c.rate),
            uncertainty: dec(c.uncertainty),
        }),
        not_comparable: f.not_comparable(),
        start: q.start,
        end: q.end,
        written: &q.written,
        figure_unit: q.unit,
        figure_period: q.period,
        step: dec(q.step),
        range: q.range().map(|(lo, hi)| {
            let (lo_in, hi_in) = q.range_inclusive;
            Bounds {
                min: Some(dec(lo)),
                max: Some(dec(hi)),
                min_inclusive: Some(lo_in),
                max_inclusive: Some(hi_in),
            }
        }),
        quote_line: f.quote_line,
        quote_span: f.quote_span,
        slack: dec(f.slack()),
    }
}

/// The `extract` line of `q`, which is at `line` and `column` of `doc`: the
/// same bytes as `quantity_json` through serde.
fn quantity_line(
    buf: &mut Vec<u8>,
    q: &Quantity,
    doc: &Document,
    (line, column): (usize, usize),
) -> io::Result<()> {
    let b = q.stated_bounds();
    buf.extend_from_slice(b"{\"kind\":\"");
    buf.extend_from_slice(q.kind.as_str().as_bytes());
    buf.extend_from_slice(b"\",\"value\":");
    opt_decimal(buf, q.value)?;
    buf.extend_from_slice(b",\"unit\":");
    string(buf, q.unit)?;
    buf.extend_from_slice(b",\"min\":");
    opt_decimal(buf, b.lo.map(|b| b.value))?;
    buf.extend_from_slice(b",\"max\":");
    opt_decimal(buf, b.hi.map(|b| b.value))?;
    buf.extend_from_slice(b",\"min_inclusive\":");
    opt_bool(buf, b.lo.map(|b| b.inclusive));
    buf.extend_from_slice(b",\"max_inclusive\":");
    opt_bool(buf, b.hi.map(|b| b.inclusive));
    buf.extend_from_slice(b",\"qualifier\":");
    match &q.qualifier_text {
        Some(t) => string(buf, t)?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"qualifier_kind\":\"");
    buf.extend_from_slice(q.qualifier.as_str().as_bytes());
    buf.extend_from_slice(b"\",\"approx\":");
    opt_bool(buf, Some(q.qualifier.is_approx()));
    buf.extend_from_slice(b",\"forecast\":");
    opt_bool(buf, Some(q.role == Role::Forecast));
    buf.extend_from_slice(b",\"role\":\"");
    buf.extend_from_slice(q.role.as_str().as_bytes());
    buf.push(b'"');
    buf.extend_from_slice(b",\"direction\":");
    match q.direction {
        Some(d) => write!(buf, "\"{}\"", d.as_str())?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"negated\":");
    opt_bool(buf, Some(q.negated));
    buf.extend_from_slice(b",\"period\":");
    let mut int = itoa::Buffer::new();
    match q.period {
        // a calendar year, most periods: its digits, without the
        // formatting machinery
        Some(p) if p == crate::period::Period::year(p.year) => {
            buf.push(b'"');
            buf.extend_from_slice(int.format(p.year).as_bytes());
            buf.push(b'"');
        }
        Some(p) => write!(buf, "\"{p}\"")?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"period_basis\":\"");
    buf.extend_from_slice(q.period_basis.as_str().as_bytes());
    buf.push(b'"');
    for (key, n) in [
        (&b",\"start\":"[..], q.start + doc.origin.byte),
        (b",\"end\":", q.end + doc.origin.byte),
        (b",\"line\":", line),
        (b",\"column\":", column),
    ] {
        buf.extend_from_slice(key);
        buf.extend_from_slice(int.format(n).as_bytes());
    }
    buf.extend_from_slice(b",\"text\":");
    string(buf, doc.text.get(q.start..q.end).unwrap_or(""))?;
    buf.extend_from_slice(b"}\n");
    Ok(())
}

fn opt_decimal(buf: &mut Vec<u8>, d: Option<Decimal>) -> io::Result<()> {
    let Some(d) = d.map(|d| d.normalize()) else {
        buf.extend_from_slice(b"null");
        return Ok(());
    };
    buf.push(b'"');
    if d.scale() == 0 {
        // a whole number (most are): its digits are the mantissa's
        buf.extend_from_slice(itoa::Buffer::new().format(d.mantissa()).as_bytes());
    } else {
        write!(buf, "{d}")?;
    }
    buf.push(b'"');
    Ok(())
}

fn opt_bool(buf: &mut Vec<u8>, b: Option<bool>) {
    buf.extend_from_slice(match b {
        Some(true) => b"true",
        Some(false) => b"false",
        None => b"null",
    });
}

/// A JSON string: copied as is when nothing in it needs escaping.
fn string(buf: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        serde_json::to_writer(&mut *buf, s)?;
    } else {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    }
    Ok(())
}

fn finding_json<'a>(f: &'a Finding) -> FindingJson<'a> {
    FindingJson {
        class: f.class,
        severity: f.severity,
        fingerprint: crate::engine::fingerprint(f),
        metric: &f.metric,
        period: f.period,
        role: f.role,
        basis: f.basis.as_deref(),
        difference: f.difference().map(difference_json),
        notes: f.notes.iter().map(note_json).collect(),
        readings: f
            .readings
            .iter()
            .map(|r| ReadingJson {
                value: r.lead.quantity.value.map(dec),
                text: r.lead.surface(),
                unit: &r.lead.unit,
                bounds: r.interval.into(),
                sources: r.sources(),
                claims: r.facts.len(),
                difference: r.difference.map(difference_json),
                facts: r.facts.iter().map(|x| fact_json(x)).collect(),
            })
            .collect(),
        combinations: f
            .combinations
            .iter()
            .map(|c| CombinationJson {
                count: c.count.to_string(),
                note: note_json(&c.note),
                facts: c.facts.iter().map(|x| fact_json(x)).collect(),
            })
            .collect(),
    }
}

fn line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// The JSON lines of `quantities` (of `doc`), as `write_quantities` writes
/// them.
pub fn quantity_lines(doc: &Document, quantities: &[Quantity]) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(quantities.len() * 320);
    let mut locate = doc.locator(quantities.first().map_or(0, |q| q.start));
    for q in quantities {
        quantity_line(&mut buf, q, doc, locate(q.start))?;
    }
    Ok(buf)
}

/// One JSON object per quantity.
pub fn write_quantities(
    out: &mut dyn Write,
    doc: &Document,
    quantities: &[Quantity],
) -> io::Result<()> {
    // written by hand into one buffer, flushed in large blocks: `extract`
    // prints a line per figure, and serde's field-by-field path was a fifth
    // of its time. `quantity_json` is the reference (tested equal below).
    // blocks of lines are formatted in parallel and written in order
    use rayon::prelude::*;
    // a group at a time, so the output is never held whole in memory
    for group in quantities.chunks(16 * 1024) {
        let blocks: Vec<io::Result<Vec<u8>>> = group
            .par_chunks(1024)
            .map(|chunk| quantity_lines(doc, chunk))
            .collect();
        for block in blocks {
            out.write_all(&block?)?;
        }
    }
    Ok(())
}

/// One JSON object per fact, then the summary line: `sources` read,
/// `facts` written and the `errors` met, as shown on standard error.
pub fn write_facts_jsonl(
    out: &mut dyn Write,
    sources: usize,
    facts: &Facts,
    errors: &[String],
) -> io::Result<()> {
    for f in facts {
        line(out, &fact_json(f))?;
    }
    let summary = Summary {
        sources,
        facts: facts.len(),
        errors,
    };
    line(out, &SummaryJson { summary })
}

/// A JSON array of facts.
pub fn write_facts_json(out: &mut dyn Write, facts: &Facts) -> io::Result<()> {
    let all: Vec<FactJson> = facts.iter().map(fact_json).collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

/// One JSON object per finding (`--format jsonl`), as in the report; then
/// a line `{"not_compared": {...}}` per fact never compared and a line
/// `{"stale_baseline": {...}}` per stale baseline entry.
pub fn write_findings_jsonl(
    out: &mut dyn Write,
    findings: &[Finding],
    notices: &Notices,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct NotComparedLine<'a> {
        not_compared: NotComparedJson<'a>,
    }
    #[derive(Serialize)]
    struct StaleLine<'a> {
        stale_baseline: StaleJson<'a>,
    }
    for f in findings {
        line(out, &finding_json(f))?;
    }
    for (f, why) in &notices.not_compared {
        line(
            out,
            &NotComparedLine {
                not_compared: not_compared_json(f, why),
            },
        )?;
    }
    for e in &notices.stale {
        line(
            out,
            &StaleLine {
                stale_baseline: stale_json(notices, e),
            },
        )?;
    }
    Ok(())
}

/// The whole report with the facts not compared and the stale baseline
/// entries of `notices`.
pub fn write_report(
    out: &mut dyn Write,
    sources: usize,
    findings: &[Finding],
    facts: &Facts,
    notices: &Notices,
) -> io::Result<()> {
    let report = ReportJson {
        version: REPORT_VERSION,
        sources,
        findings: Streamed(|| findings.iter().map(finding_json)),
        facts: Streamed(|| facts.iter().map(fact_json)),
        not_compared: notices
            .not_compared
            .iter()
            .map(|(f, why)| not_compared_json(f, why))
            .collect(),
        stale_baseline: notices
            .stale
            .iter()
            .map(|e| stale_json(notices, e))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_lines_equal_serde() {
        let text = "In 2024, trade rose 5% to about US$244.8 billion, up from more than \
                    $200bn; between 10 and 20 \"quoted\" tourists\\ came in January–October \
                    2025, and exports did not reach €1 trillion.\nSome 3,000 came; it \
                    doubled. Russia is China's fifth largest partner. 12345678901234567890123456789012";
        let published = "2025-11-18".parse().expect("a date");
        let doc = Document::from_body("t.md", text, Some(published));
        let quantities = crate::extract::extract(&doc);
        assert!(quantities.len() >= 8, "{quantities:?}");
        // all lines at once, so their places come from the cursor
        let hand = quantity_lines(&doc, &quantities).expect("writes to memory");
        let mut serde = Vec::new();
        for q in &quantities {
            serde.extend(serde_json::to_vec(&quantity_json(q, &doc)).expect("serializes"));
            serde.push(b'\n');
        }
        assert_eq!(
            String::from_utf8_lossy(&hand),
            String::from_utf8_lossy(&serde)
        );
        for d in [
            "0",
            "-0",
            "0.000",
            "-5",
            "245000000000",
            "244.80",
            "-0.05",
            "1e24",
            "12.5",
            "100",
        ] {
            let d: Decimal = d
                .parse()
                .or_else(|_| Decimal::from_scientific(d))
                .expect("a decimal");
            let mut hand = Vec::new();
            opt_decimal(&mut hand, Some(d)).expect("writes to memory");
            assert_eq!(
                String::from_utf8_lossy(&hand),
                format!("\"{}\"", d.normalize())
            );
        }
        for s in ["plain", "a\"b\\c\nd\u{1}", "€–’"] {
            let mut hand = Vec::new();
            string(&mut hand, s).expect("writes to memory");
            assert_eq!(hand, serde_json::to_vec(s).expect("serializes"));
        }
    }
}
