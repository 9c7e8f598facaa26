//! The store's one connection type, [`Db`], and its transaction, [`Tx`]:
//! plain SQL with `?N` parameters, the same text on every engine. The rest
//! of the store is written against these alone, so no engine's types leave
//! this folder.
//!
//! A [`Tx`] derefs to the [`Db`] it runs on, so the store's functions take
//! `&Db` and serve inside a transaction and outside one alike, as
//! rusqlite's `Transaction` derefs to its `Connection`.

mod connect;
mod error;
mod pg_schema;
mod postgres;
pub mod snapshot;
mod sqlite;
mod value;
mod write;

#[cfg(test)]
mod inspect_tests;

pub use connect::{ServerUrl, Tls, pgpass_lookup};
pub use error::{DbError, DbErrorKind};
pub use pg_schema::ServerState;
pub(crate) use sqlite::configure as configure_sqlite;
pub(crate) use value::column_error;
pub use value::{FromValue, Param, Params, Value};

use std::cell::Cell;
use std::ops::Deref;
use std::path::Path;

use crate::error::{Error, Result};

/// One connection to the event's store.
pub struct Db {
    engine: Engine,
    /// A transaction is open on this connection.
    in_transaction: Cell<bool>,
    /// A statement of the open transaction met another writer (a busy
    /// store, a deadlock, a serialization failure), even if the caller
    /// swallowed the error: the transaction must not commit, and
    /// [`Db::write`] tries it again.
    contended: Cell<bool>,
}

enum Engine {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Pg>),
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.engine {
            Engine::Sqlite(_) => "Db(SQLite)",
            Engine::Postgres(_) => "Db(PostgreSQL)",
        })
    }
}

#[derive(Clone, Copy)]
enum Begin {
    Write,
    Read,
}

/// One row of a result, read column by column (from 0).
pub struct Row<'r> {
    inner: RowInner<'r>,
}

enum RowInner<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r ::postgres::Row),
}

impl Row<'_> {
    /// The column at `idx`, converted; a value of another kind is an error
    /// that names the column.
    pub fn get<T: FromValue>(&self, idx: usize) -> Result<T> {
        let value = match &self.inner {
            RowInner::Sqlite(row) => sqlite::value(row, idx)?,
            RowInner::Postgres(row) => postgres::value(row, idx)?,
        };
        T::from_value(value).map_err(|why| column_error(idx, why))
    }
}

/// An open transaction. It ends with [`Tx::commit`]; dropped without it,
/// everything it did is rolled back.
pub struct Tx<'c> {
    db: &'c Db,
    open: bool,
}

impl std::fmt::Debug for Tx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tx({:?})", self.db)
    }
}

impl Deref for Tx<'_> {
    type Target = Db;

    fn deref(&self) -> &Db {
        self.db
    }
}

impl Tx<'_> {
    pub fn commit(mut self) -> Result<()> {
        self.open = false;
        self.db.in_transaction.set(false);
        self.db.execute_batch("COMMIT")
    }

    pub fn rollback(mut self) -> Result<()> {
        self.open = false;
        self.db.in_transaction.set(false);
        self.db.execute_batch("ROLLBACK")
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            self.db.in_transaction.set(false);
            // Nothing to report to: the caller's error is already on its way.
            let _ = self.db.execute_batch("ROLLBACK");
        }
    }
}

impl Db {
    /// Opens (creating if needed) the SQLite store at `path`, owner-only,
    /// configured and migrated.
    pub fn open_sqlite(path: &Path) -> Result<Db> {
        Ok(Db::from_sqlite(sqlite::open(path)?))
    }

    /// An in-memory SQLite store with the current schema.
    pub fn open_in_memory() -> Result<Db> {
        Ok(Db::from_sqlite(sqlite::open_in_memory()?))
    }

    /// Connects to the event server at `url` (with `password` when it asks
    /// for one) and brings its schema up to date: an empty database gets
    /// the schema, one of another program is refused untouched.
    pub fn connect(url: &ServerUrl, password: Option<&str>) -> Result<Db> {
        let client = url.connect(password)?;
        let mut db = Db::new(Engine::Postgres(Box::new(postgres::Pg::new(client))));
        pg_schema::migrate(&mut db, url.database())?;
        Ok(db)
    }

    /// A database of the event server at schema `version` (an older one),
    /// without upgrading it: the upgrade tests fill it, then open it as the
    /// program does.
    #[cfg(test)]
    pub(crate) fn connect_at_version(url: &ServerUrl, version: usize) -> Result<Db> {
        let client = url.connect(None)?;
        let db = Db::new(Engine::Postgres(Box::new(postgres::Pg::new(client))));
        pg_schema::create_at(&db, version)?;
        Ok(db)
    }

