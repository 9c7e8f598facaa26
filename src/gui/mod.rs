//! The desktop application (iced, Elm architecture). Screens live in
//! `screen/`, one module each; `desk` holds the signed-in desk and routes its
//! screens' messages; this module is the application's state machine
//! (opening the data directory, welcome, sign-in, desk, or an offline gate
//! alone) and `view` draws the frame: navigation rail, event name, status
//! bar. Every database or PDF operation runs off the UI thread through
//! `worker`.

mod desk;
pub mod screen;
mod style;
mod system;
mod view;
mod worker;

#[cfg(test)]
mod tests;

use std::process::ExitCode;

use iced::keyboard::{self, key::Named};
use iced::{Subscription, Task, Theme};

use accredit::Result;
use accredit::auth::Actor;
use accredit::domain::Event as EventInfo;
use accredit::lookup;
use accredit::workspace::Workspace;

pub use desk::Desk;
use screen::participants::Choice;
use screen::{gate, sign_in, welcome};
use worker::{JobError, Outcome};

/// Opens the main window on the event of `data_dir` (the platform's data
/// directory when `None`), creating the demo there first when `open_demo`
/// and it holds no event; returns when the window is closed.
pub fn run(
    data_dir: Option<std::path::PathBuf>,
    database: Option<String>,
    open_demo: bool,
) -> ExitCode {
    // The machine's language (ACCREDIT_LANG, else the locale) until an
    // operator signs in with their own.
    sign_in::use_machine_language();
    let dir = match data_dir.map(Ok).unwrap_or_else(Workspace::default_data_dir) {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mut workspace = Workspace::new(dir);
    if let Some(text) = database {
        match accredit::db::ServerUrl::parse(&text) {
            Ok(url) => {
                if let Some(warning) = url.warning() {
                    eprintln!("warning: {warning}");
                }
                workspace = workspace.on_server(url, None);
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let result = iced::application(
        move || App::boot(workspace.clone(), open_demo),
        App::update,
        App::view,
    )
    .settings(settings())
    .title(App::title)
    .theme(App::theme)
    .subscription(App::subscription)
    // Closing asks first when a participant has unsaved changes.
    .window(window_settings(false))
    .run();
    exit_code(result)
}

/// Opens the gate screen on an offline gate package, with no main store
/// (`accredit gate --package FILE`); returns when the window is closed.
pub fn run_gate(package: std::path::PathBuf, data_dir: std::path::PathBuf) -> ExitCode {
    sign_in::use_machine_language();
    let result = iced::application(
        move || App::boot_gate(package.clone(), data_dir.clone()),
        App::update,
        App::view,
    )
    .settings(settings())
    .title(App::title)
    .theme(App::theme)
    .subscription(App::subscription)
    .window(window_settings(true))
    .run();
    exit_code(result)
}

/// The settings every window of the application shares: the bundled fonts,
/// the default font and the window itself. The badge fonts (Noto) cover
/// every script a name can be written in; loading them means no desk and no
/// gate depends on the fonts its system happens to have.
pub fn settings() -> iced::Settings {
    iced::Settings {
        fonts: accredit::badge::fonts::bundled_files()
            .map(std::borrow::Cow::Borrowed)
            .collect(),
        default_font: iced::Font::with_name("Noto Sans"),
        ..Default::default()
    }
}

/// The window's settings; `exit_on_close_request` false lets the
/// application ask before closing.
pub fn window_settings(exit_on_close_request: bool) -> iced::window::Settings {
    iced::window::Settings {
        size: iced::Size::new(1366.0, 768.0),
        min_size: Some(iced::Size::new(1024.0, 640.0)),
        icon: iced::window::icon::from_file_data(
            include_bytes!("../../icons/accredit-256.png"),
            None,
        )
        .ok(),
        exit_on_close_request,
        ..Default::default()
    }
}

fn exit_code(result: iced::Result) -> ExitCode {
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
        let conn = workspace.connection()?;
        let event = lookup::event::get(&conn)?;
        let mut delegation_choices = vec![Choice {
            id: None,
            label: accredit::t!("common-all-delegations"),
        }];
        delegation_choices.extend(
            lookup::delegations::list(&conn)?
                .into_iter()
                .map(|d| Choice {
                    id: Some(d.id),
                    label: format!("{} — {}", d.code, d.name),
                }),
        );
        let mut category_choices = vec![Choice {
            id: None,
            label: accredit::t!("common-all-categories"),
        }];
        category_choices.extend(
            lookup::categories::list(&conn)?
                .into_iter()
                .map(|c| Choice {
                    id: Some(c.id),
                    label: format!("{} — {}", c.code, c.name),
                }),
        );
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

pub enum App {
    Loading {
        workspace: Workspace,
        error: Option<JobError>,
    },
    Welcome(Box<welcome::State>),
    SignIn(sign_in::State),
    Desk(Box<Desk>),
    /// The gate screen alone, on an offline gate package.
    Gate(Box<gate::State>),
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The data directory was looked at: the event's name, or none yet.
    Opened(Outcome<Option<String>>),
    Welcome(welcome::Message),
    SignIn(sign_in::Message),
    SessionLoaded(Outcome<Box<Session>>),
    /// A new event was created: its administrator starts in the settings.
    EventCreated(Outcome<Box<Session>>),
    Desk(desk::Message),
    /// The offline gate's screen.
    Gate(gate::Message),
    Key(keyboard::Key, keyboard::Modifiers),
    /// The window's close button.
    CloseRequested,
}

impl App {
    pub fn boot(workspace: Workspace, open_demo: bool) -> (App, Task<Message>) {
        let ws = workspace.clone();
        let task = worker::spawn(
            move || {
                if open_demo && !ws.has_event()? {
                    accredit::demo::create(
                        &ws,
                        accredit::demo::DEFAULT_PARTICIPANTS,
                        accredit::demo::Dates::around(accredit::clock::now()),
                        false,
                    )?;
                    accredit::demo::traffic::add(&ws, accredit::demo::traffic::DEFAULT_SCANS)?;
                }
                if !ws.has_event()? {
                    return Ok(None);
                }
                Ok(Some(lookup::event::get(&*ws.connection()?)?.name))
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

    /// The gate screen on a package: no store, no desk.
    pub fn boot_gate(
        package: std::path::PathBuf,
        data_dir: std::path::PathBuf,
    ) -> (App, Task<Message>) {
        let (state, task) = gate::State::new(gate::Source::Package {
            path: package,
            data_dir,
        });
        (App::Gate(Box::new(state)), task.map(Message::Gate))
    }

    pub fn title(&self) -> String {
        match self {
            App::Desk(desk) => accredit::t!(
                "common-window-title-event",
                event = &desk.session.event.name
            ),
            App::Gate(_) => accredit::t!("common-window-title-gate"),
            _ => "Accredit".into(),
        }
    }

    pub fn theme(&self) -> Theme {
        Theme::Light
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed { key, modifiers, .. } => {
                Some(Message::Key(key, modifiers))
            }
            _ => None,
        });
        let close = iced::window::close_requests().map(|_| Message::CloseRequested);
        let screen = match self {
            App::Gate(gate) if gate.is_scanning() => gate::State::subscription().map(Message::Gate),
            App::Desk(desk) => desk.subscription().map(Message::Desk),
            _ => Subscription::none(),
        };
        Subscription::batch([keys, close, screen])
    }

    /// Opening the data directory, then welcome or sign-in, then the desk
    /// until the operator signs out; or the offline gate alone.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Opened(Ok(Some(event_name))) => match self.workspace() {
                Some(ws) => self.sign_in(ws, event_name),
                None => Task::none(),
            },
            Message::Opened(Ok(None)) => {
                if let Some(ws) = self.workspace() {
                    *self = App::Welcome(Box::new(welcome::State::new(ws)));
                }
                Task::none()
            }
            Message::Welcome(msg) => self.on_welcome(msg),
            Message::SignIn(msg) => self.on_sign_in(msg),
            Message::SessionLoaded(Ok(session)) => self.show_desk(Desk::signed_in(*session)),
            Message::EventCreated(Ok(session)) => self.show_desk(Desk::new_event(*session)),
            Message::Opened(Err(e))
            | Message::SessionLoaded(Err(e))
            | Message::EventCreated(Err(e)) => match self {
                App::SignIn(_) => self.on_sign_in(sign_in::Message::Done(Err(e))),
                App::Loading { error, .. } => {
                    *error = Some(e);
                    Task::none()
                }
                _ => Task::none(),
            },
            Message::Desk(msg) => self.on_desk(msg),
            Message::Gate(msg) => self.on_gate(msg),
            Message::Key(keyboard::Key::Named(Named::Tab), modifiers) if modifiers.shift() => {
                iced::widget::operation::focus_previous()
            }
            Message::Key(keyboard::Key::Named(Named::Tab), _) => {
                iced::widget::operation::focus_next()
            }
            Message::Key(key, modifiers) => {
                self.update(Message::Desk(desk::Message::Key(key, modifiers)))
            }
            Message::CloseRequested => {
                if let App::Desk(desk) = self
                    && let Some(ask) = desk.unsaved_changes()
                {
                    return ask.map(Message::Desk);
                }
                iced::exit()
            }
        }
    }

    fn on_welcome(&mut self, msg: welcome::Message) -> Task<Message> {
        let App::Welcome(state) = self else {
            return Task::none();
        };
        let (task, event) = state.update(msg);
        let task = task.map(Message::Welcome);
        let ws = state.workspace().clone();
        let next = match event {
            Some(welcome::Event::Ready | welcome::Event::Back) => self.reopen(ws),
            Some(welcome::Event::OpenDirectory(dir)) => self.reopen(Workspace::new(dir)),
            Some(welcome::Event::OpenServer(ws)) => self.reopen(ws),
            Some(welcome::Event::Created(actor)) => {
                *self = App::Loading {
                    workspace: ws.clone(),
                    error: None,
                };
                load_session(ws, actor, Message::EventCreated)
            }
            None => return task,
        };
        Task::batch([task, next])
    }

    fn on_sign_in(&mut self, msg: sign_in::Message) -> Task<Message> {
        let App::SignIn(state) = self else {
            return Task::none();
        };
        let (task, event) = state.update(msg);
        let task = task.map(Message::SignIn);
        let ws = state.workspace().clone();
        match event {
            Some(sign_in::Event::SignedIn(actor)) => {
                Task::batch([task, load_session(ws, actor, Message::SessionLoaded)])
            }
            Some(sign_in::Event::OpenAnotherDirectory) => {
                *self = App::Welcome(Box::new(welcome::State::other_directory(ws)));
                task
            }
            None => task,
        }
    }

    fn on_desk(&mut self, msg: desk::Message) -> Task<Message> {
        let App::Desk(desk) = self else {
            return Task::none();
        };
        let (task, event) = desk.update(msg);
        let task = task.map(Message::Desk);
        match event {
            Some(desk::Event::SignOut) => Task::batch([task, self.sign_out()]),
            None => task,
        }
    }

    /// The offline gate, alone in its window.
    fn on_gate(&mut self, msg: gate::Message) -> Task<Message> {
        let App::Gate(gate) = self else {
            return Task::none();
        };
        let (task, event) = gate.update(msg);
        match event {
            // No figures here count its scans.
            Some(gate::Event::ScansRecorded) | None => task.map(Message::Gate),
        }
    }

    /// Opens `ws` from the start, as at launch.
    fn reopen(&mut self, ws: Workspace) -> Task<Message> {
        let (app, task) = App::boot(ws, false);
        *self = app;
        task
    }

    /// The sign-in screen of `ws`, whose event is `event_name`.
    fn sign_in(&mut self, ws: Workspace, event_name: String) -> Task<Message> {
        let (state, check) = sign_in::State::new(ws, event_name);
        *self = App::SignIn(state);
        Task::batch([
            iced::widget::operation::focus(sign_in::NAME_INPUT),
            check.map(Message::SignIn),
        ])
    }

    fn show_desk(&mut self, (desk, task): (Box<Desk>, Task<desk::Message>)) -> Task<Message> {
        *self = App::Desk(desk);
        task.map(Message::Desk)
    }

    /// Back to the sign-in of the desk's event.
    fn sign_out(&mut self) -> Task<Message> {
        let App::Desk(desk) = self else {
            return Task::none();
        };
        let (ws, name) = (
            desk.session.workspace.clone(),
            desk.session.event.name.clone(),
        );
        self.sign_in(ws, name)
    }

    fn workspace(&self) -> Option<Workspace> {
        match self {
            App::Loading { workspace, .. } => Some(workspace.clone()),
            App::Desk(desk) => Some(desk.session.workspace.clone()),
            _ => None,
        }
    }
}

/// Loads the session of `actor` off the UI thread; `done` says why it was
/// loaded.
fn load_session<M: Send + 'static>(
    ws: Workspace,
    actor: Actor,
    done: fn(Outcome<Box<Session>>) -> M,
) -> Task<M> {
    worker::spawn(move || Session::load(ws, actor).map(Box::new), done)
}

#[cfg(test)]
mod settings_tests {
    #[test]
    fn every_window_gets_the_bundled_fonts_and_noto_by_default() {
        let settings = super::settings();
        assert_eq!(
            settings.fonts.len(),
            accredit::badge::fonts::bundled_files().count()
        );
        assert!(!settings.fonts.is_empty());
        assert_eq!(settings.default_font, iced::Font::with_name("Noto Sans"));
        // The gate's window closes at once; the desk's asks first.
        assert!(super::window_settings(true).exit_on_close_request);
        assert!(!super::window_settings(false).exit_on_close_request);
        assert!(super::window_settings(true).icon.is_some());
    }
}
