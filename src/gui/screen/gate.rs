//! The gate screen: choose the checkpoint and direction, then scan. A USB
//! scanner types the QR text and Enter into the scan field, which keeps the
//! focus; each scan fills the window with its verdict (green ACCEPTED, red
//! for every refusal) and the holder's photo, name, delegation, category and
//! zones, until the next scan. A refusal can be overridden with a reason and
//! a supervisor's authorisation. Runs on the main store (the Gate tab) or on
//! an offline gate package alone (`accredit gate --package FILE`).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use iced::font::Weight;
use iced::keyboard::{self, Key, key::Named};
use iced::widget::{
    button, checkbox, column, container, image, operation, pick_list, radio, row, scrollable,
    space, text, text_input,
};
use iced::{Background, Border, Center, Color, Element, Fill, Font, Subscription, Task, Theme};

use crate::auth::{Actor, Permission};
use crate::clock;
use crate::domain::{Checkpoint, CheckpointId, Direction, Zone};
use crate::error::Error;
use crate::gate::package::{self, PackageSummary};
use crate::gate::{self, GateVerdict, ScanOutcome, ScanRequest, Station};
use crate::gui::style;
use crate::gui::worker::{self, Outcome};
use crate::workspace::Workspace;

/// The scan field: it has the focus whenever the officer is not typing an
/// override.
pub const SCAN_INPUT: &str = "gate-scan";
const REASON_INPUT: &str = "gate-override-reason";
const OPERATOR_INPUT: &str = "gate-operator";
/// How many scans the recent list keeps.
const RECENT: usize = 40;
/// The photo on screen: large, 3:4, and small enough that the whole verdict
/// fits at 1366 × 768 under the desk's header.
const PHOTO_WIDTH: f32 = 255.0;
const PHOTO_HEIGHT: f32 = 340.0;

const GREEN: Color = Color::from_rgb8(0x1B, 0x7F, 0x3B);
const RED: Color = Color::from_rgb8(0xB0, 0x1E, 0x23);
const AMBER: Color = Color::from_rgb8(0xA3, 0x5C, 0x00);
const SLATE: Color = Color::from_rgb8(0x44, 0x4B, 0x55);
const BOLD: Font = Font {
    weight: Weight::Bold,
    ..Font::DEFAULT
};

/// The station, shared with the worker threads that scan on it.
#[derive(Clone)]
pub struct StationHandle(Arc<Mutex<Station>>);

impl std::fmt::Debug for StationHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StationHandle")
    }
}

impl StationHandle {
    fn lock(&self) -> MutexGuard<'_, Station> {
        // A job that panicked left no transaction open (it rolled back).
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Where the screen runs.
#[derive(Debug, Clone)]
pub enum Source {
    /// The main store, with the operator signed in at the desk.
    Store { workspace: Workspace, actor: Actor },
    /// An offline gate package; operators sign in on this screen.
    Package(PathBuf),
}

/// What the screen knows of its station once opened.
#[derive(Debug, Clone)]
pub struct StationInfo {
    pub event: String,
    pub offline: bool,
    /// For a package: its file, when it was made and by whom, holders.
    pub package: Option<String>,
    pub checkpoints: Vec<Checkpoint>,
    pub zones: Vec<Zone>,
    pub warnings: Vec<String>,
    /// The event's time zone, for the times of the recent list.
    pub time_zone: jiff::tz::TimeZone,
}

/// A scan's outcome with its photo decoded (off the UI thread).
#[derive(Debug, Clone)]
pub struct Scanned {
    pub outcome: ScanOutcome,
    photo: Option<image::Handle>,
}

impl Scanned {
    fn new(outcome: ScanOutcome) -> Scanned {
        let photo = outcome
            .holder
            .as_ref()
            .and_then(|h| h.photo.as_ref())
            .and_then(|jpeg| ::image::load_from_memory(jpeg).ok())
            .map(|decoded| {
                let rgba = decoded.to_rgba8();
                image::Handle::from_rgba(rgba.width(), rgba.height(), rgba.into_raw())
            });
        Scanned { outcome, photo }
    }
}

/// One line of the recent list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentLine {
    pub at: i64,
    pub verdict: String,
    pub passed: bool,
    pub overridden: bool,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointChoice {
    pub id: CheckpointId,
    pub label: String,
}

impl std::fmt::Display for CheckpointChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

#[derive(Debug, Default)]
struct OverrideForm {
    reason: String,
    supervisor: String,
    password: String,
    busy: bool,
    error: Option<String>,
}

#[derive(Debug, Default)]
struct ExportForm {
    chosen: BTreeSet<CheckpointId>,
    busy: bool,
    done: Option<Result<PackageSummary, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Setup,
    Scanning,
}

pub struct State {
    source: Source,
    /// The time of scans and sign-ins: the application's clock (tests give
    /// the demo event's).
    now: fn() -> i64,
    station: Option<StationHandle>,
    info: Option<StationInfo>,
    actor: Option<Actor>,
    phase: Phase,
    // Signing in at an offline gate.
    operator: String,
    password: String,
    // Setting up.
    checkpoint: Option<CheckpointId>,
    direction: Direction,
    station_name: String,
    export: ExportForm,
    // Scanning.
    input: String,
    shown: Option<Scanned>,
    failure: Option<String>,
    recent: Vec<RecentLine>,
    override_form: Option<OverrideForm>,
    submitted_at: Option<Instant>,
    busy: bool,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Opened(Outcome<(StationHandle, StationInfo)>),
    OperatorChanged(String),
    PasswordChanged(String),
    SignIn,
    SignedIn(Outcome<Actor>),
    CheckpointPicked(CheckpointChoice),
    DirectionPicked(Direction),
    StationChanged(String),
    Start,
    Started(Outcome<Vec<RecentLine>>),
    ChangeCheckpoint,
    InputChanged(String),
    Submit,
    /// Text typed while the scan field had lost the focus.
    Typed(String),
    EnterPressed,
    Scanned(Outcome<Box<Scanned>>),
    OverrideOpen,
    ReasonChanged(String),
    SupervisorChanged(String),
    SupervisorPasswordChanged(String),
    OverrideSubmit,
    OverrideCancel,
    Overridden(Outcome<Box<Scanned>>),
    ExportToggled(CheckpointId, bool),
    ExportSave,
    ExportPath(Option<PathBuf>),
    Exported(Outcome<PackageSummary>),
}

/// The gate screen tells the rest of the application nothing: it records
/// its scans itself.
pub enum Event {}

impl State {
    /// The screen on `source`; the returned task opens the station.
    pub fn new(source: Source) -> (State, Task<Message>) {
        State::new_at(source, clock::now)
    }

