//! Rules: YAML files that say which quantities are which metric, and how
//! figures of one metric are compared.
//!
//! `schema.rs` mirrors the YAML; `validate.rs` turns it into the types here,
//! which cannot be wrong (regexes checked, one shared copy of each, entities
//! resolved, tolerances parsed); `prefilter.rs` indexes the literals of the
//! patterns, so a sentence is tested against every metric in one scan.
//! Matching quantities against rules is `facts.rs`; running rule examples
//! is `rule_tests.rs`. This module only loads.

mod locate;
mod prefilter;
mod schema;
mod validate;

pub use prefilter::{Hits, Prefilter};
pub use schema::json_schema;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use regex::Regex;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Errors, Location, Warning};
use crate::extract::Kind;
use crate::period::{Date, Period};

/// Every metric of a rule folder, with the entities they refer to.
#[derive(Debug, Default)]
pub struct RuleSet {
    /// In the order of the files and of the metrics in them. Built by
    /// `load` only: `metric` looks ids up in an index made with the list.
    pub metrics: Vec<Metric>,
    /// The currencies money metrics count in (their `unit`s).
    pub units: std::collections::BTreeSet<String>,
    /// Checks across metrics.
    pub checks: Vec<Check>,
    /// Metric id -> index in `metrics`.
    index: foldhash::HashMap<String, usize>,
    /// Every distinct pattern of the rules, by `Pattern::id`.
    patterns: Vec<Pattern>,
    /// Which metrics a window may name, by the literals of their patterns.
    prefilter: prefilter::Prefilter,
    /// What the walk of the rule folders skipped (loops, FIFOs).
    pub skipped: Vec<Warning>,
}

/// A regex of the rules. Every rule that writes the same pattern (a
/// template's metrics, entities named by many rules, patterns repeated
/// through YAML anchors) holds the one copy: what made a thousand metrics
/// take seconds and a gigabyte to load was each compiling its own copies.
/// A pattern is checked when the rules load (a syntax error is reported
/// there, with its file and line) and compiled the first time it is
/// matched: most patterns of a large rule set never are, as the prefilter
/// rules out their metrics. Dereferences to the compiled `Regex`.
#[derive(Clone)]
pub struct Pattern(Arc<Shared>);

struct Shared {
    /// The pattern as compiled, flags (`(?i)`) included.
    source: String,
    /// Its index among the distinct patterns of its rule set.
    id: usize,
    regex: std::sync::OnceLock<Regex>,
}

impl Pattern {
    /// A pattern whose syntax has been checked (`validate.rs`).
    fn new(source: String, id: usize) -> Self {
        Pattern(Arc::new(Shared {
            source,
            id,
            regex: std::sync::OnceLock::new(),
        }))
    }

    /// A pattern compiled at load (`validate.rs`: one that may be large).
    fn compiled(source: String, id: usize, regex: Regex) -> Self {
        Pattern(Arc::new(Shared {
            source,
            id,
            regex: std::sync::OnceLock::from(regex),
        }))
    }

    /// The pattern's index among the distinct patterns of its rule set
    /// (`RuleSet::patterns`): equal ids, one copy.
    pub fn id(&self) -> usize {
        self.0.id
    }

    /// The pattern as compiled, without compiling it.
    pub fn as_str(&self) -> &str {
        &self.0.source
    }

    /// Whether the pattern has been compiled (matched at least once).
    pub fn is_compiled(&self) -> bool {
        self.0.regex.get().is_some()
    }

    /// Whether two patterns are the one shared copy.
    pub fn same(&self, other: &Pattern) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.0.regex.get_or_init(|| compile(&self.0.source))
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.0.source).finish()
    }
}

/// The compiled regex of a pattern whose syntax was checked at load
/// (`regex_syntax`, with the settings `Regex::new` parses with). What a
/// parse cannot check is the size of the compiled program: a pattern that
/// may come near the regex crate's limit is compiled at load, where the
/// limit's error is reported (`validate.rs`); should the estimate miss
/// one, it is compiled here without the limit rather than fail.
fn compile(source: &str) -> Regex {
    Regex::new(source)
        .or_else(|_| {
            regex::RegexBuilder::new(source)
                .size_limit(usize::MAX)
                .build()
        })
        .unwrap_or_else(|_| {
            // with no size limit, only a program of more than 2^31 states
            // fails, which memory runs out long before: matches nothing
            // (cannot fail: a constant, valid pattern)
            Regex::new(r"[^\s\S]").expect("valid regex")
        })
}

