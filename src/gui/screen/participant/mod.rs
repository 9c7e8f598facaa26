//! One participant at the desk: every field editable with its problem shown
//! beside it, the photo, status actions (approve, reject, cancel), badge
//! actions (print, reprint with a reason, revoke, hand over after the ID
//! check), the badge history and the participant's audit trail.
//!
//! Fields are checked as the clerk types (pure checks, no store); the checks
//! that need the store run on save, in the worker, and come back beside their
//! fields too. A save is either confirmed ("Saved at …") or clearly refused
//! ("Not saved: …"), and leaving with unsaved changes asks first.

mod actions;
mod clearance;
mod form;
mod history;
mod view;

use accredit::db::Db;
use std::path::PathBuf;

use iced::keyboard::{self, Key, key::Named};
use iced::widget::image;
use iced::{Task, widget::operation};

use crate::gui::screen::choices::{GenderChoice, KindChoice, LayoutChoice, ReprintChoice};
pub use form::{Field, Form};

use crate::gui::Session;
use crate::gui::screen::participants::Choice;
use crate::gui::system;
use crate::gui::worker::{self, JobError, Outcome};
use accredit::audit;
use accredit::auth::Actor;
use accredit::desk::badges::{self as desk_badges, ReprintReason};
use accredit::desk::participants;
use accredit::domain::{
    AuditEntry, Badge, BadgeStatus, Category, FieldError, Layout, Participant, ParticipantId,
};
use accredit::lookup::badges::PrintRecord;
use accredit::workspace::Workspace;
use accredit::{Error, Result};

pub struct State {
    id: ParticipantId,
    loaded: Option<Loaded>,
    photo: Option<image::Handle>,
    load_error: Option<JobError>,
    /// The form as last loaded or saved, to tell unsaved changes.
    original: Form,
    form: Form,
    /// Problems found as the clerk types.
    errors: Vec<FieldError>,
    /// Problems the store found on the last save, until their field changes.
    store_errors: Vec<FieldError>,
    save: SaveState,
    busy: Option<Action>,
    notice: Option<Notice>,
    status_reason: String,
    reprint_reason: ReprintReason,
    revoke_reason: String,
    id_check: String,
    layout: Layout,
    photo_path: String,
    last_pdf: Option<PathBuf>,
    confirm_discard: bool,
    /// A print or reprint waiting for the operator to confirm a badge not
    /// valid for the event, and why.
    confirm_validity: Option<(Action, String)>,
    /// Asked: print again a badge already handed over?
    confirm_print_again: bool,
    printer: bool,
    /// Letters for this participant (acknowledgement, visa).
    letters: crate::gui::screen::letters::State,
}

/// Everything the screen shows of the participant, read in one job.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub participant: Participant,
    pub photo: Option<Vec<u8>>,
    pub badges: Vec<Badge>,
    pub prints: Vec<PrintRecord>,
    pub history: Vec<AuditEntry>,
    pub categories: Vec<Category>,
    /// Security clearance, as this operator may see it.
    pub clearance: Option<accredit::vetting::ClearanceView>,
}

#[derive(Debug, Clone)]
pub enum SaveState {
    /// Nothing saved in this visit yet.
    Unchanged,
    Saving,
    /// Saved at this local time.
    Saved(String),
    /// Not saved, and why.
    NotSaved(NotSaved),
}

/// Why the form was not saved, worded by the view.
#[derive(Debug, Clone)]
pub enum NotSaved {
    /// Nothing changed since it was read.
    NoChanges,
    /// This many fields are marked, and nothing was sent to the store.
    FixFirst(usize),
    /// The store found problems in this many fields (shown beside them).
    FixFields(usize),
    Failed(JobError),
}

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            NotSaved::NoChanges => accredit::t!("participant-no-changes"),
            NotSaved::FixFirst(count) => {
                accredit::t!("participant-fix-fields-first", count = count)
            }
            NotSaved::FixFields(count) => accredit::t!("participant-fix-fields", count = count),
            NotSaved::Failed(e) => e.to_string(),
        };
        f.write_str(&said)
    }
}

/// The actions that run in the background; one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Save,
    Approve,
    Reject,
    Cancel,
    Renominate,
    Print,
    Reprint,
    Revoke,
    HandOver,
    Photo,
    OpenPdf,
    SendPdf,
}

