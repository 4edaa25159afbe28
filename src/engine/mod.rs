//! The engine: groups facts by key (metric, period) and compares the claims
//! of each group under the metric's tolerance. Never all-pairs over the
//! corpus: only facts of one key meet.

mod checks;
mod compare;
mod fingerprint;
mod note;
mod readings;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

pub use compare::{compare, Claim, Comparison, Difference};
pub use fingerprint::fingerprint;
pub use note::{Note, Span};
pub use readings::Reading;

use crate::extract::{Direction, Kind, Qualifier, Role};
use crate::facts::{Fact, FactId, Facts, Source};
use crate::period::Period;
use crate::rules::{Metric, MetricKind, PeriodRule, RuleSet, Severity};

/// What a comparison found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// The claims of one key make two or more readings.
    Conflict,
    /// The claims of one key make one reading.
    Agree,
    /// A check across metrics does not hold (`checks:` in the rules).
    Violation,
    /// Readings attributed to different statistical sources, where the
    /// rule says such sources legitimately differ.
    Difference,
    /// Figures a speaker states and the text disputes (role `claim`),
    /// against the actual figures of the same key that disagree with them:
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

/// One finding: the readings of a key (a conflict when there are two or
/// more), or the combinations of facts that break a check. It refers to
/// the facts of the corpus; it copies none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding<'f> {
    pub class: Class,
    /// The metric's severity for a conflict; `info` for an agreement.
    pub severity: Severity,
    /// The metric's id, or the check's.
    pub metric: String,
    pub period: Option<Period>,
    /// The role of the key's figures (`actual` unless forecasts, targets or
    /// claims are compared among themselves).
    pub role: Role,
    /// For a change metric: the basis its changes are stated on.
    pub basis: Option<String>,
    /// The readings, in the order of their first source.
    pub readings: Vec<Reading<'f>>,
    /// For a violation: each combination of facts that breaks the check.
    pub combinations: Vec<Combination<'f>>,
    pub notes: Vec<Note<'f>>,
}

impl<'f> Finding<'f> {
    /// Every fact of the finding: by reading, then by combination.
    pub fn facts(&self) -> impl Iterator<Item = &'f Fact> + '_ {
        self.readings.iter().flat_map(|r| r.facts.iter()).chain(
            self.combinations
                .iter()
                .flat_map(|c| c.facts.iter().copied()),
        )
    }

    /// The source of every fact of the finding, in the order of `facts`,
    /// without reading the facts of its readings.
    pub fn sources(&self) -> impl Iterator<Item = &'f Arc<Source>> + '_ {
        self.readings.iter().flat_map(|r| r.facts.sources()).chain(
            self.combinations
                .iter()
                .flat_map(|c| c.facts.iter().map(|f| &f.source)),
        )
    }

    /// The figures that stand for the finding: each reading's lead, or the
    /// facts of the first combination.
    pub fn leads(&self) -> Vec<&'f Fact> {
        if self.readings.is_empty() {
            return self
                .combinations
                .first()
                .map(|c| c.facts.clone())
                .unwrap_or_default();
        }
        self.readings.iter().map(|r| r.lead).collect()
    }

    /// The finding of a key's readings.
    fn of_key(
        key: &FactKey,
        class: Class,
        severity: Severity,
        readings: Vec<Reading<'f>>,
        notes: Vec<Note<'f>>,
    ) -> Finding<'f> {
        Finding {
            class,
            severity,
            metric: key.metric.to_string(),
            period: key.period,
            role: key.role,
            basis: key.basis.as_deref().map(str::to_string),
            readings,
            combinations: Vec::new(),
            notes,
        }
    }

    /// How far the second reading is from the first.
    pub fn difference(&self) -> Option<Difference> {
        self.readings.get(1).and_then(|r| r.difference)
    }
}

/// Facts that together break a check, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Combination<'f> {
    pub facts: Vec<&'f Fact>,
    /// How many combinations of facts this one stands for: facts of a
    /// metric that state the same interval are tried once.
    pub count: u128,
    pub note: Note<'f>,
}

