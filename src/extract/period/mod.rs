//! The period and forecast wording of each figure's sentence.
//!
//! This file resolves each metric figure's period, role, forecast and
//! negation from the periods its sentence states (or, when it states none
//! for the figure, from the sentences just before it). The pieces live
//! apart: `phrases` finds the periods a sentence states (`months` reads the
//! month and part-of-year phrases among them), and `spans` tells the figures
//! of a week, a day or a rate per day, which no period covers.
//!
//! ## What it extracts
//! Periods: a year ("in 2024", "2024 bilateral trade", "2025 figures"), a
//! month or months ("February 2022", "January–October 2025", "the first ten
//! months of 2025", "through September", "November's"), a quarter or half
//! ("Q3 2024", "the first half"), "last year" / "previous year" / "this year"
//! / "current year" / "next year" / "coming year", "last month" / "this
//! month" and "two years ago", resolved against the document's publication
//! date; "two years earlier", counted back from the year stated before it;
//! "before the pandemic", assumed to be 2019. A figure takes the period
//! nearest to it in its sentence, or else one stated in the sentences just
//! before it in the paragraph (carried).
//!
//! Forecasts: "expected", "forecast", "projected", "set to", "could reach"
//! and the like, between the figure and the figure before it in the sentence;
//! negations ("did not reach", "never", "failed to") in the same stretch.
//!
//! ## Not extracted
//! Years after "since", "until", "through", "to", "before" or "after" (they bound a span,
//! they do not name the figure's period); relative years in a document with
//! no publication date; no period for a figure of a week or a day ("in the past
//! week"), of days that are no whole months ("January 1 to August 17"), or of
//! money per day (a rate).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::period_gate::{Pattern, Present};
use super::{role, Context, Found, Kind, PeriodBasis};
use crate::period::Period;

mod months;
mod phrases;
mod spans;

use phrases::candidates;

/// Words before a year that keep it from being the period of a figure.
/// "from 2023", "than 2019", "versus 2023" name the base of a comparison,
/// not the figure's period.
pub(super) const NOT_A_PERIOD_AFTER: &[&str] = &[
    "since", "until", "till", "through", "before", "after", "to", "from", "than", "versus", "vs",
    "against",
];

/// Words that, before "in" or "with", make the year after them a base:
/// "higher than in 2019", "compared with 2023".
pub(super) const BASE_BEFORE_IN: &[&str] = &["than", "compared", "from", "versus", "against"];

/// Words that, before "the", make the year after them a base: "six times
/// the 2022 figure", "above the 2019 record".
pub(super) const BASE_BEFORE_THE: &[&str] = &[
    "times",
    "than",
    "from",
    "over",
    "above",
    "below",
    "versus",
    "against",
    "with",
    "beat",
    "beating",
    "exceeded",
    "exceeding",
    "surpassed",
    "surpassing",
    "topped",
    "topping",
];

pub(super) static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    Regex::new(
        r"(?i)(?-u:\b)(not|never|no\s+longer|failed\s+to|fail\s+to|did\s*n[o']t|didn't|won't|cannot|can't|isn't|wasn't|aren't|weren't|hasn't|haven't|hadn't|doesn't|don't|neither|nor)(?-u:\b)",
    )
    .expect("valid regex")
});

static FORECAST: LazyLock<Regex> = LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    Regex::new(
        r"(?i)(?-u:\b)(expected|expects?|forecasts?|forecasted|projected|projections?|predicted|predicts?|anticipated|estimated\s+to|set\s+to|(?:could|would|will|may|might)\s+(?:reach|hit|exceed|top|surpass|rise|grow|climb)|likely\s+to|poised\s+to|on\s+track\s+to)(?-u:\b)",
    )
    .expect("valid regex")
});

/// Verbs that revise a forecast or a target: the figure "from" which it
/// was revised is one of the same period.
static REVISION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(?:lower(?:ed|s|ing)?|cut(?:s|ting)?|rais(?:ed|es|ing)|revis(?:ed|es|ing)|reduc(?:ed|es|ing)|trimm(?:ed|ing)|downgrad(?:ed|es|ing)|upgrad(?:ed|es|ing)|recalibrat(?:ed|es|ing)|lift(?:ed|s|ing)|slash(?:ed|es|ing)|adjust(?:ed|s|ing)|pared|scal(?:ed|es|ing)\s+back)(?-u:\b)",
    )
});

