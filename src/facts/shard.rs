//! Facts read back from `facts --format jsonl`: the shards that many
//! `facts` runs write in parallel (one per part of a corpus), which
//! `report --facts` and `check --facts` compare as one corpus run would.
//!
//! A shard is a JSON Lines file (`.jsonl`, or `.jsonl.gz` gunzipped as it
//! is read), one fact a line, then a summary line
//! (`{"summary":{"sources":5,"facts":9,"errors":[]}}`) that says how many
//! sources the run read, how many facts it wrote, and the errors it met. A
//! file is read a batch of lines at a time, each batch parsed in parallel,
//! never whole. Files of several shards one after another (`cat a.jsonl
//! b.jsonl`) are shards too: each summary closes the facts before it.
//!
//! What is wrong is an error at `file:line`, and the other lines are still
//! read: a line that is not a fact (not JSON, a field missing or of the
//! wrong kind), a metric, unit, statistical source or rate the rules do not
//! know, a slack other than the rules' (the shard was written with other
//! rules), a summary whose count differs from the facts before it, a file
//! that ends with no summary (cut short), and an article whose facts come
//! twice (a shard given twice, or shards that overlap).
//!
//! The facts are then put in the order of a corpus run: by path, then line
//! of a JSON Lines file, each article's facts in the order written,
//! whatever the order of the shards.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::{Conversion, Fact, Quote, Source, SourceText};
use crate::documents::jsonl::{json_error, JsonLines, Line};
use crate::error::{Error, Errors};
use crate::extract::{Direction, Kind, PeriodBasis, Qualifier, Quantity, Role};
use crate::period::{Date, Period};
use crate::rules::{Metric, RuleSet};

/// The facts of some shards, in the order of a corpus run, the sources the
/// runs that wrote them read, and every error (of the shards, and those the
/// runs met).
#[derive(Debug, Default)]
pub struct Loaded {
    pub facts: Vec<Fact>,
    pub sources: usize,
    pub errors: Errors,
}

/// Lines parsed in parallel at a time, at most.
const BATCH_LINES: usize = 4096;
/// Bytes of lines parsed in parallel at a time, about.
const BATCH_BYTES: usize = 8 << 20;

/// Reads the facts of the shard files `files`, with the metrics of
/// `rules`. A file that does not exist is an error before any is read;
/// what is wrong in a file is in `errors`.
pub fn load(files: &[PathBuf], rules: &RuleSet) -> Result<Loaded, Errors> {
    let mut missing = Errors::default();
    for path in files {
        if let Err(e) = std::fs::metadata(path) {
            missing.push(Error::io(path, e));
        }
    }
    missing.into_result(())?;
    let metrics: BTreeMap<&str, &Metric> =
        rules.metrics.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut out = Gather::default();
    for (file, path) in files.iter().enumerate() {
        out.file(file, path, &metrics);
    }
    Ok(out.finish(files))
}

/// The articles read so far, as runs of facts.
#[derive(Default)]
struct Gather {
    facts: Vec<Fact>,
    runs: Vec<Run>,
    sources: usize,
    errors: Errors,
}

/// The facts of one article, one after another in one file.
struct Run {
    source: Arc<Source>,
    /// The file (its index) and line of its first fact.
    file: usize,
    line: usize,
    /// Its facts in `Gather::facts`.
    facts: std::ops::Range<usize>,
    /// The sentences its facts quote, one after another, and their ranges:
    /// the source's text once the run is done with (`Run::close`).
    text: String,
    quotes: Vec<Quote>,
}

impl Run {
    /// The article is done with: its source's text is its facts'
    /// sentences.
    fn close(&mut self) {
        self.source
            .text
            .set(Arc::from(std::mem::take(&mut self.text)));
        self.quotes = Vec::new();
    }
}

