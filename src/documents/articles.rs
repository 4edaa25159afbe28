//! The articles of a corpus, in order, a batch at a time: a file that is one
//! article, or each line of a JSON Lines file, read as the batches are
//! asked for, so a corpus of any size is held a batch or two at a time.

use std::path::PathBuf;

use super::jsonl::{self, JsonLines};
use super::Document;
use crate::error::Error;

/// One article to read: found, not read yet (reading and parsing are left
/// to whoever claims it, in parallel).
#[derive(Debug)]
pub enum Article {
    /// A file that is one article (`.md`, `.txt`).
    File(PathBuf),
    /// A line of a JSON Lines file.
    Line(jsonl::Line),
    /// What could not be read where an article was expected: a JSON Lines
    /// file that cannot be opened, a broken gzip stream, a line too long.
    Failed(Error),
}

impl Article {
    /// The article's document: the file read, or the line parsed.
    pub fn read(self) -> Result<Document, Error> {
        match self {
            Article::File(path) => Document::read(&path),
            Article::Line(line) => line.parse(),
            Article::Failed(e) => Err(e),
        }
    }
}

/// How many articles a batch holds at most.
const BATCH_ARTICLES: usize = 256;

/// About how many bytes of JSON Lines text a batch holds at most.
const BATCH_BYTES: usize = 8 << 20;

/// The articles of some files, in the files' order and each file's line
/// order.
pub struct Articles {
    files: std::vec::IntoIter<PathBuf>,
    /// The JSON Lines file being read.
    open: Option<JsonLines>,
    /// Files taken from `files`.
    taken: usize,
}

impl Articles {
    pub fn new(files: Vec<PathBuf>) -> Self {
        Articles {
            files: files.into_iter(),
            open: None,
            taken: 0,
        }
    }

    /// How many files have had all their articles taken.
    pub fn files_done(&self) -> usize {
        self.taken.saturating_sub(usize::from(self.open.is_some()))
    }

    /// The next articles in order, up to 256 of them or about 8 MiB of
    /// JSON Lines text; none after the last.
    pub fn next_batch(&mut self) -> Vec<Article> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < BATCH_ARTICLES && bytes < BATCH_BYTES {
            if let Some(lines) = &mut self.open {
                match lines.next_line() {
                    Some(Ok(line)) => {
                        bytes += line.bytes.len();
                        batch.push(Article::Line(line));
                    }
                    Some(Err(e)) => batch.push(Article::Failed(e)),
                    None => self.open = None,
                }
                continue;
            }
            let Some(path) = self.files.next() else {
                break;
            };
            self.taken += 1;
            if !jsonl::is_jsonl(&path) {
                batch.push(Article::File(path));
                continue;
            }
            match JsonLines::open(&path) {
                Ok(lines) => self.open = Some(lines),
                Err(e) => batch.push(Article::Failed(e)),
            }
        }
        batch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_come_in_file_then_line_order_a_batch_at_a_time() {
        let dir = tempfile::TempDir::new().unwrap();
        let lines: String = (1..=600)
            .map(|n| format!("{{\"id\":\"{n}\",\"text\":\"Article {n}.\"}}\n"))
            .collect();
        std::fs::write(dir.path().join("b.jsonl"), lines).unwrap();
        std::fs::write(dir.path().join("a.md"), "First.").unwrap();
        std::fs::write(dir.path().join("c.txt"), "Last.").unwrap();
        let files = ["a.md", "b.jsonl", "missing.jsonl", "c.txt"]
            .iter()
            .map(|f| dir.path().join(f))
            .collect();
        let mut articles = Articles::new(files);
        let mut sizes = Vec::new();
        let mut ids = Vec::new();
        let mut done = Vec::new();
        loop {
            let batch = articles.next_batch();
            done.push(articles.files_done());
            if batch.is_empty() {
                break;
            }
            sizes.push(batch.len());
            for a in batch {
                ids.push(match a.read() {
                    Ok(doc) => doc.id(),
                    Err(e) => format!("error {}", e.to_string().contains("missing.jsonl")),
                });
            }
        }
        assert_eq!(sizes, [256, 256, 91]);
        // a.md, then b.jsonl open; then all four taken
        assert_eq!(done, [1, 1, 4, 4]);
        assert_eq!(ids.len(), 603);
        assert_eq!(ids[..3], ["a", "1", "2"]);
        assert_eq!(ids[600..], ["600", "error true", "c"]);
    }
}
