//! The event root of `event-trust-v1.md`: the root key's kid and
//! fingerprint, the signed trust list (section 2) and its checks in the
//! spec's order (section 3), and COSE_Sign1 seals over the application's
//! own files (gate packages, scans files), made with the same primitives.

use ciborium::Value;
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use super::cbor::{self, Writer};
use super::cose::Sign1;
use super::{Kid, TrustList, TrustedKey, is_valid_event_code, kid_hex, kid_of};

/// The only signed-trust-list payload version.
pub const SIGNED_TRUST_LIST_VERSION: u64 = 1;
/// Larger signed trust lists are refused before decoding.
pub const MAX_SIGNED_TRUST_LIST_BYTES: usize = 1024 * 1024;

/// The fingerprint people compare (spec section 1): the first 16 bytes of
/// SHA-256 of the root public key, as 8 groups of 4 uppercase hex digits.
pub fn fingerprint(root: &VerifyingKey) -> String {
    let digest = Sha256::digest(root.as_bytes());
    let hex = hex::encode_upper(&digest[..16]);
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fingerprint as typed by a person, in the spec's form: spaces, dashes
/// and case do not matter. `None` unless it is 32 hex digits.
pub fn normalise_fingerprint(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != ':')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (digits.len() == 32 && digits.chars().all(|c| c.is_ascii_hexdigit())).then(|| {
        digits
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A root public key given as 64 lowercase (or uppercase) hex digits.
pub fn parse_public_key(hex_text: &str) -> Result<VerifyingKey, String> {
    let text = hex_text.trim().to_ascii_lowercase();
    let bytes = super::hex_text::parse_lower_hex::<32>(&text)
        .ok_or_else(|| format!("{:?} is not 64 hex digits", hex_text.trim()))?;
    VerifyingKey::from_bytes(&bytes)
        .ok()
        .filter(|k| !k.is_weak())
        .ok_or_else(|| "it is not a usable Ed25519 public key".to_owned())
}

/// A signed trust list, once accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedTrustList {
    pub issued_at: u64,
    pub sequence: u64,
    /// Its keys, the trust list of badge-credential-v1 section 6.
    pub trust: TrustList,
}

/// Which check of spec section 3 refused a signed trust list. The whole
/// list is refused; no badge is checked against it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustListRefused {
    #[error("check 1: it is not a valid COSE_Sign1 ({0})")]
    Malformed(String),
    #[error("check 2: it is signed by root {found}, not by the pinned root {expected}")]
    OtherRoot { expected: String, found: String },
    #[error("check 3: its signature does not verify with the pinned root key")]
    BadSignature,
    #[error("check 4: its payload is not valid ({0})")]
    BadPayload(String),
    #[error("check 5: it is for event {found}, not for {expected}")]
    WrongEvent { expected: String, found: String },
    #[error("check 6: its sequence {offered} is lower than that of the list held ({held})")]
    OutOfDate { held: u64, offered: u64 },
}

impl SignedTrustList {
    /// Signs `trust` with the root: the raw COSE_Sign1 bytes (`.acrt`).
    /// The keys are written in the spec's order (kid, then not_before).
    pub fn sign(
        trust: &TrustList,
        issued_at: u64,
        sequence: u64,
        root: &SigningKey,
    ) -> Result<Vec<u8>, String> {
        if !is_valid_event_code(&trust.event) {
            return Err(format!("{:?} is not a valid event code", trust.event));
        }
        if trust.keys.is_empty() {
            return Err("a signed trust list needs at least one key".into());
        }
        let mut keys: Vec<&TrustedKey> = trust.keys.iter().collect();
        keys.sort_by_key(|k| (k.kid, k.not_before));
        let mut w = Writer::new();
        w.map(5);
        w.uint(1).uint(SIGNED_TRUST_LIST_VERSION);
        w.uint(2).text(&trust.event);
        w.uint(3).uint(issued_at);
        w.uint(4).uint(sequence);
        w.uint(5).array(keys.len());
        for k in keys {
            w.map(4);
            w.uint(1).bytes(&k.kid);
            w.uint(2).bytes(k.public_key.as_bytes());
            w.uint(3).uint(k.not_before);
            w.uint(4).uint(k.not_after);
        }
        Ok(super::cose::sign(
            &w.into_bytes(),
            &kid_of(&root.verifying_key()),
            root,
        ))
    }

    /// Checks `bytes` against the pinned `root` in the spec's order: for
    /// `event` when the verifier serves one, not older than `held`.
    pub fn verify(
        bytes: &[u8],
        root: &VerifyingKey,
        event: Option<&str>,
        held: Option<u64>,
    ) -> Result<SignedTrustList, TrustListRefused> {
        if bytes.len() > MAX_SIGNED_TRUST_LIST_BYTES {
            return Err(TrustListRefused::Malformed(
                "it is larger than 1 MiB".into(),
            ));
        }
        let sign1 = Sign1::parse(bytes).map_err(|m| TrustListRefused::Malformed(m.0.into()))?;
        let root_kid = kid_of(root);
        if sign1.kid != root_kid {
            return Err(TrustListRefused::OtherRoot {
                expected: kid_hex(&root_kid),
                found: kid_hex(&sign1.kid),
            });
        }
        if !sign1.verifies_with(root) {
            return Err(TrustListRefused::BadSignature);
        }
        let list = parse_payload(&sign1.payload).map_err(TrustListRefused::BadPayload)?;
        if let Some(expected) = event
            && list.trust.event != expected
        {
            return Err(TrustListRefused::WrongEvent {
                expected: expected.to_owned(),
                found: list.trust.event,
            });
        }
        if let Some(held) = held
            && list.sequence < held
        {
            return Err(TrustListRefused::OutOfDate {
                held,
                offered: list.sequence,
            });
        }
        Ok(list)
    }
}

fn parse_payload(payload: &[u8]) -> Result<SignedTrustList, String> {
    let value = cbor::decode_canonical(payload).ok_or("not canonical CBOR")?;
    let entries = cbor::uint_keyed_map(&value).ok_or("not a map with integer keys")?;
    let keys: Vec<u64> = entries.iter().map(|(k, _)| *k).collect();
    if keys != [1, 2, 3, 4, 5] {
        return Err("its keys are not exactly 1 to 5".into());
    }
    let uint = |v: &Value, what: &str| cbor::as_uint(v).ok_or(format!("{what} is not a uint"));
    if uint(entries[0].1, "the version")? != SIGNED_TRUST_LIST_VERSION {
        return Err("its version is not 1".into());
    }
    let Value::Text(event) = entries[1].1 else {
        return Err("the event is not a text".into());
    };
    if !is_valid_event_code(event) {
        return Err(format!("{event:?} is not a valid event code"));
    }
    let issued_at = uint(entries[2].1, "issued_at")?;
    let sequence = uint(entries[3].1, "the sequence")?;
    let Value::Array(items) = entries[4].1 else {
        return Err("the keys are not an array".into());
    };
    if items.is_empty() {
        return Err("it lists no key".into());
    }
    let mut trust = TrustList::new(event.clone());
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let fields = cbor::uint_keyed_map(item).ok_or(format!("key {n} is not a map"))?;
        if fields.iter().map(|(k, _)| *k).collect::<Vec<_>>() != [1, 2, 3, 4] {
            return Err(format!("key {n}: its fields are not exactly 1 to 4"));
        }
        let bytes = |v: &Value| match v {
            Value::Bytes(b) => Some(b.clone()),
            _ => None,
        };
        let kid = bytes(fields[0].1)
            .and_then(|b| Kid::try_from(b.as_slice()).ok())
            .ok_or(format!("key {n}: the kid is not 8 bytes"))?;
        let public_key = bytes(fields[1].1)
            .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
            .and_then(|b| VerifyingKey::from_bytes(&b).ok())
            .filter(|k| !k.is_weak())
            .ok_or(format!(
                "key {n}: the public key is not a usable Ed25519 key"
            ))?;
        let not_before = uint(fields[2].1, "not_before")?;
        let not_after = uint(fields[3].1, "not_after")?;
        if not_after <= not_before {
            return Err(format!("key {n}: not_after is not after not_before"));
        }
        let key = TrustedKey {
            kid,
            public_key,
            not_before,
            not_after,
        };
        if let Some(previous) = trust.keys.last()
            && (previous.kid, previous.not_before) > (key.kid, key.not_before)
        {
            return Err(format!("key {n} is out of order (kid, then not_before)"));
        }
        trust.keys.push(key);
    }
    Ok(SignedTrustList {
        issued_at,
        sequence,
        trust,
    })
}