/// The grouping key of a fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FactKey {
    pub metric: Arc<str>,
    pub period: Option<Period>,
    /// Figures are compared only with figures of the same role: forecasts
    /// with forecasts (unless the rule says so), targets with targets.
    pub role: Role,
    /// For a change metric: changes on different bases ("in yuan terms",
    /// "in dollar terms") are never compared.
    pub basis: Option<Box<str>>,
}

/// Compares the claims of each key; findings come sorted by metric and
/// period, then check violations. The findings refer to `facts`, which
/// are read key by key: a corpus's facts are never all read at once.
pub fn run<'f>(facts: &'f Facts, rules: &RuleSet) -> Vec<Finding<'f>> {
    // each fact's key, by number (in order of the keys' first facts), and
    // how many facts each key has, so that each key's vector is made once
    // at its size: vectors grown fact by fact held up to twice their memory
    let mut numbers: BTreeMap<FactKey, u32> = BTreeMap::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut of: Vec<u32> = Vec::with_capacity(facts.len());
    // the values the checks across metrics compare, in the same scan
    let mut index = checks::Index::new(facts, &rules.checks);
    for (id, fact) in facts.scan() {
        index.add(id, &fact);
        let Some((key, _)) = key(&fact, rules) else {
            of.push(u32::MAX);
            continue;
        };
        let next = u32::try_from(counts.len()).unwrap_or(u32::MAX);
        let n = *numbers.entry(key).or_insert(next);
        if n == next {
            counts.push(0);
        }
        counts[n as usize] += 1;
        of.push(n);
    }
    let mut placed: Vec<Vec<Placed>> = counts.into_iter().map(Vec::with_capacity).collect();
    // facts come in source order (path, record, place), a document's
    // together: the article's number stands for its path and record
    let mut article = 0u32;
    let mut last: Option<&Arc<Source>> = None;
    for (id, &n) in (0..).zip(&of) {
        let source = facts.source(id);
        if last.is_some_and(|l| !same_source(l, source)) {
            article = article.saturating_add(1);
        }
        last = Some(source);
        if let Some(group) = placed.get_mut(n as usize) {
            group.push((id, article));
        }
    }
    drop(of);
    let mut groups: BTreeMap<FactKey, Vec<Placed>> = BTreeMap::new();
    for (key, n) in numbers {
        groups.insert(key, std::mem::take(&mut placed[n as usize]));
    }
    let mut findings = claims_against_data(facts, &groups, rules);
    // the keys are compared on every core (each key's facts read, and
    // dropped once it is), in their order, while the checks across metrics
    // run
    let groups: Vec<(FactKey, Vec<Placed>)> = groups.into_iter().collect();
    let (keyed, checked) = rayon::join(
        || {
            groups
                .into_par_iter()
                .filter_map(|(key, placed)| {
                    // cannot fail: every key came from a fact whose metric was found
                    let metric = rules.metric(&key.metric)?;
                    if key.role == Role::Claim || placed.len() < 2 {
                        return None;
                    }
                    let loaded = load(facts, &placed);
                    let groups = readings::group(claims(&loaded, metric), metric.tolerance);
                    finding(&key, metric, &groups, facts)
                })
                .collect::<Vec<_>>()
        },
        || checks::run(index, &rules.checks),
    );
    findings.extend(keyed);
    // claims against data come in their key's place (a stable sort keeps
    // the order of the groups within a key)
    findings.sort_by(|a, b| (&a.metric, a.period).cmp(&(&b.metric, b.period)));
    findings.extend(checked);
    findings
}

/// A fact of a key, by number, with its article's number in source order.
type Placed = (FactId, u32);

/// A key's facts, read for the moment, with their articles' numbers.
type Loaded<'l> = Vec<(FactId, Cow<'l, Fact>, u32)>;

/// The facts of `placed`, read.
fn load<'l>(facts: &'l Facts, placed: &[Placed]) -> Loaded<'l> {
    placed
        .iter()
        .map(|&(id, article)| (id, facts.load(id), article))
        .collect()
}

