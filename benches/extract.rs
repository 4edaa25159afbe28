//! Extraction throughput on generated news-like text (examples/newsgen.rs).
//! A plain harness: it prints the median MB/s of several runs per case, so
//! the figure is robust to a noisy, shared machine. Run with `cargo bench`.
//!
//! "1 thread" is the per-core figure: the whole of `extract` (tokens,
//! figures, periods) on one core. "all threads" lets a long body be read in
//! paragraph chunks in parallel, as the command does.

// a benchmark reports on standard output
#![allow(clippy::print_stdout)]

#[path = "../examples/newsgen.rs"]
mod newsgen;

use std::time::Instant;

use crosscheck::documents::Document;
use crosscheck::extract;
use newsgen::Density;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Median MB/s of `runs` extractions of `doc`, and the number of figures.
fn rate(doc: &Document, runs: usize) -> (f64, usize) {
    let mut rates = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        found = extract::extract(doc).len();
        rates.push(doc.text.len() as f64 / 1e6 / start.elapsed().as_secs_f64());
    }
    (median(rates), found)
}

fn main() {
    // `cargo bench` passes --bench; anything else is ignored
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build();
    let Ok(one) = one else {
        println!("cannot start a one-thread pool");
        return;
    };
    for (density, label) in [(Density::News, "news"), (Density::Dense, "dense")] {
        let text = newsgen::text(42, 16_000_000, density);
        let doc = Document::from_body("bench.txt", &text, None);
        let (single, found) = one.install(|| rate(&doc, 15));
        let (all, _) = rate(&doc, 15);
        println!(
            "extract 16 MB {label} ({found} figures, one per {} bytes): \
             1 thread median {single:.1} MB/s, all threads ({}) median {all:.1} MB/s",
            text.len() / found.max(1),
            rayon::current_num_threads(),
        );
    }
}
