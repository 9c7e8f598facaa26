//! What the CLI prints: JSON for programs (`--json`: one array of objects on
//! stdout and nothing else), aligned tables for people.

use std::io::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use accredit::{Error, Result};

pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, value).map_err(|e| match e.io_error_kind() {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Some(kind) => Error::io("stdout", std::io::Error::from(kind)),
        None => Error::Other(format!("could not write JSON: {e}")),
    })?;
    writeln!(out).map_err(|e| Error::io("stdout", e))
}

/// Prints rows under a header, each column as wide as its widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.width());
            }
        }
    }
    let mut out = std::io::stdout().lock();
    let line = |out: &mut std::io::StdoutLock, cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            if i + 1 < widths.len() {
                text.push_str(&" ".repeat(widths[i].saturating_sub(cell.width())));
            }
        }
        writeln!(out, "{}", text.trim_end()).map_err(|e| Error::io("stdout", e))
    };
    line(&mut out, &mut header.iter().copied())?;
    for row in rows {
        line(&mut out, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

/// A message for people, on stdout (`--json` output never goes through here).
pub fn say(text: impl std::fmt::Display) -> Result<()> {
    writeln!(std::io::stdout().lock(), "{text}").map_err(|e| Error::io("stdout", e))
}
