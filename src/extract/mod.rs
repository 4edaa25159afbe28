//! The extract stage: every quantity in a document, rule-free.
//!
//! `tokens` cuts the text; `parse` reads figures (`number`, `scale`,
//! `currency`, `qualifier` supply the vocabulary); `period` finds the period
//! and forecast wording of each figure's sentence. Which quantity is which
//! metric is decided later, by the rules (`facts.rs`).
//!
//! Years, dates, ordinals, year ranges, times and identifiers ("G20",
//! "COVID-19") are recognized as what they are, with their own `Kind`, so they
//! never become money or counts.

mod change;
pub(crate) mod currency;
mod date;
pub(crate) mod limit;
mod lists;
mod not_amount;
mod notation;
mod number;
mod parse;
mod period;
mod period_gate;
mod qualifier;
mod rank;
mod role;
mod scale;
mod tokens;
mod vague;
mod word_set;
mod words;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use change::{direction_without_figure, directions_at, Direction};
pub use date::MONTHS;
pub(crate) use parse::PERCENT_WORDS;
pub(crate) use qualifier::about_words;
pub use qualifier::Qualifier;
pub use role::{data_show, own_clause_after, own_clause_before, Role};
pub(crate) use scale::scale_word;
pub(crate) use word_set::WordSet;

use crate::documents::Document;
use crate::interval::{Bound, Interval};
use crate::period::Period;

/// Every ISO 4217 code the extractor reads (a money rule may name any).
pub const CURRENCY_CODES: &[&str] = currency::CODES;

/// The units a figure that is not money can have (`Quantity::unit`).
const OTHER_UNITS: &[&str] = &[
    "count",
    "percent",
    "percentage_point",
    "rank",
    "times",
    "fraction",
    "year",
    "date",
    "time",
    "ordinal",
    "other",
    "unparsed",
];

/// The extractor's own `&'static str` for unit `name` (`"USD"`,
/// `"dollar"`, `"count"`): every unit a quantity can have, and `None` for
/// any other. A quantity read back from JSON takes its unit from here.
pub fn unit_named(name: &str) -> Option<&'static str> {
    static UNITS: std::sync::LazyLock<foldhash::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            currency::units()
                .chain(OTHER_UNITS.iter().copied())
                .collect()
        });
    UNITS.get(name).copied()
}

/// The approximation slack used when no rule says otherwise: 5%.
pub const DEFAULT_SLACK: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

/// The largest value read (10^24, a trillion trillion): larger figures are not
/// read, which keeps all later arithmetic far from `Decimal`'s limit (~7.9e28).
pub const MAX_VALUE: Decimal = Decimal::from_parts(0xA100_0000, 0x1BCE_CCED, 0x0000_D3C2, false, 0);

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An amount of money; `unit` is an ISO 4217 code or a family (`dollar`).
    Money,
    /// A count or other plain number; `unit` is `count`.
    Number,
    /// A percentage; the value is in percent (12.5 for "12.5%").
    Percent,
    /// A place in a ranking: "fifth largest", "Russia's largest" (1).
    Rank,
    /// Any other ordinal: "30th session", "47th president".
    Ordinal,
    /// A calendar year: "in 2024".
    Year,
    /// A span of years: "2026–2027", "2024/25".
    YearRange,
    /// A date or month: "February 2022", "January 21", "2025-11-18".
    Date,
    /// A time of day: "10:30".
    Time,
    /// A number that is part of a name or code: "G20", "COVID-19", "5G".
    Other,
    /// A stated change: "rose 5%", "fell by a third", "doubled".
    Change,
    /// Digits that could not be read as a number (too large, malformed):
    /// reported with their span, never as a wrong value.
    Unparsed,
}

impl Kind {
    /// The name in JSON output (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Number => "number",
            Kind::Percent => "percent",
            Kind::Rank => "rank",
            Kind::Ordinal => "ordinal",
            Kind::Year => "year",
            Kind::YearRange => "year_range",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Other => "other",
            Kind::Change => "change",
            Kind::Unparsed => "unparsed",
        }
    }

    /// Whether figures of this kind can be metrics (compared by rules).
    /// Changes are figures too (with periods and forecasts), though no
    /// level metric claims them.
    pub fn is_metric(self) -> bool {
        matches!(
            self,
            Kind::Money | Kind::Number | Kind::Percent | Kind::Rank | Kind::Change
        )
    }
}

