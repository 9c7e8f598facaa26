//! The gate screen: choose the checkpoint and direction, then scan. A USB
//! scanner types the QR text and Enter into the scan field, which keeps the
//! focus; each scan fills the window with its verdict (green ACCEPTED, red
//! for every refusal) and the holder's photo, name, delegation, category and
//! zones, until the next scan. A refusal can be overridden with a reason and
//! a supervisor's authorisation. Runs on the main store (the Gate tab) or on
//! an offline gate package alone (`accredit gate --package FILE`).

mod export;
mod scans;
#[cfg(test)]
mod tests;
mod view;
mod words;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use iced::keyboard::{self, Key, key::Named};
use iced::widget::{image, operation};
use iced::{Subscription, Task};

use crate::gui::worker::{self, JobError, Outcome};
use accredit::auth::{Actor, Permission};
use accredit::clock;
use accredit::domain::{Checkpoint, CheckpointId, Direction, Zone};
use accredit::gate::enrolment::{self, Enrolment};
use accredit::gate::package::PackageSummary;
use accredit::gate::{self, GateVerdict, ScanOutcome, ScanRequest, Station};
use accredit::i18n::Language;
use accredit::workspace::Workspace;
use export::ExportForm;
use scans::{ScansDone, ScansForm};

/// The scan field: it has the focus whenever the officer is not typing an
/// override.
pub const SCAN_INPUT: &str = "gate-scan";
const REASON_INPUT: &str = "gate-override-reason";
const OPERATOR_INPUT: &str = "gate-operator";
/// How many scans the recent list keeps.
const RECENT: usize = 40;

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
    /// An offline gate package, opened against the enrolment in the
    /// laptop's data directory; operators sign in on this screen.
    Package { path: PathBuf, data_dir: PathBuf },
}

/// Enrolling the laptop from the gate screen, when it is not enrolled: with
/// the fingerprint of the package's root read off the desk's screen, or
/// with the root public key.
#[derive(Debug, Default)]
struct EnrolForm {
    fingerprint: String,
    root: String,
    station: String,
    busy: bool,
    error: Option<JobError>,
}

/// An offline gate's package, as the setup page names it.
#[derive(Debug, Clone)]
pub struct PackageLine {
    pub path: String,
    pub holders: u64,
    /// When it was made, in the event's time zone.
    pub made: String,
    pub made_by: String,
}

/// What the officer should know beyond one scan, shown above the verdicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// An offline gate's revocation list is older than the event allows.
    OldRevocations { minutes: i64 },
    /// A warning of the core this screen has no words of its own for.
    Other(String),
}

/// The gate's warnings now: the core's (`Station::warnings`), in words
/// the screen translates.
fn warnings_of(station: &Station, now: i64) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if let Some(p) = station.package() {
        let max_age = u64::from(station.event().revocation_max_age_minutes) * 60;
        if p.revocations.is_older_than(max_age, now) {
            let issued = i64::try_from(p.revocations.issued_at).unwrap_or(i64::MAX);
            warnings.push(Warning::OldRevocations {
                minutes: (now - issued).max(0) / 60,
            });
        }
    }
    let core = station.warnings(now);
    let known = warnings.len();
    warnings.extend(core.into_iter().skip(known).map(Warning::Other));
    warnings
}

/// What the screen knows of its station once opened.
#[derive(Debug, Clone)]
pub struct StationInfo {
    pub event: String,
    pub offline: bool,
    /// For a package: its file, when it was made and by whom, holders.
    pub package: Option<PackageLine>,
    pub checkpoints: Vec<Checkpoint>,
    pub zones: Vec<Zone>,
    pub warnings: Vec<Warning>,
    /// The event's time zone, for the times of the recent list.
    pub time_zone: jiff::tz::TimeZone,
    /// On the store: the fingerprint of the event's root, which gate
    /// laptops are enrolled with (read off this screen).
    pub root_fingerprint: Option<String>,
}

