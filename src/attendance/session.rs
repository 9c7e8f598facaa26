//! One session in detail: which delegations were invited and which came.

use serde::Serialize;

use super::facts::Facts;
use super::figures::{Figures, SessionFigures, is_organisation};
use crate::domain::{DelegationKind, ParticipantStatus, SessionId};

/// Delegations invited to a session and delegations that came.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SessionRepresented {
    /// With at least one approved participant invited (null for open sessions).
    pub invited: Option<u32>,
    /// With at least one participant who attended.
    pub attended: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionDelegation {
    pub code: String,
    pub name: String,
    pub kind: DelegationKind,
    /// Approved participants invited (null for open sessions).
    pub invited: Option<u32>,
    pub attended: u32,
    /// Invited and not there (null for open sessions).
    pub absent: Option<u32>,
}

/// A session's figures with its delegations: every delegation invited or
/// with someone who attended, by code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionDetail {
    #[serde(flatten)]
    pub figures: SessionFigures,
    pub states: SessionRepresented,
    pub organisations: SessionRepresented,
    pub delegations: Vec<SessionDelegation>,
}

impl SessionDetail {
    pub fn compute(facts: &Facts, figures: &Figures, session: SessionId) -> Option<SessionDetail> {
        let s = facts.sessions.iter().position(|x| x.id == session)?;
        let only = facts.sessions[s].invitation_only;
        let who = &facts.session_people[s];
        let mut invited = vec![0u32; facts.delegations.len()];
        let mut attended = vec![0u32; facts.delegations.len()];
        let mut absent = vec![0u32; facts.delegations.len()];
        for (i, p) in facts.people.iter().enumerate() {
            let is_invited = p.status == ParticipantStatus::Approved && who.invited.contains(i);
            let came = who.attended(i);
            invited[p.delegation] += u32::from(is_invited);
            attended[p.delegation] += u32::from(came);
            absent[p.delegation] += u32::from(is_invited && !came);
        }
        let mut states = SessionRepresented {
            invited: only.then_some(0),
            attended: 0,
        };
        let mut organisations = states;
        let mut delegations = Vec::new();
        for (d, info) in facts.delegations.iter().enumerate() {
            if invited[d] == 0 && attended[d] == 0 {
                continue;
            }
            let group = if info.kind.is_state() {
                Some(&mut states)
            } else if is_organisation(info.kind) {
                Some(&mut organisations)
            } else {
                None
            };
            if let Some(group) = group {
                if let Some(n) = group.invited.as_mut() {
                    *n += u32::from(invited[d] > 0);
                }
                group.attended += u32::from(attended[d] > 0);
            }
            delegations.push(SessionDelegation {
                code: info.code.clone(),
                name: info.name.clone(),
                kind: info.kind,
                invited: only.then_some(invited[d]),
                attended: attended[d],
                absent: only.then_some(absent[d]),
            });
        }
        Some(SessionDetail {
            figures: figures.sessions[s].clone(),
            states,
            organisations,
            delegations,
        })
    }
}
