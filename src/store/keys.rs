//! The public half of the event's signing keys: what goes into the trust
//! list. The secret halves live in the data directory's `keys/` folder and
//! never in the database.

use super::{Db, Row};
use crate::error::Result;
use crate::params;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRecord {
    pub id: i64,
    pub kid: [u8; 8],
    pub public_key: [u8; 32],
    pub not_before: i64,
    pub not_after: i64,
    pub created_at: i64,
    pub retired_at: Option<i64>,
    /// The desk it was enrolled for ('' for the machine that made the event).
    pub desk: String,
}

fn from_row(r: &Row) -> Result<KeyRecord> {
    let kid: Vec<u8> = r.get(1)?;
    let public_key: Vec<u8> = r.get(2)?;
    let bad = |i| rusqlite::Error::InvalidColumnType(i, "key".into(), rusqlite::types::Type::Blob);
    Ok(KeyRecord {
        id: r.get(0)?,
        kid: kid.try_into().map_err(|_| bad(1))?,
        public_key: public_key.try_into().map_err(|_| bad(2))?,
        not_before: r.get(3)?,
        not_after: r.get(4)?,
        created_at: r.get(5)?,
        retired_at: r.get(6)?,
        desk: r.get(7)?,
    })
}

const COLUMNS: &str = "id, kid, public_key, not_before, not_after, created_at, retired_at, desk";

/// Every key ever created, oldest first.
pub fn list(conn: &Db) -> Result<Vec<KeyRecord>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM signing_keys ORDER BY id"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The keys that may sign, newest first (one per desk).
pub fn active(conn: &Db) -> Result<Vec<KeyRecord>> {
    conn.query_map(
        &format!("SELECT {COLUMNS} FROM signing_keys WHERE retired_at IS NULL ORDER BY id DESC"),
        [],
        from_row,
    )
}

/// The newest key not retired.
pub fn current(conn: &Db) -> Result<Option<KeyRecord>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM signing_keys WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1"
    ))?
    .query_opt([], from_row)
}

pub fn insert(conn: &Db, k: &KeyRecord) -> Result<i64> {
    let inserted = conn.insert_returning_id(
        "INSERT INTO signing_keys (kid, public_key, not_before, not_after, created_at, retired_at,
            desk)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        params![
            &k.kid[..],
            &k.public_key[..],
            k.not_before,
            k.not_after,
            k.created_at,
            k.retired_at,
            k.desk
        ],
    )?;
    Ok(inserted)
}

/// Marks every current key as retired from signing (it stays trusted).
pub fn retire_all(conn: &Db, at: i64) -> Result<()> {
    conn.execute(
        "UPDATE signing_keys SET retired_at = ?1 WHERE retired_at IS NULL",
        [at],
    )?;
    Ok(())
}

/// Retires one key from signing (it stays trusted); `false` when it was
/// retired already.
pub fn retire(conn: &Db, id: i64, at: i64) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE signing_keys SET retired_at = ?2 WHERE id = ?1 AND retired_at IS NULL",
        [id, at],
    )? == 1)
}
