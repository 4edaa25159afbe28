//! The figure grammar: reads quantities from tokens.
//!
//! A figure is `[currency] number [scale] [percent | currency]`, where the
//! number is a digit literal or number words. Around that: "between A and B"
//! and "A–B" ranges; qualifier words before it; and the non-metric readings
//! that must win over a count: years ("2024"), year ranges ("2026–2027",
//! "2024/25"), dates ("February 2022", "21 January", "2025-11-18"), times
//! ("10:30"), ordinals ("30th") and ranks ("fifth largest", "Russia's
//! largest"), and numbers inside names ("G20", "COVID-19", "5G").

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::currency::{self, Currency};
use super::date::month;
use super::number::{self, Number};
use super::qualifier::{self, Qualifier};
use super::rank::RANK_WORDS;
use super::scale;
use super::tokens::{Gap, TokKind, Token};
use super::word_set::WordSet;
use super::words;
use super::Role;
use super::{Found, Kind, Quantity};
use crate::period::Period;

/// Every figure in `text`, in order. Offsets are relative to `text`.
pub(crate) fn parse(text: &str, toks: &[Token]) -> Vec<Found> {
    // one lowercase copy with the same byte offsets (ASCII letters only; no
    // word of the vocabulary has any other), so no token is lowercased twice
    let lower = text.to_ascii_lowercase();
    let p = Parser {
        text,
        lower: &lower,
        toks,
    };
    let links = web_addresses(text, &lower);
    // room for a figure per 400 bytes, more than news has: growing the
    // vector of these large values one doubling at a time cost more
    let mut out: Vec<Found> = Vec::with_capacity(text.len() / 400);
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
        match p.at(i) {
            Some((found, next)) => {
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
    out
}

static WEB_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    Regex::new(r"(?i)\b(?:https?://|ftp://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
        .expect("valid regex")
});

/// Byte ranges of URLs and e-mail addresses in `text`, whose ASCII letters
/// `lower` has in lower case.
fn web_addresses(text: &str, lower: &str) -> Vec<std::ops::Range<usize>> {
    // a cheap test first, vector searches for what each form needs: "@",
    // the "/" of "://", and "www." in `lower` (`text` lowercased: the
    // pattern ignores case); most texts have none
    let bytes = text.as_bytes();
    let slashes = memchr::memchr2_iter(b'@', b'/', bytes).any(|k| {
        bytes[k] == b'@' || (k > 0 && bytes[k - 1] == b':' && bytes.get(k + 1) == Some(&b'/'))
    });
    if !slashes && memchr::memmem::find(lower.as_bytes(), b"www.").is_none() {
        return Vec::new();
    }
    WEB_ADDRESS.find_iter(text).map(|m| m.range()).collect()
}

/// "more than 10 and less than 20", "at most 100 and at least 20": a lower
/// and an upper bound of one kind joined by "and", "but" or a comma are one
/// range. Merges `next` into `prev` and says whether it did.
fn merge_bounds(text: &str, prev: &mut Found, next: &Found) -> bool {
    let (a, b) = (&prev.quantity, &next.quantity);
    let (Some(va), Some(vb)) = (a.value, b.value) else {
        return false;
    };
    let pair = (a.qualifier.is_lower_bound() && b.qualifier.is_upper_bound())
        || (a.qualifier.is_upper_bound() && b.qualifier.is_lower_bound());
    if !(pair && a.kind == b.kind && a.unit == b.unit) {
        return false;
    }
    let raw = text.get(a.end..next.lead).unwrap_or("");
    // nothing is read across a blank line
    if raw.matches('\n').count() >= 2 {
        return false;
    }
    let between = raw.trim().to_ascii_lowercase();
    let joined = matches!(
        between.as_str(),
        "and" | "but" | "," | ", and" | ", but" | "and yet"
    );
    if !joined {
        return false;
    }
    let (lo, hi) = if a.qualifier.is_lower_bound() {
        (a, b)
    } else {
        (b, a)
    };
    let (lo_v, hi_v) = if a.qualifier.is_lower_bound() {
        (va, vb)
    } else {
        (vb, va)
    };
    if lo_v > hi_v {
        return false;
    }
    let inclusive = (lo.qualifier.is_inclusive(), hi.qualifier.is_inclusive());
    let q = &mut prev.quantity;
    q.range = Some((lo_v, hi_v));
    q.range_inclusive = inclusive;
    q.value = None;
    q.qualifier = Qualifier::Between;
    q.step = q.step.max(b.step);
    q.end = b.end;
    q.written = text.get(q.start..q.end).unwrap_or("").to_string();
    true
}

pub(super) const DASHES: &[&str] = &["-", "–", "—", "‑"];

/// Lowercase words that can start a figure, sorted (binary search): number
/// words, fractions, signs, and the words of the other readings ("between",
/// "percent", ordinals and ranks).
const STARTERS: &[&str] = &[
    "between",
    "biggest",
    "doubled",
    "dozen",
    "eight",
    "eighteen",
    "eightfold",
    "eighth",
    "eighty",
    "eleven",
    "eleventh",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifty",
    "first",
    "five",
    "fivefold",
    "forty",
    "four",
    "fourfold",
    "fourteen",
    "fourteenth",
    "fourth",
    "half",
    "halved",
    "hundred",
    "largest",
    "minus",
    "naught",
    "negative",
    "nine",
    "ninefold",
    "nineteen",
    "nineteenth",
    "ninety",
    "ninth",
    "nought",
    "one",
    "per",
    "percent",
    "percents",
    "quadrupled",
    "quarter",
    "second",
    "seven",
    "sevenfold",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventy",
    "six",
    "sixfold",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixty",
    "ten",
    "tenfold",
    "tenth",
    "third",
    "thirteen",
    "thirteenth",
    "thirty",
    "thousand",
    "three",
    "threefold",
    "trebled",
    "tripled",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "two",
    "twofold",
    "zero",
];

/// Whether `w` (lowercase) is one of `STARTERS`.
fn is_starter(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STARTERS.iter().copied()));
    SET.contains(w)
}

