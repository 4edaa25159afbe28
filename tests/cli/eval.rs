//! The unseen-text evaluation (tests/eval/README.md): crosscheck run on each
//! domain's articles with that domain's rules, graded against its key.
//! Prints facts P/R/F1 and conflicts found / false per domain and in all;
//! fails when a score falls below the floor in tests/eval/floor.yaml (the
//! scores last recorded, so a change that loses ground is seen).
//!
//! What did not match is written to `eval-<domain>.txt` in the test's
//! temporary folder (its path is printed), for a person to read.
//!
//! `CROSSCHECK_EVAL_BIN=/path/to/crosscheck` grades another build (an older
//! commit, say) instead of this one, and `CROSSCHECK_EVAL_DIR` another
//! copy of `tests/eval`; the floor is then not enforced.

#![allow(clippy::print_stdout)] // the scores are the point of the test

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::Value;

use crate::support::{root, run};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Key {
    facts: Vec<KeyFact>,
    #[serde(default)]
    conflicts: Vec<KeyConflict>,
    #[serde(default)]
    not_conflicts: Vec<KeyNotConflict>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFact {
    source: String,
    line: usize,
    text: String,
    metric: String,
    period: Option<String>,
    value: Option<String>,
    range: Option<[String; 2]>,
    #[serde(default)]
    qualifier: Option<String>,
    #[serde(default = "actual")]
    role: String,
    #[serde(default)]
    note: Option<String>,
}

fn actual() -> String {
    "actual".to_string()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyConflict {
    metric: String,
    period: Option<String>,
    #[serde(default)]
    readings: Vec<Vec<String>>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyNotConflict {
    metric: String,
    period: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Floor {
    facts_f1: f64,
    conflicts_recall: f64,
    false_conflicts: usize,
}

/// A fact as the grader compares it: everything that must be the same.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Graded {
    source: String,
    line: usize,
    metric: String,
    period: Option<String>,
    value: Value2,
    role: String,
}

/// A stated value, or both ends of a stated range.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Value2 {
    Point(Decimal),
    Range(Decimal, Decimal),
    Unknown,
}

fn decimal(s: &str) -> Decimal {
    Decimal::from_str(s)
        .or_else(|_| Decimal::from_scientific(s))
        .unwrap_or_else(|_| panic!("not a number in the key: {s}"))
        .normalize()
}

impl KeyFact {
    fn graded(&self) -> Graded {
        let value = match (&self.value, &self.range) {
            (Some(v), _) => Value2::Point(decimal(v)),
            (None, Some([a, b])) => Value2::Range(decimal(a), decimal(b)),
            (None, None) => Value2::Unknown,
        };
        Graded {
            source: self.source.clone(),
            line: self.line,
            metric: self.metric.clone(),
            period: self.period.clone(),
            value,
            role: self.role.clone(),
        }
    }
}

/// A fact of `facts --format json`, as graded; `None` for a stated change,
/// which the key leaves out.
fn graded_found(f: &Value) -> Option<Graded> {
    if f["kind"] == "change" {
        return None;
    }
    let text = |k: &str| f[k].as_str().map(str::to_string);
    // a converted figure is graded by the value it states, in its currency
    let stated = f["converted_from"]["value"]
        .as_str()
        .or(f["value"].as_str());
    let value = match stated {
        Some(v) => Value2::Point(decimal(v)),
        None => match (f["min"].as_str(), f["max"].as_str()) {
            (Some(a), Some(b)) => Value2::Range(decimal(a), decimal(b)),
            _ => Value2::Unknown,
        },
    };
    let role = role_of(f);
    Some(Graded {
        source: text("id").expect("a fact has a source id"),
        line: f["line"].as_u64().expect("a fact has a line") as usize,
        metric: text("metric").expect("a fact has a metric"),
        period: text("period"),
        value,
        role,
    })
}

/// A fact's role; a build that writes none (before roles) has forecasts
/// and actual figures only.
fn role_of(f: &Value) -> String {
    match f["role"].as_str() {
        Some(r) => r.to_string(),
        None if f["forecast"] == true => "forecast".to_string(),
        None => actual(),
    }
}

/// Scores of one domain.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    found: usize,
    expected: usize,
    matched: usize,
    conflicts_expected: usize,
    conflicts_found: usize,
    conflicts_false: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.found += o.found;
        self.expected += o.expected;
        self.matched += o.matched;
        self.conflicts_expected += o.conflicts_expected;
        self.conflicts_found += o.conflicts_found;
        self.conflicts_false += o.conflicts_false;
    }

    fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }

    fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn conflicts_recall(&self) -> f64 {
        ratio(self.conflicts_found, self.conflicts_expected)
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<16} facts P {:.3} R {:.3} F1 {:.3} ({} found, {} in key, {} matched); conflicts {}/{} found, {} false",
            self.precision(),
            self.recall(),
            self.f1(),
            self.found,
            self.expected,
            self.matched,
            self.conflicts_found,
            self.conflicts_expected,
            self.conflicts_false,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The build graded: `CROSSCHECK_EVAL_BIN`, else this package's binary.
fn other_binary() -> Option<std::path::PathBuf> {
    std::env::var_os("CROSSCHECK_EVAL_BIN").map(Into::into)
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let r = match other_binary() {
        Some(bin) => {
            let out = std::process::Command::new(&bin)
                .args(args)
                .current_dir(dir)
                .env("NO_COLOR", "1")
                .output()
                .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
            crate::support::Run {
                code: out.status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            }
        }
        None => run(dir, args),
    };
    assert!(
        r.code == 0 || r.code == 1,
        "crosscheck {args:?} in {}: exit {}\n{}",
        dir.display(),
        r.code,
        r.stderr
    );
    serde_json::from_str(&r.stdout).expect("JSON output")
}

