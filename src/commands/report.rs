//! `crosscheck report`: the consistency report.

use std::io::Write;

use crate::cli::{ReportArgs, ReportFormat};
use crate::config::Config;
use crate::error::{Error, Errors};
use crate::report::{github, html, json, markdown, sarif, table};
use crate::{ExitStatus, Outcome};

pub fn run(args: &ReportArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let run = super::run_corpus_or_shards(
        &args.corpus,
        &args.facts,
        config,
        args.format == ReportFormat::Table,
    )?;
    let findings = &run.findings();
    let a = &run.analysis;
    // --output FILE: the report is made in memory and written at once, so
    // a failed run never leaves half a file
    let mut buffer = Vec::new();
    let out: &mut dyn Write = if args.output.is_some() {
        &mut buffer
    } else {
        out
    };
    let written = match args.format {
        ReportFormat::Table => table::write_report(out, a.sources, findings, &a.facts),
        ReportFormat::Json => json::write_report(out, a.sources, findings, &a.facts),
        ReportFormat::Jsonl => json::write_findings_jsonl(out, findings),
        ReportFormat::Sarif => sarif::write(out, findings, &run.rules),
        ReportFormat::Github => github::write(out, findings),
        ReportFormat::Markdown => markdown::write(out, a.sources, a.facts.len(), findings),
        ReportFormat::Html => html::write(out, a.sources, findings, &a.facts),
    };
    written.map_err(crate::output_error)?;
    if let Some(path) = &args.output {
        crate::files::write_atomic(path, &buffer).map_err(|e| Error::write(path, e))?;
    }
    let warnings = run.warnings();
    Ok(Outcome::after_reading(ExitStatus::Clean, run.analysis.errors).warning(warnings))
}