    /// Connects to the event server at `url` and says what its database
    /// holds, changing nothing: no schema is created or upgraded. The
    /// errors are the ones [`Db::connect`] gives, in the same plain words
    /// (unreachable, wrong password, another program's database, a newer
    /// Accredit's).
    pub fn inspect_server(url: &ServerUrl, password: Option<&str>) -> Result<ServerState> {
        let client = url.connect(password)?;
        let db = Db::new(Engine::Postgres(Box::new(postgres::Pg::new(client))));
        pg_schema::inspect(&db, url.database())
    }

    /// Empties the event's database inside `tx`, for a new event built in
    /// the same transaction (PostgreSQL; a SQLite store is replaced as a
    /// file instead).
    pub fn clear_for_new_event(tx: &Tx) -> Result<()> {
        match &tx.engine {
            Engine::Sqlite(_) => Err(DbError::other("a SQLite store is replaced as a file").into()),
            Engine::Postgres(_) => pg_schema::recreate(tx),
        }
    }

    /// A SQLite file as it is: no migration, no settings changed (a backup
    /// being checked, a store about to be replaced), read-only if asked.
    pub fn open_sqlite_as_is(path: &Path, read_only: bool) -> Result<Db> {
        let flags = if read_only {
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            rusqlite::OpenFlags::default()
        };
        let conn = rusqlite::Connection::open_with_flags(path, flags).map_err(DbError::from)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(DbError::from)?;
        Ok(Db::from_sqlite(conn))
    }

    /// A SQLite file of another schema that holds the store's tables it
    /// needs (a gate's scans file), already configured and migrated.
    pub(crate) fn from_sqlite(conn: rusqlite::Connection) -> Db {
        Db::new(Engine::Sqlite(conn))
    }

    fn new(engine: Engine) -> Db {
        Db {
            engine,
            in_transaction: Cell::new(false),
            contended: Cell::new(false),
        }
    }

