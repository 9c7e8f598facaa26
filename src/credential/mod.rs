//! Badge credentials, version 1 ("ACR1"), as specified in
//! `badge-credential-v1.md`.

mod base45;
mod cbor;
mod error;
mod hex_text;

pub use error::CredentialError;
