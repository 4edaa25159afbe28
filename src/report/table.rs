//! Tables for people (comfy-table): the consistency report, the facts list
//! and the quantities of `extract --format table`.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::human::{self, Shown};
use super::notices::{Notices, SHOWN};
use crate::documents::Document;
use crate::engine::{Class, Finding};
use crate::extract::{Quantity, DEFAULT_SLACK};
use crate::facts::{Fact, Facts};

/// Longest quote shown in a table cell, in characters.
const QUOTE_WIDTH: usize = 64;

/// A table with `header`; `width::fit` lays it out once its rows are in.
pub(crate) fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    t
}

/// The report with the facts not compared of `notices`, listed after the
/// findings.
pub fn write_report(
    out: &mut dyn Write,
    sources: usize,
    findings: &[Finding],
    facts: &Facts,
    notices: &Notices,
) -> io::Result<()> {
    let conflicts = findings
        .iter()
        .filter(|f| f.class == Class::Conflict)
        .count();
    let violations = findings
        .iter()
        .filter(|f| f.class == Class::Violation)
        .count();
    let differences = findings
        .iter()
        .filter(|f| f.class == Class::Difference)
        .count();
    let disputed = findings
        .iter()
        .filter(|f| f.class == Class::Disputed)
        .count();
    let agreements = findings.len() - conflicts - violations - differences - disputed;
    let mut checks = String::new();
    if violations > 0 {
        checks.push_str(&format!(
            ", {violations} check violation{}",
            plural(violations)
        ));
    }
    if differences > 0 {
        checks.push_str(&format!(
            ", {differences} documented difference{}",
            plural(differences)
        ));
    }
    if disputed > 0 {
        checks.push_str(&format!(
            ", {disputed} claim{} the data dispute",
            plural(disputed)
        ));
    }
    writeln!(
        out,
        "crosscheck report: {}, {}, {}, {}{checks}\n",
        human::count(sources, "source"),
        human::count(facts.len(), "fact"),
        human::count(conflicts, "conflict"),
        human::count(agreements, "agreement"),
    )?;
    for finding in findings {
        write_finding(out, finding)?;
    }
    write_not_compared(out, notices)?;
    writeln!(out, "Facts by metric and period")?;
    writeln!(out, "{}", by_metric(facts))
}

/// "Not compared: 2 facts", a line for each (the first `SHOWN`).
pub(crate) fn write_not_compared(out: &mut dyn Write, notices: &Notices) -> io::Result<()> {
    let n = notices.not_compared.len();
    if n == 0 {
        return Ok(());
    }
    writeln!(out, "Not compared: {}", human::count(n, "fact"))?;
    for (f, why) in notices.not_compared.iter().take(SHOWN) {
        writeln!(out, "  {}", Notices::not_compared_text(f, why))?;
    }
    if n > SHOWN {
        writeln!(
            out,
            "  ... and {} more (`--format json` lists them all)",
            n - SHOWN
        )?;
    }
    writeln!(out)
}

fn write_finding(out: &mut dyn Write, f: &Finding) -> io::Result<()> {
    writeln!(
        out,
        "{}[{}] {}",
        f.severity,
        f.class,
        human::finding_title(f)
    )?;
    let rows = human::shown(f);
    let labelled = rows.iter().any(|r| match r {
        Shown::Fact(l, _) | Shown::More(l, _, _) => !l.is_empty(),
    });
    let mut header = vec!["as written", "normalized", "interval", "source", "quote"];
    // "reading 2" is the first column's "2", under "reading"
    if labelled {
        header.insert(
            0,
            if f.readings.is_empty() {
                "combination"
            } else {
                "reading"
            },
        );
    }
    let mut t = table(&header);
    for row in &rows {
        let (label, mut cells) = match row {
            Shown::Fact(label, fact) => (label, fact_cells(fact)),
            Shown::More(label, n, what) => (label, vec![human::more(*n, what)]),
        };
        if labelled {
            let number = label.rsplit(' ').next().unwrap_or_default();
            cells.insert(0, number.to_string());
        }
        t.add_row(cells);
    }
    super::width::fit(&mut t);
    writeln!(out, "{t}")?;
    if let Some(d) = human::finding_difference(f) {
        writeln!(out, "  difference: {d}")?;
    }
    for note in f.notes.iter().chain(
        f.combinations
            .iter()
            .take(human::SHOWN_COMBINATIONS)
            .map(|c| &c.note),
    ) {
        writeln!(out, "  note: {}", super::notes::text(note))?;
    }
    writeln!(out)
}

