//! The store: one module per aggregate, plain functions over a [`Db`]
//! (reads, single-row writes) or a [`Tx`] (writes that span rows, so that
//! they are all-or-nothing by their type). `db/` is the one place that
//! knows the engine.

pub mod attendance;
pub mod audit;
pub mod backup_settings;
pub mod badges;
pub mod categories;
pub mod checkpoints;
pub mod copy;
pub mod delegations;
pub mod documents;
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
pub(crate) mod schema;
pub mod sessions;
pub mod usage;
pub mod vetting;
pub mod zones;

mod db;

use std::path::Path;

pub use db::snapshot;
pub use db::{
    Db, DbError, DbErrorKind, FromValue, Param, Params, Row, ServerState, ServerUrl, Tls, Tx,
    Value, pgpass_lookup,
};
pub use schema::LATEST as LATEST_SCHEMA;
pub use schema::MIGRATIONS;

use crate::error::Result;
use crate::params;

/// Opens (creating if needed) the SQLite store at `path`, configures it and
/// brings its schema up to date. The file is readable by its owner only.
pub fn open(path: &Path) -> Result<Db> {
    Db::open_sqlite(path)
}

/// A read transaction on `db` (see [`Db::read`]): every piece of read-only
/// work that reads more than once (figures, listings, exports) opens its
/// reads with this.
pub fn read(db: &Db) -> Result<Tx<'_>> {
    db.read()
}

/// An in-memory store with the current schema, for tests and scratch work.
pub fn open_in_memory() -> Result<Db> {
    Db::open_in_memory()
}

/// WAL, foreign keys, a busy timeout and full sync, for SQLite files that
/// are not the store (a gate's scans file).
pub fn configure_sqlite(conn: &rusqlite::Connection) -> Result<()> {
    db::configure_sqlite(conn)
}

/// What a writer holds while it reads "the highest so far" and writes the
/// next one, so that two desks never take the same number.
#[derive(Debug, Clone, Copy)]
pub enum Sequence {
    RevocationLists = 1,
    TrustLists = 2,
}

/// Holds `sequence` until the transaction ends (PostgreSQL; on SQLite the
/// write transaction already holds every other writer).
pub fn lock_sequence(tx: &Tx, sequence: Sequence) -> Result<()> {
    if !tx.is_sqlite() {
        // Key space 2: the store's sequences.
        tx.execute(
            "SELECT pg_advisory_xact_lock(?1, ?2)",
            params![2_i32, sequence as i32],
        )?;
    }
    Ok(())
}

/// Ids as one text parameter, `1,2,3`, for PostgreSQL's
/// `= ANY(CAST(string_to_array(?1, ',') AS BIGINT[]))`: one statement for
/// a whole list.
pub(crate) fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// PostgreSQL: the rows `select` gives for these ids (`?1`, as
/// [`id_list`]) in one statement, each under its key.
pub(crate) fn keyed_rows<K: std::hash::Hash + Eq, T>(
    conn: &Db,
    select: &str,
    ids: &[i64],
    from_row: impl Fn(&Row) -> Result<T>,
    key: impl Fn(&T) -> K,
) -> Result<std::collections::HashMap<K, T>> {
    let mut found = std::collections::HashMap::with_capacity(ids.len());
    if ids.is_empty() {
        return Ok(found);
    }
    conn.query_each(select, [id_list(ids)], |r| {
        let row = from_row(r)?;
        found.insert(key(&row), row);
        Ok(())
    })?;
    Ok(found)
}

/// SQLite: the rows `find` gives for these ids, one statement each (the
/// engine answers in-process, so a round trip costs nothing), each under
/// its key; an id with no row is absent. [`keyed_rows`] is PostgreSQL's.
pub(crate) fn found_each<I: Copy, K: std::hash::Hash + Eq, T>(
    ids: &[I],
    find: impl Fn(I) -> Result<Option<T>>,
    key: impl Fn(&T) -> K,
) -> Result<std::collections::HashMap<K, T>> {
    let mut found = std::collections::HashMap::with_capacity(ids.len());
    for id in ids {
        if let Some(row) = find(*id)? {
            found.insert(key(&row), row);
        }
    }
    Ok(found)
}

/// Reads a date stored as ISO text.
pub(crate) fn date_from_sql(text: Option<String>) -> Option<jiff::civil::Date> {
    text.and_then(|t| t.parse().ok())
}

/// Parses an enum column; a value the code does not know is a corrupt store.
pub(crate) fn parse_column<T: std::str::FromStr<Err = String>>(
    idx: usize,
    text: String,
) -> Result<T> {
    text.parse().map_err(|e: String| db::column_error(idx, e))
}

#[cfg(test)]
mod gate_tests;
#[cfg(test)]
mod roundtrip_tests;
#[cfg(test)]
mod upgrade_tests;

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// Two connections to one store on disk, as two programs would have.
    fn two_connections() -> (tempfile::TempDir, Db, Db) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite");
        let reader = open(&path).unwrap();
        let writer = open(&path).unwrap();
        // The writer must not wait at all: a lock held by the reader fails it.
        writer
            .sqlite()
            .unwrap()
            .busy_timeout(Duration::ZERO)
            .unwrap();
        (dir, reader, writer)
    }

    fn write_one(db: &mut Db) -> Result<()> {
        let tx = db.transaction()?;
        tx.execute(
            "INSERT INTO backup_settings (id, enabled, every_minutes, keep) VALUES (1, 0, 60, 10)
             ON CONFLICT (id) DO UPDATE SET enabled = NOT backup_settings.enabled",
            [],
        )?;
        tx.commit()
    }

    fn count(db: &Db) -> i64 {
        db.query_value("SELECT count(*) FROM backup_settings", [])
            .unwrap()
    }

    #[test]
    fn a_read_transaction_never_blocks_a_writer() {
        let (_dir, reader, mut writer) = two_connections();
        let tx = read(&reader).unwrap();
        let before = count(&tx);
        // The writer commits while the read transaction is open…
        write_one(&mut writer).unwrap();
        // …and the reader still sees its own snapshot.
        assert_eq!(before, count(&tx));
        tx.commit().unwrap();
    }

    #[test]
    fn a_write_transaction_takes_the_write_lock() {
        // What reads must not use: the writer fails at once (no busy wait).
        let (_dir, mut reader, mut writer) = two_connections();
        let tx = reader.transaction().unwrap();
        count(&tx);
        let refused = write_one(&mut writer).unwrap_err();
        assert!(
            matches!(&refused, crate::Error::Store(e) if e.kind == DbErrorKind::Contended),
            "{refused}"
        );
        drop(tx);
        write_one(&mut writer).unwrap();
    }

    #[test]
    fn one_transaction_at_a_time_on_a_connection() {
        let db = open_in_memory().unwrap();
        let tx = read(&db).unwrap();
        let second = read(&tx).unwrap_err();
        assert!(second.to_string().contains("already open"), "{second}");
    }
}
