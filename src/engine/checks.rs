//! Checks across metrics (`checks:` in rule files), on facts of the same
//! period: a part within its whole, parts that add up to their total, and a
//! stated change that agrees with the levels it implies. Every violation is a
//! finding with all the facts involved and the arithmetic in its note.
//!
//! Intervals are the facts' own (stated precision, "about", bounds); an open
//! end counts as closed, which can only hide a violation, never invent one.
//! Forecasts take no part, and facts attributed to different statistical
//! sources ("according to INEGI" against "Census Bureau data") are never
//! combined: each source's figures are checked among themselves.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Class, Finding};
use crate::extract::{Direction, Kind};
use crate::facts::Fact;
use crate::period::Period;
use crate::report::human;
use crate::rules::{Check, CheckRule};

/// The most combinations of facts a `sum` check tries in one period.
const MAX_COMBINATIONS: usize = 256;

/// Facts by metric and period, forecasts left out.
type Index<'f> = BTreeMap<(&'f str, Option<Period>), Vec<&'f Fact>>;

/// Every violation of every check.
pub(super) fn run(facts: &[Fact], checks: &[Check]) -> Vec<Finding> {
    let mut index: Index = BTreeMap::new();
    for f in facts
        .iter()
        .filter(|f| f.quantity.role == crate::extract::Role::Actual)
    {
        index
            .entry((f.metric.as_str(), f.period))
            .or_default()
            .push(f);
    }
    let mut out = Vec::new();
    for check in checks {
        match &check.rule {
            CheckRule::PartOf { part, whole } => part_of(check, &index, part, whole, &mut out),
            CheckRule::Sum { parts, total } => sum(check, &index, parts, total, &mut out),
            CheckRule::Change { metric } => change(check, &index, metric, &mut out),
        }
    }
    out
}

/// A closed interval with open ends as `None`.
#[derive(Debug, Clone, Copy)]
struct Span {
    lo: Option<Decimal>,
    hi: Option<Decimal>,
}

impl Span {
    fn of(f: &Fact) -> Span {
        let i = f.interval();
        Span {
            lo: i.lo.map(|b| b.value),
            hi: i.hi.map(|b| b.value),
        }
    }

    /// Whether the two surely share no value.
    fn disjoint(self, other: Span) -> bool {
        let below = |hi: Option<Decimal>, lo: Option<Decimal>| matches!((hi, lo), (Some(h), Some(l)) if h < l);
        below(self.hi, other.lo) || below(other.hi, self.lo)
    }

    fn show(self, unit: &str) -> String {
        let end = |d: Option<Decimal>, open: &str| {
            d.map_or_else(|| open.to_string(), |d| human::amount(d, unit))
        };
        format!("[{}, {}]", end(self.lo, "-∞"), end(self.hi, "∞"))
    }
}

/// Level facts of `metric` in `period` (stated changes left out).
fn levels<'f>(index: &Index<'f>, metric: &str, period: Option<Period>) -> Vec<&'f Fact> {
    index
        .get(&(metric, period))
        .map(|v| {
            v.iter()
                .copied()
                .filter(|f| f.quantity.kind != Kind::Change)
                .collect()
        })
        .unwrap_or_default()
}

/// The periods in which `metric` has level facts.
fn periods(index: &Index, metric: &str) -> Vec<Option<Period>> {
    index
        .iter()
        .filter(|((m, _), facts)| {
            *m == metric && facts.iter().any(|f| f.quantity.kind != Kind::Change)
        })
        .map(|((_, p), _)| *p)
        .collect()
}

/// Whether the facts may be checked together: no two of them attributed to
/// different statistical sources.
fn one_source(facts: &[&Fact]) -> bool {
    let mut named = facts.iter().filter_map(|f| f.attribution.as_deref());
    let first = named.next();
    named.all(|a| Some(a) == first)
}

fn finding(check: &Check, period: Option<Period>, facts: Vec<&Fact>, note: String) -> Finding {
    Finding {
        class: Class::Violation,
        severity: check.severity,
        metric: check.id.clone(),
        period,
        facts: facts.into_iter().cloned().collect(),
        difference: None,
        note: Some(note),
    }
}

