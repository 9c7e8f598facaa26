//! First start: the data directory holds no event yet. Create a new event
//! (with its first administrator), open the demo conference, or open another
//! data directory (one event per data directory). The sign-in screen comes
//! here too, to open another directory only. Either way, a card connects to
//! a venue's event server instead (PostgreSQL): its address, a password if
//! it asks for one, and a connection test that says what the database holds
//! before anything is created or upgraded there.

use std::path::PathBuf;

use iced::widget::{button, column, combo_box, container, row, rule, scrollable, text, text_input};
use iced::{Center, Element, Fill, Task, Theme};

use super::form::{self, error_of, text_field};
use crate::gui::style;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::auth::{self, Actor};
use accredit::db::{Db, LATEST_SCHEMA, ServerState, ServerUrl};
use accredit::domain::{Event as EventInfo, FieldError, parse_date};
use accredit::setup::{self, EventForm};
use accredit::t;
use accredit::workspace::Workspace;

/// What the screen offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The directory holds no event: create one, the demo, or another directory.
    FirstStart,
    /// Opened from the sign-in screen: another directory only.
    OtherDirectory,
}

pub struct State {
    workspace: Workspace,
    mode: Mode,
    pub form: EventForm,
    pub admin: String,
    pub password: String,
    pub password_again: String,
    time_zones: combo_box::State<String>,
    errors: Vec<FieldError>,
    /// After a first "Create", problems are updated as the user types.
    tried: bool,
    /// What is under way, in words.
    busy: Option<String>,
    error: Option<Problem>,
    pub directory: String,
    /// The event server's address, as typed (`postgresql://…`).
    pub server: String,
    pub server_password: String,
    /// The connection test's answer: what the database holds, or what is
    /// wrong (one line each, worded by the view).
    server_answer: Option<Outcome<ServerState>>,
    server_busy: bool,
}

/// What stops the event from being made or opened, worded by the view.
#[derive(Debug)]
enum Problem {
    /// "Open" with no directory typed.
    DirectoryMissing,
    /// The path typed is a file.
    DirectoryIsAFile(String),
    Failed(JobError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            Problem::DirectoryMissing => t!("welcome-directory-missing"),
            Problem::DirectoryIsAFile(path) => t!("welcome-directory-is-a-file", path = path),
            Problem::Failed(e) => e.to_string(),
        };
        f.write_str(&said)
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    Code(String),
    Name(String),
    Venue(String),
    TimeZone(String),
    StartDate(String),
    EndDate(String),
    BadgeFrom(String),
    BadgeUntil(String),
    Admin(String),
    Password(String),
    PasswordAgain(String),
    Create,
    Created(Outcome<Actor>),
    OpenDemo,
    DemoCreated(Outcome<()>),
    Directory(String),
    Browse,
    Browsed(Option<PathBuf>),
    OpenDirectory,
    Back,
    Server(String),
    ServerPassword(String),
    TestServer,
    ServerTested(Outcome<ServerState>),
    ConnectServer,
}

/// What the application must do after this screen.
#[derive(Debug, Clone)]
pub enum Event {
    /// The directory now holds an event: sign in.
    Ready,
    /// A new event was created; its administrator is signed in.
    Created(Actor),
    /// Reload on another data directory.
    OpenDirectory(PathBuf),
    /// Reload with the event on this server (the data directory keeping
    /// this machine's keys).
    OpenServer(Workspace),
    /// Back to the sign-in of the current directory.
    Back,
}

pub const CODE_INPUT: &str = "welcome-code";
pub const NAME_INPUT: &str = "welcome-name";
pub const VENUE_INPUT: &str = "welcome-venue";
pub const START_INPUT: &str = "welcome-start";
pub const END_INPUT: &str = "welcome-end";
pub const FROM_INPUT: &str = "welcome-badge-from";
pub const UNTIL_INPUT: &str = "welcome-badge-until";
pub const ADMIN_INPUT: &str = "welcome-admin";
pub const PASSWORD_INPUT: &str = "welcome-password";
pub const PASSWORD_AGAIN_INPUT: &str = "welcome-password-again";
pub const DIRECTORY_INPUT: &str = "welcome-directory";
pub const SERVER_INPUT: &str = "welcome-server";
pub const SERVER_PASSWORD_INPUT: &str = "welcome-server-password";

