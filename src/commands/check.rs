//! `crosscheck check`: conflicts at or above `--fail-on`, exit 1 if any.

use std::io::Write;

use crate::baseline::{self, Baseline};
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::config::Config;
use crate::engine::{Class, Finding};
use crate::error::{Error, Errors};
use crate::report::{diagnostic, github, json, markdown, sarif};
use crate::rules::Severity;
use crate::{ExitStatus, Outcome};

pub fn run(
    args: &CheckArgs,
    config: &Config,
    color: bool,
    out: &mut dyn Write,
) -> Result<Outcome, Errors> {
    let accepted = match &args.baseline {
        Some(path) => match baseline::load(path)? {
            Some(b) => Some(b),
            None => {
                return Err(
                    Error::Usage(format!("--baseline: no such file: {}", path.display())).into(),
                )
            }
        },
        None => baseline::load(&config.baseline)?,
    };
    let run = super::run_corpus(&args.corpus, config)?;
    let threshold = match args.fail_on.unwrap_or(config.fail_on) {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let problems: Vec<&Finding> = run
        .findings
        .iter()
        .filter(|f| f.class.is_problem())
        .collect();
    let stale: Vec<&baseline::Entry> = accepted.as_ref().map_or_else(Vec::new, |b| {
        let owned: Vec<Finding> = problems.iter().map(|f| (*f).clone()).collect();
        b.stale(&owned)
    });
    let known = accepted
        .as_ref()
        .map_or(0, |b| problems.iter().filter(|f| b.contains(f)).count());
    let failing: Vec<Finding> = problems
        .iter()
        .filter(|f| f.severity >= threshold)
        .filter(|f| !accepted.as_ref().is_some_and(|b| b.contains(f)))
        .map(|f| introduced_by(f, accepted.as_ref()))
        .collect();
    let a = &run.analysis;
    let written = match args.format {
        CheckFormat::Text => new_sources(out, &failing, accepted.as_ref())
            .and_then(|()| diagnostic::write_findings(out, &failing, color))
            .and_then(|()| {
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
            for e in &stale {
                writeln!(
                    out,
                    "{}: stale baseline entry {}: {} {}, {}: {} no longer occurs",
                    if args.strict { "error" } else { "warning" },
                    e.fingerprint,
                    e.class,
                    e.metric,
                    e.period.as_deref().unwrap_or("any period"),
                    e.values.join(" vs ")
                )?;
            }
            let baselined = match known {
                0 => String::new(),
                n => format!(" ({n} more in the baseline)"),
            };
            writeln!(
                out,
                "crosscheck: {conflicts} conflict{}{checks} at or above `{threshold}` in {} sources ({} facts){baselined}",
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
    let stale_fails = args.strict && !stale.is_empty();
    let status = if failing.is_empty() && !stale_fails {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    };
    Ok(Outcome::after_reading(status, run.analysis.errors))
}

/// With a baseline: one line per source that brought new findings, naming
/// the sources already in the corpus it disagrees with.
fn new_sources(
    out: &mut dyn Write,
    failing: &[Finding],
    accepted: Option<&Baseline>,
) -> std::io::Result<()> {
    let Some(b) = accepted else {
        return Ok(());
    };
    let known = b.sources();
    let mut by_new: std::collections::BTreeMap<String, std::collections::BTreeSet<&str>> =
        std::collections::BTreeMap::new();
    for f in failing {
        let old: Vec<&str> = f
            .facts
            .iter()
            .map(|x| x.source.id.as_str())
            .filter(|id| known.contains(id))
            .collect();
        for x in f
            .facts
            .iter()
            .filter(|x| !known.contains(x.source.id.as_str()))
        {
            by_new
                .entry(x.source.path.display().to_string())
                .or_default()
                .extend(old.iter().copied());
        }
    }
    for (path, old) in &by_new {
        if old.is_empty() {
            writeln!(
                out,
                "crosscheck: {path} is new and brings findings of its own"
            )?;
        } else {
            let names: Vec<&str> = old.iter().copied().collect();
            writeln!(
                out,
                "crosscheck: {path} conflicts with {} source{} already in the corpus: {}",
                old.len(),
                if old.len() == 1 { "" } else { "s" },
                names.join(", ")
            )?;
        }
    }
    if !by_new.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

/// `f`, with a note naming the sources that brought it when a baseline
/// knows the others: "fixtures/new.md conflicts with 2 sources already in
/// the corpus".
fn introduced_by(f: &Finding, accepted: Option<&Baseline>) -> Finding {
    let mut f = f.clone();
    let Some(b) = accepted else {
        return f;
    };
    let known = b.sources();
    let mut new: Vec<String> = Vec::new();
    let mut old: Vec<&str> = Vec::new();
    for x in &f.facts {
        if known.contains(x.source.id.as_str()) {
            old.push(x.source.id.as_str());
        } else {
            new.push(x.source.path.display().to_string());
        }
    }
    old.sort_unstable();
    old.dedup();
    new.sort();
    new.dedup();
    if new.is_empty() {
        return f;
    }
    let verb = if f.class == Class::Violation {
        "breaks a check with"
    } else {
        "conflicts with"
    };
    let line = if old.is_empty() {
        format!("new sources: {}", new.join(", "))
    } else {
        format!(
            "{} {verb} {} source{} already in the corpus",
            new.join(" and "),
            old.len(),
            if old.len() == 1 { "" } else { "s" }
        )
    };
    f.note = Some(match f.note.take() {
        Some(n) => format!("{line}; {n}"),
        None => line,
    });
    f
}
