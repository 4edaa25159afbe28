//! A fact's quote: its sentence, as a range of a text its source holds.
//!
//! A run that shows every quote (`report`, `facts`, `explain`) gathers the
//! sentences that hold an article's facts into one text as it claims them
//! (`Quotes::Held`). A run that shows few (`check`, `baseline`) keeps none:
//! a quote is then the sentence's range in the article's text, and the
//! article is read again, once, when one of its quotes is wanted (`fetch`),
//! so a corpus of a million articles holds no sentences while it is read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::{Fact, Source};
use crate::documents::{jsonl::JsonLines, Article, Document};
use crate::error::Warning;

/// The byte range of a fact's sentence in its source's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Quote {
    pub start: u32,
    pub end: u32,
}

/// How a run keeps the sentences its facts quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quotes {
    /// Gathered per article as its facts are claimed.
    Held,
    /// Read again from the article when first wanted (`fetch`).
    Fetched,
}

/// The text a source's quotes are ranges of: the sentences of its facts,
/// gathered as they were claimed, or the article's whole text, read again.
#[derive(Debug, Clone, Default)]
pub struct SourceText {
    text: OnceLock<Arc<str>>,
    /// For quotes to be fetched: the length of the article's text when it
    /// was claimed, so that a file changed since is not quoted wrongly.
    len: Option<usize>,
}

/// A source is the article it names: two sources of one article are equal
/// whether or not their quotes are there yet.
impl PartialEq for SourceText {
    fn eq(&self, _: &SourceText) -> bool {
        true
    }
}

impl Eq for SourceText {}

impl SourceText {
    /// A text to be read again from an article of `len` bytes.
    pub(crate) fn fetched(len: usize) -> SourceText {
        SourceText {
            text: OnceLock::new(),
            len: Some(len),
        }
    }

    /// Whether the text is to be read again from its article (`fetched`),
    /// rather than held as the facts are made.
    pub(crate) fn is_fetched(&self) -> bool {
        self.len.is_some()
    }

    /// `text`, held from the start.
    pub(crate) fn held(text: Arc<str>) -> SourceText {
        let out = SourceText::default();
        out.set(text);
        out
    }

    /// The text, once there.
    pub fn get(&self) -> Option<&str> {
        self.text.get().map(|t| &**t)
    }

    /// Sets the text once; a text already set stays.
    pub(crate) fn set(&self, text: Arc<str>) {
        // a text set before is the same article's: keeping it loses nothing
        let _ = self.text.set(text);
    }
}

/// The sentences of one document that hold facts, gathered into one text.
#[derive(Default)]
pub(super) struct Sentences {
    text: String,
    /// Sentence index -> its range in `text`.
    at: BTreeMap<usize, Quote>,
}

impl Sentences {
    /// The range of sentence `s` (at `range` of `doc`) in the gathered text.
    pub(super) fn add(&mut self, doc: &Document, s: usize, range: std::ops::Range<usize>) -> Quote {
        *self.at.entry(s).or_insert_with(|| {
            let start = self.text.len();
            self.text.push_str(&doc.text[range]);
            // a document longer than 4 GiB quotes nothing rather than wrap
            let end = self.text.len();
            match (u32::try_from(start), u32::try_from(end)) {
                (Ok(start), Ok(end)) => Quote { start, end },
                _ => Quote::default(),
            }
        })
    }

    pub(super) fn into_text(self) -> Arc<str> {
        Arc::from(self.text)
    }
}

/// Reads again the articles of `facts` whose quotes are not there yet
/// (`Quotes::Fetched`), each once, in parallel: afterwards their quotes
/// are there. An article that cannot be read again, or whose text has
/// changed since it was claimed, keeps its quotes empty and is warned
/// about.
pub fn fetch<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> Vec<Warning> {
    let mut seen: BTreeSet<*const Source> = BTreeSet::new();
    let mut by_file: BTreeMap<&Path, Vec<&Source>> = BTreeMap::new();
    for f in facts {
        let source = &*f.source;
        if source.text.get().is_none() && seen.insert(source) {
            by_file.entry(&source.path).or_default().push(source);
        }
    }
    let files: Vec<(&Path, Vec<&Source>)> = by_file.into_iter().collect();
    files
        .par_iter()
        .flat_map_iter(|(path, sources)| read_again(path, sources))
        .collect()
}

