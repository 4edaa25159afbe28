//! The `crosscheck` binary: parse arguments, run, print errors, exit 0/1/2.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system's allocator: extraction allocates a few
/// small strings and vectors per figure, and glibc's malloc and free were
/// a twentieth of its time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`, the same place in its
/// v2 and v3): how long freed memory waits before it is given back to the
/// system, -1 for never.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory is kept for the next article rather than given back:
/// every article's text and figures are freed while the corpus's facts
/// stay, and with the default delay (1 s) mimalloc gave pages back and
/// took them again all run long. On 200,000 articles that was 760 purges
/// and 2,800 page faults instead of 700, most of them huge pages zeroed
/// again (some 4 GB), about 3% of the CPU time of `check`; the peak is
/// the same either way. `MIMALLOC_PURGE_DELAY` still overrides it.
fn keep_freed_memory() {
    // SAFETY: sets a default of mimalloc's options, an integer it reads
    // when it first needs it; no memory is touched
    unsafe { libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, -1) };
}

fn main() -> ExitCode {
    keep_freed_memory();
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

#[cfg(test)]
mod tests {
    use std::process::Command;

    /// Run in a child (see below): prints the purge delay mimalloc reads.
    #[test]
    #[allow(clippy::print_stdout)] // the child's answer, read by the test below
    fn child_prints_the_purge_delay() {
        if std::env::var_os("CROSSCHECK_PURGE_CHILD").is_none() {
            return;
        }
        // SAFETY: reads an integer option of mimalloc
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        println!("purge delay {delay}");
    }

    /// The option number is mimalloc's purge delay: the value of
    /// `MIMALLOC_PURGE_DELAY` is what mimalloc gives for it (were it another
    /// option, `keep_freed_memory` would set that one instead).
    #[test]
    fn the_option_is_the_purge_delay() {
        let exe = std::env::current_exe().expect("the test binary's path");
        let out = Command::new(exe)
            .args([
                "--exact",
                "tests::child_prints_the_purge_delay",
                "--nocapture",
            ])
            .env("CROSSCHECK_PURGE_CHILD", "1")
            .env("MIMALLOC_PURGE_DELAY", "4321")
            .output()
            .expect("the test binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("purge delay 4321"), "{stdout}");
    }
}
