//! Which of the period pass's patterns can match in a sentence, found in
//! one scan for literal words instead of a regex search per pattern (and per
//! figure, for forecasts and negations): most sentences hold none of them.
//!
//! Every match of a pattern contains one of the pattern's literals below, in
//! ASCII letters of either case, so a pattern whose literals are all absent
//! cannot match the sentence or any part of it. The regexes ignore case the
//! Unicode way, where two characters beyond ASCII fold to ASCII letters
//! ("ſ" to "s", the Kelvin sign "K" to "k"): a sentence holding either is
//! searched with every pattern.

use std::ops::ControlFlow;
use std::sync::LazyLock;

use crate::literals::Literals;

/// One pattern of the period pass, as a bit of `Present`.
#[derive(Clone, Copy)]
pub(super) enum Pattern {
    /// "last year", "this year": needs "year".
    RelativeYear,
    /// "the first ten months of 2025": needs "months".
    FirstMonths,
    /// "Q3", "the second quarter", "H1", "the first half".
    PartOfYear,
    /// "two years earlier", "a year ago": needs "year".
    YearsAway,
    /// "in October", "in January–October": a month's name.
    MonthsAlone,
    /// "from Jan 1 to Dec 29": a month's name or its abbreviation.
    DaySpan,
    /// "expected", "set to", "could reach" ...
    Forecast,
    /// "not", "never", "failed to", "didn't" ...
    Negation,
}

/// Every pattern: what a sentence with a character that folds to ASCII gets.
const ALL: u8 = u8::MAX;

/// The literals, and the patterns each one lets through. Each pattern's
/// words (the alternatives of its regex in `period/`) are covered: "did
/// not" and "didn't" hold "not" and "n't", "cannot" holds "not", "could
/// reach" holds "reach".
const LITERALS: &[(&str, &[Pattern])] = {
    use Pattern::*;
    &[
        ("year", &[RelativeYear, YearsAway]),
        ("months", &[FirstMonths]),
        ("quarter", &[PartOfYear]),
        ("half", &[PartOfYear]),
        ("q1", &[PartOfYear]),
        ("q2", &[PartOfYear]),
        ("q3", &[PartOfYear]),
        ("q4", &[PartOfYear]),
        ("h1", &[PartOfYear]),
        ("h2", &[PartOfYear]),
        ("january", &[MonthsAlone, DaySpan]),
        ("february", &[MonthsAlone, DaySpan]),
        ("march", &[MonthsAlone, DaySpan]),
        ("april", &[MonthsAlone, DaySpan]),
        ("may", &[MonthsAlone, DaySpan]),
        ("june", &[MonthsAlone, DaySpan]),
        ("july", &[MonthsAlone, DaySpan]),
        ("august", &[MonthsAlone, DaySpan]),
        ("september", &[MonthsAlone, DaySpan]),
        ("october", &[MonthsAlone, DaySpan]),
        ("november", &[MonthsAlone, DaySpan]),
        ("december", &[MonthsAlone, DaySpan]),
        // abbreviations, for spans of days only ("Jan 1 to Dec 29"); "may"
        // and the full names are above
        ("jan", &[DaySpan]),
        ("feb", &[DaySpan]),
        ("mar", &[DaySpan]),
        ("apr", &[DaySpan]),
        ("jun", &[DaySpan]),
        ("jul", &[DaySpan]),
        ("aug", &[DaySpan]),
        ("sep", &[DaySpan]),
        ("oct", &[DaySpan]),
        ("nov", &[DaySpan]),
        ("dec", &[DaySpan]),
        ("expect", &[Forecast]),
        ("forecast", &[Forecast]),
        ("project", &[Forecast]),
        ("predict", &[Forecast]),
        ("anticipated", &[Forecast]),
        ("estimated", &[Forecast]),
        ("set", &[Forecast]),
        ("reach", &[Forecast]),
        ("hit", &[Forecast]),
        ("exceed", &[Forecast]),
        ("top", &[Forecast]),
        ("surpass", &[Forecast]),
        ("rise", &[Forecast]),
        ("grow", &[Forecast]),
        ("climb", &[Forecast]),
        ("likely", &[Forecast]),
        ("poised", &[Forecast]),
        ("track", &[Forecast]),
        ("not", &[Negation]),
        ("never", &[Negation]),
        ("longer", &[Negation]),
        ("fail", &[Negation]),
        ("n't", &[Negation]),
        ("neither", &[Negation]),
        ("nor", &[Negation]),
    ]
};

/// The two characters beyond ASCII that the regexes fold to ASCII letters.
const FOLDING: [&str; 2] = ["\u{17F}", "\u{212A}"];

static SCANNER: LazyLock<(Literals, Vec<u8>)> = LazyLock::new(|| {
    let mut words: Vec<&str> = LITERALS.iter().map(|(w, _)| *w).collect();
    let mut bits: Vec<u8> = LITERALS
        .iter()
        .map(|(_, patterns)| patterns.iter().fold(0, |b, p| b | 1 << *p as u8))
        .collect();
    words.extend(FOLDING);
    bits.extend([ALL; FOLDING.len()]);
    // cannot fail: a few dozen short literals, far below any limit
    let scanner = Literals::new(&words).expect("literals build an automaton");
    (scanner, bits)
});

/// The patterns that may match in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Present(u8);

impl Present {
    pub(super) const NONE: Present = Present(0);

    /// Scans `sentence` once for every literal (overlapping ones too).
    pub(super) fn of(sentence: &str) -> Self {
        let (scanner, bits) = &*SCANNER;
        let mut present = 0;
        scanner.scan(sentence.as_bytes(), |l| {
            present |= bits.get(l).copied().unwrap_or(ALL);
            if present == ALL {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        Present(present)
    }

    pub(super) fn has(self, pattern: Pattern) -> bool {
        self.0 >> pattern as u8 & 1 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_literals_of_each_pattern() {
        let cases = [
            ("Trade rose last Year.", Pattern::RelativeYear),
            ("in the first ten MONTHS of 2025", Pattern::FirstMonths),
            ("in q3", Pattern::PartOfYear),
            ("two years earlier", Pattern::YearsAway),
            ("in October", Pattern::MonthsAlone),
            ("could reach $5bn", Pattern::Forecast),
            ("did not reach", Pattern::Negation),
            ("didn't reach", Pattern::Negation),
        ];
        for (text, pattern) in cases {
            assert!(Present::of(text).has(pattern), "{text}");
        }
        let none = Present::of("Trade between the two sides was $245 billion.");
        assert_eq!(none, Present::NONE);
    }

    #[test]
    fn a_folding_character_lets_every_pattern_through() {
        let p = Present::of("ſet to");
        assert_eq!(p, Present(ALL));
    }
}
