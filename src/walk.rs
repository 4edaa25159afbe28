//! Walking a folder for the files crosscheck reads (articles, rule files).
//!
//! Links are followed, so a linked article or rule file is read; a link
//! back to a folder above it (a loop) is not followed again, and a link to
//! nothing is skipped. A path whose name says it is wanted but that is no
//! regular file (a FIFO, a socket, a device) is skipped and never opened.
//! Each skip is a `Warning`, never silent. The files are sorted (in
//! `Path`'s order) and distinct.

use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Warning};

/// The wanted files under a folder, and what was skipped.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Warning>,
}

/// The files under `root` (a folder) whose path `wanted` accepts.
/// `filters`: honour `.gitignore`, `.ignore` and hidden files (articles);
/// without, every file is seen (rule folders). An error other than a loop
/// or a broken link (a folder that cannot be read) stops the walk.
pub fn walk(root: &Path, filters: bool, wanted: impl Fn(&Path) -> bool) -> Result<Walked, Error> {
    let mut walked = Walked::default();
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(filters)
        .require_git(false)
        .follow_links(true)
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                walked.skipped.extend(skip(root, e, &wanted)?);
                continue;
            }
        };
        let path = entry.path();
        let Some(file_type) = entry.file_type() else {
            continue; // standard input: never walked
        };
        if file_type.is_dir() || !wanted(path) {
            continue;
        }
        if file_type.is_file() {
            walked.files.push(path.to_path_buf());
        } else {
            walked.skipped.push(Warning::Skipped {
                path: path.to_path_buf(),
                why: crate::files::not_regular().to_string(),
            });
        }
    }
    walked.files.sort_unstable_by(|a, b| by_component(a, b));
    debug_assert!(walked.files.is_sorted(), "in `Path`'s order");
    Ok(walked)
}

/// The order of two paths of one walk, which is `Path`'s (by component),
/// from their bytes: they share the walk's root, and the rest is names
/// joined by single separators, so that a separator sorts before any other
/// byte. Comparing a million paths by component took seconds.
fn by_component(a: &Path, b: &Path) -> std::cmp::Ordering {
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    let rank = |c: u8| {
        if std::path::is_separator(char::from(c)) {
            0
        } else {
            u16::from(c) + 1
        }
    };
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(i) => rank(a[i]).cmp(&rank(b[i])),
        None => a.len().cmp(&b.len()),
    }
}

/// The warning for an entry the walk could not take: a loop, or a broken
/// link of a wanted name (one of another name would not be read anyway);
/// any other error is the walk's.
fn skip(
    root: &Path,
    e: ignore::Error,
    wanted: &impl Fn(&Path) -> bool,
) -> Result<Option<Warning>, Error> {
    let (path, kind, loop_back) = parts(&e);
    match (path, kind) {
        (Some(path), _) if loop_back => Ok(Some(Warning::Skipped {
            path,
            why: "a link to a folder above it (a loop), not followed".into(),
        })),
        (Some(path), Some(std::io::ErrorKind::NotFound)) => {
            Ok(wanted(&path).then(|| Warning::Skipped {
                path,
                why: "a link to nothing".into(),
            }))
        }
        _ => Err(Error::Input {
            location: Location {
                path: root.to_path_buf(),
                line: 1,
                col: 1,
            },
            message: format!("cannot walk folder: {e}"),
        }),
    }
}

/// The path an error of the walk names, the kind of its I/O error, and
/// whether it is a loop.
fn parts(e: &ignore::Error) -> (Option<PathBuf>, Option<std::io::ErrorKind>, bool) {
    match e {
        ignore::Error::WithPath { path, err } => {
            let (_, kind, loop_back) = parts(err);
            (Some(path.clone()), kind, loop_back)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            parts(err)
        }
        ignore::Error::Loop { child, .. } => (Some(child.clone()), None, true),
        ignore::Error::Io(io) => (None, Some(io.kind()), false),
        _ => (None, None, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn yaml(p: &Path) -> bool {
        p.extension().is_some_and(|e| e == "yaml")
    }

    #[test]
    fn loops_and_broken_links_are_skipped_and_reported() {
        let dir = tempfile::TempDir::new().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.yaml"), "").unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/b.yaml"), "").unwrap();
        symlink(".", root.join("loop")).unwrap();
        symlink("sub/b.yaml", root.join("linked.yaml")).unwrap();
        symlink("nowhere.yaml", root.join("dangling.yaml")).unwrap();
        let walked = walk(root, false, yaml).unwrap();
        let names: Vec<String> = walked
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.yaml", "linked.yaml", "sub/b.yaml"]);
        let shown: Vec<String> = walked.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown
            .iter()
            .any(|w| w.contains("loop") && w.contains("(a loop)")));
        assert!(shown
            .iter()
            .any(|w| w.contains("dangling.yaml: skipped: a link to nothing")));
    }

    proptest::proptest! {
        /// Paths of one walk (a root, then names joined by single
        /// separators) are in the same order by bytes as by component.
        #[test]
        fn the_byte_order_is_the_component_order(
            a in proptest::collection::vec("[a-c./_-]{1,3}", 1..4),
            b in proptest::collection::vec("[a-c./_-]{1,3}", 1..4),
        ) {
            let path = |names: &[String]| {
                let names: Vec<&str> = names
                    .iter()
                    .map(|n| n.trim_matches('/'))
                    .filter(|n| !n.is_empty() && !n.contains('/') && *n != "." && *n != "..")
                    .collect();
                let mut p = PathBuf::from("root/dir");
                for n in names {
                    p.push(n);
                }
                p
            };
            let (a, b) = (path(&a), path(&b));
            proptest::prop_assert_eq!(by_component(&a, &b), a.cmp(&b), "{:?} {:?}", a, b);
        }
    }
}
