//! Checks across metrics (`checks:` in rule files), on facts of the same
//! period: a part within its whole, parts that add up to their total, and a
//! stated change that agrees with the levels it implies. A check's violations in
//! one period are one finding, listing each combination of facts that fails
//! with its arithmetic.
//!
//! Intervals are the facts' own (stated precision, "about", bounds); an open
//! end counts as closed, which can only hide a violation, never invent one.
//! Forecasts take no part, and facts attributed to different statistical
//! sources ("according to INEGI" against "Census Bureau data") are never
//! combined: each source's figures are checked among themselves.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::{Class, Combination, Finding, Note, Span};
use crate::extract::{Direction, Kind};
use crate::facts::{Fact, FactId, Facts};
use crate::period::Period;
use crate::rules::{Check, CheckRule, Severity};

/// The most combinations of distinct part values a `sum` check tries in one
/// period; past it, the finding says how many were not tried.
const MAX_COMBINATIONS: usize = 65_536;

/// The actual facts of the metrics the checks name, by metric and period:
/// each distinct value (`value`) once, as the first fact that states it,
/// with how many facts state it. A check tries each distinct value once,
/// however many sources repeat it, so only those facts are kept.
pub(super) struct Index<'c, 'f> {
    facts: &'f Facts,
    named: BTreeSet<&'c str>,
    lists: Lists<'c, 'f>,
    /// Where each distinct value is in its list: a hash map, as the order
    /// is the facts' own, kept by the lists.
    seen: foldhash::HashMap<(&'c str, Option<Period>, Value, bool), usize>,
}

type Lists<'c, 'f> = BTreeMap<(&'c str, Option<Period>), Vec<(&'f Fact, u128)>>;

/// What makes two facts of a metric one value to a check: their interval,
/// direction and attribution.
type Value = (
    Option<Decimal>,
    Option<Decimal>,
    Option<Direction>,
    Option<Box<str>>,
);

/// The value `f` states, to a check.
fn value(f: &Fact) -> Value {
    let s = Span::of(f);
    (
        s.lo,
        s.hi,
        f.quantity.direction,
        f.attribution().map(Box::from),
    )
}

impl<'c, 'f> Index<'c, 'f> {
    /// An empty index of `facts` for `checks`.
    pub(super) fn new(facts: &'f Facts, checks: &'c [Check]) -> Index<'c, 'f> {
        let mut named: BTreeSet<&'c str> = BTreeSet::new();
        for c in checks {
            match &c.rule {
                CheckRule::PartOf { part, whole } => named.extend([part.as_str(), whole.as_str()]),
                CheckRule::Sum { parts, total } => {
                    named.extend(parts.iter().map(String::as_str));
                    named.insert(total);
                }
                CheckRule::Change { metric } => {
                    named.insert(metric);
                }
            }
        }
        Index {
            facts,
            named,
            lists: BTreeMap::new(),
            seen: foldhash::HashMap::default(),
        }
    }

    /// Adds fact `id` of the facts, `f`.
    pub(super) fn add(&mut self, id: FactId, f: &Fact) {
        if f.quantity.role != crate::extract::Role::Actual {
            return;
        }
        let Some(&metric) = self.named.get(&*f.metric) else {
            return;
        };
        let change = f.quantity.kind == Kind::Change;
        let list = self.lists.entry((metric, f.period)).or_default();
        match self.seen.entry((metric, f.period, value(f), change)) {
            std::collections::hash_map::Entry::Occupied(e) => list[*e.get()].1 += 1,
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(list.len());
                list.push((self.facts.get(id), 1));
            }
        }
    }
}

/// The failing combinations of one check, by period.
type ByPeriod<'f> = BTreeMap<Option<Period>, Vec<Combination<'f>>>;

/// Every check's violations: one finding per check and period, listing the
/// combinations of facts that fail.
pub(super) fn run<'f>(index: Index<'_, 'f>, checks: &[Check]) -> Vec<Finding<'f>> {
    let index = index.lists;
    let mut out = Vec::new();
    for check in checks {
        let mut failing: ByPeriod = BTreeMap::new();
        let mut untried: BTreeMap<Option<Period>, (usize, u128)> = BTreeMap::new();
        match &check.rule {
            CheckRule::PartOf { part, whole } => part_of(&index, part, whole, &mut failing),
            CheckRule::Sum { parts, total } => {
                sum(&index, parts, total, &mut failing, &mut untried);
            }
            CheckRule::Change { metric } => change(&index, metric, &mut failing),
        }
        let periods: std::collections::BTreeSet<Option<Period>> =
            failing.keys().chain(untried.keys()).copied().collect();
        for period in periods {
            let combinations = failing.remove(&period).unwrap_or_default();
            let notes: Vec<Note> = untried
                .get(&period)
                .map(|&(tried, total)| Note::Untried { tried, total })
                .into_iter()
                .collect();
            out.push(Finding {
                class: Class::Violation,
                // not a violation found, only combinations not tried
                severity: if combinations.is_empty() {
                    Severity::Info
                } else {
                    check.severity
                },
                metric: check.id.clone(),
                period,
                role: crate::extract::Role::Actual,
                basis: None,
                readings: Vec::new(),
                combinations,
                notes,
            });
        }
    }
    out
}

