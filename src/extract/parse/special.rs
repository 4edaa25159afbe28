//! Readings of digits that are no amount, and where nothing is read.
//!
//! Ordinals ("30th"), times ("10:30", "0401 GMT"), ISO dates
//! ("2025-11-18"), spans of years ("2024/25", "2026–2027") and fiscal years,
//! numbers inside names ("G20", "COVID-19", "ID.3", "ISO 3888-2"), phone
//! numbers, "24/7", digits too large to read
//! (`Kind::Unparsed`), and "percent of 10", a percentage written before its
//! number. Also the URLs and e-mail addresses the main loop skips. Dates
//! with a month are `date`'s, ranks `rank`'s.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::vocabulary::{ORDINAL_SUFFIXES, TIME_ZONES};
use super::{Figure, Parser};
use crate::extract::tokens::TokKind;
use crate::extract::{currency, number, scale, Found, Kind};
use crate::period::Period;

static WEB_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    Regex::new(r"(?i)\b(?:https?://|ftp://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
        .expect("valid regex")
});

/// Byte ranges of URLs and e-mail addresses in `text`, whose ASCII letters
/// `lower` has in lower case.
pub(super) fn web_addresses(text: &str, lower: &str) -> Vec<std::ops::Range<usize>> {
    // a cheap test first, vector searches for what each form needs: "@",
    // the "/" of "://", and "www." in `lower` (`text` lowercased: the
    // pattern ignores case); most texts have none
    let bytes = text.as_bytes();
    let slashes = memchr::memchr2_iter(b'@', b'/', bytes).any(|k| {
        bytes[k] == b'@' || (k > 0 && bytes[k - 1] == b':' && bytes.get(k + 1) == Some(&b'/'))
    });
    if !slashes && memchr::memmem::find(lower.as_bytes(), b"www.").is_none() {
        return Vec::new();
    }
    WEB_ADDRESS.find_iter(text).map(|m| m.range()).collect()
}

/// Whether four digits are a time of day on a 24-hour clock: "0401", "2359".
fn clock_time(s: &str) -> bool {
    let (Ok(h), Ok(m)) = (s[..2].parse::<u8>(), s[2..].parse::<u8>()) else {
        return false;
    };
    h < 24 && m < 60
}