    /// A write transaction. On SQLite it takes the write lock when it
    /// begins (IMMEDIATE), so that two programs writing at once wait for
    /// each other through the busy timeout instead of failing at their
    /// first write.
    pub fn transaction(&mut self) -> Result<Tx<'_>> {
        self.begin(Begin::Write)
    }

    /// A write transaction on a connection borrowed shared (a sign-in that
    /// records a failure); [`Db::transaction`] is the usual one. A second
    /// transaction on the same connection is refused at run time.
    pub fn transaction_unchecked(&self) -> Result<Tx<'_>> {
        self.begin(Begin::Write)
    }

    /// A read transaction: one snapshot of the store, never the write lock
    /// (DEFERRED, and nothing in it writes), so gates and desks go on
    /// committing while it reads. Writing inside it is a bug.
    pub fn read(&self) -> Result<Tx<'_>> {
        self.begin(Begin::Read)
    }

    fn begin(&self, kind: Begin) -> Result<Tx<'_>> {
        if self.in_transaction.get() {
            return Err(DbError::other("a transaction is already open on this connection").into());
        }
        let sql = match (&self.engine, kind) {
            (Engine::Sqlite(_), Begin::Write) => "BEGIN IMMEDIATE",
            (Engine::Sqlite(_), Begin::Read) => "BEGIN DEFERRED",
            // Writers rely on row locks, unique constraints and the locks
            // the store takes where a check precedes a write (anti-passback,
            // the audit chain); readers see one snapshot and never write.
            (Engine::Postgres(_), Begin::Write) => "BEGIN ISOLATION LEVEL READ COMMITTED",
            (Engine::Postgres(_), Begin::Read) => {
                "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
            }
        };
        self.contended.set(false);
        self.execute_batch(sql)?;
        self.in_transaction.set(true);
        Ok(Tx {
            db: self,
            open: true,
        })
    }

    /// The schema version of the store; refused when it has none (not an
    /// Accredit store).
    pub fn schema_version(&self) -> Result<usize> {
        match &self.engine {
            Engine::Sqlite(c) => sqlite::schema_version(c),
            Engine::Postgres(_) => pg_schema::version(self),
        }
    }

    /// Folds the write-ahead log into the file and leaves it as one
    /// self-contained file (before it is renamed or replaced).
    pub fn into_single_file(self) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(c) => {
                c.pragma_update(None, "wal_checkpoint", "TRUNCATE")
                    .map_err(DbError::from)?;
                c.pragma_update(None, "journal_mode", "DELETE")
                    .map_err(DbError::from)?;
                Ok(())
            }
            Engine::Postgres(_) => Ok(()),
        }
    }

    /// Whether no transaction is open on the connection (one left open by
    /// a failed commit would make the next job's fail).
    pub fn is_idle(&self) -> bool {
        match &self.engine {
            Engine::Sqlite(c) => c.is_autocommit(),
            Engine::Postgres(_) => !self.in_transaction.get(),
        }
    }

    /// Whether the connection was lost (the server went away).
    pub fn is_lost(&self) -> bool {
        match &self.engine {
            Engine::Sqlite(_) => false,
            Engine::Postgres(pg) => pg.is_closed(),
        }
    }

    /// Whether this is the embedded SQLite store.
    pub fn is_sqlite(&self) -> bool {
        matches!(self.engine, Engine::Sqlite(_))
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize> {
        self.noted(match &self.engine {
            Engine::Sqlite(c) => sqlite::execute(c, sql, &params.values()),
            Engine::Postgres(pg) => pg.execute(sql, &params.values()),
        })
    }

    /// Runs statements separated by `;`, with no parameters.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        self.noted(match &self.engine {
            Engine::Sqlite(c) => c.execute_batch(sql).map_err(|e| DbError::from(e).into()),
            Engine::Postgres(pg) => pg.batch(sql),
        })
    }

    /// Remembers a conflict with another writer (see `contended`).
    fn noted<T>(&self, result: Result<T>) -> Result<T> {
        if let Err(Error::Store(e)) = &result
            && e.kind == DbErrorKind::Contended
        {
            self.contended.set(true);
        }
        result
    }

    /// Every row of the query, each read by `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: impl Params,
        mut f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.query_each(sql, params, |row| {
            out.push(f(row)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` on each row in turn, never holding them all: for exports
    /// and figures over every scan.
    pub fn query_each(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnMut(&Row) -> Result<()>,
    ) -> Result<()> {
        self.noted(match &self.engine {
            Engine::Sqlite(c) => sqlite::query_each(c, sql, &params.values(), f),
            Engine::Postgres(pg) => pg.query_each(sql, &params.values(), f),
        })
    }

    /// The first row, if any.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut f = Some(f);
        let mut out = None;
        self.query_each(sql, params, |row| {
            if let Some(f) = f.take() {
                out = Some(f(row)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row; none is an error.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, params, f)?
            .ok_or_else(|| DbError::no_row(sql).into())
    }

    /// `SELECT` of one value in one row.
    pub fn query_value<T: FromValue>(&self, sql: &str, params: impl Params) -> Result<T> {
        self.query_row(sql, params, |r| r.get(0))
    }

    /// Runs an `INSERT … RETURNING id` and gives the id.
    pub fn insert_returning_id(&self, sql: &str, params: impl Params) -> Result<i64> {
        self.query_value(sql, params)
    }

    /// The SQLite connection itself, for what only SQLite has (its online
    /// backup, its file). `None` on another engine.
    pub(crate) fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.engine {
            Engine::Sqlite(c) => Some(c),
            Engine::Postgres(_) => None,
        }
    }

    pub(crate) fn sqlite_mut(&mut self) -> Option<&mut rusqlite::Connection> {
        match &mut self.engine {
            Engine::Sqlite(c) => Some(c),
            Engine::Postgres(_) => None,
        }
    }
}

/// A statement to run once or many times: the shape of rusqlite's
/// statements, so that the store reads as plain SQL calls. Engines cache
/// the prepared form by its text.
pub struct Stmt<'d> {
    db: &'d Db,
    sql: String,
}

impl Db {
    pub fn prepare(&self, sql: &str) -> Result<Stmt<'_>> {
        Ok(Stmt {
            db: self,
            sql: sql.to_owned(),
        })
    }

    pub fn prepare_cached(&self, sql: &str) -> Result<Stmt<'_>> {
        self.prepare(sql)
    }
}

impl Stmt<'_> {
    pub fn execute(&mut self, params: impl Params) -> Result<usize> {
        self.db.execute(&self.sql, params)
    }

    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<std::vec::IntoIter<Result<T>>> {
        let rows = self.db.query_map(&self.sql, params, f)?;
        Ok(rows.into_iter().map(Ok).collect::<Vec<_>>().into_iter())
    }

    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.db.query_row(&self.sql, params, f)
    }

    pub fn query_opt<T>(
        &mut self,
        params: impl Params,
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        self.db.query_opt(&self.sql, params, f)
    }

    pub fn query_each(
        &mut self,
        params: impl Params,
        f: impl FnMut(&Row) -> Result<()>,
    ) -> Result<()> {
        self.db.query_each(&self.sql, params, f)
    }
}
