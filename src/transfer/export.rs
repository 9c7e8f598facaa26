//! Exports for organisers and security: participants (with their badge and
//! its hand-over), badges and scans, as CSV or XLSX. Participant columns
//! carry the names of the CLI's JSON fields, so an export imports back as it
//! is.

use crate::store::Db;
use std::path::Path;

use serde::Serialize;

use super::xlsx::{Cell, Column, TableFormat, TableWriter, col};
use crate::auth::{Actor, Permission};
use crate::desk::records::Lookup;
use crate::domain::ZoneSet;
use crate::error::Result;
use crate::store;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    Participants,
    Badges,
    Scans,
}

impl ExportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Participants => "participants",
            ExportKind::Badges => "badges",
            ExportKind::Scans => "scans",
        }
    }
}

/// What an export wrote. Field names are part of the CLI's JSON interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportSummary {
    pub kind: ExportKind,
    pub format: TableFormat,
    pub rows: usize,
    pub bytes: usize,
}

/// Writes the export to `path` whole (never half a file).
pub fn export(
    conn: &Db,
    actor: &Actor,
    kind: ExportKind,
    format: TableFormat,
    path: &Path,
) -> Result<ExportSummary> {
    actor.require(Permission::ViewReports)?;
    // One snapshot of the store, without the write lock.
    let tx = store::read(conn)?;
    let conn: &Db = &tx;
    let event = store::event::get(conn)?;
    let tz = event.tz();
    let sheet = match kind {
        ExportKind::Participants => "Participants",
        ExportKind::Badges => "Badges",
        ExportKind::Scans => "Scans",
    };
    let columns: &[Column] = match kind {
        ExportKind::Participants => &PARTICIPANT_COLUMNS,
        ExportKind::Badges => &BADGE_COLUMNS,
        ExportKind::Scans => &SCAN_COLUMNS,
    };
    let mut table = TableWriter::new(format, sheet, columns, tz)?;
    match kind {
        ExportKind::Participants => participants(conn, &mut table)?,
        ExportKind::Badges => badges(conn, &mut table)?,
        ExportKind::Scans => scans(conn, &mut table)?,
    }
    tx.commit()?;
    let rows = table.rows();
    let bytes = table.finish()?;
    crate::files::write_atomic(path, &bytes)?;
    Ok(ExportSummary {
        kind,
        format,
        rows,
        bytes: bytes.len(),
    })
}

const PARTICIPANT_COLUMNS: [Column; 31] = [
    col("id", 8.0),
    col("delegation", 11.0),
    col("category", 10.0),
    col("given_names", 22.0),
    col("family_name", 22.0),
    col("printed_name", 28.0),
    col("badge_name", 20.0),
    col("function", 30.0),
    col("gender", 9.0),
    col("nationality", 11.0),
    col("date_of_birth", 13.0),
    col("document_type", 18.0),
    col("document_number", 16.0),
    col("document_expiry", 15.0),
    col("email", 30.0),
    col("phone", 18.0),
    col("status", 11.0),
    col("status_reason", 24.0),
    col("zones", 16.0),
    col("zones_added", 12.0),
    col("zones_removed", 12.0),
    col("notes", 30.0),
    col("reference", 14.0),
    col("has_photo", 10.0),
    col("created_at", 17.0),
    col("updated_at", 17.0),
    col("badge_serial", 12.0),
    col("badge_prints", 12.0),
    col("collected_at", 17.0),
    col("collected_by", 14.0),
    col("id_check", 28.0),
];

fn zones(list: &[u8]) -> String {
    ZoneSet::from_numbers(list.iter().copied()).to_list()
}

fn yes_no(b: bool) -> Cell {
    Cell::Text(if b { "yes" } else { "no" }.into())
}

fn participants(conn: &Db, table: &mut TableWriter) -> Result<()> {
    let lookup = Lookup::load(conn)?;
    store::participants::for_each(conn, |p| {
        let badge = store::badges::active_for(conn, p.id)?;
        let (dob, expiry) = (p.details.date_of_birth, p.details.document.expiry);
        let (created, updated) = (p.created_at, p.updated_at);
        let r = lookup.record(&p);
        let collected = badge.as_ref().and_then(|b| b.collected.clone());
        table.row(&[
            Cell::Number(r.id),
            r.delegation.into(),
            r.category.into(),
            r.given_names.into(),
            r.family_name.into(),
            r.printed_name.into(),
            r.badge_name.into(),
            r.function.into(),
            r.gender.into(),
            r.nationality.into(),
            Cell::Date(dob),
            r.document_type.into(),
            r.document_number.into(),
            Cell::Date(expiry),
            r.email.into(),
            r.phone.into(),
            r.status.into(),
            r.status_reason.into(),
            zones(&r.zones).into(),
            zones(&r.zones_added).into(),
            zones(&r.zones_removed).into(),
            r.notes.into(),
            r.reference.into(),
            yes_no(r.has_photo),
            Cell::Instant(Some(created)),
            Cell::Instant(Some(updated)),
            match &badge {
                Some(b) => Cell::Number(b.serial as i64),
                None => Cell::Text(String::new()),
            },
            match &badge {
                Some(b) => Cell::Number(i64::from(b.print_count)),
                None => Cell::Text(String::new()),
            },
            Cell::Instant(collected.as_ref().map(|c| c.at)),
            collected
                .as_ref()
                .map(|c| c.by.clone())
                .unwrap_or_default()
                .into(),
            collected.map(|c| c.id_check).unwrap_or_default().into(),
        ])
    })
}

