//! Checkpoints: the doors where badges are scanned, each into one zone, for
//! entry, exit or both.

use iced::widget::{button, column, row, scrollable, text};
use iced::{Element, Fill, Task};

use super::editor::{self, Finished};
use super::{Checked, Saved, SetupData, editor_buttons, list_row};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::{self, error_of, text_field};
use crate::gui::worker::Outcome;
use accredit::domain::{CheckpointId, Directions, ZoneNumber};
use accredit::setup::{self, CheckpointForm};
use accredit::t;

#[derive(Default)]
pub struct State {
    selected: Option<CheckpointId>,
    pub form: CheckpointForm,
    status: editor::Status,
}

/// A zone in a pick list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneChoice {
    pub number: ZoneNumber,
    pub label: String,
}

impl std::fmt::Display for ZoneChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// The zones of the event, for pick lists.
pub fn zone_choices(data: &SetupData) -> Vec<ZoneChoice> {
    data.zones
        .iter()
        .map(|(z, _)| ZoneChoice {
            number: z.number,
            label: format!("{} {}", z.number, z.name),
        })
        .collect()
}

const DIRECTIONS: [DirectionsChoice; 3] = [
    DirectionsChoice(Directions::Both),
    DirectionsChoice(Directions::Entry),
    DirectionsChoice(Directions::Exit),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectionsChoice(pub Directions);

impl std::fmt::Display for DirectionsChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Directions::Both => t!("settings-checkpoint-both-ways"),
            Directions::Entry => t!("settings-checkpoint-entry-only"),
            Directions::Exit => t!("settings-checkpoint-exit-only"),
        })
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Select(CheckpointId),
    New,
    Name(String),
    Zone(ZoneChoice),
    Directions(DirectionsChoice),
    Save,
    Remove,
    Done(Outcome<Checked<Change>>),
}

/// What a job did.
pub type Change = editor::Change<CheckpointId>;

impl State {
    pub fn loaded(&mut self, data: &SetupData) {
        let current = self
            .selected
            .and_then(|id| data.checkpoints.iter().find(|c| c.id == id))
            .or_else(|| data.checkpoints.first());
        match current {
            Some(c) if self.selected.is_some() || self.form == CheckpointForm::default() => {
                self.selected = Some(c.id);
                self.form = CheckpointForm::from_checkpoint(c);
            }
            None if self.selected.is_some() || self.form == CheckpointForm::default() => {
                self.selected = None;
                self.form = State::fresh(data);
            }
            _ => {}
        }
        self.status.errors.clear();
    }

    /// A new checkpoint's form: into the first zone, both ways.
    fn fresh(data: &SetupData) -> CheckpointForm {
        CheckpointForm {
            zone: data
                .zones
                .first()
                .map(|(z, _)| z.number.to_string())
                .unwrap_or_default(),
            ..CheckpointForm::default()
        }
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        match message {
            Message::Select(id) => {
                if let Some(c) = data.checkpoints.iter().find(|c| c.id == id) {
                    self.selected = Some(id);
                    self.form = CheckpointForm::from_checkpoint(c);
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
                self.status.edited(self.form.parse(0));
            }
            Message::Zone(z) => {
                self.form.zone = z.number.to_string();
                self.status.saved = None;
            }
            Message::Directions(d) => {
                self.form.directions = d.0.as_str().into();
                self.status.saved = None;
            }
            Message::Save => {
                let c = match self.form.parse(self.selected.unwrap_or(0)) {
                    Ok(c) => c,
                    Err(errors) => {
                        self.status.errors = errors;
                        return (Task::none(), None);
                    }
                };
                let adding = self.selected.is_none();
                let added = t!("settings-checkpoint-added", name = &c.name);
                let saved = t!("settings-checkpoint-saved", name = &c.name);
                return (
                    self.status.start(
                        session,
                        move |conn, actor| {
                            let id = if adding {
                                setup::add_checkpoint(conn, actor, &c)?
                            } else {
                                setup::edit_checkpoint(conn, actor, &c)?;
                                c.id
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
                let removed = t!("settings-checkpoint-removed", name = &self.form.name);
                return (
                    self.status.start(
                        session,
                        move |conn, actor| {
                            setup::remove_checkpoint(conn, actor, id)?;
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
        let list = data
            .checkpoints
            .iter()
            .fold(column![].spacing(2), |col, c| {
                let line = column![
                    text(&c.name).size(14),
                    text(t!(
                        "settings-checkpoint-line",
                        zone = data.zone_label(c.zone),
                        directions = DirectionsChoice(c.directions).to_string()
                    ))
                    .size(12),
                ];
                col.push(list_row(
                    line,
                    self.selected == Some(c.id),
                    Message::Select(c.id),
                ))
            });
        let list = column![
            row![
                text(t!("settings-checkpoint-title")).size(18).width(Fill),
                button(text(t!("settings-checkpoint-new")).size(14))
                    .style(button::secondary)
                    .on_press_maybe(may_edit.then_some(Message::New)),
            ]
            .align_y(iced::Center),
            if data.checkpoints.is_empty() {
                column![text(t!("settings-checkpoint-none-yet")).size(14)].into()
            } else {
                Element::from(scrollable(list).height(Fill))
            },
        ]
        .spacing(8)
        .width(560);
        let e = |f: &str| error_of(&self.status.errors, f);
        let enabled = may_edit && !self.status.busy;
        let zones = zone_choices(data);
        let selected_zone = zones
            .iter()
            .find(|z| Some(z.number) == self.form.zone.trim().parse().ok())
            .cloned();
        let selected_directions = self
            .form
            .directions
            .parse::<Directions>()
            .ok()
            .map(DirectionsChoice);
        let editor = column![
            text(if self.selected.is_some() {
                t!("settings-checkpoint-edit")
            } else {
                t!("settings-checkpoint-new")
            })
            .size(18),
            text_field(
                &t!("settings-checkpoint-name-label"),
                "settings-checkpoint-name",
                &t!("settings-checkpoint-name-example"),
                &self.form.name,
                e("name"),
                enabled.then_some(Message::Name)
            ),
            form::field(
                &t!("settings-checkpoint-zone"),
                form::choice(zones, selected_zone, Message::Zone).width(Fill),
                e("zone"),
            ),
            form::field(
                &t!("settings-checkpoint-directions"),
                form::choice(DIRECTIONS, selected_directions, Message::Directions).width(220),
                e("directions"),
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