/// A check across metrics, run on facts of the same period.
#[derive(Debug, Clone)]
pub struct Check {
    pub id: String,
    pub description: Option<String>,
    pub rule: CheckRule,
    pub severity: Severity,
    pub location: Location,
}

/// What a check requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckRule {
    /// A part may not exceed its whole.
    PartOf { part: String, whole: String },
    /// The parts add up to the total.
    Sum { parts: Vec<String>, total: String },
    /// Stated changes agree with the levels of this and the previous year.
    Change { metric: String },
}

impl RuleSet {
    /// The description and documentation link of a metric or check id.
    pub fn describe(&self, id: &str) -> Option<(&str, Option<&str>)> {
        if let Some(m) = self.metric(id) {
            return Some((m.description.as_str(), m.link.as_deref()));
        }
        self.checks
            .iter()
            .find(|c| c.id == id)
            .map(|c| (c.description.as_deref().unwrap_or(c.id.as_str()), None))
    }

    /// The metric of an id, by the index.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.index.get(id).and_then(|&i| self.metrics.get(i))
    }

    /// The distinct compiled patterns of the rules, each once, by id.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Every use of a pattern by a metric (`match`, entities, attributions,
    /// bases, period phrases, role cues): a pattern shared by several
    /// rules comes once per use, each use the same compiled copy.
    pub fn pattern_uses(&self) -> impl Iterator<Item = &Pattern> {
        self.metrics.iter().flat_map(Metric::patterns)
    }

    /// Which metrics a window may name (`prefilter.rs`).
    pub fn prefilter(&self) -> &Prefilter {
        &self.prefilter
    }

    /// `literals`: by pattern id, what every match of the pattern
    /// contains (`prefilter::required`).
    fn new(
        metrics: Vec<Metric>,
        checks: Vec<Check>,
        patterns: Vec<Pattern>,
        literals: &[prefilter::Requirements],
    ) -> Self {
        let units = metrics
            .iter()
            .filter(|m| m.kind == MetricKind::Money)
            .filter_map(|m| m.unit.clone())
            .collect();
        let index = metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        let prefilter = Prefilter::new(&metrics, literals);
        RuleSet {
            metrics,
            units,
            checks,
            index,
            patterns,
            prefilter,
            skipped: Vec::new(),
        }
    }
}

/// One metric: what it is, how to find it, how to compare it.
#[derive(Debug)]
pub struct Metric {
    pub id: String,
    /// `id`, shared by the facts of the metric.
    pub key: std::sync::Arc<str>,
    pub description: String,
    pub kind: MetricKind,
    /// For money: the ISO code; figures in the generic `dollar` family count
    /// as USD for a USD metric.
    pub unit: Option<String>,
    pub matcher: Matcher,
    pub period: PeriodRule,
    pub undated: Undated,
    pub tolerance: Tolerance,
    /// Approximation slack for "about", "nearly" (a fraction: 0.05).
    pub slack: Decimal,
    pub compare_forecasts: bool,
    pub severity: Severity,
    pub link: Option<String>,
    pub examples: Vec<Example>,
    /// Where the metric's `id` is written.
    pub location: Location,
    /// For a metric made from a template (`pairs:`): the template's id as
    /// written (`trade.{pair}.total`). Its examples are kept on the first
    /// metric of the template and see the facts of all of them.
    pub template: Option<String>,
    /// Whether the rule also claims stated changes ("fell 9%"): set for the
    /// metrics a `change` check names.
    pub claims_changes: bool,
    /// Conversion rates into `unit`, by currency and year.
    pub rates: Vec<Rate>,
    /// Statistical sources by name, in the order written; a fact's
    /// attribution is the first whose pattern matches its sentence.
    pub attributions: Vec<(String, Pattern)>,
    /// Further dimensions of attribution (a speaker, a currency basis),
    /// each with its sources in order.
    pub dimensions: Vec<Dimension>,
    /// For a change metric: the level metric it is the change of.
    pub change_of: Option<String>,
    /// For a change metric: the bases a change may be stated on, in order.
    pub basis: Vec<(String, Pattern)>,
    /// Whether a figure this metric claims may be claimed by others too.
    pub shares_figures: bool,
    /// Phrases that stand for a year ("before the pandemic": 2019).
    pub period_phrases: Vec<(Pattern, i32)>,
    /// More words that give a figure a role.
    pub roles: RoleCues,
    /// Whether figures of different attributions that disagree are a
    /// documented difference rather than a conflict.
    pub attributions_differ: bool,
}

