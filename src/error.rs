//! The one error type of the core. Every variant says, in plain words, what is
//! wrong and where, so the CLI and the GUI can show it as it is.

use std::path::PathBuf;

use crate::domain::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", store_words(.0))]
    Store(crate::store::DbError),

    #[error("could not upgrade the database schema: {0}")]
    Migration(String),

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", FieldError::join(.0))]
    Invalid(Vec<FieldError>),

    #[error("{what} {key} does not exist")]
    NotFound { what: &'static str, key: String },

    #[error("{operator} ({role}) may not {action}")]
    PermissionDenied {
        operator: String,
        role: String,
        action: &'static str,
    },

    #[error("{0}")]
    Refused(String),

    #[error("{0}")]
    Cancelled(String),

    #[error("{0}")]
    Other(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn not_found(what: &'static str, key: impl ToString) -> Self {
        Error::NotFound {
            what,
            key: key.to_string(),
        }
    }

    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid(vec![FieldError::new(field, message)])
    }

    /// The field-level problems, when the error is a validation failure.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

/// A store error as shown: one the store already put in an operator's
/// words as it is, any other marked as the database's.
fn store_words(e: &crate::store::DbError) -> String {
    if e.is_worded() {
        e.message.clone()
    } else {
        format!("database error: {e}")
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
