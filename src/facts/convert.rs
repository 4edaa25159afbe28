//! Figures in another currency than their metric's: converted at the
//! metric's rate for the fact's year, or marked not comparable.

use rust_decimal::Decimal;

use super::Conversion;
use crate::extract::{Kind, Quantity};
use crate::period::Period;
use crate::rules::Metric;

/// A money figure in another currency than the metric's: converted at the
/// metric's rate for the fact's year, or marked not comparable.
pub(super) fn convert(
    q: Quantity,
    metric: &Metric,
    period: Option<Period>,
) -> (Quantity, Option<Conversion>, Option<String>) {
    let Some(want) = metric.unit.as_deref() else {
        return (q, None, None);
    };
    let same = q.unit == want || (want == "USD" && q.unit == "dollar");
    if q.kind != Kind::Money || same {
        return (q, None, None);
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
        return (q, None, Some(why));
    };
    // within the one limit on values (`extract::MAX_VALUE`), as any figure read
    let times = |d: Decimal| {
        d.checked_mul(rate.rate)
            .filter(|v| crate::extract::limit::within(*v))
    };
    let value = q.value.map(times);
    let range = q.range.map(|(a, b)| (times(a), times(b)));
    let step = times(q.step);
    // beyond the limit: never a wrong number, only not comparable
    let overflow = value.is_some_and(|v| v.is_none())
        || range.is_some_and(|(a, b)| a.is_none() || b.is_none())
        || step.is_none();
    if overflow {
        let why = format!(
            "{} at {} {want}/{} is beyond the largest value read (10^24)",
            q.unit, rate.rate, q.unit
        );
        return (q, None, Some(why));
    }
    let conversion = Conversion {
        from: q.unit.to_string(),
        value: q.value,
        rate: rate.rate,
        uncertainty: rate.uncertainty,
    };
    let converted = Quantity {
        value: value.flatten(),
        range: range.and_then(|(a, b)| a.zip(b)),
        step: step.unwrap_or(q.step),
        ..q
    };
    (converted, Some(conversion), None)
}