/// One dimension of attribution: its name and its sources in order.
#[derive(Debug)]
pub struct Dimension {
    pub name: String,
    pub sources: Vec<(String, Pattern)>,
}

/// A rule's own words for roles, each over the figure's clause.
#[derive(Debug, Default)]
pub struct RoleCues {
    pub forecast: Vec<Pattern>,
    pub target: Vec<Pattern>,
    pub claim: Vec<Pattern>,
}

/// A conversion rate of a money metric: `rate` units of the metric's
/// currency per unit of `from`, for `year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate {
    pub from: String,
    pub year: i32,
    pub rate: Decimal,
    /// A fraction (0.01 for "1%") that widens converted intervals.
    pub uncertainty: Decimal,
}

impl Metric {
    /// Every pattern the metric uses, once per use.
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        let m = &self.matcher;
        m.all
            .iter()
            .chain(&m.any)
            .chain(&m.none)
            .chain(&m.near)
            .chain(&m.anaphora)
            .chain(m.entities.iter().map(|e| &e.regex))
            .chain(m.other_entities.iter().map(|e| &e.regex))
            .chain(self.attributions.iter().map(|(_, p)| p))
            .chain(
                self.dimensions
                    .iter()
                    .flat_map(|d| d.sources.iter().map(|(_, p)| p)),
            )
            .chain(self.basis.iter().map(|(_, p)| p))
            .chain(self.period_phrases.iter().map(|(p, _)| p))
            .chain(&self.roles.forecast)
            .chain(&self.roles.target)
            .chain(&self.roles.claim)
    }

    /// Whether a quantity of `kind` in `unit` can be this metric.
    pub fn accepts(&self, kind: Kind, unit: &str) -> bool {
        // a relative change ("fell 9%", "down by a third") of the metric
        if kind == Kind::Change {
            let relative = matches!(unit, "percent" | "fraction");
            return (self.claims_changes && relative)
                || (self.kind == MetricKind::Change && (relative || unit == "times"));
        }
        match self.kind {
            MetricKind::Money => {
                let Some(want) = self.unit.as_deref() else {
                    return false;
                };
                // figures in another currency (an ISO code) are claimed too:
                // converted at a stated rate, or listed as not comparable
                let iso = unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase());
                kind == Kind::Money && (in_currency(unit, want) || iso)
            }
            // a count, not a fraction ("a sixth") or a multiple
            MetricKind::Count => kind == Kind::Number && unit == "count",
            // "a fifth of the bloc's imports": a share in words
            MetricKind::Percent => {
                kind == Kind::Percent || (kind == Kind::Number && unit == "fraction")
            }
            MetricKind::Rank => kind == Kind::Rank,
            MetricKind::Change => false,
        }
    }
}

