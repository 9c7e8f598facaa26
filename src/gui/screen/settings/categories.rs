//! Categories: the list in its order with each category's colour, and the
//! editor (code, name, colour, default zones, order, default quota) beside a
//! preview of the category's badge. A change of zones that issued badges no
//! longer match is explained first, with the badges to reprint.

use iced::widget::{button, checkbox, column, container, row, scrollable, text};
use iced::{Element, Fill, Task};

use super::editor;
use super::{Checked, SampleChoice, Saved, SetupData, checked, editor_buttons, list_row};
use crate::gui::Session as AppSession;
use crate::gui::screen::badge_preview;
use crate::gui::screen::form::{self, colour_picker, confirm_panel, error_of, text_field};
use crate::gui::style;
use crate::gui::worker::{self, Outcome};
use accredit::domain::{CategoryId, ZoneSet};
use accredit::setup::preview::Sample;
use accredit::setup::{self, AffectedBadge, CategoryForm};
use accredit::t;

#[derive(Default)]
pub struct State {
    /// The category being edited; `None` for a new one.
    selected: Option<CategoryId>,
    pub form: CategoryForm,
    status: editor::Status,
    /// What the change would leave wrong, and the badges concerned.
    confirm: Option<(Vec<String>, Vec<AffectedBadge>)>,
    /// After a change of zones: the badges to reprint.
    to_reprint: Vec<AffectedBadge>,
    preview: badge_preview::State,
    sample: Sample,
}

/// What a save did.
#[derive(Debug, Clone)]
pub enum Done {
    Added(CategoryId),
    Edited(Vec<AffectedBadge>),
    Explain(Vec<String>, Vec<AffectedBadge>),
    Removed,
}

#[derive(Debug, Clone)]
pub enum Message {
    Select(CategoryId),
    New,
    Code(String),
    Name(String),
    Colour(String),
    Zone(u8, bool),
    Order(String),
    Quota(String),
    Save,
    Apply,
    CancelConfirm,
    Remove,
    Done(Outcome<Checked<Done>>),
    Sample(Sample),
    Preview(badge_preview::Message),
}

pub const CODE_INPUT: &str = "settings-category-code";
pub const NAME_INPUT: &str = "settings-category-name";

impl State {
    pub fn loaded(&mut self, data: &SetupData) -> Task<Message> {
        let current = self
            .selected
            .and_then(|id| data.categories.iter().find(|c| c.category.id == id))
            .or_else(|| data.categories.first());
        match current {
            Some(c) if self.selected.is_some() || self.form == CategoryForm::default() => {
                self.selected = Some(c.category.id);
                self.form = CategoryForm::from_category(&c.category);
            }
            _ => {}
        }
        self.status.errors.clear();
        self.confirm = None;
        self.request_preview(data)
    }

