//! JSON Lines corpora (`*.jsonl`, `*.jsonl.gz`): one article a line, read
//! streaming, its facts at `file:line`, a bad line an error at its line.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde_json::{json, Value};

use crate::support::{fact_lines, json_lines, run, workspace};

/// The fixtures' articles as JSON Lines: their front matter as fields, their
/// body as `text`, in file order.
fn fixtures_as_lines(dir: &Path) -> String {
    let mut files: Vec<_> = fs::read_dir(dir.join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out = String::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let (meta, body) = text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
            .expect("front matter");
        let mut record = serde_json::Map::new();
        for line in meta.lines() {
            if let Some((key, value)) = line.split_once(": ") {
                let value = value.trim().trim_matches('"');
                if ["id", "title", "publisher", "url", "published"].contains(&key) {
                    record.insert(key.into(), Value::String(value.into()));
                }
            }
        }
        record.insert("text".into(), Value::String(body.into()));
        out += &Value::Object(record).to_string();
        out.push('\n');
    }
    out
}

fn gzip(text: &str) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    gz.finish().unwrap()
}

/// What a fact says, without where it is.
fn claim(f: &Value) -> String {
    format!(
        "{} {} {} {} {} {}",
        f["metric"], f["period"], f["value"], f["text"], f["quote"], f["published"]
    )
}

