//! Badge credentials, version 1 ("ACR1"), as specified in
//! `badge-credential-v1.md`.

mod base45;
mod cbor;
mod claims;
mod cose;
mod error;
mod hex_text;
mod keys;
mod trust;
mod verdict;

pub use claims::{
    CLAIMS_VERSION, Claims, PhotoHash, ZoneSet, is_valid_category, is_valid_event_code, photo_hash,
};
pub use error::CredentialError;
pub use keys::{
    EventKey, KEY_FILE_FORMAT, kid_of, list_secrets, read_secret, secret_path, write_secret,
};
pub use trust::{TRUST_LIST_FORMAT, TrustList, TrustedKey};
pub use verdict::{UnknownVerdict, Verdict};

/// A key id: the first 8 bytes of SHA-256 of the raw public key ([`kid_of`]).
pub type Kid = [u8; 8];

/// A kid as 16 lowercase hex digits, the spelling of trust lists and key files.
pub fn kid_hex(kid: &Kid) -> String {
    hex::encode(kid)
}