impl Action {
    /// Whether the action changes the store (then the lists reload).
    fn changes_data(self) -> bool {
        !matches!(self, Action::OpenPdf | Action::SendPdf)
    }
}

/// The outcome of the last action, shown at the top of the screen; worded
/// by `Display`.
#[derive(Debug, Clone)]
pub enum Notice {
    /// Done, in the job's words.
    Done(String),
    /// A photo is asked for without its path.
    PhotoPathNeeded,
    Failed(Action, JobError),
}

impl Notice {
    pub fn ok(&self) -> bool {
        matches!(self, Notice::Done(_))
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Done(said) => f.write_str(said),
            Notice::PhotoPathNeeded => f.write_str(&accredit::t!("participant-photo-path-needed")),
            Notice::Failed(action, e) => f.write_str(&failed_text(*action, e)),
        }
    }
}

/// What an action's job reports back.
#[derive(Debug, Clone)]
pub struct Done {
    pub text: String,
    pub pdf: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub enum SaveResult {
    Saved(Box<Participant>),
    Invalid(Vec<FieldError>),
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(Outcome<Box<Loaded>>),
    Edit(Field, String),
    Delegation(Choice),
    Category(Choice),
    Gender(GenderChoice),
    DocumentKind(KindChoice),
    Save,
    Saved(Outcome<SaveResult>),
    Revert,
    Back,
    Discard,
    KeepEditing,
    StatusReason(String),
    Approve,
    Reject,
    Cancel,
    Renominate,
    Layout(LayoutChoice),
    Print,
    /// Yes, print again the badge already handed over.
    PrintAgainConfirmed,
    /// No: leave the handed-over badge alone.
    PrintAgainDeclined,
    ReprintReason(ReprintChoice),
    Reprint,
    /// Print (or reprint) the badge although it is not valid for the event.
    PrintAnyway,
    KeepBadge,
    RevokeReason(String),
    Revoke,
    IdCheck(String),
    HandOver,
    PhotoPath(String),
    ChoosePhoto,
    PhotoChosen(Option<PathBuf>),
    UsePhoto,
    OpenPdf,
    SendPdf,
    Done(Action, Outcome<Done>),
    Key(keyboard::Key, keyboard::Modifiers),
    Letters(crate::gui::screen::letters::Message),
}

pub enum Event {
    /// Back to the list.
    Back,
    /// The participant changed in the store: lists and counts are stale.
    Changed,
}

/// The focus lands here when the screen opens.
pub const FIRST_FIELD: &str = "participant-given-names";

impl State {
    /// Opens participant `id`, loading it off the UI thread.
    pub fn open(session: &Session, id: ParticipantId) -> (State, Task<Message>) {
        let state = State {
            id,
            loaded: None,
            photo: None,
            load_error: None,
            original: Form::default(),
            form: Form::default(),
            errors: Vec::new(),
            store_errors: Vec::new(),
            save: SaveState::Unchanged,
            busy: None,
            notice: None,
            status_reason: String::new(),
            reprint_reason: ReprintReason::Lost,
            revoke_reason: String::new(),
            id_check: String::new(),
            layout: session.event.default_layout,
            photo_path: String::new(),
            last_pdf: None,
            confirm_discard: false,
            confirm_validity: None,
            confirm_print_again: false,
            printer: system::printer_available(),
            letters: {
                let mut letters = crate::gui::screen::letters::State::default();
                letters.reset(session);
                letters
            },
        };
        (state, load(session, id))
    }

    pub fn id(&self) -> ParticipantId {
        self.id
    }

    pub fn participant(&self) -> Option<&Participant> {
        self.loaded.as_ref().map(|l| &l.participant)
    }

    pub fn is_dirty(&self) -> bool {
        self.loaded.is_some() && self.form != self.original
    }

    #[cfg(test)]
    pub fn save_state(&self) -> &SaveState {
        &self.save
    }

    #[cfg(test)]
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    #[cfg(test)]
    pub fn is_busy(&self) -> bool {
        self.busy.is_some()
    }

