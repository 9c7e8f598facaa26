//! The desktop application (iced, Elm architecture). Screens live in
//! `screen/`, one module each; this module routes messages between them and
//! `view` draws the frame: navigation rail, event name, status bar. Every
//! database or PDF operation runs off the UI thread through `worker`.

pub mod screen;
mod style;
mod system;
mod view;
mod worker;

#[cfg(test)]
mod tests;

use std::process::ExitCode;

use iced::keyboard;
use iced::{Subscription, Task, Theme};

use accredit::Result;
use accredit::auth::{Actor, Permission};
use accredit::backup::auto::{self, AutoBackup};
use accredit::domain::{Event as EventInfo, ParticipantStatus};
use accredit::lookup;
use accredit::workspace::Workspace;

use screen::participants::Choice;
use screen::{
    dashboard, delegations, gate, import, operators, participant, participants, print_queue,
    settings, sign_in, vetting, welcome,
};
use worker::Outcome;

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

/// The areas of the main window, in the navigation rail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Participants,
    Import,
    Delegations,
    PrintQueue,
    Vetting,
    Gate,
    Dashboard,
    Operators,
    Settings,
}

impl Tab {
    const ALL: [Tab; 9] = [
        Tab::Participants,
        Tab::Import,
        Tab::Delegations,
        Tab::PrintQueue,
        Tab::Vetting,
        Tab::Gate,
        Tab::Dashboard,
        Tab::Operators,
        Tab::Settings,
    ];

    /// What an operator must be allowed to see this area at all.
    pub fn permission(self) -> Permission {
        match self {
            Tab::Participants | Tab::Delegations => Permission::ViewParticipants,
            Tab::Import => Permission::ImportNominations,
            Tab::PrintQueue => Permission::PrintBadges,
            Tab::Vetting => Permission::RunVetting,
            Tab::Gate => Permission::Scan,
            Tab::Dashboard => Permission::ViewReports,
            Tab::Operators => Permission::ManageOperators,
            Tab::Settings => Permission::ConfigureEvent,
        }
    }

    /// The areas `actor` may open, in rail order: a gate officer sees the
    /// gate only, a viewer the dashboard.
    pub fn visible_to(actor: &Actor) -> Vec<Tab> {
        Tab::ALL
            .into_iter()
            .filter(|t| actor.may(t.permission()))
            .collect()
    }

    fn label(self) -> String {
        match self {
            Tab::Participants => accredit::t!("common-tab-participants"),
            Tab::Import => accredit::t!("common-tab-import"),
            Tab::Delegations => accredit::t!("common-tab-delegations"),
            Tab::PrintQueue => accredit::t!("common-tab-print-queue"),
            Tab::Vetting => accredit::t!("common-tab-vetting"),
            Tab::Gate => accredit::t!("common-tab-gate"),
            Tab::Dashboard => accredit::t!("common-tab-dashboard"),
            Tab::Operators => accredit::t!("common-tab-operators"),
            Tab::Settings => accredit::t!("common-tab-settings"),
        }
    }
}

pub struct Desk {
    pub session: Session,
    pub tab: Tab,
    pub participants: participants::State,
    pub operators: operators::State,
    pub settings: settings::State,
    /// The gate screen, once the Gate tab was opened.
    pub gate: Option<gate::State>,
    pub import: import::State,
    pub dashboard: dashboard::State,
    pub counts: Vec<(ParticipantStatus, u64)>,
    /// The last automatic backup, or why it failed, for the status bar.
    pub backup: Option<Outcome<AutoBackup>>,
    /// A participant's detail, shown over the tab it was opened from.
    pub detail: Option<(Tab, participant::State)>,
    pub delegations: delegations::State,
    pub print_queue: print_queue::State,
    pub vetting: vetting::State,
}