/// Every lowercase word some reading starts with; `triggers` checks a word
/// against it before anything else is tried.
static TRIGGER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = STARTERS.to_vec();
    let more = [
        "a",
        "an",
        "percent",
        "percents",
        "tens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
        "dozens",
        "doubled",
        "tripled",
        "trebled",
        "quadrupled",
        "halved",
        "rs",
        "us",
        "c",
        "hk",
        "s",
        "nz",
        "nt",
        "r",
        "mex",
        "au",
        "ca",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "rmb",
        "rm",
    ];
    words.extend(more);
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
pub(super) struct Shapes {
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
    pub(super) fn may_start(&self, w: &[u8]) -> bool {
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
    pub(super) fn may_start_letters(&self, window: &[u8; 64], p: usize, len: usize) -> bool {
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
pub(super) fn trigger_shapes() -> &'static Shapes {
    &TRIGGER_SHAPES
}

/// Words after digits that the number-word grammar continues with.
const WORD_CONTINUATIONS: &[&str] = &[
    "hundred", "hundreds", "thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore",
    "crores", "dozen", "dozens", "dz", "dzs", "doz", "dozs", "and", "in", "out", "over", "point",
];

/// Words after "m" that make it metres, not millions ("3.5m long").
const MEASURE_CONTEXT: &[&str] = &[
    "long", "high", "wide", "tall", "deep", "away", "above", "below", "of", "from", "in",
];

/// Stems of verbs that state a change, for "rose from A to B".
const CHANGE_VERBS: &[&str] = &[
    "rose", "rise", "risen", "fell", "fall", "fallen", "increas", "decreas", "grew", "grow",
    "climb", "jump", "drop", "declin", "slid", "slip", "surg", "soar", "plung", "plummet",
    "shrank", "shrink", "cut", "lower", "reduc", "boost", "widen", "narrow", "expand", "contract",
    "gain", "went", "moved", "chang", "revis", "up", "down", "eas", "dip", "tumbl", "sank", "sink",
    "slump", "advanc", "add",
];

/// Whether `word` (lowercase) is a form of one of `CHANGE_VERBS`: the stem
/// and an inflection ("rose", "increased", "dipping"), never a longer word
/// that starts the same ("additional", "diplomats", "easterly").
fn is_change_verb(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "", "s", "e", "es", "ed", "d", "ing", "n", "ped", "ping", "ting", "ged", "ging", "ion",
        "ions",
    ];
    CHANGE_VERBS.iter().any(|v| {
        word.strip_prefix(v)
            .is_some_and(|rest| ENDINGS.contains(&rest))
    })
}

/// What follows a number and gives it a unit.
enum Suffix {
    /// "%", "percent", "per cent"; `points` for "percentage points".
    Percent {
        points: bool,
        end: usize,
    },
    Currency(Currency, usize),
}

/// A figure before classification: tokens `first..=last`.
#[derive(Debug, Clone)]
pub(super) struct Figure<'t> {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) value: Decimal,
    pub(super) step: Decimal,
    /// Power of ten applied by a scale word, if any.
    pub(super) scale: Option<u32>,
    pub(super) unit: Option<&'static str>,
    pub(super) percent: bool,
    /// "percentage points" rather than "percent".
    pub(super) points: bool,
    /// The number as written, borrowed: a `String` only when it becomes a
    /// quantity.
    pub(super) written: &'t str,
    /// A lone digit token with no separators or decimals ("2024", "30").
    pub(super) bare_integer: bool,
}

impl<'t> Figure<'t> {
    /// A figure with no scale, currency or percent sign yet.
    pub(super) fn plain(
        first: usize,
        last: usize,
        value: Decimal,
        step: Decimal,
        written: &'t str,
        bare_integer: bool,
    ) -> Self {
        Figure {
            first,
            last,
            value,
            step,
            scale: None,
            unit: None,
            percent: false,
            points: false,
            written,
            bare_integer,
        }
    }

    pub(super) fn is_plain(&self) -> bool {
        self.bare_integer && self.scale.is_none() && self.unit.is_none() && !self.percent
    }

    pub(super) fn year(&self) -> Option<i32> {
        let y = i32::try_from(self.value.mantissa()).ok()?;
        (self.is_plain() && self.written.len() == 4 && (1900..=2100).contains(&y)).then_some(y)
    }
}

pub(super) struct Parser<'t> {
    text: &'t str,
    /// `text` with ASCII letters lowercased: the same offsets.
    lower: &'t str,
    toks: &'t [Token],
}

impl<'t> Parser<'t> {
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

