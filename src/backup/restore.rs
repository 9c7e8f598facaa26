//! Restoring a backup: everything is read and checked in a staging directory
//! first (decryption, integrity, schema version, the event, the audit chain,
//! the keys); only then is the current store kept aside and replaced, through
//! the online backup API again, so a program that has the store open sees
//! either the old or the new store, never a mix.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Manifest, TempPath, archive, crypt, describe, private_temp};
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::{self, EventKey};
use crate::error::{Error, Result};
use crate::store::Db;
use crate::workspace::{self, Workspace};
use crate::{files, store};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
pub struct RestoreSummary {
    pub manifest: Manifest,
    /// Where the store (and keys) that were replaced now are.
    pub kept_aside: Option<PathBuf>,
    /// Signing keys written into `keys/`.
    pub keys_restored: usize,
}

/// A backup read and checked in a staging directory, ready to go in.
struct Staged {
    dir: PathBuf,
    database: PathBuf,
    keys: Vec<EventKey>,
    manifest: Manifest,
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Reads and checks a backup without changing anything: what it holds.
/// An encrypted backup needs its passphrase; an automatic backup (a plain
/// SQLite file) none.
pub fn inspect(ws: &Workspace, file: &Path, passphrase: Option<&str>) -> Result<Manifest> {
    workspace::create_private_dir(ws.data_dir())?;
    Ok(stage(ws, file, passphrase)?.manifest.clone())
}

/// Replaces the workspace's store with the backup in `file`, after checking
/// it whole. The current store (and keys) are kept aside in
/// `replaced/<time>/` of the data directory. When the data directory holds a
/// readable event, only an operator who may restore can do this; into an
/// empty or unreadable one (a new laptop, a broken store), the passphrase
/// of the backup is the authority.
pub fn restore(
    ws: &Workspace,
    actor: Option<&Actor>,
    file: &Path,
    passphrase: Option<&str>,
) -> Result<RestoreSummary> {
    let live_readable = current_event(ws).is_some();
    if live_readable {
        let actor = actor.ok_or_else(|| {
            Error::Refused(format!(
                "{} holds an event: sign in as an administrator to replace it",
                ws.event_place()
            ))
        })?;
        actor.require(Permission::Restore)?;
    }
    workspace::create_private_dir(ws.data_dir())?;
    let staged = stage(ws, file, passphrase)?;
    let kept_aside = keep_aside(ws, live_readable)?;
    replace(ws, &staged, live_readable)?;
    for key in &staged.keys {
        credential::write_secret(&ws.keys_dir(), key)
            .map_err(|e| Error::Other(format!("could not restore a signing key: {e}")))?;
    }
    restore_roots(&staged.dir.join("keys"), &ws.keys_dir())?;
    // Bring an older schema up to date, and say in the restored trail who
    // restored what.
    let mut conn = ws.open()?;
    let system = Actor::system();
    let actor = actor.unwrap_or(&system);
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    audit::record(
        &tx,
        actor,
        now,
        Change::new("store.restore", "store", &staged.manifest.event),
        None::<&()>,
        Some(&serde_json::json!({
            "file": file.display().to_string(),
            "backup_created_at": staged.manifest.created_at,
            "backup_created_by": staged.manifest.created_by,
            "keys": staged.keys.len(),
            "kept_aside": kept_aside.as_ref().map(|p| p.display().to_string()),
        })),
    )?;
    tx.commit()?;
    Ok(RestoreSummary {
        manifest: staged.manifest.clone(),
        kept_aside,
        keys_restored: staged.keys.len(),
    })
}

/// The code of the event the workspace holds, if its store opens at all.
fn current_event(ws: &Workspace) -> Option<String> {
    let conn = if ws.server().is_some() {
        ws.open().ok()?
    } else {
        if !ws.db_path().exists() {
            return None;
        }
        Db::open_sqlite_as_is(&ws.db_path(), true).ok()?
    };
    store::event::find(&conn)
        .ok()
        .flatten()
        .map(|e| e.code.to_string())
}

fn stage(ws: &Workspace, file: &Path, passphrase: Option<&str>) -> Result<Staged> {
    let dir = private_temp(ws, "restore", "d");
    workspace::create_private_dir(&dir)?;
    let mut staged = Staged {
        database: dir.join(archive::DATABASE),
        dir,
        keys: Vec::new(),
        manifest: Manifest::default_empty(),
    };
    let mut head = [0u8; 16];
    let mut input = File::open(file).map_err(|e| Error::io(file, e))?;
    let n = read_up_to(&mut input, &mut head).map_err(|e| Error::io(file, e))?;
    let mut input = BufReader::new(File::open(file).map_err(|e| Error::io(file, e))?);
    let mut manifest = None;
    if crypt::is_encrypted(&head[..n]) {
        let passphrase = passphrase.ok_or_else(|| {
            Error::Refused(format!(
                "{} is encrypted: give its passphrase",
                file.display()
            ))
        })?;
        let plain = crypt::DecryptReader::new(&mut input, passphrase)?;
        let mut inflate = flate2::read::DeflateDecoder::new(plain);
        let keys_dir = staged.dir.join("keys");
        archive::read_entries(&mut inflate, |name, entry| {
            if name == archive::MANIFEST {
                let mut text = Vec::new();
                entry.read_to_end(&mut text).map_err(damaged(file))?;
                manifest = Some(serde_json::from_slice::<Manifest>(&text).map_err(|e| {
                    Error::Refused(format!("the backup's manifest cannot be read: {e}"))
                })?);
            } else {
                let path = match name.strip_prefix(archive::KEYS_PREFIX) {
                    Some(key) => {
                        workspace::create_private_dir(&keys_dir)?;
                        keys_dir.join(key)
                    }
                    None => staged.database.clone(),
                };
                files::create_private_file(&path)?;
                let mut out = File::options()
                    .write(true)
                    .open(&path)
                    .map_err(|e| Error::io(&path, e))?;
                std::io::copy(entry, &mut out).map_err(damaged(file))?;
                out.sync_all().map_err(|e| Error::io(&path, e))?;
            }
            Ok(())
        })?;
        // Whatever follows the end marker would be data nobody checked.
        let mut rest = [0u8; 1];
        if read_up_to(&mut inflate, &mut rest).map_err(damaged(file))? != 0 {
            return Err(Error::Refused(format!(
                "{} holds data after the end of the backup",
                file.display()
            )));
        }
        staged.keys = credential::list_secrets(&keys_dir).map_err(|e| {
            Error::Refused(format!("a signing key in the backup is not valid: {e}"))
        })?;
    } else if head[..n] == SQLITE_MAGIC[..] {
        files::create_private_file(&staged.database)?;
        let mut out = File::options()
            .write(true)
            .open(&staged.database)
            .map_err(|e| Error::io(&staged.database, e))?;
        std::io::copy(&mut input, &mut out).map_err(|e| Error::io(file, e))?;
    } else {
        return Err(Error::Refused(format!(
            "{} is neither an Accredit backup nor an SQLite store",
            file.display()
        )));
    }
    if !staged.database.exists() {
        return Err(Error::Refused(format!("{} holds no store", file.display())));
    }
    staged.manifest = check(&staged, manifest)?;
    Ok(staged)
}

fn damaged(file: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Refused(format!("{} cannot be restored: {e}", file.display()))
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Checks the staged store: SQLite's integrity check, a schema version this
/// program knows, an event, an intact audit chain, and keys that belong to
/// the event. Returns the manifest (the backup's own, or one made here for
/// an automatic backup).
fn check(staged: &Staged, manifest: Option<Manifest>) -> Result<Manifest> {
    let conn = Db::open_sqlite_as_is(&staged.database, true)?;
    let not_a_store =
        |e: store::DbError| Error::Refused(format!("the backup's database is damaged: {e}"));
    let problems: Vec<String> = conn
        .query_map("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| match e {
            Error::Store(e) => not_a_store(e),
            other => other,
        })?;
    if problems != ["ok"] {
        return Err(Error::Refused(format!(
            "the backup's database fails SQLite's integrity check: {}",
            problems.into_iter().take(3).collect::<Vec<_>>().join("; ")
        )));
    }
    let found = describe(&conn, &Actor::system(), 0).map_err(|e| match e {
        Error::Store(e) => not_a_store(e),
        other => other,
    })?;
    let chain = audit::verify(&conn)?;
    if let (Some(at), Some(problem)) = (chain.broken_at, &chain.problem) {
        return Err(Error::Refused(format!(
            "the backup's audit trail is broken at entry {at} ({problem}): it was tampered with"
        )));
    }
    let known: Vec<_> = store::keys::list(&conn)?
        .into_iter()
        .map(|k| k.kid)
        .collect();
    for key in &staged.keys {
        if !known.contains(&key.kid()) {
            return Err(Error::Refused(format!(
                "the backup's signing key {} is not a key of event {}",
                credential::kid_hex(&key.kid()),
                found.event
            )));
        }
    }
    match manifest {
        Some(m) if m.event != found.event || m.participants != found.participants => {
            Err(Error::Refused(format!(
                "the backup's manifest (event {}, {} participants) does not match its store (event {}, {} participants)",
                m.event, m.participants, found.event, found.participants
            )))
        }
        Some(m) => Ok(m),
        None => Ok(Manifest {
            created_by: "automatic backup".into(),
            ..found
        }),
    }
}

/// Puts the event root's secret (`*.root`) of a backup made with keys in
/// place, each checked to be a root key file.
fn restore_roots(staged: &Path, keys_dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(staged) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry.map_err(|e| Error::io(staged, e))?.path();
        if path.extension().is_none_or(|ext| ext != "root") {
            continue;
        }
        let key = credential::read_plain_key(&path, crate::signing::ROOT_KEY_FORMAT)
            .map_err(|e| Error::Refused(format!("the root key in the backup is not valid: {e}")))?;
        let name = path.file_name().unwrap_or_default();
        credential::write_plain_key(&keys_dir.join(name), crate::signing::ROOT_KEY_FORMAT, &key)
            .map_err(|e| Error::Other(format!("could not restore the root key: {e}")))?;
    }
    Ok(())
}

