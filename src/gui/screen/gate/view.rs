//! Drawing the gate: the setup page (sign-in, checkpoint, direction), then
//! the scanning page with its full-window verdict and the recent scans. No
//! side effects here.

use iced::font::Weight;
use iced::widget::{
    button, column, container, image, pick_list, radio, row, scrollable, space, text, text_input,
};
use iced::{Background, Border, Center, Color, Element, Fill, Font, Theme};

use super::words::{self, Words};
use super::{
    CheckpointChoice, EnrolForm, Message, OPERATOR_INPUT, OverrideForm, Phase, Problem,
    REASON_INPUT, SCAN_INPUT, Scanned, SecondLanguage, Source, State, StationInfo, Warning,
    allowed_directions,
};
use crate::gui::style;
use accredit::auth::Permission;
use accredit::domain::Direction;
use accredit::gate::{GateVerdict, ScanOutcome};
use accredit::i18n;
use accredit::t;

/// The photo on screen: large, 3:4, and small enough that the whole verdict
/// fits at 1366 × 768 under the desk's header.
const PHOTO_WIDTH: f32 = 255.0;
const PHOTO_HEIGHT: f32 = 340.0;

pub(super) const GREEN: Color = Color::from_rgb8(0x1B, 0x7F, 0x3B);
const RED: Color = Color::from_rgb8(0xB0, 0x1E, 0x23);
const AMBER: Color = Color::from_rgb8(0xA3, 0x5C, 0x00);
pub(super) const SLATE: Color = Color::from_rgb8(0x44, 0x4B, 0x55);
pub(super) const BOLD: Font = Font {
    weight: Weight::Bold,
    ..Font::DEFAULT
};

