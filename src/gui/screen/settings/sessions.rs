//! Sessions: the programme, each in one zone between a start and an end
//! (local time), open to every badge with the zone or by invitation only —
//! delegations picked from the event's list, participants found with the
//! desk's search.

use std::collections::HashMap;

use iced::widget::{button, checkbox, column, container, row, scrollable, text, text_input};
use iced::{Element, Fill, Task};

use super::checkpoints::{ZoneChoice, zone_choices};
use super::editor::{self, Editor, Item, Layout, Parts};
use super::{Checked, Saved, SetupData};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::{self, text_field};
use crate::gui::worker::{self, Outcome};
use accredit::auth::Actor;
use accredit::db::Db;
use accredit::domain::{Invitee, ParticipantId, Session, SessionId};
use accredit::search::fold_word;
use accredit::setup::{self, SessionForm};
use accredit::t;

#[derive(Default)]
pub struct State {
    editor: Editor<Session>,
    delegation_filter: String,
    participant_query: String,
    /// Participants found by the search: id, name, delegation code.
    found: Vec<(ParticipantId, String, String)>,
    searching: bool,
    /// Names of the participants invited or found.
    names: HashMap<ParticipantId, (String, String)>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Editor(editor::Message<Session>),
    Name(String),
    Zone(ZoneChoice),
    Start(String),
    End(String),
    InvitationOnly(bool),
    DelegationFilter(String),
    InviteDelegation(i64, bool),
    ParticipantQuery(String),
    Search,
    Found(Outcome<Vec<(ParticipantId, String, String)>>),
    InviteParticipant(ParticipantId),
    Uninvite(ParticipantId),
}

impl From<editor::Message<Session>> for Message {
    fn from(m: editor::Message<Session>) -> Self {
        Message::Editor(m)
    }
}

/// A new session's form: in the first zone, 09:00–10:00 on the first day.
fn fresh(data: &SetupData) -> SessionForm {
    let day = data.event.start_date;
    SessionForm {
        zone: data
            .zones
            .first()
            .map(|(z, _)| z.number.to_string())
            .unwrap_or_default(),
        start: format!("{day}T09:00"),
        end: format!("{day}T10:00"),
        ..SessionForm::default()
    }
}

impl Item for Session {
    type Row = Session;
    type Key = SessionId;
    type Form = SessionForm;
    type Affected = ();

    const LAYOUT: Layout = Layout::Long;
    const LIST_WIDTH: f32 = 440.0;

    fn rows(data: &SetupData) -> &[Session] {
        &data.sessions
    }

    fn of(row: &Session) -> &Session {
        row
    }

    fn key(&self) -> SessionId {
        self.id
    }

    fn form(&self, data: &SetupData) -> SessionForm {
        SessionForm::from_session(self, &data.event)
    }

    fn blank(data: &SetupData) -> SessionForm {
        fresh(data)
    }

    fn parse(form: &SessionForm, id: Option<SessionId>, data: &SetupData) -> Checked<Session> {
        form.parse(id.unwrap_or(0), &data.event)
    }

    fn add(&self, conn: &mut Db, actor: &Actor) -> accredit::Result<SessionId> {
        setup::add_session(conn, actor, self)
    }

    fn edit(&self, conn: &mut Db, actor: &Actor, _: bool) -> accredit::Result<setup::Outcome<()>> {
        setup::edit_session(conn, actor, self)?;
        Ok(setup::Outcome::Done(()))
    }

    fn remove(
        conn: &mut Db,
        actor: &Actor,
        id: SessionId,
        _: bool,
    ) -> accredit::Result<setup::Outcome<()>> {
        setup::remove_session(conn, actor, id)?;
        Ok(setup::Outcome::Done(()))
    }

    fn added(&self) -> String {
        t!("settings-session-added", name = &self.name)
    }

    fn saved(&self) -> String {
        t!("settings-session-saved", name = &self.name)
    }

    fn removed(form: &SessionForm, _id: SessionId) -> String {
        t!("settings-session-removed", name = &form.name)
    }

    fn title(_data: &SetupData) -> String {
        t!("settings-session-title")
    }

    fn new_label() -> String {
        t!("settings-session-new")
    }

    fn none_yet() -> Option<String> {
        Some(t!("settings-session-none-yet"))
    }

    fn heading(id: Option<SessionId>) -> String {
        match id {
            Some(_) => t!("settings-session-edit"),
            None => t!("settings-session-new"),
        }
    }

