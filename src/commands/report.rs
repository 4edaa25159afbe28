//! `crosscheck report`: the consistency report.

use std::io::Write;

use crate::cli::{ReportArgs, ReportFormat};
use crate::config::Config;
use crate::error::{Errors, Warning};
use crate::report::notices::Notices;
use crate::report::{github, html, json, markdown, sarif, table};
use crate::{ExitStatus, Outcome};

pub fn run(args: &ReportArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let run = super::run_corpus_or_shards(
        &args.corpus,
        &args.facts,
        config,
        args.format == ReportFormat::Table,
        crate::facts::Quotes::Held,
    )?;
    let (findings, not_compared) = run.findings_and_not_compared();
    let findings = &findings;
    let notices = Notices {
        not_compared,
        ..Notices::default()
    };
    let a = &run.analysis;
    let written = match args.format {
        ReportFormat::Table => table::write_report(out, a.sources, findings, &a.facts, &notices),
        ReportFormat::Json => json::write_report(out, a.sources, findings, &a.facts, &notices),
        ReportFormat::Jsonl => json::write_findings_jsonl(out, findings, &notices),
        ReportFormat::Sarif => sarif::write(out, findings, &run.rules, &notices),
        ReportFormat::Github => github::write(out, findings, &notices),
        ReportFormat::Markdown => {
            markdown::write(out, a.sources, a.facts.len(), findings, &notices)
        }
        ReportFormat::Html => html::write(out, a.sources, findings, &a.facts),
    };
    written.map_err(crate::output_error)?;
    let mut warnings = run.warnings();
    if args.format != ReportFormat::Table {
        warnings.extend(notices.lines().into_iter().map(Warning::Notice));
    }
    Ok(Outcome::after_reading(ExitStatus::Clean, run.analysis.errors).warning(warnings))
}
