//! Dates and months: "February 2022", "January 21, 2025", "21 January",
//! "January–October 2025". A date is never an amount; a month with a year
//! names a period.

use rust_decimal::Decimal;

use super::parse::{Figure, Parser};
use super::tokens::TokKind;
use super::{Found, Kind};
use crate::period::Period;

/// The months' names, in English, January first: the one list of them.
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Parser<'_> {
    /// "February 2022", "January 21, 2025", "January–October 2025".
    pub(super) fn date_from_month(&self, i: usize) -> Option<(Found, usize)> {
        let m = month(self.s(i))?;
        let mut j = i + 1;
        if self.s(j) == "." && self.glued(j) {
            j += 1;
        }
        if !self.joined(j) {
            return None;
        }
        // "January–October 2025"
        if self.is_dash(j) {
            let m2 = month(self.s(j + 1))?;
            let year = self.year_at(j + 2)?;
            let period = Period::months(year, m.min(m2), m.max(m2));
            return Some(self.date(i, j + 2, Some(period)));
        }
        if let Some(year) = self.year_at(j) {
            return Some(self.date(i, j, Some(Period::months(year, m, m))));
        }
        let day = self.day_at(j)?;
        let mut last = day;
        // "Sept. 20-24": a span of days, the second after the first
        let span = self.is_hyphen(last + 1);
        if let Some(end) = self.day_at(last + 2).filter(|_| span) {
            let first: Option<u8> = self.s(j).parse().ok();
            let second: Option<u8> = self.s(last + 2).parse().ok();
            if first < second {
                last = end;
            }
        }
        // "January 21, 2025"
        let comma = if self.s(last + 1) == "," {
            last + 2
        } else {
            last + 1
        };
        let period = self.year_at(comma).map(|year| {
            last = comma;
            Period::months(year, m, m)
        });
        Some(self.date(i, last, period))
    }

    /// "21 January 2025", "5 May".
    pub(super) fn date_from_day(&self, i: usize) -> Option<(Found, usize)> {
        let day = self.day_at(i)?;
        let mut j = day + 1;
        if !self.joined(j) {
            return None;
        }
        let m = month(self.s(j))?;
        if self.s(j + 1) == "." && self.glued(j + 1) {
            j += 1;
        }
        match self.year_at(j + 1) {
            Some(year) => Some(self.date(i, j + 1, Some(Period::months(year, m, m)))),
            None => Some(self.date(i, j, None)),
        }
    }

    /// A day of the month at `i` ("21", "21st"); returns its last token.
    pub(super) fn day_at(&self, i: usize) -> Option<usize> {
        let d: u8 = self.s(i).parse().ok()?;
        if self.kind(i) != Some(TokKind::Digits) || !(1..=31).contains(&d) {
            return None;
        }
        let suffix = self.low(i + 1);
        let ordinal = self.glued(i + 1) && matches!(suffix, "st" | "nd" | "rd" | "th");
        Some(if ordinal { i + 1 } else { i })
    }

    pub(super) fn year_at(&self, i: usize) -> Option<i32> {
        let y: i32 = self.s(i).parse().ok()?;
        let four = self.s(i).len() == 4 && self.kind(i) == Some(TokKind::Digits);
        (four && self.joined(i) && (1900..=2100).contains(&y)).then_some(y)
    }

    pub(super) fn date(&self, first: usize, last: usize, period: Option<Period>) -> (Found, usize) {
        let fig = Figure {
            first,
            last,
            value: Decimal::ZERO,
            step: Decimal::ONE,
            scale: None,
            unit: None,
            unit_exp: 0,
            percent: false,
            points: false,
            written: self.written(first, last),
            bare_integer: false,
        };
        let mut found = self.non_metric(Kind::Date, &fig, period);
        found.quantity.value = None;
        (found, last + 1)
    }
}

/// The month number of a month name or its abbreviation ("Feb").
pub(super) fn month(word: &str) -> Option<u8> {
    // every name is capitalized: most words leave at the first letter
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let i = MONTHS
        .iter()
        .position(|m| *m == word)
        .or_else(|| MONTH_ABBREVIATIONS.iter().position(|m| *m == word))
        .or_else(|| (word == "Sept").then_some(8))?;
    u8::try_from(i + 1).ok()
}
