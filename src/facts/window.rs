//! Whether a sentence, with its context, names a metric at all: the
//! patterns of its `match` over the window, and its entities in the window
//! or the article. Which figure of the sentence is the metric's is
//! `attach.rs`.
//!
//! The rules' prefilter (`rules/prefilter.rs`) scans each window once for
//! the literals of every rule's patterns: only the metrics whose patterns
//! may match are tested, and a pattern whose literals are missing is not
//! run. A pattern that many rules share (an entity, a template's words) is
//! run once per window, its answer kept for the others.

use std::collections::BTreeMap;

use super::rewrite::{rewritten, Edit};
use super::{asides, daily, names, produced_in, signs};
use crate::documents::Document;
use crate::rules::{Context, EntityMatcher, Hits, Metric, MetricKind, Pattern, RuleSet};

/// What one document has already answered, so that a sentence with several
/// figures is matched once per metric, a pattern shared by many rules is
/// run once per window, and the whole text is searched for an entity at
/// most once.
pub(super) struct Memo<'d> {
    rules: &'d RuleSet,
    /// The document's text with currency names blanked (see
    /// `currency_names_blanked`), made at the first match.
    text: Option<std::borrow::Cow<'d, str>>,
    /// That text with the other names of the organizations it abbreviates
    /// written as the abbreviation (`names.rs`) and asides between commas
    /// blanked (`asides.rs`), `None` inside when it has neither; patterns
    /// match the window when they match either.
    view: Option<Option<String>>,
    /// (sentence index, metric index) -> whether the sentence names the
    /// metric.
    sentences: BTreeMap<(usize, usize), bool>,
    /// What is known of each window the rules have looked at.
    windows: foldhash::HashMap<Window, Seen>,
    /// entity pattern id -> whether the article (body or title) names it
    /// (the pattern, not the name: with and without metonyms they differ).
    article: BTreeMap<usize, bool>,
    /// metric index -> the one statistical source the article names, if one.
    cited: BTreeMap<usize, Option<String>>,
}

/// The first thing a sentence lacks to name a metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WindowMiss {
    /// `all` pattern number `.0` (from 0) matches nothing in the window.
    All(usize),
    /// No `any` pattern matches the window.
    Any,
    /// The sentence names an entity the rule does not (as written).
    OtherEntity(String),
    /// The rule's entity `.0` is named neither in the window nor, where
    /// the rule allows, in the article.
    Entity(String),
}

/// A window: sentence `.0`, with the sentence before it if `.1`.
type Window = (usize, bool);

/// What is known of one window: the literals of the rules' patterns in it
/// (`rules/prefilter.rs`), and the patterns already run over it.
#[derive(Default)]
struct Seen {
    hits: Option<Hits>,
    /// pattern id -> whether it matches the window
    matched: foldhash::HashMap<usize, bool>,
}

/// The window of sentence `s` for a rule of `context`.
fn window(s: usize, context: Context) -> Window {
    (s, context == Context::PreviousSentence && s > 0)
}

/// The byte range of window `w` of `doc`.
fn range(doc: &Document, (s, previous): Window) -> std::ops::Range<usize> {
    let sentences = doc.sentences();
    let start = if previous {
        sentences[s - 1].start
    } else {
        sentences[s].start
    };
    start..sentences[s].end
}

/// Currencies named after a country ("US dollars", "Indian rupees"): they
/// name a currency, not the country, so entity patterns must not see them.
static CURRENCY_NAMES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(
        r"(?-u:\b)(?:US|U\.S\.|USA|American|Chinese|Russian|Indian|Hong Kong|Australian|Canadian|Singapore|New Zealand)\s*(?:\$|(?i:dollars?|yuan|renminbi|roubles?|rubles?|rupees?)(?-u:\b))",
    )
    .expect("valid regex")
});

/// `text` with every currency named after a country blanked out (same
/// length, so offsets stay). Word boundaries are ASCII ones, so that the
/// search stays in the fast DFA on text with curly quotes and dashes (a
/// Unicode `\b` made it fall back to the slow engines on most articles).
fn currency_names_blanked(text: &str) -> std::borrow::Cow<'_, str> {
    let blanks = CURRENCY_NAMES.find_iter(text).map(|m| Edit {
        range: m.range(),
        with: "",
        pad_before: false,
    });
    rewritten(text, blanks).map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

