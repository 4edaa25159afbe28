//! Which figure of a sentence a rule's words belong to.
//!
//! A sentence can state several metrics: "Japan's surplus with the EU
//! reached €41bn, the gap between exports of €102bn and €61bn of imports".
//! Every match of a rule's patterns (`all`, `any`, `none`) and entities in the
//! sentence belongs to the figure nearest to it, where a clause boundary
//! between the two (a comma, a semicolon, a dash, a parenthesis, "and",
//! "while", "with", "compared" …) counts as farther than any number of
//! words: "surplus" belongs to €41bn, "exports" to €102bn, "imports" to
//! €61bn. Only figures the rule can claim (its kind and unit) compete.
//!
//! A rule claims a figure when one of its patterns belongs to it; a `none`
//! match that belongs to a figure excludes that figure only, and so does an
//! entity the rule does not name ("Germany's exports to China"). A figure
//! that no pattern of the rule reaches is still the rule's when it continues
//! a figure the rule claims with a period of its own ("€514 billion in 2023
//! and €518 billion in 2024") or as the end of "from A to B". A rule whose
//! patterns are all outside the sentence (its context is the sentence
//! before) claims the figures no other rule's words reach.
//!
//! When several rules reach one figure, the most specific wins: the larger
//! share of its requirements (each `all` pattern, the `any` list, each
//! entity) belonging to the figure, then the nearest word; rules that tie
//! all claim it. Facts are made in `facts/mod.rs`; whether the sentence names
//! a metric at all is `facts/window.rs`.

use std::ops::Range;

use super::window::Referent;
use crate::extract::{Kind, Quantity};
use crate::rules::{Hits, Metric, Pattern, Prefilter};

/// How far a word is from a figure: clause boundaries between them first,
/// then bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Distance {
    boundaries: u32,
    bytes: u32,
}

/// Words that start a new clause or phrase when they stand between a word
/// and a figure.
const BOUNDARY_WORDS: &[&str] = &[
    "and",
    "while",
    "whereas",
    "but",
    "with",
    "compared",
    "against",
    "versus",
    "vs",
    "although",
    "though",
    "which",
    "where",
    "when",
    "as",
    "after",
    "whilst",
    "including",
];

/// The distance between `word` and `figure` (byte ranges of `sentence`).
pub(super) fn distance(sentence: &str, word: &Range<usize>, figure: &Range<usize>) -> Distance {
    let gap = if word.end <= figure.start {
        word.end..figure.start
    } else if figure.end <= word.start {
        figure.end..word.start
    } else {
        return Distance {
            boundaries: 0,
            bytes: 0,
        };
    };
    let text = sentence.get(gap).unwrap_or("");
    Distance {
        boundaries: boundaries(text),
        bytes: u32::try_from(text.len()).unwrap_or(u32::MAX),
    }
}

/// Clause boundaries in `gap`: punctuation that ends a phrase, and the
/// words of `BOUNDARY_WORDS`.
fn boundaries(gap: &str) -> u32 {
    let marks = gap
        .chars()
        .filter(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–'))
        .count();
    let words = gap
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| BOUNDARY_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        .count();
    u32::try_from(marks + words).unwrap_or(u32::MAX)
}

/// The figure (index into `figures`) nearest to `word`, with its distance;
/// a word of an item of a list read "respectively" belongs to that item's
/// figure or to none of the list's.
fn nearest(
    sentence: &str,
    word: &Range<usize>,
    figures: &[(usize, Range<usize>)],
    lists: &Respectively,
) -> Option<(usize, Distance)> {
    let item = lists.item_of(word);
    figures
        .iter()
        .filter(|(_, f)| item.is_none_or(|k| lists.allows(k, f)))
        .map(|(i, f)| {
            let mut d = distance(sentence, word, f);
            // the item is the figure's own phrase, however far
            if item.is_some_and(|k| lists.figures.get(k).is_some_and(|g| g.start == f.start)) {
                d.boundaries = 0;
            }
            (*i, d)
        })
        .min_by_key(|&(i, d)| (d, i))
}

/// The figures `word` belongs to: the nearest; and when that is a figure
/// of a list read "respectively" and the word stands in none of its items,
/// every figure of the list ("their output at 9.13 and 8.9 mbpd,
/// respectively": "output" is both's). A word in the own clause of a
/// figure the rule cannot claim (`others`), and not in the nearest's, is
/// that figure's: "its third-largest export destination, with €213.3
/// billion in exports and €517.8 billion in imports" gives "imports" to
/// €517.8 billion, not to the rank; the "€" of "$749.3 billion (€642
/// billion)" is the euro figure's.
fn owners<'a>(
    sentence: &str,
    word: &Range<usize>,
    Field { spans, others }: Field<'a>,
    lists: &'a Respectively,
) -> impl Iterator<Item = (usize, Distance)> + 'a {
    let found = nearest(sentence, word, spans, lists).filter(|(_, d)| {
        d.boundaries == 0
            || lists.item_of(word).is_some()
            || !others
                .iter()
                .any(|o| distance(sentence, word, o).boundaries == 0)
    });
    let shared = found.filter(|(i, _)| {
        lists.item_of(word).is_none() && spans.iter().any(|(j, r)| j == i && lists.holds(r))
    });
    let others = spans.iter().filter_map(move |(j, r)| {
        let (i, d) = shared?;
        (*j != i && lists.holds(r)).then_some((*j, d))
    });
    found.into_iter().chain(others)
}

/// The figures of a sentence for one rule: those it can claim (index in
/// the sentence's figures, range), which compete for its words, and the
/// ranges of those it cannot claim that keep their own words.
#[derive(Clone, Copy)]
struct Field<'a> {
    spans: &'a [(usize, Range<usize>)],
    others: &'a [Range<usize>],
}

/// "China is the EU's largest trading partner, largest source of imports
/// and third largest export market, accounting for 15.4%, 21.0% and 9.1%
/// respectively": the k-th item of the list before the figures is the k-th
/// figure's. Ranges are of the sentence.
#[derive(Debug, Default)]
pub(super) struct Respectively {
    items: Vec<Range<usize>>,
    figures: Vec<Range<usize>>,
}

impl Respectively {
    /// The list of `sentence` (which starts at `start` in the text of
    /// `figures`), if it says "respectively" after two or more figures.
    pub(super) fn of(sentence: &str, start: usize, figures: &[&Quantity]) -> Respectively {
        let Some(at) = find_word(sentence, "respectively") else {
            return Respectively::default();
        };
        let span = |q: &Quantity| q.start.saturating_sub(start)..q.end.saturating_sub(start);
        let before: Vec<&Quantity> = figures
            .iter()
            .copied()
            .filter(|q| span(q).end <= at)
            .collect();
        let spans: Vec<Range<usize>> = before.iter().map(|q| span(q)).collect();
        // the figures right before the word, joined by commas and "and"
        let mut list: Vec<Range<usize>> = Vec::new();
        let mut end = at;
        for f in spans.iter().rev() {
            let gap = sentence.get(f.end..end).unwrap_or("");
            let joined = if list.is_empty() {
                is_separator(gap, false)
            } else {
                is_separator(gap, true)
            };
            if !joined {
                break;
            }
            list.push(f.clone());
            end = f.start;
        }
        list.reverse();
        let n = list.len();
        let Some(first) = list.first() else {
            return Respectively::default();
        };
        if n < 2 {
            return Respectively::default();
        }
        // amounts inside the items would make them another list of figures
        // (a rank names an item: "largest source of imports")
        let amounts: Vec<Range<usize>> = before
            .iter()
            .filter(|q| q.kind != crate::extract::Kind::Rank)
            .map(|q| span(q))
            .collect();
        let items = items_before(sentence, first.start, n, &amounts);
        if items.len() != n {
            return Respectively::default();
        }
        Respectively {
            items,
            figures: list,
        }
    }

    /// The item `word` starts in (an entity's match takes the character
    /// after the name too).
    fn item_of(&self, word: &Range<usize>) -> Option<usize> {
        self.items
            .iter()
            .position(|i| i.start <= word.start && word.start < i.end)
    }

    /// Whether `figure` is one of the list's.
    fn holds(&self, figure: &Range<usize>) -> bool {
        self.figures.iter().any(|f| f.start == figure.start)
    }

    /// Whether a word of item `k` may belong to `figure`: any figure but
    /// the other figures of the list.
    fn allows(&self, k: usize, figure: &Range<usize>) -> bool {
        match self.figures.iter().position(|f| f.start == figure.start) {
            Some(j) => j == k,
            None => true,
        }
    }
}

/// Where `word` (lowercase ASCII) stands in `text` as a whole word, in
/// either case of its first letter: no copy of the text (this runs on
/// every sentence a rule matches).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let (first, rest) = word.split_at(1);
    text.match_indices(rest).map(|(i, _)| i).find_map(|i| {
        let start = i.checked_sub(1)?;
        let initial = text.get(start..i)?;
        let before = text[..start].chars().next_back();
        let after = text[i + rest.len()..].chars().next();
        (initial.eq_ignore_ascii_case(first)
            && !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric))
        .then_some(start)
    })
}

/// Whether `gap` after a figure of a list only joins it to the next
/// (`between`: ", ", " and ", " barrels and ") or to "respectively" (", ",
/// " barrels, "): at most two words of the figure's unit besides.
fn is_separator(gap: &str, between: bool) -> bool {
    let mut words = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    let joined = words
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"));
    if joined {
        words.pop();
    }
    let unit = words.len() <= 2
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '%'));
    unit && (joined || !between || gap.contains(','))
}

/// The last `n` items of the list that ends before byte `end`: the
/// stretches between commas and "and" since the sentence's start, without
/// the lead-in to the figures when a comma sets it apart (", accounting
/// for").
fn items_before(
    sentence: &str,
    end: usize,
    n: usize,
    figures: &[Range<usize>],
) -> Vec<Range<usize>> {
    let text = sentence.get(..end).unwrap_or("");
    // item boundaries: (start of separator, end of separator, is a comma)
    let mut cuts: Vec<(usize, usize, bool)> = Vec::new();
    let lower = text.to_ascii_lowercase();
    for (i, c) in text.char_indices() {
        if c == ',' || c == ';' {
            cuts.push((i, i + 1, true));
        }
    }
    for (i, _) in lower.match_indices(" and ") {
        cuts.push((i, i + 5, false));
    }
    cuts.sort_unstable();
    // ", and" is one separator
    cuts.dedup_by(|b, a| b.0 <= a.1 + 1 && a.2);
    let mut items: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut comma_last = false;
    for &(a, b, comma) in &cuts {
        items.push(start..a);
        start = b;
        comma_last = comma;
    }
    items.push(start..text.len());
    if items.len() > n && comma_last {
        items.pop();
    }
    if items.len() < n {
        return Vec::new();
    }
    let has_figure = |r: &Range<usize>| figures.iter().any(|f| r.contains(&f.start));
    // the list right before the figures holds figures of its own ("with
    // declines of 114,000 and 76,000 bpd that left their output at 9.13
    // and 8.9 mbpd, respectively"): the items are the sentence's first
    // ("Russia and Saudi Arabia, …")
    let mut items = if items[items.len() - n..].iter().any(has_figure) {
        items.truncate(n);
        if items.iter().any(has_figure) {
            return Vec::new();
        }
        items
    } else {
        items.split_off(items.len() - n)
    };
    // the subject before the list is every item's: "China remains the EU's
    // largest trading partner, …" lists from "largest"
    if let Some(first) = items.first_mut() {
        let words = &lower[first.clone()];
        let subject_end = words
            .match_indices(|c: char| !c.is_alphanumeric())
            .map(|(i, _)| i)
            .chain([words.len()])
            .scan(0, |from, i| {
                let w = &words[*from..i];
                let at = *from;
                *from = i + 1;
                Some((at, i, w))
            })
            .filter(|(_, _, w)| SUBJECT_ENDS.contains(w))
            .map(|(_, i, _)| i)
            .last();
        if let Some(end) = subject_end {
            first.start += end;
        }
    }
    items
}

