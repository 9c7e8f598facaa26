//! What uses a piece of the event's set-up: the participants of a category
//! or delegation, the badges that carry a zone, the scans of a checkpoint.
//! The set-up editors ask before they change or remove something that
//! printed badges or recorded history depend on.

use super::Db;
use crate::domain::{
    BadgeSerial, CategoryId, CheckpointId, DelegationId, ParticipantId, SessionId, ZoneNumber,
    ZoneSet,
};
use crate::error::Result;
use crate::params;

fn count(conn: &Db, sql: &str, param: impl super::Param) -> Result<u64> {
    let n: i64 = conn.prepare_cached(sql)?.query_row([param], |r| r.get(0))?;
    Ok(n as u64)
}

/// Participants of the category, whatever their status.
pub fn participants_in_category(conn: &Db, category: CategoryId) -> Result<u64> {
    count(
        conn,
        "SELECT count(*) FROM participants WHERE category_id = ?1",
        category,
    )
}

/// Participants of the delegation, whatever their status.
pub fn participants_in_delegation(conn: &Db, delegation: DelegationId) -> Result<u64> {
    count(
        conn,
        "SELECT count(*) FROM participants WHERE delegation_id = ?1",
        delegation,
    )
}

/// Every badge ever issued, active or revoked.
pub fn badges_issued(conn: &Db) -> Result<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM badges", [], |r| r.get(0))?;
    Ok(n as u64)
}

/// Active badges, and how many of them were printed.
pub fn active_badges(conn: &Db) -> Result<(u64, u64)> {
    conn.query_row(
        "SELECT count(*), coalesce(sum(CASE WHEN print_count > 0 THEN 1 ELSE 0 END), 0) FROM badges WHERE status = 'active'",
        [],
        |r| Ok((r.get::<i64>(0)? as u64, r.get::<i64>(1)? as u64)),
    )
}

/// Active badges that were printed, of the participants of a delegation.
pub fn printed_badges_of_delegation(conn: &Db, delegation: DelegationId) -> Result<u64> {
    count(
        conn,
        "SELECT count(*) FROM badges b JOIN participants p ON p.id = b.participant_id
         WHERE b.status = 'active' AND b.print_count > 0 AND p.delegation_id = ?1",
        delegation,
    )
}

/// An active badge of a category's participant, with what its zones are
/// computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryBadge {
    pub serial: BadgeSerial,
    pub participant: ParticipantId,
    pub zones: ZoneSet,
    pub print_count: u32,
    pub zones_added: ZoneSet,
    pub zones_removed: ZoneSet,
    pub given_names: String,
    pub family_name: String,
    pub badge_name: String,
    pub delegation: String,
}

/// The active badges of the category's participants, by serial.
pub fn active_badges_in_category(conn: &Db, category: CategoryId) -> Result<Vec<CategoryBadge>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.serial, b.participant_id, b.zones, b.print_count, p.zones_added,
            p.zones_removed, p.given_names, p.family_name, p.badge_name, d.code
         FROM badges b
         JOIN participants p ON p.id = b.participant_id
         JOIN delegations d ON d.id = p.delegation_id
         WHERE b.status = 'active' AND p.category_id = ?1
         ORDER BY b.serial",
    )?;
    let rows = stmt
        .query_map(params![category], |r| {
            Ok(CategoryBadge {
                serial: r.get::<i64>(0)? as u64,
                participant: r.get(1)?,
                zones: ZoneSet::from_sql(r.get(2)?),
                print_count: r.get(3)?,
                zones_added: ZoneSet::from_sql(r.get(4)?),
                zones_removed: ZoneSet::from_sql(r.get(5)?),
                given_names: r.get(6)?,
                family_name: r.get(7)?,
                badge_name: r.get(8)?,
                delegation: r.get(9)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Where a zone is used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZoneUse {
    /// Codes of the categories that open it by default.
    pub categories: Vec<String>,
    pub checkpoints: Vec<String>,
    pub sessions: Vec<String>,
    /// Participants given or denied it on top of their category.
    pub participants: u64,
    /// Active badges that carry it.
    pub active_badges: u64,
}

impl ZoneUse {
    pub fn is_unused(&self) -> bool {
        *self == ZoneUse::default()
    }
}

pub fn zone_use(conn: &Db, zone: ZoneNumber) -> Result<ZoneUse> {
    let bit = ZoneSet::EMPTY.with(zone).to_sql();
    let names = |sql: &str, param: i64| -> Result<Vec<String>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map([param], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    };
    Ok(ZoneUse {
        categories: names(
            "SELECT code FROM categories WHERE default_zones & ?1 <> 0 ORDER BY sort_order, code",
            bit,
        )?,
        checkpoints: names(
            "SELECT name FROM checkpoints WHERE zone = ?1 ORDER BY name",
            i64::from(zone),
        )?,
        sessions: names(
            "SELECT name FROM sessions WHERE zone = ?1 ORDER BY starts_at, name",
            i64::from(zone),
        )?,
        participants: count(
            conn,
            "SELECT count(*) FROM participants WHERE (zones_added | zones_removed) & ?1 <> 0",
            bit,
        )?,
        active_badges: count(
            conn,
            "SELECT count(*) FROM badges WHERE status = 'active' AND zones & ?1 <> 0",
            bit,
        )?,
    })
}

/// Scans recorded at the checkpoint (they keep its name, but the dashboard
/// counts them by checkpoint).
pub fn scans_at_checkpoint(conn: &Db, checkpoint: CheckpointId) -> Result<u64> {
    count(
        conn,
        "SELECT count(*) FROM scans WHERE checkpoint_id = ?1",
        checkpoint,
    )
}

/// Explicit check-ins recorded for the session.
pub fn checkins_of_session(conn: &Db, session: SessionId) -> Result<u64> {
    count(
        conn,
        "SELECT count(*) FROM session_checkins WHERE session_id = ?1",
        session,
    )
}

/// Sessions that invite the delegation.
pub fn sessions_inviting_delegation(conn: &Db, delegation: DelegationId) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.name FROM sessions s JOIN session_invitees i ON i.session_id = s.id
         WHERE i.delegation_id = ?1 ORDER BY s.starts_at, s.name",
    )?;
    let rows = stmt
        .query_map([delegation], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
