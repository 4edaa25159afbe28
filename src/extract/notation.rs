//! Numbers in mathematical notation: "1.3e6", "2.5^-1", "6.23x10^-4",
//! "1.6×10⁻¹⁹" (and "1.6×10−19", its superscript lost in a copy), "3/4",
//! "1⁄32" (a fraction slash), "2 1/4", "¾", and thousands grouped by spaces ("1 234 567",
//! "40 000" with a no-break space).
//!
//! ## What it extracts
//! The value the notation stands for, with a precision step where the digits
//! state one (a fraction is exact).
//!
//! ## Not extracted
//! Fractions whose numerator is not below the denominator, or with a
//! denominator above 10 ("24/7", "9/11", "11/5/2024" are not fractions);
//! groups split by an ordinary single space unless there are at least three
//! ("in 2024 500 people" is two numbers).

use rust_decimal::Decimal;

use super::number::{self, Number};
use super::parse::Parser;
use super::tokens::TokKind;
use super::MAX_VALUE;

/// Unicode vulgar fractions.
const VULGAR: &[(&str, u32, u32)] = &[
    ("½", 1, 2),
    ("⅓", 1, 3),
    ("⅔", 2, 3),
    ("¼", 1, 4),
    ("¾", 3, 4),
    ("⅕", 1, 5),
    ("⅖", 2, 5),
    ("⅗", 3, 5),
    ("⅘", 4, 5),
    ("⅙", 1, 6),
    ("⅚", 5, 6),
    ("⅐", 1, 7),
    ("⅛", 1, 8),
    ("⅜", 3, 8),
    ("⅝", 5, 8),
    ("⅞", 7, 8),
    ("⅑", 1, 9),
    ("⅒", 1, 10),
];

/// Largest power of ten a notation may state: a value in notation is within
/// `MAX_VALUE` (10^24) and holds at most 28 decimal places, as a `Decimal`
/// does exactly.
const MAX_EXPONENT: i64 = 24;

/// A notation read: its value and last token, or `Err(last)` for one whose
/// value cannot be represented ("1e40", "6.23x10^-40000", "9^99"): the
/// caller reports it unparsed, never a shorter reading ("1") in its place.
type Notation = Result<(Number, usize), usize>;

/// The digit a superscript stands for ("⁶" is 6).
fn superscript_digit(s: &str) -> Option<char> {
    let d = match s {
        "⁰" => '0',
        "¹" => '1',
        "²" => '2',
        "³" => '3',
        "⁴" => '4',
        "⁵" => '5',
        "⁶" => '6',
        "⁷" => '7',
        "⁸" => '8',
        "⁹" => '9',
        _ => return None,
    };
    Some(d)
}

pub(super) fn vulgar(s: &str) -> Option<Decimal> {
    VULGAR
        .iter()
        .find(|(v, _, _)| *v == s)
        .map(|(_, n, d)| Decimal::from(*n) / Decimal::from(*d))
}