    /// The problem shown beside `key`, if any.
    pub fn error_for(&self, key: &str) -> Option<&str> {
        self.errors
            .iter()
            .chain(&self.store_errors)
            .find(|e| e.field == key)
            .map(|e| e.message.as_str())
    }

    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(Ok(loaded)) => {
                self.load_error = None;
                let fresh = Form::from_details(&loaded.participant.details);
                if !self.is_dirty() {
                    self.form = fresh.clone();
                    self.errors = self.form.check(&session.event);
                }
                self.original = fresh;
                if self.id_check.is_empty() {
                    self.id_check = id_check_text(&loaded.participant);
                }
                self.photo = loaded.photo.clone().map(image::Handle::from_bytes);
                self.loaded = Some(*loaded);
            }
            Message::Loaded(Err(e)) => self.load_error = Some(e),
            Message::Edit(field, value) => {
                self.form.set(field, value);
                self.edited(field.key(), session);
            }
            Message::Delegation(c) => {
                if let Some(id) = c.id {
                    self.form.delegation = id;
                    self.edited("delegation", session);
                }
            }
            Message::Category(c) => {
                if let Some(id) = c.id {
                    self.form.category = id;
                    self.edited("category", session);
                }
            }
            Message::Gender(g) => {
                self.form.gender = g.0;
                self.edited("gender", session);
            }
            Message::DocumentKind(k) => {
                self.form.document_kind = k.0;
                self.edited("document_kind", session);
            }
            Message::Save => return (self.save(session), None),
            Message::Saved(outcome) => return self.saved(outcome, session),
            Message::Revert => {
                self.form = self.original.clone();
                self.store_errors.clear();
                self.errors = self.form.check(&session.event);
            }
            Message::Back => {
                if self.is_dirty() {
                    self.confirm_discard = true;
                } else {
                    return (Task::none(), Some(Event::Back));
                }
            }
            Message::Discard => {
                self.confirm_discard = false;
                self.form = self.original.clone();
                return (Task::none(), Some(Event::Back));
            }
            Message::KeepEditing => self.confirm_discard = false,
            Message::StatusReason(v) => self.status_reason = v,
            Message::Approve => return self.set_status(session, Action::Approve),
            Message::Reject => return self.set_status(session, Action::Reject),
            Message::Cancel => return self.set_status(session, Action::Cancel),
            Message::Renominate => return self.set_status(session, Action::Renominate),
            Message::Layout(l) => self.layout = l.0,
            // A badge already handed over: its holder has a card. Printing
            // it again takes a word of confirmation.
            Message::Print => {
                if self.active_badge().is_some_and(|b| b.collected.is_some()) {
                    self.confirm_print_again = true;
                } else {
                    return self.print(session, false, false);
                }
            }
            Message::PrintAgainConfirmed => {
                self.confirm_print_again = false;
                return self.print(session, true, false);
            }
            Message::PrintAgainDeclined => self.confirm_print_again = false,
            Message::ReprintReason(r) => self.reprint_reason = r.0,
            Message::Reprint => return self.reprint(session, false),
            Message::PrintAnyway => match self.confirm_validity.take() {
                Some((Action::Print, _)) => return self.print(session, true, true),
                Some((Action::Reprint, _)) => return self.reprint(session, true),
                _ => {}
            },
            Message::KeepBadge => self.confirm_validity = None,
            Message::RevokeReason(v) => self.revoke_reason = v,
            Message::Revoke => return self.revoke(session),
            Message::IdCheck(v) => self.id_check = v,
            Message::HandOver => return self.hand_over(session),
            Message::PhotoPath(v) => self.photo_path = v,
            Message::ChoosePhoto => return (actions::choose_photo(), None),
            Message::PhotoChosen(Some(path)) => {
                self.photo_path = path.display().to_string();
                return self.use_photo(session);
            }
            Message::PhotoChosen(None) => {}
            Message::UsePhoto => return self.use_photo(session),
            Message::OpenPdf => return self.open_pdf(),
            Message::SendPdf => return self.send_pdf(),
            Message::Done(action, outcome) => return self.done(action, outcome, session),
            Message::Key(key, modifiers) => return self.on_key(key, modifiers, session),
            Message::Letters(msg) => {
                let selection = accredit::letters::LetterSelection {
                    delegations: Vec::new(),
                    participants: vec![self.id],
                };
                let label = format!("participant-{}", self.id);
                let task = self.letters.update(msg, session, Some((selection, label)));
                return (task.map(Message::Letters), None);
            }
        }
        (Task::none(), None)
    }

    fn edited(&mut self, key: &str, session: &Session) {
        self.store_errors.retain(|e| e.field != key);
        self.errors = self.form.check(&session.event);
        if matches!(self.save, SaveState::Saved(_) | SaveState::NotSaved(_)) {
            self.save = SaveState::Unchanged;
        }
    }

    fn on_key(
        &mut self,
        key: Key,
        modifiers: keyboard::Modifiers,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        match key.as_ref() {
            Key::Character("s") if modifiers.command() => (self.save(session), None),
            Key::Named(Named::Escape) if self.confirm_discard => {
                self.confirm_discard = false;
                (Task::none(), None)
            }
            Key::Named(Named::Escape) => self.update(Message::Back, session),
            _ => (Task::none(), None),
        }
    }

    fn save(&mut self, session: &Session) -> Task<Message> {
        if self.busy.is_some() || self.loaded.is_none() {
            return Task::none();
        }
        if !self.is_dirty() {
            self.save = SaveState::NotSaved(NotSaved::NoChanges);
            return Task::none();
        }
        self.errors = self.form.check(&session.event);
        if !self.errors.is_empty() {
            self.save = SaveState::NotSaved(NotSaved::FixFirst(self.errors.len()));
            return Task::none();
        }
        let details = match self.form.details() {
            Ok(d) => d,
            Err(errors) => {
                self.errors = errors;
                return Task::none();
            }
        };
        self.busy = Some(Action::Save);
        self.save = SaveState::Saving;
        let id = self.id;
        run(
            session,
            move |conn, actor, _| match participants::edit(conn, actor, id, details) {
                Ok(p) => Ok(SaveResult::Saved(Box::new(p))),
                Err(Error::Invalid(errors)) => Ok(SaveResult::Invalid(errors)),
                Err(e) => Err(e),
            },
            Message::Saved,
        )
    }

    fn saved(
        &mut self,
        outcome: Outcome<SaveResult>,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        self.busy = None;
        match outcome {
            Ok(SaveResult::Saved(p)) => {
                self.form = Form::from_details(&p.details);
                self.original = self.form.clone();
                self.store_errors.clear();
                self.errors = self.form.check(&session.event);
                self.save = SaveState::Saved(local_time(session, accredit::clock::now()));
                if let Some(l) = &mut self.loaded {
                    l.participant = *p;
                }
                (load(session, self.id), Some(Event::Changed))
            }
            Ok(SaveResult::Invalid(errors)) => {
                self.save = SaveState::NotSaved(NotSaved::FixFields(errors.len()));
                self.store_errors = errors;
                (Task::none(), None)
            }
            Err(e) => {
                self.save = SaveState::NotSaved(NotSaved::Failed(e));
                (Task::none(), None)
            }
        }
    }

    fn done(
        &mut self,
        action: Action,
        outcome: Outcome<Done>,
        session: &Session,
    ) -> (Task<Message>, Option<Event>) {
        self.busy = None;
        match outcome {
            Ok(done) => {
                if done.pdf.is_some() {
                    self.last_pdf = done.pdf;
                }
                self.notice = Some(Notice::Done(done.text));
                match action {
                    Action::Reject | Action::Cancel => self.status_reason.clear(),
                    Action::Revoke => self.revoke_reason.clear(),
                    Action::Photo => self.photo_path.clear(),
                    _ => {}
                }
                if action.changes_data() {
                    return (load(session, self.id), Some(Event::Changed));
                }
            }
            Err(e) => self.notice = Some(Notice::Failed(action, e)),
        }
        (Task::none(), None)
    }

    /// The participant's active badge, if any.
    pub fn active_badge(&self) -> Option<&Badge> {
        self.loaded
            .as_ref()?
            .badges
            .iter()
            .find(|b| b.status == BadgeStatus::Active)
    }

    /// The first field gets the focus when the screen opens.
    pub fn focus_first() -> Task<Message> {
        operation::focus(FIRST_FIELD)
    }
}

