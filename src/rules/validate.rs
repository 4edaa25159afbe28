//! Raw YAML to validated rules: compile regexes, resolve entity names, parse
//! tolerances and examples. Every error of every file is collected, each with
//! `file:line:column`, the metric id and the key.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::locate::Locator;
use super::schema::{
    RawAttribution, RawCheck, RawEntity, RawExpect, RawExpected, RawFile, RawMatch, RawMetric,
    RawPairs, RawScalar,
};
use super::{
    Check, CheckRule, Context, Dimension, EntityMatcher, Example, Expected, Matcher, Metric,
    MetricKind, OtherEntity, Pattern, PeriodRule, Rate, RoleCues, RuleSet, Severity, Tolerance,
    Undated,
};
use crate::error::{Error, Errors, Location};
use crate::period::{Date, Period};

/// ISO 4217 codes a money metric may name: every code the extractor reads,
/// so a rule can name any currency a figure can be in.
const UNITS: &[&str] = crate::extract::CURRENCY_CODES;

struct Source {
    path: PathBuf,
    text: String,
    raw: RawFile,
}

/// The patterns of a load, each checked once: a pattern written again (by
/// another metric of a template, another rule naming the same entity, a
/// YAML anchor) is the copy already made.
#[derive(Default)]
struct Interner {
    /// Pattern source (with its flags, `(?i)` included) -> the one copy.
    by_source: foldhash::HashMap<String, Pattern>,
    /// The distinct patterns, by id.
    list: Vec<Pattern>,
    /// By pattern id: what every match contains (`prefilter::required`).
    literals: Vec<super::prefilter::Requirements>,
}

impl Interner {
    /// The pattern of `source`, its syntax checked as `Regex::new` checks
    /// it (the same parser and settings, so the same error text); it is
    /// compiled when first matched.
    fn compile(&mut self, source: String) -> Result<Pattern, regex::Error> {
        if let Some(p) = self.by_source.get(&source) {
            return Ok(p.clone());
        }
        let hir = regex_syntax::Parser::new()
            .parse(&source)
            .map_err(|e| regex::Error::Syntax(syntax_error(&source, &e)))?;
        let pattern = if may_be_large(&hir) {
            // compiled now, as every pattern was before, so that a pattern
            // past the regex crate's size limit is still an error here
            let regex = regex::Regex::new(&source)?;
            Pattern::compiled(source.clone(), self.list.len(), regex)
        } else {
            Pattern::new(source.clone(), self.list.len())
        };
        self.literals.push(super::prefilter::required(&hir));
        self.list.push(pattern.clone());
        self.by_source.insert(source, pattern.clone());
        Ok(pattern)
    }
}

/// Patterns longer than this are shown shortened in errors: a message
/// that echoed a 2.7 MB pattern was 2.3 MB long.
const SHOWN_PATTERN: usize = 200;

/// `pattern` as an error shows it: whole when short, else its start and
/// its length.
fn shown_pattern(pattern: &str) -> String {
    if pattern.len() <= SHOWN_PATTERN {
        return pattern.to_string();
    }
    let start: String = pattern.chars().take(60).collect();
    format!("{start}… ({} bytes)", pattern.len())
}

/// A syntax error of `source`: as the regex crate words it for a short
/// pattern (which it quotes whole, with a caret), else its kind, the byte
/// it is at and the text around it.
fn syntax_error(source: &str, e: &regex_syntax::Error) -> String {
    if source.len() <= SHOWN_PATTERN {
        return e.to_string();
    }
    let (kind, at) = match e {
        regex_syntax::Error::Parse(p) => (p.kind().to_string(), p.span().start.offset),
        regex_syntax::Error::Translate(t) => (t.kind().to_string(), t.span().start.offset),
        other => (other.to_string(), 0),
    };
    // 20 bytes either side, widened to whole characters
    let mut from = at.saturating_sub(20).min(source.len());
    while !source.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = at.saturating_add(20).min(source.len());
    while !source.is_char_boundary(to) {
        to += 1;
    }
    // the byte of the pattern as written: the `(?i)` put before a rule's
    // pattern to match in any case is not the rule's
    let written = at.saturating_sub(if source.starts_with("(?i)") { 4 } else { 0 });
    format!("{kind} at byte {written} (near `{}`)", &source[from..to])
}

/// Whether a pattern may come near the regex crate's limit on the size of
/// a compiled program (10 MB), by an estimate of its states from its
/// syntax: the states of its classes' UTF-8 sequences and its literals'
/// bytes, times their repetitions. Measured on patterns built to reach the
/// limit (`\w{209}`, `(?i)[a-z]{34492}`, 27,306 case-insensitive classes,
/// 34,043 case-insensitive words, 42,347 groups), the estimate at the limit
/// is 275,000 states or more; the largest pattern of the shipped rules and
/// the held-out corpora is estimated at 275,000 too (asia-tourism), most
/// are below 35,000. Above 100,000, a pattern is compiled at load.
fn may_be_large(hir: &regex_syntax::hir::Hir) -> bool {
    states(hir) > 100_000
}

