//! The participant's actions, each a job off the UI thread: status changes,
//! printing, reprinting, revoking, handing over, replacing the photo, and
//! opening or printing the PDF made.

use crate::store::Db;
use std::path::PathBuf;

use iced::Task;

use super::{Action, Done, Event, Message, Notice, State, run};
use crate::auth::Actor;
use crate::desk::badges as desk_badges;
use crate::desk::participants;
use crate::desk::printing::{self, Selection};
use crate::domain::ParticipantStatus;
use crate::error::{Error, Result};
use crate::gui::Session;
use crate::gui::screen::choices::ReprintChoice;
use crate::gui::system;
use crate::gui::worker;
use crate::workspace::Workspace;

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
        self.start(action, session, move |conn, actor, _| {
            let (to, done) = match action {
                Action::Approve => (ParticipantStatus::Approved, "Approved"),
                Action::Reject => (ParticipantStatus::Rejected, "Rejected"),
                Action::Cancel => (ParticipantStatus::Cancelled, "Cancelled"),
                _ => (ParticipantStatus::Nominated, "Back to nominated"),
            };
            participants::set_status(conn, actor, &[id], to, &reason)?;
            Ok(Done {
                text: done.into(),
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
        let warning = printing::validity_warning(&session.event, expires, crate::clock::now());
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
            let what = if summary.new > 0 {
                "New badge"
            } else {
                "Badge printed again:"
            };
            Ok(Done {
                text: format!("{what} {serial} → {}", path.display()),
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
        self.start(Action::Reprint, session, move |conn, actor, ws| {
            let path = system::new_print_path(ws, &tz, &format!("reprint-{id}"))?;
            let (old, new) =
                printing::reprint(ws, conn, actor, id, reason, layout, &path, confirmed)?;
            let replaced = old
                .map(|b| format!(" (badge {} revoked)", b.serial))
                .unwrap_or_default();
            Ok(Done {
                text: format!(
                    "New badge {} ({}){replaced} → {}",
                    new.serial,
                    ReprintChoice(reason).to_string().to_lowercase(),
                    path.display()
                ),
                pdf: Some(path),
            })
        })
    }

    pub(super) fn revoke(&mut self, session: &Session) -> (Task<Message>, Option<Event>) {
        let Some(serial) = self.active_badge().map(|b| b.serial) else {
            return (Task::none(), None);
        };
        let reason = self.revoke_reason.clone();
        self.start(Action::Revoke, session, move |conn, actor, _| {
            desk_badges::revoke(conn, actor, serial, &reason)?;
            Ok(Done {
                text: format!("Badge {serial} revoked: no gate lets it through any more"),
                pdf: None,
            })
        })
    }

    pub(super) fn hand_over(&mut self, session: &Session) -> (Task<Message>, Option<Event>) {
        let (id, check) = (self.id, self.id_check.clone());
        self.start(Action::HandOver, session, move |conn, actor, _| {
            let badge = desk_badges::hand_over(conn, actor, id, &check)?;
            Ok(Done {
                text: format!("Badge {} handed over ({})", badge.serial, check.trim()),
                pdf: None,
            })
        })
    }

    pub(super) fn use_photo(&mut self, session: &Session) -> (Task<Message>, Option<Event>) {
        let path = PathBuf::from(self.photo_path.trim());
        if path.as_os_str().is_empty() {
            self.notice = Some(Notice {
                ok: false,
                text: "Type the path of the photo file, or choose it.".into(),
            });
            return (Task::none(), None);
        }
        let id = self.id;
        self.start(Action::Photo, session, move |conn, actor, _| {
            let bytes = read_photo(&path)?;
            participants::set_photo(conn, actor, id, &bytes)?;
            Ok(Done {
                text: format!("Photo replaced from {}", path.display()),
                pdf: None,
            })
        })
    }

    pub(super) fn open_pdf(&mut self) -> (Task<Message>, Option<Event>) {
        let Some(path) = self.last_pdf.clone() else {
            return (Task::none(), None);
        };
        self.busy = Some(Action::OpenPdf);
        let task = worker::spawn(
            move || {
                system::open_in_viewer(&path)?;
                Ok(Done {
                    text: format!("Opened {}", path.display()),
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
        let task = worker::spawn(
            move || {
                let said = system::send_to_printer(&path)?;
                Ok(Done {
                    text: format!("Sent to the printer: {said}"),
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

pub(super) fn read_photo(path: &std::path::Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::invalid(
            "photo",
            format!("{} is not a file", path.display()),
        ));
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(Error::invalid(
            "photo",
            format!(
                "{} is {} MB; a photo file must be under {} MB",
                path.display(),
                meta.len() / (1024 * 1024),
                MAX_PHOTO_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// The native file dialog (it may be missing, e.g. with no desktop portal:
/// then nothing comes back and the path field remains).
pub(super) fn choose_photo() -> Task<Message> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title("Choose the participant's photo")
        .add_filter(
            "Photos",
            &["jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "gif"],
        );
    Task::perform(dialog.pick_file(), |file| {
        Message::PhotoChosen(file.map(|f| f.path().to_path_buf()))
    })
}
