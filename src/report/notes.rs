//! Notes in words: what the engine says about a finding (`engine::Note`),
//! as the report, diagnostics and JSON show it.

use rust_decimal::Decimal;

use super::human::amount;
use crate::engine::{Note, Span};
use crate::facts::Fact;

/// `note` as a sentence without a full stop.
pub(crate) fn text(note: &Note) -> String {
    match note {
        Note::Rounding {
            coarse,
            fine,
            figures: Some(n),
        } => format!(
            "{} may be {} rounded to {} significant figure{}",
            coarse.quantity.written,
            fine.quantity.written,
            spell(*n),
            if *n == 1 { "" } else { "s" }
        ),
        Note::Rounding { coarse, fine, .. } => format!(
            "{} and {} overlap once their stated precision is allowed for",
            coarse.quantity.written, fine.quantity.written
        ),
        Note::Overlap => "the claims overlap once their stated precision is allowed for".into(),
        Note::Attributed {
            dimension: None,
            sources,
        } => format!("attributed to {}", and(sources)),
        Note::Attributed {
            dimension: Some(d),
            sources,
        } => format!("{d}: {}", and(sources)),
        Note::MayDiffer { sources } => format!(
            "attributed to {}, which this rule says may differ",
            and(sources)
        ),
        Note::Converted(f) => converted(f),
        Note::StoryDated(f) => format!(
            "{} is dated by its story: its paragraph states no period",
            f.quantity.written
        ),
        Note::ClaimVsData { claim, data } => format!(
            "claim vs data: {} as claimed, {} in the data",
            claim.surface(),
            data.surface()
        ),
        Note::PartExceedsWhole {
            part,
            part_span,
            whole,
            whole_span,
        } => format!(
            "{} {} is {} and {} {} is {}: the part exceeds its whole",
            part.metric,
            part.surface(),
            show(*part_span, &part.unit),
            whole.metric,
            whole.surface(),
            show(*whole_span, &whole.unit),
        ),
        Note::SumMismatch {
            parts,
            added,
            total,
            total_span,
        } => {
            let terms: Vec<String> = parts
                .iter()
                .map(|(f, s)| format!("{} {}", f.surface(), show(*s, &f.unit)))
                .collect();
            format!(
                "{} = {}, but {} {} is {}: the parts do not add up to the total",
                terms.join(" + "),
                show(*added, &total.unit),
                total.metric,
                total.surface(),
                show(*total_span, &total.unit),
            )
        }
        Note::ChangeMismatch {
            stated,
            stated_percent,
            then,
            then_period,
            now,
            now_period,
            implied_percent,
        } => format!(
            "stated: {} ({}); but {} in {then_period} to {} in {now_period} is a change of {}",
            stated.surface(),
            percents(*stated_percent),
            then.surface(),
            now.surface(),
            percents(*implied_percent),
        ),
        Note::Untried { tried, total } => format!(
            "{tried} of {total} combinations of distinct values were tried; violations among the others are not reported"
        ),
        Note::Brought {
            sources,
            known: 0,
            ..
        } => format!("new sources: {}", sources.join(", ")),
        Note::Brought {
            sources,
            known,
            check,
        } => format!(
            "{} {} {known} source{} already in the corpus",
            sources.join(" and "),
            if *check { "breaks a check with" } else { "conflicts with" },
            if *known == 1 { "" } else { "s" }
        ),
        Note::NewReadings { readings } => {
            let numbers: Vec<String> = readings.iter().map(|r| (r + 1).to_string()).collect();
            format!(
                "reading{} {} {} not in the baseline",
                if readings.len() == 1 { "" } else { "s" },
                and(&numbers),
                if readings.len() == 1 { "is" } else { "are" }
            )
        }
    }
}

/// "a", "a and b", "a, b and c".
fn and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// How a converted figure was converted: "1.5 trillion yuan is 1.5 tn CNY ×
/// 0.14 USD/CNY (±2%) = 210 bn USD".
fn converted(f: &Fact) -> String {
    let (Some(c), Some(to)) = (f.conversion(), f.quantity.value) else {
        return String::new();
    };
    let Some(from) = c.value else {
        return String::new();
    };
    let pm = if c.uncertainty.is_zero() {
        String::new()
    } else {
        let pct = c.uncertainty * Decimal::ONE_HUNDRED;
        format!(" (±{}%)", pct.normalize())
    };
    format!(
        "{} is {} × {} {}/{}{pm} = {}",
        f.surface(),
        amount(from, &c.from),
        c.rate.normalize(),
        f.unit,
        c.from,
        amount(to, &f.unit),
    )
}

/// "[1.2 bn USD, ∞]".
fn show(s: Span, unit: &str) -> String {
    let end =
        |d: Option<Decimal>, open: &str| d.map_or_else(|| open.to_string(), |d| amount(d, unit));
    format!("[{}, {}]", end(s.lo, "-∞"), end(s.hi, "∞"))
}

/// "-9.5% to -8.5%".
fn percents(s: Span) -> String {
    let end = |d: Option<Decimal>, open: &str| {
        d.map_or_else(
            || open.to_string(),
            |d| format!("{}%", d.round_dp(2).normalize()),
        )
    };
    format!("{} to {}", end(s.lo, "-∞"), end(s.hi, "∞"))
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

    #[test]
    fn lists_and_numbers_in_words() {
        assert_eq!(spell(3), "three");
        assert_eq!(spell(12), "12");
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(and(&s(&["a"])), "a");
        assert_eq!(and(&s(&["a", "b", "c"])), "a, b and c");
        assert_eq!(
            text(&Note::NewReadings { readings: vec![1] }),
            "reading 2 is not in the baseline"
        );
    }
}
