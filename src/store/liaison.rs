//! Badges collected by a delegation's liaison officer: one row per
//! collection, and which badges it took.

use super::Db;
use crate::params;
use serde::Serialize;

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

/// Who collected a badge for its delegation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collector {
    pub collection: i64,
    pub collected_by: String,
    pub id_check: String,
    pub at: i64,
    pub clerk: String,
}

pub fn collector_of(conn: &Db, serial: BadgeSerial) -> Result<Option<Collector>> {
    conn.prepare_cached(
        "SELECT c.id, c.collected_by, c.id_check, c.at, c.clerk
             FROM liaison_badges b JOIN liaison_collections c ON c.id = b.collection_id
             WHERE b.serial = ?1",
    )?
    .query_opt([serial as i64], |r| {
        Ok(Collector {
            collection: r.get(0)?,
            collected_by: r.get(1)?,
            id_check: r.get(2)?,
            at: r.get(3)?,
            clerk: r.get(4)?,
        })
    })
}