impl Span {
    fn of(f: &Fact) -> Span {
        Span::of_interval(&f.interval())
    }
}

/// The distinct level values of `metric` in `period` (stated changes left
/// out), with how many facts state each.
fn levels<'f>(
    index: &Lists<'_, 'f>,
    metric: &str,
    period: Option<Period>,
) -> Vec<(&'f Fact, u128)> {
    index
        .get(&(metric, period))
        .map(|v| {
            v.iter()
                .copied()
                .filter(|(f, _)| f.quantity.kind != Kind::Change)
                .collect()
        })
        .unwrap_or_default()
}

/// The periods in which `metric` has level facts.
fn periods(index: &Lists<'_, '_>, metric: &str) -> Vec<Option<Period>> {
    index
        .iter()
        .filter(|((m, _), facts)| {
            *m == metric && facts.iter().any(|(f, _)| f.quantity.kind != Kind::Change)
        })
        .map(|((_, p), _)| *p)
        .collect()
}

/// Whether the facts may be checked together: no two of them attributed to
/// different statistical sources.
fn one_source(facts: &[&Fact]) -> bool {
    let mut named = facts.iter().filter_map(|f| f.attribution());
    let first = named.next();
    named.all(|a| Some(a) == first)
}

fn part_of<'f>(index: &Lists<'_, 'f>, part: &str, whole: &str, out: &mut ByPeriod<'f>) {
    for period in periods(index, part) {
        // each side's distinct values once per period, not once per pair
        let wholes = levels(index, whole, period);
        for &(p, p_count) in &levels(index, part, period) {
            for &(w, w_count) in &wholes {
                if !one_source(&[p, w]) {
                    continue;
                }
                let (ps, ws) = (Span::of(p), Span::of(w));
                let exceeds = matches!((ps.lo, ws.hi), (Some(lo), Some(hi)) if lo > hi);
                if exceeds {
                    out.entry(period).or_default().push(Combination {
                        facts: vec![p, w],
                        count: p_count.saturating_mul(w_count),
                        note: Note::PartExceedsWhole {
                            part: p,
                            part_span: ps,
                            whole: w,
                            whole_span: ws,
                        },
                    });
                }
            }
        }
    }
}

/// `facts` (each with how many facts state it) with distinct values: the
/// first fact for each `value`, with how many facts state it. The index's
/// lists are distinct already; the stated changes of several periods
/// together are not.
fn distinct<'f>(facts: &[(&'f Fact, u128)]) -> Vec<(&'f Fact, u128)> {
    // a hash map: the order is the facts' own, kept by `out`
    let mut seen: foldhash::HashMap<Value, usize> = foldhash::HashMap::default();
    let mut out: Vec<(&Fact, u128)> = Vec::new();
    for &(f, n) in facts {
        match seen.entry(value(f)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let count = &mut out[*e.get()].1;
                *count = count.saturating_add(n);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(out.len());
                out.push((f, n));
            }
        }
    }
    out
}

fn sum<'f>(
    index: &Lists<'_, 'f>,
    parts: &[String],
    total: &str,
    out: &mut ByPeriod<'f>,
    untried: &mut BTreeMap<Option<Period>, (usize, u128)>,
) {
    for period in periods(index, total) {
        let part_facts: Vec<Vec<(&Fact, u128)>> =
            parts.iter().map(|m| levels(index, m, period)).collect();
        if part_facts.iter().any(Vec::is_empty) {
            continue; // a part not stated for this period: nothing to add up
        }
        let all: u128 = part_facts
            .iter()
            .fold(1u128, |n, p| n.saturating_mul(p.len() as u128));
        let combos = combinations(&part_facts);
        for &(t, t_count) in &levels(index, total, period) {
            for (combo, count) in &combos {
                let mut all = combo.clone();
                all.push(t);
                if !one_source(&all) {
                    continue;
                }
                let mut lo = Some(Decimal::ZERO);
                let mut hi = Some(Decimal::ZERO);
                for f in combo {
                    let s = Span::of(f);
                    lo = lo.zip(s.lo).and_then(|(a, b)| a.checked_add(b));
                    hi = hi.zip(s.hi).and_then(|(a, b)| a.checked_add(b));
                }
                let added = Span { lo, hi };
                let ts = Span::of(t);
                if !added.disjoint(ts) {
                    continue;
                }
                out.entry(period).or_default().push(Combination {
                    facts: all,
                    count: count.saturating_mul(t_count),
                    note: Note::SumMismatch {
                        parts: combo.iter().map(|f| (*f, Span::of(f))).collect(),
                        added,
                        total: t,
                        total_span: ts,
                    },
                });
            }
        }
        if all > combos.len() as u128 {
            untried.insert(period, (combos.len(), all));
        }
    }
}