/// The fixtures as one JSON Lines file, plain or gzipped, give the facts of
/// the fixtures as files, each at its line of the file and with its id.
#[test]
fn an_article_a_line_gives_the_facts_of_the_articles_as_files() {
    let ws = workspace();
    let lines = fixtures_as_lines(ws.path());
    fs::create_dir(ws.path().join("archive")).unwrap();
    fs::write(ws.path().join("archive/news.jsonl"), &lines).unwrap();
    fs::write(ws.path().join("news.jsonl.gz"), gzip(&lines)).unwrap();
    let files = run(ws.path(), &["facts", "fixtures", "--format", "json"]);
    assert_eq!(files.code, 0, "{}", files.stderr);
    let want: Vec<Value> = serde_json::from_str(&files.stdout).unwrap();
    for corpus in ["archive", "news.jsonl.gz"] {
        let r = run(ws.path(), &["facts", corpus, "--format", "json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let got: Vec<Value> = serde_json::from_str(&r.stdout).unwrap();
        let mut a: Vec<String> = want.iter().map(claim).collect();
        let mut b: Vec<String> = got.iter().map(claim).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{corpus}");
        // each fact is at its article's line, with the article's id
        for f in &got {
            let id = f["id"].as_str().unwrap();
            let line = f["line"].as_u64().unwrap() as usize;
            let record: Value = serde_json::from_str(lines.lines().nth(line - 1).unwrap()).unwrap();
            assert_eq!(record["id"], id);
            assert!(
                f["source"].as_str().unwrap().ends_with(".jsonl")
                    || f["source"].as_str().unwrap().ends_with(".gz")
            );
            // the column is where the figure is written in the line
            let column = f["column"].as_u64().unwrap() as usize;
            let raw = lines.lines().nth(line - 1).unwrap();
            let at: String = raw.chars().skip(column - 1).take(3).collect();
            let text = f["text"].as_str().unwrap();
            assert!(text.starts_with(&at), "{at:?} is not the start of {text:?}");
        }
    }
    // the report's conflict is between two lines of the one file
    let r = run(ws.path(), &["report", "news.jsonl.gz"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("crosscheck report: 5 sources, 9 facts, 1 conflict"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("news.jsonl.gz:2 "), "{}", r.stdout);
    assert!(r.stdout.contains("news.jsonl.gz:5 "), "{}", r.stdout);
}

/// A bad line is an error at `file:line` (exit 2); the lines after it are
/// still read, and their facts still reported and compared.
#[test]
fn a_bad_line_is_an_error_at_its_line_and_the_rest_is_read() {
    let ws = workspace();
    let good = |id: &str, figure: &str| {
        json!({
            "id": id,
            "published": "2025-03-01",
            "text": format!("Russia-China trade reached {figure} in 2024, Chinese customs said."),
        })
        .to_string()
    };
    let mut bytes = Vec::new();
    for line in [
        good("first", "$245 billion"),
        r#"{"id":"no-text"}"#.into(),
        "{\"text\": \"cut".into(),
        r#"{"text":"x","published":"2025-02-30"}"#.into(),
        String::new(),
        r#"["not", "an", "article"]"#.into(),
    ] {
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(b"{\"text\":\"bad \xff byte\"}\n");
    bytes.extend_from_slice(good("last", "$200 billion").as_bytes());
    fs::write(ws.path().join("news.jsonl"), &bytes).unwrap();
    let r = run(ws.path(), &["check", "news.jsonl"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    let errors: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        errors,
        [
            "crosscheck: error: news.jsonl:2: missing `text`",
            "crosscheck: error: news.jsonl:3: invalid JSON: EOF while parsing a string at column 13",
            "crosscheck: error: news.jsonl:4: `published`: `2025-02-30` is not a calendar date",
            "crosscheck: error: news.jsonl:6: not a JSON object",
            "crosscheck: error: news.jsonl:7: not valid UTF-8 text (byte 13 of the line)",
        ]
    );
    assert!(r.stdout.contains("news.jsonl:1"), "{}", r.stdout);
    assert!(r.stdout.contains("news.jsonl:8"), "{}", r.stdout);
    // the quotes, read again from the lines past the bad ones
    assert!(
        r.stdout
            .contains("Russia-China trade reached $200 billion in 2024, Chinese customs said."),
        "{}",
        r.stdout
    );
    // a gzip stream cut short: the lines before the cut, then an error
    let long: String = (0..400)
        .map(|n| good(&format!("a{n}"), "$245 billion") + "\n")
        .collect();
    let gz = gzip(&long);
    fs::write(ws.path().join("cut.jsonl.gz"), &gz[..gz.len() / 2]).unwrap();
    let r = run(ws.path(), &["facts", "cut.jsonl.gz", "--format", "jsonl"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("crosscheck: error: cut.jsonl.gz:")
            && r.stderr
                .ends_with(": gzip data cut short: the file is read no further\n"),
        "{}",
        r.stderr
    );
    let facts = fact_lines(&r.stdout);
    assert!(facts.len() > 10 && facts.len() < 400, "{}", facts.len());
}

/// Articles of a JSON Lines file are read in batches in parallel; the
/// output is in file then line order, the same on any number of threads.
#[test]
fn the_output_is_in_line_order_on_any_number_of_threads() {
    let ws = workspace();
    let mut lines = String::new();
    for n in 0..700 {
        let record = json!({
            "id": format!("a{n}"),
            "published": "2025-03-01",
            "text": format!("Russia-China trade reached ${}.{} billion in 2024.\n\nChina is Russia's largest trading partner.", 200 + n % 50, n % 10),
        });
        lines += &format!("{record}\n");
    }
    fs::write(ws.path().join("a.jsonl"), &lines).unwrap();
    fs::write(ws.path().join("b.jsonl.gz"), gzip(&lines)).unwrap();
    let args = [
        "facts",
        "a.jsonl",
        "b.jsonl.gz",
        "fixtures",
        "--format",
        "jsonl",
    ];
    let many = run(ws.path(), &args);
    let one = run(ws.path(), &[&["--threads", "1"][..], &args].concat());
    assert_eq!(many.code, 0, "{}", many.stderr);
    assert!(
        many.stdout == one.stdout,
        "the facts differ with one thread"
    );
    let facts = fact_lines(&many.stdout);
    // the articles of a file in line order, the files in path order
    let places: Vec<(String, u64)> = facts
        .iter()
        .filter(|f| f["source"].as_str().unwrap().contains(".jsonl"))
        .map(|f| {
            (
                f["source"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        places.windows(2).all(|w| w[0] <= w[1]),
        "facts not in file and line order"
    );
    assert_eq!(places.last(), Some(&("b.jsonl.gz".to_string(), 700)));
    let last = facts.last().unwrap()["source"].as_str().unwrap();
    assert_eq!(last, "fixtures/004-putin-li-qiang-sco.md");
    assert_eq!(
        facts.iter().filter(|f| f["source"] == "a.jsonl").count(),
        1400
    );
    // extract: every article's figures at its line, in line order
    let extract = run(ws.path(), &["extract", "b.jsonl.gz"]);
    let one = run(ws.path(), &["--threads", "1", "extract", "b.jsonl.gz"]);
    assert_eq!(extract.code, 0, "{}", extract.stderr);
    assert!(extract.stdout == one.stdout);
    let items = json_lines(&extract.stdout);
    let money: Vec<&Value> = items.iter().filter(|q| q["kind"] == "money").collect();
    assert_eq!(money.len(), 700);
    assert_eq!(money[699]["line"], 700);
    assert_eq!(money[699]["text"], "$249.9 billion");
    // offsets are offsets into the article's text
    assert_eq!(money[699]["start"], 27);
}

/// `extract --format table` on JSON Lines: a table per article, headed by
/// its place and id.
#[test]
fn extract_tables_are_headed_by_each_articles_line() {
    let ws = workspace();
    let lines = [
        json!({"id": "one", "text": "Trade reached $5 billion."}).to_string(),
        json!({"text": "Exports rose 4%."}).to_string(),
    ]
    .join("\n");
    fs::write(ws.path().join("n.jsonl"), lines).unwrap();
    let r = run(ws.path(), &["extract", "n.jsonl", "--format", "table"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("n.jsonl:1 (one)\n"), "{}", r.stdout);
    assert!(r.stdout.contains("\nn.jsonl:2 (n:2)\n"), "{}", r.stdout);
    assert!(r.stdout.contains("$5 billion"), "{}", r.stdout);
}