impl State {
    pub fn view(&self) -> Element<'_, Message> {
        let Some(info) = &self.info else {
            if let Some(form) = &self.enrol {
                return container(enrol_view(form, self.error.as_ref()))
                    .center(Fill)
                    .padding(24)
                    .into();
            }
            let content: Element<'_, Message> = match &self.error {
                Some(e) => column![
                    text(t!("gate-cannot-start")).size(26),
                    style::error_text(&e.to_string())
                ]
                .spacing(12)
                .max_width(720)
                .into(),
                None => text(t!("gate-opening")).size(20).into(),
            };
            return container(content).center(Fill).padding(24).into();
        };
        match self.phase {
            Phase::Setup => self.setup_view(info),
            Phase::Scanning => self.scanning_view(info),
        }
    }

    fn setup_view<'a>(&'a self, info: &'a StationInfo) -> Element<'a, Message> {
        // Wide enough for a long checkpoint name and its zone on one line in
        // the longest language.
        let mut form = column![text(t!("gate-title")).size(30)]
            .spacing(14)
            .max_width(840);
        if let Some(p) = &info.package {
            // Alone on a package, nothing else names the event.
            form = form.push(text(&info.event).size(16)).push(
                text(t!(
                    "gate-package-line",
                    path = &p.path,
                    holders = p.holders,
                    made = &p.made,
                    by = &p.made_by
                ))
                .size(14)
                .color(SLATE),
            );
        }
        for w in &info.warnings {
            form = form.push(warning_strip(w));
        }
        if self.actor.is_none() {
            let submit = (!self.busy).then_some(Message::SignIn);
            form = form.push(text(t!("gate-sign-in-to-scan")).size(20)).push(
                column![
                    text_input(&t!("gate-operator"), &self.operator)
                        .id(OPERATOR_INPUT)
                        .on_input(Message::OperatorChanged)
                        .on_submit(Message::SignIn)
                        .padding(10),
                    text_input(&t!("gate-password"), &self.password)
                        .secure(true)
                        .on_input(Message::PasswordChanged)
                        .on_submit(Message::SignIn)
                        .padding(10),
                    button(text(t!("gate-sign-in")))
                        .padding([10, 24])
                        .on_press_maybe(submit),
                ]
                .spacing(10),
            );
        } else {
            let choices: Vec<CheckpointChoice> = info
                .checkpoints
                .iter()
                .map(|c| CheckpointChoice {
                    id: c.id,
                    label: t!(
                        "gate-checkpoint-choice",
                        checkpoint = &c.name,
                        zone = c.zone
                    ),
                })
                .collect();
            let selected = choices
                .iter()
                .find(|c| Some(c.id) == self.checkpoint)
                .cloned();
            let mut directions = row![text(t!("gate-direction")).width(140)].spacing(24);
            if let Some(cp) = self.checkpoint_info() {
                for d in allowed_directions(cp) {
                    let label = match d {
                        Direction::Entry => t!("gate-entry"),
                        Direction::Exit => t!("gate-exit"),
                    };
                    directions = directions.push(radio(
                        label,
                        d,
                        Some(self.direction),
                        Message::DirectionPicked,
                    ));
                }
            }
            let start = (!self.busy && self.checkpoint.is_some()).then_some(Message::Start);
            form = form
                .push(
                    row![
                        text(t!("gate-checkpoint")).width(140),
                        pick_list(choices, selected, Message::CheckpointPicked).width(Fill),
                    ]
                    .align_y(Center),
                )
                .push(directions)
                .push(
                    row![
                        text(t!("gate-station")).width(140),
                        text_input(&t!("gate-station-placeholder"), &self.station_name)
                            .on_input(Message::StationChanged)
                            .padding(8),
                    ]
                    .align_y(Center),
                )
                .push(
                    row![
                        text(t!("gate-second-language")).width(140),
                        pick_list(
                            SecondLanguage::all(),
                            Some(SecondLanguage(self.second_language)),
                            Message::SecondLanguagePicked,
                        )
                        .width(Fill),
                    ]
                    .align_y(Center),
                )
                .push(
                    button(text(t!("gate-start-scanning")).size(18))
                        .padding([12, 28])
                        .style(button::success)
                        .on_press_maybe(start),
                );
            if let Some(actor) = &self.actor {
                form = form.push(
                    text(t!(
                        "gate-signed-in-as",
                        name = &actor.name,
                        role = words::role(actor.role)
                    ))
                    .size(13)
                    .color(SLATE),
                );
            }
        }
        if let Some(e) = &self.error {
            form = form.push(style::error_text(&e.to_string()));
        }
        if let (Source::Store { actor, .. }, false) = (&self.source, info.offline)
            && actor.may(Permission::ManageKeys)
        {
            form = form.push(self.export_view(info));
        }
        // Scans travel home from an offline gate once someone signed in
        // there; the desk brings them into the store.
        let may_move_scans = match &self.source {
            Source::Store { actor, .. } => actor.may(Permission::Scan),
            Source::Package { .. } => self.actor.is_some(),
        };
        if may_move_scans {
            form = form.push(self.scans_view());
        }
        container(scrollable(container(form).padding(24).center_x(Fill)))
            .width(Fill)
            .height(Fill)
            .into()
    }

    fn scanning_view<'a>(&'a self, info: &'a StationInfo) -> Element<'a, Message> {
        let checkpoint = self.checkpoint_info();
        let place = match (checkpoint, self.direction) {
            (Some(cp), Direction::Entry) => t!("gate-place-entry", checkpoint = &cp.name),
            (Some(cp), Direction::Exit) => t!("gate-place-exit", checkpoint = &cp.name),
            (None, _) => String::new(),
        };
        let who = match &self.actor {
            Some(a) => format!("{} · {}", self.station_name, a.name),
            None => self.station_name.clone(),
        };
        let scan_field = text_input(&t!("gate-scan-placeholder"), &self.input)
            .id(SCAN_INPUT)
            .on_input(Message::InputChanged)
            .on_submit(Message::Submit)
            .padding(10)
            .size(18)
            .width(Fill);
        let top = container(
            column![
                row![
                    text(place).size(20).font(BOLD),
                    space::horizontal(),
                    text(who).size(14).color(SLATE),
                    button(text(t!("gate-change-checkpoint")).size(13))
                        .style(button::secondary)
                        .on_press(Message::ChangeCheckpoint),
                ]
                .spacing(14)
                .align_y(Center),
                scan_field,
            ]
            .spacing(8),
        )
        .padding([10, 16])
        .style(style::chrome);
        let mut page = column![top];
        for w in &info.warnings {
            page = page.push(warning_strip(w));
        }
        page.push(
            row![self.verdict_view(info), self.recent_view()]
                .spacing(0)
                .height(Fill),
        )
        .into()
    }

    fn verdict_view<'a>(&'a self, info: &'a StationInfo) -> Element<'a, Message> {
        let (colour, content): (Color, Element<'a, Message>) = match (&self.shown, &self.failure) {
            (_, Some(e)) => {
                let mut page = column![
                    text(t!("gate-not-checked"))
                        .size(64)
                        .font(BOLD)
                        .color(Color::WHITE),
                    text(t!("gate-not-recorded", error = e.to_string()))
                        .size(24)
                        .color(Color::WHITE),
                    text(t!("gate-scan-again")).size(24).color(Color::WHITE),
                ]
                .spacing(12);
                if let Some(second) = self.second() {
                    page = page.push(
                        column![
                            text(accredit::tr!(second, "gate-not-checked"))
                                .size(30)
                                .font(BOLD)
                                .color(Color::WHITE),
                            text(accredit::tr!(second, "gate-scan-again"))
                                .size(20)
                                .color(Color::WHITE),
                        ]
                        .spacing(4)
                        .padding(iced::Padding::ZERO.top(12)),
                    );
                }
                (SLATE, page.into())
            }
            (Some(shown), None) => (
                verdict_colour(&shown.outcome),
                self.outcome_view(shown, info),
            ),
            (None, None) => (
                Color::from_rgb8(0xE4, 0xE7, 0xEB),
                column![
                    text(t!("gate-ready")).size(56).font(BOLD).color(SLATE),
                    text(t!("gate-ready-hint")).size(22).color(SLATE),
                ]
                .spacing(10)
                .into(),
            ),
        };
        // Scrolls rather than cut anything off when a long name wraps.
        container(scrollable(content).height(Fill))
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(move |_: &Theme| container::Style {
                background: Some(Background::Color(colour)),
                ..container::Style::default()
            })
            .into()
    }

    fn outcome_view<'a>(
        &'a self,
        shown: &'a Scanned,
        info: &'a StationInfo,
    ) -> Element<'a, Message> {
        let o = &shown.outcome;
        let here = i18n::current();
        let said = Words::of(o, info);
        // Refusals show their identifier (what the officer tells a
        // supervisor) and the way to override them.
        let mut top = row![
            text(words::headline(here, o))
                .size(60)
                .font(BOLD)
                .color(Color::WHITE),
            space::horizontal(),
        ]
        .spacing(16)
        .align_y(Center);
        if !o.verdict.is_accepted() {
            top = top.push(text(o.verdict.as_str()).size(16).color(Color::WHITE));
        }
        if !o.passed && self.override_form.is_none() {
            top = top.push(
                button(text(t!("gate-override")).size(16))
                    .padding([10, 22])
                    .style(button::secondary)
                    .on_press(Message::OverrideOpen),
            );
        }
        let mut page = column![
            top,
            text(said.text(here))
                .size(28)
                .font(BOLD)
                .color(Color::WHITE)
        ]
        .spacing(8);
        // The same verdict, smaller, in the second language: the officer
        // reads the first, the holder the second.
        if let Some(second) = self.second() {
            page = page.push(
                column![
                    text(words::headline(second, o))
                        .size(30)
                        .font(BOLD)
                        .color(Color::WHITE),
                    text(said.text(second)).size(20).color(Color::WHITE),
                ]
                .spacing(2),
            );
        }
        let form = self.override_form.as_ref().map(|f| self.override_view(f));
        if o.holder.is_some() || o.badge.is_some() {
            page = page.push(holder_card(shown, info, form));
        } else if let Some(form) = form {
            page = page.push(container(form).padding(16).max_width(480).style(card_style));
        }
        page.into()
    }

    fn override_view<'a>(&'a self, form: &'a OverrideForm) -> Element<'a, Message> {
        let needs_supervisor = !self
            .actor
            .as_ref()
            .is_some_and(|a| a.may(Permission::OverrideGate));
        let ready = !form.busy
            && !form.reason.trim().is_empty()
            && (!needs_supervisor || !form.supervisor.trim().is_empty());
        let mut fields = column![
            text(t!("gate-override-title")).size(18).font(BOLD),
            text_input(&t!("gate-override-reason"), &form.reason)
                .id(REASON_INPUT)
                .on_input(Message::ReasonChanged)
                .on_submit(Message::OverrideSubmit)
                .padding(8),
        ]
        .spacing(8);
        if needs_supervisor {
            fields = fields
                .push(
                    text_input(&t!("gate-override-supervisor"), &form.supervisor)
                        .on_input(Message::SupervisorChanged)
                        .padding(8),
                )
                .push(
                    text_input(&t!("gate-override-password"), &form.password)
                        .secure(true)
                        .on_input(Message::SupervisorPasswordChanged)
                        .on_submit(Message::OverrideSubmit)
                        .padding(8),
                );
        }
        fields = fields.push(
            row![
                button(text(t!("gate-override-submit")))
                    .style(button::warning)
                    .padding([8, 18])
                    .on_press_maybe(ready.then_some(Message::OverrideSubmit)),
                button(text(t!("gate-override-cancel")))
                    .style(button::secondary)
                    .padding([8, 18])
                    .on_press(Message::OverrideCancel),
            ]
            .spacing(10),
        );
        if let Some(e) = &form.error {
            fields = fields.push(style::error_text(&e.to_string()));
        }
        fields.into()
    }

    fn recent_view(&self) -> Element<'_, Message> {
        // The right padding keeps the scroll bar off the verdicts.
        let mut list = column![text(t!("gate-recent")).size(16).font(BOLD)]
            .spacing(6)
            .padding(iced::Padding::ZERO.right(14));
        if self.recent.is_empty() {
            list = list.push(text(t!("gate-recent-none")).size(13).color(SLATE));
        }
        for line in &self.recent {
            let colour = if line.overridden {
                AMBER
            } else if line.passed {
                GREEN
            } else {
                RED
            };
            let time = self.local_time(line.at);
            let name = if line.name.is_empty() {
                "—".to_string()
            } else {
                line.name.clone()
            };
            list = list.push(
                column![
                    row![
                        text(time).size(13).color(SLATE),
                        text(line.verdict.as_str())
                            .size(13)
                            .font(BOLD)
                            .color(colour),
                    ]
                    .spacing(8),
                    text(if line.overridden {
                        t!("gate-recent-let-through", name = name)
                    } else {
                        name
                    })
                    .size(13),
                ]
                .spacing(1),
            );
        }
        container(scrollable(list).height(Fill))
            .padding(12)
            .width(260)
            .height(Fill)
            .style(style::chrome)
            .into()
    }

    fn local_time(&self, at: i64) -> String {
        match (&self.info, jiff::Timestamp::from_second(at)) {
            (Some(info), Ok(ts)) => ts
                .to_zoned_datetime(info.time_zone.clone())
                .strftime("%H:%M:%S")
                .to_string(),
            _ => at.to_string(),
        }
    }

    /// The second language of the verdicts, unless it is the interface's.
    fn second(&self) -> Option<i18n::Language> {
        self.second_language.filter(|l| *l != i18n::current())
    }
}

