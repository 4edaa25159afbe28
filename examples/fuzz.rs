//! A fuzz driver that runs on the stable toolchain: it mutates inputs taken
//! from the repository (the fixtures, the labelled sentences of
//! `tests/extract`, the conformance suites, the evaluation articles and
//! rules, the shipped rules and packs, the reproductions of issue 14) and
//! runs every entry point of the library on them, checking invariants, not
//! only that nothing panics:
//!
//! - articles: front matter and body parsed, figures extracted; every
//!   value, bound and step within `MAX_VALUE`, every offset on a character
//!   boundary of the text; the file read in pieces of random sizes
//!   (`Pieces`, as `extract` streams it) gives the lines of the file read
//!   whole (chunking invariance); the facts the shipped rules claim, the
//!   engine's findings and every output format (table, JSON, JSON Lines,
//!   SARIF, GitHub, Markdown, diagnostics) written, JSON and SARIF valid
//!   JSON; a baseline of the findings accepts them again;
//! - rule files, configurations and baselines loaded (errors are fine, a
//!   panic is not); a rule set that loads runs its examples and claims;
//! - dates and periods parsed, and written back to what was parsed;
//! - JSON Lines archives and facts shards read;
//! - saved HTML pages read (their main text, every figure located in the
//!   file), and the HTML report written, its SVG and markup well formed.
//!
//! Mutations are chosen by `arbitrary` from random bytes: a dictionary of
//! the grammar's words and the issue's hard cases (`1e40`, `\r`, a
//! right-to-left mark, full-width digits, 28-digit numbers ...), deletions,
//! duplications and splices of two seeds.
//!
//! ```sh
//! cargo run --release --example fuzz -- --seconds 60          # CI
//! nice cargo run --release --example fuzz -- --runs 10000000  # a long run
//! ```
//!
//! On a panic or a broken invariant it prints the input (escaped), writes
//! it to `target/fuzz-failure.txt` and exits 1.

// a command-line driver: what it prints is its report
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use arbitrary::Unstructured;
use crosscheck::baseline::{self, Baseline, Verdict};
use crosscheck::documents::{Articles, Document, Pieces};
use crosscheck::extract::{self, Quantity, MAX_VALUE};
use crosscheck::facts::{self, Fact, Facts};
use crosscheck::period::{Date, Period};
use crosscheck::report::{diagnostic, github, html, json, markdown, sarif, table};
use crosscheck::rules::RuleSet;
use rust_decimal::Decimal;

