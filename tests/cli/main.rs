//! The one integration test binary: the `crosscheck` command line, run on
//! temporary copies of the fixtures and on corpora written by the tests.

mod baseline;
mod binding;
mod check;
mod checks;
mod config;
mod conformance;
mod eval;
mod exit_codes;
mod extract;
mod facts;
mod formats;
mod html_articles;
mod html_report;
mod jsonl;
mod labelled;
mod options;
mod packs;
mod progress;
mod readings;
mod readme;
mod recipes;
mod reliability;
mod report;
mod rules;
mod scale;
mod schema;
mod shards;
mod support;
mod templates;
mod why;
