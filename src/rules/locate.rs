//! Where in a rule file a key or value is written. serde does not keep spans
//! of deserialized values, so errors found after parsing (a bad regex, an
//! unknown entity) are placed by searching the text from the metric's `id:`.

use std::path::Path;

use crate::error::{Error, Location};

/// Finds where a metric's keys are written, for error locations. serde does
/// not keep spans, so this searches the text from the metric's `id:` line.
pub(super) struct Locator<'a> {
    pub(super) path: &'a Path,
    pub(super) text: &'a str,
    pub(super) id: &'a str,
}

impl Locator<'_> {
    /// Where this metric's `id:` value is written (the first such line).
    fn metric_start(&self) -> usize {
        if self.id.is_empty() {
            return 0;
        }
        let id_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
        self.text
            .match_indices(self.id)
            .map(|(i, _)| i)
            .find(|&i| {
                let before = self.text[..i].trim_end_matches(['\'', '"', ' ']);
                let after = self.text[i + self.id.len()..].chars().next();
                before.ends_with("id:") && !after.is_some_and(id_char)
            })
            .unwrap_or(0)
    }

    /// The location of `key:` in this metric (or of its `id` when absent).
    pub(super) fn key(&self, key: &str) -> Location {
        let start = self.metric_start();
        let rest = &self.text[start..];
        let needle = format!("{key}:");
        let offset = rest
            .match_indices(&needle)
            .find(|(i, _)| {
                i == &0 || !rest[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            })
            .map_or(start, |(i, _)| start + i);
        self.location(if key == "id" {
            self.id_offset(start)
        } else {
            offset
        })
    }

    fn id_offset(&self, value_at: usize) -> usize {
        self.text[..value_at].rfind("id:").unwrap_or(value_at)
    }

    /// The location of `needle` (a pattern, a name) after the metric start.
    pub(super) fn find(&self, needle: &str) -> Location {
        let start = self.metric_start();
        let offset = self.text[start..].find(needle).map_or(start, |i| start + i);
        self.location(offset)
    }

    fn location(&self, offset: usize) -> Location {
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Location {
            path: self.path.to_path_buf(),
            line,
            col,
        }
    }

    pub(super) fn error(&self, key: &str, message: String) -> Error {
        self.with_id(self.key(key), format!("`{key}`: {message}"))
    }

    pub(super) fn error_at(&self, needle: &str, message: String) -> Error {
        self.with_id(self.find(needle), message)
    }

    fn with_id(&self, location: Location, message: String) -> Error {
        let message = if self.id.is_empty() {
            message
        } else {
            format!("{message} (in metric `{}`)", self.id)
        };
        Error::Rule { location, message }
    }
}