/// Words that make a figure's period a whole year: "the annual number",
/// "the full-year tally", "for the year as a whole".
static FULL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(?:annual|full[- ]year|whole[- ]year|for\s+the\s+(?:full|whole|entire)\s+year|(?:the\s+)?year\s+as\s+a\s+whole)(?-u:\b)",
    )
});

/// One of the patterns of `months`, `phrases` and `spans`, which are
/// constant and valid.
fn pattern(p: &str) -> Regex {
    // cannot fail: every caller passes a constant, valid pattern
    Regex::new(p).expect("valid regex")
}

/// A period stated somewhere in a sentence.
struct Candidate {
    period: Period,
    /// The span that states it, so a year is not its own period; its start
    /// is where the period stands in the sentence.
    span: Range<usize>,
    /// Read from a phrase that only suggests the year ("before the
    /// pandemic").
    assumed: bool,
    /// A span of days that is no whole month ("January 1 to August 17"):
    /// a figure of it has no period crosscheck can compare.
    short: bool,
    /// Said relative to another period of the sentence ("the year
    /// before", "the same period last year"): the base of a comparison,
    /// which the next sentences do not carry.
    relative: bool,
    /// A possessive in a comparison's base ("than last year's total of
    /// 5.3 trillion yen"): the period of the figure after it, no other's.
    of_next: bool,
}

impl Candidate {
    fn new(span: Range<usize>, period: Period) -> Self {
        Candidate {
            period,
            span,
            assumed: false,
            short: false,
            relative: false,
            of_next: false,
        }
    }

    fn of_next(self) -> Self {
        Candidate {
            of_next: true,
            relative: true,
            ..self
        }
    }

    fn relative(self) -> Self {
        Candidate {
            relative: true,
            ..self
        }
    }

    fn assumed(self) -> Self {
        Candidate {
            assumed: true,
            ..self
        }
    }

    fn short_if(self, short: bool) -> Self {
        Candidate { short, ..self }
    }

    /// Where the period stands in the sentence.
    fn at(&self) -> usize {
        self.span.start
    }
}

/// Adds phrase `c` in place of the candidates inside it: "the first ten
/// months of 2025" replaces the year 2025 it holds.
fn replace(out: &mut Vec<Candidate>, c: Candidate) {
    out.retain(|o| !c.span.contains(&o.at()));
    out.push(c);
}

/// Sets `period` and `forecast` of every metric figure in `found`, and drops
/// the numbers that are part of a period phrase ("the first ten months").
pub(super) fn resolve(cx: &Context<'_>, found: &mut Vec<Found>) {
    // sentence -> the last period it states (for carrying), once computed
    let mut stated: std::collections::BTreeMap<usize, Option<Told>> =
        std::collections::BTreeMap::new();
    let mut i = 0;
    while i < found.len() {
        let Some(s) = cx.sentence_at(found[i].quantity.start) else {
            i += 1;
            continue;
        };
        let sentence = cx.sentences[s].clone();
        let j = i + found[i..]
            .iter()
            .take_while(|f| f.quantity.start < sentence.end)
            .count();
        // the sentence after, in the same paragraph, for a verdict on
        // what this one reports ("… classed it as an omission.")
        let next = cx
            .sentences
            .get(s + 1)
            .filter(|n| {
                !cx.cut_between(sentence.end, n.start)
                    && !cx
                        .text
                        .get(sentence.end..n.start)
                        .unwrap_or("")
                        .contains("\n\n")
            })
            .and_then(|n| cx.text.get(n.clone()))
            .unwrap_or("");
        if let Some(last) = resolve_sentence(cx, (sentence.clone(), next), &mut found[i..j]) {
            stated.insert(s, last);
        }
        carry(cx, s, found, i..j, &mut stated);
        i = j;
    }
    found.retain(|f| !f.in_period_phrase);
}

/// How many sentences back a period is carried from.
const CARRY_BACK: usize = 3;

