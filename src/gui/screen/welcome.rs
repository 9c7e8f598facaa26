//! First start: the data directory holds no event yet.

use iced::widget::{button, column, container, text};
use iced::{Center, Element, Fill, Task};

use crate::gui::style;
use crate::gui::worker::{self, Outcome};
use crate::workspace::Workspace;

pub struct State {
    workspace: Workspace,
    busy: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    OpenDemo,
    DemoCreated(Outcome<()>),
}

/// What the application must do after this screen.
pub enum Event {
    /// The directory now holds an event.
    EventReady,
}

impl State {
    pub fn new(workspace: Workspace) -> State {
        State {
            workspace,
            busy: false,
            error: None,
        }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::OpenDemo => {
                self.busy = true;
                self.error = None;
                let ws = self.workspace.clone();
                let task = worker::spawn(
                    move || {
                        crate::demo::create(&ws, crate::demo::DEFAULT_PARTICIPANTS, false)
                            .map(|_| ())
                    },
                    Message::DemoCreated,
                );
                (task, None)
            }
            Message::DemoCreated(Ok(())) => {
                self.busy = false;
                (Task::none(), Some(Event::EventReady))
            }
            Message::DemoCreated(Err(e)) => {
                self.busy = false;
                self.error = Some(e);
                (Task::none(), None)
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let demo = button(text("Open the demo conference").size(18))
            .padding([12, 24])
            .on_press_maybe((!self.busy).then_some(Message::OpenDemo));
        let mut content = column![
            text("Welcome to Accredit").size(32),
            text(format!(
                "{} holds no event yet.",
                self.workspace.data_dir().display()
            )),
            demo,
            text("The demo is the signing ceremony of the UN Convention against Cybercrime, Hanoi, 25–26 October 2025, with 3,000 synthetic participants.").size(14),
        ]
        .spacing(18)
        .align_x(Center)
        .max_width(640);
        if self.busy {
            content = content.push(text("Creating the demo conference…"));
        }
        if let Some(e) = &self.error {
            content = content.push(style::error_text(e));
        }
        container(content).center(Fill).into()
    }
}
