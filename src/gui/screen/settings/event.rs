//! The event and its badge design: name, code, venue, dates, time zone,
//! badge window, title band, footer, band colour, logo, default layout —
//! each checked as it is typed — beside a live preview of the badge.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Element, Fill, Task};

use super::{Checked, SampleChoice, Saved, SetupData, checked, editor_buttons, outcome_notes};
use crate::gui::Session as AppSession;
use crate::gui::screen::badge_preview;
use crate::gui::screen::form::{self, colour_picker, confirm_panel, error_of, text_field};
use crate::gui::worker::{self, JobError, Outcome};
use accredit::domain::{Category, CategoryId, FieldError, Layout};
use accredit::setup::preview::Sample;
use accredit::setup::{self, EventForm, EventUpdate, LogoChange, UpdateSummary};
use accredit::t;

#[derive(Default)]
pub struct State {
    pub form: EventForm,
    /// The logo as it will be saved (already normalised when new).
    logo: Option<Arc<Vec<u8>>>,
    logo_changed: bool,
    errors: Vec<FieldError>,
    confirm: Option<Vec<String>>,
    busy: bool,
    saved: Option<String>,
    problem: Option<JobError>,
    preview: badge_preview::State,
    preview_category: Option<CategoryId>,
    sample: Sample,
}

#[derive(Debug, Clone)]
pub enum Message {
    Code(String),
    Name(String),
    Venue(String),
    TimeZone(String),
    StartDate(String),
    EndDate(String),
    BadgeFrom(String),
    BadgeUntil(String),
    TitleBand(String),
    Footer(String),
    BandColour(String),
    DefaultLayout(Layout),
    ChooseLogo,
    LogoPicked(Option<PathBuf>),
    LogoRead(Outcome<Checked<Vec<u8>>>),
    RemoveLogo,
    Save,
    Apply,
    CancelConfirm,
    Reset,
    Saved(Outcome<Checked<setup::Outcome<UpdateSummary>>>),
    PreviewCategory(CategoryChoice),
    Sample(Sample),
    Preview(badge_preview::Message),
}

/// A category in the preview's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryChoice {
    pub id: CategoryId,
    pub label: String,
}

impl std::fmt::Display for CategoryChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// A badge layout in the default layout's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutChoice(pub Layout);

impl std::fmt::Display for LayoutChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Layout::A6 => t!("settings-event-layout-a6"),
            Layout::Card => t!("settings-event-layout-card"),
            Layout::A4x4 => t!("settings-event-layout-a4x4"),
        })
    }
}

/// A setting that a save changed, by the name the core gives it, in the
/// interface's language.
fn setting_label(name: &str) -> String {
    match name {
        "code" => t!("settings-event-changed-code"),
        "name" => t!("settings-event-changed-name"),
        "venue" => t!("settings-event-changed-venue"),
        "time_zone" => t!("settings-event-changed-time-zone"),
        "start_date" => t!("settings-event-changed-start-date"),
        "end_date" => t!("settings-event-changed-end-date"),
        "badge_valid_from" => t!("settings-event-changed-badge-valid-from"),
        "badge_valid_until" => t!("settings-event-changed-badge-valid-until"),
        "title_band" => t!("settings-event-changed-title-band"),
        "footer" => t!("settings-event-changed-footer"),
        "band_colour" => t!("settings-event-changed-band-colour"),
        "default_layout" => t!("settings-event-changed-default-layout"),
        "logo" => t!("settings-event-changed-logo"),
        other => other.to_owned(),
    }
}

pub const CODE_INPUT: &str = "settings-event-code";
pub const NAME_INPUT: &str = "settings-event-name";
pub const FOOTER_INPUT: &str = "settings-event-footer";
pub const TITLE_INPUT: &str = "settings-event-title";

impl State {
    /// The saved settings arrived (first load or after a save): the form
    /// shows them and the preview follows.
    pub fn loaded(&mut self, data: &SetupData) -> Task<Message> {
        self.form = EventForm::from_event(&data.event);
        self.logo = data.logo.clone();
        self.logo_changed = false;
        self.errors.clear();
        self.confirm = None;
        if self
            .preview_category
            .is_none_or(|id| !data.categories.iter().any(|c| c.category.id == id))
        {
            self.preview_category = data.categories.first().map(|c| c.category.id);
        }
        self.request_preview(data)
    }