fn part_of(check: &Check, index: &Index, part: &str, whole: &str, out: &mut Vec<Finding>) {
    for period in periods(index, part) {
        for p in levels(index, part, period) {
            for w in levels(index, whole, period) {
                if !one_source(&[p, w]) {
                    continue;
                }
                let (ps, ws) = (Span::of(p), Span::of(w));
                let exceeds = matches!((ps.lo, ws.hi), (Some(lo), Some(hi)) if lo > hi);
                if exceeds {
                    let note = format!(
                        "{part} {} is {} and {whole} {} is {}: the part exceeds its whole",
                        p.surface(),
                        ps.show(&p.unit),
                        w.surface(),
                        ws.show(&w.unit),
                    );
                    out.push(finding(check, period, vec![p, w], note));
                }
            }
        }
    }
}

fn sum(check: &Check, index: &Index, parts: &[String], total: &str, out: &mut Vec<Finding>) {
    for period in periods(index, total) {
        let part_facts: Vec<Vec<&Fact>> = parts.iter().map(|m| levels(index, m, period)).collect();
        if part_facts.iter().any(Vec::is_empty) {
            continue; // a part not stated for this period: nothing to add up
        }
        for t in levels(index, total, period) {
            for combo in combinations(&part_facts) {
                let mut all = combo.clone();
                all.push(t);
                if !one_source(&all) {
                    continue;
                }
                let mut lo = Some(Decimal::ZERO);
                let mut hi = Some(Decimal::ZERO);
                for f in &combo {
                    let s = Span::of(f);
                    lo = lo.zip(s.lo).and_then(|(a, b)| a.checked_add(b));
                    hi = hi.zip(s.hi).and_then(|(a, b)| a.checked_add(b));
                }
                let added = Span { lo, hi };
                let ts = Span::of(t);
                if !added.disjoint(ts) {
                    continue;
                }
                let terms: Vec<String> = combo
                    .iter()
                    .map(|f| format!("{} {}", f.surface(), Span::of(f).show(&f.unit)))
                    .collect();
                let note = format!(
                    "{} = {}, but {total} {} is {}: the parts do not add up to the total",
                    terms.join(" + "),
                    added.show(&t.unit),
                    t.surface(),
                    ts.show(&t.unit),
                );
                let mut facts = combo.clone();
                facts.push(t);
                out.push(finding(check, period, facts, note));
            }
        }
    }
}

/// Every choice of one fact per part, at most `MAX_COMBINATIONS`.
fn combinations<'f>(parts: &[Vec<&'f Fact>]) -> Vec<Vec<&'f Fact>> {
    let mut out: Vec<Vec<&Fact>> = vec![Vec::new()];
    for choices in parts {
        let mut next = Vec::new();
        for prefix in &out {
            for f in choices {
                if next.len() == MAX_COMBINATIONS {
                    break;
                }
                let mut c = prefix.clone();
                c.push(*f);
                next.push(c);
            }
        }
        out = next;
    }
    out
}

fn change(check: &Check, index: &Index, metric: &str, out: &mut Vec<Finding>) {
    let stated: Vec<&Fact> = index
        .iter()
        .filter(|((m, _), _)| *m == metric)
        .flat_map(|(_, facts)| facts.iter().copied())
        .filter(|f| f.quantity.kind == Kind::Change)
        .collect();
    for c in stated {
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
        for now in levels(index, metric, Some(period)) {
            for then in levels(index, metric, Some(before)) {
                if !one_source(&[c, then, now]) {
                    continue;
                }
                let Some(implied) = implied_percent(Span::of(then), Span::of(now)) else {
                    continue;
                };
                if !stated.disjoint(implied) {
                    continue;
                }
                let note = format!(
                    "stated: {} ({}); but {} in {before} to {} in {period} is a change of {}",
                    c.surface(),
                    percents(stated),
                    then.surface(),
                    now.surface(),
                    percents(implied),
                );
                out.push(finding(check, Some(period), vec![c, then, now], note));
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

fn percents(s: Span) -> String {
    let end = |d: Option<Decimal>, open: &str| {
        d.map_or_else(
            || open.to_string(),
            |d| format!("{}%", d.round_dp(2).normalize()),
        )
    };
    format!("{} to {}", end(s.lo, "-∞"), end(s.hi, "∞"))
}
