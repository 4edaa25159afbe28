//! What a figure is to the sentence that states it: an actual value, a
//! forecast, a target, a claim the text disputes, or a conversion of the
//! figure before it.
//!
//! ## What it finds
//! - **Conversion**: a money figure in parentheses (or after ", or") right
//!   after a money figure in another currency: "820 billion rupees ($9.9
//!   billion)", "¥8.1 trillion, or about $53 billion".
//! - **Target**: a goal, aim, quota or plan in the figure's clause: "aims to
//!   attract 60 million visitors", "the goal of 60 million", "the €500
//!   billion target", "a quota of 4.4 million bpd"; an obligation, "was
//!   supposed to bring its output down to 9 million bpd", "is required to".
//! - **Claim**: a figure a speaker states ("he said", "claimed") in a
//!   sentence that disputes it ("but customs data show", "a figure the data
//!   contradict", "exaggerated").
//! - **Forecast**: "expected", "forecast", "projected", "set to", "will be",
//!   "could reach", "aims" (a target), "implies … will be", or a year after
//!   the figure that is later than the article's ("by 2030").
//!
//! The words count only in the figure's own clause: from the figure (or
//! qualifier) back to the previous figure or the last clause boundary (a
//! dash, a semicolon, a colon, "but", "while", "whereas", "although"), and
//! forward to the next figure or boundary. Negation (`period/mod.rs`) uses the
//! same clause.
//!
//! ## Not found
//! Conditional and hypothetical amounts ("if trade were to reach"), targets
//! named only in another sentence.

use std::sync::LazyLock;

use regex::Regex;

use super::{Kind, Quantity};

/// What a figure is to the text that states it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A value the text states as fact.
    #[default]
    Actual,
    /// An expected, forecast or projected value.
    Forecast,
    /// A goal, aim, quota or plan: never compared with actual values.
    Target,
    /// A value a speaker states and the text disputes.
    Claim,
    /// The figure before it, in another currency ("($9.9 billion)").
    Conversion,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Actual => "actual",
            Role::Forecast => "forecast",
            Role::Target => "target",
            Role::Claim => "claim",
            Role::Conversion => "conversion",
        }
    }
}

/// A pattern below, compiled case-sensitive (it is matched against
/// lowercased text: see `Lower`) with ASCII word boundaries, spaces and
/// word characters: the words it looks for are English, and Unicode classes
/// and case folding over these alternations make automata many times larger
/// to build (20 ms a run) and slower to run.
fn regex(pattern: &str) -> Regex {
    let ascii = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\s", r"(?-u:\s)")
        .replace(r"\w", r"(?-u:\w)");
    // cannot fail: the patterns below are constant and valid
    Regex::new(&ascii).expect("valid regex")
}

static TARGET_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:targets?|targeted|targeting|goals?|aims?|aimed|aiming|ambitions?|objectives?|quotas?|ceilings?|plans?\s+to|planned|seeks?\s+to|hop(?:es|ed|ing)?\s+(?:to|for)|wants?\s+to|intends?\s+to|pledged?\s+to|vowed?\s+to|promised?\s+to|promise\s+to|counting\s+on|required\s+production|allowed\s+to\s+pump|limit\s+of|cap\s+of|supposed\s+to|required\s+to|obliged\s+to|obligated\s+to)\b",
    )
});

static TARGET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^[ a-z0-9-]{0,30}?\b(?:targets?|goals?|quotas?|ceilings?|ambitions?)\b")
});

static FORECAST_MORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:will|would|could|should|may|might|shall)\s+(?:be|reach|hit|exceed|top|surpass|rise|grow|climb|fall|drop|total|amount|approach|double|come\s+in)|\bwill\b|\bimplies\b|\boutlook\b|\bis\s+seen\s+(?:at|reaching|rising|falling)|\bto\s+(?:reach|hit|top|exceed)\b.*\bby\s+(?:19|20)\d\d\b|\bestimates?\s+(?:that|for)\b|\bexpects?\b",
    )
});

/// Words of an estimate: of a period still to come a forecast ("the
/// estimate for 2026"), of one already over a preliminary count.
static ESTIMATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:estimates?|estimated|estimating)\b"));

/// `before` (a figure's clause before it) with its words of an estimate
/// blanked, when it has any: what the clause says of the figure once an
/// estimate of a period already over is read as a count of it ("The
/// estimate for January-June came to 17.78 million", told in July). A
/// forecast word besides ("expected", "will") still makes a forecast.
pub(super) fn without_estimates(before: &str) -> Option<String> {
    let lower = before.to_ascii_lowercase();
    if !ESTIMATE.is_match(&lower) {
        return None;
    }
    let mut out = before.to_owned();
    for m in ESTIMATE.find_iter(&lower) {
        out.replace_range(m.range(), &" ".repeat(m.len()));
    }
    Some(out)
}

