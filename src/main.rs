//! The `crosscheck` binary: parse arguments, run, print errors, exit 0/1/2.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system's allocator: extraction allocates a few
/// small strings and vectors per figure, and glibc's malloc and free were
/// a twentieth of its time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match crosscheck::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap's --help and --version are not errors
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = cli.command.color().resolve(stdout.is_terminal(), no_color);
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = crosscheck::run(&cli, color, &mut out);
    let flushed = out.flush();
    // a reader that stopped reading (`crosscheck extract ... | head`) is no
    // error: stop quietly, as grep and ripgrep do
    let closed = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    let errors = &outcome.errors.0;
    if flushed.as_ref().is_err_and(closed) || errors.iter().any(|e| e.is_closed_output()) {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    for warning in &outcome.warnings {
        let _ = writeln!(stderr, "crosscheck: warning: {warning}");
    }
    for error in errors {
        let _ = writeln!(stderr, "crosscheck: error: {error}");
    }
    if let Err(e) = flushed {
        let _ = writeln!(
            stderr,
            "crosscheck: error: {}",
            crosscheck::error::Error::Output(e)
        );
        return ExitCode::from(2);
    }
    ExitCode::from(outcome.status.code())
}