/// Copies the current store (and keys) to `replaced/<time>/`: through the
/// online backup API when it opens, else file by file as it lies.
fn keep_aside(ws: &Workspace, live_readable: bool) -> Result<Option<PathBuf>> {
    let db = ws.db_path();
    let keys = credential::list_secrets(&ws.keys_dir()).unwrap_or_default();
    let on_server = ws.server().is_some();
    if !(db.exists() || on_server && live_readable) && keys.is_empty() {
        return Ok(None);
    }
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let replaced = ws.data_dir().join("replaced");
    workspace::create_private_dir(&replaced)?;
    let mut aside = replaced.join(&stamp);
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = replaced.join(format!("{stamp}-{n}"));
    }
    workspace::create_private_dir(&aside)?;
    if live_readable {
        // The event on the server is kept aside as a SQLite copy.
        let conn = if on_server {
            ws.open()?
        } else {
            Db::open_sqlite_as_is(&db, true)?
        };
        store::snapshot::snapshot(&conn, &aside.join(workspace::DB_FILE))?;
    } else if db.exists() && !on_server {
        for suffix in ["", "-wal", "-shm"] {
            let from = PathBuf::from(format!("{}{suffix}", db.display()));
            if from.exists() {
                let to = aside.join(from.file_name().unwrap_or_default());
                std::fs::copy(&from, &to).map_err(|e| Error::io(&to, e))?;
            }
        }
    }
    for key in &keys {
        credential::write_secret(&aside.join(workspace::KEYS_DIR), key)
            .map_err(|e| Error::Other(format!("could not keep a signing key aside: {e}")))?;
    }
    Ok(Some(aside))
}

