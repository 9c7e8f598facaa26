//! Letters for a delegation or one participant, from the Delegations and
//! participant screens: one button per kind of letter writes one PDF (one
//! letter per approved, cleared person) into the prints folder, then says who
//! was left out and why, and opens the file on request. The core function is
//! the CLI's `accredit letters`.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, column, row, text};
use iced::{Center, Element, Task};

use crate::gui::worker::{self, JobError, Outcome};
use crate::gui::{Session, style, system};
use accredit::auth::Permission;
use accredit::letters::{self, LetterKind, LetterSelection, LetterSummary};
use accredit::t;

#[derive(Debug, Default)]
pub struct State {
    /// Whether the operator may write letters.
    allowed: bool,
    busy: bool,
    done: Option<(Arc<LetterSummary>, PathBuf)>,
    failure: Option<Failure>,
}

/// What went wrong last, kept until the view words it.
#[derive(Debug)]
enum Failure {
    Writing(JobError),
    Opening(JobError),
}

#[derive(Debug, Clone)]
pub enum Message {
    Write(LetterKind),
    Written(Outcome<(Arc<LetterSummary>, PathBuf)>),
    OpenLetters,
    Opened(Outcome<()>),
}

impl State {
    /// Forgets what was written (another delegation or participant).
    pub fn reset(&mut self, session: &Session) {
        *self = State {
            allowed: session.actor.may(Permission::WriteLetters),
            ..State::default()
        };
    }

    /// `selection` names who gets a letter; `label` goes into the file name.
    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
        selection: Option<(LetterSelection, String)>,
    ) -> Task<Message> {
        match message {
            Message::Write(kind) if !self.busy => {
                let Some((selection, label)) = selection else {
                    return Task::none();
                };
                self.busy = true;
                self.failure = None;
                self.done = None;
                let (ws, actor, tz) = (
                    session.workspace.clone(),
                    session.actor.clone(),
                    session.event.tz(),
                );
                let job = move || {
                    let name = format!("letters-{}-{label}", kind.as_str());
                    let path = system::new_print_path(&ws, &tz, &name)?;
                    let mut conn = ws.connection()?;
                    // Letters are the event's documents: its language, not the clerk's.
                    let language = accredit::setup::document_language(&conn)?;
                    let s = letters::write_letters_in(
                        &ws, &mut conn, &actor, kind, &selection, &path, language,
                    )?;
                    Ok((Arc::new(s), path))
                };
                return worker::spawn(job, Message::Written);
            }
            Message::Write(_) => {}
            Message::Written(outcome) => {
                self.busy = false;
                match outcome {
                    Ok(done) => self.done = Some(done),
                    Err(e) => self.failure = Some(Failure::Writing(e)),
                }
            }
            Message::OpenLetters => {
                if let Some((_, path)) = &self.done {
                    let path = path.clone();
                    return worker::spawn(move || system::open_in_viewer(&path), Message::Opened);
                }
            }
            Message::Opened(Ok(())) => {}
            Message::Opened(Err(e)) => self.failure = Some(Failure::Opening(e)),
        }
        Task::none()
    }

    /// One button per kind of letter, then what was written.
    pub fn view(&self) -> Element<'_, Message> {
        if !self.allowed {
            return column![].into();
        }
        let mut buttons = row![text(t!("letters-title")).size(14)]
            .spacing(10)
            .align_y(Center);
        for kind in LetterKind::ALL {
            buttons = buttons.push(
                button(text(match kind {
                    LetterKind::Acknowledgement => t!("letters-acknowledgement"),
                    LetterKind::Visa => t!("letters-visa"),
                }))
                .style(button::secondary)
                .on_press_maybe((!self.busy).then_some(Message::Write(kind))),
            );
        }
        if self.busy {
            buttons = buttons.push(text(t!("letters-writing")).size(14));
        }
        let mut col = column![buttons].spacing(8);
        if let Some((s, path)) = &self.done {
            let kind = match s.kind {
                LetterKind::Acknowledgement => t!("letters-kind-acknowledgement"),
                LetterKind::Visa => t!("letters-kind-visa"),
            };
            let mut said = t!(
                "letters-written",
                count = s.letters,
                kind = kind,
                path = path.display().to_string()
            );
            if let Some(first) = s.skipped.first() {
                // A sentence of its own, after the first.
                said.push(' ');
                said.push_str(&t!(
                    "letters-left-out",
                    count = s.skipped.len(),
                    name = &first.name,
                    reason = &first.reason
                ));
            }
            // The button under the text: a long path never pushes it away.
            col = col.push(text(said).color(style::OK).size(14));
            col = col.push(
                button(text(t!("letters-open")))
                    .style(button::secondary)
                    .on_press(Message::OpenLetters),
            );
        }
        if let Some(failure) = &self.failure {
            let said = match failure {
                Failure::Writing(e) => t!("letters-failed", error = e.to_string()),
                Failure::Opening(e) => e.to_string(),
            };
            col = col.push(style::error_text(&said));
        }
        col.into()
    }
}
