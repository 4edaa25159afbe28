//! Qualifier words before a figure, and what they do to its interval.
//!
//! ## What it extracts
//! about / around / approximately / roughly / some / an estimated: the value
//! give or take the approximation slack; nearly / almost / close to / just
//! under: at most the value and at least the value less the slack; more than /
//! over / above / exceeded / surpassed / topped / in excess of: an open lower
//! bound; at least / no less than: a closed one; less than / fewer than /
//! under / below: an open upper bound; up to / at most / no more than / as many
//! as / as much as: a closed one. "between X and Y" is found by the parser.
//!
//! ## Not extracted
//! Qualifiers separated from the figure by other words ("more people than
//! ever, 5,000"): only the words right before the figure count.

use serde::{Deserialize, Serialize};

/// How the words around a figure bound the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// A plain figure: the value, to its stated precision.
    Exact,
    /// The value give or take the approximation slack.
    About,
    /// At most the value, at least the value less the slack.
    Nearly,
    /// Strictly above the value.
    MoreThan,
    /// The value or above.
    AtLeast,
    /// Strictly below the value (and not negative).
    LessThan,
    /// The value or below (and not negative).
    AtMost,
    /// A stated range, both ends included.
    Between,
}

impl Qualifier {
    /// The name in JSON output (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more-than",
            Qualifier::AtLeast => "at-least",
            Qualifier::LessThan => "less-than",
            Qualifier::AtMost => "at-most",
            Qualifier::Between => "between",
        }
    }

    /// Whether the figure is an approximation rather than a stated value.
    pub fn is_approx(self) -> bool {
        matches!(self, Qualifier::About | Qualifier::Nearly)
    }
}

/// Phrases before a figure, as lowercase tokens ("<" and "=" are tokens
/// too). The longest phrase that ends right before the figure wins, so "no
/// more than" beats "more than".
const PHRASES: &[(&[&str], Qualifier)] = &[
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["larger", "than"], Qualifier::MoreThan),
    (&["bigger", "than"], Qualifier::MoreThan),
    (&["higher", "than"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeded"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["exceeds"], Qualifier::MoreThan),
    (&["exceed"], Qualifier::MoreThan),
    (&["surpassed"], Qualifier::MoreThan),
    (&["surpassing"], Qualifier::MoreThan),
    (&["surpasses"], Qualifier::MoreThan),
    (&["surpass"], Qualifier::MoreThan),
    (&["topped"], Qualifier::MoreThan),
    // a line crossed: "going past 5 trillion yen", "passing the 20
    // million line"
    (&["went", "past"], Qualifier::MoreThan),
    (&["going", "past"], Qualifier::MoreThan),
    (&["gone", "past"], Qualifier::MoreThan),
    (&["passing"], Qualifier::MoreThan),
    (&["passing", "the"], Qualifier::MoreThan),
    (&["passed", "the"], Qualifier::MoreThan),
    (&["crossing"], Qualifier::MoreThan),
    (&["crossing", "the"], Qualifier::MoreThan),
    (&["crossed", "the"], Qualifier::MoreThan),
    (&["topping"], Qualifier::MoreThan),
    (&[">"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["at", "least", "or", "equal", "to"], Qualifier::AtLeast),
    (
        &["greater", "than", "or", "equal", "to"],
        Qualifier::AtLeast,
    ),
    (&["more", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["equal", "to", "or", "more", "than"], Qualifier::AtLeast),
    (
        &["equal", "to", "or", "greater", "than"],
        Qualifier::AtLeast,
    ),
    (&["higher", "or", "equal", "than"], Qualifier::AtLeast),
    (&["bigger", "or", "equal", "than"], Qualifier::AtLeast),
    (&["larger", "or", "equal", "than"], Qualifier::AtLeast),
    (&["greater", "or", "equal", "than"], Qualifier::AtLeast),
    (&[">", "="], Qualifier::AtLeast),
    (&["≥"], Qualifier::AtLeast),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["smaller", "than"], Qualifier::LessThan),
    (&["lower", "than"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["<"], Qualifier::LessThan),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["less", "than", "or", "equal", "to"], Qualifier::AtMost),
    (&["fewer", "than", "or", "equal", "to"], Qualifier::AtMost),
    (&["equal", "to", "or", "less", "than"], Qualifier::AtMost),
    (&["equal", "to", "or", "lower", "than"], Qualifier::AtMost),
    (&["equal", "to", "or", "fewer", "than"], Qualifier::AtMost),
    (&["less", "or", "equal", "than"], Qualifier::AtMost),
    (&["smaller", "or", "equal", "than"], Qualifier::AtMost),
    (&["lower", "or", "equal", "than"], Qualifier::AtMost),
    (&["<", "="], Qualifier::AtMost),
    (&["≤"], Qualifier::AtMost),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["~"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["closer", "to"], Qualifier::About),
    (&["in", "the", "region", "of"], Qualifier::About),
    (&["just", "under"], Qualifier::Nearly),
    (&["just", "shy", "of"], Qualifier::Nearly),
];

/// Phrases after a figure: "500 or more", "30 or less", "20 and above".
const AFTER: &[(&[&str], Qualifier)] = &[
    (&["or", "more"], Qualifier::AtLeast),
    (&["or", "greater"], Qualifier::AtLeast),
    (&["or", "higher"], Qualifier::AtLeast),
    (&["or", "above"], Qualifier::AtLeast),
    (&["or", "over"], Qualifier::AtLeast),
    (&["and", "more"], Qualifier::AtLeast),
    (&["and", "above"], Qualifier::AtLeast),
    (&["and", "over"], Qualifier::AtLeast),
    (&["or", "less"], Qualifier::AtMost),
    (&["or", "fewer"], Qualifier::AtMost),
    (&["or", "lower"], Qualifier::AtMost),
    (&["or", "below"], Qualifier::AtMost),
    (&["or", "under"], Qualifier::AtMost),
    (&["and", "less"], Qualifier::AtMost),
    (&["and", "below"], Qualifier::AtMost),
    (&["and", "under"], Qualifier::AtMost),
];

/// The one-word phrases before a figure that make it "about" it:
/// "approximately", "roughly", "around" …
pub(crate) fn about_words() -> &'static [&'static str] {
    // (found once: a view asks for them before every number)
    static WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        PHRASES
            .iter()
            .filter_map(|(words, q)| match words {
                [word] if *q == Qualifier::About && word.chars().all(char::is_alphabetic) => {
                    Some(*word)
                }
                _ => None,
            })
            .collect()
    });
    &WORDS
}

