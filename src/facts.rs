//! Facts: quantities that a rule claims as a metric, with their period and
//! source. A quantity no rule claims is not a fact. Nothing here formats.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::documents::Document;
use crate::extract::Quantity;
use crate::interval::{Bound, Interval};
use crate::period::{Date, Period};
use crate::rules::{Context, EntityMatcher, Metric, PeriodRule, RuleSet, Undated};

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// Front matter `id`, else the file stem.
    pub id: String,
    pub published: Option<Date>,
}

/// A claim: a metric's value for a period, as one source states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub metric: String,
    /// `None`: the period is unknown (or the metric has no periods).
    pub period: Option<Period>,
    pub quantity: Quantity,
    /// The metric's unit (a `$` figure claimed by a USD metric is USD).
    pub unit: String,
    pub source: Source,
    /// 1-based line and column of the figure.
    pub line: usize,
    pub column: usize,
    /// The figure's sentence.
    pub quote: String,
    /// Line of the sentence's start, and the figure's byte range within it.
    pub quote_line: usize,
    pub quote_span: (usize, usize),
    /// The approximation slack of the metric, kept for the interval.
    pub slack: Decimal,
    /// A figure in another currency, converted at the metric's rate: the
    /// quantity holds the converted values.
    pub conversion: Option<Conversion>,
    /// Why the fact is listed but never compared (a currency with no rate).
    pub not_comparable: Option<String>,
    /// The statistical source the sentence attributes the figure to, by the
    /// rule's name for it (`chinese_customs`).
    pub attribution: Option<String>,
}

/// How a figure in another currency became the metric's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// The currency as written (`CNY`).
    pub from: String,
    /// The value as written, in `from`.
    pub value: Option<Decimal>,
    /// Metric units per unit of `from`.
    pub rate: Decimal,
    /// A fraction that widens the converted interval.
    pub uncertainty: Decimal,
}

impl Conversion {
    /// `i` widened by the rate's uncertainty, away from zero on both ends.
    fn widen(&self, i: Interval) -> Interval {
        let u = self.uncertainty;
        Interval {
            lo: i.lo.map(|b| Bound {
                value: b.value - b.value.abs() * u,
                ..b
            }),
            hi: i.hi.map(|b| Bound {
                value: b.value + b.value.abs() * u,
                ..b
            }),
        }
    }
}

impl Fact {
    /// The interval of true values in the metric's unit: the quantity's,
    /// widened by a conversion's uncertainty.
    pub fn interval(&self) -> Interval {
        let i = self.quantity.interval(self.slack);
        self.conversion.as_ref().map_or(i, |c| c.widen(i))
    }

    /// The interval without rounding (the `exact` tolerance).
    pub fn stated_interval(&self) -> Interval {
        let i = self.quantity.stated_interval(self.slack);
        self.conversion.as_ref().map_or(i, |c| c.widen(i))
    }

    /// The figure as written in the text ("US$244.8 billion").
    pub fn surface(&self) -> &str {
        let (a, b) = self.quote_span;
        self.quote.get(a..b).unwrap_or("")
    }
}

/// The facts of one document: every (quantity, metric) pair the rules claim.
pub fn claim(doc: &Document, quantities: &[Quantity], rules: &RuleSet) -> Vec<Fact> {
    let source = Source {
        path: doc.path.clone(),
        id: doc.id(),
        published: doc.meta.published,
    };
    let mut memo = Memo::default();
    let mut facts = Vec::new();
    // a negated figure ("did not reach $1 trillion") claims nothing
    for q in quantities
        .iter()
        .filter(|q| q.kind.is_metric() && !q.negated)
    {
        let Some(s) = doc.sentence_at(q.start) else {
            continue;
        };
        for (i, metric) in rules.metrics.iter().enumerate() {
            if metric.accepts(q.kind, q.unit) && memo.matches(doc, s, i, metric) {
                facts.push(fact(doc, s, q, (i, metric), &source, &mut memo));
            }
        }
    }
    // "trade decreased during 2025": a direction with no figure, for the
    // metrics whose changes are checked (only their sign can be), in the
    // sentences where no change figure was claimed for them
    if rules.metrics.iter().any(|m| m.claims_changes) {
        for (s, range) in doc.sentences().iter().enumerate() {
            let Some(q) =
                crate::extract::direction_without_figure(&doc.text[range.clone()], range.start)
            else {
                continue;
            };
            for (i, metric) in rules.metrics.iter().enumerate() {
                let stated = || {
                    facts.iter().any(|f| {
                        f.metric == metric.id
                            && f.quantity.kind == crate::extract::Kind::Change
                            && range.contains(&f.quantity.start)
                    })
                };
                if metric.claims_changes && memo.matches(doc, s, i, metric) && !stated() {
                    facts.push(fact(doc, s, &q, (i, metric), &source, &mut memo));
                }
            }
        }
    }
    facts
}

