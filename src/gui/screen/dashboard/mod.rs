//! The organisers' dashboard: the accreditation pipeline, states and
//! organisations represented, categories, zones, the arrivals chart, sessions
//! and delegations, all as of one instant and kept current by themselves.
//!
//! Every few seconds a worker reads the store's fingerprint (three index
//! look-ups); when scans arrive, are imported, or anything audited changes,
//! the figures are recomputed off the UI thread and swapped in whole. Every
//! number is a button: it lists the people behind it.

mod chart;
mod people;
#[cfg(test)]
mod tests;
mod view;

use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::Task;

use crate::gui::Session;
use crate::gui::screen::participants::Choice;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::attendance::{self, Attendance, Fingerprint, PersonRow, Selector};
use accredit::clock;
use accredit::report::{self, Destination, ExportSummary, Format, Request, Scope};

pub use chart::Mode as ChartMode;

/// How often the store is checked for new scans and changes.
pub const POLL: Duration = Duration::from_secs(3);
/// Figures are recomputed at least this often, so "as of" stays current.
const REFRESH: Duration = Duration::from_secs(60);
/// People listed at most when a number is clicked.
pub const PEOPLE_SHOWN: usize = 500;

/// The columns the delegation table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    #[default]
    Code,
    Name,
    Nominated,
    Approved,
    Printed,
    Collected,
    Arrived,
    Present,
    FirstArrival,
}

/// The list behind a clicked number.
#[derive(Debug, Clone)]
pub struct Drill {
    pub selector: Selector,
    pub title: String,
    /// `None` while the list loads.
    pub people: Option<(usize, Vec<PersonRow>)>,
    pub error: Option<JobError>,
}

#[derive(Debug, Clone)]
pub enum ExportState {
    Writing(Format),
    Written(String),
    Failed(JobError),
}

pub struct State {
    pub(crate) data: Option<Arc<Attendance>>,
    fingerprint: Option<Fingerprint>,
    loaded_at: Option<Instant>,
    loading: bool,
    /// The poll chain runs (a check is waiting or under way).
    polling: bool,
    /// The dashboard tab is on screen: keep polling.
    visible: bool,
    pub(crate) error: Option<JobError>,
    pub(crate) sort: SortColumn,
    pub(crate) descending: bool,
    pub(crate) nobody_arrived_only: bool,
    /// Positions in `figures.delegations` in display order.
    pub(crate) delegation_order: Vec<usize>,
    pub(crate) chart_mode: ChartMode,
    pub(crate) bars: Vec<chart::Bar>,
    pub(crate) drill: Option<Drill>,
    pub(crate) export: Option<ExportState>,
    /// What the export buttons cover: one delegation, one session, or all.
    pub(crate) export_delegation: Option<i64>,
    pub(crate) export_session: Option<i64>,
    /// "Every session", then the programme.
    pub(crate) session_choices: Vec<Choice>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Checked(Outcome<Fingerprint>),
    Loaded(Outcome<(Fingerprint, Arc<Attendance>)>),
    SortBy(SortColumn),
    NobodyArrivedOnly(bool),
    Chart(ChartMode),
    Open(Selector),
    People(Selector, Outcome<(usize, Vec<PersonRow>)>),
    CloseDrill,
    ExportDelegation(Choice),
    ExportSession(Choice),
    Export(Format),
    Exported(Outcome<ExportSummary>),
}

pub enum Event {
    /// The store changed since the figures were last read (scans came in,
    /// another desk or an import changed participants): what else shows
    /// them may read them again.
    StoreChanged,
}

impl State {
    pub fn new() -> State {
        State {
            data: None,
            fingerprint: None,
            loaded_at: None,
            loading: false,
            polling: false,
            visible: false,
            error: None,
            sort: SortColumn::default(),
            descending: false,
            nobody_arrived_only: false,
            delegation_order: Vec::new(),
            chart_mode: ChartMode::default(),
            bars: Vec::new(),
            drill: None,
            export: None,
            export_delegation: None,
            export_session: None,
            session_choices: Vec::new(),
        }
    }

