//! `crosscheck check`: conflicts at or above `--fail-on`, exit 1 if any.

use std::io::Write;

use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::engine::{Class, Finding};
use crate::error::Errors;
use crate::report::{diagnostic, github, json, markdown, sarif};
use crate::rules::Severity;
use crate::{ExitStatus, Outcome};

pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let run = super::run_corpus(&args.corpus)?;
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let failing: Vec<Finding> = run
        .findings
        .into_iter()
        .filter(|f| f.class.is_problem() && f.severity >= threshold)
        .collect();
    let a = &run.analysis;
    let written = match args.format {
        CheckFormat::Text => diagnostic::write_findings(out, &failing).and_then(|()| {
            let violations = failing
                .iter()
                .filter(|f| f.class == Class::Violation)
                .count();
            let conflicts = failing.len() - violations;
            let checks = match violations {
                0 => String::new(),
                1 => " and 1 check violation".to_string(),
                n => format!(" and {n} check violations"),
            };
            writeln!(
                out,
                "crosscheck: {conflicts} conflict{}{checks} at or above `{threshold}` in {} sources ({} facts)",
                if conflicts == 1 { "" } else { "s" },
                a.sources,
                a.facts.len()
            )
        }),
        CheckFormat::Json => json::write_report(out, a.sources, &failing, &a.facts),
        CheckFormat::Jsonl => json::write_findings_jsonl(out, &failing),
        CheckFormat::Sarif => sarif::write(out, &failing, &run.rules),
        CheckFormat::Github => github::write(out, &failing),
        CheckFormat::Markdown => markdown::write(out, a.sources, a.facts.len(), &failing),
    };
    written.map_err(crate::output_error)?;
    let status = if failing.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    };
    Ok(Outcome::after_reading(status, run.analysis.errors))
}
