use super::parse_column;
use super::{Db, Row};
use crate::domain::{Direction, ParticipantId, Scan, ZoneNumber};
use crate::error::Result;
use crate::params;

const COLUMNS: &str = "id, serial, participant_id, checkpoint_id, zone, direction, verdict, passed,
    at, station, operator, override_reason, override_by, overrides, checkpoint";

fn from_row(r: &Row) -> Result<Scan> {
    Ok(Scan {
        id: r.get(0)?,
        serial: r.get::<Option<i64>>(1)?.map(|s| s as u64),
        participant: r.get(2)?,
        checkpoint: r.get(3)?,
        zone: r.get(4)?,
        direction: parse_column(5, r.get(5)?)?,
        verdict: parse_column(6, r.get(6)?)?,
        passed: r.get(7)?,
        at: r.get(8)?,
        station: r.get(9)?,
        operator: r.get(10)?,
        override_reason: r.get(11)?,
        override_by: r.get(12)?,
        overrides: r.get(13)?,
    })
}

/// Stores a scan once: a scan whose id is already stored is left as it is.
/// Returns whether it was new. `checkpoint_name` is kept beside the id so the
/// record reads the same if the checkpoint is renamed later.
pub fn insert(
    conn: &Db,
    scan: &Scan,
    checkpoint_name: &str,
    imported_at: Option<i64>,
) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO scans (id, serial, participant_id, checkpoint_id, checkpoint, zone,
                direction, verdict, passed, at, station, operator, override_reason, imported_at,
                override_by, overrides)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            scan.id,
            scan.serial.map(|s| s as i64),
            scan.participant,
            scan.checkpoint,
            checkpoint_name,
            scan.zone,
            scan.direction.as_str(),
            scan.verdict.as_str(),
            scan.passed,
            scan.at,
            scan.station,
            scan.operator,
            scan.override_reason,
            imported_at,
            scan.override_by,
            scan.overrides
        ])?;
    Ok(n == 1)
}

/// Holds the holder's passages in `zone` until the transaction ends, so
/// that the same badge presented at two doors at once is decided at one
/// after the other: the second sees the first's entry (PostgreSQL, READ
/// COMMITTED; on SQLite the write transaction already holds every other
/// writer).
pub fn lock_passages(tx: &Db, participant: ParticipantId, zone: ZoneNumber) -> Result<()> {
    if !tx.is_sqlite() {
        tx.execute(
            "SELECT pg_advisory_xact_lock(?1, ?2)",
            params![passages_lock_space(zone), participant],
        )?;
    }
    Ok(())
}

/// PostgreSQL: the first key of the advisory lock on a holder's passages
/// in `zone` (the second is the holder's id). Key space 1000 and up:
/// passages, by zone.
pub(crate) fn passages_lock_space(zone: ZoneNumber) -> i32 {
    1000 + i32::from(zone)
}

/// The holder's last passage into or out of `zone` at or before `at`: whether
/// they are inside, and since when.
pub fn last_passage(
    conn: &Db,
    participant: ParticipantId,
    zone: ZoneNumber,
    at: i64,
) -> Result<Option<(Direction, i64)>> {
    conn.prepare_cached(
        "SELECT direction, at FROM scans
             WHERE participant_id = ?1 AND zone = ?2 AND passed = TRUE AND at <= ?3
             ORDER BY at DESC, rowid DESC LIMIT 1",
    )?
    .query_opt(params![participant, zone, at], |r| {
        Ok((parse_column(0, r.get(0)?)?, r.get(1)?))
    })
}

/// Which scans a listing shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub participant: Option<ParticipantId>,
    pub checkpoint: Option<i64>,
    pub since: Option<i64>,
    pub limit: Option<u32>,
}

/// Scans in time order (newest last).
pub fn list(conn: &Db, f: &Filter) -> Result<Vec<Scan>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM scans
         WHERE (CAST(?1 AS BIGINT) IS NULL OR participant_id = ?1)
           AND (CAST(?2 AS BIGINT) IS NULL OR checkpoint_id = ?2)
           AND (CAST(?3 AS BIGINT) IS NULL OR at >= ?3)
         ORDER BY at, rowid
         LIMIT ?4"
    ))?;
    let rows = stmt
        .query_map(
            params![
                f.participant,
                f.checkpoint,
                f.since,
                // No limit: every row (a NULL or negative LIMIT is an error on PostgreSQL).
                f.limit.map_or(i64::MAX, i64::from)
            ],
            from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

#[cfg(test)]
pub fn count(conn: &Db) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM scans", [], |r| r.get::<i64>(0))? as u64)
}

/// One scan by its id.
pub fn get(conn: &Db, id: &str) -> Result<Option<Scan>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM scans WHERE id = ?1"))?
        .query_opt([id], from_row)
}

/// The override that let the refused scan `id` through, if any.
pub fn override_of(conn: &Db, id: &str) -> Result<Option<Scan>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM scans WHERE overrides = ?1 LIMIT 1"
    ))?
    .query_opt([id], from_row)
}

/// The scans one station recorded last, newest first, for its "recent
/// scans" list (in the order they were recorded, whatever their times).
pub fn recent_at_station(conn: &Db, station: &str, limit: u32) -> Result<Vec<Scan>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM scans WHERE station = ?1 ORDER BY rowid DESC LIMIT ?2"
    ))?;
    let rows = stmt
        .query_map(params![station, limit], from_row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Every scan in the order it was stored, each with the checkpoint's name
/// as it was recorded (for exporting a gate's scans).
pub fn all_with_checkpoint_names(conn: &Db) -> Result<Vec<(Scan, String)>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM scans ORDER BY rowid"))?;
    let rows = stmt
        .query_map([], |r| Ok((from_row(r)?, r.get(14)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
