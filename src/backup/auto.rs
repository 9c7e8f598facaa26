//! Automatic backups of a running application: every N minutes a copy of
//! the store in the data directory's `backups/`, the last K kept. They are
//! plain SQLite files, owner-only like the store beside them (the
//! application has no passphrase to encrypt them with), and never hold the
//! keys. They go by the real clock, not `ACCREDIT_NOW`: a rehearsal of a
//! past event still needs its backups now.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rusqlite::Connection;

use super::snapshot;
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::error::{Error, Result};
use crate::store;
use crate::store::backup_settings::BackupSettings;
use crate::workspace::{self, Workspace};

pub const DIR: &str = "backups";
const PREFIX: &str = "accredit-";
const SUFFIX: &str = ".sqlite";

/// One automatic backup on disk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AutoBackup {
    pub path: PathBuf,
    /// When it was taken (Unix seconds), from its name.
    pub taken_at: i64,
    pub bytes: u64,
}

pub fn dir(ws: &Workspace) -> PathBuf {
    ws.data_dir().join(DIR)
}

/// The settings in force (the defaults until someone changes them).
pub fn settings(conn: &Connection) -> Result<BackupSettings> {
    store::backup_settings::get(conn)
}

/// Changes how often backups are made and how many are kept.
pub fn set_settings(conn: &mut Connection, actor: &Actor, new: &BackupSettings) -> Result<()> {
    actor.require(Permission::Backup)?;
    let mut errors = Vec::new();
    if !(1..=1440).contains(&new.every_minutes) {
        errors.push(crate::domain::FieldError::new(
            "every_minutes",
            "is 1 to 1440 minutes",
        ));
    }
    if !(1..=1000).contains(&new.keep) {
        errors.push(crate::domain::FieldError::new(
            "keep",
            "is 1 to 1000 backups",
        ));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let tx = conn.transaction()?;
    let old = store::backup_settings::get(&tx)?;
    store::backup_settings::set(&tx, new)?;
    audit::record(
        &tx,
        actor,
        crate::clock::now(),
        Change::new("backup.settings", "store", "backups"),
        Some(&old),
        Some(new),
    )?;
    tx.commit()?;
    Ok(())
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn name_of(taken_at: i64) -> String {
    let stamp = jiff::Timestamp::from_second(taken_at)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .strftime("%Y%m%dT%H%M%SZ");
    format!("{PREFIX}{stamp}{SUFFIX}")
}

fn taken_at_of(path: &Path) -> Option<i64> {
    let name = path.file_name()?.to_str()?;
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    jiff::civil::DateTime::strptime("%Y%m%dT%H%M%SZ", stamp)
        .ok()?
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp().as_second())
}

/// The automatic backups on disk, oldest first.
pub fn list(ws: &Workspace) -> Result<Vec<AutoBackup>> {
    let dir = dir(ws);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(&dir, e)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(&dir, e))?.path();
        if let Some(taken_at) = taken_at_of(&path) {
            let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            found.push(AutoBackup {
                path,
                taken_at,
                bytes,
            });
        }
    }
    found.sort_by_key(|b| b.taken_at);
    Ok(found)
}

/// Takes a backup now and removes the oldest beyond `keep`.
pub fn run_now(ws: &Workspace, keep: u32) -> Result<AutoBackup> {
    let dir = dir(ws);
    workspace::create_private_dir(&dir)?;
    let taken_at = unix_now();
    let path = dir.join(name_of(taken_at));
    let partial = super::TempPath(dir.join(format!(".{}.partial", name_of(taken_at))));
    let conn = ws.open()?;
    snapshot::snapshot(&conn, &partial.0)?;
    std::fs::rename(&partial.0, &path).map_err(|e| Error::io(&path, e))?;
    let all = list(ws)?;
    let excess = all.len().saturating_sub(keep.max(1) as usize);
    for old in &all[..excess] {
        std::fs::remove_file(&old.path).map_err(|e| Error::io(&old.path, e))?;
    }
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(AutoBackup {
        path,
        taken_at,
        bytes,
    })
}

/// Takes a backup when automatic backups are on and the newest is at least
/// `every_minutes` old; `None` when none was due.
pub fn run_if_due(ws: &Workspace) -> Result<Option<AutoBackup>> {
    let settings = settings(&ws.open()?)?;
    if !settings.enabled {
        return Ok(None);
    }
    let newest = list(ws)?.last().map(|b| b.taken_at);
    let due = newest.is_none_or(|at| {
        unix_now() - at >= i64::from(settings.every_minutes) * 60 || at > unix_now()
    });
    if !due {
        return Ok(None);
    }
    run_now(ws, settings.keep).map(Some)
}

/// How often the running application asks whether a backup is due.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);