/// The last panic's message, for the report.
static PANIC: Mutex<String> = Mutex::new(String::new());

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let runs = value("--runs");
    let seconds = value("--seconds").or(if runs.is_none() { Some(60) } else { None });
    let seed = value("--seed").unwrap_or(0x5eed_c0de);
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    // one thread: the driver runs many small inputs, and a long run shares
    // the machine
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global();
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut m) = PANIC.lock() {
            *m = info.to_string();
        }
    }));

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let world = match World::new(&root) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("fuzz: cannot set up: {e}");
            std::process::exit(2);
        }
    };
    println!(
        "fuzz: {} article, {} rule, {} record seeds; seed {seed:#x}; {}",
        world.seeds.articles.len(),
        world.seeds.rules.len(),
        world.seeds.records.len(),
        match (runs, seconds) {
            (Some(n), _) => format!("{n} executions"),
            (None, Some(s)) => format!("{s} s"),
            _ => String::new(),
        }
    );
    let started = Instant::now();
    let mut rng = Rng::new(seed);
    let mut counts = [0u64; TARGETS.len()];
    let mut spent = [Duration::ZERO; TARGETS.len()];
    let mut done = 0u64;
    let mut last_report = Instant::now();
    loop {
        if runs.is_some_and(|n| done >= n) || deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let mut entropy = [0u8; 256];
        for chunk in entropy.chunks_mut(8) {
            chunk.copy_from_slice(&rng.next().to_le_bytes()[..chunk.len()]);
        }
        let mut u = Unstructured::new(&entropy);
        let target = pick_target(&mut u);
        let input = world.input(target, &mut u);
        let began = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| world.run(target, &input, &mut u)));
        let broken = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(invariant)) => Some(format!("broken invariant: {invariant}")),
            Err(_) => Some(format!(
                "panic: {}",
                PANIC.lock().map(|m| m.clone()).unwrap_or_default()
            )),
        };
        if let Some(what) = broken {
            fail(&root, TARGETS[target], &input, &what, done);
        }
        counts[target] += 1;
        spent[target] += began.elapsed();
        done += 1;
        if last_report.elapsed() > Duration::from_secs(300) {
            last_report = Instant::now();
            println!(
                "fuzz: {done} executions, {:.0} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let per: Vec<String> = TARGETS
        .iter()
        .zip(counts)
        .zip(spent)
        .map(|((t, n), d)| format!("{t} {n} in {:.0} s", d.as_secs_f64()))
        .collect();
    println!(
        "fuzz: {done} executions in {secs:.0} s ({:.0}/s), no panic, no broken invariant ({})",
        done as f64 / secs.max(0.001),
        per.join(", ")
    );
}

/// The entry points, by weight in `pick_target`.
const TARGETS: &[&str] = &[
    "article", "rules", "config", "baseline", "period", "jsonl", "shard", "html",
];

fn pick_target(u: &mut Unstructured) -> usize {
    match u.int_in_range(0..=199u8).unwrap_or(0) {
        0..=139 => 0,
        140..=149 => 7,
        150..=153 => 1,
        154..=161 => 2,
        162..=171 => 3,
        172..=185 => 4,
        186..=193 => 5,
        _ => 6,
    }
}

fn fail(root: &Path, target: &str, input: &str, what: &str, done: u64) -> ! {
    let path = root.join("target").join("fuzz-failure.txt");
    let _ = std::fs::create_dir_all(root.join("target"));
    let _ = std::fs::write(&path, input);
    println!(
        "fuzz: {what}\n  target: {target}, after {done} executions\n  input ({} bytes, written to {}): {:?}",
        input.len(),
        path.display(),
        input.chars().take(2000).collect::<String>()
    );
    let _ = std::io::stdout().flush();
    std::process::exit(1);
}

/// xorshift64*: the driver's only randomness, seeded for repeatable runs.
struct Rng(u64);

impl Rng {
    /// A generator whose state is `seed` mixed (splitmix64), never zero.
    fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Inputs to start from, by entry point.
#[derive(Default)]
struct Seeds {
    articles: Vec<String>,
    rules: Vec<String>,
    configs: Vec<String>,
    baselines: Vec<String>,
    periods: Vec<String>,
    records: Vec<String>,
    shards: Vec<String>,
    pages: Vec<String>,
}

/// The issue 14 reproductions and other hard cases, as article seeds.
const HARD_CASES: &[&str] = &[
    "Tourists numbered 6700000000000000000000000000 dozen.",
    "The share was percent of 6700000000000000000000000000 in 2024.",
    "Chinese tourists to Russia numbered 223,000\n\na. Next\n",
    "It cost $1e40, 1e-400 dollars, 6.23x10^-40000 dollars, between 1e24 and 1e25.",
    "It cost $2\u{200f}45 billion, $2\u{200b}45 billion, $２４５ billion and $٢٤٥ billion.",
    "---\rid: cr\rpublished: 2025-02-10\r---\rTrade between China and Russia hit $240 billion last year.\r",
    "Trade reached five trillion trillion trillion dollars, 3.5^-40 percent, 9.9^24.",
    "It was one point zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero one.",
];

/// Words and characters the mutations insert.
const DICTIONARY: &[&str] = &[
    "1e40",
    "1e-400",
    "1e24",
    "1e25",
    "6.23x10^-40000",
    "2.5^-1",
    "^",
    "e",
    "x10^",
    "e-",
    "between ",
    " and ",
    "percent of ",
    "per cent",
    "%",
    " percentage points",
    "dozen",
    " trillion",
    " billion",
    " million",
    " thousand",
    " lakh",
    " crore",
    "bn",
    "mn",
    "k",
    "$",
    "US$",
    "€",
    "¥",
    "£",
    "₹",
    " yuan",
    " rubles",
    " dollars",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\u{200f}",
    "\u{200b}",
    "\u{feff}",
    "\u{a0}",
    "２",
    "٢",
    "٤",
    "۵",
    "9999999999999999999999999999",
    "0.0000000000000000000000000001",
    "79228162514264337593543950335",
    "-",
    "–",
    "—",
    " to ",
    "~",
    "more than ",
    "about ",
    "at least ",
    "up to ",
    "nearly ",
    "last year",
    "this year",
    "in 2024",
    "2025",
    "2024/25",
    "FY2025",
    "January–October 2025",
    "the first ten months of ",
    "---\n",
    "---\r\n",
    "id: x\n",
    "published: 2025-02-10\n",
    "date: 2024-02-30\n",
    "a. ",
    "9 a.m.",
    "fifth largest",
    "one and a half",
    " point ",
    " hundred",
    "twenty-three",
    "a quarter million",
    "1 in 5",
    "3/4",
    "2 1/4",
    "½",
    "(",
    ")",
    "[billion]",
    ",",
    ".",
    ",0",
    "12,34,567",
    "1.111,11",
    "rose ",
    "fell by ",
    " times",
    "doubled",
    "Trade between China and Russia ",
    "Chinese tourists ",
    "according to Chinese customs",
    "forecast",
    "expected to reach ",
    "G20",
    "COVID-19",
    "10:30",
    "30th",
    "https://example.org/1e40",
    "a@b.com",
    "minus ",
    "−",
    "\t",
    " ",
    "\u{0}",
    "\u{1b}",
];

struct World {
    seeds: Seeds,
    /// The shipped rules and the facts of the fixtures under them.
    rules: RuleSet,
    fixture_facts: Vec<Fact>,
    /// A folder for the files the loaders read.
    dir: tempfile::TempDir,
    entities: String,
}

impl World {
    fn new(root: &Path) -> Result<World, String> {
        let rules = crosscheck::rules::load(&[root.join("rules")]).map_err(|e| e.to_string())?;
        let mut seeds = Seeds::default();
        let mut fixture_facts = Vec::new();
        for path in files(&root.join("fixtures"), "md") {
            let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
            let doc = Document::parse(&path, text.clone()).map_err(|e| e.to_string())?;
            fixture_facts.extend(facts::claim(&doc, &extract::extract(&doc), &rules));
            seeds.articles.push(text);
        }
        for dir in [
            "tests/eval/asia-tourism",
            "tests/eval/eu-china-trade",
            "tests/eval/oil-output",
        ] {
            for path in files(&root.join(dir).join("articles"), "md") {
                seeds.articles.extend(std::fs::read_to_string(path).ok());
            }
            for path in files(&root.join(dir).join("rules"), "yaml") {
                seeds.rules.extend(std::fs::read_to_string(path).ok());
            }
        }
        for path in files(&root.join("tests/html-pages/html"), "html") {
            seeds.pages.extend(std::fs::read_to_string(path).ok());
        }
        // articles as the paragraphs of a page
        for text in seeds.articles.clone() {
            let body: String = text
                .split("\n\n")
                .map(|p| format!("<p>{p}</p>\n"))
                .collect();
            seeds.pages.push(format!(
                "<html><body><article>\n{body}</article></body></html>\n"
            ));
        }
        for path in files(&root.join("tests/cases"), "md") {
            seeds.articles.extend(std::fs::read_to_string(path).ok());
        }
        for path in files(&root.join("tests/extract"), "txt") {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                let sentence = line.split(" => ").next().unwrap_or(line);
                seeds.articles.push(sentence.to_string());
            }
        }
        for path in files(&root.join("tests/conformance"), "jsonl") {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            for line in text.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(t) = v["text"].as_str() {
                        seeds.articles.push(t.to_string());
                        seeds
                            .records
                            .push(format!("{{\"id\":\"c\",\"text\":{}}}", v["text"]));
                    }
                }
            }
        }
        seeds
            .articles
            .extend(HARD_CASES.iter().map(|s| s.to_string()));
        for path in files(&root.join("rules"), "yaml")
            .into_iter()
            .chain(files(&root.join("packs"), "yaml"))
        {
            seeds.rules.extend(std::fs::read_to_string(path).ok());
        }
        seeds.configs = [
            "corpus: [articles]\nrules: [rules, local-rules]\nbaseline: crosscheck-baseline.yaml\nfail_on: warning\n",
            "fail_on: info\n",
            "corpus: fixtures\n",
            "",
        ]
        .map(String::from)
        .to_vec();
        let held = Facts::from(fixture_facts.clone());
        let findings = crosscheck::engine::run(&held, &rules);
        let problems: Vec<_> = findings
            .into_iter()
            .filter(|f| f.class.is_problem())
            .collect();
        let written = tempfile::TempDir::new().map_err(|e| e.to_string())?;
        let path = written.path().join("b.yaml");
        baseline::write(&path, &Baseline::of(&problems, None)).map_err(|e| e.to_string())?;
        seeds
            .baselines
            .push(std::fs::read_to_string(&path).map_err(|e| e.to_string())?);
        seeds.baselines.push("version: 1\nfindings:\n- fingerprint: x\n  class: conflict\n  metric: m\n  period: '2024'\n  reason: old\n".into());
        seeds.periods = [
            "2024",
            "2025-01..2025-10",
            "FY2025",
            "2024/25",
            "2026..2027",
            "2022-02",
            "2025-11-18",
            "2024-02-29",
            "2019",
            "2025-01",
        ]
        .map(String::from)
        .to_vec();
        let mut shard = Vec::new();
        json::write_facts_jsonl(&mut shard, 5, &Facts::from(fixture_facts.clone()), &[])
            .map_err(|e| e.to_string())?;
        seeds
            .shards
            .push(String::from_utf8_lossy(&shard).into_owned());
        seeds.records.push(
            "{\"id\":\"wire-17\",\"published\":\"2025-01-21\",\"text\":\"Trade reached $245 billion in 2024.\"}".into(),
        );
        let entities =
            std::fs::read_to_string(root.join("rules/entities.yaml")).map_err(|e| e.to_string())?;
        Ok(World {
            seeds,
            rules,
            fixture_facts,
            dir: tempfile::TempDir::new().map_err(|e| e.to_string())?,
            entities,
        })
    }

    /// A mutated input for `target`.
    fn input(&self, target: usize, u: &mut Unstructured) -> String {
        let s = &self.seeds;
        let pool: &[String] = match target {
            0 => &s.articles,
            1 => &s.rules,
            2 => &s.configs,
            3 => &s.baselines,
            4 => &s.periods,
            5 => &s.records,
            7 => &s.pages,
            _ => &s.shards,
        };
        let mut text = pick(u, pool).clone();
        // short seeds (sentences) are joined, as articles hold many
        if target == 0 && text.len() < 200 && u.ratio(1, 2).unwrap_or(false) {
            for _ in 0..u.int_in_range(1..=6u8).unwrap_or(1) {
                text.push_str(if u.ratio(1, 3).unwrap_or(false) {
                    "\n\n"
                } else {
                    " "
                });
                text.push_str(pick::<String>(u, &s.articles));
            }
        }
        let mutations = u.int_in_range(0..=8u8).unwrap_or(0);
        for _ in 0..mutations {
            mutate(&mut text, u, pool);
        }
        // bounded: a long input is as slow as it is rare
        if text.len() > 6_000 {
            let mut cut = 6_000;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        text
    }

    fn run(&self, target: usize, input: &str, u: &mut Unstructured) -> Result<(), String> {
        match target {
            0 => self.article(input, u),
            1 => self.rule_file(input, u),
            2 => self.config(input),
            3 => self.baseline(input),
            4 => period(input),
            5 => self.records(input),
            7 => self.page(input, u),
            _ => self.shard(input),
        }
    }

    /// A saved page: its main text, every figure located in the file,
    /// claims, and every format (the HTML report among them).
    fn page(&self, text: &str, u: &mut Unstructured) -> Result<(), String> {
        let path = Path::new("fuzz.html");
        let Ok(doc) = crosscheck::documents::html::parse(path, text.to_string()) else {
            return Ok(());
        };
        let quantities = extract::extract(&doc);
        check_quantities(&doc, &quantities)?;
        let lines = text.split(['\n', '\r']).count();
        for q in &quantities {
            let (line, column) = doc.locate(q.start);
            if line == 0 || line > lines || column == 0 {
                return Err(format!(
                    "a figure at {line}:{column}, outside the page's {lines} lines"
                ));
            }
        }
        let facts = facts::claim(&doc, &quantities, &self.rules);
        if facts.is_empty() && !u.ratio(1, 16).unwrap_or(false) {
            return Ok(());
        }
        let mut all = self.fixture_facts.clone();
        all.extend(facts);
        all.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        self.outputs(all)
    }

    /// An article: extraction, streaming, claims, findings, every format.
    fn article(&self, text: &str, u: &mut Unstructured) -> Result<(), String> {
        let path = Path::new("fuzz.md");
        let whole = Document::parse(path, text.to_string());
        // a block of a byte or a few reads the text again at every byte:
        // for short texts only
        let blocks: &[usize] = if text.len() < 600 {
            &[1, 3, 64, 1000, 4 << 20]
        } else {
            &[64, 1000, 4096, 4 << 20]
        };
        let block = *pick(u, blocks);
        let chunk = *pick(u, &[1usize, 40, 333, extract::CHUNK_BYTES]);
        let streamed = streamed_lines(path, text, block, chunk);
        let (doc, quantities) = match (whole, streamed) {
            (Ok(doc), Ok(lines)) => {
                let quantities = extract::extract(&doc);
                check_quantities(&doc, &quantities)?;
                let expected =
                    json::quantity_lines(&doc, &quantities).map_err(|e| e.to_string())?;
                if expected != lines {
                    return Err(format!(
                        "streamed (blocks of {block}, chunks of {chunk}) differs from whole:\n{}\n---\n{}",
                        String::from_utf8_lossy(&expected),
                        String::from_utf8_lossy(&lines)
                    ));
                }
                (doc, quantities)
            }
            (Err(a), Err(b)) => {
                let (a, b) = (a.to_string(), b.to_string());
                if a != b {
                    return Err(format!("whole-file error `{a}`, streamed `{b}`"));
                }
                return Ok(());
            }
            (Ok(_), Err(e)) => return Err(format!("streamed fails ({e}), whole reads")),
            (Err(e), Ok(_)) => return Err(format!("whole fails ({e}), streamed reads")),
        };
        let facts = facts::claim(&doc, &quantities, &self.rules);
        for f in &facts {
            check_quantity(&doc, &f.quantity).map_err(|e| format!("fact: {e}"))?;
        }
        if facts.is_empty() && !u.ratio(1, 16).unwrap_or(false) {
            return Ok(());
        }
        // the rule-free table of the figures, as `extract --format table`
        let mut out = Vec::new();
        table::write_quantities(&mut out, &doc, &quantities).map_err(|e| e.to_string())?;
        let mut all = self.fixture_facts.clone();
        all.extend(facts);
        all.sort_by(|a, b| a.source.path.cmp(&b.source.path));
        self.outputs(all)
    }

    /// The findings of `all` in every format, and a baseline of them that
    /// accepts them.
    fn outputs(&self, all: Vec<Fact>) -> Result<(), String> {
        let facts = Facts::from(all);
        let findings = crosscheck::engine::run(&facts, &self.rules);
        let notices = crosscheck::report::notices::Notices {
            not_compared: facts
                .iter()
                .filter_map(|f| {
                    let m = self.rules.metric(&f.metric)?;
                    crosscheck::engine::not_compared(f, m).map(|why| (f, why))
                })
                .collect(),
            ..Default::default()
        };
        let mut out = Vec::new();
        let io = |r: std::io::Result<()>| r.map_err(|e| e.to_string());
        io(table::write_report(
            &mut out, 6, &findings, &facts, &notices,
        ))?;
        io(diagnostic::write_findings(&mut out, &findings, false))?;
        io(github::write(&mut out, &findings, &notices))?;
        io(markdown::write(
            &mut out,
            6,
            facts.len(),
            &findings,
            &notices,
        ))?;
        let mut page = Vec::new();
        io(html::write(&mut page, 6, &findings, &facts))?;
        let page = String::from_utf8(page).map_err(|e| e.to_string())?;
        let parsed = scraper::Html::parse_document(&page);
        if let Some(e) = parsed.errors.first() {
            return Err(format!("the HTML report is not well formed: {e}"));
        }
        io(json::write_findings_jsonl(&mut out, &findings, &notices))?;
        io(table::write_facts(&mut out, &facts))?;
        let mut buf = Vec::new();
        io(json::write_facts_json(&mut buf, &facts))?;
        serde_json::from_slice::<serde_json::Value>(&buf)
            .map_err(|e| format!("the JSON facts are not JSON: {e}"))?;
        let mut buf = Vec::new();
        io(json::write_facts_jsonl(&mut buf, 6, &facts, &[]))?;
        for line in buf.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            serde_json::from_slice::<serde_json::Value>(line)
                .map_err(|e| format!("a facts line is not JSON: {e}"))?;
        }
        let mut buf = Vec::new();
        io(json::write_report(&mut buf, 6, &findings, &facts, &notices))?;
        serde_json::from_slice::<serde_json::Value>(&buf)
            .map_err(|e| format!("the JSON report is not JSON: {e}"))?;
        let mut buf = Vec::new();
        io(sarif::write(&mut buf, &findings, &self.rules, &notices))?;
        serde_json::from_slice::<serde_json::Value>(&buf)
            .map_err(|e| format!("SARIF is not JSON: {e}"))?;
        let problems: Vec<_> = findings
            .iter()
            .filter(|f| f.class.is_problem())
            .cloned()
            .collect();
        let accepted = Baseline::of(&problems, None);
        // as `baseline::write` writes it, without its flush to disk (a
        // file system's speed, not crosscheck's, would bound the run)
        let path = self.dir.path().join("roundtrip.yaml");
        let yaml = serde_yaml::to_string(&accepted).map_err(|e| e.to_string())?;
        write(&path, &yaml)?;
        let read = baseline::load(&path)
            .map_err(|e| format!("a baseline written cannot be read: {e}"))?
            .ok_or("a baseline written is missing")?;
        for f in &problems {
            if !matches!(read.judge(f).0, Verdict::Accepted { .. }) {
                return Err(format!(
                    "a baseline of the findings does not accept {} {:?}",
                    f.metric, f.period
                ));
            }
        }
        Ok(())
    }

    fn rule_file(&self, yaml: &str, u: &mut Unstructured) -> Result<(), String> {
        let dir = self.dir.path().join("rules");
        let _ = std::fs::create_dir_all(&dir);
        write(&dir.join("entities.yaml"), &self.entities)?;
        write(&dir.join("fuzz.yaml"), yaml)?;
        let Ok(rules) = crosscheck::rules::load(&[dir]) else {
            return Ok(());
        };
        // the examples of every rule: many extractions, so one time in four
        if u.ratio(1, 4).unwrap_or(false) {
            let _ = crosscheck::rule_tests::run(&rules);
        }
        let mut out = Vec::new();
        let _ = crosscheck::report::rules::write_list(&mut out, &rules);
        let published = "2025-06-30".parse::<Date>().ok();
        for text in self.seeds.articles.iter().take(5) {
            let doc = Document::from_body("r.md", text, published);
            let facts = facts::claim(&doc, &extract::extract(&doc), &rules);
            // the facts written as bytes, as `check` keeps a corpus's
            let mut packed = Facts::packed();
            packed.push(facts);
            let _ = crosscheck::engine::run(&packed, &rules);
        }
        Ok(())
    }

    fn config(&self, yaml: &str) -> Result<(), String> {
        let path = self.dir.path().join("crosscheck.yaml");
        write(&path, yaml)?;
        let _ = crosscheck::config::load(Some(&path), self.dir.path());
        Ok(())
    }

    fn baseline(&self, yaml: &str) -> Result<(), String> {
        let path = self.dir.path().join("baseline.yaml");
        write(&path, yaml)?;
        let _ = baseline::load_reasons(&path);
        if let Ok(Some(b)) = baseline::load(&path) {
            let held = Facts::from(self.fixture_facts.clone());
            for f in crosscheck::engine::run(&held, &self.rules) {
                let _ = b.judge(&f);
            }
            let _ = b.stale(&Default::default());
            let _ = b.sources();
        }
        Ok(())
    }

    fn records(&self, text: &str) -> Result<(), String> {
        let path = self.dir.path().join("fuzz.jsonl");
        write(&path, text)?;
        let mut articles = Articles::new(vec![path]);
        loop {
            let batch = articles.next_batch();
            if batch.is_empty() {
                return Ok(());
            }
            for article in batch {
                if let Ok(doc) = article.read() {
                    check_quantities(&doc, &extract::extract(&doc))?;
                }
            }
        }
    }

    fn shard(&self, text: &str) -> Result<(), String> {
        let path = self.dir.path().join("shard.jsonl");
        write(&path, text)?;
        if let Ok(loaded) = facts::shard::load(&[path], &self.rules) {
            let facts = Facts::from(loaded.facts);
            let _ = crosscheck::engine::run(&facts, &self.rules);
        }
        Ok(())
    }
}