/// Words that end the subject before a list ("China remains the EU's
/// largest …"): linking verbs, and possessives.
const SUBJECT_ENDS: &[&str] = &[
    "is", "was", "are", "were", "remains", "remained", "became", "becomes", "ranks", "ranked",
    "stands", "stood", "s", "its", "their",
];

/// What in a figure's own words excludes it from a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exclusion {
    /// `none` pattern number `pattern` (from 0) matched `words`.
    None { pattern: usize, words: String },
    /// An entity the rule does not name, as written.
    OtherEntity { words: String },
    /// The rule's word of one direction joined to the other ("imports and
    /// exports"): both together, as written.
    BothDirections { words: String },
}

/// Why a rule that names a sentence does not claim one of its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    Excluded(Exclusion),
    /// A count of things the rule does not name ("12 countries").
    CountsOtherThings,
    /// An amount set aside or agreed ("a 3.5 billion baht stimulus
    /// budget", "a $2 billion loan") that the rule does not name.
    Allocation,
    /// An amount of each of several things ("$5 each").
    PerItem,
    /// A place in a ranking of the world ("the world's biggest car
    /// market") for a rule whose words do not name the world.
    WorldRanking,
    /// No `near` pattern is in the figure's own clause.
    NotNear,
    /// A figure of a list read "respectively" whose item has none of the
    /// rule's words.
    NotInItem,
    /// The rule's words in the sentence all belong to other figures.
    NotReached,
}

/// A rule's claim on one figure of a sentence, before rules are weighed
/// against each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Candidate {
    /// Index of the figure in the sentence's figures.
    pub(super) figure: usize,
    /// Index of the metric in the rule set.
    pub(super) metric: usize,
    strength: Strength,
    /// The rule lets other rules claim the figure too (`shares_figures`).
    shared: bool,
}

impl Candidate {
    /// The claim of metric `metric` on conversion `figure`, which restates
    /// a figure the metric claims ("¥8.1 trillion ($53 billion)").
    pub(super) fn conversion(figure: usize, metric: usize) -> Self {
        Candidate {
            figure,
            metric,
            strength: Strength::Continued,
            shared: true,
        }
    }
}

/// How strongly a rule's words reach a figure; greater is stronger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// The rule's words are all outside the sentence (its context).
    Context,
    /// The figure continues one the rule's words reach.
    Continued,
    /// The rule's words reach the figure: `share` of its requirements
    /// (in 1/1000), nearest word at `nearest` (smaller is nearer, so it is
    /// stored reversed).
    Reached {
        share: u32,
        nearest: std::cmp::Reverse<Distance>,
    },
}

/// What excludes a figure from a rule, before its words are copied for
/// `crosscheck why`.
#[derive(Debug, Clone, Copy)]
enum Excluder {
    /// `none` pattern number `.0`.
    None(usize),
    /// An entity the rule does not name.
    OtherEntity,
    /// A word of the rule joined to the other direction ("imports and
    /// exports").
    BothDirections,
}

/// Where one metric's words fall among the figures it can claim.
struct Reach {
    /// Per figure: requirements with a match belonging to it, and the
    /// nearest pattern match.
    groups: Vec<u32>,
    nearest: Vec<Option<Distance>>,
    /// Per figure: the first `none` match (its pattern) or other entity
    /// (`None`) that belongs to it, and where it is in the sentence.
    excluded: Vec<Option<(Excluder, Range<usize>)>>,
    /// Per figure: whether a `near` pattern belongs to it.
    near: Vec<bool>,
    /// Per figure: whether a word of the rule stands in its item of a list
    /// read "respectively".
    itemized: Vec<bool>,
    /// Whether any pattern of the rule matches the sentence.
    patterns_here: bool,
}

/// The claims of `metric` (index `m`) on `figures` of `sentence` (the text
/// as the window test sees it, with its view and the matches of patterns
/// found in it so far), of which the rule accepts `accepted`.
/// With `rejected`, each accepted figure the rule does not claim is pushed
/// there with the reason (`crosscheck why`).
pub(super) fn candidates(
    (sentence, named, cache): (&str, Option<&str>, &mut Found),
    sentence_start: usize,
    figures: &[&Quantity],
    accepted: &[usize],
    (lists, referent): (&Respectively, Option<&Referent>),
    (m, metric): (usize, &Metric),
    mut rejected: Option<&mut Vec<(usize, Rejection)>>,
) -> Vec<Candidate> {
    // a figure's range in the sentence
    let within = |q: &Quantity| {
        let start = q.start.saturating_sub(sentence_start);
        let end = q.end.saturating_sub(sentence_start).min(sentence.len());
        start..end.max(start)
    };
    let spans: Vec<(usize, Range<usize>)> =
        accepted.iter().map(|&i| (i, within(figures[i]))).collect();
    // the figures the rule cannot claim that keep their own words: levels
    // of other kinds or units, conversions (a change and its level share
    // their words: "exports were €118bn, down 3%")
    let levels = accepted.iter().all(|&i| figures[i].kind != Kind::Change);
    let others: Vec<Range<usize>> = (0..figures.len())
        .filter(|i| levels && !accepted.contains(i) && figures[*i].kind != Kind::Change)
        .map(|i| within(figures[i]))
        .collect();
    // places in a ranking, whose "after …" names own no figure: only for a
    // rule that names other entities (no list otherwise)
    let ranks: Vec<Range<usize>> = match metric.matcher.other_entities.is_empty() {
        true => Vec::new(),
        false => figures
            .iter()
            .filter(|q| q.kind == Kind::Rank)
            .map(|q| within(q))
            .collect(),
    };
    let field = Field {
        spans: &spans,
        others: &others,
    };
    // a `none` word of a change the rule cannot claim is that change's:
    // "produced 26.741 million bpd, an increase of 26,000 bpd" leaves the
    // level be
    let unclaimed: Vec<Range<usize>> = (0..figures.len())
        .filter(|i| !accepted.contains(i))
        .map(|i| within(figures[i]))
        .collect();
    let excluding = Field {
        spans: &spans,
        others: &unclaimed,
    };
    let reach = reach(
        (sentence, named),
        (field, excluding),
        (figures.len(), &ranks),
        (lists, referent),
        metric,
        cache,
    );
    let mut out = Vec::new();
    let mut claimed: Vec<bool> = vec![false; figures.len()];
    let total = requirement_count(metric).max(1);
    for (k, &i) in accepted.iter().enumerate() {
        let span = &spans[k].1;
        let rejection = if let Some((pattern, at)) = &reach.excluded[i] {
            let words = sentence.get(at.clone()).unwrap_or("");
            // the words only for `crosscheck why`: no copy otherwise
            let words = match rejected {
                Some(_) => words.trim_matches(|c: char| !c.is_alphanumeric()),
                None => "",
            };
            Some(Rejection::Excluded(match pattern {
                Excluder::None(n) => Exclusion::None {
                    pattern: *n,
                    words: words.to_owned(),
                },
                Excluder::OtherEntity => Exclusion::OtherEntity {
                    words: words.to_owned(),
                },
                Excluder::BothDirections => Exclusion::BothDirections {
                    words: words.to_owned(),
                },
            }))
        } else if counts_other_things(sentence, span, figures[i], metric) {
            Some(Rejection::CountsOtherThings)
        } else if an_allocation(sentence, span, figures[i], metric) {
            Some(Rejection::Allocation)
        } else if per_item(sentence, span)
            || a_line_each_passed(sentence, figures, &within, i, metric)
        {
            Some(Rejection::PerItem)
        } else if ranks_the_world(sentence, span, figures[i], metric) {
            Some(Rejection::WorldRanking)
        } else if !metric.matcher.near.is_empty() && !reach.near[i] {
            // `near`: one of its patterns must be the figure's own words
            Some(Rejection::NotNear)
        } else if lists.holds(span) && !reach.itemized[i] {
            // a figure of a list read "respectively" is the rule's only when
            // the rule's words stand in its item: the words the list shares
            // are every figure's, and say nothing of which is which
            Some(Rejection::NotInItem)
        } else {
            None
        };
        let strength = if rejection.is_some() {
            None
        } else if let Some(d) = reach.nearest[i] {
            Some(Strength::Reached {
                share: reach.groups[i] * 1000 / total,
                nearest: std::cmp::Reverse(d),
            })
        } else if !reach.patterns_here {
            Some(Strength::Context)
        } else if k > 0 && claimed[accepted[k - 1]] && continues(sentence, figures, &spans, k) {
            Some(Strength::Continued)
        } else {
            None
        };
        let Some(strength) = strength else {
            if let Some(r) = rejected.as_deref_mut() {
                r.push((i, rejection.unwrap_or(Rejection::NotReached)));
            }
            continue;
        };
        claimed[i] = true;
        out.push(Candidate {
            figure: i,
            metric: m,
            strength,
            shared: metric.shares_figures,
        });
    }
    out
}

/// Whether figure `i` of a sentence is a line each of the things its
/// subject counts passed: a bound ("more than", "at least") in the clause
/// of a sentence that opens with a count of things the rule's words do not
/// name ("Only four markets sent more than 1 million tourists": each of
/// the four sent over a million, and the total is no million).
fn a_line_each_passed(
    sentence: &str,
    figures: &[&Quantity],
    within: &dyn Fn(&Quantity) -> Range<usize>,
    i: usize,
    metric: &Metric,
) -> bool {
    use crate::extract::Qualifier;
    let q = figures[i];
    let (Some(count), true) = (
        figures.first(),
        matches!(q.qualifier, Qualifier::MoreThan | Qualifier::AtLeast),
    ) else {
        return false;
    };
    if i == 0 || !matches!(count.kind, Kind::Number | Kind::Other) {
        return false;
    }
    let (c, f) = (within(count), within(q));
    // at most one word before the count ("Only", "Just", "All")
    let opening = sentence.get(..c.start).unwrap_or("");
    if opening.split_whitespace().count() > 1 {
        return false;
    }
    let between = sentence.get(c.end..f.start).unwrap_or("");
    let noun = between
        .split(|ch: char| !ch.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let plural = noun.len() >= 4
        && noun.ends_with('s')
        && !noun.ends_with("ss")
        && noun.chars().all(char::is_lowercase);
    plural
        && between.starts_with(' ')
        && boundaries(between) == 0
        && !rule_words_match(metric, noun)
}

/// Whether the figure at `span` of `sentence` is an amount of each of
/// several things ("markets of over 1 million visitors each", "$5 a piece"):
/// no total of any metric.
fn per_item(sentence: &str, span: &Range<usize>) -> bool {
    let after = sentence.get(span.end..).unwrap_or("");
    after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| w.eq_ignore_ascii_case("each") || w.eq_ignore_ascii_case("apiece"))
}

