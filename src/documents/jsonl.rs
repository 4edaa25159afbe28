//! JSON Lines corpora: one article per line, as archives and scrapers write
//! them, gzip-compressed or not.
//!
//! Each line is a JSON object with the article's `text` (required) and the
//! fields of an article's front matter: `id`, `title`, `publisher`, `url`
//! and `published` (or `date`), a date `YYYY-MM-DD`. Other fields are
//! ignored; a blank line holds no article. A file is read a line at a
//! time (through a gzip decoder for `.jsonl.gz`), never whole, and a line
//! is parsed where it is claimed, in parallel with the others.
//!
//! A line that holds no article (not JSON, not UTF-8, no `text`, a bad
//! date) is an error at `file:line`, and the lines after it are still
//! read; a gzip stream that is broken ends the file there, with an error
//! at the line it broke in.
//!
//! An article of a line is a `Document` whose text is the decoded `text`,
//! and whose `record` says where it is: every offset of its text is located
//! at that line of the file, at the column where its character is written
//! in the line (escapes such as `\n` or `\u00e9` counted as written).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Document, FrontMatter};
use crate::error::Error;
use crate::period::Date;

/// The longest line read: an article longer than this is an error at its
/// line (so a file with no line breaks is never held whole).
pub const MAX_LINE: usize = 64 << 20;

/// Whether `path` names a JSON Lines file: `.jsonl`, or `.jsonl.gz`
/// (gzip-compressed), in any case.
pub fn is_jsonl(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| extension_len(&n.to_string_lossy()) > 0)
}

/// How long the JSON Lines ending of file name `name` is (`.jsonl` or
/// `.jsonl.gz`, in any case), 0 for another name.
pub(super) fn extension_len(name: &str) -> usize {
    let lower = name.to_ascii_lowercase();
    [".jsonl", ".jsonl.gz"]
        .into_iter()
        .find(|e| lower.ends_with(e) && lower.len() > e.len())
        .map_or(0, str::len)
}

fn is_gzip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Where an article of a JSON Lines file stands: its line, and where the
/// characters of its text are written in that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the file.
    pub line: usize,
    /// 1-based column (in characters) of the text's first character, right
    /// after the opening quote of its JSON string.
    column: usize,
    /// At each escape of the JSON string: the offset in the text right
    /// after the character it stands for, and how many more characters the
    /// line has than the text up to there (`\n` is two for one).
    escapes: Vec<(usize, usize)>,
}

impl Record {
    /// 1-based line and column in the file of `offset` into `text` (the
    /// article's text), past `chars` characters of it.
    fn place(&self, offset: usize, chars: usize) -> (usize, usize) {
        let i = self.escapes.partition_point(|&(at, _)| at <= offset);
        let extra = i.checked_sub(1).map_or(0, |i| self.escapes[i].1);
        (self.line, self.column + chars + extra)
    }

    /// 1-based line and column in the file of `offset` into `text`.
    pub(super) fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        self.place(offset, chars_before(text, offset))
    }

    /// `locate` for offsets taken in ascending order: the characters are
    /// counted on from the last offset.
    pub(super) fn locator<'a>(&'a self, text: &'a str) -> impl FnMut(usize) -> (usize, usize) + 'a {
        let (mut last, mut chars) = (0, 0);
        move |offset| {
            if offset >= last {
                chars += chars_before(text.get(last..).unwrap_or(""), offset - last);
            } else {
                chars = chars_before(text, offset);
            }
            last = offset;
            self.place(offset, chars)
        }
    }
}

