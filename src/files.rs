//! Writing files so that nothing half-written is ever left under the real name.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` whole: first to a temporary file beside it,
/// flushed to disk, then renamed over `path`. On a full disk or any other
/// failure the temporary file is removed and `path` keeps what it held.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_staged(path, bytes)?.publish()
}

/// A file written whole and flushed under a temporary name beside its real
/// one, waiting for [`StagedFile::publish`]; dropped unpublished, it is
/// removed. Lets a caller commit its transaction between the two, so a crash
/// never leaves a file whose records were not committed (e.g. badges printed
/// with serials the store does not know).
#[must_use = "a staged file is removed unless published"]
pub struct StagedFile {
    tmp: PathBuf,
    path: PathBuf,
}

impl StagedFile {
    /// Renames the file to its real name.
    pub fn publish(mut self) -> Result<()> {
        let tmp = std::mem::take(&mut self.tmp);
        std::fs::rename(&tmp, &self.path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(&self.path, e)
        })
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if !self.tmp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, flushed to disk; see
/// [`StagedFile`].
pub fn write_staged(path: &Path, bytes: &[u8]) -> Result<StagedFile> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let tmp: PathBuf = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(StagedFile {
        tmp,
        path: path.to_path_buf(),
    })
}

/// Creates an empty file only its owner may read (0600 on Unix), failing if
/// it exists: backups, gate packages and the scans beside them name people
/// and carry password hashes.
pub fn create_private_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map(|_| ())
        .map_err(|e| Error::io(path, e))
}
