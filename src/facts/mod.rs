//! Facts: quantities that a rule claims as a metric, with their period and
//! source. A quantity no rule claims is not a fact. Nothing here formats.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use rust_decimal::Decimal;

mod asides;
mod attach;
mod batches;
mod convert;
mod daily;
mod names;
mod packed;
mod produced_in;
pub mod quote;
mod rewrite;
mod rule_words;
pub mod shard;
mod signs;
pub mod why;
mod window;

use crate::documents::Document;
use crate::extract::{Kind, PeriodBasis, Quantity, Role};
use crate::interval::{Bound, Interval};
use crate::period::{Date, Period};
use crate::rules::{Metric, MetricKind, PeriodRule, RuleSet, Undated};

pub use batches::{FactId, Facts};
use convert::convert;
use quote::Sentences;
pub use quote::{Quote, Quotes, SourceText};
use window::Memo;

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// Front matter `id` (or a JSON Lines record's), when it is not the
    /// file stem (`Source::id`): most are, and a million articles need not
    /// hold each of them twice.
    id: Option<Box<str>>,
    pub published: Option<Date>,
    /// The line of `path` that holds the article when `path` holds one
    /// article a line (JSON Lines), `None` when the file is the article:
    /// `path` and `record` together name the article (a fact's `line` is
    /// then this line too).
    pub record: Option<usize>,
    /// The article's address, when its front matter or page gives one.
    pub url: Option<String>,
    /// The text its facts' quotes are ranges of (`quote.rs`).
    pub text: SourceText,
}

impl Source {
    /// The source's `id` field for `id`, the article's at `path`: none when
    /// it is the file's stem.
    pub(crate) fn own_id(path: &std::path::Path, id: String) -> Option<Box<str>> {
        let stem = path.file_stem().and_then(std::ffi::OsStr::to_str);
        (stem != Some(id.as_str())).then(|| id.into_boxed_str())
    }

    /// Front matter `id`, else the file stem.
    pub fn id(&self) -> &str {
        match &self.id {
            Some(id) => id,
            // the stem is the id, checked to be UTF-8 when it was made
            None => self
                .path
                .file_stem()
                .and_then(std::ffi::OsStr::to_str)
                .unwrap_or(""),
        }
    }

    /// The article for people: its path, and `:LINE` for an article of
    /// JSON Lines.
    pub fn article(&self) -> String {
        match self.record {
            Some(line) => format!("{}:{line}", crate::error::shown(&self.path)),
            None => crate::error::shown(&self.path),
        }
    }
}

/// A claim: a metric's value for a period, as one source states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The metric's id, shared with the rules.
    pub metric: Arc<str>,
    /// `None`: the period is unknown (or the metric has no periods).
    pub period: Option<Period>,
    pub quantity: Quantity,
    /// The metric's unit (a `$` figure claimed by a USD metric is USD):
    /// borrowed from the extractor's codes when it is one of them.
    pub unit: Cow<'static, str>,
    /// Shared by the facts of one document.
    pub source: Arc<Source>,
    /// 1-based line and column of the figure.
    pub line: u32,
    pub column: u32,
    /// The figure's sentence, as a range of the source's text
    /// (`Fact::sentence`).
    pub quote: Quote,
    /// The figure as written ("US$244.8 billion").
    pub surface: Box<str>,
    /// Line of the sentence's start, and the figure's byte range within it.
    pub quote_line: u32,
    pub quote_span: (u32, u32),
    /// What few facts have: a conversion, attributions, a basis (one
    /// pointer for all, so a plain fact carries none of them).
    pub notes: Option<Box<Notes>>,
}

/// The parts of a fact that most facts do not have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// A figure in another currency, converted at the metric's rate: the
    /// quantity holds the converted values.
    pub conversion: Option<Conversion>,
    /// Why the fact is listed but never compared (a currency with no rate).
    pub not_comparable: Option<Box<str>>,
    /// The statistical source the sentence attributes the figure to, by the
    /// rule's name for it (`chinese_customs`).
    pub attribution: Option<Box<str>>,
    /// The sources of the rule's further dimensions of attribution the
    /// sentence names: (dimension, source), in the rule's order.
    pub dimensions: Vec<(String, String)>,
    /// For a change metric: the basis its sentence states ("in yuan
    /// terms"), by the rule's name for it.
    pub basis: Option<Box<str>>,
    /// The metric's approximation slack, when it is not the default one
    /// (`Fact::slack`).
    pub slack: Option<Decimal>,
}

