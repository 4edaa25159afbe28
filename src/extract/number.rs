//! Numbers as written: digit literals with thousands separators and decimals
//! ("1,234.5"), and number words ("fifteen", "twenty-three", "two hundred",
//! "a million").
//!
//! ## What it extracts
//! A `Decimal` value and its precision step: the place of the last stated
//! digit. "244.8" has step 0.1; "245" step 1; "223,000" step 1,000, because
//! trailing zeros of a whole number are read as rounding (DESIGN, "Claims are
//! intervals").
//!
//! ## Not extracted
//! Malformed groupings ("12,3456", "1,2,3") are not numbers (the tokenizer
//! reads them as lists); "1,23" is a decimal comma; a lone "a", "an"
//! or "one" is not read as a count (see `words`).

use rust_decimal::Decimal;

/// A number and the step of its last stated digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    pub value: Decimal,
    pub step: Decimal,
}

/// Reads a digit literal as the tokenizer cut it ("1,234.5"). `None` when the
/// grouping is not a thousands grouping or the value does not fit a `Decimal`.
pub(crate) fn parse_digits(s: &str) -> Option<Number> {
    // digits of other scripts ("２４５", "٢٤٥") and invisible marks between
    // digits ("2\u{200f}45"), as the tokenizer takes them in: read as the
    // ASCII digits they stand for
    if !s.is_ascii() {
        let ascii: Option<String> = s
            .chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| match unicode_digit(c) {
                Some(d) => char::from_digit(d, 10),
                None => Some(c).filter(char::is_ascii),
            })
            .collect();
        return parse_digits(&ascii?);
    }
    // every literal starts with a digit ("0.5", not ".5"): words leave here
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // the common case, plain digits ("2024", "245"): read at once
    if s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit()) {
        let value = s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        let zeros = s.bytes().rev().take_while(|b| *b == b'0').count();
        // "0" and "000" are stated to the unit
        let zeros = if zeros == s.len() { 0 } else { zeros };
        return Some(Number {
            value: Decimal::from(value),
            // cannot truncate: at most 18
            step: pow10(zeros as u32),
        });
    }
    // "1.111,11": dots group thousands, the comma is the decimal mark
    if let Some((int, frac)) = s.split_once(',') {
        let european = int.contains('.')
            && !frac.contains([',', '.'])
            && valid_grouping(&int.replace('.', ","));
        if european {
            return parse_digits(&format!("{}.{frac}", int.replace('.', "")));
        }
        // "190,27", "5,00": one comma and one or two digits after it can
        // only be a decimal comma
        if !int.contains('.') && !frac.contains([',', '.']) && (1..=2).contains(&frac.len()) {
            return parse_digits(&format!("{int}.{frac}"));
        }
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) if !f.contains(['.', ',']) => (i, Some(f)),
        Some(_) => return None,
        None => (s, None),
    };
    if !valid_grouping(int) {
        return None;
    }
    if let Some(n) = small_literal(int, frac.unwrap_or("")) {
        return Some(n);
    }
    let digits: String = int.chars().filter(|c| *c != ',').collect();
    if digits.len() > 28 {
        return None; // beyond Decimal's 96-bit mantissa
    }
    let value = match frac {
        Some(f) if f.len() > 20 => return None,
        Some(f) => format!("{digits}.{f}").parse::<Decimal>().ok()?,
        None => digits.parse::<Decimal>().ok()?,
    };
    let step = match frac {
        Some(f) => Decimal::new(1, u32::try_from(f.len()).ok()?),
        None => pow10(trailing_zeros(&digits)),
    };
    Some(Number { value, step })
}

/// The common case without allocating: at most 28 digits in all, so the
/// mantissa fits a `Decimal` exactly. `None` sends the caller to the general
/// path (which also rejects what is not digits).
fn small_literal(int: &str, frac: &str) -> Option<Number> {
    let mut mantissa: i128 = 0;
    let mut digits = 0;
    let mut zeros = 0; // trailing zeros of the whole part
    for b in int.bytes().filter(|b| *b != b',') {
        if !b.is_ascii_digit() || digits == 28 {
            return None;
        }
        mantissa = mantissa * 10 + i128::from(b - b'0');
        digits += 1;
        zeros = if b == b'0' { zeros + 1 } else { 0 };
    }
    if digits == 0 {
        return None;
    }
    for b in frac.bytes() {
        if !b.is_ascii_digit() || digits == 28 {
            return None;
        }
        mantissa = mantissa * 10 + i128::from(b - b'0');
        digits += 1;
    }
    let scale = u32::try_from(frac.len()).ok()?;
    let value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    let step = if frac.is_empty() {
        // "0" is stated to the unit; "000" likewise
        pow10(if zeros == digits { 0 } else { zeros })
    } else {
        Decimal::new(1, scale)
    };
    Some(Number { value, step })
}

