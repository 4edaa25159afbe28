//! Rules: YAML files that say which quantities are which metric, and how
//! figures of one metric are compared.
//!
//! `schema.rs` mirrors the YAML; `validate.rs` turns it into the types here,
//! which cannot be wrong (regexes compiled, entities resolved, tolerances
//! parsed). Matching quantities against rules is `facts.rs`; running rule
//! examples is `rule_tests.rs`. This module only loads.

mod locate;
mod schema;
mod validate;

pub use schema::json_schema;

use std::path::{Path, PathBuf};

use regex::Regex;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Errors, Location};
use crate::extract::Kind;
use crate::period::{Date, Period};

/// Every metric of a rule folder, with the entities they refer to.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub metrics: Vec<Metric>,
    /// The currencies money metrics count in (their `unit`s).
    pub units: std::collections::BTreeSet<String>,
    /// Checks across metrics.
    pub checks: Vec<Check>,
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

    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
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
    pub attributions: Vec<(String, Regex)>,
    /// Further dimensions of attribution (a speaker, a currency basis),
    /// each with its sources in order.
    pub dimensions: Vec<Dimension>,
    /// For a change metric: the level metric it is the change of.
    pub change_of: Option<String>,
    /// For a change metric: the bases a change may be stated on, in order.
    pub basis: Vec<(String, Regex)>,
    /// Whether a figure this metric claims may be claimed by others too.
    pub shares_figures: bool,
    /// Phrases that stand for a year ("before the pandemic": 2019).
    pub period_phrases: Vec<(Regex, i32)>,
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
    pub sources: Vec<(String, Regex)>,
}

/// A rule's own words for roles, each over the figure's clause.
#[derive(Debug, Default)]
pub struct RoleCues {
    pub forecast: Vec<Regex>,
    pub target: Vec<Regex>,
    pub claim: Vec<Regex>,
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
                kind == Kind::Money && (unit == want || (want == "USD" && unit == "dollar") || iso)
            }
            // a count, not a fraction ("a sixth") or a multiple
            MetricKind::Count => kind == Kind::Number && unit == "count",
            MetricKind::Percent => kind == Kind::Percent,
            MetricKind::Rank => kind == Kind::Rank,
            MetricKind::Change => false,
        }
    }
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
    pub all: Vec<Regex>,
    /// At least one must match the window (when any are given).
    pub any: Vec<Regex>,
    /// None may belong to the figure (be nearest to it): each excludes
    /// one figure, not the sentence.
    pub none: Vec<Regex>,
    /// One must belong to the figure, when any are given.
    pub near: Vec<Regex>,
    pub entities: Vec<EntityMatcher>,
    /// Words that refer back to the pair the article is about ("bilateral",
    /// "the two countries"): with one of them in the window, entities may be
    /// named anywhere in the article.
    pub anaphora: Option<Regex>,
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
    pub regex: Regex,
    /// Another entity of the rule's template (`pairs.of`): a sentence that
    /// names it is about another pair or a group ("Russia's trade with China
    /// and India"), never this pair, even if it names this pair too.
    pub rival: bool,
}

/// An entity as a rule looks for it: one regex over all its names.
#[derive(Debug)]
pub struct EntityMatcher {
    pub name: String,
    pub regex: Regex,
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

/// Loads every `.yaml`/`.yml` file under `paths` (folders walked, sorted).
/// Every error of every file is collected before returning.
pub fn load(paths: &[PathBuf]) -> Result<RuleSet, Errors> {
    let files = rule_files(paths)?;
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!("no rule files (*.yaml) in {}", shown.join(", "))).into());
    }
    validate::load_files(&files)
}

fn rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Errors> {
    let mut files = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if meta.is_file() {
            files.push(root.clone());
            continue;
        }
        let entries = std::fs::read_dir(root).map_err(|e| Error::io(root, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(root, e))?;
            let path = entry.path();
            if path.is_dir() {
                files.extend(rule_files(&[path])?);
            } else if is_yaml(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}
