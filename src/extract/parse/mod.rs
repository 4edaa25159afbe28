//! The figure grammar: reads quantities from tokens.
//!
//! A figure is `[currency] number [scale] [percent | currency]`, where the
//! number is a digit literal or number words. Around that: "between A and B"
//! and "A–B" ranges; qualifier words before it; and the non-metric readings
//! that must win over a count: years ("2024"), year ranges ("2026–2027",
//! "2024/25"), dates ("February 2022", "21 January", "2025-11-18"), times
//! ("10:30"), ordinals ("30th") and ranks ("fifth largest", "Russia's
//! largest"), and numbers inside names ("G20", "COVID-19", "5G").
//!
//! This file holds the `Parser` (the tokens, read by index), its token
//! accessors, the main loop and `at`, which tries each reading that can
//! start at a token. The readings live apart: `triggers` says which words
//! may start one, `figure` reads `[currency] number [scale] [unit]`,
//! `ranges` joins two figures into one, `special` reads the digits that
//! are no amount (and finds the web addresses nothing is read in), and
//! `found` turns a figure into a `Found`. The words they look for are in
//! `vocabulary`; the sibling modules of `extract` (`date`, `rank`, `change`,
//! `notation` ...) add their own readings to `Parser`.

mod figure;
mod found;
mod ranges;
mod special;
mod triggers;
mod vocabulary;

use super::date::month;
use super::number;
use super::rank::RANK_WORDS;
use super::tokens::{Gap, TokKind, Token};
use super::Found;

pub(super) use figure::Figure;
pub(super) use triggers::{trigger_shapes, Shapes};

use ranges::merge_bounds;
use special::web_addresses;
use vocabulary::DASHES;
pub(in crate::extract) use vocabulary::ORDINAL_SUFFIXES;
pub(crate) use vocabulary::PERCENT_WORDS;

/// Every figure in `text`, in order. Offsets are relative to `text`.
pub(crate) fn parse(text: &str, toks: &[Token]) -> Vec<Found> {
    // one lowercase copy with the same byte offsets (ASCII letters only; no
    // word of the vocabulary has any other), so no token is lowercased twice
    let lower = text.to_ascii_lowercase();
    let links = web_addresses(text, &lower);
    // room for a figure per 400 bytes, more than news has: growing the
    // vector of these large values one doubling at a time cost more
    let mut out: Vec<Found> = Vec::with_capacity(text.len() / 400);
    // nothing is read across a blank line: each paragraph's tokens are read
    // on their own, so no reading can look into the paragraph before or
    // after it (what a chunk of the text, cut at blank lines, cannot see)
    let mut start = 0;
    while start < toks.len() {
        let end = toks[start + 1..]
            .iter()
            .position(|t| t.gap == Gap::Paragraph)
            .map_or(toks.len(), |k| start + 1 + k);
        let p = Parser {
            text,
            lower: &lower,
            toks: &toks[start..end],
        };
        p.read_all(&links, &mut out);
        start = end;
    }
    out
}

/// A text and its tokens, read by index: every reading is a method of it.
pub(super) struct Parser<'t> {
    text: &'t str,
    /// `text` with ASCII letters lowercased: the same offsets.
    lower: &'t str,
    toks: &'t [Token],
}

impl<'t> Parser<'t> {
    /// Every figure of the tokens, in order, onto `out`; nothing is read
    /// inside `links` (URLs, e-mail addresses).
    fn read_all(&self, links: &[std::ops::Range<usize>], out: &mut Vec<Found>) {
        let (text, toks) = (self.text, self.toks);
        let mut i = 0;
        while i < toks.len() {
            // most tokens start nothing: passed over in a tight loop
            match toks[i..].iter().position(|t| !t.quiet) {
                Some(k) => i += k,
                None => break,
            }
            // nothing in a URL or an e-mail address is a figure
            if let Some(link) = links.iter().find(|r| r.contains(&toks[i].start())) {
                i += toks[i..]
                    .iter()
                    .take_while(|t| t.start() < link.end)
                    .count();
                continue;
            }
            match self.at(i) {
                Some((mut found, next)) => {
                    // the one limit on values, whatever reading made the value
                    crate::extract::limit::enforce(&mut found.quantity);
                    let merged = out
                        .last_mut()
                        .is_some_and(|prev| merge_bounds(text, prev, &found));
                    if !merged {
                        out.push(found);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    pub(super) fn s(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.start()..t.end()])
    }

    /// Token `i` with ASCII letters lowercased, without allocating.
    pub(super) fn low(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .map_or("", |t| &self.lower[t.start()..t.end()])
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap == Gap::Glued)
    }

    /// Token `i` exists and is in the same paragraph as the one before.
    pub(super) fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap != Gap::Paragraph)
    }

