//! The desktop application (iced, Elm architecture). Screens live in
//! `screen/`, one module each; this module routes messages between them and
//! draws the frame: navigation rail, event name, status bar. Every database
//! or PDF operation runs off the UI thread through `worker`.

pub mod screen;
mod style;
mod worker;

use std::process::ExitCode;

use iced::keyboard;
use iced::widget::{button, column, container, row, rule, text};
use iced::{Element, Fill, Subscription, Task, Theme};

use crate::auth::Actor;
use crate::cli::Cli;
use crate::domain::{Event as EventInfo, ParticipantStatus};
use crate::error::Result;
use crate::store;
use crate::workspace::Workspace;

use screen::participants::Choice;
use screen::{dashboard, participants, sign_in, welcome};
use worker::Outcome;

/// Opens the main window; returns when it is closed.
pub fn run(cli: Cli) -> ExitCode {
    let dir = match cli
        .data_dir
        .clone()
        .map(Ok)
        .unwrap_or_else(Workspace::default_data_dir)
    {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let workspace = Workspace::new(dir);
    let open_demo = cli.demo;
    let icon =
        iced::window::icon::from_file_data(include_bytes!("../../icons/accredit-256.png"), None)
            .ok();
    let result = iced::application(
        move || App::boot(workspace.clone(), open_demo),
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .subscription(App::subscription)
    .window(iced::window::Settings {
        size: iced::Size::new(1366.0, 768.0),
        min_size: Some(iced::Size::new(1024.0, 640.0)),
        icon,
        ..Default::default()
    })
    .run();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: the window could not be opened: {e}");
            ExitCode::from(1)
        }
    }
}

/// The signed-in operator, the event and the reference data every screen needs.
#[derive(Debug, Clone)]
pub struct Session {
    pub workspace: Workspace,
    pub actor: Actor,
    pub event: EventInfo,
    pub delegation_choices: Vec<Choice>,
    pub category_choices: Vec<Choice>,
}

impl Session {
    pub fn load(workspace: Workspace, actor: Actor) -> Result<Session> {
        let conn = workspace.open()?;
        let event = store::event::get(&conn)?;
        let mut delegation_choices = vec![Choice {
            id: None,
            label: "All delegations".into(),
        }];
        delegation_choices.extend(
            store::delegations::list(&conn)?
                .into_iter()
                .map(|d| Choice {
                    id: Some(d.id),
                    label: format!("{} — {}", d.code, d.name),
                }),
        );
        let mut category_choices = vec![Choice {
            id: None,
            label: "All categories".into(),
        }];
        category_choices.extend(store::categories::list(&conn)?.into_iter().map(|c| Choice {
            id: Some(c.id),
            label: format!("{} — {}", c.code, c.name),
        }));
        Ok(Session {
            workspace,
            actor,
            event,
            delegation_choices,
            category_choices,
        })
    }

    pub fn delegation_choice(&self, id: Option<i64>) -> Option<&Choice> {
        self.delegation_choices.iter().find(|c| c.id == id)
    }

    pub fn category_choice(&self, id: Option<i64>) -> Option<&Choice> {
        self.category_choices.iter().find(|c| c.id == id)
    }
}

/// The areas of the main window, in the navigation rail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Participants,
    Delegations,
    PrintQueue,
    Gate,
    Dashboard,
    Settings,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Participants,
        Tab::Delegations,
        Tab::PrintQueue,
        Tab::Gate,
        Tab::Dashboard,
        Tab::Settings,
    ];

    fn label(self) -> &'static str {
        match self {
            Tab::Participants => "Participants",
            Tab::Delegations => "Delegations",
            Tab::PrintQueue => "Print queue",
            Tab::Gate => "Gate",
            Tab::Dashboard => "Dashboard",
            Tab::Settings => "Settings",
        }
    }
}

pub struct Desk {
    pub session: Session,
    pub tab: Tab,
    pub participants: participants::State,
    pub dashboard: dashboard::State,
    pub counts: Vec<(ParticipantStatus, u64)>,
}

pub enum App {
    Loading {
        workspace: Workspace,
        error: Option<String>,
    },
    Welcome(welcome::State),
    SignIn(sign_in::State),
    Desk(Box<Desk>),
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The data directory was looked at: the event's name, or none yet.
    Opened(Outcome<Option<String>>),
    Welcome(welcome::Message),
    SignIn(sign_in::Message),
    SessionLoaded(Outcome<Box<Session>>),
    Tab(Tab),
    Participants(participants::Message),
    Dashboard(dashboard::Message),
    Counts(Outcome<Vec<(ParticipantStatus, u64)>>),
    Key(keyboard::Key, keyboard::Modifiers),
    SignOut,
}