/// How many characters of `text` start before `offset`.
fn chars_before(text: &str, offset: usize) -> usize {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    // every byte but a UTF-8 continuation byte starts a character
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A JSON Lines file, read a line at a time.
pub struct JsonLines {
    path: Arc<PathBuf>,
    reader: Box<dyn BufRead + Send>,
    /// Lines read so far.
    line: usize,
    /// Whether the file is read to its end (or could be read no further).
    done: bool,
    /// The longest line read (`MAX_LINE`).
    max_line: usize,
}

/// One line of a JSON Lines file, read and not parsed yet.
#[derive(Debug)]
pub struct Line {
    pub path: Arc<PathBuf>,
    /// 1-based line of the file.
    pub number: usize,
    pub bytes: Vec<u8>,
}

impl JsonLines {
    /// Opens `path`, gunzipping it as it is read when its name ends in
    /// `.gz`.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let file = crate::files::open(path).map_err(|e| Error::io(path, e))?;
        let file = BufReader::with_capacity(1 << 16, file);
        let reader: Box<dyn BufRead + Send> = if is_gzip(path) {
            // every member of a file of several (as `cat a.gz b.gz` makes)
            let decoder = flate2::bufread::MultiGzDecoder::new(file);
            Box::new(BufReader::with_capacity(1 << 16, decoder))
        } else {
            Box::new(file)
        };
        Ok(JsonLines::new(path, reader))
    }

    pub fn new(path: &Path, reader: Box<dyn BufRead + Send>) -> Self {
        JsonLines {
            path: Arc::new(path.to_path_buf()),
            reader,
            line: 0,
            done: false,
            max_line: MAX_LINE,
        }
    }

    /// The next line that is not blank, an error where a line is too long
    /// or the file can be read no further, or `None` after the last.
    pub fn next_line(&mut self) -> Option<Result<Line, Error>> {
        while !self.done {
            let mut bytes = Vec::new();
            let read = self.read_line(&mut bytes);
            self.line += 1;
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(self.line, e)));
                }
                Ok(Ended::End) => {
                    self.done = true;
                    // the text after the last line break is a line too
                    if is_blank(&bytes) {
                        return None;
                    }
                }
                Ok(Ended::TooLong) => {
                    let message = format!("line longer than {} bytes", self.max_line);
                    return Some(Err(Error::Record {
                        path: self.path.to_path_buf(),
                        line: self.line,
                        message,
                    }));
                }
                Ok(Ended::Line) if is_blank(&bytes) => continue,
                Ok(Ended::Line) => {}
            }
            return Some(Ok(Line {
                path: Arc::clone(&self.path),
                number: self.line,
                bytes,
            }));
        }
        None
    }

    /// Reads one line, without its line break, into `bytes`: a line longer
    /// than `max_line` is passed over, and none of it kept.
    fn read_line(&mut self, bytes: &mut Vec<u8>) -> std::io::Result<Ended> {
        let mut too_long = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(if too_long { Ended::TooLong } else { Ended::End });
            }
            let (taken, end) = match memchr::memchr(b'\n', buf) {
                Some(k) => (k, true),
                None => (buf.len(), false),
            };
            if bytes.len() + taken > self.max_line {
                too_long = true;
                bytes.clear();
            }
            if !too_long {
                bytes.extend_from_slice(&buf[..taken]);
            }
            self.reader.consume(taken + usize::from(end));
            if end {
                return Ok(if too_long {
                    Ended::TooLong
                } else {
                    Ended::Line
                });
            }
        }
    }

    /// The error of a read that failed at `line`: gzip data that is not
    /// valid, or the file could not be read.
    fn error(&self, line: usize, e: std::io::Error) -> Error {
        use std::io::ErrorKind;
        let path = self.path.to_path_buf();
        match e.kind() {
            ErrorKind::InvalidInput | ErrorKind::InvalidData | ErrorKind::UnexpectedEof
                if is_gzip(&path) =>
            {
                let message = match e.kind() {
                    ErrorKind::UnexpectedEof => "gzip data cut short".to_string(),
                    _ => format!("not valid gzip data ({e})"),
                };
                Error::Record {
                    path,
                    line,
                    message: format!("{message}: the file is read no further"),
                }
            }
            _ => Error::io(path, e),
        }
    }
}

/// How a line read ended.
enum Ended {
    /// At a line break.
    Line,
    /// At the end of the file.
    End,
    /// At a line break or the end, longer than `MAX_LINE`.
    TooLong,
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// The fields of a line, each as written.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    publisher: Option<&'a RawValue>,
    #[serde(borrow, default)]
    url: Option<&'a RawValue>,
    #[serde(borrow, default, alias = "date")]
    published: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
}

