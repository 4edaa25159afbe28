//! What the HTML report draws, worked out once: every fact with a number
//! (its place in the corpus order, which names it in the page, `c12`), the
//! finding and reading it belongs to, and each metric's facts by period and
//! role, with which of them are drawn one by one and which are summarised.

use std::collections::{BTreeMap, HashMap};

use crate::engine::Finding;
use crate::extract::Role;
use crate::facts::{Fact, Facts};
use crate::period::Period;

/// A column of a chart with more claims than this is drawn a reading at a
/// time (a band and a count), and lists at most `LISTED_PER_READING` claims
/// of each reading.
pub(super) const MAX_MARKS: usize = 16;

/// Claims listed of each reading of a summarised column.
pub(super) const LISTED_PER_READING: usize = 5;

/// Where a fact is in the findings: which finding, and which of its
/// readings (`None` for a fact of a check violation only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Place {
    pub(super) finding: usize,
    pub(super) reading: Option<usize>,
}

/// The facts of one role (actual, forecast, …) of one period of a metric.
pub(super) struct Column {
    pub(super) role: Role,
    /// Fact numbers, in corpus order.
    pub(super) claims: Vec<usize>,
}

impl Column {
    /// Whether the column is drawn a reading at a time.
    pub(super) fn summarised(&self) -> bool {
        self.claims.len() > MAX_MARKS
    }

    /// The claims by reading: each group's place (`None`: in no finding),
    /// in the order of the place, and its claims in corpus order.
    pub(super) fn bundles(&self, model: &Model) -> Vec<(Option<Place>, Vec<usize>)> {
        let mut by: BTreeMap<(bool, Option<Place>), Vec<usize>> = BTreeMap::new();
        for &c in &self.claims {
            let place = model.places[c];
            by.entry((place.is_none(), place)).or_default().push(c);
        }
        by.into_iter().map(|((_, p), c)| (p, c)).collect()
    }

    /// The claims the page lists: all of them, or for a summarised column
    /// the first of each reading; and how many are left out.
    pub(super) fn listed(&self, model: &Model) -> (Vec<usize>, usize) {
        if !self.summarised() {
            return (self.claims.clone(), 0);
        }
        let mut shown: Vec<usize> = self
            .bundles(model)
            .into_iter()
            .flat_map(|(_, c)| c.into_iter().take(LISTED_PER_READING))
            .collect();
        shown.sort_unstable();
        let left = self.claims.len() - shown.len();
        (shown, left)
    }
}

/// The columns of one period of a metric (`None`: no known period).
pub(super) struct Slot {
    pub(super) period: Option<Period>,
    pub(super) columns: Vec<Column>,
}

/// A metric's facts by period (no period last) and role.
type ByPeriod = BTreeMap<(bool, Option<Period>), BTreeMap<Role, Vec<usize>>>;

/// Everything the page is drawn from.
pub(super) struct Model<'f> {
    /// Every fact, in corpus order: a fact's number is its index.
    pub(super) facts: Vec<&'f Fact>,
    /// The finding and reading of each fact, by number.
    pub(super) places: Vec<Option<Place>>,
    /// Each metric's periods in order (no period last), by metric id.
    pub(super) metrics: BTreeMap<&'f str, Vec<Slot>>,
    /// The number of each fact, by address (the findings refer to the
    /// facts of the corpus).
    numbers: HashMap<*const Fact, usize>,
}

impl<'f> Model<'f> {
    pub(super) fn new(facts: &'f Facts, findings: &[Finding<'f>]) -> Self {
        let facts: Vec<&'f Fact> = facts.iter().collect();
        let numbers: HashMap<*const Fact, usize> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| (*f as *const Fact, i))
            .collect();
        let mut places: Vec<Option<Place>> = vec![None; facts.len()];
        for (finding, f) in findings.iter().enumerate() {
            for (reading, r) in f.readings.iter().enumerate() {
                for fact in r.facts.iter() {
                    if let Some(&n) = numbers.get(&(fact as *const Fact)) {
                        let place = Place {
                            finding,
                            reading: Some(reading),
                        };
                        // a fact's first finding with readings is its place
                        if places[n].is_none_or(|p| p.reading.is_none()) {
                            places[n] = Some(place);
                        }
                    }
                }
            }
            for c in &f.combinations {
                for fact in &c.facts {
                    if let Some(&n) = numbers.get(&(*fact as *const Fact)) {
                        places[n].get_or_insert(Place {
                            finding,
                            reading: None,
                        });
                    }
                }
            }
        }
        let mut grouped: BTreeMap<&'f str, ByPeriod> = BTreeMap::new();
        for (i, f) in facts.iter().enumerate() {
            grouped
                .entry(&f.metric)
                .or_default()
                .entry((f.period.is_none(), f.period))
                .or_default()
                .entry(f.quantity.role)
                .or_default()
                .push(i);
        }
        let metrics = grouped
            .into_iter()
            .map(|(m, periods)| {
                let slots = periods
                    .into_iter()
                    .map(|((_, period), roles)| Slot {
                        period,
                        columns: roles
                            .into_iter()
                            .map(|(role, claims)| Column { role, claims })
                            .collect(),
                    })
                    .collect();
                (m, slots)
            })
            .collect();
        Model {
            facts,
            places,
            metrics,
            numbers,
        }
    }

    /// The number of a fact of the corpus.
    pub(super) fn number(&self, fact: &Fact) -> Option<usize> {
        self.numbers.get(&(fact as *const Fact)).copied()
    }

    /// The numbers of every fact the page lists.
    pub(super) fn listed_set(&self) -> std::collections::BTreeSet<usize> {
        self.metrics
            .values()
            .flatten()
            .flat_map(|s| &s.columns)
            .flat_map(|c| c.listed(self).0)
            .collect()
    }

    /// How many facts are in no finding.
    pub(super) fn in_no_finding(&self) -> usize {
        self.places.iter().filter(|p| p.is_none()).count()
    }
}