/// A scan's outcome with its photo decoded (off the UI thread), and the
/// gate's warnings as it was made.
#[derive(Debug, Clone)]
pub struct Scanned {
    pub outcome: ScanOutcome,
    photo: Option<image::Handle>,
    warnings: Vec<Warning>,
}

impl Scanned {
    fn new(outcome: ScanOutcome, station: &Station) -> Scanned {
        let warnings = warnings_of(station, outcome.at);
        let photo = outcome
            .holder
            .as_ref()
            .and_then(|h| h.photo.as_ref())
            .and_then(|jpeg| ::image::load_from_memory(jpeg).ok())
            .map(|decoded| {
                let rgba = decoded.to_rgba8();
                image::Handle::from_rgba(rgba.width(), rgba.height(), rgba.into_raw())
            });
        Scanned {
            outcome,
            photo,
            warnings,
        }
    }
}

/// One line of the recent list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentLine {
    pub at: i64,
    pub verdict: GateVerdict,
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

/// The second language of the verdicts, as the setup page offers it: none,
/// or one of the application's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecondLanguage(pub Option<Language>);

impl SecondLanguage {
    /// None first, then every language in the picker's order.
    fn all() -> Vec<SecondLanguage> {
        std::iter::once(SecondLanguage(None))
            .chain(Language::ALL.into_iter().map(|l| SecondLanguage(Some(l))))
            .collect()
    }
}

impl std::fmt::Display for SecondLanguage {
    /// A language in itself ("Tiếng Việt"), "none" in the interface's.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(language) => f.write_str(language.native_name()),
            None => f.write_str(&accredit::t!("gate-second-language-none")),
        }
    }
}

/// What keeps the gate from opening or going on, kept until the view
/// words it.
#[derive(Debug)]
enum Problem {
    /// The station serves no checkpoint.
    NoCheckpoint,
    Failed(JobError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::NoCheckpoint => f.write_str(&accredit::t!("gate-no-checkpoint")),
            Problem::Failed(e) => e.fmt(f),
        }
    }
}

#[derive(Debug, Default)]
struct OverrideForm {
    reason: String,
    supervisor: String,
    password: String,
    busy: bool,
    error: Option<JobError>,
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
    /// The verdicts are also shown in this language, under the interface's.
    /// Kept, as the checkpoint and direction are, for as long as the screen
    /// lives (the desk keeps it open through the session).
    second_language: Option<Language>,
    export: ExportForm,
    scans: ScansForm,
    // Scanning.
    input: String,
    shown: Option<Scanned>,
    failure: Option<JobError>,
    recent: Vec<RecentLine>,
    override_form: Option<OverrideForm>,
    submitted_at: Option<Instant>,
    busy: bool,
    error: Option<Problem>,
    /// Shown when the laptop is not enrolled as a gate.
    enrol: Option<EnrolForm>,
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
    SecondLanguagePicked(SecondLanguage),
    /// The second language this machine's station was set to before.
    SecondLanguageLoaded(Outcome<Option<Language>>),
    SecondLanguageKept(Outcome<()>),
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
    EnrolFingerprintChanged(String),
    EnrolRootChanged(String),
    EnrolStationChanged(String),
    Enrol,
    Enrolled(Outcome<()>),
    ExportToggled(CheckpointId, bool),
    ExportSave,
    ExportPath(Option<PathBuf>),
    Exported(Outcome<PackageSummary>),
    ScansPick,
    ScansPath(Option<PathBuf>),
    ScansDone(Outcome<ScansDone>),
}

/// What the gate tells the rest of the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Scans were recorded: one made or overridden here, or an offline
    /// gate's file brought into the store. Figures that count them are out
    /// of date.
    ScansRecorded,
}

impl State {
    /// The screen on `source`; the returned task opens the station.
    pub fn new(source: Source) -> (State, Task<Message>) {
        State::new_at(source, clock::now)
    }

