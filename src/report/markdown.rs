//! A Markdown summary (`--format markdown`), fit for a pull-request comment:
//! a headline and one table row per finding.

use std::io::{self, Write};

use crate::engine::Finding;

/// The summary of `findings` over `sources` sources and `facts` facts.
pub fn write(
    out: &mut dyn Write,
    sources: usize,
    facts: usize,
    findings: &[Finding],
) -> io::Result<()> {
    let problems = findings.iter().filter(|f| f.class.is_problem()).count();
    writeln!(
        out,
        "### crosscheck: {problems} problem{} in {sources} sources ({facts} facts)\n",
        if problems == 1 { "" } else { "s" }
    )?;
    if findings.is_empty() {
        return writeln!(out, "No findings.");
    }
    writeln!(
        out,
        "| severity | finding | metric | period | claims | note |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for f in findings {
        let period = f
            .period
            .map_or_else(|| "any".to_string(), |p| p.to_string());
        let claims: Vec<String> = super::human::shown(f)
            .iter()
            .map(|r| match r {
                super::human::Shown::Fact(of, x) => {
                    let of = if of.is_empty() {
                        String::new()
                    } else {
                        format!("{of}: ")
                    };
                    format!(
                        "{of}{} ({}:{})",
                        x.surface(),
                        crate::error::shown(&x.source.path),
                        x.line
                    )
                }
                super::human::Shown::More(of, n, what) => {
                    format!("{of} {}", super::human::more(*n, what))
                        .trim()
                        .to_string()
                }
            })
            .collect();
        writeln!(
            out,
            "| {} | {} | `{}` | {period} | {} | {} |",
            f.severity,
            f.class,
            f.metric,
            cell(&claims.join("<br>")),
            cell(&super::human::finding_notes(f).unwrap_or_default())
        )?;
    }
    Ok(())
}

/// Text safe in a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
