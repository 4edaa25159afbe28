//! Vague magnitudes: "tens of billions of dollars", "hundreds of thousands of
//! people", "dozens of ships", "thousands of", "millions of".
//!
//! ## What it extracts
//! A wide range, approximate: "tens of billions" is [10 billion, 100
//! billion), "hundreds of thousands" [100,000, 1,000,000), "dozens"
//! [24, 144), "thousands" [1,000, 10,000), "millions" [1 million, 1
//! billion). Money when a currency follows ("of dollars", "of yuan").
//!
//! ## Not extracted
//! "several", "many", "a few": no order of magnitude is stated.

use rust_decimal::Decimal;

use super::currency;
use super::number;
use super::parse::{Figure, Parser};
use super::qualifier::Qualifier;
use super::Found;

/// The power of ten of a plural scale word.
fn plural_scale(word: &str) -> Option<u32> {
    match word {
        "tens" => Some(1),
        "hundreds" => Some(2),
        "thousands" => Some(3),
        "millions" => Some(6),
        "billions" => Some(9),
        "trillions" => Some(12),
        _ => None,
    }
}

impl Parser<'_> {
    /// Whether word `i` can start a vague magnitude.
    pub(super) fn may_be_vague(&self, i: usize) -> bool {
        let w = self.low(i);
        (plural_scale(w).is_some() || w == "dozens") && self.is_word(i + 1, "of")
    }

    /// "tens of billions of dollars" at `i`.
    pub(super) fn vague(&self, i: usize) -> Option<(Found, usize)> {
        let first = self.low(i);
        if !self.is_word(i + 1, "of") {
            return None;
        }
        let (lo, hi, mut last) = if first == "dozens" {
            (Decimal::from(24), Decimal::from(144), i)
        } else {
            let e = plural_scale(first)?;
            // "tens of thousands", "hundreds of millions"
            match plural_scale(self.low(i + 2)).filter(|s| *s >= 3 && *s > e) {
                Some(s) if self.joined(i + 2) => {
                    (number::pow10(e + s), number::pow10(e + s + 1), i + 2)
                }
                _ if e >= 3 => (
                    number::pow10(e),
                    number::pow10(e + if e >= 6 { 3 } else { 1 }),
                    i,
                ),
                _ => (number::pow10(e), number::pow10(e + 1), i),
            }
        };
        // "... of dollars"
        let mut unit = None;
        if self.is_word(last + 1, "of") {
            let next = self.low(last + 2);
            if let Some((c, n, _)) = currency::name(&[next]).filter(|(c, _, _)| c.exp == 0) {
                unit = Some(c.unit);
                last += 1 + n;
            }
        }
        let mut fig = Figure::plain(i, last, lo, Decimal::ZERO, self.written(i, last), false);
        fig.unit = unit;
        let mut found = self.metric(fig, Some((lo, hi)))?;
        found.quantity.range_inclusive = (true, false);
        found.quantity.qualifier = Qualifier::About;
        found.quantity.qualifier_text = Some(first.into());
        Some((found, last + 1))
    }
}