impl Gather {
    fn file(&mut self, file: usize, path: &Path, metrics: &BTreeMap<&str, &Metric>) {
        let mut lines = match JsonLines::open(path) {
            Ok(lines) => lines,
            Err(e) => return self.errors.push(e),
        };
        // fact lines since the last summary; the last line read
        let (mut pending, mut last) = (0, 0);
        let mut summaries = 0;
        // whether the last line could not be read (gzip data cut short, a
        // line too long): its error is said, and a missing summary is not
        let mut unread = false;
        let mut open: Option<usize> = None;
        loop {
            let mut batch: Vec<Result<Line, Error>> = Vec::new();
            let mut bytes = 0;
            let mut ended = true;
            while let Some(line) = lines.next_line() {
                bytes += line.as_ref().map_or(0, |l| l.bytes.len());
                batch.push(line);
                if batch.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
                    ended = false;
                    break;
                }
            }
            let parsed: Vec<(Option<usize>, Result<Parsed, Error>)> = batch
                .into_par_iter()
                .map(|line| match line {
                    Ok(line) => (Some(line.number), parse(&line, metrics)),
                    Err(e) => (None, Err(e)),
                })
                .collect();
            for (number, parsed) in parsed {
                unread = number.is_none();
                let number = match (number, &parsed) {
                    (Some(n), _) => n,
                    (None, Err(Error::Record { line, .. })) => *line,
                    (None, _) => last,
                };
                last = number;
                match parsed {
                    Ok(Parsed::Fact(fact)) => {
                        pending += 1;
                        self.fact(*fact, (file, number), &mut open, path);
                    }
                    Ok(Parsed::Summary(s)) => {
                        summaries += 1;
                        if let Some(before) = open.take().and_then(|r| self.runs.get_mut(r)) {
                            before.close();
                        }
                        if s.facts != pending {
                            self.errors.push(record(
                                path,
                                number,
                                format!(
                                    "the summary counts {} fact{} and {pending} come before it: \
                                     lines were lost or added",
                                    s.facts,
                                    if s.facts == 1 { "" } else { "s" },
                                ),
                            ));
                        }
                        pending = 0;
                        self.sources += s.sources;
                        self.errors
                            .0
                            .extend(s.errors.into_iter().map(Error::Carried));
                    }
                    Err(e) => {
                        pending += 1;
                        self.errors.push(e);
                    }
                }
            }
            if ended {
                break;
            }
        }
        if let Some(last) = open.and_then(|r| self.runs.get_mut(r)) {
            last.close();
        }
        if (pending > 0 || summaries == 0) && !unread {
            self.errors.push(record(
                path,
                last.max(1),
                "no summary line after the last fact: the shard is cut short, or was not \
                 written by `crosscheck facts --format jsonl`"
                    .into(),
            ));
        }
    }

    /// Adds `fact`, of line `number` of file `file`: to the open run when it
    /// is of the same article, sharing its source and its sentence.
    fn fact(
        &mut self,
        mut fact: Fact,
        (file, number): (usize, usize),
        open: &mut Option<usize>,
        path: &Path,
    ) {
        let run = open.and_then(|r| self.runs.get_mut(r)).filter(|run| {
            run.source.path == fact.source.path && run.source.record == fact.source.record
        });
        let run = match run {
            Some(run) => {
                if *run.source != *fact.source {
                    let message = format!(
                        "`id` or `published` differs from that of the article's fact at line {}",
                        run.line
                    );
                    return self.errors.push(record(path, number, message));
                }
                run
            }
            None => {
                // the article before is done with
                if let Some(before) = open.and_then(|r| self.runs.get_mut(r)) {
                    before.close();
                }
                *open = Some(self.runs.len());
                self.runs.push(Run {
                    // the article's, whose text its facts' sentences become
                    source: Arc::new(Source {
                        text: SourceText::default(),
                        ..(*fact.source).clone()
                    }),
                    file,
                    line: number,
                    facts: self.facts.len()..self.facts.len(),
                    text: String::new(),
                    quotes: Vec::new(),
                });
                // cannot fail: a run was pushed right above
                let Some(run) = self.runs.last_mut() else {
                    return;
                };
                run
            }
        };
        // the fact's sentence, held by its own source until it shares the
        // run's
        let sentence = fact.sentence();
        let text = &run.text;
        let same = |q: &&Quote| text.get(q.start as usize..q.end as usize) == Some(sentence);
        let quote = match run.quotes.iter().find(same) {
            Some(q) => *q,
            None => {
                let start = run.text.len();
                run.text.push_str(sentence);
                let q = match (u32::try_from(start), u32::try_from(run.text.len())) {
                    (Ok(start), Ok(end)) => Quote { start, end },
                    _ => Quote::default(),
                };
                run.quotes.push(q);
                q
            }
        };
        fact.quote = quote;
        fact.source = Arc::clone(&run.source);
        run.facts.end += 1;
        self.facts.push(fact);
    }

    /// The facts in the order of a corpus run; an article read twice keeps
    /// the facts of its first run, and the others are errors.
    fn finish(mut self, files: &[PathBuf]) -> Loaded {
        fn key(r: &Run) -> (&Path, Option<usize>) {
            (r.source.path.as_path(), r.source.record)
        }
        let ordered = self.runs.windows(2).all(|w| key(&w[0]) < key(&w[1]));
        if !ordered {
            // stable, and by file and line: the first run of an article
            // read twice comes first
            self.runs.sort_by(|a, b| key(a).cmp(&key(b)));
            let mut kept: Vec<Run> = Vec::with_capacity(self.runs.len());
            for run in std::mem::take(&mut self.runs) {
                match kept.last() {
                    Some(first) if key(first) == key(&run) => {
                        let shown = |file: usize| {
                            files
                                .get(file)
                                .map_or_else(String::new, |p| p.display().to_string())
                        };
                        let message = format!(
                            "the facts of {} were read already at {}:{} (a shard given twice, or \
                             shards that overlap)",
                            run.source.article(),
                            shown(first.file),
                            first.line
                        );
                        let path = files.get(run.file).cloned().unwrap_or_default();
                        self.errors.push(Error::Record {
                            path,
                            line: run.line,
                            message,
                        });
                    }
                    _ => kept.push(run),
                }
            }
            let mut slots: Vec<Option<Fact>> = self.facts.into_iter().map(Some).collect();
            self.facts = kept
                .iter()
                .flat_map(|run| run.facts.clone())
                .filter_map(|i| slots.get_mut(i).and_then(Option::take))
                .collect();
        }
        self.facts.shrink_to_fit();
        Loaded {
            facts: self.facts,
            sources: self.sources,
            errors: self.errors,
        }
    }
}