/// Whether rank `q` (at `span` of `sentence`) is a place in the world
/// ("the world's biggest automotive market", "the globe's second-largest
/// economy") and the rule's words do not name the world: a rank of
/// partners of one country is never one of the world.
fn ranks_the_world(sentence: &str, span: &Range<usize>, q: &Quantity, metric: &Metric) -> bool {
    if q.kind != Kind::Rank {
        return false;
    }
    let before = sentence.get(..span.start).unwrap_or("").trim_end();
    let Some(word) = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("’s"))
        .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next())
        .filter(|w| {
            ["world", "globe", "planet"]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s))
        })
    else {
        return false;
    };
    !rule_words_match(metric, word)
}

/// Whether a pattern of the rule's `all`, `any` or `near` matches `text`.
fn rule_words_match(metric: &Metric, text: &str) -> bool {
    let m = &metric.matcher;
    m.all
        .iter()
        .chain(&m.any)
        .chain(&m.near)
        .any(|r| r.is_match(text))
}

/// Nouns of money set aside or agreed rather than traded, spent or earned.
const ALLOCATIONS: &[&str] = &[
    "budget",
    "budgets",
    "fund",
    "funds",
    "package",
    "packages",
    "stimulus",
    "loan",
    "loans",
    "grant",
    "grants",
    "subsidy",
    "subsidies",
    "bailout",
    "aid",
    "deal",
    "deals",
    "contract",
    "contracts",
    "scheme",
    "schemes",
    "programme",
    "programmes",
    "program",
    "programs",
    "bond",
    "bonds",
    "fine",
    "fines",
    "penalty",
    "penalties",
    "allocation",
    "facility",
];

/// Whether money figure `q` (at `span` of `sentence`) is an amount set
/// aside or agreed: one of `ALLOCATIONS` among the three lower-case words
/// right after it ("its proposed 3.5 billion baht tourism stimulus budget",
/// "$5 billion in aid"), which no pattern of the rule matches.
fn an_allocation(sentence: &str, span: &Range<usize>, q: &Quantity, metric: &Metric) -> bool {
    if q.kind != Kind::Money {
        return false;
    }
    let after = sentence.get(span.end..).unwrap_or("");
    let words: Vec<&str> = after
        .split(' ')
        .skip(1)
        .take(3)
        .take_while(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-'))
        .collect();
    let Some(noun) = words.iter().find(|w| ALLOCATIONS.contains(w)) else {
        return false;
    };
    !rule_words_match(metric, noun)
}

/// Whether count `q` (at `span` of `sentence`) counts things the rule does
/// not name: a plural noun right after it ("Eight economies", "12
/// countries", "the top five markets") that no pattern of the rule matches
/// in the words that follow ("36.9 million foreign visitors" is the rule's
/// if it names visitors).
fn counts_other_things(sentence: &str, span: &Range<usize>, q: &Quantity, metric: &Metric) -> bool {
    if q.kind != crate::extract::Kind::Number {
        return false;
    }
    let after = sentence.get(span.end..).unwrap_or("");
    let Some(noun) = after.strip_prefix(' ') else {
        return false;
    };
    fn first_word(text: &str) -> &str {
        text.split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
    }
    let plural = |w: &str| {
        w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && w.chars().all(char::is_lowercase)
    };
    // a noun of the metric's own unit ("barrels" of "barrels per day")
    let unit_noun = |w: &str| {
        metric
            .unit
            .as_deref()
            .is_some_and(|u| u.split(' ').any(|u| u.eq_ignore_ascii_case(w)))
    };
    // a metric counted in a unit of its own ("barrels per day") counts no
    // other things: "All 12 OPEC producers" (past up to two names) are
    // producers, not barrels, though "produc" is among the rule's `any`
    // words; a noun its unit or its `all` words name ("tons") is its own
    // (a number figure is claimed only by count metrics: their unit is
    // never a currency)
    if metric.unit.is_some() {
        let mut rest = noun;
        for _ in 0..2 {
            let w = first_word(rest);
            let name = w.starts_with(char::is_uppercase);
            match rest.split_once(' ') {
                Some((_, next)) if name => rest = next,
                _ => break,
            }
        }
        let the_unit = |w: &str| unit_noun(w) || metric.matcher.all.iter().any(|r| r.is_match(w));
        let w = first_word(rest);
        if plural(w) && !the_unit(w) {
            return true;
        }
        // a noun of two words: "12 member states", "three oil fields"
        let second = rest
            .split_once(' ')
            .map_or("", |(_, next)| first_word(next));
        let lowercase = |w: &str| !w.is_empty() && w.chars().all(char::is_lowercase);
        if lowercase(w) && !the_unit(w) && plural(second) && !the_unit(second) {
            return true;
        }
    }
    let word = first_word(noun);
    // "9.5 million barrels of oil per day": the unit's own noun
    if !plural(word) || unit_noun(word) {
        return false;
    }
    // the next three words, where the rule's own noun would be
    let words: usize = noun
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .nth(2)
        .map_or(noun.len(), |(i, _)| i);
    let near = &noun[..words];
    let m = &metric.matcher;
    !m.all.iter().chain(&m.any).any(|r| r.is_match(near))
}

/// Each `all` pattern, the `any` list and each entity is one requirement.
fn requirement_count(metric: &Metric) -> u32 {
    let m = &metric.matcher;
    let n = m.all.len()
        + usize::from(!m.any.is_empty())
        + usize::from(!m.near.is_empty())
        + m.entities.len();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The matches of `r` in a sentence and, where it differs, in its view with
/// the other names of abbreviated organizations written as the
/// abbreviation (`names.rs`): "the group" is OPEC for a rule that says OPEC.
/// The matches of the rules' patterns in one sentence, each pattern
/// searched once however many rules of the sentence share it (an entity, a
/// template's words), and not at all when the sentence lacks its literals.
pub(super) struct Found<'r> {
    prefilter: &'r Prefilter,
    /// The literals in the sentence and its view (`rules/prefilter.rs`).
    hits: Hits,
    /// pattern id -> its matches
    found: foldhash::HashMap<usize, Vec<Range<usize>>>,
}

impl<'r> Found<'r> {
    pub(super) fn new(prefilter: &'r Prefilter, hits: Hits) -> Self {
        Found {
            prefilter,
            hits,
            found: foldhash::HashMap::default(),
        }
    }

    /// `matches` of pattern `r` in `texts`, the sentence this cache is for.
    fn matches(&mut self, r: &Pattern, texts: (&str, Option<&str>)) -> Vec<Range<usize>> {
        if !self.prefilter.may_match(&self.hits, r.id()) {
            return Vec::new();
        }
        self.found
            .entry(r.id())
            .or_insert_with(|| matches(r, texts))
            .clone()
    }
}

fn matches(r: &regex::Regex, (sentence, named): (&str, Option<&str>)) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = r.find_iter(sentence).map(|f| f.range()).collect();
    if let Some(view) = named {
        let plain = found.len();
        for f in r.find_iter(view) {
            if !found[..plain].contains(&f.range()) {
                found.push(f.range());
            }
        }
    }
    found
}

/// The matches of a rule's own words (`all`, `any`, `near`, its entities)
/// in a sentence: `matches`, less those that start right after "non-",
/// which names everything but what follows ("non-OPEC supply", "non-EU
/// imports").
fn own_matches(r: &Pattern, texts: (&str, Option<&str>), found: &mut Found) -> Vec<Range<usize>> {
    let mut found = found.matches(r, texts);
    found.retain(|f| !after_non(texts.0, f.start));
    found
}

/// Whether byte `at` of `text` starts the word right after a "non-" prefix
/// ("Non-OPEC", "non-EU"): the words after it name the complement.
pub(super) fn after_non(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    let Some(word) = before
        .strip_suffix('-')
        .and_then(|b| b.get(b.len().saturating_sub(3)..))
    else {
        return false;
    };
    let start = at.saturating_sub(4);
    word.eq_ignore_ascii_case("non") && !text[..start].ends_with(|c: char| c.is_alphanumeric())
}

/// Whether `r` finds a rule's own words in `text`: a match that does not
/// start right after "non-" (see `after_non`). Most texts have no "non-",
/// and then this is `r.is_match`.
pub(super) fn names_own(r: &regex::Regex, text: &str) -> bool {
    if !r.is_match(text) {
        return false;
    }
    let has_non = memchr::memchr_iter(b'-', text.as_bytes()).any(|i| after_non(text, i + 1));
    !has_non || r.find_iter(text).any(|f| !after_non(text, f.start()))
}

fn reach(
    (sentence, named): (&str, Option<&str>),
    (field, excluding): (Field<'_>, Field<'_>),
    (figure_count, ranks): (usize, &[Range<usize>]),
    (lists, referent): (&Respectively, Option<&Referent>),
    metric: &Metric,
    cache: &mut Found,
) -> Reach {
    let m = &metric.matcher;
    let mut reach = Reach {
        groups: vec![0; figure_count],
        nearest: vec![None; figure_count],
        excluded: vec![None; figure_count],
        near: vec![false; figure_count],
        itemized: vec![false; figure_count],
        patterns_here: false,
    };
    // each requirement, and whether it is the `near` list
    let mut patterns: Vec<(&[Pattern], bool)> = m
        .all
        .iter()
        .map(|r| (std::slice::from_ref(r), false))
        .collect();
    if !m.any.is_empty() {
        patterns.push((&m.any, false));
    }
    if !m.near.is_empty() {
        patterns.push((&m.near, true));
    }
    for (group, is_near) in patterns {
        let mut reached = vec![false; figure_count];
        for r in group {
            for found in own_matches(r, (sentence, named), cache) {
                reach.patterns_here = true;
                // "imports and exports" is trade: no figure of one direction
                if let Some(both) = joined_to_opposite(sentence, &found, metric) {
                    for (i, _) in owners(sentence, &both, excluding, lists) {
                        reach.excluded[i].get_or_insert((Excluder::BothDirections, both.clone()));
                    }
                    continue;
                }
                let in_item = lists.item_of(&found.clone()).is_some();
                for (i, d) in owners(sentence, &found, field, lists) {
                    reached[i] = true;
                    reach.itemized[i] |= in_item;
                    reach.nearest[i] = Some(reach.nearest[i].map_or(d, |n| n.min(d)));
                    // `near`: in the figure's own clause, no boundary between
                    reach.near[i] |= is_near && d.boundaries == 0;
                }
            }
        }
        for (i, r) in reached.into_iter().enumerate() {
            reach.groups[i] += u32::from(r);
        }
    }
    // every other entity's name in the sentence, found once
    let mut others: Vec<Range<usize>> = m
        .other_entities
        .iter()
        .flat_map(|o| cache.matches(&o.regex, (sentence, named)))
        .collect();
    // "Japan makes for a striking comparison. It welcomed 21.5 million
    // visitors, more than Thailand's 16.69 million": "It" names Japan, an
    // entity the rule of Thailand does not (unless that subject names one
    // of the rule's own too)
    if let Some(r) = referent {
        if m.other_entities.iter().any(|o| r.names(&o.regex))
            && !m.entities.iter().any(|e| r.names(&e.regex))
        {
            others.push(r.words.clone());
        }
    }
    let mut own_entities = vec![0usize; figure_count];
    // where the rule's own entities are named, for a `none` word joined to
    // one by "and" ("the U.S. and global record")
    let mut own_names: Vec<Range<usize>> = Vec::new();
    for e in &m.entities {
        let mut reached = vec![false; figure_count];
        let found_all = own_matches(&e.regex, (sentence, named), cache);
        own_names.extend(found_all.iter().cloned());
        // a figure whose rule's entity is named only among other entities
        // in a clause of cause after it is not the entity's
        for (i, figure) in field.spans {
            let mut parts = found_all
                .iter()
                .filter(|f| in_a_clause_of_parts(sentence, figure, f, &others));
            if let Some(f) = parts.next() {
                if parts.count() + 1 == found_all.len() {
                    reach.excluded[*i].get_or_insert((Excluder::OtherEntity, f.clone()));
                }
            }
        }
        for found in found_all {
            let in_item = lists.item_of(&found.clone()).is_some();
            for (i, _) in owners(sentence, &found, field, lists) {
                reached[i] = true;
                reach.itemized[i] |= in_item;
            }
        }
        for (i, r) in reached.into_iter().enumerate() {
            reach.groups[i] += u32::from(r);
            own_entities[i] += usize::from(r);
        }
    }
    for (n, r) in m.none.iter().enumerate() {
        for found in cache.matches(r, (sentence, named)) {
            if inside_a_name(sentence, found.start)
                || in_a_list_of_all(sentence, &found)
                || joined_to_own(sentence, &found, &own_names)
                || modifies_the_subject(sentence, &found, metric)
            {
                continue;
            }
            for (i, _) in owners(sentence, &found, excluding, lists) {
                reach.excluded[i].get_or_insert((Excluder::None(n), found.clone()));
            }
            // "1.3 billion euro of imports and 600 million euro of exports
            // per day": a rate closing a list is each item's
            if a_rate(sentence.get(found.clone()).unwrap_or("")) {
                for j in listed_before(sentence, excluding.spans, found.start) {
                    reach.excluded[j].get_or_insert((Excluder::None(n), found.clone()));
                }
            }
        }
    }
    // another entity's name belonging to a figure ("and to the US of $525bn")
    // makes it another entity's figure, unless all the rule's own are there
    for found in &others {
        // those ranked ahead of a place own no figure: "the world's
        // second-largest economy after the United States"
        if ranks.iter().any(|r| names_those_ahead(sentence, r, found)) {
            continue;
        }
        for (i, _) in owners(sentence, found, field, lists) {
            if own_entities[i] < m.entities.len() {
                reach.excluded[i].get_or_insert((Excluder::OtherEntity, found.clone()));
            }
        }
    }
    reach
}

