//! What gates read from the main store: badge holders as the gate screen
//! shows them, and what a gate package carries.

use super::{Db, Row};
use crate::domain::{BadgeSerial, ParticipantDetails, ParticipantId, Role, ZoneNumber};
use crate::error::Result;
use crate::params;

/// A badge's holder, for the gate screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolderRow {
    pub participant: ParticipantId,
    pub serial: BadgeSerial,
    /// The name as printed.
    pub name: String,
    pub delegation: String,
    pub delegation_name: String,
    /// The photo printed on the badge, or the participant's if that one is
    /// gone: its hash and, when asked for, its JPEG.
    pub photo_hash: Option<Vec<u8>>,
    pub photo: Option<Vec<u8>>,
}

fn printed_name(given_names: String, family_name: String, badge_name: String) -> String {
    ParticipantDetails {
        given_names,
        family_name,
        badge_name,
        ..Default::default()
    }
    .display_name()
}

const HOLDER_SELECT: &str = "SELECT b.participant_id, b.serial, p.given_names, p.family_name,
        p.badge_name, d.code, d.name, coalesce(bp.hash, pp.hash)";
const HOLDER_FROM: &str = "FROM badges b
     JOIN participants p ON p.id = b.participant_id
     JOIN delegations d ON d.id = p.delegation_id
     LEFT JOIN photos bp ON bp.hash = b.photo_hash
     LEFT JOIN photos pp ON pp.hash = p.photo_hash";

fn holder_from_row(r: &Row, with_photo: bool) -> Result<HolderRow> {
    Ok(HolderRow {
        participant: r.get(0)?,
        serial: r.get::<i64>(1)? as u64,
        name: printed_name(r.get(2)?, r.get(3)?, r.get(4)?),
        delegation: r.get(5)?,
        delegation_name: r.get(6)?,
        photo_hash: r.get(7)?,
        photo: if with_photo { r.get(8)? } else { None },
    })
}

/// A badge as a gate on the main store reads it: its holder, with the
/// photo's JPEG, and whether it is revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeAtGate {
    pub holder: HolderRow,
    pub revoked: bool,
}

/// Badge `serial` as a gate reads it, revoked or not: the two questions a
/// scan asks of a badge in one statement (on PostgreSQL each is a round
/// trip inside the scan's transaction).
pub fn badge_at_gate(conn: &Db, serial: BadgeSerial) -> Result<Option<BadgeAtGate>> {
    conn.prepare_cached(&format!(
        "{HOLDER_SELECT}, coalesce(bp.jpeg, pp.jpeg), b.status = 'revoked'
         {HOLDER_FROM} WHERE b.serial = ?1"
    ))?
    .query_opt([serial as i64], |r| {
        Ok(BadgeAtGate {
            holder: holder_from_row(r, true)?,
            revoked: r.get(9)?,
        })
    })
}

/// [`badge_at_gate`], and on PostgreSQL the lock on its holder's passages
/// in `zone` ([`super::scans::lock_passages`]) taken by the same statement:
/// a scan's first question and its anti-passback lock in one round trip.
/// What the scan reads of the passages after it is read after the lock.
pub fn badge_at_gate_locking(
    conn: &Db,
    serial: BadgeSerial,
    zone: ZoneNumber,
) -> Result<Option<BadgeAtGate>> {
    if conn.is_sqlite() {
        return badge_at_gate(conn, serial);
    }
    conn.prepare_cached(&format!(
        "{HOLDER_SELECT}, coalesce(bp.jpeg, pp.jpeg), b.status = 'revoked',
                pg_advisory_xact_lock(?2, CAST(b.participant_id AS INTEGER))
         {HOLDER_FROM} WHERE b.serial = ?1"
    ))?
    .query_opt(
        params![serial as i64, super::scans::passages_lock_space(zone)],
        |r| {
            Ok(BadgeAtGate {
                holder: holder_from_row(r, true)?,
                revoked: r.get(9)?,
            })
        },
    )
}

/// The holder of every active badge, by participant, without photos.
pub fn active_holders(conn: &Db) -> Result<Vec<HolderRow>> {
    let mut stmt = conn.prepare(&format!(
        "{HOLDER_SELECT} {HOLDER_FROM} WHERE b.status = 'active' ORDER BY b.participant_id"
    ))?;
    let rows = stmt
        .query_map([], |r| holder_from_row(r, false))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A participant's name as printed, for lists of scans.
pub fn printed_name_of(conn: &Db, participant: ParticipantId) -> Result<Option<String>> {
    conn.prepare_cached(
        "SELECT given_names, family_name, badge_name FROM participants WHERE id = ?1",
    )?
    .query_opt([participant], |r| {
        Ok(printed_name(r.get(0)?, r.get(1)?, r.get(2)?))
    })
}

/// An operator a gate package lets sign in offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateOperator {
    pub name: String,
    pub role: Role,
    pub password_hash: String,
}

/// The active gate officers and supervisors, with their password hashes.
pub fn gate_operators(conn: &Db) -> Result<Vec<GateOperator>> {
    let mut stmt = conn.prepare(
        "SELECT name, role, password_hash FROM operators
         WHERE active = TRUE AND role IN ('gate', 'supervisor') ORDER BY name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(GateOperator {
                name: r.get(0)?,
                role: super::parse_column(1, r.get(1)?)?,
                password_hash: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
