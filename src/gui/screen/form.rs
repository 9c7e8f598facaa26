//! Pieces shared by the forms of the welcome and set-up screens: a labelled
//! field with its problem shown right under it, a colour picker, the panel
//! that asks before a change leaves printed badges out of date.

use iced::widget::{button, column, container, row, slider, text, text_input};
use iced::{Background, Border, Color, Element, Fill, Theme};

use crate::gui::style;
use accredit::domain::{Colour, FieldError};
use accredit::i18n::Language;
use accredit::t;

pub const LABEL_SIZE: u32 = 13;
const ERROR_RED: Color = Color::from_rgb(0.69, 0.12, 0.14);

/// The problems of one field, joined.
pub fn error_of(errors: &[FieldError], field: &str) -> Option<String> {
    let messages: Vec<&str> = errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| e.message.as_str())
        .collect();
    (!messages.is_empty()).then(|| messages.join("; "))
}

/// A label, the input under it and, when there is one, its problem in red.
pub fn field<'a, M: 'a>(
    label: &str,
    input: impl Into<Element<'a, M>>,
    error: Option<String>,
) -> Element<'a, M> {
    let mut col = column![text(label.to_string()).size(LABEL_SIZE), input.into()].spacing(3);
    if let Some(e) = error {
        col = col.push(text(e).size(LABEL_SIZE).color(ERROR_RED));
    }
    col.width(Fill).into()
}

/// A text input with its label and problem. `id` names the input for tests
/// and focus.
pub fn text_field<'a, M: Clone + 'a>(
    label: &str,
    id: &'static str,
    placeholder: &str,
    value: &str,
    error: Option<String>,
    on_input: Option<impl Fn(String) -> M + 'a>,
) -> Element<'a, M> {
    let input = text_input(placeholder, value)
        .id(id)
        .padding(7)
        .size(15)
        .on_input_maybe(on_input);
    field(label, input, error)
}

/// A form-wide message in red (a refusal that names no field).
pub fn problem<'a, M: 'a>(message: &str) -> Element<'a, M> {
    style::error_text(message)
}

/// A message on a soft green background: what was just saved.
pub fn saved<'a, M: 'a>(message: &str) -> Element<'a, M> {
    container(text(message.to_string()).size(14))
        .padding([6, 10])
        .width(Fill)
        .style(|_: &Theme| container::Style {
            background: Some(Background::Color(Color::from_rgb8(0xE3, 0xF4, 0xE6))),
            border: Border::default().rounded(4),
            ..container::Style::default()
        })
        .into()
}

/// What a change would leave wrong, with the choice to apply it anyway.
pub fn confirm_panel<'a, M: Clone + 'a>(
    lines: &[String],
    apply: M,
    cancel: M,
    extra: Option<Element<'a, M>>,
) -> Element<'a, M> {
    let mut col = column![text(t!("common-confirm-title")).size(16)].spacing(6);
    for line in lines {
        col = col.push(text(line.clone()).size(14));
    }
    if let Some(extra) = extra {
        col = col.push(extra);
    }
    col = col.push(
        row![
            button(text(t!("common-apply-anyway")))
                .style(button::danger)
                .on_press(apply),
            button(text(t!("common-cancel")))
                .style(button::secondary)
                .on_press(cancel),
        ]
        .spacing(10),
    );
    container(col)
        .padding(12)
        .width(Fill)
        .style(|_: &Theme| container::Style {
            background: Some(Background::Color(Color::from_rgb8(0xFF, 0xF4, 0xD6))),
            border: Border::default()
                .rounded(4)
                .width(1)
                .color(Color::from_rgb8(0xE0, 0xB0, 0x40)),
            ..container::Style::default()
        })
        .into()
}

/// Elements laid out `per_row` to a row, rows and cells `spacing` apart.
pub fn in_rows<'a, M: 'a>(
    items: Vec<Element<'a, M>>,
    per_row: usize,
    spacing: f32,
) -> Element<'a, M> {
    let mut rows = column![].spacing(spacing);
    let mut current = row![].spacing(spacing);
    let mut n = 0;
    for item in items {
        current = current.push(item);
        n += 1;
        if n == per_row {
            rows = rows.push(current);
            current = row![].spacing(spacing);
            n = 0;
        }
    }
    if n > 0 {
        // Empty cells keep the last row's cells as wide as the others'.
        for _ in n..per_row {
            current = current.push(iced::widget::space::horizontal());
        }
        rows = rows.push(current);
    }
    rows.into()
}

/// Colours that print well and are told apart at a glance at a gate.
pub const SWATCHES: [&str; 16] = [
    "#C8102E", "#E35205", "#F28C28", "#FFD100", "#97D700", "#00843D", "#00A3AD", "#009EDB",
    "#1F3B73", "#005A9C", "#6A2C91", "#E0529C", "#8B5A2B", "#6E7378", "#1A1A1A", "#FFFFFF",
];