/// What the screen says while `action` runs ("Approving…").
fn busy_text(action: Action) -> String {
    match action {
        Action::Save => accredit::t!("participant-busy-save"),
        Action::Approve => accredit::t!("participant-busy-approve"),
        Action::Reject => accredit::t!("participant-busy-reject"),
        Action::Cancel => accredit::t!("participant-busy-cancel"),
        Action::Renominate => accredit::t!("participant-busy-renominate"),
        Action::Print => accredit::t!("participant-busy-print"),
        Action::Reprint => accredit::t!("participant-busy-reprint"),
        Action::Revoke => accredit::t!("participant-busy-revoke"),
        Action::HandOver => accredit::t!("participant-busy-hand-over"),
        Action::Photo => accredit::t!("participant-busy-photo"),
        Action::OpenPdf => accredit::t!("participant-busy-open-pdf"),
        Action::SendPdf => accredit::t!("participant-busy-send-pdf"),
    }
}

/// What the screen says when `action` failed with `error`.
fn failed_text(action: Action, error: &JobError) -> String {
    let error = error.to_string();
    match action {
        Action::Save => accredit::t!("participant-failed-save", error = error),
        Action::Approve => accredit::t!("participant-failed-approve", error = error),
        Action::Reject => accredit::t!("participant-failed-reject", error = error),
        Action::Cancel => accredit::t!("participant-failed-cancel", error = error),
        Action::Renominate => accredit::t!("participant-failed-renominate", error = error),
        Action::Print => accredit::t!("participant-failed-print", error = error),
        Action::Reprint => accredit::t!("participant-failed-reprint", error = error),
        Action::Revoke => accredit::t!("participant-failed-revoke", error = error),
        Action::HandOver => accredit::t!("participant-failed-hand-over", error = error),
        Action::Photo => accredit::t!("participant-failed-photo", error = error),
        Action::OpenPdf => accredit::t!("participant-failed-open-pdf", error = error),
        Action::SendPdf => accredit::t!("participant-failed-send-pdf", error = error),
    }
}