impl Notes {
    /// The notes boxed, or `None` when there are none.
    pub fn boxed(self) -> Option<Box<Notes>> {
        (self != Notes::default()).then(|| Box::new(self))
    }
}

/// How a figure in another currency became the metric's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// The currency as written (`CNY`).
    pub from: String,
    /// The value as written, in `from`.
    pub value: Option<Decimal>,
    /// Metric units per unit of `from`.
    pub rate: Decimal,
    /// A fraction that widens the converted interval.
    pub uncertainty: Decimal,
}

impl Conversion {
    /// `i` widened by the rate's uncertainty, away from zero on both ends.
    fn widen(&self, i: Interval) -> Interval {
        let u = self.uncertainty;
        Interval {
            lo: i.lo.map(|b| Bound {
                value: b.value - b.value.abs() * u,
                ..b
            }),
            hi: i.hi.map(|b| Bound {
                value: b.value + b.value.abs() * u,
                ..b
            }),
        }
    }
}

impl Fact {
    /// How a figure in another currency became the metric's unit.
    pub fn conversion(&self) -> Option<&Conversion> {
        self.notes.as_ref()?.conversion.as_ref()
    }

    /// Why the fact is listed but never compared.
    pub fn not_comparable(&self) -> Option<&str> {
        self.notes.as_ref()?.not_comparable.as_deref()
    }

    /// The statistical source the sentence attributes the figure to.
    pub fn attribution(&self) -> Option<&str> {
        self.notes.as_ref()?.attribution.as_deref()
    }

    /// The sources of the rule's further dimensions of attribution.
    pub fn dimensions(&self) -> &[(String, String)] {
        self.notes.as_ref().map_or(&[], |n| &n.dimensions)
    }

    /// The basis of a change metric's figure.
    pub fn basis(&self) -> Option<&str> {
        self.notes.as_ref()?.basis.as_deref()
    }

    /// The metric's approximation slack, kept for the interval.
    pub fn slack(&self) -> Decimal {
        self.notes
            .as_ref()
            .and_then(|n| n.slack)
            .unwrap_or(crate::extract::DEFAULT_SLACK)
    }

    /// The interval of true values in the metric's unit: the quantity's,
    /// widened by a conversion's uncertainty.
    pub fn interval(&self) -> Interval {
        let i = self.quantity.interval(self.slack());
        self.conversion().map_or(i, |c| c.widen(i))
    }

    /// The interval without rounding (the `exact` tolerance).
    pub fn stated_interval(&self) -> Interval {
        let i = self.quantity.stated_interval(self.slack());
        self.conversion().map_or(i, |c| c.widen(i))
    }

    /// The figure as written in the text ("US$244.8 billion").
    pub fn surface(&self) -> &str {
        &self.surface
    }

    /// The figure's sentence; empty when its article's quotes are to be
    /// read again and are not yet (`quote::fetch`).
    pub fn sentence(&self) -> &str {
        self.source
            .text
            .get()
            .and_then(|t| t.get(self.quote.start as usize..self.quote.end as usize))
            .unwrap_or("")
    }
}

