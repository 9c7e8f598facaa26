//! Scans coming home: a gate writes its scans to a file (JSON, format
//! `accredit-gate-scans/2`) signed by its station key, the main store
//! checks the signature and that the event enrolled that station, then
//! merges it. Each scan keeps the UUID it got at the gate and is stored
//! with `INSERT OR IGNORE`, so a file imported twice, or two files that
//! overlap, add every scan exactly once. A refused file is refused whole,
//! and the refusal is audited.

use crate::store::Db;
use std::collections::BTreeSet;
use std::path::Path;

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::scan::{MAX_REASON_CHARS, MAX_STATION_CHARS, record_override};
use super::station::Station;
use super::verdict::GateVerdict;
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::{Seal, kid_hex, kid_of};
use crate::domain::{BadgeSerial, CheckpointId, Direction, ParticipantId, Scan, ZoneNumber};
use crate::error::{Error, Result};
use crate::{clock, store};

/// The `format` of scan files.
pub const SCANS_FORMAT: &str = "accredit-gate-scans/2";
/// The unsigned scan files of earlier versions, refused.
const UNSIGNED_SCANS_FORMAT: &str = "accredit-gate-scans/1";
/// Larger scan files are refused before parsing (about a million scans).
pub const MAX_SCANS_FILE_BYTES: u64 = 512 * 1024 * 1024;
/// At most this many problems are listed when a file is refused.
const MAX_PROBLEMS: usize = 20;

/// A gate's scans, as written by `accredit gate scans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScansFile {
    pub format: String,
    /// The event code the scans belong to.
    pub event: String,
    pub exported_at: i64,
    /// The enrolled station that signed the file (the event's root for
    /// the main store's own scans).
    #[serde(default)]
    pub station: String,
    /// The signer's kid (16 hex digits).
    #[serde(default)]
    pub station_kid: String,
    pub scans: Vec<ScanEntry>,
    /// COSE_Sign1 (hex) by the station's key over the SHA-256 of this
    /// file's JSON without the signature (compact, fields in this order).
    #[serde(default)]
    pub signature: String,
}

/// One scan in a scans file: the columns of the store's `scans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanEntry {
    pub id: String,
    pub serial: Option<BadgeSerial>,
    pub participant: Option<ParticipantId>,
    pub checkpoint_id: CheckpointId,
    /// The checkpoint's name when the scan was made.
    pub checkpoint: String,
    pub zone: ZoneNumber,
    pub direction: Direction,
    /// Its identifier ([`GateVerdict::as_str`]); a file naming another is
    /// not a scans file.
    pub verdict: GateVerdict,
    pub passed: bool,
    pub at: i64,
    pub station: String,
    pub operator: String,
    #[serde(default)]
    pub override_reason: String,
    #[serde(default)]
    pub override_by: String,
    #[serde(default)]
    pub overrides: Option<String>,
}

impl ScanEntry {
    fn from_scan(scan: Scan, checkpoint: String) -> ScanEntry {
        ScanEntry {
            id: scan.id,
            serial: scan.serial,
            participant: scan.participant,
            checkpoint_id: scan.checkpoint,
            checkpoint,
            zone: scan.zone,
            direction: scan.direction,
            verdict: scan.verdict,
            passed: scan.passed,
            at: scan.at,
            station: scan.station,
            operator: scan.operator,
            override_reason: scan.override_reason,
            override_by: scan.override_by,
            overrides: scan.overrides,
        }
    }

    /// The scan this entry records, or what is wrong with it.
    fn to_scan(&self) -> std::result::Result<Scan, String> {
        if let Some(problem) = self.problem() {
            return Err(problem);
        }
        Ok(Scan {
            id: self.id.clone(),
            serial: self.serial,
            participant: self.participant,
            checkpoint: self.checkpoint_id,
            zone: self.zone,
            direction: self.direction,
            verdict: self.verdict,
            passed: self.passed,
            at: self.at,
            station: self.station.clone(),
            operator: self.operator.clone(),
            override_reason: self.override_reason.clone(),
            override_by: self.override_by.clone(),
            overrides: self.overrides.clone(),
        })
    }

