//! A write that another writer's conflict does not fail: with many desks on
//! one server, two transactions that lock the same rows in different orders
//! deadlock, and the server aborts one of them; on SQLite a writer may find
//! the store still busy after its timeout. Neither is the clerk's concern:
//! the whole transaction is tried again from its start.

use std::time::Duration;

use super::{Begin, Db, DbErrorKind, Tx};
use crate::error::{Error, Result};

/// How many times a write is tried before it is refused.
const TRIES: u32 = 5;

impl Db {
    /// Runs `work` in a write transaction and commits it. When a statement
    /// or the commit meets another writer (a deadlock, a serialization
    /// failure, a store still busy), everything is rolled back and `work`
    /// runs again from the start, after a short random pause that grows
    /// with each try (5 to 80 ms); after five tries it is refused in
    /// words. Any other error, a unique violation included, is returned as
    /// it is, with nothing kept.
    ///
    /// `work` may run more than once: whatever it does outside the
    /// transaction (a file written, a list filled) must happen after this
    /// returns, or start afresh on each run.
    pub fn write<T>(&mut self, work: impl FnMut(&Tx) -> Result<T>) -> Result<T> {
        self.write_or_dry_run(false, work)
    }

    /// [`Db::write`], but with `dry_run` the transaction is rolled back at
    /// the end instead of committed: the very same work, nothing kept, so
    /// that a dry run's report says exactly what the write would do.
    pub fn write_or_dry_run<T>(
        &mut self,
        dry_run: bool,
        mut work: impl FnMut(&Tx) -> Result<T>,
    ) -> Result<T> {
        for tried in 1..=TRIES {
            match self.write_once(dry_run, &mut work) {
                Try::Done(done) => return done,
                Try::Conflict(conflict) => {
                    tracing::debug!(tried, %conflict, "a write met another writer; trying again");
                    if tried < TRIES {
                        std::thread::sleep(pause(tried));
                    }
                }
            }
        }
        Err(Error::Refused(
            "another desk kept changing the same records at the same moment; nothing was saved: try again"
                .into(),
        ))
    }

    fn write_once<T>(&self, dry_run: bool, work: &mut impl FnMut(&Tx) -> Result<T>) -> Try<T> {
        let tx = match self.begin(Begin::Write) {
            Ok(tx) => tx,
            // SQLite still busy after its timeout.
            Err(Error::Store(e)) if e.kind == DbErrorKind::Contended => {
                return Try::Conflict(e.into());
            }
            Err(e) => return Try::Done(Err(e)),
        };
        let value = match work(&tx) {
            // A conflict that `work` swallowed still spoils the transaction
            // (on PostgreSQL it is aborted: COMMIT would quietly roll back).
            Ok(_) if self.contended.get() => {
                return Try::Conflict(Error::Other("a statement met another writer".into()));
            }
            Ok(value) => value,
            Err(e) => return self.settle(e),
        };
        match if dry_run { tx.rollback() } else { tx.commit() } {
            Ok(()) => Try::Done(Ok(value)),
            Err(e) => self.settle(e),
        }
    }

    /// A failed try: to be tried again if any statement of it met another
    /// writer, else the caller's error.
    fn settle<T>(&self, e: Error) -> Try<T> {
        if self.contended.get() {
            Try::Conflict(e)
        } else {
            Try::Done(Err(e))
        }
    }
}

/// How one try of a write ended.
enum Try<T> {
    /// Committed, or failed for a reason of its own: what the caller gets.
    Done(Result<T>),
    /// Met another writer (the error says how): rolled back, to try again.
    Conflict(Error),
}

/// A few milliseconds, doubling with each try, at random so that two
/// desks that met do not meet again at the same instant.
fn pause(tried: u32) -> Duration {
    let base = 5u64 << (tried - 1).min(5);
    let jitter = getrandom::u64().unwrap_or(0) % base;
    Duration::from_millis(base + jitter)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]
mod tests {
    use std::cell::Cell;
    use std::sync::mpsc;

    use super::*;
    use crate::params;