/// Every choice of one distinct fact per part, at most `MAX_COMBINATIONS`,
/// each with the number of fact combinations it stands for.
fn combinations<'f>(parts: &[Vec<(&'f Fact, u128)>]) -> Vec<(Vec<&'f Fact>, u128)> {
    let mut out: Vec<(Vec<&Fact>, u128)> = vec![(Vec::new(), 1)];
    for choices in parts {
        let mut next = Vec::new();
        'prefixes: for (prefix, n) in &out {
            for (f, m) in choices {
                if next.len() == MAX_COMBINATIONS {
                    break 'prefixes;
                }
                let mut c = prefix.clone();
                c.push(*f);
                next.push((c, n.saturating_mul(*m)));
            }
        }
        out = next;
    }
    out
}

fn change<'f>(index: &Lists<'_, 'f>, metric: &str, out: &mut ByPeriod<'f>) {
    let stated: Vec<(&Fact, u128)> = index
        .iter()
        .filter(|((m, _), _)| *m == metric)
        .flat_map(|(_, facts)| facts.iter().copied())
        .filter(|(f, _)| f.quantity.kind == Kind::Change)
        .collect();
    // each period's distinct levels once, not once per stated change
    let by_period: BTreeMap<Option<Period>, Vec<(&Fact, u128)>> = periods(index, metric)
        .into_iter()
        .map(|p| (p, levels(index, metric, p)))
        .collect();
    for (c, c_count) in distinct(&stated) {
        let Some(period) = c.period.filter(|p| p.through.is_none() && !p.fiscal) else {
            continue;
        };
        let Some(stated) = signed_percent(c) else {
            continue;
        };
        let before = Period {
            year: period.year - 1,
            ..period
        };
        let (Some(nows), Some(thens)) =
            (by_period.get(&Some(period)), by_period.get(&Some(before)))
        else {
            continue; // a level not stated for one of the two years
        };
        for &(now, now_count) in nows {
            for &(then, then_count) in thens {
                if !one_source(&[c, then, now]) {
                    continue;
                }
                let Some(implied) = implied_percent(Span::of(then), Span::of(now)) else {
                    continue;
                };
                if !stated.disjoint(implied) {
                    continue;
                }
                out.entry(Some(period)).or_default().push(Combination {
                    facts: vec![c, then, now],
                    count: c_count.saturating_mul(then_count).saturating_mul(now_count),
                    note: Note::ChangeMismatch {
                        stated: c,
                        stated_percent: stated,
                        then,
                        then_period: before,
                        now,
                        now_period: period,
                        implied_percent: implied,
                    },
                });
            }
        }
    }
}

/// A stated relative change as a signed percentage interval ("fell 9%" is
/// [-9.5, -8.5]); `None` without a direction.
fn signed_percent(c: &Fact) -> Option<Span> {
    // "decreased in 2025": only the sign is stated
    if c.quantity.value.is_none() && c.quantity.range.is_none() {
        return match c.quantity.direction? {
            Direction::Up => Some(Span {
                lo: Some(Decimal::ZERO),
                hi: None,
            }),
            Direction::Down => Some(Span {
                lo: None,
                hi: Some(Decimal::ZERO),
            }),
        };
    }
    let s = Span::of(c);
    let scale = if c.quantity.unit == "fraction" {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ONE
    };
    let (lo, hi) = (s.lo? * scale, s.hi? * scale);
    match c.quantity.direction? {
        Direction::Up => Some(Span {
            lo: Some(lo),
            hi: Some(hi),
        }),
        Direction::Down => Some(Span {
            lo: Some(-hi),
            hi: Some(-lo),
        }),
    }
}

/// The change from `then` to `now` in percent, as an interval; `None` when
/// `then` may be zero or negative.
fn implied_percent(then: Span, now: Span) -> Option<Span> {
    let (then_lo, then_hi) = (then.lo?, then.hi?);
    if then_lo <= Decimal::ZERO {
        return None;
    }
    let pct = |n: Option<Decimal>, d: Decimal| {
        n.and_then(|n| n.checked_div(d))
            .and_then(|r| (r - Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED))
    };
    Some(Span {
        lo: pct(now.lo, then_hi),
        hi: pct(now.hi, then_lo),
    })
}