fn verdict_colour(o: &ScanOutcome) -> Color {
    if o.overrides.is_some() {
        AMBER
    } else if o.verdict == GateVerdict::ACCEPTED {
        GREEN
    } else {
        RED
    }
}

/// A warning in words: the core's English, in the interface's language.
pub(super) fn warning_text(warning: &Warning) -> String {
    match warning {
        Warning::OldRevocations { minutes } => match *minutes {
            m if m < 120 => t!("gate-warning-revocations-minutes", minutes = m),
            m if m < 48 * 60 => t!("gate-warning-revocations-hours", hours = m / 60),
            m => t!("gate-warning-revocations-days", days = m / (24 * 60)),
        },
        Warning::Other(core) => core.clone(),
    }
}

fn warning_strip<'a>(warning: &'a Warning) -> Element<'a, Message> {
    let message = warning_text(warning);
    container(text(message).size(14).color(Color::BLACK))
        .padding([6, 16])
        .width(Fill)
        .style(|_: &Theme| container::Style {
            background: Some(Background::Color(Color::from_rgb8(0xFF, 0xD5, 0x4F))),
            ..container::Style::default()
        })
        .into()
}

/// The holder as the officer compares them with the face: photo large,
/// name, delegation, category in its colour, zones; or, while the officer
/// fills in an override, the form beside the photo.
fn holder_card<'a>(
    shown: &'a Scanned,
    info: &'a StationInfo,
    form: Option<Element<'a, Message>>,
) -> Element<'a, Message> {
    let o = &shown.outcome;
    let photo: Element<'a, Message> = match &shown.photo {
        Some(handle) => image(handle.clone())
            .width(PHOTO_WIDTH)
            .height(PHOTO_HEIGHT)
            .into(),
        None => container(text(t!("gate-no-photo")).size(18).color(SLATE))
            .center_x(PHOTO_WIDTH)
            .center_y(PHOTO_HEIGHT)
            .style(|_: &Theme| container::Style {
                background: Some(Background::Color(Color::from_rgb8(0xE4, 0xE7, 0xEB))),
                ..container::Style::default()
            })
            .into(),
    };
    let mut details = column![].spacing(10).width(Fill);
    match &o.holder {
        Some(h) => {
            details = details
                .push(text(&h.name).size(38).font(BOLD))
                .push(text(format!("{} — {}", h.delegation, h.delegation_name)).size(20));
        }
        None => {
            details = details.push(text(t!("gate-holder-unknown")).size(28).font(BOLD));
        }
    }
    if !o.override_reason.is_empty() {
        details = details.push(
            text(t!(
                "gate-override-reason-by",
                reason = &o.override_reason,
                supervisor = &o.override_by
            ))
            .size(18),
        );
    }
    if let Some(b) = &o.badge {
        let colour = b
            .colour
            .unwrap_or(accredit::domain::Colour::new(0x6E, 0x73, 0x78));
        let fg = if colour.prefers_dark_text() {
            Color::BLACK
        } else {
            Color::WHITE
        };
        let label = if b.category_name.is_empty() {
            b.category.clone()
        } else {
            format!("{}  {}", b.category, b.category_name)
        };
        details = details.push(
            container(text(label).size(24).font(BOLD).color(fg))
                .padding([8, 18])
                .style(move |_: &Theme| container::Style {
                    background: Some(Background::Color(style::colour(colour))),
                    border: Border::default().rounded(6),
                    ..container::Style::default()
                }),
        );
        let zones = row(b.zones.iter().map(|n| zone_chip(n, info, n == o.zone)))
            .spacing(6)
            .wrap()
            .vertical_spacing(6);
        details = details
            .push(text(t!("gate-zones")).size(14).color(SLATE))
            .push(zones)
            .push(
                text(t!("gate-badge-serial", serial = b.serial.to_string()))
                    .size(13)
                    .color(SLATE),
            );
    }
    let card = match form {
        // The officer has seen the details: the form takes their place.
        Some(form) => {
            let name = o.holder.as_ref().map(|h| h.name.as_str()).unwrap_or("");
            row![
                photo,
                column![text(name).size(30).font(BOLD), form]
                    .spacing(12)
                    .width(Fill)
            ]
        }
        None => row![photo, details],
    }
    .spacing(24);
    container(card)
        .padding(18)
        .max_width(1100)
        .style(card_style)
        .into()
}