/// An estimate of the states of `hir`'s compiled program (see
/// `may_be_large`).
fn states(hir: &regex_syntax::hir::Hir) -> u64 {
    use regex_syntax::hir::{Class, HirKind};
    let n = |x: usize| u64::try_from(x).unwrap_or(u64::MAX);
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(l) => n(l.0.len()),
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .map(|r| {
                regex_syntax::utf8::Utf8Sequences::new(r.start(), r.end())
                    .map(|s| n(s.len()))
                    .fold(0, u64::saturating_add)
            })
            .fold(1, u64::saturating_add),
        HirKind::Class(Class::Bytes(_)) => 1,
        HirKind::Capture(c) => states(&c.sub).saturating_add(2),
        HirKind::Repetition(r) => {
            let times = r.max.unwrap_or(r.min).max(r.min).max(1);
            states(&r.sub)
                .saturating_mul(u64::from(times))
                .saturating_add(2)
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs
            .iter()
            .map(states)
            .fold(n(subs.len()), u64::saturating_add),
    }
}

pub(super) fn load_files(files: &[PathBuf]) -> Result<RuleSet, Errors> {
    let mut errors = Errors::default();
    let mut sources = Vec::new();
    for path in files {
        let text = match crate::files::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(Error::io(path, e));
                continue;
            }
        };
        let raw: RawFile = if text.trim().is_empty() {
            RawFile::default()
        } else {
            let (raw, problems) = crate::yaml::parse_all(path, &text, 1);
            for e in problems {
                errors.push(as_rule_error(e));
            }
            match raw {
                Some(raw) => raw,
                None => continue,
            }
        };
        sources.push(Source {
            path: path.clone(),
            text,
            raw,
        });
    }
    let (entities, names) = collect_entities(&mut sources, &mut errors);
    let mut patterns = Interner::default();
    let mut metrics: Vec<Metric> = Vec::new();
    let mut seen: BTreeMap<String, Location> = BTreeMap::new();
    for source in &mut sources {
        for mut raw in std::mem::take(&mut source.raw.metrics) {
            let id = raw.id.clone();
            let at = Locator {
                path: &source.path,
                text: &source.text,
                id: &id,
            };
            let expanded = match raw.pairs.take() {
                None => vec![(raw, None)],
                Some(pairs) => expand(&raw, &pairs, &names, &at, &mut errors)
                    .into_iter()
                    .map(|m| (m, Some(id.clone())))
                    .collect(),
            };
            for (raw, template) in expanded {
                if let Some(first) = seen.get(&raw.id) {
                    let which = match &template {
                        Some(_) => format!(" `{}` (from this template)", raw.id),
                        None => String::new(),
                    };
                    errors.push(at.error(
                        "id",
                        format!("duplicate metric id{which}; first defined at {first}"),
                    ));
                    continue;
                }
                seen.insert(raw.id.clone(), at.key("id"));
                if let Some(mut metric) = metric(raw, &entities, &mut patterns, &at, &mut errors) {
                    metric.template = template;
                    metrics.push(metric);
                }
            }
        }
    }
    let mut checks = Vec::new();
    let mut check_ids: BTreeMap<String, Location> = BTreeMap::new();
    for source in &mut sources {
        for raw in std::mem::take(&mut source.raw.checks) {
            let at = Locator {
                path: &source.path,
                text: &source.text,
                id: &raw.id,
            };
            if let Some(first) = check_ids.get(&raw.id) {
                errors.push(at.error(
                    "id",
                    format!("duplicate check id; first defined at {first}"),
                ));
                continue;
            }
            check_ids.insert(raw.id.clone(), at.key("id"));
            if let Some(c) = check(&raw, &metrics, &at, &mut errors) {
                checks.push(c);
            }
        }
    }
    for c in &checks {
        if let CheckRule::Change { metric } = &c.rule {
            if let Some(m) = metrics.iter_mut().find(|m| &m.id == metric) {
                m.claims_changes = true;
            }
        }
    }
    let rules = RuleSet::new(metrics, checks, patterns.list, &patterns.literals);
    // a change metric's `of` names a metric of the set
    for m in &rules.metrics {
        let Some(of) = &m.change_of else { continue };
        if rules.metric(of).is_none() {
            let hint = crate::yaml::closest(of, rules.metrics.iter().map(|l| l.id.as_str()))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            errors.push(Error::Rule {
                location: m.location.clone(),
                message: format!("`of`: unknown metric `{of}`{hint} (in metric `{}`)", m.id),
            });
        }
    }
    errors.into_result(rules)
}

