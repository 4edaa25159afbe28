//! Exit codes 0/1/2 and usage errors.

use crate::support::{run, workspace};

#[test]
fn help_documents_exit_codes() {
    let ws = workspace();
    let r = run(ws.path(), &["--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Exit status:"), "{}", r.stdout);
    assert!(r.stdout.contains("2  error"), "{}", r.stdout);
}

#[test]
fn usage_errors_are_exit_2() {
    let ws = workspace();
    assert_eq!(run(ws.path(), &["frobnicate"]).code, 2);
    assert_eq!(run(ws.path(), &["check", "--fail-on", "fatal"]).code, 2);
    assert_eq!(run(ws.path(), &[]).code, 2);
}

#[test]
fn a_missing_path_is_exit_2_naming_it() {
    let ws = workspace();
    let r = run(ws.path(), &["check", "no-such-folder"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("crosscheck: error: no-such-folder: cannot read"),
        "{}",
        r.stderr
    );
    let r = run(ws.path(), &["report", "--rules", "no-rules-here"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no-rules-here"), "{}", r.stderr);
}

#[test]
fn a_folder_without_articles_is_exit_2() {
    let ws = workspace();
    std::fs::create_dir(ws.path().join("empty")).unwrap();
    let r = run(ws.path(), &["check", "empty"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no articles"), "{}", r.stderr);
}

#[test]
fn gitignored_articles_are_not_read() {
    let ws = workspace();
    std::fs::write(ws.path().join("fixtures/.gitignore"), "001-*.md\n").unwrap();
    let r = run(ws.path(), &["check", "fixtures"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("in 4 sources"), "{}", r.stdout);
}
