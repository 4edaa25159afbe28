//! Comparing two claims of one key under a metric's tolerance.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::facts::Fact;
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

/// The outcome of one comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub conflict: bool,
    pub difference: Difference,
    /// Why a conflict may not be one ("245 may be 244.8 rounded ...").
    pub note: Option<String>,
}

/// Compares `a` and `b` (facts of one metric and period).
pub fn compare(a: &Fact, b: &Fact, tolerance: Tolerance) -> Comparison {
    let (qa, qb) = (&a.quantity, &b.quantity);
    let rounded = |f: &Fact| f.interval();
    let stated = |f: &Fact| f.stated_interval();
    let conflict = match tolerance {
        Tolerance::Exact => stated(a).gap(&stated(b)).is_some(),
        Tolerance::Rounding => rounded(a).gap(&rounded(b)).is_some(),
        Tolerance::Relative(r) => exceeds(stated(a), stated(b), r * magnitude(a).max(magnitude(b))),
        Tolerance::Absolute(x) => exceeds(stated(a), stated(b), x),
    };
    let difference = difference(a, b);
    let vanishes_when_rounded = conflict && rounded(a).gap(&rounded(b)).is_none();
    let note = match (vanishes_when_rounded, qa.value, qb.value) {
        (true, Some(_), Some(_)) => Some(rounding_note(a, b)),
        (true, _, _) => {
            Some("the two claims overlap once their stated precision is allowed for".into())
        }
        _ => None,
    };
    Comparison {
        conflict,
        difference,
        note,
    }
}

/// Disjoint, and further apart than `allowed`.
fn exceeds(a: Interval, b: Interval, allowed: Decimal) -> bool {
    match a.gap(&b) {
        None => false,
        Some(gap) => gap > allowed || (gap == Decimal::ZERO && allowed == Decimal::ZERO),
    }
}

fn magnitude(f: &Fact) -> Decimal {
    let q = &f.quantity;
    q.value.or(q.range.map(|r| r.1)).unwrap_or_default().abs()
}

fn difference(a: &Fact, b: &Fact) -> Difference {
    if let (Some(va), Some(vb)) = (a.quantity.value, b.quantity.value) {
        let absolute = (va - vb).abs();
        let larger = va.abs().max(vb.abs());
        let relative = (larger > Decimal::ZERO).then(|| {
            (absolute * Decimal::ONE_HUNDRED / larger)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        });
        return Difference { absolute, relative };
    }
    let gap = a.interval().gap(&b.interval());
    Difference {
        absolute: gap.unwrap_or_default(),
        relative: None,
    }
}

/// "245 may be 244.8 rounded to three significant figures": the less precise
/// claim may be the more precise one rounded.
fn rounding_note(a: &Fact, b: &Fact) -> String {
    let (coarse, fine) = if a.quantity.step >= b.quantity.step {
        (a, b)
    } else {
        (b, a)
    };
    let step = coarse.quantity.step;
    // cannot fail: both have values (checked by the caller)
    let (vc, vf) = (
        coarse.quantity.value.unwrap_or_default(),
        fine.quantity.value.unwrap_or_default(),
    );
    let rounds_to = step > Decimal::ZERO && (vf / step).round() * step == vc;
    if !rounds_to {
        return format!(
            "{} and {} overlap once their stated precision is allowed for",
            coarse.quantity.written, fine.quantity.written
        );
    }
    let figures = significant_figures(vc, step);
    format!(
        "{} may be {} rounded to {} significant figure{}",
        coarse.quantity.written,
        fine.quantity.written,
        spell(figures),
        if figures == 1 { "" } else { "s" }
    )
}

fn significant_figures(value: Decimal, step: Decimal) -> usize {
    if step <= Decimal::ZERO {
        return 0;
    }
    let digits = (value.abs() / step).round().normalize().to_string();
    digits.trim_start_matches('0').len().max(1)
}

fn spell(n: usize) -> String {
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::Document;
    use crate::extract::{self, DEFAULT_SLACK};
    use crate::facts::Source;

    /// The first metric figure of `text`, as a fact.
    fn fact(text: &str) -> Fact {
        let doc = Document::from_body("t.md", text, None);
        let q = extract::extract(&doc)
            .into_iter()
            .find(|q| q.kind.is_metric())
            .unwrap();
        Fact {
            metric: "m.x".into(),
            period: None,
            unit: q.unit.to_string(),
            source: Source {
                path: "t.md".into(),
                id: "t".into(),
                published: None,
                record: None,
            },
            line: 1,
            column: 1,
            quote: text.into(),
            quote_line: 1,
            quote_span: (q.start, q.end),
            slack: DEFAULT_SLACK,
            quantity: q,
            conversion: None,
            not_comparable: None,
            attribution: None,
            dimensions: Vec::new(),
            basis: None,
        }
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

    #[test]
    fn differences_and_notes() {
        let c = compare(
            &fact("$245 billion"),
            &fact("US$244.8 billion"),
            Tolerance::Exact,
        );
        assert_eq!(c.difference.absolute, Decimal::from(200_000_000));
        assert_eq!(c.difference.relative, Some(Decimal::new(8, 2)));
        assert_eq!(
            c.note.as_deref(),
            Some("245 may be 244.8 rounded to three significant figures")
        );
        let c = compare(
            &fact("$240 billion"),
            &fact("US$244.8 billion"),
            Tolerance::Exact,
        );
        assert_eq!(
            c.note.as_deref(),
            Some("240 may be 244.8 rounded to two significant figures")
        );
        // a conflict that rounding cannot explain has no note
        let c = compare(
            &fact("$245.0 billion"),
            &fact("$240.0 billion"),
            Tolerance::Exact,
        );
        assert!(c.conflict && c.note.is_none());
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
        assert_eq!(spell(3), "three");
        assert_eq!(spell(12), "12");
    }
}
