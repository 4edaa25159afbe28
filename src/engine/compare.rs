//! Comparing two claims of one key under a metric's tolerance.

use rust_decimal::{Decimal, RoundingStrategy};

use super::Note;
use crate::facts::{Fact, FactId};
use crate::interval::Interval;
use crate::rules::Tolerance;

/// How far apart two claims are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    /// In base units: between the stated values, or the gap between the
    /// intervals when a claim is a bound or a range.
    pub absolute: Decimal,
    /// `absolute` as a percentage of the larger value, when both have one.
    pub relative: Option<Decimal>,
}

/// A fact as the engine compares it: the interval its tolerance compares,
/// signed when it is a fall of a change metric ("fell 12%" is −12, so that
/// it conflicts with "rose 12%"). Small: a corpus's claims are all held at
/// once while they are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim<'f> {
    pub fact: &'f Fact,
    /// The fact's number among the corpus's facts.
    pub id: FactId,
    /// Where the fact is in source order: its article's place in the
    /// corpus (path, then record), then its place in the text. Compared
    /// instead of the paths, which is most of the cost of sorting.
    pub at: (u32, u32),
    /// With the rounding of the stated precision for the `rounding`
    /// tolerance, without it for the others.
    pub interval: Interval,
    negated: bool,
}

impl<'f> Claim<'f> {
    /// `fact` (number `id`) under `tolerance`, negated when `negate`, the
    /// `article`-th of the corpus in source order.
    pub fn new(
        (id, fact): (FactId, &'f Fact),
        negate: bool,
        tolerance: Tolerance,
        article: u32,
    ) -> Claim<'f> {
        let interval = match tolerance {
            Tolerance::Rounding => fact.interval(),
            _ => fact.stated_interval(),
        };
        Claim {
            fact,
            id,
            // a place past 4 GiB in one article sorts with the last
            at: (
                article,
                u32::try_from(fact.quantity.start).unwrap_or(u32::MAX),
            ),
            interval: if negate { interval.negated() } else { interval },
            negated: negate,
        }
    }

    /// The same claim of `fact`, a copy of its fact kept elsewhere.
    pub(super) fn of<'g>(&self, fact: &'g Fact) -> Claim<'g> {
        Claim {
            fact,
            id: self.id,
            at: self.at,
            interval: self.interval,
            negated: self.negated,
        }
    }

    /// The interval with the rounding of the stated precision.
    pub fn rounded(&self) -> Interval {
        let i = self.fact.interval();
        if self.negated {
            i.negated()
        } else {
            i
        }
    }

    /// The stated value, signed.
    pub fn value(&self) -> Option<Decimal> {
        let v = self.fact.quantity.value;
        if self.negated {
            v.map(|v| -v)
        } else {
            v
        }
    }

    fn magnitude(&self) -> Decimal {
        let q = &self.fact.quantity;
        q.value.or(q.range().map(|r| r.1)).unwrap_or_default().abs()
    }
}

/// The outcome of one comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison<'f> {
    pub conflict: bool,
    pub difference: Difference,
    /// Why a conflict may not be one ("245 may be 244.8 rounded ...").
    pub note: Option<Note<'f>>,
}

/// Compares `a` and `b` (facts of one metric and period), as they are.
pub fn compare<'f>(a: &'f Fact, b: &'f Fact, tolerance: Tolerance) -> Comparison<'f> {
    compare_claims(
        &Claim::new((0, a), false, tolerance, 0),
        &Claim::new((1, b), false, tolerance, 1),
        tolerance,
    )
}

/// Compares two claims of one key.
pub(super) fn compare_claims<'f>(
    a: &Claim<'f>,
    b: &Claim<'f>,
    tolerance: Tolerance,
) -> Comparison<'f> {
    let conflict = disagree(a, b, tolerance);
    let vanishes_when_rounded = conflict && a.rounded().gap(&b.rounded()).is_none();
    let note = match (vanishes_when_rounded, a.value(), b.value()) {
        (true, Some(_), Some(_)) => Some(rounding_note(a, b)),
        (true, _, _) => Some(Note::Overlap),
        _ => None,
    };
    Comparison {
        conflict,
        difference: difference(a, b),
        note,
    }
}

/// Whether two claims of one key conflict under `tolerance`.
pub(super) fn disagree(a: &Claim, b: &Claim, tolerance: Tolerance) -> bool {
    match tolerance {
        Tolerance::Exact | Tolerance::Rounding => a.interval.gap(&b.interval).is_some(),
        Tolerance::Relative(r) => {
            // cannot overflow while values are within `extract::MAX_VALUE`
            // and `r` under 1 (the rules' check); were it to, no gap is
            // beyond it
            let allowed = r
                .checked_mul(a.magnitude().max(b.magnitude()))
                .unwrap_or(Decimal::MAX);
            exceeds(a.interval, b.interval, allowed)
        }
        Tolerance::Absolute(x) => exceeds(a.interval, b.interval, x),
    }
}

/// Disjoint, and further apart than `allowed`.
fn exceeds(a: Interval, b: Interval, allowed: Decimal) -> bool {
    match a.gap(&b) {
        None => false,
        Some(gap) => gap > allowed || (gap == Decimal::ZERO && allowed == Decimal::ZERO),
    }
}