    fn request_preview(&mut self, data: &SetupData) -> Task<Message> {
        let Ok(category) = self.form.parse(self.selected.unwrap_or(0)) else {
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

    fn edited(&mut self, data: &SetupData) -> Task<Message> {
        self.confirm = None;
        self.status
            .edited(self.form.parse(self.selected.unwrap_or(0)));
        self.request_preview(data)
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        let task = match message {
            Message::Select(id) => {
                if let Some(c) = data.categories.iter().find(|c| c.category.id == id) {
                    self.selected = Some(id);
                    self.form = CategoryForm::from_category(&c.category);
                    self.to_reprint.clear();
                    self.status.problem = None;
                }
                self.edited(data)
            }
            Message::New => {
                let order = data
                    .categories
                    .iter()
                    .map(|c| c.category.order)
                    .max()
                    .unwrap_or(0)
                    + 1;
                self.selected = None;
                self.form = CategoryForm {
                    colour: "#00A3AD".into(),
                    default_zones: data
                        .zones
                        .first()
                        .map(|(z, _)| z.number.to_string())
                        .unwrap_or_default(),
                    order: order.to_string(),
                    ..CategoryForm::default()
                };
                self.to_reprint.clear();
                self.status.clear();
                self.confirm = None;
                Task::none()
            }
            Message::Code(v) => {
                self.form.code = v.to_uppercase();
                self.edited(data)
            }
            Message::Name(v) => {
                self.form.name = v;
                self.edited(data)
            }
            Message::Colour(v) => {
                self.form.colour = v;
                self.edited(data)
            }
            Message::Zone(n, on) => {
                let zones = ZoneSet::parse(&self.form.default_zones).unwrap_or_default();
                let zones = if on {
                    zones.with(n)
                } else {
                    zones.minus(ZoneSet::from_numbers([n]))
                };
                self.form.default_zones = zones.to_list();
                self.edited(data)
            }
            Message::Order(v) => {
                self.form.order = v;
                self.edited(data)
            }
            Message::Quota(v) => {
                self.form.default_quota = v;
                self.edited(data)
            }
            Message::Save => self.save(session, false),
            Message::Apply => self.save(session, true),
            Message::CancelConfirm => {
                self.confirm = None;
                Task::none()
            }
            Message::Remove => {
                let Some(id) = self.selected else {
                    return (Task::none(), None);
                };
                // Unlike a save, a removal keeps the last saved note.
                self.status.busy = true;
                self.status.problem = None;
                let (ws, actor) = (session.workspace.clone(), session.actor.clone());
                worker::spawn(
                    move || {
                        let mut conn = ws.connection()?;
                        setup::remove_category(&mut conn, &actor, id)?;
                        Ok(Ok(Done::Removed))
                    },
                    Message::Done,
                )
            }
            Message::Done(outcome) => {
                match self.status.finish(outcome) {
                    Some(Done::Added(id)) => {
                        self.selected = Some(id);
                        self.status.saved =
                            Some(t!("settings-category-added", code = &self.form.code));
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Some(Done::Edited(to_reprint)) => {
                        self.status.saved =
                            Some(t!("settings-category-saved", code = &self.form.code));
                        self.to_reprint = to_reprint;
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Some(Done::Removed) => {
                        self.status.saved =
                            Some(t!("settings-category-removed", code = &self.form.code));
                        self.selected = None;
                        self.form = CategoryForm::default();
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Some(Done::Explain(lines, affected)) => self.confirm = Some((lines, affected)),
                    None => {}
                }
                Task::none()
            }
            Message::Sample(s) => {
                self.sample = s;
                self.request_preview(data)
            }
            Message::Preview(m) => self.preview.update(m).map(Message::Preview),
        };
        (task, None)
    }

    fn save(&mut self, session: &AppSession, confirmed: bool) -> Task<Message> {
        if self.status.busy {
            return Task::none();
        }
        let category = match self.form.parse(self.selected.unwrap_or(0)) {
            Ok(c) => c,
            Err(errors) => {
                self.status.errors = errors;
                return Task::none();
            }
        };
        self.status.begin();
        self.confirm = None;
        let adding = self.selected.is_none();
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || {
                let mut conn = ws.connection()?;
                if adding {
                    return checked(
                        setup::add_category(&mut conn, &actor, &category).map(Done::Added),
                    );
                }
                let done = match checked(setup::edit_category(
                    &mut conn, &actor, &category, confirmed,
                ))? {
                    Err(errors) => return Ok(Err(errors)),
                    Ok(done) => done,
                };
                let affected = setup::affected_badges(
                    &conn,
                    &actor,
                    category.id,
                    Some(category.default_zones),
                )?;
                Ok(Ok(match done {
                    setup::Outcome::Done(_) => Done::Edited(affected),
                    setup::Outcome::NeedsConfirmation(lines) => Done::Explain(lines, affected),
                }))
            },
            Message::Done,
        )
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let list = data
            .categories
            .iter()
            .fold(column![].spacing(2), |col, info| {
                let c = &info.category;
                let line = row![
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
                .align_y(iced::Center);
                col.push(list_row(
                    line,
                    self.selected == Some(c.id),
                    Message::Select(c.id),
                ))
            });
        let list = column![
            row![
                text(t!("settings-category-title")).size(18).width(Fill),
                button(text(t!("settings-category-new")).size(14))
                    .style(button::secondary)
                    .on_press_maybe(may_edit.then_some(Message::New)),
            ]
            .align_y(iced::Center),
            scrollable(list).height(Fill),
        ]
        .spacing(8)
        .width(300);

        let e = |f: &str| error_of(&self.status.errors, f);
        let on = |m: fn(String) -> Message| (may_edit && !self.status.busy).then_some(m);
        let zones_now = ZoneSet::parse(&self.form.default_zones).unwrap_or_default();
        let zone_boxes = form::in_rows(
            data.zones
                .iter()
                .map(|(z, _)| {
                    let n = z.number;
                    container(
                        checkbox(zones_now.contains(n))
                            .label(format!("{} {}", z.number, z.name))
                            .text_size(13)
                            .on_toggle_maybe(
                                (may_edit && !self.status.busy)
                                    .then_some(move |on| Message::Zone(n, on)),
                            ),
                    )
                    .width(Fill)
                    .into()
                })
                .collect(),
            2,
            4.0,
        );
        let editor = column![
            text(match self.selected {
                Some(_) => t!("settings-category-edit"),
                None => t!("settings-category-new"),
            })
            .size(18),
            row![
                container(text_field(
                    &t!("settings-category-code"),
                    CODE_INPUT,
                    "DEL",
                    &self.form.code,
                    e("code"),
                    on(Message::Code)
                ))
                .width(120),
                text_field(
                    &t!("settings-category-name"),
                    NAME_INPUT,
                    &t!("settings-category-name-example"),
                    &self.form.name,
                    e("name"),
                    on(Message::Name)
                ),
            ]
            .spacing(10),
            form::field(
                &t!("settings-category-colour"),
                colour_picker(
                    "settings-category-colour",
                    &self.form.colour,
                    None,
                    Message::Colour,
                    may_edit && !self.status.busy
                ),
                e("colour"),
            ),
            form::field(
                &t!("settings-category-default-zones"),
                zone_boxes,
                e("default_zones")
            ),
            row![
                text_field(
                    &t!("settings-category-order"),
                    "settings-category-order",
                    "1",
                    &self.form.order,
                    e("order"),
                    on(Message::Order)
                ),
                text_field(
                    &t!("settings-category-quota"),
                    "settings-category-quota",
                    &t!("settings-category-quota-none"),
                    &self.form.default_quota,
                    e("default_quota"),
                    on(Message::Quota)
                ),
            ]
            .spacing(10),
        ]
        .spacing(10);
        let mut footer = column![editor_buttons(
            may_edit,
            self.status.busy,
            Message::Save,
            self.selected.map(|_| Message::Remove)
        )]
        .spacing(8)
        .padding(iced::padding::top(8).right(18));
        if let Some((lines, affected)) = &self.confirm {
            footer = footer.push(confirm_panel(
                lines,
                Message::Apply,
                Message::CancelConfirm,
                Some(badge_table(affected)),
            ));
        }
        footer = footer.push(self.status.notes());
        if !self.to_reprint.is_empty() {
            footer = footer.push(
                column![
                    text(t!(
                        "settings-category-to-reprint",
                        count = self.to_reprint.len()
                    ))
                    .size(15),
                    badge_table(&self.to_reprint),
                ]
                .spacing(6),
            );
        }
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
        row![
            list,
            column![
                scrollable(editor.padding(iced::padding::right(18))).height(Fill),
                footer
            ]
            .width(Fill),
            preview
        ]
        .spacing(14)
        .into()
    }
}

/// Serials, holders and zones of badges, two lines each (the column is
/// narrow), at most 12.
fn badge_table<'a>(badges: &[AffectedBadge]) -> Element<'a, Message> {
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