impl State {
    pub fn new(workspace: Workspace) -> State {
        State::with_mode(workspace, Mode::FirstStart)
    }

    /// The screen that opens another data directory, from the sign-in.
    pub fn other_directory(workspace: Workspace) -> State {
        State::with_mode(workspace, Mode::OtherDirectory)
    }

    fn with_mode(workspace: Workspace, mode: Mode) -> State {
        let mut zones: Vec<String> = jiff::tz::db()
            .available()
            .map(|n| n.to_string())
            .filter(|n| n.contains('/') && !n.starts_with("Etc/"))
            .collect();
        zones.push("UTC".into());
        zones.sort();
        let system = jiff::tz::TimeZone::system()
            .iana_name()
            .map(str::to_string)
            .unwrap_or_else(|| "UTC".into());
        State {
            workspace,
            mode,
            form: EventForm {
                time_zone: system,
                ..EventForm::new()
            },
            admin: "admin".into(),
            password: String::new(),
            password_again: String::new(),
            time_zones: combo_box::State::new(zones),
            errors: Vec::new(),
            tried: false,
            busy: None,
            error: None,
            directory: String::new(),
            server: String::new(),
            server_password: String::new(),
            server_answer: None,
            server_busy: false,
        }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    #[cfg(test)]
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The event typed, or every problem of the form (event, administrator
    /// and passwords) at once.
    fn check(&self) -> Result<EventInfo, Vec<FieldError>> {
        let parsed = self.form.parse(None);
        let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
        errors.extend(
            auth::check_new_operator(&self.admin, &self.password)
                .into_iter()
                .map(|e| match e.field {
                    "name" => FieldError::new("admin_name", e.message),
                    _ => e,
                }),
        );
        if self.password != self.password_again {
            errors.push(FieldError::new(
                "password_again",
                t!("welcome-password-mismatch"),
            ));
        }
        match parsed {
            Ok(event) if errors.is_empty() => Ok(event),
            _ => Err(errors),
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let edited = |s: &mut State, apply: &dyn Fn(&mut State)| {
            apply(s);
            if s.tried {
                s.errors = s.check().err().unwrap_or_default();
            }
        };
        match message {
            Message::Code(v) => edited(self, &|s| s.form.code = v.to_uppercase()),
            Message::Name(v) => edited(self, &|s| s.form.name = v.clone()),
            Message::Venue(v) => edited(self, &|s| s.form.venue = v.clone()),
            Message::TimeZone(v) => edited(self, &|s| s.form.time_zone = v.clone()),
            Message::StartDate(v) => edited(self, &|s| s.form.start_date = v.clone()),
            Message::EndDate(v) => edited(self, &|s| s.form.end_date = v.clone()),
            Message::BadgeFrom(v) => edited(self, &|s| s.form.badge_valid_from = v.clone()),
            Message::BadgeUntil(v) => edited(self, &|s| s.form.badge_valid_until = v.clone()),
            Message::Admin(v) => edited(self, &|s| s.admin = v.clone()),
            Message::Password(v) => edited(self, &|s| s.password = v.clone()),
            Message::PasswordAgain(v) => edited(self, &|s| s.password_again = v.clone()),
            Message::Create => {
                if self.busy.is_some() {
                    return (Task::none(), None);
                }
                self.tried = true;
                self.error = None;
                match self.check() {
                    Err(errors) => self.errors = errors,
                    Ok(event) => {
                        self.errors.clear();
                        self.busy = Some(t!("welcome-creating-event"));
                        let (ws, admin, password) = (
                            self.workspace.clone(),
                            self.admin.clone(),
                            self.password.clone(),
                        );
                        let task = worker::spawn(
                            move || setup::init(&ws, &event, &admin, &password).map(|(_, a)| a),
                            Message::Created,
                        );
                        return (task, None);
                    }
                }
            }
            Message::Created(Ok(actor)) => {
                self.busy = None;
                self.password.clear();
                self.password_again.clear();
                return (Task::none(), Some(Event::Created(actor)));
            }
            Message::Created(Err(e)) => {
                self.busy = None;
                self.error = Some(Problem::Failed(e));
            }
            Message::OpenDemo => {
                if self.busy.is_some() {
                    return (Task::none(), None);
                }
                self.busy = Some(t!("welcome-creating-demo"));
                self.error = None;
                let ws = self.workspace.clone();
                let task = worker::spawn(
                    move || {
                        accredit::demo::create(
                            &ws,
                            accredit::demo::DEFAULT_PARTICIPANTS,
                            accredit::demo::Dates::around(accredit::clock::now()),
                            false,
                        )?;
                        accredit::demo::traffic::add(&ws, accredit::demo::traffic::DEFAULT_SCANS)
                            .map(|_| ())
                    },
                    Message::DemoCreated,
                );
                return (task, None);
            }
            Message::DemoCreated(Ok(())) => {
                self.busy = None;
                return (Task::none(), Some(Event::Ready));
            }
            Message::DemoCreated(Err(e)) => {
                self.busy = None;
                self.error = Some(Problem::Failed(e));
            }
            Message::Directory(v) => self.directory = v,
            Message::Browse => {
                let task = Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title(t!("welcome-choose-directory-title"))
                        .pick_folder(),
                    |picked| Message::Browsed(picked.map(|f| f.path().to_path_buf())),
                );
                return (task, None);
            }
            Message::Browsed(Some(path)) => {
                self.directory = path.display().to_string();
                return self.update(Message::OpenDirectory);
            }
            Message::Browsed(None) => {}
            Message::OpenDirectory => {
                let dir = self.directory.trim();
                if dir.is_empty() {
                    self.error = Some(Problem::DirectoryMissing);
                    return (Task::none(), None);
                }
                let path = PathBuf::from(dir);
                if path.exists() && !path.is_dir() {
                    self.error = Some(Problem::DirectoryIsAFile(dir.to_owned()));
                    return (Task::none(), None);
                }
                return (Task::none(), Some(Event::OpenDirectory(path)));
            }
            Message::Back => return (Task::none(), Some(Event::Back)),
            Message::Server(v) => {
                self.server = v;
                self.server_answer = None;
            }
            Message::ServerPassword(v) => {
                self.server_password = v;
                self.server_answer = None;
            }
            Message::TestServer if !self.server_busy => {
                let url = match ServerUrl::parse(self.server.trim()) {
                    Ok(url) => url,
                    Err(e) => {
                        self.server_answer = Some(Err(JobError::from(e)));
                        return (Task::none(), None);
                    }
                };
                self.server_busy = true;
                self.server_answer = None;
                let password = self.password_given();
                let job = move || Db::inspect_server(&url, password.as_deref());
                return (worker::spawn(job, Message::ServerTested), None);
            }
            Message::TestServer => {}
            Message::ServerTested(outcome) => {
                self.server_busy = false;
                self.server_answer = Some(outcome);
            }
            Message::ConnectServer => match ServerUrl::parse(self.server.trim()) {
                Ok(url) => {
                    let ws = Workspace::new(self.workspace.data_dir())
                        .on_server(url, self.password_given());
                    return (Task::none(), Some(Event::OpenServer(ws)));
                }
                Err(e) => self.server_answer = Some(Err(JobError::from(e))),
            },
        }
        (Task::none(), None)
    }

    pub fn view(&self) -> Element<'_, Message> {
        let directory = self.workspace.data_dir().display().to_string();
        let (title, subtitle) = match self.mode {
            Mode::FirstStart => (
                t!("welcome-title"),
                t!("welcome-no-event-yet", path = directory),
            ),
            Mode::OtherDirectory => (
                t!("welcome-other-directory-title"),
                t!("welcome-now-open", path = directory),
            ),
        };
        let mut side = column![].spacing(16).width(400);
        if self.mode == Mode::FirstStart {
            side = side.push(
                card(
                    column![
                        text(t!("welcome-demo-title")).size(20),
                        text(t!(
                            "welcome-demo-description",
                            count = accredit::demo::DEFAULT_PARTICIPANTS
                        ))
                        .size(14),
                        button(text(t!("welcome-demo-open")))
                            .padding([10, 18])
                            .on_press_maybe(self.busy.is_none().then_some(Message::OpenDemo)),
                    ]
                    .spacing(10),
                )
                .width(Fill),
            );
        }
        side = side.push(card(self.directory_view()).width(Fill));
        side = side.push(card(self.server_view()).width(Fill));
        if self.mode == Mode::OtherDirectory {
            side = side.push(
                button(text(t!("welcome-back-to-sign-in")))
                    .style(button::secondary)
                    .on_press(Message::Back),
            );
        }
        if let Some(b) = &self.busy {
            side = side.push(text(b.clone()));
        }
        if let Some(e) = &self.error {
            side = side.push(style::error_text(&e.to_string()));
        }
        let body: Element<'_, Message> = match self.mode {
            Mode::FirstStart => row![card(self.new_event_view()).width(760), side]
                .spacing(20)
                .into(),
            Mode::OtherDirectory => side.into(),
        };
        let page = column![text(title).size(30), text(subtitle).size(14), body]
            .spacing(14)
            .padding(24)
            .align_x(Center);
        scrollable(container(page).center_x(Fill))
            .height(Fill)
            .into()
    }

