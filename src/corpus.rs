//! A corpus run: documents to facts, in parallel, in path order.
//!
//! Each document is read, extracted and claimed on its own (rayon), and the
//! results are collected in the sorted order of the paths, so the output is
//! the same whatever the thread count. A JSON Lines file is many documents,
//! one a line, in line order; articles are read a batch at a time
//! (`documents::Articles`), the next batches by a thread of their own while
//! this one is claimed, so a corpus of any size is held a few batches at a
//! time, and the threads that claim never wait on the disk: the files of a
//! batch are read ahead, several at once (`documents::read_ahead`).

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::documents::{self, Article, Articles};
use crate::error::{Error, Errors, Warning};
use crate::extract;
use crate::facts::{self, Fact, Facts, Quotes, Source};
use crate::rules::RuleSet;

/// What a corpus run produced: the facts, how many sources were read, and
/// the sources that could not be read (the run goes on without them, but the
/// caller reports them and exits 2).
#[derive(Debug, Default)]
pub struct Analysis {
    pub facts: Facts,
    pub sources: usize,
    pub errors: Errors,
    /// What the walk skipped, and articles whose `id` an article before
    /// them has (compared as one source).
    pub warnings: Vec<Warning>,
}

/// How far the reading of a corpus is, after each batch of articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Read {
    /// Files of the corpus, and those whose articles are all taken.
    pub files: usize,
    pub files_done: usize,
    /// Articles read (those that could not be read too), and the bytes of
    /// their text.
    pub articles: usize,
    pub bytes: u64,
}

/// How many batches may wait, read, for the threads that claim them.
const AHEAD: usize = 2;

/// Articles whose `id` an article before them has, warned about one by
/// one; more are counted in one warning.
const SHOWN_DUPLICATES: usize = 10;

/// Finds the article files under `paths`, then reads and claims each,
/// with the facts' quotes.
pub fn analyse(paths: &[PathBuf], rules: &RuleSet) -> Result<Analysis, Errors> {
    analyse_with(paths, rules, Quotes::Held, &mut |_| {})
}

/// `analyse`, keeping the quotes as `quotes` says (`facts::quote`), and
/// telling `read` how far it is after each batch of articles (for a
/// progress line: the library prints nothing).
pub fn analyse_with(
    paths: &[PathBuf],
    rules: &RuleSet,
    quotes: Quotes,
    read: &mut dyn FnMut(&Read),
) -> Result<Analysis, Errors> {
    let (files, skipped) = documents::discover(paths)?;
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "no articles (*.md, *.txt, *.jsonl, *.jsonl.gz) found in {}",
            shown.join(", ")
        ))
        .into());
    }
    let mut merged = Merged {
        analysis: Analysis {
            warnings: skipped,
            // a run that shows few facts keeps them written as bytes
            facts: match quotes {
                Quotes::Held => Facts::default(),
                Quotes::Fetched => Facts::packed(),
            },
            ..Analysis::default()
        },
        ids: foldhash::HashSet::default(),
        duplicates: 0,
        done: Read {
            files: files.len(),
            ..Read::default()
        },
    };
    std::thread::scope(|scope| {
        // the batches, read ahead, each with the files done once it is
        // claimed; no more than `AHEAD` wait
        let (sender, batches) = std::sync::mpsc::sync_channel(AHEAD);
        scope.spawn(move || {
            documents::read_ahead(Articles::new(files), |batch, files_done| {
                sender.send((batch, files_done)).is_ok()
            });
        });
        // a batch's results are added in order while the next batch is
        // claimed
        let mut pending: Option<(Results, usize)> = None;
        for next in batches.iter().map(Some).chain([None]) {
            let (claimed, ()) = rayon::join(
                || next.map(|(batch, files_done)| (claim_all(batch, rules, quotes), files_done)),
                || {
                    if let Some((results, files_done)) = pending.take() {
                        merged.add(results, files_done);
                    }
                },
            );
            read(&merged.done);
            pending = claimed;
        }
    });
    let mut analysis = merged.analysis;
    if merged.duplicates > SHOWN_DUPLICATES {
        analysis.warnings.push(Warning::MoreDuplicateIds {
            more: merged.duplicates - SHOWN_DUPLICATES,
        });
    }
    Ok(analysis)
}

