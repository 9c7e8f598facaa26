//! The store's errors, engine-neutral: what went wrong in words, and the
//! kind the program acts on (a duplicate, a lock to wait out, a lost server).

/// What the program does about a store error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbErrorKind {
    /// A UNIQUE or PRIMARY KEY constraint refused the write.
    UniqueViolation,
    /// Another writer holds what this one needs (SQLite busy, PostgreSQL
    /// serialization failure or deadlock): the whole transaction may be
    /// tried again.
    Contended,
    /// A query that must return a row returned none.
    NoRow,
    /// A stored value is not what the code reads it as.
    Conversion,
    /// The server went away, or the connection to it was lost.
    Lost,
    /// Anything else: a broken file, a constraint, a lost connection.
    Other,
}

/// An error from the store's engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DbError {
    pub kind: DbErrorKind,
    pub message: String,
}

impl DbError {
    pub fn new(kind: DbErrorKind, message: impl Into<String>) -> DbError {
        DbError {
            kind,
            message: message.into(),
        }
    }

    pub fn other(message: impl Into<String>) -> DbError {
        DbError::new(DbErrorKind::Other, message)
    }

    pub fn conversion(message: impl Into<String>) -> DbError {
        DbError::new(DbErrorKind::Conversion, message)
    }

    pub fn no_row(sql: &str) -> DbError {
        let head: String = sql.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
        DbError::new(
            DbErrorKind::NoRow,
            format!("no row returned by \"{head}…\""),
        )
    }

    /// Another writer held what this one needed past the wait (SQLite's
    /// busy timeout, a PostgreSQL deadlock or serialization failure), in
    /// words an operator can act on; `engine_words` are the engine's own.
    pub fn contended(engine_words: &str) -> DbError {
        DbError::new(
            DbErrorKind::Contended,
            format!(
                "the event's store was busy with another desk's or gate's write ({engine_words}): nothing of this operation was kept; try again"
            ),
        )
    }

    /// Whether the message is already in an operator's words (a lost
    /// server, a writer in the way), not the engine's.
    pub fn is_worded(&self) -> bool {
        matches!(self.kind, DbErrorKind::Contended | DbErrorKind::Lost)
    }

    pub fn is_unique_violation(&self) -> bool {
        self.kind == DbErrorKind::UniqueViolation
    }

    /// A conflict with another writer that a new try of the whole
    /// transaction may not meet again.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.kind,
            DbErrorKind::Contended | DbErrorKind::UniqueViolation
        )
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> DbError {
        let kind = match &e {
            rusqlite::Error::SqliteFailure(f, _) => match f.extended_code {
                rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY => DbErrorKind::UniqueViolation,
                _ if f.code == rusqlite::ErrorCode::DatabaseBusy
                    || f.code == rusqlite::ErrorCode::DatabaseLocked =>
                {
                    DbErrorKind::Contended
                }
                _ => DbErrorKind::Other,
            },
            rusqlite::Error::QueryReturnedNoRows => DbErrorKind::NoRow,
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => DbErrorKind::Conversion,
            _ => DbErrorKind::Other,
        };
        if kind == DbErrorKind::Contended {
            return DbError::contended(&e.to_string());
        }
        DbError::new(kind, e.to_string())
    }
}

impl From<DbError> for crate::error::Error {
    fn from(e: DbError) -> Self {
        crate::error::Error::Store(e)
    }
}

impl From<rusqlite::Error> for crate::error::Error {
    fn from(e: rusqlite::Error) -> Self {
        crate::error::Error::Store(e.into())
    }
}

impl From<rusqlite_migration::Error> for crate::error::Error {
    fn from(e: rusqlite_migration::Error) -> Self {
        crate::error::Error::Migration(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::{DbError, DbErrorKind};
    use crate::error::Error;

    #[test]
    fn a_store_still_busy_after_the_wait_is_told_in_words_not_as_a_database_error() {
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        );
        let shown = Error::from(busy).to_string();
        assert!(
            shown.starts_with("the event's store was busy with another desk's or gate's write (database is locked)")
                && shown.ends_with("nothing of this operation was kept; try again"),
            "{shown}"
        );
        let lost = Error::Store(DbError::new(
            DbErrorKind::Lost,
            "the event server went away",
        ));
        assert_eq!(lost.to_string(), "the event server went away");
        let other = Error::Store(DbError::other("no such table: zones"));
        assert_eq!(other.to_string(), "database error: no such table: zones");
    }
}