fn record(path: &Path, line: usize, message: String) -> Error {
    Error::Record {
        path: path.to_path_buf(),
        line,
        message,
    }
}

/// A line of a shard: a fact, or a summary.
enum Parsed {
    Fact(Box<Fact>),
    Summary(Summary),
}

#[derive(Deserialize)]
struct SummaryLine {
    summary: Summary,
}

#[derive(Deserialize)]
struct Summary {
    sources: usize,
    facts: usize,
    #[serde(default)]
    errors: Vec<String>,
}

/// A fact line as `facts --format jsonl` writes it (`report::json`):
/// the fields a fact is made from. `min`, `max`, `approx`, `forecast` and
/// `text` follow from these and are not read.
#[derive(Deserialize)]
struct FactLine<'a> {
    #[serde(borrow)]
    metric: Cow<'a, str>,
    #[serde(borrow)]
    period: Option<Cow<'a, str>>,
    #[serde(borrow)]
    value: Option<Cow<'a, str>>,
    #[serde(borrow)]
    unit: Cow<'a, str>,
    kind: Kind,
    #[serde(borrow)]
    qualifier: Option<Cow<'a, str>>,
    qualifier_kind: Qualifier,
    role: Role,
    period_basis: PeriodBasis,
    direction: Option<Direction>,
    #[serde(borrow)]
    attribution: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    attributions: BTreeMap<Cow<'a, str>, Cow<'a, str>>,
    #[serde(borrow)]
    basis: Option<Cow<'a, str>>,
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    id: Cow<'a, str>,
    record: Option<usize>,
    #[serde(borrow)]
    published: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    url: Option<Cow<'a, str>>,
    line: u32,
    column: u32,
    #[serde(borrow)]
    quote: Cow<'a, str>,
    #[serde(borrow)]
    converted_from: Option<ConvertedLine<'a>>,
    #[serde(borrow)]
    not_comparable: Option<Cow<'a, str>>,
    start: usize,
    end: usize,
    #[serde(borrow)]
    written: Cow<'a, str>,
    #[serde(borrow)]
    figure_unit: Cow<'a, str>,
    #[serde(borrow)]
    figure_period: Option<Cow<'a, str>>,
    #[serde(borrow)]
    step: Cow<'a, str>,
    #[serde(borrow)]
    range: Option<RangeLine<'a>>,
    quote_line: u32,
    quote_span: (u32, u32),
    #[serde(borrow)]
    slack: Cow<'a, str>,
}

#[derive(Deserialize)]
struct ConvertedLine<'a> {
    #[serde(borrow)]
    unit: Cow<'a, str>,
    #[serde(borrow)]
    value: Option<Cow<'a, str>>,
    #[serde(borrow)]
    rate: Cow<'a, str>,
    #[serde(borrow)]
    uncertainty: Cow<'a, str>,
}

#[derive(Deserialize)]
struct RangeLine<'a> {
    #[serde(borrow)]
    min: Cow<'a, str>,
    #[serde(borrow)]
    max: Cow<'a, str>,
    min_inclusive: bool,
    max_inclusive: bool,
}

