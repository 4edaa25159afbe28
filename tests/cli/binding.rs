//! Figures bound to their own words (issue 12): tests/cases/figure-binding,
//! rules written for these tests with examples of their own, and articles
//! where one sentence states several metrics, changes are stated on two
//! bases, a target stands beside actual figures and two named sources
//! disagree.
// See: issue #12

use serde_json::Value;

use crate::support::{finding_facts, finding_notes, root, run};

fn case() -> std::path::PathBuf {
    root().join("tests/cases/figure-binding")
}

#[test]
fn the_binding_rules_pass_their_own_examples() {
    let r = run(&case(), &["rules", "test", "rules"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("12 passed, 0 failed"), "{}", r.stdout);
}

fn report() -> Value {
    let r = run(
        &case(),
        &["report", "--rules", "rules", "--format", "json", "articles"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

#[test]
fn each_figure_of_one_sentence_has_its_own_metric() {
    let report = report();
    let facts = report["facts"].as_array().unwrap();
    let of = |text: &str| -> Vec<&str> {
        facts
            .iter()
            .filter(|f| f["id"] == "f-japan" && f["text"] == text)
            .map(|f| f["metric"].as_str().unwrap())
            .collect()
    };
    assert_eq!(of("€41bn"), ["surplus.japan_with_eu.goods"]);
    assert_eq!(of("€102bn"), ["exports.japan_to_eu.goods"]);
    assert_eq!(of("€61bn"), ["imports.japan_from_eu.goods"]);
}

#[test]
fn the_items_of_a_list_read_respectively_bind_to_its_figures_in_order() {
    let report = report();
    let facts = report["facts"].as_array().unwrap();
    let of = |text: &str| -> Vec<&str> {
        facts
            .iter()
            .filter(|f| f["id"] == "h-respectively" && f["text"] == text)
            .map(|f| f["metric"].as_str().unwrap())
            .collect()
    };
    // "imports" stands nearer €102bn, but it is the second item
    assert_eq!(of("€102bn"), ["exports.japan_to_eu.goods"]);
    assert_eq!(of("€61bn"), ["imports.japan_from_eu.goods"]);
}

#[test]
fn changes_conflict_on_one_basis_only_and_targets_are_not_compared() {
    let report = report();
    let findings = report["findings"].as_array().unwrap();
    let conflicts: Vec<(&str, Vec<(&str, &str)>)> = findings
        .iter()
        .filter(|f| f["class"] == "conflict")
        .map(|f| {
            let facts = finding_facts(f);
            let ids = facts
                .iter()
                .map(|x| (x["id"].as_str().unwrap(), x["value"].as_str().unwrap()))
                .collect();
            (f["metric"].as_str().unwrap(), ids)
        })
        .collect();
    assert_eq!(
        conflicts,
        [
            // "rose 3.5%" and "fell 2%" in yuan terms (a fact keeps its
            // value as written and its direction; its reading is signed);
            // "rose 1.2%" in dollar terms is on another basis
            (
                "trade.china_eu.change",
                vec![("a-customs", "3.5"), ("b-yuan", "2")]
            ),
            // the $1 trillion pledge is a target, never compared
            (
                "trade.china_eu.total",
                vec![
                    ("a-customs", "785800000000"),
                    ("d-eurostat", "760000000000")
                ]
            ),
        ]
    );
    let change = findings
        .iter()
        .find(|f| f["metric"] == "trade.china_eu.change" && f["class"] == "conflict")
        .unwrap();
    assert_eq!(change["readings"][1]["max"], "-1.5"); // "fell 2%", rounded
    let total = findings
        .iter()
        .find(|f| f["metric"] == "trade.china_eu.total" && f["class"] == "conflict")
        .unwrap();
    assert_eq!(
        finding_notes(total),
        "attributed to china_customs and eurostat"
    );
    let facts = report["facts"].as_array().unwrap();
    let pledge = facts.iter().find(|f| f["id"] == "e-pledge").unwrap();
    assert_eq!(pledge["role"], "target");
    let eurostat = facts.iter().find(|f| f["id"] == "d-eurostat").unwrap();
    assert_eq!(eurostat["attributions"]["speaker"], "commission");
    let dollar = facts.iter().find(|f| f["id"] == "c-dollar").unwrap();
    assert_eq!(
        (&dollar["basis"], &dollar["direction"]),
        (&Value::from("dollar"), &Value::from("up"))
    );
}

#[test]
fn a_disputed_claim_is_reported_against_the_data() {
    let report = report();
    let findings = report["findings"].as_array().unwrap();
    let disputed: Vec<&Value> = findings
        .iter()
        .filter(|f| f["class"] == "disputed")
        .collect();
    assert_eq!(disputed.len(), 1, "{findings:#?}");
    let d = disputed[0];
    assert_eq!(
        (&d["metric"], &d["period"], &d["severity"]),
        (
            &Value::from("trade.china_eu.total"),
            &Value::from("2023"),
            &Value::from("info")
        )
    );
    let roles: Vec<&str> = finding_facts(d)
        .into_iter()
        .map(|f| f["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["claim", "actual"]);
    assert_eq!(
        finding_notes(d),
        "claim vs data: $900 billion as claimed, $783 billion in the data"
    );
}

#[test]
fn a_change_metric_of_an_unknown_metric_is_an_error_with_a_suggestion() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("r.yaml"),
        "metrics:\n  - id: trade.x.change\n    description: x\n    kind: change\n    of: trade.x.totl\n    match: { all: ['trade'] }\n  - id: trade.x.total\n    description: x\n    kind: count\n    match: { all: ['trade'] }\n",
    )
    .unwrap();
    let r = run(dir.path(), &["rules", "test", "r.yaml"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "r.yaml:2:5: `of`: unknown metric `trade.x.totl`; did you mean `trade.x.total`?"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn an_article_never_conflicts_with_itself_and_old_story_periods_are_not_compared() {
    // c.md, of 2029, dates its second paragraph by a story of 2024: a past
    // year named on the way, not compared
    let ws = crate::support::corpus(
        &[],
        &[
            (
                "a.md",
                "2025-02-10",
                "Russia-China trade reached $245 billion in 2024.\n\nAnother estimate put Russia-China trade at $240 billion in 2024.",
            ),
            (
                "c.md",
                "2029-03-01",
                "Russia's exports rose 5% in 2024.\n\nRussia-China trade was $200 billion, officials said.",
            ),
        ],
    );
    crate::support::assert_clean(&ws);
    let facts = crate::support::facts_json(ws.path());
    let story = facts
        .iter()
        .find(|f| f["id"] == "c" && f["text"] == "$200 billion")
        .expect("the story's figure is a fact");
    assert_eq!(
        (&story["period"], &story["period_basis"]),
        (&Value::from("2024"), &Value::from("story"))
    );
    let same: Vec<&Value> = facts.iter().filter(|f| f["id"] == "a").collect();
    assert_eq!(same.len(), 2, "{same:#?}");
}

#[test]
fn a_figure_dated_by_a_recent_story_is_compared_with_a_note() {
    let ws = crate::support::corpus(
        &[],
        &[
            (
                "a.md",
                "2025-02-10",
                "Russia-China trade reached $245 billion in 2024.",
            ),
            (
                "c.md",
                "2025-03-01",
                "Russia's exports rose 5% in 2024.\n\nRussia-China trade was $200 billion, officials said.",
            ),
        ],
    );
    let r = run(ws.path(), &["report", "--format", "json"]);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["class"], "conflict");
    let notes = findings[0]["notes"].as_array().expect("notes");
    assert!(
        notes
            .iter()
            .any(|n| n["kind"] == "story-dated" && n["values"][0] == "$200 billion"),
        "{notes:#?}"
    );
}

#[test]
fn a_story_told_over_some_days_gives_the_next_paragraph_no_year() {
    let ws = crate::support::corpus(
        &[],
        &[(
            "d.md",
            "2025-01-02",
            "Russia-China trade reached $245 billion in 2024.\n\nRussia-China trade came to $240 billion from Jan 1 to Dec 29.\n\nRussia-China trade in yuan was $150 billion, officials said.",
        )],
    );
    let facts = crate::support::facts_json(ws.path());
    let after = facts
        .iter()
        .find(|f| f["text"] == "$150 billion")
        .expect("the last paragraph's figure is a fact");
    // of the days just named, not of 2024: no period
    assert_eq!(after["period"], Value::Null, "{after:#?}");
}

#[test]
fn a_story_s_period_may_be_told_by_a_sentence_with_no_figure() {
    let ws = crate::support::corpus(
        &[],
        &[(
            "e.md",
            "2025-03-10",
            "Russia-China trade slipped last year, officials said.\n\nRussia-China trade was $200 billion, they added.",
        )],
    );
    let facts = crate::support::facts_json(ws.path());
    let story = facts
        .iter()
        .find(|f| f["text"] == "$200 billion")
        .expect("the figure is a fact");
    assert_eq!(
        (&story["period"], &story["period_basis"]),
        (&Value::from("2024"), &Value::from("story"))
    );
}

#[test]
fn a_present_tense_rank_keeps_the_months_its_paragraph_reports() {
    let ws = crate::support::corpus(
        &[],
        &[
            (
                "h.md",
                "2025-08-10",
                "In the first half of 2025, Russia-China trade reached $110 billion. China remains Russia's largest trading partner.",
            ),
            (
                "y.md",
                "2025-03-10",
                "In 2024, Russia-China trade reached $245 billion. China remains Russia's largest trading partner.",
            ),
        ],
    );
    let facts = crate::support::facts_json(ws.path());
    let rank = |id: &str| {
        facts
            .iter()
            .find(|f| f["id"] == id && f["text"] == "largest")
            .unwrap_or_else(|| panic!("a rank in {id}: {facts:#?}"))["period"]
            .clone()
    };
    // months carried stay; a year carried yields to the year of publication
    assert_eq!(rank("h"), Value::from("2025-01..2025-06"));
    assert_eq!(rank("y"), Value::from("2025"));
}

#[test]
fn sentences_read_late_for_the_story_tell_it_as_if_read_in_order() {
    // the sentence with no figure is read for the story only when the last
    // figure asks for it (the figures' own periods came first, then a span
    // of days set them aside): it still tells the story, as read in order
    let ws = crate::support::corpus(
        &[],
        &[(
            "s.md",
            "2025-03-10",
            "Russia-China trade slipped last year, officials said.\n\nIn 2023 Russia-China trade was $240 billion. Russia-China trade was $230 billion, they added.\n\nChinese tourists made 1.2 million trips to Russia from Jan 1 to Dec 29.\n\nRussia-China trade was $200 billion, an official said.",
        )],
    );
    let facts = crate::support::facts_json(ws.path());
    let periods: Vec<(&Value, &Value, &Value)> = facts
        .iter()
        .filter(|f| f["text"].as_str().is_some_and(|t| t.starts_with('$')))
        .map(|f| (&f["text"], &f["period"], &f["period_basis"]))
        .collect();
    let v = |s: &str| Value::from(s);
    assert_eq!(
        periods,
        [
            (&v("$240 billion"), &v("2023"), &v("stated")),
            (&v("$230 billion"), &v("2023"), &v("carried")),
            (&v("$200 billion"), &v("2024"), &v("story")),
        ]
    );
}
