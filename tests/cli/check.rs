//! `crosscheck check`: the CI workflow on the seed corpus and on new articles.

use std::fs;

use crate::support::{article, run, workspace};

#[test]
fn check_fails_on_the_seed_conflict_and_names_both_files() {
    let ws = workspace();
    let r = run(ws.path(), &["check", "fixtures"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("error[conflict]: trade.china_russia.total, 2024"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("--> fixtures/001-putin-xi-video-call.md:19:81"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("::: fixtures/004-putin-li-qiang-sco.md:16:35"),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("245 may be 244.8 rounded to three significant figures"));
}

/// The seed corpus without the 001 article: no conflict.
fn corpus_without_001() -> tempfile::TempDir {
    let ws = workspace();
    fs::remove_file(ws.path().join("fixtures/001-putin-xi-video-call.md")).unwrap();
    ws
}

#[test]
fn check_passes_without_the_001_article() {
    let ws = corpus_without_001();
    let r = run(ws.path(), &["check", "fixtures"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("0 conflicts at or above `error` in 4 sources"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_new_article_with_another_2024_figure_fails_and_is_named() {
    let wordings = [
        ("2025-02-10", "Trade between China and Russia hit $240 billion last year, customs data show."),
        ("2025-03-01", "Russia and China reported a turnover of 240.1 billion US dollars in 2024."),
        ("2025-01-15", "Sino-Russian trade reached a record US$250bn in 2024, officials in Moscow and Beijing said."),
    ];
    for (published, text) in wordings {
        let ws = corpus_without_001();
        article(
            &ws.path().join("fixtures"),
            "005-new-source.md",
            published,
            text,
        );
        let r = run(ws.path(), &["check", "fixtures"]);
        assert_eq!(r.code, 1, "{text}\n{}{}", r.stdout, r.stderr);
        assert!(
            r.stdout.contains("fixtures/005-new-source.md:6:"),
            "{text}\n{}",
            r.stdout
        );
        assert!(
            r.stdout.contains("trade.china_russia.total, 2024"),
            "{text}\n{}",
            r.stdout
        );
    }
}

#[test]
fn a_new_article_that_agrees_keeps_check_clean() {
    let ws = corpus_without_001();
    let text = "2024 bilateral trade between Russia and China reached US$244.8 billion, according to the RPA.";
    article(
        &ws.path().join("fixtures"),
        "005-agrees.md",
        "2025-02-01",
        text,
    );
    let r = run(ws.path(), &["check", "fixtures"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // it was read and claimed: the report shows the agreement
    let report = run(ws.path(), &["report"]);
    assert!(
        report
            .stdout
            .contains("info[agree] trade.china_russia.total, 2024"),
        "{}",
        report.stdout
    );
}

#[test]
fn fail_on_warning_includes_warning_rules() {
    let ws = workspace();
    let text = "Last year the number of tourist trips between Russia and China reached 500,000.";
    article(
        &ws.path().join("fixtures"),
        "005-trips.md",
        "2024-06-01",
        text,
    );
    let errors_only = run(ws.path(), &["check", "fixtures"]);
    assert!(
        !errors_only.stdout.contains("tourism.russia_china.trips"),
        "{}",
        errors_only.stdout
    );
    let r = run(ws.path(), &["check", "fixtures", "--fail-on", "warning"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("warning[conflict]: tourism.russia_china.trips, 2023"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("fixtures/005-trips.md"), "{}", r.stdout);
}

#[test]
fn an_unreadable_source_is_an_error_but_the_rest_is_checked() {
    let ws = workspace();
    fs::write(
        ws.path().join("fixtures/009-broken.md"),
        b"Trade was \xff\xfe high.\n",
    )
    .unwrap();
    let r = run(ws.path(), &["check", "fixtures"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("crosscheck: error: fixtures/009-broken.md:1:11: not valid UTF-8"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .contains("error[conflict]: trade.china_russia.total, 2024"),
        "{}",
        r.stdout
    );
}

#[test]
fn colour_follows_color_and_no_color() {
    let ws = workspace();
    let esc = |args: &[&str], no_color: Option<&str>| {
        let mut cmd = crate::support::crosscheck(ws.path());
        cmd.env_remove("NO_COLOR");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).contains('\u{1b}')
    };
    assert!(esc(&["check", "--color", "always"], None));
    assert!(
        esc(&["check", "--color", "always"], Some("1")),
        "always wins over NO_COLOR"
    );
    assert!(!esc(&["check", "--color", "never"], None));
    // output to a pipe is no terminal: auto means plain
    assert!(!esc(&["check"], None));
    assert!(!esc(&["check", "--color", "auto"], Some("1")));
}
