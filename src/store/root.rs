//! The event root's public half, its signed trust lists, and the gate
//! stations the event enrolled. Secrets are never here.

use super::{Db, Row};
use crate::error::Result;
use crate::params;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootRecord {
    pub kid: [u8; 8],
    pub public_key: [u8; 32],
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StationRecord {
    pub id: i64,
    pub name: String,
    pub kid: [u8; 8],
    pub public_key: [u8; 32],
    pub enrolled_at: i64,
    pub enrolled_by: String,
}

fn fixed<const N: usize>(i: usize, v: Vec<u8>) -> Result<[u8; N]> {
    let len = v.len();
    v.try_into()
        .map_err(|_| super::db::column_error(i, format!("a key of {len} bytes, not {N}")))
}

pub fn get(conn: &Db) -> Result<Option<RootRecord>> {
    conn.query_opt(
        "SELECT kid, public_key, created_at FROM root_key WHERE id = 1",
        [],
        |r| {
            Ok(RootRecord {
                kid: fixed(0, r.get(0)?)?,
                public_key: fixed(1, r.get(1)?)?,
                created_at: r.get(2)?,
            })
        },
    )
}

pub fn insert(conn: &Db, root: &RootRecord) -> Result<()> {
    conn.execute(
        "INSERT INTO root_key (id, kid, public_key, created_at) VALUES (1, ?1, ?2, ?3)",
        params![&root.kid[..], &root.public_key[..], root.created_at],
    )?;
    Ok(())
}

/// The sequence the next signed trust list gets.
pub fn next_trust_list_sequence(conn: &Db) -> Result<u64> {
    let last: Option<i64> =
        conn.query_row("SELECT max(sequence) FROM signed_trust_lists", [], |r| {
            r.get(0)
        })?;
    Ok(last.map(|s| s as u64 + 1).unwrap_or(1))
}

/// The newest signed trust list the store keeps, if any: what a desk
/// without the root key puts in the packages it publishes.
pub fn latest_trust_list(conn: &Db) -> Result<Option<Vec<u8>>> {
    conn.query_opt(
        "SELECT signed FROM signed_trust_lists ORDER BY sequence DESC LIMIT 1",
        [],
        |r| r.get(0),
    )
}

pub fn insert_trust_list(conn: &Db, sequence: u64, issued_at: i64, signed: &[u8]) -> Result<()> {
    conn.execute(
        "INSERT INTO signed_trust_lists (sequence, issued_at, signed) VALUES (?1, ?2, ?3)",
        params![sequence as i64, issued_at, signed],
    )?;
    Ok(())
}

const STATION_COLUMNS: &str = "id, name, kid, public_key, enrolled_at, enrolled_by";

fn station_row(r: &Row) -> Result<StationRecord> {
    Ok(StationRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        kid: fixed(2, r.get(2)?)?,
        public_key: fixed(3, r.get(3)?)?,
        enrolled_at: r.get(4)?,
        enrolled_by: r.get(5)?,
    })
}

pub fn stations(conn: &Db) -> Result<Vec<StationRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {STATION_COLUMNS} FROM gate_stations ORDER BY name"
    ))?;
    let rows = stmt.query_map([], station_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn station_by_kid(conn: &Db, kid: &[u8; 8]) -> Result<Option<StationRecord>> {
    conn.query_opt(
        &format!("SELECT {STATION_COLUMNS} FROM gate_stations WHERE kid = ?1"),
        [&kid[..]],
        station_row,
    )
}

pub fn station_by_name(conn: &Db, name: &str) -> Result<Option<StationRecord>> {
    conn.query_opt(
        &format!("SELECT {STATION_COLUMNS} FROM gate_stations WHERE name = ?1"),
        [name],
        station_row,
    )
}

pub fn insert_station(conn: &Db, s: &StationRecord) -> Result<i64> {
    let inserted = conn.insert_returning_id(
        "INSERT INTO gate_stations (name, kid, public_key, enrolled_at, enrolled_by)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![
            s.name,
            &s.kid[..],
            &s.public_key[..],
            s.enrolled_at,
            s.enrolled_by
        ],
    )?;
    Ok(inserted)
}

pub fn delete_station(conn: &Db, name: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM gate_stations WHERE name = ?1", [name])? == 1)
}

/// Marks an imported scan with the station whose signed file brought it.
pub fn set_scan_station(conn: &Db, scan: &str, kid: &[u8; 8]) -> Result<()> {
    conn.prepare_cached("UPDATE scans SET station_kid = ?2 WHERE id = ?1")?
        .execute(params![scan, &kid[..]])?;
    Ok(())
}
