//! The SQLite store: one module per aggregate, plain functions over a
//! `Connection` (reads, single-row writes) or a `Transaction` (writes that span
//! rows, so that they are all-or-nothing by their type).

pub mod attendance;
pub mod audit;
pub mod backup_settings;
pub mod badges;
pub mod categories;
pub mod checkpoints;
pub mod delegations;
pub mod event;
pub mod gate;
pub mod keys;
pub mod letters;
pub mod liaison;
pub mod operators;
pub mod participants;
pub mod photos;
pub mod revocations;
pub mod scans;
mod schema;
pub mod sessions;
pub mod usage;
pub mod vetting;
pub mod zones;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

pub use schema::MIGRATIONS;

use crate::error::{Error, Result};

/// Opens (creating if needed) the store at `path`, configures it and brings
/// its schema up to date. The file is readable by its owner only.
pub fn open(path: &Path) -> Result<Connection> {
    let existed = path.exists();
    if !existed {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        // Create the file with owner-only permissions before SQLite writes to it.
        create_private_file(path)?;
    }
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    write_transactions_wait(&mut conn);
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

/// Transactions take the write lock when they begin (IMMEDIATE), so that two
/// programs writing at once (the GUI and a CLI, a gate and the desk) wait
/// for each other through the busy timeout. A deferred transaction that read
/// first would instead fail at its first write with "database is locked"
/// when the other committed in between.
fn write_transactions_wait(conn: &mut Connection) {
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
}

/// An in-memory store with the current schema, for tests and scratch work.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    write_transactions_wait(&mut conn);
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

/// WAL (readers never block the writer), foreign keys, a busy timeout so a
/// second process waits instead of failing, and full sync so that a scan
/// shown as accepted survives a power cut.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(Duration::from_secs(10))?;
    Ok(())
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map(|_| ())
        .map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn create_private_file(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map(|_| ())
        .map_err(|e| Error::io(path, e))
}

/// Reads a date stored as ISO text.
pub(crate) fn date_from_sql(text: Option<String>) -> Option<jiff::civil::Date> {
    text.and_then(|t| t.parse().ok())
}

/// Parses an enum column; a value the code does not know is a corrupt store.
pub(crate) fn parse_column<T: std::str::FromStr<Err = String>>(
    idx: usize,
    text: String,
) -> rusqlite::Result<T> {
    text.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            Box::<dyn std::error::Error + Send + Sync>::from(e),
        )
    })
}

/// Whether an error is SQLite refusing a UNIQUE constraint.
pub(crate) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}