/// Whether a token can be part of a qualifier phrase.
pub(crate) fn is_phrase_token(s: &str) -> bool {
    matches!(s, "<" | ">" | "=" | "≤" | "≥" | "~") || s.chars().all(char::is_alphabetic)
}

/// Whether `s` (lowercase) is the last token of some qualifier phrase: the
/// one look-up that rejects almost every word before a figure.
pub(crate) fn ends_a_phrase(s: &str) -> bool {
    static LAST: std::sync::LazyLock<super::word_set::WordSet> = std::sync::LazyLock::new(|| {
        super::word_set::WordSet::new(PHRASES.iter().filter_map(|(p, _)| p.last().copied()))
    });
    LAST.contains(s)
}

/// The qualifier that `before` (the lowercase tokens right before a figure,
/// in text order) ends with, and how many tokens it takes.
pub(crate) fn ending(before: &[&str]) -> Option<(Qualifier, usize)> {
    type Phrase = (&'static [&'static str], Qualifier);
    // the phrases by their last word: most words end one or two
    static BY_LAST: std::sync::LazyLock<foldhash::HashMap<&'static str, Vec<Phrase>>> =
        std::sync::LazyLock::new(|| {
            let mut map: foldhash::HashMap<&'static str, Vec<Phrase>> = Default::default();
            for &(phrase, q) in PHRASES {
                if let Some(last) = phrase.last() {
                    map.entry(*last).or_default().push((phrase, q));
                }
            }
            map
        });
    let last = before.last()?;
    BY_LAST
        .get(last)?
        .iter()
        .filter(|(phrase, _)| before.ends_with(phrase))
        .max_by_key(|(phrase, _)| phrase.len())
        .map(|(phrase, q)| (*q, phrase.len()))
}

/// The qualifier that `after` (the lowercase tokens right after a figure)
/// starts with, and how many tokens it takes.
pub(crate) fn starting(after: &[&str]) -> Option<(Qualifier, usize)> {
    // every phrase after a figure starts with "or" or "and"
    if !matches!(after.first(), Some(&("or" | "and"))) {
        return None;
    }
    AFTER
        .iter()
        .find(|(phrase, _)| after.starts_with(phrase))
        .map(|(phrase, q)| (*q, phrase.len()))
}

impl Qualifier {
    /// A lower bound ("more than", "at least"): the ends of a bound pair.
    pub(crate) fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::AtLeast)
    }

    /// An upper bound ("less than", "up to").
    pub(crate) fn is_upper_bound(self) -> bool {
        matches!(self, Qualifier::LessThan | Qualifier::AtMost)
    }

    /// Whether the bound includes its value.
    pub(crate) fn is_inclusive(self) -> bool {
        matches!(self, Qualifier::AtLeast | Qualifier::AtMost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_after_a_figure_start_with_or_or_and() {
        assert!(AFTER
            .iter()
            .all(|(p, _)| matches!(p.first(), Some(&("or" | "and")))));
        assert_eq!(starting(&["or", "more"]), Some((Qualifier::AtLeast, 2)));
        assert_eq!(starting(&["people", "or"]), None);
    }

    #[test]
    fn matches_the_words_right_before() {
        type Case<'a> = (&'a [&'a str], Option<(Qualifier, usize)>);
        let cases: &[Case] = &[
            (&["worth", "more", "than"], Some((Qualifier::MoreThan, 2))),
            (&["no", "more", "than"], Some((Qualifier::AtMost, 3))),
            (&["be", "about"], Some((Qualifier::About, 1))),
            (&["traveled", "nearly"], Some((Qualifier::Nearly, 1))),
            (&["surpassed"], Some((Qualifier::MoreThan, 1))),
            (&["up", "to"], Some((Qualifier::AtMost, 2))),
            (&["reached"], None),
            (
                &["less", "than", "or", "equal", "to"],
                Some((Qualifier::AtMost, 5)),
            ),
            (&["<", "="], Some((Qualifier::AtMost, 2))),
            (&[], None),
        ];
        for (before, expected) in cases {
            assert_eq!(ending(before), *expected, "{before:?}");
        }
        assert!(Qualifier::About.is_approx());
        assert!(!Qualifier::MoreThan.is_approx());
    }
}
