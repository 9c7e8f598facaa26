//! Categories: the list in its order with each category's colour, and the
//! editor (code, name, colour, default zones, order, default quota) beside a
//! preview of the category's badge. A change of zones that issued badges no
//! longer match is explained first, with the badges to reprint.

use iced::widget::{checkbox, column, container, row, text};
use iced::{Element, Fill, Task};

use super::editor::{self, Editor, Item, Layout, Parts};
use super::{Checked, SampleChoice, Saved, SetupData};
use crate::gui::Session as AppSession;
use crate::gui::screen::badge_preview;
use crate::gui::screen::form::{self, colour_picker, text_field};
use crate::gui::style;
use accredit::auth::Actor;
use accredit::db::Db;
use accredit::domain::{Category, CategoryId, ZoneSet};
use accredit::setup::preview::Sample;
use accredit::setup::{self, AffectedBadge, CategoryForm, CategoryInfo, Outcome};
use accredit::t;

#[derive(Default)]
pub struct State {
    editor: Editor<Category>,
    preview: badge_preview::State,
    sample: Sample,
}

#[derive(Debug, Clone)]
pub enum Message {
    Editor(editor::Message<Category>),
    Code(String),
    Name(String),
    Colour(String),
    Zone(u8, bool),
    Order(String),
    Quota(String),
    Sample(Sample),
    Preview(badge_preview::Message),
}

impl From<editor::Message<Category>> for Message {
    fn from(m: editor::Message<Category>) -> Self {
        Message::Editor(m)
    }
}

pub const CODE_INPUT: &str = "settings-category-code";
pub const NAME_INPUT: &str = "settings-category-name";

impl Item for Category {
    type Row = CategoryInfo;
    type Key = CategoryId;
    type Form = CategoryForm;
    /// The active badges that carry other zones than their holders get.
    type Affected = Vec<AffectedBadge>;

    const LAYOUT: Layout = Layout::Long;
    const LIST_WIDTH: f32 = 300.0;

    fn rows(data: &SetupData) -> &[CategoryInfo] {
        &data.categories
    }

    fn of(row: &CategoryInfo) -> &Category {
        &row.category
    }

    fn key(&self) -> CategoryId {
        self.id
    }

    fn form(&self, _data: &SetupData) -> CategoryForm {
        CategoryForm::from_category(self)
    }

    fn blank(_data: &SetupData) -> CategoryForm {
        CategoryForm::default()
    }

    /// A new category: teal, into the first zone, last in the order.
    fn new_form(data: &SetupData) -> CategoryForm {
        let order = data
            .categories
            .iter()
            .map(|c| c.category.order)
            .max()
            .unwrap_or(0)
            + 1;
        CategoryForm {
            colour: "#00A3AD".into(),
            default_zones: data
                .zones
                .first()
                .map(|(z, _)| z.number.to_string())
                .unwrap_or_default(),
            order: order.to_string(),
            ..CategoryForm::default()
        }
    }

    fn parse(form: &CategoryForm, id: Option<CategoryId>, _data: &SetupData) -> Checked<Category> {
        form.parse(id.unwrap_or(0))
    }

    fn add(&self, conn: &mut Db, actor: &Actor) -> accredit::Result<CategoryId> {
        setup::add_category(conn, actor, self)
    }

    fn edit(&self, conn: &mut Db, actor: &Actor, confirmed: bool) -> accredit::Result<Outcome<()>> {
        Ok(setup::edit_category(conn, actor, self, confirmed)?.map(|_| ()))
    }

    fn remove(
        conn: &mut Db,
        actor: &Actor,
        id: CategoryId,
        _: bool,
    ) -> accredit::Result<Outcome<()>> {
        setup::remove_category(conn, actor, id)?;
        Ok(Outcome::Done(()))
    }

    /// Before a change of zones, the badges it would make wrong; after it,
    /// the badges to reprint.
    fn affected(&self, conn: &Db, actor: &Actor) -> accredit::Result<Vec<AffectedBadge>> {
        setup::affected_badges(conn, actor, self.id, Some(self.default_zones))
    }

    fn added(&self) -> String {
        t!("settings-category-added", code = &self.code)
    }

    fn saved(&self) -> String {
        t!("settings-category-saved", code = &self.code)
    }

    fn removed(form: &CategoryForm, _id: CategoryId) -> String {
        t!("settings-category-removed", code = &form.code)
    }

    fn title(_data: &SetupData) -> String {
        t!("settings-category-title")
    }

    fn new_label() -> String {
        t!("settings-category-new")
    }

    fn heading(id: Option<CategoryId>) -> String {
        match id {
            Some(_) => t!("settings-category-edit"),
            None => t!("settings-category-new"),
        }
    }

    fn line<'a, M: 'a>(info: &'a CategoryInfo, _data: &'a SetupData) -> Element<'a, M> {
        let c = &info.category;
        row![
            container(style::category_chip(&c.code, c.colour)).width(70),
            column![
                text(&c.name).size(14),
                text(t!(
                    "settings-category-line",
                    zones = zones(c.default_zones),
                    count = info.participants
                ))
                .size(12),
            ]
            .width(Fill),
        ]
        .align_y(iced::Center)
        .into()
    }
}

impl State {
    pub fn loaded(&mut self, data: &SetupData) -> Task<Message> {
        self.editor.loaded(data);
        self.request_preview(data)
    }

    fn request_preview(&mut self, data: &SetupData) -> Task<Message> {
        let Ok(category) = Category::parse(&self.editor.form, self.editor.selected(), data) else {
            return Task::none();
        };
        self.preview
            .request(badge_preview::Request {
                event: data.event.clone(),
                logo: data.logo.clone(),
                category,
                sample: self.sample,
            })
            .map(Message::Preview)
    }

