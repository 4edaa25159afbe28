//! A file read a block at a time, as documents that each end where
//! extraction's chunks end (`paragraph_chunks`): `extract` reads a file of
//! any size in a few megabytes of memory, and gives the same lines as when
//! it reads the file whole, since no chunk ever sees another.
//!
//! The front matter is read first, whole, whatever the block size; each
//! piece is a document of the body text it holds, whose `origin` says where
//! that text starts in the file.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{front_matter, paragraph_chunks, Document, FrontMatter, Origin};
use crate::error::{Error, Location};

/// A file's body, a piece at a time.
pub struct Pieces<R> {
    path: PathBuf,
    source: R,
    /// Bytes to read at a time.
    block: usize,
    /// Read, checked to be UTF-8 and not yet handed out.
    text: String,
    /// Read and not checked yet: between reads, a character cut at the end
    /// of the last block.
    raw: Vec<u8>,
    eof: bool,
    /// Where `text` starts in the file.
    origin: Origin,
    /// The front matter, once read.
    meta: Option<FrontMatter>,
    /// The text of the piece handed back last, for the next one.
    spare: String,
}

impl Pieces<std::fs::File> {
    /// Opens `path`, to be read `block` bytes at a time.
    pub fn open(path: &Path, block: usize) -> Result<Self, Error> {
        let file = crate::files::open(path).map_err(|e| Error::io(path, e))?;
        Ok(Pieces::new(path, file, block))
    }
}

impl<R: Read> Pieces<R> {
    pub fn new(path: &Path, source: R, block: usize) -> Self {
        Pieces {
            path: path.to_path_buf(),
            source,
            block: block.max(1),
            text: String::new(),
            raw: Vec::new(),
            eof: false,
            origin: Origin::default(),
            meta: None,
            spare: String::new(),
        }
    }

    /// The next piece of the body, `None` after the last. Errors are those
    /// of `Document::read`, at the same places.
    pub fn next_piece(&mut self, chunk: usize) -> Result<Option<Document>, Error> {
        if !self.eof && self.text.len() < self.block {
            self.read_block()?;
        }
        loop {
            let all_read = self.eof && self.raw.is_empty();
            if self.meta.is_none() {
                // its opening line ("---", after a byte-order mark) is in
                // the first eight bytes, and its end is known once a byte
                // after its closing line is read
                let text = self.text.as_str();
                let split =
                    (all_read || text.len() >= 8).then(|| front_matter::split(&self.path, text));
                match split {
                    Some(Ok((meta, body_start))) if all_read || body_start < text.len() => {
                        self.meta = Some(meta);
                        self.consume(body_start);
                        continue;
                    }
                    Some(Err(e)) if all_read => return Err(e),
                    // the front matter may go on in bytes not read yet
                    _ => {
                        self.read_block()?;
                        continue;
                    }
                }
            }
            if all_read && self.text.is_empty() {
                return Ok(None);
            }
            // every chunk but the last ends at a cut of the whole file (a
            // cut is decided by the text up to it: see `cuts`); the last
            // may go on in bytes not read yet
            let end = if all_read {
                self.text.len()
            } else {
                let chunks = paragraph_chunks(&self.text, chunk);
                chunks
                    .last()
                    .filter(|_| chunks.len() > 1)
                    .map_or(0, |c| c.start)
            };
            if end == 0 {
                self.read_block()?;
                continue;
            }
            // the piece keeps the text read; what follows it (less than a
            // chunk, mostly) is what moves, to the spare buffer
            let mut rest = std::mem::take(&mut self.spare);
            rest.clear();
            rest.push_str(&self.text[end..]);
            let mut body = std::mem::replace(&mut self.text, rest);
            body.truncate(end);
            let meta = self.meta.clone().unwrap_or_default();
            let doc = Document::piece(&self.path, body, meta, self.origin);
            // the piece's line index says where the next one starts
            self.origin = self.origin.after_indexed(&doc.text, &doc.lines);
            return Ok(Some(doc));
        }
    }

    /// Takes back a piece's text, so the next piece needs no new memory.
    pub fn give_back(&mut self, doc: Document) {
        self.spare = doc.text;
    }

