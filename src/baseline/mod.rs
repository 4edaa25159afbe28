//! The baseline: disagreements accepted as they are (`crosscheck baseline`
//! writes it, `check` reads it). An entry names a key (metric, period, role,
//! basis) and the readings accepted for it, each with its value, interval
//! and sources, never a pair of facts. `check` passes a conflict whose every
//! reading an accepted reading covers (a new source that repeats an accepted
//! value joins that reading and fails nothing), fails when a reading appears
//! that no accepted one covers, and lists entries that no longer occur as
//! stale.
//!
//! Written atomically (`files::write_atomic`): to a temporary file of a
//! fresh name beside it, then renamed over it, so an interrupted run leaves
//! the old baseline whole.

use std::collections::BTreeSet;
use std::path::Path;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::{fingerprint, Finding, Reading, Span};
use crate::error::Error;
use crate::extract::Role;

mod comments;

/// The file `check` reads and `baseline` writes when none is named.
pub const DEFAULT_FILE: &str = "crosscheck-baseline.yaml";

/// The version of the baseline file: 2 holds readings (version 1 held
/// pairs of facts).
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    #[serde(default)]
    pub findings: Vec<Entry>,
}

/// One accepted finding, with what a person needs to recognise it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub class: String,
    pub metric: String,
    pub period: Option<String>,
    /// The role of the key's figures, when not `actual`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For a change metric: the basis of its changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// For a conflict: the readings accepted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<AcceptedReading>,
    /// For a check's violation: the figures of its failing combinations, as
    /// written; it is accepted while its fingerprint is the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Why the finding is accepted: for a person to fill in.
    #[serde(default)]
    pub reason: String,
    /// The line of the file the entry starts at (0 when not read from one).
    #[serde(skip)]
    pub line: usize,
}

/// One accepted reading: its lead as written, the interval its claims
/// allow (base units; an absent end is unbounded) and the `id`s of its
/// sources.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AcceptedReading {
    pub value: String,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    pub sources: Vec<String>,
}

impl AcceptedReading {
    fn of(r: &Reading) -> AcceptedReading {
        AcceptedReading {
            value: r.lead.surface().to_string(),
            min: r.interval.lo.map(|b| b.value.normalize()),
            max: r.interval.hi.map(|b| b.value.normalize()),
            sources: ids(r.facts.sources()),
        }
    }

    /// Whether the reading's interval meets this one's (ends taken as
    /// closed).
    fn covers(&self, r: &Reading) -> bool {
        let accepted = Span {
            lo: self.min,
            hi: self.max,
        };
        !accepted.disjoint(Span::of_interval(&r.interval))
    }
}

/// The sorted, distinct `id`s of `sources`.
fn ids<'f>(sources: impl Iterator<Item = &'f std::sync::Arc<crate::facts::Source>>) -> Vec<String> {
    let set: BTreeSet<&str> = sources.map(|s| s.id()).collect();
    set.into_iter().map(str::to_string).collect()
}

/// What the baseline says of a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// No entry for its key (or, for a violation, its fingerprint).
    New,
    /// Every reading is covered; `joined` lists, by reading (0-based),
    /// the sources the baseline does not list for it.
    Accepted { joined: Vec<(usize, Vec<String>)> },
    /// These readings (0-based) are covered by no accepted reading.
    NewReadings(Vec<usize>),
}

impl Entry {
    pub fn of(f: &Finding) -> Entry {
        Entry {
            fingerprint: fingerprint(f),
            class: f.class.to_string(),
            metric: f.metric.clone(),
            period: f.period.map(|p| p.to_string()),
            role: (f.role != Role::Actual).then(|| f.role.as_str().to_string()),
            basis: f.basis.clone(),
            readings: f.readings.iter().map(AcceptedReading::of).collect(),
            values: if f.readings.is_empty() {
                let set: BTreeSet<&str> = f.facts().map(|x| x.surface()).collect();
                set.into_iter().map(str::to_string).collect()
            } else {
                Vec::new()
            },
            reason: String::new(),
            line: 0,
        }
    }

    /// Whether `f` is of this entry's key.
    fn is_for(&self, f: &Finding) -> bool {
        self.class == f.class.to_string()
            && self.metric == f.metric
            && self.period == f.period.map(|p| p.to_string())
            && self.role.as_deref().unwrap_or("actual") == f.role.as_str()
            && self.basis == f.basis
    }

    /// The values of its readings (or of its violation), for people.
    pub fn shown_values(&self) -> Vec<&str> {
        if self.readings.is_empty() {
            self.values.iter().map(String::as_str).collect()
        } else {
            self.readings.iter().map(|r| r.value.as_str()).collect()
        }
    }
}