    /// The same, with `now` telling the time.
    pub fn new_at(source: Source, now: fn() -> i64) -> (State, Task<Message>) {
        let actor = match &source {
            Source::Store { actor, .. } => Some(actor.clone()),
            Source::Package(_) => None,
        };
        let state = State {
            station: None,
            info: None,
            actor,
            phase: Phase::Setup,
            operator: String::new(),
            password: String::new(),
            checkpoint: None,
            direction: Direction::Entry,
            station_name: gate::default_station_name(),
            export: ExportForm::default(),
            input: String::new(),
            shown: None,
            failure: None,
            recent: Vec::new(),
            override_form: None,
            submitted_at: None,
            busy: true,
            error: None,
            source: source.clone(),
            now,
        };
        let task = worker::spawn(move || open(source, now), Message::Opened);
        (state, task)
    }

    /// Keys the focused widgets did not take: a scanner typing while the
    /// scan field had lost the focus.
    pub fn subscription() -> Subscription<Message> {
        keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed {
                key: Key::Named(Named::Enter),
                ..
            } => Some(Message::EnterPressed),
            keyboard::Event::KeyPressed {
                text: Some(text),
                modifiers,
                ..
            } if !modifiers.command() && !text.chars().any(char::is_control) => {
                Some(Message::Typed(text.to_string()))
            }
            _ => None,
        })
    }

    pub fn is_scanning(&self) -> bool {
        self.phase == Phase::Scanning
    }

    /// The verdict on screen, if any.
    pub fn shown(&self) -> Option<&ScanOutcome> {
        self.shown.as_ref().map(|s| &s.outcome)
    }

    pub fn recent(&self) -> &[RecentLine] {
        &self.recent
    }

    fn checkpoint_info(&self) -> Option<&Checkpoint> {
        let info = self.info.as_ref()?;
        info.checkpoints
            .iter()
            .find(|c| Some(c.id) == self.checkpoint)
    }

    fn focus_scan(&self) -> Task<Message> {
        if self.phase == Phase::Scanning && self.override_form.is_none() {
            operation::focus(SCAN_INPUT)
        } else {
            Task::none()
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let task = match message {
            Message::Opened(Ok((station, info))) => {
                self.busy = false;
                // Gates mostly check people coming in: an entrance first.
                let first = info
                    .checkpoints
                    .iter()
                    .find(|c| c.directions.allows(Direction::Entry))
                    .or(info.checkpoints.first());
                if let Some(first) = first {
                    self.checkpoint = Some(first.id);
                    self.direction = allowed_directions(first)[0];
                }
                self.station = Some(station);
                self.info = Some(info);
                if self.actor.is_none() {
                    operation::focus(OPERATOR_INPUT)
                } else {
                    Task::none()
                }
            }
            Message::Opened(Err(e)) => {
                self.busy = false;
                self.error = Some(e);
                Task::none()
            }
            Message::OperatorChanged(v) => {
                self.operator = v;
                Task::none()
            }
            Message::PasswordChanged(v) => {
                self.password = v;
                Task::none()
            }
            Message::SignIn => self.sign_in(),
            Message::SignedIn(result) => {
                self.busy = false;
                self.password.clear();
                match result {
                    Ok(actor) => {
                        self.actor = Some(actor);
                        self.error = None;
                    }
                    Err(e) => self.error = Some(e),
                }
                Task::none()
            }
            Message::CheckpointPicked(choice) => {
                self.checkpoint = Some(choice.id);
                if let Some(cp) = self.checkpoint_info() {
                    let allowed = allowed_directions(cp);
                    if !allowed.contains(&self.direction) {
                        self.direction = allowed[0];
                    }
                }
                Task::none()
            }
            Message::DirectionPicked(d) => {
                self.direction = d;
                Task::none()
            }
            Message::StationChanged(v) => {
                self.station_name = v;
                Task::none()
            }
            Message::Start => self.start(),
            Message::Started(result) => {
                self.busy = false;
                match result {
                    Ok(recent) => {
                        self.recent = recent;
                        self.phase = Phase::Scanning;
                        self.error = None;
                    }
                    Err(e) => self.error = Some(e),
                }
                self.focus_scan()
            }
            Message::ChangeCheckpoint => {
                self.phase = Phase::Setup;
                self.shown = None;
                self.failure = None;
                self.override_form = None;
                Task::none()
            }
            Message::InputChanged(v) => {
                self.input = v;
                Task::none()
            }
            Message::Typed(t) => {
                if self.phase != Phase::Scanning || self.override_form.is_some() {
                    return (Task::none(), None);
                }
                self.input.push_str(&t);
                operation::focus(SCAN_INPUT)
            }
            Message::EnterPressed => {
                if self.phase != Phase::Scanning || self.override_form.is_some() {
                    return (Task::none(), None);
                }
                self.submit()
            }
            Message::Submit => self.submit(),
            Message::Scanned(result) => {
                if let Some(at) = self.submitted_at.take() {
                    tracing::info!(
                        target: "accredit::gate",
                        "verdict ready {:.1} ms after Enter",
                        at.elapsed().as_secs_f64() * 1000.0
                    );
                }
                self.show(result);
                self.focus_scan()
            }
            Message::OverrideOpen => {
                if self.shown().is_some_and(|o| !o.passed) {
                    self.override_form = Some(OverrideForm::default());
                    operation::focus(REASON_INPUT)
                } else {
                    Task::none()
                }
            }
            Message::ReasonChanged(v) => {
                if let Some(f) = &mut self.override_form {
                    f.reason = v;
                }
                Task::none()
            }
            Message::SupervisorChanged(v) => {
                if let Some(f) = &mut self.override_form {
                    f.supervisor = v;
                }
                Task::none()
            }
            Message::SupervisorPasswordChanged(v) => {
                if let Some(f) = &mut self.override_form {
                    f.password = v;
                }
                Task::none()
            }
            Message::OverrideSubmit => self.submit_override(),
            Message::OverrideCancel => {
                self.override_form = None;
                self.focus_scan()
            }
            Message::Overridden(Ok(mut scanned)) => {
                self.override_form = None;
                // The same badge as the refusal on screen: keep what its
                // credential said (category, zones).
                if let Some(refused) = &self.shown
                    && scanned.outcome.overrides.as_deref() == Some(refused.outcome.scan.as_str())
                {
                    scanned.outcome.badge = refused.outcome.badge.clone();
                }
                self.show(Ok(scanned));
                self.focus_scan()
            }
            Message::Overridden(Err(e)) => {
                if let Some(f) = &mut self.override_form {
                    f.busy = false;
                    f.password.clear();
                    f.error = Some(e);
                }
                Task::none()
            }
            Message::ExportToggled(id, on) => {
                if on {
                    self.export.chosen.insert(id);
                } else {
                    self.export.chosen.remove(&id);
                }
                Task::none()
            }
            Message::ExportSave => {
                if self.export.chosen.is_empty() || self.export.busy {
                    return (Task::none(), None);
                }
                let name = format!(
                    "{}-gate.accredit-gate",
                    self.info
                        .as_ref()
                        .map(|i| i.event.as_str())
                        .unwrap_or("event")
                );
                Task::perform(
                    rfd::AsyncFileDialog::new()
                        .set_title("Save the gate package")
                        .set_file_name(name)
                        .save_file(),
                    |file| Message::ExportPath(file.map(|f| f.path().to_path_buf())),
                )
            }
            Message::ExportPath(Some(path)) => self.export_to(path),
            Message::ExportPath(None) => Task::none(),
            Message::Exported(result) => {
                self.export.busy = false;
                self.export.done = Some(result);
                Task::none()
            }
        };
        (task, None)
    }

    fn sign_in(&mut self) -> Task<Message> {
        let Some(station) = self.station.clone() else {
            return Task::none();
        };
        if self.busy || self.operator.trim().is_empty() {
            return Task::none();
        }
        self.busy = true;
        self.error = None;
        let (name, password) = (self.operator.clone(), self.password.clone());
        let now = self.now;
        worker::spawn(
            move || station.lock().sign_in(&name, &password, now()),
            Message::SignedIn,
        )
    }

    fn start(&mut self) -> Task<Message> {
        let (Some(station), Some(actor)) = (self.station.clone(), self.actor.clone()) else {
            return Task::none();
        };
        if self.checkpoint.is_none() || self.busy {
            return Task::none();
        }
        self.busy = true;
        self.error = None;
        let name = self.station_name.clone();
        worker::spawn(
            move || {
                let recent = station.lock().recent(&actor, &name, RECENT as u32)?;
                Ok(recent
                    .into_iter()
                    .map(|r| RecentLine {
                        at: r.scan.at,
                        verdict: r.scan.verdict,
                        passed: r.scan.passed,
                        overridden: r.scan.overrides.is_some(),
                        name: r.name.unwrap_or_default(),
                    })
                    .collect())
            },
            Message::Started,
        )
    }

    fn submit(&mut self) -> Task<Message> {
        let text = std::mem::take(&mut self.input);
        if text.is_empty() || self.phase != Phase::Scanning {
            return self.focus_scan();
        }
        let (Some(station), Some(actor), Some(checkpoint)) =
            (self.station.clone(), self.actor.clone(), self.checkpoint)
        else {
            return Task::none();
        };
        self.submitted_at = Some(Instant::now());
        self.override_form = None;
        let direction = self.direction;
        let station_name = self.station_name.clone();
        let now = self.now;
        Task::batch([
            worker::spawn(
                move || {
                    let outcome = station.lock().scan(
                        &actor,
                        &ScanRequest {
                            text: &text,
                            checkpoint,
                            direction,
                            at: now(),
                            station: &station_name,
                        },
                    )?;
                    Ok(Box::new(Scanned::new(outcome)))
                },
                Message::Scanned,
            ),
            self.focus_scan(),
        ])
    }

    fn submit_override(&mut self) -> Task<Message> {
        let (Some(station), Some(officer), Some(shown)) =
            (self.station.clone(), self.actor.clone(), self.shown())
        else {
            return Task::none();
        };
        let refused = shown.scan.clone();
        let Some(form) = &mut self.override_form else {
            return Task::none();
        };
        if form.busy || form.reason.trim().is_empty() {
            return Task::none();
        }
        form.busy = true;
        form.error = None;
        let reason = form.reason.clone();
        let supervisor = (!officer.may(Permission::OverrideGate))
            .then(|| (form.supervisor.clone(), form.password.clone()));
        let station_name = self.station_name.clone();
        let clock = self.now;
        worker::spawn(
            move || {
                let mut station = station.lock();
                let now = clock();
                let authoriser = match supervisor {
                    Some((name, password)) => station.sign_in(&name, &password, now)?,
                    None => officer.clone(),
                };
                let outcome = station.override_refusal(
                    &officer,
                    &authoriser,
                    &refused,
                    &reason,
                    now,
                    &station_name,
                )?;
                Ok(Box::new(Scanned::new(outcome)))
            },
            Message::Overridden,
        )
    }

    fn export_to(&mut self, path: PathBuf) -> Task<Message> {
        let Source::Store { workspace, actor } = &self.source else {
            return Task::none();
        };
        let Some(info) = &self.info else {
            return Task::none();
        };
        let names: Vec<String> = info
            .checkpoints
            .iter()
            .filter(|c| self.export.chosen.contains(&c.id))
            .map(|c| c.name.clone())
            .collect();
        self.export.busy = true;
        self.export.done = None;
        let (ws, actor, now) = (workspace.clone(), actor.clone(), self.now);
        worker::spawn(
            move || {
                let mut conn = ws.open()?;
                package::export(&ws, &mut conn, &actor, &names, &path, now())
            },
            Message::Exported,
        )
    }

    fn show(&mut self, result: Outcome<Box<Scanned>>) {
        match result {
            Ok(scanned) => {
                let o = &scanned.outcome;
                self.recent.insert(
                    0,
                    RecentLine {
                        at: o.at,
                        verdict: o.verdict.as_str().to_owned(),
                        passed: o.passed,
                        overridden: o.overrides.is_some(),
                        name: o
                            .holder
                            .as_ref()
                            .map(|h| h.name.clone())
                            .unwrap_or_default(),
                    },
                );
                self.recent.truncate(RECENT);
                if let Some(info) = &mut self.info {
                    info.warnings = o.warnings.clone();
                }
                self.failure = None;
                self.shown = Some(*scanned);
            }
            Err(e) => {
                self.shown = None;
                self.failure = Some(e);
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let Some(info) = &self.info else {
            let content: Element<'_, Message> = match &self.error {
                Some(e) => column![text("The gate cannot start").size(26), style::error_text(e)]
                    .spacing(12)
                    .max_width(720)
                    .into(),
                None => text("Opening the gate…").size(20).into(),
            };
            return container(content).center(Fill).padding(24).into();
        };
        match self.phase {
            Phase::Setup => self.setup_view(info),
            Phase::Scanning => self.scanning_view(info),
        }
    }

    fn setup_view<'a>(&'a self, info: &'a StationInfo) -> Element<'a, Message> {
        let mut form = column![text("Gate").size(30)].spacing(14).max_width(640);
        if let Some(p) = &info.package {
            // Alone on a package, nothing else names the event.
            form = form
                .push(text(&info.event).size(16))
                .push(text(p).size(14).color(SLATE));
        }
        for w in &info.warnings {
            form = form.push(warning_strip(w));
        }
        if self.actor.is_none() {
            let submit = (!self.busy).then_some(Message::SignIn);
            form = form.push(text("Sign in to scan").size(20)).push(
                column![
                    text_input("Operator", &self.operator)
                        .id(OPERATOR_INPUT)
                        .on_input(Message::OperatorChanged)
                        .on_submit(Message::SignIn)
                        .padding(10),
                    text_input("Password", &self.password)
                        .secure(true)
                        .on_input(Message::PasswordChanged)
                        .on_submit(Message::SignIn)
                        .padding(10),
                    button(text("Sign in"))
                        .padding([10, 24])
                        .on_press_maybe(submit),
                ]
                .spacing(10),
            );
        } else {
            let choices: Vec<CheckpointChoice> = info
                .checkpoints
                .iter()
                .map(|c| CheckpointChoice {
                    id: c.id,
                    label: format!("{} (zone {})", c.name, c.zone),
                })
                .collect();
            let selected = choices
                .iter()
                .find(|c| Some(c.id) == self.checkpoint)
                .cloned();
            let mut directions = row![text("Direction").width(140)].spacing(24);
            if let Some(cp) = self.checkpoint_info() {
                for d in allowed_directions(cp) {
                    let label = match d {
                        Direction::Entry => "Entry",
                        Direction::Exit => "Exit",
                    };
                    directions = directions.push(radio(
                        label,
                        d,
                        Some(self.direction),
                        Message::DirectionPicked,
                    ));
                }
            }
            let start = (!self.busy && self.checkpoint.is_some()).then_some(Message::Start);
            form = form
                .push(
                    row![
                        text("Checkpoint").width(140),
                        pick_list(choices, selected, Message::CheckpointPicked).width(Fill),
                    ]
                    .align_y(Center),
                )
                .push(directions)
                .push(
                    row![
                        text("Station").width(140),
                        text_input("This gate's name", &self.station_name)
                            .on_input(Message::StationChanged)
                            .padding(8),
                    ]
                    .align_y(Center),
                )
                .push(
                    button(text("Start scanning").size(18))
                        .padding([12, 28])
                        .style(button::success)
                        .on_press_maybe(start),
                );
            if let Some(actor) = &self.actor {
                form = form.push(
                    text(format!("Signed in as {} ({})", actor.name, actor.role))
                        .size(13)
                        .color(SLATE),
                );
            }
        }
        if let Some(e) = &self.error {
            form = form.push(style::error_text(e));
        }
        if let (Source::Store { actor, .. }, false) = (&self.source, info.offline)
            && actor.may(Permission::ManageKeys)
        {
            form = form.push(self.export_view(info));
        }
        container(scrollable(container(form).padding(24).center_x(Fill)))
            .width(Fill)
            .height(Fill)
            .into()
    }

    fn export_view<'a>(&'a self, info: &'a StationInfo) -> Element<'a, Message> {
        let mut list = column![
            text("Offline gate package").size(20),
            text("For a gate laptop with no network: the checkpoints it serves, every active badge's holder with a small photo, the trust and revocation lists.")
                .size(13)
                .color(SLATE),
        ]
        .spacing(6);
        for c in &info.checkpoints {
            let id = c.id;
            list = list.push(
                checkbox(self.export.chosen.contains(&id))
                    .label(c.name.as_str())
                    .on_toggle(move |on| Message::ExportToggled(id, on)),
            );
        }
        let save =
            (!self.export.busy && !self.export.chosen.is_empty()).then_some(Message::ExportSave);
        list = list.push(
            button(text(if self.export.busy {
                "Writing the package…"
            } else {
                "Save gate package…"
            }))
            .padding([8, 18])
            .on_press_maybe(save),
        );
        match &self.export.done {
            Some(Ok(s)) => {
                list = list.push(
                    text(format!(
                        "Wrote {}: {} badge holders, {} photos, revocation list {}.",
                        s.file, s.holders, s.photos, s.revocation_sequence
                    ))
                    .size(13)
                    .color(GREEN),
                )
            }
            Some(Err(e)) => list = list.push(style::error_text(e)),
            None => {}
        }
        container(list)
            .padding(16)
            .width(Fill)
            .style(|theme: &Theme| container::Style {
                background: Some(Background::Color(
                    theme.extended_palette().background.weak.color,
                )),
                border: Border::default().rounded(6),
                ..container::Style::default()
            })
            .into()
    }

    fn scanning_view<'a>(&'a self, info: &'a StationInfo) -> Element<'a, Message> {
        let checkpoint = self.checkpoint_info();
        let place = match checkpoint {
            Some(cp) => format!(
                "{} · {}",
                cp.name,
                match self.direction {
                    Direction::Entry => "ENTRY",
                    Direction::Exit => "EXIT",
                }
            ),
            None => String::new(),
        };
        let who = match &self.actor {
            Some(a) => format!("{} · {}", self.station_name, a.name),
            None => self.station_name.clone(),
        };
        let scan_field = text_input("Scan a badge", &self.input)
            .id(SCAN_INPUT)
            .on_input(Message::InputChanged)
            .on_submit(Message::Submit)
            .padding(10)
            .size(18)
            .width(Fill);
        let top = container(
            column![
                row![
                    text(place).size(20).font(BOLD),
                    space::horizontal(),
                    text(who).size(14).color(SLATE),
                    button(text("Change checkpoint").size(13))
                        .style(button::secondary)
                        .on_press(Message::ChangeCheckpoint),
                ]
                .spacing(14)
                .align_y(Center),
                scan_field,
            ]
            .spacing(8),
        )
        .padding([10, 16])
        .style(style::chrome);
        let mut page = column![top];
        for w in &info.warnings {
            page = page.push(warning_strip(w));
        }
        page.push(
            row![self.verdict_view(info), self.recent_view()]
                .spacing(0)
                .height(Fill),
        )
        .into()
    }

    fn verdict_view<'a>(&'a self, info: &'a StationInfo) -> Element<'a, Message> {
        let (colour, content): (Color, Element<'a, Message>) = match (&self.shown, &self.failure) {
            (_, Some(e)) => (
                SLATE,
                column![
                    text("NOT CHECKED").size(64).font(BOLD).color(Color::WHITE),
                    text(format!("The scan could not be recorded: {e}"))
                        .size(24)
                        .color(Color::WHITE),
                    text("Scan the badge again.").size(24).color(Color::WHITE),
                ]
                .spacing(12)
                .into(),
            ),
            (Some(shown), None) => (
                verdict_colour(&shown.outcome),
                self.outcome_view(shown, info),
            ),
            (None, None) => (
                Color::from_rgb8(0xE4, 0xE7, 0xEB),
                column![
                    text("Ready").size(56).font(BOLD).color(SLATE),
                    text("Scan a badge: the verdict appears here.")
                        .size(22)
                        .color(SLATE),
                ]
                .spacing(10)
                .into(),
            ),
        };
        // Scrolls rather than cut anything off when a long name wraps.
        container(scrollable(content).height(Fill))
            .padding(20)
            .width(Fill)
            .height(Fill)
            .style(move |_: &Theme| container::Style {
                background: Some(Background::Color(colour)),
                ..container::Style::default()
            })
            .into()
    }

    fn outcome_view<'a>(
        &'a self,
        shown: &'a Scanned,
        info: &'a StationInfo,
    ) -> Element<'a, Message> {
        let o = &shown.outcome;
        let headline = if o.overrides.is_some() {
            "LET THROUGH"
        } else {
            o.verdict.headline()
        };
        // Refusals show their identifier (what the officer tells a
        // supervisor) and the way to override them.
        let mut top = row![
            text(headline).size(60).font(BOLD).color(Color::WHITE),
            space::horizontal(),
        ]
        .spacing(16)
        .align_y(Center);
        if !o.verdict.is_accepted() {
            top = top.push(text(o.verdict.as_str()).size(16).color(Color::WHITE));
        }
        if !o.passed && self.override_form.is_none() {
            top = top.push(
                button(text("Override…").size(16))
                    .padding([10, 22])
                    .style(button::secondary)
                    .on_press(Message::OverrideOpen),
            );
        }
        let mut page = column![
            top,
            text(&o.message).size(28).font(BOLD).color(Color::WHITE)
        ]
        .spacing(8);
        let form = self.override_form.as_ref().map(|f| self.override_view(f));
        if o.holder.is_some() || o.badge.is_some() {
            page = page.push(holder_card(shown, info, form));
        } else if let Some(form) = form {
            page = page.push(container(form).padding(16).max_width(480).style(card_style));
        }
        page.into()
    }

    fn override_view<'a>(&'a self, form: &'a OverrideForm) -> Element<'a, Message> {
        let needs_supervisor = !self
            .actor
            .as_ref()
            .is_some_and(|a| a.may(Permission::OverrideGate));
        let ready = !form.busy
            && !form.reason.trim().is_empty()
            && (!needs_supervisor || !form.supervisor.trim().is_empty());
        let mut fields = column![
            text("Let this person through").size(18).font(BOLD),
            text_input("Reason (required)", &form.reason)
                .id(REASON_INPUT)
                .on_input(Message::ReasonChanged)
                .on_submit(Message::OverrideSubmit)
                .padding(8),
        ]
        .spacing(8);
        if needs_supervisor {
            fields = fields
                .push(
                    text_input("Supervisor", &form.supervisor)
                        .on_input(Message::SupervisorChanged)
                        .padding(8),
                )
                .push(
                    text_input("Supervisor's password", &form.password)
                        .secure(true)
                        .on_input(Message::SupervisorPasswordChanged)
                        .on_submit(Message::OverrideSubmit)
                        .padding(8),
                );
        }
        fields = fields.push(
            row![
                button(text("Let through"))
                    .style(button::warning)
                    .padding([8, 18])
                    .on_press_maybe(ready.then_some(Message::OverrideSubmit)),
                button(text("Cancel"))
                    .style(button::secondary)
                    .padding([8, 18])
                    .on_press(Message::OverrideCancel),
            ]
            .spacing(10),
        );
        if let Some(e) = &form.error {
            fields = fields.push(style::error_text(e));
        }
        fields.into()
    }

    fn recent_view(&self) -> Element<'_, Message> {
        // The right padding keeps the scroll bar off the verdicts.
        let mut list = column![text("Recent scans").size(16).font(BOLD)]
            .spacing(6)
            .padding(iced::Padding::ZERO.right(14));
        if self.recent.is_empty() {
            list = list.push(text("None yet.").size(13).color(SLATE));
        }
        for line in &self.recent {
            let colour = if line.overridden {
                AMBER
            } else if line.passed {
                GREEN
            } else {
                RED
            };
            let time = self.local_time(line.at);
            let name = if line.name.is_empty() {
                "—".to_string()
            } else {
                line.name.clone()
            };
            list = list.push(
                column![
                    row![
                        text(time).size(13).color(SLATE),
                        text(&line.verdict).size(13).font(BOLD).color(colour),
                    ]
                    .spacing(8),
                    text(if line.overridden {
                        format!("{name} · let through")
                    } else {
                        name
                    })
                    .size(13),
                ]
                .spacing(1),
            );
        }
        container(scrollable(list).height(Fill))
            .padding(12)
            .width(260)
            .height(Fill)
            .style(style::chrome)
            .into()
    }

    fn local_time(&self, at: i64) -> String {
        match (&self.info, jiff::Timestamp::from_second(at)) {
            (Some(info), Ok(ts)) => ts
                .to_zoned_datetime(info.time_zone.clone())
                .strftime("%H:%M:%S")
                .to_string(),
            _ => at.to_string(),
        }
    }
}

