//! Errors of the library: what went wrong and where (file, line, column).
//!
//! The library never prints; `main.rs` renders these as `crosscheck: error: ...`
//! and maps them to exit status 2.

use std::fmt;
use std::path::PathBuf;

/// A place in an input file: 1-based line and column (column in characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", shown(&self.path), self.line, self.col)
    }
}

/// A path as shown to people: control characters (a newline in a file
/// name) escaped as Rust writes them (`\n`, `\u{1b}`), so a name cannot
/// start a line of its own in a log, nor spoof a message.
pub fn shown(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    if !text.chars().any(char::is_control) {
        return text.into_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Something that went on without stopping the run, shown as
/// `crosscheck: warning: ...`: what was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Warning {
    /// A path met while walking a folder that is not read.
    #[error("{}: skipped: {why}", shown(path))]
    Skipped { path: PathBuf, why: String },
    /// Two articles with one `id`: the baseline, which names sources by
    /// id, cannot tell them apart.
    #[error(
        "{}: `id: {id}` is also the id of {}; a baseline cannot tell them apart",
        shown(path),
        shown(first)
    )]
    DuplicateId {
        id: String,
        path: PathBuf,
        first: PathBuf,
    },
    /// More articles with the id of an article before them than are shown.
    #[error("... and {more} more articles with the `id` of an article before them")]
    MoreDuplicateIds { more: usize },
    /// The baseline `crosscheck baseline` writes again could not be read
    /// for its reasons: written anew.
    #[error("{message}; the baseline is written anew without its reasons")]
    BaselineUnread { message: String },
    /// An article whose quotes were to be read again could not be
    /// (`facts::quote::fetch`): its facts are shown without quotes.
    #[error("{}: quotes left out: {why}", shown(path))]
    Unquoted { path: PathBuf, why: String },
    /// A fact not compared or a stale baseline entry, shown on standard
    /// error by the machine formats (`report::notices`).
    #[error("{0}")]
    Notice(String),
}

/// One problem with the input, the rules or the command line.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", shown(path))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file could not be written (the baseline).
    #[error("{}: cannot write: {source}", shown(path))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Standard output could not be written.
    #[error("<stdout>: cannot write: {0}")]
    Output(std::io::Error),
    #[error("{location}: {message}")]
    Input { location: Location, message: String },
    #[error("{location}: {message}")]
    Rule { location: Location, message: String },
    /// A line of a file of one record a line (JSON Lines) that holds no
    /// article, shown as `news.jsonl:12: missing text`.
    #[error("{}:{line}: {message}", shown(path))]
    Record {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{0}")]
    Usage(String),
    /// An error that the `facts` run which wrote a shard met, as it showed
    /// it then (carried in the shard's summary line to `check --facts`).
    #[error("{0}")]
    Carried(String),
}

impl Error {
    /// Whether this is output to a reader that stopped reading (`| head`):
    /// no error to report, as in grep and ripgrep.
    pub fn is_closed_output(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Write {
            path: path.into(),
            source,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Every error of one load (a rule set, a corpus), reported together.
#[derive(Debug, Default)]
pub struct Errors(pub Vec<Error>);

impl Errors {
    pub fn push(&mut self, error: Error) {
        self.0.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing went wrong, else every error collected.
    pub fn into_result<T>(self, value: T) -> Result<T, Errors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Error> for Errors {
    fn from(error: Error) -> Self {
        Errors(vec![error])
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_in_paths_are_escaped() {
        let path = std::path::Path::new("a\nerror[conflict]: b.md");
        assert_eq!(shown(path), "a\\nerror[conflict]: b.md");
        assert_eq!(shown(std::path::Path::new("plain/ü.md")), "plain/ü.md");
    }
}
