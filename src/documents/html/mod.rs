//! Saved HTML pages as articles (`.html`, `.htm`): the page parsed with a
//! real HTML parser (`scraper`, html5ever), its main text taken a block
//! (paragraph, heading, list item) a paragraph, and every offset of that
//! text mapped back to the file, so a figure's `path:line:column` is where
//! it is written in the HTML. Front matter, when the file has it, comes
//! first; the page's own metadata fills what it does not say.

mod main_text;
mod meta;
mod runs;

use std::path::Path;

use scraper::Html;

use super::{front_matter, lines, Document, LineIndex, Origin};
use crate::error::Error;
use main_text::Piece;
use runs::Run;

/// File endings read as HTML pages.
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm"];

/// Whether `path` names an HTML page (by its ending, in any case).
pub fn is_html(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| HTML_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Where the text of a page is in its file.
#[derive(Debug, Clone)]
pub struct SourceMap {
    /// (offset in the text, offset in the file) where a stretch of text
    /// copied as it is starts; offsets move together up to the next.
    anchors: Vec<(usize, usize)>,
    /// The file's text and its lines.
    source: String,
    lines: LineIndex,
}

impl SourceMap {
    /// 1-based line and column in the file of `offset` into the text.
    pub(super) fn locate(&self, offset: usize) -> (usize, usize) {
        let i = self.anchors.partition_point(|a| a.0 <= offset);
        let at = match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((text, file)) => file + (offset - text),
            None => 0,
        };
        self.lines.locate(&self.source, at.min(self.source.len()))
    }
}

/// The article of the HTML file at `path`, whose text is `source`.
pub fn parse(path: &Path, mut source: String) -> Result<Document, Error> {
    lines::lone_returns_to_newlines(&mut source);
    let (mut meta, body_start) = front_matter::split(path, &source)?;
    let page_text = &source[body_start..];
    let page = Html::parse_document(page_text);
    meta::fill(path, &page, &source, &mut meta)?;
    let runs = runs::runs(page_text, body_start);
    let (text, anchors) = assemble(&main_text::blocks(&page), &runs);
    drop(page);
    Ok(Document {
        path: path.to_path_buf(),
        meta,
        lines: LineIndex::new(&text),
        text,
        body_start: 0,
        sentences: std::sync::OnceLock::new(),
        origin: Origin::default(),
        record: None,
        html: Some(Box::new(SourceMap {
            anchors,
            lines: LineIndex::new(&source),
            source,
        })),
    })
}

/// The text of `blocks`, a blank line between two, each block's white
/// space collapsed as a browser shows it; and its anchors into the file
/// (each text node is found among `runs`, the file's text in order).
fn assemble(blocks: &[Vec<Piece>], runs: &[Run]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut finder = Finder {
        runs,
        next: 0,
        fallback: runs.first().map_or(0, |r| r.place(0)),
    };
    for block in blocks {
        let mut b = Block::default();
        for piece in block {
            match piece {
                Piece::Break => b.space(finder.fallback),
                Piece::Text(t) => {
                    let found = finder.find(t);
                    for (d, c) in t.char_indices() {
                        let at = found.map_or(finder.fallback, |(r, skip)| r.place(d + skip));
                        if c.is_whitespace() {
                            b.space(at);
                        } else {
                            b.push(c, at);
                        }
                    }
                }
            }
        }
        if b.text.is_empty() || is_link_block(&b.text) {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        anchors.extend(b.anchors.iter().map(|&(t, f)| (start + t, f)));
        text.push_str(&b.text);
    }
    (text, anchors)
}

/// Whether a block is a line of links ("Also read: …").
fn is_link_block(text: &str) -> bool {
    let head: String = text.chars().take(24).collect::<String>().to_lowercase();
    main_text::LINK_BLOCK_STARTS
        .iter()
        .any(|s| head.starts_with(s))
}

/// The text of one block as it is made.
#[derive(Default)]
struct Block {
    text: String,
    anchors: Vec<(usize, usize)>,
    /// Where the white space before the next character is, if any.
    space: Option<usize>,
}

impl Block {
    /// White space at file offset `at` (none at the start of a block).
    fn space(&mut self, at: usize) {
        if !self.text.is_empty() && self.space.is_none() {
            self.space = Some(at);
        }
    }

    fn push(&mut self, c: char, at: usize) {
        if let Some(s) = self.space.take() {
            self.put(' ', s);
        }
        self.put(c, at);
    }

    fn put(&mut self, c: char, at: usize) {
        let here = self.text.len();
        let follows = self
            .anchors
            .last()
            .is_some_and(|&(t, f)| f + (here - t) == at);
        if !follows {
            self.anchors.push((here, at));
        }
        self.text.push(c);
    }
}

/// Finds each text node of the page among the file's runs of text, in
/// order.
struct Finder<'r> {
    runs: &'r [Run],
    /// The first run not matched yet.
    next: usize,
    /// Where the last run found starts: the place of a node not found.
    fallback: usize,
}

