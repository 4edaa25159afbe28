//! What a page says about itself, read when the file has no front matter
//! for it: `published` from `article:published_time`, `itemprop=
//! datePublished` or JSON-LD `datePublished`; `title` from `og:title` or
//! `<title>`; `publisher` from `og:site_name` or JSON-LD `publisher.name`;
//! `url` from the canonical link or `og:url`.

use std::path::Path;

use scraper::{Html, Selector};
use serde_json::Value;

use crate::documents::{FrontMatter, LineIndex};
use crate::error::{Error, Location};
use crate::period::Date;

/// `meta` with what the page says filled in where it says nothing.
/// `source` is the file's text (for the line of a bad date).
pub(super) fn fill(
    path: &Path,
    html: &Html,
    source: &str,
    meta: &mut FrontMatter,
) -> Result<(), Error> {
    let first = |selector: &str, attr: &str| -> Option<String> {
        // cannot fail: the selectors are constant and valid
        let s = Selector::parse(selector).ok()?;
        html.select(&s)
            .filter_map(|e| e.value().attr(attr))
            .map(str::trim)
            .find(|v| !v.is_empty())
            .map(str::to_string)
    };
    let ld = json_ld(html);
    if meta.title.is_none() {
        meta.title = first(r#"meta[property="og:title"]"#, "content").or_else(|| {
            let s = Selector::parse("title").ok()?;
            let t: String = html.select(&s).next()?.text().collect();
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            (!t.is_empty()).then_some(t)
        });
    }
    if meta.publisher.is_none() {
        meta.publisher = first(r#"meta[property="og:site_name"]"#, "content").or_else(|| {
            ld.iter().find_map(|v| {
                v.get("publisher")?
                    .get("name")?
                    .as_str()
                    .map(str::to_string)
            })
        });
    }
    if meta.url.is_none() {
        meta.url = first(r#"link[rel~="canonical"]"#, "href")
            .or_else(|| first(r#"meta[property="og:url"]"#, "content"));
    }
    if meta.published.is_none() {
        let stated = first(r#"meta[property="article:published_time"]"#, "content")
            .map(|v| ("article:published_time", v))
            .or_else(|| {
                first(r#"meta[itemprop="datePublished"]"#, "content").map(|v| ("datePublished", v))
            })
            .or_else(|| {
                first(r#"time[itemprop="datePublished"]"#, "datetime").map(|v| ("datePublished", v))
            })
            .or_else(|| {
                ld.iter()
                    .find_map(|v| v.get("datePublished")?.as_str().map(str::to_string))
                    .map(|v| ("datePublished", v))
            });
        if let Some((key, value)) = stated {
            meta.published = Some(date(&value).map_err(|message| Error::Input {
                location: place(path, source, &value),
                message: format!("`{key}`: {message}"),
            })?);
        }
    }
    Ok(())
}

/// The calendar date an ISO 8601 date or time starts with
/// ("2025-11-18T09:30:00+03:00" is 2025-11-18).
fn date(value: &str) -> Result<Date, String> {
    let day = value.get(..10).filter(|d| {
        let b = d.as_bytes();
        b[4] == b'-' && b[7] == b'-'
    });
    match day {
        Some(day) => day.parse::<Date>().map_err(|m| m.replace(day, value)),
        None => Err(format!("`{value}` is not a date as YYYY-MM-DD (ISO 8601)")),
    }
}

/// Where `value` is first written in the file, for an error.
fn place(path: &Path, source: &str, value: &str) -> Location {
    let (line, col) = source
        .find(value)
        .map_or((1, 1), |at| LineIndex::new(source).locate(source, at));
    Location {
        path: path.to_path_buf(),
        line,
        col,
    }
}

/// The objects of the page's JSON-LD scripts, those of `@graph` lists
/// and arrays included. A script that is not JSON is passed over: it is
/// the page's, not the article's.
fn json_ld(html: &Html) -> Vec<Value> {
    let Ok(s) = Selector::parse(r#"script[type="application/ld+json"]"#) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for script in html.select(&s) {
        let text: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(&text) {
            flatten(v, &mut out);
        }
    }
    out
}

fn flatten(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out)),
        Value::Object(mut o) => {
            if let Some(graph) = o.remove("@graph") {
                flatten(graph, out);
            }
            out.push(Value::Object(o));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(page: &str) -> Result<FrontMatter, Error> {
        let mut meta = FrontMatter::default();
        fill(
            Path::new("a.html"),
            &Html::parse_document(page),
            page,
            &mut meta,
        )
        .map(|()| meta)
    }

    #[test]
    fn open_graph_and_canonical_link() {
        let m = meta_of(
            r#"<head><title>Ignored</title><meta property="og:title" content="Trade at a record">
            <meta property="og:site_name" content="Wire"><link rel="canonical" href="https://example.org/a">
            <meta property="article:published_time" content="2025-01-21T08:00:00Z"></head>"#,
        )
        .unwrap();
        assert_eq!(m.title.as_deref(), Some("Trade at a record"));
        assert_eq!(m.publisher.as_deref(), Some("Wire"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(m.published.unwrap().to_string(), "2025-01-21");
    }

    #[test]
    fn json_ld_in_a_graph() {
        let m = meta_of(
            r#"<title> A   page </title><script type="application/ld+json">{"@graph":[{"@type":"WebSite"},
            {"@type":"NewsArticle","datePublished":"2025-11-18","publisher":{"name":"RPA"}}]}</script>"#,
        )
        .unwrap();
        assert_eq!(m.title.as_deref(), Some("A page"));
        assert_eq!(m.publisher.as_deref(), Some("RPA"));
        assert_eq!(m.published.unwrap().to_string(), "2025-11-18");
    }

    #[test]
    fn a_bad_date_is_an_error_at_its_line() {
        let err = meta_of(
            "<head>\n<meta property=\"article:published_time\"\n content=\"2025-02-30T10:00\">",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "a.html:3:11: `article:published_time`: `2025-02-30T10:00` is not a calendar date"
        );
        let err = meta_of(r#"<meta property="article:published_time" content="Nov 18">"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`Nov 18` is not a date as YYYY-MM-DD"),
            "{err}"
        );
    }
}
