//! The signed revocation list (spec section 6).
//!
//! A COSE_Sign1 like a credential, signed by a key of the event's trust
//! list, whose payload is `{1: 1, 2: event, 3: sequence, 4: issued_at,
//! 5: [serial, ...]}` with serials strictly ascending. Revocation is by
//! serial only. The signing key's validity window bounds the badges it
//! signs, not revocation lists: a list stays verifiable while its key is in
//! the trust list.

use ciborium::Value;

use super::cbor::{self, Writer};
use super::cose::Sign1;
use super::{CredentialError, EventKey, TrustList, is_valid_event_code, kid_hex};

/// The only revocation-list payload version.
pub const REVOCATION_VERSION: u64 = 1;
/// Larger inputs are refused before decoding: about a million serials.
pub const MAX_REVOCATION_LIST_BYTES: usize = 10 * 1024 * 1024;

const KEY_VERSION: u64 = 1;
const KEY_EVENT: u64 = 2;
const KEY_SEQUENCE: u64 = 3;
const KEY_ISSUED_AT: u64 = 4;
const KEY_SERIALS: u64 = 5;

/// The revoked serials of one event, as of `issued_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevocationList {
    pub event: String,
    /// Increases with every list the organisers publish.
    pub sequence: u64,
    /// When the list was made (Unix seconds).
    pub issued_at: u64,
    /// Strictly ascending, so lookups can binary-search.
    serials: Vec<u64>,
}

impl RevocationList {
    /// A list of `serials` (in any order, duplicates dropped).
    pub fn new(
        event: impl Into<String>,
        sequence: u64,
        issued_at: u64,
        serials: impl IntoIterator<Item = u64>,
    ) -> Self {
        let mut serials: Vec<u64> = serials.into_iter().collect();
        serials.sort_unstable();
        serials.dedup();
        RevocationList {
            event: event.into(),
            sequence,
            issued_at,
            serials,
        }
    }

    /// The revoked serials, ascending.
    pub fn serials(&self) -> &[u64] {
        &self.serials
    }

    /// True if `serial` is revoked.
    pub fn contains(&self, serial: u64) -> bool {
        self.serials.binary_search(&serial).is_ok()
    }

    /// True if the list is older than `max_age_seconds` at `now`: the gate
    /// should warn that it may miss recent revocations.
    pub fn is_older_than(&self, max_age_seconds: u64, now: i64) -> bool {
        i128::from(now) - i128::from(self.issued_at) > i128::from(max_age_seconds)
    }

    /// Signs the list with an event key: the bytes to publish to gates.
    pub fn sign(&self, key: &EventKey) -> Result<Vec<u8>, CredentialError> {
        if !is_valid_event_code(&self.event) {
            return Err(CredentialError::InvalidEventCode(self.event.clone()));
        }
        let mut w = Writer::new();
        w.map(5);
        w.uint(KEY_VERSION).uint(REVOCATION_VERSION);
        w.uint(KEY_EVENT).text(&self.event);
        w.uint(KEY_SEQUENCE).uint(self.sequence);
        w.uint(KEY_ISSUED_AT).uint(self.issued_at);
        w.uint(KEY_SERIALS).array(self.serials.len());
        for &serial in &self.serials {
            w.uint(serial);
        }
        Ok(super::cose::sign(&w.into_bytes(), &key.kid(), &key.signing))
    }

    /// Parses signed list bytes and verifies them against `trust`: the
    /// signature of a key listed under the kid, and the trust list's event.
    pub fn verify(bytes: &[u8], trust: &TrustList) -> Result<Self, CredentialError> {
        if bytes.len() > MAX_REVOCATION_LIST_BYTES {
            return Err(CredentialError::RevocationMalformed(
                "it is larger than 10 MiB",
            ));
        }
        let sign1 = Sign1::parse(bytes).map_err(|m| CredentialError::RevocationMalformed(m.0))?;
        let mut keys = trust.keys_with_kid(&sign1.kid).peekable();
        if keys.peek().is_none() {
            return Err(CredentialError::RevocationUnknownKey(kid_hex(&sign1.kid)));
        }
        if !keys.any(|key| sign1.verifies_with(&key.public_key)) {
            return Err(CredentialError::RevocationBadSignature);
        }
        let list = Self::from_payload(&sign1.payload)?;
        if list.event != trust.event {
            return Err(CredentialError::RevocationWrongEvent {
                expected: trust.event.clone(),
                found: list.event,
            });
        }
        Ok(list)
    }

