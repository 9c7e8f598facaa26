//! Backups of an event: `create` writes an encrypted backup file (the store,
//! and the signing keys only when asked), `restore` checks a backup whole
//! before it replaces anything and keeps the current store aside, and `auto`
//! keeps the last backups of a running application in the data directory.
//!
//! The store is copied with SQLite's online backup API (`snapshot`), so a
//! backup is one consistent moment even while the GUI or a gate writes.

mod archive;
pub mod auto;
pub mod copy;
mod crypt;
mod restore;

use crate::store::Db;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::error::{Error, Result};
use crate::files;
use crate::store;
use crate::workspace::Workspace;

pub use crypt::is_encrypted;
pub use restore::{RestoreSummary, inspect, restore};

/// The environment variable a script sets instead of typing the passphrase.
pub const PASSPHRASE_ENV: &str = "ACCREDIT_BACKUP_PASSPHRASE";

/// What a backup holds, written first into it and shown before a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub event: String,
    pub event_name: String,
    pub schema_version: usize,
    /// When the copy was taken (Unix seconds) and by whom.
    pub created_at: i64,
    pub created_by: String,
    pub participants: u64,
    pub badges: u64,
    pub audit_entries: u64,
    /// Whether the event's signing keys are inside.
    pub with_keys: bool,
    pub keys: Vec<String>,
}

pub const FORMAT: &str = "accredit-backup-v1";

/// How a backup is made.
pub struct BackupOptions<'a> {
    /// Include the signing keys (administrators only).
    pub with_keys: bool,
    /// Encrypts the file; at least 8 characters.
    pub passphrase: &'a str,
}

/// Writes an encrypted backup of the workspace's store to `out`: a
/// consistent copy of the store, the signing keys when `with_keys`. The file
/// appears whole under its name or not at all.
pub fn create(
    ws: &Workspace,
    actor: &Actor,
    out: &Path,
    options: &BackupOptions,
) -> Result<Manifest> {
    actor.require(Permission::Backup)?;
    if options.with_keys {
        actor.require(Permission::ManageKeys)?;
    }
    let mut conn = ws.open()?;
    let copy = TempPath(private_temp(ws, "backup", "sqlite"));
    store::snapshot::snapshot(&conn, &copy.0)?;
    let mut manifest = describe(
        &Db::open_sqlite_as_is(&copy.0, true)?,
        actor,
        crate::clock::now(),
    )?;
    let keys = if options.with_keys {
        let keys = crate::credential::list_secrets(&ws.keys_dir())
            .map_err(|e| Error::Refused(format!("the signing keys cannot be read: {e}")))?;
        manifest.with_keys = true;
        manifest.keys = keys
            .iter()
            .map(|k| crate::credential::kid_hex(&k.kid()))
            .collect();
        let mut paths: Vec<PathBuf> = keys
            .iter()
            .map(|k| crate::credential::secret_path(&ws.keys_dir(), &k.kid()))
            .collect();
        // The event root travels with the signing keys.
        if let Some(root) = crate::store::root::get(&conn)? {
            let path = crate::signing::root_secret_path(&ws.keys_dir(), &root.kid);
            if path.is_file() {
                paths.push(path);
            }
        }
        paths
    } else {
        Vec::new()
    };
    write_encrypted(out, &manifest, &copy.0, &keys, options.passphrase)?;
    let tx = conn.transaction()?;
    audit::record(
        &tx,
        actor,
        manifest.created_at,
        Change::new("store.backup", "store", &manifest.event),
        None::<&()>,
        Some(&serde_json::json!({
            "file": out.display().to_string(),
            "with_keys": options.with_keys,
            "participants": manifest.participants,
        })),
    )?;
    tx.commit()?;
    Ok(manifest)
}

/// The manifest of a store (a copy, or a backup being restored).
fn describe(conn: &Db, actor: &Actor, now: i64) -> Result<Manifest> {
    let event = store::event::find(conn)?
        .ok_or_else(|| Error::Refused("the store holds no event to back up".into()))?;
    let count = |table: &str| -> Result<u64> {
        Ok(
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                r.get::<i64>(0)
            })? as u64,
        )
    };
    Ok(Manifest {
        format: FORMAT.into(),
        event: event.code.to_string(),
        event_name: event.name,
        schema_version: schema_version(conn)?,
        created_at: now,
        created_by: actor.name.clone(),
        participants: count("participants")?,
        badges: count("badges")?,
        audit_entries: count("audit_log")?,
        with_keys: false,
        keys: Vec::new(),
    })
}

/// The schema version of a store; refused when it is newer than this
/// program knows (a backup from a later Accredit).
fn schema_version(conn: &Db) -> Result<usize> {
    conn.schema_version()
}

fn write_encrypted(
    out: &Path,
    manifest: &Manifest,
    database: &Path,
    keys: &[PathBuf],
    passphrase: &str,
) -> Result<()> {
    let partial = TempPath(partial_path(out));
    let io = |e: std::io::Error| Error::io(out, e);
    files::create_private_file(&partial.0)?;
    let file = File::options()
        .write(true)
        .open(&partial.0)
        .map_err(|e| Error::io(&partial.0, e))?;
    let sealed = crypt::EncryptWriter::new(BufWriter::new(file), passphrase)?;
    // Compress, then encrypt (ciphertext does not compress).
    let mut deflate = flate2::write::DeflateEncoder::new(sealed, flate2::Compression::fast());
    let manifest_json = serde_json::to_vec_pretty(manifest)
        .map_err(|e| Error::Other(format!("could not write the manifest: {e}")))?;
    archive::write_entry(
        &mut deflate,
        archive::MANIFEST,
        manifest_json.len() as u64,
        &mut &manifest_json[..],
    )
    .map_err(io)?;
    let mut db = File::open(database).map_err(|e| Error::io(database, e))?;
    let len = db.metadata().map_err(|e| Error::io(database, e))?.len();
    archive::write_entry(&mut deflate, archive::DATABASE, len, &mut db).map_err(io)?;
    for key in keys {
        let bytes = std::fs::read(key).map_err(|e| Error::io(key, e))?;
        let name = format!(
            "{}{}",
            archive::KEYS_PREFIX,
            key.file_name().unwrap_or_default().to_string_lossy()
        );
        archive::write_entry(&mut deflate, &name, bytes.len() as u64, &mut &bytes[..])
            .map_err(io)?;
    }
    archive::write_end(&mut deflate).map_err(io)?;
    let sealed = deflate.finish().map_err(io)?;
    let file = sealed
        .finish()
        .map_err(io)?
        .into_inner()
        .map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    drop(file);
    std::fs::rename(&partial.0, out).map_err(io)?;
    Ok(())
}

/// `FILE.partial` beside `out`, where the backup is written before it is
/// renamed into place.
fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    out.with_file_name(name)
}

/// A scratch file in the data directory (owner-only, like the store).
fn private_temp(ws: &Workspace, what: &str, ext: &str) -> PathBuf {
    let unique = uuid::Uuid::new_v4().simple().to_string();
    ws.data_dir()
        .join(format!(".{what}-{}.{ext}", &unique[..12]))
}

/// A file removed when it goes out of scope, whatever happened (on success
/// it was renamed away already).
struct TempPath(PathBuf);

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut side = self.0.clone().into_os_string();
            side.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(side));
        }
    }
}
