//! Byte offset to `line:column`: every fact points back into its file.

/// The start offset of every line of a text.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column of `offset`; the column counts characters.
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let end = offset.min(text.len()).max(start);
        let col = text.get(start..end).map_or(1, |s| s.chars().count() + 1);
        (line + 1, col)
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(text.len(), |&e| e);
        text.get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            // cannot underflow: starts[0] == 0 <= offset, so Err(0) never happens
            Err(i) => i - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_offsets() {
        let text = "ab\ncdé f\n\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.locate(text, 0), (1, 1));
        assert_eq!(idx.locate(text, 1), (1, 2));
        assert_eq!(idx.locate(text, 3), (2, 1));
        // 'é' is two bytes but one column
        assert_eq!(idx.locate(text, 8), (2, 5));
        assert_eq!(idx.locate(text, 10), (3, 1));
        assert_eq!(idx.locate(text, 11), (4, 1));
        assert_eq!(idx.line(text, 2), "cdé f");
        assert_eq!(idx.line(text, 3), "");
        assert_eq!(idx.line(text, 9), "");
        assert_eq!(idx.line_start(4), 11);
    }
}