    /// Whether the year at tokens `first..=last` bounds a span or names a
    /// base ("since 2022", "from 2023", "than in 2019", "compared with
    /// 2023", "six times the 2022 figure", "2019 levels") rather than a
    /// figure's period.
    fn after_bound_word(&self, first: usize, last: usize) -> bool {
        use super::period::{BASE_BEFORE_IN, BASE_BEFORE_THE, NOT_A_PERIOD_AFTER};
        if matches!(self.word(last + 1), "level" | "levels") && self.joined(last + 1) {
            return true;
        }
        let Some(w) = self.word_before(first) else {
            return false;
        };
        if NOT_A_PERIOD_AFTER.contains(&w) {
            return true;
        }
        let w2 = first.checked_sub(1).and_then(|p| self.word_before(p));
        match w {
            "in" | "with" => w2.is_some_and(|w2| BASE_BEFORE_IN.contains(&w2)),
            "the" => w2.is_some_and(|w2| BASE_BEFORE_THE.contains(&w2)),
            _ => false,
        }
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
            TokKind::Word => self.figure_reading(i),
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

    /// Whether word `i` is one of the words any reading starts with (number
    /// words, months, currency codes, "between", "tens" ...), lowercased on
    /// the stack and looked up once.
    fn triggers(&self, i: usize) -> bool {
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
    fn may_start(&self, i: usize) -> bool {
        let s = self.s(i);
        is_starter(self.low(i))
            || currency::code(s).is_some()
            || currency::abbreviation(s).is_some()
            || (self.s(i + 1) == "$" && currency::dollar_prefix(s).is_some())
    }

    /// Whether "a" or "an" at `i` can start a figure: only before a scale
    /// or a number word ("a million", "a third").
    fn article_may_start(&self, i: usize) -> bool {
        let next = self.low(i + 1);
        let scale = matches!(
            next,
            "million"
                | "billion"
                | "trillion"
                | "lakh"
                | "crore"
                | "hundredth"
                | "thousandth"
                | "millionth"
                | "billionth"
                | "trillionth"
        );
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
    fn symbol_may_start(&self, i: usize) -> bool {
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
        currency::symbol(s).is_some() || super::notation::vulgar(s).is_some()
    }

    /// A money, percent or count figure, or a range of two, at `i`.
    fn figure_reading(&self, i: usize) -> Option<(Found, usize)> {
        // `at` has already let token `i` through
        let fig = self.read_figure(i)?;
        if let Some(r) = self.dash_range(&fig) {
            return Some(r);
        }
        let next = fig.last + 1;
        let year = fig
            .year()
            .filter(|_| self.qualifier_before(fig.first).0.is_none());
        if let Some(y) = year {
            let period = if self.fiscal_before(fig.first) {
                Period::fiscal(y)
            } else {
                Period::year(y)
            };
            let found = self.non_metric(Kind::Year, &fig, Some(period));
            return Some((found, next));
        }
        self.metric(fig, None).map(|f| (f, next))
    }

    /// A figure at any token `i` ("between A and B", "A to B"): the words
    /// and symbols `at` passes over start none ("between the two").
    fn figure(&self, i: usize) -> Option<Figure<'t>> {
        let t = self.toks.get(i)?;
        if t.quiet || (t.kind == TokKind::Word && !self.triggers(i)) {
            return None;
        }
        self.read_figure(i)
    }

    /// `[currency] number [scale] [percent | currency [scale]] [minor part]`
    /// at `i`, a token `at` lets through.
    fn read_figure(&self, i: usize) -> Option<Figure<'t>> {
        if let Some(after) = self.sign(i) {
            let mut fig = self.figure(after)?;
            fig.value = -fig.value;
            fig.first = i;
            fig.bare_integer = false;
            return Some(fig);
        }
        let (prefix, j) = match self.currency_prefix(i) {
            Some((c, j)) if self.joined(j) && self.kind(j) == Some(TokKind::Digits) => (Some(c), j),
            Some(_) => return None,
            None => (None, i),
        };
        let (num, last, bare) = self.number(j)?;
        let mut fig = Figure {
            first: i,
            last,
            value: num.value,
            step: num.step,
            scale: None,
            unit: None,
            percent: false,
            points: false,
            written: self.written(j, last),
            bare_integer: bare,
        };
        fig.last = self.scale(&mut fig, last, prefix.is_some())?;
        let mut currency = prefix;
        match self.suffix(&fig, prefix.is_none()) {
            Some(Suffix::Percent { points, end }) => {
                fig.percent = true;
                fig.points = points;
                fig.last = end;
            }
            Some(Suffix::Currency(c, end)) => {
                currency = Some(c);
                fig.last = end;
                // "75 USD million"
                if fig.scale.is_none() {
                    fig.last = self.scale(&mut fig, end, true)?;
                }
            }
            None => {}
        }
        if let Some(c) = currency {
            let factor = if c.exp >= 0 {
                number::pow10(c.exp.unsigned_abs())
            } else {
                Decimal::ONE / number::pow10(c.exp.unsigned_abs())
            };
            fig.value = fig.value.checked_mul(factor)?;
            fig.step = fig.step.checked_mul(factor)?;
            fig.unit = Some(c.unit);
            if c.exp == 0 && fig.scale.is_none() {
                if let Some((minor, end)) = self.minor_part(fig.last + 1) {
                    fig.value = fig.value.checked_add(minor)?;
                    fig.step = Decimal::new(1, 2);
                    fig.last = end;
                }
            }
        }
        // beyond any real-world amount: not read, so interval and difference
        // arithmetic can never overflow
        (fig.value.abs() <= super::MAX_VALUE).then_some(fig)
    }

    /// A minus sign at `i` ("-1.8", "−5%", "minus five", "negative ten"):
    /// the token where the number starts. A hyphen glued to a word or a
    /// number before it is no sign ("COVID-19", "10-20").
    fn sign(&self, i: usize) -> Option<usize> {
        let next = i + 1;
        if self.is_word(i, "minus") || self.is_word(i, "negative") {
            return (self.joined(next)
                && self.kind(next).is_some()
                && self.kind(next) != Some(TokKind::Symbol))
            .then_some(next);
        }
        let dash = matches!(self.s(i), "-" | "−");
        let glued_after = self.glued(next) && self.kind(next) == Some(TokKind::Digits);
        let glued_before = i > 0 && self.glued(i) && self.kind(i - 1) != Some(TokKind::Symbol);
        (dash && glued_after && !glued_before).then_some(next)
    }

    /// Applies a scale word after token `last` ("billion", "bn", "-billion");
    /// returns the new last token.
    fn scale(&self, fig: &mut Figure, last: usize, money: bool) -> Option<usize> {
        let mut k = last + 1;
        // "a $245-billion deal"
        let hyphenated = self.is_dash(k) && self.glued(k) && self.glued(k + 1);
        if hyphenated && scale::scale_word(self.s(k + 1), false).is_some() {
            k += 1;
        }
        // "9.02 mbpd", "26.5 mb/d", "900 kb/d": barrels a day in millions
        // or thousands, the scale inside the unit
        if let Some((e, last)) = self.barrels_a_day(k) {
            let factor = number::pow10(e);
            fig.value = fig.value.checked_mul(factor)?;
            fig.step = fig.step.checked_mul(factor)?;
            fig.scale = Some(e);
            return Some(last);
        }
        // "$75 [billion]": a scale an editor put in brackets
        if self.s(k) == "["
            && self.joined(k)
            && self.s(k + 2) == "]"
            && scale::scale_word(self.s(k + 1), false).is_some()
        {
            let e = scale::scale_word(self.s(k + 1), false)?;
            let factor = number::pow10(e);
            fig.value = fig.value.checked_mul(factor)?;
            fig.step = fig.step.checked_mul(factor)?;
            fig.scale = Some(e);
            return Some(k + 2);
        }
        if !(self.joined(k) && self.kind(k) == Some(TokKind::Word)) {
            return Some(last);
        }
        let million_noun = self.million_before_noun(k);
        let Some(e) = scale::scale_word(self.s(k), self.glued(k) && (money || million_noun)) else {
            return Some(last);
        };
        let factor = number::pow10(e);
        fig.value = fig.value.checked_mul(factor)?;
        fig.step = fig.step.checked_mul(factor)?;
        fig.scale = Some(e);
        Some(k)
    }

    /// A unit of barrels a day with its scale at token `k`: "mbpd", "mbd",
    /// "mmbpd", "kbpd", "kbd", or "mb/d", "kb/d": the power of ten and the
    /// unit's last token.
    fn barrels_a_day(&self, k: usize) -> Option<(u32, usize)> {
        if !self.joined(k) {
            return None;
        }
        let e = match self.word(k) {
            "mbpd" | "mbd" | "mmbpd" | "mmbd" | "mmb" => 6,
            "kbpd" | "kbd" => 3,
            "mb" | "kb" if self.s(k + 1) == "/" && self.word(k + 2) == "d" && self.glued(k + 1) => {
                let e = if self.word(k) == "mb" { 6 } else { 3 };
                return Some((e, k + 2));
            }
            _ => return None,
        };
        Some((e, k))
    }

    /// Cents after a whole amount: "3 dollars 50 cents", "15 dollars and 50",
    /// "thirteen dollars and forty-five cents". Without a minor-unit word the
    /// number must end the clause, so "15 dollars and 50 people" is two figures.
    fn minor_part(&self, k: usize) -> Option<(Decimal, usize)> {
        let k = if self.is_word(k, "and") { k + 1 } else { k };
        if !self.joined(k) {
            return None;
        }
        let (n, last, _) = self.number(k)?;
        if n.value >= Decimal::ONE_HUNDRED || n.value.fract() != Decimal::ZERO {
            return None;
        }
        let refs = self.lower_words(last + 1, 1);
        if let Some((c, used, _)) = currency::name(&refs).filter(|(c, _, _)| c.exp < 0) {
            let factor = Decimal::ONE / number::pow10(c.exp.unsigned_abs());
            return Some((n.value * factor, last + used));
        }
        let ends =
            !self.joined(last + 1) || matches!(self.s(last + 1), "." | "," | ";" | "!" | "?" | ")");
        ends.then(|| (n.value / Decimal::ONE_HUNDRED, last))
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

    /// A currency symbol or code before a number: `$`, `US$`, `€`, `USD`,
    /// `MAUD`.
    fn currency_prefix(&self, i: usize) -> Option<(Currency, usize)> {
        let s = self.s(i);
        match self.kind(i)? {
            // "$US12.4 million", "$A3.1bn": the country after the symbol
            TokKind::Symbol
                if s == "$"
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                    && self.kind(i + 2) == Some(TokKind::Digits)
                    && self.s(i + 1).chars().all(|c| c.is_ascii_uppercase())
                    && currency::dollar_prefix(self.s(i + 1)).is_some() =>
            {
                currency::dollar_prefix(self.s(i + 1))
                    .map(|u| (Currency { unit: u, exp: 0 }, i + 2))
            }
            TokKind::Symbol if s != "元" => {
                currency::symbol(s).map(|u| (Currency { unit: u, exp: 0 }, i + 1))
            }
            TokKind::Symbol => None,
            // "US$" glued; "US $" spaced only for US: "A $5 fee" is no
            // Australian dollar
            TokKind::Word if self.s(i + 1) == "$" && (self.glued(i + 1) || s == "US") => {
                let upper = s.chars().all(|c| c.is_ascii_uppercase());
                currency::dollar_prefix(s)
                    .filter(|_| upper)
                    .map(|u| (Currency { unit: u, exp: 0 }, i + 2))
            }
            // "Rs 45,000 crore", "Rs. 500"
            TokKind::Word if currency::abbreviation(s).is_some() => {
                let dot = usize::from(self.s(i + 1) == "." && self.glued(i + 1));
                currency::abbreviation(s).map(|u| (Currency { unit: u, exp: 0 }, i + 1 + dot))
            }
            TokKind::Word => currency::code(s).map(|c| (c, i + 1)),
            TokKind::Digits => None,
        }
    }

    /// A digit literal or number words at `i`: the number, the last token, and
    /// whether it is a bare integer literal.
    fn number(&self, i: usize) -> Option<(Number, usize, bool)> {
        match self.kind(i)? {
            TokKind::Digits => {
                if let Some((n, last)) = self.notation(i) {
                    return Some((n, last, false));
                }
                let s = self.s(i);
                let n = number::parse_digits(s)?;
                // "4 thousand 3 hundred and 21", "13 lakh", "3 dozen", "1 in
                // 5"; but "25 million" is left to the scale reader, which
                // knows abbreviations and keeps the scale for the unit
                let next = self.s(i + 1);
                let continues = self.kind(i + 1) == Some(TokKind::Word)
                    && self.joined(i + 1)
                    && WORD_CONTINUATIONS
                        .iter()
                        .any(|w| next.eq_ignore_ascii_case(w));
                // after digits and a scale word ("245 billion"), words are
                // taken only when they go on past the scale (below); they
                // cannot when the grammar reads no third token: then the
                // grammar is not run at all
                let scaled = scale::scale_word(next, false).is_some();
                let reads_on = self.joined(i + 2)
                    && self.kind(i + 2).is_some()
                    && words::in_vocabulary(self.low(i + 2));
                let words = (continues && (!scaled || reads_on))
                    .then(|| self.words_from(i))
                    .flatten();
                if let Some(w) = words.filter(|w| w.used > 1) {
                    let plain_scale = w.used == 2 && scaled;
                    // "190 billion two years earlier" is 190 billion: after
                    // digits and a scale, words go on only as a smaller
                    // group with its own "hundred" or scale ("4 thousand 3
                    // hundred") or after "and" ("4 thousand and 21")
                    let grouped = (i + 2..i + w.used).any(|j| {
                        matches!(self.low(j), "and" | "hundred" | "hundreds")
                            || scale::scale_word(self.s(j), false).is_some()
                    });
                    if !plain_scale && (!scaled || grouped) {
                        return Some((w.number, i + w.used - 1, false));
                    }
                }
                Some((n, i, !s.contains([',', '.'])))
            }
            TokKind::Word => self
                .words_from(i)
                .map(|w| (w.number, i + w.used - 1, false)),
            TokKind::Symbol => self.notation(i).map(|(n, last)| (n, last, false)),
        }
    }

    /// A number in words (and digits) from token `i`.
    fn words_from(&self, i: usize) -> Option<words::WordNumber> {
        // up to 24 tokens on the stack; the window ends two tokens after the
        // first that no number phrase contains (the grammar looks at most
        // two tokens past the words it reads)
        let mut window = [""; 24];
        let mut n = 0;
        let mut strangers = 0;
        for j in i..i + 24 {
            let fits = (j == i || self.joined(j))
                && match self.kind(j) {
                    Some(TokKind::Word | TokKind::Digits) => true,
                    Some(TokKind::Symbol) => self.is_dash(j),
                    None => false,
                };
            if !fits || strangers == 2 {
                break;
            }
            window[n] = self.low(j);
            strangers += usize::from(strangers > 0 || !words::in_vocabulary(window[n]));
            n += 1;
        }
        let refs = &window[..n];
        let w = words::read(refs)?;
        // a hyphen is never the last token of a number
        (w.used > 0 && refs[w.used - 1] != "-").then_some(w)
    }

    /// Percent sign or word, or a currency symbol, code or name, after a
    /// figure ending at `fig.last`.
    fn suffix(&self, fig: &Figure, currency_allowed: bool) -> Option<Suffix> {
        let mut k = fig.last + 1;
        if !self.joined(k) {
            return None;
        }
        let s = self.s(k);
        let word = |j: usize, w: &str| self.is_word(j, w);
        let next = self.word(k);
        if s == "%" || matches!(next, "percent" | "percents" | "pct") {
            return Some(Suffix::Percent {
                points: false,
                end: k,
            });
        }
        if next == "per" && word(k + 1, "cent") {
            return Some(Suffix::Percent {
                points: false,
                end: k + 1,
            });
        }
        if next == "percentage" {
            let points = word(k + 1, "points") || word(k + 1, "point");
            return Some(Suffix::Percent {
                points,
                end: if points { k + 1 } else { k },
            });
        }
        if !currency_allowed {
            return None;
        }
        let glued_to_digits =
            |j: usize| self.glued(j + 1) && self.kind(j + 1) == Some(TokKind::Digits);
        if self.kind(k) == Some(TokKind::Symbol) {
            // "10 €", "100元"; not "2024 $5" (the $ opens the next amount)
            let year = fig.year().is_some() && !self.glued(k);
            if DASHES.contains(&s) && self.glued(k) {
                k += 1; // "12-cent", "one-yen"
            } else {
                return currency::symbol(s)
                    .filter(|_| !glued_to_digits(k) && !year)
                    .map(|u| Suffix::Currency(Currency { unit: u, exp: 0 }, k));
            }
        }
        if let Some(c) = currency::code(self.s(k)).filter(|_| !glued_to_digits(k)) {
            return Some(Suffix::Currency(c, k));
        }
        if !(self.kind(k) == Some(TokKind::Word) && currency::name_starts_with(self.low(k))) {
            return None;
        }
        let words = self.lower_words(k, 5);
        let (c, n, needs_scale) = currency::name(&words)?;
        (!needs_scale || fig.scale.is_some()).then_some(Suffix::Currency(c, k + n - 1))
    }

    /// "A–B" after figure A: a range, or a span of years.
    ///
    /// Also "A to B", "A through B" and "A~B". After "from", "from A to B"
    /// is a range unless a verb of change comes before it ("rose from A to
    /// B" states two levels, read one by one).
    fn dash_range(&self, a: &Figure) -> Option<(Found, usize)> {
        let k = a.last + 1;
        let word_link = matches!(self.word(k), "to" | "through" | "thru");
        let link = self.is_dash(k) || self.s(k) == "~" || word_link;
        if !(self.joined(k) && link && self.joined(k + 1)) {
            return None;
        }
        if word_link && self.after_change_verb(a.first) {
            return None;
        }
        let b = self.figure(k + 1)?;
        // "to" links figures of one kind only: "5% to $240 billion" is two;
        // a bare first figure takes the unit of the second ("2 to 3 percent")
        let a_has_unit = a.unit.is_some() || a.percent;
        let differ = a.unit != b.unit || a.percent != b.percent || a.points != b.points;
        if word_link && a_has_unit && differ {
            return None;
        }
        if let (Some(year), true) = (a.year(), b.is_plain()) {
            let mut span = a.clone();
            span.last = b.last;
            span.written = self.written(a.first, b.last);
            let period = self.year_span(a.first, year, self.s(b.first), false);
            return Some((self.non_metric(Kind::YearRange, &span, period), b.last + 1));
        }
        // "rose 12% in 2023 to $88.1 billion": a year, then an amount, is
        // the period of one figure and the level of another, never a range
        if a.year().is_some() && (b.unit.is_some() || b.percent || b.scale.is_some()) {
            return None;
        }
        if a.unit.is_some() && b.unit.is_some() && a.unit != b.unit {
            return None;
        }
        let (lo, hi) = shared_scale(a, &b)?;
        // "from 22 to 24 October": days of a month
        if a.is_plain() && b.is_plain() && month(self.s(b.last + 1)).is_some() {
            let mut span = a.clone();
            span.last = b.last + 1;
            span.written = self.written(a.first, b.last + 1);
            let mut found = self.non_metric(Kind::Date, &span, None);
            found.quantity.value = None;
            return Some((found, b.last + 2));
        }
        let small = |f: &Figure| f.is_plain() && f.value < Decimal::ONE_HUNDRED;
        if self.is_dash(k) && small(a) && small(&b) && lo >= hi {
            // "won 3-1", "ended 2–2": a score
            let mut span = a.clone();
            span.last = b.last;
            span.written = self.written(a.first, b.last);
            return Some((self.non_metric(Kind::Other, &span, None), b.last + 1));
        }
        if lo >= hi || self.is_chain(b.last) {
            return None;
        }
        let mut fig = a.clone();
        fig.unit = a.unit.or(b.unit);
        fig.percent = a.percent || b.percent;
        fig.step = a.step.max(b.step);
        fig.last = b.last;
        fig.written = self.written(a.first, b.last);
        let found = self.metric(fig, Some((lo, hi)))?;
        Some((found, b.last + 1))
    }

    /// "$3.5m" is millions; "2.5m visitors" too, but "3.5m long" is metres:
    /// whether the glued "m" at `k` is followed by a noun.
    fn million_before_noun(&self, k: usize) -> bool {
        self.glued(k)
            && self.s(k) == "m"
            && self.kind(k + 1) == Some(TokKind::Word)
            && self.joined(k + 1)
            && !MEASURE_CONTEXT.iter().any(|w| self.is_word(k + 1, w))
    }

    /// Whether digits at `last` go on with another dash and digits, as in a
    /// phone number ("123-45-67").
    fn is_chain(&self, last: usize) -> bool {
        self.is_dash(last + 1)
            && self.glued(last + 1)
            && self.kind(last + 2) == Some(TokKind::Digits)
    }

    /// Whether the figure at token `first` follows "from" after a verb of
    /// change: "rose from", "fell from", "was cut from".
    fn after_change_verb(&self, first: usize) -> bool {
        // "rose from A to B", "increased by A to B", "eased A to B"
        let lead = self.qualifier_before(first).1.unwrap_or(first);
        let Some(before) = lead.checked_sub(1) else {
            return false;
        };
        // the verb right before; or, before "from" or "by", within three words
        // ("cut rates by 0.25 to 0.5 points"). "Growth of 2 to 3 percent" has none.
        let window = if self.is_word(before, "from") || self.is_word(before, "by") {
            before.saturating_sub(3)..before
        } else {
            before..before + 1
        };
        window
            .into_iter()
            .any(|k| self.kind(k) == Some(TokKind::Word) && is_change_verb(self.low(k)))
    }

    /// "percent of 10", "per cent of twenty-two": a percentage written
    /// before its number.
    fn percent_of(&self, i: usize) -> Option<(Found, usize)> {
        let of = if self.is_word(i, "per") && self.is_word(i + 1, "cent") {
            i + 2
        } else {
            i + 1
        };
        if !(self.is_word(of, "of") && self.joined(of + 1)) {
            return None;
        }
        let (num, last, _) = self.number(of + 1)?;
        let fig = Figure {
            first: i,
            last,
            value: num.value,
            step: num.step,
            scale: None,
            unit: None,
            percent: true,
            points: false,
            written: self.written(of + 1, last),
            bare_integer: false,
        };
        self.metric(fig, None).map(|f| (f, last + 1))
    }

    /// "between A and B".
    fn between(&self, i: usize) -> Option<(Found, usize)> {
        let a = self.figure(i + 1)?;
        let and = a.last + 1;
        if !self.is_word(and, "and") {
            return None;
        }
        let b = self.figure(and + 1)?;
        if a.year().is_some() {
            return None; // "between 2020 and 2024": years, read one by one
        }
        let (lo, hi) = shared_scale(&a, &b)?;
        let mut fig = a.clone();
        fig.unit = a.unit.or(b.unit);
        fig.percent = a.percent || b.percent;
        fig.step = a.step.max(b.step);
        fig.last = b.last;
        fig.written = self.written(a.first, b.last);
        let mut found = self.metric(fig, Some((lo.min(hi), lo.max(hi))))?;
        found.quantity.qualifier = Qualifier::Between;
        found.quantity.qualifier_text = Some(self.s(i).to_string());
        found.lead = self.toks[i].start();
        Some((found, b.last + 1))
    }

    /// Numbers that are not amounts: ordinals, times, ISO dates, year spans
    /// written "2024/25", and numbers inside names.
    fn digit_special(&self, i: usize) -> Option<(Found, usize)> {
        if self.notation(i).is_some() {
            return None; // "1.3e6", "3/4": read as figures
        }
        let s = self.s(i);
        let num = number::parse_digits(s)?;
        let bare = !s.contains([',', '.']);
        let fig = Figure::plain(i, i, num.value, num.step, s, bare);
        let next = i + 1;
        let glued_next = self.glued(next);
        // "COVID-19", "G20", "Boeing737": a number glued to a name
        let prev_word = i >= 1 && self.glued(i) && self.kind(i - 1) == Some(TokKind::Word);
        let after_hyphen_word = i >= 2
            && self.glued(i)
            && self.is_dash(i - 1)
            && self.glued(i - 1)
            && self.kind(i - 2) == Some(TokKind::Word);
        let fiscal = prev_word && self.low(i - 1) == "fy";
        if (prev_word && !fiscal && currency::code(self.s(i - 1)).is_none()) || after_hyphen_word {
            return Some((self.non_metric(Kind::Other, &fig, None), next));
        }
        // "+7 495 123-45-67", "P5+1": a phone number or a code, to its end
        if i >= 1 && self.s(i - 1) == "+" && self.glued(i) {
            let mut last = i;
            loop {
                if self.kind(last + 1) == Some(TokKind::Digits) && self.joined(last + 1) {
                    last += 1;
                } else if self.is_chain(last) {
                    last += 2;
                } else {
                    break;
                }
            }
            let mut f = fig.clone();
            f.last = last;
            return Some((self.non_metric(Kind::Other, &f, None), last + 1));
        }
        if glued_next && self.kind(next) == Some(TokKind::Word) {
            let suffix = self.s(next).to_ascii_lowercase();
            if bare && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
                let mut f = fig.clone();
                f.last = next;
                return Some(self.ordinal(f));
            }
            let unit = currency::code(self.s(next)).is_some()
                || currency::name(&[suffix.as_str()]).is_some()
                || self.million_before_noun(next);
            if scale::scale_word(&suffix, false).is_none() && suffix != "percent" && !unit {
                let mut f = fig.clone();
                f.last = next;
                return Some((self.non_metric(Kind::Other, &f, None), next + 1));
            }
        }
        let sep = self.s(next);
        let digits_after =
            glued_next && self.glued(next + 1) && self.kind(next + 1) == Some(TokKind::Digits);
        if sep == ":" && digits_after && bare {
            let mut f = fig.clone();
            f.last = next + 1;
            return Some((self.non_metric(Kind::Time, &f, None), next + 2));
        }
        let year = fig.year()?;
        if (sep == "/" || self.is_dash(next)) && digits_after {
            let after = self.s(next + 1);
            // "2025-11-18"
            if self.is_dash(next)
                && after.len() == 2
                && self.is_dash(next + 2)
                && self.glued(next + 2)
            {
                let month = after.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
                if let (Some(m), Some(TokKind::Digits)) = (month, self.kind(next + 3)) {
                    let mut f = fig.clone();
                    f.last = next + 3;
                    let period = Period::months(year, m, m);
                    return Some((self.non_metric(Kind::Date, &f, Some(period)), next + 4));
                }
            }
            // "2024/25", "2026-2027", "2026–27"
            if after.len() == 2 || after.len() == 4 {
                let mut f = fig.clone();
                f.last = next + 1;
                let period = self.year_span(i, year, after, sep == "/");
                return Some((self.non_metric(Kind::YearRange, &f, period), next + 2));
            }
        }
        None
    }

    /// The period of a span of years starting with `year` at token `first`
    /// and ending in `after` as written ("25", "2027"). A slash, a two-digit
    /// end one year on ("2024-25") or the word "fiscal" before it make a
    /// split fiscal year; otherwise whole calendar years ("2026–2027",
    /// "2026–28"). `None` for an end that is not after the start.
    fn year_span(&self, first: usize, year: i32, after: &str, slash: bool) -> Option<Period> {
        let n: i32 = after.parse().ok()?;
        let last = match after.len() {
            2 => year - year.rem_euclid(100) + n,
            4 => n,
            _ => return None,
        };
        if last <= year {
            return None;
        }
        let split = last == year + 1 && (slash || after.len() == 2 || self.fiscal_before(first));
        Some(if split {
            Period::split_year(year)
        } else {
            Period::years(year, last)
        })
    }

    /// Whether the year at token `i` is named as a fiscal year: "fiscal
    /// 2025", "fiscal year 2025", "financial year 2025", "FY2025", "FY 2025".
    pub(super) fn fiscal_before(&self, i: usize) -> bool {
        if i == 0 || !self.joined(i) {
            return false;
        }
        let prev = self.low(i - 1);
        if prev == "fy" || prev == "fiscal" {
            return true;
        }
        prev == "year"
            && i >= 2
            && self.joined(i - 1)
            && matches!(self.low(i - 2), "fiscal" | "financial")
    }

    /// Digits that no reading could take: too many digits for a `Decimal`,
    /// or a figure beyond `MAX_VALUE`. Reported with their span, never as a
    /// wrong number.
    fn unparsed(&self, i: usize) -> Option<(Found, usize)> {
        let s = self.s(i);
        let parses = number::parse_digits(s).is_some() && self.figure(i).is_some();
        if parses || self.notation(i).is_some() {
            return None;
        }
        let mut found = self.non_metric(
            Kind::Unparsed,
            &Figure::plain(i, i, Decimal::ZERO, Decimal::ZERO, s, false),
            None,
        );
        found.quantity.value = None;
        found.quantity.unit = "unparsed";
        // take the scale or unit words that belong to it too
        let mut last = i;
        while self.joined(last + 1)
            && self.kind(last + 1) == Some(TokKind::Word)
            && scale::scale_word(self.s(last + 1), true).is_some()
        {
            last += 1;
        }
        found.quantity.end = self.toks[last].end();
        Some((found, last + 1))
    }

    /// "9/11", "24/7": numbers joined by a slash that are no fraction.
    fn slash_compound(&self, i: usize) -> Option<(Found, usize)> {
        let s = self.s(i);
        let compound = !s.contains([',', '.'])
            && self.s(i + 1) == "/"
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.kind(i + 2) == Some(TokKind::Digits)
            && self.notation(i).is_none();
        if !compound {
            return None;
        }
        let num = number::parse_digits(s)?;
        let fig = Figure::plain(i, i + 2, num.value, num.step, self.written(i, i + 2), true);
        Some((self.non_metric(Kind::Other, &fig, None), i + 3))
    }

    /// A year, date, ordinal or name: no qualifier, never compared.
    pub(super) fn non_metric(
        &self,
        kind: Kind,
        fig: &Figure,
        names_period: Option<Period>,
    ) -> Found {
        let unit = match kind {
            Kind::Year | Kind::YearRange => "year",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Ordinal => "ordinal",
            _ => "other",
        };
        let quantity = Quantity {
            kind,
            value: Some(fig.value),
            range: None,
            range_inclusive: (true, true),
            step: fig.step,
            unit,
            qualifier: Qualifier::Exact,
            qualifier_text: None,
            role: Role::Actual,
            negated: false,
            direction: None,
            period: None,
            period_basis: super::PeriodBasis::Stated,
            start: self.toks[fig.first].start(),
            end: self.toks[fig.last].end(),
            written: fig.written.to_string(),
        };
        Found {
            lead: quantity.start,
            quantity,
            names_period,
            after_bound_word: self.after_bound_word(fig.first, fig.last),
            in_period_phrase: false,
        }
    }

    /// Money, a percentage or a count, with the qualifier before it.
    pub(super) fn metric(&self, fig: Figure, range: Option<(Decimal, Decimal)>) -> Option<Found> {
        let (kind, unit) = match (fig.unit, fig.percent) {
            (Some(u), _) => (Kind::Money, u),
            (None, true) if fig.points => (Kind::Percent, "percentage_point"),
            (None, true) => (Kind::Percent, "percent"),
            (None, false) => (Kind::Number, "count"),
        };
        let (mut qualifier, qualifier_first) = self.qualifier_before(fig.first);
        if qualifier.is_none() && range.is_none() {
            if let Some((q, text, _)) = self.qualifier_after(fig.last) {
                qualifier = Some((q, text));
            }
        }
        // A lone "one" is a pronoun far more often than a count.
        if kind == Kind::Number && qualifier.is_none() && fig.written.eq_ignore_ascii_case("one") {
            return None;
        }
        // "15 years", "Room 305", "Putin, 72,", "between 20 and 25 degrees"
        if kind == Kind::Number && fig.scale.is_none() && self.not_an_amount(&fig) {
            let mut found = self.non_metric(Kind::Other, &fig, None);
            found.quantity.value = Some(fig.value);
            return Some(found);
        }
        // "the two nations", "both sides": a reference to things already
        // named, not a claim about how many there are.
        let words = self.kind(fig.first) == Some(TokKind::Word);
        let determiner = self
            .word_before(fig.first)
            .is_some_and(|w| matches!(w, "the" | "these" | "those" | "both" | "all"));
        if kind == Kind::Number && words && determiner && fig.scale.is_none() {
            return None;
        }
        let lead_tok = qualifier_first.unwrap_or(fig.first);
        let mut fig = fig;
        let (kind, unit, direction) =
            match self.change_context(lead_tok, fig.last, kind == Kind::Percent) {
                // "fell below 1,000" crosses a level: a bound, not a change
                Some(c)
                    if range.is_none()
                        && !qualifier
                            .as_ref()
                            .is_some_and(|q| q.0 != Qualifier::Exact && !q.0.is_approx()) =>
                {
                    let unit = match (c.times_end, kind) {
                        (Some(_), Kind::Number) => "times",
                        (None, Kind::Number)
                            if fig.value < Decimal::ONE && fig.value.fract() != Decimal::ZERO =>
                        {
                            "fraction"
                        }
                        _ => unit,
                    };
                    if let Some(end) = c.end.or(c.times_end) {
                        fig.last = end;
                    }
                    (Kind::Change, unit, c.direction)
                }
                _ => (kind, unit, None),
            };
        let start = self.toks[fig.first].start();
        let quantity = Quantity {
            direction,
            kind,
            value: if range.is_some() {
                None
            } else {
                Some(fig.value)
            },
            range,
            range_inclusive: (true, true),
            step: fig.step,
            unit,
            qualifier: qualifier.as_ref().map_or(Qualifier::Exact, |q| q.0),
            qualifier_text: qualifier.map(|q| q.1),
            role: Role::Actual,
            negated: false,
            period: None,
            period_basis: super::PeriodBasis::Stated,
            start,
            end: self.toks[fig.last].end(),
            written: fig.written.to_string(),
        };
        let lead = qualifier_first.map_or(start, |i| self.toks[i].start());
        Some(Found {
            quantity,
            lead,
            names_period: None,
            after_bound_word: false,
            in_period_phrase: false,
        })
    }

    /// The qualifier words right before token `first`, and the first token
    /// of them.
    #[allow(clippy::type_complexity)]
    fn qualifier_before(&self, first: usize) -> (Option<(Qualifier, String)>, Option<usize>) {
        if first == 0 || !self.joined(first) || !qualifier::ends_a_phrase(self.low(first - 1)) {
            return (None, None);
        }
        // up to five words, read backwards into the end of the array
        let mut words = [""; 5];
        let mut n = 0;
        let mut j = first;
        while j > 0 && n < words.len() && self.joined(j) {
            j -= 1;
            if !qualifier::is_phrase_token(self.s(j)) {
                break;
            }
            n += 1;
            words[words.len() - n] = self.low(j);
        }
        match qualifier::ending(&words[words.len() - n..]) {
            Some((q, n)) => {
                let q_first = first - n;
                let text =
                    self.text[self.toks[q_first].start()..self.toks[first - 1].end()].to_string();
                (Some((q, text)), Some(q_first))
            }
            None => (None, None),
        }
    }

    /// A qualifier right after the figure ending at token `last` ("or more"),
    /// and the last token of it.
    fn qualifier_after(&self, last: usize) -> Option<(Qualifier, String, usize)> {
        // two words at most, on the stack: this runs for every count
        let mut words = [""; 2];
        let mut n = 0;
        for j in last + 1..last + 3 {
            let w = self.word(j);
            if !self.joined(j) || w.is_empty() {
                break;
            }
            words[n] = w;
            n += 1;
        }
        let (q, n) = qualifier::starting(&words[..n])?;
        let end = last + n;
        let text = self.text[self.toks[last + 1].start()..self.toks[end].end()].to_string();
        Some((q, text, end))
    }

    /// The word right before token `i`, lowercase.
    pub(super) fn word_before(&self, i: usize) -> Option<&'t str> {
        let w = self.word(i.checked_sub(1)?);
        (!w.is_empty()).then_some(w)
    }
}

/// The ends of a range, in base units, with a scale written only after the
/// second number applied to the first too ("200–250 billion").
fn shared_scale(a: &Figure, b: &Figure) -> Option<(Decimal, Decimal)> {
    let lo = match (a.scale, b.scale) {
        // "200–250 billion"; but "700,000 to 1 million" is already whole
        (None, Some(e)) => {
            let scaled = a.value.checked_mul(number::pow10(e))?;
            if scaled <= b.value {
                scaled
            } else {
                a.value
            }
        }
        _ => a.value,
    };
    Some((lo, b.value))
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
