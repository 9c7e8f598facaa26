//! The trust list (spec section 6): an event's public keys, as JSON.

use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Serialize};

use super::hex_text::parse_lower_hex;
use super::{CredentialError, EventKey, Kid, is_valid_event_code, kid_hex};

/// The `format` string of trust-list files this module reads and writes.
pub const TRUST_LIST_FORMAT: &str = "accredit-trust-list/1";
const ALG_EDDSA: &str = "EdDSA";

/// The public keys a gate trusts for one event. The gate's event (check 6)
/// is this list's `event`.
///
/// Serializes to and from exactly the JSON of the spec; reading checks the
/// format string, codes, lowercase hex and that every key is a usable
/// Ed25519 point. A kid is taken as listed (it is normally the key's
/// [`kid_of`](super::kid_of)); several keys may share one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TrustListFile", into = "TrustListFile")]
pub struct TrustList {
    pub event: String,
    pub keys: Vec<TrustedKey>,
}

/// One trusted public key and the window of badges it may sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKey {
    pub kid: Kid,
    pub public_key: VerifyingKey,
    /// Badges it signed must not become valid before this (Unix seconds).
    pub not_before: u64,
    /// Badges it signed must expire by this (Unix seconds).
    pub not_after: u64,
}

impl TrustedKey {
    /// True if a badge valid over `[not_before, expires]` lies inside this
    /// key's validity (check 5).
    pub fn covers(&self, not_before: u64, expires: u64) -> bool {
        self.not_before <= not_before && expires <= self.not_after
    }
}

impl From<&EventKey> for TrustedKey {
    fn from(key: &EventKey) -> Self {
        TrustedKey {
            kid: key.kid(),
            public_key: key.verifying_key(),
            not_before: key.not_before,
            not_after: key.not_after,
        }
    }
}

impl TrustList {
    /// An empty trust list for `event`.
    pub fn new(event: impl Into<String>) -> Self {
        TrustList {
            event: event.into(),
            keys: Vec::new(),
        }
    }

    /// Reads a trust-list file's JSON.
    pub fn from_json(json: &str) -> Result<Self, CredentialError> {
        serde_json::from_str(json).map_err(|e| CredentialError::TrustList(e.to_string()))
    }

    /// The JSON of the spec, pretty-printed.
    pub fn to_json(&self) -> String {
        // Serializing plain strings and integers into a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The keys listed under `kid`, in list order.
    pub fn keys_with_kid<'a>(&'a self, kid: &'a Kid) -> impl Iterator<Item = &'a TrustedKey> + 'a {
        self.keys.iter().filter(move |key| key.kid == *kid)
    }
}

/// The file layout, with hex as text; converted to [`TrustList`] with checks.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrustListFile {
    format: String,
    event: String,
    keys: Vec<TrustedKeyFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrustedKeyFile {
    kid: String,
    alg: String,
    public_key: String,
    not_before: u64,
    not_after: u64,
}

impl TryFrom<TrustListFile> for TrustList {
    type Error = CredentialError;

    fn try_from(file: TrustListFile) -> Result<Self, Self::Error> {
        let invalid = |why: String| CredentialError::TrustList(why);
        if file.format != TRUST_LIST_FORMAT {
            return Err(invalid(format!(
                "format is {:?}, expected {TRUST_LIST_FORMAT:?}",
                file.format
            )));
        }
        if !is_valid_event_code(&file.event) {
            return Err(CredentialError::InvalidEventCode(file.event));
        }
        let keys = file
            .keys
            .into_iter()
            .enumerate()
            .map(|(i, key)| {
                let n = i + 1;
                if key.alg != ALG_EDDSA {
                    return Err(invalid(format!(
                        "key {n}: alg is {:?}, expected \"EdDSA\"",
                        key.alg
                    )));
                }
                let kid = parse_lower_hex::<8>(&key.kid).ok_or_else(|| {
                    invalid(format!("key {n}: kid must be 16 lowercase hex digits"))
                })?;
                let public_key = parse_lower_hex::<32>(&key.public_key).ok_or_else(|| {
                    invalid(format!(
                        "key {n}: public_key must be 64 lowercase hex digits"
                    ))
                })?;
                let public_key = VerifyingKey::from_bytes(&public_key)
                    .ok()
                    .filter(|k| !k.is_weak())
                    .ok_or_else(|| {
                        invalid(format!("key {n}: public_key is not a usable Ed25519 key"))
                    })?;
                if key.not_before >= key.not_after {
                    return Err(invalid(format!(
                        "key {n}: not_before must be earlier than not_after"
                    )));
                }
                Ok(TrustedKey {
                    kid,
                    public_key,
                    not_before: key.not_before,
                    not_after: key.not_after,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(TrustList {
            event: file.event,
            keys,
        })
    }
}

impl From<TrustList> for TrustListFile {
    fn from(list: TrustList) -> Self {
        TrustListFile {
            format: TRUST_LIST_FORMAT.to_owned(),
            event: list.event,
            keys: list
                .keys
                .into_iter()
                .map(|key| TrustedKeyFile {
                    kid: kid_hex(&key.kid),
                    alg: ALG_EDDSA.to_owned(),
                    public_key: hex::encode(key.public_key.as_bytes()),
                    not_before: key.not_before,
                    not_after: key.not_after,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
  "format": "accredit-trust-list/1",
  "event": "HN25",
  "keys": [
    {
      "kid": "10ba682c8ad13513",
      "alg": "EdDSA",
      "public_key": "d04ab232742bb4ab3a1368bd4615e4e6d0224ab71a016baf8520a332c9778737",
      "not_before": 1758758400,
      "not_after": 1763942400
    }
  ]
}"#;

    #[test]
    fn reads_and_writes_the_spec_layout() {
        let list = TrustList::from_json(SAMPLE).expect("valid");
        assert_eq!(list.event, "HN25");
        assert_eq!(kid_hex(&list.keys[0].kid), "10ba682c8ad13513");
        assert_eq!(
            super::super::kid_of(&list.keys[0].public_key),
            list.keys[0].kid
        );
        assert_eq!(list.to_json(), SAMPLE);
    }

    #[test]
    fn refuses_deviations() {
        let cases = [
            ("accredit-trust-list/1", "accredit-trust-list/2"),
            ("\"HN25\"", "\"hn25\""),
            ("10ba682c8ad13513", "10BA682C8AD13513"),
            ("10ba682c8ad13513", "10ba682c8ad135"),
            ("\"EdDSA\"", "\"ES256\""),
            ("d04ab232742bb4ab", "D04AB232742BB4AB"),
            ("1763942400", "1758758400"),
            ("\"not_after\"", "\"not_afterwards\""),
            // The identity point: a small-order (weak) key.
            (
                "d04ab232742bb4ab3a1368bd4615e4e6d0224ab71a016baf8520a332c9778737",
                "0100000000000000000000000000000000000000000000000000000000000000",
            ),
        ];
        for (from, to) in cases {
            let json = SAMPLE.replace(from, to);
            assert_ne!(json, SAMPLE, "{from}");
            let err = TrustList::from_json(&json).unwrap_err();
            assert!(
                matches!(err, CredentialError::TrustList(_)),
                "accepted with {to}: {err}"
            );
        }
        assert!(matches!(
            TrustList::from_json(""),
            Err(CredentialError::TrustList(_))
        ));
        assert!(matches!(
            TrustList::from_json("[]"),
            Err(CredentialError::TrustList(_))
        ));
    }
}
