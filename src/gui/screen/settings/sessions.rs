//! Sessions: the programme, each in one zone between a start and an end
//! (local time), open to every badge with the zone or by invitation only —
//! delegations picked from the event's list, participants found with the
//! desk's search.

use std::collections::HashMap;

use iced::widget::{button, checkbox, column, container, row, scrollable, text, text_input};
use iced::{Element, Fill, Task};

use super::checkpoints::{ZoneChoice, zone_choices};
use super::editor::{self, Finished};
use super::{Checked, Saved, SetupData, editor_buttons, list_row};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::{self, error_of, text_field};
use crate::gui::worker::{self, Outcome};
use accredit::domain::{Invitee, ParticipantId, SessionId};
use accredit::search::fold_word;
use accredit::setup::{self, SessionForm};
use accredit::t;

#[derive(Default)]
pub struct State {
    selected: Option<SessionId>,
    pub form: SessionForm,
    status: editor::Status,
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
    Select(SessionId),
    New,
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
    Save,
    Remove,
    Done(Outcome<Checked<Change>>),
}

/// What a job did.
pub type Change = editor::Change<SessionId>;

impl State {
    pub fn loaded(&mut self, data: &SetupData) {
        self.names
            .extend(data.invited.iter().map(|(k, v)| (*k, v.clone())));
        let current = self
            .selected
            .and_then(|id| data.sessions.iter().find(|s| s.id == id))
            .or_else(|| data.sessions.first());
        match current {
            Some(s) if self.selected.is_some() || self.form == SessionForm::default() => {
                self.selected = Some(s.id);
                self.form = SessionForm::from_session(s, &data.event);
            }
            None if self.selected.is_some() || self.form == SessionForm::default() => {
                self.selected = None;
                self.form = State::fresh(data);
            }
            _ => {}
        }
        self.status.errors.clear();
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

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        let edited = |s: &mut State| {
            s.status
                .edited(s.form.parse(s.selected.unwrap_or(0), &data.event))
        };
        match message {
            Message::Select(id) => {
                if let Some(s) = data.sessions.iter().find(|s| s.id == id) {
                    self.selected = Some(id);
                    self.form = SessionForm::from_session(s, &data.event);
                    self.status.clear();
                }
            }
            Message::New => {
                self.selected = None;
                self.form = State::fresh(data);
                self.status.clear();
            }
            Message::Name(v) => {
                self.form.name = v;
                edited(self);
            }
            Message::Zone(z) => {
                self.form.zone = z.number.to_string();
                edited(self);
            }
            Message::Start(v) => {
                self.form.start = v;
                edited(self);
            }
            Message::End(v) => {
                self.form.end = v;
                edited(self);
            }
            Message::InvitationOnly(on) => {
                self.form.invitation_only = on;
                if !on {
                    self.form.invitees.clear();
                }
                edited(self);
            }
            Message::DelegationFilter(v) => self.delegation_filter = v,
            Message::InviteDelegation(id, on) => {
                self.form.invitees.retain(|i| *i != Invitee::Delegation(id));
                if on {
                    self.form.invitees.push(Invitee::Delegation(id));
                }
                self.status.saved = None;
            }
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
                    Err(e) => self.status.problem = Some(e),
                }
            }
            Message::InviteParticipant(id) => {
                if !self.form.invitees.contains(&Invitee::Participant(id)) {
                    self.form.invitees.push(Invitee::Participant(id));
                }
                self.status.saved = None;
            }
            Message::Uninvite(id) => {
                self.form
                    .invitees
                    .retain(|i| *i != Invitee::Participant(id));
                self.status.saved = None;
            }
            Message::Save => {
                let s = match self.form.parse(self.selected.unwrap_or(0), &data.event) {
                    Ok(s) => s,
                    Err(errors) => {
                        self.status.errors = errors;
                        return (Task::none(), None);
                    }
                };
                let adding = self.selected.is_none();
                let added = t!("settings-session-added", name = &s.name);
                let saved = t!("settings-session-saved", name = &s.name);
                return (
                    self.status.start(
                        session,
                        move |conn, actor| {
                            let id = if adding {
                                setup::add_session(conn, actor, &s)?
                            } else {
                                setup::edit_session(conn, actor, &s)?;
                                s.id
                            };
                            Ok(Change::stored(adding, added, saved, id))
                        },
                        Message::Done,
                    ),
                    None,
                );
            }
            Message::Remove => {
                let Some(id) = self.selected else {
                    return (Task::none(), None);
                };
                let removed = t!("settings-session-removed", name = &self.form.name);
                return (
                    self.status.start(
                        session,
                        move |conn, actor| {
                            setup::remove_session(conn, actor, id)?;
                            Ok(Change::Removed(removed))
                        },
                        Message::Done,
                    ),
                    None,
                );
            }
            Message::Done(outcome) => {
                if let Some(finished) = self.status.take(outcome) {
                    match finished {
                        Finished::Saved(id) => self.selected = Some(id),
                        Finished::Removed => {
                            self.selected = None;
                            self.form = State::fresh(data);
                        }
                    }
                    return (Task::none(), Some(Saved::Reload));
                }
            }
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let list = data.sessions.iter().fold(column![].spacing(2), |col, s| {
            let line = column![
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
            ];
            col.push(list_row(
                line,
                self.selected == Some(s.id),
                Message::Select(s.id),
            ))
        });
        let list = column![
            row![
                text(t!("settings-session-title")).size(18).width(Fill),
                button(text(t!("settings-session-new")).size(14))
                    .style(button::secondary)
                    .on_press_maybe(may_edit.then_some(Message::New)),
            ]
            .align_y(iced::Center),
            if data.sessions.is_empty() {
                column![text(t!("settings-session-none-yet")).size(14)].into()
            } else {
                Element::from(scrollable(list).height(Fill))
            },
        ]
        .spacing(8)
        .width(440);

