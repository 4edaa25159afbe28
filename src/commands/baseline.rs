//! `crosscheck baseline`: accept the current findings.

use std::io::Write;

use crate::baseline::{self, Baseline};
use crate::cli::BaselineArgs;
use crate::config::Config;
use crate::error::{Error, Errors, Warning};
use crate::{ExitStatus, Outcome};

pub fn run(args: &BaselineArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let run = super::run_corpus(&args.corpus, config, true, crate::facts::Quotes::Fetched)?;
    let findings = run.findings();
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| config.baseline.clone());
    // a baseline that cannot be parsed is what this command mends (as the
    // error `check` gives says): written anew, with a warning; one that
    // cannot be read at all (a FIFO, no permission) stays an error
    let mut warnings = run.warnings();
    let old = match baseline::load_reasons(&path) {
        Ok(old) => old,
        Err(e @ (Error::Io { .. } | Error::Write { .. })) => return Err(e.into()),
        Err(e) => {
            warnings.push(Warning::BaselineUnread {
                message: e.to_string(),
            });
            None
        }
    };
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
        crate::error::shown(&path)
    )
    .map_err(crate::output_error)?;
    Ok(Outcome::after_reading(ExitStatus::Clean, run.analysis.errors).warning(warnings))
}
