//! Calendar types: a publication `Date` and the `Period` a claim is about.
//!
//! Finding the period in a sentence is `extract/period/`; this module only
//! holds the values, parses ISO dates and prints periods.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// A calendar date, as given in front matter (`published: 2025-11-18`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl FromStr for Date {
    type Err = String;

    /// Reads `YYYY-MM-DD`, checking that the day exists in that month.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("expected a date as YYYY-MM-DD, found `{s}`");
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("`{s}` is not a calendar date"));
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The span of time a figure is about: a calendar year, some months of one,
/// a span of whole years ("2026–2027"), or a fiscal year ("FY2025",
/// "2024/25"). Fiscal years are their own periods: which months they cover
/// depends on the country, so they are never equated with calendar years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: i32,
    /// First and last month (1-12), both included; `None` is the whole year.
    pub months: Option<(u8, u8)>,
    /// The last year of a span that runs past `year`: "2026–2027" (whole
    /// calendar years) or the split fiscal year "2024/25".
    pub through: Option<i32>,
    /// A fiscal year: "FY2025", "fiscal 2025", "2024/25".
    pub fiscal: bool,
}

impl Period {
    pub fn year(year: i32) -> Self {
        Period {
            year,
            months: None,
            through: None,
            fiscal: false,
        }
    }

    /// Months `first..=last` of `year`.
    pub fn months(year: i32, first: u8, last: u8) -> Self {
        // "from January to December" is the whole year
        if (first, last) == (1, 12) {
            return Period::year(year);
        }
        Period {
            months: Some((first, last)),
            ..Period::year(year)
        }
    }

    /// Whole calendar years `first..=last` ("2026–2027").
    pub fn years(first: i32, last: i32) -> Self {
        Period {
            through: (last != first).then_some(last),
            ..Period::year(first)
        }
    }

    /// A fiscal year named by the year it ends in ("FY2025").
    pub fn fiscal(year: i32) -> Self {
        Period {
            fiscal: true,
            ..Period::year(year)
        }
    }

    /// A fiscal year written across two years ("2024/25", "2024-25").
    pub fn split_year(first: i32) -> Self {
        Period {
            through: Some(first + 1),
            fiscal: true,
            ..Period::year(first)
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // years in four digits, as they are read ("0102" is year 102)
        match (self.months, self.through, self.fiscal) {
            (_, Some(last), true) => write!(f, "{:04}/{:02}", self.year, last.rem_euclid(100)),
            (_, None, true) => write!(f, "FY{:04}", self.year),
            (_, Some(last), false) => write!(f, "{:04}..{last:04}", self.year),
            (None, None, false) => write!(f, "{:04}", self.year),
            (Some((a, b)), None, false) if a == b => write!(f, "{:04}-{a:02}", self.year),
            (Some((a, b)), None, false) => write!(f, "{y:04}-{a:02}..{y:04}-{b:02}", y = self.year),
        }
    }
}

impl std::str::FromStr for Period {
    type Err = String;

    /// The forms `Display` writes: `2024`, `2025-02`, `2025-01..2025-10`,
    /// `FY2025`, `2024/25`, `2026..2027`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!(
                "expected a period like 2024, 2025-02, 2025-01..2025-10, FY2025, 2024/25 or 2026..2027, found `{s}`"
            )
        };
        let year = |t: &str| -> Result<i32, String> {
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
                .ok_or_else(bad)
        };
        let month = |t: &str| -> Result<(i32, u8), String> {
            let (y, m) = t.split_once('-').ok_or_else(bad)?;
            let m: u8 = m.parse().map_err(|_| bad())?;
            if m.to_string().len() > 2 || !(1..=12).contains(&m) {
                return Err(bad());
            }
            Ok((year(y)?, m))
        };
        if let Some(y) = s.strip_prefix("FY") {
            return Ok(Period::fiscal(year(y)?));
        }
        if let Some((a, b)) = s.split_once('/') {
            let first = year(a)?;
            let last: i32 = b.parse().map_err(|_| bad())?;
            return (b.len() == 2 && last == (first + 1).rem_euclid(100))
                .then(|| Period::split_year(first))
                .ok_or_else(bad);
        }
        if let Some((a, b)) = s.split_once("..") {
            if a.contains('-') {
                let ((ya, ma), (yb, mb)) = (month(a)?, month(b)?);
                return (ya == yb && ma <= mb)
                    .then(|| Period::months(ya, ma, mb))
                    .ok_or_else(bad);
            }
            let (first, last) = (year(a)?, year(b)?);
            return (first < last)
                .then(|| Period::years(first, last))
                .ok_or_else(bad);
        }
        if s.contains('-') {
            let (y, m) = month(s)?;
            return Ok(Period::months(y, m, m));
        }
        Ok(Period::year(year(s)?))
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates() {
        let d: Date = "2025-11-18".parse().unwrap();
        assert_eq!((d.year, d.month, d.day), (2025, 11, 18));
        assert_eq!(d.to_string(), "2025-11-18");
        assert!("2024-02-29".parse::<Date>().is_ok());
        for bad in [
            "+202-01-01",
            "2025-+1-01",
            "2025-02-29",
            "2025-13-01",
            "2025-1-1",
            "18/11/2025",
            "",
            "2025-11",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn prints_periods() {
        assert_eq!(Period::year(2024).to_string(), "2024");
        let p = Period::months(2025, 1, 10);
        assert_eq!(p.to_string(), "2025-01..2025-10");
        let m = Period::months(2022, 2, 2);
        assert_eq!(m.to_string(), "2022-02");
        assert_eq!(Period::fiscal(2025).to_string(), "FY2025");
        assert_eq!(Period::split_year(2024).to_string(), "2024/25");
        assert_eq!(Period::split_year(1999).to_string(), "1999/00");
        assert_eq!(Period::years(2026, 2027).to_string(), "2026..2027");
        assert_eq!(Period::years(2026, 2026), Period::year(2026));
        for p in [
            Period::year(2024),
            Period::months(2025, 2, 2),
            Period::months(2025, 1, 10),
            Period::fiscal(2025),
            Period::split_year(2024),
            Period::split_year(1999),
            Period::years(2026, 2027),
        ] {
            assert_eq!(p.to_string().parse::<Period>(), Ok(p), "{p}");
        }
        for bad in [
            "24",
            "2024/26",
            "2027..2026",
            "2025-13",
            "FY25",
            "2025-01..2024-02",
            "",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        // a fiscal year is never the calendar year of the same number
        assert_ne!(Period::fiscal(2025), Period::year(2025));
        assert_ne!(Period::split_year(2024), Period::years(2024, 2025));
    }
}
