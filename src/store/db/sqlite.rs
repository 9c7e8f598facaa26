//! The embedded engine: one SQLite file per data directory, WAL, full sync.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::{DbError, Row, RowInner, Value};
use crate::error::{Error, Result};
use crate::store::MIGRATIONS;

pub(super) fn open(path: &Path) -> Result<Connection> {
    if !path.exists() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        // Create the file with owner-only permissions before SQLite writes to it.
        crate::files::create_private_file(path)?;
    }
    let mut conn = Connection::open(path).map_err(DbError::from)?;
    configure(&conn)?;
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

pub(super) fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory().map_err(DbError::from)?;
    configure(&conn)?;
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

/// WAL (readers never block the writer), foreign keys, a busy timeout so a
/// second process waits instead of failing, and full sync so that a scan
/// shown as accepted survives a power cut.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    let set = || -> rusqlite::Result<()> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(Duration::from_secs(10))
    };
    Ok(set().map_err(DbError::from)?)
}

fn bind(values: &[Value]) -> Vec<rusqlite::types::Value> {
    values
        .iter()
        .map(|v| match v {
            Value::Null => rusqlite::types::Value::Null,
            Value::Int(i) => rusqlite::types::Value::Integer(*i),
            Value::Real(r) => rusqlite::types::Value::Real(*r),
            Value::Bool(b) => rusqlite::types::Value::Integer(i64::from(*b)),
            Value::Text(t) => rusqlite::types::Value::Text(t.clone()),
            Value::Blob(b) => rusqlite::types::Value::Blob(b.clone()),
        })
        .collect()
}

pub(super) fn execute(conn: &Connection, sql: &str, params: &[Value]) -> Result<usize> {
    let mut stmt = conn.prepare_cached(sql).map_err(DbError::from)?;
    Ok(stmt
        .execute(rusqlite::params_from_iter(bind(params)))
        .map_err(DbError::from)?)
}

pub(super) fn query_each(
    conn: &Connection,
    sql: &str,
    params: &[Value],
    mut f: impl FnMut(&Row) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql).map_err(DbError::from)?;
    let mut rows = stmt
        .query(rusqlite::params_from_iter(bind(params)))
        .map_err(DbError::from)?;
    while let Some(row) = rows.next().map_err(DbError::from)? {
        f(&Row {
            inner: RowInner::Sqlite(row),
        })?;
    }
    Ok(())
}

pub(super) fn value(row: &rusqlite::Row, idx: usize) -> Result<Value> {
    Ok(match row.get_ref(idx).map_err(DbError::from)? {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(
            String::from_utf8(t.to_vec())
                .map_err(|_| super::column_error(idx, "text that is not UTF-8"))?,
        ),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    })
}

pub(super) fn schema_version(conn: &Connection) -> Result<usize> {
    use rusqlite_migration::SchemaVersion;
    match MIGRATIONS.current_version(conn)? {
        SchemaVersion::Inside(v) => Ok(v.get()),
        SchemaVersion::NoneSet => Err(Error::Refused(
            "the database has no Accredit schema version: it is not an Accredit store".into(),
        )),
        SchemaVersion::Outside(v) => Err(Error::Refused(format!(
            "the database has schema version {v}, newer than this program knows: use a newer Accredit"
        ))),
    }
}