/// The claims of a key's facts under `metric`'s tolerance.
fn claims<'l>(loaded: &'l Loaded<'_>, metric: &Metric) -> Vec<Claim<'l>> {
    loaded
        .iter()
        .map(|(id, fact, article)| {
            let fact: &Fact = fact;
            Claim::new(
                (*id, fact),
                negated(fact, metric),
                metric.tolerance,
                *article,
            )
        })
        .collect()
}

/// Whether two facts' sources are of one article: the same source, or
/// one of the same path and record.
fn same_source(a: &Arc<Source>, b: &Arc<Source>) -> bool {
    Arc::ptr_eq(a, b) || (a.record == b.record && a.path == b.path)
}

/// The key `fact` is compared under, and its metric; `None` when it is
/// listed but never compared (`left_out`).
fn key<'r>(fact: &Fact, rules: &'r RuleSet) -> Option<(FactKey, &'r Metric)> {
    let metric = rules.metric(&fact.metric)?;
    if left_out(fact, metric).is_some() {
        return None;
    }
    let key = FactKey {
        metric: Arc::clone(&fact.metric),
        period: fact.period,
        role: match fact.quantity.role {
            Role::Forecast if metric.compare_forecasts => Role::Actual,
            role => role,
        },
        basis: fact.basis().map(Box::from),
    };
    Some((key, metric))
}

/// Whether `fact` is compared as its negation: "fell 12%" is −12 for a
/// change metric, so that it conflicts with "rose 12%".
fn negated(fact: &Fact, metric: &Metric) -> bool {
    let q = &fact.quantity;
    metric.kind == MetricKind::Change
        && q.kind == Kind::Change
        && q.direction == Some(Direction::Down)
}

/// Why a fact is listed but never compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeftOut<'f> {
    /// A yearly metric's figure whose year is unknown.
    NoYear,
    /// A figure in a currency with no rate to the metric's (the reason).
    NoRate(&'f str),
    /// A stated change of a level metric (the `change` checks read it).
    LevelChange,
    /// A conversion restates the figure before it.
    Conversion,
    /// Dated only by a story of years before its article's.
    StoryPeriod,
    /// A bound on a fall ("fell more than 12%") has no signed interval.
    BoundOnFall,
}

/// Why its metric does not compare `fact`; `None` when it does.
fn left_out<'f>(fact: &'f Fact, metric: &Metric) -> Option<LeftOut<'f>> {
    let q = &fact.quantity;
    if q.role == Role::Conversion {
        Some(LeftOut::Conversion)
    } else if q.kind == Kind::Change && metric.kind != MetricKind::Change {
        Some(LeftOut::LevelChange)
    } else if let Some(why) = fact.not_comparable() {
        Some(LeftOut::NoRate(why))
    } else if metric.period == PeriodRule::Year && fact.period.is_none() {
        Some(LeftOut::NoYear)
    } else if q.period_basis == crate::extract::PeriodBasis::Story && !story_is_recent(fact) {
        Some(LeftOut::StoryPeriod)
    } else if negated(fact, metric)
        && !matches!(
            q.qualifier,
            Qualifier::Exact | Qualifier::About | Qualifier::Between
        )
    {
        Some(LeftOut::BoundOnFall)
    } else {
        None
    }
}

/// Whether `fact`, dated by its story (`period_basis: story`), reports the
/// story's news: its period ends in the year its article was published or
/// the year before ("Japan received 36.9 million visitors in 2024. ¶ South
/// Korea sent the most, 8.8 million", published in January 2025). An older
/// story period is a past figure named on the way ("a record 39.9 million
/// visitors in 2019" in an article of 2025), too weak a date to compare.
fn story_is_recent(fact: &Fact) -> bool {
    let (Some(period), Some(published)) = (fact.period, fact.source.published) else {
        return false;
    };
    let ends = period.through.unwrap_or(period.year);
    ends >= published.year - 1 && period.year <= published.year
}

