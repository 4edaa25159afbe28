//! `crosscheck report`.

use crate::support::{run, workspace};

#[test]
fn report_shows_the_2024_trade_conflict_with_quotes_and_rounding_note() {
    let ws = workspace();
    let r = run(ws.path(), &["report"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for needle in [
        "error[conflict] trade.china_russia.total, 2024: $245 billion vs US$244.8 billion",
        "fixtures/001-putin-xi-video-call.md:19",
        "fixtures/004-putin-li-qiang-sco.md:16",
        "trade reaching $245 billion in 2024",
        "RPA: 2024 bilateral trade reached US$244.8 billion.",
        "[244.5, 245.5] bn USD",
        "[244.75, 244.85] bn USD",
        "note: 245 may be 244.8 rounded to three significant figures",
        "difference: 200 mn USD (0.08%)",
    ] {
        assert!(
            r.stdout.contains(needle),
            "missing `{needle}` in:\n{}",
            r.stdout
        );
    }
    // the 2025 forecast is listed but not compared with anything
    assert!(r.stdout.contains("about US$218 billion (forecast)"));
    assert_eq!(r.stdout.matches("[conflict]").count(), 1, "{}", r.stdout);
}

#[test]
fn report_json_is_versioned_and_holds_findings_and_facts() {
    let ws = workspace();
    let r = run(ws.path(), &["report", "--format", "json"]);
    assert_eq!(r.code, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["version"], 2);
    assert_eq!(v["sources"], 5);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f["class"], "conflict");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["period"], "2024");
    assert_eq!(f["difference"]["absolute"], "200000000");
    assert_eq!(f["difference"]["relative_percent"], "0.08");
    let values: Vec<&str> = crate::support::finding_facts(f)
        .into_iter()
        .map(|x| x["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["245000000000", "244800000000"]);
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let ws = workspace();
    let one = run(ws.path(), &["--threads", "1", "report", "--format", "json"]);
    let four = run(ws.path(), &["--threads", "4", "report", "--format", "json"]);
    let again = run(ws.path(), &["report", "--format", "json"]);
    assert_eq!(one.code, 0);
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(one.stdout, again.stdout);
    let t1 = run(ws.path(), &["--threads", "1", "report"]);
    let t4 = run(ws.path(), &["--threads", "4", "report"]);
    assert_eq!(t1.stdout, t4.stdout);
}
