//! Sources to documents: find the article files, read them, split off front
//! matter, and keep what maps byte offsets back to `path:line:column`.
//!
//! Extraction (`extract/`) and rule matching (`facts.rs`) work on a `Document`;
//! nothing here knows about quantities.

mod front_matter;
mod lines;
mod pieces;
pub mod sentences;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use front_matter::FrontMatter;
pub use lines::LineIndex;
pub use pieces::Pieces;

use crate::error::{Error, Location};
use crate::period::Date;

/// File endings read as articles when a folder is walked.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// One article: its text, what its front matter says, and its line index.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub meta: FrontMatter,
    /// The whole file, front matter included, so offsets are file offsets.
    pub text: String,
    /// Where the body starts in `text`.
    pub body_start: usize,
    pub lines: LineIndex,
    /// Sentence ranges of the body, as offsets into `text`: split when
    /// first asked for (`extract` splits its chunks itself).
    sentences: std::sync::OnceLock<Vec<Range<usize>>>,
    /// Where `text` starts in the file: the start for a whole file, further
    /// on for a piece of one (`Pieces`).
    pub origin: Origin,
}

/// A place in a file: byte offset, and the 0-based line and column (in
/// characters) it is at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
}

impl Origin {
    /// The place right after `text`, which starts here and is indexed by
    /// `lines` (a piece has its index at hand).
    fn after_indexed(self, text: &str, lines: &LineIndex) -> Origin {
        let (newlines, last) = lines.last_line();
        let column = match newlines {
            0 => self.column + text.chars().count(),
            _ => text.get(last..).map_or(0, |t| t.chars().count()),
        };
        Origin {
            byte: self.byte + text.len(),
            line: self.line + newlines,
            column,
        }
    }

    /// The place right after `text`, which starts here.
    fn after(self, text: &str) -> Origin {
        self.after_indexed(text, &LineIndex::new(text))
    }

    /// 1-based line and column in the file of `offset` into `text`, a text
    /// that starts here, indexed by `lines`.
    fn locate(self, lines: &LineIndex, text: &str, offset: usize) -> (usize, usize) {
        self.place(lines.locate(text, offset))
    }

    /// The place in the file of a 1-based `line` and `col` of a text that
    /// starts here; `place((1, 1))` is this place, 1-based.
    fn place(self, (line, col): (usize, usize)) -> (usize, usize) {
        // only the first line of `text` starts inside a line of the file
        let col = if line == 1 { col + self.column } else { col };
        (line + self.line, col)
    }
}

impl Document {
    /// Builds a document from a file's text.
    pub fn parse(path: impl Into<PathBuf>, text: String) -> Result<Self, Error> {
        let path = path.into();
        let (meta, body_start) = front_matter::split(&path, &text)?;
        Ok(Document {
            lines: LineIndex::new(&text),
            path,
            meta,
            text,
            body_start,
            sentences: std::sync::OnceLock::new(),
            origin: Origin::default(),
        })
    }

    /// A piece of a file's body, starting at `origin` (`Pieces`): a text
    /// with no front matter.
    fn piece(path: &Path, body: String, meta: FrontMatter, origin: Origin) -> Self {
        Document {
            lines: LineIndex::new(&body),
            sentences: std::sync::OnceLock::new(),
            meta,
            path: path.to_path_buf(),
            text: body,
            body_start: 0,
            origin,
        }
    }

    /// A document with no front matter and a given publication date: for rule
    /// examples and `extract --published`.
    pub fn from_body(path: impl Into<PathBuf>, body: &str, published: Option<Date>) -> Self {
        let meta = FrontMatter {
            published,
            ..FrontMatter::default()
        };
        Document::piece(&path.into(), body.to_string(), meta, Origin::default())
    }

    /// Reads a file. Text that is not UTF-8 is an error naming the line.
    pub fn read(path: &Path) -> Result<Self, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.as_bytes();
                // cannot fail: the first `valid` bytes are valid UTF-8
                let head = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
                let (line, col) = LineIndex::new(head).locate(head, valid);
                return Err(Error::Input {
                    location: Location {
                        path: path.to_path_buf(),
                        line,
                        col,
                    },
                    message: format!("not valid UTF-8 text (byte {valid})"),
                });
            }
        };
        Document::parse(path, text)
    }

    /// The body of the document, after any front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The source id: front matter `id`, else the file name without extension.
    pub fn id(&self) -> String {
        if let Some(id) = &self.meta.id {
            return id.clone();
        }
        self.path.file_stem().map_or_else(
            || self.path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    }

    /// 1-based line and column of a file offset.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        self.origin.locate(&self.lines, &self.text, offset)
    }

    /// Locates offsets taken in ascending order from `offset` on, each from
    /// the last (`Cursor`), as `locate` does.
    pub fn locator(&self, offset: usize) -> impl FnMut(usize) -> (usize, usize) + '_ {
        let mut cursor = self.lines.cursor_at(&self.text, offset);
        move |at| match cursor.locate(at) {
            Some(place) => self.origin.place(place),
            None => self.locate(at),
        }
    }

    /// Sentence ranges of the body, as offsets into `text`.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences.get_or_init(|| {
            sentences::split(self.body())
                .into_iter()
                .map(|r| r.start + self.body_start..r.end + self.body_start)
                .collect()
        })
    }

    /// Index of the sentence that holds `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        sentence_holding(self.sentences(), offset)
    }
}