    /// Reads up to a block of the file onto the end of `text`, in its own
    /// memory, and keeps what is UTF-8 of it there: all of it, or all but a
    /// character cut at the block's end (left in `raw` for the next read);
    /// an error where a byte is not UTF-8.
    fn read_block(&mut self) -> Result<(), Error> {
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        let checked = bytes.len();
        bytes.append(&mut self.raw);
        // room for the block at once: `read_to_end` would grow the buffer
        // step by step, copying it each time. When it must grow, a quarter
        // more than a block, for the text left from the last piece: buffers
        // handed back are then large enough for the next block as they are,
        // and their memory is not given up and faulted in again
        if bytes.capacity() - bytes.len() < self.block {
            bytes.reserve(self.block + self.block / 4);
        }
        let read = (&mut self.source)
            .take(self.block as u64)
            .read_to_end(&mut bytes);
        self.eof = matches!(read, Ok(0));
        // only the bytes after `checked` are new: the ones before were a
        // `String`'s
        let (valid, bad) = match std::str::from_utf8(&bytes[checked..]) {
            Ok(_) => (bytes.len(), false),
            Err(e) => (
                checked + e.valid_up_to(),
                e.error_len().is_some() || self.eof,
            ),
        };
        // a carriage return at the end of what was read waits for the next
        // byte: whether it is a lone one (a line end) depends on it
        let held = usize::from(valid == bytes.len() && !self.eof && bytes.last() == Some(&b'\r'));
        self.raw = bytes.split_off(valid - held);
        // SAFETY: the first `checked` bytes were a whole `String`, so they
        // are UTF-8 and end at a character's end, and the bytes from there
        // to `valid` were checked to be UTF-8 just now: together they are
        // UTF-8, and so are they without a last ASCII byte
        self.text = unsafe { String::from_utf8_unchecked(bytes) };
        super::lines::lone_returns_to_newlines(&mut self.text);
        read.map_err(|e| Error::io(&self.path, e))?;
        if bad {
            return Err(self.not_utf8());
        }
        Ok(())
    }

    /// The error for the first byte of `raw`, which is not UTF-8, after all
    /// of `text`.
    fn not_utf8(&self) -> Error {
        let at = self.origin.after(&self.text);
        let (line, col) = at.place((1, 1));
        Error::Input {
            location: Location {
                path: self.path.clone(),
                line,
                col,
            },
            message: format!("not valid UTF-8 text (byte {})", at.byte),
        }
    }

