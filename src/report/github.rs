//! GitHub Actions workflow commands (`--format github`): an annotation per
//! claim shown of every finding (the first few of each reading), so each
//! file involved is marked at the figure.
//! `::error file=…,line=…,col=…,title=…::message`.

use std::io::{self, Write};

use super::notices::Notices;
use crate::engine::Finding;
use crate::rules::Severity;

/// One annotation per claim shown; a `::warning` per fact never compared
/// and one per stale baseline entry (`::error` with `--strict`).
pub fn write(out: &mut dyn Write, findings: &[Finding], notices: &Notices) -> io::Result<()> {
    for f in findings {
        let command = match f.severity {
            Severity::Error if f.class.is_problem() => "error",
            Severity::Warning if f.class.is_problem() => "warning",
            _ => "notice",
        };
        let title = format!("{} {}", f.class, f.metric);
        let summary = super::human::finding_summary(f);
        for (_, x) in super::human::shown_facts(f) {
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                property(&x.source.path.display().to_string()),
                x.line,
                x.column,
                property(&title),
                data(&summary)
            )?;
        }
    }
    for (x, why) in &notices.not_compared {
        writeln!(
            out,
            "::warning file={},line={},col={},title={}::{}",
            property(&x.source.path.display().to_string()),
            x.line,
            x.column,
            property(&format!("not compared {}", x.metric)),
            data(&format!("\"{}\" is not compared: {why}", x.surface()))
        )?;
    }
    let baseline = notices.baseline.map_or_else(
        || crate::baseline::DEFAULT_FILE.to_string(),
        |p| p.display().to_string(),
    );
    for e in &notices.stale {
        writeln!(
            out,
            "::{} file={},line={},title={}::{}",
            if notices.strict { "error" } else { "warning" },
            property(&baseline),
            e.line.max(1),
            property("stale baseline entry"),
            data(&Notices::stale_text(e))
        )?;
    }
    Ok(())
}

/// Escapes a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(property("x:y,z"), "x%3Ay%2Cz");
    }
}
