//! `crosscheck check`: conflicts at or above `--fail-on`, exit 1 if any.

use std::io::Write;

use crate::baseline::{self, Baseline};
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::config::Config;
use std::collections::{BTreeMap, BTreeSet};

use crate::baseline::Verdict;
use crate::corpus::Analysis;
use crate::engine::{Class, Finding, Note};
use crate::error::{Error, Errors, Warning};
use crate::facts::{quote, Quotes, Source};
use crate::report::human::Shown;
use crate::report::notices::Notices;
use crate::report::{diagnostic, github, human, json, markdown, sarif, table};
use crate::rules::Severity;
use crate::{ExitStatus, Outcome};
use std::sync::Arc;

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
                return Err(Error::Usage(format!(
                    "--baseline: no such file: {}",
                    crate::error::shown(path)
                ))
                .into())
            }
        },
        None => baseline::load(&config.baseline)?,
    };
    let run = super::run_corpus_or_shards(
        &args.corpus,
        &args.facts,
        config,
        args.format == CheckFormat::Text,
        // JSON lists every fact with its quote; the other formats show the
        // quotes of a few, read again from their articles
        if args.format == CheckFormat::Json {
            Quotes::Held
        } else {
            Quotes::Fetched
        },
    )?;
    let (findings, not_compared) = run.findings_and_not_compared();
    let threshold = match args.fail_on.unwrap_or(config.fail_on) {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let old_sources = accepted.as_ref().map(Baseline::sources);
    // each problem judged against the baseline: accepted (perhaps with new
    // sources joining its readings), or failing
    let mut matched: BTreeSet<usize> = BTreeSet::new();
    let mut known = 0;
    let mut joined: Vec<String> = Vec::new();
    let mut failing: Vec<Finding> = Vec::new();
    for f in findings.iter().filter(|f| f.class.is_problem()) {
        let (verdict, entry) = match &accepted {
            Some(b) => b.judge(f),
            None => (Verdict::New, None),
        };
        matched.extend(entry);
        match verdict {
            Verdict::Accepted { joined: j } => {
                known += 1;
                joined.extend(joined_lines(f, &j));
            }
            _ if f.severity < threshold => {}
            Verdict::New => failing.push(introduced_by(f, None, old_sources.as_ref())),
            Verdict::NewReadings(readings) => {
                let mut f = introduced_by(f, Some(&readings), old_sources.as_ref());
                f.notes.insert(0, Note::NewReadings { readings });
                failing.push(f);
            }
        }
    }
    let stale: Vec<&baseline::Entry> = accepted
        .as_ref()
        .map_or_else(Vec::new, |b| b.stale(&matched));
    let unquoted = match args.format {
        CheckFormat::Text | CheckFormat::Markdown => quote::fetch(failing.iter().flat_map(|f| {
            human::shown(f).into_iter().filter_map(|s| match s {
                Shown::Fact(_, x) => Some(x),
                Shown::More(..) => None,
            })
        })),
        CheckFormat::Jsonl => quote::fetch(failing.iter().flat_map(Finding::facts)),
        CheckFormat::Json | CheckFormat::Sarif | CheckFormat::Github => Vec::new(),
    };
    let baseline_file = args.baseline.as_deref().unwrap_or(&config.baseline);
    let notices = Notices {
        not_compared,
        stale: stale.clone(),
        baseline: Some(baseline_file),
        strict: args.strict,
    };
    let a = &run.analysis;
    let written = match args.format {
        CheckFormat::Text => new_sources(out, &failing, old_sources.as_ref())
            .and_then(|()| joined.iter().try_for_each(|j| writeln!(out, "{j}")))
            .and_then(|()| diagnostic::write_findings(out, &failing, color))
            .and_then(|()| table::write_not_compared(out, &notices))
            .and_then(|()| {
                for e in &stale {
                    writeln!(
                        out,
                        "{}: {}: {}",
                        if args.strict { "error" } else { "warning" },
                        notices.stale_at(e),
                        Notices::stale_text(e)
                    )?;
                }
                writeln!(out, "{}", summary(&failing, threshold, a, known))
            }),
        CheckFormat::Json => json::write_report(out, a.sources, &failing, &a.facts, &notices),
        CheckFormat::Jsonl => json::write_findings_jsonl(out, &failing, &notices),
        CheckFormat::Sarif => sarif::write(out, &failing, &run.rules, &notices),
        CheckFormat::Github => github::write(out, &failing, &notices),
        CheckFormat::Markdown => markdown::write(out, a.sources, a.facts.len(), &failing, &notices),
    };
    written.map_err(crate::output_error)?;
    let mut warnings = run.warnings();
    if args.format != CheckFormat::Text {
        warnings.extend(notices.lines().into_iter().map(Warning::Notice));
    }
    let stale_fails = args.strict && !stale.is_empty();
    let status = if failing.is_empty() && !stale_fails {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    };
    warnings.extend(unquoted);
    Ok(Outcome::after_reading(status, run.analysis.errors).warning(warnings))
}

