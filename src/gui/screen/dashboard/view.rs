//! Drawing the dashboard. Side-effect free: every number is a button that
//! sends `Message::Open` with the figure it stands for.

use iced::widget::{
    button, canvas, checkbox, column, container, opaque, pick_list, row, scrollable, space, stack,
    text,
};
use iced::{Background, Border, Color, Element, Fill, Font, Length, Theme, font};

use super::chart::{Chart, Mode};
use super::{ExportState, Message, SortColumn, State};
use crate::attendance::{Attendance, Group, Measure, Selector};
use crate::gui::Session;
use crate::gui::style;
use crate::report::Format;
use crate::report::tables::thousands;

pub const MUTED: Color = Color::from_rgb8(0x5F, 0x66, 0x73);
const NAVY: Color = Color::from_rgb8(0x1F, 0x3B, 0x73);
const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..Font::DEFAULT
};
/// Width of a column of numbers.
const NUMBER: f32 = 78.0;
/// Width of a column of numbers with a sortable header.
const WIDE: f32 = 94.0;
/// Width of a narrow column of numbers, in the side-by-side panels.
const SMALL: f32 = 64.0;
/// Room kept free for the scrollbar of an inner list.
const SCROLLBAR: f32 = 14.0;

impl State {
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let Some(data) = self.data.as_deref() else {
            let message: Element<'a, Message> = match &self.error {
                Some(e) => style::error_text(e),
                None => text("Computing the figures…").size(18).into(),
            };
            return container(message).center(Fill).into();
        };
        let mut page = column![
            self.top_bar(data, session),
            pipeline(data),
            row![
                representation(data).width(Length::FillPortion(9)),
                categories(data).width(Length::FillPortion(10)),
                zones(data).width(Length::FillPortion(7)),
            ]
            .spacing(12),
            self.arrivals(),
            sessions(data),
            self.delegations(data),
        ]
        .spacing(14)
        .padding(16);
        if let Some(e) = &self.error {
            page = page.push(style::error_text(e));
        }
        let main = scrollable(page).height(Fill).width(Fill);
        // The list of people lies over the right of the figures, which keep
        // their layout. The stack is there even without the list, so that
        // opening it keeps the page where it was scrolled to.
        let overlay: Element<'a, Message> = match &self.drill {
            Some(drill) => row![space::horizontal(), opaque(super::people::panel(drill))].into(),
            None => space().into(),
        };
        stack![main, overlay].into()
    }

    fn top_bar<'a>(&'a self, data: &'a Attendance, session: &'a Session) -> Element<'a, Message> {
        let f = &data.figures;
        let live = if crate::clock::is_simulated() {
            "clock set by ACCREDIT_NOW"
        } else {
            "updates by itself"
        };
        let busy = matches!(self.export, Some(ExportState::Writing(_)));
        let mut exports = row![
            text("Report for").color(MUTED),
            pick_list(
                session.delegation_choices.as_slice(),
                session.delegation_choice(self.export_delegation),
                Message::ExportDelegation
            )
            .text_size(13)
            .width(250),
            pick_list(
                self.session_choices.as_slice(),
                self.session_choices
                    .iter()
                    .find(|c| c.id == self.export_session),
                Message::ExportSession
            )
            .text_size(13)
            .width(300),
        ]
        .spacing(6)
        .align_y(iced::Center);
        for format in Format::ALL {
            exports = exports.push(
                button(text(format.as_str().to_uppercase()).size(13))
                    .padding([4, 10])
                    .style(button::secondary)
                    .on_press_maybe((!busy).then_some(Message::Export(format))),
            );
        }
        let status: Element<'a, Message> = match &self.export {
            None => space().into(),
            Some(ExportState::Writing(format)) => text(format!(
                "Writing the {} report…",
                format.as_str().to_uppercase()
            ))
            .size(13)
            .into(),
            Some(ExportState::Written(path)) => text(format!("Saved to {path}"))
                .size(13)
                .color(style::status_colour(
                    crate::domain::ParticipantStatus::Approved,
                ))
                .into(),
            Some(ExportState::Failed(e)) => style::error_text(e),
        };
        column![
            row![
                text("Attendance").size(24).font(BOLD),
                space::horizontal(),
                exports,
            ]
            .align_y(iced::Center),
            row![
                text(format!(
                    "Figures as of {} ({}) · {live} · {}",
                    f.as_of_local, f.time_zone, session.event.code
                ))
                .size(13)
                .color(MUTED),
                space::horizontal(),
                status,
            ],
        ]
        .spacing(4)
        .into()
    }

    fn arrivals(&self) -> Element<'_, Message> {
        let mode = |label: &'static str, m: Mode| {
            button(text(label).size(13))
                .padding([4, 10])
                .style(if self.chart_mode == m {
                    button::primary
                } else {
                    button::secondary
                })
                .on_press(Message::Chart(m))
        };
        let legend = row![
            swatch(Color::from_rgb8(0x9D, 0xB7, 0xE0)),
            text("Entries (passages into any zone)").size(13),
            swatch(NAVY),
            text("First arrivals").size(13),
        ]
        .spacing(6)
        .align_y(iced::Center);
        let chart: Element<'_, crate::attendance::Selector> = canvas(Chart {
            bars: &self.bars,
            mode: self.chart_mode,
        })
        .width(Fill)
        .height(230)
        .into();
        panel(
            "Arrivals over time",
            column![
                row![
                    legend,
                    space::horizontal(),
                    mode("Per 15 minutes", Mode::QuarterHours),
                    mode("Per day", Mode::Days),
                ]
                .spacing(6)
                .align_y(iced::Center),
                chart.map(Message::Open),
            ]
            .spacing(8),
        )
        .into()
    }

    fn delegations<'a>(&'a self, data: &'a Attendance) -> Element<'a, Message> {
        let f = &data.figures;
        let nobody = f.delegations.iter().filter(|d| d.nobody_arrived).count();
        let head = |label: &'static str, column: SortColumn, width: Length| {
            let arrow = if self.sort == column {
                if self.descending { " ▼" } else { " ▲" }
            } else {
                ""
            };
            let numeric = !matches!(column, SortColumn::Code | SortColumn::Name);
            button(
                text(format!("{label}{arrow}"))
                    .size(13)
                    .font(BOLD)
                    .width(Fill)
                    .align_x(if numeric { iced::Right } else { iced::Left }),
            )
            .style(button::text)
            .padding([4, 6])
            .width(width)
            .on_press(Message::SortBy(column))
        };
        let header = row![
            head("Code", SortColumn::Code, Length::Fixed(96.0)),
            head("Delegation", SortColumn::Name, Fill),
            head("Nominated", SortColumn::Nominated, Length::Fixed(WIDE)),
            head("Approved", SortColumn::Approved, Length::Fixed(WIDE)),
            head("Printed", SortColumn::Printed, Length::Fixed(WIDE)),
            head("Collected", SortColumn::Collected, Length::Fixed(WIDE)),
            head("Arrived", SortColumn::Arrived, Length::Fixed(WIDE)),
            head("Present", SortColumn::Present, Length::Fixed(WIDE)),
            head(
                "First arrival",
                SortColumn::FirstArrival,
                Length::Fixed(150.0)
            ),
        ]
        .padding(iced::Padding {
            right: SCROLLBAR,
            ..iced::Padding::ZERO
        })
        .align_y(iced::Center);
        let mut rows = column![].spacing(0).padding(iced::Padding {
            right: SCROLLBAR,
            ..iced::Padding::ZERO
        });
        for (n, &i) in self.delegation_order.iter().enumerate() {
            let d = &f.delegations[i];
            let id = data.facts.delegations[i].id;
            let group = Group::Delegation(id);
            let first = d
                .first_arrival
                .map(|t| crate::attendance::local_minute(t, &data.facts.event.tz()))
                .unwrap_or_else(|| "—".into());
            let line = row![
                text(&d.code).font(BOLD).size(14).width(Length::Fixed(96.0)),
                text(&d.name).size(14).width(Fill),
                number(d.counts.nominated, group, Measure::Nominated, WIDE),
                number(d.counts.approved, group, Measure::Approved, WIDE),
                number(d.counts.badges_printed, group, Measure::Printed, WIDE),
                number(d.counts.badges_collected, group, Measure::Collected, WIDE),
                number(d.counts.arrived, group, Measure::Arrived, WIDE),
                number(d.counts.present, group, Measure::Present, WIDE),
                text(first)
                    .size(13)
                    .color(if d.nobody_arrived {
                        style::status_colour(crate::domain::ParticipantStatus::Rejected)
                    } else {
                        MUTED
                    })
                    .width(Length::Fixed(150.0))
                    .align_x(iced::Right),
            ]
            .spacing(0)
            .padding([2, 6])
            .align_y(iced::Center);
            rows = rows.push(container(line).style(move |theme: &Theme| stripe(theme, n)));
        }
        let table: Element<'a, Message> = if self.delegation_order.is_empty() {
            text("No delegation matches.").into()
        } else {
            scrollable(rows).height(360).into()
        };
        panel(
            "Delegations",
            column![
                row![
                    checkbox(self.nobody_arrived_only)
                        .label(format!("Only those with nobody arrived yet ({nobody})"))
                        .on_toggle(Message::NobodyArrivedOnly),
                    space::horizontal(),
                    text(format!(
                        "{} of {} delegations · click a column to sort, a number for the people",
                        self.delegation_order.len(),
                        f.delegations.len()
                    ))
                    .size(13)
                    .color(MUTED),
                ]
                .align_y(iced::Center),
                header,
                table,
            ]
            .spacing(6),
        )
        .into()
    }
}

