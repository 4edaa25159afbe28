//! Extraction throughput on generated news-like text (examples/newsgen.rs).
//! A plain harness: it prints the median MB/s of several runs per size, so
//! the figure is robust to a noisy, shared machine. Run with `cargo bench`.

// a benchmark reports on standard output
#![allow(clippy::print_stdout)]

#[path = "../examples/newsgen.rs"]
mod newsgen;

use std::time::Instant;

use crosscheck::documents::Document;
use crosscheck::extract;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes --bench; anything else is ignored
    for (label, bytes, runs) in [("1 MB", 1_000_000, 15), ("16 MB", 16_000_000, 5)] {
        let text = newsgen::text(42, bytes);
        let doc = Document::from_body("bench.txt", &text, None);
        let mut rates = Vec::new();
        let mut found = 0;
        for _ in 0..runs {
            let start = Instant::now();
            found = extract::extract(&doc).len();
            let secs = start.elapsed().as_secs_f64();
            rates.push(text.len() as f64 / 1e6 / secs);
        }
        println!(
            "extract {label}: median {:.1} MB/s over {runs} runs (min {:.1}, max {:.1}), {found} quantities",
            median(rates.clone()),
            rates.iter().copied().fold(f64::INFINITY, f64::min),
            rates.iter().copied().fold(0.0, f64::max),
        );
    }
}
