//! `crosscheck check`: conflicts at or above `--fail-on`, exit 1 if any.

use std::io::Write;

use crate::baseline::{self, Baseline};
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::config::Config;
use std::collections::{BTreeMap, BTreeSet};

use crate::engine::{fingerprint, Class, Finding};
use crate::error::{Error, Errors};
use crate::facts::Fact;
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
    // every problem with its fingerprint, computed once
    let problems: Vec<(String, &Finding)> = run
        .findings
        .iter()
        .filter(|f| f.class.is_problem())
        .map(|f| (fingerprint(f), f))
        .collect();
    let current: BTreeSet<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
    let stale: Vec<&baseline::Entry> = accepted
        .as_ref()
        .map_or_else(Vec::new, |b| b.stale(&current));
    let accepted_print = |p: &str| accepted.as_ref().is_some_and(|b| b.accepts(p));
    let known = problems.iter().filter(|(p, _)| accepted_print(p)).count();
    let old_sources = accepted.as_ref().map(Baseline::sources);
    let failing: Vec<Finding> = problems
        .iter()
        .filter(|(p, f)| f.severity >= threshold && !accepted_print(p))
        .map(|(_, f)| introduced_by(f, old_sources.as_ref()))
        .collect();
    let a = &run.analysis;
    let written = match args.format {
        CheckFormat::Text => new_sources(out, &failing, old_sources.as_ref())
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

/// The facts of `f` from sources no baseline entry involves, and the ids of
/// those it does.
fn split_sources<'f>(f: &'f Finding, known: &BTreeSet<&str>) -> (Vec<&'f Fact>, BTreeSet<&'f str>) {
    let (old, new): (Vec<&Fact>, Vec<&Fact>) = f
        .facts
        .iter()
        .partition(|x| known.contains(x.source.id.as_str()));
    (new, old.iter().map(|x| x.source.id.as_str()).collect())
}

/// With a baseline: one line per source that brought new findings, naming
/// the sources already in the corpus it disagrees with.
fn new_sources(
    out: &mut dyn Write,
    failing: &[Finding],
    known: Option<&BTreeSet<&str>>,
) -> std::io::Result<()> {
    let Some(known) = known else {
        return Ok(());
    };
    let mut by_new: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for f in failing {
        let (new, old) = split_sources(f, known);
        for x in new {
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
fn introduced_by(f: &Finding, known: Option<&BTreeSet<&str>>) -> Finding {
    let mut out = f.clone();
    let Some(known) = known else {
        return out;
    };
    let (new, old) = split_sources(f, known);
    let new: BTreeSet<String> = new
        .iter()
        .map(|x| x.source.path.display().to_string())
        .collect();
    if new.is_empty() {
        return out;
    }
    let new: Vec<String> = new.into_iter().collect();
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
    out.note = Some(match out.note.take() {
        Some(n) => format!("{line}; {n}"),
        None => line,
    });
    out
}