/// The value of a decimal digit of another script than ASCII: Arabic-Indic
/// ("٤" 4), Persian, Devanagari, Bengali and the other Indic scripts, Thai,
/// Lao, Tibetan, Myanmar, Khmer, Mongolian and full-width ("４" 4).
pub(crate) fn unicode_digit(c: char) -> Option<u32> {
    // a match on ranges, which compiles to a few comparisons: the tokenizer
    // asks this of every character beyond ASCII (quotes and dashes, mostly)
    let zero = match c {
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{07C0}'..='\u{07C9}' => '\u{07C0}',
        '\u{0966}'..='\u{096F}' => '\u{0966}',
        '\u{09E6}'..='\u{09EF}' => '\u{09E6}',
        '\u{0A66}'..='\u{0A6F}' => '\u{0A66}',
        '\u{0AE6}'..='\u{0AEF}' => '\u{0AE6}',
        '\u{0B66}'..='\u{0B6F}' => '\u{0B66}',
        '\u{0BE6}'..='\u{0BEF}' => '\u{0BE6}',
        '\u{0C66}'..='\u{0C6F}' => '\u{0C66}',
        '\u{0CE6}'..='\u{0CEF}' => '\u{0CE6}',
        '\u{0D66}'..='\u{0D6F}' => '\u{0D66}',
        '\u{0E50}'..='\u{0E59}' => '\u{0E50}',
        '\u{0ED0}'..='\u{0ED9}' => '\u{0ED0}',
        '\u{0F20}'..='\u{0F29}' => '\u{0F20}',
        '\u{1040}'..='\u{1049}' => '\u{1040}',
        '\u{17E0}'..='\u{17E9}' => '\u{17E0}',
        '\u{1810}'..='\u{1819}' => '\u{1810}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    Some(u32::from(c) - u32::from(zero))
}

/// Whether `c` is an invisible format character: a zero-width space or
/// joiner, a left-to-right or right-to-left mark or embedding, a word
/// joiner, a byte-order mark, a soft hyphen. Text copied from web pages
/// carries them inside figures ("$2\u{200f}45 billion"); they separate
/// nothing.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// "1,234,567", "1234" and the Indian "12,34,567" are valid groupings;
/// "1,23" and "12,3456" are not.
pub(crate) fn valid_grouping(int: &str) -> bool {
    western_grouping(int) || indian_grouping(int)
}

/// "12,34,567": groups of two, then a group of three.
fn indian_grouping(int: &str) -> bool {
    let groups: Vec<&str> = int.split(',').collect();
    let Some((last, rest)) = groups.split_last() else {
        return false;
    };
    rest.len() >= 2
        && last.len() == 3
        && (1..=2).contains(&rest[0].len())
        && rest[1..].iter().all(|g| g.len() == 2)
}

fn western_grouping(int: &str) -> bool {
    let mut groups = int.split(',');
    let Some(first) = groups.next() else {
        return false;
    };
    if first.is_empty() || (int.contains(',') && first.len() > 3) {
        return false;
    }
    groups.all(|g| g.len() == 3)
}

fn trailing_zeros(digits: &str) -> u32 {
    if digits.bytes().all(|b| b == b'0') {
        return 0; // "0" is stated to the unit
    }
    // cannot overflow: at most 28 digits
    digits.bytes().rev().take_while(|b| *b == b'0').count() as u32
}

/// 10^n as a Decimal; n is small (at most 28, larger is taken as 28).
pub(crate) fn pow10(n: u32) -> Decimal {
    // cannot overflow: 10^28 < 2^96, the largest mantissa
    Decimal::from_i128_with_scale(10i128.pow(n.min(28)), 0)
}

/// The step of a whole value: the place of its last non-zero digit.
pub(crate) fn step_of_whole(value: Decimal) -> Decimal {
    let t = value.trunc().abs();
    // the whole number itself: the mantissa without its decimal places
    let mut whole = t.mantissa() / 10i128.pow(t.scale());
    if whole == 0 {
        return Decimal::ONE;
    }
    let mut zeros = 0;
    while whole % 10 == 0 {
        whole /= 10;
        zeros += 1;
    }
    pow10(zeros)
}

/// Value of a number word below a hundred, or of "a"/"an" (read as 1 only
/// before a scale word; the caller checks that).
pub(crate) fn small_word(word: &str) -> Option<u32> {
    let v = match word {
        "zero" => 0,
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(v)
}

pub(crate) fn is_tens(v: u32) -> bool {
    v >= 20 && v.is_multiple_of(10)
}

/// Ordinal words up to the twentieth, with their value.
pub(crate) fn ordinal_word(word: &str) -> Option<u32> {
    const ORDINALS: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    ORDINALS
        .iter()
        .position(|o| *o == word)
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn digit_literals_and_their_precision() {
        let cases = [
            ("244.8", "244.8", "0.1"),
            ("245", "245", "1"),
            ("223,000", "223000", "1000"),
            ("1,234.50", "1234.50", "0.01"),
            ("0", "0", "1"),
            ("1000000", "1000000", "1000000"),
            ("0.05", "0.05", "0.01"),
            ("12,34,567.89", "1234567.89", "0.01"),
            ("1.111,11", "1111.11", "0.01"),
            ("190,27", "190.27", "0.01"),
            ("1,3", "1.3", "0.1"),
        ];
        for (text, value, step) in cases {
            let n = parse_digits(text).unwrap();
            assert_eq!((n.value, n.step), (d(value), d(step)), "{text}");
        }
    }

    #[test]
    fn digits_of_other_scripts_and_invisible_marks_are_read() {
        for text in [
            "２４５",
            "٢٤٥",
            "۲۴۵",
            "२४५",
            "2\u{200f}45",
            "2\u{200b}4\u{200e}5",
        ] {
            assert_eq!(
                parse_digits(text).map(|n| n.value),
                Some(d("245")),
                "{text}"
            );
        }
        assert_eq!(parse_digits("2x45"), None);
    }

    #[test]
    fn malformed_or_huge_literals_are_not_numbers() {
        for text in ["12,3456", "1234,567", "1.2.3", "1,234,56", &"9".repeat(40)] {
            assert_eq!(parse_digits(text), None, "{text}");
        }
    }

    #[test]
    fn words() {
        assert_eq!(small_word("fifteen"), Some(15));
        assert_eq!(small_word("ninety"), Some(90));
        assert_eq!(small_word("hundred"), None);
        assert_eq!(ordinal_word("fifth"), Some(5));
        assert_eq!(ordinal_word("largest"), None);
        assert_eq!(step_of_whole(d("2000000")), d("1000000"));
        assert_eq!(step_of_whole(d("15")), d("1"));
    }
}