/// Whether entity `name` stands after `figure` in a clause of cause or
/// circumstance (", as …", ", while …", ", because …") that names other
/// entities too (`others`): the parts that explain the figure, not its
/// owner. "Oil production climbed to 42.75 million barrels per day, as
/// higher supply from Iran, Nigeria, Iraq and Bahrain more than made up for
/// lower production in Saudi Arabia and Kazakhstan" is no figure of Saudi
/// Arabia's.
fn in_a_clause_of_parts(
    sentence: &str,
    figure: &Range<usize>,
    name: &Range<usize>,
    others: &[Range<usize>],
) -> bool {
    const CAUSES: &[&str] = &["as", "while", "because", "since", "even as"];
    let Some(gap) = sentence.get(figure.end..name.start) else {
        return false;
    };
    let Some(at) = super::asides::after_commas(gap, CAUSES)
        .find(|&(at, cause)| gap[at + 2 + cause.len()..].starts_with(' '))
        .map(|(at, _)| at)
    else {
        return false;
    };
    let start = figure.end + at;
    let end = sentence
        .get(start..)
        .and_then(|rest| rest.find(';'))
        .map_or(sentence.len(), |e| start + e);
    others
        .iter()
        .any(|o| o.start >= start && o.end <= end && !(o.start < name.end && name.start < o.end))
}

/// Whether the word at byte `at` is a capitalized word inside a name of
/// several ("the Organization of the Petroleum Exporting Countries"): a
/// `none` word there ("export") is part of the name, not what the figure
/// is. Not in a sentence written in title case, where every word but
/// short function words is capitalized.
fn inside_a_name(sentence: &str, at: usize) -> bool {
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let (Some(before), Some(after)) = (sentence.get(..at), sentence.get(at..)) else {
        return false;
    };
    let mut following = after.split_whitespace();
    let word = following.next().unwrap_or("");
    let next = following.next().unwrap_or("");
    let previous = before.split_whitespace().next_back().unwrap_or("");
    if !(capital(word) && capital(previous) && capital(next) && before.ends_with(' ')) {
        return false;
    }
    // in title case only short function words ("of", "the") are lower case
    sentence
        .split_whitespace()
        .any(|w| w.len() >= 4 && w.starts_with(|c: char| c.is_lowercase()))
}

/// Whether the `none` match at `found` is an item of a list that the
/// words after it close with "and other …" or "and others": "spending on
/// lodging, food and other travel costs came to ¥2 trillion" is all the
/// spending, not the part a `none` word ("lodging") names. The list runs
/// on from the match in items of at most three words, set off by commas,
/// with no figure among them.
fn in_a_list_of_all(sentence: &str, found: &Range<usize>) -> bool {
    const ITEM_WORDS: usize = 3;
    const ITEMS: usize = 6;
    let Some(after) = sentence.get(found.end..) else {
        return false;
    };
    let mut rest = after.trim_start_matches(|c: char| c.is_alphanumeric() || c == '-');
    for _ in 0..ITEMS {
        let item = rest.trim_start_matches(',').trim_start();
        if item.starts_with("and other ") || item.starts_with("and others") {
            return true;
        }
        // the next item: ", food" (a comma before it), up to three words
        if !rest.starts_with(',') {
            return false;
        }
        let end = item.find([',', ';', '(', ')']).unwrap_or(item.len());
        let words: Vec<&str> = item[..end].split_whitespace().collect();
        // "food and other travel costs": the list closes inside the item
        if let Some(and) = words
            .windows(2)
            .position(|w| w == ["and", "other"] || w == ["and", "others"])
        {
            return and > 0
                && and <= ITEM_WORDS
                && !words[..and]
                    .iter()
                    .any(|w| w.contains(|c: char| c.is_ascii_digit()));
        }
        if words.is_empty()
            || words.len() > ITEM_WORDS
            || words
                .iter()
                .any(|w| w.contains(|c: char| c.is_ascii_digit()))
        {
            return false;
        }
        rest = &item[end..];
    }
    false
}

/// Whether `none` match `found` is joined by "and" or "or" to a name of
/// the rule's own entity right before it, both before one noun: "the
/// previous U.S. and global record of 12.3 million b/d" is the record of
/// the United States as much as the world's, and a `none` word for world
/// figures does not take it from a rule of the United States.
fn joined_to_own(sentence: &str, found: &Range<usize>, own_names: &[Range<usize>]) -> bool {
    own_names.iter().any(|name| {
        sentence
            .get(name.end..found.start)
            // an entity's match may end with the character after the name
            .map(|gap| gap.trim_start_matches('.').trim())
            .is_some_and(|gap| matches!(gap, "and" | "or" | "&"))
    })
}

/// Whether `words` are a rate of time that follows what it divides: "per
/// day", "a day", "every day", "a week" … ("a daily deficit of €1 billion"
/// goes before its figure).
fn a_rate(words: &str) -> bool {
    const TIMES: &[&str] = &["day", "week", "month", "hour"];
    let words: Vec<&str> = words.split_whitespace().collect();
    match words.as_slice() {
        [per, time] => {
            ["per", "a", "an", "every", "each"]
                .iter()
                .any(|p| per.eq_ignore_ascii_case(p))
                && TIMES.iter().any(|t| time.eq_ignore_ascii_case(t))
        }
        _ => false,
    }
}

/// The figures of `spans` listed in one clause before byte `at` (a rate
/// that closes the list): the last figure before it with no clause
/// boundary between, and those joined to it by "and" or commas before it
/// ("1.3 billion euro (USD 1.33 billion) of imports and 600 million euro
/// (USD 614 million) of exports per day").
fn listed_before(sentence: &str, spans: &[(usize, Range<usize>)], at: usize) -> Vec<usize> {
    const CLAUSES: &[&str] = &[
        " while ",
        " but ",
        " whereas ",
        " although ",
        ". ",
        "; ",
        ": ",
        ", or ",
    ];
    let mut before: Vec<&(usize, Range<usize>)> =
        spans.iter().filter(|(_, r)| r.end <= at).collect();
    before.sort_by_key(|(_, r)| std::cmp::Reverse(r.start));
    let mut out = Vec::new();
    let mut next = at;
    for (j, r) in before {
        let gap = sentence.get(r.end..next).unwrap_or("");
        // the rate right after the last item's words, no comma between
        let joined = match out.is_empty() {
            true => !gap.contains(','),
            false => gap.contains(" and ") || gap.trim_start().starts_with(','),
        };
        if !joined || CLAUSES.iter().any(|c| gap.contains(c)) {
            break;
        }
        out.push(*j);
        next = r.start;
    }
    out
}

/// Words of one direction of a flow, each with its opposite: a rule's word
/// joined to its opposite by "and" names both together.
const DIRECTIONS: &[(&str, &str)] = &[
    ("imports", "exports"),
    ("import", "export"),
    ("imported", "exported"),
    ("arrivals", "departures"),
    ("inbound", "outbound"),
];

/// The opposite of direction word `w` (any case), if it is one.
fn opposite(w: &str) -> Option<&'static str> {
    DIRECTIONS.iter().find_map(|&(a, b)| {
        if w.eq_ignore_ascii_case(a) {
            Some(b)
        } else if w.eq_ignore_ascii_case(b) {
            Some(a)
        } else {
            None
        }
    })
}

/// Where match `found` of a rule's own words, at its first or last word,
/// is a direction of a flow joined by "and" to the opposite one ("the
/// region's total imports and exports", "exports and imports from China"),
/// which the rule's words do not name: the range of both words. They name
/// trade, both ways together, and the figure they belong to is no figure of
/// one direction: "accounted for 13.4 percent of the EU's total imports
/// and exports" is no share of its imports.
fn joined_to_opposite(
    sentence: &str,
    found: &Range<usize>,
    metric: &Metric,
) -> Option<Range<usize>> {
    let text = sentence.get(found.clone())?;
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let last = text
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let named = |w: &str| rule_words_match(metric, w);
    // "<opposite> and <first> …"
    let lead = sentence
        .get(..found.start)
        .and_then(|b| b.strip_suffix(" and "));
    if let (Some(o), Some(lead)) = (opposite(first).filter(|o| !named(o)), lead) {
        let word = lead
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if word.eq_ignore_ascii_case(o) {
            return Some(found.start - " and ".len() - word.len()..found.start + first.len());
        }
    }
    // "… <last> and <opposite>"
    let o = opposite(last).filter(|o| !named(o))?;
    let after = sentence.get(found.end..)?.strip_prefix(" and ")?;
    let word = after.split(|c: char| !c.is_alphabetic()).next()?;
    word.eq_ignore_ascii_case(o)
        .then(|| found.end - last.len()..found.end + " and ".len() + word.len())
}

/// Prepositions that join a subject's head noun to what it is of: "the
/// exporters in OPEC", "refiners of the region".
const SUBJECT_LINKS: &[&str] = &["in", "of", "among", "within", "across", "from"];