/// Each article's bytes read, and its facts or why it could not be read.
type Results = Vec<(usize, Result<Claimed, Error>)>;

/// What the batches claimed so far add up to.
struct Merged {
    analysis: Analysis,
    /// The sources by id, shared with their facts (not a copy of each id and
    /// path). Only the id is hashed and compared, and it never changes (the
    /// text's cell is what is mutable).
    ids: foldhash::HashSet<ById>,
    duplicates: usize,
    done: Read,
}

impl Merged {
    /// Adds a batch's `results`, in order; `files_done` files are then done.
    fn add(&mut self, results: Results, files_done: usize) {
        let analysis = &mut self.analysis;
        analysis.sources += results.len();
        let mut facts = Vec::with_capacity(
            results
                .iter()
                .filter_map(|(_, r)| r.as_ref().ok())
                .map(|c| c.facts.len())
                .sum(),
        );
        for (bytes, result) in results {
            self.done.bytes += bytes as u64;
            match result {
                Ok(claimed) => {
                    if let Some(first) = self.ids.get(claimed.source.id()) {
                        self.duplicates += 1;
                        if self.duplicates <= SHOWN_DUPLICATES {
                            analysis.warnings.push(Warning::DuplicateId {
                                id: claimed.source.id().to_string(),
                                path: PathBuf::from(claimed.source.article()),
                                first: PathBuf::from(first.0.article()),
                            });
                        }
                    } else {
                        self.ids.insert(ById(claimed.source));
                    }
                    facts.extend(claimed.facts);
                }
                Err(e) => analysis.errors.push(e),
            }
        }
        analysis.facts.push(facts);
        self.done.articles = analysis.sources;
        self.done.files_done = files_done;
    }
}

/// The facts that `facts --format jsonl` runs wrote to `shards`, as the run
/// of the corpus they cover would have them (`facts::shard`).
pub fn from_shards(shards: &[PathBuf], rules: &RuleSet) -> Result<Analysis, Errors> {
    let loaded = facts::shard::load(shards, rules)?;
    Ok(Analysis {
        facts: crate::facts::Facts::from(loaded.facts),
        sources: loaded.sources,
        errors: loaded.errors,
        warnings: Vec::new(),
    })
}

/// One article claimed: its `id`, where it is (`path`, or `path:line` for
/// a line of a JSON Lines file) and its facts.
struct Claimed {
    source: Arc<Source>,
    facts: Vec<Fact>,
}

/// A source, found by its id.
struct ById(Arc<Source>);

impl PartialEq for ById {
    fn eq(&self, other: &Self) -> bool {
        self.0.id() == other.0.id()
    }
}

impl Eq for ById {}

impl std::hash::Hash for ById {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // as `str` hashes, so that a lookup by `&str` finds it (`Borrow`)
        self.0.id().hash(state);
    }
}

impl std::borrow::Borrow<str> for ById {
    fn borrow(&self) -> &str {
        self.0.id()
    }
}

/// The facts of each article of `batch`, in parallel, in its order, and
/// the bytes of its text.
fn claim_all(
    batch: Vec<Article>,
    rules: &RuleSet,
    quotes: Quotes,
) -> Vec<(usize, Result<Claimed, Error>)> {
    batch
        .into_par_iter()
        .map(|article| match article.read() {
            Ok(doc) => {
                let quantities = extract::extract(&doc);
                let source = facts::source_of(&doc, quotes);
                let claimed = Claimed {
                    facts: facts::claim_for(&source, &doc, &quantities, rules),
                    source,
                };
                (doc.text.len(), Ok(claimed))
            }
            Err(e) => (0, Err(e)),
        })
        .collect()
}
