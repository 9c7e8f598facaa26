//! Automatic backups of a running application: every N minutes a copy of
//! the store in the data directory's `backups/`, the last K kept. They are
//! plain SQLite files, owner-only like the store beside them (the
//! application has no passphrase to encrypt them with), and never hold the
//! keys. They go by the real clock, not `ACCREDIT_NOW`: a rehearsal of a
//! past event still needs its backups now.

use crate::store::Db;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
pub fn settings(conn: &Db) -> Result<BackupSettings> {
    store::backup_settings::get(conn)
}

/// Changes how often backups are made and how many are kept.
pub fn set_settings(conn: &mut Db, actor: &Actor, new: &BackupSettings) -> Result<()> {
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

fn now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

/// The stamp in a backup's name: UTC to the millisecond, so names sort by
/// time and two backups in one second do not collide.
const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

fn name_of(taken_at: jiff::Timestamp) -> String {
    format!("{PREFIX}{}{SUFFIX}", taken_at.strftime(STAMP))
}

fn taken_at_of(path: &Path) -> Option<i64> {
    let name = path.file_name()?.to_str()?;
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    jiff::civil::DateTime::strptime(STAMP, stamp)
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
    found.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// Takes a backup now and removes the oldest beyond `keep`.
pub fn run_now(ws: &Workspace, keep: u32) -> Result<AutoBackup> {
    let dir = dir(ws);
    workspace::create_private_dir(&dir)?;
    let taken_at = now();
    let path = dir.join(name_of(taken_at));
    let partial = super::TempPath(dir.join(format!(".{}.partial", name_of(taken_at))));
    let conn = ws.open()?;
    store::snapshot::snapshot(&conn, &partial.0)?;
    std::fs::rename(&partial.0, &path).map_err(|e| Error::io(&path, e))?;
    let all = list(ws)?;
    let excess = all.len().saturating_sub(keep.max(1) as usize);
    for old in &all[..excess] {
        std::fs::remove_file(&old.path).map_err(|e| Error::io(&old.path, e))?;
    }
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(AutoBackup {
        path,
        taken_at: taken_at.as_second(),
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
    let now = now().as_second();
    // A backup stamped in the future (the clock was set back) does not stop new ones.
    let due =
        newest.is_none_or(|at| now - at >= i64::from(settings.every_minutes) * 60 || at > now);
    if !due {
        return Ok(None);
    }
    run_now(ws, settings.keep).map(Some)
}

/// How often the running application asks whether a backup is due.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_time_and_sort_by_it() {
        let t: jiff::Timestamp = "2025-10-25T02:00:00.042Z".parse().unwrap();
        let name = name_of(t);
        assert_eq!(name, "accredit-20251025T020000.042Z.sqlite");
        assert_eq!(taken_at_of(Path::new(&name)), Some(t.as_second()));
        assert!(name_of(t) < name_of(t + jiff::SignedDuration::from_millis(1)));
        assert_eq!(taken_at_of(Path::new("accredit-x.sqlite")), None);
    }
}
