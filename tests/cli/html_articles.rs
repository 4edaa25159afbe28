//! Saved HTML pages as articles: `tests/html-pages/`, four articles saved
//! as pages of common layouts and written as Markdown.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{root, run};

/// The binary run in the project's folder with `args` and the shipped
/// rules.
fn with_rules(args: &[&str]) -> crate::support::Run {
    let mut all = args.to_vec();
    all.extend(["--rules", "rules"]);
    run(&root(), &all)
}

/// `facts --format json` of `folder`, with the shipped rules.
fn facts(folder: &str) -> Vec<Value> {
    let r = with_rules(&["facts", folder, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    v.as_array()
        .or_else(|| v["facts"].as_array())
        .expect("a list of facts")
        .clone()
}

/// A fact without what names its file or a place in it.
fn placeless(mut f: Value) -> Value {
    let o = f.as_object_mut().unwrap();
    for key in [
        "source",
        "line",
        "column",
        "start",
        "end",
        "quote_line",
        "quote_span",
        "record",
    ] {
        o.remove(key);
    }
    f
}

#[test]
fn saved_pages_give_the_same_facts_as_the_same_articles_in_markdown() {
    let html = facts("tests/html-pages/html");
    let markdown = facts("tests/html-pages/markdown");
    assert_eq!(html.len(), 8, "{html:#?}");
    let html: Vec<Value> = html.into_iter().map(placeless).collect();
    let markdown: Vec<Value> = markdown.into_iter().map(placeless).collect();
    assert_eq!(html, markdown);
}

#[test]
fn a_fact_of_a_page_points_at_its_figure_in_the_html_file() {
    let tags = regex::Regex::new("<[^>]*>").unwrap();
    for f in facts("tests/html-pages/html") {
        let path = root().join(f["source"].as_str().unwrap());
        let text = fs::read_to_string(&path).unwrap();
        let line = text
            .lines()
            .nth(f["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let from: String = line
            .chars()
            .skip(f["column"].as_u64().unwrap() as usize - 1)
            .collect();
        // the figure as written, once tags are taken out (`$<span>245`)
        // and `&nbsp;` read as a space
        let figure = f["text"].as_str().unwrap();
        let from = tags.replace_all(&from, "").replace("&nbsp;", " ");
        assert!(
            from.starts_with(figure),
            "{}:{}: `{from}` does not start with `{figure}`",
            path.display(),
            f["line"]
        );
    }
}

#[test]
fn metadata_comes_from_the_page_when_there_is_no_front_matter() {
    let facts = facts("tests/html-pages/html");
    let published = |id: &str| -> Vec<Value> {
        facts
            .iter()
            .filter(|f| f["id"] == id)
            .map(|f| f["published"].clone())
            .collect()
    };
    // article:published_time, JSON-LD datePublished, itemprop datePublished
    assert_eq!(published("a-blog-post")[0], "2025-01-21");
    assert_eq!(published("b-news-site")[0], "2025-11-18");
    assert_eq!(published("d-app-page")[0], "2025-02-03");
    assert_eq!(published("c-old-page")[0], Value::Null);
}

#[test]
fn a_page_with_a_bad_date_is_an_error_at_its_line_and_others_are_read() {
    let dir = tempfile::TempDir::new().unwrap();
    fs::write(
        dir.path().join("bad.html"),
        "<html><head>\n<meta property=\"article:published_time\" content=\"2025-02-30\">\n</head><body><p>Russia-China trade reached $245 billion in 2024.</p></body></html>\n",
    )
    .unwrap();
    fs::copy(
        root().join("tests/html-pages/html/a-blog-post.html"),
        dir.path().join("a.htm"),
    )
    .unwrap();
    let rules = root().join("rules");
    let r = run(
        dir.path(),
        &["facts", ".", "--rules", rules.to_str().unwrap()],
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(
            "bad.html:2:50: `article:published_time`: `2025-02-30` is not a calendar date"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("a.htm:27"), "{}", r.stdout);
    assert!(Path::new(&dir.path().join("a.htm")).exists());
}

#[test]
fn the_html_report_of_shards_is_that_of_the_pages_urls_included() {
    let dir = tempfile::TempDir::new().unwrap();
    let shard = dir.path().join("pages.jsonl");
    let r = with_rules(&["facts", "tests/html-pages/html", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    fs::write(&shard, &r.stdout).unwrap();
    let pages = with_rules(&["report", "tests/html-pages/html", "--format", "html"]);
    let shard = shard.to_str().unwrap();
    let shards = with_rules(&["report", "--facts", shard, "--format", "html"]);
    assert_eq!(shards.code, 0, "{}", shards.stderr);
    assert!(pages
        .stdout
        .contains("https://pivot.example.com/a/rank-fifth"));
    assert!(pages
        .stdout
        .contains("tests/html-pages/html/b-news-site.html:27"));
    assert_eq!(shards.stdout, pages.stdout);
}