/// Gives the metric figures of sentence `s` (`found[range]`) that have no
/// period, and are no base of a comparison, the period stated last in the
/// nearest earlier sentence of the paragraph that states one ("In 2023
/// imports rose again. The result was a $61 billion deficit."), marked as
/// carried.
fn carry(
    cx: &Context<'_>,
    s: usize,
    found: &mut [Found],
    range: Range<usize>,
    stated: &mut std::collections::BTreeMap<usize, Option<Told>>,
) {
    let needs = |f: &Found| {
        f.quantity.kind.is_metric()
            && f.quantity.period.is_none()
            && !matches!(
                f.quantity.period_basis,
                PeriodBasis::Base | PeriodBasis::Short
            )
    };
    if !found[range.clone()].iter().any(needs) {
        return;
    }
    let mut here = cx.sentences[s].clone();
    let mut period = None;
    for back in (s.saturating_sub(CARRY_BACK)..s).rev() {
        let before = cx.sentences[back].clone();
        let gap = cx.text.get(before.end..here.start).unwrap_or("");
        if gap.matches('\n').count() >= 2
            || gap.contains("\n#")
            || cx.cut_between(before.end, here.start)
        {
            break; // a new paragraph, a heading, or a cut of a long one
        }
        let last = *stated.entry(back).or_insert_with(|| {
            let first = found.partition_point(|f| f.quantity.start < before.start);
            let last = found.partition_point(|f| f.quantity.start < before.end);
            last_stated(cx, before.clone(), &found[first..last])
        });
        if last.is_some() {
            period = last;
            break;
        }
        here = before;
    }
    let mut period = match period {
        Some(Told::Period(p)) => p,
        // "… from Jan 1 to Dec 29. Chinese visitors numbered 6.70 million":
        // the same days, no period
        Some(Told::Short) => {
            for f in &mut found[range] {
                if needs(f) {
                    f.quantity.period_basis = PeriodBasis::Short;
                }
            }
            return;
        }
        None => return,
    };
    // "The annual number of visitors …" after "in January-November": the
    // whole year the months were of
    if period.months.is_some() {
        let text = cx.text.get(cx.sentences[s].clone()).unwrap_or("");
        if FULL_YEAR.is_match(text) {
            period = Period::year(period.year);
        }
    }
    for f in &mut found[range] {
        if needs(f) {
            f.quantity.period = Some(period);
            f.quantity.period_basis = PeriodBasis::Carried;
        }
    }
}

/// What a sentence tells the sentences after it of their period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Told {
    Period(Period),
    /// A span of days that is no period ("from Jan 1 to Dec 29").
    Short,
}

/// The period stated last in `sentence` (whose figures are `found`): what
/// a later sentence carries.
fn last_stated(cx: &Context<'_>, sentence: Range<usize>, found: &[Found]) -> Option<Told> {
    let present = cx
        .text
        .get(sentence.clone())
        .map_or(Present::NONE, Present::of);
    last_of(&candidates(cx, sentence, found, present))
}

/// The period stated last in `text`, a sentence or a title with no figure
/// ("OPEC's crude production slipped last month"), read against the date
/// `published`: what a story is about when its figures come later.
pub(crate) fn told(text: &str, published: Option<crate::period::Date>) -> Option<Period> {
    // the text is one sentence
    let whole = [std::ops::Range {
        start: 0,
        end: text.len(),
    }];
    let cx = Context {
        text,
        sentences: &whole,
        published,
        starts: &[0],
    };
    match last_stated(&cx, 0..text.len(), &[])? {
        Told::Period(p) => Some(p),
        Told::Short => None,
    }
}

fn last_of(candidates: &[Candidate]) -> Option<Told> {
    candidates
        .iter()
        .filter(|c| !c.relative)
        .max_by_key(|c| c.at())
        .map(|c| {
            if c.short {
                Told::Short
            } else {
                Told::Period(c.period)
            }
        })
}

