//! Badge credentials, version 1 ("ACR1"), as specified in
//! `badge-credential-v1.md`.
//!
//! A badge's QR code carries `"ACR1:" Base45(COSE_Sign1)`: claims about the
//! holder (event, serial, participant, category, zones, validity, photo
//! hash) in canonical CBOR, signed with the event's Ed25519 key. A gate
//! verifies it offline with the event's [`TrustList`] and its latest
//! [`RevocationList`].
//!
//! - Issue: [`EventKey::generate`], [`write_secret`], then [`issue`].
//! - Publish: [`TrustList`] (JSON) and [`RevocationList::sign`].
//! - Verify: [`verify`] with a [`VerifyContext`] giving the time, the
//!   checkpoint and a [`GateState`]; the [`Verification`] holds the
//!   [`Verdict`] and, once the signature verified, the [`Claims`]. A state
//!   whose lookups can fail (a store) is verified with [`try_verify`],
//!   which returns the first failed lookup's error instead of a verdict.
//!
//! Decoding is strict (Base45 without lax forms, deterministic CBOR only,
//! strict Ed25519), so one credential has exactly one QR text, and no input
//! of any length or content makes the verifier panic.
//!
//! ```
//! use accredit::credential::*;
//!
//! let key = EventKey::generate(1_761_000_000, 1_762_000_000)?;
//! let claims = Claims {
//!     event: "HN25".into(),
//!     serial: 100_042,
//!     participant: 4711,
//!     category: "DEL".into(),
//!     zones: ZoneSet::from_zones([1, 2, 4])?,
//!     not_before: 1_761_177_600,
//!     expires: 1_761_609_600,
//!     photo: None,
//! };
//! let text = issue(&claims, &key)?;
//!
//! let mut trust = TrustList::new("HN25");
//! trust.keys.push(TrustedKey::from(&key));
//! let state = StaticState::default();
//! let at_gate = VerifyContext::new(1_761_350_400, &state).at_checkpoint(4, Direction::Entry);
//! let verification = verify(&text, &trust, &at_gate);
//! assert_eq!(verification.verdict, Verdict::Accepted);
//! assert_eq!(verification.claims, Some(claims));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod base45;
pub(crate) mod cbor;
mod claims;
mod cose;
mod error;
mod hex_text;
mod issue;
mod keys;
mod letter;
mod revocation;
mod root;
mod trust;
mod verify;

pub use crate::domain::{UnknownVerdict, Verdict};
pub use claims::{
    CLAIMS_VERSION, Claims, PhotoHash, ZoneSet, is_valid_category, is_valid_event_code, photo_hash,
};
pub use error::CredentialError;
pub use issue::issue;
pub use keys::{
    EventKey, KEY_FILE_FORMAT, generate_plain_key, kid_of, list_secrets, read_plain_key,
    read_secret, secret_path, write_plain_key, write_secret,
};
pub use letter::{LETTER_PREFIX, LetterClaims, is_letter_code, issue_letter, verify_letter};
pub use revocation::{MAX_REVOCATION_LIST_BYTES, REVOCATION_VERSION, RevocationList};
pub use root::{
    MAX_SIGNED_TRUST_LIST_BYTES, SIGNED_TRUST_LIST_VERSION, Seal, SignedTrustList,
    TrustListRefused, fingerprint, normalise_fingerprint, parse_public_key,
};
pub use trust::{TRUST_LIST_FORMAT, TrustList, TrustedKey};
pub use verify::{
    CLOCK_SKEW_SECONDS, Direction, GateState, MAX_TEXT_CHARS, PREFIX, StaticState, Verification,
    VerifyContext, checkpoint_verdict, try_verify, verify,
};

/// A key id: the first 8 bytes of SHA-256 of the raw public key ([`kid_of`]).
pub type Kid = [u8; 8];

/// A kid as 16 lowercase hex digits, the spelling of trust lists and key files.
pub fn kid_hex(kid: &Kid) -> String {
    hex::encode(kid)
}
