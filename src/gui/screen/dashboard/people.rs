//! The panel listing the people behind a clicked number.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Background, Element, Fill, Theme};

use super::view::MUTED;
use super::{Drill, Message, PEOPLE_SHOWN};
use crate::gui::style;
use accredit::attendance::{Facts, Group, Measure, Selector};
use accredit::domain::{Colour, DelegationKind, ParticipantStatus, SessionId};
use accredit::t;

pub const WIDTH: f32 = 420.0;

pub fn panel(drill: &Drill) -> Element<'_, Message> {
    let header = row![
        text(&drill.title).size(16).width(Fill),
        button(text(t!("dashboard-close")).size(13))
            .style(button::secondary)
            .padding([4, 10])
            .on_press(Message::CloseDrill),
    ]
    .spacing(8)
    .align_y(iced::Center);
    let body: Element<'_, Message> = match (&drill.people, &drill.error) {
        (_, Some(e)) => style::error_text(&e.to_string()),
        (None, None) => text(t!("dashboard-people-looking")).into(),
        (Some((total, people)), None) => {
            let count = if *total > people.len() {
                t!(
                    "dashboard-people-count-first",
                    count = *total,
                    shown = PEOPLE_SHOWN
                )
            } else {
                t!("dashboard-people-count", count = *total)
            };
            let mut list = column![].spacing(0);
            for (n, p) in people.iter().enumerate() {
                let colour = Colour::parse(&p.category_colour).unwrap_or(Colour::BLACK);
                let mut facts = vec![status(p.status)];
                if let Some(time) = &p.first_arrival_local {
                    facts.push(t!(
                        "dashboard-person-first-arrival",
                        time = super::local_stamp(time)
                    ));
                }
                if !p.present_zones.is_empty() {
                    let zones: Vec<String> =
                        p.present_zones.iter().map(|z| z.to_string()).collect();
                    facts.push(t!("dashboard-person-inside", zones = zones.join(", ")));
                }
                let line = column![
                    row![
                        text(&p.name).size(14).width(Fill),
                        text(&p.delegation).size(13),
                        style::category_chip(&p.category, colour),
                    ]
                    .spacing(6)
                    .align_y(iced::Center),
                    text(facts.join(" · ")).size(12).color(MUTED),
                ]
                .spacing(2)
                .padding([4, 8]);
                list = list.push(container(line).width(Fill).style(move |theme: &Theme| {
                    let palette = theme.extended_palette();
                    container::Style {
                        background: (n % 2 == 1)
                            .then_some(Background::Color(palette.background.weak.color)),
                        ..container::Style::default()
                    }
                }));
            }
            column![
                text(count).size(13).color(MUTED),
                scrollable(list).height(Fill),
            ]
            .spacing(6)
            .into()
        }
    };
    container(column![header, body].spacing(10))
        .padding(12)
        .width(WIDTH)
        .height(Fill)
        .style(|theme: &Theme| {
            let palette = theme.extended_palette();
            container::Style {
                border: iced::Border::default()
                    .width(1)
                    .color(palette.background.strong.color),
                shadow: iced::Shadow {
                    color: iced::Color::from_rgba8(0, 0, 0, 0.18),
                    offset: iced::Vector::new(-2.0, 0.0),
                    blur_radius: 10.0,
                },
                ..style::chrome(theme)
            }
        })
        .into()
}

/// A participant's status, in words.
fn status(status: ParticipantStatus) -> String {
    match status {
        ParticipantStatus::Nominated => t!("dashboard-status-nominated"),
        ParticipantStatus::Approved => t!("dashboard-status-approved"),
        ParticipantStatus::Rejected => t!("dashboard-status-rejected"),
        ParticipantStatus::Cancelled => t!("dashboard-status-cancelled"),
    }
}