/// Whether `none` match `found` opens with the head noun of the subject of
/// a verb of the rule's own, which states the figure: "The oil exporters
/// in OPEC pumped 26.53 million barrels per day" is what the exporters
/// pumped, their output, though "exporters … 26.53 million barrels" is a
/// `none` pattern for exports. The match must run from a lower-case noun,
/// through a preposition ("in", "of", "among" …), to a verb in the past
/// tense that the rule's `all`, `any` or `near` words match, and on to the
/// figure within three words ("pumped an average of 26.5 million"), with
/// no clause boundary. "Exports of crude reached 7 million barrels" (no
/// verb of the rule) and "Iraq in OPEC pumped" (a name, which a `none`
/// pattern of other countries means) are left out.
fn modifies_the_subject(sentence: &str, found: &Range<usize>, metric: &Metric) -> bool {
    const BETWEEN: usize = 3;
    let Some(text) = sentence.get(found.clone()) else {
        return false;
    };
    // the words up to the figure's digits
    let Some(digit) = text.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let head = &text[..digit];
    if head.contains([',', ';', ':', '(', ')']) {
        return false;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    let (Some(noun), Some(link)) = (words.first(), words.get(1)) else {
        return false;
    };
    if !noun.chars().all(|c| c.is_ascii_lowercase()) || !SUBJECT_LINKS.contains(link) {
        return false;
    }
    // the verb, at most three words before the figure
    words
        .iter()
        .enumerate()
        .skip(3)
        .filter(|(i, _)| words.len() - i <= BETWEEN + 1)
        .any(|(_, w)| w.len() > 4 && w.ends_with("ed") && rule_words_match(metric, w))
}

/// Whether the name at `name` stands after rank `figure` in a phrase of
/// those ranked ahead of it: "its third-biggest export destination, after
/// the United States and Britain" ranks China, not Britain. The phrase
/// follows the rank within a few words, one comma at most.
fn names_those_ahead(sentence: &str, figure: &Range<usize>, name: &Range<usize>) -> bool {
    const AHEAD: &[&str] = &["after", "behind", "following", "trailing"];
    sentence.get(figure.end..name.start).is_some_and(|gap| {
        let words: Vec<&str> = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.len() <= 10
            && gap.matches([',', ';', '(', ')']).count() <= 1
            && !gap.contains(['.', ';'])
            && words
                .iter()
                .any(|w| AHEAD.iter().any(|a| w.eq_ignore_ascii_case(a)))
    })
}

/// Whether accepted figure `k` continues the one before it: a period of
/// its own ("€514 billion in 2023 and €518 billion in 2024"), the end of
/// "from A to B", or the base of "cut its forecast to A from B".
fn continues(
    sentence: &str,
    figures: &[&Quantity],
    spans: &[(usize, Range<usize>)],
    k: usize,
) -> bool {
    let (prev, ref prev_span) = spans[k - 1];
    let (this, ref this_span) = spans[k];
    let (p, q) = (figures[prev], figures[this]);
    if q.period.is_some() && p.period.is_some() && q.period != p.period {
        return true;
    }
    let between = sentence
        .get(prev_span.end..this_span.start)
        .unwrap_or("")
        .trim();
    let before = sentence.get(..prev_span.start).unwrap_or("").trim_end();
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // "from A to B", and a revision's "to B from A"
    if (between.eq_ignore_ascii_case("to") && last_word.eq_ignore_ascii_case("from"))
        || (between.eq_ignore_ascii_case("from") && last_word.eq_ignore_ascii_case("to"))
    {
        return true;
    }
    // "spent 5,292.3 billion yen in 2023, going past 5 trillion yen": a
    // line the figure before crossed, in a clause of its own subject
    if crosses_the_line_before(q, between) {
        return true;
    }
    // "he said $50 billion, but customs data show $38 billion": the data's
    // figure for the claim's metric
    crate::extract::data_show(between)
}

/// Whether `q`, after `between` the figure before it, is a line that
/// figure crossed: a participle of crossing right after a comma ("…,
/// going past 5 trillion yen", "…, passing the 20 million line"), whose
/// subject is the figure's.
fn crosses_the_line_before(q: &Quantity, between: &str) -> bool {
    const CROSSING: &[&str] = &[
        "going",
        "passing",
        "crossing",
        "topping",
        "surpassing",
        "exceeding",
    ];
    let Some(words) = q.qualifier_text.as_deref() else {
        return false;
    };
    let participle = words
        .split_whitespace()
        .next()
        .is_some_and(|w| CROSSING.iter().any(|c| w.eq_ignore_ascii_case(c)));
    participle
        && between
            .strip_suffix(words)
            .is_some_and(|clause| clause.trim_end().ends_with(','))
}

/// The claims that stand: for each figure, the strongest; rules that tie
/// all stand, and so do rules that share figures (`shares_figures`).
pub(super) fn resolve(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let (mut shared, mut candidates): (Vec<Candidate>, Vec<Candidate>) =
        candidates.into_iter().partition(|c| c.shared);
    candidates.sort_by(|a, b| {
        a.figure
            .cmp(&b.figure)
            .then(b.strength.cmp(&a.strength))
            .then(a.metric.cmp(&b.metric))
    });
    let mut out: Vec<Candidate> = Vec::new();
    for c in candidates {
        match out.last() {
            Some(best) if best.figure == c.figure && best.strength != c.strength => {}
            _ => out.push(c),
        }
    }
    out.append(&mut shared);
    out.sort_by_key(|c| (c.figure, c.metric));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str, part: &str) -> Range<usize> {
        let i = s.find(part).expect("part of the sentence");
        i..i + part.len()
    }

    #[test]
    fn a_word_belongs_to_the_figure_of_its_own_phrase() {
        let none = Respectively::default();
        let s = "Japan's surplus with the EU reached €41bn, the gap between exports of €102bn and €61bn of imports";
        let figures = [
            (0, span(s, "€41bn")),
            (1, span(s, "€102bn")),
            (2, span(s, "€61bn")),
        ];
        let near = |w: &str| nearest(s, &span(s, w), &figures, &none).map(|(i, _)| i);
        assert_eq!(near("surplus"), Some(0));
        assert_eq!(near("exports"), Some(1));
        assert_eq!(near("imports"), Some(2));
    }

    #[test]
    fn a_clause_boundary_is_farther_than_words() {
        let none = Respectively::default();
        let s = "China is the EU's largest source of imports and third-largest export market";
        let figures = [(0, span(s, "largest")), (1, span(s, "third-largest"))];
        let near = |w: &str| nearest(s, &span(s, w), &figures, &none).map(|(i, _)| i);
        assert_eq!(near("imports"), Some(0));
        assert_eq!(near("export market"), Some(1));
        let s = "Of the 2.4 million visitors from Korea, 500,000 came on cruise ships";
        let figures = [(0, span(s, "2.4 million")), (1, span(s, "500,000"))];
        assert_eq!(
            nearest(s, &span(s, "visitors"), &figures, &none).map(|(i, _)| i),
            Some(0)
        );
        assert_eq!(
            nearest(s, &span(s, "Korea"), &figures, &none).map(|(i, _)| i),
            Some(0)
        );
    }

    /// A figure of `s` written `surface`, as the extractor would give it.
    fn quantity(s: &str, surface: &str) -> Quantity {
        let r = span(s, surface);
        Quantity {
            start: r.start,
            end: r.end,
            ..crate::facts::test_fact("m", "1").quantity
        }
    }

    /// The figure of `compete` (by index) that `word` of `s` belongs to,
    /// with `all` the sentence's figures for finding the list.
    fn owner(s: &str, all: &[Quantity], compete: &[Quantity], word: &str) -> Option<usize> {
        let refs: Vec<&Quantity> = all.iter().collect();
        let lists = Respectively::of(s, 0, &refs);
        let figures: Vec<(usize, Range<usize>)> = compete
            .iter()
            .enumerate()
            .map(|(i, q)| (i, q.start..q.end))
            .collect();
        nearest(s, &span(s, word), &figures, &lists).map(|(i, _)| i)
    }

    #[test]
    fn the_items_of_a_list_read_respectively_are_its_figures_in_order() {
        let s = "China remains the EU's largest trading partner, largest source of imports and third largest export market, accounting for 15.4%, 21.0% and 9.1% respectively.";
        let qs = [
            quantity(s, "15.4%"),
            quantity(s, "21.0%"),
            quantity(s, "9.1%"),
        ];
        let near = |w: &str| owner(s, &qs, &qs, w);
        assert_eq!(near("trading partner"), Some(0));
        assert_eq!(near("imports"), Some(1));
        assert_eq!(near("export market"), Some(2));
        // the subject is every item's: it binds as it would anyway
        assert_eq!(near("China"), Some(0));
        // ranks in the items name them, they are no list of their own
        let rank = |surface: &str| Quantity {
            kind: crate::extract::Kind::Rank,
            ..quantity(s, surface)
        };
        let with_ranks = [
            rank("largest source"),
            rank("third largest"),
            qs[0].clone(),
            qs[1].clone(),
            qs[2].clone(),
        ];
        assert_eq!(owner(s, &with_ranks, &qs, "imports"), Some(1));
        let s = "Saudi Arabia and Iraq held the top two places, with daily outputs of 8.9 million barrels and 4.0 million barrels, respectively.";
        let qs = [quantity(s, "8.9 million"), quantity(s, "4.0 million")];
        assert_eq!(owner(s, &qs, &qs, "Saudi Arabia"), Some(0));
        assert_eq!(owner(s, &qs, &qs, "Iraq"), Some(1));
        // the list before the figures holds figures: the sentence's first
        let s = "Russia and Saudi Arabia closed the taps, with declines of 114,000 and 76,000 bpd that left their output at 9.13 and 8.9 mbpd, respectively.";
        let qs = [
            quantity(s, "114,000"),
            quantity(s, "76,000"),
            quantity(s, "9.13"),
            quantity(s, "8.9 mbpd"),
        ];
        assert_eq!(owner(s, &qs, &qs[2..], "Russia"), Some(0));
        assert_eq!(owner(s, &qs, &qs[2..], "Saudi Arabia"), Some(1));
        // without "respectively", the nearest figure
        let s = "Saudi Arabia and Iraq held the top two places, with daily outputs of 8.9 million barrels and 4.0 million barrels.";
        let qs = [quantity(s, "8.9 million"), quantity(s, "4.0 million")];
        assert_eq!(owner(s, &qs, &qs, "Iraq"), Some(0));
    }

    #[test]
    fn a_metric_with_a_unit_counts_no_other_things() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(
            dir.path().join("oil.yaml"),
            r#"metrics:
  - id: output.group.crude
    description: The group's crude output
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b|\bbarrels\b|\btons\b']
      any: ['\bproduc\w*|\bpump\w*']
    tolerance: rounding
"#,
        )
        .expect("a rule file");
        let rules = crate::rules::load(&[dir.path().to_path_buf()]).expect("valid rules");
        let facts = |text: &str| -> Vec<String> {
            let doc = crate::documents::Document::from_body("t.md", text, None);
            crate::facts::claim(&doc, &crate::extract::extract(&doc), &rules)
                .iter()
                .map(|f| f.surface().to_string())
                .collect()
        };
        // the producers are no barrels, though "produc" is the rule's word
        assert_eq!(
            facts("All 12 OPEC producers together pumped 26.04 million bpd."),
            ["26.04 million"]
        );
        // a noun the rule's `all` words name is its own
        assert_eq!(
            facts("The group produced 527 million tons."),
            ["527 million"]
        );
    }

    /// The figures (as written) the rules of `yaml` claim in `text`, with
    /// their metric.
    fn claimed(yaml: &str, text: &str) -> Vec<String> {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("r.yaml"), yaml).expect("a rule file");
        let rules = crate::rules::load(&[dir.path().to_path_buf()]).expect("valid rules");
        let doc = crate::documents::Document::from_body("t.md", text, None);
        crate::facts::claim(&doc, &crate::extract::extract(&doc), &rules)
            .iter()
            .map(|f| format!("{} {}", f.metric, f.surface()))
            .collect()
    }

    const RANKS: &str = r#"metrics:
  - id: rank.exports
    description: The partner's place among export markets
    kind: rank
    match:
      all: ['\bexport\w*|\bmarkets?\b|\bbuyers?\b']
      none: ['\bimport\w*']
  - id: trade.usd
    description: Trade in dollars
    kind: money
    unit: USD
    match:
      all: ['\btrade\b']
      none: ['€']
  - id: output.count
    description: Output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b']
      any: ['\bpump\w*']
      none: ['\bexport\w*']