    /// The sequence rule: a gate holding `current` takes `candidate` only if
    /// it is for the same event and its sequence is not lower. Returns the
    /// list to hold from now on.
    pub fn accept_newer(current: Option<&Self>, candidate: Self) -> Result<Self, CredentialError> {
        if let Some(current) = current {
            if candidate.event != current.event {
                return Err(CredentialError::RevocationWrongEvent {
                    expected: current.event.clone(),
                    found: candidate.event,
                });
            }
            if candidate.sequence < current.sequence {
                return Err(CredentialError::RevocationOutOfDate {
                    held: current.sequence,
                    offered: candidate.sequence,
                });
            }
        }
        Ok(candidate)
    }

    fn from_payload(bytes: &[u8]) -> Result<Self, CredentialError> {
        let malformed = CredentialError::RevocationMalformed;
        let value =
            cbor::decode_canonical(bytes).ok_or(malformed("the payload is not canonical CBOR"))?;
        let entries = cbor::uint_keyed_map(&value)
            .ok_or(malformed("the payload is not a map of uint keys"))?;
        let keys: Vec<u64> = entries.iter().map(|(key, _)| *key).collect();
        if keys
            != [
                KEY_VERSION,
                KEY_EVENT,
                KEY_SEQUENCE,
                KEY_ISSUED_AT,
                KEY_SERIALS,
            ]
        {
            return Err(malformed(
                "the payload does not have exactly the keys 1 to 5",
            ));
        }
        let field = |key: u64| entries[(key - 1) as usize].1;
        if cbor::as_uint(field(KEY_VERSION)) != Some(REVOCATION_VERSION) {
            return Err(malformed("its version is not 1"));
        }
        let Value::Text(event) = field(KEY_EVENT) else {
            return Err(malformed("the event is not text"));
        };
        if !is_valid_event_code(event) {
            return Err(malformed("the event code is not valid"));
        }
        let sequence =
            cbor::as_uint(field(KEY_SEQUENCE)).ok_or(malformed("the sequence is not a uint"))?;
        let issued_at =
            cbor::as_uint(field(KEY_ISSUED_AT)).ok_or(malformed("issued_at is not a uint"))?;
        let Value::Array(items) = field(KEY_SERIALS) else {
            return Err(malformed("the serials are not an array"));
        };
        let serials: Vec<u64> = items
            .iter()
            .map(cbor::as_uint)
            .collect::<Option<_>>()
            .ok_or(malformed("a serial is not a uint"))?;
        if serials.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err(malformed("the serials are not strictly ascending"));
        }
        Ok(RevocationList {
            event: event.clone(),
            sequence,
            issued_at,
            serials,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credential::TrustedKey;

    fn key(seed: u8) -> EventKey {
        EventKey::from_seed(&[seed; 32], 1_758_758_400, 1_763_942_400).expect("valid")
    }

    fn trust(keys: &[&EventKey]) -> TrustList {
        TrustList {
            event: "HN25".into(),
            keys: keys.iter().map(|k| TrustedKey::from(*k)).collect(),
        }
    }

    fn sample() -> RevocationList {
        RevocationList::new("HN25", 3, 1_761_350_400, [900_000, 5, 100_042, 5])
    }

    #[test]
    fn sign_parse_verify() {
        let signed = sample().sign(&key(1)).expect("sign");
        let list = RevocationList::verify(&signed, &trust(&[&key(1)])).expect("verify");
        assert_eq!(list, sample());
        assert_eq!(list.serials(), [5, 100_042, 900_000]);
        assert!(list.contains(100_042) && !list.contains(100_043));
        let empty = RevocationList::new("HN25", 0, 0, []);
        let signed = empty.sign(&key(1)).expect("sign");
        assert_eq!(
            RevocationList::verify(&signed, &trust(&[&key(1)])).expect("verify"),
            empty
        );
    }

    #[test]
    fn wrong_or_unknown_key_is_refused() {
        let signed = sample().sign(&key(2)).expect("sign");
        assert!(matches!(
            RevocationList::verify(&signed, &trust(&[&key(1)])),
            Err(CredentialError::RevocationUnknownKey(_))
        ));
        // A trusted entry with key 2's kid but key 1's public key.
        let mut impostor = trust(&[&key(1)]);
        impostor.keys[0].kid = key(2).kid();
        assert!(matches!(
            RevocationList::verify(&signed, &impostor),
            Err(CredentialError::RevocationBadSignature)
        ));
    }

    #[test]
    fn other_event_is_refused() {
        let other = RevocationList::new("OTHER", 9, 0, [1]);
        let signed = other.sign(&key(1)).expect("sign");
        assert!(matches!(
            RevocationList::verify(&signed, &trust(&[&key(1)])),
            Err(CredentialError::RevocationWrongEvent { .. })
        ));
        assert!(matches!(
            RevocationList::accept_newer(Some(&sample()), other),
            Err(CredentialError::RevocationWrongEvent { .. })
        ));
    }

    #[test]
    fn lower_sequence_is_refused() {
        let held = sample();
        let older = RevocationList::new("HN25", 2, 1_761_000_000, []);
        let same = RevocationList::new("HN25", 3, 1_761_350_400, [5]);
        let newer = RevocationList::new("HN25", 4, 1_761_400_000, [5, 6]);
        assert!(matches!(
            RevocationList::accept_newer(Some(&held), older.clone()),
            Err(CredentialError::RevocationOutOfDate {
                held: 3,
                offered: 2
            })
        ));
        assert_eq!(
            RevocationList::accept_newer(Some(&held), same.clone()).expect("same"),
            same
        );
        assert_eq!(
            RevocationList::accept_newer(Some(&held), newer.clone()).expect("newer"),
            newer
        );
        assert_eq!(
            RevocationList::accept_newer(None, older.clone()).expect("first"),
            older
        );
    }

    #[test]
    fn tampering_is_refused() {
        let signed = sample().sign(&key(1)).expect("sign");
        let trust = trust(&[&key(1)]);
        for i in 0..signed.len() {
            for bit in [0x01u8, 0x80] {
                let mut tampered = signed.clone();
                tampered[i] ^= bit;
                let err = RevocationList::verify(&tampered, &trust).unwrap_err();
                assert!(
                    matches!(
                        err,
                        CredentialError::RevocationMalformed(_)
                            | CredentialError::RevocationUnknownKey(_)
                            | CredentialError::RevocationBadSignature
                    ),
                    "byte {i} bit {bit}: {err}"
                );
            }
        }
        assert!(matches!(
            RevocationList::verify(&signed[..signed.len() - 1], &trust),
            Err(CredentialError::RevocationMalformed(_))
        ));
        let mut longer = signed.clone();
        longer.push(0);
        assert!(matches!(
            RevocationList::verify(&longer, &trust),
            Err(CredentialError::RevocationMalformed(_))
        ));
    }

    #[test]
    fn unsorted_serials_are_refused_even_when_signed() {
        let mut w = Writer::new();
        w.map(5)
            .uint(1)
            .uint(1)
            .uint(2)
            .text("HN25")
            .uint(3)
            .uint(1)
            .uint(4)
            .uint(0);
        w.uint(5).array(2).uint(7).uint(7);
        let signed = super::super::cose::sign(&w.into_bytes(), &key(1).kid(), &key(1).signing);
        assert!(matches!(
            RevocationList::verify(&signed, &trust(&[&key(1)])),
            Err(CredentialError::RevocationMalformed(_))
        ));
    }

    #[test]
    fn age() {
        let list = sample();
        assert!(!list.is_older_than(3600, 1_761_350_400 + 3600));
        assert!(list.is_older_than(3600, 1_761_350_400 + 3601));
        assert!(!list.is_older_than(0, i64::MIN));
    }
}