/// `n` as a `u32`, the largest one when it is larger (a line or column
/// past four billion, which no text this tool reads has).
fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The facts of one document: every figure a rule claims (see `attach.rs`
/// for which rule's words a figure is), as a fact of that metric, with
/// their quotes.
pub fn claim(doc: &Document, quantities: &[Quantity], rules: &RuleSet) -> Vec<Fact> {
    claim_with(doc, quantities, rules, Quotes::Held)
}

/// `claim`, keeping the quotes as `quotes` says.
pub fn claim_with(
    doc: &Document,
    quantities: &[Quantity],
    rules: &RuleSet,
    quotes: Quotes,
) -> Vec<Fact> {
    claim_for(&source_of(doc, quotes), doc, quantities, rules)
}

/// How the quotes of `doc` are kept: as `quotes` says, except that standard
/// input, which cannot be read again, always holds them.
fn quotes_of(doc: &Document, quotes: Quotes) -> Quotes {
    if doc.path == std::path::Path::new("-") {
        Quotes::Held
    } else {
        quotes
    }
}

/// The source `doc`'s facts share, its quotes kept as `quotes` says.
pub fn source_of(doc: &Document, quotes: Quotes) -> Arc<Source> {
    Arc::new(Source {
        path: doc.path.clone(),
        id: Source::own_id(&doc.path, doc.id()),
        published: doc.meta.published,
        record: doc.record.as_ref().map(|r| r.line),
        url: doc.meta.url.clone(),
        text: match quotes_of(doc, quotes) {
            Quotes::Held => SourceText::default(),
            Quotes::Fetched => SourceText::fetched(doc.text.len()),
        },
    })
}

/// The facts of `doc`, of `source` (`source_of`).
pub fn claim_for(
    source: &Arc<Source>,
    doc: &Document,
    quantities: &[Quantity],
    rules: &RuleSet,
) -> Vec<Fact> {
    let quotes = if source.text.is_fetched() {
        Quotes::Fetched
    } else {
        Quotes::Held
    };
    // the sentences quoted, gathered when they are held
    let mut gathered = (quotes == Quotes::Held).then(Sentences::default);
    let mut memo = Memo::new(rules);
    let mut facts = Vec::new();
    let quantities = &story_periods(doc, quantities);
    // a negated figure ("did not reach $1 trillion") claims nothing
    let mut by_sentence: BTreeMap<usize, Vec<&Quantity>> = BTreeMap::new();
    for q in quantities
        .iter()
        .filter(|q| q.kind.is_metric() && !q.negated)
    {
        if let Some(s) = doc.sentence_at(q.start) {
            by_sentence.entry(s).or_default().push(q);
        }
    }
    let currencies = Currencies::of(doc, quantities);
    for (s, figures) in &by_sentence {
        for c in sentence_claims(doc, (*s, &currencies), figures, rules, &mut memo, None) {
            let metric = &rules.metrics[c.metric];
            let q = figures[c.figure];
            let place = (*s, gathered.as_mut());
            facts.push(fact(doc, place, q, (c.metric, metric), source, &mut memo));
        }
    }
    // "trade decreased during 2025": a direction with no figure, for the
    // metrics whose changes are checked (only their sign can be), in the
    // sentences where no change figure was claimed for them
    if rules.metrics.iter().any(|m| m.claims_changes) {
        let starts = crate::extract::directions_at(&doc.text);
        for (s, range) in doc.sentences().iter().enumerate() {
            if !starts.iter().any(|at| range.contains(at)) {
                continue;
            }
            let Some(q) =
                crate::extract::direction_without_figure(&doc.text[range.clone()], range.start)
            else {
                continue;
            };
            for (i, metric) in rules.metrics.iter().enumerate() {
                let stated = || {
                    facts.iter().any(|f| {
                        *f.metric == *metric.id
                            && f.quantity.kind == Kind::Change
                            && range.contains(&f.quantity.start)
                    })
                };
                if metric.claims_changes && memo.matches(doc, s, i, metric) && !stated() {
                    let place = (s, gathered.as_mut());
                    facts.push(fact(doc, place, &q, (i, metric), source, &mut memo));
                }
            }
        }
    }
    if let Some(sentences) = gathered {
        source.text.set(sentences.into_text());
    }
    facts
}

/// `quantities`, where an actual figure (or its conversion) with no period
/// of its paragraph
/// takes the period of the story: the period its sentences state most
/// often for actual figures before it (the earliest of those that tie), as
/// in "Japan received 36.9 million visitors in 2024. ¶ South Korea sent the
/// most, 8.8 million.", marked `story`. A past record named on the way
/// ("short of the 31.88 million of 2019") does not become the story's
/// period. Done here, on the whole document, so that extraction stays per
/// paragraph and the same at any chunk size.
fn story_periods<'q>(doc: &Document, quantities: &'q [Quantity]) -> Cow<'q, [Quantity]> {
    // (a conversion has the period of the figure it restates, so it takes
    // the story's with it)
    let wants = |q: &Quantity| {
        q.kind.is_metric()
            && q.period.is_none()
            && matches!(q.role, Role::Actual | Role::Conversion)
            && q.period_basis == PeriodBasis::Stated
    };
    if !quantities.iter().any(wants) {
        return Cow::Borrowed(quantities);
    }
    let mut out = quantities.to_vec();
    // period -> (how many figures state it, the order it was first seen)
    let mut stated: BTreeMap<Period, (usize, usize)> = BTreeMap::new();
    let tell = |stated: &mut BTreeMap<Period, (usize, usize)>, p: Period| {
        let seen = stated.len();
        stated.entry(p).or_insert((0, seen)).0 += 1;
    };
    // the same, of the title and the sentences with no figure, for a story
    // whose figures before have stated none: "OPEC Output Dips in
    // December"; "OPEC's crude production slipped last month." (they speak
    // of plans and next years too, so the figures' periods come first)
    let mut told: BTreeMap<Period, (usize, usize)> = BTreeMap::new();
    // the texts not read for `told` yet, in order: they are read only when
    // a figure asks for the story and the figures have stated none (most
    // stories state a period with their first figure, and then none is)
    let mut untold: Vec<&str> = doc.meta.title.as_deref().into_iter().collect();
    let published = doc.meta.published;
    let sentences = doc.sentences();
    let mut next_sentence = 0;
    let mut last_end = 0;
    for q in &mut out {
        let here = doc.sentence_at(q.start).unwrap_or(next_sentence);
        // the sentences with no figure before this one's, then the figure
        let passed = sentences.get(next_sentence..here).unwrap_or_default();
        let spans = passed.iter().map(|s| (s.clone(), true));
        for (span, is_sentence) in spans.chain([(q.start..q.end, false)]) {
            // a heading starts another story
            if doc
                .text
                .get(last_end..span.start)
                .is_some_and(|t| t.contains("\n#"))
            {
                stated.clear();
                told.clear();
                untold.clear();
            }
            last_end = span.end;
            if is_sentence {
                untold.extend(doc.text.get(span));
            }
        }
        next_sentence = next_sentence.max(here + 1);
        if wants(q) {
            if stated.is_empty() {
                for text in untold.drain(..) {
                    if let Some(p) = crate::extract::period_told(text, published) {
                        tell(&mut told, p);
                    }
                }
            }
            let story = if stated.is_empty() { &told } else { &stated };
            let story = story
                .iter()
                .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
                .map(|(p, _)| *p);
            if let Some(period) = story {
                q.period = Some(period);
                q.period_basis = PeriodBasis::Story;
            }
        } else if q.kind.is_metric() && q.role == Role::Actual {
            match (q.period, q.period_basis) {
                (Some(p), PeriodBasis::Stated) => tell(&mut stated, p),
                // "35.3 million visited from Jan 1 to Dec 29. ¶ Chinese
                // visitors numbered 6.70 million": the story is now of those
                // days, no period, not of the year before them
                (None, PeriodBasis::Short) => stated.clear(),
                _ => {}
            }
        }
    }
    Cow::Owned(out)
}

