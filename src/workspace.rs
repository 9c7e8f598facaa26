//! Where an event's data lives: the data directory with the store
//! (`accredit.sqlite`), the signing keys (`keys/`) and automatic backups;
//! or, at a venue, the event server's database, with the data directory
//! keeping this machine's keys.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::error::{Error, Result};
use crate::store::{self, Db, ServerUrl};

pub const DB_FILE: &str = "accredit.sqlite";
pub const KEYS_DIR: &str = "keys";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    data_dir: PathBuf,
    server: Option<Box<Server>>,
    /// Connections kept open between jobs (see [`Workspace::connection`]).
    pool: Pool,
}

/// The connections a process keeps open for its next jobs: opening a
/// store checks its schema and, on a server, shakes hands over TLS, which
/// the GUI's jobs (a dashboard polling every few seconds) would otherwise
/// pay each time. A job takes one out for itself and gives it back.
#[derive(Clone, Default)]
struct Pool(Arc<Mutex<Vec<Db>>>);

/// Connections idle at most: the GUI runs a few jobs at once.
const POOL_SIZE: usize = 4;

impl PartialEq for Pool {
    // Two workspaces on the same place are the same, whatever is open.
    fn eq(&self, _: &Pool) -> bool {
        true
    }
}

impl Eq for Pool {}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pool")
    }
}

/// A connection of the pool, given back when dropped (unless the server
/// lost it).
pub struct Pooled {
    db: Option<Db>,
    pool: Pool,
}

impl Deref for Pooled {
    type Target = Db;

    fn deref(&self) -> &Db {
        // Taken out only by `drop`.
        self.db
            .as_ref()
            .unwrap_or_else(|| unreachable!("a pooled connection is there until dropped"))
    }
}

impl DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut Db {
        self.db
            .as_mut()
            .unwrap_or_else(|| unreachable!("a pooled connection is there until dropped"))
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        if let Some(db) = self.db.take()
            && !db.is_lost()
            && db.is_idle()
            && let Ok(mut idle) = self.pool.0.lock()
            && idle.len() < POOL_SIZE
        {
            idle.push(db);
        }
    }
}

/// The event server a workspace works on, and the password typed for it
/// (when neither `PGPASSWORD` nor `~/.pgpass` holds one).
#[derive(Clone, PartialEq, Eq)]
pub struct Server {
    pub url: ServerUrl,
    password: Option<String>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password.
        write!(f, "Server({})", self.url.text)
    }
}

impl Workspace {
    pub fn new(data_dir: impl Into<PathBuf>) -> Workspace {
        Workspace {
            data_dir: data_dir.into(),
            server: None,
            pool: Pool::default(),
        }
    }

    /// The same data directory (this machine's keys), with the event on
    /// the server at `url`.
    pub fn on_server(mut self, url: ServerUrl, password: Option<String>) -> Workspace {
        self.server = Some(Box::new(Server { url, password }));
        // Connections to the old place are no use here.
        self.pool = Pool::default();
        self
    }

    /// The event server, when the event is not in the data directory.
    pub fn server(&self) -> Option<&Server> {
        self.server.as_deref()
    }

    /// Where the event is, in words: the server's address or the store file.
    pub fn event_place(&self) -> String {
        match &self.server {
            Some(s) => s.url.text.clone(),
            None => self.data_dir.display().to_string(),
        }
    }

    /// The platform's data directory for Accredit (e.g.
    /// `~/.local/share/accredit` on Linux).
    pub fn default_data_dir() -> Result<PathBuf> {
        directories::ProjectDirs::from("org", "Accredit", "accredit")
            .map(|d| d.data_dir().to_path_buf())
            .ok_or_else(|| {
                Error::Other(
                    "no home directory to keep the data in: pass --data-dir or set ACCREDIT_DATA_DIR"
                        .into(),
                )
            })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join(DB_FILE)
    }

    pub fn keys_dir(&self) -> PathBuf {
        self.data_dir.join(KEYS_DIR)
    }

    /// Opens the store, creating the data directory (owner-only) and the
    /// database on first use.
    pub fn open(&self) -> Result<Db> {
        create_private_dir(&self.data_dir)?;
        let mut conn = match &self.server {
            None => store::open(&self.db_path())?,
            Some(s) => {
                let stored = s.url.stored_password();
                Db::connect(&s.url, s.password.as_deref().or(stored.as_deref()))?
            }
        };
        // An event made before the root existed gets its root key now.
        crate::signing::ensure_root(&self.keys_dir(), &mut conn)?;
        Ok(conn)
    }

    /// A connection from this process's pool, or a new one: for jobs that
    /// come and go (the GUI's), so that each does not connect anew.
    pub fn connection(&self) -> Result<Pooled> {
        let idle = self.pool.0.lock().ok().and_then(|mut idle| idle.pop());
        let db = match idle {
            Some(db) => db,
            None => self.open()?,
        };
        Ok(Pooled {
            db: Some(db),
            pool: self.pool.clone(),
        })
    }

    /// Whether this directory already holds an event.
    pub fn has_event(&self) -> Result<bool> {
        if self.server.is_none() && !self.db_path().exists() {
            return Ok(false);
        }
        Ok(store::event::find(&self.open()?)?.is_some())
    }
}

/// Creates a directory readable by its owner only (0700 on Unix).
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| Error::io(dir, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod pool_tests {
    use super::*;

    fn idle(ws: &Workspace) -> usize {
        ws.pool.0.lock().unwrap().len()
    }

    #[test]
    fn a_connection_given_back_is_lent_again_and_one_left_in_a_transaction_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        let first = ws.connection().unwrap();
        let second = ws.connection().unwrap();
        assert_eq!(idle(&ws), 0);
        drop(first);
        drop(second);
        assert_eq!(idle(&ws), 2);
        // Lent again, not opened anew.
        let again = ws.connection().unwrap();
        assert_eq!(idle(&ws), 1);
        // A connection whose transaction was left open (a failed commit)
        // is not given to the next job.
        again.execute_batch("BEGIN").unwrap();
        drop(again);
        assert_eq!(idle(&ws), 1);
        // Clones share the pool; another place has its own.
        let clone = ws.clone();
        drop(clone.connection().unwrap());
        assert_eq!(idle(&ws), 1);
    }
}
