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
    // `--output -` prints the baseline; its reasons and comments are then
    // those of the configured baseline file. Reasons are read only from a
    // regular file: never from what is being written (`/dev/stdout`)
    let to_stdout = args.output.as_deref() == Some(std::path::Path::new("-"));
    let path = match &args.output {
        Some(p) if !to_stdout => p.clone(),
        _ => config.baseline.clone(),
    };
    let regular = std::fs::metadata(&path).is_ok_and(|m| m.is_file());
    // a baseline that cannot be parsed is what this command mends (as the
    // error `check` gives says): written anew, with a warning; one that
    // cannot be read at all (a FIFO, no permission) stays an error
    let mut warnings = run.warnings();
    let old = match baseline::load_reasons(&path) {
        _ if !regular => None,
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
    let kept = if regular {
        crate::files::read_to_string(&path).ok()
    } else {
        None
    };
    let text = baseline::render(&path, &new, kept.as_deref())?;
    if to_stdout {
        out.write_all(text.as_bytes())
            .map_err(crate::output_error)?;
        return Ok(
            Outcome::after_reading(ExitStatus::Clean, run.analysis.errors).warning(warnings),
        );
    }
    crate::files::write_atomic(&path, text.as_bytes()).map_err(|e| {
        let streamed = std::fs::metadata(&path).is_ok_and(|m| !m.is_file() && !m.is_dir());
        if streamed {
            // `/dev/stdout`: a stream, never opened; `-` is the way
            Error::Usage(format!(
                "--output {}: not a regular file; `--output -` prints the baseline on standard output",
                crate::error::shown(&path)
            ))
        } else {
            Error::write(&path, e)
        }
    })?;
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
