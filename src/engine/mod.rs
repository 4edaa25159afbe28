//! The engine: groups facts by key (metric, period) and compares the claims
//! of each group under the metric's tolerance. Never all-pairs over the
//! corpus: only facts of one key meet.

mod checks;
mod compare;
mod fingerprint;

use crate::extract::Role;
use std::collections::BTreeMap;

use serde::Serialize;

pub use compare::{compare, Comparison, Difference};
pub use fingerprint::fingerprint;

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
    /// A check across metrics does not hold (`checks:` in the rules).
    Violation,
    /// Figures attributed to different statistical sources that disagree,
    /// where the rule says such sources legitimately differ.
    Difference,
    /// A figure a speaker states and the text disputes (role `claim`),
    /// against actual figures of the same key that it disagrees with:
    /// "claim vs data", reported, never failing `check`.
    Disputed,
}

impl Class {
    /// Whether the finding is a problem (`check` fails on it).
    pub fn is_problem(self) -> bool {
        matches!(self, Class::Conflict | Class::Violation)
    }
}

impl std::fmt::Display for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Class::Conflict => "conflict",
            Class::Agree => "agree",
            Class::Violation => "violation",
            Class::Difference => "difference",
            Class::Disputed => "disputed",
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
    /// Figures are compared only with figures of the same role: forecasts
    /// with forecasts (unless the rule says so), targets with targets.
    pub role: Role,
    /// For a change metric: changes on different bases ("in yuan terms",
    /// "in dollar terms") are never compared.
    pub basis: Option<String>,
}

