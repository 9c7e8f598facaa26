//! `accredit sessions list|add|edit|remove`.

use accredit::db::Db;
use std::collections::HashMap;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Context, output};
use accredit::domain::{Event, Invitee, ParticipantId, Session, SessionId, ZoneNumber};
use accredit::lookup;
use accredit::setup::{self, SessionForm};
use accredit::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// The programme, in time order.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a session.
    Add {
        #[arg(long)]
        name: String,
        #[command(flatten)]
        fields: SessionArgs,
    },
    /// Change a session (only the fields given).
    Edit {
        /// The session's name or id.
        session: String,
        /// A new name.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: SessionArgs,
        /// Open the session to every badge with its zone (drops the invitations).
        #[arg(long, conflicts_with = "invitation_only")]
        open: bool,
        /// Take this delegation off the invitations (code; repeat for several).
        #[arg(long, value_name = "CODE")]
        uninvite_delegation: Vec<String>,
        /// Take this participant off the invitations (id; repeat for several).
        #[arg(long, value_name = "ID")]
        uninvite_participant: Vec<ParticipantId>,
    },
    /// Remove a session with no check-in recorded.
    Remove {
        /// The session's name or id.
        session: String,
    },
}

#[derive(Debug, Args)]
pub struct SessionArgs {
    /// The zone it takes place in.
    #[arg(long)]
    zone: Option<String>,
    /// Local date and time in the event's time zone, e.g. 2025-10-25T09:00.
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    start: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    end: Option<String>,
    /// Only the invited delegations and participants attend.
    #[arg(long)]
    invitation_only: bool,
    /// Invite a delegation (code; repeat for several).
    #[arg(long, value_name = "CODE")]
    invite_delegation: Vec<String>,
    /// Invite a participant (id; repeat for several).
    #[arg(long, value_name = "ID")]
    invite_participant: Vec<ParticipantId>,
}

#[derive(Serialize)]
struct SessionView {
    id: SessionId,
    name: String,
    zone: ZoneNumber,
    starts_at: i64,
    ends_at: i64,
    /// Local times in the event's time zone.
    start: String,
    end: String,
    invitation_only: bool,
    invited_delegations: Vec<String>,
    invited_participants: Vec<ParticipantId>,
}

fn delegation_id(conn: &Db, code: &str) -> Result<i64> {
    Ok(lookup::delegations::find_by_code(conn, code)?
        .ok_or_else(|| Error::not_found("delegation", code))?
        .id)
}

fn find(conn: &Db, key: &str) -> Result<Session> {
    let sessions = lookup::sessions::list(conn)?;
    let by_id = key.trim().parse::<SessionId>().ok();
    sessions
        .into_iter()
        .find(|s| Some(s.id) == by_id || s.name.eq_ignore_ascii_case(key.trim()))
        .ok_or_else(|| Error::not_found("session", key))
}

impl SessionArgs {
    fn apply(&self, conn: &Db, form: &mut SessionForm) -> Result<()> {
        for (value, target) in [
            (&self.zone, &mut form.zone),
            (&self.start, &mut form.start),
            (&self.end, &mut form.end),
        ] {
            if let Some(v) = value {
                *target = v.clone();
            }
        }
        if self.invitation_only {
            form.invitation_only = true;
        }
        for code in &self.invite_delegation {
            form.invitees
                .push(Invitee::Delegation(delegation_id(conn, code)?));
        }
        for id in &self.invite_participant {
            form.invitees.push(Invitee::Participant(*id));
        }
        Ok(())
    }
}

fn local(event: &Event, t: i64) -> String {
    event.local_time(t)
}

pub fn run(ctx: &Context, cmd: SessionsCommand) -> Result<()> {
    let (mut conn, actor) = ctx.sign_in()?;
    let event = lookup::event::get(&conn)?;
    match cmd {
        SessionsCommand::List { json } => {
            let codes: HashMap<i64, String> = lookup::delegations::list(&conn)?
                .into_iter()
                .map(|d| (d.id, d.code))
                .collect();
            let views: Vec<SessionView> = lookup::sessions::list(&conn)?
                .into_iter()
                .map(|s| SessionView {
                    id: s.id,
                    start: local(&event, s.starts_at),
                    end: local(&event, s.ends_at),
                    invited_delegations: s
                        .invitees
                        .iter()
                        .filter_map(|i| match i {
                            Invitee::Delegation(d) => codes.get(d).cloned(),
                            Invitee::Participant(_) => None,
                        })
                        .collect(),
                    invited_participants: s
                        .invitees
                        .iter()
                        .filter_map(|i| match i {
                            Invitee::Participant(p) => Some(*p),
                            Invitee::Delegation(_) => None,
                        })
                        .collect(),
                    name: s.name,
                    zone: s.zone,
                    starts_at: s.starts_at,
                    ends_at: s.ends_at,
                    invitation_only: s.invitation_only,
                })
                .collect();
            if json {
                return output::json(&views);
            }
            let rows: Vec<Vec<String>> = views
                .iter()
                .map(|v| {
                    vec![
                        v.start.clone(),
                        v.end.get(11..).unwrap_or(&v.end).to_string(),
                        v.zone.to_string(),
                        v.name.clone(),
                        if v.invitation_only {
                            format!(
                                "{} delegation(s), {} participant(s)",
                                v.invited_delegations.len(),
                                v.invited_participants.len()
                            )
                        } else {
                            "open".into()
                        },
                    ]
                })
                .collect();
            output::table(&["START", "END", "ZONE", "SESSION", "INVITED"], &rows)
        }
        SessionsCommand::Add { name, fields } => {
            let mut form = SessionForm {
                name,
                ..SessionForm::default()
            };
            fields.apply(&conn, &mut form)?;
            let session = form.parse(0, &event).map_err(Error::Invalid)?;
            let id = setup::add_session(&mut conn, &actor, &session)?;
            output::say(format!(
                "Added session {id} \"{}\" ({} – {}, zone {}).",
                session.name,
                local(&event, session.starts_at),
                local(&event, session.ends_at),
                session.zone
            ))
        }
        SessionsCommand::Edit {
            session,
            name,
            fields,
            open,
            uninvite_delegation,
            uninvite_participant,
        } => {
            let current = find(&conn, &session)?;
            let mut form = SessionForm::from_session(&current, &event);
            if let Some(name) = name {
                form.name = name;
            }
            fields.apply(&conn, &mut form)?;
            if open {
                form.invitation_only = false;
                form.invitees.clear();
            }
            for code in &uninvite_delegation {
                let id = delegation_id(&conn, code)?;
                form.invitees.retain(|i| *i != Invitee::Delegation(id));
            }
            form.invitees.retain(
                |i| !matches!(i, Invitee::Participant(p) if uninvite_participant.contains(p)),
            );
            let session = form.parse(current.id, &event).map_err(Error::Invalid)?;
            setup::edit_session(&mut conn, &actor, &session)?;
            output::say(format!(
                "Saved session {} \"{}\".",
                session.id, session.name
            ))
        }
        SessionsCommand::Remove { session } => {
            let current = find(&conn, &session)?;
            setup::remove_session(&mut conn, &actor, current.id)?;
            output::say(format!("Removed session \"{}\".", current.name))
        }
    }
}
