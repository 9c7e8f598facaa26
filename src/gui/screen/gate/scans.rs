//! Scans on their way home: an offline gate saves the signed file of the
//! scans it made; the desk brings such a file into the store, which takes
//! it only from a station the event enrolled, unchanged (`import_scans_file`
//! says why it refuses, and audits the refusal).

use std::path::PathBuf;

use iced::widget::{button, column, text};
use iced::{Element, Task};

use super::view::{GREEN, SLATE};
use super::{Message, Source, State};
use crate::gui::style;
use crate::gui::worker::{self, Outcome};
use accredit::gate::transfer::{self, ImportSummary};
use accredit::t;

#[derive(Debug, Default)]
pub(super) struct ScansForm {
    pub(super) busy: bool,
    pub(super) done: Option<Outcome<ScansDone>>,
}

/// What a transfer did, as the screen says it.
#[derive(Debug, Clone)]
pub enum ScansDone {
    /// The gate wrote this many scans to a file.
    Saved { file: String, scans: usize },
    /// The desk merged a file.
    Imported(ImportSummary),
}

impl State {
    /// Asks for the file to save (at a gate) or to bring home (at the desk).
    pub(super) fn scans_pick(&self) -> Task<Message> {
        if self.scans.busy {
            return Task::none();
        }
        let dialog = rfd::AsyncFileDialog::new().add_filter(t!("gate-scans-filter"), &["json"]);
        let picked = |file: Option<rfd::FileHandle>| {
            Message::ScansPath(file.map(|f| f.path().to_path_buf()))
        };
        match &self.source {
            Source::Package { .. } => Task::perform(
                dialog
                    .set_title(t!("gate-scans-save-dialog"))
                    .set_file_name("gate-scans.json")
                    .save_file(),
                picked,
            ),
            Source::Store { .. } => Task::perform(
                dialog.set_title(t!("gate-scans-import-dialog")).pick_file(),
                picked,
            ),
        }
    }

    /// Saves the scans to `path` (gate) or merges the file at `path` (desk),
    /// off the UI thread.
    pub(super) fn scans_transfer(&mut self, path: PathBuf) -> Task<Message> {
        let job: Box<dyn FnOnce() -> accredit::Result<ScansDone> + Send> = match &self.source {
            Source::Package { .. } => {
                let (Some(station), Some(actor)) = (self.station.clone(), self.actor.clone())
                else {
                    return Task::none();
                };
                Box::new(move || {
                    let file = station.lock().export_scans(&actor)?;
                    transfer::write_scans(&path, &file)?;
                    Ok(ScansDone::Saved {
                        file: path.display().to_string(),
                        scans: file.scans.len(),
                    })
                })
            }
            Source::Store { workspace, actor } => {
                let (ws, actor) = (workspace.clone(), actor.clone());
                Box::new(move || {
                    let mut conn = ws.connection()?;
                    transfer::import_scans_file(&mut conn, &actor, &path).map(ScansDone::Imported)
                })
            }
        };
        self.scans.busy = true;
        self.scans.done = None;
        worker::spawn(job, Message::ScansDone)
    }

    pub(super) fn scans_view(&self) -> Element<'_, Message> {
        let offline = matches!(self.source, Source::Package { .. });
        let (title, about, action) = if offline {
            (
                t!("gate-scans-save-title"),
                t!("gate-scans-save-about"),
                t!("gate-scans-save"),
            )
        } else {
            (
                t!("gate-scans-import-title"),
                t!("gate-scans-import-about"),
                t!("gate-scans-import"),
            )
        };
        let mut list = column![
            text(title).size(20),
            text(about).size(13).color(SLATE),
            button(text(if self.scans.busy {
                t!("gate-scans-working")
            } else {
                action
            }))
            .padding([8, 18])
            .on_press_maybe((!self.scans.busy).then_some(Message::ScansPick)),
        ]
        .spacing(6);
        match &self.scans.done {
            Some(Ok(ScansDone::Saved { file, scans })) => {
                list = list.push(
                    text(t!("gate-scans-saved", count = scans, file = file))
                        .size(13)
                        .color(GREEN),
                );
            }
            Some(Ok(ScansDone::Imported(s))) => {
                list = list.push(
                    text(t!(
                        "gate-scans-imported",
                        count = s.new,
                        already = s.already,
                        station = &s.signed_by
                    ))
                    .size(13)
                    .color(GREEN),
                );
            }
            Some(Err(e)) => {
                list = list.push(style::error_text(&t!(
                    "gate-scans-refused",
                    error = e.to_string()
                )))
            }
            None => {}
        }
        super::view::panel(list)
    }
}
