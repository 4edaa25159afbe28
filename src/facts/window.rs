//! Whether a sentence, with its context, names a metric at all: the
//! patterns of its `match` over the window, and its entities in the window
//! or the article. Which figure of the sentence is the metric's is
//! `attach.rs`.

use std::collections::BTreeMap;

use crate::documents::Document;
use crate::rules::{Context, EntityMatcher, Metric};

/// What one document has already answered, so that a sentence with several
/// figures is matched once per metric, and the whole text is searched for an
/// entity at most once.
#[derive(Default)]
pub(super) struct Memo<'d> {
    /// The document's text with currency names blanked (see
    /// `currency_names_blanked`), made at the first match.
    text: Option<std::borrow::Cow<'d, str>>,
    /// (metric index, sentence index) -> whether the sentence names the metric.
    sentences: BTreeMap<(usize, usize), bool>,
    /// entity pattern -> whether the article (body or title) names it (the
    /// pattern, not the name: with and without metonyms they differ).
    article: BTreeMap<String, bool>,
    /// metric index -> the one statistical source the article names, if one.
    cited: BTreeMap<usize, Option<String>>,
}

/// Currencies named after a country ("US dollars", "Indian rupees"): they
/// name a currency, not the country, so entity patterns must not see them.
static CURRENCY_NAMES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // cannot fail: a constant, valid pattern
    regex::Regex::new(
        r"\b(?:US|U\.S\.|USA|American|Chinese|Russian|Indian|Hong Kong|Australian|Canadian|Singapore|New Zealand)\s*(?:\$|(?i:dollars?|yuan|renminbi|roubles?|rubles?|rupees?)\b)",
    )
    .expect("valid regex")
});

/// `text` with every currency named after a country blanked out (same
/// length, so offsets stay).
fn currency_names_blanked(text: &str) -> std::borrow::Cow<'_, str> {
    CURRENCY_NAMES.replace_all(text, |c: &regex::Captures<'_>| " ".repeat(c[0].len()))
}

impl<'d> Memo<'d> {
    pub(super) fn matches(
        &mut self,
        doc: &'d Document,
        s: usize,
        i: usize,
        metric: &Metric,
    ) -> bool {
        if let Some(&known) = self.sentences.get(&(i, s)) {
            return known;
        }
        self.text(doc);
        let found = self.compute(doc, s, metric);
        self.sentences.insert((i, s), found);
        found
    }

    /// The document's text as patterns see it: currency names blanked.
    pub(super) fn text(&mut self, doc: &'d Document) -> &str {
        self.text
            .get_or_insert_with(|| currency_names_blanked(&doc.text))
    }

    /// Whether sentence `s` (with its context) names `metric`. Its `none`
    /// patterns are not tried here: they exclude a figure, not a sentence
    /// (`attach.rs`).
    fn compute(&mut self, doc: &Document, s: usize, metric: &Metric) -> bool {
        let m = &metric.matcher;
        // set by `matches`, which alone calls this
        let text: &str = self.text.as_deref().unwrap_or(&doc.text);
        let sentence = &text[doc.sentences()[s].clone()];
        let window_start = match (m.context, s) {
            (Context::PreviousSentence, 1..) => doc.sentences()[s - 1].start,
            _ => doc.sentences()[s].start,
        };
        let window = &text[window_start..doc.sentences()[s].end];
        if !m.all.iter().all(|r| r.is_match(window))
            || (!m.any.is_empty() && !m.any.iter().any(|r| r.is_match(window)))
        {
            return false;
        }
        // A sentence that names another country and not all of the rule's
        // is about something else ("China-US bilateral trade reached ..."),
        // whatever the sentence before it or the article says.
        // A template's other entity in the sentence means another pair or a
        // group, even with this pair named too.
        let names_all = m.entities.iter().all(|e| e.regex.is_match(sentence));
        let elsewhere = m
            .other_entities
            .iter()
            .any(|o| (o.rival || !names_all) && o.regex.is_match(sentence));
        if elsewhere {
            return false;
        }
        let refers_back =
            m.entities_anywhere || m.anaphora.as_ref().is_some_and(|r| r.is_match(window));
        let body = &text[doc.body_start..];
        let article = &mut self.article;
        m.entities.iter().all(|e| {
            e.regex.is_match(window) || (refers_back && named_in_article(article, doc, body, e))
        })
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

/// Whether the article (its title, or `body`) names entity `e`, memoized by
/// pattern in `article`.
fn named_in_article(
    article: &mut BTreeMap<String, bool>,
    doc: &Document,
    body: &str,
    e: &EntityMatcher,
) -> bool {
    if let Some(&known) = article.get(e.regex.as_str()) {
        return known;
    }
    let title = doc
        .meta
        .title
        .as_deref()
        .is_some_and(|t| e.regex.is_match(t));
    let named = title || e.regex.is_match(body);
    article.insert(e.regex.as_str().to_string(), named);
    named
}