    fn directory_view(&self) -> Element<'_, Message> {
        let heading = match self.mode {
            Mode::FirstStart => t!("welcome-other-directory-heading"),
            Mode::OtherDirectory => t!("welcome-directory-heading"),
        };
        column![
            text(heading).size(20),
            text(t!("welcome-directory-help")).size(14),
            text_input(&t!("welcome-directory-placeholder"), &self.directory)
                .id(DIRECTORY_INPUT)
                .on_input(Message::Directory)
                .on_submit(Message::OpenDirectory)
                .padding(7),
            row![
                button(text(t!("welcome-choose")))
                    .style(button::secondary)
                    .on_press(Message::Browse),
                button(text(t!("welcome-open-directory"))).on_press(Message::OpenDirectory),
            ]
            .spacing(10),
        ]
        .spacing(10)
        .into()
    }

    fn password_given(&self) -> Option<String> {
        Some(self.server_password.clone()).filter(|p| !p.is_empty())
    }

    fn server_view(&self) -> Element<'_, Message> {
        let idle = !self.server_busy;
        let mut card = column![
            text(t!("welcome-server-heading")).size(20),
            text(t!("welcome-server-help")).size(14),
            text_input(
                "postgresql://accredit@venue-server:5432/hanoi?sslmode=require",
                &self.server
            )
            .id(SERVER_INPUT)
            .on_input(Message::Server)
            .on_submit(Message::TestServer)
            .padding(7),
            text_input(&t!("welcome-server-password"), &self.server_password)
                .id(SERVER_PASSWORD_INPUT)
                .secure(true)
                .on_input(Message::ServerPassword)
                .on_submit(Message::TestServer)
                .padding(7),
            row![
                button(text(t!("welcome-server-test")))
                    .style(button::secondary)
                    .on_press_maybe(idle.then_some(Message::TestServer)),
                button(text(t!("welcome-server-connect")))
                    .on_press_maybe(idle.then_some(Message::ConnectServer)),
            ]
            .spacing(10),
        ]
        .spacing(10);
        if self.server_busy {
            card = card.push(text(t!("welcome-server-testing")).size(14));
        }
        if let Ok(url) = ServerUrl::parse(self.server.trim())
            && let Some(warning) = url.warning()
        {
            card = card.push(text(warning).size(13));
        }
        match &self.server_answer {
            Some(Ok(server)) => card = card.push(form::saved(&describe(server))),
            Some(Err(e)) => card = card.push(style::error_text(&e.to_string())),
            None => {}
        }
        card.into()
    }

    fn new_event_view(&self) -> Element<'_, Message> {
        let e = |f: &str| error_of(&self.errors, f);
        let enabled = self.busy.is_none();
        let on = |m: fn(String) -> Message| enabled.then_some(m);
        let (default_from, default_until) = match (
            parse_date(&self.form.start_date),
            parse_date(&self.form.end_date),
        ) {
            (Ok(s), Ok(end)) if end >= s => {
                let (f, u) = setup::default_badge_window(s, end);
                (
                    format!("{}", f.strftime("%Y-%m-%dT%H:%M")),
                    format!("{}", u.strftime("%Y-%m-%dT%H:%M")),
                )
            }
            _ => (
                t!("welcome-badges-from-placeholder"),
                t!("welcome-badges-until-placeholder"),
            ),
        };
        let time_zone = form::field(
            &t!("welcome-time-zone"),
            combo_box(
                &self.time_zones,
                "Asia/Ho_Chi_Minh",
                Some(&self.form.time_zone),
                Message::TimeZone,
            )
            .on_input(Message::TimeZone)
            .padding(7),
            e("time_zone"),
        );
        column![
            text(t!("welcome-new-event")).size(20),
            row![
                container(text_field(
                    &t!("welcome-code"),
                    CODE_INPUT,
                    "HN25",
                    &self.form.code,
                    e("code"),
                    on(Message::Code)
                ))
                .width(220),
                text_field(
                    &t!("welcome-name"),
                    NAME_INPUT,
                    &t!("welcome-name-placeholder"),
                    &self.form.name,
                    e("name"),
                    on(Message::Name)
                ),
            ]
            .spacing(12),
            text_field(
                &t!("welcome-venue"),
                VENUE_INPUT,
                &t!("welcome-venue-placeholder"),
                &self.form.venue,
                e("venue"),
                on(Message::Venue)
            ),
            row![
                time_zone,
                text_field(
                    &t!("welcome-first-day"),
                    START_INPUT,
                    "2025-10-25",
                    &self.form.start_date,
                    e("start_date"),
                    on(Message::StartDate)
                ),
                text_field(
                    &t!("welcome-last-day"),
                    END_INPUT,
                    "2025-10-26",
                    &self.form.end_date,
                    e("end_date"),
                    on(Message::EndDate)
                ),
            ]
            .spacing(12),
            row![
                text_field(
                    &t!("welcome-badges-from"),
                    FROM_INPUT,
                    &default_from,
                    &self.form.badge_valid_from,
                    e("badge_valid_from"),
                    on(Message::BadgeFrom)
                ),
                text_field(
                    &t!("welcome-badges-until"),
                    UNTIL_INPUT,
                    &default_until,
                    &self.form.badge_valid_until,
                    e("badge_valid_until"),
                    on(Message::BadgeUntil)
                ),
            ]
            .spacing(12),
            rule::horizontal(1),
            text(t!("welcome-first-administrator")).size(14),
            row![
                text_field(
                    &t!("welcome-administrator-name"),
                    ADMIN_INPUT,
                    "admin",
                    &self.admin,
                    e("admin_name"),
                    on(Message::Admin)
                ),
                form::field(
                    &t!("welcome-password"),
                    text_input("", &self.password)
                        .id(PASSWORD_INPUT)
                        .secure(true)
                        .padding(7)
                        .on_input_maybe(on(Message::Password)),
                    e("password"),
                ),
                form::field(
                    &t!("welcome-password-again"),
                    text_input("", &self.password_again)
                        .id(PASSWORD_AGAIN_INPUT)
                        .secure(true)
                        .padding(7)
                        .on_input_maybe(on(Message::PasswordAgain))
                        .on_submit(Message::Create),
                    e("password_again"),
                ),
            ]
            .spacing(12),
            row![
                button(text(t!("welcome-create")).size(16))
                    .padding([10, 22])
                    .on_press_maybe(enabled.then_some(Message::Create)),
                text(t!("welcome-create-help")).size(13),
            ]
            .spacing(14)
            .align_y(Center),
        ]
        .spacing(12)
        .into()
    }
}