/// The JSON lines of `text` read `block` bytes at a time, in pieces that
/// end at cuts of `chunk` (as `crosscheck extract FILE` streams a file).
fn streamed_lines(path: &Path, text: &str, block: usize, chunk: usize) -> Result<Vec<u8>, String> {
    let mut pieces = Pieces::new(path, text.as_bytes(), block);
    let mut out = Vec::new();
    while let Some(doc) = pieces.next_piece(chunk).map_err(|e| e.to_string())? {
        let quantities = extract::extract(&doc);
        out.extend(json::quantity_lines(&doc, &quantities).map_err(|e| e.to_string())?);
        pieces.give_back(doc);
    }
    Ok(out)
}

fn check_quantities(doc: &Document, quantities: &[Quantity]) -> Result<(), String> {
    quantities.iter().try_for_each(|q| check_quantity(doc, q))
}

/// A quantity's values within the limit, its offsets in the text.
fn check_quantity(doc: &Document, q: &Quantity) -> Result<(), String> {
    let within = |d: Decimal| d.abs() <= MAX_VALUE;
    let ends = q.range().map_or([None, None], |(a, b)| [Some(a), Some(b)]);
    let values = [q.value, Some(q.step)].into_iter().chain(ends).flatten();
    for v in values {
        if !within(v) {
            return Err(format!("{v} beyond the limit in {q:?}"));
        }
    }
    if q.step < Decimal::ZERO {
        return Err(format!("negative step in {q:?}"));
    }
    if let Some((lo, hi)) = q.range() {
        if lo > hi {
            return Err(format!("range ends in the wrong order in {q:?}"));
        }
    }
    let t = &doc.text;
    if !(q.start <= q.end
        && q.end <= t.len()
        && t.is_char_boundary(q.start)
        && t.is_char_boundary(q.end))
    {
        return Err(format!(
            "offsets {}..{} outside the text in {q:?}",
            q.start, q.end
        ));
    }
    Ok(())
}

