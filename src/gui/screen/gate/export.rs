//! The offline gate package, offered on the setup page to those who manage
//! keys: the checkpoints it serves, then a file to save it to.

use std::collections::BTreeSet;
use std::path::PathBuf;

use iced::widget::{button, checkbox, column, text};
use iced::{Element, Task};

use super::view::{GREEN, SLATE};
use super::{Message, Source, State, StationInfo};
use crate::gui::style;
use crate::gui::worker::{self, Outcome};
use accredit::domain::CheckpointId;
use accredit::gate::package::{self, PackageSummary};
use accredit::t;

#[derive(Debug, Default)]
pub(super) struct ExportForm {
    pub(super) chosen: BTreeSet<CheckpointId>,
    pub(super) busy: bool,
    pub(super) done: Option<Outcome<PackageSummary>>,
}

impl State {
    /// Asks where to save the package of the chosen checkpoints.
    pub(super) fn export_save(&self) -> Task<Message> {
        if self.export.chosen.is_empty() || self.export.busy {
            return Task::none();
        }
        let name = format!(
            "{}-gate.accredit-gate",
            self.info
                .as_ref()
                .map(|i| i.event.as_str())
                .unwrap_or("event")
        );
        Task::perform(
            rfd::AsyncFileDialog::new()
                .set_title(t!("gate-export-dialog"))
                .set_file_name(name)
                .save_file(),
            |file| Message::ExportPath(file.map(|f| f.path().to_path_buf())),
        )
    }

    pub(super) fn export_to(&mut self, path: PathBuf) -> Task<Message> {
        let Source::Store { workspace, actor } = &self.source else {
            return Task::none();
        };
        let Some(info) = &self.info else {
            return Task::none();
        };
        let names: Vec<String> = info
            .checkpoints
            .iter()
            .filter(|c| self.export.chosen.contains(&c.id))
            .map(|c| c.name.clone())
            .collect();
        self.export.busy = true;
        self.export.done = None;
        let (ws, actor, now) = (workspace.clone(), actor.clone(), self.now);
        worker::spawn(
            move || {
                let mut conn = ws.connection()?;
                package::export(&ws, &mut conn, &actor, &names, &path, now())
            },
            Message::Exported,
        )
    }

    pub(super) fn export_view<'a>(&'a self, info: &'a StationInfo) -> Element<'a, Message> {
        let mut list = column![
            text(t!("gate-export-title")).size(20),
            text(t!("gate-export-about")).size(13).color(SLATE),
        ]
        .spacing(6);
        if let Some(fingerprint) = &info.root_fingerprint {
            list = list
                .push(text(t!("gate-export-fingerprint")).size(14))
                .push(text(fingerprint).size(18).font(super::view::BOLD));
        }
        for c in &info.checkpoints {
            let id = c.id;
            list = list.push(
                checkbox(self.export.chosen.contains(&id))
                    .label(c.name.as_str())
                    .on_toggle(move |on| Message::ExportToggled(id, on)),
            );
        }
        let save =
            (!self.export.busy && !self.export.chosen.is_empty()).then_some(Message::ExportSave);
        list = list.push(
            button(text(if self.export.busy {
                t!("gate-export-writing")
            } else {
                t!("gate-export-save")
            }))
            .padding([8, 18])
            .on_press_maybe(save),
        );
        match &self.export.done {
            Some(Ok(s)) => {
                list = list.push(
                    text(t!(
                        "gate-export-done",
                        file = &s.file,
                        holders = s.holders,
                        photos = s.photos,
                        revocations = s.revocation_sequence.to_string()
                    ))
                    .size(13)
                    .color(GREEN),
                )
            }
            Some(Err(e)) => list = list.push(style::error_text(&e.to_string())),
            None => {}
        }
        super::view::panel(list)
    }
}