/// Opens the station and reads what the screen shows of it.
fn open(source: Source, now: fn() -> i64) -> crate::Result<(StationHandle, StationInfo)> {
    let station = match &source {
        Source::Store { workspace, .. } => Station::open_store(workspace.open()?, now())?,
        Source::Package(path) => Station::open_package(path)?,
    };
    let package = match station.package() {
        Some(p) => Some(format!(
            "Offline gate package {} — {} badge holders, made {} by {}",
            p.path().display(),
            p.holder_count()?,
            station.event().local_time(p.created_at),
            p.created_by
        )),
        None => None,
    };
    if station.checkpoints().is_empty() {
        return Err(Error::Refused(
            "the event has no checkpoint yet: add checkpoints in the event's settings".into(),
        ));
    }
    let info = StationInfo {
        event: station.event().name.clone(),
        offline: station.is_offline(),
        package,
        checkpoints: station.checkpoints().to_vec(),
        zones: station.zones().to_vec(),
        warnings: station.warnings(now()),
        time_zone: station.event().tz(),
    };
    Ok((StationHandle(Arc::new(Mutex::new(station))), info))
}

fn allowed_directions(cp: &Checkpoint) -> Vec<Direction> {
    [Direction::Entry, Direction::Exit]
        .into_iter()
        .filter(|d| cp.directions.allows(*d))
        .collect()
}