/// Grades one domain; writes what did not match to `report`.
fn grade(dir: &Path, report: &mut String) -> Score {
    let key: Key =
        serde_yaml::from_str(&std::fs::read_to_string(dir.join("key.yaml")).expect("a key.yaml"))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join("key.yaml").display()));
    let args = ["--rules", "rules", "--format", "json", "articles"];
    let facts = json(dir, &[&["facts"][..], &args].concat());
    let found: Vec<Graded> = facts
        .as_array()
        .expect("an array of facts")
        .iter()
        .filter_map(graded_found)
        .collect();
    let expected: Vec<Graded> = key.facts.iter().map(KeyFact::graded).collect();
    let mut unmatched: Vec<&Graded> = found.iter().collect();
    let mut missed = Vec::new();
    for (e, k) in expected.iter().zip(&key.facts) {
        match unmatched.iter().position(|f| *f == e) {
            Some(i) => {
                unmatched.remove(i);
            }
            None => missed.push((e, k)),
        }
    }
    let _ = writeln!(report, "## missed ({})", missed.len());
    for (e, k) in &missed {
        let near: Vec<&&Graded> = unmatched
            .iter()
            .filter(|f| f.source == e.source && f.line == e.line)
            .collect();
        let _ = writeln!(
            report,
            "- {:?}  text {:?}  qualifier {:?}  note {:?}",
            e, k.text, k.qualifier, k.note
        );
        for n in near {
            let _ = writeln!(report, "    found instead: {n:?}");
        }
    }
    let _ = writeln!(report, "## false ({})", unmatched.len());
    for f in &unmatched {
        let _ = writeln!(report, "- {f:?}");
    }

    let report_json = json(dir, &[&["report"][..], &args].concat());
    let conflicted: BTreeSet<(String, Option<String>)> = report_json["findings"]
        .as_array()
        .expect("an array of findings")
        .iter()
        .filter(|f| f["class"] == "conflict")
        // the key lists conflicts between actual figures; forecasts compared
        // with forecasts are another matter
        .filter(|f| {
            crate::support::finding_facts(f)
                .iter()
                .any(|x| role_of(x) == "actual")
        })
        .map(|f| {
            (
                f["metric"].as_str().unwrap_or_default().to_string(),
                f["period"].as_str().map(str::to_string),
            )
        })
        .collect();
    let expected_conflicts: BTreeMap<(String, Option<String>), &KeyConflict> = key
        .conflicts
        .iter()
        .map(|c| ((c.metric.clone(), c.period.clone()), c))
        .collect();
    for n in &key.not_conflicts {
        assert!(
            !expected_conflicts.contains_key(&(n.metric.clone(), n.period.clone())),
            "{}: {} {:?} is both a conflict and not one",
            dir.display(),
            n.metric,
            n.period
        );
    }
    let found_conflicts = conflicted
        .iter()
        .filter(|k| expected_conflicts.contains_key(*k))
        .count();
    let _ = writeln!(report, "## conflicts missed");
    for (k, c) in &expected_conflicts {
        if !conflicted.contains(k) {
            let _ = writeln!(report, "- {k:?} {:?} {:?}", c.readings, c.note);
        }
    }
    let _ = writeln!(report, "## conflicts false");
    for k in conflicted
        .iter()
        .filter(|k| !expected_conflicts.contains_key(*k))
    {
        let said = key
            .not_conflicts
            .iter()
            .find(|n| (&n.metric, &n.period) == (&k.0, &k.1));
        match said {
            Some(n) => {
                let _ = writeln!(
                    report,
                    "- {k:?} the key says not: {:?} {:?}",
                    n.sources, n.note
                );
            }
            None => {
                let _ = writeln!(report, "- {k:?}");
            }
        }
    }
    Score {
        found: found.len(),
        expected: expected.len(),
        matched: found.len() - unmatched.len(),
        conflicts_expected: expected_conflicts.len(),
        conflicts_found: found_conflicts,
        conflicts_false: conflicted.len() - found_conflicts,
    }
}

#[test]
fn unseen_text_is_graded_against_its_key() {
    let eval = std::env::var_os("CROSSCHECK_EVAL_DIR")
        .map_or_else(|| root().join("tests/eval"), Into::into);
    let mut domains: Vec<_> = std::fs::read_dir(&eval)
        .expect("tests/eval")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("key.yaml").is_file())
        .collect();
    domains.sort();
    assert!(domains.len() >= 2, "at least two domains");
    let mut total = Score::default();
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for dir in &domains {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut report = String::new();
        let score = grade(dir, &mut report);
        let path = out_dir.join(format!("eval-{name}.txt"));
        std::fs::write(&path, report).unwrap();
        println!("{}  (details: {})", score.line(&name), path.display());
        total.add(score);
    }
    println!("{}", total.line("all"));
    if other_binary().is_some() || std::env::var_os("CROSSCHECK_EVAL_DIR").is_some() {
        return;
    }
    let floor: Floor = serde_yaml::from_str(
        &std::fs::read_to_string(eval.join("floor.yaml")).expect("tests/eval/floor.yaml"),
    )
    .expect("a valid floor.yaml");
    assert!(
        total.f1() >= floor.facts_f1,
        "facts F1 {:.3} fell below {}",
        total.f1(),
        floor.facts_f1
    );
    assert!(
        total.conflicts_recall() >= floor.conflicts_recall,
        "conflicts recall {:.3} fell below {}",
        total.conflicts_recall(),
        floor.conflicts_recall
    );
    assert!(
        total.conflicts_false <= floor.false_conflicts,
        "{} false conflicts, more than {}",
        total.conflicts_false,
        floor.false_conflicts
    );
}
