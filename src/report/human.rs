//! Numbers for people: thousands separators, scale words, intervals in the
//! scale of their figures ("[244.75, 244.85] bn USD").

use rust_decimal::Decimal;

use crate::engine::Finding;
use crate::interval::Interval;

const SCALES: &[(u32, &str)] = &[(12, "tn"), (9, "bn"), (6, "mn")];

/// "1 source", "5 sources".
pub(crate) fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// "244,800,000,000".
pub(crate) fn grouped(d: Decimal) -> String {
    let s = d.normalize().to_string();
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// The scale word and divisor for a magnitude, if it is a million or more.
fn scale_for(m: Decimal) -> Option<(Decimal, &'static str)> {
    SCALES.iter().find_map(|(e, word)| {
        let div = crate::extract::power_of_ten(*e);
        (m >= div).then_some((div, *word))
    })
}

/// Whether amounts of `unit` are shown with a scale word, as money is
/// ("244.8 bn USD"); counts and ranks are written out in full ("1,870,000
/// count", never "1.87 mn count").
fn scaled(unit: &str) -> bool {
    !matches!(unit, "count" | "rank")
}

/// "244.8 bn USD", "223,000 count".
pub(crate) fn amount(d: Decimal, unit: &str) -> String {
    match scale_for(d.abs()).filter(|_| scaled(unit)) {
        Some((div, word)) => format!("{} {word} {unit}", grouped(d / div)),
        None => format!("{} {unit}", grouped(d)),
    }
}

/// "[244.75, 244.85] bn USD", "(1, ∞) mn count".
pub(crate) fn interval(i: Interval, unit: &str) -> String {
    let magnitude = [i.lo, i.hi]
        .iter()
        .flatten()
        .map(|b| b.value.abs())
        .max()
        .unwrap_or_default();
    let (div, word) = scale_for(magnitude)
        .filter(|_| scaled(unit))
        .map_or((Decimal::ONE, String::new()), |(d, w)| (d, format!(" {w}")));
    let lo = match i.lo {
        Some(b) => format!(
            "{}{}",
            if b.inclusive { "[" } else { "(" },
            grouped(b.value / div)
        ),
        None => "(-∞".to_string(),
    };
    let hi = match i.hi {
        Some(b) => format!(
            "{}{}",
            grouped(b.value / div),
            if b.inclusive { "]" } else { ")" }
        ),
        None => "∞)".to_string(),
    };
    format!("{lo}, {hi}{word} {unit}")
}

/// A figure as written, with the words that qualify it ("more than
/// US$200 billion").
pub(crate) fn as_written(f: &crate::facts::Fact) -> String {
    match &f.quantity.qualifier_text {
        Some(w) => format!("{w} {}", f.surface()),
        None => f.surface().to_string(),
    }
}

/// A finding's headline: "trade.x, 2024: $245 billion vs US$244.8 billion",
/// each reading's lead with its number of sources when more than one.
pub(crate) fn finding_title(f: &Finding) -> String {
    let period = f
        .period
        .map_or_else(|| "any period".to_string(), |p| p.to_string());
    let claims: Vec<String> = if f.readings.is_empty() {
        let mut claims: Vec<String> = f.leads().iter().map(|x| x.surface().to_string()).collect();
        if f.combinations.len() > 1 {
            let more = f.combinations.len() - 1;
            let last = claims.pop().unwrap_or_default();
            claims.push(format!(
                "{last} (and {more} more combination{})",
                if more == 1 { "" } else { "s" }
            ));
        }
        claims
    } else {
        f.readings
            .iter()
            .map(|r| match r.sources() {
                1 => r.lead.surface().to_string(),
                n => format!("{} ({n} sources)", r.lead.surface()),
            })
            .collect()
    };
    format!("{}, {period}: {}", f.metric, claims.join(" vs "))
}

/// A finding's difference: "200 mn USD (0.08%)" between its two readings;
/// with more, each reading's from the first ("reading 2: 200 mn USD
/// (0.08%); reading 3: 5 bn USD (2.04%)").
pub(crate) fn finding_difference(f: &Finding) -> Option<String> {
    let unit = f.readings.first().map_or("", |r| &*r.lead.unit);
    let one = |d: crate::engine::Difference| {
        let relative = d
            .relative
            .map_or_else(String::new, |r| format!(" ({}%)", r.normalize()));
        format!("{}{relative}", amount(d.absolute, unit))
    };
    if f.readings.len() <= 2 {
        return f.difference().map(one);
    }
    let each: Vec<String> = f
        .readings
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            r.difference
                .map(|d| format!("reading {}: {}", i + 1, one(d)))
        })
        .collect();
    (!each.is_empty()).then(|| each.join("; "))
}

