use super::Db;
use crate::error::Result;
use crate::params;

/// A signed revocation list as issued to gates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRevocationList {
    pub sequence: u64,
    pub issued_at: i64,
    pub signed: Vec<u8>,
}

pub fn latest(conn: &Db) -> Result<Option<StoredRevocationList>> {
    conn.prepare_cached(
        "SELECT sequence, issued_at, signed FROM revocation_lists ORDER BY sequence DESC LIMIT 1",
    )?
    .query_opt([], |r| {
        Ok(StoredRevocationList {
            sequence: r.get::<i64>(0)? as u64,
            issued_at: r.get(1)?,
            signed: r.get(2)?,
        })
    })
}

pub fn insert(conn: &Db, list: &StoredRevocationList) -> Result<()> {
    conn.execute(
        "INSERT INTO revocation_lists (sequence, issued_at, signed) VALUES (?1, ?2, ?3)",
        params![list.sequence as i64, list.issued_at, list.signed],
    )?;
    Ok(())
}
