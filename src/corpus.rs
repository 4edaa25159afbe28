//! A corpus run: documents to facts, in parallel, in path order.
//!
//! Each document is read, extracted and claimed on its own (rayon), and the
//! results are collected in the sorted order of the paths, so the output is
//! the same whatever the thread count. A JSON Lines file is many documents,
//! one a line, in line order; articles are read a batch at a time
//! (`documents::Articles`), the next batch while this one is claimed, so a
//! corpus of any size is held a batch or two at a time.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::documents::{self, Article, Articles};
use crate::error::{Error, Errors};
use crate::extract;
use crate::facts::{self, Fact};
use crate::rules::RuleSet;

/// What a corpus run produced: the facts, how many sources were read, and
/// the sources that could not be read (the run goes on without them, but the
/// caller reports them and exits 2).
#[derive(Debug, Default)]
pub struct Analysis {
    pub facts: Vec<Fact>,
    pub sources: usize,
    pub errors: Errors,
}

/// Finds the article files under `paths`, then reads and claims each.
pub fn analyse(paths: &[PathBuf], rules: &RuleSet) -> Result<Analysis, Errors> {
    let files = documents::discover(paths)?;
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "no articles (*.md, *.txt, *.jsonl, *.jsonl.gz) found in {}",
            shown.join(", ")
        ))
        .into());
    }
    let mut analysis = Analysis::default();
    let mut articles = Articles::new(files);
    let mut batch = articles.next_batch();
    while !batch.is_empty() {
        let (next, results) = rayon::join(|| articles.next_batch(), || claim_all(batch, rules));
        analysis.sources += results.len();
        for result in results {
            match result {
                Ok(facts) => analysis.facts.extend(facts),
                Err(e) => analysis.errors.push(e),
            }
        }
        batch = next;
    }
    analysis.facts.shrink_to_fit();
    Ok(analysis)
}

/// The facts that `facts --format jsonl` runs wrote to `shards`, as the run
/// of the corpus they cover would have them (`facts::shard`).
pub fn from_shards(shards: &[PathBuf], rules: &RuleSet) -> Result<Analysis, Errors> {
    let loaded = facts::shard::load(shards, rules)?;
    Ok(Analysis {
        facts: loaded.facts,
        sources: loaded.sources,
        errors: loaded.errors,
    })
}

/// The facts of each article of `batch`, in parallel, in its order.
fn claim_all(batch: Vec<Article>, rules: &RuleSet) -> Vec<Result<Vec<Fact>, Error>> {
    batch
        .into_par_iter()
        .map(|article| {
            let doc = article.read()?;
            let quantities = extract::extract(&doc);
            Ok(facts::claim(&doc, &quantities, rules))
        })
        .collect()
}