/// Why `fact` is listed but never compared, when a reader would expect it
/// to be compared: a yearly metric's figure whose year is unknown, or a
/// figure with no rate to its metric's currency. Conversions, stated
/// changes of a level metric, figures dated by their story and bounds on a
/// fall are left out by design and not named here.
pub fn not_compared(fact: &Fact, metric: &Metric) -> Option<String> {
    match left_out(fact, metric)? {
        LeftOut::NoRate(why) => Some(why.to_string()),
        LeftOut::NoYear if fact.source.published.is_none() => Some(
            "its year is unknown: no year is stated near it, and the article has no \
             `published` date to read \"last year\" or \"this year\" from"
                .to_string(),
        ),
        LeftOut::NoYear => Some("its year is unknown: no year is stated near it".to_string()),
        LeftOut::LevelChange
        | LeftOut::Conversion
        | LeftOut::StoryPeriod
        | LeftOut::BoundOnFall => None,
    }
}

/// The finding of one key's groups of claims that agree (`readings::group`),
/// of `facts`: an agreement, a conflict or a documented difference; `None`
/// when its only disagreement is within one article (two figures of one
/// article for one key are two readings it reports, or one of them is
/// misread), unless the article names two statistical sources for them.
fn finding<'f>(
    key: &FactKey,
    metric: &Metric,
    groups: &[readings::Group<'_>],
    facts: &'f Facts,
) -> Option<Finding<'f>> {
    let base =
        |class, severity, readings, notes| Finding::of_key(key, class, severity, readings, notes);
    if groups.len() > 1 && every_source_states_each(groups) {
        return None;
    }
    let readings = readings::readings(groups, facts);
    if groups.len() == 1 {
        return Some(base(Class::Agree, Severity::Info, readings, Vec::new()));
    }
    let mut notes = Vec::new();
    let leads: Vec<&Fact> = readings.iter().map(|r| r.lead).collect();
    // why each reading may still be the first's figure ("245 may be 244.8
    // rounded")
    if let [first, rest @ ..] = readings.as_slice() {
        for r in rest {
            let c = compare::compare_claims(&first.claim, &r.claim, metric.tolerance);
            notes.extend(c.note);
        }
    }
    let attributed = attributed_apart(&leads);
    // two sources the rule says may differ ("according to Chinese customs"
    // against "Russian data"): each reading attributed, each to another
    let documented = metric.attributions_differ && {
        let mut named: Vec<Option<&str>> = groups.iter().map(|g| one_attribution(g)).collect();
        let all_named = named.iter().all(Option::is_some);
        named.sort();
        named.dedup();
        all_named && named.len() == readings.len()
    };
    notes.extend(
        leads
            .iter()
            .filter(|f| f.conversion().is_some())
            .map(|f| Note::Converted(f)),
    );
    notes.extend(
        groups
            .iter()
            .zip(&readings)
            .filter(|(g, _)| {
                g.iter()
                    .all(|c| c.fact.quantity.period_basis == crate::extract::PeriodBasis::Story)
            })
            .map(|(_, r)| Note::StoryDated(r.lead)),
    );
    if documented {
        let sources = attributed
            .iter()
            .find_map(|n| match n {
                Note::Attributed {
                    dimension: None,
                    sources,
                } => Some(sources.clone()),
                _ => None,
            })
            .unwrap_or_default();
        notes.insert(0, Note::MayDiffer { sources });
        return Some(base(Class::Difference, Severity::Info, readings, notes));
    }
    // figures of two named sources still conflict, and the notes name both
    let mut all = attributed;
    all.extend(notes);
    Some(base(Class::Conflict, metric.severity, readings, all))
}

/// Whether each source of `groups` (an article, with the statistical
/// source it names) states every one of them: one article that gives two
/// figures for one key, or several that each give the same two ("17.4%"
/// and a misread "13.4%" in two retellings of one report). No source then
/// disagrees with another; each reports, or is misread into, two readings.
/// An article is a path and a record (a line of JSON Lines).
fn every_source_states_each(groups: &[readings::Group<'_>]) -> bool {
    // each group's sources as a set, once: comparing each fact with every
    // other grew with the square of a key's facts
    type Sources<'a> =
        std::collections::BTreeSet<(&'a std::path::Path, Option<usize>, Option<&'a str>)>;
    fn sources<'a>(g: &'a readings::Group<'_>) -> Sources<'a> {
        g.iter()
            .map(|c| {
                let f = c.fact;
                (f.source.path.as_path(), f.source.record, f.attribution())
            })
            .collect()
    }
    let mut sets = groups.iter().map(sources);
    let Some(first) = sets.next() else {
        return true;
    };
    sets.all(|s| s == first)
}

/// The one attribution all of `group`'s facts share, if they share one.
fn one_attribution<'l>(group: &[Claim<'l>]) -> Option<&'l str> {
    let first = group.first()?.fact.attribution()?;
    group
        .iter()
        .all(|c| c.fact.attribution() == Some(first))
        .then_some(first)
}

