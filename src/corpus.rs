//! A corpus run: documents to facts, in parallel, in path order.
//!
//! Each document is read, extracted and claimed on its own (rayon), and the
//! results are collected in the sorted order of the paths, so the output is
//! the same whatever the thread count.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::documents::{self, Document};
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

/// Documents read, extracted and claimed at once (in parallel) before
/// their facts join the corpus's.
const BATCH: usize = 1024;

/// Finds the article files under `paths`, then reads and claims each.
pub fn analyse(paths: &[PathBuf], rules: &RuleSet) -> Result<Analysis, Errors> {
    let files = documents::discover(paths)?;
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "no articles (*.md, *.txt) found in {}",
            shown.join(", ")
        ))
        .into());
    }
    let mut analysis = Analysis {
        sources: files.len(),
        ..Analysis::default()
    };
    // a batch of documents at a time: each is read, extracted and claimed
    // in parallel, and dropped; only the batch's facts wait to be added in
    // path order
    for (done, batch) in files.chunks(BATCH).enumerate() {
        let results: Vec<Result<Vec<Fact>, Error>> = batch
            .par_iter()
            .map(|path| {
                let doc = Document::read(path)?;
                let quantities = extract::extract(&doc);
                Ok(facts::claim(&doc, &quantities, rules))
            })
            .collect();
        for result in results {
            match result {
                Ok(facts) => analysis.facts.extend(facts),
                Err(e) => analysis.errors.push(e),
            }
        }
        reserve_for_all(&mut analysis.facts, (done + 1) * BATCH, files.len());
    }
    analysis.facts.shrink_to_fit();
    Ok(analysis)
}

/// Makes room in `facts`, which holds the facts of the first `read` of
/// `all` documents, for the facts of all of them at the same rate and a
/// tenth more: a vector that doubles as it grows holds up to twice the
/// memory its facts need, the largest share of a big corpus's.
fn reserve_for_all(facts: &mut Vec<Fact>, read: usize, all: usize) {
    if read >= all || read == 0 {
        return;
    }
    let projected = facts.len().saturating_mul(all) / read;
    let wanted = projected.saturating_add(projected / 10);
    if wanted > facts.capacity() {
        facts.reserve_exact(wanted - facts.len());
    }
}
