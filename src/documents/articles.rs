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
    /// A file that is one article, already read (`read_ahead`): its bytes,
    /// or why they could not be read.
    Fetched(PathBuf, std::io::Result<Vec<u8>>),
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
            Article::Fetched(path, bytes) => Document::from_bytes(&path, bytes),
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

/// How many files `read_ahead` reads at once: reads that wait on the disk
/// overlap, as a disk serves several at a time.
const READERS: usize = 8;

/// The batches of `articles`, in order, each given to `each` with the
/// files done once it is claimed, until `each` says to stop (`false`). The
/// files that are one article come read (`Article::Fetched`), by `READERS`
/// threads that live as long as this call and only wait on the disk, so
/// that those who claim the articles find them in memory. JSON Lines and
/// what failed come as they are.
pub fn read_ahead(mut articles: Articles, mut each: impl FnMut(Vec<Article>, usize) -> bool) {
    let (jobs, queue) = std::sync::mpsc::channel::<(usize, PathBuf)>();
    let queue = std::sync::Mutex::new(queue);
    let (read, results) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..READERS {
            let (queue, read) = (&queue, read.clone());
            scope.spawn(move || loop {
                // (the lock is held while one reader waits for a job; the
                // others wait for the lock)
                let job = match queue.lock() {
                    Ok(queue) => queue.recv(),
                    Err(_) => break,
                };
                let Ok((i, path)) = job else { break };
                let bytes = Document::bytes_of(&path);
                if read.send((i, path, bytes)).is_err() {
                    break;
                }
            });
        }
        drop(read);
        loop {
            let mut batch = articles.next_batch();
            if batch.is_empty() {
                break;
            }
            let mut waiting = 0;
            for (i, article) in batch.iter().enumerate() {
                if let Article::File(path) = article {
                    if jobs.send((i, path.clone())).is_ok() {
                        waiting += 1;
                    }
                }
            }
            // a file whose bytes never come (no reader is left) stays a
            // file, read where it is claimed
            for (i, path, bytes) in results.iter().take(waiting) {
                if let Some(slot) = batch.get_mut(i) {
                    *slot = Article::Fetched(path, bytes);
                }
            }
            if !each(batch, articles.files_done()) {
                break;
            }
        }
        // the readers stop once the jobs end
        drop(jobs);
    });
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

    #[test]
    fn read_ahead_reads_the_files_in_order_and_keeps_what_it_cannot_read() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut files = Vec::new();
        for n in 0..600 {
            let path = dir.path().join(format!("{n:03}.md"));
            std::fs::write(&path, format!("Article {n}.")).unwrap();
            files.push(path);
        }
        std::fs::write(
            dir.path().join("b.jsonl"),
            "{\"id\":\"x\",\"text\":\"A line.\"}\n",
        )
        .unwrap();
        files.insert(300, dir.path().join("b.jsonl"));
        files.insert(7, dir.path().join("missing.md"));
        let mut batches = Vec::new();
        read_ahead(Articles::new(files.clone()), |batch, done| {
            batches.push((batch, done));
            true
        });
        let done: Vec<usize> = batches.iter().map(|(_, d)| *d).collect();
        assert_eq!(done, [256, 512, 602]);
        let articles: Vec<Article> = batches.into_iter().flat_map(|(b, _)| b).collect();
        assert_eq!(articles.len(), 602);
        let mut ids = Vec::new();
        for (k, article) in articles.into_iter().enumerate() {
            match &article {
                Article::Fetched(p, _) => assert!(files.contains(p)),
                Article::Line(_) => assert_eq!(k, 301),
                other => panic!("{other:?}"),
            }
            ids.push(match article.read() {
                Ok(doc) => doc.id(),
                Err(e) => format!("error {}", e.to_string().contains("missing.md")),
            });
        }
        assert_eq!(
            ids[..8],
            [
                "000",
                "001",
                "002",
                "003",
                "004",
                "005",
                "006",
                "error true"
            ]
        );
        assert_eq!(ids[298..303], ["297", "298", "299", "x", "300"]);
        assert_eq!(ids.last().map(String::as_str), Some("599"));
        // a caller that stops gets no more batches
        let mut given = 0;
        read_ahead(Articles::new(files), |_, _| {
            given += 1;
            false
        });
        assert_eq!(given, 1);
    }
}
