//! Numbers written in words, with digits where English mixes them in.
//!
//! ## What it extracts
//! Cardinals ("fifteen", "twenty-three", "two hundred and five", "a
//! million", "4 thousand 3 hundred and 21", "three lakh crore", "3 dozen");
//! decimals ("two hundred point zero three", "nought point five"); fractions
//! ("two thirds", "a fifth", "one hundred thirty-two fifths", "one and a
//! half", "five and a quarter", "two and fifty-four hundredths"); fractions
//! of a scale ("half a million", "a quarter million", "three quarters
//! billion", "two thirds of a million", "five and a half million", "one
//! billion and a half million"); and ratios ("one out of three", "1 in 5").
//!
//! ## Not extracted
//! A lone "a", "an" or "one" (the caller decides: "one of them" is no count);
//! "second" as a fraction (it is a time or an ordinal); ratios whose first
//! number is not smaller than the second ("5 in 2", "2 in 2024").

use rust_decimal::Decimal;

use super::number::{self, Number};

/// A number read from words: its value, its precision step, and how many
/// tokens it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordNumber {
    pub number: Number,
    pub used: usize,
}

/// A number phrase whose value a `Decimal` cannot hold ("6700000000000000000000000000
/// dozen", "five trillion trillion trillion"): the caller reads no shorter
/// phrase in its place, which would be a wrong number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooLarge;

/// What the grammar read: `Ok(None)` when the words start no number.
type Read<T> = Result<Option<T>, TooLarge>;

/// Reads a number from `w`, lowercase tokens (words, digit literals, and
/// "-" for hyphens), from the start. `Ok(None)` when `w` does not start with
/// one; `Err` when it does but its value overflows a `Decimal`.
pub(crate) fn read(w: &[&str]) -> Read<WordNumber> {
    let found = match lone_word(w) {
        Some(v) => Some(v),
        None => phrase(w)?,
    };
    let Some((value, used)) = found else {
        return Ok(None);
    };
    let step = if value.fract() == Decimal::ZERO {
        number::step_of_whole(value)
    } else {
        Decimal::ZERO
    };
    Ok(Some(WordNumber {
        number: Number { value, step },
        used,
    }))
}

/// `Some` of a checked operation's result, else `TooLarge`.
fn fits(d: Option<Decimal>) -> Result<Decimal, TooLarge> {
    d.ok_or(TooLarge)
}

/// Whether number phrases can contain `s` (lowercase): the grammar below
/// reads nothing else, so a caller may end its window soon after a word
/// that is not.
pub(crate) fn in_vocabulary(s: &str) -> bool {
    unit(s).is_some()
        || tens(s).is_some()
        || big_scale(s).is_some()
        || is_dozen(s)
        || simple_ordinal(s).is_some()
        || number::ordinal_word(s).is_some()
        || s.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || matches!(
            s,
            "a" | "an"
                | "one"
                | "and"
                | "point"
                | "hundred"
                | "hundreds"
                | "out"
                | "of"
                | "in"
                | "over"
                | "-"
                | "half"
                | "halves"
                | "quarter"
                | "quarters"
                | "hundredth"
                | "hundredths"
                | "thousandth"
                | "thousandths"
                | "millionth"
                | "millionths"
                | "billionth"
                | "billionths"
                | "trillionth"
                | "trillionths"
                | "nought"
                | "naught"
                | "zero"
        )
}

/// A number word that no word after it continues ("two nations", "one of
/// them", "twenty."): most number words in news, read without the grammar,
/// which gives the same (tested below). "Of" continues only a fraction or
/// "out", never a cardinal word.
fn lone_word(w: &[&str]) -> Option<(Decimal, usize)> {
    let (first, rest) = w.split_first()?;
    let continued = rest
        .first()
        .is_some_and(|next| *next != "of" && in_vocabulary(next));
    if continued {
        return None;
    }
    let v = unit(first).or_else(|| tens(first))?;
    Some((Decimal::from(v), 1))
}

