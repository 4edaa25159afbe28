//! The progress line on standard error: shown while a long run reads its
//! corpus, on a terminal and for people only; never when standard error is
//! not a terminal (as here, where the tests read it), nor in a machine
//! format.

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{run, workspace};

/// A JSON Lines archive of `n` copies of each fixture.
fn archive(dir: &std::path::Path, n: usize) {
    let mut lines = String::new();
    for (f, entry) in fs::read_dir(dir.join("fixtures")).unwrap().enumerate() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let body = text.rsplit("\n---\n").next().unwrap();
        for i in 0..n {
            // distinct ids: articles with one id are warned about
            let id = format!("{f}-{i}");
            let record = serde_json::json!({ "published": "2025-11-18", "text": body, "id": id });
            lines += &format!("{record}\n");
        }
    }
    fs::write(dir.join("news.jsonl"), lines).unwrap();
}

/// Whether the progress line is in `text`.
fn progress_in(text: &str) -> bool {
    text.contains("reading [") && text.contains(" files, ")
}

#[test]
fn progress_is_shown_on_a_terminal_for_people_only() {
    let ws = workspace();
    // long enough to pass the second after which a terminal shows progress
    // (about 3 s for this test build here)
    archive(ws.path(), 120);
    for args in [&["check", "news.jsonl"][..], &["report", "news.jsonl"]] {
        let start = Instant::now();
        let r = run(ws.path(), args);
        assert!(r.code < 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{args:?} took {:?}", start.elapsed());
    }
    // on a terminal (`script` gives the run one, where it is installed):
    // for people, and not in JSON
    if Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    for (format, shown) in [("text", true), ("json", false)] {
        let command = format!(
            "{} check news.jsonl --format {format} > /dev/null",
            bin.display()
        );
        let start = Instant::now();
        let out = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(ws.path())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let took = start.elapsed();
        let terminal = String::from_utf8_lossy(&out.stdout);
        // a fast machine may read it all within the second
        if shown && took < Duration::from_millis(1500) {
            continue;
        }
        assert_eq!(
            progress_in(&terminal),
            shown,
            "{format}, {took:?}: {terminal}"
        );
        // and cleared at the end: the last thing written erases the line
        if shown {
            assert!(terminal.trim_end().ends_with("\u{1b}[2K"), "{terminal:?}");
        }
    }
}
