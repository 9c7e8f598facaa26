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
pub mod root;
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
/// when the other committed in between. Work that only reads uses
/// [`read`] instead.
fn write_transactions_wait(conn: &mut Connection) {
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
}

/// A read transaction: its reads see one snapshot of the store, and it
/// never takes the write lock (DEFERRED, and nothing in it writes), so with
/// WAL the gates and desks go on committing while it reads. Every piece of
/// read-only work that reads more than once (figures, listings, exports)
/// opens its reads with this; writing inside it is a bug (it would fail
/// with "database is locked" whenever another writer came first).
pub fn read(conn: &Connection) -> Result<rusqlite::Transaction<'_>> {
    Ok(rusqlite::Transaction::new_unchecked(
        conn,
        rusqlite::TransactionBehavior::Deferred,
    )?)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Two connections to one store on disk, as two programs would have.
    fn two_connections() -> (tempfile::TempDir, Connection, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite");
        let reader = open(&path).unwrap();
        let writer = open(&path).unwrap();
        // The writer must not wait at all: a lock held by the reader fails it.
        writer.busy_timeout(Duration::ZERO).unwrap();
        (dir, reader, writer)
    }

    fn write_one(conn: &mut Connection) -> rusqlite::Result<()> {
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO backup_settings (id, enabled, every_minutes, keep) VALUES (1, 0, 60, 10)
             ON CONFLICT (id) DO UPDATE SET enabled = 1 - enabled",
            [],
        )?;
        tx.commit()
    }

    #[test]
    fn a_read_transaction_never_blocks_a_writer() {
        let (_dir, reader, mut writer) = two_connections();
        let tx = read(&reader).unwrap();
        let before: i64 = tx
            .query_row("SELECT count(*) FROM backup_settings", [], |r| r.get(0))
            .unwrap();
        // The writer commits while the read transaction is open…
        write_one(&mut writer).unwrap();
        // …and the reader still sees its own snapshot.
        let during: i64 = tx
            .query_row("SELECT count(*) FROM backup_settings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(before, during);
        tx.finish().unwrap();
    }

    #[test]
    fn a_default_transaction_takes_the_write_lock() {
        // What reads must not use: the writer fails at once (no busy wait).
        let (_dir, mut reader, mut writer) = two_connections();
        let tx = reader.transaction().unwrap();
        let _: i64 = tx
            .query_row("SELECT count(*) FROM backup_settings", [], |r| r.get(0))
            .unwrap();
        assert!(write_one(&mut writer).is_err());
        drop(tx);
        write_one(&mut writer).unwrap();
    }
}