static BY_YEAR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[^.;]*?\b(?:by|in|until)\s+((?:19|20)\d\d)\b"));

/// How far after a figure its year is looked for ("60 million visitors a
/// year by 2030"), in bytes.
const YEAR_AFTER_REACH: usize = 60;

static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:said|says|say|told|claimed|claims|boasted|asserted|insisted|stated|argued|maintained|touted)\b",
    )
});

static CLAIM_ALONE: LazyLock<Regex> = LazyLock::new(|| regex(r"\b(?:claimed|claims|boasted)\b"));

static DISPUTE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:disputed?|disputes|contradict\w*|false(?:ly)?|wrong(?:ly)?|misleading|exaggerat\w*|overstat\w*|inflated|incorrect(?:ly)?|inaccurate|no\s+evidence|fact[- ]check\w*|omission|half[- ]truth)\b",
    )
});

/// "but customs data show": the data set against what was said, in
/// lowercase text.
static DATA_SHOW: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:but|however|yet|while)\b[^.]*\b(?:data|figures|statistics|customs|records|numbers)\b[^.]*\b(?:show|shows|showed|put|puts|suggest|suggests|indicate|indicates|say|says)\b",
    )
});

/// Whether `text` sets data against what was said ("but customs data
/// show"): the sentence disputes a speaker's figure, and the figure after
/// it is the data's.
pub fn data_show(text: &str) -> bool {
    DATA_SHOW.is_match(&text.to_ascii_lowercase())
}

/// Words that end a clause before a figure: what comes before them does not
/// belong to the figure's clause (in either case: "But").
static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\s[—–]\s|[—–;:]|\b(?:[Bb]ut|[Ww]hile|[Ww]hereas|[Aa]lthough|[Tt]hough|[Hh]owever)\b|,\s+and\b",
    )
});

/// The part of `text` (the stretch before a figure, since the previous
/// figure) after its last clause boundary.
pub fn own_clause_before(text: &str) -> &str {
    match CLAUSE_END.find_iter(text).last() {
        Some(m) => &text[m.end()..],
        None => text,
    }
}

/// The part of `text` (the stretch after a figure, up to the next figure)
/// before its first clause boundary.
pub fn own_clause_after(text: &str) -> &str {
    match CLAUSE_END.find(text) {
        Some(m) => &text[..m.start()],
        None => text,
    }
}

/// What the text around a figure makes it.
pub(super) struct Around<'t> {
    /// The figure's clause before it (qualifier excluded).
    pub(super) before: &'t str,
    /// The figure's clause after it.
    pub(super) after: &'t str,
    /// The whole sentence, for a dispute anywhere in it.
    pub(super) sentence: &'t str,
    /// The sentence up to the figure.
    pub(super) sentence_before: &'t str,
    /// The text between the previous metric figure and this one's lead,
    /// with that figure, when there is one.
    pub(super) previous: Option<(&'t Quantity, &'t str)>,
    /// Whether the period pass's gate saw a forecast word, and the old
    /// forecast pattern matched.
    pub(super) forecast_word: bool,
    /// The year of publication.
    pub(super) published: Option<i32>,
    /// Whether the figure is the base of a comparison ("up from $240
    /// billion"): a value that was, whatever the sentence expects of the
    /// other.
    pub(super) base: bool,
    /// Which kinds of cue words the sentence holds at all.
    pub(super) cues: Cues,
    /// The next sentence of the paragraph (empty at its end), for a
    /// verdict on what a speaker said ("Facthem … classed it as an
    /// omission").
    pub(super) next: &'t str,
}

/// Which kinds of cue words a sentence holds: one search a sentence, so
/// that the patterns of a kind it lacks are never run for its figures.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cues {
    /// A word of a target, a claim or a forecast.
    pub(super) roles: bool,
    /// "week", "day", "daily": a span too short, or a rate.
    pub(super) spans: bool,
}

impl Cues {
    pub(super) fn of(sentence: &str) -> Self {
        let lower = sentence.to_ascii_lowercase();
        Cues {
            roles: ROLE_WORDS.is_match(&lower),
            spans: lower.contains("week") || lower.contains("day"),
        }
    }
}

/// Every word the role patterns start from (`TARGET_BEFORE`,
/// `TARGET_AFTER`, `SPEECH`, `CLAIM_ALONE`, `FORECAST_MORE`), as literals
/// a sentence must hold for any of them to match; a test checks that each
/// pattern's matches hold one.
static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"target|goal|aim|ambition|objective|quota|ceiling|plan|seek|hop|want|intend|pledge|vow|promis|counting|required|allowed|limit|cap|suppos|oblig|said|say|told|claim|boast|assert|insist|stated|argu|maintain|tout|will|would|could|should|may|might|shall|implies|outlook|seen|reach|hit|top|exceed|estimate|expect",
    )
});

