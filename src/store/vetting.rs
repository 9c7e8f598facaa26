//! Security vetting: the event's clearance rule, the batches sent to the
//! security service and each participant's clearance.

use super::Db;
use crate::params;
use std::collections::HashMap;

use serde::Serialize;

use crate::domain::{ClearanceRule, ClearanceState, ParticipantId};
use crate::error::{Error, Result};

pub fn rule(conn: &Db) -> Result<ClearanceRule> {
    let text: String = conn
        .query_opt(
            "SELECT clearance FROM vetting_settings WHERE id = 1",
            [],
            |r| r.get(0),
        )?
        .unwrap_or_else(|| "off".into());
    ClearanceRule::parse(&text).map_err(Error::Other)
}

pub fn set_rule(conn: &Db, rule: &ClearanceRule) -> Result<()> {
    conn.execute(
        "INSERT INTO vetting_settings (id, clearance) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET clearance = excluded.clearance",
        [rule.to_setting()],
    )?;
    Ok(())
}

/// One participant's clearance as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClearanceRecord {
    pub state: ClearanceState,
    pub batch: Option<i64>,
    pub sent_at: Option<i64>,
    /// The refusal's reason, or what the service asks for.
    pub reason: String,
    pub answered_at: Option<i64>,
}

impl ClearanceRecord {
    pub fn not_sent() -> ClearanceRecord {
        ClearanceRecord {
            state: ClearanceState::NotSent,
            batch: None,
            sent_at: None,
            reason: String::new(),
            answered_at: None,
        }
    }
}

pub fn get(conn: &Db, participant: ParticipantId) -> Result<ClearanceRecord> {
    Ok(conn
        .prepare_cached(
            "SELECT c.state, c.batch_id, b.sent_at, c.reason, c.answered_at
             FROM clearances c JOIN vetting_batches b ON b.id = c.batch_id
             WHERE c.participant_id = ?1",
        )?
        .query_opt([participant], |r| {
            let state: String = r.get(0)?;
            Ok(ClearanceRecord {
                state: ClearanceState::from_sql(&state).unwrap_or(ClearanceState::NotSent),
                batch: r.get(1)?,
                sent_at: r.get(2)?,
                reason: r.get(3)?,
                answered_at: r.get(4)?,
            })
        })?
        .unwrap_or_else(ClearanceRecord::not_sent))
}

/// Every participant's state (those never sent are absent).
pub fn states(conn: &Db) -> Result<HashMap<ParticipantId, ClearanceState>> {
    let mut stmt = conn.prepare("SELECT participant_id, state FROM clearances")?;
    let rows = stmt
        .query_map([], |r| {
            let state: String = r.get(1)?;
            Ok((
                r.get(0)?,
                ClearanceState::from_sql(&state).unwrap_or(ClearanceState::NotSent),
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn insert_batch(conn: &Db, at: i64, by: &str, file_name: &str, people: usize) -> Result<i64> {
    let inserted = conn.insert_returning_id(
        "INSERT INTO vetting_batches (sent_at, sent_by, file_name, people) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![at, by, file_name, people as i64],
    )?;
    Ok(inserted)
}

/// Marks the participant sent in `batch`, forgetting any earlier answer.
pub fn mark_sent(conn: &Db, participant: ParticipantId, batch: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO clearances (participant_id, state, batch_id) VALUES (?1, 'sent', ?2)
         ON CONFLICT (participant_id) DO UPDATE SET state = 'sent', batch_id = excluded.batch_id,
            reason = '', answered_at = NULL, answered_by = NULL",
    )?
    .execute(params![participant, batch])?;
    Ok(())
}

pub fn set_answer(
    conn: &Db,
    participant: ParticipantId,
    state: ClearanceState,
    reason: &str,
    at: i64,
    by: &str,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE clearances SET state = ?2, reason = ?3, answered_at = ?4, answered_by = ?5
         WHERE participant_id = ?1",
    )?
    .execute(params![participant, state.as_str(), reason, at, by])?;
    Ok(())
}

/// A batch sent to the security service and how its people stand now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Batch {
    pub id: i64,
    pub sent_at: i64,
    pub sent_by: String,
    pub file_name: String,
    pub people: u32,
    /// Still waiting for an answer.
    pub waiting: u32,
    pub cleared: u32,
    pub refused: u32,
    pub more_information: u32,
}

/// Every batch, the newest first.
pub fn batches(conn: &Db) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare(
        "SELECT b.id, b.sent_at, b.sent_by, b.file_name, b.people,
            count(c.participant_id) FILTER (WHERE c.state = 'sent'),
            count(c.participant_id) FILTER (WHERE c.state = 'cleared'),
            count(c.participant_id) FILTER (WHERE c.state = 'refused'),
            count(c.participant_id) FILTER (WHERE c.state = 'more-information')
         FROM vetting_batches b LEFT JOIN clearances c ON c.batch_id = b.id
         GROUP BY b.id ORDER BY b.id DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Batch {
                id: r.get(0)?,
                sent_at: r.get(1)?,
                sent_by: r.get(2)?,
                file_name: r.get(3)?,
                people: r.get(4)?,
                waiting: r.get(5)?,
                cleared: r.get(6)?,
                refused: r.get(7)?,
                more_information: r.get(8)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
