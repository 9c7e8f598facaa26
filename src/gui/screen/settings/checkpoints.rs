//! Checkpoints: the doors where badges are scanned, each into one zone, for
//! entry, exit or both.

use iced::widget::{column, text};
use iced::{Element, Fill, Task};

use super::editor::{self, Editor, Item, Layout, Parts};
use super::{Checked, Saved, SetupData};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::{self, text_field};
use accredit::auth::Actor;
use accredit::db::Db;
use accredit::domain::{Checkpoint, CheckpointId, Directions, ZoneNumber};
use accredit::setup::{self, CheckpointForm, Outcome};
use accredit::t;

#[derive(Default)]
pub struct State {
    editor: Editor<Checkpoint>,
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
    Editor(editor::Message<Checkpoint>),
    Name(String),
    Zone(ZoneChoice),
    Directions(DirectionsChoice),
}

impl From<editor::Message<Checkpoint>> for Message {
    fn from(m: editor::Message<Checkpoint>) -> Self {
        Message::Editor(m)
    }
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

impl Item for Checkpoint {
    type Row = Checkpoint;
    type Key = CheckpointId;
    type Form = CheckpointForm;
    type Affected = ();

    const LAYOUT: Layout = Layout::Short;
    const LIST_WIDTH: f32 = 560.0;

    fn rows(data: &SetupData) -> &[Checkpoint] {
        &data.checkpoints
    }

    fn of(row: &Checkpoint) -> &Checkpoint {
        row
    }

    fn key(&self) -> CheckpointId {
        self.id
    }

    fn form(&self, _data: &SetupData) -> CheckpointForm {
        CheckpointForm::from_checkpoint(self)
    }

    fn blank(data: &SetupData) -> CheckpointForm {
        fresh(data)
    }

    fn parse(
        form: &CheckpointForm,
        id: Option<CheckpointId>,
        _data: &SetupData,
    ) -> Checked<Checkpoint> {
        form.parse(id.unwrap_or(0))
    }

    fn add(&self, conn: &mut Db, actor: &Actor) -> accredit::Result<CheckpointId> {
        setup::add_checkpoint(conn, actor, self)
    }

    fn edit(&self, conn: &mut Db, actor: &Actor, _: bool) -> accredit::Result<Outcome<()>> {
        setup::edit_checkpoint(conn, actor, self)?;
        Ok(Outcome::Done(()))
    }

    fn remove(
        conn: &mut Db,
        actor: &Actor,
        id: CheckpointId,
        _: bool,
    ) -> accredit::Result<Outcome<()>> {
        setup::remove_checkpoint(conn, actor, id)?;
        Ok(Outcome::Done(()))
    }

    fn added(&self) -> String {
        t!("settings-checkpoint-added", name = &self.name)
    }

    fn saved(&self) -> String {
        t!("settings-checkpoint-saved", name = &self.name)
    }

    fn removed(form: &CheckpointForm, _id: CheckpointId) -> String {
        t!("settings-checkpoint-removed", name = &form.name)
    }

    fn title(_data: &SetupData) -> String {
        t!("settings-checkpoint-title")
    }

    fn new_label() -> String {
        t!("settings-checkpoint-new")
    }

    fn none_yet() -> Option<String> {
        Some(t!("settings-checkpoint-none-yet"))
    }

    fn heading(id: Option<CheckpointId>) -> String {
        match id {
            Some(_) => t!("settings-checkpoint-edit"),
            None => t!("settings-checkpoint-new"),
        }
    }

    fn line<'a, M: 'a>(c: &'a Checkpoint, data: &'a SetupData) -> Element<'a, M> {
        column![
            text(&c.name).size(14),
            text(t!(
                "settings-checkpoint-line",
                zone = data.zone_label(c.zone),
                directions = DirectionsChoice(c.directions).to_string()
            ))
            .size(12),
        ]
        .into()
    }
}

impl State {
    pub fn loaded(&mut self, data: &SetupData) {
        self.editor.loaded(data);
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        match message {
            Message::Editor(m) => return self.editor.update(m, data, session),
            Message::Name(v) => self.editor.edit(data, |f| f.name = v),
            Message::Zone(z) => self
                .editor
                .edit_unchecked(|f| f.zone = z.number.to_string()),
            Message::Directions(d) => self
                .editor
                .edit_unchecked(|f| f.directions = d.0.as_str().into()),
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let typed = &self.editor.form;
        let e = |f: &str| self.editor.error(f);
        let zones = zone_choices(data);
        let selected_zone = zones
            .iter()
            .find(|z| Some(z.number) == typed.zone.trim().parse().ok())
            .cloned();
        let selected_directions = typed
            .directions
            .parse::<Directions>()
            .ok()
            .map(DirectionsChoice);
        let fields = vec![
            text_field(
                &t!("settings-checkpoint-name-label"),
                "settings-checkpoint-name",
                &t!("settings-checkpoint-name-example"),
                &typed.name,
                e("name"),
                self.editor.enabled(may_edit).then_some(Message::Name),
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
        ];
        self.editor.view(data, may_edit, Parts::new(fields))
    }
}