/// The role of `q` given the text around it.
pub(super) fn role(q: &Quantity, around: &Around<'_>) -> Role {
    // role words stand near their figure: the clause's last 200 bytes
    // before it and first 80 after it are read
    // (the clause before is read only where the sentence holds a cue)
    let lower = Lower {
        before: if around.cues.roles {
            tail(around.before, 200).to_ascii_lowercase()
        } else {
            String::new()
        },
        after: head(around.after, 80).to_ascii_lowercase(),
    };
    role_in(q, around, &lower)
}

/// The last `n` bytes of `s` or fewer, at a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The first `n` bytes of `s` or fewer, at a character boundary.
fn head(s: &str, n: usize) -> &str {
    let mut end = s.len().min(n);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The figure's clause lowercased, as the role patterns read it.
struct Lower {
    before: String,
    after: String,
}

fn role_in(q: &Quantity, around: &Around<'_>, lower: &Lower) -> Role {
    if is_conversion(q, around.previous) {
        return Role::Conversion;
    }
    // "cut its forecast to 33 million from 37 million": both forecasts;
    // "expected to reach $200bn, up from $180bn": the base was
    if around.base {
        return match around.previous {
            Some((p, between)) if between.trim().eq_ignore_ascii_case("from") => p.role,
            _ => Role::Actual,
        };
    }
    let cued = around.cues.roles;
    if cued && (TARGET_BEFORE.is_match(&lower.before) || TARGET_AFTER.is_match(&lower.after)) {
        return Role::Target;
    }
    let speaker = cued && SPEECH.is_match(&lower.before);
    let disputed = || {
        let sentence = around.sentence.to_ascii_lowercase();
        let next = around.next.to_ascii_lowercase();
        DISPUTE.is_match(&sentence) || DATA_SHOW.is_match(&sentence) || DISPUTE.is_match(&next)
    };
    if cued && (CLAIM_ALONE.is_match(&lower.before) || (speaker && disputed())) {
        return Role::Claim;
    }
    if around.forecast_word || (cued && FORECAST_MORE.is_match(&lower.before)) {
        return Role::Forecast;
    }
    // "wants to attract 60 million visitors and to raise spending to 15
    // trillion yen": one aim for both, in one clause
    if let Some((p, between)) = around.previous {
        let aim = matches!(p.role, Role::Target | Role::Forecast);
        let joined = || {
            !between.contains(',')
                && between
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("and"))
                && own_clause_before(between).len() == between.len()
        };
        if aim && (joined() || continues_the_aim(between)) {
            return p.role;
        }
    }
    // "the goal of 60 million visitors, with spending of 15 trillion yen,
    // in 2030": a later year makes a figure a target where its sentence
    // names a goal before it, else a forecast
    if future_year_after(around, &lower.after) {
        let before = around.sentence_before.to_ascii_lowercase();
        return if cued && TARGET_BEFORE.is_match(&before) {
            Role::Target
        } else {
            Role::Forecast
        };
    }
    Role::Actual
}