    /// Whether token `i` is the first of a sentence: the first of the text
    /// or of a line, or after a full stop, "!", "?", a colon or a quote.
    pub(super) fn starts_sentence(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else {
            return true;
        };
        let gap = match (self.toks.get(prev), self.toks.get(i)) {
            (Some(a), Some(b)) => self.text.get(a.end()..b.start()).unwrap_or(""),
            _ => "",
        };
        !self.joined(i)
            || gap.contains('\n')
            || matches!(self.s(prev), "." | "!" | "?" | ":" | "\"" | "“" | "”")
    }

    /// Token `i` lowercased when it is a word, else "".
    pub(super) fn word(&self, i: usize) -> &'t str {
        if self.kind(i) == Some(TokKind::Word) {
            self.low(i)
        } else {
            ""
        }
    }

    /// Whether token `i` is the word `word` (given in lower case) in any
    /// case.
    pub(super) fn is_word(&self, i: usize, word: &str) -> bool {
        debug_assert!(!word.bytes().any(|b| b.is_ascii_uppercase()), "{word}");
        self.word(i) == word
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        DASHES.contains(&self.s(i))
    }

    /// Whether token `i` is a hyphen that joins the tokens either side of
    /// it into one compound, glued to both: "10-percent", "0-to-60",
    /// "third-party".
    pub(in crate::extract) fn is_hyphen(&self, i: usize) -> bool {
        self.is_dash(i) && self.glued(i) && self.glued(i + 1)
    }

    /// Up to `n` lowercase tokens from `k` on, in one paragraph.
    fn lower_words(&self, k: usize, n: usize) -> Vec<&'t str> {
        (k..k + n)
            .take_while(|&j| self.joined(j) && self.kind(j).is_some())
            .map(|j| self.low(j))
            .collect()
    }

    /// The text between tokens `j - 1` and `j` (their gap).
    pub(super) fn gap_text(&self, j: usize) -> &'t str {
        match (
            j.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(j),
        ) {
            (Some(a), Some(b)) => &self.text[a.end()..b.start()],
            _ => "",
        }
    }

    pub(super) fn written(&self, first: usize, last: usize) -> &'t str {
        let (a, b) = (self.toks[first].start(), self.toks[last].end());
        &self.text[a..b]
    }

    /// The word right before token `i`, lowercase, in its paragraph.
    pub(super) fn word_before(&self, i: usize) -> Option<&'t str> {
        if !self.joined(i) {
            return None;
        }
        let w = self.word(i.checked_sub(1)?);
        (!w.is_empty()).then_some(w)
    }

    /// Tries every reading that can start at token `i`.
    fn at(&self, i: usize) -> Option<(Found, usize)> {
        if self.toks.get(i)?.quiet {
            return None;
        }
        match self.kind(i)? {
            // the commonest trigger, known by its length before any look-up:
            // a figure only before a scale or a number word ("a million", "a
            // third"), none of the readings below
            TokKind::Word if matches!(self.low(i), "a" | "an") => self
                .article_may_start(i)
                .then(|| self.figure_reading(i))
                .flatten(),
            // the prefilter: one look-up rejects the words that start nothing
            TokKind::Word if !self.triggers(i) => None,
            TokKind::Word if self.low(i) == "between" => self.between(i),
            TokKind::Word if matches!(self.s(i), "percent" | "percents" | "per") => {
                self.percent_of(i)
            }
            TokKind::Word if RANK_WORDS.contains(&self.s(i)) => self.bare_superlative(i),
            TokKind::Word if self.s(i) == "top" => self.bare_superlative(i),
            TokKind::Word if month(self.s(i)).is_some() => self.date_from_month(i),
            TokKind::Word if super::change::multiplier_verb(self.low(i)).is_some() => {
                self.multiplier(i)
            }
            TokKind::Word if self.may_be_vague(i) => self.vague(i),
            // the prefilter: most words cannot start a figure
            TokKind::Word if !self.may_start(i) => None,
            // an ordinal word is a rank ("fifth largest") or nothing: no
            // number phrase starts with one ("a third", "two thirds" start
            // before it)
            TokKind::Word if number::ordinal_word(self.low(i)).is_some() => {
                self.rank_from_ordinal_word(i)
            }
            TokKind::Word => self.figure_reading(i).or_else(|| self.unparsed(i)),
            TokKind::Digits => self
                .date_from_day(i)
                .or_else(|| self.digit_special(i))
                .or_else(|| self.slash_compound(i))
                .or_else(|| self.figure_reading(i))
                .or_else(|| self.unparsed(i)),
            TokKind::Symbol if !self.symbol_may_start(i) => None,
            TokKind::Symbol => self.figure_reading(i),
        }
    }
}
