//! Command-line types (clap derive). No logic: `commands/` does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit status:
  0  clean: no findings at or above the threshold (report: ran)
  1  findings: `check` found conflicts or check violations at or above --fail-on
     that are not in the baseline (or stale baseline entries, with --strict),
     or `rules test` had a failing example
  2  error: bad usage, an invalid rule file, or a source that could not be read";

/// Fact-consistency checker: extracts quantitative claims from articles and
/// flags where sources disagree.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// Worker threads for reading and extracting, at least 1 (default: one
    /// per core). Output is identical whatever the count.
    #[arg(long, global = true, value_name = "N", value_parser = threads)]
    pub threads: Option<std::num::NonZeroUsize>,
    /// Settings file [default: crosscheck.yaml in the working folder or the
    /// nearest folder above it]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print nothing on standard output (unless `--output FILE` names a file
    /// to write) and no warnings; errors still go to standard error, and the
    /// exit status is the same.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Width of tables, in columns [default: $COLUMNS, else the terminal's,
    /// else 100]. Metric ids and `path:line` are never cut.
    #[arg(long, global = true, value_name = "COLUMNS")]
    pub width: Option<u16>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Consistency report: facts by metric and period, and every finding.
    Report(ReportArgs),
    /// Print conflicts at or above --fail-on; exit 1 if there are any.
    Check(CheckArgs),
    /// List the typed facts, per source.
    Facts(FactsArgs),
    /// Print every quantity in a file, rule-free.
    Extract(ExtractArgs),
    /// Work with rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Show one metric: its rule as written, its examples run, and the facts
    /// of the corpus it matched.
    Explain(ExplainArgs),
    /// Why each figure of a line is, or is not, a fact of each metric.
    Why(WhyArgs),
    /// Accept the current findings: write them to the baseline file, which
    /// `check` then reads.
    Baseline(BaselineArgs),
    /// Start a project in the working folder: `crosscheck.yaml`, `rules/`
    /// with an entities file and an example metric, `articles/`, and a
    /// GitHub Actions workflow. Never overwrites a file.
    Init,
    /// Print a shell completion script (bash, zsh, fish, elvish,
    /// powershell) to standard output.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output: `crosscheck man >
    /// crosscheck.1`.
    Man,
}

impl Command {
    /// The file `--output` names, if any (not `-`, standard output); the
    /// baseline's `--output` is its own.
    pub fn output_file(&self) -> Option<&std::path::Path> {
        let output = match self {
            Command::Report(a) => &a.output,
            Command::Check(a) => &a.output,
            Command::Facts(a) => &a.output,
            _ => return None,
        };
        output
            .output
            .as_deref()
            .filter(|p| *p != std::path::Path::new("-"))
    }

    /// The colour choice: `check --color`; other commands never colour.
    pub fn color(&self) -> ColorChoice {
        match self {
            Command::Check(a) => a.color,
            _ => ColorChoice::Never,
        }
    }
}

/// Where the output goes: `--output FILE`.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write the output to FILE (atomically: a temporary file beside it,
    /// renamed over it) instead of standard output; `-` is standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// The file to write, atomically; `-` prints it on standard output
    /// [default: the configuration's `baseline`, else
    /// crosscheck-baseline.yaml]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The metric id, as `rules list` prints it.
    #[arg(value_name = "METRIC")]
    pub metric: String,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Debug, Args)]