/// Resolves one sentence, and marks the figures inside its period phrases;
/// returns the period it states last, when it read its periods.
fn resolve_sentence(
    cx: &Context<'_>,
    (sentence, next): (Range<usize>, &str),
    found: &mut [Found],
) -> Option<Option<Told>> {
    // only metric figures take periods, forecasts, negations, or are
    // dropped inside period phrases: a sentence of years and dates has
    // nothing to resolve
    if !found.iter().any(|f| f.quantity.kind.is_metric()) {
        return None;
    }
    let present = cx
        .text
        .get(sentence.clone())
        .map_or(Present::NONE, Present::of);
    let candidates = candidates(cx, sentence.clone(), found, present);
    // which figure, if any, each candidate directly follows ("$240bn in 2023")
    // a period owned by a stated change ("fell 9% in 2025, to $228 billion")
    // is the period of the level the change leads to as well: not owned
    let owners: Vec<Owner> = candidates
        .iter()
        .map(|c| {
            let owner = found
                .iter()
                .position(|f| f.quantity.kind.is_metric() && follows(cx, f.quantity.end, c.at()))
                .filter(|&o| found[o].quantity.kind != Kind::Change);
            match owner {
                _ if c.of_next => Owner::Base,
                None => Owner::None,
                Some(o) if is_base(cx.before(found[o].lead)) => Owner::Base,
                Some(_) => Owner::Figure,
            }
        })
        .collect();
    // each metric figure's lead and end, for the clause before and after it
    let metric: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].quantity.kind.is_metric())
        .collect();
    let published = cx.published.map(|d| d.year);
    let text_sentence = cx.text.get(sentence.clone()).unwrap_or("");
    // words the role and span patterns need, looked for once a sentence:
    // most sentences have none, and then none of those patterns is run
    let cues = role::Cues::of(text_sentence);
    for (k, &i) in metric.iter().enumerate() {
        let previous = k.checked_sub(1).map(|p| metric[p]);
        // a stated change does not end the clause of the level it leads to
        // ("aims to raise revenue by 10% to 1.84 trillion baht")
        let level_before = metric[..k]
            .iter()
            .rev()
            .find(|&&p| found[p].quantity.kind != Kind::Change)
            .copied();
        let clause_start = level_before.map_or(sentence.start, |p| found[p].quantity.end);
        let next_lead = metric.get(k + 1).map_or(sentence.end, |&n| found[n].lead);
        let (lead, end) = (found[i].lead, found[i].quantity.end);
        let before_all = cx.text.get(clause_start..lead).unwrap_or("");
        let before = role::own_clause_before(before_all);
        let after = role::own_clause_after(cx.text.get(end..next_lead.max(end)).unwrap_or(""));
        let q = &found[i].quantity;
        let base = is_base(cx.before(lead));
        let chosen = choose(cx, q, base, &candidates, &owners);
        let in_phrase = candidates
            .iter()
            .any(|c| c.span.start <= q.start && q.end <= c.span.end);
        let blanked;
        let role = {
            let mut around = role::Around {
                before,
                after,
                sentence: text_sentence,
                sentence_before: cx.text.get(sentence.start..lead).unwrap_or(""),
                previous: previous.map(|p| {
                    let between = cx.text.get(found[p].quantity.end..lead).unwrap_or("");
                    (&found[p].quantity, between)
                }),
                forecast_word: present.has(Pattern::Forecast) && FORECAST.is_match(before),
                published,
                base,
                cues,
                next,
            };
            let role = role::role(&found[i].quantity, &around);
            // "The estimate for January-June came to 17.78 million", told
            // in July: a count of months already over, not a forecast
            match chosen.map(|c| c.period) {
                Some(p) if role == role::Role::Forecast && ended(p, cx.published) => {
                    match role::without_estimates(before) {
                        Some(plain) => {
                            blanked = plain;
                            around.before = &blanked;
                            around.forecast_word =
                                present.has(Pattern::Forecast) && FORECAST.is_match(around.before);
                            role::role(&found[i].quantity, &around)
                        }
                        None => role,
                    }
                }
                _ => role,
            }
        };
        // a target or forecast with no period of its own takes the one
        // stated after it ("to attract 60 million visitors and 15 trillion
        // yen by 2030")
        let chosen = match (chosen, role) {
            (None, role::Role::Target | role::Role::Forecast) if !base => {
                let q = &found[i].quantity;
                candidates
                    .iter()
                    .zip(&owners)
                    .filter(|(c, owner)| c.at() >= q.end && **owner != Owner::Base)
                    .min_by_key(|(c, _)| c.at())
                    .map(|(c, _)| c)
            }
            (chosen, _) => chosen,
        };
        // "in the past week 943,269 people": a week is no period figures
        // are compared on
        // ("between January 1 and August 17": days, not whole months)
        // money "per day" is a rate, not a total of any period ("1.3
        // billion euro (USD 1.33 billion) of imports per day")
        let rate = cues.spans
            && found[i].quantity.kind == Kind::Money
            && spans::per_day(cx.text.get(end..sentence.end).unwrap_or(""));
        let short = (cues.spans && spans::short_span(before, after))
            || rate
            || chosen.is_some_and(|c| c.short);
        let chosen = if short { None } else { chosen };
        let negated = present.has(Pattern::Negation) && NEGATION.is_match(before);
        // "lowered its forecast to 33 million from 37 million": the base of
        // a revision is the earlier figure of the same period and role
        let revised = match previous {
            Some(p) if base && chosen.is_none() && !short => {
                let q = &found[p].quantity;
                let revision = matches!(q.role, role::Role::Forecast | role::Role::Target)
                    && REVISION.is_match(cx.text.get(sentence.start..found[p].lead).unwrap_or(""));
                revision.then_some((q.period, q.period_basis, q.role))
            }
            _ => None,
        };
        let f = &mut found[i];
        f.in_period_phrase = in_phrase;
        f.quantity.period = chosen.map(|c| c.period);
        f.quantity.period_basis = match chosen {
            None if short => PeriodBasis::Short,
            None if base => PeriodBasis::Base,
            Some(c) if c.assumed => PeriodBasis::Assumed,
            _ => PeriodBasis::Stated,
        };
        f.quantity.role = role;
        if let Some((period, basis, role)) = revised {
            (f.quantity.period, f.quantity.period_basis, f.quantity.role) = (period, basis, role);
        }
        f.quantity.negated = negated;
    }
    share_with_conversions(cx, found, &metric, &candidates);
    Some(last_of(&candidates))
}

