//! Sign-in: every action in the store is attributed to an operator.

use iced::widget::{button, column, container, text, text_input};
use iced::{Center, Element, Fill, Task};

use crate::auth::{self, Actor};
use crate::clock;
use crate::gui::style;
use crate::gui::worker::{self, Outcome};
use crate::workspace::Workspace;

pub struct State {
    workspace: Workspace,
    event_name: String,
    pub name: String,
    pub password: String,
    busy: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    NameChanged(String),
    PasswordChanged(String),
    Submit,
    Done(Outcome<Actor>),
    OpenAnotherDirectory,
}

pub enum Event {
    SignedIn(Actor),
    /// Open another data directory (another event).
    OpenAnotherDirectory,
}

pub const NAME_INPUT: &str = "sign-in-name";

impl State {
    pub fn new(workspace: Workspace, event_name: String) -> State {
        State {
            workspace,
            event_name,
            name: String::new(),
            password: String::new(),
            busy: false,
            error: None,
        }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::NameChanged(v) => self.name = v,
            Message::PasswordChanged(v) => self.password = v,
            Message::Submit => {
                if self.busy || self.name.trim().is_empty() {
                    return (Task::none(), None);
                }
                self.busy = true;
                self.error = None;
                let (ws, name, password) = (
                    self.workspace.clone(),
                    self.name.clone(),
                    self.password.clone(),
                );
                let task = worker::spawn(
                    move || {
                        let conn = ws.open()?;
                        auth::sign_in(&conn, &name, &password, clock::now())
                    },
                    Message::Done,
                );
                return (task, None);
            }
            Message::Done(Ok(actor)) => {
                self.busy = false;
                self.password.clear();
                return (Task::none(), Some(Event::SignedIn(actor)));
            }
            Message::Done(Err(e)) => {
                self.busy = false;
                self.password.clear();
                self.error = Some(e);
            }
            Message::OpenAnotherDirectory => {
                return (Task::none(), Some(Event::OpenAnotherDirectory));
            }
        }
        (Task::none(), None)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let submit = (!self.busy).then_some(Message::Submit);
        let mut form = column![
            text(&self.event_name).size(22).align_x(Center),
            text("Sign in").size(30),
            text_input("Operator", &self.name)
                .id(NAME_INPUT)
                .on_input(Message::NameChanged)
                .on_submit(Message::Submit)
                .padding(10),
            text_input("Password", &self.password)
                .secure(true)
                .on_input(Message::PasswordChanged)
                .on_submit(Message::Submit)
                .padding(10),
            button(text("Sign in"))
                .padding([10, 24])
                .on_press_maybe(submit),
        ]
        .spacing(14)
        .align_x(Center)
        .max_width(420);
        if let Some(e) = &self.error {
            form = form.push(style::error_text(e));
        }
        form = form.push(
            button(text("Open another data directory…").size(13))
                .style(button::text)
                .on_press(Message::OpenAnotherDirectory),
        );
        container(form).center(Fill).into()
    }
}