"#;

    #[test]
    fn a_word_of_a_figure_the_rule_cannot_claim_stays_with_it() {
        // "imports" is the €95 billion's, not the rank's
        assert_eq!(
            claimed(
                RANKS,
                "Norway was the union's second-largest export market, with €80 billion in exports and €95 billion in imports."
            ),
            ["rank.exports second-largest"]
        );
        // the "€" of the conversion is the euro figure's
        assert_eq!(
            claimed(
                RANKS,
                "Trade reached $500 billion (€460 billion) last month."
            ),
            ["trade.usd $500 billion", "trade.usd €460 billion"]
        );
        // a word in the rank's own phrase still excludes it
        assert!(claimed(RANKS, "Norway is its second-largest import market.").is_empty());
    }

    #[test]
    fn an_amount_with_no_currency_takes_the_one_stated_just_before() {
        assert_eq!(
            claimed(
                RANKS,
                "Trade reached $500 billion last year. The year before, trade was 460 billion."
            ),
            ["trade.usd $500 billion", "trade.usd 460 billion"]
        );
        // no currency stated: a number, no money
        assert!(claimed(RANKS, "The year before, trade was 460 billion.").is_empty());
        // nor a number with no scale, nor a count of things
        assert_eq!(
            claimed(
                RANKS,
                "Trade reached $500 billion, and trade was 460 at one port."
            ),
            ["trade.usd $500 billion"]
        );
        assert_eq!(
            claimed(
                RANKS,
                "Trade reached $500 billion, trade with 1.4 billion consumers."
            ),
            ["trade.usd $500 billion"]
        );
    }

    #[test]
    fn the_base_of_a_revision_is_the_metric_too() {
        assert_eq!(
            claimed(
                RANKS,
                "Analysts cut their trade forecast to $410 billion from $450 billion."
            ),
            ["trade.usd $410 billion", "trade.usd $450 billion"]
        );
    }

    #[test]
    fn the_unit_s_own_noun_is_no_other_thing() {
        let yaml = r#"metrics:
  - id: output.x.crude
    description: Output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbarrels\s+(?:of\s+(?:crude\s+)?(?:oil\s+)?)?per\s+day\b']
      any: ['\bpump\w*']
"#;
        assert_eq!(
            claimed(
                yaml,
                "Norway is pumping about 1.8 million barrels of crude oil per day."
            ),
            ["output.x.crude 1.8 million"]
        );
        assert!(claimed(
            yaml,
            "Norway is pumping 1.8 million wells of barrels per day."
        )
        .is_empty());
    }

    #[test]
    fn a_rule_s_abbreviation_finds_its_long_form_and_the_group() {
        let yaml = r#"metrics:
  - id: output.opec.crude
    description: Output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b', '\b(?:output|production)\s+(?:of|from|by)\s+(?:the\s+)?OPEC\b|\bOPEC\s+produced\b']
"#;
        assert_eq!(
            claimed(
                yaml,
                "Oil output from the Organization of the Petroleum Exporting Countries (OPEC) fell to 26.68 million bpd."
            ),
            ["output.opec.crude 26.68 million"]
        );
        assert_eq!(
            claimed(
                yaml,
                "OPEC met on Monday.\n\nOverall, the group produced 27.82 million bpd in August."
            ),
            ["output.opec.crude 27.82 million"]
        );
        // the text as written still counts: a rule that names the long form
        let long = yaml.replace(
            r"\bOPEC\s+produced\b",
            r"\bPetroleum\s+Exporting\s+Countries\s+\(OPEC\)\s+pumped\b",
        );
        assert_eq!(
            claimed(
                &long,
                "The Organization of the Petroleum Exporting Countries (OPEC) pumped 26.7 million bpd."
            ),
            ["output.opec.crude 26.7 million"]
        );
    }

    #[test]
    fn an_entity_of_the_article_need_not_be_in_a_sentence_naming_another() {
        let yaml = r#"entities:
  japan:
    names: [Japan]
  thailand:
    names: [Thailand]
  jnto:
    names: [JNTO]
metrics:
  - id: arrivals.japan.total
    description: Visitors to Japan
    kind: count
    match:
      any: ['\btourists?\b|\bvisitors?\b']
      entities: [japan, jnto]
      entities_in: article
"#;
        let text = "JNTO counts the visitors.\n\nJapan welcomed 21.5 million tourists in 2025, more than Thailand's total of 16.69 million visitors.";
        assert_eq!(claimed(yaml, text), ["arrivals.japan.total 21.5 million"]);
        // none of the rule's own in the sentence: about something else
        let text =
            "JNTO counts Japan's visitors.\n\nThailand welcomed 16.69 million tourists in 2025.";
        assert!(claimed(yaml, text).is_empty());
    }

    #[test]
    fn money_set_aside_or_agreed_is_no_level_of_a_metric_that_does_not_name_it() {
        let yaml = r#"metrics:
  - id: revenue.x.tourism
    description: Tourism revenue
    kind: money
    unit: USD
    match:
      all: ['\btourism\b|\btourists?\b']
      any: ['\brevenue\b|\bincome\b|\bearn\w*|\bspen\w*']
"#;
        let text = "The agency is reworking its $350 million tourism stimulus budget to lift revenue from tourists in 2025.";
        assert!(claimed(yaml, text).is_empty());
        let text = "Tourism revenue reached $5 billion in 2024, helped by a $200 million loan to airlines.";
        assert_eq!(claimed(yaml, text), ["revenue.x.tourism $5 billion"]);
        // a rule that names the noun keeps its figures
        let yaml = yaml.replace("\\bspen\\w*", "\\bspen\\w*|\\bbudget\\b");
        let text = "The tourism budget for revenue campaigns is $350 million in 2025.";
        assert_eq!(claimed(&yaml, text), ["revenue.x.tourism $350 million"]);
        let text = "Tourists spent $350 million budget hotels in 2025.";
        assert_eq!(claimed(&yaml, text), ["revenue.x.tourism $350 million"]);
    }

    #[test]
    fn an_aside_between_commas_does_not_keep_a_pattern_from_its_figure() {
        let yaml = r#"metrics:
  - id: output.group.crude
    description: Output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b', '\bOPEC\+\s+(?:\w+\s+){0,2}?production\b']
      none: ['\bMacau\b[^\d,;()]{0,40}?\d']
"#;
        let text = "Across OPEC+, however, oil production rose to 42.75 million bpd in August.";
        assert_eq!(claimed(yaml, text), ["output.group.crude 42.75 million"]);
        // a `none` pattern reaches its figure across an aside too
        let text = "OPEC+ oil production rose in August; output in Macau, by contrast, fell to 1.5 million bpd.";
        assert!(claimed(yaml, text).is_empty());
        // a comma that is no aside's still stops the pattern
        let text = "Across OPEC+, oil production rose to 42.75 million bpd in August.";
        assert!(claimed(yaml, text).is_empty());
    }

    #[test]
    fn an_entity_named_only_among_parts_in_a_clause_of_cause_owns_no_figure() {
        let yaml = r#"entities:
  kuwait:
    names: [Kuwait]
  iran:
    names: [Iran]
  oman:
    names: [Oman]
metrics:
  - id: output.kuwait.crude
    description: Output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b']
      any: ['\boutput\b|\bproduc\w*']
      entities: [kuwait]
"#;
        // the group's figure, explained by its members
        let text = "Across the group, output rose to 30.2 million bpd in May, as gains in Iran and Oman offset a lower production in Kuwait.";
        assert!(claimed(yaml, text).is_empty());
        let text = "Total production slipped to 30.1 million bpd in June, while Kuwait and Oman pumped less.";
        assert!(claimed(yaml, text).is_empty());
        // the entity owns the figure when it is named before it, or alone
        // in the clause after it
        let text =
            "Kuwait's output rose to 2.5 million bpd in May, as gains in Iran and Oman slowed.";
        assert_eq!(claimed(yaml, text), ["output.kuwait.crude 2.5 million"]);
        let text = "Output rose to 2.5 million bpd in May, as Kuwait reopened a field.";
        assert_eq!(claimed(yaml, text), ["output.kuwait.crude 2.5 million"]);
    }

    #[test]
    fn a_sentence_naming_no_entity_goes_on_about_the_subject_before_it() {
        let yaml = r#"entities:
  united_states:
    names: [United States, U.S.]
  saudi_arabia:
    names: [Saudi Arabia]
metrics:
  - id: output.us.crude
    description: Output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b']
      any: ['\boutput\b|\bproduc\w*|\brecord\b']
      entities: [united_states]
"#;
        let text = "The United States produced 13.4 million bpd in August.\n\nOutput topped that of December 2023, when the previous record of 13.3 million bpd was set.";
        assert_eq!(
            claimed(yaml, text),
            [
                "output.us.crude 13.4 million",
                "output.us.crude 13.3 million"
            ]
        );
        // the entity before is no subject: "though Saudi Arabia cut"
        let text = "OPEC's output rose in August, even though the United States cut its own.\n\nOutput reached 27.45 million bpd.";
        assert!(claimed(yaml, text).is_empty());
        // another entity named in between
        let text = "The United States produced 13.4 million bpd.\n\nSaudi Arabia held steady.\n\nOutput reached 9 million bpd.";
        assert_eq!(claimed(yaml, text), ["output.us.crude 13.4 million"]);
        // "It" goes on about the subject, in a sentence that names another
        let text = "The United States set a record. It produced 13.4 million bpd, far more than Saudi Arabia's 9 million bpd.";
        assert_eq!(claimed(yaml, text), ["output.us.crude 13.4 million"]);
        // without it, the sentence is about something else
        let text = "The United States set a record. Output was 13.4 million bpd, far more than Saudi Arabia's 9 million bpd.";
        assert!(claimed(yaml, text).is_empty());
    }

    #[test]
    fn a_pronoun_names_the_subject_of_the_sentence_before() {
        let yaml = r#"entities:
  norway:
    names: [Norway]
  brazil:
    names: [Brazil]
metrics:
  - id: output.norway
    description: Norway's output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b']
      any: ['\bpump\w*|\boutput\b']
      entities: [norway]
  - id: output.brazil
    description: Brazil's output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b']
      any: ['\bpump\w*|\boutput\b']
      entities: [brazil]