/// Index of the range of `sentences` (sorted, disjoint) that holds `offset`.
pub fn sentence_holding(sentences: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= offset);
    sentences.get(i).filter(|s| s.start <= offset).map(|_| i)
}

/// The longest piece `paragraph_chunks` makes when a text has no blank line
/// for that long: tokens keep `u32` offsets, so a piece stays below 4 GiB.
const MAX_PIECE: usize = 1 << 30;

/// `text` cut into ranges of at least `chunk` bytes, each cut at the start
/// of a blank line ("\n\n"), so every piece after the first begins with a
/// paragraph break, as it does in the whole text. Nothing (no sentence, no
/// figure) runs across a blank line, so the pieces can be read apart, in
/// parallel, and give what the whole gives. A text with no blank line for
/// 1 GiB is cut at a line break (or a space) there instead.
pub fn paragraph_chunks(text: &str, chunk: usize) -> Vec<Range<usize>> {
    chunks_within(text, chunk, MAX_PIECE)
}

/// Where the first blank line ("\n\n") of `bytes` starts.
fn find_blank_line(bytes: &[u8]) -> Option<usize> {
    // built once: a chunk of a paragraph or so searches many times
    static BLANK_LINE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"\n\n"));
    BLANK_LINE.find(bytes)
}

fn chunks_within(text: &str, chunk: usize, max: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > chunk {
        let from = start + chunk;
        let limit = (start + max).min(text.len());
        let blank = find_blank_line(&bytes[from..]).map(|k| from + k);
        let cut = match blank {
            Some(k) if k < limit => k,
            _ if text.len() <= limit => break,
            // no blank line in reach: the last line break, else space, before it
            _ => memchr::memrchr(b'\n', &bytes[from..limit])
                .or_else(|| memchr::memrchr(b' ', &bytes[from..limit]))
                .map_or(limit, |k| from + k),
        };
        // a cut inside a character would split it: move to its start
        let cut = (from..=cut)
            .rev()
            .find(|&k| text.is_char_boundary(k))
            .unwrap_or(from);
        if cut <= start {
            break;
        }
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// Lists the article files under `paths`, sorted, without duplicates. Folders
/// are walked recursively, honouring `.gitignore`, `.ignore` and hidden files;
/// a file named explicitly is always taken. A path that does not exist is an
/// error.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if meta.is_file() {
            files.push(root.clone());
            continue;
        }
        let walker = ignore::WalkBuilder::new(root).require_git(false).build();
        for entry in walker {
            let entry = entry.map_err(|e| Error::Input {
                location: Location {
                    path: root.clone(),
                    line: 1,
                    col: 1,
                },
                message: format!("cannot walk folder: {e}"),
            })?;
            let path = entry.path();
            let is_file = entry.file_type().is_some_and(|t| t.is_file());
            if is_file && has_article_extension(path) {
                files.push(path.to_path_buf());
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_end_at_blank_lines_or_when_none_is_in_reach() {
        let text = "aaaa\n\nbbbb\n\ncccc";
        assert_eq!(chunks_within(text, 2, 100), vec![0..4, 4..10, 10..16]);
        // no blank line within `max`: a line break, else a space, else the
        // end of the reach, never inside a character
        assert_eq!(
            chunks_within("ab cd\nef gh ij", 2, 8),
            vec![0..5, 5..11, 11..14]
        );
        assert_eq!(chunks_within("abcdefghij", 2, 4), vec![0..4, 4..8, 8..10]);
        let wide = "ééééé";
        let pieces = chunks_within(wide, 1, 3);
        assert!(pieces
            .iter()
            .all(|r| wide.is_char_boundary(r.start) && wide.is_char_boundary(r.end)));
        assert_eq!(pieces.last().map(|r| r.end), Some(wide.len()));
        let joined: String = pieces.iter().map(|r| &wide[r.clone()]).collect();
        assert_eq!(joined, wide);
    }

    #[test]
    fn sentences_are_file_offsets() {
        let text = "---\nid: x\n---\nFirst one. Second one.\n".to_string();
        let doc = Document::parse("a.md", text).unwrap();
        let got: Vec<&str> = doc
            .sentences()
            .iter()
            .map(|r| &doc.text[r.clone()])
            .collect();
        assert_eq!(got, ["First one.", "Second one."]);
        assert_eq!(doc.locate(doc.sentences()[1].start), (4, 12));
        assert_eq!(doc.sentence_at(doc.sentences()[1].start + 2), Some(1));
        assert_eq!(doc.sentence_at(0), None);
        assert_eq!(doc.id(), "x");
    }

    #[test]
    fn id_falls_back_to_file_stem() {
        let doc = Document::from_body("dir/002-tourism.md", "Text.", None);
        assert_eq!(doc.id(), "002-tourism");
    }
}
