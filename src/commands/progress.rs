//! A progress line on standard error while a corpus is read: files done
//! of all, articles and megabytes read, and the rate. Only for people: when
//! standard error is a terminal, the output format is one for people
//! (`table`, `text`), and the reading has lasted a second; it is cleared
//! when the reading ends. Never in a machine format or a pipe.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::corpus::Read;

/// How long a reading lasts before its progress is shown.
const AFTER: Duration = Duration::from_secs(1);

/// Whether to show progress: on a terminal, for people, after `AFTER`.
fn shows(terminal: bool, human: bool, elapsed: Duration) -> bool {
    terminal && human && elapsed >= AFTER
}

pub(crate) struct Progress {
    start: Instant,
    /// Whether standard error is a terminal, and the output for people.
    terminal: bool,
    human: bool,
    bar: Option<ProgressBar>,
}

/// Set by `--quiet`: no progress line, whatever the output.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// No progress line for the rest of the run (`--quiet`).
pub(crate) fn silence() {
    QUIET.store(true, std::sync::atomic::Ordering::Relaxed);
}

impl Progress {
    /// Progress for a run whose output is for people (`human`) or not.
    pub(crate) fn new(human: bool) -> Self {
        Progress {
            start: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            human: human && !QUIET.load(std::sync::atomic::Ordering::Relaxed),
            bar: None,
        }
    }

    /// Shows how far the reading is, once it has lasted a second.
    pub(crate) fn update(&mut self, read: &Read) {
        let elapsed = self.start.elapsed();
        if !shows(self.terminal, self.human, elapsed) {
            return;
        }
        let seconds = elapsed.as_secs_f64().max(0.001);
        let mb = read.bytes as f64 / 1e6;
        // the counts in the message, drawn at once (a bar's position and
        // message are drawn apart)
        let message = format!(
            "{}/{} files, {} articles, {mb:.1} MB, {:.1} MB/s",
            read.files_done,
            read.files,
            read.articles,
            mb / seconds
        );
        match &self.bar {
            Some(bar) => {
                bar.set_message(message);
                bar.set_position(read.files_done as u64);
            }
            None => self.bar = Some(bar(read, message, elapsed)),
        }
    }

    /// Clears the line: the reading is over.
    pub(crate) fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The line, at `read` after `elapsed`, saying `message`.
fn bar(read: &Read, message: String, elapsed: Duration) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(read.files as u64), ProgressDrawTarget::hidden())
        .with_elapsed(elapsed)
        .with_message(message)
        .with_position(read.files_done as u64);
    // cannot fail: the template is constant and valid
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} reading [{bar:20}] {elapsed} {wide_msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_shown_on_a_terminal_for_people_after_a_second() {
        let long = Duration::from_millis(1500);
        assert!(shows(true, true, long));
        assert!(!shows(true, true, Duration::from_millis(300)));
        assert!(!shows(false, true, long), "standard error is no terminal");
        assert!(!shows(true, false, long), "a machine format");
        // drawn only where standard error is a terminal (not in CI)
        let mut p = Progress::new(true);
        p.start = p.start.checked_sub(long).unwrap_or(p.start);
        p.update(&Read::default());
        let drawn = p.bar.is_some();
        p.finish();
        let past = p.start.elapsed() >= AFTER;
        assert_eq!(drawn, past && std::io::stderr().is_terminal());
    }
}