fn fact_cells(f: &Fact) -> Vec<String> {
    let q = &f.quantity;
    let written = human::as_written(f);
    let normalized = match (q.value, q.range()) {
        (Some(v), _) => human::amount(v, &f.unit),
        (None, Some((lo, hi))) => format!(
            "{} to {}",
            human::amount(lo, &f.unit),
            human::amount(hi, &f.unit)
        ),
        (None, None) => String::new(),
    };
    let forecast = super::diagnostic::role_note(q.role);
    let normalized = match (f.conversion(), f.not_comparable()) {
        (Some(c), _) => format!(
            "{normalized} (at {} {}/{})",
            c.rate.normalize(),
            f.unit,
            c.from
        ),
        (None, Some(why)) => format!("not comparable: {why}"),
        (None, None) => normalized,
    };
    vec![
        format!("{written}{forecast}"),
        normalized,
        human::interval(f.interval(), &f.unit),
        format!("{}:{}", crate::error::shown(&f.source.path), f.line),
        excerpt(
            f.sentence(),
            (f.quote_span.0 as usize, f.quote_span.1 as usize),
        ),
    ]
}

/// Facts as a table, in the order given, with metric and period columns.
fn facts_table(facts: &[&Fact]) -> Table {
    let mut t = table(&[
        "metric",
        "period",
        "as written",
        "normalized",
        "interval",
        "source",
        "quote",
    ]);
    for f in facts {
        let period = f
            .period
            .map_or_else(|| "unknown".to_string(), |p| p.to_string());
        let mut row = vec![f.metric.to_string(), period];
        row.extend(fact_cells(f));
        t.add_row(row);
    }
    super::width::fit(&mut t);
    t
}

/// The report's facts: by metric, period, then source.
fn by_metric(facts: &Facts) -> Table {
    let mut sorted: Vec<&Fact> = facts.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.metric, a.period, &a.source.path, a.line).cmp(&(
            &b.metric,
            b.period,
            &b.source.path,
            b.line,
        ))
    });
    facts_table(&sorted)
}

/// `facts --format table`: per source, in text order.
pub fn write_facts<'f>(
    out: &mut dyn Write,
    facts: impl IntoIterator<Item = &'f Fact>,
) -> io::Result<()> {
    let in_order: Vec<&Fact> = facts.into_iter().collect();
    writeln!(out, "{}", facts_table(&in_order))
}

/// `extract --format table`.
pub fn write_quantities(
    out: &mut dyn Write,
    doc: &Document,
    quantities: &[Quantity],
) -> io::Result<()> {
    let mut t = table(&[
        "line:col",
        "kind",
        "as written",
        "value",
        "interval",
        "period",
        "forecast",
    ]);
    for q in quantities {
        let (line, col) = doc.locate(q.start);
        let written = match &q.qualifier_text {
            Some(w) => format!("{w} {}", &doc.text[q.start..q.end]),
            None => doc.text[q.start..q.end].to_string(),
        };
        let interval = if q.kind.is_metric() {
            human::interval(q.interval(DEFAULT_SLACK), q.unit)
        } else {
            String::new()
        };
        t.add_row(vec![
            format!("{line}:{col}"),
            format!("{:?}", q.kind).to_lowercase(),
            written,
            match q.value {
                Some(v) if q.kind.is_metric() => human::grouped(v),
                Some(v) => v.to_string(),
                None => String::new(),
            },
            interval,
            q.period.map_or_else(String::new, |p| p.to_string()),
            match q.role {
                crate::extract::Role::Actual => String::new(),
                role => role.as_str().to_string(),
            },
        ]);
    }
    super::width::fit(&mut t);
    writeln!(out, "{t}")
}

/// The quote cut to `QUOTE_WIDTH` characters around the figure, with "…".
pub(crate) fn excerpt(quote: &str, (start, end): (usize, usize)) -> String {
    let chars: Vec<(usize, char)> = quote.char_indices().collect();
    if chars.len() <= QUOTE_WIDTH {
        return quote.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let figure_at = chars.iter().position(|(i, _)| *i >= start).unwrap_or(0);
    let figure_end = chars
        .iter()
        .position(|(i, _)| *i >= end)
        .unwrap_or(chars.len());
    let room = QUOTE_WIDTH.saturating_sub(figure_end - figure_at) / 2;
    let from = figure_at.saturating_sub(room);
    let to = (from + QUOTE_WIDTH).min(chars.len());
    let from = to.saturating_sub(QUOTE_WIDTH).min(from);
    let text: String = chars[from..to].iter().map(|(_, c)| *c).collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{}{text}{}",
        if from > 0 { "…" } else { "" },
        if to < chars.len() { "…" } else { "" }
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