/// Facts a table or diagnostic shows of each reading (with quotes); JSON
/// lists them all.
pub(crate) const SHOWN_PER_READING: usize = 3;

/// Combinations of a violation a table or diagnostic shows.
pub(crate) const SHOWN_COMBINATIONS: usize = 5;

/// The facts to show of a finding, each with what it belongs to ("reading
/// 2"; empty for the one reading of an agreement), and a line for each
/// reading or the combinations with more than are shown ("… and 12 more
/// sources").
pub(crate) fn shown<'f>(f: &Finding<'f>) -> Vec<Shown<'f>> {
    let mut out = Vec::new();
    let several = f.readings.len() > 1;
    for (i, r) in f.readings.iter().enumerate() {
        let label = if several {
            format!("reading {}", i + 1)
        } else {
            String::new()
        };
        for fact in r.facts.iter().take(SHOWN_PER_READING) {
            out.push(Shown::Fact(label.clone(), fact));
        }
        let more = r.facts.len().saturating_sub(SHOWN_PER_READING);
        if more > 0 {
            out.push(Shown::More(label, more, "claim"));
        }
    }
    for (i, c) in f.combinations.iter().take(SHOWN_COMBINATIONS).enumerate() {
        let label = if f.combinations.len() > 1 {
            format!("combination {}", i + 1)
        } else {
            String::new()
        };
        for fact in &c.facts {
            out.push(Shown::Fact(label.clone(), fact));
        }
    }
    let more = f.combinations.len().saturating_sub(SHOWN_COMBINATIONS);
    if more > 0 {
        out.push(Shown::More(String::new(), more, "combination"));
    }
    out
}

/// The facts of `shown`, without the "… and N more" rows.
pub(crate) fn shown_facts<'f>(f: &Finding<'f>) -> Vec<(String, &'f crate::facts::Fact)> {
    shown(f)
        .into_iter()
        .filter_map(|r| match r {
            Shown::Fact(of, x) => Some((of, x)),
            Shown::More(..) => None,
        })
        .collect()
}

/// A row of `shown`.
pub(crate) enum Shown<'f> {
    Fact(String, &'f crate::facts::Fact),
    /// What it belongs to, how many more, of what.
    More(String, usize, &'static str),
}

/// "… and 12 more claims".
pub(crate) fn more(n: usize, what: &str) -> String {
    format!("… and {n} more {what}{}", if n == 1 { "" } else { "s" })
}

/// The finding's notes in words, and each combination's, joined by "; ".
pub(crate) fn finding_notes(f: &Finding) -> Option<String> {
    let notes: Vec<String> = f
        .notes
        .iter()
        .chain(f.combinations.iter().map(|c| &c.note))
        .map(super::notes::text)
        .filter(|t| !t.is_empty())
        .collect();
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// One line for a finding, for formats with room for a sentence (SARIF,
/// GitHub annotations): "conflict in trade.x, 2024: $245 billion vs
/// US$244.8 billion (difference 200 mn USD (0.08%); note)".
pub(crate) fn finding_summary(f: &Finding) -> String {
    let extra: Vec<String> = finding_difference(f)
        .map(|d| format!("difference {d}"))
        .into_iter()
        .chain(finding_notes(f))
        .collect();
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!(" ({})", extra.join("; "))
    };
    format!("{} in {}{extra}", f.class, finding_title(f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(grouped(d("244800000000")), "244,800,000,000");
        assert_eq!(grouped(d("-1234.50")), "-1,234.5");
        assert_eq!(amount(d("244800000000"), "USD"), "244.8 bn USD");
        assert_eq!(amount(d("223000"), "count"), "223,000 count");
        let i = Interval::closed(d("244750000000"), d("244850000000"));
        assert_eq!(interval(i, "USD"), "[244.75, 244.85] bn USD");
    }

    #[test]
    fn counts_and_ranks_are_written_out_never_scaled() {
        assert_eq!(amount(d("1870000"), "count"), "1,870,000 count");
        let i = Interval::closed(d("1776500"), d("1963500"));
        assert_eq!(interval(i, "count"), "[1,776,500, 1,963,500] count");
        assert_eq!(amount(d("1870000"), "EUR"), "1.87 mn EUR");
        assert_eq!(count(1, "source"), "1 source");
        assert_eq!(count(0, "source"), "0 sources");
    }
}
