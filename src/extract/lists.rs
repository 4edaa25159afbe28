//! Figures in lists, which take what the last of them states.
//!
//! ## What it reads
//! - A scale written once for two figures: "9.13 and 8.9 mbpd,
//!   respectively", "between 4.2 and 4.5 million" (a range is read by the
//!   parser): the first, a plain number, takes the second's scale.
//! - A change named once for several figures: "declines of 114,000 and
//!   76,000 bpd", "fell by 23,000 bpd, 11,000 bpd and 12,000 bpd": the
//!   later ones are changes too, in the same direction.
//!
//! ## Not read
//! Scales shared by more than two figures, and figures joined by anything
//! but "and", "or" or (for changes) a comma.

use rust_decimal::Decimal;

use super::{Found, Kind};

/// Applies the list rules to `found` (figures of `text`, in order); no
/// list runs across `starts`, where paragraphs (and sections of long
/// ones) start.
pub(super) fn share_across_lists(text: &str, found: &mut [Found], starts: &[usize]) {
    for i in 1..found.len() {
        let (head, tail) = found.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &mut tail[0]);
        let k = starts.partition_point(|&s| s < a.quantity.end);
        if starts.get(k).is_some_and(|&s| s < b.lead) {
            continue;
        }
        let between = text.get(a.quantity.end..b.lead).unwrap_or("").trim();
        // "fell by 23,000 bpd, 11,000 bpd and 12,000 bpd": a list of changes
        let linked = between.ends_with(',') || between.ends_with(" and") || between == "and";
        if a.quantity.kind == Kind::Change && linked && between.split_whitespace().count() <= 4 {
            share_change(a, b);
            continue;
        }
        if !matches!(between, "and" | "or") {
            continue;
        }
        share_scale(a, b);
        share_change(a, b);
    }
}

/// "9.13 and 8.9 mbpd": the first takes the scale of the second.
fn share_scale(a: &mut Found, b: &Found) {
    let (qa, qb) = (&mut a.quantity, &b.quantity);
    if qa.kind != Kind::Number || qb.kind != Kind::Number || qa.range.is_some() {
        return;
    }
    let (Some(va), Some(vb)) = (qa.value, qb.value) else {
        return;
    };
    // a's written number is its value: no scale of its own
    if qa.written.replace(',', "").parse::<Decimal>().ok() != Some(va) {
        return;
    }
    let Ok(written_b) = qb.written.replace(',', "").parse::<Decimal>() else {
        return;
    };
    if written_b.is_zero() || vb == written_b {
        return;
    }
    // checked: a tiny written number under a huge value must not overflow
    let Some(factor) = vb.checked_div(written_b) else {
        return;
    };
    // only a power of ten, and only between numbers of one magnitude as
    // written ("9.13 and 8.9"), not a count in its own right ("300 and 2
    // million")
    let Some(ratio) = va.checked_div(written_b) else {
        return;
    };
    let alike = ratio >= Decimal::new(1, 1) && ratio <= Decimal::TEN;
    if !is_power_of_ten(factor) || !alike {
        return;
    }
    let scaled = va.checked_mul(factor).filter(|v| super::limit::within(*v));
    if let (Some(v), Some(s)) = (scaled, qa.step.checked_mul(factor)) {
        qa.value = Some(v);
        qa.step = s;
    }
}

/// "declines of 114,000 and 76,000": a change named once for both.
fn share_change(a: &Found, b: &mut Found) {
    let q = &mut b.quantity;
    let alike = match a.quantity.unit {
        "count" => q.kind == Kind::Number,
        "percent" => q.kind == Kind::Percent,
        _ => false,
    };
    if a.quantity.kind != Kind::Change || !alike {
        return;
    }
    q.kind = Kind::Change;
    q.direction = a.quantity.direction;
}

/// Whether `d` is 10^n for a whole n ≥ 1.
fn is_power_of_ten(d: Decimal) -> bool {
    let mut d = d.normalize();
    if d < Decimal::TEN || !d.fract().is_zero() {
        return false;
    }
    while (d % Decimal::TEN).is_zero() {
        d /= Decimal::TEN;
    }
    d == Decimal::ONE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten() {
        for (d, yes) in [
            (10, true),
            (1_000_000, true),
            (1, false),
            (20, false),
            (1_000_001, false),
        ] {
            assert_eq!(is_power_of_ten(Decimal::from(d)), yes, "{d}");
        }
    }
}
