//! `crosscheck extract`: every quantity of one file, rule-free.

use std::io::{Read, Write};
use std::path::Path;

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::documents::{jsonl, Articles, Document, Pieces};
use crate::error::{Error, Errors};
use crate::period::Date;
use crate::report::{json, table};
use crate::{extract, ExitStatus, Outcome};

pub fn run(args: &ExtractArgs, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let published = (args.published.as_ref())
        .map(|date| date.parse::<Date>())
        .transpose()
        .map_err(|m| Error::Usage(format!("--published: {m}")))?;
    let file = args.file.as_deref().filter(|p| *p != Path::new("-"));
    if let Some(path) = file.filter(|p| jsonl::is_jsonl(p)) {
        return records(path, args, published, out);
    }
    // a page is parsed whole (its text is not the file's)
    let page = file.is_some_and(crate::documents::html::is_html);
    if let (Some(path), ExtractFormat::Jsonl, false, false) =
        (file, args.format, args.each_line, page)
    {
        // streamed: a file of any size in a few blocks of memory
        stream(path, published, out)?;
        return Ok(Outcome::after_reading(ExitStatus::Clean, Errors::default()));
    }
    let mut doc = match file {
        None => read_stdin()?,
        Some(p) => Document::read(p)?,
    };
    doc.meta.published = published.or(doc.meta.published);
    write_document(&doc, args, out).map_err(crate::output_error)?;
    Ok(Outcome::after_reading(ExitStatus::Clean, Errors::default()))
}

/// The quantities of `doc` in the format `args` ask for.
fn write_document(doc: &Document, args: &ExtractArgs, out: &mut dyn Write) -> std::io::Result<()> {
    match (args.format, args.each_line) {
        // streamed: lines go out as their part of the text is read
        (ExtractFormat::Jsonl, false) => write_lines(doc, out),
        (ExtractFormat::Jsonl, true) => json::write_quantities(out, doc, &by_line(doc)),
        (ExtractFormat::Table, each_line) => {
            let quantities = if each_line {
                by_line(doc)
            } else {
                extract::extract(doc)
            };
            table::write_quantities(out, doc, &quantities)
        }
    }
}

/// Every article of the JSON Lines file at `path` (one a line), read a
/// batch of lines at a time and extracted in parallel, written in line
/// order: a JSON line's `line` is the article's line of the file, its
/// `start` and `end` offsets into the article's text; a table is headed by
/// `path:line` and the article's id. A line that holds no article is an
/// error at its line (exit 2), and the lines after it are still read.
fn records(
    path: &Path,
    args: &ExtractArgs,
    published: Option<Date>,
    out: &mut dyn Write,
) -> Result<Outcome, Errors> {
    use rayon::prelude::*;
    let mut articles = Articles::new(vec![path.to_path_buf()]);
    let mut errors = Errors::default();
    loop {
        let batch = articles.next_batch();
        if batch.is_empty() {
            break;
        }
        let written: Vec<Result<Vec<u8>, Error>> = batch
            .into_par_iter()
            .map(|article| {
                let mut doc = article.read()?;
                doc.meta.published = published.or(doc.meta.published);
                let mut buf = Vec::new();
                if let (ExtractFormat::Table, Some(record)) = (args.format, &doc.record) {
                    // cannot fail: a write to memory
                    let _ = writeln!(
                        buf,
                        "{}:{} ({})",
                        crate::error::shown(path),
                        record.line,
                        doc.id()
                    );
                }
                write_document(&doc, args, &mut buf).map_err(Error::Output)?;
                Ok(buf)
            })
            .collect();
        for result in written {
            match result {
                Ok(bytes) => out.write_all(&bytes).map_err(crate::output_error)?,
                Err(e) => errors.push(e),
            }
        }
    }
    Ok(Outcome::after_reading(ExitStatus::Clean, errors))
}

/// Bytes of a file read at a time when it is streamed.
const BLOCK_BYTES: usize = 4 << 20;

/// The JSON lines of every quantity of the file at `path`, read a block at
/// a time (`Pieces`): the same lines as when it is read whole.
fn stream(path: &Path, published: Option<Date>, out: &mut dyn Write) -> Result<(), Errors> {
    let mut pieces = Pieces::open(path, BLOCK_BYTES)?;
    while let Some(mut doc) = pieces.next_piece(extract::CHUNK_BYTES)? {
        doc.meta.published = published.or(doc.meta.published);
        write_lines(&doc, out).map_err(crate::output_error)?;
        pieces.give_back(doc);
    }
    Ok(())
}

/// The JSON lines of `doc`'s quantities, written as their part of the text
/// is read.
fn write_lines(doc: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    extract::extract_with(
        doc,
        |quantities| json::quantity_lines(doc, &quantities),
        |lines| out.write_all(&lines?),
    )
}

/// Every line of the body as its own document, offsets into the file.
fn by_line(doc: &Document) -> Vec<extract::Quantity> {
    let mut out = Vec::new();
    let mut offset = doc.body_start;
    for line in doc.body().split_inclusive('\n') {
        let one = Document::from_body(&doc.path, line, doc.meta.published);
        for mut q in extract::extract(&one) {
            q.start += offset;
            q.end += offset;
            out.push(q);
        }
        offset += line.len();
    }
    out
}

fn read_stdin() -> Result<Document, Error> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("<stdin>", e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Usage(format!(
            "<stdin>: not valid UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Document::parse("<stdin>", text)
}