/// "Claim vs data": for each key of disputed claims, the readings of the
/// claims that disagree with actual figures of the key (in any source, the
/// claim's own article included: "he said $50 billion, but customs data
/// show $38 billion"), and the readings of those figures.
fn claims_against_data<'f>(
    facts: &'f Facts,
    groups: &BTreeMap<FactKey, Vec<Placed>>,
    rules: &RuleSet,
) -> Vec<Finding<'f>> {
    let mut out = Vec::new();
    for (key, claimed) in groups.iter().filter(|(k, _)| k.role == Role::Claim) {
        let data_key = FactKey {
            role: Role::Actual,
            ..key.clone()
        };
        let (Some(data), Some(metric)) = (groups.get(&data_key), rules.metric(&key.metric)) else {
            continue;
        };
        let t = metric.tolerance;
        let (claimed, data) = (load(facts, claimed), load(facts, data));
        let claimed = readings::readings(&readings::group(claims(&claimed, metric), t), facts);
        let data = readings::readings(&readings::group(claims(&data, metric), t), facts);
        let disputed: Vec<&Reading> = claimed
            .iter()
            .filter(|c| {
                data.iter()
                    .any(|d| compare::disagree(&c.claim, &d.claim, t))
            })
            .collect();
        let Some(first) = disputed.first() else {
            continue;
        };
        let against: Vec<&Reading> = data
            .iter()
            .filter(|d| {
                disputed
                    .iter()
                    .any(|c| compare::disagree(&c.claim, &d.claim, t))
            })
            .collect();
        let mut notes = Vec::new();
        if let Some(d) = against.first() {
            notes.push(Note::ClaimVsData {
                claim: first.lead,
                data: d.lead,
            });
            notes.extend(compare::compare_claims(&first.claim, &d.claim, t).note);
        }
        let mut readings: Vec<Reading> = disputed.into_iter().cloned().collect();
        let first_claim = readings[0].claim;
        for mut d in against.into_iter().cloned() {
            d.difference = Some(compare::difference(&first_claim, &d.claim));
            readings.push(d);
        }
        out.push(Finding::of_key(
            key,
            Class::Disputed,
            Severity::Info,
            readings,
            notes,
        ));
    }
    out
}

