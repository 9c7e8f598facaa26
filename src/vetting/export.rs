//! The list a security service asks for, as CSV or XLSX, optionally with
//! the photos in a ZIP archive named by reference. The people written are
//! marked *sent*, as one batch, in the same transaction that writes the
//! files: a failure leaves neither files nor marks.

use crate::store::{Db, Tx};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::desk::records::Lookup;
use crate::domain::{ClearanceState, DelegationId, ParticipantStatus};
use crate::error::{Error, Result};
use crate::files::StagedFile;
use crate::store;
use crate::transfer::xlsx::{Cell, Column, TableFormat, TableWriter, col};

/// Who is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VettingSelection {
    /// Only these delegations (empty: all).
    pub delegations: Vec<DelegationId>,
    /// Only people never sent before. Otherwise everyone who needs
    /// clearance and has no final answer (never sent, waiting, or asked for
    /// more information) is sent.
    pub only_not_sent: bool,
}

/// What a vetting export wrote. Field names are part of the CLI's JSON
/// interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VettingExportSummary {
    pub batch: i64,
    pub format: TableFormat,
    pub people: usize,
    pub photos: usize,
    pub bytes: usize,
    pub file: PathBuf,
    pub photos_file: Option<PathBuf>,
}

pub const COLUMNS: [Column; 15] = [
    col("reference", 12.0),
    col("family_name", 22.0),
    col("given_names", 22.0),
    col("date_of_birth", 13.0),
    col("gender", 8.0),
    col("nationality", 11.0),
    col("document_type", 16.0),
    col("document_number", 16.0),
    col("document_expiry", 15.0),
    col("function", 30.0),
    col("delegation", 11.0),
    col("category", 10.0),
    col("photo", 18.0),
    col("clearance", 16.0),
    col("reason", 40.0),
];

/// Writes the list to `path` (and the photos to `photos`), marks everyone
/// on it sent in a new batch, audited, all in one transaction.
pub fn export(
    conn: &mut Db,
    actor: &Actor,
    selection: &VettingSelection,
    format: TableFormat,
    path: &Path,
    photos: Option<&Path>,
) -> Result<VettingExportSummary> {
    actor.require(Permission::RunVetting)?;
    let now = crate::clock::now();
    // The files are staged in each try; only the committed try's are named.
    let (summary, staged, staged_photos) =
        conn.write(|tx| export_in(tx, actor, selection, format, path, photos, now))?;
    staged.publish()?;
    if let Some(s) = staged_photos {
        s.publish()?;
    }
    Ok(summary)
}

/// The export inside `tx`: the summary and the files, staged.
fn export_in(
    tx: &Tx,
    actor: &Actor,
    selection: &VettingSelection,
    format: TableFormat,
    path: &Path,
    photos: Option<&Path>,
    now: i64,
) -> Result<(VettingExportSummary, StagedFile, Option<StagedFile>)> {
    let rule = store::vetting::rule(tx)?;
    if rule.is_off() {
        return Err(Error::Refused(
            "security clearance is not required for this event: turn it on with `accredit event set --clearance all` (or category codes) first".into(),
        ));
    }
    let event = store::event::get(tx)?;
    let lookup = Lookup::load(tx)?;
    let states = store::vetting::states(tx)?;
    let mut chosen = Vec::new();
    store::participants::for_each(tx, |p| {
        let category = lookup
            .categories
            .get(&p.details.category)
            .map(|c| c.code.as_str())
            .unwrap_or_default();
        let state = states.get(&p.id).copied().unwrap_or_default();
        let wanted = matches!(
            p.status,
            ParticipantStatus::Nominated | ParticipantStatus::Approved
        ) && rule.applies_to(category)
            && (selection.delegations.is_empty()
                || selection.delegations.contains(&p.details.delegation))
            && if selection.only_not_sent {
                state == ClearanceState::NotSent
            } else {
                matches!(
                    state,
                    ClearanceState::NotSent
                        | ClearanceState::Sent
                        | ClearanceState::MoreInformation
                )
            };
        if wanted {
            chosen.push(p);
        }
        Ok(())
    })?;
    if chosen.is_empty() {
        return Err(Error::Refused(format!(
            "nobody to send: no nominated or approved participant{} needs clearance {}",
            if selection.delegations.is_empty() {
                ""
            } else {
                " of these delegations"
            },
            if selection.only_not_sent {
                "and was never sent"
            } else {
                "without a final answer"
            }
        )));
    }
    let mut table = TableWriter::new(format, "Vetting", &COLUMNS, event.tz())?;
    let mut archive = photos.map(|_| zip::ZipWriter::new(std::io::Cursor::new(Vec::new())));
    let mut photo_count = 0;
    for p in &chosen {
        let r = lookup.record(p);
        let reference = super::reference(event.code.as_str(), p.id);
        let photo_name = match p.photo {
            Some(hash) => {
                let name = format!("{reference}.jpg");
                if let Some(zip) = archive.as_mut() {
                    let stored = store::photos::get(tx, &hash)?
                        .ok_or_else(|| Error::not_found("photo of participant", p.id))?;
                    // Stored (JPEG is compressed already), dated 1980-01-01:
                    // the same people give the same archive.
                    let options = zip::write::SimpleFileOptions::default()
                        .compression_method(zip::CompressionMethod::Stored)
                        .last_modified_time(zip::DateTime::default());
                    zip.start_file(&name, options).map_err(zip_error)?;
                    zip.write_all(&stored.jpeg)
                        .map_err(|e| Error::Other(format!("could not write the photos: {e}")))?;
                    photo_count += 1;
                }
                name
            }
            None => String::new(),
        };
        table.row(&[
            reference.into(),
            r.family_name.into(),
            r.given_names.into(),
            Cell::Date(p.details.date_of_birth),
            r.gender.into(),
            r.nationality.into(),
            r.document_type.into(),
            r.document_number.into(),
            Cell::Date(p.details.document.expiry),
            r.function.into(),
            r.delegation.into(),
            r.category.into(),
            photo_name.into(),
            "".into(),
            "".into(),
        ])?;
    }
    let bytes = table.finish()?;
    let file_name = crate::transfer::import::display_name(path);
    let batch = store::vetting::insert_batch(tx, now, &actor.name, &file_name, chosen.len())?;
    for p in &chosen {
        store::vetting::mark_sent(tx, p.id, batch)?;
    }
    audit::record(
        tx,
        actor,
        now,
        Change::new("vetting.send", "vetting_batch", batch),
        None::<&()>,
        Some(&serde_json::json!({
            "file": file_name,
            "people": chosen.len(),
            "participants": chosen.iter().map(|p| p.id).collect::<Vec<_>>(),
            "photos": photo_count,
        })),
    )?;
    let staged = crate::files::write_staged(path, &bytes)?;
    let staged_photos = match (archive, photos) {
        (Some(zip), Some(photos_path)) => {
            let zip_bytes = zip.finish().map_err(zip_error)?.into_inner();
            Some(crate::files::write_staged(photos_path, &zip_bytes)?)
        }
        _ => None,
    };
    let summary = VettingExportSummary {
        batch,
        format,
        people: chosen.len(),
        photos: photo_count,
        bytes: bytes.len(),
        file: path.to_path_buf(),
        photos_file: photos.map(Path::to_path_buf),
    };
    Ok((summary, staged, staged_photos))
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::Other(format!("could not write the photos' archive: {e}"))
}