pub struct WhyArgs {
    /// An article and a line of it: `PATH:LINE` (as facts and findings
    /// print them).
    #[arg(value_name = "PATH:LINE")]
    pub at: String,
    /// Only this metric's verdicts.
    #[arg(long, value_name = "METRIC")]
    pub metric: Option<String>,
    /// Rule files or folders [default: the configuration's `rules`, else
    /// rules]
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

/// The corpus and the rules to read.
#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// Articles or folders of articles (*.md, *.markdown, *.txt; *.html and
    /// *.htm pages; *.jsonl and *.jsonl.gz, an article a line); `-` reads
    /// one article from standard input [default: the configuration's
    /// `corpus`, else fixtures]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Rule files or folders [default: the configuration's `rules`, else
    /// rules]
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Facts written by `facts --format jsonl` (*.jsonl, *.jsonl.gz),
    /// compared instead of reading a corpus
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    pub facts: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Facts written by `facts --format jsonl` (*.jsonl, *.jsonl.gz),
    /// compared instead of reading a corpus
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    pub facts: Vec<PathBuf>,
    /// Lowest severity that fails the check [default: the configuration's
    /// `fail_on`, else error]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Findings accepted as they are (`crosscheck baseline`): only findings
    /// not in it fail [default: the configuration's `baseline`, else
    /// crosscheck-baseline.yaml, when it exists]
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Baseline entries that no longer occur fail the check too.
    #[arg(long)]
    pub strict: bool,
    /// Colour the `text` diagnostics: `auto` when standard output is a
    /// terminal and NO_COLOR is not set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct FactsArgs {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[arg(long, value_enum, default_value_t = FactsFormat::Table)]
    pub format: FactsFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The file to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// Publication date (YYYY-MM-DD) for "last year" when the file has no
    /// front matter, or to override it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Treat every line as its own document (no sentence, period or range
    /// crosses a line); offsets stay offsets into the file.
    #[arg(long)]
    pub each_line: bool,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Run the examples of every rule; exit 1 if any fails.
    Test(RulesArgs),
    /// Print the JSON Schema of rule files (what rules/schema.json holds).
    Schema,
    /// List the metrics with their kind, period, tolerance, severity and
    /// description.
    List(RulesArgs),
}

/// The rules of `rules test` and `rules list`: positional or `--rules`,
/// as the other commands take them.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Rule files or folders [default: the configuration's `rules`, else
    /// rules]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Rule files or folders, as other commands take them (joined with
    /// PATH)
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

impl RulesArgs {
    /// The folders and files named either way.
    pub fn all(&self) -> Vec<PathBuf> {
        self.paths.iter().chain(&self.rules).cloned().collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether the output is a terminal and
    /// whether NO_COLOR is set (to anything but the empty string).
    pub fn resolve(self, terminal: bool, no_color: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        }
    }
}

// One vocabulary: the format for people is `table` where it is tables and
// `text` where it is diagnostics; each command takes the other name too.

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Tables for people (`text` names it too).
    #[value(alias = "text")]
    Table,
    /// The whole report, versioned (`version`, `sources`, `findings`, `facts`).
    Json,
    /// One finding per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// A summary table for a pull-request comment.
    Markdown,
    /// One self-contained page with charts (use with --output).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics for people, with the quoted lines (`table` names it too).
    #[value(alias = "table")]
    Text,
    /// The failing findings and all facts, versioned.
    Json,
    /// One failing finding per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// A summary table for a pull-request comment.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    /// A table for people (`text` names it too).
    #[value(alias = "text")]
    Table,
    /// A JSON array of facts.
    Json,
    /// One fact per line, then a summary line (a shard for `--facts`).
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
    #[value(alias = "text")]
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

/// `--threads N`: a whole number from 1 (0 was once taken as "one per core",
/// silently; leaving the flag out says that).
fn threads(s: &str) -> Result<std::num::NonZeroUsize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("expected at least 1 thread (leave --threads out for one per core)".into()),
        Ok(n) => std::num::NonZeroUsize::new(n).ok_or_else(|| "expected at least 1".into()),
        Err(_) => Err(format!("expected a whole number of threads, found `{s}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::ColorChoice;

    #[test]
    fn colour_is_auto_on_a_terminal_unless_no_color() {
        assert!(ColorChoice::Auto.resolve(true, false));
        assert!(!ColorChoice::Auto.resolve(true, true));
        assert!(!ColorChoice::Auto.resolve(false, false));
        assert!(ColorChoice::Always.resolve(false, true));
        assert!(!ColorChoice::Never.resolve(true, false));
    }
}