/// Whether period `p` was over before the month of `published`: its last
/// month (December for a year) came earlier. Fiscal years are not known to
/// end in any month.
fn ended(p: Period, published: Option<crate::period::Date>) -> bool {
    let Some(d) = published else {
        return false;
    };
    let year = p.through.unwrap_or(p.year);
    let last = p.months.map_or(12, |(_, b)| b);
    !p.fiscal && (year, last) < (d.year, d.month)
}

/// A conversion ("472 billion euro (USD 483 billion) in 2021") and the
/// figure it restates are one figure with one period: a period stated right
/// after the conversion is the pair's, and the conversion has the period
/// of the figure it restates.
fn share_with_conversions(
    cx: &Context<'_>,
    found: &mut [Found],
    metric: &[usize],
    candidates: &[Candidate],
) {
    for pair in metric.windows(2) {
        let [p, c] = [pair[0], pair[1]];
        if found[c].quantity.role != role::Role::Conversion {
            continue;
        }
        let after = |end: usize| candidates.iter().find(|k| follows(cx, end, k.at()));
        // past the parenthesis that closes the conversion
        let end = found[c].quantity.end;
        let closed = cx
            .text
            .get(end..)
            .is_some_and(|t| t.starts_with([')', ']']));
        if after(found[p].quantity.end).is_none() {
            if let Some(k) = after(end + usize::from(closed)) {
                found[p].quantity.period = Some(k.period);
                found[p].quantity.period_basis = PeriodBasis::Stated;
            }
        }
        let (period, basis) = (found[p].quantity.period, found[p].quantity.period_basis);
        (found[c].quantity.period, found[c].quantity.period_basis) = (period, basis);
    }
}

/// The period of figure `q`: one stated right after it ("$240 billion in
/// 2023"); none for the base of a comparison (`base`: "up from $240
/// billion"); else the nearest that does not
/// stand right after another figure; else the nearest before it in the
/// sentence ("fell to €118.2 billion in 2024, while the surplus grew to
/// €42 billion": 2024 for both) that is not a base's own ("up from 36.9
/// million the year before and above 40 million": not the year before);
/// else none.
fn choose<'c>(
    cx: &Context<'_>,
    q: &super::Quantity,
    base: bool,
    candidates: &'c [Candidate],
    owners: &[Owner],
) -> Option<&'c Candidate> {
    let usable = |c: &&Candidate| !(c.span.start <= q.start && q.end <= c.span.end);
    if let Some(c) = candidates
        .iter()
        .filter(usable)
        .find(|c| follows(cx, q.end, c.at()))
    {
        return Some(c);
    }
    // "than last year's total of some 5.3 trillion yen"
    if let Some(c) = candidates.iter().find(|c| {
        c.of_next
            && c.span.end <= q.start
            && cx.text.get(c.span.end..q.start).is_some_and(|between| {
                between.split_whitespace().count() <= 5 && !between.contains([',', ';'])
            })
    }) {
        return Some(c);
    }
    if base {
        return None;
    }
    let unowned = candidates
        .iter()
        .zip(owners)
        .filter(|(c, owner)| usable(c) && **owner == Owner::None)
        .min_by_key(|(c, _)| c.at().abs_diff(q.start))
        .map(|(c, _)| c);
    unowned.or_else(|| {
        candidates
            .iter()
            .zip(owners)
            .filter(|(c, owner)| usable(c) && c.span.end <= q.start && **owner != Owner::Base)
            .max_by_key(|(c, _)| c.at())
            .map(|(c, _)| c)
    })
}