const BADGE_COLUMNS: [Column; 17] = [
    col("serial", 10.0),
    col("participant", 11.0),
    col("printed_name", 28.0),
    col("delegation", 11.0),
    col("category", 10.0),
    col("status", 10.0),
    col("zones", 16.0),
    col("not_before", 17.0),
    col("expires", 17.0),
    col("issued_at", 17.0),
    col("issued_by", 12.0),
    col("print_count", 11.0),
    col("last_printed_at", 17.0),
    col("collected_at", 17.0),
    col("collected_by", 14.0),
    col("revoked_at", 17.0),
    col("revocation_reason", 28.0),
];

/// Badges by serial. The signed credential (the QR text) is left out: with
/// it, anyone could print a copy of a valid badge.
fn badges(conn: &Db, table: &mut TableWriter) -> Result<()> {
    let lookup = Lookup::load(conn)?;
    for b in store::badges::list(conn)? {
        let p = store::participants::find(conn, b.participant)?;
        let record = p.as_ref().map(|p| lookup.record(p));
        table.row(&[
            Cell::Number(b.serial as i64),
            Cell::Number(b.participant),
            record
                .as_ref()
                .map(|r| r.printed_name.clone())
                .unwrap_or_default()
                .into(),
            record
                .as_ref()
                .map(|r| r.delegation.clone())
                .unwrap_or_default()
                .into(),
            record
                .as_ref()
                .map(|r| r.category.clone())
                .unwrap_or_default()
                .into(),
            b.status.as_str().into(),
            b.zones.to_list().into(),
            Cell::Instant(Some(b.not_before)),
            Cell::Instant(Some(b.expires)),
            Cell::Instant(Some(b.issued_at)),
            b.issued_by.as_str().into(),
            Cell::Number(i64::from(b.print_count)),
            Cell::Instant(b.last_printed_at),
            Cell::Instant(b.collected.as_ref().map(|c| c.at)),
            b.collected
                .as_ref()
                .map(|c| c.by.clone())
                .unwrap_or_default()
                .into(),
            Cell::Instant(b.revoked_at),
            b.revocation_reason.as_str().into(),
        ])?;
    }
    Ok(())
}

const SCAN_COLUMNS: [Column; 14] = [
    col("at", 17.0),
    col("checkpoint", 24.0),
    col("zone", 7.0),
    col("direction", 10.0),
    col("verdict", 18.0),
    col("passed", 8.0),
    col("serial", 10.0),
    col("participant", 11.0),
    col("printed_name", 28.0),
    col("delegation", 11.0),
    col("station", 16.0),
    col("operator", 12.0),
    col("override_reason", 28.0),
    col("id", 38.0),
];

/// Every scan, oldest first, with who it was.
fn scans(conn: &Db, table: &mut TableWriter) -> Result<()> {
    let lookup = Lookup::load(conn)?;
    let checkpoints: std::collections::HashMap<i64, String> = store::checkpoints::list(conn)?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    for s in store::scans::list(conn, &Default::default())? {
        let record = match s.participant {
            Some(id) => store::participants::find(conn, id)?.map(|p| lookup.record(&p)),
            None => None,
        };
        table.row(&[
            Cell::Instant(Some(s.at)),
            checkpoints
                .get(&s.checkpoint)
                .cloned()
                .unwrap_or_else(|| s.checkpoint.to_string())
                .into(),
            Cell::Number(i64::from(s.zone)),
            s.direction.as_str().into(),
            s.verdict.as_str().into(),
            yes_no(s.passed),
            match s.serial {
                Some(n) => Cell::Number(n as i64),
                None => Cell::Text(String::new()),
            },
            match s.participant {
                Some(n) => Cell::Number(n),
                None => Cell::Text(String::new()),
            },
            record
                .as_ref()
                .map(|r| r.printed_name.clone())
                .unwrap_or_default()
                .into(),
            record.map(|r| r.delegation).unwrap_or_default().into(),
            s.station.as_str().into(),
            s.operator.as_str().into(),
            s.override_reason.as_str().into(),
            s.id.as_str().into(),
        ])?;
    }
    Ok(())
}