/// Whether `between` (the text after a forecast or target figure and
/// before this one) makes this figure what that one brings: "to reach 35
/// million, generating 2.9 trillion baht", "to hit 40 million, bringing in
/// 3 trillion baht", "…, with spending of 15 trillion yen".
fn continues_the_aim(between: &str) -> bool {
    const RESULTS: &[&str] = &[
        "generating",
        "bringing",
        "earning",
        "yielding",
        "creating",
        "adding",
        "worth",
        "with",
    ];
    let words: Vec<&str> = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 4
        && words
            .first()
            .is_some_and(|w| RESULTS.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

/// "($9.9 billion)" or ", or $53 billion" right after a money figure in
/// another currency, and a second conversion after the first ("($360bn;
/// £265bn)").
fn is_conversion(q: &Quantity, previous: Option<(&Quantity, &str)>) -> bool {
    let Some((p, between)) = previous else {
        return false;
    };
    if q.kind != Kind::Money || p.kind != Kind::Money || p.unit == q.unit {
        return false;
    }
    // "€305.8bn ($360bn; £265bn)": a second conversion in the parenthesis
    // of the first
    if p.role == Role::Conversion && matches!(between.trim(), ";" | "," | "/") {
        return true;
    }
    let between = between.trim().trim_start_matches(',').trim();
    let between = between.to_ascii_lowercase();
    let link = between
        .strip_prefix('(')
        .or_else(|| between.strip_prefix('['))
        .or_else(|| between.strip_prefix("or"))
        .or_else(|| between.strip_prefix("equivalent to"))
        .or_else(|| between.strip_prefix("worth"));
    link.is_some_and(|rest| {
        let rest = rest.trim();
        rest.is_empty()
            || [
                "or",
                "about",
                "around",
                "some",
                "roughly",
                "approximately",
                "nearly",
                "almost",
                "~",
                "us",
            ]
            .contains(&rest)
    })
}

/// "60 million visitors by 2030": a year after the figure, in its clause,
/// later than the year of publication.
fn future_year_after(around: &Around<'_>, after: &str) -> bool {
    let Some(published) = around.published else {
        return false;
    };
    let mut end = after.len().min(YEAR_AFTER_REACH);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    BY_YEAR_AFTER
        .captures(&after[..end])
        .and_then(|c| c.get(1))
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .is_some_and(|y| y > published)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clause_before_a_figure_starts_after_its_last_boundary() {
        assert_eq!(
            own_clause_before("Exports did not reach $40 billion — imports rose to "),
            "imports rose to "
        );
        assert_eq!(
            own_clause_before("Officials would not comment, but exports reached "),
            " exports reached "
        );
        assert_eq!(own_clause_before("Trade reached "), "Trade reached ");
        assert_eq!(
            own_clause_after(" in 2024, while the surplus grew"),
            " in 2024, "
        );
    }

    #[test]
    fn target_and_claim_words() {
        assert!(TARGET_BEFORE.is_match("The government aims to attract "));
        assert!(TARGET_BEFORE.is_match("the goal of "));
        // an obligation is a level to meet, not one met: see #12
        assert!(
            TARGET_BEFORE.is_match("under the deal, norway was supposed to hold its output at ")
        );
        assert!(TARGET_BEFORE.is_match("members are required to keep supply under "));
        assert!(TARGET_AFTER.is_match(" target was missed"));
        assert!(TARGET_AFTER.is_match(" visitors target"));
        assert!(!TARGET_AFTER.is_match(" in 2024, up from a year earlier"));
        assert!(data_show(
            "He said exports were $50 billion, but customs data show only $38 billion."
        ));
        assert!(DISPUTE.is_match("a figure the data contradict"));
        assert!(!DISPUTE.is_match("He said exports were $50 billion, according to customs data."));
    }

    /// A phrase for every alternative of every role pattern: each must
    /// match its pattern, and the sentence gate (`ROLE_WORDS`) must let it
    /// through; a word missing from the gate fails this.
    #[test]
    fn the_gate_lets_every_role_pattern_through() {
        let cases: &[(&Regex, &[&str])] = &[
            (
                &TARGET_BEFORE,
                &[
                    "targets",
                    "targeted",
                    "targeting",
                    "goals",
                    "aims",
                    "aimed",
                    "aiming",
                    "ambitions",
                    "objectives",
                    "quotas",
                    "ceilings",
                    "plans to",
                    "planned",
                    "seeks to",
                    "hoped for",
                    "hopes to",
                    "wants to",
                    "intends to",
                    "pledged to",
                    "vowed to",
                    "promised to",
                    "promise to",
                    "counting on",
                    "required production",
                    "allowed to pump",
                    "limit of",
                    "cap of",
                    "supposed to",
                    "required to",
                    "obliged to",
                    "obligated to",
                ],
            ),
            (
                &TARGET_AFTER,
                &[" target", " goals", " quota", " ceiling", " ambition"],
            ),
            (
                &SPEECH,
                &[
                    "said",
                    "says",
                    "say",
                    "told",
                    "claimed",
                    "claims",
                    "boasted",
                    "asserted",
                    "insisted",
                    "stated",
                    "argued",
                    "maintained",
                    "touted",
                ],
            ),
            (&CLAIM_ALONE, &["claimed", "claims", "boasted"]),
            (
                &FORECAST_MORE,
                &[
                    "will be",
                    "would reach",
                    "could hit",
                    "should exceed",
                    "may top",
                    "might surpass",
                    "shall rise",
                    "will grow",
                    "would climb",
                    "could fall",
                    "may drop",
                    "will total",
                    "would amount",
                    "could approach",
                    "will double",
                    "should come in",
                    "will",
                    "implies",
                    "outlook",
                    "is seen at",
                    "is seen reaching",
                    "is seen rising",
                    "is seen falling",
                    "to reach 5 by 2030",
                    "to hit 5 by 2030",
                    "to top 5 by 2030",
                    "to exceed 5 by 2030",
                    "estimates that",
                    "estimate for",
                    "expects",
                    "expect",
                ],
            ),
        ];
        for (pattern, phrases) in cases {
            for phrase in *phrases {
                assert!(
                    pattern.is_match(phrase),
                    "{phrase:?} does not match its pattern"
                );
                assert!(ROLE_WORDS.is_match(phrase), "the gate stops {phrase:?}");
            }
        }
    }
}
