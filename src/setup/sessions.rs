//! The programme: sessions, each in one zone and time window, some by
//! invitation only (delegations or single participants).

use std::collections::HashSet;

use super::item::{self, Item};
use super::{clean_field, plural};
use crate::auth::{Actor, Permission};
use crate::domain::{Event, FieldError, Invitee, Session, SessionId, parse_local_datetime};
use crate::error::Result;
use crate::store;
use crate::store::{Db, Tx};

/// A session as typed; the times are local to the event's time zone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionForm {
    pub name: String,
    pub zone: String,
    /// `2025-10-25T09:00` (a space works too).
    pub start: String,
    pub end: String,
    pub invitation_only: bool,
    pub invitees: Vec<Invitee>,
}

fn local(event: &Event, t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| {
            ts.to_zoned_datetime(event.tz())
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

impl SessionForm {
    pub fn from_session(s: &Session, event: &Event) -> SessionForm {
        SessionForm {
            name: s.name.clone(),
            zone: s.zone.to_string(),
            start: local(event, s.starts_at),
            end: local(event, s.ends_at),
            invitation_only: s.invitation_only,
            invitees: s.invitees.clone(),
        }
    }

    pub fn parse(&self, id: SessionId, event: &Event) -> Result<Session, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = clean_field(&mut errors, "name", &self.name, 120);
        let zone = self.zone.trim().parse::<u8>().unwrap_or_else(|_| {
            errors.push(FieldError::new(
                "zone",
                format!("\"{}\" is not a zone number", self.zone.trim()),
            ));
            0
        });
        let mut at = |field: &'static str, raw: &str| {
            if raw.trim().is_empty() {
                errors.push(FieldError::new(
                    field,
                    "is required (e.g. 2025-10-25T09:00)",
                ));
                return None;
            }
            match parse_local_datetime(raw).and_then(|dt| event.instant_of(dt)) {
                Ok(t) => Some(t),
                Err(e) => {
                    errors.push(FieldError::new(field, e));
                    None
                }
            }
        };
        let start = at("start", &self.start);
        let end = at("end", &self.end);
        let session = Session {
            id,
            name,
            zone,
            starts_at: start.unwrap_or(0),
            ends_at: end.unwrap_or(1),
            invitation_only: self.invitation_only,
            invitees: self.invitees.clone(),
        };
        for e in session.validate() {
            // The zone and times that did not parse are reported once.
            let reported = errors.iter().any(|r| r.field == e.field)
                || (e.field == "end" && (start.is_none() || end.is_none()));
            if !reported {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(session)
        } else {
            Err(errors)
        }
    }
}

impl Item for Session {
    type Key = SessionId;
    const ENTITY: &'static str = "session";

    fn key(&self) -> SessionId {
        self.id
    }

    fn audit_id(&self) -> String {
        self.id.to_string()
    }

    fn find(conn: &Db, id: SessionId) -> Result<Option<Session>> {
        store::sessions::find(conn, id)
    }

    fn problems(&self, conn: &Db, adding: bool) -> Result<Vec<FieldError>> {
        let event = store::event::get(conn)?;
        let mut errors = self.validate();
        if self.name.chars().count() > 120 {
            errors.push(FieldError::new("name", "is longer than 120 characters"));
        }
        if (1..=64).contains(&self.zone) && store::zones::find(conn, self.zone)?.is_none() {
            errors.push(FieldError::new(
                "zone",
                format!("{} is not a zone of this event", self.zone),
            ));
        }
        if self.ends_at > self.starts_at
            && (self.starts_at < event.badge_valid_from || self.ends_at > event.badge_valid_until)
        {
            errors.push(FieldError::new(
                "start",
                format!(
                    "the session is outside the badge window ({} – {}): no badge would let anyone in",
                    event.local_time(event.badge_valid_from),
                    event.local_time(event.badge_valid_until)
                ),
            ));
        }
        if let Some(other) = store::sessions::find_by_name(conn, &self.name)?
            && (adding || other.id != self.id)
        {
            errors.push(FieldError::new(
                "name",
                format!("there is already a session \"{}\"", other.name),
            ));
        }
        if !self.invitation_only && !self.invitees.is_empty() {
            errors.push(FieldError::new(
                "invitees",
                "only an invitation-only session has invitees",
            ));
        }
        let mut seen = HashSet::new();
        for invitee in &self.invitees {
            if !seen.insert(*invitee) {
                continue;
            }
            let exists = match invitee {
                Invitee::Delegation(d) => store::delegations::get(conn, *d).is_ok(),
                Invitee::Participant(p) => store::participants::find(conn, *p)?.is_some(),
            };
            if !exists {
                let (what, id) = match invitee {
                    Invitee::Delegation(d) => ("delegation", d),
                    Invitee::Participant(p) => ("participant", p),
                };
                errors.push(FieldError::new(
                    "invitees",
                    format!("{what} {id} does not exist"),
                ));
            }
        }
        Ok(errors)
    }

    fn insert(&self, tx: &Tx) -> Result<Session> {
        let id = store::sessions::insert(tx, self)?;
        Ok(Session { id, ..self.clone() })
    }

    fn update(&self, tx: &Tx) -> Result<()> {
        store::sessions::update(tx, self)
    }

    fn delete(tx: &Tx, id: SessionId) -> Result<()> {
        store::sessions::delete(tx, id)
    }

    /// In use once a check-in is recorded: attendance would lose it.
    fn in_use(&self, conn: &Db) -> Result<Option<String>> {
        let checkins = store::usage::checkins_of_session(conn, self.id)?;
        Ok((checkins > 0).then(|| {
            format!(
                "session \"{}\" has {} recorded; removing it would lose that attendance",
                self.name,
                plural(checkins, "check-in", "check-ins")
            )
        }))
    }
}

fn deduplicated(s: &Session) -> Session {
    let mut seen = HashSet::new();
    Session {
        invitees: s
            .invitees
            .iter()
            .copied()
            .filter(|i| seen.insert(*i))
            .collect(),
        ..s.clone()
    }
}

pub fn add_session(conn: &mut Db, actor: &Actor, session: &Session) -> Result<SessionId> {
    item::add(conn, actor, &deduplicated(session))
}

pub fn edit_session(conn: &mut Db, actor: &Actor, session: &Session) -> Result<()> {
    // Nothing to confirm: badges do not name sessions.
    item::edit(conn, actor, &deduplicated(session), true)?;
    Ok(())
}

/// The name and delegation code of each participant, for the invitation
/// lists (those that do not exist are left out).
pub fn participant_names(
    conn: &Db,
    actor: &Actor,
    ids: &[crate::domain::ParticipantId],
) -> Result<Vec<(crate::domain::ParticipantId, String, String)>> {
    actor.require(Permission::ViewParticipants)?;
    let codes: std::collections::HashMap<i64, String> = store::delegations::list(conn)?
        .into_iter()
        .map(|d| (d.id, d.code))
        .collect();
    Ok(store::participants::get_many(conn, ids)?
        .into_iter()
        .map(|p| {
            let code = codes
                .get(&p.details.delegation)
                .cloned()
                .unwrap_or_default();
            (p.id, p.details.display_name(), code)
        })
        .collect())
}

/// Removes a session with no check-in recorded (attendance would lose them).
pub fn remove_session(conn: &mut Db, actor: &Actor, id: SessionId) -> Result<()> {
    // Nothing to confirm: a session in use is refused.
    item::remove::<Session>(conn, actor, id, true)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::tests::{approved_with_badge, new_event};

    #[test]
    fn sessions_are_checked_against_the_event() {
        let dir = tempfile::tempdir().unwrap();
        let (ws, mut conn, admin) = new_event(dir.path());
        let event = store::event::get(&conn).unwrap();
        let (participant, _) = approved_with_badge(&ws, &mut conn, &admin, "HOD");
        let ken = store::delegations::find_by_code(&conn, "KEN")
            .unwrap()
            .unwrap();
        let form = SessionForm {
            name: "Ministerial round table".into(),
            zone: "2".into(),
            start: "2026-09-14T10:00".into(),
            end: "2026-09-14 12:30".into(),
            invitation_only: true,
            invitees: vec![
                Invitee::Delegation(ken.id),
                Invitee::Participant(participant),
                Invitee::Delegation(ken.id),
            ],
        };
        let s = form.parse(0, &event).unwrap();
        assert_eq!(event.local_time(s.starts_at), "2026-09-14 10:00");
        let id = add_session(&mut conn, &admin, &s).unwrap();
        let stored = store::sessions::find(&conn, id).unwrap().unwrap();
        assert_eq!(stored.invitees.len(), 2, "duplicates are dropped");
        assert_eq!(
            SessionForm::from_session(&stored, &event)
                .parse(id, &event)
                .unwrap(),
            stored
        );

        let errors = SessionForm {
            name: "".into(),
            zone: "x".into(),
            start: "tomorrow".into(),
            end: "".into(),
            invitation_only: false,
            invitees: vec![],
        }
        .parse(0, &event)
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["zone", "start", "end", "name"]);

        let outside = Session {
            starts_at: event.badge_valid_until + 3600,
            ends_at: event.badge_valid_until + 7200,
            name: "After party".into(),
            ..stored.clone()
        };
        let err = add_session(&mut conn, &admin, &outside)
            .unwrap_err()
            .to_string();
        assert!(err.contains("outside the badge window"), "{err}");
        let open_with_guests = Session {
            invitation_only: false,
            ..stored.clone()
        };
        let err = edit_session(&mut conn, &admin, &open_with_guests).unwrap_err();
        assert_eq!(err.field_errors()[0].field, "invitees");
        let nobody = Session {
            invitees: vec![Invitee::Participant(999_999)],
            ..stored.clone()
        };
        let err = edit_session(&mut conn, &admin, &nobody)
            .unwrap_err()
            .to_string();
        assert!(err.contains("participant 999999 does not exist"), "{err}");

        // A session with a check-in stays; one without is removed.
        let unattended = add_session(
            &mut conn,
            &admin,
            &Session {
                name: "Side event".into(),
                ..stored.clone()
            },
        )
        .unwrap();
        assert!(store::attendance::insert_checkin(&conn, id, participant, 0, "x").unwrap());
        let err = remove_session(&mut conn, &admin, id)
            .unwrap_err()
            .to_string();
        assert!(err.contains("1 check-in recorded"), "{err}");
        remove_session(&mut conn, &admin, unattended).unwrap();
        let left: Vec<_> = store::sessions::list(&conn)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(left, [id]);
    }
}
