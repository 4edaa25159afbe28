//! Byte offset to `line:column`: every fact points back into its file.

/// Makes each lone carriage return of `text` (the line ends of old Mac
/// files) a line feed, one byte for the other, so every offset stays the
/// file's: lines, front matter and paragraphs are then found as in any
/// text. A carriage return before a line feed (Windows) is left as it is.
/// `text` read a block at a time must not end in a carriage return whose
/// next byte is not read yet (`Pieces` keeps it back).
pub(crate) fn lone_returns_to_newlines(text: &mut String) {
    let bytes = text.as_bytes();
    let lone: Vec<usize> = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .collect();
    if lone.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for i in lone {
        bytes[i] = b'\n';
    }
    // cannot fail: one ASCII byte replaced by another keeps UTF-8 valid
    *text = String::from_utf8(bytes).unwrap_or_default();
}

/// The start offset of every line of a text.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // room for a line per 64 bytes at first (news lines are paragraphs,
        // far longer): the vector seldom grows, and the text is read once
        let mut starts = Vec::with_capacity(text.len() / 64 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// How many line breaks the text has, and where its last line starts.
    pub fn last_line(&self) -> (usize, usize) {
        (
            self.starts.len() - 1,
            self.starts.last().copied().unwrap_or(0),
        )
    }

    /// A cursor at `offset` of `text` (the text indexed), to locate offsets
    /// from there on in order.
    pub fn cursor_at<'a>(&'a self, text: &'a str, offset: usize) -> Cursor<'a> {
        let offset = offset.min(text.len());
        let (line, col) = self.locate(text, offset);
        Cursor {
            index: self,
            text,
            offset,
            line: line - 1,
            col,
        }
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

/// `LineIndex::locate` for offsets taken in ascending order (the figures of
/// a text): each step walks on from the last offset's line, one line at a
/// time (news has about one figure per line), and counts characters from
/// the last offset on its line, or from the start of a new line, so no
/// offset is searched for in the index and no line counted twice.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The last offset located, its 0-based line, and its 1-based column.
    offset: usize,
    line: usize,
    col: usize,
}

impl Cursor<'_> {
    /// 1-based line and column of `offset`, as `LineIndex::locate` gives
    /// them; `None` for an offset before the last one or inside a
    /// character (the caller asks the index).
    pub fn locate(&mut self, offset: usize) -> Option<(usize, usize)> {
        let offset = offset.min(self.text.len());
        let step = self.text.get(self.offset..offset)?;
        let starts = &self.index.starts;
        let line = self.line;
        while starts.get(self.line + 1).is_some_and(|&s| s <= offset) {
            self.line += 1;
        }
        self.col = if self.line == line {
            self.col + step.chars().count()
        } else {
            self.text.get(starts[self.line]..offset)?.chars().count() + 1
        };
        self.offset = offset;
        Some((self.line + 1, self.col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_carriage_returns_are_line_ends() {
        let mut text = "a\rb\r\nc\r\rd\r".to_string();
        lone_returns_to_newlines(&mut text);
        assert_eq!(text, "a\nb\r\nc\n\nd\n");
        let index = LineIndex::new(&text);
        assert_eq!(index.locate(&text, text.find('d').unwrap()), (5, 1));
    }

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

    #[test]
    fn cursor_locates_as_the_index() {
        for text in [
            "ab\ncdé f\n\nx",
            "",
            "\n\n",
            "é\r\nü\n ab",
            "no break at all",
        ] {
            let idx = LineIndex::new(text);
            let ends = text.len() + 3;
            // from every start, every later offset, one, two or five bytes at
            // a time
            for from in 0..=ends {
                for stride in [1, 2, 5] {
                    let mut cursor = idx.cursor_at(text, from);
                    for at in (from..=ends).step_by(stride) {
                        let expected = text
                            .is_char_boundary(at.min(text.len()))
                            .then(|| idx.locate(text, at));
                        assert_eq!(cursor.locate(at), expected, "{text:?} {from} -> {at}");
                        if expected.is_none() {
                            break;
                        }
                    }
                }
            }
        }
    }
}