/// What one document has already answered, so that a sentence with several
/// figures is matched once per metric, and the whole text is searched for an
/// entity at most once.
#[derive(Default)]
struct Memo<'d> {
    /// The document's text with currency names blanked (see
    /// `currency_names_blanked`), made at the first match.
    text: Option<std::borrow::Cow<'d, str>>,
    /// (metric index, sentence index) -> whether the sentence names the metric.
    sentences: BTreeMap<(usize, usize), bool>,
    /// entity pattern -> whether the article (body or title) names it (the
    /// pattern, not the name: with and without metonyms they differ).
    article: BTreeMap<String, bool>,
    /// metric index -> the one statistical source the article names, if one.
    cited: BTreeMap<usize, Option<String>>,
}

/// Currencies named after a country ("US dollars", "Indian rupees"): they
/// name a currency, not the country, so entity patterns must not see them.
static CURRENCY_NAMES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(
        r"\b(?:US|U\.S\.|USA|American|Chinese|Russian|Indian|Hong Kong|Australian|Canadian|Singapore|New Zealand)\s*(?:\$|(?i:dollars?|yuan|renminbi|roubles?|rubles?|rupees?)\b)",
    )
    .expect("valid regex")
});

/// `text` with every currency named after a country blanked out (same
/// length, so offsets stay).
fn currency_names_blanked(text: &str) -> std::borrow::Cow<'_, str> {
    CURRENCY_NAMES.replace_all(text, |c: &regex::Captures<'_>| " ".repeat(c[0].len()))
}

impl<'d> Memo<'d> {
    fn matches(&mut self, doc: &'d Document, s: usize, i: usize, metric: &Metric) -> bool {
        if let Some(&known) = self.sentences.get(&(i, s)) {
            return known;
        }
        if self.text.is_none() {
            self.text = Some(currency_names_blanked(&doc.text));
        }
        let found = self.compute(doc, s, metric);
        self.sentences.insert((i, s), found);
        found
    }

    /// Whether sentence `s` (with its context) names `metric`.
    fn compute(&mut self, doc: &Document, s: usize, metric: &Metric) -> bool {
        let m = &metric.matcher;
        // set by `matches`, which alone calls this
        let text: &str = self.text.as_deref().unwrap_or(&doc.text);
        let sentence = &text[doc.sentences()[s].clone()];
        let window_start = match (m.context, s) {
            (Context::PreviousSentence, 1..) => doc.sentences()[s - 1].start,
            _ => doc.sentences()[s].start,
        };
        let window = &text[window_start..doc.sentences()[s].end];
        if !m.all.iter().all(|r| r.is_match(window))
            || (!m.any.is_empty() && !m.any.iter().any(|r| r.is_match(window)))
            || m.none.iter().any(|r| r.is_match(sentence))
        {
            return false;
        }
        // A sentence that names another country and not all of the rule's
        // is about something else ("China-US bilateral trade reached ..."),
        // whatever the sentence before it or the article says.
        // A template's other entity in the sentence means another pair or a
        // group, even with this pair named too.
        let names_all = m.entities.iter().all(|e| e.regex.is_match(sentence));
        let elsewhere = m
            .other_entities
            .iter()
            .any(|o| (o.rival || !names_all) && o.regex.is_match(sentence));
        if elsewhere {
            return false;
        }
        let refers_back =
            m.entities_anywhere || m.anaphora.as_ref().is_some_and(|r| r.is_match(window));
        let body = &text[doc.body_start..];
        let article = &mut self.article;
        m.entities.iter().all(|e| {
            e.regex.is_match(window) || (refers_back && named_in_article(article, doc, body, e))
        })
    }

    /// The one statistical source of `metric` (index `i`) that the article
    /// names, if exactly one.
    fn cited(&mut self, doc: &Document, i: usize, metric: &Metric) -> Option<String> {
        self.cited
            .entry(i)
            .or_insert_with(|| {
                let mut cited = metric
                    .attributions
                    .iter()
                    .filter(|(_, r)| r.is_match(doc.body()));
                match (cited.next(), cited.next()) {
                    (Some((name, _)), None) => Some(name.clone()),
                    _ => None,
                }
            })
            .clone()
    }
}