/// Whether a money figure read in `unit` is in currency `want` (an ISO
/// code) as written: the same code, a bare `$` for a dollar metric, a `¥`
/// (`yen_yuan`: yen or yuan, the sentence did not say) for a yen or yuan
/// metric, whose own words then say which country it is.
pub fn in_currency(unit: &str, want: &str) -> bool {
    unit == want
        || (want == "USD" && unit == "dollar")
        || (unit == "yen_yuan" && matches!(want, "JPY" | "CNY"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MetricKind {
    Money,
    Count,
    Percent,
    Rank,
    /// A stated relative change of a level metric ("rose 12%", "grew 2.5
    /// times"), in percent.
    Change,
}

/// Where the words that identify a metric must be.
#[derive(Debug)]
pub struct Matcher {
    /// Each must match the window.
    pub all: Vec<Pattern>,
    /// At least one must match the window (when any are given).
    pub any: Vec<Pattern>,
    /// None may belong to the figure (be nearest to it): each excludes
    /// one figure, not the sentence.
    pub none: Vec<Pattern>,
    /// One must belong to the figure, when any are given.
    pub near: Vec<Pattern>,
    pub entities: Vec<EntityMatcher>,
    /// Words that refer back to the pair the article is about ("bilateral",
    /// "the two countries"): with one of them in the window, entities may be
    /// named anywhere in the article.
    pub anaphora: Option<Pattern>,
    /// Entities may be named anywhere in the article, not only in the window
    /// (`entities_in: article`): for corpora where each article is about one
    /// pair of countries.
    pub entities_anywhere: bool,
    /// The entities the rule does not name: a figure's sentence that names
    /// one of them, and not all of the rule's, is about something else
    /// ("China-US bilateral trade" in an article about Russia and China).
    pub other_entities: Vec<OtherEntity>,
    pub context: Context,
}

/// An entity a rule does not name.
#[derive(Debug)]
pub struct OtherEntity {
    pub regex: Pattern,
    /// Another entity of the rule's template (`pairs.of`): a sentence that
    /// names it is about another pair or a group ("Russia's trade with China
    /// and India"), never this pair, even if it names this pair too.
    pub rival: bool,
}

/// An entity as a rule looks for it: one regex over all its names.
#[derive(Debug)]
pub struct EntityMatcher {
    pub name: String,
    pub regex: Pattern,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The figure's sentence.
    Sentence,
    /// The figure's sentence and the one before it ("2025 figures are
    /// expected to be about US$218 billion.").
    PreviousSentence,
}

/// How a metric's facts are grouped in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodRule {
    /// By the period the text states: a calendar year, or months of one
    /// ("January–October 2025" is its own period, never a whole year).
    Year,
    /// Not by period: every figure of the metric is compared.
    None,
}

/// What a figure with no stated period is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undated {
    /// Unknown: the fact is listed but not compared.
    Unknown,
    /// The year the article was published (present-tense claims: "is the
    /// largest partner", "a portfolio worth").
    PublishedYear,
}

/// How far two figures of one key may be apart before they conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    /// Stated values must be equal; approximations and bounds keep their
    /// intervals.
    Exact,
    /// Intervals include the rounding of the stated precision.
    Rounding,
    /// Extra slack, a fraction of the larger value (`"1%"` is 0.01).
    Relative(Decimal),
    /// Extra slack in base units.
    Absolute(Decimal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "expected `error`, `warning` or `info`, found `{s}`"
            )),
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A rule example: a text and the facts the rule must find in it.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub published: Option<Date>,
    /// Empty: the rule must find nothing.
    pub expect: Vec<Expected>,
    pub location: Location,
}

/// One expected fact; fields left out are not checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expected {
    /// For a template's example: which of its metrics.
    pub metric: Option<String>,
    pub period: Option<Period>,
    pub value: Option<Decimal>,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    pub forecast: Option<bool>,
}

/// Loads every `.yaml`/`.yml` file under `paths` (folders walked, sorted,
/// links followed; what is skipped is in the rule set's `skipped`).
/// Every error of every file is collected before returning.
pub fn load(paths: &[PathBuf]) -> Result<RuleSet, Errors> {
    let (files, skipped) = rule_files(paths)?;
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!("no rule files (*.yaml) in {}", shown.join(", "))).into());
    }
    let mut rules = validate::load_files(&files)?;
    rules.skipped = skipped;
    Ok(rules)
}

fn rule_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Warning>), Errors> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if meta.is_file() {
            files.push(root.clone());
        } else if meta.is_dir() {
            let walked = crate::walk::walk(root, false, is_yaml)?;
            files.extend(walked.files);
            skipped.extend(walked.skipped);
        } else {
            // a FIFO named as rules: never opened
            return Err(Error::io(root, crate::files::not_regular()).into());
        }
    }
    files.sort();
    files.dedup();
    Ok((files, skipped))
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}