impl App {
    pub fn boot(workspace: Workspace, open_demo: bool) -> (App, Task<Message>) {
        let ws = workspace.clone();
        let task = worker::spawn(
            move || {
                if open_demo && !ws.has_event()? {
                    crate::demo::create(&ws, crate::demo::DEFAULT_PARTICIPANTS, false)?;
                }
                if !ws.has_event()? {
                    return Ok(None);
                }
                Ok(Some(store::event::get(&ws.open()?)?.name))
            },
            Message::Opened,
        );
        (
            App::Loading {
                workspace,
                error: None,
            },
            task,
        )
    }

    fn workspace(&self) -> Option<Workspace> {
        match self {
            App::Loading { workspace, .. } => Some(workspace.clone()),
            App::Desk(desk) => Some(desk.session.workspace.clone()),
            _ => None,
        }
    }

    pub fn title(&self) -> String {
        match self {
            App::Desk(desk) => format!("Accredit — {}", desk.session.event.name),
            _ => "Accredit".into(),
        }
    }

    pub fn theme(&self) -> Theme {
        Theme::Light
    }

    pub fn subscription(&self) -> Subscription<Message> {
        keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed { key, modifiers, .. } => {
                Some(Message::Key(key, modifiers))
            }
            _ => None,
        })
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Opened(Ok(Some(event_name))) => {
                if let Some(ws) = self.workspace() {
                    *self = App::SignIn(sign_in::State::new(ws, event_name));
                    return iced::widget::operation::focus(sign_in::NAME_INPUT);
                }
                Task::none()
            }
            Message::Opened(Ok(None)) => {
                if let Some(ws) = self.workspace() {
                    *self = App::Welcome(welcome::State::new(ws));
                }
                Task::none()
            }
            Message::Opened(Err(e)) => {
                if let App::Loading { error, .. } = self {
                    *error = Some(e);
                }
                Task::none()
            }
            Message::Welcome(msg) => {
                let App::Welcome(state) = self else {
                    return Task::none();
                };
                let (task, event) = state.update(msg);
                let task = task.map(Message::Welcome);
                match event {
                    Some(welcome::Event::EventReady) => {
                        let ws = self.workspace_of_welcome();
                        *self = App::Loading {
                            workspace: ws.clone(),
                            error: None,
                        };
                        Task::batch([task, App::boot(ws, false).1])
                    }
                    None => task,
                }
            }
            Message::SignIn(msg) => {
                let App::SignIn(state) = self else {
                    return Task::none();
                };
                let (task, event) = state.update(msg);
                let task = task.map(Message::SignIn);
                match event {
                    Some(sign_in::Event::SignedIn(actor)) => {
                        let ws = state.workspace().clone();
                        Task::batch([
                            task,
                            worker::spawn(
                                move || Session::load(ws, actor).map(Box::new),
                                Message::SessionLoaded,
                            ),
                        ])
                    }
                    None => task,
                }
            }
            Message::SessionLoaded(Ok(session)) => {
                let load = participants::State::load(&session).map(Message::Participants);
                let counts = load_counts(&session);
                *self = App::Desk(Box::new(Desk {
                    session: *session,
                    tab: Tab::Participants,
                    participants: participants::State::new(),
                    dashboard: dashboard::State::new(),
                    counts: Vec::new(),
                }));
                Task::batch([
                    load,
                    counts,
                    iced::widget::operation::focus(participants::SEARCH_INPUT),
                ])
            }
            Message::SessionLoaded(Err(e)) => {
                if let App::SignIn(state) = self {
                    let _ = state.update(sign_in::Message::Done(Err(e)));
                }
                Task::none()
            }
            Message::Tab(tab) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                desk.tab = tab;
                if tab == Tab::Dashboard {
                    desk.dashboard.show(&desk.session).map(Message::Dashboard)
                } else {
                    desk.dashboard.hide();
                    Task::none()
                }
            }
            Message::Dashboard(msg) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                desk.dashboard
                    .update(msg, &desk.session)
                    .map(Message::Dashboard)
            }
            Message::Participants(msg) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                let (task, event) = desk.participants.update(msg, &desk.session);
                let task = task.map(Message::Participants);
                match event {
                    Some(participants::Event::Open(_id)) => task,
                    None => task,
                }
            }
            Message::Counts(Ok(counts)) => {
                if let App::Desk(desk) = self {
                    desk.counts = counts;
                }
                Task::none()
            }
            Message::Counts(Err(_)) => Task::none(),
            Message::Key(keyboard::Key::Named(keyboard::key::Named::Tab), modifiers) => {
                if modifiers.shift() {
                    iced::widget::operation::focus_previous()
                } else {
                    iced::widget::operation::focus_next()
                }
            }
            Message::Key(key, modifiers) => match self {
                App::Desk(desk) if desk.tab == Tab::Participants => desk
                    .participants
                    .update(participants::Message::Key(key, modifiers), &desk.session)
                    .0
                    .map(Message::Participants),
                _ => Task::none(),
            },
            Message::SignOut => {
                if let App::Desk(desk) = self {
                    let ws = desk.session.workspace.clone();
                    let name = desk.session.event.name.clone();
                    *self = App::SignIn(sign_in::State::new(ws, name));
                }
                Task::none()
            }
        }
    }

    fn workspace_of_welcome(&self) -> Workspace {
        match self {
            App::Welcome(state) => state.workspace().clone(),
            _ => self.workspace().unwrap_or_else(|| Workspace::new(".")),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        match self {
            App::Loading { error, .. } => {
                let content: Element<'_, Message> = match error {
                    Some(e) => style::error_text(e),
                    None => text("Opening…").into(),
                };
                container(content).center(Fill).into()
            }
            App::Welcome(state) => state.view().map(Message::Welcome),
            App::SignIn(state) => state.view().map(Message::SignIn),
            App::Desk(desk) => desk.view(),
        }
    }
}