fn card<'a>(content: impl Into<Element<'a, Message>>) -> container::Container<'a, Message> {
    container(content).padding(18).style(|theme: &Theme| {
        let palette = theme.extended_palette();
        container::Style {
            background: Some(palette.background.base.color.into()),
            border: iced::Border::default()
                .rounded(6)
                .width(1)
                .color(palette.background.strong.color),
            ..container::Style::default()
        }
    })
}

/// The connection test's answer in words.
fn describe(state: &ServerState) -> String {
    match state {
        ServerState::Empty => t!("welcome-server-empty"),
        ServerState::Accredit { version, event } => {
            let event = match event {
                Some(name) => t!("welcome-server-event", event = name.as_str()),
                None => t!("welcome-server-no-event"),
            };
            if *version < LATEST_SCHEMA {
                t!(
                    "welcome-server-upgrade",
                    found = event,
                    version = *version,
                    latest = LATEST_SCHEMA
                )
            } else {
                event
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use iced_test::selector;

    use super::*;
    use crate::gui::tests::harness::{self, simulator};
    use accredit::lookup;

    /// Clicks `target` (a text or an input's id) and types `text` in the
    /// screen as it is drawn now, then applies the messages; returns the
    /// tasks they started.
    fn act(
        state: &mut State,
        click: Option<&'static str>,
        button: Option<&str>,
        typed: &str,
    ) -> Vec<(Task<Message>, Option<Event>)> {
        let mut ui = simulator(state.view());
        if let Some(id) = click {
            ui.click(selector::id(id)).expect("the input is on screen");
        }
        if let Some(label) = button {
            ui.click(label).expect("the button is on screen");
        }
        if !typed.is_empty() {
            ui.typewrite(typed);
        }
        let messages: Vec<Message> = ui.into_messages().collect();
        messages.into_iter().map(|m| state.update(m)).collect()
    }

    fn fill(state: &mut State) {
        for (id, value) in [
            (CODE_INPUT, "gva26"),
            (NAME_INPUT, "Geneva Cyber Review Conference"),
            (VENUE_INPUT, "Palais des Nations, Geneva"),
            (START_INPUT, "04/05/2026"),
            (END_INPUT, "2026-05-06"),
            (PASSWORD_INPUT, "correct horse"),
            (PASSWORD_AGAIN_INPUT, "correct horse"),
        ] {
            act(state, Some(id), None, value);
        }
        let _ = state.update(Message::TimeZone("Europe/Zurich".into()));
    }

    #[test]
    fn an_incomplete_form_names_each_problem_next_to_its_field() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = State::new(Workspace::new(dir.path()));
        let outcomes = act(&mut state, None, Some("Create the event"), "");
        assert!(outcomes.iter().all(|(_, e)| e.is_none()));
        let fields: Vec<&str> = state.errors().iter().map(|e| e.field).collect();
        for f in ["code", "name", "start_date", "end_date", "password"] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        let mut ui = simulator(state.view());
        assert!(ui.find("must be at least 8 characters").is_ok());
        assert!(ui.find("is required").is_ok());
        drop(ui);
        // Typing fixes the problems as they go, field by field.
        fill(&mut state);
        act(&mut state, Some(PASSWORD_AGAIN_INPUT), None, "!");
        let fields: Vec<&str> = state.errors().iter().map(|e| e.field).collect();
        assert_eq!(fields, ["password_again"]);
        assert!(!Workspace::new(dir.path()).has_event().unwrap());
    }

    #[test]
    fn creating_an_event_signs_its_administrator_in() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().join("gva"));
        let mut state = State::new(ws.clone());
        fill(&mut state);
        assert_eq!(state.form.code, "GVA26");
        let mut outcomes = act(&mut state, None, Some("Create the event"), "");
        let (task, event) = outcomes.pop().unwrap();
        assert!(event.is_none(), "the event is created off the UI thread");
        let created = harness::messages(task);
        let (_, event) = state.update(created.into_iter().next().unwrap());
        let Some(Event::Created(actor)) = event else {
            panic!("the event was not created: {:?}", state.error)
        };
        assert_eq!(actor.name, "admin");
        let conn = ws.open().unwrap();
        let event = lookup::event::get(&conn).unwrap();
        assert_eq!(event.name, "Geneva Cyber Review Conference");
        assert_eq!(event.local_time(event.badge_valid_from), "2026-05-02 00:00");
        assert_eq!(lookup::categories::list(&conn).unwrap().len(), 11);
        assert!(state.password.is_empty(), "the password is not kept");
    }

    #[test]
    fn the_application_starts_on_the_welcome_screen_and_opens_the_new_event_in_settings() {
        use crate::gui::desk::Tab;
        use crate::gui::{App, Message as AppMessage};
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        let (mut app, task) = App::boot(ws.clone(), false);
        for m in harness::messages(task) {
            let _ = app.update(m);
        }
        let App::Welcome(state) = &mut app else {
            panic!("an empty directory opens the welcome screen")
        };
        fill(state);
        let (task, _) = state.update(Message::Create);
        let mut pending: Vec<AppMessage> = harness::messages(task)
            .into_iter()
            .map(AppMessage::Welcome)
            .collect();
        while let Some(m) = pending.pop() {
            pending.extend(harness::messages(app.update(m)));
        }
        let App::Desk(desk) = &app else {
            panic!("the new event opens for its administrator")
        };
        assert_eq!(desk.tab, Tab::Settings);
        assert_eq!(desk.session.event.code.as_str(), "GVA26");
        assert!(desk.settings.data().is_some(), "the settings were read");
    }

    #[test]
    fn another_data_directory_is_opened_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = State::new(Workspace::new(dir.path()));
        let other = dir.path().join("other-event");
        act(
            &mut state,
            Some(DIRECTORY_INPUT),
            None,
            other.to_str().unwrap(),
        );
        let outcomes = act(&mut state, None, Some("Open this directory"), "");
        match &outcomes.last().unwrap().1 {
            Some(Event::OpenDirectory(path)) => assert_eq!(path, &other),
            _ => panic!("the directory was not opened"),
        }
        // A file is not a data directory.
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "x").unwrap();
        state.directory = file.display().to_string();
        assert!(state.update(Message::OpenDirectory).1.is_none());
        assert!(
            state
                .error
                .as_ref()
                .unwrap()
                .to_string()
                .contains("is a file")
        );
        // From the sign-in, only the directory is offered, with the way back.
        let mut state = State::other_directory(Workspace::new(dir.path()));
        let mut ui = simulator(state.view());
        assert!(ui.find("Open the demo conference").is_err());
        assert!(ui.find("Create the event").is_err());
        drop(ui);
        let outcomes = act(&mut state, None, Some("Back to the sign-in"), "");
        assert!(matches!(outcomes.last().unwrap().1, Some(Event::Back)));
    }

    #[test]
    fn the_welcome_speaks_vietnamese_and_french() {
        let dir = tempfile::tempdir().unwrap();
        let state = State::new(Workspace::new(dir.path()));
        for (language, words) in [
            (
                accredit::i18n::Language::Vietnamese,
                [
                    "Chào mừng đến với Accredit",
                    "Tạo sự kiện",
                    "Mở hội nghị mẫu",
                ],
            ),
            (
                accredit::i18n::Language::French,
                [
                    "Bienvenue dans Accredit",
                    "Créer l'événement",
                    "Ouvrir la conférence de démonstration",
                ],
            ),
        ] {
            let _scope = accredit::i18n::LanguageScope::new(language);
            let mut ui = simulator(state.view());
            for w in words {
                assert!(ui.find(w).is_ok(), "{w}");
            }
        }
    }

    /// Types the server's address and presses a button of the server card
    /// (the card may lie below the fold, so the messages are sent as the
    /// input and the button send them); runs the job it starts and applies
    /// its answer.
    fn server_card(state: &mut State, url: &str, button: Message) -> Vec<Option<Event>> {
        let _ = state.update(Message::Server(url.to_owned()));
        let (task, event) = state.update(button);
        let mut events = vec![event];
        for m in harness::messages(task) {
            events.push(state.update(m).1);
        }
        events
    }

    /// The server card's answer (the card may be below the fold, where the
    /// simulator finds no text).
    fn shows(state: &State, words: &str) -> bool {
        matches!(&state.server_answer, Some(Ok(a)) if describe(a).contains(words))
    }

    #[test]
    fn the_server_card_says_what_is_wrong_before_anything_is_created() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = State::new(Workspace::new(dir.path()));
        server_card(&mut state, "mysql://venue/hanoi", Message::TestServer);
        assert!(
            matches!(&state.server_answer, Some(Err(e)) if e.to_string().contains("postgresql://")),
            "{:?}",
            state.server_answer
        );
        // Nothing listens on port 1: one line, no panic, nothing kept.
        server_card(
            &mut state,
            "postgresql://accredit@127.0.0.1:1/hanoi?sslmode=disable",
            Message::TestServer,
        );
        let Some(Err(e)) = &state.server_answer else {
            panic!("{:?}", state.server_answer)
        };
        let e = e.to_string();
        assert!(!e.contains('\n') && e.contains("127.0.0.1"), "{e}");
        assert!(!state.server_busy);
    }

    #[test]
    fn the_server_card_tests_then_connects_and_the_new_event_is_made_on_the_server() {
        use crate::gui::{App, Message as AppMessage};
        let Some(url) = accredit::test_server::new_database() else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let (mut app, task) = App::boot(Workspace::new(dir.path()), false);
        for m in harness::messages(task) {
            let _ = app.update(m);
        }
        let App::Welcome(state) = &mut app else {
            panic!("an empty directory opens the welcome screen")
        };
        server_card(state, &url, Message::TestServer);
        assert!(
            shows(state, "Connected. The database is empty"),
            "{:?}",
            state.server_answer
        );
        // The test changed nothing on the server.
        let parsed = ServerUrl::parse(&url).unwrap();
        assert_eq!(
            Db::inspect_server(&parsed, None).unwrap(),
            ServerState::Empty
        );

        let events = server_card(state, &url, Message::ConnectServer);
        let Some(Some(Event::OpenServer(ws))) = events.into_iter().find(Option::is_some) else {
            panic!("Connect opens the server")
        };
        assert_eq!(
            ws.data_dir(),
            dir.path(),
            "this machine's keys stay in its folder"
        );
        assert!(ws.server().is_some());
        let mut pending = vec![AppMessage::Welcome(Message::ConnectServer)];
        while let Some(m) = pending.pop() {
            pending.extend(harness::messages(app.update(m)));
        }
        let App::Welcome(state) = &mut app else {
            panic!("an empty server database opens the welcome screen")
        };
        assert!(state.workspace().server().is_some(), "on the server now");
        fill(state);
        let (task, _) = state.update(Message::Create);
        let mut pending: Vec<AppMessage> = harness::messages(task)
            .into_iter()
            .map(AppMessage::Welcome)
            .collect();
        while let Some(m) = pending.pop() {
            pending.extend(harness::messages(app.update(m)));
        }
        assert!(matches!(app, App::Desk(_)), "the new event opens");
        assert_eq!(
            Db::inspect_server(&parsed, None).unwrap(),
            ServerState::Accredit {
                version: LATEST_SCHEMA,
                event: Some("Geneva Cyber Review Conference".into())
            }
        );
        // And the card says so now.
        let mut again = State::new(Workspace::new(dir.path()));
        server_card(&mut again, &url, Message::TestServer);
        assert!(shows(&again, "Connected: Geneva Cyber Review Conference."));
    }
}
