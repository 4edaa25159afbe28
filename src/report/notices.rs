//! What a run shows beside its findings, in every format: facts that are
//! never compared (a yearly figure whose year is unknown, a currency with
//! no rate) and, for `check`, baseline entries no finding matches any more.

use std::path::Path;

use crate::baseline::Entry;
use crate::facts::Fact;

/// The facts not compared and the stale baseline entries of a run.
#[derive(Debug, Default)]
pub struct Notices<'a> {
    /// Each fact never compared, with why.
    pub not_compared: Vec<(&'a Fact, String)>,
    /// Entries of the baseline file that no finding matches.
    pub stale: Vec<&'a Entry>,
    /// The baseline file the stale entries are of.
    pub baseline: Option<&'a Path>,
    /// Whether stale entries fail the check (`--strict`).
    pub strict: bool,
}

/// Lines a human format or standard error lists before "… and N more".
pub(crate) const SHOWN: usize = 10;

impl Notices<'_> {
    /// "fixtures/a.md:6: \"$240 billion\" (trade.x) is not compared: its
    /// year is unknown ...".
    pub fn not_compared_text(fact: &Fact, why: &str) -> String {
        format!(
            "{}:{}: \"{}\" ({}) is not compared: {why}",
            crate::error::shown(&fact.source.path),
            fact.line,
            fact.surface(),
            fact.metric
        )
    }

    /// Where a stale entry is: "crosscheck-baseline.yaml:4".
    pub fn stale_at(&self, e: &Entry) -> String {
        let file = self.baseline.map_or_else(
            || crate::baseline::DEFAULT_FILE.to_string(),
            crate::error::shown,
        );
        format!("{file}:{}", e.line)
    }

    /// "stale baseline entry b58f…: conflict trade.x, 2024: $245 billion vs
    /// US$244.8 billion no longer occurs".
    pub fn stale_text(e: &Entry) -> String {
        format!(
            "stale baseline entry {}: {} {}, {}: {} no longer occurs",
            e.fingerprint,
            e.class,
            e.metric,
            e.period.as_deref().unwrap_or("any period"),
            e.shown_values().join(" vs ")
        )
    }

    /// Every notice as one line for standard error, with its `path:line`:
    /// the first `SHOWN` facts not compared and a count of the others,
    /// then every stale entry.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .not_compared
            .iter()
            .take(SHOWN)
            .map(|(f, why)| Self::not_compared_text(f, why))
            .collect();
        if self.not_compared.len() > SHOWN {
            out.push(format!(
                "... and {} more facts not compared (`--format json` lists them all)",
                self.not_compared.len() - SHOWN
            ));
        }
        for e in &self.stale {
            let fails = if self.strict {
                " (fails the check: --strict)"
            } else {
                ""
            };
            out.push(format!(
                "{}: {}{fails}",
                self.stale_at(e),
                Self::stale_text(e)
            ));
        }
        out
    }
}