/// The claims that stand on the figures of sentence `s`: levels and stated
/// changes are weighed apart (a change is never a level's rival). With a
/// `trace`, every metric is tried and what became of each figure for each
/// is recorded there (`crosscheck why`).
fn sentence_claims<'d>(
    doc: &'d Document,
    (s, currencies): (usize, &Currencies),
    figures: &[&Quantity],
    rules: &RuleSet,
    memo: &mut Memo<'d>,
    mut trace: Option<&mut why::Trace>,
) -> Vec<attach::Candidate> {
    let range = doc.sentences()[s].clone();
    let mut candidates = Vec::new();
    // a figure in a currency some rule counts in is that rule family's: a
    // rule in another currency claims it only with a rate to convert it
    let own_currency = |metric: &Metric, q: &Quantity| {
        q.kind != Kind::Money
            || metric.unit.as_deref() == Some(q.unit)
            || !rules.units.contains(q.unit)
            || metric.rates.iter().any(|r| r.from == q.unit)
    };
    // "the deficit was 291 billion" after "€304.5 billion": an amount in
    // millions or more with no currency, in a sentence that states money
    // in the metric's currency or after one that does, is in that currency
    let accepts = |metric: &Metric, q: &Quantity| {
        metric.accepts(q.kind, q.unit)
            || (metric.kind == MetricKind::Money
                && q.kind == Kind::Number
                && q.unit == "count"
                && scaled(doc, q)
                && metric
                    .unit
                    .as_deref()
                    .is_some_and(|u| currencies.stated_near(s, u)))
    };
    // a conversion restates the figure before it: it takes that figure's
    // metrics below, and competes for none
    let own = |i: &usize| figures[*i].role != Role::Conversion;
    // a list read "respectively", found once a sentence
    let mut lists: Option<attach::Respectively> = None;
    // words that refer back to the subject before ("It welcomed …"),
    // found once a sentence
    let mut referent: Option<Option<window::Referent>> = None;
    // the matches of each pattern in the sentence, found once
    let mut found: Option<attach::Found> = None;
    // only the metrics whose literals the window holds (`rules/prefilter.rs`)
    let metrics = match trace {
        Some(_) => (0..rules.metrics.len()).collect(),
        None => {
            let mut metrics = memo.candidates(doc, s);
            metrics.extend(memo.named_before(doc, s));
            metrics.sort_unstable();
            metrics.dedup();
            metrics
        }
    };
    for m in metrics {
        let Some(metric) = rules.metrics.get(m) else {
            continue;
        };
        if let Some(t) = trace.as_deref_mut() {
            for (i, q) in figures.iter().enumerate() {
                if !own(&i) {
                    t.set(i, m, why::Verdict::Conversion);
                } else if !accepts(metric, q) {
                    t.set(i, m, why::Verdict::NotItsKind);
                } else if !own_currency(metric, q) {
                    t.set(i, m, why::Verdict::OtherCurrency);
                }
            }
        }
        let (changes, levels): (Vec<usize>, Vec<usize>) = (0..figures.len())
            .filter(own)
            .filter(|&i| accepts(metric, figures[i]))
            .filter(|&i| own_currency(metric, figures[i]))
            .partition(|&i| figures[i].kind == Kind::Change);
        if changes.is_empty() && levels.is_empty() {
            continue;
        }
        if !memo.matches(doc, s, m, metric) {
            if let Some(t) = trace.as_deref_mut() {
                let miss = memo.verdict(doc, s, metric).err();
                for &i in changes.iter().chain(&levels) {
                    t.set(i, m, why::Verdict::Window(miss.clone()));
                }
            }
            continue;
        }
        let found = found.get_or_insert_with(|| {
            attach::Found::new(rules.prefilter(), memo.sentence_hits(doc, s))
        });
        let (text, view) = memo.texts(doc);
        let sentence = &text[range.clone()];
        let named = view.map(|v| &v[range.clone()]).filter(|v| *v != sentence);
        let lists =
            lists.get_or_insert_with(|| attach::Respectively::of(sentence, range.start, figures));
        let referent = referent
            .get_or_insert_with(|| window::referent(doc, s, (text, view)))
            .as_ref();
        // (a group with no figure has nothing to claim: its words are not
        // looked for)
        for accepted in [levels, changes].into_iter().filter(|a| !a.is_empty()) {
            let mut rejected = trace.as_ref().map(|_| Vec::new());
            candidates.extend(attach::candidates(
                (sentence, named, &mut *found),
                range.start,
                figures,
                &accepted,
                (lists, referent),
                (m, metric),
                rejected.as_mut(),
            ));
            if let Some(t) = trace.as_deref_mut() {
                for (i, r) in rejected.unwrap_or_default() {
                    t.set(i, m, why::Verdict::Rejected(r));
                }
            }
        }
    }
    let weighed = trace.as_ref().map(|_| candidates.clone());
    let mut claims = attach::resolve(candidates);
    if let (Some(t), Some(weighed)) = (trace.as_deref_mut(), weighed) {
        for c in &weighed {
            let stands = |k: &attach::Candidate| k.figure == c.figure && k.metric == c.metric;
            let verdict = if claims.iter().any(stands) {
                why::Verdict::Claimed
            } else {
                let by = claims
                    .iter()
                    .find(|k| k.figure == c.figure)
                    .map(|k| rules.metrics[k.metric].id.to_string());
                why::Verdict::Outranked(by.unwrap_or_default())
            };
            t.set(c.figure, c.metric, verdict);
        }
    }
    for (c, q) in figures.iter().enumerate() {
        if q.role != Role::Conversion {
            continue;
        }
        let Some(original) = converted_index(figures, c) else {
            continue;
        };
        let of: Vec<usize> = claims
            .iter()
            .filter(|k| k.figure == original)
            .map(|k| k.metric)
            .collect();
        if let Some(t) = trace.as_deref_mut() {
            for &m in &of {
                t.set(c, m, why::Verdict::Claimed);
            }
        }
        claims.extend(of.into_iter().map(|m| attach::Candidate::conversion(c, m)));
    }
    // facts in the order of the figures, then of the rules
    claims.sort_by_key(|c| (figures[c.figure].start, c.metric));
    claims
}

