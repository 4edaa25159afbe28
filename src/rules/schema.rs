//! The serde mirror of a rule file: what the YAML may say, key by key.
//! `deny_unknown_fields` everywhere, so a misspelt key is an error with its
//! line and column. Meaning is checked in `validate.rs`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

/// A rule file: entity definitions, metrics, or both.
#[derive(Debug, Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "crosscheck rule file")]
pub(crate) struct RawFile {
    /// Entities (countries first) that metrics name in `match.entities`, by
    /// a lowercase name of your choosing: `russia`, `united_states`.
    #[serde(default)]
    pub entities: BTreeMap<String, RawEntity>,
    /// The metrics: what each is, how to find it, how to compare it.
    #[serde(default)]
    pub metrics: Vec<RawMetric>,
    /// Checks across metrics, on facts of the same period: a part within
    /// its whole, parts that add up to a total, a stated change that agrees
    /// with the levels it implies.
    #[serde(default)]
    pub checks: Vec<RawCheck>,
}

/// One check across metrics; exactly one of `part_of`, `sum`, `change`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCheck {
    /// Unique id, dotted: `tourism.china_to_russia.within_trips`.
    pub id: String,
    /// One line for people: what must hold.
    pub description: Option<String>,
    /// A part may not exceed its whole.
    pub part_of: Option<RawPartOf>,
    /// Parts that must add up to a total, within the rounding of all.
    pub sum: Option<RawSum>,
    /// Stated changes of a metric ("fell 9% in 2025") must agree with its
    /// levels in that period and the one a year before.
    pub change: Option<RawChange>,
    /// `error`, `warning` or `info`: how a violation is reported.
    #[serde(default = "default_severity")]
    #[schemars(extend("enum" = ["error", "warning", "info"]))]
    pub severity: String,
}

/// `part_of: { part: METRIC, whole: METRIC }`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPartOf {
    /// The metric that is a part.
    pub part: String,
    /// The metric that is the whole.
    pub whole: String,
}

/// `sum: { parts: [METRIC, ...], total: METRIC }`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSum {
    /// The metrics that add up.
    pub parts: Vec<String>,
    /// The metric they add up to.
    pub total: String,
}

/// `change: { metric: METRIC }`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChange {
    /// The metric whose stated changes are checked; its rule also claims
    /// the changes ("rose 5%", "fell by a third") its sentences state.
    pub metric: String,
}

/// How an entity (a country first) is named in text.
#[derive(Debug, Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntity {
    /// Proper names: "Russia", "Russian Federation".
    #[serde(default)]
    pub names: Vec<String>,
    /// Adjectives and nationalities: "Russian", "Chinese".
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capitals and institutions that stand for the country ("Moscow",
    /// "Beijing"); matched only by rules with `metonyms: true`.
    #[serde(default)]
    pub metonyms: Vec<String>,
}

