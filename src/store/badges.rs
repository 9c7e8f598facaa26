use std::collections::HashMap;

use super::{Db, Row, Tx};
use crate::domain::{Badge, BadgeSerial, BadgeStatus, Collection, ParticipantId, ZoneSet};
use crate::error::Result;
use crate::params;

const COLUMNS: &str = "serial, participant_id, credential, zones, not_before, expires, issued_at,
    issued_by, status, revoked_at, revocation_reason, print_count, last_printed_at, collected_at,
    collected_by, id_check";

fn from_row(r: &Row) -> Result<Badge> {
    let status: String = r.get(8)?;
    let collected_at: Option<i64> = r.get(13)?;
    Ok(Badge {
        serial: r.get::<i64>(0)? as u64,
        participant: r.get(1)?,
        credential: r.get(2)?,
        zones: ZoneSet::from_sql(r.get(3)?),
        not_before: r.get(4)?,
        expires: r.get(5)?,
        issued_at: r.get(6)?,
        issued_by: r.get(7)?,
        status: if status == "revoked" {
            BadgeStatus::Revoked
        } else {
            BadgeStatus::Active
        },
        revoked_at: r.get(9)?,
        revocation_reason: r.get(10)?,
        print_count: r.get(11)?,
        last_printed_at: r.get(12)?,
        collected: match collected_at {
            Some(at) => Some(Collection {
                at,
                by: r.get::<Option<String>>(14)?.unwrap_or_default(),
                id_check: r.get(15)?,
            }),
            None => None,
        },
    })
}

/// A new badge, signed: its serial (taken by [`reserve_serials`]) and its
/// credential (which holds the serial) are stored with it, once.
pub struct NewBadge<'a> {
    pub serial: BadgeSerial,
    pub participant: ParticipantId,
    pub credential: &'a str,
    pub key_id: i64,
    pub zones: ZoneSet,
    pub not_before: i64,
    pub expires: i64,
    pub photo_hash: Option<&'a [u8; 32]>,
    pub issued_at: i64,
    pub issued_by: &'a str,
}

/// Takes `n` serials for badges about to be signed, ascending. They are
/// never given again, even if their badges are never stored (a print run
/// cancelled leaves a gap): on PostgreSQL they come from the identity's
/// sequence, which no rollback moves back; on SQLite the AUTOINCREMENT
/// counter is moved past them (the write transaction holds every other
/// writer until it commits).
pub fn reserve_serials(tx: &Tx, n: usize) -> Result<Vec<BadgeSerial>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    if tx.is_sqlite() {
        // AUTOINCREMENT gives one more than the highest serial ever given
        // or stored; so do these.
        let highest: i64 = tx.query_value(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'badges'), 0),
                        coalesce((SELECT max(serial) FROM badges), 0))",
            [],
        )?;
        let top = highest + n as i64;
        let moved = tx.execute(
            "UPDATE sqlite_sequence SET seq = ?1 WHERE name = 'badges'",
            [top],
        )?;
        if moved == 0 {
            tx.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('badges', ?1)",
                [top],
            )?;
        }
        return Ok((highest + 1..=top).map(|s| s as u64).collect());
    }
    let mut serials = tx.query_map(
        "SELECT nextval(pg_get_serial_sequence('badges', 'serial'))
         FROM generate_series(1, CAST(?1 AS BIGINT))",
        [n as i64],
        |r| Ok(r.get::<i64>(0)? as u64),
    )?;
    serials.sort_unstable();
    Ok(serials)
}

/// Stores a badge signed with a serial from [`reserve_serials`]. Once
/// stored, the database refuses to change its credential or contents, and
/// a second active badge for the same participant (unique index).
pub fn insert(conn: &Db, b: &NewBadge) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO badges (serial, participant_id, credential, key_id, zones, not_before,
            expires, photo_hash, issued_at, issued_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        b.serial as i64,
        b.participant,
        b.credential,
        b.key_id,
        b.zones.to_sql(),
        b.not_before,
        b.expires,
        b.photo_hash.map(|h| &h[..]),
        b.issued_at,
        b.issued_by
    ])?;
    Ok(())
}

/// The active badges of these participants (those who have one), by
/// participant: on PostgreSQL in one statement, not one per person.
pub fn active_for_many(
    conn: &Db,
    participants: &[ParticipantId],
) -> Result<HashMap<ParticipantId, Badge>> {
    active_among(conn, participants, "")
}

/// Holds the active badges of these participants until the transaction
/// ends, so that what it read of them stays true until it commits: no
/// other writer revokes, hands over or prints them meanwhile (PostgreSQL,
/// READ COMMITTED: their rows locked in serial order, as an update would;
/// gates go on reading them and recording scans. On SQLite the write
/// transaction already holds every other writer). Gives the badges held,
/// by participant, read with their locks in one statement.
pub fn hold_active(
    tx: &Tx,
    participants: &[ParticipantId],
) -> Result<HashMap<ParticipantId, Badge>> {
    active_among(tx, participants, "FOR NO KEY UPDATE")
}

