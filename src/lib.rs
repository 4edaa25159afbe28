//! crosscheck: a fact-consistency checker for news text.
//!
//! Sources become `documents` (text, front matter, line index, sentences);
//! `extract` finds every quantity in them, rule-free; `rules` (YAML) decide
//! which quantities are which metric, making `facts`; the `engine` groups facts
//! by metric and period and compares their intervals, making findings;
//! `report` renders them. `commands` wire the stages together for each
//! subcommand, and `corpus` runs documents through the stages in parallel.
//! The library never prints except through `report`.

pub mod baseline;
pub mod cli;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod documents;
pub mod engine;
pub mod error;
pub mod extract;
pub mod facts;
pub mod files;
pub mod interval;
pub mod literals;
pub mod period;
pub mod report;
pub mod rule_tests;
pub mod rules;
pub mod walk;
mod yaml;

use std::io::Write;

use cli::{Cli, Command};
use error::{Error, Errors, Warning};

/// How a run ended, as an exit code (grep and ripgrep's convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// 0: nothing to report (or a report was printed).
    Clean,
    /// 1: `check` found conflicts, or `rules test` had failures.
    Findings,
    /// 2: usage, configuration or input error.
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// The status of a run and the errors met on the way (sources that could not
/// be read), which the caller prints to standard error.
#[derive(Debug)]
pub struct Outcome {
    pub status: ExitStatus,
    pub errors: Errors,
    /// What was skipped or is doubtful, which the caller prints to
    /// standard error as `crosscheck: warning: ...`; no effect on `status`.
    pub warnings: Vec<Warning>,
}

impl Outcome {
    /// `status`, unless some source could not be read: then exit 2.
    pub fn after_reading(status: ExitStatus, errors: Errors) -> Self {
        let status = if errors.is_empty() {
            status
        } else {
            ExitStatus::Error
        };
        Outcome {
            status,
            errors,
            warnings: Vec::new(),
        }
    }

    /// The outcome with `warnings` to show.
    pub fn warning(mut self, warnings: Vec<Warning>) -> Self {
        self.warnings.extend(warnings);
        self
    }
}

/// Runs a parsed command line, writing results to `out` (or to the file of
/// `--output`, atomically, when the command ran; nowhere with `--quiet`);
/// `color` says whether diagnostics are coloured (see
/// `ColorChoice::resolve`).
pub fn run(cli: &Cli, color: bool, out: &mut dyn Write) -> Outcome {
    let file = cli.command.output_file();
    if cli.quiet {
        commands::silence_progress();
    }
    report::width::set(cli.width);
    let mut buffer = Vec::new();
    let mut sink = std::io::sink();
    let target: &mut dyn Write = match file {
        Some(_) => &mut buffer,
        None if cli.quiet => &mut sink,
        None => out,
    };
    let mut outcome = dispatch(cli, color && file.is_none(), target);
    if let Some(path) = file {
        if outcome.status != ExitStatus::Error || !buffer.is_empty() {
            if let Err(e) = files::write_atomic(path, &buffer) {
                outcome.status = ExitStatus::Error;
                outcome.errors.push(Error::write(path, e));
            }
        }
    }
    if cli.quiet {
        outcome.warnings.clear();
    }
    outcome
}

fn dispatch(cli: &Cli, color: bool, out: &mut dyn Write) -> Outcome {
    if let Some(n) = cli.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n.get())
            .build_global()
        {
            return failed(Error::Usage(format!("--threads: {e}")).into());
        }
    }
    let here = std::env::current_dir().unwrap_or_default();
    let config = match config::load(cli.config.as_deref(), &here) {
        Ok(c) => c,
        Err(e) => return failed(e),
    };
    let result = match &cli.command {
        Command::Report(args) => commands::report::run(args, &config, out),
        Command::Check(args) => commands::check::run(args, &config, color, out),
        Command::Facts(args) => commands::facts::run(args, &config, out),
        Command::Extract(args) => commands::extract::run(args, out),
        Command::Rules(cmd) => commands::rules::run(cmd, &config, out),
        Command::Explain(args) => commands::explain::run(args, &config, out),
        Command::Why(args) => commands::why::run(args, &config, out),
        Command::Baseline(args) => commands::baseline::run(args, &config, out),
        Command::Init => commands::init::run(&here, out),
        Command::Completions { shell } => commands::docs::completions(*shell, out),
        Command::Man => commands::docs::man(out),
    };
    result.unwrap_or_else(failed)
}

fn failed(errors: Errors) -> Outcome {
    Outcome {
        status: ExitStatus::Error,
        errors,
        warnings: Vec::new(),
    }
}

/// Writing to standard output failed (a closed pipe, a full disk).
pub(crate) fn output_error(e: std::io::Error) -> Errors {
    Error::Output(e).into()
}
