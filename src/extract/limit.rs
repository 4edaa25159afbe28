//! The one limit on values: every value, bound and precision step the
//! extractor gives is at most `MAX_VALUE` (10^24) in magnitude. A figure
//! whose value cannot be represented within it (too many digits, "1e40",
//! "1e-400", "6700000000000000000000000000 dozen") is `unparsed`, never a
//! wrong number; and arithmetic on values (differences, percentages,
//! conversions) stays far from `Decimal`'s own limit (about 7.9 × 10^28).

use rust_decimal::Decimal;

use super::{Kind, Quantity, MAX_VALUE};

/// Whether `d` is within the limit.
pub(crate) fn within(d: Decimal) -> bool {
    d.abs() <= MAX_VALUE
}

/// Whether every value of `q` (value, range, step) is within the limit.
pub(crate) fn holds(q: &Quantity) -> bool {
    let ends = q
        .range()
        .map_or([None, None], |(lo, hi)| [Some(lo), Some(hi)]);
    [q.value, Some(q.step)]
        .into_iter()
        .chain(ends)
        .flatten()
        .all(within)
}

/// `q` as read, or unparsed when a value is beyond the limit.
pub(crate) fn enforce(q: &mut Quantity) {
    if holds(q) {
        return;
    }
    q.kind = Kind::Unparsed;
    q.unit = "unparsed";
    q.value = None;
    q.range = None;
    q.step = Decimal::ZERO;
    q.direction = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_ten_to_the_24th_either_side() {
        assert!(within(MAX_VALUE));
        assert!(within(-MAX_VALUE));
        assert!(!within(MAX_VALUE + Decimal::ONE));
        assert!(!within(Decimal::MIN));
    }
}