/// The views of a text patterns are tried on besides the text, each
/// applied to the one before it: a view is `None` where it changes nothing.
const VIEWS: [fn(&str) -> Option<String>; 5] = [
    names::named,
    asides::blanked,
    signs::written,
    daily::written,
    produced_in::written,
];

/// The text between sentence `s` of `doc` and the one before it, with how
/// many line breaks it holds and whether a heading opens in it; `None` for
/// the first sentence.
fn gap_before(doc: &Document, s: usize) -> Option<(usize, bool)> {
    let sentences = doc.sentences();
    let (before, here) = (sentences.get(s.checked_sub(1)?)?, sentences.get(s)?);
    let gap = doc.text.get(before.end..here.start).unwrap_or("");
    Some((gap.matches('\n').count(), gap.contains("\n#")))
}

/// Whether sentences `a` and `a + 1` of `doc` are in one paragraph: no
/// blank line or heading between them.
fn same_paragraph(doc: &Document, a: usize) -> bool {
    gap_before(doc, a + 1).is_some_and(|(breaks, heading)| breaks < 2 && !heading)
}

/// Whether sentence `s` opens with words that refer back to a figure
/// before it: "The estimate for January-June came to …", "That figure …",
/// "The total for the first six months …", also after an opening clause
/// set off by a comma: "According to the agency, the figure is above …",
/// "In 2024, the total rose …".
fn refers_to_a_figure(doc: &Document, s: usize) -> bool {
    let range = doc.sentences()[s].clone();
    let text = doc.text.get(range).unwrap_or("");
    let Some(rest) = after_opening_clause(text) else {
        return false;
    };
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    ["the", "this", "that", "these", "those"]
        .iter()
        .any(|d| first.eq_ignore_ascii_case(d))
        && matches!(
            second,
            "figure" | "figures" | "total" | "estimate" | "number" | "tally" | "amount" | "sum"
        )
}

/// Where `text` goes on after its opening clause: past the comma that
/// closes it within `OPENING_CLAUSE` bytes, when `text` opens with one of
/// `OPENERS` ("In 2024, …", "After a fall in July, …") or names a source
/// ("According to Japan's Immigration Services Agency, …"); `text` itself
/// when it opens with neither; `None` when no comma in reach closes the
/// clause.
fn after_opening_clause(text: &str) -> Option<&str> {
    let first = text.split(' ').next().unwrap_or("");
    if !(OPENERS.contains(&first) || text.starts_with("According to ")) {
        return Some(text);
    }
    let comma = head(text, OPENING_CLAUSE).find(", ")?;
    Some(&text[comma + 2..])
}

/// The first `n` bytes of `text`, or fewer, to the char boundary before.
fn head(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How far into a sentence the comma that ends its opening clause may be.
const OPENING_CLAUSE: usize = 64;

/// How far into a sentence its subject may start ("In June 2024,
/// Russia's …").
pub(super) const SUBJECT: usize = 24;

/// Verbs of saying or showing after which "that" opens a clause with a
/// subject of its own: "Novak said recently that Russia's oil production
/// slipped".
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "reported",
    "reports",
    "announced",
    "estimated",
    "estimates",
    "noted",
    "stated",
    "added",
    "showed",
    "show",
    "shows",
    "expects",
    "expected",
];

/// How far into a sentence a verb of saying and its "that" may stand.
const SAYING_HEAD: usize = 64;

/// How far into a clause of what is said its subject may start: "that
/// the …".
const SAID_SUBJECT: usize = 4;

/// Whether byte `at` of `sentence` is where its subject stands: within its
/// first `SUBJECT` bytes, or at the opening of the clause that a verb of
/// saying and "that" open among its first words ("Novak said recently that
/// Russia's oil production slipped …": Russia is the subject of what is
/// said, and so of the sentence's news; not the Russia of "Putin noted
/// that China is Russia's largest partner").
pub(super) fn at_subject(sentence: &str, at: usize) -> bool {
    if at <= SUBJECT {
        return true;
    }
    let Some(that) = head(sentence, SAYING_HEAD).find(" that ") else {
        return false;
    };
    let start = that + " that ".len();
    let said = sentence[..that]
        .split(' ')
        .rev()
        .take(3)
        .any(|w| SAYING.contains(&w));
    said && !sentence[..that].contains([',', ';', ':']) && at >= start && at - start <= SAID_SUBJECT
}

