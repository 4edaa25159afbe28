//! Rules at scale: a thousand generated metrics (examples/rulesgen.rs) load,
//! share one copy of each pattern, are looked up by id, and the prefilter
//! that tests a sentence against all of them at once never drops a metric
//! whose patterns match. Speed is measured by benches/rules_load.sh, not
//! here (the machine is shared and noisy).

use std::collections::BTreeSet;
use std::path::PathBuf;

use crosscheck::rules::{self, RuleSet};
use tempfile::TempDir;

use crate::support::{root, run};

#[path = "../../examples/rulesgen.rs"]
mod rulesgen;

#[path = "../../examples/newsgen.rs"]
mod newsgen;

fn generated(metrics: usize) -> (TempDir, RuleSet) {
    let dir = TempDir::new().unwrap();
    rulesgen::write(dir.path(), metrics).unwrap();
    let rules = rules::load(&[dir.path().to_path_buf()]).expect("the generated rules load");
    (dir, rules)
}

#[test]
fn a_thousand_generated_metrics_load_sharing_their_patterns() {
    let (_dir, rules) = generated(1000);
    assert_eq!(rules.metrics.len(), 1000);
    let templated = rules.metrics.iter().filter(|m| m.template.is_some());
    assert!(templated.count() >= 300);
    // every use of a pattern is the one copy of its source
    let uses: Vec<_> = rules.pattern_uses().collect();
    let distinct = rules.patterns();
    assert!(
        distinct.len() * 10 < uses.len(),
        "{} distinct patterns for {} uses",
        distinct.len(),
        uses.len()
    );
    for p in &uses {
        assert!(p.same(&distinct[p.id()]), "{}", p.as_str());
    }
    let sources: BTreeSet<&str> = distinct.iter().map(|p| p.as_str()).collect();
    assert_eq!(sources.len(), distinct.len());
    // a template's pattern without `{A}`/`{B}` is one copy for all its pairs
    let trade: Vec<_> = rules
        .metrics
        .iter()
        .filter(|m| m.id.starts_with("trade.") && m.id.ends_with(".total"))
        .collect();
    assert!(trade.len() > 10);
    assert!(trade
        .iter()
        .all(|m| m.matcher.all[0].same(&trade[0].matcher.all[0])));
    // nothing is compiled before it is matched
    assert!(distinct.iter().all(|p| !p.is_compiled()));
    // ids are looked up in the index
    for m in &rules.metrics {
        assert!(std::ptr::eq(rules.metric(&m.id).unwrap(), m));
    }
    assert!(rules.metric("trade.nowhere.total").is_none());
}

#[test]
fn generated_metrics_find_their_facts() {
    let dir = TempDir::new().unwrap();
    rulesgen::write(&dir.path().join("rules"), 1000).unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::write(
        dir.path().join("news/a.md"),
        "In 2020, bilateral trade between Russia and Japan reached $123.4 billion according to customs data.\n\n\
         Russian tourists to China numbered 412,000 in 2024.\n\n\
         Brazil's steel output reached 34 million in 2024, according to the ministry.\n",
    )
    .unwrap();
    let r = run(
        dir.path(),
        &["facts", "--format", "jsonl", "--rules", "rules", "news"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let metrics: BTreeSet<String> = r
        .stdout
        .lines()
        .map(|l| {
            let fact: serde_json::Value = serde_json::from_str(l).unwrap();
            fact["metric"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    for want in [
        "trade.japan_russia.total",
        "tourism.russia_to_china.tourists",
        "output.brazil.steel",
    ] {
        assert!(metrics.contains(want), "{want} not in {metrics:?}");
    }
}

/// Every line of the articles under `dir` (`*.md`).
fn lines_of(dir: PathBuf) -> Vec<String> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        out.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(String::from),
        );
    }
    out
}

/// For every window pattern (`all`, `any`) of `rules` and every text: if
/// the pattern matches, the prefilter lets it through.
fn assert_prefilter_passes_matches(rules: &RuleSet, texts: &[String]) -> usize {
    let mut matched = 0;
    let gate: BTreeSet<usize> = rules
        .metrics
        .iter()
        .flat_map(|m| m.matcher.all.iter().chain(&m.matcher.any))
        .map(|p| p.id())
        .collect();
    let prefilter = rules.prefilter();
    for text in texts {
        let hits = prefilter.hits(text);
        for &id in &gate {
            let p = &rules.patterns()[id];
            if p.is_match(text) {
                matched += 1;
                assert!(
                    prefilter.may_match(&hits, id),
                    "{} matches, but the prefilter drops it: {text}",
                    p.as_str()
                );
            }
        }
    }
    matched
}

#[test]
fn the_prefilter_never_drops_a_pattern_that_matches() {
    let eval = root().join("tests/eval");
    let cases = [
        (root().join("rules"), root().join("fixtures")),
        (
            eval.join("eu-china-trade/rules"),
            eval.join("eu-china-trade/articles"),
        ),
        (
            eval.join("oil-output/rules"),
            eval.join("oil-output/articles"),
        ),
        (
            eval.join("asia-tourism/rules"),
            eval.join("asia-tourism/articles"),
        ),
    ];
    for (rules_dir, articles) in cases {
        let rules = rules::load(std::slice::from_ref(&rules_dir)).unwrap();
        let matched = assert_prefilter_passes_matches(&rules, &lines_of(articles));
        assert!(matched > 0, "{}", rules_dir.display());
    }
    // generated rules over generated news, with the case variants `(?i)`
    // matches that ASCII case folding does not
    let (_dir, rules) = generated(1000);
    let mut texts: Vec<String> = newsgen::text(42, 100_000, newsgen::Density::News)
        .split("\n\n")
        .map(String::from)
        .collect();
    texts.push("TRADE between RUSSIA and CHINA, Turnover of $1 billion".into());
    texts.push("Exportſ of ſteel from Ruſsia: the \u{212A}remlin".into());
    let matched = assert_prefilter_passes_matches(&rules, &texts);
    assert!(matched > 100);
}
