//! `report --format html`: the page is parsed here and its structure
//! checked: one chart per metric, one entry per claim with its interval and
//! quote, each finding's readings on one axis; the same bytes every run.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::support::{corpus, root, run, workspace};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>()
}

/// The page of `report --format html --output` in `dir`, with `args`.
fn page(dir: &Path, args: &[&str]) -> String {
    let out = dir.join("report.html");
    let mut all = vec![
        "report",
        "--format",
        "html",
        "--output",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let r = run(dir, &all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "", "the page goes to the file only");
    fs::read_to_string(out).unwrap()
}

#[test]
fn the_page_has_a_chart_per_metric_and_an_entry_per_claim() {
    let ws = workspace();
    let html = page(ws.path(), &[]);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let json = run(ws.path(), &["report", "--format", "json"]);
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    let facts = report["facts"].as_array().unwrap();
    let metrics: BTreeSet<&str> = facts
        .iter()
        .map(|f| f["metric"].as_str().unwrap())
        .collect();

    // one section and one chart per metric
    let sections: Vec<ElementRef> = doc.select(&sel("section.metric")).collect();
    assert_eq!(sections.len(), metrics.len());
    for s in &sections {
        assert_eq!(s.select(&sel("svg.chart")).count(), 1);
        let name = text(s.select(&sel("h3")).next().unwrap());
        assert!(metrics.contains(name.as_str()), "{name}");
    }

    // one entry per claim, with its place, interval and quote
    let entries: Vec<ElementRef> = doc.select(&sel("details.claim")).collect();
    assert_eq!(entries.len(), facts.len());
    let entry = |at: &str| -> ElementRef {
        *entries
            .iter()
            .find(|e| text(e.select(&sel("code.at")).next().unwrap()) == at)
            .unwrap_or_else(|| panic!("no entry at {at}"))
    };
    for (at, figure, interval, quote) in [
        (
            "fixtures/001-putin-xi-video-call.md:19",
            "$245 billion",
            "[244.5, 245.5] bn USD",
            "with trade reaching $245 billion in 2024, according to Chinese data.",
        ),
        (
            "fixtures/004-putin-li-qiang-sco.md:16",
            "US$244.8 billion",
            "[244.75, 244.85] bn USD",
            "RPA: 2024 bilateral trade reached US$244.8 billion.",
        ),
    ] {
        let e = entries
            .iter()
            .find(|e| {
                text(e.select(&sel("code.at")).next().unwrap()) == at
                    && text(e.select(&sel(".fig")).next().unwrap()) == figure
            })
            .unwrap_or_else(|| panic!("no {figure} at {at}"));
        assert_eq!(text(e.select(&sel(".iv")).next().unwrap()), interval);
        let q = text(e.select(&sel("blockquote")).next().unwrap());
        assert!(q.ends_with(quote), "{q}");
        assert_eq!(
            text(e.select(&sel("blockquote mark")).next().unwrap()),
            figure
        );
    }
    // the forecast is marked, and drawn apart
    let forecast = entry("fixtures/004-putin-li-qiang-sco.md:16");
    let _ = forecast;
    assert!(html.contains(r#"class="r0 fc""#) || html.contains(r#"class="rn fc""#));
    assert!(html.contains(r#"<text class="role""#));

    // the summary
    let summary: Vec<(String, String)> = doc
        .select(&sel("#summary dl div"))
        .map(|d| {
            (
                text(d.select(&sel("dt")).next().unwrap()),
                text(d.select(&sel("dd")).next().unwrap()),
            )
        })
        .collect();
    for (what, n) in [
        ("sources", "5"),
        ("facts", "9"),
        ("conflicts", "1"),
        ("check violations", "0"),
    ] {
        assert!(
            summary.contains(&(what.to_string(), n.to_string())),
            "{summary:?}"
        );
    }
}

#[test]
fn the_conflict_is_two_intervals_on_one_axis_whose_marks_lead_to_the_quotes() {
    let ws = workspace();
    let doc = Html::parse_document(&page(ws.path(), &[]));
    let finding = doc.select(&sel("article.finding")).next().unwrap();
    assert!(text(finding.select(&sel("h3")).next().unwrap())
        .contains("trade.china_russia.total, 2024: $245 billion vs US$244.8 billion"));
    let marks: Vec<ElementRef> = finding.select(&sel("svg.strip a")).collect();
    assert_eq!(marks.len(), 2);
    let classes: Vec<&str> = marks
        .iter()
        .map(|a| a.value().attr("class").unwrap())
        .collect();
    assert_eq!(classes, ["r0", "r1"]);
    for a in &marks {
        // a whisker from the lower to the upper end, and a marker
        assert_eq!(a.select(&sel("path.wh")).count(), 1);
        let title = text(a.select(&sel("title")).next().unwrap());
        assert!(
            title.contains("bn USD") && title.contains(".md:1"),
            "{title}"
        );
        let href = a.value().attr("href").unwrap();
        let target = doc
            .select(&sel(href))
            .next()
            .expect("the mark leads to an entry");
        assert_eq!(target.value().name(), "details");
    }
    let notes = text(finding.select(&sel(".notes")).next().unwrap());
    assert!(notes.contains("245 may be 244.8 rounded to three significant figures"));
    assert!(text(finding.select(&sel(".diff")).next().unwrap()).contains("200 mn USD (0.08%)"));
}

#[test]
fn the_page_is_the_same_bytes_for_any_thread_count_and_on_standard_output() {
    let ws = workspace();
    let one = page(ws.path(), &["--threads", "1"]);
    let four = page(ws.path(), &["--threads", "4"]);
    assert_eq!(one, four);
    let r = run(ws.path(), &["report", "--format", "html"]);
    assert_eq!(r.stdout, one);
    // self-contained: nothing is fetched
    for outside in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!one.contains(outside), "{outside}");
    }
}

#[test]
fn a_key_of_many_claims_is_drawn_as_bands_with_counts() {
    let mut articles: Vec<(String, &str, String)> = (0..40)
        .map(|i| {
            (
                format!("a{i:02}.md"),
                "2025-01-21",
                "Russia-China trade reached $245 billion in 2024.".to_string(),
            )
        })
        .collect();
    articles.push((
        "b.md".into(),
        "2025-01-21",
        "Russia-China trade hit $240 billion in 2024.".into(),
    ));
    let refs: Vec<(&str, &str, &str)> = articles
        .iter()
        .map(|(n, p, b)| (n.as_str(), *p, b.as_str()))
        .collect();
    let ws = corpus(&[], &refs);
    let doc = Html::parse_document(&page(ws.path(), &[]));
    let chart = doc
        .select(&sel("#m-trade\\.china_russia\\.total svg.chart"))
        .next()
        .unwrap();
    let counts: Vec<String> = chart.select(&sel("text.n")).map(text).collect();
    assert_eq!(counts, ["×40", "×1"]);
    assert_eq!(chart.select(&sel("path.band")).count(), 2);
    // the first claims of each reading are listed, and the rest counted
    let listed = doc
        .select(&sel("#m-trade\\.china_russia\\.total details.claim"))
        .count();
    assert_eq!(listed, 6);
    assert!(doc
        .select(&sel("#m-trade\\.china_russia\\.total li.more"))
        .map(text)
        .any(|t| t == "… and 35 more claims"));
    // the finding's strip draws the reading of 40 as one band
    let strip = doc
        .select(&sel("article.finding svg.strip"))
        .next()
        .unwrap();
    assert_eq!(
        strip.select(&sel("text.n")).map(text).collect::<Vec<_>>(),
        ["×40"]
    );
}

#[test]
fn check_violations_show_their_arithmetic() {
    let dir = tempfile::TempDir::new().unwrap();
    let pack = root().join("packs/north-america");
    let html = page(
        dir.path(),
        &[
            pack.join("fixtures").to_str().unwrap(),
            "--rules",
            pack.join("rules").to_str().unwrap(),
        ],
    );
    let doc = Html::parse_document(&html);
    let arith: Vec<String> = doc.select(&sel(".combinations .arith")).map(text).collect();
    assert!(!arith.is_empty());
    assert!(arith.iter().any(|a| a.contains(" = ")), "{arith:?}");
}

#[test]
fn an_output_file_that_cannot_be_written_is_an_error_naming_it() {
    let ws = workspace();
    let r = run(
        ws.path(),
        &[
            "report",
            "--format",
            "html",
            "--output",
            "no/such/dir/r.html",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no/such/dir/r.html: cannot write"),
        "{}",
        r.stderr
    );
}
