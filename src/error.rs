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
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.col)
    }
}

/// One problem with the input, the rules or the command line.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Io {
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
    #[error("{}:{line}: {message}", path.display())]
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
