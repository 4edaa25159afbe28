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
    let results: Vec<Result<Vec<Fact>, Error>> = files
        .par_iter()
        .map(|path| {
            let doc = Document::read(path)?;
            let quantities = extract::extract(&doc);
            Ok(facts::claim(&doc, &quantities, rules))
        })
        .collect();
    let mut analysis = Analysis {
        sources: files.len(),
        ..Analysis::default()
    };
    for result in results {
        match result {
            Ok(facts) => analysis.facts.extend(facts),
            Err(e) => analysis.errors.push(e),
        }
    }
    Ok(analysis)
}
