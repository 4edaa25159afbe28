//! Intervals of true values: what a claim is consistent with (DESIGN, "Claims
//! are intervals"). Bounds are `Decimal`s, open or closed, or absent.

use std::fmt;

use rust_decimal::Decimal;

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub value: Decimal,
    pub inclusive: bool,
}

impl Bound {
    pub fn closed(value: Decimal) -> Self {
        Bound {
            value,
            inclusive: true,
        }
    }

    pub fn open(value: Decimal) -> Self {
        Bound {
            value,
            inclusive: false,
        }
    }
}

/// `lo` and `hi`; `None` is unbounded on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Option<Bound>,
    pub hi: Option<Bound>,
}

impl Interval {
    pub fn point(v: Decimal) -> Self {
        Interval::closed(v, v)
    }

    pub fn closed(lo: Decimal, hi: Decimal) -> Self {
        Interval {
            lo: Some(Bound::closed(lo)),
            hi: Some(Bound::closed(hi)),
        }
    }

    pub fn contains(&self, v: Decimal) -> bool {
        let above = self
            .lo
            .is_none_or(|b| v > b.value || (b.inclusive && v == b.value));
        let below = self
            .hi
            .is_none_or(|b| v < b.value || (b.inclusive && v == b.value));
        above && below
    }

    /// Widens both ends by `by` (a closed widening: open ends stay open).
    pub fn widen(self, by: Decimal) -> Self {
        Interval {
            lo: self.lo.map(|b| Bound {
                value: b.value - by,
                ..b
            }),
            hi: self.hi.map(|b| Bound {
                value: b.value + by,
                ..b
            }),
        }
    }

    /// The gap between two disjoint intervals, `None` when they share a value.
    /// Touching ends where one is open are disjoint with a gap of zero.
    pub fn gap(&self, other: &Interval) -> Option<Decimal> {
        if let Some(g) = gap_below(self.hi, other.lo) {
            return Some(g);
        }
        gap_below(other.hi, self.lo)
    }
}

impl Interval {
    /// The values both intervals hold, `None` when they share none.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        if self.gap(other).is_some() {
            return None;
        }
        Some(Interval {
            lo: higher_lo(self.lo, other.lo),
            hi: lower_hi(self.hi, other.hi),
        })
    }

    /// The interval of the negated values: [1, 2) becomes (-2, -1].
    pub fn negated(&self) -> Interval {
        let neg = |b: Bound| Bound {
            value: -b.value,
            ..b
        };
        Interval {
            lo: self.hi.map(neg),
            hi: self.lo.map(neg),
        }
    }

    /// Orders intervals by their lower end (unbounded first, a closed end
    /// before an open one at the same value), then by their upper end
    /// (unbounded last).
    pub fn cmp_by_lo(&self, other: &Interval) -> std::cmp::Ordering {
        let lo = |b: Option<Bound>| b.map(|b| (b.value, !b.inclusive));
        lo(self.lo)
            .cmp(&lo(other.lo))
            .then_with(|| self.cmp_hi(other))
    }

    /// Orders intervals by their upper end: unbounded last, an open end
    /// before a closed one at the same value.
    pub fn cmp_hi(&self, other: &Interval) -> std::cmp::Ordering {
        let hi = |b: Option<Bound>| match b {
            None => (1, Decimal::ZERO, false),
            Some(b) => (0, b.value, b.inclusive),
        };
        hi(self.hi).cmp(&hi(other.hi))
    }
}

/// The higher of two lower ends (an open end is higher at the same value).
fn higher_lo(a: Option<Bound>, b: Option<Bound>) -> Option<Bound> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(x), Some(y)) => Some(match x.value.cmp(&y.value) {
            std::cmp::Ordering::Greater => x,
            std::cmp::Ordering::Less => y,
            std::cmp::Ordering::Equal => Bound {
                inclusive: x.inclusive && y.inclusive,
                ..x
            },
        }),
    }
}

/// The lower of two upper ends (an open end is lower at the same value).
fn lower_hi(a: Option<Bound>, b: Option<Bound>) -> Option<Bound> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(x), Some(y)) => Some(match x.value.cmp(&y.value) {
            std::cmp::Ordering::Less => x,
            std::cmp::Ordering::Greater => y,
            std::cmp::Ordering::Equal => Bound {
                inclusive: x.inclusive && y.inclusive,
                ..x
            },
        }),
    }
}

/// Gap when an interval ending at `hi` lies wholly below one starting at `lo`.
fn gap_below(hi: Option<Bound>, lo: Option<Bound>) -> Option<Decimal> {
    let (hi, lo) = (hi?, lo?);
    if hi.value < lo.value || (hi.value == lo.value && !(hi.inclusive && lo.inclusive)) {
        Some(lo.value - hi.value)
    } else {
        None
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lo {
            Some(b) => write!(
                f,
                "{}{}",
                if b.inclusive { "[" } else { "(" },
                b.value.normalize()
            )?,
            None => write!(f, "(-∞")?,
        }
        match self.hi {
            Some(b) => write!(
                f,
                ", {}{}",
                b.value.normalize(),
                if b.inclusive { "]" } else { ")" }
            ),
            None => write!(f, ", ∞)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn gaps_between_intervals() {
        let a = Interval::closed(d("244.75"), d("244.85"));
        let b = Interval::closed(d("244.5"), d("245.5"));
        assert_eq!(a.gap(&b), None);
        assert_eq!(
            Interval::point(d("245")).gap(&Interval::point(d("244.8"))),
            Some(d("0.2"))
        );
        let above = Interval {
            lo: Some(Bound::open(d("100"))),
            hi: None,
        };
        assert_eq!(above.gap(&Interval::point(d("100"))), Some(d("0")));
        assert_eq!(above.gap(&Interval::point(d("90"))), Some(d("10")));
        assert_eq!(above.gap(&Interval::point(d("101"))), None);
    }

    #[test]
    fn intersections_negations_and_order() {
        let a = Interval::closed(d("1"), d("3"));
        let b = Interval {
            lo: Some(Bound::open(d("2"))),
            hi: None,
        };
        assert_eq!(
            a.intersect(&b).map(|i| i.to_string()).as_deref(),
            Some("(2, 3]")
        );
        assert_eq!(a.intersect(&Interval::point(d("4"))), None);
        assert_eq!(b.negated().to_string(), "(-∞, -2)");
        assert_eq!(a.cmp_by_lo(&b), std::cmp::Ordering::Less);
        let from_two = Interval::closed(d("2"), d("9"));
        assert_eq!(from_two.cmp_by_lo(&b), std::cmp::Ordering::Less);
        let below = Interval {
            lo: None,
            hi: Some(Bound::closed(d("0"))),
        };
        assert_eq!(below.cmp_by_lo(&a), std::cmp::Ordering::Less);
    }

    #[test]
    fn contains_and_display() {
        let i = Interval {
            lo: Some(Bound::closed(d("0"))),
            hi: Some(Bound::open(d("300"))),
        };
        assert!(i.contains(d("0")) && i.contains(d("299.9")) && !i.contains(d("300")));
        assert_eq!(i.to_string(), "[0, 300)");
        let up = Interval {
            lo: Some(Bound::open(d("1000000"))),
            hi: None,
        };
        assert_eq!(up.to_string(), "(1000000, ∞)");
        assert_eq!(
            Interval::point(d("2")).widen(d("0.5")).to_string(),
            "[1.5, 2.5]"
        );
    }
}