/// The fact or summary of `line`, or what is wrong with it.
fn parse(line: &Line, metrics: &BTreeMap<&str, &Metric>) -> Result<Parsed, Error> {
    let fail = |message: String| record(&line.path, line.number, message);
    let text = std::str::from_utf8(&line.bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 text (byte {} of the line)",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_suffix('\r').unwrap_or(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(object) = text.trim_start().strip_prefix('{') else {
        return Err(fail(
            match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => "not a JSON object".into(),
                Err(e) => json_error(&e),
            },
        ));
    };
    if object.trim_start().starts_with("\"summary\"") {
        let s: SummaryLine = serde_json::from_str(text).map_err(|e| fail(json_error(&e)))?;
        return Ok(Parsed::Summary(s.summary));
    }
    let f: FactLine = serde_json::from_str(text).map_err(|e| fail(json_error(&e)))?;
    fact(f, metrics)
        .map(|f| Parsed::Fact(Box::new(f)))
        .map_err(fail)
}

/// A decimal written as `Decimal` writes it, read exactly.
fn decimal(field: &str, s: &str) -> Result<Decimal, String> {
    Decimal::from_str_exact(s).map_err(|_| format!("`{field}`: not a decimal number: `{s}`"))
}

fn opt_decimal(field: &str, s: Option<&Cow<str>>) -> Result<Option<Decimal>, String> {
    s.map(|s| decimal(field, s)).transpose()
}

fn period(field: &str, s: Option<&Cow<str>>) -> Result<Option<Period>, String> {
    s.map(|s| Period::from_str(s).map_err(|m| format!("`{field}`: {m}")))
        .transpose()
}

/// A unit the extractor writes, as its own string.
fn unit(field: &str, name: &str) -> Result<&'static str, String> {
    crate::extract::unit_named(name).ok_or_else(|| format!("`{field}`: unknown unit `{name}`"))
}