    /// The tab comes on screen: load (or refresh) and keep polling.
    pub fn show(&mut self, session: &Session) -> Task<Message> {
        self.visible = true;
        let mut tasks = Vec::new();
        if self.data.is_none() || self.is_stale() {
            tasks.push(self.load(session));
        }
        if !self.polling {
            self.polling = true;
            tasks.push(check_later(session));
        }
        Task::batch(tasks)
    }

    /// The tab leaves the screen: the poll chain stops at its next step.
    pub fn hide(&mut self) {
        self.visible = false;
    }

    /// The store changed in a way the figures count (scans recorded at the
    /// desk's gate): they are read again when next shown, not at the next
    /// poll.
    pub fn outdated(&mut self) {
        self.loaded_at = None;
    }

    fn is_stale(&self) -> bool {
        self.loaded_at.is_none_or(|t| t.elapsed() >= REFRESH)
    }

    fn load(&mut self, session: &Session) -> Task<Message> {
        if self.loading {
            return Task::none();
        }
        self.loading = true;
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || {
                let conn = ws.connection()?;
                let fingerprint = attendance::fingerprint(&conn)?;
                let data = attendance::load(&conn, &actor, clock::now(), None)?;
                Ok((fingerprint, Arc::new(data)))
            },
            Message::Loaded,
        )
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Checked(result) => {
                if !self.visible {
                    self.polling = false;
                    return (Task::none(), None);
                }
                let next = check_later(session);
                let changed = match result {
                    Ok(f) => Some(f) != self.fingerprint,
                    // Checked again at the next poll; a load that fails
                    // (at the latest when the figures grow stale) says why.
                    Err(_) => false,
                };
                if changed || self.is_stale() {
                    return (Task::batch([self.load(session), next]), None);
                }
                return (next, None);
            }
            Message::Loaded(Ok((fingerprint, data))) => {
                self.loading = false;
                // Once per change: the first figures are no news.
                let changed = self.fingerprint.is_some_and(|f| f != fingerprint);
                let event = changed.then_some(Event::StoreChanged);
                self.fingerprint = Some(fingerprint);
                self.loaded_at = Some(Instant::now());
                self.error = None;
                self.data = Some(data);
                self.arrange();
                // The list open on the side follows the new figures.
                let task = match &self.drill {
                    Some(drill) => self.open(drill.selector, session),
                    None => Task::none(),
                };
                return (task, event);
            }
            Message::Loaded(Err(e)) => {
                self.loading = false;
                self.error = Some(e);
            }
            Message::SortBy(column) => {
                if self.sort == column {
                    self.descending = !self.descending;
                } else {
                    self.sort = column;
                    // Counts read best largest first.
                    self.descending = !matches!(column, SortColumn::Code | SortColumn::Name);
                }
                self.arrange();
            }
            Message::NobodyArrivedOnly(on) => {
                self.nobody_arrived_only = on;
                self.arrange();
            }
            Message::Chart(mode) => {
                self.chart_mode = mode;
                self.arrange();
            }
            Message::Open(selector) => return (self.open(selector, session), None),
            Message::People(selector, result) => {
                if let Some(drill) = &mut self.drill
                    && drill.selector == selector
                {
                    match result {
                        Ok(found) => drill.people = Some(found),
                        Err(e) => drill.error = Some(e),
                    }
                }
            }
            Message::CloseDrill => self.drill = None,
            Message::ExportDelegation(choice) => self.export_delegation = choice.id,
            Message::ExportSession(choice) => self.export_session = choice.id,
            Message::Export(format) => return (self.export(format, session), None),
            Message::Exported(result) => {
                self.export = Some(match result {
                    Ok(summary) => ExportState::Written(summary.path),
                    Err(e) => ExportState::Failed(e),
                });
            }
        }
        (Task::none(), None)
    }

    fn open(&mut self, selector: Selector, session: &Session) -> Task<Message> {
        let Some(data) = self.data.clone() else {
            return Task::none();
        };
        let keep = self
            .drill
            .as_ref()
            .filter(|d| d.selector == selector)
            .and_then(|d| d.people.clone());
        self.drill = Some(Drill {
            selector,
            title: people::describe(&selector, &data.facts),
            people: keep,
            error: None,
        });
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        worker::spawn(
            move || {
                let conn = ws.connection()?;
                attendance::people(&conn, &actor, &data, &selector, Some(PEOPLE_SHOWN))
            },
            move |result| Message::People(selector, result),
        )
    }

    fn export(&mut self, format: Format, session: &Session) -> Task<Message> {
        let Some(data) = &self.data else {
            return Task::none();
        };
        if matches!(self.export, Some(ExportState::Writing(_))) {
            return Task::none();
        }
        self.export = Some(ExportState::Writing(format));
        let at = data.figures.as_of;
        let scope = self.export_scope(data);
        let name = report::file_name(
            session.event.code.as_str(),
            &scope,
            &data.figures.as_of_local,
            format,
        );
        let (ws, actor) = (session.workspace.clone(), session.actor.clone());
        // The operator's own language, read here: the job runs on another thread.
        let language = accredit::i18n::current();
        worker::spawn(
            move || {
                let dir = report::reports_dir(&ws)?;
                let mut conn = ws.connection()?;
                let request = Request {
                    scope,
                    at,
                    format,
                    table: None,
                };
                report::export_in(
                    &mut conn,
                    &actor,
                    &request,
                    Destination::File(&dir.join(name)),
                    language,
                )
            },
            Message::Exported,
        )
    }

    /// What the export buttons cover, as chosen beside them.
    fn export_scope(&self, data: &Attendance) -> Scope {
        Scope {
            delegation: self.export_delegation.and_then(|id| {
                data.facts
                    .delegations
                    .iter()
                    .find(|d| d.id == id)
                    .map(|d| d.code.clone())
            }),
            session: self.export_session.and_then(|id| {
                data.facts
                    .sessions
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.name.clone())
            }),
        }
    }

    /// Orders the delegation table and lays out the chart's bars.
    fn arrange(&mut self) {
        let Some(data) = &self.data else {
            return;
        };
        let rows = &data.figures.delegations;
        let mut order: Vec<usize> = (0..rows.len())
            .filter(|&i| !self.nobody_arrived_only || rows[i].nobody_arrived)
            .collect();
        let key = |i: &usize| {
            let d = &rows[*i];
            let c = &d.counts;
            match self.sort {
                SortColumn::Code | SortColumn::Name => 0,
                SortColumn::Nominated => i64::from(c.nominated),
                SortColumn::Approved => i64::from(c.approved),
                SortColumn::Printed => i64::from(c.badges_printed),
                SortColumn::Collected => i64::from(c.badges_collected),
                SortColumn::Arrived => i64::from(c.arrived),
                SortColumn::Present => i64::from(c.present),
                // Nobody yet sorts after every time.
                SortColumn::FirstArrival => d.first_arrival.unwrap_or(i64::MAX),
            }
        };
        order.sort_by(|a, b| {
            let by_key = match self.sort {
                SortColumn::Name => rows[*a].name.cmp(&rows[*b].name),
                _ => key(a).cmp(&key(b)),
            };
            let by_key = if self.descending {
                by_key.reverse()
            } else {
                by_key
            };
            by_key.then_with(|| rows[*a].code.cmp(&rows[*b].code))
        });
        self.delegation_order = order;
        self.bars = chart::bars(&data.figures.arrivals, self.chart_mode);
        self.session_choices = std::iter::once(Choice {
            id: None,
            label: accredit::t!("dashboard-every-session"),
        })
        .chain(data.facts.sessions.iter().map(|s| Choice {
            id: Some(s.id),
            label: s.name.clone(),
        }))
        .collect();
    }
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

/// A moment written `2025-10-25 08:41` (or a bare date), its date as the
/// interface's language writes dates; the time stays HH:MM.
pub(crate) fn local_stamp(stamp: &str) -> String {
    let (date, rest) = (stamp.get(..10), stamp.get(10..));
    match (date.and_then(|d| d.parse::<jiff::civil::Date>().ok()), rest) {
        (Some(d), Some(rest)) => format!(
            "{}{rest}",
            accredit::i18n::date_short(accredit::i18n::current(), d)
        ),
        _ => stamp.to_owned(),
    }
}

/// Waits [`POLL`] on a worker thread, then reads the fingerprint.
fn check_later(session: &Session) -> Task<Message> {
    let ws = session.workspace.clone();
    worker::spawn(
        move || {
            std::thread::sleep(POLL);
            attendance::fingerprint(&*ws.connection()?)
        },
        Message::Checked,
    )
}