/// Compares the facts of each key; findings come sorted by metric, period,
/// then source order.
pub fn run(facts: &[Fact], rules: &RuleSet) -> Vec<Finding> {
    let signed = signed_changes(facts, rules);
    let mut groups: BTreeMap<FactKey, Vec<&Fact>> = BTreeMap::new();
    for fact in signed.iter() {
        let Some(metric) = rules.metric(&fact.metric) else {
            continue;
        };
        // a yearly metric with no known period cannot be compared; stated
        // changes are not levels (the `change` checks read them), unless
        // the metric is a change metric
        let change_metric = metric.kind == crate::rules::MetricKind::Change;
        if metric.period == PeriodRule::Year && fact.period.is_none()
            || (fact.quantity.kind == crate::extract::Kind::Change && !change_metric)
            || fact.not_comparable.is_some()
            // a conversion restates the figure before it
            || fact.quantity.role == Role::Conversion
            || fact.quantity.period_basis == crate::extract::PeriodBasis::Story
        {
            continue;
        }
        let key = FactKey {
            metric: fact.metric.clone(),
            period: fact.period,
            role: match fact.quantity.role {
                Role::Forecast if metric.compare_forecasts => Role::Actual,
                role => role,
            },
            basis: fact.basis.clone(),
        };
        groups.entry(key).or_default().push(fact);
    }
    let mut findings = claims_against_data(&groups, rules);
    for (key, mut group) in groups {
        // cannot fail: every key came from a fact whose metric was found
        let Some(metric) = rules.metric(&key.metric) else {
            continue;
        };
        group.sort_by(|a, b| {
            (&a.source.path, a.source.record, a.quantity.start).cmp(&(
                &b.source.path,
                b.source.record,
                b.quantity.start,
            ))
        });
        let before = findings.len();
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                // sources disagree, not an article with itself: two figures
                // of one article for one key are two readings it reports
                // (or one of them is misread), unless the article names two
                // statistical sources for them
                let same = (&a.source.path, a.source.record) == (&b.source.path, b.source.record);
                if same && a.attribution == b.attribution {
                    continue;
                }
                let c = compare(a, b, metric.tolerance);
                if c.conflict {
                    // two sources the rule says may differ ("according to
                    // Chinese customs" against "Russian data")
                    let documented = metric.attributions_differ
                        && matches!((&a.attribution, &b.attribution), (Some(x), Some(y)) if x != y);
                    let note = with_conversions(c.note, &[a, b]);
                    let (class, severity, note) = if documented {
                        let why = format!(
                            "attributed to {} and {}, which this rule says may differ",
                            a.attribution.as_deref().unwrap_or_default(),
                            b.attribution.as_deref().unwrap_or_default()
                        );
                        let note = match note {
                            Some(n) => format!("{why}; {n}"),
                            None => why,
                        };
                        (Class::Difference, Severity::Info, Some(note))
                    } else {
                        // figures of two named sources still conflict, and
                        // the note names both
                        let note = match attributed_apart(a, b) {
                            Some(why) => Some(note.map_or(why.clone(), |n| format!("{why}; {n}"))),
                            None => note,
                        };
                        (Class::Conflict, metric.severity, note)
                    };
                    findings.push(Finding {
                        class,
                        severity,
                        metric: key.metric.clone(),
                        period: key.period,
                        facts: vec![(*a).clone(), (*b).clone()],
                        difference: Some(c.difference),
                        note,
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
    // claims against data come in their key's place (a stable sort keeps
    // the order of the groups within a key)
    findings.sort_by(|a, b| (&a.metric, a.period).cmp(&(&b.metric, b.period)));
    findings.extend(checks::run(facts, &rules.checks));
    findings
}

/// "Claim vs data": each disputed claim against the actual figures of its
/// key that it disagrees with (in any source, its own article included:
/// "he said $50 billion, but customs data show $38 billion").
fn claims_against_data(groups: &BTreeMap<FactKey, Vec<&Fact>>, rules: &RuleSet) -> Vec<Finding> {
    let mut out = Vec::new();
    for (key, claims) in groups.iter().filter(|(k, _)| k.role == Role::Claim) {
        let data_key = FactKey {
            role: Role::Actual,
            ..key.clone()
        };
        let (Some(data), Some(metric)) = (groups.get(&data_key), rules.metric(&key.metric)) else {
            continue;
        };
        for claim in claims {
            for actual in data {
                let c = compare(claim, actual, metric.tolerance);
                if !c.conflict {
                    continue;
                }
                let why = format!(
                    "claim vs data: {} as claimed, {} in the data",
                    claim.surface(),
                    actual.surface()
                );
                out.push(Finding {
                    class: Class::Disputed,
                    severity: Severity::Info,
                    metric: key.metric.clone(),
                    period: key.period,
                    facts: vec![(*claim).clone(), (*actual).clone()],
                    difference: Some(c.difference),
                    note: Some(c.note.map_or(why.clone(), |n| format!("{why}; {n}"))),
                });
            }
        }
    }
    out
}

/// `facts`, with the changes of change metrics signed for comparison:
/// "fell 12%" is −12, so that it conflicts with "rose 12%".
fn signed_changes<'f>(facts: &'f [Fact], rules: &RuleSet) -> std::borrow::Cow<'f, [Fact]> {
    use crate::extract::{Direction, Kind, Qualifier};
    let down = |f: &Fact| {
        f.quantity.kind == Kind::Change
            && f.quantity.direction == Some(Direction::Down)
            && rules
                .metric(&f.metric)
                .is_some_and(|m| m.kind == crate::rules::MetricKind::Change)
    };
    if !facts.iter().any(down) {
        return std::borrow::Cow::Borrowed(facts);
    }
    let mut out = Vec::with_capacity(facts.len());
    for f in facts {
        if !down(f) {
            out.push(f.clone());
            continue;
        }
        // a bound on a fall ("fell more than 12%") has no signed interval
        // here: listed, not compared
        let symmetric = matches!(
            f.quantity.qualifier,
            Qualifier::Exact | Qualifier::About | Qualifier::Between
        );
        if !symmetric {
            continue;
        }
        let mut f = f.clone();
        let q = &mut f.quantity;
        q.value = q.value.map(|v| -v);
        q.range = q.range.map(|(lo, hi)| (-hi, -lo));
        out.push(f);
    }
    std::borrow::Cow::Owned(out)
}

/// "attributed to X and Y", for every dimension of attribution in which
/// the two facts name different sources; `None` when they name none apart.
fn attributed_apart(a: &Fact, b: &Fact) -> Option<String> {
    let mut parts = Vec::new();
    if let (Some(x), Some(y)) = (&a.attribution, &b.attribution) {
        if x != y {
            parts.push(format!("attributed to {x} and {y}"));
        }
    }
    for (dim, x) in &a.dimensions {
        let other = b.dimensions.iter().find(|(d, _)| d == dim);
        if let Some((_, y)) = other.filter(|(_, y)| y != x) {
            parts.push(format!("{dim}: {x} and {y}"));
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The comparison's note, with how each converted figure was converted.
fn with_conversions(note: Option<String>, facts: &[&Fact]) -> Option<String> {
    let mut notes: Vec<String> = note.into_iter().collect();
    for f in facts {
        let Some(c) = &f.conversion else {
            continue;
        };
        let (Some(from), Some(to)) = (c.value, f.quantity.value) else {
            continue;
        };
        let pm = if c.uncertainty.is_zero() {
            String::new()
        } else {
            let pct = c.uncertainty * rust_decimal::Decimal::ONE_HUNDRED;
            format!(" (±{}%)", pct.normalize())
        };
        notes.push(format!(
            "{} is {} × {} {}/{}{pm} = {}",
            f.surface(),
            crate::report::human::amount(from, &c.from),
            c.rate.normalize(),
            f.unit,
            c.from,
            crate::report::human::amount(to, &f.unit),
        ));
    }
    (!notes.is_empty()).then(|| notes.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::Document;
    use crate::period::Date;
    use crate::{extract, facts};

    fn shipped_rules() -> RuleSet {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        crate::rules::load(&[dir]).unwrap()
    }

    fn facts_of(texts: &[(&str, &str)], rules: &RuleSet) -> Vec<Fact> {
        let mut out = Vec::new();
        for (i, (text, published)) in texts.iter().enumerate() {
            let date: Date = published.parse().unwrap();
            let doc = Document::from_body(format!("{i}.md"), text, Some(date));
            out.extend(facts::claim(&doc, &extract::extract(&doc), rules));
        }
        out
    }

    #[test]
    fn conflicts_agreements_forecasts_and_periods() {
        let rules = shipped_rules();
        let facts = facts_of(
            &[
                (
                    "Russia-China trade reached $245 billion in 2024.",
                    "2025-01-21",
                ),
                (
                    "Trade between Russia and China was US$244.8 billion in 2024.",
                    "2025-11-18",
                ),
                (
                    "Russia and China say 2025 trade is expected to be about US$218 billion.",
                    "2025-11-18",
                ),
                ("Russia-China trade was $200 billion in 2025.", "2026-02-01"),
                (
                    "Trade between China and Russia hit $240 billion in 2023.",
                    "2024-03-01",
                ),
                (
                    "Trade between China and Russia hit $240 billion in 2023, again.",
                    "2024-03-02",
                ),
            ],
            &rules,
        );
        let findings = run(&facts, &rules);
        let summary: Vec<(Class, String, usize)> = findings
            .iter()
            .map(|f| {
                (
                    f.class,
                    f.period.map_or("-".into(), |p| p.to_string()),
                    f.facts.len(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (Class::Agree, "2023".into(), 2),
                (Class::Conflict, "2024".into(), 2)
            ],
            "a forecast for 2025 is not compared with the actual 2025 figure"
        );
        let conflict = &findings[1];
        assert_eq!(conflict.severity, Severity::Error);
        assert_eq!(
            conflict.facts[0].source.path,
            std::path::PathBuf::from("0.md")
        );
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::documents::Document;
    use crate::{extract, facts};

    /// Loaded once for all cases: compiling the rules' patterns is most of
    /// the time of a case otherwise.
    static RULES: std::sync::LazyLock<crate::rules::RuleSet> = std::sync::LazyLock::new(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        // cannot fail: the shipped rules are tested to load
        crate::rules::load(&[dir]).expect("the shipped rules load")
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Claims, conversions, attributions, comparisons and checks never
        /// panic, whatever mix of sentences the corpus holds.
        #[test]
        fn the_whole_pipeline_never_panics(
            sentences in prop::collection::vec(
                (
                    prop::sample::select(vec!["Russia-China trade", "Trade between China and India", "Chinese tourists to Russia", "Tourist trips between Russia and China", "China-Russia trade, according to Russian customs,"]),
                    prop::sample::select(vec!["reached", "fell 9% to", "rose", "decreased in 2025 to", "was about", "did not reach"]),
                    prop::sample::select(vec!["$245 billion", "1.5 trillion yuan", "99999999999999999999 rubles", "0", "-3 billion dollars", "900,000", "1.2 million", "a third"]),
                    prop::sample::select(vec!["in 2024", "in 2025", "last year", "in FY2024", "in 2024/25", ""]),
                ),
                1..8,
            ),
        ) {
            let rules = &*RULES;
            let mut all = Vec::new();
            for (i, (who, verb, figure, when)) in sentences.iter().enumerate() {
                let text = format!("{who} {verb} {figure} {when}.");
                let published = "2025-06-01".parse().ok();
                let doc = Document::from_body(format!("{i}.md"), &text, published);
                all.extend(facts::claim(&doc, &extract::extract(&doc), rules));
            }
            let findings = super::run(&all, rules);
            for f in &findings {
                let _ = super::fingerprint(f);
            }
        }
    }
}