fn verdict_colour(o: &ScanOutcome) -> Color {
    if o.overrides.is_some() {
        AMBER
    } else if o.verdict == GateVerdict::ACCEPTED {
        GREEN
    } else {
        RED
    }
}

fn warning_strip<'a>(message: &'a str) -> Element<'a, Message> {
    container(text(message).size(14).color(Color::BLACK))
        .padding([6, 16])
        .width(Fill)
        .style(|_: &Theme| container::Style {
            background: Some(Background::Color(Color::from_rgb8(0xFF, 0xD5, 0x4F))),
            ..container::Style::default()
        })
        .into()
}

/// The holder as the officer compares them with the face: photo large,
/// name, delegation, category in its colour, zones; or, while the officer
/// fills in an override, the form beside the photo.
fn holder_card<'a>(
    shown: &'a Scanned,
    info: &'a StationInfo,
    form: Option<Element<'a, Message>>,
) -> Element<'a, Message> {
    let o = &shown.outcome;
    let photo: Element<'a, Message> = match &shown.photo {
        Some(handle) => image(handle.clone())
            .width(PHOTO_WIDTH)
            .height(PHOTO_HEIGHT)
            .into(),
        None => container(text("No photo").size(18).color(SLATE))
            .center_x(PHOTO_WIDTH)
            .center_y(PHOTO_HEIGHT)
            .style(|_: &Theme| container::Style {
                background: Some(Background::Color(Color::from_rgb8(0xE4, 0xE7, 0xEB))),
                ..container::Style::default()
            })
            .into(),
    };
    let mut details = column![].spacing(10).width(Fill);
    match &o.holder {
        Some(h) => {
            details = details
                .push(text(&h.name).size(38).font(BOLD))
                .push(text(format!("{} — {}", h.delegation, h.delegation_name)).size(20));
        }
        None => {
            details = details.push(text("Holder not known to this gate").size(28).font(BOLD));
        }
    }
    if !o.override_reason.is_empty() {
        details = details.push(
            text(format!(
                "Reason: {} (authorised by {})",
                o.override_reason, o.override_by
            ))
            .size(18),
        );
    }
    if let Some(b) = &o.badge {
        let colour = b
            .colour
            .unwrap_or(crate::domain::Colour::new(0x6E, 0x73, 0x78));
        let fg = if colour.prefers_dark_text() {
            Color::BLACK
        } else {
            Color::WHITE
        };
        let label = if b.category_name.is_empty() {
            b.category.clone()
        } else {
            format!("{}  {}", b.category, b.category_name)
        };
        details = details.push(
            container(text(label).size(24).font(BOLD).color(fg))
                .padding([8, 18])
                .style(move |_: &Theme| container::Style {
                    background: Some(Background::Color(style::colour(colour))),
                    border: Border::default().rounded(6),
                    ..container::Style::default()
                }),
        );
        let zones = row(b.zones.iter().map(|n| zone_chip(n, info, n == o.zone)))
            .spacing(6)
            .wrap()
            .vertical_spacing(6);
        details = details
            .push(text("Zones").size(14).color(SLATE))
            .push(zones)
            .push(text(format!("Badge {}", b.serial)).size(13).color(SLATE));
    }
    let card = match form {
        // The officer has seen the details: the form takes their place.
        Some(form) => {
            let name = o.holder.as_ref().map(|h| h.name.as_str()).unwrap_or("");
            row![
                photo,
                column![text(name).size(30).font(BOLD), form]
                    .spacing(12)
                    .width(Fill)
            ]
        }
        None => row![photo, details],
    }
    .spacing(24);
    container(card)
        .padding(18)
        .max_width(1100)
        .style(card_style)
        .into()
}

