//! The participant's actions, each a job off the UI thread: status changes,
//! printing, reprinting, revoking, handing over, replacing the photo, and
//! opening or printing the PDF made.

use accredit::db::Db;
use std::path::PathBuf;

use iced::Task;

use super::{Action, Done, Event, Message, Notice, State, run};
use crate::gui::Session;
use crate::gui::screen::choices::ReprintChoice;
use crate::gui::system;
use crate::gui::worker;
use accredit::auth::Actor;
use accredit::desk::badges as desk_badges;
use accredit::desk::participants;
use accredit::desk::printing::{self, Selection};
use accredit::domain::ParticipantStatus;
use accredit::i18n::{self, Language};
use accredit::tr;
use accredit::workspace::Workspace;
use accredit::{Error, Result};

impl State {
    fn start(
        &mut self,
        action: Action,
        session: &Session,
        job: impl FnOnce(&mut Db, &Actor, &Workspace) -> Result<Done> + Send + 'static,
    ) -> (Task<Message>, Option<Event>) {
        if self.busy.is_some() {
            return (Task::none(), None);
        }
        self.busy = Some(action);
        self.notice = None;
        (
            run(session, job, move |outcome| Message::Done(action, outcome)),
            None,
        )
    }

    pub(super) fn set_status(
        &mut self,
        session: &Session,
        action: Action,
    ) -> (Task<Message>, Option<Event>) {
        let (id, reason) = (self.id, self.status_reason.clone());
        // The job runs on a thread of its own: it speaks the screen's language.
        let lang = i18n::current();
        self.start(action, session, move |conn, actor, _| {
            let (to, done) = match action {
                Action::Approve => (
                    ParticipantStatus::Approved,
                    tr!(lang, "participant-done-approved"),
                ),
                Action::Reject => (
                    ParticipantStatus::Rejected,
                    tr!(lang, "participant-done-rejected"),
                ),
                Action::Cancel => (
                    ParticipantStatus::Cancelled,
                    tr!(lang, "participant-done-cancelled"),
                ),
                _ => (
                    ParticipantStatus::Nominated,
                    tr!(lang, "participant-done-renominated"),
                ),
            };
            participants::set_status(conn, actor, &[id], to, &reason)?;
            Ok(Done {
                text: done,
                pdf: None,
            })
        })
    }

    /// The reason to confirm printing a badge valid until `expires`, asked
    /// once (`confirmed` then): see [`printing::validity_warning`].
    fn needs_confirming(
        &mut self,
        session: &Session,
        action: Action,
        expires: i64,
        confirmed: bool,
    ) -> bool {
        if confirmed {
            return false;
        }
        let warning = printing::validity_warning(&session.event, expires, accredit::clock::now());
        self.confirm_validity = warning.map(|w| (action, w));
        self.confirm_validity.is_some()
    }

    /// Prints the participant's badge; `handed_over_again`: confirmed that
    /// a badge already handed over is printed again; `confirmed`: confirmed
    /// a badge not valid for the event.
    pub(super) fn print(
        &mut self,
        session: &Session,
        handed_over_again: bool,
        confirmed: bool,
    ) -> (Task<Message>, Option<Event>) {
        let expires = self
            .active_badge()
            .map_or(session.event.badge_valid_until, |b| b.expires);
        if self.needs_confirming(session, Action::Print, expires, confirmed) {
            return (Task::none(), None);
        }
        let (id, layout, tz) = (self.id, self.layout, session.event.tz());
        let lang = i18n::current();
        self.start(Action::Print, session, move |conn, actor, ws| {
            let path = system::new_print_path(ws, &tz, &format!("participant-{id}"))?;
            let selection = Selection {
                participants: vec![id],
                confirmed,
                handed_over_again,
                ..Default::default()
            };
            let summary = printing::print(ws, conn, actor, &selection, layout, &path, &|_| true)?;
            let serial = summary.serials.first().copied().unwrap_or_default();
            let (serial, shown) = (serial.to_string(), path.display().to_string());
            let text = if summary.new > 0 {
                tr!(
                    lang,
                    "participant-done-printed-new",
                    serial = serial,
                    path = shown
                )
            } else {
                tr!(
                    lang,
                    "participant-done-printed-again",
                    serial = serial,
                    path = shown
                )
            };
            Ok(Done {
                text,
                pdf: Some(path),
            })
        })
    }

