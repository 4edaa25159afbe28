//! The one place that calls `serde_yaml`: it is archived upstream, so every YAML
//! read (rules, entities, front matter, configuration) goes through here and the
//! crate stays swappable in one file (STYLE.md, habit 12).

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Location};

/// Parses `text` (which starts at `first_line` of `path`) into `T`. A syntax or
/// schema error names the file, line and column and what serde expected.
pub(crate) fn parse<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    first_line: usize,
) -> Result<T, Error> {
    serde_yaml::from_str(text).map_err(|e| located(path, first_line, &e))
}

fn located(path: &Path, first_line: usize, e: &serde_yaml::Error) -> Error {
    let (line, col) = e.location().map_or((first_line, 1), |l| {
        (first_line + l.line().saturating_sub(1), l.column())
    });
    // serde_yaml appends " at line L column C" to its message; the location
    // already says that, so drop it.
    let message = e.to_string();
    let message = match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    Error::Input {
        location: Location {
            path: path.to_path_buf(),
            line,
            col,
        },
        message,
    }
}
