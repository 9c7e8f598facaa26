//! Host-country security vetting. The event may require clearance for every
//! category or some; a participant who needs it and is not cleared gets no
//! badge printed or handed over. Lists go to the security service as one
//! batch (`export`), its answers come back (`answers`); a refusal revokes an
//! active badge at once. The refusal's reason is for supervisors and
//! administrators only (`Permission::RunVetting`): it never reaches a badge,
//! a gate package or any other export.

pub mod answers;
pub mod export;

use crate::store::{Db, Tx};
use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::{ClearanceRule, ClearanceState, Participant, ParticipantId};
use crate::error::{Error, Result};
use crate::store;

pub use store::vetting::Batch;

/// The event's clearance rule.
pub fn rule(conn: &Db) -> Result<ClearanceRule> {
    store::vetting::rule(conn)
}

/// Changes the event's clearance rule (`off`, `all`, or category codes),
/// audited. Unknown category codes are refused.
pub fn set_rule(conn: &mut Db, actor: &Actor, text: &str) -> Result<ClearanceRule> {
    actor.require(Permission::ConfigureEvent)?;
    let rule = ClearanceRule::parse(text).map_err(|e| Error::invalid("clearance", e))?;
    let now = crate::clock::now();
    conn.write(|tx| {
        if let ClearanceRule::Categories(codes) = &rule {
            for code in codes {
                if store::categories::find_by_code(tx, code)?.is_none() {
                    return Err(Error::invalid(
                        "clearance",
                        format!("there is no category {code}"),
                    ));
                }
            }
        }
        let before = store::vetting::rule(tx)?;
        if before != rule {
            store::vetting::set_rule(tx, &rule)?;
            audit::record(
                tx,
                actor,
                now,
                Change::new("event.clearance", "event", 1),
                Some(&serde_json::json!({"clearance": before.to_setting()})),
                Some(&serde_json::json!({"clearance": rule.to_setting()})),
            )?;
        }
        Ok(())
    })?;
    Ok(rule)
}

/// Whether this participant needs clearance under the event's rule.
pub fn needs_clearance(conn: &Db, p: &Participant) -> Result<bool> {
    let rule = store::vetting::rule(conn)?;
    if rule.is_off() {
        return Ok(false);
    }
    let category = store::categories::get(conn, p.details.category)?;
    Ok(rule.applies_to(&category.code))
}

/// Why the participant may not get a badge yet for want of clearance, in
/// words a clerk may read (never the refusal's reason); `None` when they may.
pub fn blocked(conn: &Db, p: &Participant) -> Result<Option<String>> {
    if !needs_clearance(conn, p)? {
        return Ok(None);
    }
    let state = store::vetting::get(conn, p.id)?.state;
    Ok(match state {
        ClearanceState::Cleared => None,
        ClearanceState::NotSent => Some("not cleared by security (never sent)".into()),
        ClearanceState::Sent => Some("not cleared by security (waiting for the answer)".into()),
        ClearanceState::Refused => Some("refused by security".into()),
        ClearanceState::MoreInformation => {
            Some("not cleared by security (more information requested)".into())
        }
    })
}

/// Refuses, naming the participant and why, unless they may have a badge.
pub fn require_cleared(conn: &Db, p: &Participant) -> Result<()> {
    match blocked(conn, p)? {
        None => Ok(()),
        Some(why) => Err(Error::Refused(format!(
            "participant {} ({}) is {why}: no badge can be printed or handed over",
            p.id,
            p.details.display_name()
        ))),
    }
}

/// One participant's clearance as the operator may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClearanceView {
    /// Whether this participant needs clearance under the event's rule.
    pub required: bool,
    pub state: ClearanceState,
    pub batch: Option<i64>,
    pub sent_at: Option<i64>,
    pub answered_at: Option<i64>,
    /// What the security service asks for (more information requested).
    pub requested: Option<String>,
    /// The refusal's reason: only for operators who run vetting.
    pub refusal_reason: Option<String>,
}

pub fn clearance_of(conn: &Db, actor: &Actor, participant: ParticipantId) -> Result<ClearanceView> {
    actor.require(Permission::ViewParticipants)?;
    let p = store::participants::get(conn, participant)?;
    let record = store::vetting::get(conn, participant)?;
    Ok(ClearanceView {
        required: needs_clearance(conn, &p)?,
        state: record.state,
        batch: record.batch,
        sent_at: record.sent_at,
        answered_at: record.answered_at,
        requested: (record.state == ClearanceState::MoreInformation).then(|| record.reason.clone()),
        refusal_reason: (record.state == ClearanceState::Refused
            && actor.may(Permission::RunVetting))
        .then_some(record.reason),
    })
}

/// The batches sent, newest first, with how many still wait in each.
pub fn batches(conn: &Db, actor: &Actor) -> Result<Vec<Batch>> {
    actor.require(Permission::RunVetting)?;
    store::vetting::batches(conn)
}

/// Revokes the participant's active badge after a refusal, inside the
/// answers' transaction. The badge's revocation reason says only that
/// security refused: the refusal's own reason stays with the clearance.
pub(crate) fn revoke_after_refusal(
    tx: &Tx,
    actor: &Actor,
    participant: ParticipantId,
    now: i64,
) -> Result<Option<crate::domain::BadgeSerial>> {
    Ok(
        crate::desk::badges::revoke_active_in(tx, actor, participant, REVOKED_BECAUSE, now)?
            .map(|b| b.serial),
    )
}

/// The revocation reason of a badge whose holder security refused.
pub const REVOKED_BECAUSE: &str = "security clearance refused";

/// The reference a participant has on the lists sent to security: the
/// event's code and the participant's id, unique across delegations.
pub fn reference(event_code: &str, participant: ParticipantId) -> String {
    format!("{event_code}-{participant}")
}

/// The participant a vetting reference names, if it is one of this event's.
pub fn parse_reference(event_code: &str, text: &str) -> Option<ParticipantId> {
    let t = text.trim();
    let rest = match t.get(..event_code.len()) {
        Some(head) if head.eq_ignore_ascii_case(event_code) => &t[event_code.len()..],
        _ => return None,
    };
    let digits = rest.strip_prefix('-')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// How long ago, in words: "3 h", "2 days".
pub fn age_label(seconds: i64) -> String {
    let s = seconds.max(0);
    match s {
        0..=59 => "just now".into(),
        60..=3599 => format!("{} min", s / 60),
        3600..=86_399 => format!("{} h", s / 3600),
        _ if s / 86_400 == 1 => "1 day".into(),
        _ => format!("{} days", s / 86_400),
    }
}

#[cfg(test)]
mod tests;
