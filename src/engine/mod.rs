//! The engine: groups facts by key (metric, period) and compares the claims
//! of each group under the metric's tolerance. Never all-pairs over the
//! corpus: only facts of one key meet.

mod compare;

use std::collections::BTreeMap;

use serde::Serialize;

pub use compare::{compare, Comparison, Difference};

use crate::facts::Fact;
use crate::period::Period;
use crate::rules::{PeriodRule, RuleSet, Severity};

/// What a comparison found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Two claims of one key whose intervals are disjoint under the tolerance.
    Conflict,
    /// Every claim of a key is consistent with every other.
    Agree,
}

impl std::fmt::Display for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Class::Conflict => "conflict",
            Class::Agree => "agree",
        })
    }
}

/// One finding: a conflict between two claims, or the agreement of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub class: Class,
    /// The metric's severity for a conflict; `info` for an agreement.
    pub severity: Severity,
    pub metric: String,
    pub period: Option<Period>,
    pub facts: Vec<Fact>,
    /// For a conflict: how far apart the two claims are.
    pub difference: Option<Difference>,
    pub note: Option<String>,
}

/// The grouping key of a fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FactKey {
    pub metric: String,
    pub period: Option<Period>,
    /// Forecasts are compared only with forecasts, unless the rule says so.
    pub forecast: bool,
}

/// Compares the facts of each key; findings come sorted by metric, period,
/// then source order.
pub fn run(facts: &[Fact], rules: &RuleSet) -> Vec<Finding> {
    let mut groups: BTreeMap<FactKey, Vec<&Fact>> = BTreeMap::new();
    for fact in facts {
        let Some(metric) = rules.metric(&fact.metric) else {
            continue;
        };
        // a yearly metric with no known period cannot be compared
        if metric.period == PeriodRule::Year && fact.period.is_none() {
            continue;
        }
        let key = FactKey {
            metric: fact.metric.clone(),
            period: fact.period,
            forecast: fact.quantity.forecast && !metric.compare_forecasts,
        };
        groups.entry(key).or_default().push(fact);
    }
    let mut findings = Vec::new();
    for (key, mut group) in groups {
        // cannot fail: every key came from a fact whose metric was found
        let Some(metric) = rules.metric(&key.metric) else {
            continue;
        };
        group.sort_by(|a, b| {
            (&a.source.path, a.quantity.start).cmp(&(&b.source.path, b.quantity.start))
        });
        let before = findings.len();
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let c = compare(a, b, metric.tolerance);
                if c.conflict {
                    findings.push(Finding {
                        class: Class::Conflict,
                        severity: metric.severity,
                        metric: key.metric.clone(),
                        period: key.period,
                        facts: vec![(*a).clone(), (*b).clone()],
                        difference: Some(c.difference),
                        note: c.note,
                    });
                }
            }
        }
        if findings.len() == before && group.len() > 1 {
            findings.push(Finding {
                class: Class::Agree,
                severity: Severity::Info,
                metric: key.metric.clone(),
                period: key.period,
                facts: group.into_iter().cloned().collect(),
                difference: None,
                note: None,
            });
        }
    }
    findings
}