impl Baseline {
    /// The baseline of `findings`, keeping the reasons `old` gave.
    pub fn of(findings: &[Finding], old: Option<&Baseline>) -> Baseline {
        let mut entries: Vec<Entry> = findings.iter().map(Entry::of).collect();
        entries.sort_by(|a, b| {
            (&a.metric, &a.period, &a.fingerprint).cmp(&(&b.metric, &b.period, &b.fingerprint))
        });
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        if let Some(old) = old {
            for e in &mut entries {
                let same_key = |o: &&Entry| {
                    o.fingerprint == e.fingerprint
                        || (&o.class, &o.metric, &o.period, &o.role, &o.basis)
                            == (&e.class, &e.metric, &e.period, &e.role, &e.basis)
                };
                if let Some(o) = old.findings.iter().find(same_key) {
                    e.reason = o.reason.clone();
                }
            }
        }
        Baseline {
            version: VERSION,
            findings: entries,
        }
    }

    /// What the baseline says of `f`, and the index of its entry.
    pub fn judge(&self, f: &Finding) -> (Verdict, Option<usize>) {
        let Some(i) = self.findings.iter().position(|e| e.is_for(f)) else {
            return (Verdict::New, None);
        };
        let e = &self.findings[i];
        if f.readings.is_empty() {
            let verdict = if e.fingerprint == fingerprint(f) {
                Verdict::Accepted { joined: Vec::new() }
            } else {
                Verdict::New
            };
            return (verdict, Some(i));
        }
        let mut uncovered = Vec::new();
        let mut joined = Vec::new();
        for (n, r) in f.readings.iter().enumerate() {
            let covering: Vec<&AcceptedReading> =
                e.readings.iter().filter(|a| a.covers(r)).collect();
            if covering.is_empty() {
                uncovered.push(n);
                continue;
            }
            let known: BTreeSet<&str> = covering
                .iter()
                .flat_map(|a| a.sources.iter().map(String::as_str))
                .collect();
            let new: Vec<String> = ids(r.facts.sources())
                .into_iter()
                .filter(|id| !known.contains(id.as_str()))
                .collect();
            if !new.is_empty() {
                joined.push((n, new));
            }
        }
        let verdict = if uncovered.is_empty() {
            Verdict::Accepted { joined }
        } else {
            Verdict::NewReadings(uncovered)
        };
        (verdict, Some(i))
    }

    /// Every source `id` some entry involves.
    pub fn sources(&self) -> BTreeSet<&str> {
        self.findings
            .iter()
            .flat_map(|e| e.readings.iter().flat_map(|r| r.sources.iter()))
            .map(String::as_str)
            .collect()
    }

    /// Entries of which no finding occurs (by the indexes `judge` gave).
    pub fn stale(&self, matched: &BTreeSet<usize>) -> Vec<&Entry> {
        self.findings
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched.contains(i))
            .map(|(_, e)| e)
            .collect()
    }
}

/// Reads `path`; `Ok(None)` when it does not exist.
pub fn load(path: &Path) -> Result<Option<Baseline>, Error> {
    let Some(text) = read(path)? else {
        return Ok(None);
    };
    /// The version alone: read first, so that an old file gets the
    /// version's message rather than one about its fields.
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let Versioned { version } = crate::yaml::parse(path, &text, 1)?;
    if version != VERSION {
        return Err(Error::Usage(format!(
            "{}: baseline version {} is not {VERSION} (version 1 accepted pairs of facts, version 2 \
             accepts readings); write it again with `crosscheck baseline --output {}`, which keeps \
             its reasons",
            path.display(),
            version,
            path.display(),
        )));
    }
    let mut baseline: Baseline = crate::yaml::parse(path, &text, 1)?;
    for e in &mut baseline.findings {
        e.line = entry_line(&text, &e.fingerprint);
    }
    Ok(Some(baseline))
}

/// The line (from 1) of the entry of `fingerprint` in a baseline's text,
/// 0 when it cannot be found (written by hand in another style).
fn entry_line(text: &str, fingerprint: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start_matches([' ', '-'])
                .strip_prefix("fingerprint:")
                .is_some_and(|v| v.trim().trim_matches(['\'', '"']) == fingerprint)
        })
        .map_or(0, |i| i + 1)
}

