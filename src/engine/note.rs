//! What the engine says about a finding, as data: the report renders each
//! note in words (`report::notes`), and JSON carries its kind and values.

use rust_decimal::Decimal;

use crate::facts::Fact;
use crate::period::Period;

/// A closed interval whose ends may be open-ended (`None`): a sum of
/// intervals, or a change in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub lo: Option<Decimal>,
    pub hi: Option<Decimal>,
}

impl Span {
    /// The values of `i`, its ends taken as closed.
    pub fn of_interval(i: &crate::interval::Interval) -> Span {
        Span {
            lo: i.lo.map(|b| b.value),
            hi: i.hi.map(|b| b.value),
        }
    }

    /// Whether the two surely share no value.
    pub fn disjoint(self, other: Span) -> bool {
        let below = |hi: Option<Decimal>, lo: Option<Decimal>| matches!((hi, lo), (Some(h), Some(l)) if h < l);
        below(self.hi, other.lo) || below(other.hi, self.lo)
    }
}

/// One thing worth knowing about a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note<'f> {
    /// The two readings overlap once the stated precision is allowed for;
    /// `figures` when the coarser figure is the finer one rounded to that
    /// many significant figures ("245 may be 244.8 rounded to three
    /// significant figures").
    Rounding {
        coarse: &'f Fact,
        fine: &'f Fact,
        figures: Option<usize>,
    },
    /// The readings overlap once the stated precision is allowed for (no
    /// stated values to name: ranges or bounds).
    Overlap,
    /// The readings are attributed to different sources: in the rule's main
    /// attribution (`dimension` `None`) or one of its dimensions.
    Attributed {
        dimension: Option<String>,
        sources: Vec<String>,
    },
    /// The rule says figures of these attributed sources may differ: the
    /// finding is a documented difference, not a conflict.
    MayDiffer { sources: Vec<String> },
    /// A figure in another currency, converted at the rule's rate.
    Converted(&'f Fact),
    /// A reading whose figures are all dated by their story (their
    /// paragraphs state no period): the lead figure.
    StoryDated(&'f Fact),
    /// A disputed claim, and the actual figure that disagrees with it.
    ClaimVsData { claim: &'f Fact, data: &'f Fact },
    /// `part_of`: a part's figure exceeds its whole's.
    PartExceedsWhole {
        part: &'f Fact,
        part_span: Span,
        whole: &'f Fact,
        whole_span: Span,
    },
    /// `sum`: the parts add up to `added`, which the total's interval does
    /// not meet.
    SumMismatch {
        parts: Vec<(&'f Fact, Span)>,
        added: Span,
        total: &'f Fact,
        total_span: Span,
    },
    /// `change`: the stated change against the change its levels imply.
    ChangeMismatch {
        stated: &'f Fact,
        stated_percent: Span,
        then: &'f Fact,
        then_period: Period,
        now: &'f Fact,
        now_period: Period,
        implied_percent: Span,
    },
    /// A `sum` check had more combinations than it tries: `tried` of
    /// `total`. Violations among the rest are not reported.
    Untried { tried: usize, total: u128 },
    /// With a baseline: readings (0-based) no accepted reading covers.
    NewReadings { readings: Vec<usize> },
    /// With a baseline: the sources (paths) that brought the finding, and
    /// how many sources already in the corpus they disagree with (`known`);
    /// `check` is set for a check's violation.
    Brought {
        sources: Vec<String>,
        known: usize,
        check: bool,
    },
}

impl Note<'_> {
    /// The kind of note, for JSON: `rounding`, `claim-vs-data` …
    pub fn kind(&self) -> &'static str {
        match self {
            Note::Rounding { .. } => "rounding",
            Note::Overlap => "overlap",
            Note::Attributed { .. } => "attributed",
            Note::MayDiffer { .. } => "may-differ",
            Note::Converted(_) => "converted",
            Note::StoryDated(_) => "story-dated",
            Note::ClaimVsData { .. } => "claim-vs-data",
            Note::PartExceedsWhole { .. } => "part-exceeds-whole",
            Note::SumMismatch { .. } => "sum-mismatch",
            Note::ChangeMismatch { .. } => "change-mismatch",
            Note::Untried { .. } => "untried",
            Note::NewReadings { .. } => "new-readings",
            Note::Brought { .. } => "brought",
        }
    }
}
