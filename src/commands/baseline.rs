//! `crosscheck baseline`: accept the current findings.

use std::io::Write;

use crate::baseline::{self, Baseline};
use crate::cli::BaselineArgs;
use crate::config::Config;
use crate::error::Errors;
use crate::{ExitStatus, Outcome};

pub fn run(args: &BaselineArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let run = super::run_corpus(&args.corpus, config, true)?;
    let findings = run.findings();
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| config.baseline.clone());
    let old = baseline::load_reasons(&path)?;
    let problems: Vec<_> = findings
        .into_iter()
        .filter(|f| f.class.is_problem())
        .collect();
    let new = Baseline::of(&problems, old.as_ref());
    baseline::write(&path, &new)?;
    writeln!(
        out,
        "crosscheck: wrote {} finding{} to {}",
        new.findings.len(),
        if new.findings.len() == 1 { "" } else { "s" },
        path.display()
    )
    .map_err(crate::output_error)?;
    Ok(Outcome::after_reading(
        ExitStatus::Clean,
        run.analysis.errors,
    ))
}
