//! `crosscheck.yaml`: the project's settings, found from the working
//! directory upward (or named with `--config`). Paths in it are relative to
//! the file's folder. Command-line arguments win over it; without one the
//! built-in defaults hold (`fixtures/`, `rules/`, `crosscheck-baseline.yaml`,
//! `--fail-on error`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::FailOn;
use crate::error::{Error, Errors};

/// The file looked for.
pub const FILE: &str = "crosscheck.yaml";

/// The settings as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    /// Article files or folders.
    #[serde(default)]
    corpus: Vec<PathBuf>,
    /// Rule files or folders.
    #[serde(default)]
    rules: Vec<PathBuf>,
    /// The baseline file.
    baseline: Option<PathBuf>,
    /// `error`, `warning` or `info`.
    fail_on: Option<String>,
}

/// The settings every command starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where the settings came from, if from a file.
    pub file: Option<PathBuf>,
    pub corpus: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub baseline: PathBuf,
    pub fail_on: FailOn,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            corpus: vec![PathBuf::from("fixtures")],
            rules: vec![PathBuf::from("rules")],
            baseline: PathBuf::from(crate::baseline::DEFAULT_FILE),
            fail_on: FailOn::Error,
        }
    }
}

/// The settings: from `named`, else from the first `crosscheck.yaml` in
/// `start` or a folder above it, else the defaults.
pub fn load(named: Option<&Path>, start: &Path) -> Result<Config, Errors> {
    let path = match named {
        Some(p) if !p.is_file() => {
            return Err(Error::Usage(format!("--config: no such file: {}", p.display())).into())
        }
        Some(p) => Some(p.to_path_buf()),
        None => start
            .ancestors()
            .map(|d| d.join(FILE))
            .find(|p| p.is_file()),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = crate::files::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let (raw, problems) = if text.trim().is_empty() {
        (Some(Raw::default()), Vec::new())
    } else {
        crate::yaml::parse_all::<Raw>(&path, &text, 1)
    };
    let mut errors = Errors::default();
    for e in problems {
        errors.push(e);
    }
    let Some(raw) = raw else {
        return Err(errors);
    };
    let fail_on = match raw.fail_on.as_deref() {
        None | Some("error") => FailOn::Error,
        Some("warning") => FailOn::Warning,
        Some("info") => FailOn::Info,
        Some(other) => {
            errors.push(Error::Usage(format!(
                "{}: `fail_on`: expected `error`, `warning` or `info`, found `{other}`",
                path.display()
            )));
            FailOn::Error
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let base = path.parent().unwrap_or(Path::new("."));
    // relative to the file's folder; shown relative to the working folder
    // when under it
    let here = |p: PathBuf| {
        let p = if p.is_absolute() { p } else { base.join(p) };
        match p.strip_prefix(start) {
            Ok(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
            Ok(rel) => rel.to_path_buf(),
            Err(_) => p,
        }
    };
    let defaults = Config::default();
    Ok(Config {
        corpus: if raw.corpus.is_empty() {
            defaults.corpus.into_iter().map(here).collect()
        } else {
            raw.corpus.into_iter().map(here).collect()
        },
        rules: if raw.rules.is_empty() {
            defaults.rules.into_iter().map(here).collect()
        } else {
            raw.rules.into_iter().map(here).collect()
        },
        baseline: here(raw.baseline.unwrap_or(defaults.baseline)),
        fail_on,
        file: Some(path),
    })
}
