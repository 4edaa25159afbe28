//! Which tokens may start a reading: the prefilter that lets the parser
//! pass over most of a text.
//!
//! Two tests: `Shapes`, a table of the trigger words' first letters and
//! lengths that the tokenizer asks to mark the words that start nothing
//! (`quiet`); and, for the words it lets through, the set of trigger words
//! itself (`Parser::triggers`) and the closer tests `at` runs before it
//! tries a reading. The words are `vocabulary`'s; what each reading then
//! reads is left to the other files of `parse` and to `extract`'s modules.

use std::sync::LazyLock;

use super::vocabulary::{ARTICLE_SCALES, MORE_TRIGGERS, STARTERS};
use super::Parser;
use crate::extract::currency;
use crate::extract::tokens::TokKind;
use crate::extract::word_set::WordSet;

/// Whether `w` (lowercase) is one of `STARTERS`.
fn is_starter(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STARTERS.iter().copied()));
    SET.contains(w)
}

/// Every lowercase word some reading starts with; `triggers` checks a word
/// against it before anything else is tried.
static TRIGGER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = STARTERS.to_vec();
    words.extend(MORE_TRIGGERS);
    // upper-case codes ("USD", "MUSD") are checked apart, in `triggers`: in
    // lower case most are English words ("all", "top", "try")
    words.extend(currency::lowercase_codes().iter().copied());
    words
});

static TRIGGERS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TRIGGER_WORDS.iter().copied()));

/// The shapes of the trigger words: for each pair of leading letters, a bit
/// per word length. Checking it costs a few instructions and turns away most
/// words ("the", "and", "of") before `TRIGGERS` hashes them. (A table of
/// last letters as well turned away more words but cost the tokenizer more
/// than it saved.)
///
/// A letter is looked up by its low five bits, the same for both cases (1
/// for "a" and "A" ... 26 for "z"): a word's first two bytes give one slot,
/// with no branch. A one-letter word sets its bit in every slot of its first
/// letter, whatever byte follows it; words of 32 letters and more are never
/// passed over, so their bits are set everywhere.
///
/// A word of three letters or more that fits a slot is then checked against
/// a filter of its first three letters and its length (`trigram`): "have"
/// has the slot of "half", "sides" that of "sixth", "now" that of "nov",
/// and the filter turns them away. Only the few words that pass the slot
/// test pay for it.
pub(in crate::extract) struct Shapes {
    slots: [u64; 1024],
    /// One bit per hash of (first three letters, length), 4,096 bits.
    trigrams: [u64; 64],
}

/// The slot of a word that starts with the bytes `first`, `second`.
#[inline(always)]
fn slot(first: u8, second: u8) -> usize {
    usize::from(first & 31) << 5 | usize::from(second & 31)
}