/// Whether sentence `s` opens with a word that refers back to a subject:
/// "It", "Its", "They", "Their", or "the country" (or kingdom, nation)
/// within its first words ("In 2022 the country produced …").
fn refers_to_subject(doc: &Document, s: usize) -> bool {
    referring_words(doc, s).is_some()
}

/// The words of sentence `s` that refer back to the subject of the sentence
/// before it (see `refers_to_subject`), as a range of the sentence.
fn referring_words(doc: &Document, s: usize) -> Option<std::ops::Range<usize>> {
    let range = doc.sentences().get(s)?.clone();
    let text = doc.text.get(range).unwrap_or("");
    let head = match text.char_indices().nth(32) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in head
        .char_indices()
        .chain(std::iter::once((head.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                words.push((b, &head[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(&(b, w @ ("It" | "Its" | "They" | "Their"))) = words.first() {
        return Some(b..b + w.len());
    }
    words.windows(2).find_map(|p| {
        let ((a, the), (b, noun)) = (p[0], p[1]);
        (the.eq_ignore_ascii_case("the") && matches!(noun, "country" | "kingdom" | "nation"))
            .then(|| a..b + noun.len())
    })
}

/// Whether sentence `s` follows one of the same section: no heading
/// between them (a paragraph break may be).
fn follows(doc: &Document, s: usize) -> bool {
    gap_before(doc, s).is_some_and(|(breaks, heading)| breaks <= 2 && !heading)
}

/// Words that may open a sentence before its subject, as a clause set off
/// by a comma: "After a fall in July, output …".
const OPENERS: &[&str] = &[
    "After",
    "Before",
    "In",
    "During",
    "Over",
    "Since",
    "By",
    "Last",
    "This",
    "Through",
    "From",
    "Compared",
    "Meanwhile",
    "Overall",
    "Still",
    "Yet",
    "Then",
    "Later",
    "Earlier",
];

/// Words that may stand before a metric noun in a bare subject: "Crude
/// output", "Average daily production".
const BARE_MODIFIERS: &[&str] = &[
    "crude", "oil", "total", "average", "overall", "daily", "monthly", "annual", "combined",
];

/// Words after a noun that say what it is of or where: the subject is not
/// bare ("output in Iraq", "production of OPEC", "output's").
const OF_WORDS: &[&str] = &[
    "of", "in", "from", "by", "at", "for", "to", "with", "on", "among", "across", "s",
];

/// The noun of sentence `s`'s subject when it is bare: a lower-case noun
/// ("output", "production"), with no article, possessive or name before it
/// and none of `OF_WORDS` after it, that opens the sentence or follows its
/// opening clause (`after_opening_clause`: "After a fall in July, output
/// increased …"), and a lower-case word after it (its verb).
fn bare_subject(doc: &Document, s: usize) -> Option<&str> {
    let range = doc.sentences().get(s)?.clone();
    let text = doc.text.get(range)?;
    let rest = after_opening_clause(text)?;
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut noun = words.next()?;
    let mut n = 0;
    while BARE_MODIFIERS.iter().any(|m| m.eq_ignore_ascii_case(noun)) && n < 2 {
        noun = words.next()?;
        n += 1;
    }
    let verb = words.next()?;
    let lower = |w: &str| w.chars().all(|c| c.is_ascii_lowercase());
    // the sentence's first word is capitalized; any later one is lower-case
    let opens = n == 0 && rest.len() == text.len();
    let noun_ok = if opens {
        noun.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && lower(&noun[1..])
    } else {
        lower(noun)
    };
    (noun_ok && noun.len() > 3 && lower(verb) && !OF_WORDS.contains(&verb)).then_some(noun)
}

/// A sentence's words that refer back to the subject of the sentence before
/// it, in its paragraph ("Japan makes for a striking comparison. It
/// welcomed 21.5 million …"): the entity that subject names is named there
/// too (`attach.rs`).
pub(super) struct Referent {
    /// The referring words, as a range of the sentence.
    pub(super) words: std::ops::Range<usize>,
    /// The sentence before, as the patterns see it, and its view when that
    /// differs.
    pub(super) subject: (String, Option<String>),
}

/// The words of sentence `s` that refer back to the subject of the sentence
/// before, in its paragraph, with that sentence (of `text` as the patterns
/// see it, and of its `view`).
pub(super) fn referent(
    doc: &Document,
    s: usize,
    (text, view): (&str, Option<&str>),
) -> Option<Referent> {
    if s == 0 || !same_paragraph(doc, s - 1) {
        return None;
    }
    let words = referring_words(doc, s)?;
    let before = range(doc, (s - 1, false));
    let plain = text.get(before.clone())?;
    let view = view.and_then(|v| v.get(before)).filter(|v| *v != plain);
    Some(Referent {
        words,
        subject: (plain.to_owned(), view.map(str::to_owned)),
    })
}

impl Referent {
    /// Whether the subject names what `r` finds: a match that starts within
    /// its first `SUBJECT` bytes.
    pub(super) fn names(&self, r: &regex::Regex) -> bool {
        let (plain, view) = &self.subject;
        [Some(plain), view.as_ref()]
            .into_iter()
            .flatten()
            .any(|t| r.find(t).is_some_and(|f| at_subject(t, f.start())))
    }
}

/// A balance that the flows before it leave: "leaving a deficit of",
/// "leading to a €304.5 billion trade deficit", "which left a surplus".
static BALANCE_LEFT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(
        r"(?i),\s+(?:leaving|leading\s+to|resulting\s+in|which\s+left|to\s+leave|creating|producing)\s+(?:a|an|the)\s+(?:[^\s,;]+\s+){0,3}?(?:trade\s+|goods\s+)?(deficit|surplus|imbalance)\b",
    )
    .expect("valid regex")
});

/// A figure with a scale word at the end of a text: the figure whose unit
/// words follow ("9.3 million| barrels a day").
static SCALED_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(r"(?i)\d[\d.,]*\s*(million|mln|mn|billion|bn|thousand)\s*$")
        .expect("valid regex")
});

/// A figure with a scale word, and what follows it.
static SCALED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(r"(?i)\d[\d.,]*\s*(million|mln|mn|billion|bn|thousand)\b")
        .expect("valid regex")
});

