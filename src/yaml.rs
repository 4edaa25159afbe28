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
    let mut message = match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    if let Some(suggestion) = did_you_mean(&message) {
        message = format!("{message}; did you mean `{suggestion}`?");
    }
    Error::Input {
        location: Location {
            path: path.to_path_buf(),
            line,
            col,
        },
        message,
    }
}

/// For serde's "unknown field `tolerence`, expected one of `a`, `b`": the
/// expected key closest to the unknown one, if it is close.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (unknown, expected) = rest.split_once('`')?;
    closest(unknown, expected.split('`').skip(1).step_by(2)).map(str::to_string)
}

/// The candidate closest to `word`, if it is close enough to be a typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .map(|k| (edit_distance(word, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance, for suggestions.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let old = row[j + 1];
            row[j + 1] = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(prev + usize::from(ca != *cb));
            prev = old;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key() {
        let m = "metrics[0]: unknown field `tolerence`, expected one of `id`, `tolerance`, `slack`";
        assert_eq!(did_you_mean(m).as_deref(), Some("tolerance"));
        let far = "unknown field `zzzzzz`, expected one of `id`, `tolerance`";
        assert_eq!(did_you_mean(far), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
