//! Why each figure of a line is, or is not, a fact of each metric
//! (`crosscheck why`): the claiming of `mod.rs` run with a trace.

use std::collections::BTreeMap;

pub use super::attach::{Exclusion, Rejection};
use super::window::Memo;
pub use super::window::WindowMiss;
use super::Fact;
use crate::documents::Document;
use crate::extract::{Kind, Quantity};
use crate::rules::RuleSet;

/// What one metric made of one figure, in the order the claiming decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The figure is a fact of the metric.
    Claimed,
    /// A conversion of the figure before it: it takes that figure's metrics.
    Conversion,
    /// The metric counts another kind or unit of figure.
    NotItsKind,
    /// Money in a currency another metric counts in, with no rate here.
    OtherCurrency,
    /// The sentence (with its context) does not name the metric.
    Window(Option<WindowMiss>),
    /// The sentence names the metric, but not this figure.
    Rejected(Rejection),
    /// The metric reaches the figure, but another reaches it more
    /// specifically (its id).
    Outranked(String),
}

/// Verdicts of one sentence's figures: (figure, metric) -> verdict.
#[derive(Debug, Default)]
pub(super) struct Trace(BTreeMap<(usize, usize), Verdict>);

impl Trace {
    pub(super) fn set(&mut self, figure: usize, metric: usize, verdict: Verdict) {
        self.0.insert((figure, metric), verdict);
    }
}

/// One figure of the line, what the extractor read, and each metric's
/// verdict (in the rules' order).
#[derive(Debug)]
pub struct FigureWhy {
    pub quantity: Quantity,
    pub line: usize,
    pub column: usize,
    /// Why no metric could have it, whatever the rules: not an amount, or
    /// negated.
    pub never: Option<&'static str>,
    pub verdicts: Vec<(String, Verdict)>,
    /// The facts the figure became (period and role as the metric reads
    /// them).
    pub facts: Vec<Fact>,
}

/// The figures of `line` (1-based) of `doc`, each with every metric's
/// verdict on it.
pub fn line(
    doc: &Document,
    quantities: &[Quantity],
    rules: &RuleSet,
    line: usize,
) -> Vec<FigureWhy> {
    let facts = super::claim(doc, quantities, rules);
    let quantities = super::story_periods(doc, quantities);
    let currencies = super::Currencies::of(doc, &quantities);
    let mut memo = Memo::new(rules);
    let mut out = Vec::new();
    let mut traced: BTreeMap<usize, (Vec<&Quantity>, Trace)> = BTreeMap::new();
    // years and dates are the periods of figures, not figures
    let periods = |q: &Quantity| matches!(q.kind, Kind::Year | Kind::Date);
    for q in quantities.iter().filter(|q| !periods(q)) {
        let (l, column) = doc.locate(q.start);
        if l != line {
            continue;
        }
        let never = if !q.kind.is_metric() {
            Some("not an amount of anything a rule counts")
        } else if q.negated {
            Some("negated: a figure said not to be the value claims nothing")
        } else {
            None
        };
        let mut verdicts = Vec::new();
        if let (None, Some(s)) = (never, doc.sentence_at(q.start)) {
            let (figures, trace) = traced.entry(s).or_insert_with(|| {
                let figures: Vec<&Quantity> = quantities
                    .iter()
                    .filter(|f| f.kind.is_metric() && !f.negated)
                    .filter(|f| doc.sentence_at(f.start) == Some(s))
                    .collect();
                let mut trace = Trace::default();
                let place = (s, &currencies);
                super::sentence_claims(doc, place, &figures, rules, &mut memo, Some(&mut trace));
                (figures, trace)
            });
            if let Some(i) = figures
                .iter()
                .position(|f| f.start == q.start && f.end == q.end)
            {
                for (m, metric) in rules.metrics.iter().enumerate() {
                    if let Some(v) = trace.0.get(&(i, m)) {
                        verdicts.push((metric.id.to_string(), v.clone()));
                    }
                }
            }
        }
        out.push(FigureWhy {
            quantity: q.clone(),
            line: l,
            column,
            never,
            verdicts,
            facts: facts
                .iter()
                .filter(|f| f.quantity.start == q.start && f.quantity.end == q.end)
                .cloned()
                .collect(),
        });
    }
    out
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Verdict::Claimed => f.write_str("claimed"),
            Verdict::Conversion => {
                f.write_str("a conversion: it is a fact of the metrics of the figure it restates")
            }
            Verdict::NotItsKind => f.write_str("counts another kind or unit of figure"),
            Verdict::OtherCurrency => f.write_str(
                "a currency another metric counts in, and no `rates` entry for it here",
            ),
            Verdict::Window(None) => f.write_str("the sentence does not name the metric"),
            Verdict::Window(Some(miss)) => match miss {
                WindowMiss::All(i) => write!(
                    f,
                    "the sentence does not name the metric: `all` pattern {} matches nothing",
                    i + 1
                ),
                WindowMiss::Any => f.write_str(
                    "the sentence does not name the metric: no `any` pattern matches",
                ),
                WindowMiss::OtherEntity(w) => write!(
                    f,
                    "the sentence is about something else: it names {w:?}, which the rule does not"
                ),
                WindowMiss::Entity(e) => write!(
                    f,
                    "the sentence does not name the rule's entity `{e}`"
                ),
            },
            Verdict::Rejected(r) => match r {
                Rejection::Excluded(Exclusion::None { pattern, words }) => write!(
                    f,
                    "excluded: `none` pattern {} matches {words:?}, which belongs to this figure",
                    pattern + 1
                ),
                Rejection::Excluded(Exclusion::OtherEntity { words }) => write!(
                    f,
                    "excluded: {words:?}, an entity the rule does not name, belongs to this figure"
                ),
                Rejection::Excluded(Exclusion::BothDirections { words }) => write!(
                    f,
                    "excluded: {words:?}, both directions together, belongs to this figure"
                ),
                Rejection::CountsOtherThings => {
                    f.write_str("a count of other things (the plural noun after it)")
                }
                Rejection::Allocation => f.write_str(
                    "an amount set aside or agreed (a budget, fund, loan … after it) that the rule does not name",
                ),
                Rejection::PerItem => f.write_str("an amount of each of several things"),
                Rejection::WorldRanking => f.write_str(
                    "a place in a ranking of the world, and the rule's words do not name the world",
                ),
                Rejection::NotNear => {
                    f.write_str("no `near` pattern stands in the figure's own clause")
                }
                Rejection::NotInItem => f.write_str(
                    "in a list read \"respectively\", its item has none of the rule's words",
                ),
                Rejection::NotReached => f.write_str(
                    "the rule's words in the sentence belong to other figures, nearer to them",
                ),
            },
            Verdict::Outranked(by) => write!(
                f,
                "reached, but `{by}` reaches it more specifically (more of its requirements are the figure's own words, or nearer)"
            ),
        }
    }
}
