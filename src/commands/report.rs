//! `crosscheck report`: the consistency report.

use std::io::Write;

use crate::cli::{ReportArgs, ReportFormat};
use crate::config::Config;
use crate::error::Errors;
use crate::report::{github, json, markdown, sarif, table};
use crate::{ExitStatus, Outcome};

pub fn run(args: &ReportArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let run = super::run_corpus_or_shards(
        &args.corpus,
        &args.facts,
        config,
        args.format == ReportFormat::Table,
        crate::facts::Quotes::Held,
    )?;
    let findings = &run.findings();
    let a = &run.analysis;
    let written = match args.format {
        ReportFormat::Table => table::write_report(out, a.sources, findings, &a.facts),
        ReportFormat::Json => json::write_report(out, a.sources, findings, &a.facts),
        ReportFormat::Jsonl => json::write_findings_jsonl(out, findings),
        ReportFormat::Sarif => sarif::write(out, findings, &run.rules),
        ReportFormat::Github => github::write(out, findings),
        ReportFormat::Markdown => markdown::write(out, a.sources, a.facts.len(), findings),
    };
    written.map_err(crate::output_error)?;
    let warnings = run.warnings();
    Ok(Outcome::after_reading(ExitStatus::Clean, run.analysis.errors).warning(warnings))
}