/// For the main attribution and each dimension in which the leads name
/// two or more different sources: a note naming them, in the order of the
/// readings.
fn attributed_apart(leads: &[&Fact]) -> Vec<Note<'static>> {
    let mut notes = Vec::new();
    let mut main: Vec<String> = Vec::new();
    for a in leads.iter().filter_map(|f| f.attribution()) {
        if !main.iter().any(|m| m == a) {
            main.push(a.to_string());
        }
    }
    if main.len() > 1 {
        notes.push(Note::Attributed {
            dimension: None,
            sources: main,
        });
    }
    let mut dims: Vec<(&str, Vec<String>)> = Vec::new();
    for (dim, x) in leads.iter().flat_map(|f| f.dimensions()) {
        match dims.iter_mut().find(|(d, _)| d == dim) {
            Some((_, xs)) if !xs.contains(x) => xs.push(x.clone()),
            Some(_) => {}
            None => dims.push((dim, vec![x.clone()])),
        }
    }
    for (dim, sources) in dims.into_iter().filter(|(_, xs)| xs.len() > 1) {
        notes.push(Note::Attributed {
            dimension: Some(dim.to_string()),
            sources,
        });
    }
    notes
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

    fn facts_of(texts: &[(&str, &str)], rules: &RuleSet) -> Facts {
        let mut out = Vec::new();
        for (i, (text, published)) in texts.iter().enumerate() {
            let date: Date = published.parse().unwrap();
            let doc = Document::from_body(format!("{i}.md"), text, Some(date));
            out.extend(facts::claim(&doc, &extract::extract(&doc), rules));
        }
        Facts::from(out)
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
                    f.facts().count(),
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
            conflict.readings[0]
                .facts
                .iter()
                .next()
                .unwrap()
                .source
                .path,
            std::path::PathBuf::from("0.md")
        );
    }

    #[test]
    fn packed_facts_of_one_key_in_three_values_are_one_finding_that_keeps_only_its_leads() {
        let rules = shipped_rules();
        let values = ["$245 billion", "US$244.8 billion", "$240 billion"];
        let texts: Vec<String> = (0..2000)
            .map(|i| format!("Russia-China trade reached {} in 2024.", values[i % 3]))
            .collect();
        let dated: Vec<(&str, &str)> = texts.iter().map(|t| (t.as_str(), "2025-02-01")).collect();
        let mut packed = Facts::packed();
        packed.push(facts_of(&dated, &rules).into_vec());
        assert_eq!(packed.len(), 2000);
        let findings = run(&packed, &rules);
        assert_eq!(findings.len(), 1);
        let sizes: Vec<usize> = findings[0].readings.iter().map(|r| r.facts.len()).collect();
        assert_eq!(sizes, [667, 667, 666]);
        assert_eq!(findings[0].readings[1].sources(), 667);
        // each reading's lead is read and kept, no other fact
        assert_eq!(packed.kept(), 3);
        let leads: Vec<&str> = findings[0].leads().iter().map(|f| f.surface()).collect();
        assert_eq!(leads, values);
        // the facts of a reading are read when asked for, the same as held
        let held = facts_of(&dated, &rules);
        let shown: Vec<&Fact> = findings[0].readings[2].facts.iter().take(2).collect();
        assert_eq!(shown, [held.get(2), held.get(5)]);
        // the first is the reading's lead, kept already
        assert_eq!(packed.kept(), 4);
    }

    #[test]
    fn a_figure_dated_by_a_recent_story_is_compared_with_a_note() {
        let rules = shipped_rules();
        let stated = (
            "Russia-China trade reached $245 billion in 2024.",
            "2025-02-01",
        );
        let story = "India bought $60 billion of Russian oil in 2024.\n\n\
                     Russia-China trade hit $190 billion, customs said.";
        let facts = facts_of(&[stated, (story, "2025-03-01")], &rules);
        let dated = facts
            .iter()
            .find(|f| f.quantity.period_basis == crate::extract::PeriodBasis::Story)
            .expect("a figure dated by its story");
        assert_eq!(dated.period, Some(crate::period::Period::year(2024)));
        let findings = run(&facts, &rules);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].class, Class::Conflict);
        assert!(
            findings[0]
                .notes
                .iter()
                .any(|n| matches!(n, Note::StoryDated(f) if f.quantity.written.contains("190"))),
            "the reading that rests on the story's period says so: {:?}",
            findings[0].notes
        );
        // the same story told in 2031: 2024 is a past year named on the way
        let facts = facts_of(&[stated, (story, "2031-03-01")], &rules);
        assert!(run(&facts, &rules).is_empty());
    }

    #[test]
    fn two_articles_that_each_state_both_figures_do_not_disagree() {
        let rules = shipped_rules();
        let both = "Russia-China trade reached $245 billion in 2024. \
                    Trade between Russia and China was $190 billion in 2024.";
        let facts = facts_of(&[(both, "2025-02-01"), (both, "2025-02-03")], &rules);
        assert_eq!(facts.len(), 4);
        assert!(
            run(&facts, &rules).is_empty(),
            "each article holds both readings: no source disagrees with another"
        );
        // a third article that states one of them only disagrees with the
        // other: a conflict
        let one = ("Russia-China trade was $245 billion in 2024.", "2025-02-05");
        let facts = facts_of(&[(both, "2025-02-01"), (both, "2025-02-03"), one], &rules);
        let findings = run(&facts, &rules);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].class, Class::Conflict);
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
            let all = crate::facts::Facts::from(all);
            let findings = super::run(&all, rules);
            for f in &findings {
                let _ = super::fingerprint(f);
            }
        }
    }
}
