//! Colours and small styled pieces shared by the screens.

use iced::widget::{container, text};
use iced::{Background, Border, Color, Element, Theme};

use accredit::domain::{Colour, ParticipantStatus};

pub const ROW_HEIGHT: f32 = 34.0;

pub fn colour(c: Colour) -> Color {
    Color::from_rgb8(c.r, c.g, c.b)
}

/// A category shown as a chip in its own colour, with readable text.
pub fn category_chip<'a, M: 'a>(code: &str, c: Colour) -> Element<'a, M> {
    let fg = if c.prefers_dark_text() {
        Color::BLACK
    } else {
        Color::WHITE
    };
    container(text(code.to_string()).size(13).color(fg))
        .padding([2, 8])
        .style(move |_: &Theme| container::Style {
            background: Some(Background::Color(colour(c))),
            border: Border::default().rounded(10),
            ..container::Style::default()
        })
        .into()
}

pub fn status_colour(status: ParticipantStatus) -> Color {
    match status {
        ParticipantStatus::Nominated => Color::from_rgb8(0x8A, 0x6D, 0x00),
        ParticipantStatus::Approved => Color::from_rgb8(0x1B, 0x7F, 0x3B),
        ParticipantStatus::Rejected => Color::from_rgb8(0xB0, 0x1E, 0x23),
        ParticipantStatus::Cancelled => Color::from_rgb8(0x5F, 0x63, 0x68),
    }
}

/// The side rail and status bar background.
pub fn chrome(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.weak.color)),
        ..container::Style::default()
    }
}

/// A message in red, for errors shown in the window.
pub fn error_text<'a, M: 'a>(message: &str) -> Element<'a, M> {
    text(message.to_string())
        .color(Color::from_rgb8(0xB0, 0x1E, 0x23))
        .into()
}

/// Text colours that say how something went, readable on the light theme.
pub const OK: Color = Color::from_rgb8(0x1B, 0x7F, 0x3B);
pub const WARNING: Color = Color::from_rgb8(0x8A, 0x5A, 0x00);
pub const ERROR: Color = Color::from_rgb8(0xB0, 0x1E, 0x23);

/// A table row that is a button: striped, highlighted when hovered or selected.
pub fn row_button(
    theme: &Theme,
    status: iced::widget::button::Status,
    selected: bool,
    i: usize,
) -> iced::widget::button::Style {
    let palette = theme.extended_palette();
    let background = if selected {
        palette.primary.weak.color
    } else if matches!(status, iced::widget::button::Status::Hovered) {
        palette.background.weak.color
    } else if i % 2 == 1 {
        palette.background.base.color.scale_alpha(0.6)
    } else {
        palette.background.base.color
    };
    iced::widget::button::Style {
        background: Some(background.into()),
        text_color: if selected {
            palette.primary.weak.text
        } else {
            palette.background.base.text
        },
        ..iced::widget::button::Style::default()
    }
}

/// One line of text cut at `width` (no wrapping), for table cells.
pub fn cell<'a, M: 'a>(line: iced::widget::Text<'a>, width: iced::Length) -> Element<'a, M> {
    container(line.wrapping(iced::widget::text::Wrapping::None))
        .width(width)
        .padding(iced::Padding::ZERO.right(8))
        .clip(true)
        .into()
}