fn load_counts(session: &Session) -> Task<Message> {
    let ws = session.workspace.clone();
    worker::spawn(
        move || store::participants::count_by_status(&ws.open()?),
        Message::Counts,
    )
}

impl Desk {
    fn view(&self) -> Element<'_, Message> {
        let rail = Tab::ALL.iter().fold(
            column![text("Accredit").size(22)]
                .spacing(6)
                .padding(12)
                .width(190),
            |col, &tab| {
                let selected = self.tab == tab;
                col.push(
                    button(text(tab.label()))
                        .width(Fill)
                        .padding([8, 12])
                        .style(if selected {
                            button::primary
                        } else {
                            button::text
                        })
                        .on_press(Message::Tab(tab)),
                )
            },
        );
        let rail = rail.push(iced::widget::space::vertical()).push(
            column![
                text(format!(
                    "{} ({})",
                    self.session.actor.name, self.session.actor.role
                ))
                .size(13),
                button(text("Sign out").size(13))
                    .style(button::text)
                    .on_press(Message::SignOut),
            ]
            .spacing(4),
        );
        let header = container(
            row![
                text(&self.session.event.name).size(20),
                iced::widget::space::horizontal(),
                text(format!(
                    "{} · {}",
                    self.session.event.venue,
                    self.session.event.dates_label()
                ))
                .size(14),
            ]
            .align_y(iced::Center),
        )
        .padding([10, 16]);
        let body: Element<'_, Message> = match self.tab {
            Tab::Participants => self
                .participants
                .view(&self.session)
                .map(Message::Participants),
            Tab::Dashboard => self.dashboard.view(&self.session).map(Message::Dashboard),
            other => container(text(format!("{} — coming soon", other.label())).size(20))
                .center(Fill)
                .into(),
        };
        let total: u64 = self.counts.iter().map(|(_, n)| n).sum();
        let counts = self
            .counts
            .iter()
            .map(|(s, n)| format!("{} {n}", s.label()))
            .collect::<Vec<_>>()
            .join(" · ");
        let status = container(
            row![
                text(format!(
                    "Data: {}",
                    self.session.workspace.data_dir().display()
                ))
                .size(13),
                iced::widget::space::horizontal(),
                text(format!("{total} participants: {counts}")).size(13),
            ]
            .spacing(10),
        )
        .padding([6, 12])
        .style(style::chrome);
        column![
            row![
                container(rail).height(Fill).style(style::chrome),
                column![header, rule::horizontal(1), body].width(Fill),
            ]
            .height(Fill),
            status,
        ]
        .into()
    }
}
