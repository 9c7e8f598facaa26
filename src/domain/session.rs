use serde::{Deserialize, Serialize};

use super::{DelegationId, FieldError, ParticipantId, ZoneNumber};

pub type SessionId = i64;

/// Who is invited to an invitation-only session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "id")]
pub enum Invitee {
    Delegation(DelegationId),
    Participant(ParticipantId),
}

/// An item of the programme: opening ceremony, signing ceremony, plenary,
/// bilateral meetings, thematic sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub name: String,
    pub zone: ZoneNumber,
    pub starts_at: i64,
    pub ends_at: i64,
    pub invitation_only: bool,
    pub invitees: Vec<Invitee>,
}

impl Session {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", "is required"));
        }
        if !(1..=64).contains(&self.zone) {
            errors.push(FieldError::new("zone", "must be between 1 and 64"));
        }
        if self.ends_at <= self.starts_at {
            errors.push(FieldError::new("end", "must be after the start"));
        }
        errors
    }
}
