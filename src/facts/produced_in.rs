//! Production in a place or a group is its production: "Total crude oil
//! production in the Organization of Petroleum Exporting Countries (OPEC)
//! rose … to an average of 26.7 million bpd"; "production in OPEC alone
//! rose … to 27.96 million". What is produced in a country or among the
//! members of a group is what it produces, so a rule's pattern that names
//! "production of OPEC" should reach "production in OPEC" too.
//!
//! The plural "outputs" ("with daily outputs of 8.938 million barrels and
//! 4.019 million barrels, respectively") is the output of each producer,
//! and is written "output" for patterns that name `\boutput\b`.
//!
//! `written` writes such an "in" as "of" (the same length, so the text
//! keeps every offset) after a noun of production ("output", "production",
//! "pumping", "extraction") and before a name (a capital, after "the" or
//! not), a month excepted ("output in June" is a date). Patterns are tried
//! on the text and on this view (`window.rs`, `attach.rs`), as on those of
//! `names.rs`, `asides.rs`, `signs.rs` and `daily.rs`, which it is applied
//! to. "Investment in China" or "sales in Europe" are left as written: money
//! put or sold in a place is not the place's own.

use std::sync::LazyLock;

use super::rewrite::{rewritten, Edit};

/// A noun of production, "in", and a capitalized word after it (and "the").
/// (ASCII word boundaries, here and below: the words are ASCII, and with a
/// Unicode one the regex crate's fast DFA gives up on curly quotes.)
static PRODUCED_IN: LazyLock<regex::Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(
        r"(?-u:\b)(?i:output|production|pumping|extraction)\s+(in)\s+(?:(?i:the)\s+)?([A-Z][A-Za-z]*)",
    )
    .expect("valid regex")
});

/// "outputs": the output of each of several producers ("Saudi Arabia and
/// Iraq held the top two places, with daily outputs of 8.938 million
/// barrels and 4.019 million barrels, respectively").
static OUTPUTS: LazyLock<regex::Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(r"(?-u:\b)(?i:output)(s)(?-u:\b)").expect("valid regex")
});

/// `text` with each "in" between a noun of production and a name written
/// as "of", and the plural "outputs" as "output", or `None` when it has
/// none.
pub(super) fn written(text: &str) -> Option<String> {
    let places = PRODUCED_IN.captures_iter(text).filter_map(|c| {
        let (word, name) = (c.get(1)?, c.get(2)?);
        // a month after "in" is a date, not a place
        (!crate::extract::MONTHS.contains(&name.as_str())).then(|| Edit {
            range: word.range(),
            with: "of",
            pad_before: false,
        })
    });
    let plurals = OUTPUTS.captures_iter(text).filter_map(|c| {
        c.get(1).map(|s| Edit {
            range: s.range(),
            with: "",
            pad_before: false,
        })
    });
    let mut edits: Vec<Edit<'_>> = places.chain(plurals).collect();
    edits.sort_by_key(|e| e.range.start);
    rewritten(text, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_in_a_place_or_group_is_its_production() {
        let text = "Crude production in the League rose, and output in Norway fell.";
        let view = written(text).expect("two places");
        assert_eq!(view.len(), text.len());
        assert_eq!(
            view,
            "Crude production of the League rose, and output of Norway fell."
        );
        assert_eq!(
            written("Production in OPEC alone rose.").as_deref(),
            Some("Production of OPEC alone rose.")
        );
    }

    #[test]
    fn outputs_are_the_output_of_each() {
        assert_eq!(
            written("Oman and Kuwait, with daily outputs of 1 million and 2.5 million barrels.")
                .as_deref(),
            Some("Oman and Kuwait, with daily output  of 1 million and 2.5 million barrels.")
        );
        assert_eq!(written("Outputs rose."), Some("Output  rose.".to_owned()));
    }

    #[test]
    fn a_month_other_nouns_and_lower_case_words_are_left_as_written() {
        assert_eq!(written("Output in June rose to 9 million bpd."), None);
        assert_eq!(written("Investment in China rose."), None);
        assert_eq!(written("Sales in Europe fell."), None);
        assert_eq!(written("Production in the first half rose."), None);
        assert_eq!(written("output in 2024 rose"), None);
    }
}
