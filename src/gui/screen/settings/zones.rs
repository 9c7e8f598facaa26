//! Zones: numbers 1 to 64 with a code and a name. The number is what badges
//! carry, so only a new zone's number can be typed; a zone in use cannot be
//! removed, and the refusal says what uses it.

use iced::widget::{column, container, row, text};
use iced::{Element, Fill, Task};

use super::editor::{self, Editor, Item, Layout, Parts};
use super::{Checked, Saved, SetupData};
use crate::gui::Session as AppSession;
use crate::gui::screen::form::text_field;
use accredit::auth::Actor;
use accredit::db::Db;
use accredit::domain::{Zone, ZoneNumber};
use accredit::lookup::usage::ZoneUse;
use accredit::setup::{self, Outcome, ZoneForm};
use accredit::t;

#[derive(Default)]
pub struct State {
    editor: Editor<Zone>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Editor(editor::Message<Zone>),
    Number(String),
    Code(String),
    Name(String),
}

impl From<editor::Message<Zone>> for Message {
    fn from(m: editor::Message<Zone>) -> Self {
        Message::Editor(m)
    }
}

impl Item for Zone {
    type Row = (Zone, ZoneUse);
    type Key = ZoneNumber;
    type Form = ZoneForm;
    type Affected = ();

    const LAYOUT: Layout = Layout::Short;
    const LIST_WIDTH: f32 = 560.0;

    fn rows(data: &SetupData) -> &[(Zone, ZoneUse)] {
        &data.zones
    }

    fn of(row: &(Zone, ZoneUse)) -> &Zone {
        &row.0
    }

    fn key(&self) -> ZoneNumber {
        self.number
    }

    fn form(&self, _data: &SetupData) -> ZoneForm {
        ZoneForm::from_zone(self)
    }

    fn blank(_data: &SetupData) -> ZoneForm {
        ZoneForm::default()
    }

    /// A new zone takes the first free number.
    fn new_form(data: &SetupData) -> ZoneForm {
        let free = (1..=64u8).find(|n| !data.zones.iter().any(|(z, _)| z.number == *n));
        ZoneForm {
            number: free.map(|n| n.to_string()).unwrap_or_default(),
            ..ZoneForm::default()
        }
    }

    fn parse(form: &ZoneForm, _key: Option<ZoneNumber>, _data: &SetupData) -> Checked<Zone> {
        form.parse()
    }

    fn add(&self, conn: &mut Db, actor: &Actor) -> accredit::Result<ZoneNumber> {
        setup::add_zone(conn, actor, self)?;
        Ok(self.number)
    }

    fn edit(&self, conn: &mut Db, actor: &Actor, _: bool) -> accredit::Result<Outcome<()>> {
        setup::edit_zone(conn, actor, self)?;
        Ok(Outcome::Done(()))
    }

    fn remove(
        conn: &mut Db,
        actor: &Actor,
        number: ZoneNumber,
        _: bool,
    ) -> accredit::Result<Outcome<()>> {
        setup::remove_zone(conn, actor, number)?;
        Ok(Outcome::Done(()))
    }

    fn added(&self) -> String {
        t!(
            "settings-zone-added",
            number = self.number,
            code = &self.code
        )
    }

    fn saved(&self) -> String {
        t!(
            "settings-zone-saved",
            number = self.number,
            code = &self.code
        )
    }

    fn removed(_form: &ZoneForm, number: ZoneNumber) -> String {
        t!("settings-zone-removed", number = number)
    }

    fn title(_data: &SetupData) -> String {
        t!("settings-zone-title")
    }

    fn new_label() -> String {
        t!("settings-zone-new")
    }

    fn may_add(data: &SetupData) -> bool {
        data.zones.len() < 64
    }

    fn heading(number: Option<ZoneNumber>) -> String {
        match number {
            Some(n) => t!("settings-zone-heading", number = n),
            None => t!("settings-zone-new"),
        }
    }

    fn line<'a, M: 'a>((z, used): &'a (Zone, ZoneUse), _data: &'a SetupData) -> Element<'a, M> {
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
        row![
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
        .align_y(iced::Center)
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
            Message::Number(v) => self.editor.edit(data, |f| f.number = v),
            Message::Code(v) => self.editor.edit(data, |f| f.code = v.to_uppercase()),
            Message::Name(v) => self.editor.edit(data, |f| f.name = v),
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let typed = &self.editor.form;
        let e = |f: &str| self.editor.error(f);
        let on = |m: fn(String) -> Message| self.editor.enabled(may_edit).then_some(m);
        let fields = vec![
            text(t!("settings-zone-number-note")).size(13).into(),
            container(text_field(
                &t!("settings-zone-number"),
                "settings-zone-number",
                "10",
                &typed.number,
                e("number"),
                // The number of a stored zone is on its badges.
                if self.editor.selected().is_none() {
                    on(Message::Number)
                } else {
                    None
                },
            ))
            .width(160)
            .into(),
            container(text_field(
                &t!("settings-zone-code"),
                "settings-zone-code",
                "VIP",
                &typed.code,
                e("code"),
                on(Message::Code),
            ))
            .width(200)
            .into(),
            text_field(
                &t!("settings-zone-name"),
                "settings-zone-name",
                &t!("settings-zone-name-example"),
                &typed.name,
                e("name"),
                on(Message::Name),
            ),
        ];
        self.editor.view(data, may_edit, Parts::new(fields))
    }
}