    pub(super) fn reprint(
        &mut self,
        session: &Session,
        confirmed: bool,
    ) -> (Task<Message>, Option<Event>) {
        let expires = session.event.badge_valid_until;
        if self.needs_confirming(session, Action::Reprint, expires, confirmed) {
            return (Task::none(), None);
        }
        let (id, layout, reason, tz) = (
            self.id,
            self.layout,
            self.reprint_reason,
            session.event.tz(),
        );
        let lang = i18n::current();
        // The reason as the screen's list says it, in the screen's language.
        let reason_words = ReprintChoice(reason).to_string().to_lowercase();
        self.start(Action::Reprint, session, move |conn, actor, ws| {
            let path = system::new_print_path(ws, &tz, &format!("reprint-{id}"))?;
            let (old, new) =
                printing::reprint(ws, conn, actor, id, reason, layout, &path, confirmed)?;
            let (serial, shown) = (new.serial.to_string(), path.display().to_string());
            let text = match old {
                Some(old) => tr!(
                    lang,
                    "participant-done-reprinted-replacing",
                    serial = serial,
                    reason = reason_words,
                    old = old.serial.to_string(),
                    path = shown
                ),
                None => tr!(
                    lang,
                    "participant-done-reprinted",
                    serial = serial,
                    reason = reason_words,
                    path = shown
                ),
            };
            Ok(Done {
                text,
                pdf: Some(path),
            })
        })
    }

    pub(super) fn revoke(&mut self, session: &Session) -> (Task<Message>, Option<Event>) {
        let Some(serial) = self.active_badge().map(|b| b.serial) else {
            return (Task::none(), None);
        };
        let reason = self.revoke_reason.clone();
        let lang = i18n::current();
        self.start(Action::Revoke, session, move |conn, actor, _| {
            desk_badges::revoke(conn, actor, serial, &reason)?;
            Ok(Done {
                text: tr!(
                    lang,
                    "participant-done-revoked",
                    serial = serial.to_string()
                ),
                pdf: None,
            })
        })
    }

    pub(super) fn hand_over(&mut self, session: &Session) -> (Task<Message>, Option<Event>) {
        let (id, check) = (self.id, self.id_check.clone());
        let lang = i18n::current();
        self.start(Action::HandOver, session, move |conn, actor, _| {
            let badge = desk_badges::hand_over(conn, actor, id, &check)?;
            Ok(Done {
                text: tr!(
                    lang,
                    "participant-done-handed-over",
                    serial = badge.serial.to_string(),
                    check = check.trim()
                ),
                pdf: None,
            })
        })
    }

    pub(super) fn use_photo(&mut self, session: &Session) -> (Task<Message>, Option<Event>) {
        let path = PathBuf::from(self.photo_path.trim());
        if path.as_os_str().is_empty() {
            self.notice = Some(Notice::PhotoPathNeeded);
            return (Task::none(), None);
        }
        let id = self.id;
        let lang = i18n::current();
        self.start(Action::Photo, session, move |conn, actor, _| {
            let bytes = read_photo(&path, lang)?;
            participants::set_photo(conn, actor, id, &bytes)?;
            Ok(Done {
                text: tr!(
                    lang,
                    "participant-done-photo",
                    path = path.display().to_string()
                ),
                pdf: None,
            })
        })
    }

    pub(super) fn open_pdf(&mut self) -> (Task<Message>, Option<Event>) {
        let Some(path) = self.last_pdf.clone() else {
            return (Task::none(), None);
        };
        self.busy = Some(Action::OpenPdf);
        let lang = i18n::current();
        let task = worker::spawn(
            move || {
                system::open_in_viewer(&path)?;
                Ok(Done {
                    text: tr!(
                        lang,
                        "participant-done-opened",
                        path = path.display().to_string()
                    ),
                    pdf: Some(path),
                })
            },
            |outcome| Message::Done(Action::OpenPdf, outcome),
        );
        (task, None)
    }

    pub(super) fn send_pdf(&mut self) -> (Task<Message>, Option<Event>) {
        let Some(path) = self.last_pdf.clone() else {
            return (Task::none(), None);
        };
        self.busy = Some(Action::SendPdf);
        let lang = i18n::current();
        let task = worker::spawn(
            move || {
                let said = system::send_to_printer(&path)?;
                Ok(Done {
                    text: tr!(lang, "participant-done-sent", answer = said),
                    pdf: Some(path),
                })
            },
            |outcome| Message::Done(Action::SendPdf, outcome),
        );
        (task, None)
    }
}

/// Files bigger than this are refused before reading: no camera photo comes
/// near it, and reading it whole would only fill memory.
const MAX_PHOTO_BYTES: u64 = 64 * 1024 * 1024;

/// The photo file's bytes; what is wrong with it in `lang`, the screen's
/// language (this runs on a worker thread).
pub(super) fn read_photo(path: &std::path::Path, lang: Language) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::invalid(
            "photo",
            tr!(
                lang,
                "participant-photo-not-a-file",
                path = path.display().to_string()
            ),
        ));
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(Error::invalid(
            "photo",
            tr!(
                lang,
                "participant-photo-too-large",
                path = path.display().to_string(),
                size = meta.len() / (1024 * 1024),
                limit = MAX_PHOTO_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// The native file dialog (it may be missing, e.g. with no desktop portal:
/// then nothing comes back and the path field remains).
pub(super) fn choose_photo() -> Task<Message> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title(accredit::t!("participant-photo-dialog-title"))
        .add_filter(
            accredit::t!("participant-photo-dialog-filter"),
            &["jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "gif"],
        );
    Task::perform(dialog.pick_file(), |file| {
        Message::PhotoChosen(file.map(|f| f.path().to_path_buf()))
    })
}
