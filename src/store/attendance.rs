//! The compact reads attendance figures are made of: a few integers per
//! participant, per badge and per passage, read in bulk. Nothing here is
//! shown to anyone as it is; `crate::attendance` turns it into figures.

use super::{Db, Row};
use crate::domain::{DelegationId, ParticipantId, ParticipantStatus, SessionId, ZoneNumber};
use crate::error::Result;
use crate::params;

/// What the figures need of a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParticipantFact {
    pub id: ParticipantId,
    pub delegation: DelegationId,
    pub category: i64,
    pub status: ParticipantStatus,
}

/// Every participant (of one delegation, when given), by id.
pub fn participants(conn: &Db, delegation: Option<DelegationId>) -> Result<Vec<ParticipantFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, delegation_id, category_id, status FROM participants
         WHERE CAST(?1 AS BIGINT) IS NULL OR delegation_id = ?1 ORDER BY id",
    )?;
    let mut out = Vec::new();
    stmt.query_each([delegation], |r| {
        let status = match r.get::<String>(3)?.as_str() {
            "approved" => ParticipantStatus::Approved,
            "rejected" => ParticipantStatus::Rejected,
            "cancelled" => ParticipantStatus::Cancelled,
            _ => ParticipantStatus::Nominated,
        };
        out.push(ParticipantFact {
            id: r.get(0)?,
            delegation: r.get(1)?,
            category: r.get(2)?,
            status,
        });
        Ok(())
    })?;
    Ok(out)
}

/// Whether a participant ever had a badge printed, and ever collected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadgeFact {
    pub participant: ParticipantId,
    pub printed: bool,
    pub collected: bool,
}

/// One entry per participant who was ever issued a badge, by participant.
pub fn badges(conn: &Db) -> Result<Vec<BadgeFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT participant_id, max(CASE WHEN print_count > 0 THEN 1 ELSE 0 END),
            max(CASE WHEN collected_at IS NOT NULL THEN 1 ELSE 0 END)
         FROM badges GROUP BY participant_id ORDER BY participant_id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(BadgeFact {
                participant: r.get(0)?,
                printed: r.get(1)?,
                collected: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A holder going through a checkpoint (an accepted or overridden scan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub participant: ParticipantId,
    pub zone: ZoneNumber,
    pub at: i64,
    /// The scan's row number: among passages of the same second, the later row
    /// was recorded last.
    pub row: i64,
    pub entry: bool,
}

/// Calls `f` with every passage of a known holder at or before `until`,
/// grouped by participant then zone (in that order), reading the covering
/// index `scans_by_holder` only.
pub fn for_each_passage(conn: &Db, until: i64, mut f: impl FnMut(Passage)) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT participant_id, zone, at, rowid, direction = 'entry' FROM scans
         WHERE passed = TRUE AND participant_id IS NOT NULL AND at <= ?1
         ORDER BY participant_id, zone",
    )?;
    stmt.query_each([until], |r| {
        f(Passage {
            participant: r.get(0)?,
            zone: r.get(1)?,
            at: r.get(2)?,
            row: r.get(3)?,
            entry: r.get(4)?,
        });
        Ok(())
    })
}

/// Every invitation, in no particular order: a session and who is invited.
/// (Sorting them, as the programme's own listing does, costs more than the
/// figures need: they are looked up by position.)
pub fn invitations(conn: &Db) -> Result<Vec<(SessionId, crate::domain::Invitee)>> {
    let mut stmt = conn
        .prepare_cached("SELECT session_id, delegation_id, participant_id FROM session_invitees")?;
    let mut out = Vec::new();
    stmt.query_each([], |r| {
        let invitee = match (r.get::<Option<i64>>(1)?, r.get::<Option<i64>>(2)?) {
            (Some(d), _) => crate::domain::Invitee::Delegation(d),
            (None, Some(p)) => crate::domain::Invitee::Participant(p),
            (None, None) => return Ok(()),
        };
        out.push((r.get(0)?, invitee));
        Ok(())
    })?;
    Ok(out)
}

/// Explicit check-ins at sessions, at or before `until`: (session, participant).
pub fn checkins(conn: &Db, until: i64) -> Result<Vec<(SessionId, ParticipantId)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT session_id, participant_id FROM session_checkins WHERE at <= ?1
         ORDER BY session_id, participant_id",
    )?;
    let rows = stmt
        .query_map([until], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Changes whenever anything the figures depend on changes: a scan recorded
/// or imported, a session check-in, or any audited change (status, printing,
/// hand-over, edits). Three index look-ups; cheap enough to poll every few
/// seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint {
    pub last_scan: i64,
    pub last_checkin: i64,
    pub last_audit: i64,
}

pub fn fingerprint(conn: &Db) -> Result<Fingerprint> {
    conn.query_row(
        "SELECT (SELECT coalesce(max(rowid), 0) FROM scans),
                (SELECT coalesce(max(rowid), 0) FROM session_checkins),
                (SELECT coalesce(max(id), 0) FROM audit_log)",
        [],
        |r| {
            Ok(Fingerprint {
                last_scan: r.get(0)?,
                last_checkin: r.get(1)?,
                last_audit: r.get(2)?,
            })
        },
    )
}

/// What a list of people shows of each: id, names, badge name, and the serial
/// of the active badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameFact {
    pub id: ParticipantId,
    pub given_names: String,
    pub family_name: String,
    pub badge_name: String,
    pub serial: Option<u64>,
}

/// The names of `ids` (ascending), in that order; unknown ids are left out.
/// A few ids are looked up one by one, many are picked out of one pass over
/// the table.
pub fn names(conn: &Db, ids: &[ParticipantId]) -> Result<Vec<NameFact>> {
    const SELECT: &str = "SELECT p.id, p.given_names, p.family_name, p.badge_name, b.serial
         FROM participants p
         LEFT JOIN badges b ON b.participant_id = p.id AND b.status = 'active'";
    let from_row = |r: &Row| -> Result<NameFact> {
        Ok(NameFact {
            id: r.get(0)?,
            given_names: r.get(1)?,
            family_name: r.get(2)?,
            badge_name: r.get(3)?,
            serial: r.get::<Option<i64>>(4)?.map(|s| s as u64),
        })
    };
    let mut out = Vec::with_capacity(ids.len());
    if ids.len() <= 2_000 {
        let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?;
        for id in ids {
            if let Some(name) = stmt.query_opt([id], from_row)? {
                out.push(name);
            }
        }
        return Ok(out);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE p.id BETWEEN ?1 AND ?2 ORDER BY p.id"
    ))?;
    let (first, last) = (ids[0], ids[ids.len() - 1]);
    let mut wanted = ids.iter().peekable();
    stmt.query_each([first, last], |r| {
        let id: ParticipantId = r.get(0)?;
        while wanted.next_if(|&&w| w < id).is_some() {}
        if wanted.next_if(|&&w| w == id).is_some() {
            out.push(from_row(r)?);
        }
        Ok(())
    })?;
    Ok(out)
}

/// Records that a participant was checked in at a session (once: a second
/// check-in of the same person changes nothing). Returns whether it was new.
pub fn insert_checkin(
    conn: &Db,
    session: SessionId,
    participant: ParticipantId,
    at: i64,
    operator: &str,
) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO session_checkins (session_id, participant_id, at, operator)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        )?
        .execute(params![session, participant, at, operator])?;
    Ok(n == 1)
}