impl Parser<'_> {
    /// A number in notation starting at token `i`, and its last token.
    pub(super) fn notation(&self, i: usize) -> Option<(Number, usize)> {
        self.notation_reading(i).and_then(Result::ok)
    }

    /// The last token of a notation at `i` whose value cannot be
    /// represented (beyond `MAX_VALUE`, or more decimal places than a
    /// `Decimal` holds).
    pub(super) fn notation_too_large(&self, i: usize) -> Option<usize> {
        self.notation_reading(i).and_then(Result::err)
    }

    /// Whether a notation starts at `i`, whether or not its value can be
    /// represented.
    pub(super) fn is_notation(&self, i: usize) -> bool {
        self.notation_reading(i).is_some()
    }

    /// A notation at `i`: `None` when none starts there.
    pub(super) fn notation_reading(&self, i: usize) -> Option<Notation> {
        if let Some(v) = vulgar(self.s(i)) {
            return Some(Ok((
                Number {
                    value: v,
                    step: Decimal::ZERO,
                },
                i,
            )));
        }
        if self.kind(i) != Some(TokKind::Digits) {
            return None;
        }
        // every reading below goes on with a token glued to the digits
        // ("1e10", "10^3", "3/4", "2½") or with digits after a space ("1 234
        // 567", "2 1/4"): most numbers have neither
        let spaced_digits = self.kind(i + 1) == Some(TokKind::Digits) && self.joined(i + 1);
        if !(self.glued(i + 1) || spaced_digits) {
            return None;
        }
        let read = self
            .scientific(i)
            .or_else(|| self.power(i))
            .or_else(|| self.fraction(i).map(Ok))
            .or_else(|| self.space_grouped(i).map(Ok))
            .or_else(|| self.glued_vulgar(i).map(Ok))?;
        // the one limit on values, for every notation
        Some(read.and_then(|(n, last)| {
            if n.value.abs() <= MAX_VALUE {
                Ok((n, last))
            } else {
                Err(last)
            }
        }))
    }

    /// Tokens `j..` that hold an exponent: signs ("+", "-", "--") then
    /// digits; `None` for an exponent beyond any `i64` (read as too large).
    fn exponent(&self, mut j: usize) -> Option<(Option<i64>, usize)> {
        let mut negative = false;
        while matches!(self.s(j), "+" | "-" | "−") && self.glued(j) {
            negative ^= self.s(j) != "+";
            j += 1;
        }
        if !(self.glued(j) && self.kind(j) == Some(TokKind::Digits)) {
            return None;
        }
        let e: Option<i64> = self.s(j).parse().ok();
        Some((e.map(|e| if negative { -e } else { e }), j))
    }

    /// "1e10", "-127.32e13", "12.32e+14".
    fn scientific(&self, i: usize) -> Option<Notation> {
        let e_tok = i + 1;
        if !(self.glued(e_tok) && matches!(self.s(e_tok), "e" | "E")) {
            return None;
        }
        let m = number::parse_digits(self.s(i))?;
        let (e, last) = self.exponent(e_tok + 1)?;
        Some(scaled(m, e).ok_or(last).map(|n| (n, last)))
    }

    /// "1.1^23", "2.5^-1", "1.3x10^6".
    fn power(&self, i: usize) -> Option<Notation> {
        let m = number::parse_digits(self.s(i))?;
        // "1.3x10^6"
        let times_ten = self.glued(i + 1)
            && matches!(self.s(i + 1), "x" | "X" | "×")
            && self.glued(i + 2)
            && self.s(i + 2) == "10";
        if times_ten && self.s(i + 3) == "^" && self.glued(i + 3) {
            let (e, last) = self.exponent(i + 4)?;
            return Some(scaled(m, e).ok_or(last).map(|n| (n, last)));
        }
        // "1.6×10⁻¹⁹", and "1.6×10−19" where a copy lost the superscript:
        // a sign after "10" can only be the exponent's
        if times_ten {
            if let Some((e, last)) = self.superscript(i + 3) {
                return Some(scaled(m, e).ok_or(last).map(|n| (n, last)));
            }
            let signed = matches!(self.s(i + 3), "-" | "−") && self.glued(i + 3);
            if signed {
                let (e, last) = self.exponent(i + 3)?;
                return Some(scaled(m, e).ok_or(last).map(|n| (n, last)));
            }
        }
        if !(self.glued(i + 1) && self.s(i + 1) == "^") {
            return None;
        }
        let (e, last) = self.exponent(i + 2)?;
        Some(raised(m.value, e).ok_or(last).map(|value| {
            (
                Number {
                    value,
                    step: Decimal::ZERO,
                },
                last,
            )
        }))
    }

    /// An exponent in superscripts glued at `j` ("⁶", "⁻¹⁹"): its value
    /// (`None` beyond any `i64`) and last token.
    fn superscript(&self, j: usize) -> Option<(Option<i64>, usize)> {
        let negative = self.s(j) == "⁻" && self.glued(j);
        let mut k = j + usize::from(negative);
        let mut digits = String::new();
        while self.glued(k) {
            let Some(d) = superscript_digit(self.s(k)) else {
                break;
            };
            digits.push(d);
            k += 1;
        }
        if digits.is_empty() {
            return None;
        }
        let e: Option<i64> = digits.parse().ok();
        Some((e.map(|e| if negative { -e } else { e }), k - 1))
    }

    /// "3/4", and "2 1/4" (a whole number and a fraction).
    fn fraction(&self, i: usize) -> Option<(Number, usize)> {
        if let Some((f, last)) = self.simple_fraction(i) {
            return Some((
                Number {
                    value: f,
                    step: Decimal::ZERO,
                },
                last,
            ));
        }
        let whole: u32 = self.s(i).parse().ok()?;
        if !self.joined(i + 1) || self.glued(i + 1) {
            return None;
        }
        let (f, last) = self.simple_fraction(i + 1)?;
        Some((
            Number {
                value: Decimal::from(whole) + f,
                step: Decimal::ZERO,
            },
            last,
        ))
    }

    fn simple_fraction(&self, i: usize) -> Option<(Decimal, usize)> {
        let n: u32 = self.s(i).parse().ok()?;
        // "1⁄32": the fraction slash says it is a fraction, of any
        // denominator
        let fraction_slash = self.s(i + 1) == "⁄";
        if !(self.kind(i) == Some(TokKind::Digits)
            && (self.s(i + 1) == "/" || fraction_slash)
            && self.glued(i + 1)
            && self.glued(i + 2))
        {
            return None;
        }
        let d: u32 = self.s(i + 2).parse().ok()?;
        // "11/5/2024" is a date
        let date = self.s(i + 3) == "/" && self.glued(i + 3);
        // "9/11", "24/7": only the small denominators of everyday fractions
        let everyday = d <= 10 || fraction_slash;
        (n < d && everyday && !date).then(|| (Decimal::from(n) / Decimal::from(d), i + 2))
    }

    /// "2½".
    fn glued_vulgar(&self, i: usize) -> Option<(Number, usize)> {
        let whole: u32 = self.s(i).parse().ok()?;
        let f = vulgar(self.s(i + 1)).filter(|_| self.glued(i + 1))?;
        Some((
            Number {
                value: Decimal::from(whole) + f,
                step: Decimal::ZERO,
            },
            i + 1,
        ))
    }

    /// "1 234 567", "40 000" (with a no-break or thin space).
    fn space_grouped(&self, i: usize) -> Option<(Number, usize)> {
        let first = self.s(i);
        // "+7 495 123-45-67" is a phone number
        let signed = i > 0 && self.s(i - 1) == "+" && self.glued(i);
        if first.len() > 3 || first.contains([',', '.']) || signed {
            return None;
        }
        let mut digits = first.to_string();
        let mut last = i;
        let mut narrow = true;
        let mut j = i + 1;
        while self.kind(j) == Some(TokKind::Digits) && !self.glued(j) && self.joined(j) {
            let gap = self.gap_text(j);
            let group = self.s(j);
            let (int, frac) = group
                .split_once('.')
                .map_or((group, None), |(a, b)| (a, Some(b)));
            if int.len() != 3 || int.contains(',') || gap.chars().count() != 1 {
                break;
            }
            narrow &= matches!(gap, "\u{a0}" | "\u{202f}" | "\u{2009}");
            digits.push_str(int);
            last = j;
            j += 1;
            if let Some(f) = frac {
                digits.push('.');
                digits.push_str(f);
                break;
            }
        }
        let groups = last - i;
        if groups == 0 || (!narrow && groups < 2) {
            return None;
        }
        number::parse_digits(&digits).map(|n| (n, last))
    }
}

