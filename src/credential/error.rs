//! The one error type of the credential module.
//!
//! Verifying a credential never fails with an error: it always ends in a
//! [`Verdict`](super::Verdict). Errors are for the operator's side: issuing,
//! keys, trust lists and revocation lists.

use std::path::PathBuf;

/// What went wrong while issuing credentials or handling keys and lists.
/// Messages are written for the operator who will read them.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("the event code {0:?} must be 1 to 16 characters, each A-Z, 0-9 or '-'")]
    InvalidEventCode(String),

    #[error("the category code {0:?} must be 1 to 8 characters, each A-Z or 0-9")]
    InvalidCategory(String),

    #[error("zone {0} does not exist: zones are numbered 1 to 64")]
    InvalidZone(u64),

    #[error(
        "the badge must expire after it becomes valid (valid from {not_before}, expires {expires})"
    )]
    ExpiryNotAfterStart { not_before: u64, expires: u64 },

    #[error(
        "key {kid} may only sign badges valid within {key_not_before}..{key_not_after}, \
         but this badge is valid within {not_before}..{expires}"
    )]
    OutsideKeyValidity {
        kid: String,
        key_not_before: u64,
        key_not_after: u64,
        not_before: u64,
        expires: u64,
    },

    #[error(
        "a key must become valid before it stops being valid (not_before {not_before}, not_after {not_after})"
    )]
    InvalidKeyValidity { not_before: u64, not_after: u64 },

    #[error("the credential would be {0} characters long, more than the 512 a QR code may carry")]
    TooLong(usize),

    #[error("the system's random number generator failed: {0}")]
    Random(getrandom::Error),

    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("the key file {path} is not valid: {reason}")]
    KeyFile { path: PathBuf, reason: String },

    #[error("the trust list is not valid: {0}")]
    TrustList(String),

    #[error("the revocation list is malformed: {0}")]
    RevocationMalformed(&'static str),

    #[error("the revocation list is signed with key {0}, which is not in the trust list")]
    RevocationUnknownKey(String),

    #[error("the revocation list's signature does not verify")]
    RevocationBadSignature,

    #[error("the revocation list is for event {found}, not for {expected}")]
    RevocationWrongEvent { expected: String, found: String },

    #[error(
        "the revocation list has sequence {offered}, lower than the one already held ({held}); \
         it is out of date"
    )]
    RevocationOutOfDate { held: u64, offered: u64 },
}

impl CredentialError {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        CredentialError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
