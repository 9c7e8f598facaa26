use super::{Db, Row, Tx};
use crate::params;
use std::collections::HashMap;

use crate::domain::{Invitee, Session, SessionId};
use crate::error::Result;

const COLUMNS: &str = "id, name, zone, starts_at, ends_at, invitation_only";

fn from_row(r: &Row) -> Result<Session> {
    Ok(Session {
        id: r.get(0)?,
        name: r.get(1)?,
        zone: r.get(2)?,
        starts_at: r.get(3)?,
        ends_at: r.get(4)?,
        invitation_only: r.get(5)?,
        invitees: Vec::new(),
    })
}

/// An invitee row: a delegation or a participant (a row with neither is
/// skipped).
fn invitee(delegation: Option<i64>, participant: Option<i64>) -> Option<Invitee> {
    match (delegation, participant) {
        (Some(d), _) => Some(Invitee::Delegation(d)),
        (None, Some(p)) => Some(Invitee::Participant(p)),
        (None, None) => None,
    }
}

fn invitees(conn: &Db) -> Result<HashMap<SessionId, Vec<Invitee>>> {
    let mut map: HashMap<SessionId, Vec<Invitee>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT session_id, delegation_id, participant_id FROM session_invitees
         ORDER BY session_id, delegation_id IS NULL, delegation_id, participant_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<SessionId>(0)?,
            r.get::<Option<i64>>(1)?,
            r.get::<Option<i64>>(2)?,
        ))
    })?;
    for row in rows {
        let (session, delegation, participant) = row?;
        if let Some(invitee) = invitee(delegation, participant) {
            map.entry(session).or_default().push(invitee);
        }
    }
    Ok(map)
}

/// One session's invitees, in the order of [`invitees`].
fn invitees_of(conn: &Db, session: SessionId) -> Result<Vec<Invitee>> {
    let mut stmt = conn.prepare_cached(
        "SELECT delegation_id, participant_id FROM session_invitees WHERE session_id = ?1
         ORDER BY delegation_id IS NULL, delegation_id, participant_id",
    )?;
    let rows = stmt
        .query_map([session], |r| {
            Ok((r.get::<Option<i64>>(0)?, r.get::<Option<i64>>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(delegation, participant)| invitee(delegation, participant))
        .collect())
}

/// The programme, in time order, each session with its invitees.
pub fn list(conn: &Db) -> Result<Vec<Session>> {
    let mut sessions = list_without_invitees(conn)?;
    let mut all = invitees(conn)?;
    for s in &mut sessions {
        s.invitees = all.remove(&s.id).unwrap_or_default();
    }
    Ok(sessions)
}

/// The programme, in time order, without invitees (see
/// [`super::attendance::invitations`]).
pub fn list_without_invitees(conn: &Db) -> Result<Vec<Session>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM sessions ORDER BY starts_at, name"
    ))?;
    let sessions = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(sessions)
}

/// A session with its invitees.
pub fn find(conn: &Db, id: SessionId) -> Result<Option<Session>> {
    let found = conn.query_opt(
        &format!("SELECT {COLUMNS} FROM sessions WHERE id = ?1"),
        [id],
        from_row,
    )?;
    found
        .map(|mut s| {
            s.invitees = invitees_of(conn, s.id)?;
            Ok(s)
        })
        .transpose()
}

pub fn find_by_name(conn: &Db, name: &str) -> Result<Option<Session>> {
    let found = conn.query_opt(
        &format!("SELECT {COLUMNS} FROM sessions WHERE lower(name) = lower(?1)"),
        [name.trim()],
        from_row,
    )?;
    Ok(found.map(|mut s| {
        s.invitees = invitees(conn)
            .map(|mut m| m.remove(&s.id).unwrap_or_default())
            .unwrap_or_default();
        s
    }))
}

pub fn insert(tx: &Tx, s: &Session) -> Result<SessionId> {
    let inserted = tx.insert_returning_id(
        "INSERT INTO sessions (name, zone, starts_at, ends_at, invitation_only)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![s.name, s.zone, s.starts_at, s.ends_at, s.invitation_only],
    )?;
    let id = inserted;
    write_invitees(tx, id, &s.invitees)?;
    Ok(id)
}

pub fn update(tx: &Tx, s: &Session) -> Result<()> {
    tx.execute(
        "UPDATE sessions SET name = ?2, zone = ?3, starts_at = ?4, ends_at = ?5,
            invitation_only = ?6 WHERE id = ?1",
        params![
            s.id,
            s.name,
            s.zone,
            s.starts_at,
            s.ends_at,
            s.invitation_only
        ],
    )?;
    tx.execute("DELETE FROM session_invitees WHERE session_id = ?1", [s.id])?;
    write_invitees(tx, s.id, &s.invitees)
}

fn write_invitees(tx: &Tx, id: SessionId, invitees: &[Invitee]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO session_invitees (session_id, delegation_id, participant_id)
         VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
    )?;
    for invitee in invitees {
        match invitee {
            Invitee::Delegation(d) => stmt.execute(params![id, d, None::<i64>])?,
            Invitee::Participant(p) => stmt.execute(params![id, None::<i64>, p])?,
        };
    }
    Ok(())
}

pub fn delete(conn: &Db, id: SessionId) -> Result<()> {
    conn.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
    Ok(())
}