    /// Drops the first `n` bytes of `text`, moving `origin` past them.
    fn consume(&mut self, n: usize) {
        self.origin = self.origin.after(&self.text[..n]);
        self.text.drain(..n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::LineIndex;

    /// Every piece of `text` read `block` bytes at a time, chunked by `chunk`.
    fn pieces(text: &[u8], block: usize, chunk: usize) -> Result<Vec<Document>, Error> {
        let mut p = Pieces::new(Path::new("a.md"), text, block);
        let mut out = Vec::new();
        while let Some(doc) = p.next_piece(chunk)? {
            out.push(doc);
        }
        Ok(out)
    }

    #[test]
    fn pieces_put_together_are_the_body_at_its_file_offsets() {
        let texts = [
            "---\nid: x\npublished: 2025-03-01\n---\nOne é line.\n\nTwo\nlines ½.\n\n\nThree.\n\nFour é.\n",
            // no blank line: one piece, however small the blocks
            "---\nid: x\n---\nOne é line,\ntwo lines ½,\nthree lines.\n",
        ];
        for text in texts {
            let body_start = text.find("One").expect("body");
            let body = &text[body_start..];
            for block in 1..12 {
                for chunk in 1..40 {
                    let docs = pieces(text.as_bytes(), block, chunk).expect("valid text");
                    // each piece starts where a chunk of the whole body does
                    let starts: Vec<usize> = paragraph_chunks(body, chunk)
                        .iter()
                        .map(|c| body_start + c.start)
                        .collect();
                    let mut at = body_start;
                    for doc in &docs {
                        assert_eq!(doc.origin.byte, at, "block {block}, chunk {chunk}");
                        assert!(starts.contains(&at), "{at} starts no chunk of {starts:?}");
                        assert_eq!(&text[at..at + doc.text.len()], doc.text);
                        assert_eq!(doc.meta.id.as_deref(), Some("x"));
                        // every offset maps to the line and column of the whole file
                        let whole = LineIndex::new(text);
                        for k in 0..doc.text.len() {
                            assert_eq!(
                                doc.locate(k),
                                whole.locate(text, at + k),
                                "offset {}",
                                at + k
                            );
                        }
                        at += doc.text.len();
                    }
                    assert_eq!(at, text.len());
                    if !body.contains("\n\n") {
                        assert_eq!(docs.len(), 1);
                    }
                }
            }
        }
    }

    #[test]
    fn pieces_give_the_quantities_of_the_whole_file() {
        let text = "---\npublished: 2025-03-01\n---\nTrade rose 5% to $245 billion last year.\n\n\
            Exports of about ¥1.2trn to China, up from 900 billion yuan in 2023.\n\n\
            Between 10 and 20 million tourists came; one in five was Chinese.\n";
        let line = |doc: &Document, q: &crate::extract::Quantity| {
            let (l, c) = doc.locate(q.start);
            let t = &doc.text[q.start..q.end];
            format!(
                "{} {l}:{c} {t} {:?} {:?}",
                q.start + doc.origin.byte,
                q.value,
                q.period
            )
        };
        let whole = Document::parse("a.md", text.to_string()).expect("valid");
        let want: Vec<String> = crate::extract::extract(&whole)
            .iter()
            .map(|q| line(&whole, q))
            .collect();
        assert!(want.len() >= 6, "{want:?}");
        for block in [1, 5, 16, 64] {
            for chunk in [1, 30, 100] {
                let got: Vec<String> = pieces(text.as_bytes(), block, chunk)
                    .expect("valid")
                    .iter()
                    .flat_map(|doc| {
                        let qs = crate::extract::extract(doc);
                        qs.iter().map(|q| line(doc, q)).collect::<Vec<_>>()
                    })
                    .collect();
                assert_eq!(got, want, "block {block}, chunk {chunk}");
            }
        }
    }

    /// A file with no blank line (a dump of one sentence a line) is cut
    /// into pieces at line ends, in bounded memory, and its pieces give
    /// the quantities of the whole file, whatever the block and chunk size.
    #[test]
    fn a_dump_is_read_in_pieces_of_bounded_size() {
        let doc = crate::extract::tests::dump(150_000);
        let line = |doc: &Document, q: &crate::extract::Quantity| {
            let (l, c) = doc.locate(q.start);
            format!("{} {l}:{c} {q:?}", q.start + doc.origin.byte)
                .replace(&format!("start: {}, end: {}", q.start, q.end), "")
        };
        let want: Vec<String> = crate::extract::extract(&doc)
            .iter()
            .map(|q| line(&doc, q))
            .collect();
        assert!(want.len() > 500, "{}", want.len());
        for block in [4096, 70_000, 1 << 20] {
            for chunk in [1, 10_000, 100_000] {
                let docs = pieces(doc.text.as_bytes(), block, chunk).expect("valid");
                if block < 100_000 {
                    assert!(docs.len() > 1, "block {block}, chunk {chunk}");
                }
                // a piece is the blocks read until a cut far enough on
                for d in &docs {
                    assert!(d.text.len() <= block + chunk + (64 << 10) + 200);
                }
                let got: Vec<String> = docs
                    .iter()
                    .flat_map(|d| {
                        let qs = crate::extract::extract(d);
                        qs.iter().map(|q| line(d, q)).collect::<Vec<_>>()
                    })
                    .collect();
                assert_eq!(got, want, "block {block}, chunk {chunk}");
            }
        }
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_an_error_at_its_line_in_any_block() {
        let mut text = b"Line one.\n\nLine two.\n\nLine th".to_vec();
        text.push(0xff);
        text.extend_from_slice(b"ree.\n");
        for block in 1..40 {
            let err = pieces(&text, block, 4).expect_err("invalid byte");
            let shown = err.to_string();
            assert!(shown.contains("a.md:5:8"), "{shown}");
            assert!(shown.contains("byte 29"), "{shown}");
        }
        // a character cut at the end of the file is an error too
        let err = pieces(&"x é".as_bytes()[..3], 2, 4).expect_err("cut character");
        assert!(err.to_string().contains("byte 2"), "{err}");
    }

    #[test]
    fn an_unterminated_front_matter_is_the_whole_file_error() {
        let text = "---\nid: x\nno end\n\nbody\n";
        let whole = Document::parse("a.md", text.to_string()).expect_err("no end");
        for block in 1..8 {
            let err = pieces(text.as_bytes(), block, 4).expect_err("no end");
            assert_eq!(err.to_string(), whole.to_string());
        }
    }
}