/// A check across metrics: one rule, naming metrics that exist.
fn check(raw: &RawCheck, metrics: &[Metric], at: &Locator, errors: &mut Errors) -> Option<Check> {
    let before = errors.0.len();
    if !valid_id(&raw.id) {
        errors.push(
            at.error(
                "id",
                "check ids are dotted lowercase words, like `tourism.china_to_russia.within_trips`"
                    .into(),
            ),
        );
    }
    let rules: Vec<CheckRule> = [
        raw.part_of.as_ref().map(|p| CheckRule::PartOf {
            part: p.part.clone(),
            whole: p.whole.clone(),
        }),
        raw.sum.as_ref().map(|s| CheckRule::Sum {
            parts: s.parts.clone(),
            total: s.total.clone(),
        }),
        raw.change.as_ref().map(|c| CheckRule::Change {
            metric: c.metric.clone(),
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    let [rule] = rules.as_slice() else {
        errors.push(at.error(
            "id",
            format!(
                "a check has exactly one of `part_of`, `sum` and `change`; this one has {}",
                rules.len()
            ),
        ));
        return None;
    };
    let named: Vec<&String> = match rule {
        CheckRule::PartOf { part, whole } => vec![part, whole],
        CheckRule::Sum { parts, total } => parts.iter().chain([total]).collect(),
        CheckRule::Change { metric } => vec![metric],
    };
    for id in &named {
        if !metrics.iter().any(|m| &m.id == *id) {
            let hint = crate::yaml::closest(id, metrics.iter().map(|m| m.id.as_str()))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            errors.push(at.error_at(id, format!("unknown metric `{id}`{hint}")));
        }
    }
    if let CheckRule::Sum { parts, .. } = rule {
        if parts.len() < 2 {
            errors.push(at.error("parts", "a sum needs at least two parts".into()));
        }
    }
    // a part and its whole, or parts and their total, are in one unit
    if let CheckRule::PartOf { .. } | CheckRule::Sum { .. } = rule {
        let units: Vec<(MetricKind, Option<&String>, &String)> = named
            .iter()
            .filter_map(|id| metrics.iter().find(|m| &m.id == *id))
            .map(|m| (m.kind, m.unit.as_ref(), &m.id))
            .collect();
        if let Some((kind, unit, first)) = units.first() {
            if let Some((_, _, other)) = units.iter().find(|(k, u, _)| k != kind || u != unit) {
                errors.push(at.error_at(
                    other,
                    format!("`{first}` and `{other}` are not in the same unit: they cannot be added or compared"),
                ));
            }
        }
    }
    let severity = raw
        .severity
        .parse::<Severity>()
        .map_err(|m| errors.push(at.error("severity", m)));
    if errors.0.len() > before {
        return None;
    }
    Some(Check {
        id: raw.id.clone(),
        description: raw.description.clone(),
        rule: rule.clone(),
        severity: severity.ok()?,
        location: at.key("id"),
    })
}

/// serde's errors come back as input errors; in a rule file they are rule errors.
fn as_rule_error(e: Error) -> Error {
    match e {
        Error::Input { location, message } => Error::Rule { location, message },
        other => other,
    }
}

/// Entity name -> one regex over its names and demonyms, and one with its
/// metonyms too.
type Entities = BTreeMap<String, (String, String)>;

/// Entity name -> the name it is shown by (its first `names` entry), and a
/// pattern of all its names and demonyms as whole words, for templates.
type Names = BTreeMap<String, (String, String)>;

/// The metrics of a template (`pairs:`), one per pair, with `{pair}`, `{a}`,
/// `{b}` (entity names) and `{A}`, `{B}` (shown names) filled in in the id
/// and description, `{a}`/`{b}` in `match.entities`, and `{A}`/`{B}` in the
/// patterns (as the entity's names and demonyms). The examples stay with the
/// first metric.
fn expand(
    raw: &RawMetric,
    pairs: &RawPairs,
    names: &Names,
    at: &Locator,
    errors: &mut Errors,
) -> Vec<RawMetric> {
    let before = errors.0.len();
    for e in &pairs.of {
        if !names.contains_key(e) {
            let known: Vec<&str> = names.keys().map(String::as_str).collect();
            errors.push(at.error_at(
                e,
                format!(
                    "`pairs.of`: unknown entity `{e}`; known: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    let mut of: Vec<&String> = pairs.of.iter().collect();
    of.sort();
    of.dedup();
    if of.len() < 2 {
        errors.push(at.error("pairs", "`pairs.of` needs at least two entities".into()));
    }
    let named = raw.id.contains("{pair}") || (raw.id.contains("{a}") && raw.id.contains("{b}"));
    if !named {
        errors.push(at.error(
            "id",
            "a template's id names its pair with `{pair}`, or `{a}` and `{b}`".into(),
        ));
    }
    if errors.0.len() > before {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, a) in of.iter().enumerate() {
        for (j, b) in of.iter().enumerate() {
            let keep = if pairs.ordered { i != j } else { i < j };
            if keep {
                out.push(one_pair(raw, &of, (a, b), names, out.is_empty()));
            }
        }
    }
    out
}

fn one_pair(
    raw: &RawMetric,
    of: &[&String],
    (a, b): (&str, &str),
    names: &Names,
    first: bool,
) -> RawMetric {
    let shown = |e: &str| names.get(e).map_or_else(|| e.to_string(), |n| n.0.clone());
    let plain = |s: &str| {
        s.replace("{pair}", &format!("{a}_{b}"))
            .replace("{a}", a)
            .replace("{b}", b)
            .replace("{A}", &shown(a))
            .replace("{B}", &shown(b))
    };
    // in patterns, an entity is any of its names and demonyms, matched with
    // their case (patterns are otherwise case-insensitive: "US" is no "us")
    let any_name = |e: &str| {
        let p = names
            .get(e)
            .map_or_else(|| regex::escape(&shown(e)), |n| n.1.clone());
        format!("(?-i:{p})")
    };
    let pattern = |s: &String| s.replace("{A}", &any_name(a)).replace("{B}", &any_name(b));
    let mut m = raw.clone();
    m.id = plain(&raw.id);
    m.description = plain(&raw.description);
    m.matcher.entities = raw.matcher.entities.iter().map(|e| plain(e)).collect();
    m.matcher.all = raw.matcher.all.iter().map(pattern).collect();
    m.matcher.any = raw.matcher.any.iter().map(pattern).collect();
    m.matcher.none = raw.matcher.none.iter().map(pattern).collect();
    m.matcher.anaphora = raw.matcher.anaphora.as_ref().map(pattern);
    m.matcher.rivals = of
        .iter()
        .filter(|e| e.as_str() != a && e.as_str() != b)
        .map(|e| (*e).clone())
        .collect();
    if !first {
        m.examples.clear();
    }
    m
}

fn collect_entities(sources: &mut [Source], errors: &mut Errors) -> (Entities, Names) {
    let mut out = Entities::new();
    let mut names = Names::new();
    for source in sources.iter_mut() {
        for (name, raw) in std::mem::take(&mut source.raw.entities) {
            let at = Locator {
                path: &source.path,
                text: &source.text,
                id: "",
            };
            if out.contains_key(&name) {
                errors.push(at.error_at(
                    &format!("{name}:"),
                    format!("entity `{name}` is defined twice"),
                ));
                continue;
            }
            if raw.names.is_empty() {
                errors.push(at.error_at(
                    &format!("{name}:"),
                    format!("entity `{name}` has no `names`"),
                ));
                continue;
            }
            let shown = raw.names.first().cloned().unwrap_or_else(|| name.clone());
            names.insert(name.clone(), (shown, words_pattern(&raw)));
            out.insert(name, entity_patterns(&raw));
        }
    }
    (out, names)
}

/// All names and demonyms as whole words, consuming nothing around them:
/// what `{A}` stands for in a template's patterns.
fn words_pattern(raw: &RawEntity) -> String {
    alternation(raw.names.iter().chain(&raw.demonyms), End::Boundary)
}

/// What follows a name that ends in a word character.
#[derive(Clone, Copy)]
enum End {
    /// A word boundary: what `{A}` stands for in a template's patterns.
    Boundary,
    /// Anything but a word character or `$`, when entities are found, so
    /// that "US" does not match "US$244.8 billion".
    NotBeforeDollar,
}

/// The patterns entities are found by: names and demonyms, and those with
/// the metonyms too.
fn entity_patterns(raw: &RawEntity) -> (String, String) {
    let signs: Vec<String> = raw
        .names
        .iter()
        .chain(&raw.demonyms)
        .flat_map(|n| currency_signs(n))
        .map(|s| (*s).to_owned())
        .collect();
    let plain = raw.names.iter().chain(&raw.demonyms).chain(&signs);
    (
        alternation(plain.clone(), End::NotBeforeDollar),
        alternation(plain.chain(&raw.metonyms), End::NotBeforeDollar),
    )
}

/// The sign and code a currency named in words is also written with: an
/// entity named by its currency ("yen" for Japan's figures) is named by
/// "¥8 trillion" and "JPY" too. "¥" is the yen's here; the yuan keeps its
/// codes.
fn currency_signs(name: &str) -> &'static [&'static str] {
    match name.to_lowercase().as_str() {
        "yen" => &["¥", "JPY"],
        "yuan" | "renminbi" => &["CNY", "RMB"],
        "baht" => &["฿", "THB"],
        "euro" | "euros" => &["€", "EUR"],
        "rupee" | "rupees" => &["₹", "INR"],
        "rouble" | "roubles" | "ruble" | "rubles" => &["₽", "RUB"],
        "won" => &["₩", "KRW"],
        "sterling" => &["£", "GBP"],
        _ => &[],
    }
}

/// The names as whole words, longest first (so "Russian Federation" wins
/// over "Russia"), `end` after a name that ends in a word character.
fn alternation<'a>(names: impl Iterator<Item = &'a String>, end: End) -> String {
    let mut names: Vec<&String> = names.collect();
    names.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let parts: Vec<String> = names.iter().map(|w| whole_name(w, end)).collect();
    format!("(?:{})", parts.join("|"))
}

/// A name as a whole word: a word boundary before it where it starts with a
/// letter, `end` after it where it ends with one ("U.S." ends with a full
/// stop and takes neither).
///
/// Beside an ASCII letter or digit the boundary is an ASCII one: it is the
/// same there but for a letter outside ASCII right against the name
/// ("Chinaé"), and it keeps the search in the regex crate's fast DFA on
/// text with curly quotes or dashes, where a Unicode boundary makes it fall
/// back to slower engines.
fn whole_name(name: &str, end: End) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let boundary = |c: Option<char>| match c {
        Some(c) if c.is_ascii_alphanumeric() || c == '_' => r"(?-u:\b)",
        _ => r"\b",
    };
    let (first, last) = (name.chars().next(), name.chars().next_back());
    let start = if word(first) { boundary(first) } else { "" };
    let end = match (word(last), end) {
        (false, _) => "",
        (true, End::Boundary) => boundary(last),
        (true, End::NotBeforeDollar) => r"(?:[^\w$]|$)",
    };
    format!("{start}{}{end}", regex::escape(name))
}

fn metric(
    raw: RawMetric,
    entities: &Entities,
    patterns: &mut Interner,
    at: &Locator,
    errors: &mut Errors,
) -> Option<Metric> {
    let before = errors.0.len();
    if !valid_id(&raw.id) {
        errors.push(at.error(
            "id",
            "metric ids are dotted lowercase words, like `trade.china_russia.total`".into(),
        ));
    }
    let kind = match raw.kind.as_str() {
        "money" => Some(MetricKind::Money),
        "count" => Some(MetricKind::Count),
        "percent" => Some(MetricKind::Percent),
        "rank" => Some(MetricKind::Rank),
        "change" => Some(MetricKind::Change),
        other => {
            errors.push(at.error(
                "kind",
                format!(
                    "expected `money`, `count`, `percent`, `rank` or `change`, found `{other}`"
                ),
            ));
            None
        }
    };
    if kind != Some(MetricKind::Change) && (raw.of.is_some() || !raw.basis.is_empty()) {
        errors.push(at.error(
            "kind",
            "`of` and `basis` are for `kind: change` metrics".into(),
        ));
    }
    check_unit(kind, raw.unit.as_deref(), at, errors);
    let matcher = matcher(&raw.matcher, entities, patterns, at, errors);
    let period = match raw.period.as_str() {
        "year" => Some(PeriodRule::Year),
        "none" => Some(PeriodRule::None),
        other => {
            errors.push(at.error(
                "period",
                format!("expected `year` or `none`, found `{other}`"),
            ));
            None
        }
    };
    let undated = match raw.undated.as_str() {
        "unknown" => Some(Undated::Unknown),
        "published-year" => Some(Undated::PublishedYear),
        other => {
            errors.push(at.error(
                "undated",
                format!("expected `unknown` or `published-year`, found `{other}`"),
            ));
            None
        }
    };
    let tolerance = tolerance(&raw.tolerance)
        .map_err(|m| errors.push(at.error("tolerance", m)))
        .ok();
    let slack = match &raw.slack {
        None => Some(crate::extract::DEFAULT_SLACK),
        Some(s) => slack(s).map_err(|m| errors.push(at.error("slack", m))).ok(),
    };
    let severity = Severity::from_str(&raw.severity)
        .map_err(|m| errors.push(at.error("severity", m)))
        .ok();
    let examples = examples(&raw, at, errors);
    let rates = rates(&raw, at, errors);
    let mut compile = |key: &str, name: &str, pattern: &str| -> Option<Pattern> {
        patterns
            .compile(format!("(?i){pattern}"))
            .map_err(|e| {
                errors.push(at.error_at(
                    pattern,
                    format!(
                        "`{key}.{name}`: invalid regex `{}`: {e}",
                        shown_pattern(pattern)
                    ),
                ));
            })
            .ok()
    };
    let mut attributions = Vec::new();
    let mut dimensions = Vec::new();
    for (name, value) in &raw.attributions {
        match value {
            RawAttribution::Pattern(p) => {
                attributions.extend(compile("attributions", name, p).map(|r| (name.clone(), r)));
            }
            RawAttribution::Dimension(sources) => {
                let key = format!("attributions.{name}");
                let sources = sources
                    .iter()
                    .filter_map(|(s, p)| compile(&key, s, p).map(|r| (s.clone(), r)))
                    .collect();
                dimensions.push(Dimension {
                    name: name.clone(),
                    sources,
                });
            }
        }
    }
    let basis: Vec<(String, Pattern)> = raw
        .basis
        .iter()
        .filter_map(|(name, p)| compile("basis", name, p).map(|r| (name.clone(), r)))
        .collect();
    let period_phrases: Vec<(Pattern, i32)> = raw
        .period_phrases
        .iter()
        .filter_map(|(p, year)| compile("period_phrases", p, p).map(|r| (r, *year)))
        .collect();
    let mut cues = |list: &[String], key: &str| -> Vec<Pattern> {
        list.iter()
            .filter_map(|p| compile("roles", key, p))
            .collect()
    };
    let roles = RoleCues {
        forecast: cues(&raw.roles.forecast, "forecast"),
        target: cues(&raw.roles.target, "target"),
        claim: cues(&raw.roles.claim, "claim"),
    };
    let attributions_differ = match raw.across_attributions.as_str() {
        "conflict" => false,
        "difference" => true,
        other => {
            errors.push(at.error(
                "across_attributions",
                format!("expected `conflict` or `difference`, found `{other}`"),
            ));
            false
        }
    };
    if errors.0.len() > before {
        return None;
    }
    Some(Metric {
        template: None,
        claims_changes: false,
        rates,
        attributions,
        dimensions,
        change_of: raw.of,
        basis,
        shares_figures: raw.shares_figures,
        period_phrases,
        roles,
        attributions_differ,
        location: at.key("id"),
        key: std::sync::Arc::from(raw.id.as_str()),
        id: raw.id,
        description: raw.description,
        kind: kind?,
        unit: raw.unit,
        matcher: matcher?,
        period: period?,
        undated: undated?,
        tolerance: tolerance?,
        slack: slack?,
        compare_forecasts: raw.compare_forecasts,
        severity: severity?,
        link: raw.link,
        examples,
    })
}

fn valid_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

fn check_unit(kind: Option<MetricKind>, unit: Option<&str>, at: &Locator, errors: &mut Errors) {
    match (kind, unit) {
        (Some(MetricKind::Money), None) => {
            errors.push(at.error(
                "kind",
                "a money metric needs a `unit`, an ISO 4217 code such as `USD`".into(),
            ));
        }
        (Some(MetricKind::Money), Some(u)) if !UNITS.contains(&u) => {
            errors.push(at.error(
                "unit",
                format!(
                    "unknown currency `{u}`; expected one of {}",
                    UNITS.join(", ")
                ),
            ));
        }
        _ => {}
    }
}

fn matcher(
    raw: &RawMatch,
    entities: &Entities,
    interner: &mut Interner,
    at: &Locator,
    errors: &mut Errors,
) -> Option<Matcher> {
    let before = errors.0.len();
    let mut compile_all = |patterns: &[String], key: &str| -> Vec<Pattern> {
        let mut out = Vec::new();
        for p in patterns {
            match interner.compile(format!("(?i){p}")) {
                Ok(r) => out.push(r),
                Err(e) => {
                    let shown = shown_pattern(p);
                    errors.push(
                        at.error_at(p, format!("`match.{key}`: invalid regex `{shown}`: {e}")),
                    )
                }
            }
        }
        out
    };
    let all = compile_all(&raw.all, "all");
    let any = compile_all(&raw.any, "any");
    let none = compile_all(&raw.none, "none");
    let near = compile_all(&raw.near, "near");
    let anaphora = raw
        .anaphora
        .as_ref()
        .map(|p| compile_all(std::slice::from_ref(p), "anaphora"));
    if raw.all.is_empty() && raw.any.is_empty() && raw.entities.is_empty() {
        errors.push(at.error(
            "match",
            "`match` needs at least one of `all`, `any` or `entities`".into(),
        ));
    }
    let mut matchers = Vec::new();
    for name in &raw.entities {
        let Some((plain, metonyms)) = entities.get(name) else {
            let known: Vec<&str> = entities.keys().map(String::as_str).collect();
            errors.push(at.error_at(
                name,
                format!(
                    "`match.entities`: unknown entity `{name}`; known: {}",
                    known.join(", ")
                ),
            ));
            continue;
        };
        let pattern = if raw.metonyms { metonyms } else { plain };
        match interner.compile(pattern.clone()) {
            Ok(regex) => matchers.push(EntityMatcher {
                name: name.clone(),
                regex,
            }),
            Err(e) => errors.push(at.error_at(name, format!("entity `{name}`: {e}"))),
        }
    }
    let context = match raw.context.as_str() {
        "sentence" => Context::Sentence,
        "previous-sentence" => Context::PreviousSentence,
        other => {
            errors.push(at.error(
                "context",
                format!("expected `sentence` or `previous-sentence`, found `{other}`"),
            ));
            Context::Sentence
        }
    };
    let entities_anywhere = match raw.entities_in.as_str() {
        "window" => false,
        "article" => true,
        other => {
            errors.push(at.error(
                "entities_in",
                format!("expected `window` or `article`, found `{other}`"),
            ));
            false
        }
    };
    if errors.0.len() > before {
        return None;
    }
    let mut other_entities = Vec::new();
    for (name, (plain, _)) in entities {
        if !raw.entities.contains(name) {
            match interner.compile(plain.clone()) {
                Ok(regex) => other_entities.push(OtherEntity {
                    regex,
                    rival: raw.rivals.contains(name),
                }),
                Err(e) => errors.push(at.error_at(name, format!("entity `{name}`: {e}"))),
            }
        }
    }
    if errors.0.len() > before {
        return None;
    }
    Some(Matcher {
        near,
        entities_anywhere,
        other_entities,
        all,
        any,
        none,
        entities: matchers,
        anaphora: anaphora.and_then(|mut v| v.pop()),
        context,
    })
}

/// `exact`, `rounding`, `"1%"` or an absolute amount in base units.
fn tolerance(raw: &RawScalar) -> Result<Tolerance, String> {
    let text = raw.text();
    match text.as_str() {
        "exact" => return Ok(Tolerance::Exact),
        "rounding" => return Ok(Tolerance::Rounding),
        _ => {}
    }
    let bad = || {
        format!("expected `exact`, `rounding`, a percentage like \"1%\" or an amount like 5e8 (up to 10^24), found `{text}`")
    };
    if let Some(pct) = text.strip_suffix('%') {
        let v = decimal(pct.trim()).ok_or_else(bad)?;
        if v < Decimal::ZERO || v >= Decimal::ONE_HUNDRED {
            return Err(format!(
                "a relative tolerance must be at least 0% and under 100%, found `{text}`"
            ));
        }
        return Ok(Tolerance::Relative(v / Decimal::ONE_HUNDRED));
    }
    let v = decimal(&text).ok_or_else(bad)?;
    if v < Decimal::ZERO {
        return Err(format!("a tolerance cannot be negative, found `{text}`"));
    }
    Ok(Tolerance::Absolute(v))
}

/// `"5%"` or a fraction below 1.
/// The conversion rates of a money metric.
fn rates(raw: &RawMetric, at: &Locator, errors: &mut Errors) -> Vec<Rate> {
    let mut out: Vec<Rate> = Vec::new();
    if !raw.rates.is_empty() && raw.kind != "money" {
        errors.push(at.error("rates", "only money metrics have conversion rates".into()));
        return out;
    }
    for r in &raw.rates {
        if !UNITS.contains(&r.from.as_str()) || Some(&r.from) == raw.unit.as_ref() {
            errors.push(at.error_at(
                &r.from,
                format!(
                    "`rates.from`: expected another ISO code of {}, found `{}`",
                    UNITS.join(", "),
                    r.from
                ),
            ));
            continue;
        }
        let rate = decimal(&r.rate.text()).filter(|v| *v > Decimal::ZERO);
        let Some(rate) = rate else {
            errors.push(at.error_at(
                &r.rate.text(),
                format!(
                    "`rates.rate`: expected a positive number up to 10^24, found `{}`",
                    r.rate.text()
                ),
            ));
            continue;
        };
        let uncertainty = match &r.uncertainty {
            None => Decimal::ZERO,
            Some(u) => match slack(u) {
                Ok(u) => u,
                Err(m) => {
                    errors.push(at.error_at(&u.text(), format!("`rates.uncertainty`: {m}")));
                    continue;
                }
            },
        };
        if out.iter().any(|o| o.from == r.from && o.year == r.year) {
            errors.push(at.error_at(
                &r.from,
                format!("`rates`: two rates for {} in {}", r.from, r.year),
            ));
            continue;
        }
        out.push(Rate {
            from: r.from.clone(),
            year: r.year,
            rate,
            uncertainty,
        });
    }
    out
}

fn slack(raw: &RawScalar) -> Result<Decimal, String> {
    let text = raw.text();
    let v = match text.strip_suffix('%') {
        Some(pct) => decimal(pct.trim()).map(|v| v / Decimal::ONE_HUNDRED),
        None => decimal(&text),
    };
    match v {
        Some(v) if v >= Decimal::ZERO && v < Decimal::ONE => Ok(v),
        _ => Err(format!(
            "expected a percentage like \"5%\" (at least 0, under 100%), found `{text}`"
        )),
    }
}

/// A decimal from plain or scientific notation ("244.8e9"), within the one
/// limit on values (`extract::MAX_VALUE`, 10^24), as every figure read is.
pub(crate) fn decimal(s: &str) -> Option<Decimal> {
    Decimal::from_str(s)
        .ok()
        .or_else(|| Decimal::from_scientific(s).ok())
        .filter(|d| crate::extract::limit::within(*d))
}

fn examples(raw: &RawMetric, at: &Locator, errors: &mut Errors) -> Vec<Example> {
    let mut out = Vec::new();
    for ex in &raw.examples {
        let location = at.find(&ex.text.chars().take(30).collect::<String>());
        let published = match ex.published.as_deref().map(Date::from_str) {
            Some(Err(m)) => {
                errors.push(at.error_at(&ex.text, format!("example `published`: {m}")));
                None
            }
            Some(Ok(d)) => Some(d),
            None => None,
        };
        let expect = match &ex.expect {
            RawExpect::Keyword(k) if k == "none" => Vec::new(),
            RawExpect::Keyword(k) => {
                errors.push(at.error_at(
                    &ex.text,
                    format!(
                        "example `expect`: expected `none`, a fact or a list of facts, found `{k}`"
                    ),
                ));
                continue;
            }
            RawExpect::One(e) => expected(e).map_or_else(
                |m| {
                    errors.push(at.error_at(&ex.text, m));
                    Vec::new()
                },
                |e| vec![e],
            ),
            RawExpect::Many(list) => list
                .iter()
                .filter_map(|e| {
                    expected(e)
                        .map_err(|m| errors.push(at.error_at(&ex.text, m)))
                        .ok()
                })
                .collect(),
        };
        out.push(Example {
            text: ex.text.clone(),
            published,
            expect,
            location,
        });
    }
    out
}

fn expected(raw: &RawExpected) -> Result<Expected, String> {
    let num = |key: &str, v: &Option<RawScalar>| -> Result<Option<Decimal>, String> {
        match v {
            None => Ok(None),
            Some(s) => decimal(&s.text()).map(Some).ok_or_else(|| {
                format!(
                    "example `expect.{key}`: expected a number within ±10^24, found `{}`",
                    s.text()
                )
            }),
        }
    };
    let period = match &raw.period {
        None => None,
        Some(p) => Some(
            p.text()
                .parse::<Period>()
                .map_err(|m| format!("example `expect.period`: {m}"))?,
        ),
    };
    Ok(Expected {
        metric: raw.metric.clone(),
        period,
        value: num("value", &raw.value)?,
        min: num("min", &raw.min)?,
        max: num("max", &raw.max)?,
        forecast: raw.forecast,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn tolerances() {
        let s = |t: &str| RawScalar::Str(t.into());
        assert_eq!(tolerance(&s("exact")), Ok(Tolerance::Exact));
        assert_eq!(tolerance(&s("rounding")), Ok(Tolerance::Rounding));
        assert_eq!(
            tolerance(&s("1%")),
            Ok(Tolerance::Relative(Decimal::new(1, 2)))
        );
        assert_eq!(
            tolerance(&RawScalar::Float(5e8)),
            Ok(Tolerance::Absolute(Decimal::from(500_000_000)))
        );
        assert!(tolerance(&s("-1%")).is_err());
        assert!(tolerance(&s("exactly")).is_err());
        assert!(tolerance(&RawScalar::Int(-3)).is_err());
    }

    #[test]
    fn entity_names_are_whole_words() {
        let r = Regex::new(&whole_name("US", End::NotBeforeDollar)).unwrap();
        assert!(r.is_match("US negotiators") && r.is_match("the US") && r.is_match("US-China"));
        assert!(!r.is_match("US$244.8 billion") && !r.is_match("USA") && !r.is_match("BUS"));
        let dotted = Regex::new(&whole_name("U.S.", End::NotBeforeDollar)).unwrap();
        assert!(dotted.is_match("a U.S. strategy") && !dotted.is_match("aU.S."));
        let russia = Regex::new(&whole_name("Russia", End::NotBeforeDollar)).unwrap();
        assert!(russia.is_match("Russia’s trade") && !russia.is_match("Russian"));
    }

    #[test]
    fn an_entity_named_by_its_currency_is_named_by_its_sign_and_code() {
        let raw = RawEntity {
            names: vec!["JNTO".into(), "yen".into()],
            demonyms: vec![],
            metonyms: vec![],
        };
        let r = Regex::new(&entity_patterns(&raw).0).unwrap();
        assert!(r.is_match("spending went above ¥8 trillion"));
        assert!(r.is_match("JPY 8 trillion") && r.is_match("8 trillion yen"));
        assert!(!r.is_match("spending of $51.2 billion"));
        let raw = RawEntity {
            names: vec!["Japan".into()],
            demonyms: vec![],
            metonyms: vec![],
        };
        assert!(!Regex::new(&entity_patterns(&raw).0)
            .unwrap()
            .is_match("¥8 trillion"));
    }

    #[test]
    fn slacks_and_ids() {
        assert_eq!(slack(&RawScalar::Str("5%".into())), Ok(Decimal::new(5, 2)));
        assert!(slack(&RawScalar::Str("150%".into())).is_err());
        assert!(valid_id("trade.china_russia.total"));
        assert!(!valid_id("Trade.total"));
        assert!(!valid_id("trade"));
        assert_eq!(decimal("244.8e9"), Some(Decimal::from(244_800_000_000u64)));
    }
}
