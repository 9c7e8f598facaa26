//! The live badge preview of the set-up screens: a sample participant's
//! badge in the A6 layout (also each quarter of A4 × 4) and the card layout,
//! drawn off the UI thread by the core's `setup::preview` — the code that
//! prints. While one drawing runs, only the latest request waits, so typing
//! never queues up drawings.

use std::sync::Arc;

use iced::widget::{column, container, image, row, text};
use iced::{Element, Task};

use crate::gui::style;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::domain::{Category, Event, Layout};
use accredit::setup::preview::{self, Sample};

/// Resolution of the drawings: sharp at the size shown, quick to make.
const DPI: f32 = 110.0;

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub event: Event,
    pub logo: Option<Arc<Vec<u8>>>,
    pub category: Category,
    pub sample: Sample,
}

/// The two drawings, as PNG.
#[derive(Debug)]
pub struct Drawn {
    pub a6: Vec<u8>,
    pub card: Vec<u8>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Drawn(Outcome<Arc<Drawn>>),
}

#[derive(Default)]
pub struct State {
    images: Option<(image::Handle, image::Handle)>,
    drawing: bool,
    waiting: Option<Request>,
    last: Option<Request>,
    error: Option<JobError>,
}

impl State {
    /// Asks for a drawing of `request`; nothing happens if it is what is shown.
    pub fn request(&mut self, request: Request) -> Task<Message> {
        if self.last.as_ref() == Some(&request) && self.waiting.is_none() {
            return Task::none();
        }
        if self.drawing {
            self.waiting = Some(request);
            return Task::none();
        }
        self.start(request)
    }

    fn start(&mut self, request: Request) -> Task<Message> {
        self.drawing = true;
        self.last = Some(request.clone());
        worker::spawn(
            move || {
                let logo = request.logo.as_deref().cloned();
                let draw = |layout| {
                    preview::render(
                        &request.event,
                        logo.clone(),
                        &request.category,
                        request.sample,
                        layout,
                        DPI,
                    )
                };
                Ok(Arc::new(Drawn {
                    a6: draw(Layout::A6)?,
                    card: draw(Layout::Card)?,
                }))
            },
            Message::Drawn,
        )
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Drawn(outcome) => {
                self.drawing = false;
                match outcome {
                    Ok(drawn) => {
                        self.error = None;
                        self.images = Some((
                            image::Handle::from_bytes(drawn.a6.clone()),
                            image::Handle::from_bytes(drawn.card.clone()),
                        ));
                    }
                    Err(e) => self.error = Some(e),
                }
                match self.waiting.take() {
                    Some(next) if self.last.as_ref() != Some(&next) => self.start(next),
                    _ => Task::none(),
                }
            }
        }
    }

    /// The two badges side by side, the A6 one `height` pixels high.
    pub fn view<'a, M: 'a>(&'a self, height: f32) -> Element<'a, M> {
        let caption = |words: String| text(words).size(12);
        let body: Element<'a, M> = match &self.images {
            Some((a6, card)) => row![
                column![
                    image(a6.clone()).height(height),
                    caption(accredit::t!("common-preview-a6"))
                ]
                .spacing(4),
                column![
                    image(card.clone()).height(height * 0.58),
                    caption(accredit::t!("common-preview-card"))
                ]
                .spacing(4),
            ]
            .spacing(12)
            .into(),
            None if self.error.is_none() => {
                container(text(accredit::t!("common-preview-drawing")).size(14))
                    .height(height)
                    .into()
            }
            None => container(text("")).height(height).into(),
        };
        let mut col = column![body].spacing(6);
        if let Some(e) = &self.error {
            col = col.push(style::error_text(&e.to_string()));
        }
        col.into()
    }
}