/// How a figure's period was found.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PeriodBasis {
    /// Stated in the figure's sentence (or none found).
    #[default]
    Stated,
    /// Stated in an earlier sentence of the figure's paragraph ("In 2023
    /// imports rose again. The result was a $61 billion deficit.").
    Carried,
    /// Read from a phrase that only suggests a year ("before the pandemic":
    /// 2019): low confidence.
    Assumed,
    /// Stated in an earlier paragraph: the period of the story's last
    /// figure before it (see `facts`), lower confidence than `Carried`.
    Story,
    /// None: the figure is the base of a comparison ("up from $240
    /// billion"), of an earlier period the text does not give.
    Base,
    /// None: the figure is of a week or some days ("in the past week"),
    /// a period no other figure is compared on.
    Short,
}

impl PeriodBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodBasis::Stated => "stated",
            PeriodBasis::Carried => "carried",
            PeriodBasis::Assumed => "assumed",
            PeriodBasis::Story => "story",
            PeriodBasis::Base => "base",
            PeriodBasis::Short => "short",
        }
    }
}

/// One figure in a text, with what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub kind: Kind,
    /// The stated value in base units (US$244.8 billion is 244800000000);
    /// `None` for a range.
    pub value: Option<Decimal>,
    /// Both ends of a stated range ("between 200 and 250 billion"), behind
    /// a pointer as few figures have one (`Quantity::range`).
    pub range: Option<Box<(Decimal, Decimal)>>,
    /// Whether each end of `range` is included: "more than 10 and at most
    /// 20" is (10, 20].
    pub range_inclusive: (bool, bool),
    /// The place of the last stated digit, in base units (0.1 billion for
    /// "244.8 billion"): the rounding precision.
    pub step: Decimal,
    /// `count`, `percent`, an ISO 4217 code, or a family such as `dollar`.
    pub unit: &'static str,
    pub qualifier: Qualifier,
    /// The qualifier as written ("more than", "surpassed").
    pub qualifier_text: Option<Box<str>>,
    /// What the figure is to its sentence: actual, forecast, target, a
    /// disputed claim, or a conversion of the figure before it.
    pub role: Role,
    /// For a change: up or down, where the words say.
    pub direction: Option<Direction>,
    /// Stated under a negation ("did not reach $1 trillion"): the text
    /// denies the figure rather than claims it.
    pub negated: bool,
    /// The period the sentence states for this figure.
    pub period: Option<Period>,
    /// How `period` was found: stated in the figure's sentence, carried
    /// from an earlier sentence of its paragraph, or assumed from a phrase
    /// ("before the pandemic" is 2019).
    pub period_basis: PeriodBasis,
    /// Byte offsets of the figure in the document's text (qualifier excluded).
    pub start: usize,
    pub end: usize,
    /// The number as written, without currency or scale ("244.8", "a million").
    pub written: Box<str>,
}

impl Quantity {
    /// Both ends of a stated range, when the figure is one.
    pub fn range(&self) -> Option<(Decimal, Decimal)> {
        self.range.as_deref().copied()
    }

    /// The interval of true values, with the rounding of the stated
    /// precision (DESIGN's table): what `min`/`max` show.
    pub fn interval(&self, slack: Decimal) -> Interval {
        self.interval_with(slack, true)
    }

    /// The interval without rounding: a plain figure is a point. Used by the
    /// `exact` tolerance.
    pub fn stated_interval(&self, slack: Decimal) -> Interval {
        self.interval_with(slack, false)
    }

    /// The bounds the text states and nothing else: "more than 30" is
    /// (30, ∞), "up to 700" is (-∞, 700], "between 200 and 250" is [200, 250];
    /// a plain or approximate figure states none. `extract` prints these as
    /// `min` and `max`; facts carry the full `interval`.
    pub fn stated_bounds(&self) -> Interval {
        if let Some(range) = self.range() {
            return self.range_interval(range);
        }
        let none = Interval { lo: None, hi: None };
        let Some(v) = self.value else {
            return none;
        };
        match self.qualifier {
            Qualifier::Exact | Qualifier::About | Qualifier::Between => none,
            Qualifier::Nearly | Qualifier::AtMost => Interval {
                lo: None,
                hi: Some(Bound::closed(v)),
            },
            Qualifier::LessThan => Interval {
                lo: None,
                hi: Some(Bound::open(v)),
            },
            Qualifier::MoreThan => Interval {
                lo: Some(Bound::open(v)),
                hi: None,
            },
            Qualifier::AtLeast => Interval {
                lo: Some(Bound::closed(v)),
                hi: None,
            },
        }
    }

    fn range_interval(&self, (lo, hi): (Decimal, Decimal)) -> Interval {
        let (lo_in, hi_in) = self.range_inclusive;
        Interval {
            lo: Some(Bound {
                value: lo,
                inclusive: lo_in,
            }),
            hi: Some(Bound {
                value: hi,
                inclusive: hi_in,
            }),
        }
    }