/// A zone the badge opens; the checkpoint's own in bold and outlined.
fn zone_chip<'a>(number: u8, info: &'a StationInfo, here: bool) -> Element<'a, Message> {
    let name = info
        .zones
        .iter()
        .find(|z| z.number == number)
        .map(|z| z.name.as_str())
        .unwrap_or("");
    container(text(format!("{number}  {name}")).size(16).font(if here {
        BOLD
    } else {
        Font::DEFAULT
    }))
    .padding([4, 10])
    .style(move |_: &Theme| container::Style {
        background: Some(Background::Color(Color::from_rgb8(0xEE, 0xF0, 0xF3))),
        border: Border {
            color: if here {
                Color::BLACK
            } else {
                Color::TRANSPARENT
            },
            width: if here { 2.0 } else { 0.0 },
            radius: 12.0.into(),
        },
        ..container::Style::default()
    })
    .into()
}

fn card_style(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        text_color: Some(Color::from_rgb8(0x11, 0x11, 0x11)),
        border: Border::default().rounded(10),
        ..container::Style::default()
    }
}

/// The laptop is not enrolled: enrol it here, once, with the fingerprint of
/// the package's root read off the desk's screen, or the root public key.
fn enrol_view<'a>(form: &'a EnrolForm, why: Option<&'a Problem>) -> Element<'a, Message> {
    let submit = (!form.busy).then_some(Message::Enrol);
    let mut page = column![
        text(t!("gate-enrol-title")).size(26),
        text(t!("gate-enrol-about")).size(14).color(SLATE),
        text_input(&t!("gate-enrol-fingerprint"), &form.fingerprint)
            .on_input(Message::EnrolFingerprintChanged)
            .on_submit(Message::Enrol)
            .padding(10),
        text_input(&t!("gate-enrol-root"), &form.root)
            .on_input(Message::EnrolRootChanged)
            .on_submit(Message::Enrol)
            .padding(10),
        text_input(&t!("gate-enrol-station"), &form.station)
            .on_input(Message::EnrolStationChanged)
            .padding(10),
        button(text(t!("gate-enrol-submit")))
            .padding([10, 24])
            .on_press_maybe(submit),
    ]
    .spacing(12)
    .max_width(720);
    let said = match (&form.error, why) {
        (Some(e), _) => Some(e.to_string()),
        (None, why) => why.map(Problem::to_string),
    };
    if let Some(said) = said {
        page = page.push(style::error_text(&said));
    }
    page.into()
}

/// A panel of the setup page (the package export, the scans' way home): a
/// rounded box on the page's weak background.
pub(super) fn panel<'a>(content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(content)
        .padding(16)
        .width(Fill)
        .style(|theme: &Theme| container::Style {
            background: Some(Background::Color(
                theme.extended_palette().background.weak.color,
            )),
            border: Border::default().rounded(6),
            ..container::Style::default()
        })
        .into()
}
