//! What the list-and-editor sections (zones, checkpoints, sessions,
//! delegations, and categories for their status) share: the state of their
//! save and remove jobs and how a job's outcome becomes notes under the
//! editor.

use accredit::db::Db;
use iced::{Element, Task};

use super::{Checked, outcome_notes, spawn_job};
use crate::gui::Session as AppSession;
use crate::gui::worker::Outcome;
use accredit::domain::FieldError;

/// What a save or remove job did, with the note to show.
#[derive(Debug, Clone)]
pub enum Change<Id> {
    Saved(String, Id),
    Removed(String),
}

impl<Id> Change<Id> {
    /// Something added or saved: `added` or `saved` is the note, e.g.
    /// "Added the session \"Plenary\"." (each a whole sentence, translated
    /// before the job starts, on the interface's thread).
    pub fn stored(adding: bool, added: String, saved: String, id: Id) -> Change<Id> {
        Change::Saved(if adding { added } else { saved }, id)
    }
}

/// What the section does once a job's change is stored.
pub enum Finished<Id> {
    /// Select what was saved.
    Saved(Id),
    /// Nothing is selected any more: start a new form.
    Removed,
}

/// An editor's job status: one job at a time, its note or its refusal, and
/// the problems of the form's fields.
#[derive(Default)]
pub struct Status {
    pub busy: bool,
    pub saved: Option<String>,
    pub problem: Option<String>,
    pub errors: Vec<FieldError>,
}

impl Status {
    /// Another item or a new form: nothing to say about it yet.
    pub fn clear(&mut self) {
        self.errors.clear();
        self.problem = None;
        self.saved = None;
    }

    /// The form was typed in: the saved note goes, its problems show.
    pub fn edited<T>(&mut self, parsed: Checked<T>) {
        self.saved = None;
        self.errors = parsed.err().unwrap_or_default();
    }

    /// Starts `job` off the UI thread, unless one is already running.
    pub fn start<T, M>(
        &mut self,
        session: &AppSession,
        job: impl FnOnce(&mut Db, &accredit::auth::Actor) -> accredit::Result<T> + Send + 'static,
        done: impl Fn(Outcome<Checked<T>>) -> M + Send + 'static,
    ) -> Task<M>
    where
        T: Send + 'static,
        M: Send + 'static,
    {
        if self.busy {
            return Task::none();
        }
        self.begin();
        spawn_job(session, job, done)
    }

    /// A job runs: the notes of the last one go.
    pub fn begin(&mut self) {
        self.busy = true;
        self.problem = None;
        self.saved = None;
    }

    /// A job ended: its value, or `None` once its field problems or its
    /// refusal are noted.
    pub fn finish<T>(&mut self, outcome: Outcome<Checked<T>>) -> Option<T> {
        self.busy = false;
        match outcome {
            Ok(Ok(value)) => Some(value),
            Ok(Err(errors)) => {
                self.errors = errors;
                None
            }
            Err(e) => {
                self.problem = Some(e);
                None
            }
        }
    }

    /// A save or remove job ended: what the section does, if it stored a
    /// change (whose note then shows).
    pub fn take<Id>(&mut self, outcome: Outcome<Checked<Change<Id>>>) -> Option<Finished<Id>> {
        self.finish(outcome).map(|change| self.changed(change))
    }

    /// A change was stored: its note shows; the section selects or resets.
    pub fn changed<Id>(&mut self, change: Change<Id>) -> Finished<Id> {
        let (note, finished) = match change {
            Change::Saved(note, id) => (note, Finished::Saved(id)),
            Change::Removed(note) => (note, Finished::Removed),
        };
        self.saved = Some(note);
        finished
    }

    /// The saved note, the refusal and the busy note, under the editor.
    pub fn notes<'a, M: 'a>(&self) -> Element<'a, M> {
        outcome_notes(&self.saved, &self.problem, self.busy)
    }
}