/// A count that lists its people when clicked, right-aligned in `width`.
pub fn number<'a>(n: u32, group: Group, measure: Measure, width: f32) -> Element<'a, Message> {
    button(text(thousands(n)).size(14).width(Fill).align_x(iced::Right))
        .style(number_style)
        .padding([2, 6])
        .width(Length::Fixed(width))
        .on_press(Message::Open(Selector::new(group, measure)))
        .into()
}

/// A count that may not apply (an open session has no invitations).
fn maybe_number<'a>(
    n: Option<u32>,
    group: Group,
    measure: Measure,
    width: f32,
) -> Element<'a, Message> {
    match n {
        Some(n) => number(n, group, measure, width),
        None => text("—")
            .color(MUTED)
            .width(Length::Fixed(width))
            .align_x(iced::Right)
            .into(),
    }
}

fn number_style(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
    button::Style {
        background: hovered.then_some(Background::Color(palette.primary.weak.color)),
        text_color: if hovered {
            palette.primary.weak.text
        } else {
            NAVY
        },
        border: Border::default().rounded(4),
        ..button::Style::default()
    }
}

fn stripe(theme: &Theme, n: usize) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: (n % 2 == 1)
            .then(|| Background::Color(palette.background.weak.color.scale_alpha(0.5))),
        ..container::Style::default()
    }
}