/// The active badges of these participants, with `lock` on their rows on
/// PostgreSQL (taken in serial order); SQLite answers in-process, one
/// statement per participant.
fn active_among(
    conn: &Db,
    participants: &[ParticipantId],
    lock: &str,
) -> Result<HashMap<ParticipantId, Badge>> {
    if conn.is_sqlite() {
        return super::found_each(participants, |id| active_for(conn, id), |b| b.participant);
    }
    super::keyed_rows(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM badges
             WHERE participant_id = ANY(CAST(string_to_array(?1, ',') AS BIGINT[]))
                 AND status = 'active'
             ORDER BY serial
             {lock}"
        ),
        participants,
        from_row,
        |b| b.participant,
    )
}

pub fn get(conn: &Db, serial: BadgeSerial) -> Result<Option<Badge>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM badges WHERE serial = ?1"))?
        .query_opt([serial as i64], from_row)
}

/// The participant's active badge, if any.
pub fn active_for(conn: &Db, participant: ParticipantId) -> Result<Option<Badge>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM badges WHERE participant_id = ?1 AND status = 'active'"
    ))?
    .query_opt([participant], from_row)
}

/// Every badge the participant ever had, oldest first.
pub fn history(conn: &Db, participant: ParticipantId) -> Result<Vec<Badge>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM badges WHERE participant_id = ?1 ORDER BY serial"
    ))?;
    let rows = stmt
        .query_map([participant], from_row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn list(conn: &Db) -> Result<Vec<Badge>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM badges ORDER BY serial"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Serials of every revoked badge, ascending.
pub fn revoked_serials(conn: &Db) -> Result<Vec<BadgeSerial>> {
    let mut stmt =
        conn.prepare_cached("SELECT serial FROM badges WHERE status = 'revoked' ORDER BY serial")?;
    let rows = stmt
        .query_map([], |r| r.get::<i64>(0).map(|s| s as u64))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn is_revoked(conn: &Db, serial: BadgeSerial) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT status = 'revoked' FROM badges WHERE serial = ?1")?
        .query_opt([serial as i64], |r| r.get::<bool>(0))?
        .unwrap_or(false))
}

pub fn revoke(conn: &Db, serial: BadgeSerial, at: i64, by: &str, reason: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE badges SET status = 'revoked', revoked_at = ?2, revoked_by = ?3,
            revocation_reason = ?4 WHERE serial = ?1 AND status = 'active'",
    )?
    .execute(params![serial as i64, at, by, reason])?;
    Ok(())
}

/// Counts one more print of the badge and records it in its history.
pub fn record_print(conn: &Db, serial: BadgeSerial, at: i64, by: &str, kind: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE badges SET print_count = print_count + 1, last_printed_at = ?2 WHERE serial = ?1",
    )?
    .execute(params![serial as i64, at])?;
    conn.prepare_cached(
        "INSERT INTO badge_prints (serial, printed_at, printed_by, kind) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![serial as i64, at, by, kind])?;
    Ok(())
}

/// [`record_print`] for each of a print run's badges (distinct serials,
/// each with its kind, a word without commas), recorded in this order: on
/// PostgreSQL two statements in all, not two per badge.
pub fn record_prints(tx: &Tx, prints: &[(BadgeSerial, &str)], at: i64, by: &str) -> Result<()> {
    if tx.is_sqlite() || prints.len() < 2 {
        for (serial, kind) in prints {
            record_print(tx, *serial, at, by, kind)?;
        }
        return Ok(());
    }
    let serials: Vec<i64> = prints.iter().map(|(serial, _)| *serial as i64).collect();
    let serials = super::id_list(&serials);
    let kinds = prints
        .iter()
        .map(|(_, kind)| *kind)
        .collect::<Vec<_>>()
        .join(",");
    tx.execute(
        "UPDATE badges SET print_count = print_count + 1, last_printed_at = ?2
         WHERE serial = ANY(CAST(string_to_array(?1, ',') AS BIGINT[]))",
        params![serials.as_str(), at],
    )?;
    tx.execute(
        "INSERT INTO badge_prints (serial, printed_at, printed_by, kind)
         SELECT serial, CAST(?2 AS BIGINT), CAST(?3 AS TEXT), kind
         FROM unnest(CAST(string_to_array(?1, ',') AS BIGINT[]), string_to_array(?4, ','))
             WITH ORDINALITY AS printed(serial, kind, n)
         ORDER BY n",
        params![serials.as_str(), at, by, kinds.as_str()],
    )?;
    Ok(())
}

/// One print of a badge, for the participant's badge history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PrintRecord {
    pub serial: BadgeSerial,
    pub printed_at: i64,
    pub printed_by: String,
    pub kind: String,
}

pub fn prints(conn: &Db, participant: ParticipantId) -> Result<Vec<PrintRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT bp.serial, bp.printed_at, bp.printed_by, bp.kind FROM badge_prints bp
         JOIN badges b ON b.serial = bp.serial WHERE b.participant_id = ?1 ORDER BY bp.id",
    )?;
    let rows = stmt
        .query_map([participant], |r| {
            Ok(PrintRecord {
                serial: r.get::<i64>(0)? as u64,
                printed_at: r.get(1)?,
                printed_by: r.get(2)?,
                kind: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn set_collected(
    conn: &Db,
    serial: BadgeSerial,
    at: i64,
    by: &str,
    id_check: &str,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE badges SET collected_at = ?2, collected_by = ?3, id_check = ?4 WHERE serial = ?1",
    )?
    .execute(params![serial as i64, at, by, id_check])?;
    Ok(())
}