        let e = |f: &str| error_of(&self.status.errors, f);
        let enabled = may_edit && !self.status.busy;
        let on = |m: fn(String) -> Message| enabled.then_some(m);
        let zones = zone_choices(data);
        let selected_zone = zones
            .iter()
            .find(|z| Some(z.number) == self.form.zone.trim().parse().ok())
            .cloned();
        let mut editor = column![
            text(if self.selected.is_some() {
                t!("settings-session-edit")
            } else {
                t!("settings-session-new")
            })
            .size(18),
            text_field(
                &t!("settings-session-name-label"),
                "settings-session-name",
                &t!("settings-session-name-example"),
                &self.form.name,
                e("name"),
                on(Message::Name)
            ),
            form::field(
                &t!("settings-session-zone"),
                form::choice(zones, selected_zone, Message::Zone).width(Fill),
                e("zone")
            ),
            row![
                text_field(
                    &t!("settings-session-start", time_zone = &data.event.time_zone),
                    "settings-session-start",
                    &t!("settings-session-time-placeholder"),
                    &self.form.start,
                    e("start"),
                    on(Message::Start)
                ),
                text_field(
                    &t!("settings-session-end"),
                    "settings-session-end",
                    &t!("settings-session-time-placeholder"),
                    &self.form.end,
                    e("end"),
                    on(Message::End)
                ),
            ]
            .spacing(10),
            checkbox(self.form.invitation_only)
                .label(t!("settings-session-invitation-only"))
                .on_toggle_maybe(enabled.then_some(Message::InvitationOnly)),
        ]
        .spacing(10);
        if self.form.invitation_only {
            editor = editor.push(self.invitees_view(data, enabled));
        }
        if let Some(err) = e("invitees") {
            editor = editor.push(form::problem(&err));
        }
        let footer = column![
            editor_buttons(
                may_edit,
                self.status.busy,
                Message::Save,
                self.selected.map(|_| Message::Remove),
            ),
            self.status.notes()
        ]
        .spacing(8)
        .padding(iced::padding::top(8).right(18));
        row![
            list,
            column![
                scrollable(editor.padding(iced::padding::right(18))).height(Fill),
                footer
            ]
            .width(Fill)
        ]
        .spacing(20)
        .into()
    }

    fn invitees_view<'a>(&'a self, data: &'a SetupData, enabled: bool) -> Element<'a, Message> {
        let wanted: Vec<String> = self
            .delegation_filter
            .split_whitespace()
            .map(fold_word)
            .collect();
        let invited = |id: i64| self.form.invitees.contains(&Invitee::Delegation(id));
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
        for invitee in &self.form.invitees {
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
            let already = self.form.invitees.contains(&Invitee::Participant(*id));
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