/// A moment in the event's time zone: its date as the interface's language
/// writes it, and the time as HH:MM ("2026-12-07 09:30", "07/12/2026 09:30").
pub(super) fn local_time(session: &Session, unix: i64) -> String {
    match jiff::Timestamp::from_second(unix) {
        Ok(ts) => {
            let local = ts.to_zoned_datetime(session.event.tz());
            let date = accredit::i18n::date_short(accredit::i18n::current(), local.date());
            format!("{date} {}", local.strftime("%H:%M"))
        }
        Err(_) => unix.to_string(),
    }
}

/// "Passport C1234567 seen": what the clerk checks, from the document on file.
fn id_check_text(p: &Participant) -> String {
    let doc = &p.details.document;
    if doc.number.trim().is_empty() {
        return String::new();
    }
    accredit::t!(
        "participant-id-check-seen",
        document = KindChoice(doc.kind).to_string(),
        number = doc.number.as_str()
    )
}

fn load(session: &Session, id: ParticipantId) -> Task<Message> {
    run(
        session,
        move |conn, actor, _| {
            let participant = participants::get(conn, actor, id)?;
            let photo = participants::photo(conn, actor, id)?;
            let (badges, prints) = desk_badges::history(conn, actor, id)?;
            let history = audit::participant_history(conn, actor, id)?;
            let categories = accredit::lookup::categories::list(conn)?;
            let clearance = Some(accredit::vetting::clearance_of(conn, actor, id)?);
            Ok(Box::new(Loaded {
                participant,
                photo,
                badges,
                prints,
                history,
                categories,
                clearance,
            }))
        },
        Message::Loaded,
    )
}

/// Runs `job` with a connection of its own and the signed-in operator, off
/// the UI thread.
fn run<T: Send + 'static>(
    session: &Session,
    job: impl FnOnce(&mut Db, &Actor, &Workspace) -> Result<T> + Send + 'static,
    done: impl Fn(Outcome<T>) -> Message + Send + 'static,
) -> Task<Message> {
    let (ws, actor) = (session.workspace.clone(), session.actor.clone());
    worker::spawn(
        move || {
            let mut conn = ws.connection()?;
            job(&mut conn, &actor, &ws)
        },
        done,
    )
}

#[cfg(test)]
mod tests;
