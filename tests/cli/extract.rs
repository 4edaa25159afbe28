//! `crosscheck extract`.

use std::fs;

use tempfile::TempDir;

use crate::support::{crosscheck, json_lines, run};

#[test]
fn extract_prints_one_json_object_per_quantity() {
    let dir = TempDir::new().unwrap();
    let text =
        "In February 2022, the 30th session met. 2024 bilateral trade reached US$244.8 billion. \
                The 2026–2027 Years of Education were named by the 47th president.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let r = run(dir.path(), &["extract", "a.txt", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let items = json_lines(&r.stdout);
    let kinds: Vec<(&str, &str)> = items
        .iter()
        .map(|q| (q["kind"].as_str().unwrap(), q["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("date", "February 2022"),
            ("ordinal", "30th"),
            ("year", "2024"),
            ("money", "US$244.8 billion"),
            ("year_range", "2026–2027"),
            ("ordinal", "47th"),
        ]
    );
    let money = &items[3];
    assert_eq!(money["value"], "244800000000");
    assert_eq!(money["unit"], "USD");
    // a plain figure states no bounds: min and max are for bounds and ranges
    assert!(money["min"].is_null() && money["max"].is_null());
    assert_eq!(money["period"], "2024");
    let (start, end) = (
        money["start"].as_u64().unwrap() as usize,
        money["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "US$244.8 billion");
}

#[test]
fn published_resolves_last_year() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Last year trips surpassed a million.\n",
    )
    .unwrap();
    let r = run(
        dir.path(),
        &["extract", "a.txt", "--published", "2024-08-21"],
    );
    let items = json_lines(&r.stdout);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["period"], "2023");
    assert_eq!(items[0]["min"], "1000000");
    assert_eq!(items[0]["min_inclusive"], false);
    let bad = run(
        dir.path(),
        &["extract", "a.txt", "--published", "2024-02-30"],
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("--published"), "{}", bad.stderr);
}