impl Line {
    /// The article of this line; an error at `file:line` when it holds
    /// none.
    pub fn parse(self) -> Result<Document, Error> {
        let fail = |message: String| Error::Record {
            path: self.path.to_path_buf(),
            line: self.number,
            message,
        };
        let line = std::str::from_utf8(&self.bytes).map_err(|e| {
            fail(format!(
                "not valid UTF-8 text (byte {} of the line)",
                e.valid_up_to()
            ))
        })?;
        // a line break of a file written on Windows, a byte-order mark
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if !line.trim_start().starts_with('{') {
            return Err(fail(
                match serde_json::from_str::<serde::de::IgnoredAny>(line) {
                    Ok(_) => "not a JSON object".into(),
                    Err(e) => json_error(&e),
                },
            ));
        }
        let fields: Fields<'_> = serde_json::from_str(line).map_err(|e| fail(json_error(&e)))?;
        let text = match fields.text {
            Some(raw) if raw.get() != "null" => raw,
            _ => return Err(fail("missing `text`".into())),
        };
        let published = match string("published", fields.published).map_err(&fail)? {
            None => None,
            Some(date) => Some(
                date.parse::<Date>()
                    .map_err(|m| fail(format!("`published`: {m}")))?,
            ),
        };
        let meta = FrontMatter {
            id: id(fields.id).map_err(&fail)?,
            title: string("title", fields.title).map_err(&fail)?,
            publisher: string("publisher", fields.publisher).map_err(&fail)?,
            url: string("url", fields.url).map_err(&fail)?,
            published,
        };
        let literal = text.get();
        if !literal.starts_with('"') {
            return Err(fail(format!(
                "`text`: expected a string, found {}",
                shown(literal)
            )));
        }
        let (body, escapes) = decode(literal).map_err(|m| fail(format!("`text`: {m}")))?;
        // the literal is a slice of the line: its opening quote is this
        // many bytes in
        let at = (literal.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
        let record = Record {
            line: self.number,
            column: chars_before(line, at) + 2,
            escapes,
        };
        Ok(Document::record(&self.path, body, meta, record))
    }
}

/// serde_json's message without the place it adds (a line has one line):
/// "invalid JSON: expected `:` at column 9".
pub(crate) fn json_error(e: &serde_json::Error) -> String {
    let shown = e.to_string();
    let message = shown
        .rsplit_once(" at line ")
        .map_or(shown.as_str(), |(m, _)| m);
    let what = if e.is_data() { "" } else { "invalid JSON: " };
    format!("{what}{message} at column {}", e.column())
}

/// A field that must be a string, or absent or null.
fn string(name: &str, raw: Option<&RawValue>) -> Result<Option<String>, String> {
    match raw.map(RawValue::get) {
        None | Some("null") => Ok(None),
        Some(s) if s.starts_with('"') => serde_json::from_str(s)
            .map(Some)
            .map_err(|e| format!("`{name}`: {}", json_error(&e))),
        Some(other) => Err(format!(
            "`{name}`: expected a string, found {}",
            shown(other)
        )),
    }
}

/// `id`: a string, or a number as written.
fn id(raw: Option<&RawValue>) -> Result<Option<String>, String> {
    match raw.map(RawValue::get) {
        Some(n) if n.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => {
            Ok(Some(n.to_string()))
        }
        _ => string("id", raw),
    }
}

/// A JSON value as shown in a message: cut after 40 bytes.
fn shown(raw: &str) -> String {
    match raw.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &raw[..at]),
        None => raw.to_string(),
    }
}

/// A JSON string `literal` (with its quotes, checked by serde_json)
/// decoded, and where its escapes are (see `Record::escapes`). A lone
/// surrogate (`\ud800`) is an error, as serde_json has it.
fn decode(literal: &str) -> Result<(String, Vec<(usize, usize)>), String> {
    let inner = literal
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .ok_or("not a JSON string")?;
    let bytes = inner.as_bytes();
    let mut out = String::with_capacity(inner.len());
    let mut escapes = Vec::new();
    let mut extra = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &bytes[i..]) {
        out.push_str(&inner[i..i + k]);
        i += k;
        let (c, len) = escape(&inner[i..])?;
        out.push(c);
        // `len` characters written for one
        extra += len - 1;
        escapes.push((out.len(), extra));
        i += len;
    }
    out.push_str(&inner[i..]);
    Ok((out, escapes))
}

/// The character an escape at the start of `s` stands for, and how many
/// bytes (all ASCII) it takes.
fn escape(s: &str) -> Result<(char, usize), String> {
    let b = s.as_bytes();
    let simple = match b.get(1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let unit = hex4(s.get(2..6))?;
            if !(0xD800..0xE000).contains(&unit) {
                let c = char::from_u32(unit).ok_or("invalid \\u escape")?;
                return Ok((c, 6));
            }
            let low = s
                .get(6..8)
                .filter(|&p| p == "\\u")
                .map(|_| hex4(s.get(8..12)))
                .transpose()?;
            return match low {
                Some(low) if unit < 0xDC00 && (0xDC00..0xE000).contains(&low) => {
                    let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    let c = char::from_u32(c).ok_or("invalid \\u escape")?;
                    Ok((c, 12))
                }
                _ => Err(format!("lone surrogate \\u{unit:04x}")),
            };
        }
        _ => return Err("invalid escape".into()),
    };
    Ok((simple, 2))
}