/// How far apart two claims are.
pub(super) fn difference(a: &Claim, b: &Claim) -> Difference {
    if let (Some(va), Some(vb)) = (a.value(), b.value()) {
        // checked, though values within `extract::MAX_VALUE` cannot
        // overflow: a difference that cannot be computed is shown as none
        let absolute = va.checked_sub(vb).map(|d| d.abs()).unwrap_or_default();
        let larger = va.abs().max(vb.abs());
        let relative = (larger > Decimal::ZERO)
            .then(|| {
                absolute
                    .checked_mul(Decimal::ONE_HUNDRED)?
                    .checked_div(larger)
            })
            .flatten()
            .map(|r| r.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero));
        return Difference { absolute, relative };
    }
    let gap = a.rounded().gap(&b.rounded());
    Difference {
        absolute: gap.unwrap_or_default(),
        relative: None,
    }
}

/// "245 may be 244.8 rounded to three significant figures": the less precise
/// claim may be the more precise one rounded.
fn rounding_note<'f>(a: &Claim<'f>, b: &Claim<'f>) -> Note<'f> {
    let (coarse, fine) = if a.fact.quantity.step >= b.fact.quantity.step {
        (a, b)
    } else {
        (b, a)
    };
    let step = coarse.fact.quantity.step;
    // cannot fail: both have values (checked by the caller)
    let (vc, vf) = (
        coarse.value().unwrap_or_default(),
        fine.value().unwrap_or_default(),
    );
    let rounds_to = step > Decimal::ZERO
        && vf
            .checked_div(step)
            .and_then(|n| n.round().checked_mul(step))
            .is_some_and(|r| r == vc);
    Note::Rounding {
        coarse: coarse.fact,
        fine: fine.fact,
        figures: rounds_to.then(|| significant_figures(vc, step)),
    }
}

fn significant_figures(value: Decimal, step: Decimal) -> usize {
    if step <= Decimal::ZERO {
        return 0;
    }
    let Some(steps) = value.abs().checked_div(step) else {
        return 0;
    };
    let digits = steps.round().normalize().to_string();
    digits.trim_start_matches('0').len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first metric figure of `text`, as a fact.
    fn fact(text: &str) -> Fact {
        crate::facts::test_fact("t.md", text)
    }

    fn conflict(a: &str, b: &str, t: Tolerance) -> bool {
        compare(&fact(a), &fact(b), t).conflict
    }

    #[test]
    fn tolerances_decide_conflicts() {
        let pct = |p: i64| Tolerance::Relative(Decimal::new(p, 2));
        let cases = [
            ("$245 billion", "US$244.8 billion", Tolerance::Exact, true),
            (
                "$245 billion",
                "US$244.8 billion",
                Tolerance::Rounding,
                false,
            ),
            ("$245 billion", "$245 billion", Tolerance::Exact, false),
            ("$245 billion", "$240 billion", Tolerance::Rounding, false), // 240 is [235, 245]
            (
                "$245.0 billion",
                "$240.0 billion",
                Tolerance::Rounding,
                true,
            ),
            ("$245 billion", "$240 billion", pct(1), true),
            ("$245 billion", "$243 billion", pct(1), false),
            (
                "$245 billion",
                "$240 billion",
                Tolerance::Absolute(Decimal::from(5_000_000_000u64)),
                false,
            ),
            (
                "about $218 billion",
                "$225 billion",
                Tolerance::Exact,
                false,
            ),
            ("about $218 billion", "$230 billion", Tolerance::Exact, true),
            (
                "more than $200 billion",
                "$244.8 billion",
                Tolerance::Exact,
                false,
            ),
            (
                "more than $200 billion",
                "$200 billion",
                Tolerance::Exact,
                true,
            ),
            (
                "nearly 15 documents",
                "16 documents",
                Tolerance::Rounding,
                true,
            ),
            (
                "between 200 and 250 people",
                "249 people",
                Tolerance::Exact,
                false,
            ),
        ];
        for (a, b, t, expected) in cases {
            assert_eq!(conflict(a, b, t), expected, "{a} vs {b} under {t:?}");
            assert_eq!(conflict(b, a, t), expected, "{b} vs {a} under {t:?}");
        }
    }

    /// The note of comparing `a` and `b` exactly, in words, and whether
    /// they conflict.
    fn note(a: &str, b: &str) -> (bool, Option<String>) {
        let (a, b) = (fact(a), fact(b));
        let c = compare(&a, &b, Tolerance::Exact);
        (c.conflict, c.note.as_ref().map(crate::report::notes::text))
    }

    #[test]
    fn differences_and_notes() {
        let (a, b) = (fact("$245 billion"), fact("US$244.8 billion"));
        let c = compare(&a, &b, Tolerance::Exact);
        assert_eq!(c.difference.absolute, Decimal::from(200_000_000));
        assert_eq!(c.difference.relative, Some(Decimal::new(8, 2)));
        assert_eq!(
            note("$245 billion", "US$244.8 billion").1.as_deref(),
            Some("245 may be 244.8 rounded to three significant figures")
        );
        assert_eq!(
            note("$240 billion", "US$244.8 billion").1.as_deref(),
            Some("240 may be 244.8 rounded to two significant figures")
        );
        // a conflict that rounding cannot explain has no note
        assert_eq!(note("$245.0 billion", "$240.0 billion"), (true, None));
    }

    #[test]
    fn counts_significant_figures() {
        assert_eq!(
            significant_figures(
                Decimal::from(245_000_000_000u64),
                Decimal::from(1_000_000_000)
            ),
            3
        );
        assert_eq!(
            significant_figures(Decimal::from(223_000), Decimal::from(1000)),
            3
        );
        assert_eq!(
            significant_figures(Decimal::from(1_000_000), Decimal::from(1_000_000)),
            1
        );
    }
}