/// Reads `path` of any version, for `crosscheck baseline` to keep its
/// reasons: an entry of an older version keeps its key (class, metric,
/// period) and reason, which the new entry of that key takes over.
pub fn load_reasons(path: &Path) -> Result<Option<Baseline>, Error> {
    #[derive(Deserialize)]
    struct Loose {
        #[serde(default)]
        findings: Vec<LooseEntry>,
    }
    #[derive(Deserialize)]
    struct LooseEntry {
        #[serde(default)]
        fingerprint: String,
        class: String,
        metric: String,
        period: Option<String>,
        #[serde(default)]
        role: Option<String>,
        #[serde(default)]
        basis: Option<String>,
        #[serde(default)]
        reason: String,
    }
    let Some(text) = read(path)? else {
        return Ok(None);
    };
    let loose: Loose = crate::yaml::parse(path, &text, 1)?;
    let findings = loose
        .findings
        .into_iter()
        .map(|e| Entry {
            fingerprint: e.fingerprint,
            class: e.class,
            metric: e.metric,
            period: e.period,
            role: e.role,
            basis: e.basis,
            readings: Vec::new(),
            values: Vec::new(),
            reason: e.reason,
            line: 0,
        })
        .collect();
    Ok(Some(Baseline {
        version: VERSION,
        findings,
    }))
}

/// The text of the baseline at `path`; `None` when there is none. A path
/// that is no regular file (a FIFO) is an error, never opened.
fn read(path: &Path) -> Result<Option<String>, Error> {
    match crate::files::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// The header of a new baseline file.
const HEADER: &str = "# crosscheck baseline: findings accepted as they are. `crosscheck check`\n\
                      # fails only on findings not listed here. Fill in each `reason`.\n";

/// Writes `baseline` to `path` atomically (`files::write_atomic`: a
/// temporary file of a fresh name beside it, flushed to disk, then renamed
/// over it).
pub fn write(path: &Path, baseline: &Baseline) -> Result<(), Error> {
    let text = render(path, baseline, None)?;
    crate::files::write_atomic(path, text.as_bytes()).map_err(|e| Error::write(path, e))
}

/// The text of `baseline`; with `old`, the text of the file it replaces,
/// the comments of that file are kept (those at its top, and those above
/// and inside each entry still there) and a reason that did not change
/// keeps the lines it was written in.
pub fn render(path: &Path, baseline: &Baseline, old: Option<&str>) -> Result<String, Error> {
    let body = crate::yaml::to_string(baseline)
        .map_err(|m| Error::Usage(format!("{}: {m}", path.display())))?;
    let plain = format!("{HEADER}{body}");
    let Some(old) = old else {
        return Ok(plain);
    };
    // what the comments were kept in must read as the same baseline: with
    // the reasons as written, else with the comments alone (a reason that
    // changed), else as serde writes it
    let same = |text: &String| {
        serde_yaml::from_str::<Baseline>(text).is_ok_and(|b| b.findings == baseline.findings)
    };
    let kept = [true, false]
        .into_iter()
        .map(|reasons| comments::keep(&body, old, reasons))
        .find(same);
    Ok(kept.unwrap_or(plain))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(fingerprint: &str, reason: &str) -> Entry {
        Entry {
            fingerprint: fingerprint.to_string(),
            class: "conflict".to_string(),
            metric: "trade.x".to_string(),
            period: Some("2024".to_string()),
            role: None,
            basis: None,
            readings: Vec::new(),
            values: vec!["1".to_string()],
            reason: reason.to_string(),
            line: 0,
        }
    }

    #[test]
    fn comments_and_reasons_as_written_are_kept_and_a_gone_entry_takes_its_own() {
        let old = "# our baseline\n\
                   version: 2\n\
                   findings:\n\
                   # about a\n\
                   - fingerprint: aaaa\n  \
                     class: conflict\n  \
                     metric: trade.x\n  \
                     period: '2024'\n  \
                     values:\n  \
                     - '1'\n  \
                     # why\n  \
                     reason: \"checked\"   # by hand\n\
                   # about gone\n\
                   - fingerprint: gone\n  \
                     class: conflict\n  \
                     metric: trade.y\n  \
                     period: '2024'\n  \
                     reason: ''\n";
        let new = Baseline {
            version: VERSION,
            findings: vec![entry("aaaa", "checked"), entry("bbbb", "")],
        };
        let text = render(Path::new("b.yaml"), &new, Some(old)).expect("renders");
        assert!(text.starts_with("# our baseline\nversion: 2\n"), "{text}");
        assert!(text.contains("# about a\n- fingerprint: aaaa\n"), "{text}");
        assert!(
            text.contains("  # why\n  reason: \"checked\"   # by hand\n"),
            "{text}"
        );
        assert!(!text.contains("about gone"), "{text}");
        assert!(text.contains("- fingerprint: bbbb\n"), "{text}");
        let back: Baseline = serde_yaml::from_str(&text).expect("YAML");
        assert_eq!(back.findings, new.findings);
        // a reason changed since: written as serde writes it
        let changed = Baseline {
            version: VERSION,
            findings: vec![entry("aaaa", "other")],
        };
        let text = render(Path::new("b.yaml"), &changed, Some(old)).expect("renders");
        assert!(text.contains("reason: other"), "{text}");
        assert!(text.contains("# about a\n"), "{text}");
    }
}
