//! The serde mirror of a rule file: what the YAML may say, key by key.
//! `deny_unknown_fields` everywhere, so a misspelt key is an error with its
//! line and column. Meaning is checked in `validate.rs`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A rule file: entity definitions, metrics, or both.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    #[serde(default)]
    pub entities: BTreeMap<String, RawEntity>,
    #[serde(default)]
    pub metrics: Vec<RawMetric>,
}

/// How an entity (a country first) is named in text.
#[derive(Debug, Deserialize, Default)]
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMetric {
    pub id: String,
    pub description: String,
    pub kind: String,
    pub unit: Option<String>,
    #[serde(rename = "match")]
    pub matcher: RawMatch,
    #[serde(default = "default_period")]
    pub period: String,
    #[serde(default = "default_undated")]
    pub undated: String,
    #[serde(default = "default_tolerance")]
    pub tolerance: RawScalar,
    pub slack: Option<RawScalar>,
    #[serde(default)]
    pub compare_forecasts: bool,
    #[serde(default = "default_severity")]
    pub severity: String,
    pub link: Option<String>,
    #[serde(default)]
    pub examples: Vec<RawExample>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMatch {
    #[serde(default)]
    pub all: Vec<String>,
    #[serde(default)]
    pub any: Vec<String>,
    #[serde(default)]
    pub none: Vec<String>,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub metonyms: bool,
    pub anaphora: Option<String>,
    #[serde(default = "default_entities_in")]
    pub entities_in: String,
    #[serde(default = "default_context")]
    pub context: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExample {
    pub text: String,
    pub published: Option<String>,
    pub expect: RawExpect,
}

/// `none`, one expected fact, or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawExpect {
    Keyword(String),
    One(RawExpected),
    Many(Vec<RawExpected>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExpected {
    pub period: Option<RawScalar>,
    pub value: Option<RawScalar>,
    pub min: Option<RawScalar>,
    pub max: Option<RawScalar>,
    pub forecast: Option<bool>,
}

/// A YAML scalar that may be written as a number or a string (`244.8e9`,
/// `"5%"`, `2024`).
#[derive(Debug, Deserialize, Clone)]
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
