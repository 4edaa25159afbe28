//! YAML front matter between `---` lines at the top of an article.
//!
//! Known keys are `id`, `title`, `publisher`, `url` and `published` (`date` is
//! read as `published`, as Hugo and Jekyll write it). Other keys are allowed
//! and ignored, since corpora often come from site generators with their own.

use std::path::Path;

use serde::Deserialize;

mod plain;

use crate::error::{Error, Location};
use crate::period::Date;

/// What the front matter says about an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
}

#[derive(Debug, Deserialize, Default, PartialEq, Eq)]
struct RawFrontMatter {
    id: Option<String>,
    title: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    #[serde(alias = "date")]
    published: Option<String>,
}

/// Splits `text` into front matter and the byte offset where the body starts.
/// Text without a leading `---` line has no front matter.
pub(crate) fn split(path: &Path, text: &str) -> Result<(FrontMatter, usize), Error> {
    // a byte-order mark before the opening line is not text
    let unmarked = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = unmarked
        .strip_prefix("---\n")
        .or(unmarked.strip_prefix("---\r\n"))
    else {
        return Ok((FrontMatter::default(), 0));
    };
    let yaml_start = text.len() - rest.len();
    let mut offset = yaml_start;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" || bare == "..." {
            let yaml = &text[yaml_start..offset];
            let meta = parse(path, yaml, line_of(text, yaml_start))?;
            return Ok((meta, offset + line.len()));
        }
        offset += line.len();
    }
    Err(Error::Input {
        location: Location {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
        },
        message: "front matter opened with `---` is never closed by a `---` line".into(),
    })
}

fn parse(path: &Path, yaml: &str, first_line: usize) -> Result<FrontMatter, Error> {
    let raw: RawFrontMatter = if yaml.trim().is_empty() {
        RawFrontMatter::default()
    } else if let Some(raw) = plain::read(yaml) {
        raw
    } else {
        crate::yaml::parse(path, yaml, first_line)?
    };
    let published = match raw.published {
        None => None,
        Some(s) => Some(s.parse::<Date>().map_err(|message| Error::Input {
            location: Location {
                path: path.to_path_buf(),
                line: key_line(yaml, first_line),
                col: 1,
            },
            message: format!("`published`: {message}"),
        })?),
    };
    Ok(FrontMatter {
        id: raw.id,
        title: raw.title,
        publisher: raw.publisher,
        url: raw.url,
        published,
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

fn key_line(yaml: &str, first_line: usize) -> usize {
    yaml.lines()
        .position(|l| l.starts_with("published:") || l.starts_with("date:"))
        .map_or(first_line, |i| first_line + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(text: &str) -> (FrontMatter, usize) {
        split(Path::new("a.md"), text).unwrap()
    }

    #[test]
    fn reads_front_matter() {
        let text = "---\nid: a1\ntitle: T\npublished: 2025-01-21\ntags: [x]\n---\nBody.\n";
        let (meta, body) = split_ok(text);
        assert_eq!(meta.id.as_deref(), Some("a1"));
        assert_eq!(meta.published.unwrap().to_string(), "2025-01-21");
        assert_eq!(&text[body..], "Body.\n");
    }

    #[test]
    fn a_byte_order_mark_and_crlf_lines_are_allowed() {
        let text = "\u{feff}---\r\npublished: 2025-01-21\r\n---\r\nBody.\r\n";
        let (meta, body) = split_ok(text);
        assert_eq!(meta.published.unwrap().to_string(), "2025-01-21");
        assert_eq!(&text[body..], "Body.\r\n");
    }

    #[test]
    fn text_without_front_matter_is_all_body() {
        assert_eq!(split_ok("Plain text.\n---\n").1, 0);
    }

    #[test]
    fn bad_dates_and_unclosed_blocks_are_errors_with_lines() {
        let err = split(
            Path::new("a.md"),
            "---\nid: x\npublished: 2025-02-30\n---\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.md:3:1: `published`: `2025-02-30` is not a calendar date"
        );
        let err = split(Path::new("a.md"), "---\nid: x\n").unwrap_err();
        assert!(
            err.to_string().starts_with("a.md:1:1: front matter"),
            "{err}"
        );
        let err = split(Path::new("a.md"), "---\nid: [x\n---\n").unwrap_err();
        assert!(err.to_string().starts_with("a.md:"), "{err}");
    }
}