/// "crosscheck: 1 conflict at or above `error` in 5 sources (9 facts)".
fn summary(failing: &[Finding], threshold: Severity, a: &Analysis, known: usize) -> String {
    let violations = failing
        .iter()
        .filter(|f| f.class == Class::Violation)
        .count();
    let conflicts = failing.len() - violations;
    let checks = match violations {
        0 => String::new(),
        n => format!(" and {}", human::count(n, "check violation")),
    };
    let baselined = match known {
        0 => String::new(),
        n => format!(" ({n} more in the baseline)"),
    };
    format!(
        "crosscheck: {}{checks} at or above `{threshold}` in {} ({}){baselined}",
        human::count(conflicts, "conflict"),
        human::count(a.sources, "source"),
        human::count(a.facts.len(), "fact"),
    )
}

/// "crosscheck: fixtures/new.md joins accepted reading 2 (US$244.8
/// billion) of trade.x, 2024": a line per source new to an accepted
/// reading.
fn joined_lines(f: &Finding, joined: &[(usize, Vec<String>)]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, ids) in joined {
        let Some(r) = f.readings.get(*n) else {
            continue;
        };
        let paths: BTreeSet<String> = r
            .facts
            .sources()
            .filter(|s| ids.iter().any(|id| id == s.id()))
            .map(|s| s.article())
            .collect();
        for path in paths {
            out.push(format!(
                "crosscheck: {path} joins accepted reading {} ({}) of {}, {}",
                n + 1,
                r.lead.surface(),
                f.metric,
                f.period
                    .map_or_else(|| "any period".to_string(), |p| p.to_string())
            ));
        }
    }
    out
}

/// The sources of the facts that brought `f`: those of the new readings
/// when a baseline knows the finding, else those no baseline entry
/// involves; and the ids of the other sources.
fn split_sources<'f>(
    f: &Finding<'f>,
    new_readings: Option<&[usize]>,
    known: &BTreeSet<&str>,
) -> (Vec<&'f Arc<Source>>, BTreeSet<&'f str>) {
    let (new, old): (Vec<&Arc<Source>>, Vec<&Arc<Source>>) = match new_readings {
        Some(rs) => {
            let (mut new, mut old) = (Vec::new(), Vec::new());
            for (i, r) in f.readings.iter().enumerate() {
                if rs.contains(&i) {
                    new.extend(r.facts.sources());
                } else {
                    old.extend(r.facts.sources());
                }
            }
            (new, old)
        }
        None => f.sources().partition(|s| !known.contains(s.id())),
    };
    (new, old.iter().map(|s| s.id()).collect())
}

/// The most sources named in a line.
const NAMED: usize = 5;

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
        let readings = f.notes.iter().find_map(|n| match n {
            Note::NewReadings { readings } => Some(readings.as_slice()),
            _ => None,
        });
        let (new, old) = split_sources(f, readings, known);
        for s in new {
            by_new
                .entry(s.article())
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
            let mut names: Vec<&str> = old.iter().copied().take(NAMED).collect();
            let more = old.len().saturating_sub(NAMED);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            names.dedup();
            writeln!(
                out,
                "crosscheck: {path} conflicts with {} source{} already in the corpus: {}{more}",
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
fn introduced_by<'f>(
    f: &Finding<'f>,
    new_readings: Option<&[usize]>,
    known: Option<&BTreeSet<&str>>,
) -> Finding<'f> {
    let mut out = f.clone();
    let Some(known) = known else {
        return out;
    };
    let (new, old) = split_sources(f, new_readings, known);
    let new: BTreeSet<String> = new.iter().map(|s| s.article()).collect();
    if new.is_empty() {
        return out;
    }
    out.notes.insert(
        0,
        Note::Brought {
            sources: new.into_iter().collect(),
            known: old.len(),
            check: f.class == Class::Violation,
        },
    );
    out
}