    fn interval_with(&self, slack: Decimal, rounding: bool) -> Interval {
        let half = if rounding {
            self.step / Decimal::TWO
        } else {
            Decimal::ZERO
        };
        // "between 200 and 250 billion" is [200, 250] billion: the ends are
        // the bounds, not figures to round (DESIGN's table)
        if let Some(range) = self.range() {
            return self.range_interval(range);
        }
        let Some(v) = self.value else {
            return Interval { lo: None, hi: None };
        };
        let give = (v * slack).abs();
        let zero_floor = Some(Bound::closed(Decimal::ZERO.min(v)));
        match self.qualifier {
            Qualifier::Exact | Qualifier::Between => Interval::point(v).widen(half),
            Qualifier::About => Interval::closed(v - give, v + give),
            Qualifier::Nearly => Interval::closed(v - give, v),
            Qualifier::MoreThan => Interval {
                lo: Some(Bound::open(v)),
                hi: None,
            },
            Qualifier::AtLeast => Interval {
                lo: Some(Bound::closed(v)),
                hi: None,
            },
            Qualifier::LessThan => Interval {
                lo: zero_floor,
                hi: Some(Bound::open(v)),
            },
            Qualifier::AtMost => Interval {
                lo: zero_floor,
                hi: Some(Bound::closed(v)),
            },
        }
    }
}

/// The period a sentence or title with no figure states last, if any
/// ("OPEC Output Dips in December", published in January 2025: December
/// 2024).
pub fn period_told(
    text: &str,
    published: Option<crate::period::Date>,
) -> Option<crate::period::Period> {
    period::told(text, published)
}

/// Every quantity in `doc`'s body, in text order, with periods resolved
/// against the document's publication date.
pub fn extract(doc: &Document) -> Vec<Quantity> {
    extract_in_chunks(doc, CHUNK_BYTES)
}

/// What the passes after parsing read: the whole text, the sentences of the
/// part being read (file offsets), and the publication date.
pub(crate) struct Context<'d> {
    pub text: &'d str,
    pub sentences: &'d [std::ops::Range<usize>],
    pub published: Option<crate::period::Date>,
    /// Where each piece of the part being read starts (file offsets, the
    /// part's start first): nothing is read across a piece's start.
    pub starts: &'d [usize],
}

impl Context<'_> {
    /// Index of the sentence that holds `offset`, if any.
    pub(crate) fn sentence_at(&self, offset: usize) -> Option<usize> {
        crate::documents::sentence_holding(self.sentences, offset)
    }

    /// The text before `at` back to the start of its piece (a paragraph,
    /// or a section of a long one): what a look back reads, so that it
    /// reads the same wherever the text is cut in chunks.
    pub(crate) fn before(&self, at: usize) -> &str {
        let i = self.starts.partition_point(|&s| s <= at);
        let from = i.checked_sub(1).map_or(0, |i| self.starts[i]);
        self.text.get(from..at).unwrap_or("")
    }

    /// Whether a piece starts between `from` and `to`: a paragraph break,
    /// or a cut of a long paragraph (nothing is carried across one).
    pub(crate) fn cut_between(&self, from: usize, to: usize) -> bool {
        let i = self.starts.partition_point(|&s| s < from);
        self.starts.get(i).is_some_and(|&s| s < to)
    }
}

/// Bodies longer than this are read in chunks that end at blank lines, in
/// parallel: nothing is read across a blank line, so the chunks give the
/// same figures as one pass, in the same order, on any number of threads.
/// 64 KiB keeps a chunk's tokens in the cache: cachegrind counts 37% fewer
/// last-level misses than with 1 MiB chunks on 8 MB of news text.
pub const CHUNK_BYTES: usize = 1 << 16;

/// Every quantity of `doc`'s body, read in chunks of about `chunk` bytes
/// from tokens to periods: a chunk is split in sentences, parsed and its
/// periods resolved on its own (sentences never cross a blank line), so the
/// document's sentences are never needed whole.
fn extract_in_chunks(doc: &Document, chunk: usize) -> Vec<Quantity> {
    use rayon::prelude::*;
    let parts: Vec<Vec<Quantity>> = crate::documents::paragraph_chunks(doc.body(), chunk)
        .into_par_iter()
        .map(|range| chunk_quantities(doc, range))
        .collect();
    parts.concat()
}

/// How many chunks `extract_with` reads in parallel before it hands their
/// results on: 4 MiB of text.
const BATCH_CHUNKS: usize = 64;

/// Every quantity of `doc`'s body as `extract` gives them, chunk by chunk:
/// `map` turns a chunk's quantities into a `T` (in parallel), `sink` takes
/// the `T`s in text order, a batch of chunks at a time, so nothing is held
/// for the whole document. The first error of `sink` ends the reading.
pub fn extract_with<T: Send, E>(
    doc: &Document,
    map: impl Fn(Vec<Quantity>) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    use rayon::prelude::*;
    let chunks = crate::documents::paragraph_chunks(doc.body(), CHUNK_BYTES);
    for batch in chunks.chunks(BATCH_CHUNKS) {
        let parts: Vec<T> = batch
            .par_iter()
            .map(|range| map(chunk_quantities(doc, range.clone())))
            .collect();
        for part in parts {
            sink(part)?;
        }
    }
    Ok(())
}

