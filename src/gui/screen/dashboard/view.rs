//! Drawing the dashboard. Side-effect free: every number is a button that
//! sends `Message::Open` with the figure it stands for.

use iced::widget::{
    button, canvas, checkbox, column, container, opaque, pick_list, row, scrollable, space, stack,
    text,
};
use iced::{Background, Border, Color, Element, Fill, Font, Length, Theme, font};

use super::chart::{Chart, Mode};
use super::{ExportState, Message, SortColumn, State};
use crate::gui::Session;
use crate::gui::style;
use accredit::attendance::{Attendance, Group, Measure, Selector};
use accredit::report::Format;
use accredit::t;

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
                Some(e) => style::error_text(&e.to_string()),
                None => text(t!("dashboard-computing")).size(18).into(),
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
            page = page.push(style::error_text(&e.to_string()));
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
        let as_of = super::local_stamp(&f.as_of_local);
        let figures_as_of = if accredit::clock::is_simulated() {
            t!(
                "dashboard-as-of-simulated",
                time = as_of,
                zone = f.time_zone.as_str(),
                event = session.event.code.as_str()
            )
        } else {
            t!(
                "dashboard-as-of-live",
                time = as_of,
                zone = f.time_zone.as_str(),
                event = session.event.code.as_str()
            )
        };
        let busy = matches!(self.export, Some(ExportState::Writing(_)));
        let mut exports = row![
            text(t!("dashboard-report-for")).color(MUTED),
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
            Some(ExportState::Writing(format)) => text(t!(
                "dashboard-export-writing",
                format = format.as_str().to_uppercase()
            ))
            .size(13)
            .into(),
            Some(ExportState::Written(path)) => text(t!("dashboard-export-saved", path = path))
                .size(13)
                .color(style::status_colour(
                    accredit::domain::ParticipantStatus::Approved,
                ))
                .into(),
            Some(ExportState::Failed(e)) => style::error_text(&e.to_string()),
        };
        column![
            row![
                text(t!("dashboard-title")).size(24).font(BOLD),
                space::horizontal(),
                exports,
            ]
            .align_y(iced::Center),
            row![
                text(figures_as_of).size(13).color(MUTED),
                space::horizontal(),
                status,
            ],
        ]
        .spacing(4)
        .into()
    }

    fn arrivals(&self) -> Element<'_, Message> {
        let mode = |label: String, m: Mode| {
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
            text(t!("dashboard-legend-entries")).size(13),
            swatch(NAVY),
            text(t!("dashboard-legend-first-arrivals")).size(13),
        ]
        .spacing(6)
        .align_y(iced::Center);
        let chart: Element<'_, accredit::attendance::Selector> = canvas(Chart {
            bars: &self.bars,
            mode: self.chart_mode,
        })
        .width(Fill)
        .height(230)
        .into();
        panel(
            t!("dashboard-arrivals-title"),
            column![
                row![
                    legend,
                    space::horizontal(),
                    mode(t!("dashboard-chart-quarter-hours"), Mode::QuarterHours),
                    mode(t!("dashboard-chart-days"), Mode::Days),
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
        let head = |label: String, column: SortColumn, width: Length| {
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
            head(
                t!("dashboard-col-code"),
                SortColumn::Code,
                Length::Fixed(96.0)
            ),
            head(t!("dashboard-col-delegation"), SortColumn::Name, Fill),
            head(
                t!("dashboard-col-nominated"),
                SortColumn::Nominated,
                Length::Fixed(WIDE)
            ),
            head(
                t!("dashboard-col-approved"),
                SortColumn::Approved,
                Length::Fixed(WIDE)
            ),
            head(
                t!("dashboard-col-printed"),
                SortColumn::Printed,
                Length::Fixed(WIDE)
            ),
            head(
                t!("dashboard-col-collected"),
                SortColumn::Collected,
                Length::Fixed(WIDE)
            ),
            head(
                t!("dashboard-col-arrived"),
                SortColumn::Arrived,
                Length::Fixed(WIDE)
            ),
            head(
                t!("dashboard-col-present"),
                SortColumn::Present,
                Length::Fixed(WIDE)
            ),
            head(
                t!("dashboard-col-first-arrival"),
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
                .map(|t| {
                    super::local_stamp(&accredit::attendance::local_minute(
                        t,
                        &data.facts.event.tz(),
                    ))
                })
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
                        style::status_colour(accredit::domain::ParticipantStatus::Rejected)
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
            text(t!("dashboard-no-delegation-matches")).into()
        } else {
            scrollable(rows).height(360).into()
        };
        panel(
            t!("dashboard-delegations-title"),
            column![
                row![
                    checkbox(self.nobody_arrived_only)
                        .label(t!("dashboard-nobody-arrived-only", count = nobody))
                        .on_toggle(Message::NobodyArrivedOnly),
                    space::horizontal(),
                    text(t!(
                        "dashboard-delegations-shown",
                        shown = self.delegation_order.len(),
                        total = f.delegations.len()
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
    button(text(count(n)).size(14).width(Fill).align_x(iced::Right))
        .style(number_style)
        .padding([2, 6])
        .width(Length::Fixed(width))
        .on_press(Message::Open(Selector::new(group, measure)))
        .into()
}

/// A count as the interface's language writes it: 3,000, 3.000, 3 000.
pub fn count(n: u32) -> String {
    accredit::i18n::number(accredit::i18n::current(), i64::from(n))
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
    title: String,
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
    let card = |label: String, n: u32, selector: Selector, context: String| {
        container(
            column![
                text(label).size(13).color(MUTED),
                button(text(count(n)).size(28).font(BOLD))
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
            // Rounded as before ("{:.0}"), then written as the language does.
            let rounded = format!("{:.0}", f64::from(part) * 100.0 / f64::from(whole));
            t!(
                "dashboard-percent",
                percent = rounded.parse::<f64>().unwrap_or_default()
            )
        }
    };
    row![
        card(
            t!("dashboard-card-nominated"),
            p.nominated,
            all(Measure::Nominated),
            t!("dashboard-card-nominated-note")
        ),
        card(
            t!("dashboard-card-pending"),
            p.pending,
            all(Measure::Pending),
            t!("dashboard-card-pending-note")
        ),
        card(
            t!("dashboard-card-approved"),
            p.approved,
            all(Measure::Approved),
            t!("dashboard-card-approved-note", count = p.rejected)
        ),
        card(
            t!("dashboard-card-cleared"),
            p.cleared,
            all(Measure::Cleared),
            t!(
                "dashboard-share-of-approved",
                share = share(p.cleared, p.approved)
            )
        ),
        card(
            t!("dashboard-card-printed"),
            p.badges_printed,
            all(Measure::Printed),
            t!(
                "dashboard-share-of-approved",
                share = share(p.badges_printed, p.approved)
            )
        ),
        card(
            t!("dashboard-card-collected"),
            p.badges_collected,
            all(Measure::Collected),
            t!(
                "dashboard-share-of-printed",
                share = share(p.badges_collected, p.badges_printed)
            )
        ),
        card(
            t!("dashboard-card-arrived"),
            p.arrived,
            all(Measure::Arrived),
            t!(
                "dashboard-share-of-approved",
                share = share(p.arrived, p.approved)
            )
        ),
        card(
            t!("dashboard-card-present"),
            p.present,
            all(Measure::Present),
            t!("dashboard-card-present-note")
        ),
        card(
            t!("dashboard-card-states"),
            rep.states.arrived,
            Selector::new(Group::States, Measure::Arrived),
            t!("dashboard-card-states-note", count = rep.states.registered)
        )
        .padding(10),
    ]
    .spacing(10)
    .into()
}

fn representation(data: &Attendance) -> container::Container<'_, Message> {
    let rep = &data.figures.representation;
    let head = row![
        text(t!("dashboard-col-kind"))
            .size(13)
            .font(BOLD)
            .width(Fill),
        text(t!("dashboard-col-registered"))
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(NUMBER + 8.0))
            .align_x(iced::Right),
        text(t!("dashboard-col-arrived"))
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
        t!("dashboard-states"),
        Group::States,
        rep.states.registered,
        rep.states.arrived,
        true,
    ));
    rows = rows.push(line(
        t!("dashboard-organisations"),
        Group::Organisations,
        rep.organisations.registered,
        rep.organisations.arrived,
        true,
    ));
    for k in &rep.by_kind {
        rows = rows.push(line(
            super::people::kind(k.kind),
            Group::Kind(k.kind),
            k.delegations.registered,
            k.delegations.arrived,
            false,
        ));
    }
    let over = data.figures.delegations_over_quota;
    let over_line = text(t!("dashboard-over-quota", count = over))
        .size(13)
        .color(if over > 0 { style::WARNING } else { MUTED });
    panel(
        t!("dashboard-representation-title"),
        column![
            rows,
            over_line,
            text(t!("dashboard-representation-note"))
                .size(12)
                .color(MUTED),
        ]
        .spacing(6),
    )
}

fn categories(data: &Attendance) -> container::Container<'_, Message> {
    let head = row![
        text(t!("dashboard-col-category"))
            .size(13)
            .font(BOLD)
            .width(Fill),
        text(t!("dashboard-col-approved"))
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(SMALL + 6.0))
            .align_x(iced::Right),
        text(t!("dashboard-col-arrived"))
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(SMALL))
            .align_x(iced::Right),
        text(t!("dashboard-col-present"))
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
    panel(t!("dashboard-categories-title"), rows)
}

fn zones(data: &Attendance) -> container::Container<'_, Message> {
    let mut rows = column![row![
        text(t!("dashboard-col-zone"))
            .size(13)
            .font(BOLD)
            .width(Fill),
        text(t!("dashboard-col-inside-now"))
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
    panel(t!("dashboard-zones-title"), rows)
}

fn sessions(data: &Attendance) -> Element<'_, Message> {
    let head = |label: String, width: f32| {
        text(label)
            .size(13)
            .font(BOLD)
            .width(Length::Fixed(width))
            .align_x(iced::Right)
    };
    let mut rows = column![
        row![
            text(t!("dashboard-col-session"))
                .size(13)
                .font(BOLD)
                .width(Fill),
            text(t!("dashboard-col-when"))
                .size(13)
                .font(BOLD)
                .width(Length::Fixed(170.0)),
            head(t!("dashboard-col-invited"), NUMBER),
            head(t!("dashboard-col-attended"), NUMBER + 8.0),
            head(t!("dashboard-col-of-invited"), NUMBER + 12.0),
            head(t!("dashboard-col-uninvited"), NUMBER + 10.0),
            head(t!("dashboard-col-check-ins"), NUMBER + 8.0),
        ]
        .padding([0, 6])
    ]
    .spacing(0);
    for (n, s) in data.figures.sessions.iter().enumerate() {
        let id = data.facts.sessions[n].id;
        let all = Group::All;
        let when = t!(
            "dashboard-session-when",
            start = s.starts_local.get(5..).unwrap_or_default(),
            end = s.ends_local.get(11..).unwrap_or_default(),
            zone = s.zone.to_string()
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
        t!("dashboard-sessions-title"),
        column![
            rows,
            text(t!("dashboard-sessions-note")).size(12).color(MUTED),
        ]
        .spacing(6),
    )
    .into()
}