impl<'r> Finder<'r> {
    /// How far ahead a text node is looked for.
    const AHEAD: usize = 512;

    /// The run of `text`, and how many bytes of the run come before it
    /// (a newline right after `<pre>`, which the parser drops).
    fn find(&mut self, text: &str) -> Option<(&'r Run, usize)> {
        if text.trim().is_empty() {
            return None;
        }
        let end = self.runs.len().min(self.next + Self::AHEAD);
        let runs = self.runs;
        let (k, skip) = (self.next..end).find_map(|k| {
            let r = &runs[k].text;
            if r == text {
                Some((k, 0))
            } else if r.strip_prefix('\n') == Some(text) {
                Some((k, 1))
            } else {
                None
            }
        })?;
        self.next = k + 1;
        self.fallback = runs[k].place(0);
        Some((&runs[k], skip))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(page: &str) -> Document {
        parse(Path::new("a.html"), page.to_string()).unwrap()
    }

    #[test]
    fn the_main_text_is_paragraphs_whose_offsets_point_into_the_file() {
        let page = "<!DOCTYPE html>\n<html><head><title>T</title></head>\n<body>\n<nav>Menu 2024</nav>\n<article>\n  <p>Trade between Russia and China\n     reached <b>$245&nbsp;billion</b> in 2024.</p>\n  <p>Tourists: 223,000 &amp; more.</p>\n</article>\n</body></html>\n";
        let d = doc(page);
        assert_eq!(
            d.text,
            "Trade between Russia and China reached $245 billion in 2024.\n\nTourists: 223,000 & more."
        );
        let at = d.text.find("$245").unwrap();
        assert_eq!(d.locate(at), (7, 17));
        let at = d.text.find("billion").unwrap();
        assert_eq!(d.locate(at), (7, 27));
        let at = d.text.find("223,000").unwrap();
        assert_eq!(d.locate(at), (8, 16));
        assert_eq!(d.body(), d.text);
        assert_eq!(d.id(), "a");
    }

    #[test]
    fn front_matter_comes_before_the_page_and_wins_over_its_metadata() {
        let page = "---\npublished: 2025-01-21\n---\n<meta property=\"article:published_time\" content=\"2024-01-01\">\n<meta property=\"og:title\" content=\"Page title\">\n<p>Up 5% in 2024.</p>\n";
        let d = doc(page);
        assert_eq!(d.meta.published.unwrap().to_string(), "2025-01-21");
        assert_eq!(d.meta.title.as_deref(), Some("Page title"));
        assert_eq!(d.text, "Up 5% in 2024.");
        assert_eq!(d.locate(d.text.find("5%").unwrap()), (6, 7));
    }

    #[test]
    fn link_blocks_and_empty_pages_give_no_text() {
        let d =
            doc("<article><p>Also read: Trade hit $1 trillion</p><p>Kept 12 words.</p></article>");
        assert_eq!(d.text, "Kept 12 words.");
        assert_eq!(doc("").text, "");
        assert_eq!(doc("<p>  </p>").text, "");
    }

    #[test]
    fn html_files_are_known_by_their_ending() {
        assert!(is_html(Path::new("a/b.HTML")));
        assert!(is_html(Path::new("b.htm")));
        assert!(!is_html(Path::new("b.md")));
    }
}
