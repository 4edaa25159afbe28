//! One file per subcommand; each only wires the stages together.

pub mod baseline;
pub mod check;
pub mod explain;
pub mod extract;
pub mod facts;
pub mod report;
pub mod rules;

use std::path::PathBuf;

use crate::cli::CorpusArgs;
use crate::corpus::{self, Analysis};
use crate::engine::{self, Finding};
use crate::error::Errors;
use crate::rules::RuleSet;

/// The corpus when no PATH is given.
pub const DEFAULT_CORPUS: &str = "fixtures";
/// The rules when no --rules is given.
pub const DEFAULT_RULES: &str = "rules";

fn or_default(paths: &[PathBuf], default: &str) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(default)]
    } else {
        paths.to_vec()
    }
}

pub(crate) fn load_rules(paths: &[PathBuf]) -> Result<RuleSet, Errors> {
    crate::rules::load(&or_default(paths, DEFAULT_RULES))
}

/// Rules, facts and findings of a corpus.
pub(crate) struct Run {
    pub rules: RuleSet,
    pub analysis: Analysis,
    pub findings: Vec<Finding>,
}

pub(crate) fn run_corpus(args: &CorpusArgs) -> Result<Run, Errors> {
    let rules = load_rules(&args.rules)?;
    let analysis = corpus::analyse(&or_default(&args.paths, DEFAULT_CORPUS), &rules)?;
    let findings = engine::run(&analysis.facts, &rules);
    Ok(Run {
        rules,
        analysis,
        findings,
    })
}
