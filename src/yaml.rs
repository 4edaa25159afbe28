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

/// `value` as YAML text.
pub(crate) fn to_string<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

/// The most misspelt keys reported from one file before giving up.
const MAX_UNKNOWN_KEYS: usize = 64;

/// Parses like `parse`, but an unknown key does not end the parse: it is
/// reported (with its line, column and a suggestion), blanked out of the
/// text together with the block under it, and the parse tried again. So
/// every misspelt key of a file is reported in one run, and the file is
/// still read, so the caller can check the rest of it. Any other error ends
/// the parse: `None` and the errors so far.
pub(crate) fn parse_all<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    first_line: usize,
) -> (Option<T>, Vec<Error>) {
    let mut text = text.to_string();
    let mut errors = Vec::new();
    for _ in 0..MAX_UNKNOWN_KEYS {
        let e = match serde_yaml::from_str::<T>(&text) {
            Ok(value) => return (Some(value), errors),
            Err(e) => e,
        };
        errors.push(located(path, first_line, &e));
        let unknown = e.to_string().contains("unknown field `");
        let blanked = match (unknown, e.location()) {
            (true, Some(at)) => blank_key(&mut text, at.line(), at.column()),
            _ => false,
        };
        if !blanked {
            return (None, errors);
        }
    }
    (None, errors)
}

/// Removes the block-style key at 1-based `line` and `column`, and the
/// lines indented under it, keeping the line count (so later errors keep
/// their lines). False when the key is not in block style (inside `{...}`),
/// where removing it could break the syntax.
fn blank_key(text: &mut String, line: usize, column: usize) -> bool {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let Some(first) = line.checked_sub(1) else {
        return false;
    };
    let indent = column.saturating_sub(1);
    let Some(key_line) = lines.get(first) else {
        return false;
    };
    let Some(prefix) = key_line.get(..indent) else {
        return false;
    };
    // only spaces and list dashes before the key: block style
    if !prefix.chars().all(|c| c == ' ' || c == '-') {
        return false;
    }
    lines[first] = prefix.to_string();
    for l in lines.iter_mut().skip(first + 1) {
        let own = l.len() - l.trim_start().len();
        if !l.trim().is_empty() && own <= indent {
            break;
        }
        l.clear();
    }
    *text = lines.join("\n");
    true
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

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
        #[serde(default)]
        size: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        items: Vec<Item>,
    }

    #[test]
    fn every_unknown_key_is_reported_and_the_rest_still_read() {
        let text = "items:\n  - name: a\n    sise: 3\n  - nmae: b\n    name: c\n    extra:\n      deep: 1\n      deeper: [2]\n    size: 4\n";
        let (doc, errors) = parse_all::<Doc>(Path::new("f.yaml"), text, 1);
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].contains("f.yaml:3:5") && shown[0].contains("did you mean `size`?"),
            "{shown:?}"
        );
        assert!(
            shown[1].contains("f.yaml:4:5") && shown[1].contains("did you mean `name`?"),
            "{shown:?}"
        );
        assert!(
            shown[2].contains("f.yaml:6:5") && shown[2].contains("`extra`"),
            "{shown:?}"
        );
        let doc = doc.expect("read once the unknown keys are out");
        assert_eq!(doc.items.len(), 2);
        assert_eq!((doc.items[1].name.as_str(), doc.items[1].size), ("c", 4));
    }

    #[test]
    fn a_key_inside_braces_ends_the_parse_after_one_error() {
        let text = "items:\n  - { name: a, sise: 3 }\n  - { nmae: b }\n";
        let (doc, errors) = parse_all::<Doc>(Path::new("f.yaml"), text, 1);
        assert!(doc.is_none());
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn suggests_the_closest_key() {
        let m = "metrics[0]: unknown field `tolerence`, expected one of `id`, `tolerance`, `slack`";
        assert_eq!(did_you_mean(m).as_deref(), Some("tolerance"));
        let far = "unknown field `zzzzzz`, expected one of `id`, `tolerance`";
        assert_eq!(did_you_mean(far), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