    /// What is wrong with this entry, if anything.
    fn problem(&self) -> Option<String> {
        let is_uuid = |s: &str| uuid::Uuid::parse_str(s).is_ok();
        if !is_uuid(&self.id) {
            return Some(format!("id {:?} is not a UUID", self.id));
        }
        if !(1..=64).contains(&self.zone) {
            return Some(format!("zone {} is outside 1–64", self.zone));
        }
        if self.station.trim().is_empty() || self.station.chars().count() > MAX_STATION_CHARS {
            return Some(format!(
                "the station must be 1 to {MAX_STATION_CHARS} characters"
            ));
        }
        if self.operator.trim().is_empty() || self.operator.chars().count() > 40 {
            return Some("the operator must be 1 to 40 characters".into());
        }
        if self.checkpoint.chars().count() > 200 {
            return Some("the checkpoint name is longer than 200 characters".into());
        }
        if self.override_reason.chars().count() > MAX_REASON_CHARS {
            return Some(format!(
                "the override reason is longer than {MAX_REASON_CHARS} characters"
            ));
        }
        match &self.overrides {
            Some(refused) => {
                if !is_uuid(refused) {
                    return Some(format!("overrides {refused:?} is not a UUID"));
                }
                if !self.passed
                    || self.verdict.is_accepted()
                    || self.override_reason.trim().is_empty()
                    || self.override_by.trim().is_empty()
                {
                    return Some(
                        "an override must pass a refusal, with a reason and who authorised it"
                            .into(),
                    );
                }
            }
            None if self.passed != self.verdict.is_accepted() => {
                return Some(format!(
                    "passed is {} for a {} scan that is no override",
                    self.passed, self.verdict
                ));
            }
            None => {}
        }
        None
    }
}

impl Station {
    /// Every scan this station holds, for the main store to import. An
    /// offline gate's officers may take them; from the main store it takes
    /// someone who may see reports.
    pub fn export_scans(&self, actor: &Actor) -> Result<ScansFile> {
        actor.require(if self.is_offline() {
            Permission::Scan
        } else {
            Permission::ViewReports
        })?;
        let scans = store::scans::all_with_checkpoint_names(&self.conn)?
            .into_iter()
            .map(|(scan, checkpoint)| ScanEntry::from_scan(scan, checkpoint))
            .collect();
        let mut file = ScansFile {
            format: SCANS_FORMAT.into(),
            event: self.event.code.to_string(),
            exported_at: clock::now(),
            station: String::new(),
            station_kid: String::new(),
            scans,
            signature: String::new(),
        };
        if let Some((name, key)) = &self.signer {
            file.sign(name, key);
        }
        Ok(file)
    }
}

impl ScansFile {
    /// The bytes the signature covers: the file without its signature.
    fn signed_digest(&self) -> [u8; 32] {
        let unsigned = ScansFile {
            signature: String::new(),
            ..self.clone()
        };
        // Serializing strings, integers and booleans cannot fail.
        let bytes = serde_json::to_vec(&unsigned).unwrap_or_default();
        Sha256::digest(&bytes).into()
    }

    /// Signs the file as station `name` with `key`.
    pub fn sign(&mut self, name: &str, key: &SigningKey) {
        self.station = name.to_owned();
        self.station_kid = kid_hex(&kid_of(&key.verifying_key()));
        self.signature.clear();
        let digest = self.signed_digest();
        self.signature = hex::encode(Seal::sign(&digest, key));
    }

    /// Checks the signature with the signer's key: `Err` names what failed.
    fn check_signature(&self, key: &VerifyingKey) -> std::result::Result<(), &'static str> {
        let bytes = hex::decode(&self.signature).map_err(|_| "its signature is not hex")?;
        let seal = Seal::parse(&bytes).map_err(|_| "its signature cannot be read")?;
        if seal.kid() != kid_of(key) {
            return Err("its signature is not by the station it names");
        }
        match seal.open(key) {
            Some(payload) if payload == self.signed_digest() => Ok(()),
            Some(_) => Err("it was changed after the station signed it"),
            None => Err("its signature does not verify: it was changed or forged"),
        }
    }
}