    /// Two connections to one store on disk; the second never waits for
    /// the first's lock (no busy timeout), so every meeting is a conflict.
    fn two_connections() -> (tempfile::TempDir, Db, Db) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite");
        let holder = Db::open_sqlite(&path).unwrap();
        let writer = Db::open_sqlite(&path).unwrap();
        writer
            .sqlite()
            .unwrap()
            .busy_timeout(Duration::ZERO)
            .unwrap();
        (dir, holder, writer)
    }

    fn put_setting(tx: &Tx) -> Result<()> {
        tx.execute(
            "INSERT INTO backup_settings (id, enabled, every_minutes, keep) VALUES (1, 0, 60, 10)
             ON CONFLICT (id) DO UPDATE SET keep = backup_settings.keep + 1",
            [],
        )?;
        Ok(())
    }

    /// Holds the store's write lock from another thread until `release`
    /// says so (or at once if it is dropped).
    fn hold_write_lock(holder: Db, release: mpsc::Receiver<()>) -> std::thread::JoinHandle<()> {
        let (held, locked) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let mut holder = holder;
            let tx = holder.transaction().unwrap();
            put_setting(&tx).unwrap();
            held.send(()).unwrap();
            let _ = release.recv();
            tx.commit().unwrap();
        });
        locked.recv().unwrap();
        thread
    }

    #[test]
    fn a_write_that_finds_the_store_busy_waits_its_turn_and_is_saved() {
        let (_dir, holder, mut writer) = two_connections();
        let (release, released) = mpsc::channel();
        let holding = hold_write_lock(holder, released);
        let letting_go = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(8));
            release.send(()).unwrap();
        });
        let runs = Cell::new(0);
        writer
            .write(|tx| {
                runs.set(runs.get() + 1);
                put_setting(tx)
            })
            .unwrap();
        letting_go.join().unwrap();
        holding.join().unwrap();
        assert_eq!(runs.get(), 1, "the work ran once the lock was free");
        let keep: i64 = writer
            .query_value("SELECT keep FROM backup_settings WHERE id = 1", [])
            .unwrap();
        assert_eq!(keep, 11, "both writes were kept");
    }

    #[test]
    fn a_write_that_never_finds_the_store_free_is_refused_in_words() {
        let (_dir, holder, mut writer) = two_connections();
        let (release, released) = mpsc::channel();
        let holding = hold_write_lock(holder, released);
        let refused = writer.write(put_setting).unwrap_err();
        release.send(()).unwrap();
        holding.join().unwrap();
        assert!(
            matches!(&refused, Error::Refused(why)
                if why.contains("another desk kept changing the same records")
                    && why.contains("nothing was saved")),
            "{refused}"
        );
        assert!(writer.is_idle());
        let keep: i64 = writer
            .query_value("SELECT keep FROM backup_settings WHERE id = 1", [])
            .unwrap();
        assert_eq!(keep, 10, "only the holder's write");
    }

    #[test]
    fn a_conflict_swallowed_by_the_work_still_makes_it_try_again() {
        let mut db = Db::open_in_memory().unwrap();
        let runs = Cell::new(0);
        let value = db
            .write(|tx| {
                runs.set(runs.get() + 1);
                if runs.get() == 1 {
                    // As a busy store would answer one statement, its
                    // error then ignored by the work.
                    let _ = tx.noted::<()>(Err(crate::store::DbError::new(
                        DbErrorKind::Contended,
                        "database is locked",
                    )
                    .into()));
                }
                put_setting(tx)?;
                Ok(runs.get())
            })
            .unwrap();
        assert_eq!(value, 2);
        let keep: i64 = db
            .query_value("SELECT keep FROM backup_settings WHERE id = 1", [])
            .unwrap();
        assert_eq!(keep, 10, "the first run's write was rolled back");
    }

    #[test]
    fn other_errors_and_unique_violations_are_returned_at_once_with_nothing_kept() {
        let mut db = Db::open_in_memory().unwrap();
        let runs = Cell::new(0);
        let refused = db
            .write(|tx| {
                runs.set(runs.get() + 1);
                put_setting(tx)?;
                tx.execute(
                    "INSERT INTO backup_settings (id, enabled, every_minutes, keep)
                     VALUES (?1, 0, 60, 10)",
                    params![1],
                )?;
                Ok(())
            })
            .unwrap_err();
        assert!(
            matches!(&refused, Error::Store(e) if e.is_unique_violation()),
            "{refused}"
        );
        assert_eq!(runs.get(), 1);
        let kept: i64 = db
            .query_value("SELECT count(*) FROM backup_settings", [])
            .unwrap();
        assert_eq!(kept, 0);
        assert!(db.is_idle());
    }
}