/// A zone the badge opens; the checkpoint's own in bold and outlined.
fn zone_chip<'a>(number: u8, info: &'a StationInfo, here: bool) -> Element<'a, Message> {
    let name = info
        .zones
        .iter()
        .find(|z| z.number == number)
        .map(|z| z.name.as_str())
        .unwrap_or("");
    container(text(format!("{number}  {name}")).size(16).font(if here {
        BOLD
    } else {
        Font::DEFAULT
    }))
    .padding([4, 10])
    .style(move |_: &Theme| container::Style {
        background: Some(Background::Color(Color::from_rgb8(0xEE, 0xF0, 0xF3))),
        border: Border {
            color: if here {
                Color::BLACK
            } else {
                Color::TRANSPARENT
            },
            width: if here { 2.0 } else { 0.0 },
            radius: 12.0.into(),
        },
        ..container::Style::default()
    })
    .into()
}

fn card_style(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        text_color: Some(Color::from_rgb8(0x11, 0x11, 0x11)),
        border: Border::default().rounded(10),
        ..container::Style::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BadgeStatus, Role};
    use iced_test::selector;

    /// 25 October 2025, 09:00 in Hanoi: during the demo event.
    const DURING: i64 = 1_761_357_600;
    const NORTH_EXIT: &str = "Plenary hall – North exit";

    fn during() -> i64 {
        DURING
    }

    fn after_the_event() -> i64 {
        1_761_700_000
    }

    /// Runs a task to the end and returns the messages it produced.
    fn run(task: Task<Message>) -> Vec<Message> {
        use iced_test::futures::futures::{StreamExt, executor::block_on};
        match iced_test::runtime::task::into_stream(task) {
            Some(stream) => block_on(stream.collect::<Vec<_>>())
                .into_iter()
                .filter_map(|action| match action {
                    iced_test::runtime::Action::Output(message) => Some(message),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        }
    }

    /// Updates the state with `messages` and with everything their tasks produce.
    fn feed(state: &mut State, messages: impl IntoIterator<Item = Message>) {
        for message in messages {
            let (task, _) = state.update(message);
            let more = run(task);
            feed(state, more);
        }
    }

    struct Demo {
        _dir: tempfile::TempDir,
        ws: Workspace,
    }

    fn demo() -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().join("data"));
        crate::demo::create(&ws, 200, false).unwrap();
        Demo { _dir: dir, ws }
    }

    fn officer() -> Actor {
        Actor {
            operator: None,
            name: "gate".into(),
            role: Role::Gate,
        }
    }

    fn credential(demo: &Demo, zone: u8, without: Option<u8>) -> (String, i64) {
        store::badges::list(&demo.ws.open().unwrap())
            .unwrap()
            .into_iter()
            .find(|b| {
                b.status == BadgeStatus::Active
                    && b.zones.contains(zone)
                    && without.is_none_or(|w| !b.zones.contains(w))
            })
            .map(|b| (b.credential, b.participant))
            .unwrap()
    }

    /// The gate screen on the demo store, scanning at the main entrance.
    fn scanning(demo: &Demo, now: fn() -> i64) -> State {
        let (mut state, task) = State::new_at(
            Source::Store {
                workspace: demo.ws.clone(),
                actor: officer(),
            },
            now,
        );
        feed(&mut state, run(task));
        assert!(!state.is_scanning());
        interact(&mut state, |ui| {
            ui.click("Start scanning").unwrap();
        });
        assert!(state.is_scanning());
        state
    }

    /// A scanner typing `text` then Enter into the scan field.
    fn scan(state: &mut State, text: &str) -> ScanOutcome {
        let messages: Vec<Message> = {
            let mut ui = iced_test::simulator(state.view());
            ui.click(selector::id(SCAN_INPUT)).unwrap();
            ui.typewrite(text);
            ui.tap_key(Key::Named(Named::Enter));
            ui.into_messages().collect()
        };
        assert!(matches!(messages.last(), Some(Message::Submit)));
        feed(state, messages);
        state.shown().expect("a verdict on screen").clone()
    }

    /// Interacts with the screen as drawn now, then updates it with what
    /// the interaction produced.
    fn interact(state: &mut State, act: impl FnOnce(&mut iced_test::Simulator<'_, Message>)) {
        let messages: Vec<Message> = {
            let mut ui = iced_test::simulator(state.view());
            act(&mut ui);
            ui.into_messages().collect()
        };
        feed(state, messages);
    }

    fn shows(state: &State, text: &str) -> bool {
        let mut ui = iced_test::simulator(state.view());
        ui.find(text).is_ok()
    }

    use crate::store;

    #[test]
    fn scans_show_their_verdict_full_window() {
        let demo = demo();
        let mut state = scanning(&demo, during);
        assert!(shows(&state, "Ready"));
        let (member, participant) = credential(&demo, 1, None);

        let accepted = scan(&mut state, &member);
        assert_eq!(accepted.verdict.as_str(), "ACCEPTED");
        assert_eq!(accepted.participant, Some(participant));
        assert!(shows(&state, "ACCEPTED"));
        assert!(shows(&state, "Entry to Zone 1 — Plenary hall"));
        let name = accepted.holder.as_ref().unwrap().name.clone();
        assert!(shows(&state, &name));
        assert!(shows(&state, "1  Plenary hall"), "the zones, by name");
        assert!(state.shown.as_ref().unwrap().photo.is_some(), "the photo");
        assert!(!shows(&state, "Override…"), "nothing to override");

        let again = scan(&mut state, &member);
        assert_eq!(again.verdict.as_str(), "ALREADY_INSIDE");
        assert!(shows(&state, "REFUSED"));
        assert!(shows(&state, "Already inside since 09:00"));
        assert!(shows(&state, "Override…"));

        let (media, _) = credential(&demo, 6, Some(1));
        assert_eq!(scan(&mut state, &media).verdict.as_str(), "ZONE_DENIED");
        assert!(shows(&state, "No access to Zone 1 — Plenary hall"));

        let mut forged = member.clone();
        let last = forged.pop().unwrap();
        forged.push(if last == '0' { '1' } else { '0' });
        let refused = scan(&mut state, &forged);
        assert!(!refused.passed && refused.holder.is_none());
        assert!(shows(&state, "REFUSED"));

        // Every scan is in the recent list, newest first.
        let recent: Vec<&str> = state.recent().iter().map(|r| r.verdict.as_str()).collect();
        assert_eq!(recent[1..], ["ZONE_DENIED", "ALREADY_INSIDE", "ACCEPTED"]);
        assert!(shows(&state, &name));
    }

    #[test]
    fn exit_then_entry_again_and_revoked_and_expired() {
        let demo = demo();
        let mut state = scanning(&demo, during);
        let (member, participant) = credential(&demo, 1, None);
        assert_eq!(scan(&mut state, &member).verdict.as_str(), "ACCEPTED");

        // To the exit: back to the setup, the exit-only checkpoint.
        interact(&mut state, |ui| {
            ui.click("Change checkpoint").unwrap();
        });
        assert!(!state.is_scanning());
        let exit = state
            .info
            .as_ref()
            .unwrap()
            .checkpoints
            .iter()
            .find(|c| c.name == NORTH_EXIT)
            .unwrap()
            .clone();
        feed(
            &mut state,
            [Message::CheckpointPicked(CheckpointChoice {
                id: exit.id,
                label: exit.name.clone(),
            })],
        );
        assert_eq!(state.direction, Direction::Exit, "an exit-only checkpoint");
        interact(&mut state, |ui| {
            ui.click("Start scanning").unwrap();
        });
        let out = scan(&mut state, &member);
        assert_eq!(out.verdict.as_str(), "ACCEPTED");
        assert!(shows(&state, "Leaving Zone 1 — Plenary hall"));

        // Revoked: the desk reprints the badge.
        let pdf = demo.ws.data_dir().join("reprint.pdf");
        crate::desk::printing::reprint(
            &demo.ws,
            &mut demo.ws.open().unwrap(),
            &Actor::system(),
            participant,
            crate::desk::badges::ReprintReason::Lost,
            crate::domain::Layout::A6,
            &pdf,
        )
        .unwrap();
        assert_eq!(scan(&mut state, &member).verdict.as_str(), "REVOKED");
        assert!(shows(&state, "Badge revoked"));

        let mut late = scanning(&demo, after_the_event);
        let (other, _) = credential(&demo, 1, None);
        assert_eq!(scan(&mut late, &other).verdict.as_str(), "EXPIRED");
        assert!(shows(&late, "Badge expired on 27 Oct 2025 00:00"));
    }

    #[test]
    fn a_refusal_is_overridden_with_a_reason_and_a_supervisor() {
        let demo = demo();
        let mut state = scanning(&demo, during);
        let (media, _) = credential(&demo, 6, Some(1));
        let refused = scan(&mut state, &media);
        assert_eq!(refused.verdict.as_str(), "ZONE_DENIED");

        interact(&mut state, |ui| {
            ui.click("Override…").unwrap();
        });
        assert!(shows(&state, "Let this person through"));
        // Without a reason, nothing can be submitted.
        feed(&mut state, [Message::OverrideSubmit]);
        assert!(state.shown().is_some_and(|o| !o.passed));

        interact(&mut state, |ui| {
            ui.click(selector::id(REASON_INPUT)).unwrap();
            ui.typewrite("Pool camera crew, escorted");
            ui.click("Supervisor").unwrap();
            ui.typewrite("supervisor");
            ui.click("Supervisor's password").unwrap();
            ui.typewrite("demo-supervisor");
        });
        interact(&mut state, |ui| {
            ui.click("Let through").unwrap();
        });

        let through = state.shown().unwrap();
        assert!(through.passed);
        assert_eq!(through.override_by, "supervisor");
        assert_eq!(through.override_reason, "Pool camera crew, escorted");
        assert_eq!(through.overrides.as_deref(), Some(refused.scan.as_str()));
        assert!(shows(&state, "LET THROUGH"));
        assert!(state.override_form.is_none());
        assert!(state.recent()[0].overridden);
        let stored = store::scans::get(&demo.ws.open().unwrap(), &through.scan)
            .unwrap()
            .unwrap();
        assert!(stored.passed && stored.override_by == "supervisor");
    }

    #[test]
    fn a_wrong_supervisor_password_lets_nobody_through() {
        let demo = demo();
        let mut state = scanning(&demo, during);
        let (media, _) = credential(&demo, 6, Some(1));
        scan(&mut state, &media);
        feed(
            &mut state,
            [
                Message::OverrideOpen,
                Message::ReasonChanged("Looks fine".into()),
                Message::SupervisorChanged("supervisor".into()),
                Message::SupervisorPasswordChanged("guess".into()),
                Message::OverrideSubmit,
            ],
        );
        assert!(state.shown().is_some_and(|o| !o.passed));
        assert!(shows(&state, "unknown operator or wrong password"));
    }

    #[test]
    fn keys_typed_while_the_field_lost_focus_still_scan() {
        let demo = demo();
        let mut state = scanning(&demo, during);
        let (member, _) = credential(&demo, 1, None);
        let (head, tail) = member.split_at(10);
        feed(
            &mut state,
            [
                Message::Typed(head.into()),
                Message::Typed(tail.into()),
                Message::EnterPressed,
            ],
        );
        assert_eq!(state.shown().unwrap().verdict.as_str(), "ACCEPTED");
        assert!(
            state.input.is_empty(),
            "the field is ready for the next badge"
        );
        // While an override is being typed, keys belong to the form.
        assert_eq!(scan(&mut state, &member).verdict.as_str(), "ALREADY_INSIDE");
        feed(
            &mut state,
            [Message::OverrideOpen, Message::Typed("x".into())],
        );
        assert!(state.override_form.is_some());
        assert!(state.input.is_empty());
    }

    #[test]
    fn an_offline_gate_signs_in_and_scans_from_the_package() {
        let demo = demo();
        let path = demo.ws.data_dir().join("main.gate");
        crate::gate::package::export(
            &demo.ws,
            &mut demo.ws.open().unwrap(),
            &Actor::system(),
            &["Main entrance (Thăng Long Boulevard) – Plenary hall".into()],
            &path,
            DURING,
        )
        .unwrap();
        let (member, _) = credential(&demo, 1, None);
        let (mut state, task) = State::new_at(Source::Package(path), during);
        feed(&mut state, run(task));
        assert!(shows(&state, "Sign in to scan"));
        interact(&mut state, |ui| {
            ui.click(selector::id(OPERATOR_INPUT)).unwrap();
            ui.typewrite("gate");
            ui.click("Password").unwrap();
            ui.typewrite("demo-gate");
            ui.tap_key(Key::Named(Named::Enter));
        });
        assert_eq!(state.actor.as_ref().map(|a| a.name.as_str()), Some("gate"));
        interact(&mut state, |ui| {
            ui.click("Start scanning").unwrap();
        });
        let accepted = scan(&mut state, &member);
        assert_eq!(accepted.verdict.as_str(), "ACCEPTED");
        assert!(state.shown.as_ref().unwrap().photo.is_some());
    }

    #[test]
    fn an_administrator_saves_a_gate_package_from_the_screen() {
        let demo = demo();
        let (mut state, task) = State::new_at(
            Source::Store {
                workspace: demo.ws.clone(),
                actor: Actor::system(),
            },
            during,
        );
        feed(&mut state, run(task));
        assert!(shows(&state, "Offline gate package"));
        let main = state.info.as_ref().unwrap().checkpoints[0].clone();
        interact(&mut state, |ui| {
            ui.click(main.name.as_str()).unwrap();
        });
        assert!(state.export.chosen.contains(&main.id));
        // The file dialog answers with a path.
        let path = demo.ws.data_dir().join("lane.gate");
        feed(&mut state, [Message::ExportPath(Some(path.clone()))]);
        let summary = state.export.done.clone().unwrap().unwrap();
        assert_eq!(summary.checkpoints, std::slice::from_ref(&main.name));
        assert!(shows(
            &state,
            &format!(
                "Wrote {}: {} badge holders, {} photos, revocation list {}.",
                summary.file, summary.holders, summary.photos, summary.revocation_sequence
            )
        ));
        assert!(Station::open_package(&path).is_ok());
        // A gate officer is not offered it.
        let (mut officer_view, task) = State::new_at(
            Source::Store {
                workspace: demo.ws.clone(),
                actor: officer(),
            },
            during,
        );
        feed(&mut officer_view, run(task));
        assert!(!shows(&officer_view, "Offline gate package"));
    }
}
