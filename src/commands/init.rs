//! `crosscheck init`: a starting project in the working folder. Each file
//! is written only when nothing is at its path: an existing file is kept
//! and named.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Errors};
use crate::{ExitStatus, Outcome};

/// What `init` writes: each path and its text.
pub const FILES: &[(&str, &str)] = &[
    (
        "crosscheck.yaml",
        include_str!("../../templates/init/crosscheck.yaml"),
    ),
    (
        "rules/entities.yaml",
        include_str!("../../templates/init/entities.yaml"),
    ),
    (
        "rules/metrics.yaml",
        include_str!("../../templates/init/metrics.yaml"),
    ),
    (
        "articles/example.md",
        include_str!("../../templates/init/example.md"),
    ),
    (
        ".github/workflows/crosscheck.yml",
        include_str!("../../templates/init/workflow.yml"),
    ),
];

pub fn run(here: &Path, out: &mut dyn Write) -> Result<Outcome, Errors> {
    let mut lines = Vec::new();
    for (name, text) in FILES {
        let path = here.join(name);
        // `symlink_metadata`: a dangling link is something there too
        if path.symlink_metadata().is_ok() {
            lines.push(format!("kept {name} (it exists)"));
            continue;
        }
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
        }
        crate::files::write_new(&path, text.as_bytes()).map_err(|e| Error::write(*name, e))?;
        lines.push(format!("wrote {name}"));
    }
    for line in &lines {
        writeln!(out, "crosscheck: {line}").map_err(crate::output_error)?;
    }
    writeln!(
        out,
        "crosscheck: next: `crosscheck rules test`, then `crosscheck check`"
    )
    .map_err(crate::output_error)?;
    Ok(Outcome::after_reading(ExitStatus::Clean, Errors::default()))
}