/// A colour picker: swatches, the `#RRGGBB` text, and red/green/blue
/// sliders; every change comes out as the colour's text.
pub fn colour_picker<'a, M: Clone + 'a>(
    id: &'static str,
    value: &str,
    error: Option<String>,
    on_change: impl Fn(String) -> M + Clone + 'a,
    enabled: bool,
) -> Element<'a, M> {
    let current = Colour::parse(value).ok();
    let swatches = SWATCHES.iter().map(|hex| {
        let c = Colour::parse(hex).unwrap_or(Colour::BLACK);
        let selected = current == Some(c);
        let on_change = on_change.clone();
        button(text(""))
            .width(22)
            .height(22)
            .style(move |_: &Theme, _| button::Style {
                background: Some(Background::Color(style::colour(c))),
                border: Border::default()
                    .rounded(3)
                    .width(if selected { 3 } else { 1 })
                    .color(if selected {
                        Color::BLACK
                    } else {
                        Color::from_rgb8(0xB0, 0xB0, 0xB0)
                    }),
                ..button::Style::default()
            })
            .on_press_maybe(enabled.then(|| on_change(hex.to_string())))
            .into()
    });
    let swatches = in_rows(swatches.collect(), 8, 4.0);
    let sample = container(text(""))
        .width(44)
        .height(30)
        .style(move |_: &Theme| container::Style {
            background: current.map(|c| Background::Color(style::colour(c))),
            border: Border::default()
                .rounded(4)
                .width(1)
                .color(Color::from_rgb8(0x90, 0x90, 0x90)),
            ..container::Style::default()
        });
    let hex_input = text_input("#RRGGBB", value)
        .id(id)
        .width(110)
        .padding(6)
        .on_input_maybe(enabled.then(|| on_change.clone()));
    let mut col = column![swatches, row![sample, hex_input].spacing(8)].spacing(6);
    if let Some(c) = current {
        let channel = |label: &'static str, v: u8, set: fn(Colour, u8) -> Colour| {
            let on_change = on_change.clone();
            row![
                text(label).size(12).width(14),
                slider(0..=255u8, v, move |x| on_change(set(c, x).hex()))
                    .width(Fill)
                    .height(14),
                text(v.to_string()).size(12).width(28),
            ]
            .spacing(6)
            .align_y(iced::Center)
        };
        if enabled {
            col = col
                .push(channel("R", c.r, |c, x| Colour { r: x, ..c }))
                .push(channel("G", c.g, |c, x| Colour { g: x, ..c }))
                .push(channel("B", c.b, |c, x| Colour { b: x, ..c }));
        }
        let contrast = one_decimal(c.contrast(c.readable_text()));
        col = col.push(
            text(if c.prefers_dark_text() {
                t!("common-colour-black-text", contrast = contrast)
            } else {
                t!("common-colour-white-text", contrast = contrast)
            })
            .size(12),
        );
    }
    if let Some(e) = error {
        col = col.push(text(e).size(LABEL_SIZE).color(ERROR_RED));
    }
    col.into()
}

/// `value` with one decimal, in the current language's decimal mark
/// ("4.5", "4,5"): the catalogue's numbers would drop the ".0" of a whole one.
fn one_decimal(value: f32) -> String {
    let plain = format!("{value:.1}");
    match accredit::i18n::current() {
        Language::English | Language::Chinese | Language::Arabic => plain,
        _ => plain.replace('.', ","),
    }
}

/// A pick list whose chosen text is always redrawn whole. iced 0.14's
/// tiny-skia renderer repaints only part of a pick list whose chosen text
/// changed (its damage box misses the vertically centred text), leaving the
/// old text half visible under the new; a background that differs with the
/// choice — by a millionth, invisibly — makes it repaint the whole box.
pub fn choice<'a, T, L, M>(
    options: L,
    selected: Option<T>,
    on_select: impl Fn(T) -> M + 'a,
) -> iced::widget::PickList<'a, T, L, T, M>
where
    T: ToString + PartialEq + Clone + 'a,
    L: std::borrow::Borrow<[T]> + 'a,
    M: Clone + 'a,
{
    let index = selected
        .as_ref()
        .and_then(|s| options.borrow().iter().position(|o| o == s))
        .map_or(0, |i| i + 1);
    iced::widget::pick_list(options, selected, on_select).style(move |theme: &Theme, status| {
        let mut style = iced::widget::pick_list::default(theme, status);
        if let Background::Color(c) = &mut style.background {
            c.r = (c.r - (index % 1000) as f32 * 1e-6).max(0.0);
        }
        style
    })
}
