//! `crosscheck explain METRIC`: one metric's rule, examples and facts.

use std::io::Write;

use crate::cli::ExplainArgs;
use crate::config::Config;
use crate::error::{Error, Errors};
use crate::report::rules as render;
use crate::{rule_tests, ExitStatus, Outcome};

pub fn run(args: &ExplainArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let rules = super::load_rules(&args.corpus.rules, config)?;
    let metric = super::metric(&rules, &args.metric, "")?;
    let file = crate::files::read_to_string(&metric.location.path)
        .map_err(|e| Error::io(&metric.location.path, e))?;
    let text = render::rule_block(&file, metric.location.line);
    let examples: Vec<_> = rule_tests::run(&rules)
        .into_iter()
        .filter(|r| r.metric == metric.id || metric.template.as_ref() == Some(&r.metric))
        .collect();
    let paths = super::corpus_paths(&args.corpus.paths, config)?;
    let analysis = super::analyse(&paths, &rules, true, crate::facts::Quotes::Held)?;
    let facts: Vec<_> = analysis
        .facts
        .into_vec()
        .into_iter()
        .filter(|f| *f.metric == *metric.id)
        .collect();
    render::write_explain(out, metric, text.as_deref(), &examples, &facts)
        .map_err(crate::output_error)?;
    let mut warnings = rules.skipped.clone();
    warnings.extend(analysis.warnings);
    Ok(Outcome::after_reading(ExitStatus::Clean, analysis.errors).warning(warnings))
}
