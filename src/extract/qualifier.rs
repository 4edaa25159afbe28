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

use serde::Serialize;

/// How the words around a figure bound the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    /// Whether the figure is an approximation rather than a stated value.
    pub fn is_approx(self) -> bool {
        matches!(self, Qualifier::About | Qualifier::Nearly)
    }
}

/// Phrases, longest first so "no more than" wins over "more than".
const PHRASES: &[(&[&str], Qualifier)] = &[
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["close", "to"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["an", "estimated"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeded"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["exceeds"], Qualifier::MoreThan),
    (&["exceed"], Qualifier::MoreThan),
    (&["surpassed"], Qualifier::MoreThan),
    (&["surpassing"], Qualifier::MoreThan),
    (&["surpasses"], Qualifier::MoreThan),
    (&["topped"], Qualifier::MoreThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
];

/// The qualifier that `before` (the lowercase words right before a figure,
/// in text order) ends with, and how many words it takes.
pub(crate) fn ending(before: &[&str]) -> Option<(Qualifier, usize)> {
    for (phrase, q) in PHRASES {
        if before.ends_with(phrase) {
            return Some((*q, phrase.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
            (&[], None),
        ];
        for (before, expected) in cases {
            assert_eq!(ending(before), *expected, "{before:?}");
        }
        assert!(Qualifier::About.is_approx());
        assert!(!Qualifier::MoreThan.is_approx());
    }
}
