//! The arrivals chart on a canvas: a bar per quarter-hour or per day, entries
//! in a light tone with first arrivals over them, the value of the bar under
//! the pointer, and a click on a bar lists the people who first arrived then.

use iced::widget::canvas::{self, Frame, Geometry, Path, Stroke, Text};
use iced::{Color, Point, Rectangle, Renderer, Size, Theme, mouse};

use accredit::attendance::{Arrivals, Group, Measure, QUARTER_HOUR, Selector};
use accredit::report::tables::nice_step;

use super::local_stamp;
use super::view::count;

const ENTRIES: Color = Color::from_rgb8(0x9D, 0xB7, 0xE0);
const FIRST: Color = Color::from_rgb8(0x1F, 0x3B, 0x73);
const AXIS: Color = Color::from_rgb8(0x5F, 0x66, 0x73);
const GRID: Color = Color::from_rgb8(0xDD, 0xE1, 0xE7);
const LEFT: f32 = 44.0;
const BOTTOM: f32 = 22.0;
const TOP: f32 = 40.0;

/// One bar: its label, when it starts and ends, and its two counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// `2025-10-25 08:15` (quarter-hours) or `2025-10-25` (days).
    pub label: String,
    pub start: i64,
    pub end: i64,
    pub entries: u32,
    pub first_arrivals: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    QuarterHours,
    Days,
}

/// The bars of the chart in `mode`: the busy quarter-hours, or every day.
pub fn bars(arrivals: &Arrivals, mode: Mode) -> Vec<Bar> {
    match mode {
        Mode::QuarterHours => arrivals
            .busy_quarter_hours()
            .iter()
            .map(|q| Bar {
                label: q.local.clone(),
                start: q.start,
                end: q.start + QUARTER_HOUR,
                entries: q.entries,
                first_arrivals: q.first_arrivals,
            })
            .collect(),
        Mode::Days => arrivals
            .per_day
            .iter()
            .enumerate()
            .map(|(i, d)| Bar {
                label: d.date.clone(),
                start: d.start,
                end: arrivals
                    .per_day
                    .get(i + 1)
                    .map_or(d.start + 86_400, |next| next.start.min(d.start + 90_000)),
                entries: d.entries,
                first_arrivals: d.first_arrivals,
            })
            .collect(),
    }
}

pub struct Chart<'a> {
    pub bars: &'a [Bar],
    pub mode: Mode,
}

impl Chart<'_> {
    fn plot(bounds: Size) -> Rectangle {
        Rectangle {
            x: LEFT,
            y: TOP,
            width: (bounds.width - LEFT - 8.0).max(1.0),
            height: (bounds.height - TOP - BOTTOM).max(1.0),
        }
    }

    fn bar_at(&self, plot: Rectangle, point: Point) -> Option<usize> {
        if self.bars.is_empty() || !plot.contains(point) {
            return None;
        }
        let slot = plot.width / self.bars.len() as f32;
        let i = ((point.x - plot.x) / slot) as usize;
        (i < self.bars.len()).then_some(i)
    }

    fn selector(&self, bar: &Bar) -> Selector {
        let measure = match self.mode {
            Mode::QuarterHours => Measure::FirstArrivalIn(bar.start),
            Mode::Days => Measure::FirstArrivalBetween(bar.start, bar.end),
        };
        Selector::new(Group::All, measure)
    }
}