/// Whether the article (its title, or `body`) names entity `e`, memoized by
/// pattern in `article`.
fn named_in_article(
    article: &mut BTreeMap<String, bool>,
    doc: &Document,
    body: &str,
    e: &EntityMatcher,
) -> bool {
    if let Some(&known) = article.get(e.regex.as_str()) {
        return known;
    }
    let title = doc
        .meta
        .title
        .as_deref()
        .is_some_and(|t| e.regex.is_match(t));
    let named = title || e.regex.is_match(body);
    article.insert(e.regex.as_str().to_string(), named);
    named
}

fn fact(
    doc: &Document,
    s: usize,
    q: &Quantity,
    (i, metric): (usize, &Metric),
    source: &Source,
    memo: &mut Memo,
) -> Fact {
    let sentence = doc.sentences()[s].clone();
    let (line, column) = doc.locate(q.start);
    let period = match metric.period {
        PeriodRule::None => None,
        // a part-year figure ("January–October 2025") keeps its months: it is
        // compared only with figures for the same months
        PeriodRule::Year => q.period.or_else(|| match metric.undated {
            Undated::PublishedYear => source.published.map(|d| Period::year(d.year)),
            Undated::Unknown => None,
        }),
    };
    let (quantity, conversion, not_comparable) = convert(q, metric, period);
    // a stated change keeps its own unit ("fell 9%" is in percent), and so
    // does a figure in a currency with no rate
    let unit = match q.kind {
        crate::extract::Kind::Change => q.unit.to_string(),
        _ if not_comparable.is_some() => q.unit.to_string(),
        _ => metric.unit.clone().unwrap_or_else(|| q.unit.to_string()),
    };
    // the source the sentence names; else the one source the article names
    let quote = &doc.text[sentence.clone()];
    let attribution = match metric.attributions.iter().find(|(_, r)| r.is_match(quote)) {
        Some((name, _)) => Some(name.clone()),
        None => memo.cited(doc, i, metric),
    };
    Fact {
        attribution,
        unit,
        conversion,
        not_comparable,
        metric: metric.id.clone(),
        period,
        quantity,
        source: source.clone(),
        line,
        column,
        quote: doc.text[sentence.clone()].to_string(),
        quote_line: doc.locate(sentence.start).0,
        // a figure starts in its sentence (sentence_at); clamp its end so a
        // span never reaches past the quote
        quote_span: (
            q.start - sentence.start,
            q.end.min(sentence.end) - sentence.start,
        ),
        slack: metric.slack,
    }
}

/// A money figure in another currency than the metric's: converted at the
/// metric's rate for the fact's year, or marked not comparable.
fn convert(
    q: &Quantity,
    metric: &Metric,
    period: Option<Period>,
) -> (Quantity, Option<Conversion>, Option<String>) {
    let Some(want) = metric.unit.as_deref() else {
        return (q.clone(), None, None);
    };
    let same = q.unit == want || (want == "USD" && q.unit == "dollar");
    if q.kind != crate::extract::Kind::Money || same {
        return (q.clone(), None, None);
    }
    let year = period
        .filter(|p| p.through.is_none() && !p.fiscal)
        .map(|p| p.year);
    let rate = year.and_then(|y| {
        metric
            .rates
            .iter()
            .find(|r| r.from == q.unit && r.year == y)
    });
    let Some(rate) = rate else {
        let when = year.map_or_else(|| "its period".to_string(), |y| y.to_string());
        let why = format!("no {}→{want} rate for {when}", q.unit);
        return (q.clone(), None, Some(why));
    };
    let times = |d: Decimal| d.checked_mul(rate.rate);
    let value = q.value.map(times);
    let range = q.range.map(|(a, b)| (times(a), times(b)));
    let step = times(q.step);
    // beyond Decimal's range: never a wrong number, only not comparable
    let overflow = value.is_some_and(|v| v.is_none())
        || range.is_some_and(|(a, b)| a.is_none() || b.is_none())
        || step.is_none();
    if overflow {
        let why = format!(
            "{} at {} {want}/{} is beyond what can be computed",
            q.unit, rate.rate, q.unit
        );
        return (q.clone(), None, Some(why));
    }
    let mut converted = q.clone();
    converted.value = value.flatten();
    converted.range = range.and_then(|(a, b)| a.zip(b));
    converted.step = step.unwrap_or(q.step);
    let conversion = Conversion {
        from: q.unit.to_string(),
        value: q.value,
        rate: rate.rate,
        uncertainty: rate.uncertainty,
    };
    (converted, Some(conversion), None)
}
