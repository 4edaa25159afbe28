//! A Markdown summary (`--format markdown`), fit for a pull-request comment:
//! a headline, one table row per finding (its claims with their quotes and
//! `path:line`, and the difference), then the facts not compared and the
//! stale baseline entries.

use std::io::{self, Write};

use super::human::{self, Shown};
use super::notices::{Notices, SHOWN};
use crate::engine::Finding;

/// The summary of `findings` over `sources` sources and `facts` facts.
pub fn write(
    out: &mut dyn Write,
    sources: usize,
    facts: usize,
    findings: &[Finding],
    notices: &Notices,
) -> io::Result<()> {
    let problems = findings.iter().filter(|f| f.class.is_problem()).count();
    writeln!(
        out,
        "### crosscheck: {} in {} ({})\n",
        human::count(problems, "problem"),
        human::count(sources, "source"),
        human::count(facts, "fact")
    )?;
    if findings.is_empty() {
        writeln!(out, "No findings.")?;
    } else {
        writeln!(
            out,
            "| severity | finding | metric | period | difference | claims | note |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for f in findings {
            write_row(out, f)?;
        }
    }
    write_notices(out, notices)
}

fn write_row(out: &mut dyn Write, f: &Finding) -> io::Result<()> {
    let period = f
        .period
        .map_or_else(|| "any".to_string(), |p| p.to_string());
    let claims: Vec<String> = human::shown(f)
        .iter()
        .map(|r| match r {
            Shown::Fact(of, x) => {
                let of = if of.is_empty() {
                    String::new()
                } else {
                    format!("{of}: ")
                };
                let quote = super::table::excerpt(
                    x.sentence(),
                    (x.quote_span.0 as usize, x.quote_span.1 as usize),
                );
                format!(
                    "{of}**{}** `{}:{}` “{quote}”",
                    x.surface(),
                    crate::error::shown(&x.source.path),
                    x.line
                )
            }
            Shown::More(of, n, what) => {
                format!("{of} {}", human::more(*n, what)).trim().to_string()
            }
        })
        .collect();
    writeln!(
        out,
        "| {} | {} | `{}` | {period} | {} | {} | {} |",
        f.severity,
        f.class,
        f.metric,
        cell(&human::finding_difference(f).unwrap_or_default()),
        cell(&claims.join("<br>")),
        cell(&human::finding_notes(f).unwrap_or_default())
    )
}

/// The facts not compared and the stale baseline entries, as lists.
fn write_notices(out: &mut dyn Write, notices: &Notices) -> io::Result<()> {
    if !notices.not_compared.is_empty() {
        writeln!(
            out,
            "\n#### Not compared: {}\n",
            human::count(notices.not_compared.len(), "fact")
        )?;
        for (f, why) in notices.not_compared.iter().take(SHOWN) {
            writeln!(
                out,
                "- `{}:{}` **{}** ({}): {}",
                crate::error::shown(&f.source.path),
                f.line,
                f.surface(),
                f.metric,
                why
            )?;
        }
        if notices.not_compared.len() > SHOWN {
            writeln!(out, "- … and {} more", notices.not_compared.len() - SHOWN)?;
        }
    }
    if !notices.stale.is_empty() {
        writeln!(
            out,
            "\n#### Stale baseline entries: {}{}\n",
            notices.stale.len(),
            if notices.strict {
                " (they fail the check: `--strict`)"
            } else {
                ""
            }
        )?;
        for e in &notices.stale {
            writeln!(
                out,
                "- `{}` {}",
                notices.stale_at(e),
                Notices::stale_text(e)
            )?;
        }
    }
    Ok(())
}

/// Text safe in a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