/// What may follow a figure that states no unit of its own: a preposition,
/// a conjunction or the end of its clause ("9.4 million in the first
/// quarter", "9.2 million and", "9.2 million.").
static BARE_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(
        r"^\s*(?:[,.;:)]|$|(?i:in|and|or|at|for|from|to|by|on|during|over|last|this|than|versus|vs)\b)",
    )
    .expect("valid regex")
});

/// A scale word as one spelling: "mln" and "mn" are "million", "bn" is
/// "billion".
fn scale(word: &str) -> &'static str {
    match word.to_ascii_lowercase().as_str() {
        "million" | "mln" | "mn" => "million",
        "billion" | "bn" => "billion",
        _ => "thousand",
    }
}

/// The scale every figure with a scale word in `text` shares, when each of
/// them states no unit of its own (`BARE_AFTER`) and there is one.
fn bare_scale(text: &str) -> Option<&'static str> {
    let mut found = None;
    for c in SCALED.captures_iter(text) {
        let (whole, word) = (c.get(0)?, c.get(1)?);
        let after = text.get(whole.end()..).unwrap_or("");
        if !BARE_AFTER.is_match(after) {
            return None;
        }
        let s = scale(word.as_str());
        if found.is_some_and(|f| f != s) {
            return None;
        }
        found = Some(s);
    }
    found
}

impl<'d> Memo<'d> {
    pub(super) fn new(rules: &'d RuleSet) -> Self {
        Memo {
            rules,
            text: None,
            view: None,
            sentences: BTreeMap::new(),
            windows: foldhash::HashMap::default(),
            article: BTreeMap::new(),
            cited: BTreeMap::new(),
        }
    }

    pub(super) fn matches(
        &mut self,
        doc: &'d Document,
        s: usize,
        i: usize,
        metric: &Metric,
    ) -> bool {
        if let Some(&known) = self.sentences.get(&(s, i)) {
            return known;
        }
        self.text(doc);
        let found = self.compute(doc, s, metric);
        self.sentences.insert((s, i), found);
        found
    }