fn hex4(digits: Option<&str>) -> Result<u32, String> {
    digits
        .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
        .and_then(|d| u32::from_str_radix(d, 16).ok())
        .ok_or_else(|| "invalid \\u escape".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines(text: &[u8]) -> Vec<Result<Line, Error>> {
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(text.to_vec()));
        let mut l = JsonLines::new(Path::new("a.jsonl"), reader);
        std::iter::from_fn(|| l.next_line()).collect()
    }

    fn parse(line: &str) -> Result<Document, String> {
        let line = Line {
            path: Arc::new(PathBuf::from("a.jsonl")),
            number: 7,
            bytes: line.as_bytes().to_vec(),
        };
        line.parse().map_err(|e| e.to_string())
    }

    #[test]
    fn an_article_a_line_with_front_matter_fields() {
        let doc = parse(
            r#"{"id":"a1","title":"T","publisher":"P","url":"https://x","published":"2025-03-01","text":"Trade rose.\nIt \"grew\" 5%.","extra":[1]}"#,
        )
        .expect("an article");
        assert_eq!(doc.text, "Trade rose.\nIt \"grew\" 5%.");
        assert_eq!(doc.meta.id.as_deref(), Some("a1"));
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.publisher.as_deref(), Some("P"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://x"));
        assert_eq!(
            doc.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2025-03-01")
        );
        assert_eq!(doc.id(), "a1");
        // every offset is on line 7, at its column in the line as written
        let line = r#"{"id":"a1","title":"T","publisher":"P","url":"https://x","published":"2025-03-01","text":"Trade rose.\nIt \"grew\" 5%.","extra":[1]}"#;
        let col = |s: &str| line.find(s).expect("in line") + 1;
        assert_eq!(doc.locate(0), (7, col("Trade")));
        assert_eq!(doc.locate(doc.text.find("It").unwrap()), (7, col("It")));
        assert_eq!(doc.locate(doc.text.find("5%").unwrap()), (7, col("5%")));
        let mut at = doc.locator(0);
        assert_eq!(at(doc.text.find("It").unwrap()), (7, col("It")));
        assert_eq!(at(doc.text.find("5%").unwrap()), (7, col("5%")));
        // an id may be a number; with none, the file's name and the line
        assert_eq!(parse(r#"{"id":12,"text":"x"}"#).unwrap().id(), "12");
        assert_eq!(parse(r#"{"text":"x","date":null}"#).unwrap().id(), "a:7");
    }

    #[test]
    fn columns_count_characters_as_written() {
        let line = r#"{"title":"é","text":"\u00e9 ü \ud83d\ude00 $5 billion"}"#;
        let doc = parse(line).unwrap();
        assert_eq!(doc.text, "é ü 😀 $5 billion");
        let at = doc.text.find('$').unwrap();
        let column = line[..line.find('$').unwrap()].chars().count() + 1;
        assert_eq!(doc.locate(at), (7, column));
    }

    #[test]
    fn a_line_with_no_article_is_an_error_at_its_line() {
        let cases = [
            (r#"{"id":"x"}"#, "a.jsonl:7: missing `text`"),
            (r#"{"text":null}"#, "a.jsonl:7: missing `text`"),
            (
                r#"{"text":5}"#,
                "a.jsonl:7: `text`: expected a string, found 5",
            ),
            (
                r#"{"text":"x","published":"2025-02-30"}"#,
                "a.jsonl:7: `published`: `2025-02-30` is not a calendar date",
            ),
            (
                r#"{"text":"x","title":["a"]}"#,
                r#"a.jsonl:7: `title`: expected a string, found ["a"]"#,
            ),
            (
                r#"{"text":"x""#,
                "a.jsonl:7: invalid JSON: EOF while parsing an object at column 11",
            ),
            ("[1]", "a.jsonl:7: not a JSON object"),
            (
                "nope",
                "a.jsonl:7: invalid JSON: expected ident at column 2",
            ),
            (
                "\u{feff}{\"text\":1}",
                "a.jsonl:7: `text`: expected a string, found 1",
            ),
            (
                r#"{"text":"\ud800"}"#,
                "a.jsonl:7: `text`: lone surrogate \\ud800",
            ),
            (
                r#"{"text":"x","text":"y"}"#,
                "a.jsonl:7: duplicate field `text` at column 18",
            ),
        ];
        for (line, want) in cases {
            assert_eq!(parse(line).err().as_deref(), Some(want), "{line}");
        }
        let bad = Line {
            path: Arc::new(PathBuf::from("a.jsonl")),
            number: 3,
            bytes: b"{\"text\":\"a \xff\"}".to_vec(),
        };
        assert_eq!(
            bad.parse().unwrap_err().to_string(),
            "a.jsonl:3: not valid UTF-8 text (byte 11 of the line)"
        );
    }

    #[test]
    fn lines_are_numbered_and_blank_ones_pass() {
        let got = lines(b"{\"text\":\"a\"}\n\n  \r\n{\"text\":\"b\"}\r\n{\"text\":\"c\"}");
        let numbers: Vec<usize> = got.iter().map(|l| l.as_ref().unwrap().number).collect();
        assert_eq!(numbers, [1, 4, 5]);
        let docs: Vec<String> = got
            .into_iter()
            .map(|l| l.unwrap().parse().unwrap().text)
            .collect();
        assert_eq!(docs, ["a", "b", "c"]);
        assert!(lines(b"").is_empty());
        assert!(lines(b"\n\n").is_empty());
    }

    #[test]
    fn a_line_too_long_is_an_error_and_the_next_lines_are_read() {
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::BufReader::with_capacity(
            4,
            &b"{\"text\":\"a\"}\n{\"text\":\"far too long\"}\n{\"text\":\"b\"}"[..],
        ));
        let mut l = JsonLines::new(Path::new("a.jsonl"), reader);
        l.max_line = 16;
        let got: Vec<String> = std::iter::from_fn(|| l.next_line())
            .map(|r| match r.and_then(Line::parse) {
                Ok(doc) => doc.text,
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(got, ["a", "a.jsonl:2: line longer than 16 bytes", "b"]);
    }

    #[test]
    fn a_gzip_file_is_read_as_it_is_gunzipped_and_a_broken_one_ends_there() {
        use std::io::Write;
        let dir = tempfile::TempDir::new().unwrap();
        let text: String = (1..=2000)
            .map(|n| format!("{{\"id\":\"{n}\",\"text\":\"Article {n} of many, with some words to fill it.\"}}\n"))
            .collect();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text.as_bytes()).unwrap();
        let bytes = gz.finish().unwrap();
        let read = |name: &str, bytes: &[u8]| -> Vec<String> {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let mut l = JsonLines::open(&path).unwrap();
            std::iter::from_fn(|| l.next_line())
                .map(|r| match r.and_then(Line::parse) {
                    Ok(doc) => doc.id(),
                    Err(e) => e.to_string().replace(&dir.path().display().to_string(), ""),
                })
                .collect()
        };
        let all = read("a.jsonl.gz", &bytes);
        assert_eq!(all.len(), 2000);
        assert_eq!(all[1999], "2000");
        // cut short: the lines before the cut, then an error at its line
        let cut = read("b.jsonl.gz", &bytes[..bytes.len() / 2]);
        let last = cut.last().unwrap();
        assert!(
            last.starts_with("/b.jsonl.gz:")
                && last.ends_with(": gzip data cut short: the file is read no further"),
            "{last}"
        );
        assert!(cut.len() > 10 && cut.len() < 2000, "{}", cut.len());
        // not gzip at all
        assert_eq!(
            read("c.jsonl.gz", text.as_bytes()),
            ["/c.jsonl.gz:1: not valid gzip data (invalid gzip header): the file is read no further"]
        );
    }

    #[test]
    fn names_of_json_lines_files() {
        for name in ["a.jsonl", "dir/B.JSONL", "c.jsonl.gz", "d.JSONL.GZ"] {
            assert!(is_jsonl(Path::new(name)), "{name}");
        }
        for name in ["a.json", "a.gz", "a.md", "jsonl", "a.jsonl.txt"] {
            assert!(!is_jsonl(Path::new(name)), "{name}");
        }
    }

    proptest! {
        /// Any text, written by serde_json (escapes as it writes them) or
        /// with every character escaped, decodes to itself, and each of its
        /// characters is located where it is written.
        #[test]
        fn text_decodes_and_locates_as_written(text in "\\PC{0,40}|[\"\\\\\n\t é😀\u{1}a]{0,30}", all in any::<bool>()) {
            let literal = if all {
                let mut s = String::from("\"");
                for unit in text.encode_utf16() {
                    s.push_str(&format!("\\u{unit:04x}"));
                }
                s.push('"');
                s
            } else {
                serde_json::to_string(&text).unwrap()
            };
            let line = format!("{{\"a\":\"é\",\"text\":{literal}}}");
            let doc = parse(&line).unwrap();
            prop_assert_eq!(&doc.text, &text);
            // the column of each character, counted in the line as written
            let mut written = line.rfind(&literal).unwrap() + 1;
            for (at, c) in text.char_indices() {
                let column = line[..written].chars().count() + 1;
                prop_assert_eq!(doc.locate(at), (7, column), "{:?} at {}", c, at);
                let width = if all {
                    6 * c.len_utf16()
                } else {
                    serde_json::to_string(&c.to_string()).unwrap().len() - 2
                };
                written += width;
            }
        }
    }
}