fn swatch<'a>(colour: Color) -> Element<'a, Message> {
    container(space())
        .width(12)
        .height(12)
        .style(move |_: &Theme| container::Style {
            background: Some(Background::Color(colour)),
            ..container::Style::default()
        })
        .into()
}

/// A titled white box.
pub fn panel<'a>(
    title: &'a str,
    content: impl Into<Element<'a, Message>>,
) -> container::Container<'a, Message> {
    container(column![text(title).size(17).font(BOLD), content.into()].spacing(8))
        .padding(12)
        .width(Fill)
        .style(|theme: &Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(Background::Color(palette.background.base.color)),
                border: Border::default()
                    .rounded(6)
                    .width(1)
                    .color(palette.background.strong.color),
                ..container::Style::default()
            }
        })
}

/// The pipeline as a row of large numbers.
fn pipeline(data: &Attendance) -> Element<'_, Message> {
    let p = &data.figures.pipeline;
    let rep = &data.figures.representation;
    let card = |label: &'static str, n: u32, selector: Selector, context: String| {
        container(
            column![
                text(label).size(13).color(MUTED),
                button(text(thousands(n)).size(28).font(BOLD))
                    .style(number_style)
                    .padding([0, 4])
                    .on_press(Message::Open(selector)),
                text(context).size(12).color(MUTED),
            ]
            .spacing(2),
        )
        .padding(10)
        .width(Fill)
        .style(|theme: &Theme| {
            let palette = theme.extended_palette();
            container::Style {
                background: Some(Background::Color(palette.background.base.color)),
                border: Border::default()
                    .rounded(6)
                    .width(1)
                    .color(palette.background.strong.color),
                ..container::Style::default()
            }
        })
    };
    let all = |measure: Measure| Selector::new(Group::All, measure);
    let share = |part: u32, whole: u32| {
        if whole == 0 {
            "—".to_string()
        } else {
            format!("{:.0} %", f64::from(part) * 100.0 / f64::from(whole))
        }
    };
    row![
        card(
            "Nominated",
            p.nominated,
            all(Measure::Nominated),
            "received".into()
        ),
        card(
            "Awaiting decision",
            p.pending,
            all(Measure::Pending),
            "not yet approved".into()
        ),
        card(
            "Approved",
            p.approved,
            all(Measure::Approved),
            format!("{} rejected", thousands(p.rejected))
        ),
        card(
            "Cleared",
            p.cleared,
            all(Measure::Cleared),
            format!("{} of approved", share(p.cleared, p.approved))
        ),
        card(
            "Badges printed",
            p.badges_printed,
            all(Measure::Printed),
            format!("{} of approved", share(p.badges_printed, p.approved))
        ),
        card(
            "Collected",
            p.badges_collected,
            all(Measure::Collected),
            format!("{} of printed", share(p.badges_collected, p.badges_printed))
        ),
        card(
            "Arrived",
            p.arrived,
            all(Measure::Arrived),
            format!("{} of approved", share(p.arrived, p.approved))
        ),
        card(
            "Present now",
            p.present,
            all(Measure::Present),
            "inside a zone".into()
        ),
        card(
            "States here",
            rep.states.arrived,
            Selector::new(Group::States, Measure::Arrived),
            format!("of {} registered", rep.states.registered)
        )
        .padding(10),
    ]
    .spacing(10)
    .into()
}

