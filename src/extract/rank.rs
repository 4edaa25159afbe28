//! Ordinals and ranks: "30th" is an ordinal; "fifth largest", "second-biggest",
//! "Russia's largest", "the largest partner" (first place), "ranks fifth", "ranked 3rd", "took
//! fourth place", "in 2nd position" are ranks, which rules of kind `rank`
//! can claim.

use rust_decimal::Decimal;

use super::number;
use super::parse::{Figure, Parser};
use super::{Found, Kind};

/// Superlatives that make a place in a ranking.
pub(super) const RANK_WORDS: &[&str] = &["largest", "biggest"];

/// Verbs before an ordinal that make it a place: "ranks fifth".
const RANK_VERBS: &[&str] = &["ranks", "ranked", "ranking", "rank"];

/// Adverbs between a rank verb and its ordinal: "ranked only third".
const RANK_ADVERBS: &[&str] = &["only", "just", "still", "now", "again", "also"];

/// Words after "the largest" that rank nothing: "the largest ever", "the
/// largest since 2019", "the largest in decades".
const NOT_A_RANKED_THING: &[&str] = &[
    "ever", "since", "for", "from", "yet", "and", "but", "than", "among", "that", "this", "was",
    "were", "has", "had", "have", "said", "the", "one", "two", "three",
];

/// Nouns after an ordinal that make it a place: "fourth place".
const PLACE_NOUNS: &[&str] = &["place", "position", "spot"];

impl Parser<'_> {
    /// An ordinal ("30th"), or a rank when a superlative follows ("5th largest").
    pub(super) fn ordinal(&self, mut fig: Figure) -> (Found, usize) {
        let mut k = fig.last + 1;
        if self.is_dash(k) && self.glued(k) {
            k += 1;
        }
        if self.joined(k) && RANK_WORDS.contains(&self.s(k)) {
            fig.last = k;
            let found = self.ranked(&fig);
            return (found, k + 1);
        }
        let next = fig.last + 1;
        if self.names_a_place(fig.first, next) {
            return (self.ranked(&fig), next);
        }
        (self.non_metric(Kind::Ordinal, &fig, None), next)
    }

    /// "fifth largest", "second-biggest".
    pub(super) fn rank_from_ordinal_word(&self, i: usize) -> Option<(Found, usize)> {
        let n = number::ordinal_word(self.low(i))?;
        let mut k = i + 1;
        if self.is_dash(k) && self.glued(k) {
            k += 1;
        }
        if !(self.joined(k) && RANK_WORDS.contains(&self.s(k))) {
            if !self.names_a_place(i, i + 1) {
                return None;
            }
            let fig = Figure::plain(i, i, Decimal::from(n), Decimal::ONE, self.s(i), false);
            return Some((self.ranked(&fig), i + 1));
        }
        let fig = Figure::plain(i, k, Decimal::from(n), Decimal::ONE, self.s(i), false);
        Some((self.ranked(&fig), k + 1))
    }

    /// Whether the ordinal at `first` (followed by token `next`) is a place
    /// in a ranking: after "ranks" ("ranks fifth", "ranked 3rd"), or before
    /// "place", "position" ("took fourth place", "in 2nd position").
    fn names_a_place(&self, first: usize, next: usize) -> bool {
        // "ranked only third": an adverb may stand between
        let before = match self.word_before(first) {
            Some(w) if RANK_ADVERBS.contains(&w) => {
                first.checked_sub(1).and_then(|k| self.word_before(k))
            }
            w => w,
        };
        let verb = before.is_some_and(|w| RANK_VERBS.contains(&w));
        let noun = self.joined(next) && PLACE_NOUNS.contains(&self.word(next));
        verb || noun
    }

    /// "Russia's largest", "its biggest", "the largest partner", "the
    /// bloc's top import source": first place. In a list of places the
    /// article may be left out: "the EU's largest trading partner,
    /// largest source of imports and third largest export market".
    pub(super) fn bare_superlative(&self, i: usize) -> Option<(Found, usize)> {
        let top = self.s(i) == "top";
        let possessive = i >= 2
            && self.s(i - 1) == "s"
            && matches!(self.s(i - 2), "'" | "’")
            && self.glued(i - 1);
        let pronoun = i >= 1 && matches!(self.s(i - 1), "its" | "their" | "Its" | "Their");
        let article = i >= 1 && self.low(i - 1) == "the";
        // a place listed after another: a superlative a few words before
        let listed = !top
            && i >= 1
            && matches!(self.low(i - 1), "," | "and")
            && (i.saturating_sub(10)..i - 1).any(|k| RANK_WORDS.contains(&self.s(k)));
        let ranks = (!top && !article && !listed) || self.ranks_a_thing(i);
        if !(possessive || pronoun || article || listed) || !ranks || !self.joined(i) {
            return None;
        }
        let fig = Figure::plain(i, i, Decimal::ONE, Decimal::ONE, self.s(i), false);
        Some((self.ranked(&fig), i + 1))
    }

    /// Whether "the largest" (or "the top") at `i` ranks the thing named
    /// after it ("the largest partner", "the biggest source of imports",
    /// "the top spot"): not "one of the
    /// largest", "among the biggest", nor "the largest ever", "the largest
    /// since 2019".
    fn ranks_a_thing(&self, i: usize) -> bool {
        let one_of = i >= 3
            && ((self.low(i - 2) == "of" && self.low(i - 3) == "one")
                || self.low(i - 2) == "among");
        let noun = self.word(i + 1);
        let names = self.joined(i + 1)
            && self.s(i + 1).chars().all(|c| c.is_ascii_lowercase())
            && noun.len() > 2
            && !NOT_A_RANKED_THING.contains(&noun)
            // "the top five markets" counts places
            && !crate::extract::words::in_vocabulary(noun);
        names && !one_of
    }

    pub(super) fn ranked(&self, fig: &Figure) -> Found {
        let mut found = self.non_metric(Kind::Rank, fig, None);
        found.quantity.unit = "rank";
        // a place in a ranking is a whole number, stated exactly
        found.quantity.step = Decimal::ZERO;
        found.quantity.value = Some(fig.value);
        found
    }
}