/// One metric.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMetric {
    /// Unique id, dotted: `trade.china_russia.total`.
    pub id: String,
    /// One line for people: what the figure is.
    pub description: String,
    /// `money` (needs `unit`), `count`, `percent`, `rank` or `change` (a
    /// stated relative change of a level metric: "rose 12%").
    #[schemars(extend("enum" = ["money", "count", "percent", "rank", "change"]))]
    pub kind: String,
    /// For `kind: change`: the level metric whose changes these are.
    pub of: Option<String>,
    /// For `kind: change`: the bases a change may be stated on, by a name
    /// of your choosing, each a regex over the figure's sentence ("in yuan
    /// terms"); the first that matches, in the order written, is the fact's
    /// basis. Changes on different bases are never compared.
    #[serde(default, deserialize_with = "ordered")]
    #[schemars(with = "BTreeMap<String, String>")]
    pub basis: Vec<(String, String)>,
    /// `true`: a figure this metric claims may also be claimed by other
    /// metrics (a part and its whole in one phrase). By default a figure is
    /// claimed by one metric, the most specific.
    #[serde(default)]
    pub shares_figures: bool,
    /// Phrases that stand for a year, each a regex with the year it means
    /// ("before the pandemic": 2019): a figure whose sentence has one and
    /// states no period of its own takes that year, marked assumed.
    #[serde(default)]
    pub period_phrases: BTreeMap<String, i32>,
    /// More words that make a figure a forecast, a target or a disputed
    /// claim, each a regex over the figure's clause.
    #[serde(default)]
    pub roles: RawRoles,
    /// For money: the ISO 4217 code (`USD`); a bare `$` counts as USD.
    pub unit: Option<String>,
    /// Which quantities are this metric: patterns and entities of the
    /// figure's sentence.
    #[serde(rename = "match")]
    pub matcher: RawMatch,
    /// `year`: compare figures of the same stated period; `none`: compare
    /// every figure of the metric.
    #[serde(default = "default_period")]
    #[schemars(extend("enum" = ["year", "none"]))]
    pub period: String,
    /// A figure with no stated period: `unknown` (listed, not compared) or
    /// `published-year` (the year of publication).
    #[serde(default = "default_undated")]
    #[schemars(extend("enum" = ["unknown", "published-year"]))]
    pub undated: String,
    /// How far figures may differ: `exact`, `rounding`, a percentage
    /// (`"1%"`) or an absolute amount in base units (`5e8`).
    #[serde(default = "default_tolerance")]
    pub tolerance: RawScalar,
    /// Slack of "about" and "nearly", as a percentage (`"5%"`, the default).
    pub slack: Option<RawScalar>,
    /// Compare forecasts with each other and with stated figures (default:
    /// forecasts are listed but not compared).
    #[serde(default)]
    pub compare_forecasts: bool,
    /// `error`, `warning` or `info`: how a conflict is reported.
    #[serde(default = "default_severity")]
    #[schemars(extend("enum" = ["error", "warning", "info"]))]
    pub severity: String,
    /// A page that explains the metric, shown with findings.
    pub link: Option<String>,
    /// Texts and the facts the rule must find in them, run by `rules test`.
    #[serde(default)]
    pub examples: Vec<RawExample>,
    /// Makes this metric a template: one metric for every pair of these
    /// entities, its `id` naming the pair with `{pair}` (or `{a}` and `{b}`).
    pub pairs: Option<RawPairs>,
    /// For money: conversion rates by year, so figures in another currency
    /// are compared with this metric's unit. Without a rate such figures
    /// are listed as not comparable, never compared.
    #[serde(default)]
    pub rates: Vec<RawRate>,
    /// Statistical sources a figure may be attributed to, by a name of your
    /// choosing: a regex over the figure's sentence ("according to Chinese
    /// customs"). The first that matches, in the order written, is the
    /// fact's attribution. A name whose value is a mapping is a dimension of
    /// its own (`speaker: { commission: ..., minister: ... }`, `basis:
    /// {...}`), with its sources in order; plain patterns form the `source`
    /// dimension, the first.
    #[serde(default, deserialize_with = "ordered")]
    #[schemars(with = "BTreeMap<String, RawAttribution>")]
    pub attributions: Vec<(String, RawAttribution)>,
    /// Two figures attributed to different sources that disagree:
    /// `conflict` (default) or `difference` (a documented difference,
    /// reported but never failing `check`).
    #[serde(default = "default_across")]
    #[schemars(extend("enum" = ["conflict", "difference"]))]
    pub across_attributions: String,
}

/// A source's pattern, or a dimension of sources in order.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawAttribution {
    /// A regex over the figure's sentence.
    Pattern(String),
    /// A dimension: its sources by name, each a regex, in order.
    Dimension(
        #[serde(deserialize_with = "ordered")]
        #[schemars(with = "BTreeMap<String, String>")]
        Vec<(String, String)>,
    ),
}

/// Words that give a figure its role, beyond the built-in ones.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRoles {
    /// Regexes over the figure's clause that make it a forecast.
    #[serde(default)]
    pub forecast: Vec<String>,
    /// Regexes that make it a target (a goal, a quota), never compared
    /// with actual figures.
    #[serde(default)]
    pub target: Vec<String>,
    /// Regexes that make it a disputed claim.
    #[serde(default)]
    pub claim: Vec<String>,
}

/// A YAML mapping read in the order written (a `BTreeMap` would sort it):
/// for lists where the first that matches wins.
fn ordered<'de, D, V>(d: D) -> Result<Vec<(String, V)>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct InOrder<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for InOrder<V> {
        type Value = Vec<(String, V)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a mapping")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(entry) = map.next_entry()? {
                out.push(entry);
            }
            Ok(out)
        }
    }
    d.deserialize_map(InOrder(std::marker::PhantomData))
}

/// One conversion rate: `{ from: CNY, year: 2024, rate: 0.1389, uncertainty: "1%" }`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRate {
    /// The ISO 4217 code converted from.
    pub from: String,
    /// The calendar year the rate is for (an average of the year).
    pub year: i32,
    /// Units of the metric's currency per unit of `from` (USD per CNY).
    pub rate: RawScalar,
    /// How uncertain the rate is, as a percentage (`"1%"`, default `"0%"`):
    /// it widens every converted interval.
    pub uncertainty: Option<RawScalar>,
}