fn representation(data: &Attendance) -> container::Container<'_, Message> {
    let rep = &data.figures.representation;
    let head = row![
        text("Kind").size(13).font(BOLD).width(Fill),
        text("Registered")
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(NUMBER + 8.0))
            .align_x(iced::Right),
        text("Arrived")
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(NUMBER))
            .align_x(iced::Right),
    ];
    let mut rows = column![head].spacing(2);
    let line = |label: String, group: Group, registered: u32, arrived: u32, bold: bool| {
        row![
            text(label)
                .size(14)
                .font(if bold { BOLD } else { Font::DEFAULT })
                .width(Fill),
            number(registered, group, Measure::Approved, NUMBER + 8.0),
            number(arrived, group, Measure::Arrived, NUMBER),
        ]
        .align_y(iced::Center)
    };
    rows = rows.push(line(
        "States".into(),
        Group::States,
        rep.states.registered,
        rep.states.arrived,
        true,
    ));
    rows = rows.push(line(
        "Organisations".into(),
        Group::Organisations,
        rep.organisations.registered,
        rep.organisations.arrived,
        true,
    ));
    for k in &rep.by_kind {
        rows = rows.push(line(
            k.label.clone(),
            Group::Kind(k.kind),
            k.delegations.registered,
            k.delegations.arrived,
            false,
        ));
    }
    let over = data.figures.delegations_over_quota;
    let over_line = text(match over {
        0 => "No delegation is over its quota.".to_string(),
        1 => "1 delegation is over its quota (see Delegations, “Over quota only”).".to_string(),
        n => format!("{n} delegations are over their quota (see Delegations, “Over quota only”)."),
    })
    .size(13)
    .color(if over > 0 { style::WARNING } else { MUTED });
    panel(
        "States and organisations (delegations)",
        column![
            rows,
            over_line,
            text(
                "Registered: someone approved. Arrived: someone came in. Numbers list the people."
            )
            .size(12)
            .color(MUTED),
        ]
        .spacing(6),
    )
}

