//! The desktop around the window: where badge PDFs are written, opening one
//! in the system's viewer, sending one to a printer with CUPS `lp`. Called
//! from worker jobs only: each may wait on another program or the disk.

use std::path::{Path, PathBuf};
use std::process::Command;

use accredit::workspace::{Workspace, create_private_dir};
use accredit::{Error, Result};

/// The folder of the badge PDFs: inside the data directory, so that these
/// files with names, photos and credentials stay as private as the store.
pub fn prints_dir(ws: &Workspace) -> PathBuf {
    ws.data_dir().join("prints")
}

/// A new file name for a print job, `prints/<date>-<time>-<label>.pdf`, that
/// no earlier job used (the clock may be fixed with `ACCREDIT_NOW`).
pub fn new_print_path(
    ws: &Workspace,
    time_zone: &jiff::tz::TimeZone,
    label: &str,
) -> Result<PathBuf> {
    let dir = prints_dir(ws);
    create_private_dir(&dir)?;
    let stamp = jiff::Timestamp::from_second(accredit::clock::now())
        .map(|t| {
            t.to_zoned_datetime(time_zone.clone())
                .strftime("%Y%m%d-%H%M%S")
                .to_string()
        })
        .unwrap_or_else(|_| "badges".into());
    let label: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    for n in 1.. {
        let name = match n {
            1 => format!("{stamp}-{label}.pdf"),
            n => format!("{stamp}-{label}-{n}.pdf"),
        };
        let path = dir.join(name);
        if !path.exists() {
            return Ok(path);
        }
    }
    unreachable!("an unused file name exists")
}

/// Opens `path` in the program the desktop uses for it.
pub fn open_in_viewer(path: &Path) -> Result<()> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]).arg(path);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg(path);
        c
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(path);
        c
    };
    let program = command.get_program().to_string_lossy().into_owned();
    let file = path.display().to_string();
    let output = command.output().map_err(|e| {
        Error::Other(if e.kind() == std::io::ErrorKind::NotFound {
            accredit::t!("common-viewer-missing", program = &program, path = &file)
        } else {
            accredit::t!(
                "common-viewer-not-started",
                program = &program,
                error = e.to_string(),
                path = &file
            )
        })
    })?;
    if output.status.success() {
        return Ok(());
    }
    let status = output.status.to_string();
    Err(Error::Other(match stderr_line(&output.stderr) {
        Some(said) => accredit::t!(
            "common-viewer-refused-said",
            program = &program,
            path = &file,
            status = status,
            output = said
        ),
        None => accredit::t!(
            "common-viewer-refused",
            program = &program,
            path = &file,
            status = status
        ),
    }))
}

/// Whether CUPS's `lp` is installed (the "send to printer" button shows only then).
pub fn printer_available() -> bool {
    cfg!(unix)
        && std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("lp").is_file()))
}

/// Sends `path` to the default printer with `lp`; returns what `lp` said
/// (the request id).
pub fn send_to_printer(path: &Path) -> Result<String> {
    let file = path.display().to_string();
    let output = Command::new("lp")
        .arg("--")
        .arg(path)
        .output()
        .map_err(|e| {
            Error::Other(accredit::t!(
                "common-printer-not-started",
                error = e.to_string(),
                path = &file
            ))
        })?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).trim().to_string());
    }
    let status = output.status.to_string();
    Err(Error::Other(match stderr_line(&output.stderr) {
        Some(said) => accredit::t!(
            "common-printer-refused-said",
            path = &file,
            status = status,
            output = said
        ),
        None => accredit::t!("common-printer-refused", path = &file, status = status),
    }))
}

/// The first line a program wrote to its error output, if any.
fn stderr_line(stderr: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(stderr);
    text.lines()
        .find(|l| !l.trim().is_empty())
        .map(|line| line.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_paths_are_new_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        let tz = jiff::tz::TimeZone::UTC;
        let a = new_print_path(&ws, &tz, "VNM / all").unwrap();
        std::fs::write(&a, b"x").unwrap();
        let b = new_print_path(&ws, &tz, "VNM / all").unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with(prints_dir(&ws)));
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.ends_with("-VNM___all.pdf"), "{name}");
    }
}