impl canvas::Program<Selector> for Chart<'_> {
    type State = ();

    fn update(
        &self,
        _state: &mut (),
        event: &canvas::Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<Selector>> {
        match event {
            canvas::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) => {
                let point = cursor.position_in(bounds)?;
                let i = self.bar_at(Self::plot(bounds.size()), point)?;
                Some(canvas::Action::publish(self.selector(&self.bars[i])).and_capture())
            }
            canvas::Event::Mouse(mouse::Event::CursorMoved { .. }) => {
                Some(canvas::Action::request_redraw())
            }
            _ => None,
        }
    }

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        _theme: &Theme,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        let plot = Self::plot(bounds.size());
        if self.bars.is_empty() {
            frame.fill_text(Text {
                content: accredit::t!("dashboard-chart-empty"),
                position: Point::new(plot.x, plot.y + plot.height / 2.0),
                color: AXIS,
                size: 15.0.into(),
                ..Text::default()
            });
            return vec![frame.into_geometry()];
        }
        let highest = self
            .bars
            .iter()
            .map(|b| b.entries.max(b.first_arrivals))
            .max()
            .unwrap_or(0);
        let step = nice_step(highest);
        let ceiling = (highest.div_ceil(step).max(1) * step) as f32;
        let y_of = |v: u32| plot.y + plot.height - v as f32 / ceiling * plot.height;

        let mut v = 0;
        while v as f32 <= ceiling {
            let y = y_of(v);
            frame.stroke(
                &Path::line(Point::new(plot.x, y), Point::new(plot.x + plot.width, y)),
                Stroke::default().with_color(GRID).with_width(1.0),
            );
            frame.fill_text(Text {
                content: count(v),
                position: Point::new(plot.x - 6.0, y),
                color: AXIS,
                size: 12.0.into(),
                align_x: iced::Right.into(),
                align_y: iced::alignment::Vertical::Center,
                ..Text::default()
            });
            v += step;
        }

        let slot = plot.width / self.bars.len() as f32;
        let width = if slot > 3.0 { slot * 0.8 } else { slot };
        let hovered = cursor
            .position_in(bounds)
            .and_then(|p| self.bar_at(plot, p));
        for (i, bar) in self.bars.iter().enumerate() {
            let x = plot.x + i as f32 * slot + (slot - width) / 2.0;
            let bottom = plot.y + plot.height;
            let shade = |c: Color| if hovered == Some(i) { darker(c) } else { c };
            if bar.entries > 0 {
                let y = y_of(bar.entries);
                frame.fill_rectangle(
                    Point::new(x, y),
                    Size::new(width, bottom - y),
                    shade(ENTRIES),
                );
            }
            if bar.first_arrivals > 0 {
                let y = y_of(bar.first_arrivals);
                frame.fill_rectangle(Point::new(x, y), Size::new(width, bottom - y), shade(FIRST));
            }
        }
        self.labels(&mut frame, plot, slot);
        if let Some(i) = hovered {
            let bar = &self.bars[i];
            frame.fill_text(Text {
                content: accredit::t!(
                    "dashboard-chart-bar",
                    when = local_stamp(&bar.label),
                    entries = bar.entries,
                    first = bar.first_arrivals
                ),
                position: Point::new(plot.x, 2.0),
                color: FIRST,
                size: 13.0.into(),
                ..Text::default()
            });
        }
        vec![frame.into_geometry()]
    }

    fn mouse_interaction(
        &self,
        _state: &(),
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> mouse::Interaction {
        let over = cursor
            .position_in(bounds)
            .and_then(|p| self.bar_at(Self::plot(bounds.size()), p));
        if over.is_some() {
            mouse::Interaction::Pointer
        } else {
            mouse::Interaction::default()
        }
    }
}

impl Chart<'_> {
    /// Hours (or dates) under the bars, as many as fit, and a line at each
    /// new day.
    fn labels(&self, frame: &mut Frame, plot: Rectangle, slot: f32) {
        let bottom = plot.y + plot.height;
        let label = |frame: &mut Frame, x: f32, content: String| {
            frame.fill_text(Text {
                content,
                position: Point::new(x, bottom + 4.0),
                color: AXIS,
                size: 12.0.into(),
                align_x: iced::Center.into(),
                ..Text::default()
            });
        };
        match self.mode {
            Mode::Days => {
                for (i, bar) in self.bars.iter().enumerate() {
                    label(
                        frame,
                        plot.x + (i as f32 + 0.5) * slot,
                        local_stamp(&bar.label),
                    );
                }
            }
            Mode::QuarterHours => {
                let every = [1u32, 2, 3, 4, 6, 12]
                    .into_iter()
                    .find(|&h| slot * 4.0 * h as f32 >= 44.0)
                    .unwrap_or(24);
                for (i, bar) in self.bars.iter().enumerate() {
                    let x = plot.x + i as f32 * slot;
                    let (Some(hour), Some(minute)) = (
                        bar.label.get(11..13).and_then(|h| h.parse::<u32>().ok()),
                        bar.label.get(14..16),
                    ) else {
                        continue;
                    };
                    let midnight = hour == 0 && minute == "00";
                    if midnight {
                        frame.stroke(
                            &Path::line(Point::new(x, plot.y - 4.0), Point::new(x, bottom)),
                            Stroke::default().with_color(AXIS).with_width(1.0),
                        );
                    }
                    if midnight || i == 0 {
                        frame.fill_text(Text {
                            content: local_stamp(bar.label.get(..10).unwrap_or_default()),
                            position: Point::new(x + 3.0, plot.y - 4.0),
                            color: AXIS,
                            size: 12.0.into(),
                            align_y: iced::alignment::Vertical::Bottom,
                            ..Text::default()
                        });
                    }
                    if minute == "00" && hour % every == 0 {
                        label(frame, x, format!("{hour:02}:00"));
                    }
                }
            }
        }
    }
}

fn darker(c: Color) -> Color {
    Color::from_rgb(c.r * 0.8, c.g * 0.8, c.b * 0.8)
}