/// Writes a scans file whole (never half a file under its name).
pub fn write_scans(path: &Path, file: &ScansFile) -> Result<()> {
    let json = serde_json::to_vec_pretty(file)
        .map_err(|e| Error::Other(format!("could not write the scans: {e}")))?;
    crate::files::write_atomic(path, &json)
}

/// Reads a scans file, naming the file and the place of any problem.
pub fn read_scans(path: &Path) -> Result<ScansFile> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .len();
    if size > MAX_SCANS_FILE_BYTES {
        return Err(Error::Refused(format!(
            "{}: {size} bytes is larger than a scans file can be",
            path.display()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_scans(&bytes, &path.display().to_string())
}

/// Parses the bytes of a scans file from `source` (its name, for messages).
/// The signature is checked on import, against the event's stations.
pub fn parse_scans(bytes: &[u8], source: &str) -> Result<ScansFile> {
    let file: ScansFile = serde_json::from_slice(bytes).map_err(|e| {
        match serde_json::from_slice::<serde_json::Value>(bytes) {
            Ok(v) if v["format"] == UNSIGNED_SCANS_FORMAT => Error::Refused(format!(
                "{source}: an unsigned scans file ({UNSIGNED_SCANS_FORMAT}); scans come home only signed by an enrolled gate: write them again with `accredit gate scans` on that gate"
            )),
            _ => Error::Refused(format!(
                "{source} is not a scans file written by `accredit gate scans`: {e}"
            )),
        }
    })?;
    if file.format == UNSIGNED_SCANS_FORMAT {
        return Err(Error::Refused(format!(
            "{source}: an unsigned scans file ({UNSIGNED_SCANS_FORMAT}); scans come home only signed by an enrolled gate: write them again with `accredit gate scans` on that gate"
        )));
    }
    if file.format != SCANS_FORMAT {
        return Err(Error::Refused(format!(
            "{source}: the format is {:?}, this version reads {SCANS_FORMAT:?}",
            file.format
        )));
    }
    Ok(file)
}

/// What an import did. Field names are part of the CLI's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Scans the store did not have.
    pub new: usize,
    /// Scans it had already (imported before, or made here).
    pub already: usize,
    /// Overrides among the new scans (each gets a `gate.override` audit entry).
    pub overrides: usize,
    /// The stations the new scans came from.
    pub stations: Vec<String>,
    /// The enrolled station that signed the file, and its kid.
    pub signed_by: String,
    pub signed_by_kid: String,
}

/// Reads, checks and merges a scans file (`accredit gate import-scans`). A
/// file that cannot be read, is unsigned, changed, or from a station the
/// event did not enrol is refused whole, and the refusal is audited
/// (`gate.scans.refused`, with the reason).
pub fn import_scans_file(conn: &mut Db, actor: &Actor, path: &Path) -> Result<ImportSummary> {
    actor.require(Permission::Scan)?;
    let source = path.display().to_string();
    match read_scans(path) {
        Ok(file) => import_scans(conn, actor, &file, &source),
        Err(Error::Refused(reason)) => {
            audit_refusal(conn, actor, &source, &reason)?;
            Err(Error::Refused(reason))
        }
        Err(e) => Err(e),
    }
}

fn audit_refusal(conn: &mut Db, actor: &Actor, source: &str, reason: &str) -> Result<()> {
    conn.write(|tx| {
        audit::record(
            tx,
            actor,
            clock::now(),
            Change::new("gate.scans.refused", "scans", source),
            None::<&()>,
            Some(&serde_json::json!({ "reason": reason })),
        )
    })
}

/// The key that signed `file`, if the event knows it: an enrolled
/// station's, or the event's own root (the main store's scans).
fn signer_of(conn: &Db, file: &ScansFile, source: &str) -> Result<([u8; 8], VerifyingKey, String)> {
    let kid: Option<[u8; 8]> = hex::decode(&file.station_kid)
        .ok()
        .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok());
    let Some(kid) = kid else {
        return Err(Error::Refused(format!(
            "{source}: nothing imported, the file names no signing station (it is unsigned or was made by hand)"
        )));
    };
    if let Some(station) = store::root::station_by_kid(conn, &kid)? {
        let key = VerifyingKey::from_bytes(&station.public_key)
            .map_err(|e| Error::Other(format!("stored station key: {e}")))?;
        return Ok((kid, key, station.name));
    }
    if let Ok(root) = crate::signing::root_public(conn)
        && kid_of(&root) == kid
    {
        return Ok((kid, root, "the event's root".into()));
    }
    Err(Error::Refused(format!(
        "{source}: nothing imported, it is signed by station {:?} (key {}), which this event never enrolled; enrol a gate with `accredit gate stations add`",
        file.station, file.station_kid
    )))
}

/// Merges a gate's scans into the main store: all or nothing, each scan by
/// its UUID once, whatever was imported before.
pub fn import_scans(
    conn: &mut Db,
    actor: &Actor,
    file: &ScansFile,
    source: &str,
) -> Result<ImportSummary> {
    actor.require(Permission::Scan)?;
    match merge_scans(conn, actor, file, source) {
        Err(Error::Refused(reason)) => {
            audit_refusal(conn, actor, source, &reason)?;
            Err(Error::Refused(reason))
        }
        other => other,
    }
}

fn merge_scans(
    conn: &mut Db,
    actor: &Actor,
    file: &ScansFile,
    source: &str,
) -> Result<ImportSummary> {
    let event = store::event::get(conn)?;
    if file.event != event.code.as_str() {
        return Err(Error::Refused(format!(
            "{source} holds scans of event {}, this store is event {}",
            file.event, event.code
        )));
    }
    let (kid, key, signed_by) = signer_of(conn, file, source)?;
    file.check_signature(&key).map_err(|why| {
        Error::Refused(format!(
            "{source}: nothing imported, the signature of station {signed_by:?} does not hold: {why}"
        ))
    })?;
    let mut scans = Vec::with_capacity(file.scans.len());
    let mut problems = Vec::new();
    for (i, entry) in file.scans.iter().enumerate() {
        match entry.to_scan() {
            Ok(scan) => scans.push((scan, entry.checkpoint.as_str())),
            Err(p) => problems.push(format!("scan {} ({}): {p}", i + 1, entry.id)),
        }
    }
    if !problems.is_empty() {
        let mut text = problems
            .iter()
            .take(MAX_PROBLEMS)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        if problems.len() > MAX_PROBLEMS {
            text.push_str(&format!("; and {} more", problems.len() - MAX_PROBLEMS));
        }
        return Err(Error::Refused(format!(
            "{source}: nothing imported, {} scan(s) are not valid: {text}",
            problems.len()
        )));
    }
    let now = clock::now();
    conn.write(|tx| {
        let mut summary = ImportSummary {
            new: 0,
            already: 0,
            overrides: 0,
            stations: Vec::new(),
            signed_by: signed_by.clone(),
            signed_by_kid: kid_hex(&kid),
        };
        let mut stations = BTreeSet::new();
        for (scan, checkpoint) in &scans {
            if store::scans::insert(tx, scan, checkpoint, Some(now))? {
                store::root::set_scan_station(tx, &scan.id, &kid)?;
                summary.new += 1;
                stations.insert(scan.station.clone());
                if scan.overrides.is_some() {
                    summary.overrides += 1;
                    record_override(tx, actor, scan)?;
                }
            } else {
                summary.already += 1;
            }
        }
        summary.stations = stations.into_iter().collect();
        if summary.new == 0 {
            // Nothing new: the store stays exactly as it was, audit trail included.
            return Ok(summary);
        }
        audit::record(
            tx,
            actor,
            now,
            Change::new("gate.scans.import", "scans", source),
            None::<&()>,
            Some(&serde_json::json!({
                "new": summary.new,
                "already": summary.already,
                "overrides": summary.overrides,
                "stations": summary.stations,
                "signed_by": summary.signed_by,
                "signed_by_kid": summary.signed_by_kid,
            })),
        )?;
        Ok(summary)
    })
}
