//! One file per subcommand; each only wires the stages together.

pub mod baseline;
pub mod check;
pub mod docs;
pub mod explain;
pub mod extract;
pub mod facts;
pub mod init;
mod progress;
pub mod report;
pub mod rules;
pub mod why;

use std::path::PathBuf;

use crate::cli::CorpusArgs;
use crate::config::Config;
use crate::corpus::{self, Analysis};
use crate::engine::{self, Finding};
use crate::error::{Errors, Warning};
use crate::facts::Quotes;
use crate::rules::RuleSet;

/// No progress line for the rest of the run (`--quiet`).
pub(crate) fn silence_progress() {
    progress::silence();
}

/// `paths` as given, else the configuration's.
fn or_default(paths: &[PathBuf], default: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        default.to_vec()
    } else {
        paths.to_vec()
    }
}

pub(crate) fn load_rules(paths: &[PathBuf], config: &Config) -> Result<RuleSet, Errors> {
    if paths.is_empty() {
        missing_default(&config.rules, config, "rules folder", "--rules DIR")?;
    }
    crate::rules::load(&or_default(paths, &config.rules))
}

/// The usage error, with a hint, when a default folder (`what`: "rules",
/// "corpus") is not there: a new user's first run in a new folder.
fn missing_default(
    defaults: &[PathBuf],
    config: &Config,
    what: &str,
    flag: &str,
) -> Result<(), Errors> {
    let Some(missing) = defaults.iter().find(|p| p.symlink_metadata().is_err()) else {
        return Ok(());
    };
    let from = match &config.file {
        Some(file) => format!("the {what} {} names", crate::error::shown(file)),
        None => format!("the default {what}, as no crosscheck.yaml names one"),
    };
    Err(crate::error::Error::Usage(format!(
        "{}: no such file or folder ({from}); give {flag}, or run `crosscheck init` to start \
         a project here",
        crate::error::shown(missing)
    ))
    .into())
}

/// The metric `id` of `rules`, or the usage error that names the closest
/// id (`what` says which argument gave it: "" or "--metric: ").
pub(crate) fn metric<'r>(
    rules: &'r RuleSet,
    id: &str,
    what: &str,
) -> Result<&'r crate::rules::Metric, Errors> {
    rules.metric(id).ok_or_else(|| {
        let hint = crate::yaml::closest(id, rules.metrics.iter().map(|m| m.id.as_str()))
            .map(|id| format!(" (did you mean `{id}`?)"))
            .unwrap_or_default();
        crate::error::Error::Usage(format!(
            "{what}no metric `{id}` in the rules{hint}; `crosscheck rules list` lists them"
        ))
        .into()
    })
}

/// Rules and facts of a corpus.
pub(crate) struct Run {
    pub rules: RuleSet,
    pub analysis: Analysis,
}

/// Facts that are never compared, with why.
pub(crate) type NotCompared<'r> = Vec<(&'r crate::facts::Fact, String)>;

impl Run {
    /// What the walks of the rule folders and of the corpus skipped, and
    /// what the corpus has twice (`id`s).
    pub(crate) fn warnings(&self) -> Vec<Warning> {
        let mut w = self.rules.skipped.clone();
        w.extend(self.analysis.warnings.iter().cloned());
        w
    }

    /// The facts of the analysis that are never compared, and why
    /// (`engine::not_compared`).
    fn not_compared(&self) -> NotCompared<'_> {
        let facts = &self.analysis.facts;
        facts
            .scan()
            .filter_map(|(id, f)| {
                let metric = self.rules.metric(&f.metric)?;
                engine::not_compared(&f, metric).map(|why| (facts.get(id), why))
            })
            .collect()
    }

    /// The findings, which refer to the facts of the analysis.
    pub(crate) fn findings(&self) -> Vec<Finding<'_>> {
        engine::run(&self.analysis.facts, &self.rules)
    }

    /// `findings` and `not_compared` at once: the engine's first pass over
    /// the facts (their keys) takes one core, and reading them for the facts
    /// never compared takes the other (at a million articles, 1.6 s and
    /// 0.8 s).
    pub(crate) fn findings_and_not_compared(&self) -> (Vec<Finding<'_>>, NotCompared<'_>) {
        rayon::join(|| self.findings(), || self.not_compared())
    }
}

/// The articles to read: `paths` as given, else the configuration's (with
/// a hint when they are not there).
pub(crate) fn corpus_paths(paths: &[PathBuf], config: &Config) -> Result<Vec<PathBuf>, Errors> {
    if paths.is_empty() {
        missing_default(&config.corpus, config, "corpus", "articles as PATH")?;
    }
    Ok(or_default(paths, &config.corpus))
}

/// Rules and facts of a corpus; `human`: the output is for people, so a
/// progress line may be shown while the corpus is read.
pub(crate) fn run_corpus(
    args: &CorpusArgs,
    config: &Config,
    human: bool,
    quotes: Quotes,
) -> Result<Run, Errors> {
    let rules = load_rules(&args.rules, config)?;
    let paths = corpus_paths(&args.paths, config)?;
    let analysis = analyse(&paths, &rules, human, quotes)?;
    Ok(Run { rules, analysis })
}

/// The corpus at `paths` read (`corpus::analyse`), with a progress line on
/// standard error when the output is for people (`progress`).
pub(crate) fn analyse(
    paths: &[PathBuf],
    rules: &RuleSet,
    human: bool,
    quotes: Quotes,
) -> Result<Analysis, Errors> {
    let mut progress = progress::Progress::new(human);
    let analysis = corpus::analyse_with(paths, rules, quotes, &mut |read| progress.update(read));
    progress.finish();
    analysis
}

/// Rules and facts of the corpus, or of the shards `facts` when any are
/// given (`--facts`): the same run either way.
pub(crate) fn run_corpus_or_shards(
    args: &CorpusArgs,
    facts: &[PathBuf],
    config: &Config,
    human: bool,
    quotes: Quotes,
) -> Result<Run, Errors> {
    if facts.is_empty() {
        return run_corpus(args, config, human, quotes);
    }
    let rules = load_rules(&args.rules, config)?;
    let analysis = corpus::from_shards(facts, &rules)?;
    Ok(Run { rules, analysis })
}
