//! Scans on their way home: an offline gate saves the signed file of the
//! scans it made; the desk brings such a file into the store, which takes
//! it only from a station the event enrolled, unchanged (`import_scans_file`
//! says why it refuses, and audits the refusal).

use std::path::PathBuf;

use iced::widget::{button, column, text};
use iced::{Element, Task};

use super::view::{GREEN, SLATE};
use super::{Message, Source, State};
use crate::gate::transfer::{self, ImportSummary};
use crate::gui::style;
use crate::gui::worker::{self, Outcome};

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
        let dialog = rfd::AsyncFileDialog::new().add_filter("Gate scans", &["json"]);
        let picked = |file: Option<rfd::FileHandle>| {
            Message::ScansPath(file.map(|f| f.path().to_path_buf()))
        };
        match &self.source {
            Source::Package { .. } => Task::perform(
                dialog
                    .set_title("Save this gate's scans for the desk")
                    .set_file_name("gate-scans.json")
                    .save_file(),
                picked,
            ),
            Source::Store { .. } => Task::perform(
                dialog
                    .set_title("Bring home the scans of an offline gate")
                    .pick_file(),
                picked,
            ),
        }
    }

    /// Saves the scans to `path` (gate) or merges the file at `path` (desk),
    /// off the UI thread.
    pub(super) fn scans_transfer(&mut self, path: PathBuf) -> Task<Message> {
        let job: Box<dyn FnOnce() -> crate::Result<ScansDone> + Send> = match &self.source {
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
                "Scans for the desk",
                "Save the scans this gate made, signed by this station, to bring them to the desk on a USB stick.",
                "Save the scans…",
            )
        } else {
            (
                "Scans from offline gates",
                "Bring home the file an offline gate saved. Only a file signed by a station this event enrolled, and unchanged, is taken.",
                "Bring scans home…",
            )
        };
        let mut list = column![
            text(title).size(20),
            text(about).size(13).color(SLATE),
            button(text(if self.scans.busy {
                "Working…"
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
                    text(format!("Saved {scans} scans to {file}."))
                        .size(13)
                        .color(GREEN),
                );
            }
            Some(Ok(ScansDone::Imported(s))) => {
                list = list.push(
                    text(format!(
                        "Imported {} new scans ({} already here) from station {}.",
                        s.new, s.already, s.signed_by
                    ))
                    .size(13)
                    .color(GREEN),
                );
            }
            Some(Err(e)) => list = list.push(style::error_text(&format!("Scans refused: {e}"))),
            None => {}
        }
        super::view::panel(list)
    }
}