"#;
        // "It" is Brazil: its figure is no Norway's, though the sentence
        // names Norway
        let text = "Brazil had a strong spring. It pumped 3.4 million bpd in May, well above Norway's output of 1.8 million bpd.";
        assert_eq!(
            claimed(yaml, text),
            ["output.brazil 3.4 million", "output.norway 1.8 million"]
        );
        // so is "the country" a few words in
        let text = "Brazil had a strong spring. In May the country pumped 3.4 million bpd, well above Norway's output of 1.8 million bpd.";
        assert_eq!(
            claimed(yaml, text),
            ["output.brazil 3.4 million", "output.norway 1.8 million"]
        );
        // a subject that names the rule's own entity too is both's
        let text = "Brazil and Norway both grew. They pumped 5.2 million bpd between them, Norway's output alone 1.8 million bpd.";
        assert!(claimed(yaml, text).contains(&"output.norway 5.2 million".to_owned()));
        // a sentence before in another paragraph is no subject
        let text = "Brazil had a strong spring.\n\nIt pumped 3.4 million bpd in May, well above Norway's output of 1.8 million bpd.";
        assert!(claimed(yaml, text).contains(&"output.norway 3.4 million".to_owned()));
        // nor is an entity that does not open the sentence before
        let text = "Analysts who follow the Atlantic basin watched Brazil. It pumped 3.4 million bpd in May, well above Norway's output of 1.8 million bpd.";
        assert!(claimed(yaml, text).contains(&"output.norway 3.4 million".to_owned()));
    }

    #[test]
    fn a_sentence_that_goes_on_takes_the_unit_before_for_bare_figures() {
        let yaml = r#"entities:
  norway:
    names: [Norway]
metrics:
  - id: output.norway
    description: Norway's output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b|\bbarrels\s+(?:a|per)\s+day\b']
      any: ['\bpump\w*|\boutput\b']
      entities: [norway]
"#;
        let text = "Norway pumped 1.84 million barrels a day in March 2024 and 1.79 million in April 2024. Output averaged 1.81 million in the first quarter of 2024 and 1.76 million in the second quarter of 2024.";
        assert_eq!(
            claimed(yaml, text),
            [
                "output.norway 1.84 million",
                "output.norway 1.79 million",
                "output.norway 1.81 million",
                "output.norway 1.76 million"
            ]
        );
        // not into the next paragraph
        let text = "Norway pumped 1.84 million bpd in March.\n\nOutput averaged 1.81 million in the first quarter.";
        assert_eq!(claimed(yaml, text), ["output.norway 1.84 million"]);
        // not to a figure with a unit of its own
        let text = "Norway pumped 1.84 million bpd in March. Output averaged 1.81 million tonnes of oil equivalent in the first quarter.";
        assert_eq!(claimed(yaml, text), ["output.norway 1.84 million"]);
        // nor of another scale
        let text = "Norway pumped 1.84 million bpd in March. Output of the new field was 35 thousand in April.";
        assert_eq!(claimed(yaml, text), ["output.norway 1.84 million"]);
        // nor when the unit words before follow no figure
        let text =
            "Norway's output, counted in bpd, rose in March. Output reached 1.81 million in April.";
        assert!(claimed(yaml, text).is_empty());
    }

    /// Japan's exports, the metric of the tests of sentences that refer
    /// back to a figure.
    const JAPAN_EXPORTS: &str = r#"entities:
  japan:
    names: [Japan]
metrics:
  - id: exports.japan
    description: Japan's exports
    kind: money
    unit: USD
    match:
      any: ['\bexports?\b']
      entities: [japan]
"#;

    #[test]
    fn a_sentence_that_refers_back_to_a_figure_goes_on_about_its_metric() {
        let yaml = JAPAN_EXPORTS;
        let text = "Japan's exports rose to $50 billion in 2024. The total for the first half came to $24 billion.";
        assert_eq!(
            claimed(yaml, text),
            ["exports.japan $50 billion", "exports.japan $24 billion"]
        );
        // a sentence of its own subject is not the metric before it
        let text = "Japan's exports rose to $50 billion in 2024. Imports were $40 billion.";
        assert_eq!(claimed(yaml, text), ["exports.japan $50 billion"]);
        // one that opens the next paragraph refers to the paragraph before
        let text = "Japan's exports rose to $50 billion in 2024.\n\nThe total for the first half came to $24 billion.";
        assert_eq!(
            claimed(yaml, text),
            ["exports.japan $50 billion", "exports.japan $24 billion"]
        );
        let text = "Japan's exports rose to $50 billion in 2024.\n\nTheir total for the first half came to $24 billion.";
        assert_eq!(
            claimed(yaml, text),
            ["exports.japan $50 billion", "exports.japan $24 billion"]
        );
        // not across a heading
        let text = "Japan's exports rose to $50 billion in 2024.\n\n## Half-year\n\nThe total for the first half came to $24 billion.";
        assert_eq!(claimed(yaml, text), ["exports.japan $50 billion"]);
    }

    #[test]
    fn a_figure_referred_to_after_an_opening_clause_goes_on_about_its_metric() {
        let yaml = JAPAN_EXPORTS;
        // after a source named in an opening clause, in the next paragraph
        let text = "Japan's exports rose to $50 billion in 2024.\n\nAccording to the finance ministry, the figure tops the $46 billion of 2019.";
        assert_eq!(
            claimed(yaml, text),
            ["exports.japan $50 billion", "exports.japan $46 billion"]
        );
        // after a period set off by a comma
        let text = "Japan's exports rose to $50 billion in 2024. In the first half, the total came to $24 billion.";
        assert_eq!(
            claimed(yaml, text),
            ["exports.japan $50 billion", "exports.japan $24 billion"]
        );
        // an opening clause with a subject of its own refers to nothing
        let text = "Japan's exports rose to $50 billion in 2024. As imports grew, the figure for them reached $40 billion.";
        assert_eq!(claimed(yaml, text), ["exports.japan $50 billion"]);
    }

    #[test]
    fn a_rule_word_right_after_non_names_everything_else() {
        let yaml = r#"entities:
  eu: { names: [EU, European Union] }
metrics:
  - id: output.cartel
    description: The cartel's output
    kind: count
    unit: tonnes
    match:
      all: ['\btonnes\b', '\bCartel\s+(?:\w+\s+)?(?:output|production)\b']
  - id: imports.eu
    description: What the EU imports
    kind: money
    unit: EUR
    match:
      all: ['\bimports\b']
      entities: [eu]
"#;
        // "Non-Cartel": the producers outside it, not the cartel
        let text =
            "Non-Cartel copper production slipped by 20,000 tonnes to 3.1 million tonnes in May.";
        assert!(claimed(yaml, text).is_empty());
        let text =
            "Cartel copper production slipped by 20,000 tonnes to 3.1 million tonnes in May.";
        assert_eq!(claimed(yaml, text), ["output.cartel 3.1 million"]);
        // an entity after "non-" is not named
        let text = "Non-EU imports of steel reached €40 billion in 2024.";
        assert!(claimed(yaml, text).is_empty());
        assert!(after_non("non-EU", 4) && after_non("(Non-EU", 5));
        assert!(!after_non("anon-EU", 5) && !after_non("EU", 0) && !after_non("non EU", 4));
    }

    #[test]
    fn a_bound_each_of_a_counted_subject_passed_is_no_total() {
        let yaml = r#"metrics:
  - id: guests.total
    description: Guests in all
    kind: count
    match:
      any: ['\bguests\b']
"#;
        let text = "Only three regions drew more than 2 million guests in 2024.";
        assert!(claimed(yaml, text).is_empty());
        let text = "Five resorts had at least 400,000 guests each in 2024.";
        assert!(claimed(yaml, text).is_empty());
        // a total, or no bound: the rule's
        let text = "The country drew more than 20 million guests in 2024.";
        assert_eq!(claimed(yaml, text), ["guests.total 20 million"]);
        let text = "In 2024, more than 20 million guests came.";
        assert_eq!(claimed(yaml, text), ["guests.total 20 million"]);
    }

    #[test]
    fn a_none_word_in_a_list_closed_by_and_other_is_no_part() {
        let yaml = r#"metrics:
  - id: spending.visitors
    description: What visitors spent
    kind: money
    unit: EUR
    match:
      any: ['\bspending\b|\bspent\b']
      none: ['\b(?:on|for)\s+(?:lodging|food|transport)\b']
"#;
        // the list ends with "and other …": all the spending
        let text = "Visitor spending on lodging, food and other travel costs came to €2.1 billion in 2024.";
        assert_eq!(claimed(yaml, text), ["spending.visitors €2.1 billion"]);
        let text = "Visitors spent on lodging, shopping, rail passes and others a total of €2.1 billion in 2024.";
        assert_eq!(claimed(yaml, text), ["spending.visitors €2.1 billion"]);
        // one item, or a list with no "and other", is a part
        let text = "Visitor spending on lodging came to €700 million in 2024.";
        assert!(claimed(yaml, text).is_empty());
        let text = "Visitor spending on lodging, food and drink came to €900 million in 2024.";
        assert!(claimed(yaml, text).is_empty());
    }

    #[test]
    fn a_sentence_that_refers_back_takes_the_rule_s_words_from_one_about_another_part() {
        // the sentence before names the rule's `any` words for another
        // part ("Peru"), not the rule's own: "It was followed by Chile with
        // …" still goes on about visitors
        let yaml = r#"entities:
  chile:
    names: [Chile]
  peru:
    names: [Peru]
metrics:
  - id: visitors.chile
    description: Visitors from Chile
    kind: count
    match:
      all: ['\bChile\b']
      any: ['\bvisitors\b']
"#;
        let text = "Peru sent the most visitors, with 2.1 million. It was followed by Chile with about 1.4 million.";
        assert_eq!(claimed(yaml, text), ["visitors.chile 1.4 million"]);
        // not when the sentence before speaks of something else
        let text = "Peru sent the most cargo, with 2.1 million tons. It was followed by Chile with about 1.4 million.";
        assert!(claimed(yaml, text).is_empty());
    }

    #[test]
    fn a_noun_of_two_words_is_another_thing_too() {
        let yaml = r#"metrics:
  - id: output.opec.crude
    description: Output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b', '\bOPEC\b']
      any: ['\bproduc\w*']
"#;
        assert_eq!(
            claimed(
                yaml,
                "OPEC's 12 member states produced a combined 26.741 million bpd."
            ),
            ["output.opec.crude 26.741 million"]
        );
    }

    #[test]
    fn a_line_the_figure_before_crossed_is_of_its_metric() {
        assert_eq!(
            claimed(
                RANKS,
                "Trade came to $512 billion in 2024, going past $500 billion."
            ),
            ["trade.usd $512 billion", "trade.usd $500 billion"]
        );
        // another subject's figure after a comma is not
        assert_eq!(
            claimed(
                RANKS,
                "Trade came to $512 billion in 2024, while debt went past $500 billion."
            ),
            ["trade.usd $512 billion"]
        );
    }

    #[test]
    fn a_place_in_the_world_is_no_place_among_partners() {
        assert!(claimed(RANKS, "It sold cars to the world's biggest car market.").is_empty());
        assert_eq!(
            claimed(RANKS, "It sold cars to the union's biggest car market."),
            ["rank.exports biggest"]
        );
    }

    #[test]
    fn a_rule_word_inside_a_name_is_part_of_the_name() {
        assert_eq!(
            claimed(
                RANKS,
                "The Association of Fuel Exporting Nations pumped 3.1 million bpd."
            ),
            ["output.count 3.1 million"]
        );
        // written in lower case, it is what the figure is
        assert!(claimed(RANKS, "The nations pumped and exported 3.1 million bpd.").is_empty());
        assert!(inside_a_name("The Fuel Exporting Nations pumped", 9));
        // a title-case sentence capitalizes every word
        assert!(!inside_a_name("Fuel Exporting Nations Pumped More", 5));
    }

    #[test]
    fn those_ranked_ahead_are_named_after_the_rank() {
        let s = "It is the third-biggest export market, after the United States and Britain.";
        assert!(names_those_ahead(
            s,
            &span(s, "third-biggest"),
            &span(s, "Britain")
        ));
        // a name far past the rank, in another clause, is not
        let s = "It is the third-biggest market after Peru. Trade with Chile, by contrast, fell.";
        assert!(!names_those_ahead(
            s,
            &span(s, "third-biggest"),
            &span(s, "Chile")
        ));
        let s = "Britain is the third-biggest export market.";
        assert!(!names_those_ahead(
            s,
            &span(s, "third-biggest"),
            &span(s, "Britain")
        ));
    }

    #[test]
    fn an_amount_of_each_of_several_things_is_no_total() {
        let s = "It aims to grow 13 markets of over 1 million visitors each.";
        assert!(per_item(s, &span(s, "1 million")));
        let s = "Tickets cost $5 apiece.";
        assert!(per_item(s, &span(s, "$5")));
        let s = "Japan drew 8.8 million visitors from Korea, and each of them spent more.";
        assert!(!per_item(s, &span(s, "8.8 million")));
    }

    #[test]
    fn the_strongest_claim_stands_and_ties_all_stand() {
        let c = |figure, metric, share| Candidate {
            figure,
            metric,
            shared: false,
            strength: Strength::Reached {
                share,
                nearest: std::cmp::Reverse(Distance {
                    boundaries: 0,
                    bytes: 3,
                }),
            },
        };
        let weak = Candidate {
            figure: 0,
            metric: 3,
            shared: false,
            strength: Strength::Context,
        };
        // a rule that shares figures keeps its claim beside the strongest
        let shared = Candidate {
            shared: true,
            ..c(0, 4, 100)
        };
        let kept = resolve(vec![
            c(0, 1, 500),
            c(0, 2, 1000),
            weak,
            shared,
            c(1, 1, 500),
            c(1, 2, 500),
        ]);
        let pairs: Vec<(usize, usize)> = kept.iter().map(|c| (c.figure, c.metric)).collect();
        assert_eq!(pairs, [(0, 2), (0, 4), (1, 1), (1, 2)]);
    }

    /// Rules of a group's and a country's output in barrels a day, with
    /// `none` patterns for world figures and for exports, as in #12.
    const OUTPUT: &str = r#"entities:
  canada:
    names: [Canada]
    demonyms: [Canadian]
  brazil:
    names: [Brazil]
