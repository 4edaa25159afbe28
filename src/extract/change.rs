//! Changes: a figure stated as a change rather than a level.
//!
//! ## What it extracts
//! A percentage, a number, an amount or a fraction right after a verb of
//! change ("rose 5%", "fell by a third", "was up 1.9%", "grew 2.5 times",
//! "increased by $5 billion"), or right before a noun of change ("a 5%
//! increase", "a 9.5 percent drop"), or followed by "year on year"; and the
//! verbs that are a change by themselves ("doubled", "tripled", "halved").
//! Its kind is `change`, with a direction (up or down) where the words say
//! one; "2.5 times" has unit `times`, "a third" unit `fraction`.
//!
//! ## Not extracted
//! A level after a verb of change ("rose to $240 billion" is a level: the
//! word "to" stands between); a change given only as two levels ("from $200
//! billion to $240 billion" is two levels).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::parse::{Figure, Parser};
use super::{Found, Kind, Qualifier, Quantity, Role};

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// The name in JSON output (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// Verbs and adverbs of change, and their direction.
fn verb(word: &str) -> Option<Direction> {
    const UP: &[&str] = &[
        "rose",
        "rise",
        "rises",
        "risen",
        "rising",
        "increased",
        "increase",
        "increases",
        "grew",
        "grow",
        "grows",
        "growing",
        "climbed",
        "climb",
        "jumped",
        "jump",
        "surged",
        "soared",
        "gained",
        "up",
        "higher",
        "expanded",
        "advanced",
        "added",
        "rebounded",
        "spiked",
        "boosted",
        "raise",
        "raised",
        "raising",
        "boost",
        "lift",
        "lifted",
        // participles and present forms of the same verbs: "dropping by
        // 121,000 bpd", "climbing 4%"
        "increasing",
        "climbing",
        "climbs",
        "jumping",
        "jumps",
        "surging",
        "surges",
        "soaring",
        "soars",
        "gaining",
        "expanding",
        "expands",
        "advancing",
        "rebounding",
    ];
    const DOWN: &[&str] = &[
        "fell",
        "fall",
        "falls",
        "fallen",
        "falling",
        "decreased",
        "decrease",
        "decreases",
        "declined",
        "decline",
        "declines",
        "dropped",
        "drop",
        "drops",
        "slid",
        "slipped",
        "plunged",
        "plummeted",
        "shrank",
        "shrunk",
        "down",
        "lower",
        "contracted",
        "cut",
        "reduced",
        "tumbled",
        "sank",
        "eased",
        "dipped",
        "reduce",
        "reducing",
        "lowered",
        "trimmed",
        "slumped",
        "sagged",
        "retreated",
        "dropping",
        "declining",
        "decreasing",
        "sliding",
        "slides",
        "slipping",
        "slips",
        "plunging",
        "plunges",
        "plummeting",
        "shrinking",
        "shrinks",
        "contracting",
        "tumbling",
        "sinking",
        "easing",
        "dipping",
        "slumping",
        "retreating",
    ];
    if UP.contains(&word) {
        Some(Direction::Up)
    } else if DOWN.contains(&word) {
        Some(Direction::Down)
    } else {
        None
    }
}

/// Verbs that make a share with "up": "made up 17.4% of imports", "took
/// up a third".
const SHARE_VERBS: &[&str] = &[
    "made", "make", "makes", "making", "took", "take", "takes", "taking", "taken", "add", "adds",
    "added", "adding",
];

/// Verbs that state a difference only with "by": "exceeded the target by
/// 220,000 bpd", "missed by 400 billion baht" (but "exceeded 5 million" is
/// a level).
fn verb_with_by(word: &str) -> Option<Direction> {
    match word {
        "exceeded" | "exceeds" | "exceed" | "surpassed" | "outstripped" | "topped" | "beat"
        | "overshot" | "outpaced" => Some(Direction::Up),
        "missed" | "undershot" | "trailed" => Some(Direction::Down),
        _ => None,
    }
}