impl Parser<'_> {
    /// Numbers that are not amounts: ordinals, times, ISO dates, year spans
    /// written "2024/25", and numbers inside names.
    pub(super) fn digit_special(&self, i: usize) -> Option<(Found, usize)> {
        if self.is_notation(i) {
            return None; // "1.3e6", "3/4": read as figures, or unparsed
        }
        let s = self.s(i);
        let num = number::parse_digits(s)?;
        let bare = !s.contains([',', '.']);
        let fig = Figure::plain(i, i, num.value, num.step, s, bare);
        let next = i + 1;
        let glued_next = self.glued(next);
        // "COVID-19", "G20", "Boeing737": a number glued to a name
        let prev_word = i >= 1 && self.glued(i) && self.kind(i - 1) == Some(TokKind::Word);
        let after_hyphen_word =
            i >= 2 && self.is_hyphen(i - 1) && self.kind(i - 2) == Some(TokKind::Word);
        let fiscal = prev_word && self.low(i - 1) == "fy";
        if (prev_word && !fiscal && currency::code(self.s(i - 1)).is_none()) || after_hyphen_word {
            return Some((self.non_metric(Kind::Other, &fig, None), next));
        }
        // "ID.3", "No.5": a number glued by a full stop to a name; "ISO
        // 3888-2", "Article 5-1": the part of a number that names a thing
        let glued_sep = i >= 2 && self.glued(i) && self.glued(i - 1);
        let dotted_name = glued_sep
            && self.s(i - 1) == "."
            && self.kind(i - 2) == Some(TokKind::Word)
            && self.s(i - 2).contains(char::is_uppercase);
        let labelled_part = glued_sep
            && self.is_dash(i - 1)
            && i >= 3
            && self.kind(i - 2) == Some(TokKind::Digits)
            && self.joined(i - 2)
            && self.is_label(i - 3);
        if bare && (dotted_name || labelled_part) {
            return Some((self.non_metric(Kind::Other, &fig, None), next));
        }
        // "+7 495 123-45-67", "P5+1": a phone number or a code, to its end;
        // but "Dow +0.4%" is a percentage with its sign, as "-0.4%" is
        let signed_percent = glued_next && self.s(next) == "%";
        if i >= 1 && self.s(i - 1) == "+" && self.glued(i) && !signed_percent {
            let mut last = i;
            loop {
                if self.kind(last + 1) == Some(TokKind::Digits) && self.joined(last + 1) {
                    last += 1;
                } else if self.is_chain(last) {
                    last += 2;
                } else {
                    break;
                }
            }
            let mut f = fig.clone();
            f.last = last;
            return Some((self.non_metric(Kind::Other, &f, None), last + 1));
        }
        if glued_next && self.kind(next) == Some(TokKind::Word) {
            let suffix = self.s(next).to_ascii_lowercase();
            if bare && ORDINAL_SUFFIXES.contains(&suffix.as_str()) {
                let mut f = fig.clone();
                f.last = next;
                return Some(self.ordinal(f));
            }
            let unit = currency::code(self.s(next)).is_some()
                || currency::name(&[suffix.as_str()]).is_some()
                || self.million_before_noun(next);
            // "1.38pc" is per cent (`figure`'s suffix)
            let percent = suffix == "percent" || self.s(next) == "pc";
            if scale::scale_word(&suffix, false).is_none() && !percent && !unit {
                let mut f = fig.clone();
                f.last = next;
                return Some((self.non_metric(Kind::Other, &f, None), next + 1));
            }
        }
        let sep = self.s(next);
        let digits_after =
            glued_next && self.glued(next + 1) && self.kind(next + 1) == Some(TokKind::Digits);
        if sep == ":" && digits_after && bare {
            let mut f = fig.clone();
            f.last = next + 1;
            return Some((self.non_metric(Kind::Time, &f, None), next + 2));
        }
        // "0401 GMT", "1430 UTC": a time of day in four digits, before the
        // zone it is told in
        let zone = || self.joined(next) && !glued_next && TIME_ZONES.contains(&sep);
        if bare && s.len() == 4 && zone() && clock_time(s) {
            return Some((self.non_metric(Kind::Time, &fig, None), next));
        }
        let year = fig.year()?;
        if (sep == "/" || self.is_dash(next)) && digits_after {
            let after = self.s(next + 1);
            // "2025-11-18"
            if self.is_dash(next)
                && after.len() == 2
                && self.is_dash(next + 2)
                && self.glued(next + 2)
            {
                let month = after.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
                if let (Some(m), Some(TokKind::Digits)) = (month, self.kind(next + 3)) {
                    let mut f = fig.clone();
                    f.last = next + 3;
                    let period = Period::months(year, m, m);
                    return Some((self.non_metric(Kind::Date, &f, Some(period)), next + 4));
                }
            }
            // "2024/25", "2026-2027", "2026–27"
            if after.len() == 2 || after.len() == 4 {
                let mut f = fig.clone();
                f.last = next + 1;
                let period = self.year_span(i, year, after, sep == "/");
                return Some((self.non_metric(Kind::YearRange, &f, period), next + 2));
            }
        }
        None
    }

    /// The period of a span of years starting with `year` at token `first`
    /// and ending in `after` as written ("25", "2027"). A slash, a two-digit
    /// end one year on ("2024-25") or the word "fiscal" before it make a
    /// split fiscal year; otherwise whole calendar years ("2026–2027",
    /// "2026–28"). `None` for an end that is not after the start.
    pub(super) fn year_span(
        &self,
        first: usize,
        year: i32,
        after: &str,
        slash: bool,
    ) -> Option<Period> {
        let n: i32 = after.parse().ok()?;
        let last = match after.len() {
            2 => year - year.rem_euclid(100) + n,
            4 => n,
            _ => return None,
        };
        if last <= year {
            return None;
        }
        let split = last == year + 1 && (slash || after.len() == 2 || self.fiscal_before(first));
        Some(if split {
            Period::split_year(year)
        } else {
            Period::years(year, last)
        })
    }

    /// Whether the year at token `i` is named as a fiscal year: "fiscal
    /// 2025", "fiscal year 2025", "financial year 2025", "FY2025", "FY 2025".
    pub(super) fn fiscal_before(&self, i: usize) -> bool {
        if i == 0 || !self.joined(i) {
            return false;
        }
        let prev = self.low(i - 1);
        if prev == "fy" || prev == "fiscal" {
            return true;
        }
        prev == "year"
            && i >= 2
            && self.joined(i - 1)
            && matches!(self.low(i - 2), "fiscal" | "financial")
    }

    /// Digits that no reading could take: too many digits for a `Decimal`,
    /// a figure beyond `MAX_VALUE`, a notation or number words whose value
    /// cannot be represented (`too_large`). Reported with their span, never
    /// as a wrong number.
    pub(super) fn unparsed(&self, i: usize) -> Option<(Found, usize)> {
        if let Some(last) = self.too_large(i) {
            return Some(self.unparsed_span(i, last));
        }
        if self.kind(i) != Some(TokKind::Digits) {
            return None;
        }
        let parses = number::parse_digits(self.s(i)).is_some() && self.figure(i).is_some();
        if parses || self.notation(i).is_some() {
            return None;
        }
        Some(self.unparsed_span(i, i))
    }

    /// The last token of a number at `i` that is written in full but whose
    /// value cannot be represented: a notation ("1e40", "1e-400") or number
    /// words ("6700000000000000000000000000 dozen").
    pub(super) fn too_large(&self, i: usize) -> Option<usize> {
        if let Some(last) = self.notation_too_large(i) {
            return Some(last);
        }
        // words overflow only with a scale word ("five trillion trillion
        // trillion"): one among the next four tokens, else no look at all
        // (every word that starts no figure comes here)
        let scaled = || (i + 1..i + 5).any(|j| scale::scale_word(self.s(j), false).is_some());
        let numeric = match self.kind(i)? {
            TokKind::Digits => true,
            TokKind::Word => crate::extract::words::in_vocabulary(self.low(i)) && scaled(),
            TokKind::Symbol => false,
        };
        if !numeric || self.words_from(i).is_ok() {
            return None;
        }
        // the words read up to the first that no number phrase holds
        let mut last = i;
        while self.joined(last + 1)
            && self.kind(last + 1).is_some()
            && crate::extract::words::in_vocabulary(self.low(last + 1))
        {
            last += 1;
        }
        Some(last)
    }

    /// Tokens `first..=last`, and the scale words after them, as an
    /// unparsed figure; and the token after it.
    pub(super) fn unparsed_span(&self, first: usize, last: usize) -> (Found, usize) {
        let mut found = self.non_metric(
            Kind::Unparsed,
            &Figure::plain(
                first,
                last,
                Decimal::ZERO,
                Decimal::ZERO,
                self.written(first, last),
                false,
            ),
            None,
        );
        found.quantity.value = None;
        found.quantity.unit = "unparsed";
        // take the scale or unit words that belong to it too
        let mut last = last;
        while self.joined(last + 1)
            && self.kind(last + 1) == Some(TokKind::Word)
            && scale::scale_word(self.s(last + 1), true).is_some()
        {
            last += 1;
        }
        found.quantity.end = self.toks[last].end();
        found.quantity.written = self.written(first, last).into();
        (found, last + 1)
    }

    /// "9/11", "24/7": numbers joined by a slash that are no fraction.
    pub(super) fn slash_compound(&self, i: usize) -> Option<(Found, usize)> {
        let s = self.s(i);
        let compound = !s.contains([',', '.'])
            && self.s(i + 1) == "/"
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.kind(i + 2) == Some(TokKind::Digits)
            && !self.is_notation(i);
        if !compound {
            return None;
        }
        let num = number::parse_digits(s)?;
        let fig = Figure::plain(i, i + 2, num.value, num.step, self.written(i, i + 2), true);
        Some((self.non_metric(Kind::Other, &fig, None), i + 3))
    }

    /// "percent of 10", "per cent of twenty-two": a percentage written
    /// before its number.
    pub(super) fn percent_of(&self, i: usize) -> Option<(Found, usize)> {
        let of = if self.is_word(i, "per") && self.is_word(i + 1, "cent") {
            i + 2
        } else {
            i + 1
        };
        if !(self.is_word(of, "of") && self.joined(of + 1)) {
            return None;
        }
        let (num, last, _) = self.number(of + 1)?;
        let fig = Figure {
            percent: true,
            ..Figure::plain(
                i,
                last,
                num.value,
                num.step,
                self.written(of + 1, last),
                false,
            )
        };
        self.metric(fig, None).map(|f| (f, last + 1))
    }
}
