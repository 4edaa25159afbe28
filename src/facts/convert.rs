//! Figures in another currency than their metric's: converted at the
//! metric's rate for the fact's year, or marked not comparable.

use rust_decimal::Decimal;

use super::Conversion;
use crate::extract::Qualifier;
use crate::extract::{Kind, Quantity};
use crate::period::Period;
use crate::rules::{Metric, MetricKind};

/// A money figure in another currency than the metric's: converted at the
/// metric's rate for the fact's year, or marked not comparable.
pub(super) fn convert(
    q: Quantity,
    metric: &Metric,
    period: Option<Period>,
) -> (Quantity, Option<Conversion>, Option<String>) {
    if metric.kind == MetricKind::Percent && q.kind == Kind::Number && q.unit == "fraction" {
        return (in_percent(q), None, None);
    }
    let Some(want) = metric.unit.as_deref() else {
        return (q, None, None);
    };
    let same = crate::rules::in_currency(q.unit, want);
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
    let range = q.range().map(|(a, b)| (times(a), times(b)));
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
        range: range.and_then(|(a, b)| a.zip(b)).map(Box::new),
        step: step.unwrap_or(q.step),
        ..q
    };
    (converted, Some(conversion), None)
}

/// A fraction in words ("a fifth") as the percentage a share metric counts
/// in: a rounded statement, so about the value (20%, give or take the
/// metric's slack), unless the text qualified it otherwise.
fn in_percent(q: Quantity) -> Quantity {
    let hundred = Decimal::ONE_HUNDRED;
    // a fraction is below one: a hundred times it cannot overflow
    let times = |d: Decimal| d.checked_mul(hundred).unwrap_or(d);
    Quantity {
        value: q.value.map(times),
        range: q.range().map(|(a, b)| Box::new((times(a), times(b)))),
        step: times(q.step),
        unit: "percent",
        qualifier: match q.qualifier {
            Qualifier::Exact => Qualifier::About,
            other => other,
        },
        ..q
    }
}

#[cfg(test)]
mod tests {
    use crate::documents::Document;

    /// The facts of `text` under one percent share metric: (value, interval).
    fn shares(text: &str) -> Vec<(String, String)> {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(
            dir.path().join("share.yaml"),
            r#"metrics:
  - id: share.imports.x
    description: X's share of imports
    kind: percent
    match:
      all: ['\bimports\b']
"#,
        )
        .expect("a rule file");
        let rules = crate::rules::load(&[dir.path().to_path_buf()]).expect("valid rules");
        let doc = Document::from_body("t.md", text, None);
        crate::facts::claim(&doc, &crate::extract::extract(&doc), &rules)
            .iter()
            .map(|f| {
                let i = f.interval();
                let end = |b: Option<crate::interval::Bound>| {
                    b.map_or("-".to_string(), |b| b.value.normalize().to_string())
                };
                (
                    f.quantity
                        .value
                        .map_or("-".to_string(), |v| v.normalize().to_string()),
                    format!("{} {}", end(i.lo), end(i.hi)),
                )
            })
            .collect()
    }

    #[test]
    fn a_fraction_in_words_is_a_share_in_percent_about_its_value() {
        assert_eq!(
            shares("Norway supplies a fifth of the union's imports."),
            [("20".to_string(), "19 21".to_string())]
        );
        assert_eq!(
            shares("Norway supplies 21.3% of the union's imports."),
            [("21.3".to_string(), "21.25 21.35".to_string())]
        );
        // a fraction is no count, and a count no share
        assert!(shares("Norway sent 300 ships of imports.").is_empty());
    }
}