pub enum App {
    Loading {
        workspace: Workspace,
        error: Option<String>,
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
    /// The event's set-up changed: the session's event and lists follow.
    SessionRefreshed(Outcome<Box<Session>>),
    Settings(settings::Message),
    Tab(Tab),
    Participants(participants::Message),
    Operators(operators::Message),
    Participant(participant::Message),
    Delegations(delegations::Message),
    PrintQueue(print_queue::Message),
    Vetting(vetting::Message),
    Gate(gate::Message),
    Import(import::Message),
    Dashboard(dashboard::Message),
    Counts(Outcome<Vec<(ParticipantStatus, u64)>>),
    /// Time to see whether an automatic backup is due.
    BackupDue,
    BackupDone(Outcome<Option<AutoBackup>>),
    Key(keyboard::Key, keyboard::Modifiers),
    SignOut,
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

    fn workspace(&self) -> Option<Workspace> {
        match self {
            App::Loading { workspace, .. } => Some(workspace.clone()),
            App::Desk(desk) => Some(desk.session.workspace.clone()),
            _ => None,
        }
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
        let scanning = match self {
            App::Gate(gate) => gate.is_scanning(),
            App::Desk(desk) => {
                desk.tab == Tab::Gate && desk.gate.as_ref().is_some_and(|g| g.is_scanning())
            }
            _ => false,
        };
        let mut subscriptions = vec![keys, close];
        if scanning {
            subscriptions.push(gate::State::subscription().map(Message::Gate));
        }
        // Automatic backups run while someone is signed in, whatever their role.
        if let App::Desk(_) = self {
            subscriptions.push(Subscription::run(backup_ticks));
        }
        Subscription::batch(subscriptions)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Opened(Ok(Some(event_name))) => {
                if let Some(ws) = self.workspace() {
                    let (state, check) = sign_in::State::new(ws, event_name);
                    *self = App::SignIn(state);
                    return Task::batch([
                        iced::widget::operation::focus(sign_in::NAME_INPUT),
                        check.map(Message::SignIn),
                    ]);
                }
                Task::none()
            }
            Message::Opened(Ok(None)) => {
                if let Some(ws) = self.workspace() {
                    *self = App::Welcome(Box::new(welcome::State::new(ws)));
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
                let ws = self.workspace_of_welcome();
                match event {
                    Some(welcome::Event::Ready | welcome::Event::Back) => {
                        *self = App::Loading {
                            workspace: ws.clone(),
                            error: None,
                        };
                        Task::batch([task, App::boot(ws, false).1])
                    }
                    Some(welcome::Event::OpenDirectory(dir)) => {
                        let ws = Workspace::new(dir);
                        *self = App::Loading {
                            workspace: ws.clone(),
                            error: None,
                        };
                        Task::batch([task, App::boot(ws, false).1])
                    }
                    Some(welcome::Event::OpenServer(ws)) => {
                        *self = App::Loading {
                            workspace: ws.clone(),
                            error: None,
                        };
                        Task::batch([task, App::boot(ws, false).1])
                    }
                    Some(welcome::Event::Created(actor)) => {
                        *self = App::Loading {
                            workspace: ws.clone(),
                            error: None,
                        };
                        Task::batch([task, load_session(ws, actor, Message::EventCreated)])
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
                        Task::batch([task, load_session(ws, actor, Message::SessionLoaded)])
                    }
                    Some(sign_in::Event::OpenAnotherDirectory) => {
                        let ws = state.workspace().clone();
                        *self = App::Welcome(Box::new(welcome::State::other_directory(ws)));
                        task
                    }
                    None => task,
                }
            }
            Message::SessionLoaded(Ok(session)) => {
                // Each role starts on its first area: a gate officer at the gate.
                let tabs = Tab::visible_to(&session.actor);
                let tab = tabs.first().copied().unwrap_or(Tab::Dashboard);
                let mut tasks = Vec::new();
                if session.actor.may(Permission::ViewParticipants) {
                    tasks.push(participants::State::load(&session).map(Message::Participants));
                    tasks.push(load_counts(&session));
                    tasks.push(iced::widget::operation::focus(participants::SEARCH_INPUT));
                }
                let mut desk = Box::new(Desk::new(*session, tab));
                tasks.push(desk.show_tab(tab));
                *self = App::Desk(desk);
                Task::batch(tasks)
            }
            Message::SessionLoaded(Err(e)) | Message::EventCreated(Err(e)) => {
                match self {
                    App::SignIn(state) => {
                        let _ = state.update(sign_in::Message::Done(Err(e)));
                    }
                    App::Loading { error, .. } => *error = Some(e),
                    _ => {}
                }
                Task::none()
            }
            Message::EventCreated(Ok(session)) => {
                let counts = load_counts(&session);
                let load = settings::State::load(&session).map(Message::Settings);
                *self = App::Desk(Box::new(Desk::new(*session, Tab::Settings)));
                Task::batch([load, counts])
            }
            Message::SessionRefreshed(Ok(session)) => {
                if let App::Desk(desk) = self {
                    desk.session = *session;
                }
                Task::none()
            }
            Message::SessionRefreshed(Err(_)) => Task::none(),
            Message::Settings(msg) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                let (task, event) = desk.settings.update(msg, &desk.session);
                let task = task.map(Message::Settings);
                match event {
                    Some(settings::Event::Changed) => {
                        let (ws, actor) =
                            (desk.session.workspace.clone(), desk.session.actor.clone());
                        Task::batch([task, load_session(ws, actor, Message::SessionRefreshed)])
                    }
                    None => task,
                }
            }
            Message::Tab(tab) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                // Only the areas of the operator's role open, however asked.
                if !desk.session.actor.may(tab.permission()) {
                    return Task::none();
                }
                desk.show_tab(tab)
            }
            Message::Operators(msg) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                let (task, event) = desk.operators.update(msg, &desk.session);
                match event {
                    Some(operators::Event::SignOut) => self.update(Message::SignOut),
                    None => task.map(Message::Operators),
                }
            }
            Message::BackupDue => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                let ws = desk.session.workspace.clone();
                // Shows the newest backup even when none was due (taken by
                // an earlier session).
                worker::spawn(
                    move || match auto::run_if_due(&ws)? {
                        Some(taken) => Ok(Some(taken)),
                        None => Ok(auto::list(&ws)?.pop()),
                    },
                    Message::BackupDone,
                )
            }
            Message::BackupDone(outcome) => {
                if let App::Desk(desk) = self {
                    match outcome {
                        Ok(Some(taken)) => desk.backup = Some(Ok(taken)),
                        Ok(None) => {}
                        Err(e) => desk.backup = Some(Err(e)),
                    }
                }
                Task::none()
            }
            Message::Dashboard(msg) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                desk.dashboard
                    .update(msg, &desk.session)
                    .map(Message::Dashboard)
            }
            Message::Gate(msg) => {
                let state = match self {
                    App::Gate(state) => state.as_mut(),
                    App::Desk(desk) => match &mut desk.gate {
                        Some(state) => state,
                        None => return Task::none(),
                    },
                    _ => return Task::none(),
                };
                let (task, _event) = state.update(msg);
                task.map(Message::Gate)
            }
            Message::Participants(msg) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                let (task, event) = desk.participants.update(msg, &desk.session);
                let task = task.map(Message::Participants);
                match event {
                    Some(participants::Event::Open(id)) => {
                        Task::batch([task, desk.open_participant(Tab::Participants, id)])
                    }
                    None => task,
                }
            }
            Message::Participant(msg) => match self {
                App::Desk(desk) => desk.on_participant(msg),
                _ => Task::none(),
            },
            Message::Delegations(msg) => match self {
                App::Desk(desk) => desk.on_delegations(msg),
                _ => Task::none(),
            },
            Message::PrintQueue(msg) => match self {
                App::Desk(desk) => desk.on_print_queue(msg),
                _ => Task::none(),
            },
            Message::Vetting(msg) => match self {
                App::Desk(desk) => {
                    let (task, event) = desk.vetting.update(msg, &desk.session);
                    let task = task.map(Message::Vetting);
                    match event {
                        Some(vetting::Event::Changed) => Task::batch([task, desk.reload()]),
                        None => task,
                    }
                }
                _ => Task::none(),
            },
            Message::Import(msg) => {
                let App::Desk(desk) = self else {
                    return Task::none();
                };
                let (task, event) = desk.import.update(msg, &desk.session);
                let task = task.map(Message::Import);
                match event {
                    // The participant table and the counts show the new nominations.
                    Some(import::Event::Imported) => Task::batch([
                        task,
                        participants::State::load(&desk.session).map(Message::Participants),
                        load_counts(&desk.session),
                    ]),
                    // The delegation's review opens on the Delegations tab.
                    Some(import::Event::Review(id)) => {
                        desk.tab = Tab::Delegations;
                        let review = desk
                            .delegations
                            .review(&desk.session, id)
                            .map(Message::Delegations);
                        Task::batch([task, review])
                    }
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
                App::Desk(desk) if desk.detail_shown() => {
                    desk.on_participant(participant::Message::Key(key, modifiers))
                }
                App::Desk(desk) if desk.tab == Tab::Participants => self.update(
                    Message::Participants(participants::Message::Key(key, modifiers)),
                ),
                _ => Task::none(),
            },
            Message::CloseRequested => {
                if let App::Desk(desk) = self
                    && let Some(ask) = desk.unsaved_changes()
                {
                    return ask;
                }
                iced::exit()
            }
            Message::SignOut => {
                if let App::Desk(desk) = self
                    && let Some(ask) = desk.unsaved_changes()
                {
                    return ask;
                }
                if let App::Desk(desk) = self {
                    let ws = desk.session.workspace.clone();
                    let name = desk.session.event.name.clone();
                    let (state, check) = sign_in::State::new(ws, name);
                    *self = App::SignIn(state);
                    return Task::batch([
                        iced::widget::operation::focus(sign_in::NAME_INPUT),
                        check.map(Message::SignIn),
                    ]);
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
}

/// Loads the session of `actor` off the UI thread; `done` says why it was
/// loaded.
fn load_session(
    ws: Workspace,
    actor: Actor,
    done: fn(Outcome<Box<Session>>) -> Message,
) -> Task<Message> {
    worker::spawn(move || Session::load(ws, actor).map(Box::new), done)
}

fn load_counts(session: &Session) -> Task<Message> {
    let ws = session.workspace.clone();
    worker::spawn(
        move || lookup::participants::count_by_status(&*ws.connection()?),
        Message::Counts,
    )
}

impl Desk {
    fn new(session: Session, tab: Tab) -> Desk {
        let print_queue = print_queue::State::new(&session);
        Desk {
            session,
            tab,
            participants: participants::State::new(),
            operators: operators::State::new(),
            settings: settings::State::new(),
            counts: Vec::new(),
            backup: None,
            gate: None,
            import: import::State::new(),
            dashboard: dashboard::State::new(),
            detail: None,
            delegations: delegations::State::new(),
            print_queue,
            vetting: vetting::State::new(),
        }
    }

    fn show_tab(&mut self, tab: Tab) -> Task<Message> {
        self.tab = tab;
        // The dashboard refreshes itself only while it is shown.
        if tab != Tab::Dashboard {
            self.dashboard.hide();
        }
        match tab {
            Tab::Dashboard => self.dashboard.show(&self.session).map(Message::Dashboard),
            Tab::Operators => Task::batch([
                operators::State::load(&self.session).map(Message::Operators),
                iced::widget::operation::focus(operators::NAME_INPUT),
            ]),
            Tab::Settings if self.settings.data().is_none() => {
                settings::State::load(&self.session).map(Message::Settings)
            }
            Tab::Gate if self.gate.is_none() => {
                let (state, task) = gate::State::new(gate::Source::Store {
                    workspace: self.session.workspace.clone(),
                    actor: self.session.actor.clone(),
                });
                self.gate = Some(state);
                task.map(Message::Gate)
            }
            Tab::Delegations if !self.delegations.is_loaded() => self
                .delegations
                .load(&self.session)
                .map(Message::Delegations),
            Tab::Vetting => vetting::State::load(&self.session).map(Message::Vetting),
            Tab::PrintQueue if !self.print_queue.has_preview() => self
                .print_queue
                .refresh(&self.session)
                .map(Message::PrintQueue),
            _ => Task::none(),
        }
    }

    /// When a participant's detail holds unsaved changes: shows it with its
    /// "save or discard" question (before signing out, nothing is lost).
    fn unsaved_changes(&mut self) -> Option<Task<Message>> {
        let (tab, detail) = self.detail.as_mut()?;
        if !detail.is_dirty() {
            return None;
        }
        self.tab = *tab;
        let (task, _) = detail.update(participant::Message::Back, &self.session);
        Some(task.map(Message::Participant))
    }

    /// Whether the current tab shows a participant's detail.
    fn detail_shown(&self) -> bool {
        self.detail
            .as_ref()
            .is_some_and(|(tab, _)| *tab == self.tab)
    }

    /// Opens a participant's detail over `from`. A detail with unsaved
    /// changes stays until they are saved or discarded.
    fn open_participant(
        &mut self,
        from: Tab,
        id: accredit::domain::ParticipantId,
    ) -> Task<Message> {
        if let Some((tab, open)) = &self.detail
            && open.id() == id
        {
            // Already open (perhaps with changes): show it where it is.
            self.tab = *tab;
            return Task::none();
        }
        if let Some(ask) = self.unsaved_changes() {
            return ask;
        }
        let (state, load) = participant::State::open(&self.session, id);
        self.detail = Some((from, state));
        self.tab = from;
        Task::batch([load, participant::State::focus_first()]).map(Message::Participant)
    }

    fn on_participant(&mut self, msg: participant::Message) -> Task<Message> {
        let Some((_, detail)) = &mut self.detail else {
            return Task::none();
        };
        let (task, event) = detail.update(msg, &self.session);
        let task = task.map(Message::Participant);
        match event {
            Some(participant::Event::Back) => {
                self.detail = None;
                if self.tab == Tab::Participants {
                    return Task::batch([
                        task,
                        iced::widget::operation::focus(participants::SEARCH_INPUT),
                    ]);
                }
                task
            }
            Some(participant::Event::Changed) => Task::batch([task, self.reload()]),
            None => task,
        }
    }

    fn on_delegations(&mut self, msg: delegations::Message) -> Task<Message> {
        let (task, event) = self.delegations.update(msg, &self.session);
        let task = task.map(Message::Delegations);
        match event {
            Some(delegations::Event::Open(id)) => {
                Task::batch([task, self.open_participant(Tab::Delegations, id)])
            }
            Some(delegations::Event::Print(id)) => {
                self.tab = Tab::PrintQueue;
                let select = self
                    .print_queue
                    .select_delegation(&self.session, id)
                    .map(Message::PrintQueue);
                Task::batch([task, select])
            }
            // Just approved: their badges are made at once.
            Some(delegations::Event::PrintNew(id, ids)) => {
                self.tab = Tab::PrintQueue;
                let print = self
                    .print_queue
                    .print_now(&self.session, id, ids)
                    .map(Message::PrintQueue);
                Task::batch([task, print])
            }
            Some(delegations::Event::Changed) => Task::batch([task, self.reload_listing()]),
            None => task,
        }
    }

    fn on_print_queue(&mut self, msg: print_queue::Message) -> Task<Message> {
        let (task, event) = self.print_queue.update(msg, &self.session);
        let task = task.map(Message::PrintQueue);
        match event {
            Some(print_queue::Event::Open(id)) => {
                Task::batch([task, self.open_participant(Tab::PrintQueue, id)])
            }
            Some(print_queue::Event::Changed) => Task::batch([task, self.reload()]),
            None => task,
        }
    }

    /// After a change in the store: the table, the counts and the delegations.
    fn reload(&mut self) -> Task<Message> {
        Task::batch([self.reload_listing(), self.reload_delegations()])
    }

    fn reload_listing(&self) -> Task<Message> {
        Task::batch([
            participants::State::load(&self.session).map(Message::Participants),
            load_counts(&self.session),
        ])
    }

    fn reload_delegations(&self) -> Task<Message> {
        if self.delegations.is_loaded() {
            self.delegations
                .load(&self.session)
                .map(Message::Delegations)
        } else {
            Task::none()
        }
    }
}

/// A tick at once and then every [`auto::CHECK_EVERY`], from a thread of its
/// own (the GUI's executor has no timer). The thread ends at the first tick
/// after the subscription is dropped (sign-out).
fn backup_ticks() -> impl iced::futures::Stream<Item = Message> {
    let (mut tx, rx) = iced::futures::channel::mpsc::channel(1);
    let spawned = std::thread::Builder::new()
        .name("accredit-backup-ticks".into())
        .spawn(move || {
            loop {
                match tx.try_send(Message::BackupDue) {
                    Err(e) if e.is_disconnected() => break,
                    // A tick still waiting is as good as this one.
                    _ => std::thread::sleep(auto::CHECK_EVERY),
                }
            }
        });
    if let Err(e) = spawned {
        tracing::error!("automatic backups cannot run: {e}");
    }
    rx
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