/// The sentences (file offsets) of the paragraphs of `text` (a chunk at file
/// offset `offset`, cut into `pieces` at its cuts) that hold a metric figure
/// of `found`: the later passes ask for no other (periods, forecasts and
/// currencies are only resolved for metric figures). Sentences never cross
/// a cut, so a paragraph is split on its own as it would be in the whole
/// text.
fn sentences_around(
    text: &str,
    offset: usize,
    found: &[Found],
    pieces: &[std::ops::Range<usize>],
) -> Vec<std::ops::Range<usize>> {
    let mut sentences = Vec::new();
    let mut next = found
        .iter()
        .filter(|f| f.quantity.kind.is_metric())
        .map(|f| f.quantity.start - offset)
        .peekable();
    for piece in pieces {
        // the figures before this paragraph are done with
        while next.next_if(|&at| at < piece.start).is_some() {}
        if next.peek().is_some_and(|&at| at < piece.end) {
            sentences.extend(
                crate::documents::sentences::split_one(&text[piece.clone()])
                    .into_iter()
                    .map(|s| s.start + piece.start + offset..s.end + piece.start + offset),
            );
        }
    }
    sentences
}

/// The figures of `text` (a chunk at file offset `offset`, cut into
/// `pieces`), read a section at a time: a paragraph longer than 64 KiB is
/// cut at line ends (see `documents::cuts`), and no figure is read across
/// such a cut, whatever chunk it falls in. The parser stops at blank lines
/// by itself, so a text of paragraphs is parsed at once.
fn parse_sections(text: &str, offset: usize, pieces: &[std::ops::Range<usize>]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut start = 0;
    for end in pieces
        .iter()
        .skip(1)
        .map(|p| p.start)
        .filter(|&at| !crate::documents::is_blank_line(text, at))
        .chain([text.len()])
    {
        let section = &text[start..end];
        let tokens = tokens::tokenize(section);
        let mut part = parse::parse(section, &tokens);
        for f in &mut part {
            *f += offset + start;
        }
        if found.is_empty() {
            found = part;
        } else {
            found.append(&mut part);
        }
        start = end;
    }
    found
}

/// The quantities of one chunk of `doc`'s body (a range of the body that
/// starts at a cut): tokens, figures, its sentences, periods. Nothing is
/// read across a cut inside the chunk (a paragraph break, or a line end of
/// a long paragraph), so a chunk gives what its paragraphs give apart.
fn chunk_quantities(doc: &Document, range: std::ops::Range<usize>) -> Vec<Quantity> {
    let text = &doc.body()[range.clone()];
    let offset = doc.body_start + range.start;
    let pieces = crate::documents::paragraph_chunks(text, 1);
    let mut found = parse_sections(text, offset, &pieces);
    // where each piece starts, as file offsets
    let starts: Vec<usize> = pieces.iter().map(|p| p.start + offset).collect();
    lists::share_across_lists(&doc.text, &mut found, &starts);
    let sentences = sentences_around(text, offset, &found, &pieces);
    let cx = Context {
        text: &doc.text,
        sentences: &sentences,
        published: doc.meta.published,
        starts: &starts,
    };
    period::resolve(&cx, &mut found);
    let mut quantities: Vec<Quantity> = found.into_iter().map(|f| f.quantity).collect();
    currency::resolve_yen_yuan(&cx, &mut quantities);
    quantities
}

/// A quantity as the parser found it, with what the period pass needs.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub quantity: Quantity,
    /// Start of the qualifier, or of the figure when there is none.
    pub lead: usize,
    /// For years and dates: the period they name.
    pub names_period: Option<Period>,
    /// Right after a word that keeps a year from being a period ("since
    /// 2022", "until 2030"): `period::NOT_A_PERIOD_AFTER`.
    pub after_bound_word: bool,
    /// Part of a period phrase ("the first ten months of 2025"): dropped.
    pub in_period_phrase: bool,
}

impl std::ops::AddAssign<usize> for Found {
    fn add_assign(&mut self, offset: usize) {
        self.quantity.start += offset;
        self.quantity.end += offset;
        self.lead += offset;
    }
}

/// 10^n as a `Decimal` (n at most 28), for formatting elsewhere.
pub fn power_of_ten(n: u32) -> Decimal {
    number::pow10(n)
}

#[cfg(test)]
pub(crate) mod tests;
