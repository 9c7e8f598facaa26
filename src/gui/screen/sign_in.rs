//! Sign-in: every action in the store is attributed to an operator.

use iced::widget::{button, column, container, text, text_input};
use iced::{Center, Element, Fill, Task};

use crate::auth::{self, Actor};
use crate::clock;
use crate::domain::Role;
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
    /// On the demo event only: its operators and passwords, to sign in with.
    demo_operators: Vec<(&'static str, Role, String)>,
}

#[derive(Debug, Clone)]
pub enum Message {
    NameChanged(String),
    PasswordChanged(String),
    Submit,
    Done(Outcome<Actor>),
    /// Whether the event is the demo (its operators are then listed).
    DemoChecked(Outcome<bool>),
    /// An operator of the demo's list was chosen: the form is filled in.
    UseDemoOperator(String, String),
    OpenAnotherDirectory,
}

pub enum Event {
    SignedIn(Actor),
    /// Open another data directory (another event).
    OpenAnotherDirectory,
}

pub const NAME_INPUT: &str = "sign-in-name";

impl State {
    /// The screen, and the task that finds out whether the event is the
    /// demo.
    pub fn new(workspace: Workspace, event_name: String) -> (State, Task<Message>) {
        let ws = workspace.clone();
        let check = worker::spawn(
            move || crate::demo::is_demo(&*ws.connection()?),
            Message::DemoChecked,
        );
        (
            State {
                workspace,
                event_name,
                name: String::new(),
                password: String::new(),
                busy: false,
                error: None,
                demo_operators: Vec::new(),
            },
            check,
        )
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
                        let conn = ws.connection()?;
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
            Message::DemoChecked(Ok(true)) => {
                self.demo_operators = crate::demo::operator_passwords();
            }
            // Not the demo, or not known: sign in as usual.
            Message::DemoChecked(_) => self.demo_operators.clear(),
            Message::UseDemoOperator(name, password) => {
                self.name = name;
                self.password = password;
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
        if !self.demo_operators.is_empty() {
            form = form.push(self.demo_operators_view());
        }
        form = form.push(
            button(text("Open another data directory…").size(13))
                .style(button::text)
                .on_press(Message::OpenAnotherDirectory),
        );
        container(form).center(Fill).into()
    }

    /// The demo's operators, one per role, with their passwords: a click
    /// fills the form in.
    fn demo_operators_view(&self) -> Element<'_, Message> {
        let mut list = column![text("This is the demo conference. Sign in as:").size(14),]
            .spacing(4)
            .align_x(Center);
        for (name, role, password) in &self.demo_operators {
            list = list.push(
                button(text(format!("{name} ({role}) — password {password}")).size(14))
                    .style(button::text)
                    .on_press(Message::UseDemoOperator(name.to_string(), password.clone())),
            );
        }
        container(list)
            .padding(10)
            .style(container::bordered_box)
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::tests::harness::{messages, simulator};

    fn opened(ws: Workspace) -> State {
        let (mut state, check) = State::new(ws, "An event".into());
        for message in messages(check) {
            let _ = state.update(message);
        }
        state
    }

    #[test]
    fn the_demo_s_sign_in_lists_its_operators() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        crate::demo::create(&ws, 5, crate::demo::Dates::seed(), false).unwrap();
        let mut state = opened(ws);
        let mut ui = simulator(state.view());
        for (name, role) in crate::demo::OPERATORS {
            let line = format!("{name} ({role}) — password demo-{name}");
            assert!(ui.find(line.as_str()).is_ok(), "{line}");
        }
        // A click fills the form in.
        let _ = ui.click("gate (gate) — password demo-gate");
        let clicked: Vec<Message> = ui.into_messages().collect();
        for message in clicked {
            let _ = state.update(message);
        }
        assert_eq!(
            (state.name.as_str(), state.password.as_str()),
            ("gate", "demo-gate")
        );
    }

    #[test]
    fn a_real_event_s_sign_in_lists_nobody() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        let event = crate::demo::event(&crate::demo::Dates::seed()).unwrap();
        crate::setup::init(&ws, &event, "admin", "a long enough password").unwrap();
        let state = opened(ws);
        assert!(state.demo_operators.is_empty());
        let mut ui = simulator(state.view());
        assert!(ui.find("This is the demo conference. Sign in as:").is_err());
    }
}