#[test]
fn extract_reads_standard_input() {
    let dir = TempDir::new().unwrap();
    let out = crosscheck(dir.path())
        .args(["extract", "-"])
        .write_stdin("Trade hit $240 billion last year.\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let items = json_lines(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["value"], "240000000000");
    assert_eq!(items[0]["unit"], "dollar");
}

#[test]
fn front_matter_offsets_are_file_offsets() {
    let dir = TempDir::new().unwrap();
    let text = "---\nid: x\npublished: 2025-01-21\n---\nTrade grew 5% last year.\n";
    fs::write(dir.path().join("a.md"), text).unwrap();
    let items = json_lines(&run(dir.path(), &["extract", "a.md"]).stdout);
    assert_eq!(items[0]["line"], 5);
    assert_eq!(items[0]["column"], 12);
    assert_eq!(items[0]["period"], "2024");
    let start = items[0]["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + 2], "5%");
}

#[test]
fn each_line_is_its_own_document() {
    let dir = TempDir::new().unwrap();
    let text = "Trade was $5 billion\nin 2024, between 5\nand 6 people.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let joined = json_lines(&run(dir.path(), &["extract", "a.txt"]).stdout);
    let lines = json_lines(&run(dir.path(), &["extract", "a.txt", "--each-line"]).stdout);
    // read as one text, "between 5 and 6" is a range and 2024 the period
    assert!(
        joined.iter().any(|q| q["min"] == "5" && q["max"] == "6"),
        "{joined:?}"
    );
    assert_eq!(joined[0]["period"], "2024");
    // line by line, neither crosses the line break
    assert!(lines.iter().all(|q| q["min"].is_null()), "{lines:?}");
    assert!(lines[0]["period"].is_null());
    let start = lines[0]["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + 10], "$5 billion");
    assert_eq!(lines.last().unwrap()["line"], 3);
}

/// `crosscheck extract ... | head`: a reader that stops reading ends the run
/// quietly (status 0, nothing on stderr), as in grep and ripgrep; the output
/// itself is streamed, so the first lines arrive before the whole file is read.
#[test]
fn a_reader_that_stops_reading_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let paragraph = "Trade reached $245 billion in 2024, up 5% on the year before.\n\n";
    std::fs::write(&path, paragraph.repeat(50_000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    lines.read_line(&mut first).unwrap();
    assert!(first.starts_with("{\"kind\":\"money\""), "{first}");
    drop(lines);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// Blank text to pad a file past the first block (four megabytes) cheaply:
/// lines of spaces between blank lines, `n` lines.
fn padding(n: usize) -> String {
    format!("{}\n\n", " ".repeat(1000)).repeat(n)
}

/// A file is read four megabytes at a time, in pieces that end at blank
/// lines: the lines are those of the file read whole (standard input is).
#[test]
fn a_file_read_in_blocks_gives_the_lines_of_the_whole_file() {
    let dir = TempDir::new().unwrap();
    let mut text = String::from("---\npublished: 2025-02-01\n---\n");
    for i in 0..12 {
        text += &format!("Trade reached ${i}.5 billion last year, up {i}% on 2023.\n\n");
        text += &padding(400);
    }
    assert!(text.len() > 4 << 20);
    fs::write(dir.path().join("big.md"), &text).unwrap();
    let file = run(dir.path(), &["extract", "big.md"]);
    let stdin = crosscheck(dir.path())
        .args(["extract", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(file.code == 0 && stdin.status.success());
    assert!(
        file.stdout.as_bytes() == stdin.stdout,
        "the streamed lines differ"
    );
    let items = json_lines(&file.stdout);
    // the last figure, its date from the front matter
    let last = items.iter().rfind(|q| q["kind"] == "money").unwrap();
    assert_eq!(last["line"], 3 + 11 * (2 + 2 * 400) + 1);
    assert_eq!(last["text"], "$11.5 billion");
    assert_eq!(last["period"], "2024");
    let start = last["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + 13], "$11.5 billion");
}

/// A byte that is not UTF-8 past the first block is an error at its line,
/// after the lines of the text before it.
#[test]
fn a_byte_that_is_not_utf8_in_a_later_block_is_an_error_at_its_line() {
    let dir = TempDir::new().unwrap();
    let mut bytes = format!("Trade reached $5 billion.\n\n{}", padding(4500)).into_bytes();
    bytes.extend_from_slice(b"Bad \xff byte.\n");
    fs::write(dir.path().join("bad.txt"), &bytes).unwrap();
    let out = run(dir.path(), &["extract", "bad.txt"]);
    assert_eq!(out.code, 2);
    let err = out.stderr;
    assert!(err.contains("bad.txt:9003:5: not valid UTF-8"), "{err}");
    assert!(out.stdout.contains("$5 billion"), "{}", out.stdout);
}

/// Text with no blank line (a dump of one sentence a line), past the first
/// block: read a block at a time, it is cut at line ends that end a
/// sentence, and gives the lines of the whole file (standard input) on any
/// number of threads.
#[test]
fn a_dump_with_no_blank_line_is_read_in_blocks_as_a_whole() {
    let dir = TempDir::new().unwrap();
    let mut text = String::new();
    let mut n = 0;
    while text.len() < (4 << 20) + 200_000 {
        n += 1;
        text += &match n % 40 {
            0 => format!(
                "In {}, trade reached ${n}.5 billion, up {}% on the year before.\n",
                2000 + n % 25,
                n % 9
            ),
            13 => "The result was a deficit of $61 billion.\n".to_string(),
            _ => "Officials met in the capital again and spoke at length about the ties.\n"
                .to_string(),
        };
    }
    assert!(!text.contains("\n\n"));
    fs::write(dir.path().join("dump.txt"), &text).unwrap();
    let file = run(dir.path(), &["extract", "dump.txt"]);
    let one = run(dir.path(), &["--threads", "1", "extract", "dump.txt"]);
    let stdin = crosscheck(dir.path())
        .args(["extract", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(file.code == 0 && one.code == 0 && stdin.status.success());
    assert!(
        file.stdout == one.stdout,
        "the lines differ with one thread"
    );
    assert!(
        file.stdout.as_bytes() == stdin.stdout,
        "the streamed lines differ"
    );
    let items = json_lines(&file.stdout);
    assert!(items.len() > 3000, "{}", items.len());
    let last = items.iter().rfind(|q| q["kind"] == "money").unwrap();
    let start = last["start"].as_u64().unwrap() as usize;
    let end = last["end"].as_u64().unwrap() as usize;
    assert_eq!(last["text"], text[start..end]);
}