fn phrase(w: &[&str]) -> Read<(Decimal, usize)> {
    // "half a million", "a quarter million", "three quarters billion"
    if let Some(r) = fraction_of_scale(w, 0)? {
        return Ok(Some(r));
    }
    let Some(card) = cardinal(w, 0)? else {
        return Ok(None);
    };
    let mut value = card.value;
    let mut i = card.next;
    // "two hundred point zero three"
    if word(w, i) == "point" {
        if let Some((frac, next)) = decimals(w, i + 1)? {
            return Ok(Some((fits(value.checked_add(frac))?, next)));
        }
    }
    // "two thirds", "two-thirds", "one hundred thirty-two fifths"
    let hyphen = usize::from(word(w, i) == "-");
    if let Some((den, next)) = denominator(w, i + hyphen) {
        if !card.article_only || den > Decimal::ONE {
            return Ok(Some((fits(value.checked_div(den))?, next)));
        }
    }
    // "one and a half", "3 million and a quarter", "five and a half million"
    if word(w, i) == "and" {
        if let Some((frac, next)) = and_fraction(w, i + 1, &card)? {
            return Ok(Some((fits(value.checked_add(frac))?, next)));
        }
    }
    // "one out of three", "1 in 5", "one over three"
    if let Some((ratio, next)) = ratio(w, i, value)? {
        return Ok(Some((ratio, next)));
    }
    if card.article_only {
        return Ok(None);
    }
    // "half a dozen" is handled by fraction_of_scale; "3 dozen" by cardinal
    i = i.max(card.next);
    value = value.max(card.value);
    Ok(Some((value, i)))
}

fn word<'a>(w: &[&'a str], i: usize) -> &'a str {
    w.get(i).copied().unwrap_or("")
}

/// A cardinal read from the words.
#[derive(Debug, Clone, Copy)]
struct Cardinal {
    value: Decimal,
    next: usize,
    /// Only "a"/"an": a numerator, never a count by itself.
    article_only: bool,
    /// The scale word it ended with ("three million"): a following "and a
    /// half" is half of that scale.
    last_scale: Option<Decimal>,
}

fn unit(s: &str) -> Option<u32> {
    match s {
        "nought" | "naught" => Some(0),
        "a" | "an" => None,
        _ => number::small_word(s).filter(|v| *v < 20),
    }
}

fn tens(s: &str) -> Option<u32> {
    number::small_word(s).filter(|v| number::is_tens(*v))
}

/// Scale words that multiply everything before them ("thousand", "crore").
fn big_scale(s: &str) -> Option<Decimal> {
    let e = match s {
        "thousand" | "thousands" => 3,
        "lakh" | "lakhs" => 5,
        "million" | "millions" => 6,
        "crore" | "crores" => 7,
        "billion" | "billions" => 9,
        "trillion" | "trillions" => 12,
        _ => return None,
    };
    Some(number::pow10(e))
}