/// Nouns of change after a figure: "a 5% increase".
/// Words of a unit between a figure and a comparative ("125,000 bpd less
/// than", "800 million euros higher than").
pub(super) const UNIT_WORDS: &[&str] = &[
    "bpd", "barrels", "barrel", "per", "a", "day", "daily", "tonnes", "tons", "euros", "dollars",
    "yen", "yuan", "baht", "visitors", "tourists", "people", "arrivals",
];

fn noun(word: &str) -> Option<Direction> {
    match word {
        "increase" | "rise" | "growth" | "gain" | "jump" | "surge" | "hike" | "expansion"
        | "uptick" => Some(Direction::Up),
        "decrease" | "decline" | "drop" | "fall" | "cut" | "reduction" | "contraction"
        | "slump" | "loss" | "dip" => Some(Direction::Down),
        _ => None,
    }
}

/// Verbs that are a change by themselves, with their factor.
pub(crate) fn multiplier_verb(word: &str) -> Option<(u32, u32, Direction)> {
    match word {
        "doubled" => Some((2, 1, Direction::Up)),
        "tripled" | "trebled" => Some((3, 1, Direction::Up)),
        "quadrupled" => Some((4, 1, Direction::Up)),
        "halved" => Some((1, 2, Direction::Down)),
        "twofold" => Some((2, 1, Direction::Up)),
        "threefold" => Some((3, 1, Direction::Up)),
        "fourfold" => Some((4, 1, Direction::Up)),
        "fivefold" => Some((5, 1, Direction::Up)),
        "sixfold" => Some((6, 1, Direction::Up)),
        "sevenfold" => Some((7, 1, Direction::Up)),
        "eightfold" => Some((8, 1, Direction::Up)),
        "ninefold" => Some((9, 1, Direction::Up)),
        "tenfold" => Some((10, 1, Direction::Up)),
        _ => None,
    }
}

/// How a figure is stated as a change.
pub(crate) struct ChangeContext {
    pub direction: Option<Direction>,
    /// "times" or "fold" after the figure: its last token.
    pub times_end: Option<usize>,
    /// The last token of words after the figure that belong to it ("increase",
    /// "year on year").
    pub end: Option<usize>,
}

