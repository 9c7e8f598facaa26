//! The panel listing the people behind a clicked number.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Background, Element, Fill, Theme};

use super::view::MUTED;
use super::{Drill, Message, PEOPLE_SHOWN};
use crate::domain::Colour;
use crate::gui::style;
use crate::report::tables::thousands;

pub const WIDTH: f32 = 420.0;

pub fn panel(drill: &Drill) -> Element<'_, Message> {
    let header = row![
        text(&drill.title).size(16).width(Fill),
        button(text("Close").size(13))
            .style(button::secondary)
            .padding([4, 10])
            .on_press(Message::CloseDrill),
    ]
    .spacing(8)
    .align_y(iced::Center);
    let body: Element<'_, Message> = match (&drill.people, &drill.error) {
        (_, Some(e)) => style::error_text(e),
        (None, None) => text("Looking them up…").into(),
        (Some((total, people)), None) => {
            let count = if *total > people.len() {
                format!(
                    "{} people; the first {} by delegation and name",
                    thousands(*total as u32),
                    PEOPLE_SHOWN
                )
            } else {
                format!(
                    "{} people, by delegation and name",
                    thousands(*total as u32)
                )
            };
            let mut list = column![].spacing(0);
            for (n, p) in people.iter().enumerate() {
                let colour = Colour::parse(&p.category_colour).unwrap_or(Colour::BLACK);
                let mut facts = vec![p.status.label().to_string()];
                if let Some(t) = &p.first_arrival_local {
                    facts.push(format!("first arrival {t}"));
                }
                if !p.present_zones.is_empty() {
                    let zones: Vec<String> =
                        p.present_zones.iter().map(|z| z.to_string()).collect();
                    facts.push(format!("inside zone {}", zones.join(", ")));
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