/// Reads `path` again for the texts of `sources`.
fn read_again(path: &Path, sources: &[&Source]) -> Vec<Warning> {
    let unquoted = |why: String| Warning::Unquoted {
        path: path.to_path_buf(),
        why,
    };
    let records: BTreeMap<usize, &Source> = sources
        .iter()
        .filter_map(|s| Some((s.record?, *s)))
        .collect();
    if records.is_empty() {
        return match Article::File(path.to_path_buf()).read() {
            Ok(doc) => sources
                .iter()
                .filter_map(|s| take(s, &doc.text).err().map(unquoted))
                .collect(),
            Err(e) => vec![unquoted(e.to_string())],
        };
    }
    let mut lines = match JsonLines::open(path) {
        Ok(lines) => lines,
        Err(e) => return vec![unquoted(e.to_string())],
    };
    let mut out = Vec::new();
    let mut left = records.len();
    while left > 0 {
        let Some(line) = lines.next_line() else { break };
        // a line that cannot be read was an error of the first reading; one
        // of the articles wanted and not reached is counted below
        let Ok(line) = line else {
            continue;
        };
        let Some(source) = records.get(&line.number) else {
            continue;
        };
        left -= 1;
        match line.parse() {
            Ok(doc) => out.extend(take(source, &doc.text).err().map(unquoted)),
            Err(e) => out.push(unquoted(e.to_string())),
        }
    }
    if left > 0 {
        out.push(unquoted(format!(
            "{left} of its articles are no longer there"
        )));
    }
    out
}

/// Gives `source` the article's `text`, unless it has changed.
fn take(source: &Source, text: &str) -> Result<(), String> {
    if source.text.len.is_some_and(|len| len != text.len()) {
        return Err(format!(
            "{} changed since it was read; its quotes are left out",
            source.article()
        ));
    }
    source.text.set(Arc::from(text));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{claim_with, Facts};

    fn rules() -> crate::rules::RuleSet {
        crate::rules::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")])
            .expect("the shipped rules load")
    }

    const TEXT: &str = "---\npublished: 2025-01-10\n---\n\nTrade between Russia and China \
                        reached US$244.8 billion in 2024, customs data showed.\n\nOther news.\n";

    /// The facts of `TEXT` written to a file of `dir`, claimed with
    /// `quotes`, and the file's path.
    fn claimed(dir: &Path, quotes: Quotes) -> (Vec<Fact>, std::path::PathBuf) {
        let path = dir.join("a.md");
        std::fs::write(&path, TEXT).expect("writes");
        let doc = Document::read(&path).expect("reads");
        let q = crate::extract::extract(&doc);
        (claim_with(&doc, &q, &rules(), quotes), path)
    }

    #[test]
    fn quotes_are_read_again_when_wanted_and_equal_held_ones() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (held, _) = claimed(dir.path(), Quotes::Held);
        let fetched = Facts::from(claimed(dir.path(), Quotes::Fetched).0);
        assert!(!held.is_empty());
        assert!(fetched.iter().all(|f| f.sentence().is_empty()));
        let warnings = fetch(&fetched);
        assert!(warnings.is_empty(), "{warnings:?}");
        for (h, f) in held.iter().zip(&fetched) {
            assert!(
                h.sentence().contains("US$244.8 billion"),
                "{}",
                h.sentence()
            );
            assert_eq!(h.sentence(), f.sentence());
            assert_eq!(h.surface(), f.surface());
        }
    }

    #[test]
    fn a_file_changed_or_gone_is_warned_about_and_quotes_nothing() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (facts, path) = claimed(dir.path(), Quotes::Fetched);
        std::fs::write(&path, format!("{TEXT}More.\n")).expect("writes");
        let warnings = fetch(&facts);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0]
            .to_string()
            .contains("changed since it was read"));
        assert_eq!(facts[0].sentence(), "");
        let (facts, path) = claimed(dir.path(), Quotes::Fetched);
        std::fs::remove_file(&path).expect("removes");
        let warnings = fetch(&facts);
        assert!(
            warnings[0].to_string().contains("cannot read"),
            "{warnings:?}"
        );
    }

    #[test]
    fn articles_of_json_lines_are_read_again_by_their_line() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("a.jsonl");
        let line = |id: &str, v: &str| {
            format!(
                "{{\"id\":\"{id}\",\"published\":\"2025-01-10\",\"text\":\"Trade between \
                 Russia and China reached US${v} billion in 2024.\"}}\n"
            )
        };
        std::fs::write(
            &path,
            format!("{}\n{}", line("a", "245"), line("b", "244.8")),
        )
        .expect("writes");
        let rules = rules();
        let mut all = Vec::new();
        let mut lines = JsonLines::open(&path).expect("opens");
        while let Some(l) = lines.next_line() {
            let doc = l.expect("a line").parse().expect("an article");
            let q = crate::extract::extract(&doc);
            all.extend(claim_with(&doc, &q, &rules, Quotes::Fetched));
        }
        assert_eq!(all.len(), 2);
        let warnings = fetch(&all);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(all[0].sentence().contains("US$245 billion"));
        assert!(all[1].sentence().contains("US$244.8 billion"));
        assert_eq!(all[1].source.record, Some(3));
    }
}