/// Puts the staged store in place: page by page into the live store through
/// the online backup API (one transaction: other connections see the old or
/// the new store), or, when the live store is unreadable, by renaming.
fn replace(ws: &Workspace, staged: &Staged, live_readable: bool) -> Result<()> {
    if ws.server().is_some() {
        // Onto the server: its tables emptied and the backup's rows copied
        // in, in one transaction (the backup's store brought to this
        // program's schema first).
        let from = Db::open_sqlite(&staged.database)?;
        let mut live = ws.open()?;
        let tx = live.transaction()?;
        Db::clear_for_new_event(&tx)?;
        store::copy::copy_into(&from, &tx)?;
        return tx.commit();
    }
    let db = ws.db_path();
    let from = Db::open_sqlite_as_is(&staged.database, true)?;
    if live_readable {
        let mut to = Db::open_sqlite_as_is(&db, false)?;
        return store::snapshot::copy(&from, &mut to);
    }
    drop(from);
    for suffix in ["-wal", "-shm", ""] {
        let path = PathBuf::from(format!("{}{suffix}", db.display()));
        if path.exists() {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    let moved = TempPath(private_temp(ws, "restored", "sqlite"));
    std::fs::copy(&staged.database, &moved.0).map_err(|e| Error::io(&moved.0, e))?;
    File::open(&moved.0)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(&moved.0, e))?;
    std::fs::rename(&moved.0, &db).map_err(|e| Error::io(&db, e))
}

impl Manifest {
    fn default_empty() -> Manifest {
        Manifest {
            format: super::FORMAT.into(),
            event: String::new(),
            event_name: String::new(),
            schema_version: 0,
            created_at: 0,
            created_by: String::new(),
            participants: 0,
            badges: 0,
            audit_entries: 0,
            with_keys: false,
            keys: Vec::new(),
        }
    }
}
