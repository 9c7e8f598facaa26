//! The programme: sessions, each in one zone and time window, some by
//! invitation only (delegations or single participants).

use crate::store::Db;
use std::collections::HashSet;

use super::{clean_field, plural};
use crate::audit::changed_fields;
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::{Event, FieldError, Invitee, Session, SessionId, parse_local_datetime};
use crate::error::{Error, Result};
use crate::store;

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

fn check(conn: &Db, s: &Session) -> Result<()> {
    let event = store::event::get(conn)?;
    let mut errors = s.validate();
    if s.name.chars().count() > 120 {
        errors.push(FieldError::new("name", "is longer than 120 characters"));
    }
    if (1..=64).contains(&s.zone) && store::zones::find(conn, s.zone)?.is_none() {
        errors.push(FieldError::new(
            "zone",
            format!("{} is not a zone of this event", s.zone),
        ));
    }
    if s.ends_at > s.starts_at
        && (s.starts_at < event.badge_valid_from || s.ends_at > event.badge_valid_until)
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
    if let Some(other) = store::sessions::find_by_name(conn, &s.name)?
        && other.id != s.id
    {
        errors.push(FieldError::new(
            "name",
            format!("there is already a session \"{}\"", other.name),
        ));
    }
    if !s.invitation_only && !s.invitees.is_empty() {
        errors.push(FieldError::new(
            "invitees",
            "only an invitation-only session has invitees",
        ));
    }
    let mut seen = HashSet::new();
    for invitee in &s.invitees {
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
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
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
    actor.require(Permission::ConfigureEvent)?;
    let session = deduplicated(session);
    check(
        conn,
        &Session {
            id: 0,
            ..session.clone()
        },
    )?;
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let id = store::sessions::insert(&tx, &session)?;
    let session = Session { id, ..session };
    audit::record(
        &tx,
        actor,
        now,
        Change::new("session.create", "session", id),
        None::<&()>,
        Some(&session),
    )?;
    tx.commit()?;
    Ok(id)
}

fn get(conn: &Db, id: SessionId) -> Result<Session> {
    store::sessions::list(conn)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::not_found("session", id))
}

pub fn edit_session(conn: &mut Db, actor: &Actor, session: &Session) -> Result<()> {
    actor.require(Permission::ConfigureEvent)?;
    let session = deduplicated(session);
    let before = get(conn, session.id)?;
    check(conn, &session)?;
    if before == session {
        return Ok(());
    }
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    store::sessions::update(&tx, &session)?;
    let (old, new) = changed_fields(&before, &session);
    audit::record(
        &tx,
        actor,
        now,
        Change::new("session.update", "session", session.id),
        Some(&old),
        Some(&new),
    )?;
    tx.commit()?;
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
    actor.require(Permission::ConfigureEvent)?;
    let now = crate::clock::now();
    let before = get(conn, id)?;
    let tx = conn.transaction()?;
    let checkins = store::usage::checkins_of_session(&tx, id)?;
    if checkins > 0 {
        return Err(Error::Refused(format!(
            "session \"{}\" has {} recorded; removing it would lose that attendance",
            before.name,
            plural(checkins, "check-in", "check-ins")
        )));
    }
    store::sessions::delete(&tx, id)?;
    audit::record(
        &tx,
        actor,
        now,
        Change::new("session.delete", "session", id),
        Some(&before),
        None::<&()>,
    )?;
    tx.commit()?;
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
        let stored = get(&conn, id).unwrap();
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

        conn.execute(
            "INSERT INTO session_checkins (session_id, participant_id, at, operator) VALUES (?1, ?2, 0, 'x')",
            [id, participant],
        )
        .unwrap();
        let err = remove_session(&mut conn, &admin, id)
            .unwrap_err()
            .to_string();
        assert!(err.contains("1 check-in recorded"), "{err}");
        conn.execute("DELETE FROM session_checkins", []).unwrap();
        remove_session(&mut conn, &admin, id).unwrap();
        assert!(store::sessions::list(&conn).unwrap().is_empty());
    }
}
