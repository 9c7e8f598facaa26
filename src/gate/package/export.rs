//! Making a gate package from the main store.

use crate::store::Db;
use rusqlite::params;
use std::collections::BTreeSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use rayon::prelude::*;
use serde::Serialize;

use super::seal::{self, SealPayload};
use super::{FORMAT, PHOTO_HEIGHT, PHOTO_WIDTH, create_schema};
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::Checkpoint;
use crate::error::{Error, Result};
use crate::workspace::Workspace;
use crate::{files, signing, store};

/// JPEG quality of package photos: small files, faces still clear.
const PHOTO_QUALITY: u8 = 80;
/// Photos are made smaller this many at a time, so memory stays bounded
/// whatever the number of participants.
const PHOTO_BATCH: usize = 256;

/// What went into a package. Field names are part of the CLI's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackageSummary {
    pub file: String,
    pub event: String,
    pub checkpoints: Vec<String>,
    /// Participants with an active badge.
    pub holders: usize,
    pub photos: usize,
    /// Stored photos that could not be read; their holders have none.
    pub photos_unreadable: usize,
    /// Gate officers and supervisors who can sign in offline.
    pub operators: usize,
    pub revocation_sequence: u64,
    pub revoked: usize,
    pub bytes: u64,
}

/// Writes a gate package for `checkpoint_names` to `path`: the event, its
/// trust list, a revocation list signed now, zones, categories, the
/// checkpoints, every participant with an active badge (name as printed,
/// delegation, a small photo), and the gate officers and supervisors with
/// their password hashes. Never a signing key, a document number or a date
/// of birth. The new revocation list and the audit entry are committed only
/// once the file is in place. `now` dates the revocation list and chooses
/// the keys still valid for the trust list.
pub fn export(
    ws: &Workspace,
    conn: &mut Db,
    actor: &Actor,
    checkpoint_names: &[String],
    path: &Path,
    now: i64,
) -> Result<PackageSummary> {
    actor.require(Permission::ManageKeys)?;
    actor.require(Permission::ViewParticipants)?;
    let checkpoints = resolve_checkpoints(conn, checkpoint_names)?;
    let tx = conn.transaction()?;
    let event = store::event::get(&tx)?;
    let trust = signing::trust_list(&tx)?;
    if trust.keys.is_empty() {
        return Err(Error::Refused(
            "this event has no valid signing key: run `accredit keys rotate` first".into(),
        ));
    }
    let root_public = signing::root_public(&tx)?;
    // The desk seals with its signing key, which the signed trust list
    // certifies (the root stays out of daily work, and need not be on this
    // machine); with no such key here, the root seals.
    let desk_key = signing::signing_key(&ws.keys_dir(), &tx)
        .ok()
        .filter(|(record, _)| trust.keys.iter().any(|k| k.kid == record.kid));
    let (sealer, signed_trust) = match desk_key {
        Some((record, key)) => {
            let signed = signing::package_trust_list(&ws.keys_dir(), &tx, now, &record.kid)?;
            (key.signing, signed)
        }
        None => {
            let root = signing::root_key(&ws.keys_dir(), &tx)?;
            let (_, signed) = signing::sign_trust_list_in(&ws.keys_dir(), &tx, now)?;
            (root, signed)
        }
    };
    let revocations = signing::issue_revocation_list_in(&ws.keys_dir(), &tx, now)?;
    let revoked = store::badges::revoked_serials(&tx)?.len();

    let tmp = temporary_beside(path);
    let written = write_package(
        &tx,
        &tmp,
        &Contents {
            event_json: serde_json::to_string(&event)
                .map_err(|e| Error::Other(format!("could not write the event: {e}")))?,
            root_public_key: root_public.to_bytes(),
            signed_trust: &signed_trust,
            sealer: &sealer,
            signed_revocations: &revocations.signed,
            checkpoints: &checkpoints,
            now,
            by: &actor.name,
        },
    )
    .and_then(|counts| {
        sync_file(&tmp)?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
        Ok(counts)
    });
    let counts = match written {
        Ok(counts) => counts,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let summary = PackageSummary {
        file: path.display().to_string(),
        event: event.code.to_string(),
        checkpoints: checkpoints.iter().map(|c| c.name.clone()).collect(),
        holders: counts.holders,
        photos: counts.photos,
        photos_unreadable: counts.photos_unreadable,
        operators: counts.operators,
        revocation_sequence: revocations.sequence,
        revoked,
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
    };
    audit::record(
        &tx,
        actor,
        now,
        Change::new(
            "gate.package.export",
            "gate_package",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        ),
        None::<&()>,
        Some(&serde_json::json!({
            "checkpoints": summary.checkpoints,
            "holders": summary.holders,
            "operators": summary.operators,
            "revocation_sequence": summary.revocation_sequence,
        })),
    )?;
    if let Err(e) = tx.commit() {
        // The package names a revocation list the store did not keep.
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(summary)
}

/// The checkpoints named, each once, in the order given; an unknown name
/// is refused with the list of known ones.
fn resolve_checkpoints(conn: &Db, names: &[String]) -> Result<Vec<Checkpoint>> {
    if names.iter().all(|n| n.trim().is_empty()) {
        return Err(Error::invalid(
            "checkpoint",
            "name at least one checkpoint the gate serves",
        ));
    }
    let mut chosen: Vec<Checkpoint> = Vec::new();
    let mut unknown = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match store::checkpoints::find_by_name(conn, name)? {
            Some(c) if !chosen.iter().any(|k| k.id == c.id) => chosen.push(c),
            Some(_) => {}
            None => unknown.push(format!("\"{name}\"")),
        }
    }
    if !unknown.is_empty() {
        let known: Vec<String> = store::checkpoints::list(conn)?
            .into_iter()
            .map(|c| format!("\"{}\"", c.name))
            .collect();
        return Err(Error::invalid(
            "checkpoint",
            format!(
                "no checkpoint named {}; the event's checkpoints are {}",
                unknown.join(", "),
                known.join(", ")
            ),
        ));
    }
    Ok(chosen)
}

struct Contents<'a> {
    event_json: String,
    root_public_key: [u8; 32],
    signed_trust: &'a [u8],
    sealer: &'a ed25519_dalek::SigningKey,
    signed_revocations: &'a [u8],
    checkpoints: &'a [Checkpoint],
    now: i64,
    by: &'a str,
}