    /// The same, with `now` telling the time.
    pub fn new_at(source: Source, now: fn() -> i64) -> (State, Task<Message>) {
        let actor = match &source {
            Source::Store { actor, .. } => Some(actor.clone()),
            Source::Package { .. } => None,
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
            second_language: None,
            export: ExportForm::default(),
            scans: ScansForm::default(),
            input: String::new(),
            shown: None,
            failure: None,
            recent: Vec::new(),
            override_form: None,
            submitted_at: None,
            busy: true,
            error: None,
            enrol: None,
            source: source.clone(),
            now,
        };
        let dir = state.data_dir();
        let task = Task::batch([
            worker::spawn(move || open(source, now), Message::Opened),
            worker::spawn(
                move || gate::verdict_languages::second_language(&dir),
                Message::SecondLanguageLoaded,
            ),
        ]);
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

    #[cfg(test)]
    pub fn recent(&self) -> &[RecentLine] {
        &self.recent
    }

    /// The language the verdicts are also shown in, if any.
    /// This machine's data directory, where its station's settings live.
    fn data_dir(&self) -> PathBuf {
        match &self.source {
            Source::Store { workspace, .. } => workspace.data_dir().to_path_buf(),
            Source::Package { data_dir, .. } => data_dir.clone(),
        }
    }

    #[cfg(test)]
    pub fn second_language(&self) -> Option<Language> {
        self.second_language
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
        let event = match &message {
            Message::Scanned(Ok(_))
            | Message::Overridden(Ok(_))
            | Message::ScansDone(Ok(ScansDone::Imported(_))) => Some(Event::ScansRecorded),
            _ => None,
        };
        let task = match message {
            Message::Opened(Ok((_, info))) if info.checkpoints.is_empty() => {
                self.busy = false;
                self.error = Some(Problem::NoCheckpoint);
                Task::none()
            }
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
                self.error = Some(Problem::Failed(e));
                if let Source::Package { data_dir, .. } = &self.source
                    && !Enrolment::exists(data_dir)
                {
                    self.enrol = Some(EnrolForm {
                        station: gate::default_station_name(),
                        ..EnrolForm::default()
                    });
                }
                Task::none()
            }
            Message::EnrolFingerprintChanged(v) => {
                if let Some(f) = &mut self.enrol {
                    f.fingerprint = v;
                }
                Task::none()
            }
            Message::EnrolRootChanged(v) => {
                if let Some(f) = &mut self.enrol {
                    f.root = v;
                }
                Task::none()
            }
            Message::EnrolStationChanged(v) => {
                if let Some(f) = &mut self.enrol {
                    f.station = v;
                }
                Task::none()
            }
            Message::Enrol => self.enrol(),
            Message::Enrolled(Ok(())) => {
                self.enrol = None;
                self.error = None;
                self.busy = true;
                let (source, now) = (self.source.clone(), self.now);
                worker::spawn(move || open(source, now), Message::Opened)
            }
            Message::Enrolled(Err(e)) => {
                if let Some(f) = &mut self.enrol {
                    f.busy = false;
                    f.error = Some(e);
                }
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
                    Err(e) => self.error = Some(Problem::Failed(e)),
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
            Message::SecondLanguagePicked(SecondLanguage(language)) => {
                self.second_language = language;
                let dir = self.data_dir();
                worker::spawn(
                    move || gate::verdict_languages::set_second_language(&dir, language),
                    Message::SecondLanguageKept,
                )
            }
            Message::SecondLanguageLoaded(Ok(language)) => {
                self.second_language = language;
                Task::none()
            }
            // Not kept or not read: the door still works, in one language
            // until it is set again; the officer is told.
            Message::SecondLanguageLoaded(Err(e)) | Message::SecondLanguageKept(Err(e)) => {
                self.error = Some(Problem::Failed(e));
                Task::none()
            }
            Message::SecondLanguageKept(Ok(())) => Task::none(),
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
                    Err(e) => self.error = Some(Problem::Failed(e)),
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
            Message::ExportSave => self.export_save(),
            Message::ExportPath(Some(path)) => self.export_to(path),
            Message::ExportPath(None) => Task::none(),
            Message::Exported(result) => {
                self.export.busy = false;
                self.export.done = Some(result);
                Task::none()
            }
            Message::ScansPick => self.scans_pick(),
            Message::ScansPath(Some(path)) => self.scans_transfer(path),
            Message::ScansPath(None) => Task::none(),
            Message::ScansDone(result) => {
                self.scans.busy = false;
                self.scans.done = Some(result);
                Task::none()
            }
        };
        (task, event)
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
                    let mut station = station.lock();
                    let outcome = station.scan(
                        &actor,
                        &ScanRequest {
                            text: &text,
                            checkpoint,
                            direction,
                            at: now(),
                            station: &station_name,
                        },
                    )?;
                    Ok(Box::new(Scanned::new(outcome, &station)))
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
                Ok(Box::new(Scanned::new(outcome, &station)))
            },
            Message::Overridden,
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
                        verdict: o.verdict,
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
                    info.warnings = scanned.warnings.clone();
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
}

impl State {
    /// Enrols the laptop with the typed root key, or with the root of the
    /// package being opened if its fingerprint is the one typed.
    fn enrol(&mut self) -> Task<Message> {
        let (Some(form), Source::Package { path, data_dir }) = (&mut self.enrol, &self.source)
        else {
            return Task::none();
        };
        if form.busy {
            return Task::none();
        }
        form.busy = true;
        form.error = None;
        let (path, data_dir) = (path.clone(), data_dir.clone());
        let (root, fingerprint, station) = (
            form.root.trim().to_owned(),
            form.fingerprint.trim().to_owned(),
            form.station.clone(),
        );
        let now = self.now;
        worker::spawn(
            move || {
                if !root.is_empty() {
                    enrolment::enrol_with_root(&data_dir, &root, &station, false, now())?;
                } else {
                    enrolment::enrol_from_package(
                        &data_dir,
                        &path,
                        &fingerprint,
                        &station,
                        false,
                        now(),
                    )?;
                }
                Ok(())
            },
            Message::Enrolled,
        )
    }
}

/// Opens the station and reads what the screen shows of it.
fn open(source: Source, now: fn() -> i64) -> accredit::Result<(StationHandle, StationInfo)> {
    let (station, root_fingerprint) = match &source {
        Source::Store { workspace, .. } => {
            let conn = workspace.open()?;
            let fingerprint = accredit::signing::root_info(&conn)?.fingerprint;
            (Station::open_store(conn)?, Some(fingerprint))
        }
        Source::Package { path, data_dir } => {
            let mut enrolment = Enrolment::load(data_dir)?;
            (Station::open_package(path, &mut enrolment)?, None)
        }
    };
    let package = match station.package() {
        Some(p) => Some(PackageLine {
            path: p.path().display().to_string(),
            holders: p.holder_count()?,
            made: station.event().local_time(p.created_at),
            made_by: p.created_by.clone(),
        }),
        None => None,
    };
    // An event with no checkpoint yet: the screen says so (`update`).
    let info = StationInfo {
        event: station.event().name.clone(),
        offline: station.is_offline(),
        package,
        checkpoints: station.checkpoints().to_vec(),
        zones: station.zones().to_vec(),
        warnings: warnings_of(&station, now()),
        time_zone: station.event().tz(),
        root_fingerprint,
    };
    Ok((StationHandle(Arc::new(Mutex::new(station))), info))
}

fn allowed_directions(cp: &Checkpoint) -> Vec<Direction> {
    [Direction::Entry, Direction::Exit]
        .into_iter()
        .filter(|d| cp.directions.allows(*d))
        .collect()
}