/// The fact of line `f`, checked against the rules.
fn fact(f: FactLine<'_>, metrics: &BTreeMap<&str, &Metric>) -> Result<Fact, String> {
    let metric = *metrics.get(f.metric.as_ref()).ok_or_else(|| {
        format!(
            "`metric`: no metric `{}` in the rules (was the shard written with other rules?)",
            f.metric
        )
    })?;
    let other_rules = |what: String| {
        format!(
            "{what} of metric `{}` in the rules (was the shard written with other rules?)",
            metric.id
        )
    };
    if !f.kind.is_metric() {
        return Err(format!(
            "`kind`: a `{}` figure is never a fact",
            f.kind.as_str()
        ));
    }
    let slack = decimal("slack", &f.slack)?;
    if slack != metric.slack {
        return Err(other_rules(format!(
            "`slack`: {slack}, not the slack {}",
            metric.slack.normalize()
        )));
    }
    // the metric's unit: the extractor's string, or the rule's own
    let metric_unit = match crate::extract::unit_named(&f.unit) {
        Some(u) => Cow::Borrowed(u),
        None if metric.unit.as_deref() == Some(f.unit.as_ref()) => Cow::Owned(f.unit.into_owned()),
        None => return Err(format!("`unit`: unknown unit `{}`", f.unit)),
    };
    let conversion = match f.converted_from {
        None => None,
        Some(c) => {
            let rate = decimal("converted_from.rate", &c.rate)?;
            let uncertainty = decimal("converted_from.uncertainty", &c.uncertainty)?;
            let known = metric
                .rates
                .iter()
                .any(|r| r.from == c.unit && r.rate == rate && r.uncertainty == uncertainty);
            if !known {
                return Err(other_rules(format!(
                    "`converted_from`: no {} rate {rate} (uncertainty {uncertainty})",
                    c.unit
                )));
            }
            Some(Conversion {
                from: unit("converted_from.unit", &c.unit)?.to_string(),
                value: opt_decimal("converted_from.value", c.value.as_ref())?,
                rate,
                uncertainty,
            })
        }
    };
    if let Some(a) = f.attribution.as_deref() {
        if !metric.attributions.iter().any(|(name, _)| name == a) {
            return Err(other_rules(format!("`attribution`: `{a}` is not a source")));
        }
    }
    if let Some(b) = f.basis.as_deref() {
        if !metric.basis.iter().any(|(name, _)| name == b) {
            return Err(other_rules(format!("`basis`: `{b}` is not a basis")));
        }
    }
    // the dimensions in the rule's order, as a fact is made
    let mut dimensions = Vec::with_capacity(f.attributions.len());
    for (dim, source) in &f.attributions {
        let known = metric
            .dimensions
            .iter()
            .position(|d| d.name == *dim && d.sources.iter().any(|(s, _)| s == source));
        let Some(at) = known else {
            return Err(other_rules(format!(
                "`attributions`: `{dim}: {source}` is not a dimension and source"
            )));
        };
        dimensions.push((at, (dim.to_string(), source.to_string())));
    }
    dimensions.sort_by_key(|(at, _)| *at);
    let range = match f.range {
        None => None,
        Some(r) => {
            let (lo, hi) = (decimal("range.min", &r.min)?, decimal("range.max", &r.max)?);
            if lo > hi {
                return Err(format!("`range`: {lo} is above {hi}"));
            }
            Some(((lo, hi), (r.min_inclusive, r.max_inclusive)))
        }
    };
    let quantity = Quantity {
        kind: f.kind,
        value: opt_decimal("value", f.value.as_ref())?,
        range: range.map(|(r, _)| Box::new(r)),
        range_inclusive: range.map_or((true, true), |(_, i)| i),
        step: decimal("step", &f.step)?,
        unit: unit("figure_unit", &f.figure_unit)?,
        qualifier: f.qualifier_kind,
        qualifier_text: f.qualifier.map(Into::into),
        role: f.role,
        direction: f.direction,
        // a negated figure is never a fact
        negated: false,
        period: period("figure_period", f.figure_period.as_ref())?,
        period_basis: f.period_basis,
        start: f.start,
        end: f.end,
        written: f.written.into(),
    };
    check_magnitudes(&quantity, conversion.as_ref())?;
    if quantity.start > quantity.end {
        return Err(format!(
            "`start` {} is after `end` {}",
            quantity.start, quantity.end
        ));
    }
    for (field, n) in [
        ("line", f.line),
        ("column", f.column),
        ("quote_line", f.quote_line),
    ] {
        // (one past four billion does not read as a u32: serde says so)
        if n == 0 {
            return Err(format!("`{field}`: {n} is no line or column"));
        }
    }
    let (a, b) = f.quote_span;
    if a > b || f.quote.get(a as usize..b as usize).is_none() {
        return Err(format!("`quote_span`: [{a}, {b}] is not a part of `quote`"));
    }
    let published = f
        .published
        .map(|d| Date::from_str(&d).map_err(|m| format!("`published`: {m}")))
        .transpose()?;
    Ok(Fact {
        metric: Arc::clone(&metric.key),
        period: period("period", f.period.as_ref())?,
        quantity,
        unit: metric_unit,
        source: Arc::new(Source {
            id: Source::own_id(std::path::Path::new(f.source.as_ref()), f.id.into_owned()),
            path: PathBuf::from(f.source.as_ref()),
            published,
            record: f.record,
            url: f.url.map(Cow::into_owned),
            // its own sentence, until it joins its article's (`Gather::fact`)
            text: SourceText::held(Arc::from(f.quote.as_ref())),
        }),
        line: f.line,
        column: f.column,
        quote: Quote {
            start: 0,
            // cannot fail: a line is at most `MAX_LINE` bytes
            end: u32::try_from(f.quote.len()).unwrap_or(u32::MAX),
        },
        surface: f.quote.get(a as usize..b as usize).unwrap_or("").into(),
        quote_line: f.quote_line,
        quote_span: f.quote_span,
        notes: super::Notes {
            conversion,
            not_comparable: f.not_comparable.map(|s| s.into_owned().into_boxed_str()),
            attribution: f.attribution.map(|s| s.into_owned().into_boxed_str()),
            dimensions: dimensions.into_iter().map(|(_, d)| d).collect(),
            basis: f.basis.map(|s| s.into_owned().into_boxed_str()),
            slack: (slack != crate::extract::DEFAULT_SLACK).then_some(slack),
        }
        .boxed(),
    })
}

