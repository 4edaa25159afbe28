//! `check` output: each finding as a compiler-style diagnostic, with every
//! claim's source line, the figure underlined and its interval as the label
//! (annotate-snippets).

use std::io::{self, Write};

use annotate_snippets::{Level, Renderer, Snippet};

use super::human;
use crate::engine::Finding;
use crate::rules::Severity;

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Writes one diagnostic per finding.
pub fn write_findings(out: &mut dyn Write, findings: &[Finding], color: bool) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for f in findings {
        let title = human::finding_title(f);
        let rows = human::shown(f);
        let facts = human::shown_facts(f);
        let paths: Vec<String> = facts
            .iter()
            .map(|(_, x)| crate::error::shown(&x.source.path))
            .collect();
        let labels: Vec<String> = facts
            .iter()
            .map(|(of, x)| {
                let forecast = role_note(x.quantity.role);
                // the normalized value, then the interval it stands for
                let value = match (x.quantity.value, x.quantity.range()) {
                    (Some(v), _) => format!("{}, interval ", human::amount(v, &x.unit)),
                    (None, Some((lo, hi))) => format!(
                        "{} to {}, interval ",
                        human::amount(lo, &x.unit),
                        human::amount(hi, &x.unit)
                    ),
                    (None, None) => String::new(),
                };
                let of = if of.is_empty() {
                    String::new()
                } else {
                    format!("{of}: ")
                };
                format!(
                    "{of}{value}{}{forecast}",
                    human::interval(x.interval(), &x.unit)
                )
            })
            .collect();
        let lvl = level(f.severity);
        let id = f.class.to_string();
        let mut message = lvl.title(&title).id(&id);
        for (((_, fact), path), label) in facts.iter().zip(&paths).zip(&labels) {
            let (a, b) = fact.quote_span;
            message = message.snippet(
                Snippet::source(fact.sentence())
                    .line_start(fact.quote_line as usize)
                    .origin(path)
                    .fold(false)
                    .annotation(lvl.span(a as usize..b as usize).label(label)),
            );
        }
        let mores: Vec<String> = rows
            .iter()
            .filter_map(|r| match r {
                human::Shown::More(of, n, what) if of.is_empty() => Some(human::more(*n, what)),
                human::Shown::More(of, n, what) => Some(format!("{of}: {}", human::more(*n, what))),
                human::Shown::Fact(..) => None,
            })
            .collect();
        for m in &mores {
            message = message.footer(Level::Note.title(m));
        }
        let difference = human::finding_difference(f).map(|d| format!("difference: {d}"));
        if let Some(d) = &difference {
            message = message.footer(Level::Note.title(d));
        }
        let notes: Vec<String> = f
            .notes
            .iter()
            .chain(
                f.combinations
                    .iter()
                    .take(human::SHOWN_COMBINATIONS)
                    .map(|c| &c.note),
            )
            .map(super::notes::text)
            .collect();
        for note in &notes {
            message = message.footer(Level::Note.title(note));
        }
        writeln!(out, "{}\n", renderer.render(message))?;
    }
    Ok(())
}

/// " (forecast)", " (target)" …: what a figure that is not an actual value
/// is, after its value.
pub(crate) fn role_note(role: crate::extract::Role) -> String {
    match role {
        crate::extract::Role::Actual => String::new(),
        other => format!(" ({})", other.as_str()),
    }
}