/// Dates and periods: what parses is written back as it was read.
fn period(text: &str) -> Result<(), String> {
    if let Ok(d) = text.parse::<Date>() {
        let back = d.to_string().parse::<Date>();
        if back.as_ref() != Ok(&d) {
            return Err(format!("date {d} is read back as {back:?}"));
        }
    }
    if let Ok(p) = text.parse::<Period>() {
        let back = p.to_string().parse::<Period>();
        if back.as_ref() != Ok(&p) {
            return Err(format!("period {p} is read back as {back:?}"));
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The files under `dir` ending in `.ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn pick<'a, T>(u: &mut Unstructured, items: &'a [T]) -> &'a T {
    let i = u.choose_index(items.len()).unwrap_or(0);
    &items[i.min(items.len() - 1)]
}

/// A character boundary of `text` chosen by `u`.
fn boundary(text: &str, u: &mut Unstructured) -> usize {
    let mut at = u.int_in_range(0..=text.len()).unwrap_or(0);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One change to `text`: a word of the dictionary put in or over a
/// span, a span dropped or doubled, another seed spliced in, a character
/// changed.
fn mutate(text: &mut String, u: &mut Unstructured, pool: &[String]) {
    let a = boundary(text, u);
    let b = boundary(text, u);
    let (a, b) = (a.min(b), a.max(b));
    // short spans, mostly: a figure is a few characters
    let b = if b - a > 12 && u.ratio(3, 4).unwrap_or(true) {
        let mut e = a + 12;
        while !text.is_char_boundary(e) {
            e += 1;
        }
        e
    } else {
        b
    };
    match u.int_in_range(0..=6u8).unwrap_or(0) {
        0 | 1 => text.insert_str(a, pick::<&str>(u, DICTIONARY)),
        2 => text.replace_range(a..b, pick::<&str>(u, DICTIONARY)),
        3 => text.replace_range(a..b, ""),
        4 => {
            let span = text[a..b].to_string();
            text.insert_str(b, &span);
        }
        5 => {
            let other = pick(u, pool);
            let c = boundary(other, u);
            let d = boundary(other, u);
            text.insert_str(a, &other[c.min(d)..c.max(d)]);
        }
        _ => {
            let c = char::from_u32(u.int_in_range(0..=0x2_0000u32).unwrap_or(48)).unwrap_or('0');
            text.insert(a, c);
        }
    }
}