fn categories(data: &Attendance) -> container::Container<'_, Message> {
    let head = row![
        text("Category").size(13).font(BOLD).width(Fill),
        text("Approved")
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(SMALL + 6.0))
            .align_x(iced::Right),
        text("Arrived")
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(SMALL))
            .align_x(iced::Right),
        text("Present")
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(SMALL))
            .align_x(iced::Right),
    ];
    let mut rows = column![head].spacing(2);
    for (i, c) in data.figures.categories.iter().enumerate() {
        let info = &data.facts.categories[i];
        let group = Group::Category(info.id);
        rows = rows.push(
            row![
                row![
                    style::category_chip(&c.code, info.colour),
                    text(&c.name).size(13).width(Fill),
                ]
                .spacing(6)
                .align_y(iced::Center)
                .width(Fill),
                number(c.counts.approved, group, Measure::Approved, SMALL + 6.0),
                number(c.counts.arrived, group, Measure::Arrived, SMALL),
                number(c.counts.present, group, Measure::Present, SMALL),
            ]
            .align_y(iced::Center),
        );
    }
    panel("By category", rows)
}

fn zones(data: &Attendance) -> container::Container<'_, Message> {
    let mut rows = column![row![
        text("Zone").size(13).font(BOLD).width(Fill),
        text("Inside now")
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(NUMBER + 10.0))
            .align_x(iced::Right),
    ]]
    .spacing(2);
    for z in &data.figures.zones {
        rows = rows.push(
            row![
                text(format!("{} {}", z.number, z.name))
                    .size(13)
                    .width(Fill),
                number(
                    z.present,
                    Group::All,
                    Measure::Inside(z.number),
                    NUMBER + 10.0
                ),
            ]
            .align_y(iced::Center),
        );
    }
    panel("Occupancy now", rows)
}

fn sessions(data: &Attendance) -> Element<'_, Message> {
    let head = |label: &'static str, width: f32| {
        text(label)
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(width))
            .align_x(iced::Right)
    };
    let mut rows = column![
        row![
            text("Session").size(13).font(BOLD).width(Fill),
            text("When").size(13).font(BOLD).width(Length::Fixed(170.0)),
            head("Invited", NUMBER),
            head("Attended", NUMBER + 8.0),
            head("Of invited", NUMBER + 12.0),
            head("Uninvited", NUMBER + 10.0),
            head("Check-ins", NUMBER + 8.0),
        ]
        .padding([0, 6])
    ]
    .spacing(0);
    for (n, s) in data.figures.sessions.iter().enumerate() {
        let id = data.facts.sessions[n].id;
        let all = Group::All;
        let when = format!(
            "{}–{} · zone {}",
            s.starts_local.get(5..).unwrap_or_default(),
            s.ends_local.get(11..).unwrap_or_default(),
            s.zone
        );
        let line = row![
            text(&s.name).size(14).width(Fill),
            text(when).size(13).color(MUTED).width(Length::Fixed(170.0)),
            maybe_number(s.invited, all, Measure::Invited(id), NUMBER),
            number(s.attended, all, Measure::Attended(id), NUMBER + 8.0),
            maybe_number(
                s.attended_invited,
                all,
                Measure::AttendedInvited(id),
                NUMBER + 12.0
            ),
            maybe_number(
                s.attended_uninvited,
                all,
                Measure::AttendedUninvited(id),
                NUMBER + 10.0
            ),
            number(s.checked_in, all, Measure::CheckedIn(id), NUMBER + 8.0),
        ]
        .padding([2, 6])
        .align_y(iced::Center);
        rows = rows.push(container(line).style(move |theme: &Theme| stripe(theme, n)));
    }
    panel(
        "Sessions",
        column![
            rows,
            text("Attended: came into the session's zone from 30 minutes before its start to its end, or checked in. Invited: approved and invited (invitation-only sessions).")
                .size(12)
                .color(MUTED),
        ]
        .spacing(6),
    )
    .into()
}