/// Whether figure `q` is written with a scale word ("291 billion", "5bn"):
/// an amount, where a bare number may be anything.
fn scaled(doc: &Document, q: &Quantity) -> bool {
    let written = doc.text.get(q.start..q.end).unwrap_or("");
    written
        .split(|c: char| !c.is_alphabetic())
        .any(|w| crate::extract::scale_word(w, false).is_some_and(|e| e >= 6))
}

/// The currencies of the money figures of each sentence of a document.
struct Currencies(BTreeMap<usize, Vec<&'static str>>);

impl Currencies {
    fn of(doc: &Document, quantities: &[Quantity]) -> Self {
        let mut by_sentence: BTreeMap<usize, Vec<&'static str>> = BTreeMap::new();
        for q in quantities.iter().filter(|q| q.kind == Kind::Money) {
            if let Some(s) = doc.sentence_at(q.start) {
                by_sentence.entry(s).or_default().push(q.unit);
            }
        }
        Currencies(by_sentence)
    }

    /// Whether money in currency `want` is stated in sentence `s` or the
    /// two before it.
    fn stated_near(&self, s: usize, want: &str) -> bool {
        self.0
            .range(s.saturating_sub(2)..=s)
            .flat_map(|(_, units)| units)
            .any(|u| crate::rules::in_currency(u, want))
    }
}

/// The index of the figure that conversion `figures[c]` restates: the
/// money figure before it.
fn converted_index(figures: &[&Quantity], c: usize) -> Option<usize> {
    (0..c).rev().find(|&i| figures[i].kind == Kind::Money)
}

/// The fact of figure `q` of sentence `s`; its quote is a range of the
/// document's gathered `sentences` when they are held, else of its text.
fn fact(
    doc: &Document,
    (s, sentences): (usize, Option<&mut Sentences>),
    q: &Quantity,
    (i, metric): (usize, &Metric),
    source: &Arc<Source>,
    memo: &mut Memo,
) -> Fact {
    let sentence = doc.sentences()[s].clone();
    let quote = &doc.text[sentence.clone()];
    let (line, column) = doc.locate(q.start);
    // the fact's own copy of the figure, with what the rule's words add
    let mut q = q.clone();
    (q.period, q.period_basis) = rule_words::phrase_period(&q, metric, quote);
    q.role = rule_words::role(doc, &q, metric, sentence.clone());
    let period = match metric.period {
        PeriodRule::None => None,
        // a part-year figure ("January–October 2025") keeps its months: it is
        // compared only with figures for the same months
        // a year carried from an earlier sentence yields to the rule's
        // `undated: published-year`: its figures are present-tense claims
        // ("ranks as China's fifth largest partner"); months carried stay,
        // the figures are of the months the paragraph reports ("in the
        // first half … China remains the largest source of imports,
        // accounting for 21.0%")
        PeriodRule::Year => match (q.period, q.period_basis, metric.undated) {
            (Some(p), PeriodBasis::Carried, Undated::PublishedYear) if p.months.is_none() => {
                source.published.map(|d| Period::year(d.year))
            }
            (None, _, Undated::PublishedYear) => source.published.map(|d| Period::year(d.year)),
            (period, _, _) => period,
        },
    };
    // a bare amount a money metric claims is in the metric's currency
    if metric.kind == MetricKind::Money && q.kind == Kind::Number {
        if let Some(code) = metric
            .unit
            .as_deref()
            .and_then(|u| crate::extract::currency::CODES.iter().find(|c| **c == u))
        {
            q.kind = Kind::Money;
            q.unit = code;
        }
    }
    let (quantity, conversion, not_comparable) = convert(q, metric, period);
    // a stated change keeps its own unit ("fell 9%" is in percent), and so
    // does a figure in a currency with no rate (a converted figure keeps
    // the currency it was written in as its quantity's unit)
    let unit: Cow<'static, str> = match (quantity.kind, &metric.unit) {
        (Kind::Change, _) | (_, None) => Cow::Borrowed(quantity.unit),
        _ if not_comparable.is_some() => Cow::Borrowed(quantity.unit),
        (_, Some(u)) if u == quantity.unit => Cow::Borrowed(quantity.unit),
        (_, Some(u)) => match crate::extract::currency::CODES.iter().find(|c| **c == u) {
            Some(code) => Cow::Borrowed(code),
            None => Cow::Owned(u.clone()),
        },
    };
    // the source the sentence names; else the one source the article names
    let attribution = match metric.attributions.iter().find(|(_, r)| r.is_match(quote)) {
        Some((name, _)) => Some(name.clone()),
        None => memo.cited(doc, i, metric),
    };
    Fact {
        notes: Notes {
            conversion,
            not_comparable: not_comparable.map(String::into_boxed_str),
            attribution: attribution.map(String::into_boxed_str),
            dimensions: rule_words::dimensions(metric, quote),
            basis: rule_words::basis(metric, quote).map(String::into_boxed_str),
            slack: (metric.slack != crate::extract::DEFAULT_SLACK).then_some(metric.slack),
        }
        .boxed(),
        unit,
        metric: Arc::clone(&metric.key),
        period,
        source: Arc::clone(source),
        line: saturating_u32(line),
        column: saturating_u32(column),
        quote: match sentences {
            Some(sentences) => sentences.add(doc, s, sentence.clone()),
            None => Quote {
                start: saturating_u32(sentence.start),
                end: saturating_u32(sentence.end),
            },
        },
        surface: doc
            .text
            .get(quantity.start..quantity.end.min(sentence.end))
            .unwrap_or("")
            .into(),
        quote_line: saturating_u32(doc.locate(sentence.start).0),
        // a figure starts in its sentence (sentence_at); clamp its end so a
        // span never reaches past the quote
        quote_span: (
            saturating_u32(quantity.start - sentence.start),
            saturating_u32(quantity.end.min(sentence.end) - sentence.start),
        ),
        quantity,
    }
}

