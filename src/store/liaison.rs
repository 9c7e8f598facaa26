//! Badges collected by a delegation's liaison officer: one row per
//! collection, and which badges it took.

use super::Db;
use crate::params;

use crate::domain::{BadgeSerial, DelegationId};
use crate::error::Result;

pub fn insert_collection(
    conn: &Db,
    delegation: DelegationId,
    collected_by: &str,
    id_check: &str,
    at: i64,
    clerk: &str,
) -> Result<i64> {
    let inserted = conn.insert_returning_id(
        "INSERT INTO liaison_collections (delegation_id, collected_by, id_check, at, clerk)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![delegation, collected_by, id_check, at, clerk],
    )?;
    Ok(inserted)
}

pub fn add_badge(conn: &Db, collection: i64, serial: BadgeSerial) -> Result<()> {
    conn.prepare_cached("INSERT INTO liaison_badges (serial, collection_id) VALUES (?1, ?2)")?
        .execute(params![serial as i64, collection])?;
    Ok(())
}
