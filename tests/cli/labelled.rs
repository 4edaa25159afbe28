//! The labelled extraction set (tests/extract/*.txt): precision, recall and
//! F1 per file, printed, and at least 0.98 F1 overall.
//!
//! Each line is `TEXT => ITEMS` (see the head of money.txt). Only figures
//! count: money, numbers, percentages, ranks and changes; years, dates,
//! ordinals and names are what the `non_metric` file checks never become one.

#![allow(clippy::print_stdout)] // the scores are the point of the test

use std::str::FromStr;

use crosscheck::documents::Document;
use crosscheck::extract::{self, Direction, Kind, Quantity};
use crosscheck::period::Date;
use rust_decimal::Decimal;

use crate::support::root;

/// One expected figure.
#[derive(Debug)]
struct Item {
    kind: String,
    value: Option<Decimal>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    unit: Option<String>,
    direction: Option<Direction>,
    period: Option<String>,
    negated: bool,
}

fn decimal(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

fn parse_item(text: &str) -> Item {
    let mut parts = text.split_whitespace();
    let kind = parts.next().expect("a kind").to_string();
    let v = parts.next().expect("a value");
    let (mut value, mut min, mut max) = (None, None, None);
    if let Some((lo, hi)) = v.split_once("..") {
        (min, max) = (Some(decimal(lo)), Some(decimal(hi)));
    } else if let Some(b) = v.strip_prefix(">=").or(v.strip_prefix('>')) {
        min = Some(decimal(b));
    } else if let Some(b) = v.strip_prefix("<=").or(v.strip_prefix('<')) {
        max = Some(decimal(b));
    } else {
        value = Some(decimal(v));
    }
    let mut item = Item {
        kind,
        value,
        min,
        max,
        unit: None,
        direction: None,
        period: None,
        negated: false,
    };
    for p in parts {
        match p {
            "up" => item.direction = Some(Direction::Up),
            "down" => item.direction = Some(Direction::Down),
            "negated" => item.negated = true,
            _ if p.starts_with("period=") => item.period = Some(p["period=".len()..].to_string()),
            _ => item.unit = Some(p.to_string()),
        }
    }
    item
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Money => "money",
        Kind::Number => "number",
        Kind::Percent => "percent",
        Kind::Rank => "rank",
        Kind::Change => "change",
        _ => "other",
    }
}

/// Money units match when equal, or when one is a family of the other.
fn units_match(want: &str, got: &str) -> bool {
    const DOLLARS: &[&str] = &["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"];
    want == got
        || want == "currency"
        || got == "currency"
        || (want == "dollar" && DOLLARS.contains(&got))
        || (got == "dollar" && DOLLARS.contains(&want))
        || (want == "rupee" && got == "INR")
        || (want == "yen_yuan" && got == "yen_yuan")
        || (want == "pound" && got == "GBP")
}

fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= Decimal::new(1, 6).max(a.abs().max(b.abs()) * Decimal::new(1, 9))
}

fn matches(e: &Item, q: &Quantity) -> bool {
    if e.kind != kind_name(q.kind) {
        return false;
    }
    let bounds = q.stated_bounds();
    let same = |want: Option<Decimal>, got: Option<Decimal>| match (want, got) {
        (None, _) => true,
        (Some(w), Some(g)) => close(w, g),
        (Some(_), None) => false,
    };
    let values = if e.min.is_some() || e.max.is_some() {
        let point = e.value.is_none();
        same(e.min, bounds.lo.map(|b| b.value))
            && same(e.max, bounds.hi.map(|b| b.value))
            && (!point
                || (e.min.is_some() == bounds.lo.is_some()
                    && e.max.is_some() == bounds.hi.is_some()))
    } else {
        same(e.value, q.value)
    };
    let unit = match (&e.unit, q.kind) {
        (None, _) => true,
        (Some(u), Kind::Money) => units_match(u, q.unit),
        (Some(u), _) => u == q.unit || units_match(u, q.unit),
    };
    let direction = e.direction.is_none() || e.direction == q.direction;
    let period = e
        .period
        .as_ref()
        .is_none_or(|p| q.period.map(|x| x.to_string()).as_deref() == Some(p));
    values && unit && direction && period && e.negated == q.negated
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    lines: usize,
    failures: Vec<String>,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            if self.fp + self.fn_ == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn score_line(line: &str, score: &mut Score) {
    let (line, published) = match line.strip_prefix('@') {
        Some(rest) => {
            let (date, text) = rest.split_once(' ').expect("@DATE TEXT");
            (text, date.parse::<Date>().expect("a date"))
        }
        None => (line, "2025-06-30".parse::<Date>().expect("a date")),
    };
    let (text, expect) = line
        .split_once(" => ")
        .unwrap_or_else(|| panic!("no ' => ' in: {line}"));
    let expected: Vec<Item> = if expect.trim() == "none" {
        Vec::new()
    } else {
        expect.split(" | ").map(parse_item).collect()
    };
    let doc = Document::from_body("case.txt", text, Some(published));
    let found: Vec<Quantity> = extract::extract(&doc)
        .into_iter()
        .filter(|q| kind_name(q.kind) != "other")
        .collect();
    let mut used = vec![false; found.len()];
    let mut missed = Vec::new();
    for e in &expected {
        match (0..found.len()).find(|&i| !used[i] && matches(e, &found[i])) {
            Some(i) => used[i] = true,
            None => missed.push(format!("{e:?}")),
        }
    }
    let extra: Vec<String> = found
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(q, _)| {
            format!(
                "{} {:?} {} `{}`",
                kind_name(q.kind),
                q.value,
                q.unit,
                &text[q.start..q.end]
            )
        })
        .collect();
    score.tp += expected.len() - missed.len();
    score.fn_ += missed.len();
    score.fp += extra.len();
    score.lines += 1;
    if !missed.is_empty() || !extra.is_empty() {
        score.failures.push(format!(
            "{text}\n      missed: {missed:?}\n      extra:  {extra:?}"
        ));
    }
}

#[test]
fn labelled_news_sentences() {
    let dir = root().join("tests/extract");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut total = Score::default();
    for path in &files {
        let mut score = Score::default();
        for line in std::fs::read_to_string(path).unwrap().lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            score_line(line, &mut score);
        }
        let name = path.file_stem().unwrap().to_string_lossy();
        println!(
            "{name:<12} {:>4} sentences  TP {:>4} FP {:>3} FN {:>3}  F1 {:.3}",
            score.lines,
            score.tp,
            score.fp,
            score.fn_,
            score.f1()
        );
        for f in &score.failures {
            println!("   FAIL {f}");
        }
        total.tp += score.tp;
        total.fp += score.fp;
        total.fn_ += score.fn_;
        total.lines += score.lines;
    }
    println!(
        "{:<12} {:>4} sentences  TP {:>4} FP {:>3} FN {:>3}  F1 {:.3}",
        "total",
        total.lines,
        total.tp,
        total.fp,
        total.fn_,
        total.f1()
    );
    assert!(
        total.lines >= 400,
        "the set has {} sentences, fewer than 400",
        total.lines
    );
    assert!(total.f1() >= 0.98, "F1 {:.3} below 0.98", total.f1());
}