/// The first metric figure of `text`, as a fact of metric `m.x` from a
/// source at `path`: for the engine's tests.
#[cfg(test)]
pub(crate) fn test_fact(path: &str, text: &str) -> Fact {
    let doc = Document::from_body(path, text, None);
    let q = crate::extract::extract(&doc)
        .into_iter()
        .find(|q| q.kind.is_metric())
        .expect("a figure in the test's text");
    Fact {
        metric: "m.x".into(),
        period: None,
        unit: q.unit.into(),
        source: Arc::new(Source {
            path: path.into(),
            id: Source::own_id(std::path::Path::new(path), path.into()),
            published: None,
            record: None,
            url: None,
            text: SourceText::held(Arc::from(text)),
        }),
        line: 1,
        column: 1,
        quote: Quote {
            start: 0,
            end: saturating_u32(text.len()),
        },
        surface: text.get(q.start..q.end).unwrap_or("").into(),
        quote_line: 1,
        quote_span: (saturating_u32(q.start), saturating_u32(q.end)),
        quantity: q,
        notes: None,
    }
}

#[cfg(test)]
mod size {
    /// The goal for a fact in memory (issue 13): 300 bytes at most,
    /// its own heap aside.
    #[test]
    fn a_fact_takes_at_most_300_bytes() {
        let size = std::mem::size_of::<super::Fact>();
        assert!(size <= 300, "a Fact takes {size} bytes");
        // what it takes today: a larger fact is a choice made on purpose
        assert!(size <= 256, "a Fact takes {size} bytes, more than 256");
    }

    #[test]
    fn a_source_holds_its_id_only_when_it_is_not_the_file_stem() {
        use std::path::Path;
        let stem = super::Source::own_id(Path::new("news/2024/a-b.md"), "a-b".into());
        assert_eq!(stem, None);
        let own = super::Source::own_id(Path::new("news/2024/a-b.md"), "story-7".into());
        assert_eq!(own.as_deref(), Some("story-7"));
        // a record of JSON Lines: its id, or the file's path and line
        let line = super::Source::own_id(Path::new("archive.jsonl"), "archive.jsonl:3".into());
        assert_eq!(line.as_deref(), Some("archive.jsonl:3"));
        let fact = super::test_fact("news/a-b.md", "5 tonnes");
        assert_eq!(fact.source.id(), "news/a-b.md");
        let doc = crate::documents::Document::from_body("news/a-b.md", "5 tonnes", None);
        let source = super::source_of(&doc, super::Quotes::Fetched);
        assert_eq!((source.id(), source.id.is_none()), ("a-b", true));
    }
}