struct Counts {
    holders: usize,
    photos: usize,
    photos_unreadable: usize,
    operators: usize,
}

/// Builds the package at `tmp` from the store as `store` sees it.
fn write_package(store: &Db, tmp: &Path, c: &Contents) -> Result<Counts> {
    let _ = std::fs::remove_file(tmp);
    files::create_private_file(tmp)?;
    let mut out = rusqlite::Connection::open(tmp)?;
    // One self-contained file: no -wal beside it.
    out.pragma_update(None, "journal_mode", "DELETE")?;
    create_schema(&out)?;
    let tx = out.transaction()?;
    tx.execute(
        "INSERT INTO package (id, format, event, root_public_key, trust_list, created_at, created_by)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            FORMAT,
            c.event_json,
            &c.root_public_key[..],
            c.signed_trust,
            c.now,
            c.by
        ],
    )?;
    tx.execute(
        "INSERT INTO revocation_list (id, signed) VALUES (1, ?1)",
        [c.signed_revocations],
    )?;
    for z in store::zones::list(store)? {
        tx.execute(
            "INSERT INTO zones (number, code, name) VALUES (?1, ?2, ?3)",
            params![z.number, z.code, z.name],
        )?;
    }
    for cat in store::categories::list(store)? {
        tx.execute(
            "INSERT INTO categories (code, name, colour) VALUES (?1, ?2, ?3)",
            params![cat.code, cat.name, cat.colour.hex()],
        )?;
    }
    for cp in c.checkpoints {
        tx.execute(
            "INSERT INTO checkpoints (id, name, zone, directions) VALUES (?1, ?2, ?3, ?4)",
            params![cp.id, cp.name, cp.zone, cp.directions.as_str()],
        )?;
    }
    let operators = store::gate::gate_operators(store)?;
    for op in &operators {
        tx.execute(
            "INSERT INTO operators (name, role, password_hash) VALUES (?1, ?2, ?3)",
            params![op.name, op.role.as_str(), op.password_hash],
        )?;
    }

    let holders = store::gate::active_holders(store)?;
    let hashes: Vec<Vec<u8>> = holders
        .iter()
        .filter_map(|h| h.photo_hash.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut readable: BTreeSet<Vec<u8>> = BTreeSet::new();
    let mut unreadable = 0;
    for batch in hashes.chunks(PHOTO_BATCH) {
        let keys: Vec<[u8; 32]> = batch
            .iter()
            .filter_map(|hash| <[u8; 32]>::try_from(hash.as_slice()).ok())
            .collect();
        unreadable += batch.len() - keys.len();
        // One statement for the batch on PostgreSQL, not one per photo.
        let mut found = store::photos::get_many(store, &keys)?;
        let originals: Vec<(Vec<u8>, Vec<u8>)> = keys
            .iter()
            .filter_map(|key| found.remove(key).map(|photo| (key.to_vec(), photo.jpeg)))
            .collect();
        let small: Vec<(Vec<u8>, Option<Vec<u8>>)> = originals
            .into_par_iter()
            .map(|(hash, jpeg)| (hash, small_photo(&jpeg)))
            .collect();
        for (hash, jpeg) in small {
            match jpeg {
                Some(jpeg) => {
                    tx.execute(
                        "INSERT INTO photos (hash, jpeg) VALUES (?1, ?2)",
                        params![hash, jpeg],
                    )?;
                    readable.insert(hash);
                }
                None => unreadable += 1,
            }
        }
    }
    {
        let mut insert = tx.prepare(
            "INSERT INTO holders (participant_id, serial, name, delegation, delegation_name, photo_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for h in &holders {
            let photo = h.photo_hash.as_ref().filter(|p| readable.contains(*p));
            insert.execute(params![
                h.participant,
                h.serial as i64,
                h.name,
                h.delegation,
                h.delegation_name,
                photo
            ])?;
        }
    }
    // The seal last, over everything written above.
    let event_code = serde_json::from_str::<crate::domain::Event>(&c.event_json)
        .map_err(|e| Error::Other(format!("could not read the event back: {e}")))?
        .code
        .to_string();
    let payload = SealPayload {
        event: event_code,
        created_at: c.now.max(0) as u64,
        digests: seal::digests(&tx)?,
    };
    tx.execute(
        "INSERT INTO package_seal (id, signed) VALUES (1, ?1)",
        [crate::credential::Seal::sign(&payload.encode(), c.sealer)],
    )?;
    tx.commit()?;
    out.close().map_err(|(_, e)| Error::from(e))?;
    Ok(Counts {
        holders: holders.len(),
        photos: readable.len(),
        photos_unreadable: unreadable,
        operators: operators.len(),
    })
}

/// The stored photo made small for the gate (3:4, 150 × 200), or `None`
/// when it cannot be read.
fn small_photo(jpeg: &[u8]) -> Option<Vec<u8>> {
    let image = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg).ok()?;
    let small = image
        .resize_to_fill(PHOTO_WIDTH, PHOTO_HEIGHT, FilterType::Triangle)
        .to_rgb8();
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, PHOTO_QUALITY)
        .encode_image(&small)
        .ok()?;
    Some(out.into_inner())
}

fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package".into());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(path, e))
}