    fn line<'a, M: 'a>(s: &'a Session, data: &'a SetupData) -> Element<'a, M> {
        column![
            text(&s.name).size(14),
            text({
                let (start, end) = (
                    local_time(&data.event, s.starts_at),
                    data.event
                        .local_time(s.ends_at)
                        .get(11..)
                        .unwrap_or("")
                        .to_owned(),
                );
                let zone = data.zone_label(s.zone);
                if s.invitation_only {
                    t!(
                        "settings-session-line-by-invitation",
                        start = start,
                        end = end,
                        zone = zone
                    )
                } else {
                    t!(
                        "settings-session-line",
                        start = start,
                        end = end,
                        zone = zone
                    )
                }
            })
            .size(12),
        ]
        .into()
    }
}

impl State {
    pub fn loaded(&mut self, data: &SetupData) {
        self.names
            .extend(data.invited.iter().map(|(k, v)| (*k, v.clone())));
        self.editor.loaded(data);
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        let editor = &mut self.editor;
        match message {
            Message::Editor(m) => return editor.update(m, data, session),
            Message::Name(v) => editor.edit(data, |f| f.name = v),
            Message::Zone(z) => editor.edit(data, |f| f.zone = z.number.to_string()),
            Message::Start(v) => editor.edit(data, |f| f.start = v),
            Message::End(v) => editor.edit(data, |f| f.end = v),
            Message::InvitationOnly(on) => editor.edit(data, |f| {
                f.invitation_only = on;
                if !on {
                    f.invitees.clear();
                }
            }),
            Message::DelegationFilter(v) => self.delegation_filter = v,
            Message::InviteDelegation(id, on) => editor.edit_unchecked(|f| {
                f.invitees.retain(|i| *i != Invitee::Delegation(id));
                if on {
                    f.invitees.push(Invitee::Delegation(id));
                }
            }),
            Message::ParticipantQuery(v) => self.participant_query = v,
            Message::Search => {
                let query = self.participant_query.trim().to_string();
                if query.is_empty() || self.searching {
                    return (Task::none(), None);
                }
                self.searching = true;
                let (ws, actor) = (session.workspace.clone(), session.actor.clone());
                return (
                    worker::spawn(
                        move || {
                            let conn = ws.connection()?;
                            let found =
                                accredit::desk::participants::search(&conn, &actor, &query)?;
                            let ids: Vec<ParticipantId> =
                                found.iter().take(8).map(|p| p.id).collect();
                            setup::participant_names(&conn, &actor, &ids)
                        },
                        Message::Found,
                    ),
                    None,
                );
            }
            Message::Found(outcome) => {
                self.searching = false;
                match outcome {
                    Ok(found) => {
                        for (id, name, code) in &found {
                            self.names.insert(*id, (name.clone(), code.clone()));
                        }
                        self.found = found;
                    }
                    Err(e) => editor.status.problem = Some(e),
                }
            }
            Message::InviteParticipant(id) => editor.edit_unchecked(|f| {
                if !f.invitees.contains(&Invitee::Participant(id)) {
                    f.invitees.push(Invitee::Participant(id));
                }
            }),
            Message::Uninvite(id) => {
                editor.edit_unchecked(|f| f.invitees.retain(|i| *i != Invitee::Participant(id)))
            }
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let typed = &self.editor.form;
        let e = |f: &str| self.editor.error(f);
        let enabled = self.editor.enabled(may_edit);
        let on = |m: fn(String) -> Message| enabled.then_some(m);
        let zones = zone_choices(data);
        let selected_zone = zones
            .iter()
            .find(|z| Some(z.number) == typed.zone.trim().parse().ok())
            .cloned();
        let mut fields = vec![
            text_field(
                &t!("settings-session-name-label"),
                "settings-session-name",
                &t!("settings-session-name-example"),
                &typed.name,
                e("name"),
                on(Message::Name),
            ),
            form::field(
                &t!("settings-session-zone"),
                form::choice(zones, selected_zone, Message::Zone).width(Fill),
                e("zone"),
            ),
            row![
                text_field(
                    &t!("settings-session-start", time_zone = &data.event.time_zone),
                    "settings-session-start",
                    &t!("settings-session-time-placeholder"),
                    &typed.start,
                    e("start"),
                    on(Message::Start)
                ),
                text_field(
                    &t!("settings-session-end"),
                    "settings-session-end",
                    &t!("settings-session-time-placeholder"),
                    &typed.end,
                    e("end"),
                    on(Message::End)
                ),
            ]
            .spacing(10)
            .into(),
            checkbox(typed.invitation_only)
                .label(t!("settings-session-invitation-only"))
                .on_toggle_maybe(enabled.then_some(Message::InvitationOnly))
                .into(),
        ];
        if typed.invitation_only {
            fields.push(self.invitees_view(data, enabled));
        }
        if let Some(err) = e("invitees") {
            fields.push(form::problem(&err));
        }
        self.editor.view(data, may_edit, Parts::new(fields))
    }

    fn invitees_view<'a>(&'a self, data: &'a SetupData, enabled: bool) -> Element<'a, Message> {
        let wanted: Vec<String> = self
            .delegation_filter
            .split_whitespace()
            .map(fold_word)
            .collect();
        let invited = |id: i64| self.editor.form.invitees.contains(&Invitee::Delegation(id));
        let matching = data.delegations.iter().filter(|d| {
            invited(d.id)
                || wanted.iter().all(|w| {
                    d.code.to_lowercase().starts_with(w.as_str())
                        || d.name
                            .split_whitespace()
                            .any(|n| fold_word(n).starts_with(w.as_str()))
                })
        });
        let boxes = matching.take(80).fold(column![].spacing(2), |col, d| {
            let id = d.id;
            col.push(
                checkbox(invited(id))
                    .label(format!("{} — {}", d.code, d.name))
                    .text_size(13)
                    .on_toggle_maybe(
                        enabled.then_some(move |on| Message::InviteDelegation(id, on)),
                    ),
            )
        });
        let n_delegations = self
            .editor
            .form
            .invitees
            .iter()
            .filter(|i| matches!(i, Invitee::Delegation(_)))
            .count();
        let delegations = column![
            text(t!(
                "settings-session-delegations-invited",
                count = n_delegations
            ))
            .size(14),
            text_input(
                &t!("settings-session-filter-delegations"),
                &self.delegation_filter
            )
            .on_input(Message::DelegationFilter)
            .padding(6),
            container(scrollable(boxes)).height(200),
        ]
        .spacing(6)
        .width(Fill);

        let mut people = column![].spacing(2);
        for invitee in &self.editor.form.invitees {
            let Invitee::Participant(id) = invitee else {
                continue;
            };
            let (name, code) = self.names.get(id).cloned().unwrap_or_else(|| {
                (
                    t!("settings-session-participant-id", id = id.to_string()),
                    String::new(),
                )
            });
            people = people.push(
                row![
                    text(format!("{name} ({code})")).size(13).width(Fill),
                    button(text("×").size(13))
                        .style(button::text)
                        .on_press_maybe(enabled.then_some(Message::Uninvite(*id))),
                ]
                .align_y(iced::Center),
            );
        }
        let mut results = column![].spacing(2);
        for (id, name, code) in &self.found {
            let already = self
                .editor
                .form
                .invitees
                .contains(&Invitee::Participant(*id));
            results = results.push(
                row![
                    text(format!("{name} ({code})")).size(13).width(Fill),
                    button(
                        text(if already {
                            t!("settings-session-invited")
                        } else {
                            t!("settings-session-invite")
                        })
                        .size(13),
                    )
                    .style(button::secondary)
                    .on_press_maybe(
                        (enabled && !already).then_some(Message::InviteParticipant(*id))
                    ),
                ]
                .align_y(iced::Center),
            );
        }
        let n_people = self
            .editor
            .form
            .invitees
            .iter()
            .filter(|i| matches!(i, Invitee::Participant(_)))
            .count();
        let participants = column![
            text(t!(
                "settings-session-participants-invited",
                count = n_people
            ))
            .size(14),
            container(scrollable(people)).max_height(120),
            row![
                text_input(
                    &t!("settings-session-find-participant"),
                    &self.participant_query
                )
                .on_input(Message::ParticipantQuery)
                .on_submit(Message::Search)
                .padding(6),
                button(
                    text(if self.searching {
                        t!("settings-session-finding")
                    } else {
                        t!("settings-session-find")
                    })
                    .size(14),
                )
                .on_press_maybe((!self.searching).then_some(Message::Search)),
            ]
            .spacing(6),
            results,
        ]
        .spacing(6)
        .width(Fill);
        row![delegations, participants].spacing(14).into()
    }
}

/// A session's start as the list shows it: the date as the interface's
/// language writes it, then HH:MM, in the event's time zone.
fn local_time(event: &accredit::domain::Event, unix: i64) -> String {
    match jiff::Timestamp::from_second(unix) {
        Ok(ts) => {
            let at = ts.to_zoned_datetime(event.tz());
            format!(
                "{} {}",
                accredit::i18n::date_short(accredit::i18n::current(), at.date()),
                at.strftime("%H:%M")
            )
        }
        Err(_) => event.local_time(unix),
    }
}