impl Parser<'_> {
    /// The verb of change that "by" at `by` completes, up to twelve tokens
    /// back ("exceeded trade between the U.S. and the EU by"), within its
    /// clause: a comma or a figure between ends the search ("to $5bn,
    /// driven by"), a comma right before "by" does not ("rose in Nigeria
    /// and Iraq, by").
    fn verb_before_by(&self, by: usize) -> Option<Direction> {
        let lower = |j: usize| self.low(j);
        let mut k = by;
        if k > 0 && self.s(k - 1) == "," {
            k -= 1;
        }
        for k in (k.saturating_sub(12)..k).rev() {
            let w = lower(k);
            if let Some(d) = verb(w).or_else(|| verb_with_by(w)) {
                return Some(d);
            }
            if matches!(w, "," | ";" | ":") || w.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
        }
        None
    }

    /// The direction of the change stated just before the comma at `comma`
    /// of ", or": "by" and its verb, or a verb, within nine tokens back (a
    /// unit and its abbreviation, "barrels per day (bpd)", between) and
    /// the same clause ("fell by 2.1%, or"); `None` for a level ("to 26.04
    /// million bpd, or").
    fn change_before_or(&self, comma: usize) -> Option<Direction> {
        for k in (comma.saturating_sub(9)..comma).rev() {
            let w = self.low(k);
            if w == "by" {
                return self.verb_before_by(k);
            }
            if let Some(d) = verb(w) {
                return Some(d);
            }
            if matches!(w, "," | ";" | ":" | "to" | "of" | "at") {
                return None;
            }
        }
        None
    }

    /// Whether the figure from `first` (or its qualifier, from `lead`) to
    /// `last` is stated as a change.
    pub(super) fn change_context(
        &self,
        lead: usize,
        last: usize,
        percent: bool,
    ) -> Option<ChangeContext> {
        let lower = |j: usize| self.low(j);
        // "grew 2.5 times", "a threefold rise"
        let times =
            ["times", "fold"].iter().any(|w| self.is_word(last + 1, w)) && self.joined(last + 1);
        let times_end = times.then_some(last + 1);
        let after = if times { last + 2 } else { last + 1 };
        // before: "rose 5%", "rose by 5%", "was up 5%"
        let mut before = None;
        if lead > 0 && self.joined(lead) {
            let j = lead - 1;
            before = if self.is_word(j, "by") {
                // "fell by 5%", "cut rates by 0.25 points", "raise foreign
                // tourism revenue by 10%", "trimmed its trade gap with China
                // by €106 billion"
                self.verb_before_by(j)
            } else if self.is_word(j, "of") && j > 0 {
                // "a drop of 70,000 barrels", "declines of 114,000"
                let n = lower(j - 1);
                noun(n).or_else(|| n.strip_suffix('s').and_then(noun))
            } else if lower(j) == "up" && j > 0 && SHARE_VERBS.contains(&lower(j - 1)) {
                // "made up 17.4% of imports", "takes up 30%": a share
                None
            } else if !percent && matches!(lower(j), "raise" | "raised" | "raises" | "raising") {
                // "raised USD 20 million in a placement": money raised, a
                // level; a rise is "raised … by" or a percentage
                None
            } else if lower(j) == "or" && j > 1 && self.s(j - 1) == "," {
                // "fell by 2.1%, or 604,000 bpd", "rose 5%, or $3 billion":
                // the same change in other terms
                self.change_before_or(j - 1)
            } else {
                verb(lower(j))
            };
            // "the rouble lost 3%"; but "lost 8,000 vehicles" is a count
            if before.is_none() && percent && matches!(lower(j), "lost" | "lose" | "loses" | "shed")
            {
                before = Some(Direction::Down);
            }
        }
        // after: "a 5% increase", "5% year on year", "2.5 times higher";
        // "800 million euros higher than", "125,000 bpd less than": a
        // difference, after the figure's unit
        let mut end = None;
        let mut after_dir = None;
        let mut unit_end = after;
        while unit_end < after + 3 && UNIT_WORDS.contains(&lower(unit_end)) && self.joined(unit_end)
        {
            unit_end += 1;
        }
        let comparative = |w: &str| match w {
            "higher" | "more" | "larger" | "bigger" | "greater" | "above" => Some(Direction::Up),
            "lower" | "less" | "fewer" | "smaller" | "below" => Some(Direction::Down),
            _ => None,
        };
        if !percent && !times && self.is_word(unit_end + 1, "than") && self.joined(unit_end) {
            if let Some(dir) = comparative(lower(unit_end)) {
                after_dir = Some(dir);
                end = Some(unit_end);
            }
        }
        // "100,000 bpd above Iraq's pledge", "220,000 bpd above their
        // target": a difference, after the figure's unit
        if after_dir.is_none()
            && !percent
            && !times
            && self.joined(unit_end)
            && matches!(lower(unit_end), "above" | "below")
        {
            after_dir = comparative(lower(unit_end));
            end = Some(unit_end);
        }
        // "88,000 fewer barrels per day than in July": the comparative
        // first, then the unit, then "than"
        if after_dir.is_none() && !percent && !times && self.joined(after) {
            if let Some(dir) = comparative(lower(after)) {
                let mut k = after + 1;
                while k < after + 5 && UNIT_WORDS.contains(&lower(k)) && self.joined(k) {
                    k += 1;
                }
                if k > after + 1 && self.is_word(k, "than") {
                    after_dir = Some(dir);
                    end = Some(after);
                }
            }
        }
        if after_dir.is_none() && self.joined(after) {
            let w = lower(after);
            if let Some(d) = noun(w) {
                after_dir = Some(d);
                end = Some(after);
            } else if (times || percent)
                && matches!(w, "higher" | "more" | "larger" | "bigger" | "greater")
            {
                // "2.5 times higher", "21% higher than in 2019", "30% more"
                after_dir = Some(Direction::Up);
                end = Some(after);
            } else if percent && matches!(w, "lower" | "less" | "fewer" | "smaller") {
                // "12% lower than a year earlier"
                after_dir = Some(Direction::Down);
                end = Some(after);
            } else if w == "year"
                && self.is_word(after + 1, "on")
                && self.is_word(after + 2, "year")
            {
                end = Some(after + 2);
            }
        }
        let yoy = end.is_some() && after_dir.is_none();
        if before.is_none() && after_dir.is_none() && !yoy {
            return None;
        }
        Some(ChangeContext {
            direction: before.or(after_dir),
            times_end,
            end,
        })
    }
}