/// The entity pairs a template metric stands for.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPairs {
    /// Entity names from `entities:`; every pair of two of them.
    pub of: Vec<String>,
    /// `false` (default): a pair is unordered and written in alphabetical
    /// order (`china_russia`), so "Russia–China trade" and "trade between
    /// China and Russia" are one metric. `true`: both orders, for metrics
    /// with a direction (`{a}` to `{b}`).
    #[serde(default)]
    pub ordered: bool,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMatch {
    /// Regexes that must all match the context (case-insensitive).
    #[serde(default)]
    pub all: Vec<String>,
    /// Regexes of which at least one must match.
    #[serde(default)]
    pub any: Vec<String>,
    /// Regexes of which none may belong to the figure: a match excludes the
    /// figure nearest to it, not the sentence.
    #[serde(default)]
    pub none: Vec<String>,
    /// Regexes of which one must be in the figure's own clause: nearer to
    /// it than to any other figure the rule can claim, with no clause
    /// boundary between ("exports of €102bn": `'\bexports?\b'`).
    #[serde(default)]
    pub near: Vec<String>,
    /// Entities that must all be named (by name or demonym).
    #[serde(default)]
    pub entities: Vec<String>,
    /// Whether capitals and institutions ("Moscow", "Beijing") name their
    /// countries for this metric.
    #[serde(default)]
    pub metonyms: bool,
    /// A regex for wording that refers to entities named earlier ("the two
    /// countries", "bilateral"): with it, the entities may be named in the
    /// article's earlier text instead.
    pub anaphora: Option<String>,
    /// Where entities are looked for: `window` (the context) or `article`.
    #[serde(default = "default_entities_in")]
    #[schemars(extend("enum" = ["window", "article"]))]
    pub entities_in: String,
    /// The text the patterns see: `sentence` or `previous-sentence` (the
    /// figure's sentence and the one before).
    #[serde(default = "default_context")]
    #[schemars(extend("enum" = ["sentence", "previous-sentence"]))]
    pub context: String,
    /// Not written in YAML: for a metric made from a template, the other
    /// entities of the template; a sentence that names one is about another
    /// pair or a group, and is not claimed.
    #[serde(skip)]
    #[schemars(skip)]
    pub rivals: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExample {
    /// The text, one or more sentences.
    pub text: String,
    /// Publication date (YYYY-MM-DD), for "last year".
    pub published: Option<String>,
    /// `none`, one expected fact, or a list of them.
    pub expect: RawExpect,
}

/// `none`, one expected fact, or a list of them.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawExpect {
    Keyword(String),
    One(RawExpected),
    Many(Vec<RawExpected>),
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExpected {
    /// The fact's period: `2024`, `2025-01..2025-10`, `FY2025`.
    pub period: Option<RawScalar>,
    /// The stated value in base units (`244.8e9`).
    pub value: Option<RawScalar>,
    /// The lower end of the fact's interval.
    pub min: Option<RawScalar>,
    /// The upper end of the fact's interval.
    pub max: Option<RawScalar>,
    /// Whether the fact is a forecast.
    pub forecast: Option<bool>,
    /// For a template: which of its metrics (`trade.china_india.total`).
    pub metric: Option<String>,
}

/// A YAML scalar that may be written as a number or a string (`244.8e9`,
/// `"5%"`, `2024`).
#[derive(Debug, Deserialize, Clone, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawScalar {
    Int(i64),
    Float(f64),
    Str(String),
}

impl RawScalar {
    /// The scalar as text: floats in their shortest round-trip form, so
    /// `244.8e9` becomes "244800000000".
    pub(crate) fn text(&self) -> String {
        match self {
            RawScalar::Int(i) => i.to_string(),
            RawScalar::Float(f) => f.to_string(),
            RawScalar::Str(s) => s.clone(),
        }
    }
}

/// The JSON Schema of rule files, for editors (YAML language server) and
/// for checking files outside crosscheck. `rules/schema.json` is this,
/// written by `crosscheck rules schema`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RawFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

fn default_across() -> String {
    "conflict".into()
}

fn default_period() -> String {
    "year".into()
}
fn default_undated() -> String {
    "unknown".into()
}
fn default_tolerance() -> RawScalar {
    RawScalar::Str("exact".into())
}
fn default_severity() -> String {
    "error".into()
}
fn default_entities_in() -> String {
    "window".into()
}
fn default_context() -> String {
    "sentence".into()
}