fn is_dozen(s: &str) -> bool {
    matches!(s, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

fn cardinal(w: &[&str], start: usize) -> Read<Cardinal> {
    let mut total = Decimal::ZERO;
    let mut group = Decimal::ZERO;
    let mut tail = Decimal::ZERO;
    let mut i = start;
    let mut any = false;
    let mut article = false;
    let mut last_scale = None;
    loop {
        let s = word(w, i);
        let after_scale_or_hundred =
            last_scale.is_some() || (any && group != Decimal::ZERO && tail == Decimal::ZERO);
        if (s == "a" || s == "an") && !any {
            let next = word(w, i + 1);
            if next == "hundred"
                || big_scale(next).is_some()
                || is_dozen(next)
                || denominator(w, i + 1).is_some()
            {
                group = Decimal::ONE;
                tail = Decimal::ONE;
                article = true;
                any = true;
                i += 1;
                continue;
            }
            return Ok(None);
        }
        if let Some(n) = number::parse_digits(s).filter(|_| tail == Decimal::ZERO) {
            // digits start a number or a group after a scale, "hundred" or
            // "and": "4 thousand 3 hundred and 21"
            let prev = if i > start { word(w, i - 1) } else { "" };
            let opens = prev == "hundred"
                || prev == "hundreds"
                || prev == "and"
                || big_scale(prev).is_some();
            if any && !opens {
                break;
            }
            group = fits(group.checked_add(n.value))?;
            tail = n.value;
            any = true;
            last_scale = None;
            i += 1;
            continue;
        }
        if let Some(u) = unit(s) {
            let has_unit = tail != Decimal::ZERO
                && (tail % Decimal::TEN != Decimal::ZERO || tail < Decimal::from(20));
            if has_unit {
                break;
            }
            group = fits(group.checked_add(Decimal::from(u)))?;
            tail = fits(tail.checked_add(Decimal::from(u)))?;
            any = true;
            article = false;
            last_scale = None;
            i += 1;
            continue;
        }
        if let Some(t) = tens(s) {
            if tail != Decimal::ZERO {
                break;
            }
            let mut v = t;
            let mut used = 1;
            // "twenty-three", "ninety - five"
            if word(w, i + 1) == "-" {
                if let Some(u) = unit(word(w, i + 2)).filter(|u| (1..10).contains(u)) {
                    v += u;
                    used = 3;
                }
            }
            group = fits(group.checked_add(Decimal::from(v)))?;
            tail = Decimal::from(v);
            any = true;
            article = false;
            last_scale = None;
            i += used;
            continue;
        }
        if (s == "hundred" || s == "hundreds") && any && last_scale.is_none() {
            group = fits(group.max(Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED))?;
            tail = Decimal::ZERO;
            article = false;
            i += 1;
            continue;
        }
        if let (Some(scale), true) = (big_scale(s), any) {
            if group == Decimal::ZERO && last_scale.is_some() {
                // "three lakh crore"
                total = fits(total.checked_mul(scale))?;
            } else {
                let scaled = fits(group.max(Decimal::ONE).checked_mul(scale))?;
                total = fits(total.checked_add(scaled))?;
            }
            group = Decimal::ZERO;
            tail = Decimal::ZERO;
            article = false;
            last_scale = Some(scale);
            i += 1;
            continue;
        }
        if is_dozen(s) && any {
            let small = if tail == Decimal::ZERO { group } else { tail };
            let dozens = fits(small.max(Decimal::ONE).checked_mul(Decimal::from(12)))?;
            // cannot overflow: `small` is `group` or its last part, both
            // not negative
            group = fits((group - small).checked_add(dozens))?;
            tail = Decimal::ZERO;
            article = false;
            i += 1;
            continue;
        }
        if s == "and" && any && after_scale_or_hundred {
            let next = word(w, i + 1);
            let continues = unit(next).is_some()
                || tens(next).is_some()
                || number::parse_digits(next).is_some();
            // "and three quarters" is a fraction, read by the caller; "and
            // thirty fifths" is 130 fifths
            let numerator = unit(next).or(tens(next)).map(Decimal::from);
            let proper = match (numerator, denominator(w, i + 2)) {
                (Some(n), Some((d, _))) => n < d,
                _ => false,
            };
            // "1 million and 1.5 million" is two numbers: the next scale is
            // not smaller than the one before the "and"
            let next_scale = (i + 2..i + 4).find_map(|j| big_scale(word(w, j)));
            let second_number = matches!((next_scale, last_scale), (Some(n), Some(l)) if n >= l);
            if continues && !proper && !second_number {
                i += 1;
                continue;
            }
        }
        break;
    }
    if !any {
        return Ok(None);
    }
    Ok(Some(Cardinal {
        value: fits(total.checked_add(group))?,
        next: i,
        article_only: article,
        last_scale,
    }))
}

/// Ordinal words as denominators: "third" 3, "quarter" 4, "fifths" 5,
/// "hundredths" 100, "twenty-first" 21.
fn denominator(w: &[&str], i: usize) -> Option<(Decimal, usize)> {
    let s = word(w, i);
    if let Some(t) = tens(s) {
        // "twenty-first", "thirty fifths"
        let j = if word(w, i + 1) == "-" { i + 2 } else { i + 1 };
        let u = simple_ordinal(word(w, j)).filter(|u| *u < 10)?;
        return Some((Decimal::from(t + u), j + 1));
    }
    let d = match s {
        "half" | "halves" => Decimal::TWO,
        "quarter" | "quarters" => Decimal::from(4),
        "hundredth" | "hundredths" => number::pow10(2),
        "thousandth" | "thousandths" => number::pow10(3),
        "millionth" | "millionths" => number::pow10(6),
        "billionth" | "billionths" => number::pow10(9),
        "trillionth" | "trillionths" => number::pow10(12),
        _ => Decimal::from(simple_ordinal(s)?),
    };
    Some((d, i + 1))
}

/// "third" 3 ... "ninetieth" 90, singular or plural; not "first" or
/// "second" (no fraction is written so).
fn simple_ordinal(s: &str) -> Option<u32> {
    let singular = s.strip_suffix('s').unwrap_or(s);
    let v = match singular {
        "first" => 1,
        "third" => 3,
        "fourth" => 4,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        other => number::ordinal_word(other).filter(|v| *v >= 5)?,
    };
    Some(v)
}

/// Digits after "point": "zero three" is .03, "seventy-one" is .71.
fn decimals(w: &[&str], i: usize) -> Read<(Decimal, usize)> {
    let mut digits = String::new();
    let mut j = i;
    while let Some(d) = unit(word(w, j))
        .filter(|u| *u < 10)
        .and_then(|u| char::from_digit(u, 10))
    {
        digits.push(d);
        j += 1;
    }
    if digits.is_empty()
        || (digits.len() == 1 && tens(word(w, i)).is_none() && unit(word(w, i)).is_none())
    {
        let Some(card) = cardinal(w, i)? else {
            return Ok(None);
        };
        digits = card.value.trunc().to_string();
        j = card.next;
    }
    // more decimals than a `Decimal` holds (28) cannot be read exactly
    let Ok(scale) = u32::try_from(digits.len()) else {
        return Err(TooLarge);
    };
    let n: i128 = digits.parse().map_err(|_| TooLarge)?;
    Ok(Some((
        Decimal::try_from_i128_with_scale(n, scale).map_err(|_| TooLarge)?,
        j,
    )))
}

/// After "and": "a half", "one fourth", "three fifths", "a half million".
fn and_fraction(w: &[&str], i: usize, whole: &Cardinal) -> Read<(Decimal, usize)> {
    if let Some((part, next, scale)) = fraction_parts_of_scale(w, i) {
        let value = match whole.last_scale {
            // "one billion and a half million": a half million more
            Some(_) => fits(part.checked_mul(scale))?,
            // "five and a half million": five and a half, in millions
            None => {
                let scaled = fits(fits(whole.value.checked_add(part))?.checked_mul(scale))?;
                fits(scaled.checked_sub(whole.value))?
            }
        };
        return Ok(Some((value, next)));
    }
    let Some(num) = cardinal(w, i)? else {
        return Ok(None);
    };
    let Some((den, next)) = denominator(w, num.next) else {
        return Ok(None);
    };
    if num.value >= den {
        // "one hundred and thirty fifths" is 130/5: the caller divides
        return Ok(None);
    }
    let frac = fits(num.value.checked_div(den))?;
    let value = fits(frac.checked_mul(whole.last_scale.unwrap_or(Decimal::ONE)))?;
    Ok(Some((value, next)))
}

/// "half a million", "a quarter million", "three quarters billion", "two
/// thirds of a million", "half a dozen".
fn fraction_of_scale(w: &[&str], i: usize) -> Read<(Decimal, usize)> {
    match fraction_parts_of_scale(w, i) {
        Some((part, next, scale)) => Ok(Some((fits(part.checked_mul(scale))?, next))),
        None => Ok(None),
    }
}

/// The fraction, the next token, and the scale of "a quarter million".
fn fraction_parts_of_scale(w: &[&str], i: usize) -> Option<(Decimal, usize, Decimal)> {
    let (num, j) = match word(w, i) {
        "half" | "quarter" => (Decimal::ONE, i),
        "a" | "an" | "one" => (Decimal::ONE, i + 1),
        s => (Decimal::from(unit(s)?), i + 1),
    };
    let (den, mut k) = denominator(w, j)?;
    if word(w, k) == "of" {
        k += 1;
    }
    if matches!(word(w, k), "a" | "an") {
        k += 1;
    }
    let scale =
        big_scale(word(w, k)).or_else(|| is_dozen(word(w, k)).then(|| Decimal::from(12)))?;
    Some((num.checked_div(den)?, k + 1, scale))
}

/// "one out of three", "1 in 5", "one over three": a ratio below one.
fn ratio(w: &[&str], i: usize, numerator: Decimal) -> Read<(Decimal, usize)> {
    let j = match (word(w, i), word(w, i + 1)) {
        ("out", "of") => i + 2,
        ("in" | "over", _) => i + 1,
        _ => return Ok(None),
    };
    // "1 in 5": a denominator too large to read is no ratio of news
    let Ok(Some(den)) = cardinal(w, j) else {
        return Ok(None);
    };
    let d = den.value;
    if d == Decimal::ZERO
        || numerator >= d
        || d > Decimal::from(1000)
        || numerator.fract() != Decimal::ZERO
    {
        return Ok(None);
    }
    Ok(numerator.checked_div(d).map(|r| (r, den.next)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_lone_word_reads_as_the_grammar_reads_it() {
        let words = [
            "zero", "one", "two", "three", "nine", "ten", "eleven", "twelve", "nineteen", "twenty",
            "thirty", "ninety", "nought", "naught", "a", "an", "half", "quarter", "third",
            "fifths",
        ];
        // what may follow: the grammar's vocabulary, digits, and strangers
        let mut after: Vec<&str> = words.to_vec();
        after.extend([
            "of",
            "and",
            "point",
            "hundred",
            "hundreds",
            "thousand",
            "million",
            "lakh",
            "crore",
            "billion",
            "trillions",
            "dozen",
            "dozens",
            "out",
            "in",
            "over",
            "-",
            "halves",
            "quarters",
            "hundredth",
            "millionths",
            "first",
            "second",
            "fourth",
            "tenth",
            "twentieth",
            "3",
            "1.5",
            "nations",
            "sides",
            "the",
            "them",
            "percent",
            "years",
            "dollars",
            ".",
            ",",
            "",
        ]);
        for first in &words {
            for second in &after {
                for third in &after {
                    for fourth in ["a", "half", "million", "three", "fifths", "the", ""] {
                        let w: Vec<&str> = [*first, *second, *third, fourth]
                            .into_iter()
                            .take_while(|t| !t.is_empty())
                            .collect();
                        if let Some(fast) = lone_word(&w) {
                            assert_eq!(Ok(Some(fast)), phrase(&w), "{w:?}");
                        }
                    }
                }
            }
        }
        // and the fast reading is taken where news needs it, so the
        // comparison above is not empty
        for w in [
            &["two", "nations"][..],
            &["one", "of", "them"],
            &["twenty", "."],
        ] {
            assert!(lone_word(w).is_some(), "{w:?}");
        }
    }

    fn value(text: &str) -> Option<(String, usize)> {
        let tokens: Vec<String> = text
            .split(' ')
            .flat_map(|t| {
                let parts: Vec<String> = t.split('-').map(str::to_string).collect();
                let mut out = Vec::new();
                for (k, p) in parts.iter().enumerate() {
                    if k > 0 {
                        out.push("-".to_string());
                    }
                    if !p.is_empty() {
                        out.push(p.clone());
                    }
                }
                out
            })
            .collect();
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        read(&refs)
            .ok()
            .flatten()
            .map(|n| (n.number.value.round_dp(6).normalize().to_string(), n.used))
    }

    #[test]
    fn cardinals_and_fractions() {
        let cases = [
            ("fifteen", "15"),
            ("twenty-three", "23"),
            ("twenty three", "23"),
            ("two hundred and five", "205"),
            ("a million", "1000000"),
            ("4 thousand 3 hundred and 21", "4321"),
            ("322 hundred", "32200"),
            ("three lakh crore", "3000000000000"),
            ("13 lakh", "1300000"),
            ("6 crore and two hundred", "60000200"),
            ("three dozens", "36"),
            ("three hundred and two dozens", "324"),
            ("a dozen", "12"),
            ("half a dozen", "6"),
            ("two hundred point zero three", "200.03"),
            ("two hundred point seventy-one", "200.71"),
            ("nought point five", "0.5"),
            ("two thirds", "0.666667"),
            ("a fifth", "0.2"),
            ("five eighths", "0.625"),
            ("one and a half", "1.5"),
            ("five and a quarter", "5.25"),
            ("one hundred and three quarters", "100.75"),
            ("two and fifty-four hundredths", "2.54"),
            ("one hundred and thirty fifths", "26"),
            ("twenty fifths", "4"),
            ("a twenty-first", "0.047619"),
            ("half million", "500000"),
            ("a quarter million", "250000"),
            ("three quarters billion", "750000000"),
            ("two thirds of a million", "666666.666667"),
            ("five and a half million", "5500000"),
            ("3 million and a half", "3500000"),
            ("one billion and a half million", "1000500000"),
            ("one out of three", "0.333333"),
            ("1 in 5", "0.2"),
            ("a hundredth", "0.01"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                value(text).map(|v| v.0),
                Some(expected.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn what_is_not_a_number() {
        for text in ["a", "an apple", "and", "second", "the", "2 in 2024"] {
            let got = value(text);
            assert!(
                got.is_none() || got.as_ref().is_some_and(|(v, _)| v == "2"),
                "{text}: {got:?}"
            );
        }
        assert_eq!(value("five and six"), Some(("5".into(), 1)));
        assert_eq!(Decimal::from_str("0").unwrap(), Decimal::ZERO);
    }

    #[test]
    fn phrases_too_large_for_a_decimal_are_too_large_not_shorter() {
        let too_large = [
            &["6700000000000000000000000000", "dozen"][..],
            &["five", "trillion", "trillion", "trillion"],
            &[
                "9000000000000000000000000000",
                "and",
                "a",
                "half",
                "million",
            ],
        ];
        // 29 decimal places: one more than a `Decimal` holds
        let mut places = vec!["one", "point"];
        places.extend(["zero"; 28]);
        places.push("one");
        for w in too_large.into_iter().chain([&places[..]]) {
            assert_eq!(read(w), Err(TooLarge), "{w:?}");
        }
        assert_eq!(
            read(&["3", "dozen"]).map(|n| n.map(|n| n.number.value)),
            Ok(Some(Decimal::from(36)))
        );
    }
}
