//! Zones: numbers 1 to 64 with a code and a name. The number is what badges
//! carry, so only a new zone's number can be typed; a zone in use cannot be
//! removed, and the refusal says what uses it.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Fill, Task};

use super::editor::{self, Change, Finished};
use super::{Checked, Saved, SetupData, editor_buttons, list_row};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::{error_of, text_field};
use crate::gui::worker::Outcome;
use accredit::domain::ZoneNumber;
use accredit::setup::{self, ZoneForm};
use accredit::t;

#[derive(Default)]
pub struct State {
    selected: Option<ZoneNumber>,
    pub form: ZoneForm,
    status: editor::Status,
}

#[derive(Debug, Clone)]
pub enum Message {
    Select(ZoneNumber),
    New,
    Number(String),
    Code(String),
    Name(String),
    Save,
    Remove,
    Done(Outcome<Checked<Change<ZoneNumber>>>),
}

impl State {
    pub fn loaded(&mut self, data: &SetupData) {
        let current = self
            .selected
            .and_then(|n| data.zones.iter().find(|(z, _)| z.number == n))
            .or_else(|| data.zones.first());
        if let Some((z, _)) = current
            && (self.selected.is_some() || self.form == ZoneForm::default())
        {
            self.selected = Some(z.number);
            self.form = ZoneForm::from_zone(z);
        }
        self.status.errors.clear();
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        let edited = |s: &mut State| s.status.edited(s.form.parse());
        match message {
            Message::Select(n) => {
                if let Some((z, _)) = data.zones.iter().find(|(z, _)| z.number == n) {
                    self.selected = Some(n);
                    self.form = ZoneForm::from_zone(z);
                    self.status.clear();
                }
            }
            Message::New => {
                let free = (1..=64u8).find(|n| !data.zones.iter().any(|(z, _)| z.number == *n));
                self.selected = None;
                self.form = ZoneForm {
                    number: free.map(|n| n.to_string()).unwrap_or_default(),
                    ..ZoneForm::default()
                };
                self.status.clear();
            }
            Message::Number(v) => {
                self.form.number = v;
                edited(self);
            }
            Message::Code(v) => {
                self.form.code = v.to_uppercase();
                edited(self);
            }
            Message::Name(v) => {
                self.form.name = v;
                edited(self);
            }
            Message::Save => {
                let zone = match self.form.parse() {
                    Ok(z) => z,
                    Err(errors) => {
                        self.status.errors = errors;
                        return (Task::none(), None);
                    }
                };
                let adding = self.selected.is_none();
                let added = t!(
                    "settings-zone-added",
                    number = zone.number,
                    code = &zone.code
                );
                let saved = t!(
                    "settings-zone-saved",
                    number = zone.number,
                    code = &zone.code
                );
                return (
                    self.status.start(
                        session,
                        move |conn, actor| {
                            if adding {
                                setup::add_zone(conn, actor, &zone)?;
                            } else {
                                setup::edit_zone(conn, actor, &zone)?;
                            }
                            Ok(Change::stored(adding, added, saved, zone.number))
                        },
                        Message::Done,
                    ),
                    None,
                );
            }
            Message::Remove => {
                let Some(n) = self.selected else {
                    return (Task::none(), None);
                };
                let removed = t!("settings-zone-removed", number = n);
                return (
                    self.status.start(
                        session,
                        move |conn, actor| {
                            setup::remove_zone(conn, actor, n)?;
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
                        Finished::Saved(n) => self.selected = Some(n),
                        Finished::Removed => {
                            self.selected = None;
                            self.form = ZoneForm::default();
                        }
                    }
                    return (Task::none(), Some(Saved::Reload));
                }
            }
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let list = data
            .zones
            .iter()
            .fold(column![].spacing(2), |col, (z, used)| {
                let uses = [
                    (!used.categories.is_empty()).then(|| {
                        t!(
                            "settings-zone-used-by-categories",
                            categories = used.categories.join(" ")
                        )
                    }),
                    (!used.checkpoints.is_empty()).then(|| {
                        t!(
                            "settings-zone-used-by-checkpoints",
                            count = used.checkpoints.len()
                        )
                    }),
                    (!used.sessions.is_empty()).then(|| {
                        t!(
                            "settings-zone-used-by-sessions",
                            count = used.sessions.len()
                        )
                    }),
                    (used.active_badges > 0)
                        .then(|| t!("settings-zone-used-by-badges", count = used.active_badges)),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>();
                let line = row![
                    text(z.number.to_string()).size(18).width(40),
                    column![
                        text(format!("{} — {}", z.code, z.name)).size(14),
                        text(if uses.is_empty() {
                            t!("settings-zone-not-used")
                        } else {
                            uses.join(" · ")
                        })
                        .size(12),
                    ]
                    .width(Fill),
                ]
                .align_y(iced::Center);
                col.push(list_row(
                    line,
                    self.selected == Some(z.number),
                    Message::Select(z.number),
                ))
            });
        let list = column![
            row![
                text(t!("settings-zone-title")).size(18).width(Fill),
                button(text(t!("settings-zone-new")).size(14))
                    .style(button::secondary)
                    .on_press_maybe((may_edit && data.zones.len() < 64).then_some(Message::New)),
            ]
            .align_y(iced::Center),
            scrollable(list).height(Fill),
        ]
        .spacing(8)
        .width(560);
        let e = |f: &str| error_of(&self.status.errors, f);
        let on = |m: fn(String) -> Message| (may_edit && !self.status.busy).then_some(m);
        let editor = column![
            text(match self.selected {
                Some(n) => t!("settings-zone-heading", number = n),
                None => t!("settings-zone-new"),
            })
            .size(18),
            text(t!("settings-zone-number-note")).size(13),
            container(text_field(
                &t!("settings-zone-number"),
                "settings-zone-number",
                "10",
                &self.form.number,
                e("number"),
                if self.selected.is_none() {
                    on(Message::Number)
                } else {
                    None
                },
            ))
            .width(160),
            container(text_field(
                &t!("settings-zone-code"),
                "settings-zone-code",
                "VIP",
                &self.form.code,
                e("code"),
                on(Message::Code)
            ))
            .width(200),
            text_field(
                &t!("settings-zone-name"),
                "settings-zone-name",
                &t!("settings-zone-name-example"),
                &self.form.name,
                e("name"),
                on(Message::Name)
            ),
            editor_buttons(
                may_edit,
                self.status.busy,
                Message::Save,
                self.selected.map(|_| Message::Remove)
            ),
            self.status.notes(),
        ]
        .spacing(10)
        .max_width(520);
        row![list, editor].spacing(24).into()
    }
}