/// A COSE_Sign1 over one of the application's own files, parsed but not
/// yet trusted: the kid says which key to check it with.
#[derive(Debug, Clone)]
pub struct Seal {
    sign1: Sign1,
}

impl Seal {
    /// Seals `payload` with `key` (kid = the key's kid).
    pub fn sign(payload: &[u8], key: &SigningKey) -> Vec<u8> {
        super::cose::sign(payload, &kid_of(&key.verifying_key()), key)
    }

    pub fn parse(bytes: &[u8]) -> Result<Seal, String> {
        Sign1::parse(bytes)
            .map(|sign1| Seal { sign1 })
            .map_err(|m| m.0.to_owned())
    }

    pub fn kid(&self) -> Kid {
        self.sign1.kid
    }

    /// The payload, only once the signature verified with `key`.
    pub fn open(&self, key: &VerifyingKey) -> Option<&[u8]> {
        self.sign1
            .verifies_with(key)
            .then_some(self.sign1.payload.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> SigningKey {
        SigningKey::from_bytes(&[3u8; 32])
    }

    fn list() -> TrustList {
        let mut trust = TrustList::new("HN25");
        for seed in [5u8, 6] {
            let key = super::super::EventKey::from_seed(&[seed; 32], 10, 20).unwrap();
            trust.keys.push(TrustedKey::from(&key));
        }
        trust
    }

    #[test]
    fn fingerprint_has_the_spec_form() {
        let f = fingerprint(&root().verifying_key());
        assert_eq!(f.len(), 39);
        assert_eq!(f.split(' ').count(), 8);
        assert_eq!(
            normalise_fingerprint(&f.to_lowercase().replace(' ', "")),
            Some(f.clone())
        );
        assert_eq!(normalise_fingerprint("3F2A 9C01"), None);
    }

    #[test]
    fn sign_then_verify_in_the_spec_order() {
        let bytes = SignedTrustList::sign(&list(), 100, 7, &root()).unwrap();
        let pinned = root().verifying_key();
        let ok = SignedTrustList::verify(&bytes, &pinned, Some("HN25"), Some(7)).unwrap();
        assert_eq!(ok.sequence, 7);
        assert_eq!(ok.trust.keys.len(), 2);
        assert!(ok.trust.keys[0].kid < ok.trust.keys[1].kid);
        let other = SigningKey::from_bytes(&[4u8; 32]).verifying_key();
        assert!(matches!(
            SignedTrustList::verify(&bytes, &other, None, None),
            Err(TrustListRefused::OtherRoot { .. })
        ));
        assert!(matches!(
            SignedTrustList::verify(&bytes, &pinned, Some("GVA26"), None),
            Err(TrustListRefused::WrongEvent { .. })
        ));
        assert!(matches!(
            SignedTrustList::verify(&bytes, &pinned, None, Some(8)),
            Err(TrustListRefused::OutOfDate { .. })
        ));
        let mut changed = bytes.clone();
        let at = changed.len() - 70;
        changed[at] ^= 1;
        assert!(matches!(
            SignedTrustList::verify(&changed, &pinned, None, None),
            Err(TrustListRefused::BadSignature)
        ));
        assert!(matches!(
            SignedTrustList::verify(&bytes[1..], &pinned, None, None),
            Err(TrustListRefused::Malformed(_))
        ));
    }

    #[test]
    fn a_seal_opens_only_with_its_key() {
        let bytes = Seal::sign(b"content", &root());
        let seal = Seal::parse(&bytes).unwrap();
        assert_eq!(seal.kid(), kid_of(&root().verifying_key()));
        assert_eq!(seal.open(&root().verifying_key()), Some(&b"content"[..]));
        assert_eq!(
            seal.open(&SigningKey::from_bytes(&[4u8; 32]).verifying_key()),
            None
        );
    }
}