    /// The form was typed in: checked, and its badge drawn again.
    fn edit(&mut self, data: &SetupData, change: impl FnOnce(&mut CategoryForm)) -> Task<Message> {
        self.editor.edit(data, change);
        self.request_preview(data)
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        let task = match message {
            Message::Editor(m) => {
                let select = matches!(m, editor::Message::Select(_));
                let (task, saved) = self.editor.update(m, data, session);
                if !select {
                    return (task, saved);
                }
                // Another category: its badge is drawn.
                Task::batch([task, self.request_preview(data)])
            }
            Message::Code(v) => self.edit(data, |f| f.code = v.to_uppercase()),
            Message::Name(v) => self.edit(data, |f| f.name = v),
            Message::Colour(v) => self.edit(data, |f| f.colour = v),
            Message::Zone(n, on) => self.edit(data, |f| {
                let zones = ZoneSet::parse(&f.default_zones).unwrap_or_default();
                let zones = if on {
                    zones.with(n)
                } else {
                    zones.minus(ZoneSet::from_numbers([n]))
                };
                f.default_zones = zones.to_list();
            }),
            Message::Order(v) => self.edit(data, |f| f.order = v),
            Message::Quota(v) => self.edit(data, |f| f.default_quota = v),
            Message::Sample(s) => {
                self.sample = s;
                self.request_preview(data)
            }
            Message::Preview(m) => self.preview.update(m).map(Message::Preview),
        };
        (task, None)
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let typed = &self.editor.form;
        let e = |f: &str| self.editor.error(f);
        let enabled = self.editor.enabled(may_edit);
        let on = |m: fn(String) -> Message| enabled.then_some(m);
        let zones_now = ZoneSet::parse(&typed.default_zones).unwrap_or_default();
        let zone_boxes = form::in_rows(
            data.zones
                .iter()
                .map(|(z, _)| {
                    let n = z.number;
                    container(
                        checkbox(zones_now.contains(n))
                            .label(format!("{} {}", z.number, z.name))
                            .text_size(13)
                            .on_toggle_maybe(enabled.then_some(move |on| Message::Zone(n, on))),
                    )
                    .width(Fill)
                    .into()
                })
                .collect(),
            2,
            4.0,
        );
        let fields = vec![
            row![
                container(text_field(
                    &t!("settings-category-code"),
                    CODE_INPUT,
                    "DEL",
                    &typed.code,
                    e("code"),
                    on(Message::Code)
                ))
                .width(120),
                text_field(
                    &t!("settings-category-name"),
                    NAME_INPUT,
                    &t!("settings-category-name-example"),
                    &typed.name,
                    e("name"),
                    on(Message::Name)
                ),
            ]
            .spacing(10)
            .into(),
            form::field(
                &t!("settings-category-colour"),
                colour_picker(
                    "settings-category-colour",
                    &typed.colour,
                    None,
                    Message::Colour,
                    enabled,
                ),
                e("colour"),
            ),
            form::field(
                &t!("settings-category-default-zones"),
                zone_boxes,
                e("default_zones"),
            ),
            row![
                text_field(
                    &t!("settings-category-order"),
                    "settings-category-order",
                    "1",
                    &typed.order,
                    e("order"),
                    on(Message::Order)
                ),
                text_field(
                    &t!("settings-category-quota"),
                    "settings-category-quota",
                    &t!("settings-category-quota-none"),
                    &typed.default_quota,
                    e("default_quota"),
                    on(Message::Quota)
                ),
            ]
            .spacing(10)
            .into(),
        ];
        let to_reprint = self.editor.affected();
        let reprint = (!to_reprint.is_empty()).then(|| {
            column![
                text(t!("settings-category-to-reprint", count = to_reprint.len())).size(15),
                badge_table(to_reprint),
            ]
            .spacing(6)
            .into()
        });
        let preview = column![
            text(t!("settings-badge-preview")).size(18),
            form::choice(
                Sample::ALL.map(SampleChoice),
                Some(SampleChoice(self.sample)),
                |c| Message::Sample(c.0)
            )
            .width(160),
            self.preview.view(340.0),
        ]
        .spacing(8)
        .width(390);
        self.editor.view(
            data,
            may_edit,
            Parts::new(fields)
                .consequences(self.editor.confirming().map(|c| badge_table(&c.affected)))
                .after(reprint)
                .beside(preview.into()),
        )
    }
}

/// Serials, holders and zones of badges, two lines each (the column is
/// narrow), at most 12.
fn badge_table<'a, M: 'a>(badges: &[AffectedBadge]) -> Element<'a, M> {
    let mut col = column![].spacing(4);
    for b in badges.iter().take(12) {
        col = col.push(column![
            text(format!("{} · {} ({})", b.serial, b.name, b.delegation)).size(13),
            text(if b.printed {
                t!(
                    "settings-category-badge-zones",
                    carries = zones(b.badge_zones),
                    opens = zones(b.zones)
                )
            } else {
                t!(
                    "settings-category-badge-zones-not-printed",
                    carries = zones(b.badge_zones),
                    opens = zones(b.zones)
                )
            })
            .size(12),
        ]);
    }
    if badges.len() > 12 {
        col = col.push(
            text(t!(
                "settings-category-badges-more",
                count = badges.len() - 12
            ))
            .size(12),
        );
    }
    col.into()
}

fn zones(z: ZoneSet) -> String {
    if z.is_empty() {
        t!("settings-category-zones-none")
    } else {
        z.to_string()
    }
}