/// A kind of delegation, in words.
pub fn kind(kind: DelegationKind) -> String {
    match kind {
        DelegationKind::MemberState => t!("dashboard-kind-member-state"),
        DelegationKind::ObserverState => t!("dashboard-kind-observer-state"),
        DelegationKind::UnEntity => t!("dashboard-kind-un-entity"),
        DelegationKind::Intergovernmental => t!("dashboard-kind-intergovernmental"),
        DelegationKind::RegionalOrganisation => t!("dashboard-kind-regional-organisation"),
        DelegationKind::FinancialInstitution => t!("dashboard-kind-financial-institution"),
        DelegationKind::Ngo => t!("dashboard-kind-ngo"),
        DelegationKind::Academia => t!("dashboard-kind-academia"),
        DelegationKind::Media => t!("dashboard-kind-media"),
        DelegationKind::Host => t!("dashboard-kind-host"),
    }
}

/// The figure behind a number in words, the title of its list: "Arrived",
/// "Arrived · Member state".
pub fn describe(selector: &Selector, facts: &Facts) -> String {
    let session = |id: SessionId| {
        facts
            .sessions
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| t!("dashboard-figure-unknown-session", id = id.to_string()))
    };
    let tz = facts.event.tz();
    let minute = |at: i64| super::local_stamp(&accredit::attendance::local_minute(at, &tz));
    let measure = match selector.measure {
        Measure::Nominated => t!("dashboard-figure-nominated"),
        Measure::Pending => t!("dashboard-figure-pending"),
        Measure::Approved => t!("dashboard-figure-approved"),
        Measure::Cleared => t!("dashboard-figure-cleared"),
        Measure::Rejected => t!("dashboard-figure-rejected"),
        Measure::Cancelled => t!("dashboard-figure-cancelled"),
        Measure::Printed => t!("dashboard-figure-printed"),
        Measure::Collected => t!("dashboard-figure-collected"),
        Measure::Arrived => t!("dashboard-figure-arrived"),
        Measure::NotArrived => t!("dashboard-figure-not-arrived"),
        Measure::Present => t!("dashboard-figure-present"),
        Measure::Inside(z) => match facts.zones.iter().find(|zone| zone.number == z) {
            Some(zone) => t!("dashboard-figure-inside", zone = zone.name.as_str()),
            None => t!("dashboard-figure-inside-zone", zone = z.to_string()),
        },
        Measure::FirstArrivalIn(start) => {
            t!("dashboard-figure-first-arrival-at", time = minute(start))
        }
        Measure::FirstArrivalBetween(from, _) => {
            let day = accredit::attendance::local_minute(from, &tz);
            t!(
                "dashboard-figure-first-arrival-on",
                date = super::local_stamp(day.get(..10).unwrap_or_default())
            )
        }
        Measure::Invited(s) => t!("dashboard-figure-invited", session = session(s)),
        Measure::Attended(s) => t!("dashboard-figure-attended", session = session(s)),
        Measure::AttendedInvited(s) => {
            t!("dashboard-figure-attended-invited", session = session(s))
        }
        Measure::AttendedUninvited(s) => {
            t!("dashboard-figure-attended-uninvited", session = session(s))
        }
        Measure::Absent(s) => t!("dashboard-figure-absent", session = session(s)),
        Measure::CheckedIn(s) => t!("dashboard-figure-checked-in", session = session(s)),
    };
    let group = match selector.group {
        Group::All => return measure,
        Group::States => t!("dashboard-states"),
        Group::Organisations => t!("dashboard-organisations"),
        Group::Kind(k) => kind(k),
        Group::Category(c) => facts
            .categories
            .iter()
            .find(|cat| cat.id == c)
            .map(|cat| cat.name.clone())
            .unwrap_or_default(),
        Group::Delegation(d) => facts
            .delegations
            .iter()
            .find(|del| del.id == d)
            .map(|del| format!("{} — {}", del.code, del.name))
            .unwrap_or_default(),
    };
    t!("dashboard-figure-of", figure = measure, group = group)
}
