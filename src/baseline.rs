//! The baseline: findings accepted as they are (`crosscheck baseline`
//! writes it, `check` reads it). `check` fails only on findings whose
//! fingerprint is not in it, names the new sources that brought them, and
//! lists entries that no longer occur as stale.
//!
//! Written atomically: to a temporary file beside it, then renamed over it,
//! so an interrupted run leaves the old baseline whole.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::engine::{fingerprint, Finding};
use crate::error::Error;

/// The file `check` reads and `baseline` writes when none is named.
pub const DEFAULT_FILE: &str = "crosscheck-baseline.yaml";

/// The version of the baseline file.
pub const VERSION: u32 = 1;

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
    /// The claims as written ("$245 billion").
    pub values: Vec<String>,
    /// The `id`s of the sources involved.
    pub sources: Vec<String>,
    /// Why the finding is accepted: for a person to fill in.
    #[serde(default)]
    pub reason: String,
}

impl Entry {
    pub fn of(f: &Finding) -> Entry {
        let mut sources: Vec<String> = f.facts.iter().map(|x| x.source.id.clone()).collect();
        sources.sort();
        sources.dedup();
        Entry {
            fingerprint: fingerprint(f),
            class: f.class.to_string(),
            metric: f.metric.clone(),
            period: f.period.map(|p| p.to_string()),
            values: f.facts.iter().map(|x| x.surface().to_string()).collect(),
            sources,
            reason: String::new(),
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
                if let Some(o) = old.findings.iter().find(|o| o.fingerprint == e.fingerprint) {
                    e.reason = o.reason.clone();
                }
            }
        }
        Baseline {
            version: VERSION,
            findings: entries,
        }
    }

    /// Whether the finding with this fingerprint is accepted.
    pub fn accepts(&self, fingerprint: &str) -> bool {
        self.findings.iter().any(|e| e.fingerprint == fingerprint)
    }

    /// Every source `id` some entry involves.
    pub fn sources(&self) -> BTreeSet<&str> {
        self.findings
            .iter()
            .flat_map(|e| e.sources.iter().map(String::as_str))
            .collect()
    }

    /// Entries whose fingerprint is none of `current`.
    pub fn stale<'b>(&'b self, current: &BTreeSet<&str>) -> Vec<&'b Entry> {
        self.findings
            .iter()
            .filter(|e| !current.contains(e.fingerprint.as_str()))
            .collect()
    }
}

/// Reads `path`; `Ok(None)` when it does not exist.
pub fn load(path: &Path) -> Result<Option<Baseline>, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
    };
    let baseline: Baseline = crate::yaml::parse(path, &text, 1)?;
    if baseline.version != VERSION {
        return Err(Error::Usage(format!(
            "{}: baseline version {} is not {VERSION}; write it again with `crosscheck baseline`",
            path.display(),
            baseline.version
        )));
    }
    Ok(Some(baseline))
}

/// Writes `baseline` to `path` atomically: a temporary file beside it,
/// flushed to disk, then renamed over it.
pub fn write(path: &Path, baseline: &Baseline) -> Result<(), Error> {
    let body = crate::yaml::to_string(baseline)
        .map_err(|m| Error::Usage(format!("{}: {m}", path.display())))?;
    let text = format!(
        "# crosscheck baseline: findings accepted as they are. `crosscheck check`\n\
         # fails only on findings not listed here. Fill in each `reason`.\n{body}"
    );
    let temp = temp_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    result.map_err(|e| {
        // a directory squatting on the name is not ours to remove
        if temp.is_file() {
            let _ = std::fs::remove_file(&temp);
        }
        Error::io(path, e)
    })
}

/// `.NAME.tmp` beside `path`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "baseline".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.tmp"))
}
