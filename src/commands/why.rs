//! `crosscheck why PATH:LINE`: what each metric made of each figure of a
//! line, and why.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::WhyArgs;
use crate::config::Config;
use crate::documents::jsonl::{is_jsonl, JsonLines};
use crate::documents::Document;
use crate::error::{Error, Errors};
use crate::facts::why::{self, FigureWhy, Verdict};
use crate::report::human;
use crate::{ExitStatus, Outcome};

pub fn run(args: &WhyArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let (path, line) = place(&args.at)?;
    let rules = super::load_rules(&args.rules, config)?;
    if let Some(id) = &args.metric {
        super::metric(&rules, id, "--metric: ")?;
    }
    let doc = read(&path, line)?;
    let quantities = crate::extract::extract(&doc);
    let figures = why::line(&doc, &quantities, &rules, line);
    write(out, (&path, &doc), line, &figures, args.metric.as_deref())
        .map_err(crate::output_error)?;
    Ok(Outcome::after_reading(ExitStatus::Clean, Errors::default()).warning(rules.skipped))
}

/// `PATH:LINE` split at its last colon.
fn place(at: &str) -> Result<(PathBuf, usize), Errors> {
    let bad = || {
        Error::Usage(format!(
            "expected PATH:LINE (an article and a line of it, `a.md:12`), found `{at}`"
        ))
    };
    let (path, line) = at.rsplit_once(':').ok_or_else(bad)?;
    let line: usize = line.parse().map_err(|_| bad())?;
    if path.is_empty() || line == 0 {
        return Err(bad().into());
    }
    Ok((PathBuf::from(path), line))
}

/// The article at `path`: the file, or the article of line `line` of a
/// JSON Lines file.
fn read(path: &Path, line: usize) -> Result<Document, Errors> {
    if !is_jsonl(path) {
        return Ok(Document::read(path)?);
    }
    let mut lines = JsonLines::open(path)?;
    while let Some(l) = lines.next_line() {
        let l = l?;
        if l.number == line {
            return Ok(l.parse()?);
        }
    }
    Err(Error::Usage(format!(
        "{}: no article on line {line}",
        crate::error::shown(path)
    ))
    .into())
}

fn write(
    out: &mut dyn Write,
    (path, doc): (&Path, &Document),
    line: usize,
    figures: &[FigureWhy],
    only: Option<&str>,
) -> std::io::Result<()> {
    let shown = crate::error::shown(path);
    if figures.is_empty() {
        writeln!(out, "{shown}:{line}: no figure on this line")?;
        return Ok(());
    }
    for (n, f) in figures.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let q = &f.quantity;
        let value = match (q.value, q.range()) {
            (Some(v), _) => human::amount(v, q.unit),
            (None, Some((lo, hi))) => format!(
                "{} to {}",
                human::amount(lo, q.unit),
                human::amount(hi, q.unit)
            ),
            (None, None) => q.unit.to_string(),
        };
        let period = q.period.map_or("no period".to_string(), |p| {
            format!("{p} ({})", q.period_basis.as_str())
        });
        writeln!(
            out,
            "{shown}:{}:{}: {:?}: {} {value}, {period}, {}",
            f.line,
            f.column,
            doc.text.get(q.start..q.end).unwrap_or(&q.written),
            q.kind.as_str(),
            q.role.as_str()
        )?;
        if let Some(never) = f.never {
            writeln!(out, "  no metric: {never}")?;
            continue;
        }
        for fact in &f.facts {
            if only.is_some_and(|id| id != &*fact.metric) {
                continue;
            }
            let period = fact
                .period
                .map_or("no period: listed, never compared".to_string(), |p| {
                    p.to_string()
                });
            writeln!(
                out,
                "  fact of {}: {period}, {}",
                fact.metric,
                fact.quantity.role.as_str()
            )?;
        }
        let mut kinds = 0;
        for (metric, verdict) in &f.verdicts {
            if only.is_some_and(|id| id != metric) {
                continue;
            }
            match verdict {
                Verdict::Claimed => {}
                Verdict::NotItsKind if only.is_none() => kinds += 1,
                v => writeln!(out, "  {metric}: {v}")?,
            }
        }
        if kinds > 0 {
            let s = if kinds == 1 { "" } else { "s" };
            writeln!(
                out,
                "  ({kinds} other metric{s} count another kind or unit of figure)"
            )?;
        }
    }
    Ok(())
}