    fn category<'a>(&self, data: &'a SetupData) -> Option<&'a Category> {
        data.categories
            .iter()
            .map(|c| &c.category)
            .find(|c| Some(c.id) == self.preview_category)
            .or_else(|| data.categories.first().map(|c| &c.category))
    }

    /// Checks the form and, when it holds, draws the badge with it.
    fn request_preview(&mut self, data: &SetupData) -> Task<Message> {
        match self.form.parse(Some(&data.event)) {
            Ok(event) => {
                self.errors.retain(|e| e.field == "logo");
                let Some(category) = self.category(data).cloned() else {
                    return Task::none();
                };
                self.preview
                    .request(badge_preview::Request {
                        event,
                        logo: self.logo.clone(),
                        category,
                        sample: self.sample,
                    })
                    .map(Message::Preview)
            }
            Err(errors) => {
                let logo: Vec<FieldError> = self
                    .errors
                    .drain(..)
                    .filter(|e| e.field == "logo")
                    .collect();
                self.errors = errors;
                self.errors.extend(logo);
                Task::none()
            }
        }
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &SetupData,
        session: &AppSession,
    ) -> (Task<Message>, Option<Saved>) {
        let edit = |s: &mut State, apply: &mut dyn FnMut(&mut EventForm)| {
            apply(&mut s.form);
            s.saved = None;
            s.confirm = None;
            s.request_preview(data)
        };
        let task = match message {
            Message::Code(v) => edit(self, &mut |f| f.code = v.to_uppercase()),
            Message::Name(v) => edit(self, &mut |f| f.name = v.clone()),
            Message::Venue(v) => edit(self, &mut |f| f.venue = v.clone()),
            Message::TimeZone(v) => edit(self, &mut |f| f.time_zone = v.clone()),
            Message::StartDate(v) => edit(self, &mut |f| f.start_date = v.clone()),
            Message::EndDate(v) => edit(self, &mut |f| f.end_date = v.clone()),
            Message::BadgeFrom(v) => edit(self, &mut |f| f.badge_valid_from = v.clone()),
            Message::BadgeUntil(v) => edit(self, &mut |f| f.badge_valid_until = v.clone()),
            Message::TitleBand(v) => edit(self, &mut |f| f.title_band = v.clone()),
            Message::Footer(v) => edit(self, &mut |f| f.footer = v.clone()),
            Message::BandColour(v) => edit(self, &mut |f| f.band_colour = v.clone()),
            Message::DefaultLayout(l) => edit(self, &mut |f| f.default_layout = l.to_string()),
            Message::ChooseLogo => Task::perform(
                rfd::AsyncFileDialog::new()
                    .set_title(t!("settings-event-logo-dialog"))
                    .add_filter(
                        t!("settings-event-logo-filter"),
                        &["png", "jpg", "jpeg", "webp", "gif", "bmp", "tif", "tiff"],
                    )
                    .pick_file(),
                |picked| Message::LogoPicked(picked.map(|f| f.path().to_path_buf())),
            ),
            Message::LogoPicked(Some(path)) => worker::spawn(
                move || {
                    let bytes = std::fs::read(&path).map_err(|e| accredit::Error::io(&path, e))?;
                    checked(setup::normalise_logo(&bytes))
                },
                Message::LogoRead,
            ),
            Message::LogoPicked(None) => Task::none(),
            Message::LogoRead(Ok(Ok(png))) => {
                self.errors.retain(|e| e.field != "logo");
                self.logo = Some(Arc::new(png));
                self.logo_changed = true;
                self.saved = None;
                self.request_preview(data)
            }
            Message::LogoRead(Ok(Err(errors))) => {
                self.errors.retain(|e| e.field != "logo");
                self.errors.extend(errors);
                Task::none()
            }
            Message::LogoRead(Err(e)) => {
                self.problem = Some(e);
                Task::none()
            }
            Message::RemoveLogo => {
                self.logo = None;
                self.logo_changed = true;
                self.saved = None;
                self.request_preview(data)
            }
            Message::Save => self.save(data, session, false),
            Message::Apply => self.save(data, session, true),
            Message::CancelConfirm => {
                self.confirm = None;
                Task::none()
            }
            Message::Reset => {
                self.saved = None;
                self.problem = None;
                self.loaded(data)
            }
            Message::Saved(outcome) => {
                self.busy = false;
                match outcome {
                    Ok(Ok(setup::Outcome::Done(summary))) => {
                        self.saved = Some(if summary.changed.is_empty() {
                            t!("settings-event-nothing-to-change")
                        } else {
                            let settings = summary
                                .changed
                                .iter()
                                .map(|c| setting_label(c))
                                .collect::<Vec<_>>()
                                .join(", ");
                            match summary.new_key {
                                Some(kid) => t!(
                                    "settings-event-saved-new-key",
                                    settings = settings,
                                    key = kid
                                ),
                                None => t!("settings-event-saved", settings = settings),
                            }
                        });
                        return (Task::none(), Some(Saved::Reload));
                    }
                    Ok(Ok(setup::Outcome::NeedsConfirmation(lines))) => self.confirm = Some(lines),
                    Ok(Err(errors)) => self.errors = errors,
                    Err(e) => self.problem = Some(e),
                }
                Task::none()
            }
            Message::PreviewCategory(c) => {
                self.preview_category = Some(c.id);
                self.request_preview(data)
            }
            Message::Sample(s) => {
                self.sample = s;
                self.request_preview(data)
            }
            Message::Preview(m) => self.preview.update(m).map(Message::Preview),
        };
        (task, None)
    }

    fn save(&mut self, data: &SetupData, session: &AppSession, confirmed: bool) -> Task<Message> {
        if self.busy {
            return Task::none();
        }
        self.problem = None;
        self.saved = None;
        let event = match self.form.parse(Some(&data.event)) {
            Ok(e) => e,
            Err(errors) => {
                self.errors = errors;
                return Task::none();
            }
        };
        self.busy = true;
        self.confirm = None;
        let logo = match (&self.logo, self.logo_changed) {
            (_, false) => LogoChange::Keep,
            (None, true) => LogoChange::Remove,
            (Some(png), true) => LogoChange::Set(png.to_vec()),
        };
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || {
                let mut conn = ws.connection()?;
                checked(setup::update_event(
                    &ws,
                    &mut conn,
                    &actor,
                    &EventUpdate { event, logo },
                    confirmed,
                ))
            },
            Message::Saved,
        )
    }

    pub fn view<'a>(&'a self, data: &'a SetupData, may_edit: bool) -> Element<'a, Message> {
        let e = |f: &str| error_of(&self.errors, f);
        let on = |m: fn(String) -> Message| (may_edit && !self.busy).then_some(m);
        let f = &self.form;
        let logo_line = column![
            text(match (&self.logo, self.logo_changed) {
                (Some(l), true) => t!("settings-event-logo-new", size = l.len() / 1024),
                (Some(l), false) => t!("settings-event-logo-stored", size = l.len() / 1024),
                (None, true) => t!("settings-event-logo-removed"),
                (None, false) => t!("settings-event-logo-none"),
            })
            .size(14),
            row![
                button(text(t!("settings-event-logo-choose")).size(14))
                    .style(button::secondary)
                    .on_press_maybe(may_edit.then_some(Message::ChooseLogo)),
                button(text(t!("settings-remove")).size(14))
                    .style(button::secondary)
                    .on_press_maybe(
                        (may_edit && self.logo.is_some()).then_some(Message::RemoveLogo)
                    ),
            ]
            .spacing(8),
        ]
        .spacing(6);
        let fields = column![
            row![
                container(text_field(
                    &t!("settings-event-code"),
                    CODE_INPUT,
                    "HN25",
                    &f.code,
                    e("code"),
                    on(Message::Code)
                ))
                .width(200),
                text_field(
                    &t!("settings-event-name"),
                    NAME_INPUT,
                    "",
                    &f.name,
                    e("name"),
                    on(Message::Name)
                ),
            ]
            .spacing(10),
            text_field(
                &t!("settings-event-venue"),
                "settings-event-venue",
                "",
                &f.venue,
                e("venue"),
                on(Message::Venue)
            ),
            row![
                text_field(
                    &t!("settings-event-time-zone"),
                    "settings-event-tz",
                    "Asia/Ho_Chi_Minh",
                    &f.time_zone,
                    e("time_zone"),
                    on(Message::TimeZone)
                ),
                text_field(
                    &t!("settings-event-first-day"),
                    "settings-event-start",
                    "2025-10-25",
                    &f.start_date,
                    e("start_date"),
                    on(Message::StartDate)
                ),
                text_field(
                    &t!("settings-event-last-day"),
                    "settings-event-end",
                    "2025-10-26",
                    &f.end_date,
                    e("end_date"),
                    on(Message::EndDate)
                ),
            ]
            .spacing(10),
            row![
                text_field(
                    &t!("settings-event-badges-from"),
                    "settings-event-from",
                    "2025-10-23T00:00",
                    &f.badge_valid_from,
                    e("badge_valid_from"),
                    on(Message::BadgeFrom)
                ),
                text_field(
                    &t!("settings-event-badges-until"),
                    "settings-event-until",
                    "2025-10-27T00:00",
                    &f.badge_valid_until,
                    e("badge_valid_until"),
                    on(Message::BadgeUntil)
                ),
            ]
            .spacing(10),
            text_field(
                &t!("settings-event-title-band"),
                TITLE_INPUT,
                &f.name,
                &f.title_band,
                e("title_band"),
                on(Message::TitleBand)
            ),
            text_field(
                &t!("settings-event-footer"),
                FOOTER_INPUT,
                setup::DEFAULT_FOOTER,
                &f.footer,
                e("footer"),
                on(Message::Footer)
            ),
            row![
                form::field(
                    &t!("settings-event-band-colour"),
                    colour_picker(
                        "settings-event-colour",
                        &f.band_colour,
                        None,
                        Message::BandColour,
                        may_edit && !self.busy
                    ),
                    e("band_colour"),
                ),
                column![
                    form::field(
                        &t!("settings-event-default-layout"),
                        form::choice(
                            Layout::ALL.map(LayoutChoice),
                            f.default_layout.parse::<Layout>().ok().map(LayoutChoice),
                            |l| Message::DefaultLayout(l.0)
                        )
                        .width(160),
                        e("default_layout"),
                    ),
                    form::field(&t!("settings-event-logo"), logo_line, e("logo")),
                ]
                .spacing(10),
            ]
            .spacing(14),
        ]
        .spacing(10);
        // Under the fields and always in view: the buttons and what saving said.
        let mut footer = column![
            row![
                editor_buttons(may_edit, self.busy, Message::Save, None),
                button(text(t!("settings-event-undo")))
                    .style(button::secondary)
                    .padding([8, 16])
                    .on_press_maybe((!self.busy).then_some(Message::Reset)),
            ]
            .spacing(10)
        ]
        .spacing(8)
        .padding(iced::padding::top(8).right(18));
        if let Some(lines) = &self.confirm {
            footer = footer.push(confirm_panel(
                lines,
                Message::Apply,
                Message::CancelConfirm,
                None,
            ));
        }
        footer = footer.push(outcome_notes(&self.saved, &self.problem, self.busy));

        let choices: Vec<CategoryChoice> = data
            .categories
            .iter()
            .map(|c| CategoryChoice {
                id: c.category.id,
                label: format!("{} — {}", c.category.code, c.category.name),
            })
            .collect();
        let selected = choices
            .iter()
            .find(|c| Some(c.id) == self.preview_category)
            .cloned();
        let preview = column![
            text(t!("settings-badge-preview")).size(18),
            row![
                form::choice(choices, selected, Message::PreviewCategory).width(Fill),
                form::choice(
                    Sample::ALL.map(SampleChoice),
                    Some(SampleChoice(self.sample)),
                    |c| Message::Sample(c.0)
                )
                .width(150),
            ]
            .spacing(8),
            self.preview.view(430.0),
            text(t!("settings-event-preview-note")).size(12),
        ]
        .spacing(8)
        .width(480);
        row![
            column![
                scrollable(fields.padding(iced::padding::right(18))).height(Fill),
                footer
            ]
            .width(Fill),
            preview
        ]
        .spacing(16)
        .into()
    }
}
