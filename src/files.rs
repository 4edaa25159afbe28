//! The files crosscheck reads and writes, one rule for all of them.
//!
//! Only regular files are opened: a FIFO, a socket or a device named as a
//! source, a rule file, a configuration or a baseline is an error ("not a
//! regular file") and is never opened, as reading one can block forever.
//! (Links are followed: a link to a regular file is read.) Files are
//! written through `tempfile`: a fresh name in the target's folder, created
//! exclusively (never through a link someone left there), flushed to disk,
//! then renamed over the target, so an interrupted run leaves the old file
//! whole and two runs at once never share a temporary file.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// The error of a path that exists but is no regular file.
pub(crate) fn not_regular() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "not a regular file (a FIFO, socket or device is never opened)",
    )
}

/// Whether `file_type` is something crosscheck may open: a regular file,
/// or a folder (whose reading fails on its own terms).
fn openable(file_type: std::fs::FileType) -> bool {
    file_type.is_file() || file_type.is_dir()
}

/// Opens `path` for reading, if it is a regular file (a link to one too).
pub fn open(path: &Path) -> io::Result<File> {
    if !openable(std::fs::metadata(path)?.file_type()) {
        return Err(not_regular());
    }
    File::open(path)
}

/// The bytes of the regular file at `path`.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !openable(meta.file_type()) {
        return Err(not_regular());
    }
    let file = File::open(path)?;
    // room for the size just read, and one byte to see the end; read through
    // `take`, as a `File` asks the system for its size again (two calls more
    // for every article of a corpus)
    let size = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(size.saturating_add(1))
        .map_err(|_| io::Error::new(io::ErrorKind::OutOfMemory, "the file is too large to read"))?;
    io::Read::read_to_end(&mut io::Read::take(file, u64::MAX), &mut bytes)?;
    Ok(bytes)
}

/// The text of the regular file at `path` (an `InvalidData` error when it
/// is not UTF-8, as `std::fs::read_to_string` says).
pub fn read_to_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read(path)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Writes `bytes` to a new file at `path`; an error (`AlreadyExists`) when
/// anything is there, which is never replaced.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes `bytes` to `path` atomically: a temporary file of a fresh name
/// in its folder, created exclusively, flushed to disk, then renamed over
/// `path`. An existing `path` that is no regular file (a folder, a FIFO) is
/// not replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return Err(not_regular()),
        _ => {}
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // a folder that is not there is said so plainly (the temporary file's
    // error would name its random path)
    std::fs::metadata(folder)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    // the temporary file is removed if the rename fails
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_never_opened() {
        let dir = tempfile::TempDir::new().unwrap();
        let fifo = dir.path().join("x.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        // would block forever if it were opened
        let e = read_to_string(&fifo).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        assert!(write_atomic(&fifo, b"x").is_err());
    }

    #[test]
    fn writes_replace_a_link_never_its_target() {
        let dir = tempfile::TempDir::new().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let target = dir.path().join("out.yaml");
        std::os::unix::fs::symlink(&victim, dir.path().join(".out.yaml.tmp")).unwrap();
        write_atomic(&target, b"new").unwrap();
        write_atomic(&target, b"newer").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "newer");
        assert!(!std::fs::symlink_metadata(&target).unwrap().is_symlink());
        // no temporary file is left
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 3, "{names:?}");
    }
}