/// The bit of `trigrams` for a word of `len` letters that starts with the
/// bytes `a`, `b`, `c` (by their low five bits, as `slot`).
#[inline(always)]
fn trigram(a: u8, b: u8, c: u8, len: usize) -> usize {
    let x = u32::from(a & 31) | u32::from(b & 31) << 5 | u32::from(c & 31) << 10;
    // cannot truncate: lengths are below 64 here
    let x = x | ((len & 63) as u32) << 15;
    (x.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// Whether `w`, letters, is a currency code in capitals ("USD", "MUSD"):
/// never passed over, whatever its shape.
#[inline(always)]
fn upper_code_shape(w: &[u8]) -> bool {
    (3..=4).contains(&w.len()) && w.iter().all(u8::is_ascii_uppercase)
}

impl Shapes {
    fn build(words: impl Iterator<Item = impl AsRef<str>>) -> Self {
        let mut table = [!0u64 << 32; 1024];
        let mut trigrams = [0u64; 64];
        for w in words {
            let b = w.as_ref().as_bytes();
            // a word with other bytes first is never passed over (`may_start`)
            match *b {
                [first] if first.is_ascii_alphabetic() => {
                    for second in 0..32 {
                        table[slot(first, second)] |= 1 << 1;
                    }
                }
                [first, second, ..]
                    if first.is_ascii_alphabetic()
                        && second.is_ascii_alphabetic()
                        && b.len() < 32 =>
                {
                    table[slot(first, second)] |= 1 << b.len();
                    match b.get(2) {
                        Some(&third) if third.is_ascii_alphabetic() => {
                            let bit = trigram(first, second, third, b.len());
                            trigrams[bit / 64] |= 1 << (bit % 64);
                        }
                        // a word with another byte third is never
                        // passed over (`may_start`)
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Shapes {
            slots: table,
            trigrams,
        }
    }

    /// Whether the word `w` (as written) may start a reading: an upper-case
    /// currency code, or a word of the shape of a trigger word. False means
    /// surely not; true means look closer (`Parser::triggers`). Words that
    /// are not plain ASCII letters are left to the full look-up; upper-case
    /// letters count as lower case.
    #[inline]
    pub(in crate::extract) fn may_start(&self, w: &[u8]) -> bool {
        let len = w.len();
        let (first, second) = match *w {
            [first] => (first, 0),
            [first, second, ..] => (first, second),
            [] => return true,
        };
        let letters = first.is_ascii_alphabetic() && (len == 1 || second.is_ascii_alphabetic());
        if len >= 64 || !letters {
            return true;
        }
        self.fits(first, second, w)
    }

    /// `may_start` for the word of `len` ASCII letters at `p` in `window`,
    /// which goes on past the word.
    #[inline(always)]
    pub(in crate::extract) fn may_start_letters(
        &self,
        window: &[u8; 64],
        p: usize,
        len: usize,
    ) -> bool {
        let first = window.get(p).copied().unwrap_or(0);
        let second = window.get(p + 1).copied().unwrap_or(0);
        self.fits(first, second, window.get(p..p + len).unwrap_or(&[]))
    }

    /// The look-up itself, for a word `w` of fewer than 64 ASCII letters
    /// that starts with the bytes `first`, `second` (`second` is the byte
    /// after a one-letter word).
    #[inline(always)]
    fn fits(&self, first: u8, second: u8, w: &[u8]) -> bool {
        let len = w.len();
        let shape = self.slots[slot(first, second)] & (1 << (len & 63)) != 0
            && match w.get(2) {
                Some(&third) if len < 32 => {
                    let bit = trigram(first, second, third, len);
                    self.trigrams[bit / 64] >> (bit % 64) & 1 == 1
                }
                // one or two letters, or 32 and more: the slot says
                _ => true,
            };
        shape || (first & 0x20 == 0 && upper_code_shape(w))
    }
}

static TRIGGER_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::build(TRIGGER_WORDS.iter()));

/// The shapes of the trigger words, for the tokenizer to mark quiet words.
pub(in crate::extract) fn trigger_shapes() -> &'static Shapes {
    &TRIGGER_SHAPES
}

impl Parser<'_> {
    /// Whether word `i` is one of the words any reading starts with (number
    /// words, months, currency codes, "between", "tens" ...), lowercased on
    /// the stack and looked up once.
    pub(super) fn triggers(&self, i: usize) -> bool {
        let s = self.s(i);
        let upper = (3..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
        if upper && currency::code(s).is_some() {
            return true;
        }
        // the shape test already ran in the tokenizer: this word is not
        // `quiet`, so only the set can say
        TRIGGERS.contains(self.low(i))
    }

    /// Whether word `i` can start a figure: a number word, a currency code,
    /// "minus", "half" ... Checked before any parsing, without allocating.
    pub(super) fn may_start(&self, i: usize) -> bool {
        let s = self.s(i);
        is_starter(self.low(i))
            || currency::code(s).is_some()
            || currency::abbreviation(s).is_some()
            || (self.s(i + 1) == "$" && currency::dollar_prefix(s).is_some())
            || self.lost_symbol(i).is_some()
    }

    /// Whether "a" or "an" at `i` can start a figure: only before a scale
    /// or a number word ("a million", "a third").
    pub(super) fn article_may_start(&self, i: usize) -> bool {
        let next = self.low(i + 1);
        let scale = ARTICLE_SCALES.contains(&next);
        // "A$3.1bn": the Australian dollar
        if self.s(i) == "A" && self.s(i + 1) == "$" && self.glued(i + 1) {
            return true;
        }
        // a quiet word has no starter's shape: no look-up for it
        let quiet = self.toks.get(i + 1).is_some_and(|t| t.quiet);
        self.joined(i + 1) && (scale || (!quiet && is_starter(next)))
    }

    /// Whether symbol `i` can start a figure: a currency symbol, a minus
    /// sign, a vulgar fraction.
    pub(super) fn symbol_may_start(&self, i: usize) -> bool {
        let s = self.s(i);
        // a minus sign only before digits glued to it ("-1.8", "−5%"): a
        // hyphen between words starts nothing ("forward-looking")
        if matches!(s, "-" | "−") {
            return self.glued(i + 1) && self.kind(i + 1) == Some(TokKind::Digits);
        }
        // of the other ASCII symbols only "$" ("$5")
        if s.len() == 1 {
            return s == "$";
        }
        currency::symbol(s).is_some() || crate::extract::notation::vulgar(s).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_trigger_word_is_passed_over() {
        let shapes = trigger_shapes();
        for w in TRIGGER_WORDS.iter() {
            let mut capital = w.to_string();
            capital[..1].make_ascii_uppercase();
            for v in [w.to_string(), capital, w.to_ascii_uppercase()] {
                assert!(shapes.may_start(v.as_bytes()), "{v}");
            }
        }
        for code in ["USD", "MUSD", "RUB", "ALL", "TRY"] {
            assert!(shapes.may_start(code.as_bytes()), "{code}");
        }
    }

    #[test]
    fn common_words_are_passed_over() {
        // words that share a trigger word's first two letters and length
        // ("half", "sixth", "nov", "three") are turned away by the filter
        // of three letters
        let shapes = trigger_shapes();
        for w in [
            "the", "and", "of", "have", "sides", "now", "their", "Though", "hard",
        ] {
            assert!(!shapes.may_start(w.as_bytes()), "{w}");
        }
    }
}
