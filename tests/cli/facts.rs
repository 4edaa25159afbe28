//! `crosscheck facts`.

use serde_json::Value;

use crate::support::{fact_lines, run, workspace};

fn seed_facts() -> Vec<Value> {
    let ws = workspace();
    let r = run(ws.path(), &["facts", "fixtures", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    fact_lines(&r.stdout)
}

fn find<'a>(facts: &'a [Value], metric: &str, source: &str, period: &str) -> Vec<&'a Value> {
    facts
        .iter()
        .filter(|f| {
            f["metric"] == metric
                && f["period"] == period
                && f["source"].as_str().unwrap().ends_with(source)
        })
        .collect()
}

#[test]
fn every_fact_has_the_documented_fields() {
    let facts = seed_facts();
    assert!(!facts.is_empty());
    for f in &facts {
        for key in [
            "metric",
            "period",
            "value",
            "unit",
            "min",
            "max",
            "qualifier",
            "forecast",
            "source",
            "line",
            "quote",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
}

#[test]
fn trade_2024_from_001_and_004() {
    let facts = seed_facts();
    let a = find(
        &facts,
        "trade.china_russia.total",
        "001-putin-xi-video-call.md",
        "2024",
    );
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["value"], "245000000000");
    assert_eq!(
        (a[0]["min"].as_str(), a[0]["max"].as_str()),
        (Some("244500000000"), Some("245500000000"))
    );
    assert_eq!(a[0]["unit"], "USD");
    assert_eq!(a[0]["line"], 19);
    let b = find(
        &facts,
        "trade.china_russia.total",
        "004-putin-li-qiang-sco.md",
        "2024",
    );
    assert_eq!(b.len(), 1);
    assert_eq!(b[0]["value"], "244800000000");
    assert_eq!(
        (b[0]["min"].as_str(), b[0]["max"].as_str()),
        (Some("244750000000"), Some("244850000000"))
    );
}

#[test]
fn the_2025_forecast_whose_sentence_names_no_metric() {
    let facts = seed_facts();
    let all = find(
        &facts,
        "trade.china_russia.total",
        "004-putin-li-qiang-sco.md",
        "2025",
    );
    // the forecast, and "trade has decreased during 2025" (a change with
    // no figure, kept for the sign check)
    assert_eq!(all.len(), 2, "{all:?}");
    let (f, change): (Vec<_>, Vec<_>) = all.into_iter().partition(|f| f["kind"] == "money");
    assert_eq!(change[0]["kind"], "change");
    assert_eq!(change[0]["text"], "decreased");
    assert_eq!(change[0]["value"], serde_json::Value::Null);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["value"], "218000000000");
    assert_eq!(f[0]["forecast"], true);
    assert_eq!(f[0]["approx"], true);
    assert_eq!(f[0]["qualifier"], "about");
    assert_eq!(
        (f[0]["min"].as_str(), f[0]["max"].as_str()),
        (Some("207100000000"), Some("228900000000"))
    );
}

#[test]
fn the_investment_portfolio_lower_bound() {
    let facts = seed_facts();
    let f = find(
        &facts,
        "investment.russia_china.portfolio",
        "004-putin-li-qiang-sco.md",
        "2025",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["min"], "200000000000");
    assert_eq!(f[0]["min_inclusive"], false);
    assert!(f[0]["max"].is_null());
    assert_eq!(f[0]["qualifier"], "more than");
}

#[test]
fn trips_in_2023_from_last_year_and_chinese_tourists() {
    let facts = seed_facts();
    let trips = find(
        &facts,
        "tourism.russia_china.trips",
        "002-li-qiang-moscow-tourism.md",
        "2023",
    );
    assert_eq!(trips.len(), 1, "{facts:#?}");
    assert_eq!(trips[0]["min"], "1000000");
    assert!(trips[0]["max"].is_null());
    assert_eq!(trips[0]["qualifier"], "surpassed");
    let tourists = find(
        &facts,
        "tourism.china_to_russia.tourists",
        "002-li-qiang-moscow-tourism.md",
        "2023",
    );
    assert_eq!(tourists.len(), 1);
    assert_eq!(tourists[0]["value"], "223000");
    assert_eq!(tourists[0]["qualifier"], "around");
}

#[test]
fn ranks_among_trading_partners() {
    let facts = seed_facts();
    let fifth = find(
        &facts,
        "rank.china_partners.russia",
        "001-putin-xi-video-call.md",
        "2025",
    );
    assert_eq!(fifth.len(), 1);
    assert_eq!(fifth[0]["value"], "5");
    let first = find(
        &facts,
        "rank.russia_partners.china",
        "001-putin-xi-video-call.md",
        "2025",
    );
    assert_eq!(first.len(), 1);
    assert_eq!(first[0]["value"], "1");
}

#[test]
fn no_fact_is_made_from_a_year_date_ordinal_or_year_range() {
    let facts = seed_facts();
    for f in &facts {
        let text = f["text"].as_str().unwrap();
        for bad in [
            "2024",
            "2025",
            "2022",
            "2030",
            "February 2022",
            "47th",
            "30th",
            "20th",
            "2026–2027",
        ] {
            assert_ne!(text, bad, "{f}");
        }
        assert!(
            ["money", "number", "percent", "rank", "change"].contains(&f["kind"].as_str().unwrap()),
            "{f}"
        );
    }
    // nothing at all from the two articles without comparable figures
    assert!(facts
        .iter()
        .all(|f| !f["source"].as_str().unwrap().contains("000-")
            && !f["source"].as_str().unwrap().contains("003-")));
    // eight figures and "trade has decreased during 2025"
    assert_eq!(facts.len(), 9, "{facts:#?}");
}

#[test]
fn facts_json_is_an_array_of_the_same_facts() {
    let ws = workspace();
    let jsonl = run(ws.path(), &["facts", "--format", "jsonl"]);
    let json = run(ws.path(), &["facts", "--format", "json"]);
    let array: Vec<Value> = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(array, fact_lines(&jsonl.stdout));
    let table = run(ws.path(), &["facts"]);
    assert!(table.stdout.contains("tourism.china_to_russia.tourists"));
}

/// The fixtures' lines as one dump with no blank line, past the 64 KiB
/// after which a paragraph is cut at line ends: its facts are the same on
/// one thread and on several (figures read in chunks in parallel).
#[test]
fn a_dumps_facts_are_the_same_on_any_number_of_threads() {
    let ws = workspace();
    let mut body = String::new();
    let mut files: Vec<_> = std::fs::read_dir(ws.path().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    while body.len() < 300_000 {
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            let text = text.splitn(3, "---\n").last().unwrap_or_default();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    let text = format!("---\npublished: 2025-06-01\n---\n{body}");
    std::fs::write(ws.path().join("dump.txt"), text).unwrap();
    let many = run(ws.path(), &["facts", "dump.txt", "--format", "json"]);
    let one = run(
        ws.path(),
        &["--threads", "1", "facts", "dump.txt", "--format", "json"],
    );
    assert_eq!(many.code, 0, "{}", many.stderr);
    assert!(many.stdout == one.stdout, "facts differ with one thread");
    let facts: Value = serde_json::from_str(&many.stdout).unwrap();
    assert!(facts.as_array().is_some_and(|f| f.len() > 50), "{facts}");
}
