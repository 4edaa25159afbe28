//! `crosscheck.yaml`: found upward from the working folder, or `--config`.

use std::fs;

use crate::support::{run, workspace};

/// The seed corpus and rules moved to `news/` and `policy/`, with a
/// configuration that names them.
fn configured(yaml: &str) -> tempfile::TempDir {
    let ws = workspace();
    let dir = ws.path();
    fs::rename(dir.join("fixtures"), dir.join("news")).unwrap();
    fs::rename(dir.join("rules"), dir.join("policy")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    fs::write(dir.join("crosscheck.yaml"), yaml).unwrap();
    ws
}

#[test]
fn the_configuration_is_found_from_a_folder_below_and_names_everything() {
    let ws =
        configured("corpus: [news]\nrules: [policy]\nbaseline: accepted.yaml\nfail_on: warning\n");
    let sub = ws.path().join("sub");
    let r = run(&sub, &["check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("at or above `warning` in 5 sources"),
        "{}",
        r.stdout
    );
    let b = run(&sub, &["baseline"]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(ws.path().join("accepted.yaml").is_file());
    let r = run(&sub, &["check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // the command line wins
    let r = run(
        &sub,
        &["check", "--fail-on", "error", "--baseline", "../none.yaml"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn a_named_configuration_is_used_and_a_missing_one_is_an_error() {
    let ws = configured("corpus: [news]\nrules: [policy]\n");
    fs::rename(ws.path().join("crosscheck.yaml"), ws.path().join("ci.yaml")).unwrap();
    let r = run(ws.path(), &["--config", "ci.yaml", "report"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("crosscheck report: 5 sources"),
        "{}",
        r.stdout
    );
    let r = run(ws.path(), &["--config", "nope.yaml", "report"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--config: no such file: nope.yaml"),
        "{}",
        r.stderr
    );
}

#[test]
fn unknown_keys_and_bad_values_are_errors_with_their_place() {
    let ws = configured("corpus: [news]\nrulez: [policy]\nfail_on: fatal\n");
    let r = run(ws.path(), &["report"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("crosscheck.yaml:2:1: unknown field `rulez`")
            && r.stderr.contains("did you mean `rules`?"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("`fail_on`: expected `error`, `warning` or `info`, found `fatal`"),
        "{}",
        r.stderr
    );
}
