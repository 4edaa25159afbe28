//! `rules test`: run each rule's examples through extract and facts, and
//! compare what the rule finds with what the example expects.
//!
//! It sits above `facts` so that `rules/` stays a leaf that only parses and
//! validates.

use rust_decimal::Decimal;

use crate::documents::Document;
use crate::error::Location;
use crate::extract;
use crate::facts::{self, Fact};
use crate::period::Period;
use crate::rules::{Expected, RuleSet};

/// What a rule found in an example, in the terms an example states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    /// The metric, for a template's examples (which see several).
    pub metric: Option<String>,
    pub period: Option<Period>,
    pub value: Option<Decimal>,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    pub forecast: bool,
    pub text: String,
}

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleResult {
    pub metric: String,
    /// 1-based position among the metric's examples.
    pub number: usize,
    pub text: String,
    pub location: Location,
    pub expected: Vec<Expected>,
    pub found: Vec<Observed>,
    pub passed: bool,
}

/// Runs every example of every metric, in file order.
pub fn run(rules: &RuleSet) -> Vec<ExampleResult> {
    let mut results = Vec::new();
    for metric in &rules.metrics {
        for (i, ex) in metric.examples.iter().enumerate() {
            let doc = Document::from_body("<example>", &ex.text, ex.published);
            let quantities = extract::extract(&doc);
            // a template's examples see the facts of all its metrics
            let ours = |id: &str| match &metric.template {
                None => id == metric.id,
                Some(t) => rules
                    .metric(id)
                    .is_some_and(|m| m.template.as_ref() == Some(t)),
            };
            let found: Vec<Observed> = facts::claim(&doc, &quantities, rules)
                .iter()
                .filter(|f| ours(&f.metric))
                .map(|f| observe(f, metric.template.is_some()))
                .collect();
            let passed = satisfied(&ex.expect, &found);
            results.push(ExampleResult {
                metric: metric.template.clone().unwrap_or_else(|| metric.id.clone()),
                number: i + 1,
                text: ex.text.clone(),
                location: ex.location.clone(),
                expected: ex.expect.clone(),
                found,
                passed,
            });
        }
    }
    results
}

fn observe(f: &Fact, template: bool) -> Observed {
    let interval = f.interval();
    Observed {
        metric: template.then(|| f.metric.to_string()),
        period: f.period,
        value: f.quantity.value.map(|v| v.normalize()),
        min: interval.lo.map(|b| b.value.normalize()),
        max: interval.hi.map(|b| b.value.normalize()),
        forecast: f.quantity.role == crate::extract::Role::Forecast,
        text: f.surface().to_string(),
    }
}

/// Every expected fact is found (each by a different fact) and nothing else.
fn satisfied(expected: &[Expected], found: &[Observed]) -> bool {
    if expected.len() != found.len() {
        return false;
    }
    let mut used = vec![false; found.len()];
    expected.iter().all(|e| {
        let hit = found
            .iter()
            .enumerate()
            .position(|(i, o)| !used[i] && fits(e, o));
        hit.map(|i| used[i] = true).is_some()
    })
}

fn fits(e: &Expected, o: &Observed) -> bool {
    let same = |want: Option<Decimal>, got: Option<Decimal>| {
        want.is_none_or(|w| Some(w.normalize()) == got)
    };
    e.metric
        .as_ref()
        .is_none_or(|m| o.metric.as_ref() == Some(m))
        && e.period.is_none_or(|p| o.period == Some(p))
        && same(e.value, o.value)
        && same(e.min, o.min)
        && same(e.max, o.max)
        && e.forecast.is_none_or(|f| f == o.forecast)
}