/// Which figure a period candidate stands right after ("$240bn in 2023").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    None,
    /// A figure of the sentence, whose period it is first.
    Figure,
    /// The base of a comparison ("up from 36.9 million the year before"):
    /// its period is no other figure's.
    Base,
}

/// Whether the relative year at `at` closes "the same month last year",
/// "the same period last year": a base of comparison, not a period.
fn same_time(cx: &Context<'_>, at: usize) -> bool {
    let before = cx.before(at);
    let before = before
        .get(before.len().saturating_sub(24)..)
        .unwrap_or("")
        .trim_end()
        .to_ascii_lowercase();
    [
        "same month",
        "same period",
        "same quarter",
        "same time",
        "same months",
        "same half",
    ]
    .iter()
    .any(|s| before.ends_with(s))
}

/// Whether a figure after `before` is the base of a comparison: "up from
/// $240 billion", "compared with 30 million", "versus €200 billion".
fn is_base(before: &str) -> bool {
    // the last 16 bytes, lowercased on the stack (called for every figure)
    let before = before.trim_end().as_bytes();
    let tail = &before[before.len().saturating_sub(16)..];
    let mut lower = [0u8; 16];
    let lower = &mut lower[..tail.len()];
    lower.copy_from_slice(tail);
    lower.make_ascii_lowercase();
    let last_word = lower
        .rsplit(|b| !(b.is_ascii_alphanumeric() || *b == b'.'))
        .next()
        .unwrap_or(&[]);
    matches!(
        last_word,
        b"from" | b"than" | b"versus" | b"vs" | b"vs." | b"against"
    ) || lower.ends_with(b"compared with")
        || lower.ends_with(b"compared to")
}

/// Whether a period at `at` directly follows a figure ending at `end`: only
/// a preposition or a comma between them.
fn follows(cx: &Context<'_>, end: usize, at: usize) -> bool {
    if at < end {
        return false;
    }
    let between = cx.text.get(end..at).unwrap_or("").trim();
    // leading commas, byte by byte (a `char` pattern sets up a searcher);
    // or the parenthesis of a period the figure's own ("over 5 million
    // (through September)")
    let commas = between.bytes().take_while(|b| *b == b',').count();
    let between = match &between[commas..] {
        b if commas == 0 && b.starts_with('(') => b[1..].trim_start(),
        b => b,
    };
    // the figure's unit, when the extractor does not read it as one: "10.5
    // million bpd in 2019", "9 million barrels a day in 2023"
    let is_unit = |w: &str| {
        w.eq_ignore_ascii_case("b/d")
            || super::change::UNIT_WORDS
                .iter()
                .any(|u| w.eq_ignore_ascii_case(u))
    };
    let mut between = between;
    for _ in 0..3 {
        match between.split_once(' ') {
            Some((w, after)) if is_unit(w) => between = after.trim_start(),
            _ => break,
        }
    }
    // at most four words, read without copying: a preposition, "the", and
    // "fiscal year" ("in fiscal 2024", "in the fiscal year 2024", "in FY2024")
    let mut words = [""; 4];
    let mut n = 0;
    for w in between.split_whitespace() {
        if n == words.len() {
            return false;
        }
        words[n] = w;
        n += 1;
    }
    let is = |w: &str, of: &str| w.eq_ignore_ascii_case(of);
    let fiscal = match &words[..n] {
        [.., a, b] if is(a, "fiscal") && is(b, "year") => 2,
        [.., a, b] if is(a, "financial") && is(b, "year") => 2,
        [.., a] if is(a, "fiscal") || is(a, "fy") => 1,
        _ => 0,
    };
    match &words[..n - fiscal] {
        [] => true,
        [p] => ["in", "for", "during", "over", "of", "by"]
            .iter()
            .any(|w| is(p, w)),
        [p, the] => is(the, "the") && ["in", "for", "during", "over"].iter().any(|w| is(p, w)),
        // "in all of 2023", "for the whole of 2023"
        [p, all, of] => {
            is(all, "all") && is(of, "of") && ["in", "for", "over"].iter().any(|w| is(p, w))
        }
        [p, the, whole, of] => {
            is(the, "the")
                && is(whole, "whole")
                && is(of, "of")
                && ["in", "for", "over"].iter().any(|w| is(p, w))
        }
        _ => false,
    }
}