/// `m` times 10^e, when its value and step can be represented: |e| at most
/// 24, and no more decimal places than a `Decimal` holds (a product that
/// would be rounded to fit is no reading of the digits).
fn scaled(m: Number, e: Option<i64>) -> Option<Number> {
    let e = e.filter(|e| e.abs() <= MAX_EXPONENT)?;
    let places = |d: Decimal| i64::from(d.scale()) - e;
    if places(m.value) > 28 || places(m.step) > 28 {
        return None;
    }
    let factor = ten_to(e)?;
    Some(Number {
        value: m.value.checked_mul(factor)?,
        step: m.step.checked_mul(factor)?,
    })
}

/// `base`^e for |e| at most 24, when it can be represented: the power of
/// the digits exact (at most 28 decimal places), and not a negative power
/// of zero. A negative power is the division's, rounded as 1/3 is.
fn raised(base: Decimal, e: Option<i64>) -> Option<Decimal> {
    let e = e.filter(|e| e.abs() <= MAX_EXPONENT)?;
    if i64::from(base.scale()) * e.abs() > 28 {
        return None;
    }
    let mut value = Decimal::ONE;
    for _ in 0..e.unsigned_abs() {
        value = value.checked_mul(base)?;
    }
    if e < 0 {
        value = Decimal::ONE.checked_div(value).filter(|v| !v.is_zero())?;
    }
    Some(value)
}

/// 10^e for |e| <= 24, as a `Decimal`.
fn ten_to(e: i64) -> Option<Decimal> {
    let p = number::pow10(u32::try_from(e.unsigned_abs()).ok()?);
    if e >= 0 {
        Some(p)
    } else {
        Decimal::ONE.checked_div(p)
    }
}