impl Parser<'_> {
    /// "doubled", "halved": a change by a factor, with no figure written.
    pub(super) fn multiplier(&self, i: usize) -> Option<(Found, usize)> {
        let (n, d, direction) = multiplier_verb(self.low(i))?;
        let fig = Figure::plain(
            i,
            i,
            Decimal::from(n) / Decimal::from(d),
            Decimal::ZERO,
            self.s(i),
            false,
        );
        let mut found = self.non_metric(Kind::Change, &fig, None);
        found.quantity.unit = "times";
        found.quantity.direction = Some(direction);
        Some((found, i + 1))
    }
}

/// Verbs of a rise, then of a fall, that state a change by their direction
/// alone when "in", "during" or "over" and a year follow.
const RISES: [&str; 6] = [
    "increased",
    "rose",
    "grew",
    "expanded",
    "climbed",
    "went up",
];
const FALLS: [&str; 7] = [
    "decreased",
    "fell",
    "declined",
    "shrank",
    "contracted",
    "dropped",
    "went down",
];

/// A verb of `RISES` or `FALLS` followed by "in", "during" or "over" and a
/// year.
static BARE_DIRECTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let pattern = format!(
        r"(?i)(?-u:\b)(?:({})|({}))(?-u:\b)\s+(?:in|during|over)\s+((?:19|20)\d\d)(?-u:\b)",
        RISES.join("|"),
        FALLS.join("|")
    );
    // cannot fail: a valid pattern made of constant words
    regex::Regex::new(&pattern).expect("valid regex")
});

/// Where a change stated by its direction alone may start in `text` (a
/// whole document): one scan of the text, so that only the sentences with
/// one are read by `direction_without_figure`. A sentence's own first
/// match always starts at one of these (a match that runs on from the
/// sentence before ends at its year, where no verb can start).
pub fn directions_at(text: &str) -> Vec<usize> {
    BARE_DIRECTION.find_iter(text).map(|m| m.start()).collect()
}

/// "trade decreased during 2025": a change stated by its direction alone,
/// as a figureless `Change` of that year (only its sign can be checked).
/// `sentence` starts at byte `offset` of the document; none under a negation.
pub fn direction_without_figure(sentence: &str, offset: usize) -> Option<Quantity> {
    let c = BARE_DIRECTION.captures(sentence)?;
    let verb = c.get(1).or(c.get(2))?;
    if super::period::NEGATION.is_match(&sentence[..verb.start()]) {
        return None;
    }
    let direction = if c.get(1).is_some() {
        Direction::Up
    } else {
        Direction::Down
    };
    let year: i32 = c.get(3)?.as_str().parse().ok()?;
    Some(Quantity {
        kind: Kind::Change,
        value: None,
        range: None,
        range_inclusive: (true, true),
        step: Decimal::ZERO,
        unit: "percent",
        qualifier: Qualifier::Exact,
        qualifier_text: None,
        role: Role::Actual,
        direction: Some(direction),
        negated: false,
        period: Some(crate::period::Period::year(year)),
        period_basis: super::PeriodBasis::Stated,
        start: offset + verb.start(),
        end: offset + verb.end(),
        written: verb.as_str().into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_are_found_where_a_verb_and_a_year_stand_as_words() {
        let text = "Exports Went Up in 2024. Trade refell in 2023; imports fell in 2023.";
        let starts = directions_at(text);
        assert_eq!(starts, vec![8, 55]);
        // the sentence's own reading decides the rest: a year must follow
        let q = direction_without_figure(&text[..24], 0).expect("a rise in 2024");
        assert_eq!(q.direction, Some(Direction::Up));
        assert_eq!(q.period, Some(crate::period::Period::year(2024)));
        assert!(direction_without_figure(&text[25..46], 25).is_none());
    }
}