metrics:
  - id: output.canada
    description: Canada's output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b']
      any: ['\boutput\b|\bproduc\w*|\brecord\b|\bpump\w*']
      entities: [canada]
      none: ['\b(?:world|global)\b[^\d;]{0,40}?\d']
  - id: output.league
    description: The League's output in barrels a day
    kind: count
    unit: barrels per day
    match:
      all: ['\bbpd\b', '\bLeague\s+(?:\w+\s+)?(?:output|production|pumped|produced)\b|\b(?:output|production)\s+(?:\w+\s+)?(?:of|by)\s+(?:the\s+)?League\b']
      any: ['\boutput\b|\bproduc\w*|\bpump\w*']
      none: ['\bexport\w*[^\d;]{0,40}?\d[\d.,]*\s*(?:million\s+)?(?:bpd|barrels)']
"#;

    #[test]
    fn a_none_word_joined_to_the_rule_s_entity_names_both() {
        // "the Canadian and world record": Canada's record as much as the
        // world's
        let text = "Canada's output rose to 5.1 million bpd in 2024, above the Canadian and world record of 4.9 million bpd set in 2019.";
        assert_eq!(
            claimed(OUTPUT, text),
            ["output.canada 5.1 million", "output.canada 4.9 million"]
        );
        // the world's alone, or another country's and the world's
        let text = "Canada's output rose to 5.1 million bpd in 2024, while the world record is 13.3 million bpd.";
        assert_eq!(claimed(OUTPUT, text), ["output.canada 5.1 million"]);
        let text = "Canada's output rose to 5.1 million bpd in 2024, below the Brazilian and world record of 13 million bpd.";
        assert_eq!(claimed(OUTPUT, text), ["output.canada 5.1 million"]);
    }

    #[test]
    fn a_none_noun_that_heads_the_subject_of_the_rule_s_verb_excludes_nothing() {
        // the exporters in the League pumped it: the League's output
        let text = "The crude exporters in the League pumped 12.4 million bpd in March.";
        assert_eq!(claimed(OUTPUT, text), ["output.league 12.4 million"]);
        let text =
            "The big exporters of the League produced an average of 12.4 million bpd in March.";
        assert_eq!(claimed(OUTPUT, text), ["output.league 12.4 million"]);
        // exports themselves, or a verb that is not the rule's
        let text = "League output held steady while exports from the League reached 7.1 million bpd in March.";
        assert!(claimed(OUTPUT, text).is_empty());
        let text =
            "The exporters in the League shipped 7.1 million bpd in March, as League output rose.";
        assert!(claimed(OUTPUT, text).is_empty());
    }

    #[test]
    fn a_bare_metric_noun_takes_the_subject_of_the_sentence_before() {
        // "output" alone, opening the sentence or after an opening clause,
        // goes on about the subject before, in the paragraph before too
        let text = "Production by the League rose in May, its members said.\n\nAfter a dip in April, output climbed to 12.4 million bpd in May.";
        assert_eq!(claimed(OUTPUT, text), ["output.league 12.4 million"]);
        let text = "League production rose in May. Output reached 12.4 million bpd.";
        assert_eq!(claimed(OUTPUT, text), ["output.league 12.4 million"]);
        // after an opening clause that names a source, as after one of time
        let text = "League production rose in May. According to the secretariat, output reached 12.4 million bpd.";
        assert_eq!(claimed(OUTPUT, text), ["output.league 12.4 million"]);
        // not a subject that says what it is of, nor a subject before that
        // is no match of the rule's words
        let text = "League production rose in May. Output in Brazil reached 3.4 million bpd.";
        assert!(claimed(OUTPUT, text).is_empty());
        let text = "Markets watched the League closely in May. Output reached 12.4 million bpd.";
        assert!(claimed(OUTPUT, text).is_empty());
        let text = "Prices fell in May even though League production rose. Output reached 12.4 million bpd.";
        assert!(claimed(OUTPUT, text).is_empty());
    }

    #[test]
    fn barrels_of_a_daily_rate_are_barrels_a_day() {
        let text = "In March, Canada's average daily production fell by 20 thousand barrels to 4.95 million.";
        assert_eq!(claimed(OUTPUT, text), ["output.canada 4.95 million"]);
        // stocks, in barrels, are no daily rate
        let text =
            "Canada's crude stocks rose by 2 million barrels to 31 million barrels in March.";
        assert!(claimed(OUTPUT, text).is_empty());
    }

    #[test]
    fn a_direction_joined_to_the_other_is_trade_both_ways() {
        let yaml = r#"entities:
  peru:
    names: [Peru]
metrics:
  - id: share.imports.peru
    description: Peru's share of the region's imports
    kind: percent
    match:
      all: ['\bimports?\b']
      any: ['\bshares?\b|\baccount(?:s|ed)?\s+for\b']
      entities: [peru]
"#;
        // imports and exports together: trade, no share of imports
        let text =
            "Peru accounted for 9.5 percent of the region's total imports and exports in 2023.";
        assert!(claimed(yaml, text).is_empty());
        let text = "Peru accounted for 9.5 percent of exports and imports in 2023.";
        assert!(claimed(yaml, text).is_empty());
        // imports alone, or joined to something else
        let text = "Peru accounted for 9.5 percent of the region's total imports in 2023.";
        assert_eq!(claimed(yaml, text), ["share.imports.peru 9.5 percent"]);
        let text = "Peru accounted for 9.5 percent of imports and 4 percent of exports in 2023.";
        assert_eq!(claimed(yaml, text), ["share.imports.peru 9.5 percent"]);
    }

    #[test]
    fn production_in_a_group_is_the_group_s_production() {
        let text =
            "Crude production in the League rose by 90 thousand bpd to 12.4 million bpd in May.";
        assert_eq!(claimed(OUTPUT, text), ["output.league 12.4 million"]);
        // a month is no place
        let text = "Production in May rose to 12.4 million bpd.";
        assert!(claimed(OUTPUT, text).is_empty());
    }

    #[test]
    fn the_subject_of_what_is_said_is_the_sentence_s_subject() {
        // "The minister said recently that Canada's …": the country the
        // next sentence refers back to
        let text = "The minister said recently that Canada's production slipped to 4.8 million bpd in 2023. In 2022 the country produced 4.9 million bpd.";
        assert_eq!(
            claimed(OUTPUT, text),
            ["output.canada 4.8 million", "output.canada 4.9 million"]
        );
        // no verb of saying before "that": Canada is no subject
        let text = "Analysts in Europe and in Asia now agree that Canada's production slipped to 4.8 million bpd in 2023. In 2022 the country produced 4.9 million bpd.";
        assert_eq!(claimed(OUTPUT, text), ["output.canada 4.8 million"]);
        // nor a name later in what is said
        let text = "The minister of Brazil's neighbour, Peru, said that its ally Canada's production slipped to 4.8 million bpd in 2023. In 2022 the country produced 4.9 million bpd.";
        assert_eq!(claimed(OUTPUT, text), ["output.canada 4.8 million"]);
    }

    #[test]
    fn a_balance_the_flows_of_a_sentence_leave_is_theirs() {
        let yaml = r#"entities:
  chile:
    names: [Chile]
  peru:
    names: [Peru]
metrics:
  - id: deficit.chile_with_peru
    description: Chile's deficit with Peru
    kind: money
    unit: USD
    match:
      all: ['\bdeficit\b']
      any: ['\bdeficit\s+with\s+Peru\b']
      entities: [chile, peru]
"#;
        // the deficit that Chile's flows with Peru leave
        let text = "Chile sold $2 billion of goods to Peru and bought $5 billion, leaving a deficit of $3 billion.";
        assert_eq!(claimed(yaml, text), ["deficit.chile_with_peru $3 billion"]);
        let text = "Chile sold $2 billion of goods to Peru, while purchases reached $5 billion, leading to a $3 billion trade deficit.";
        assert_eq!(claimed(yaml, text), ["deficit.chile_with_peru $3 billion"]);
        // a deficit of its own, with no flows that leave it
        let text = "Chile and Peru met in Lima, and the deficit was $3 billion.";
        assert!(claimed(yaml, text).is_empty());
    }

    #[test]
    fn a_rate_that_closes_a_list_is_each_item_s() {
        let yaml = r#"metrics:
  - id: trade.total
    description: Trade in a year
    kind: money
    unit: EUR
    match:
      any: ['\btrade\b|\bimports\b|\bexports\b']
      none: ['\bper\s+day\b|\ba\s+day\b']
"#;
        // both amounts are a day's
        let text = "Trade came to €1.3 billion of imports and €600 million of exports per day.";
        assert!(claimed(yaml, text).is_empty());
        // a rate in a clause of its own leaves the figure before it be
        let text = "Trade reached €480 billion in 2024, while imports ran at €1.3 billion a day.";
        assert_eq!(claimed(yaml, text), ["trade.total €480 billion"]);
        let text = "Trade reached €480 billion in 2024, which comes to €1.3 billion a day.";
        assert_eq!(claimed(yaml, text), ["trade.total €480 billion"]);
    }
}
