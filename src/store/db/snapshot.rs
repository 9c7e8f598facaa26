//! A consistent copy of the live store through SQLite's online backup API:
//! it reads one snapshot (WAL readers never block the writer, so the GUI and
//! gates keep writing) and copies every page of it in one step.

use std::path::Path;
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, MAIN_DB};

use super::{Db, DbError};
use crate::error::{Error, Result};
use crate::files;

/// How long a copy waits for a lock held by another connection.
const LOCK_WAIT: Duration = Duration::from_secs(30);
const RETRY: Duration = Duration::from_millis(50);

/// Copies every page of `from` into `to` in one step, waiting while another
/// connection holds a lock that prevents it.
pub fn copy(from: &Db, to: &mut Db) -> Result<()> {
    let (Some(from), Some(to)) = (from.sqlite(), to.sqlite_mut()) else {
        return Err(Error::Refused(
            "a page-by-page copy needs two SQLite stores".into(),
        ));
    };
    copy_pages(from, to)
}

fn copy_pages(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new_with_names(from, MAIN_DB, to, MAIN_DB).map_err(DbError::from)?;
    let started = std::time::Instant::now();
    loop {
        match backup.step(-1).map_err(DbError::from)? {
            StepResult::Done => return Ok(()),
            StepResult::More => continue,
            StepResult::Busy | StepResult::Locked if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(RETRY)
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(Error::Refused(
                    "the store stayed locked by another program for 30 s: try again".into(),
                ));
            }
            _ => continue,
        }
    }
}

/// Writes a self-contained copy of the store `from` to `dest` (a new file,
/// readable by its owner only, in rollback-journal mode so it is one file).
pub fn snapshot(from: &Db, dest: &Path) -> Result<()> {
    let Some(from) = from.sqlite() else {
        // An event on a server: copied row by row into a new SQLite store,
        // which restores into either engine.
        if dest.exists() {
            std::fs::remove_file(dest).map_err(|e| Error::io(dest, e))?;
        }
        let mut to = Db::open_sqlite(dest)?;
        crate::store::copy::copy_event(from, &mut to)?;
        return to.into_single_file();
    };
    if dest.exists() {
        std::fs::remove_file(dest).map_err(|e| Error::io(dest, e))?;
    }
    files::create_private_file(dest)?;
    let mut to = Connection::open(dest).map_err(DbError::from)?;
    copy_pages(from, &mut to)?;
    to.pragma_update(None, "journal_mode", "DELETE")
        .map_err(DbError::from)?;
    to.close().map_err(|(_, e)| DbError::from(e))?;
    Ok(())
}
