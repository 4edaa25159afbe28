//! `crosscheck completions SHELL` and `crosscheck man`: generated from the
//! clap definitions of `cli`, so they list exactly the options there are.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Errors;
use crate::{ExitStatus, Outcome};

/// The completion script of `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "crosscheck", out);
    Ok(Outcome::after_reading(ExitStatus::Clean, Errors::default()))
}

/// The man page, in roff.
pub fn man(out: &mut dyn Write) -> Result<Outcome, Errors> {
    clap_mangen::Man::new(Cli::command())
        .render(out)
        .map_err(crate::output_error)?;
    Ok(Outcome::after_reading(ExitStatus::Clean, Errors::default()))
}
