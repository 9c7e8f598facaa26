//! The desk: the main window once an operator is signed in. It holds one
//! state per screen and routes each screen's messages to it; a screen's
//! `Event` is where the others react (open a participant over the tab it
//! came from, hand a delegation to the print queue, reload what a change
//! touched). It tells the application only when the operator signs out.

use iced::keyboard;
use iced::{Subscription, Task};

use accredit::auth::{Actor, Permission};
use accredit::backup::auto::{self, AutoBackup};
use accredit::domain::{ParticipantId, ParticipantStatus};
use accredit::lookup;

use super::Session;
use super::screen::{
    dashboard, delegations, gate, import, operators, participant, participants, print_queue,
    settings, vetting,
};
use super::worker::{self, JobError, Outcome};

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
    pub(super) const ALL: [Tab; 9] = [
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

    pub(super) fn label(self) -> String {
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

/// A job of the desk's own that failed, for the status bar (the screens
/// show their own).
#[derive(Debug, Clone)]
pub enum Failure {
    /// The participants counted by status.
    Counts(JobError),
    /// The event and its lists, read again after the settings changed.
    SessionRefresh(JobError),
}

/// The signed-in desk: the session, and one state per screen.
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
    /// The last of the desk's own jobs that failed, until it runs again.
    pub failure: Option<Failure>,
    /// A participant's detail, shown over the tab it was opened from.
    pub detail: Option<(Tab, participant::State)>,
    pub delegations: delegations::State,
    pub print_queue: print_queue::State,
    pub vetting: vetting::State,
}

#[derive(Debug, Clone)]
pub enum Message {
    Tab(Tab),
    Participants(participants::Message),
    Participant(participant::Message),
    Delegations(delegations::Message),
    PrintQueue(print_queue::Message),
    Vetting(vetting::Message),
    Import(import::Message),
    Gate(gate::Message),
    Dashboard(dashboard::Message),
    Operators(operators::Message),
    Settings(settings::Message),
    Counts(Outcome<Vec<(ParticipantStatus, u64)>>),
    /// The event's set-up changed: the session's event and lists follow.
    SessionRefreshed(Outcome<Box<Session>>),
    /// Time to see whether an automatic backup is due.
    BackupDue,
    BackupDone(Outcome<Option<AutoBackup>>),
    /// A key no widget took (Tab moves the focus before it gets here).
    Key(keyboard::Key, keyboard::Modifiers),
    SignOut,
}

pub enum Event {
    /// The operator signs out: asked for, or their rights changed.
    SignOut,
}

impl Desk {
    pub(super) fn new(session: Session, tab: Tab) -> Desk {
        let print_queue = print_queue::State::new(&session);
        Desk {
            session,
            tab,
            participants: participants::State::new(),
            operators: operators::State::new(),
            settings: settings::State::new(),
            counts: Vec::new(),
            backup: None,
            failure: None,
            gate: None,
            import: import::State::new(),
            dashboard: dashboard::State::new(),
            detail: None,
            delegations: delegations::State::new(),
            print_queue,
            vetting: vetting::State::new(),
        }
    }

    /// The desk of an operator just signed in, on the first area of their
    /// role: a gate officer starts at the gate.
    pub(super) fn signed_in(session: Session) -> (Box<Desk>, Task<Message>) {
        let tabs = Tab::visible_to(&session.actor);
        let tab = tabs.first().copied().unwrap_or(Tab::Dashboard);
        let mut tasks = Vec::new();
        if session.actor.may(Permission::ViewParticipants) {
            tasks.push(participants::State::load(&session).map(Message::Participants));
            tasks.push(load_counts(&session));
            tasks.push(iced::widget::operation::focus(participants::SEARCH_INPUT));
        }
        let mut desk = Box::new(Desk::new(session, tab));
        tasks.push(desk.show_tab(tab));
        (desk, Task::batch(tasks))
    }

    /// The desk of a new event's administrator, who starts in the settings.
    pub(super) fn new_event(session: Session) -> (Box<Desk>, Task<Message>) {
        let tasks = Task::batch([
            settings::State::load(&session).map(Message::Settings),
            load_counts(&session),
        ]);
        (Box::new(Desk::new(session, Tab::Settings)), tasks)
    }

    /// Automatic backups run while someone is signed in, whatever their
    /// role; the gate listens to the keyboard while it scans.
    pub(super) fn subscription(&self) -> Subscription<Message> {
        let backups = Subscription::run(backup_ticks);
        if self.tab == Tab::Gate && self.gate.as_ref().is_some_and(|g| g.is_scanning()) {
            Subscription::batch([backups, gate::State::subscription().map(Message::Gate)])
        } else {
            backups
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let task = match message {
            // Only the areas of the operator's role open, however asked.
            Message::Tab(tab) if !self.session.actor.may(tab.permission()) => Task::none(),
            Message::Tab(tab) => self.show_tab(tab),
            Message::Participants(msg) => self.on_participants(msg),
            Message::Participant(msg) => self.on_participant(msg),
            Message::Delegations(msg) => self.on_delegations(msg),
            Message::PrintQueue(msg) => self.on_print_queue(msg),
            Message::Vetting(msg) => self.on_vetting(msg),
            Message::Import(msg) => self.on_import(msg),
            Message::Gate(msg) => self.on_gate(msg),
            Message::Dashboard(msg) => self.on_dashboard(msg),
            Message::Settings(msg) => self.on_settings(msg),
            Message::Operators(msg) => return self.on_operators(msg),
            Message::SignOut => return self.sign_out(),
            Message::Counts(Ok(counts)) => {
                self.counts = counts;
                self.failure.take_if(|f| matches!(f, Failure::Counts(_)));
                Task::none()
            }
            Message::Counts(Err(e)) => {
                self.failure = Some(Failure::Counts(e));
                Task::none()
            }
            Message::SessionRefreshed(Ok(session)) => {
                self.session = *session;
                self.failure
                    .take_if(|f| matches!(f, Failure::SessionRefresh(_)));
                Task::none()
            }
            Message::SessionRefreshed(Err(e)) => {
                self.failure = Some(Failure::SessionRefresh(e));
                Task::none()
            }
            Message::BackupDue => self.check_backup(),
            Message::BackupDone(Ok(Some(taken))) => {
                self.backup = Some(Ok(taken));
                Task::none()
            }
            Message::BackupDone(Ok(None)) => Task::none(),
            Message::BackupDone(Err(e)) => {
                self.backup = Some(Err(e));
                Task::none()
            }
            Message::Key(key, modifiers) if self.detail_shown() => {
                self.on_participant(participant::Message::Key(key, modifiers))
            }
            Message::Key(key, modifiers) if self.tab == Tab::Participants => {
                self.on_participants(participants::Message::Key(key, modifiers))
            }
            Message::Key(..) => Task::none(),
        };
        (task, None)
    }

    /// Signs out, unless a participant's changes are not saved yet: their
    /// detail asks first.
    fn sign_out(&mut self) -> (Task<Message>, Option<Event>) {
        match self.unsaved_changes() {
            Some(ask) => (ask, None),
            None => (Task::none(), Some(Event::SignOut)),
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
    pub(super) fn unsaved_changes(&mut self) -> Option<Task<Message>> {
        let (tab, detail) = self.detail.as_ref()?;
        if !detail.is_dirty() {
            return None;
        }
        self.tab = *tab;
        Some(self.on_participant(participant::Message::Back))
    }

    /// Whether the current tab shows a participant's detail.
    fn detail_shown(&self) -> bool {
        self.detail
            .as_ref()
            .is_some_and(|(tab, _)| *tab == self.tab)
    }

    /// Opens a participant's detail over `from`. A detail with unsaved
    /// changes stays until they are saved or discarded.
    fn open_participant(&mut self, from: Tab, id: ParticipantId) -> Task<Message> {
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

    fn on_participants(&mut self, msg: participants::Message) -> Task<Message> {
        let (task, event) = self.participants.update(msg, &self.session);
        let task = task.map(Message::Participants);
        match event {
            Some(participants::Event::Open(id)) => {
                Task::batch([task, self.open_participant(Tab::Participants, id)])
            }
            None => task,
        }
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

    fn on_vetting(&mut self, msg: vetting::Message) -> Task<Message> {
        let (task, event) = self.vetting.update(msg, &self.session);
        let task = task.map(Message::Vetting);
        match event {
            Some(vetting::Event::Changed) => Task::batch([task, self.reload()]),
            None => task,
        }
    }

    fn on_import(&mut self, msg: import::Message) -> Task<Message> {
        let (task, event) = self.import.update(msg, &self.session);
        let task = task.map(Message::Import);
        match event {
            // The participant table and the counts show the new nominations.
            Some(import::Event::Imported) => Task::batch([task, self.reload_listing()]),
            // The delegation's review opens on the Delegations tab.
            Some(import::Event::Review(id)) => {
                self.tab = Tab::Delegations;
                let review = self
                    .delegations
                    .review(&self.session, id)
                    .map(Message::Delegations);
                Task::batch([task, review])
            }
            None => task,
        }
    }

    fn on_gate(&mut self, msg: gate::Message) -> Task<Message> {
        let Some(gate) = &mut self.gate else {
            return Task::none();
        };
        let (task, event) = gate.update(msg);
        match event {
            // The figures counting scans read them again when next shown.
            Some(gate::Event::ScansRecorded) => self.dashboard.outdated(),
            None => {}
        }
        task.map(Message::Gate)
    }

    fn on_dashboard(&mut self, msg: dashboard::Message) -> Task<Message> {
        let (task, event) = self.dashboard.update(msg, &self.session);
        let task = task.map(Message::Dashboard);
        match event {
            // Another desk, a gate or an import changed the store: the
            // status bar's counts follow the figures.
            Some(dashboard::Event::StoreChanged) => Task::batch([task, load_counts(&self.session)]),
            None => task,
        }
    }

    fn on_settings(&mut self, msg: settings::Message) -> Task<Message> {
        let (task, event) = self.settings.update(msg, &self.session);
        let task = task.map(Message::Settings);
        match event {
            Some(settings::Event::Changed) => {
                let (ws, actor) = (self.session.workspace.clone(), self.session.actor.clone());
                let refresh = super::load_session(ws, actor, Message::SessionRefreshed);
                Task::batch([task, refresh])
            }
            None => task,
        }
    }

    fn on_operators(&mut self, msg: operators::Message) -> (Task<Message>, Option<Event>) {
        let (task, event) = self.operators.update(msg, &self.session);
        let task = task.map(Message::Operators);
        match event {
            Some(operators::Event::SignOut) => {
                let (ask, signed_out) = self.sign_out();
                (Task::batch([task, ask]), signed_out)
            }
            None => (task, None),
        }
    }

    /// Takes a backup if one is due, and shows the newest even when none
    /// was (taken by an earlier session).
    fn check_backup(&self) -> Task<Message> {
        let ws = self.session.workspace.clone();
        worker::spawn(
            move || match auto::run_if_due(&ws)? {
                Some(taken) => Ok(Some(taken)),
                None => Ok(auto::list(&ws)?.pop()),
            },
            Message::BackupDone,
        )
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

fn load_counts(session: &Session) -> Task<Message> {
    let ws = session.workspace.clone();
    worker::spawn(
        move || lookup::participants::count_by_status(&*ws.connection()?),
        Message::Counts,
    )
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
