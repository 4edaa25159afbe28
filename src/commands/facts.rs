//! `crosscheck facts`: the typed facts, per source.

use std::io::Write;

use crate::cli::{FactsArgs, FactsFormat};
use crate::config::Config;
use crate::error::Errors;
use crate::report::{json, table};
use crate::{ExitStatus, Outcome};

pub fn run(args: &FactsArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let rules = super::load_rules(&args.corpus.rules, config)?;
    let paths = super::corpus_paths(&args.corpus.paths, config)?;
    let a = super::analyse(
        &paths,
        &rules,
        args.format == FactsFormat::Table,
        crate::facts::Quotes::Held,
    )?;
    let written = match args.format {
        FactsFormat::Table => table::write_facts(out, &a.facts),
        FactsFormat::Json => json::write_facts_json(out, &a.facts),
        FactsFormat::Jsonl => {
            let errors: Vec<String> = a.errors.0.iter().map(ToString::to_string).collect();
            json::write_facts_jsonl(out, a.sources, &a.facts, &errors)
        }
    };
    written.map_err(crate::output_error)?;
    let mut warnings = rules.skipped;
    warnings.extend(a.warnings);
    Ok(Outcome::after_reading(ExitStatus::Clean, a.errors).warning(warnings))
}