    /// The metrics (indices, in order) that sentence `s` may name: those
    /// the prefilter finds the literals of in their window, one scan of
    /// the sentence (and one of it with the sentence before) for all.
    pub(super) fn candidates(&mut self, doc: &'d Document, s: usize) -> Vec<usize> {
        self.text(doc);
        let prefilter = self.rules.prefilter();
        let mut out = Vec::new();
        for context in [Context::Sentence, Context::PreviousSentence] {
            let hits = self.hits(doc, window(s, context));
            prefilter.candidates(hits, context, &mut out);
        }
        // a bare metric noun may take its `all` words from the sentence
        // before (`subject_carried`): the rules whose literals are there
        if bare_subject(doc, s).is_some() && follows(doc, s) {
            let hits = self.hits(doc, (s, true));
            prefilter.candidates(hits, Context::Sentence, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The document's text as patterns see it: currency names blanked.
    pub(super) fn text(&mut self, doc: &'d Document) -> &str {
        self.texts(doc).0
    }

    /// The document's text as patterns see it, and its view with the other
    /// names of abbreviated organizations written as the abbreviation
    /// (`names.rs`), asides set off by commas blanked (`asides.rs`) and
    /// words for per cent after a number written as "%" (`signs.rs`) and
    /// barrels of a daily rate as "bpd" (`daily.rs`), and "production in"
    /// a place as "production of" it (`produced_in.rs`), when it has any.
    pub(super) fn texts(&mut self, doc: &'d Document) -> (&str, Option<&str>) {
        let text = self
            .text
            .get_or_insert_with(|| currency_names_blanked(&doc.text));
        let view = self.view.get_or_insert_with(|| {
            VIEWS.iter().fold(None, |view: Option<String>, next| {
                next(view.as_deref().unwrap_or(text)).or(view)
            })
        });
        (text, view.as_deref())
    }

    /// The window `w` of the text, and of the view when it differs there.
    fn window_texts<'t>(
        text: &'t str,
        view: Option<&'t str>,
        doc: &Document,
        w: Window,
    ) -> (&'t str, Option<&'t str>) {
        let r = range(doc, w);
        let plain = &text[r.clone()];
        (plain, view.map(|v| &v[r]).filter(|v| *v != plain))
    }

    /// The literals of the rules' patterns in window `w` (of the text or
    /// the view).
    fn hits(&mut self, doc: &'d Document, w: Window) -> &Hits {
        self.texts(doc);
        let text: &str = self.text.as_deref().unwrap_or(&doc.text);
        let view = self.view.as_ref().and_then(|v| v.as_deref());
        let prefilter = self.rules.prefilter();
        let seen = self.windows.entry(w).or_default();
        seen.hits.get_or_insert_with(|| {
            let (plain, view) = Self::window_texts(text, view, doc, w);
            let mut hits = prefilter.hits(plain);
            if let Some(v) = view {
                hits.union(&prefilter.hits(v));
            }
            hits
        })
    }

    /// The literals of the rules' patterns in sentence `s` alone (its
    /// text and its view).
    pub(super) fn sentence_hits(&mut self, doc: &'d Document, s: usize) -> Hits {
        self.hits(doc, (s, false)).clone()
    }

    /// Whether pattern `p` matches window `w` (of the text or the view):
    /// run once per window, however many rules share it.
    fn is_match(&mut self, doc: &'d Document, w: Window, p: &Pattern) -> bool {
        self.texts(doc);
        let text: &str = self.text.as_deref().unwrap_or(&doc.text);
        let view = self.view.as_ref().and_then(|v| v.as_deref());
        let seen = self.windows.entry(w).or_default();
        *seen.matched.entry(p.id()).or_insert_with(|| {
            let (plain, view) = Self::window_texts(text, view, doc, w);
            super::attach::names_own(p, plain)
                || view.is_some_and(|v| super::attach::names_own(p, v))
        })
    }

    /// Whether sentence `s` (with its context) names `metric`. Its `none`
    /// patterns are not tried here: they exclude a figure, not a sentence
    /// (`attach.rs`).
    fn compute(&mut self, doc: &'d Document, s: usize, metric: &Metric) -> bool {
        self.judge(doc, s, metric, false, true).is_ok()
    }

    /// Whether sentence `s` (with its context) names `metric`, and if not,
    /// the first requirement it lacks (`crosscheck why`).
    pub(super) fn verdict(
        &mut self,
        doc: &'d Document,
        s: usize,
        metric: &Metric,
    ) -> Result<(), WindowMiss> {
        self.judge(doc, s, metric, true, true)
    }

    /// `verdict`, with the words of another entity the sentence names only
    /// when `words` (claiming itself needs only the answer); the rule's
    /// `any` words may come from the sentence before when `carry`.
    fn judge(
        &mut self,
        doc: &'d Document,
        s: usize,
        metric: &Metric,
        words: bool,
        carry: bool,
    ) -> Result<(), WindowMiss> {
        let m = &metric.matcher;
        let w = window(s, m.context);
        // each `all` pattern, and one of `any`, must find its literals in
        // the window before it is run
        let prefilter = self.rules.prefilter();
        let hits = self.hits(doc, w);
        let may = |p: &Pattern| prefilter.may_match(hits, p.id());
        let literals: Vec<bool> = m.all.iter().map(may).collect();
        let any_literal_miss = !m.any.is_empty() && !m.any.iter().any(may);
        // each `all` pattern matches the window, or is the unit the sentence
        // before states for figures of this one that have none: "9.3
        // million barrels a day in April. Average production was 9.4
        // million in the first quarter"
        if let Some(i) = m.all.iter().zip(&literals).position(|(r, &literal)| {
            !((literal && self.is_match(doc, w, r))
                || (carry
                    && (self.unit_carried(doc, s, metric, r)
                        || self.subject_carried(doc, s, metric, r))))
        }) {
            return Err(WindowMiss::All(i));
        }
        let any_here = m.any.is_empty()
            || (!any_literal_miss && m.any.iter().any(|r| self.is_match(doc, w, r)));
        if !(any_here
            || (carry && self.continues_metric(doc, s, metric))
            || self.balance_left(doc, s, metric))
        {
            return Err(WindowMiss::Any);
        }
        // A sentence that names another country and not all of the rule's
        // is about something else ("China-US bilateral trade reached ..."),
        // whatever the sentence before it or the article says.
        // A template's other entity in the sentence means another pair or a
        // group, even with this pair named too.
        // (an entity a rule finds anywhere in the article, such as the
        // source of its figures, need not be in the sentence, when one of
        // the rule's own is: "Japan welcomed 21.5 million tourists, more
        // than Thailand's total of 16.69 million")
        let sentence = (s, false);
        let mut named_here = 0;
        let mut names_all = true;
        for e in &m.entities {
            if self.is_match(doc, sentence, &e.regex) {
                named_here += 1;
            } else if !(m.entities_anywhere && self.named_in_article(doc, e)) {
                names_all = false;
            }
        }
        let names_all = names_all && (named_here > 0 || m.entities.is_empty());
        // a sentence that goes on about the subject before it: "It welcomed
        // 21.5 million tourists, far more than Thailand's 16.69 million"
        let mut carried = None;
        let names_all = names_all
            || (named_here == 0
                && *carried.get_or_insert_with(|| self.entities_carried(doc, s, metric)));
        if let Some(o) = m
            .other_entities
            .iter()
            .find(|o| (o.rival || !names_all) && self.is_match(doc, sentence, &o.regex))
        {
            let text: &str = self.text.as_deref().unwrap_or(&doc.text);
            let named = match words {
                true => o
                    .regex
                    .find(&text[range(doc, sentence)])
                    .map_or("", |f| f.as_str())
                    .trim_matches(|c: char| !c.is_alphanumeric()),
                false => "",
            };
            return Err(WindowMiss::OtherEntity(named.to_owned()));
        }
        let refers_back = m.entities_anywhere
            || m.anaphora
                .as_ref()
                .is_some_and(|r| self.is_match(doc, w, r));
        for e in &m.entities {
            if !(self.is_match(doc, w, &e.regex) || (refers_back && self.named_in_article(doc, e)))
            {
                if *carried.get_or_insert_with(|| self.entities_carried(doc, s, metric)) {
                    continue;
                }
                return Err(WindowMiss::Entity(e.name.clone()));
            }
        }
        Ok(())
    }

    /// Whether sentence `s`, whose words lack the rule's `any`, goes on
    /// about what the sentence before it (in its paragraph, or the last of
    /// the paragraph before: "Foreign visitors numbered 42.7 million. ¶
    /// Their spending also set a record, rising to 9.5 trillion yen"; not
    /// across a heading) names with them: "Russia's oil production slipped to about 530 million tonnes
    /// in 2023. In 2022 the country produced 535 million tonnes"; "South
    /// Korea sent the most visitors. It was followed by China with 5.5
    /// million" (the sentence before need not be the rule's: its `any`
    /// words are enough; `s` itself still needs the rest). Not from
    /// further back, and only for a rule whose window is the sentence.
    fn continues_metric(&mut self, doc: &'d Document, s: usize, metric: &Metric) -> bool {
        if metric.matcher.context != Context::Sentence
            || s == 0
            || !follows(doc, s)
            || !(refers_to_subject(doc, s) || refers_to_a_figure(doc, s))
        {
            return false;
        }
        let before = window(s - 1, Context::Sentence);
        metric
            .matcher
            .any
            .iter()
            .any(|r| self.is_match(doc, before, r))
    }

    /// Whether `all` pattern `p` of `metric` (a count in a unit of its own,
    /// such as barrels per day) is the unit of sentence `s`'s figures,
    /// though `s` does not state it: the sentence before, in its paragraph,
    /// states it right after a figure with a scale word ("9.3 million
    /// barrels a day"), and every figure of `s` with a scale word has the
    /// same scale and no unit words of its own ("9.4 million in the first
    /// quarter").
    fn unit_carried(&mut self, doc: &'d Document, s: usize, metric: &Metric, p: &Pattern) -> bool {
        if metric.kind != MetricKind::Count
            || metric.unit.is_none()
            || metric.matcher.context != Context::Sentence
            || s == 0
            || !same_paragraph(doc, s - 1)
        {
            return false;
        }
        let text: &str = self.text.as_deref().unwrap_or(&doc.text);
        let Some(here) = bare_scale(&text[range(doc, (s, false))]) else {
            return false;
        };
        let before = &text[range(doc, (s - 1, false))];
        p.find_iter(before).any(|f| {
            SCALED_BEFORE
                .captures(&before[..f.start()])
                .and_then(|c| c.get(1))
                .is_some_and(|w| scale(w.as_str()) == here)
        })
    }

    /// Whether sentence `s` states a balance its own flows leave ("the EU
    /// exported goods worth €213.3 billion to China, while imports reached
    /// €517.8 billion, leading to a €304.5 billion trade deficit"; "leaving
    /// a deficit of 189.5 billion euros"), whose noun the rule's words
    /// name: the balance between the parties the sentence names, which the
    /// rule's `any` words (a deficit "with China") need not say again. The
    /// rule's entities must still be named.
    fn balance_left(&mut self, doc: &'d Document, s: usize, metric: &Metric) -> bool {
        let m = &metric.matcher;
        if m.any.is_empty() || m.entities.len() < 2 {
            return false;
        }
        let text: &str = self.text.as_deref().unwrap_or(&doc.text);
        let sentence = &text[range(doc, (s, false))];
        let Some(c) = BALANCE_LEFT.captures(sentence) else {
            return false;
        };
        let noun = c.get(1).map_or("", |n| n.as_str());
        m.all.iter().chain(&m.any).any(|r| r.is_match(noun))
    }

    /// Whether `all` pattern `p` of `metric` names what sentence `s`'s bare
    /// subject is of: `s` opens with a noun of the rule's own words and no
    /// words of what it is of ("After a fall in July, output increased … to
    /// 27.45 million bpd"; `bare_subject`), and the subject of the sentence
    /// before it, in its paragraph or at the end of the paragraph before,
    /// is a match of `p` ("Oil production by the members of OPEC rose
    /// slightly in August"): the output is OPEC's. Only for a rule whose
    /// window is the sentence.
    fn subject_carried(
        &mut self,
        doc: &'d Document,
        s: usize,
        metric: &Metric,
        p: &Pattern,
    ) -> bool {
        if metric.matcher.context != Context::Sentence || !follows(doc, s) {
            return false;
        }
        let Some(noun) = bare_subject(doc, s) else {
            return false;
        };
        let m = &metric.matcher;
        if !m.all.iter().chain(&m.any).any(|r| r.is_match(noun)) {
            return false;
        }
        self.texts(doc);
        let text: &str = self.text.as_deref().unwrap_or(&doc.text);
        let view = self.view.as_ref().and_then(|v| v.as_deref());
        let (plain, view) = Self::window_texts(text, view, doc, (s - 1, false));
        [Some(plain), view]
            .into_iter()
            .flatten()
            .any(|t| p.find(t).is_some_and(|f| at_subject(t, f.start())))
    }

    /// The metrics the sentence before `s`, in its paragraph, was found to
    /// name (those the rules tried on it): candidates for `s` too, whose
    /// `any` words may be there (`continues_metric`).
    pub(super) fn named_before(&self, doc: &Document, s: usize) -> Vec<usize> {
        if s == 0 || !follows(doc, s) {
            return Vec::new();
        }
        self.sentences
            .range((s - 1, 0)..(s, 0))
            .filter(|(_, &named)| named)
            .map(|((_, i), _)| *i)
            .collect()
    }

    /// Whether sentence `s`, which names no entity the rule knows, goes on
    /// about the rule's own: the nearest sentence before it (up to three
    /// back, within the article's section) that names any opens with all of
    /// the rule's (its subject) and names no other ("The United States
    /// produced 13.4 million b/d in August. ¶ Output topped that of
    /// December 2023, when the previous record of 13.3 million b/d was
    /// set."); not "OPEC's output rose, though Saudi Arabia cut its own".
    fn entities_carried(&mut self, doc: &'d Document, s: usize, metric: &Metric) -> bool {
        const BACK: usize = 3;
        let m = &metric.matcher;
        let names_any = |memo: &mut Self, k: usize| {
            m.entities
                .iter()
                .map(|e| &e.regex)
                .chain(m.other_entities.iter().map(|o| &o.regex))
                .any(|r| memo.is_match(doc, (k, false), r))
        };
        // a sentence that names another entity goes on about the subject
        // before only when its own subject refers back ("It welcomed …",
        // "In 2022 the country produced …")
        if m.entities.is_empty() || (names_any(self, s) && !refers_to_subject(doc, s)) {
            return false;
        }
        let sentences = doc.sentences();
        for k in (s.saturating_sub(BACK)..s).rev() {
            let gap = doc
                .text
                .get(sentences[k].end..sentences[k + 1].start)
                .unwrap_or("");
            if gap.contains("\n#") {
                return false;
            }
            if names_any(self, k) {
                // an entity the rule finds anywhere in the article (the
                // source of its figures) need not be the subject
                let anywhere: Vec<bool> = m
                    .entities
                    .iter()
                    .map(|e| m.entities_anywhere && self.named_in_article(doc, e))
                    .collect();
                let text: &str = self.text.as_deref().unwrap_or(&doc.text);
                let sentence = &text[range(doc, (k, false))];
                let subject = m.entities.iter().zip(&anywhere).all(|(e, &anywhere)| {
                    anywhere
                        || e.regex
                            .find(sentence)
                            .is_some_and(|f| at_subject(sentence, f.start()))
                });
                let others = m
                    .other_entities
                    .iter()
                    .any(|o| self.is_match(doc, (k, false), &o.regex));
                return subject && !others;
            }
        }
        false
    }

    /// Whether the article (its title, or its body) names entity `e`,
    /// memoized by pattern.
    fn named_in_article(&mut self, doc: &Document, e: &EntityMatcher) -> bool {
        if let Some(&known) = self.article.get(&e.regex.id()) {
            return known;
        }
        let text: &str = self.text.as_deref().unwrap_or(&doc.text);
        let body = &text[doc.body_start..];
        let title = doc
            .meta
            .title
            .as_deref()
            .is_some_and(|t| e.regex.is_match(t));
        let named = title || e.regex.is_match(body);
        self.article.insert(e.regex.id(), named);
        named
    }

    /// The one statistical source of `metric` (index `i`) that the article
    /// names, if exactly one.
    pub(super) fn cited(&mut self, doc: &Document, i: usize, metric: &Metric) -> Option<String> {
        self.cited
            .entry(i)
            .or_insert_with(|| {
                let mut cited = metric
                    .attributions
                    .iter()
                    .filter(|(_, r)| r.is_match(doc.body()));
                match (cited.next(), cited.next()) {
                    (Some((name, _)), None) => Some(name.clone()),
                    _ => None,
                }
            })
            .clone()
    }
}