/// The values of `q` within what the extractor reads (`MAX_VALUE`, the one
/// limit on values, which converted values keep too), so that no later
/// arithmetic overflows; the precision not negative.
fn check_magnitudes(q: &Quantity, conversion: Option<&Conversion>) -> Result<(), String> {
    let limit = crate::extract::MAX_VALUE;
    let values = [
        ("value", q.value),
        ("range.min", q.range().map(|r| r.0)),
        ("range.max", q.range().map(|r| r.1)),
        ("step", Some(q.step)),
        ("converted_from.value", conversion.and_then(|c| c.value)),
    ];
    for (field, v) in values {
        if let Some(v) = v.filter(|v| v.abs() > limit) {
            return Err(format!("`{field}`: {v} is larger than any figure read"));
        }
    }
    if q.step < Decimal::ZERO {
        return Err(format!("`step`: {} is below zero", q.step));
    }
    // a value is a whole number of steps that a `Decimal` holds (as any
    // figure read is): the rounding notes divide by the step
    let ends = [q.value, q.range().map(|r| r.0), q.range().map(|r| r.1)];
    if q.step > Decimal::ZERO
        && ends
            .iter()
            .flatten()
            .any(|v| v.checked_div(q.step).is_none())
    {
        return Err(format!("`step`: {} is too fine for the value", q.step));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::json;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    /// `f` apart from where its sentence is kept, and its sentence: facts
    /// read back share sentences by article, as a corpus run does, in
    /// another layout.
    fn plain(f: &Fact) -> (Fact, String) {
        let fact = Fact {
            quote: Quote::default(),
            ..f.clone()
        };
        (fact, f.sentence().to_string())
    }

    /// The lines `facts --format jsonl` writes for `facts` of `sources`.
    fn lines(sources: usize, facts: &[Fact], errors: &[String]) -> String {
        let mut out = Vec::new();
        let facts = crate::facts::Facts::from(facts.to_vec());
        json::write_facts_jsonl(&mut out, sources, &facts, errors).expect("writes to memory");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    fn report(sources: usize, facts: &[Fact], rules: &RuleSet) -> String {
        let facts = &crate::facts::Facts::from(facts.to_vec());
        let findings = crate::engine::run(facts, rules);
        let mut out = Vec::new();
        json::write_report(&mut out, sources, &findings, facts, &Default::default())
            .expect("writes to memory");
        let mut table = Vec::new();
        crate::report::table::write_report(
            &mut table,
            sources,
            &findings,
            facts,
            &Default::default(),
        )
        .expect("writes to memory");
        String::from_utf8_lossy(&out).into_owned() + &String::from_utf8_lossy(&table)
    }

    /// Each corpus, its facts written as two shards (the second half first,
    /// the second gzipped), read back: the same facts in the same order,
    /// the same sources, the same report.
    #[test]
    fn facts_read_back_are_the_facts_written() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        // ranges, conversions, bounds and JSON Lines articles
        let news = dir.path().join("news.jsonl");
        std::fs::write(
            &news,
            [
                r#"{"id":"r1","published":"2025-03-01","text":"China-Russia trade reached 1.76 trillion yuan in 2024."}"#,
                r#"{"id":"r2","published":"2025-03-01","text":"Russia-China trade was between $240 billion and $250 billion in 2024.\n\nTrade between Russia and China reached more than \u00a5200 billion in 2023, up 26.3%."}"#,
                r#"{"id":"r3","published":"2025-03-01","text":"Russia-China trade fell in 2025. Trade between Russia and China reached 20 trillion roubles in 2022."}"#,
            ]
            .join("\n"),
        )
        .expect("writes");
        let corpora = [
            (vec![root().join("fixtures"), news], root().join("rules")),
            (
                vec![root().join("packs/north-america/fixtures")],
                root().join("packs/north-america/rules"),
            ),
            (
                vec![root().join("tests/cases/figure-binding/articles")],
                root().join("tests/cases/figure-binding/rules"),
            ),
            (
                vec![root().join("tests/eval/eu-china-trade/articles")],
                root().join("tests/eval/eu-china-trade/rules"),
            ),
            (
                vec![root().join("tests/eval/asia-tourism/articles")],
                root().join("tests/eval/asia-tourism/rules"),
            ),
            (
                vec![root().join("tests/eval/oil-output/articles")],
                root().join("tests/eval/oil-output/rules"),
            ),
        ];
        let mut seen = (0, 0, 0);
        for (paths, rules) in corpora {
            let rules = crate::rules::load(&[rules]).expect("valid rules");
            let a = crate::corpus::analyse(&paths, &rules).expect("a corpus");
            assert!(a.errors.is_empty(), "{}", a.errors);
            let (sources, facts) = (a.sources, a.facts.into_vec());
            let half = facts.len() / 2;
            // cut between two articles, as shards are
            let cut = (half..facts.len())
                .find(|&i| i == 0 || facts[i].source != facts[i - 1].source)
                .unwrap_or(facts.len());
            let first = dir.path().join("first.jsonl");
            let second = dir.path().join("second.jsonl.gz");
            std::fs::write(&first, lines(2, &facts[..cut], &[])).expect("writes");
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut gz, lines(sources - 2, &facts[cut..], &[]).as_bytes())
                .expect("compresses");
            std::fs::write(&second, gz.finish().expect("compresses")).expect("writes");
            let back = load(&[second, first], &rules).expect("shards");
            assert!(back.errors.is_empty(), "{}", back.errors);
            assert_eq!(back.sources, sources);
            let want: Vec<(Fact, String)> = facts.iter().map(plain).collect();
            let got: Vec<(Fact, String)> = back.facts.iter().map(plain).collect();
            assert_eq!(got, want);
            assert_eq!(
                report(back.sources, &back.facts, &rules),
                report(sources, &facts, &rules)
            );
            for f in &facts {
                seen.0 += usize::from(f.conversion().is_some());
                seen.1 += usize::from(f.quantity.range.is_some());
                seen.2 += usize::from(!f.dimensions().is_empty());
            }
        }
        // conversions, ranges and dimensions were read back
        assert!(seen.0 > 0 && seen.1 > 0 && seen.2 > 0, "{seen:?}");
    }

    fn shipped() -> &'static RuleSet {
        static RULES: std::sync::LazyLock<RuleSet> = std::sync::LazyLock::new(|| {
            crate::rules::load(&[root().join("rules")]).expect("valid rules")
        });
        &RULES
    }

    /// The fixtures' facts, as lines, with the shipped rules.
    fn fixture_lines() -> Vec<String> {
        static LINES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
            let a =
                crate::corpus::analyse(&[root().join("fixtures")], shipped()).expect("a corpus");
            lines(a.sources, &a.facts.into_vec(), &[])
                .lines()
                .map(str::to_string)
                .collect()
        });
        LINES.clone()
    }

    /// What loading `text` as one shard gives: its facts, and its errors
    /// as shown.
    fn load_text(text: &str) -> (Loaded, Vec<String>) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("s.jsonl");
        std::fs::write(&path, text).expect("writes");
        let loaded = load(std::slice::from_ref(&path), shipped()).expect("the file exists");
        let prefix = format!("{}:", path.display());
        let errors = loaded
            .errors
            .0
            .iter()
            .map(|e| e.to_string().replace(&prefix, "s.jsonl:"))
            .collect();
        (loaded, errors)
    }

    /// The first fact line of the fixtures with `field` set to `value`
    /// (JSON; `a+b` sets two), then the summary of one fact.
    fn with(field: &str, value: &str) -> String {
        let lines = fixture_lines();
        let mut v: serde_json::Value = serde_json::from_str(&lines[0]).expect("JSON");
        for (field, value) in field.split('+').zip(value.split('+')) {
            v[field] = serde_json::from_str(value).expect("JSON");
        }
        format!("{v}\n{{\"summary\":{{\"sources\":1,\"facts\":1,\"errors\":[]}}}}\n")
    }

    #[test]
    fn what_is_wrong_is_an_error_at_its_line() {
        let cases = [
            ("metric", r#""trade.nowhere""#, "s.jsonl:1: `metric`: no metric `trade.nowhere` in the rules (was the shard written with other rules?)"),
            ("unit", r#""furlong""#, "s.jsonl:1: `unit`: unknown unit `furlong`"),
            ("figure_unit", r#""furlong""#, "s.jsonl:1: `figure_unit`: unknown unit `furlong`"),
            ("slack", r#""0.2""#, "s.jsonl:1: `slack`: 0.2, not the slack 0.05 of metric `rank.russia_partners.china` in the rules (was the shard written with other rules?)"),
            ("value", r#""12x""#, "s.jsonl:1: `value`: not a decimal number: `12x`"),
            ("value", r#""1e30""#, "s.jsonl:1: `value`: not a decimal number: `1e30`"),
            ("value", r#""9000000000000000000000000""#, "s.jsonl:1: `value`: 9000000000000000000000000 is larger than any figure read"),
            ("step", r#""-1""#, "s.jsonl:1: `step`: -1 is below zero"),
            ("value+step", r#""245000000000"+"0.0000000000000000000000001""#, "s.jsonl:1: `step`: 0.0000000000000000000000001 is too fine for the value"),
            ("period", r#""24""#, "s.jsonl:1: `period`: expected a period like 2024, 2025-02, 2025-01..2025-10, FY2025, 2024/25 or 2026..2027, found `24`"),
            ("published", r#""2025-02-30""#, "s.jsonl:1: `published`: `2025-02-30` is not a calendar date"),
            ("kind", r#""year""#, "s.jsonl:1: `kind`: a `year` figure is never a fact"),
            ("kind", r#""furlong""#, "s.jsonl:1: unknown variant `furlong`, expected one of"),
            ("quote_span", "[2, 900]", "s.jsonl:1: `quote_span`: [2, 900] is not a part of `quote`"),
            ("line", "0", "s.jsonl:1: `line`: 0 is no line or column"),
            ("attribution", r#""rumour""#, "s.jsonl:1: `attribution`: `rumour` is not a source of metric"),
            ("range", r#"{"min":"5","max":"1","min_inclusive":true,"max_inclusive":true}"#, "s.jsonl:1: `range`: 5 is above 1"),
            ("step", "null", "s.jsonl:1: invalid type: null, expected a string at column"),
        ];
        for (field, value, want) in cases {
            let (loaded, errors) = load_text(&with(field, value));
            assert!(
                errors.len() == 1 && errors[0].starts_with(want),
                "{field} = {value}: {errors:?}"
            );
            assert!(loaded.facts.is_empty());
        }
        // a field missing, a line that is no JSON, or no object
        let line = &fixture_lines()[0];
        let summary = "{\"summary\":{\"sources\":1,\"facts\":3,\"errors\":[]}}";
        let text = format!(
            "{}\n{{\"metric\":\n[1]\n{summary}\n",
            line.replace("\"step\":\"0\",", "")
        );
        let (loaded, errors) = load_text(&text);
        assert_eq!(errors.len(), 3, "{errors:?}");
        // (serde_json names the column where the object ends)
        assert!(errors[0].starts_with("s.jsonl:1: missing field `step` at column "));
        assert_eq!(
            errors[1..],
            [
                "s.jsonl:2: invalid JSON: EOF while parsing a value at column 10",
                "s.jsonl:3: not a JSON object",
            ]
        );
        assert_eq!(loaded.sources, 1);
    }

    #[test]
    fn a_shard_cut_short_miscounted_or_read_twice_is_an_error() {
        let lines = fixture_lines();
        let n = lines.len() - 1;
        let whole = lines.join("\n") + "\n";
        // the last lines lost: no summary
        let (loaded, errors) = load_text(&(lines[..3].join("\n") + "\n"));
        assert_eq!(loaded.facts.len(), 3);
        assert_eq!(
            errors,
            ["s.jsonl:3: no summary line after the last fact: the shard is cut short, or was not written by `crosscheck facts --format jsonl`"]
        );
        let (_, errors) = load_text("");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("s.jsonl:1: no summary line"),
            "{errors:?}"
        );
        // a line lost before the summary
        let mut short = lines.clone();
        short.remove(2);
        let (_, errors) = load_text(&(short.join("\n") + "\n"));
        assert_eq!(
            errors,
            [format!("s.jsonl:{n}: the summary counts {n} facts and {} come before it: lines were lost or added", n - 1)]
        );
        // two shards in one file are a shard; the same one twice is an error
        let (loaded, errors) = load_text(&whole.repeat(2));
        assert_eq!(loaded.facts.len(), n);
        assert_eq!(loaded.sources, 10);
        // the fixtures with facts: three of five
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].starts_with(&format!("s.jsonl:{}: the facts of ", n + 2))
                && errors[0].ends_with(":1 (a shard given twice, or shards that overlap)"),
            "{errors:?}"
        );
        // gzip data cut short: the error says so, and no more
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("s.jsonl.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, whole.as_bytes()).expect("compresses");
        let gz = gz.finish().expect("compresses");
        std::fs::write(&path, &gz[..gz.len() / 2]).expect("writes");
        let loaded = load(std::slice::from_ref(&path), shipped()).expect("the file exists");
        let errors: Vec<String> = loaded.errors.0.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].ends_with(": gzip data cut short: the file is read no further"),
            "{errors:?}"
        );
        // errors the run met are carried to the run that reads the shard
        let carried = "{\"summary\":{\"sources\":7,\"facts\":0,\"errors\":[\"a.md:3:1: not valid UTF-8 text (byte 9)\"]}}\n";
        let (loaded, errors) = load_text(carried);
        assert_eq!(loaded.sources, 7);
        assert_eq!(errors, ["a.md:3:1: not valid UTF-8 text (byte 9)"]);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            /// A fact line with any field set to any value is read or is an
            /// error, and what is read is compared and reported: nothing
            /// panics.
            #[test]
            fn no_line_panics(
                line in 0usize..9,
                field in prop::sample::select(vec![
                    "value", "step", "slack", "start", "end", "line", "column", "quote_line",
                    "quote_span", "range", "period", "figure_period", "qualifier_kind", "kind",
                    "role", "direction", "unit", "figure_unit", "quote", "written", "record",
                ]),
                value in prop_oneof![
                    "-?[0-9]{1,30}(\\.[0-9]{1,30})?".prop_map(|d| format!("\"{d}\"")),
                    any::<i64>().prop_map(|n| n.to_string()),
                    "\\PC{0,12}".prop_map(|s| serde_json::Value::from(s).to_string()),
                    Just("null".to_string()),
                    Just("[0,4]".to_string()),
                    Just(r#"{"min":"1","max":"3","min_inclusive":false,"max_inclusive":true}"#.to_string()),
                ],
            ) {
                    let mut lines = fixture_lines();
                let i = line % (lines.len() - 1);
                let mut v: serde_json::Value = serde_json::from_str(&lines[i]).expect("JSON");
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(&value) {
                    v[field] = value;
                }
                lines[i] = v.to_string();
                let (loaded, _) = load_text(&(lines.join("\n") + "\n"));
                let _ = report(loaded.sources, &loaded.facts, shipped());
            }
        }
    }
}
