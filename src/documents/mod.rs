//! Sources to documents: find the article files, read them, split off front
//! matter, and keep what maps byte offsets back to `path:line:column`.
//!
//! Extraction (`extract/`) and rule matching (`facts.rs`) work on a `Document`;
//! nothing here knows about quantities.

mod articles;
mod cuts;
mod front_matter;
pub mod html;
pub mod jsonl;
mod lines;
mod pieces;
pub mod sentences;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use articles::{read_ahead, Article, Articles};
pub use cuts::paragraph_chunks;
pub(crate) use cuts::{is_blank_line, sections};
pub use front_matter::FrontMatter;
pub use jsonl::Record;
pub use lines::LineIndex;
pub use pieces::Pieces;

use crate::error::{Error, Location, Warning};
use crate::period::Date;

/// File endings read as articles when a folder is walked; files ending in
/// `.jsonl` or `.jsonl.gz` are read too, one article a line (`jsonl`), and
/// `.html` or `.htm` pages (`html`).
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
    /// For an article of a file of one article a line (JSON Lines): its
    /// line, where every offset of `text` (the decoded `text` field) is
    /// located. `None` for a file that is one article.
    pub record: Option<Record>,
    /// For an HTML page: where each offset of `text` (the page's main
    /// text) is in the file.
    pub html: Option<Box<html::SourceMap>>,
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
    /// Builds a document from a file's text. Lone carriage returns are line
    /// ends (`lines::lone_returns_to_newlines`).
    pub fn parse(path: impl Into<PathBuf>, mut text: String) -> Result<Self, Error> {
        lines::lone_returns_to_newlines(&mut text);
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
            record: None,
            html: None,
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
            record: None,
            html: None,
        }
    }

    /// The article of line `record.line` of the JSON Lines file at `path`:
    /// its decoded text, and its fields as front matter.
    pub(crate) fn record(path: &Path, text: String, meta: FrontMatter, record: Record) -> Self {
        Document {
            record: Some(record),
            ..Document::piece(path, text, meta, Origin::default())
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

    /// Reads a file (an HTML page: its main text, `html`). Text that is not
    /// UTF-8 is an error naming the line. The path `-` reads standard input.
    pub fn read(path: &Path) -> Result<Self, Error> {
        Document::from_bytes(path, Document::bytes_of(path))
    }

    /// The bytes of the file at `path`, standard input for `-`: what
    /// `from_bytes` makes a document of.
    pub fn bytes_of(path: &Path) -> std::io::Result<Vec<u8>> {
        if path == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map(|_| bytes)
        } else {
            crate::files::read(path)
        }
    }

    /// The document of the file at `path`, from what reading it gave:
    /// its bytes, or why they could not be read.
    pub fn from_bytes(path: &Path, bytes: std::io::Result<Vec<u8>>) -> Result<Self, Error> {
        let bytes = bytes.map_err(|e| Error::io(path, e))?;
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
        if html::is_html(path) {
            return html::parse(path, text);
        }
        Document::parse(path, text)
    }

    /// The body of the document, after any front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The source id: front matter `id`, else the file name without
    /// extension; for an article of a JSON Lines file with no `id`, that
    /// name and its line (`news:12` for line 12 of `news.jsonl.gz`).
    pub fn id(&self) -> String {
        if let Some(id) = &self.meta.id {
            return id.clone();
        }
        if let Some(record) = &self.record {
            let name = self
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = name.len() - jsonl::extension_len(&name);
            return format!("{}:{}", &name[..stem], record.line);
        }
        self.path.file_stem().map_or_else(
            || self.path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    }

    /// 1-based line and column of a file offset (for an article of a JSON
    /// Lines file, of an offset into its text: its line, and the column
    /// where the character is written in it).
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        if let Some(page) = &self.html {
            return page.locate(offset);
        }
        match &self.record {
            Some(record) => record.locate(&self.text, offset),
            None => self.origin.locate(&self.lines, &self.text, offset),
        }
    }

    /// Locates offsets taken in ascending order from `offset` on, each from
    /// the last (`Cursor`), as `locate` does.
    pub fn locator(&self, offset: usize) -> Box<dyn FnMut(usize) -> (usize, usize) + '_> {
        if let Some(record) = &self.record {
            return Box::new(record.locator(&self.text));
        }
        if let Some(page) = &self.html {
            return Box::new(move |at| page.locate(at));
        }
        let mut cursor = self.lines.cursor_at(&self.text, offset);
        Box::new(move |at| match cursor.locate(at) {
            Some(place) => self.origin.place(place),
            None => self.locate(at),
        })
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

/// Lists the article files under `paths`, sorted, without duplicates, and
/// what was skipped (`walk`). Folders are walked recursively, honouring
/// `.gitignore`, `.ignore` and hidden files, links followed; a file named
/// explicitly is always taken. A path that does not exist, or that is
/// named and no regular file (a FIFO), is an error.
pub fn discover(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<Warning>), Error> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for root in paths {
        // `-`: one article from standard input (`Document::read`)
        if root == Path::new("-") {
            files.push(root.clone());
            continue;
        }
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if meta.is_file() {
            files.push(without_dot(root.clone()));
            continue;
        }
        if !meta.is_dir() {
            // never opened: reading a FIFO blocks
            return Err(Error::io(root, crate::files::not_regular()));
        }
        let walked = crate::walk::walk(root, true, has_article_extension)?;
        files.extend(walked.files.into_iter().map(without_dot));
        skipped.extend(walked.skipped);
    }
    // one folder's walk comes sorted and distinct; several paths are sorted
    // together
    if paths.len() > 1 {
        files.sort();
        files.dedup();
    }
    Ok((files, skipped))
}

/// `path` without its leading `./` ("./a.md" is shown "a.md"), as grep
/// and ripgrep show paths under the working folder; a path without one is
/// given back as it is (no copy: this runs on every file of a corpus).
fn without_dot(path: PathBuf) -> PathBuf {
    if !path.as_os_str().as_encoded_bytes().starts_with(b".") {
        return path;
    }
    match path.strip_prefix(".") {
        Ok(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
        _ => path,
    }
}

fn has_article_extension(path: &Path) -> bool {
    let article = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    article || jsonl::is_jsonl(path) || html::is_html(path)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn paths_are_shown_without_a_leading_dot() {
        let strip = |p: &str| without_dot(PathBuf::from(p));
        assert_eq!(strip("./a.md"), Path::new("a.md"));
        assert_eq!(strip("./x/./b.md"), Path::new("x/b.md"));
        assert_eq!(strip("."), Path::new("."));
        assert_eq!(strip("/tmp/a.md"), Path::new("/tmp/a.md"));
        let shown = |p: &str| without_dot(PathBuf::from(p)).display().to_string();
        assert_eq!(shown("./a.md"), "a.md");
        assert_eq!(shown("./x/b.md"), "x/b.md");
        assert_eq!(shown("."), ".");
        assert_eq!(shown("/tmp/a.md"), "/tmp/a.md");
        assert_eq!(shown("x/a.md"), "x/a.md");
    }

    #[test]
    fn id_falls_back_to_file_stem() {
        let doc = Document::from_body("dir/002-tourism.md", "Text.", None);
        assert_eq!(doc.id(), "002-tourism");
    }
}
