//! The claims a badge carries (spec section 3) and their CBOR payload.

use ciborium::Value;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::CredentialError;
use super::cbor::{self, Writer};
pub use crate::domain::ZoneSet;

/// The only payload version this module reads and writes.
pub const CLAIMS_VERSION: u64 = 1;

/// First 8 bytes of the SHA-256 of a participant's stored photo file.
pub type PhotoHash = [u8; 8];

const KEY_VERSION: u64 = 1;
const KEY_EVENT: u64 = 2;
const KEY_SERIAL: u64 = 3;
const KEY_PARTICIPANT: u64 = 4;
const KEY_CATEGORY: u64 = 5;
const KEY_ZONES: u64 = 6;
const KEY_NOT_BEFORE: u64 = 7;
const KEY_EXPIRES: u64 = 8;
const KEY_PHOTO: u64 = 9;

/// What a badge's QR code asserts about its holder. No names or other
/// personal data: the gate looks those up by `participant`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    /// The event's code, 1–16 characters of `A-Z`, `0-9`, `-` (e.g. `HN25`).
    pub event: String,
    /// Badge serial, unique within the event and never reused: a reissued
    /// badge gets a new serial, and revocation is by serial.
    pub serial: u64,
    /// The participant's id.
    pub participant: u64,
    /// Category code, 1–8 characters of `A-Z`, `0-9` (e.g. `DEL`, `MED`).
    pub category: String,
    /// The zones the badge opens.
    pub zones: ZoneSet,
    /// Valid from (Unix seconds, UTC).
    pub not_before: u64,
    /// Valid until (Unix seconds, UTC); greater than `not_before`.
    pub expires: u64,
    /// Hash of the photo printed on the badge, see [`photo_hash`].
    #[serde(with = "photo_hex", default)]
    pub photo: Option<PhotoHash>,
}

/// The [`PhotoHash`] of a photo file's bytes.
pub fn photo_hash(photo_file: &[u8]) -> PhotoHash {
    let digest = Sha256::digest(photo_file);
    let mut hash = [0u8; 8];
    hash.copy_from_slice(&digest[..8]);
    hash
}

/// True if `code` is a valid event code: 1–16 characters of `A-Z`, `0-9`, `-`.
pub fn is_valid_event_code(code: &str) -> bool {
    (1..=16).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

/// True if `code` is a valid category code: 1–8 characters of `A-Z`, `0-9`.
pub fn is_valid_category(code: &str) -> bool {
    (1..=8).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Why a payload was refused (check 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PayloadError {
    Malformed(&'static str),
    UnsupportedVersion,
}

impl Claims {
    /// Checks the field rules of section 3: codes, and `expires > not_before`.
    pub fn validate(&self) -> Result<(), CredentialError> {
        if !is_valid_event_code(&self.event) {
            return Err(CredentialError::InvalidEventCode(self.event.clone()));
        }
        if !is_valid_category(&self.category) {
            return Err(CredentialError::InvalidCategory(self.category.clone()));
        }
        if self.expires <= self.not_before {
            return Err(CredentialError::ExpiryNotAfterStart {
                not_before: self.not_before,
                expires: self.expires,
            });
        }
        Ok(())
    }

    /// The canonical CBOR payload. Assumes [`Claims::validate`] passed.
    pub(crate) fn to_cbor(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.map(if self.photo.is_some() { 9 } else { 8 });
        w.uint(KEY_VERSION).uint(CLAIMS_VERSION);
        w.uint(KEY_EVENT).text(&self.event);
        w.uint(KEY_SERIAL).uint(self.serial);
        w.uint(KEY_PARTICIPANT).uint(self.participant);
        w.uint(KEY_CATEGORY).text(&self.category);
        w.uint(KEY_ZONES).uint(self.zones.bits());
        w.uint(KEY_NOT_BEFORE).uint(self.not_before);
        w.uint(KEY_EXPIRES).uint(self.expires);
        if let Some(photo) = &self.photo {
            w.uint(KEY_PHOTO).bytes(photo);
        }
        w.into_bytes()
    }

    /// Reads a payload strictly (check 4). The version is looked at first so
    /// that a later version, whatever its layout, is `UNSUPPORTED_VERSION`.
    pub(crate) fn from_cbor(bytes: &[u8]) -> Result<Claims, PayloadError> {
        let value = cbor::decode(bytes).ok_or(PayloadError::Malformed("payload is not CBOR"))?;
        let entries = cbor::uint_keyed_map(&value)
            .ok_or(PayloadError::Malformed("payload is not a map of uint keys"))?;
        match entries.iter().find(|(key, _)| *key == KEY_VERSION) {
            Some((_, version)) => match cbor::as_uint(version) {
                Some(CLAIMS_VERSION) => {}
                Some(_) => return Err(PayloadError::UnsupportedVersion),
                None => return Err(PayloadError::Malformed("version is not a uint")),
            },
            None => return Err(PayloadError::Malformed("version is missing")),
        }
        if !cbor::is_canonical(&value, bytes) {
            return Err(PayloadError::Malformed("payload is not canonical CBOR"));
        }
        let claims = Self::from_entries(&entries)?;
        claims
            .validate()
            .map_err(|_| PayloadError::Malformed("a field breaks its rule"))?;
        Ok(claims)
    }

    /// Builds claims from canonical entries (keys strictly ascending).
    fn from_entries(entries: &[(u64, &Value)]) -> Result<Claims, PayloadError> {
        let field = |key: u64| entries.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        let uint = |key: u64, what: &'static str| {
            field(key)
                .and_then(cbor::as_uint)
                .ok_or(PayloadError::Malformed(what))
        };
        let text = |key: u64, what: &'static str| match field(key) {
            Some(Value::Text(s)) => Ok(s.clone()),
            _ => Err(PayloadError::Malformed(what)),
        };
        if entries
            .iter()
            .any(|(key, _)| !(KEY_VERSION..=KEY_PHOTO).contains(key))
        {
            return Err(PayloadError::Malformed("payload has an unknown key"));
        }
        let photo = match field(KEY_PHOTO) {
            None => None,
            Some(Value::Bytes(b)) => Some(
                PhotoHash::try_from(b.as_slice())
                    .map_err(|_| PayloadError::Malformed("photo is not 8 bytes"))?,
            ),
            Some(_) => return Err(PayloadError::Malformed("photo is not a byte string")),
        };
        Ok(Claims {
            event: text(KEY_EVENT, "event is missing or not text")?,
            serial: uint(KEY_SERIAL, "serial is missing or not a uint")?,
            participant: uint(KEY_PARTICIPANT, "participant is missing or not a uint")?,
            category: text(KEY_CATEGORY, "category is missing or not text")?,
            zones: ZoneSet::from_bits(uint(KEY_ZONES, "zones is missing or not a uint")?),
            not_before: uint(KEY_NOT_BEFORE, "not_before is missing or not a uint")?,
            expires: uint(KEY_EXPIRES, "expires is missing or not a uint")?,
            photo,
        })
    }
}

/// The photo hash in JSON: 16 lowercase hex digits, or null.
mod photo_hex {
    use super::PhotoHash;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        photo: &Option<PhotoHash>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match photo {
            Some(hash) => serializer.serialize_str(&hex::encode(hash)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<PhotoHash>, D::Error> {
        let Some(text) = Option::<String>::deserialize(deserializer)? else {
            return Ok(None);
        };
        super::super::hex_text::parse_lower_hex::<8>(&text)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom("photo must be 16 lowercase hex digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Claims {
        Claims {
            event: "HN25".into(),
            serial: 100_042,
            participant: 4711,
            category: "DEL".into(),
            zones: ZoneSet::from_zones([1, 2, 4]).expect("zones"),
            not_before: 1_761_177_600,
            expires: 1_761_609_600,
            photo: None,
        }
    }

    #[test]
    fn payload_matches_the_vectors() {
        // Payload of vector pub-ok-basic.
        let expected =
            "a801010264484e3235031a000186ca04191267056344454c060b071a68f97000081a69000780";
        assert_eq!(hex::encode(sample().to_cbor()), expected);
        assert_eq!(Claims::from_cbor(&sample().to_cbor()), Ok(sample()));
    }

    #[test]
    fn photo_round_trips() {
        let claims = Claims {
            photo: Some(photo_hash(b"jpeg bytes")),
            ..sample()
        };
        assert_eq!(Claims::from_cbor(&claims.to_cbor()), Ok(claims));
    }

    #[test]
    fn version_is_checked_before_layout() {
        let mut w = Writer::new();
        w.map(2).uint(1).uint(2).uint(99).text("whatever");
        assert_eq!(
            Claims::from_cbor(&w.into_bytes()),
            Err(PayloadError::UnsupportedVersion)
        );
        let mut w = Writer::new();
        w.map(1).uint(2).text("HN25");
        assert!(matches!(
            Claims::from_cbor(&w.into_bytes()),
            Err(PayloadError::Malformed(_))
        ));
    }

    #[test]
    fn field_rules() {
        let bad = [
            Claims {
                event: "hn25".into(),
                ..sample()
            },
            Claims {
                event: String::new(),
                ..sample()
            },
            Claims {
                event: "A".repeat(17),
                ..sample()
            },
            Claims {
                category: "DELEGATES".into(),
                ..sample()
            },
            Claims {
                category: "DE-L".into(),
                ..sample()
            },
            Claims {
                expires: 1_761_177_600,
                ..sample()
            },
        ];
        for claims in bad {
            let err = claims.validate().unwrap_err();
            let named = if claims.event != sample().event {
                matches!(err, CredentialError::InvalidEventCode(_))
            } else if claims.category != sample().category {
                matches!(err, CredentialError::InvalidCategory(_))
            } else {
                matches!(err, CredentialError::ExpiryNotAfterStart { .. })
            };
            assert!(named, "{claims:?}: {err}");
            assert!(
                matches!(
                    Claims::from_cbor(&claims.to_cbor()),
                    Err(PayloadError::Malformed(_))
                ),
                "{claims:?}"
            );
        }
        assert!(
            Claims {
                event: "UN-HANOI-2025".into(),
                ..sample()
            }
            .validate()
            .is_ok()
        );
    }

    #[test]
    fn zones() {
        let zones = ZoneSet::from_zones([1, 64]).expect("valid zones");
        assert_eq!(zones.bits(), 1 | 1 << 63);
        assert!(zones.contains(64) && zones.contains(1) && !zones.contains(2));
        assert!(!ZoneSet::ALL.contains(0) && !ZoneSet::ALL.contains(65));
        let e = ZoneSet::from_zones([0]).unwrap_err();
        assert!(e.contains("zone 0 is outside 1–64"), "{e}");
        let e = ZoneSet::from_zones([65]).unwrap_err();
        assert!(e.contains("zone 65 is outside 1–64"), "{e}");
        assert_eq!(zones.to_string(), "1,64");
        assert_eq!(serde_json::to_string(&zones).expect("json"), "[1,64]");
        assert_eq!(
            serde_json::from_str::<ZoneSet>("[64,1]").expect("json"),
            zones
        );
        let e = serde_json::from_str::<ZoneSet>("[300]").unwrap_err();
        assert!(e.to_string().contains("zone 300 is outside 1–64"), "{e}");
    }

    #[test]
    fn json_shape() {
        let claims = Claims {
            photo: Some([0x55, 0xc6, 0x4d, 0x0f, 0xcd, 0x6f, 0x9d, 0x5f]),
            ..sample()
        };
        let json = serde_json::to_string(&claims).expect("json");
        assert_eq!(
            json,
            r#"{"event":"HN25","serial":100042,"participant":4711,"category":"DEL","zones":[1,2,4],"not_before":1761177600,"expires":1761609600,"photo":"55c64d0fcd6f9d5f"}"#
        );
        assert_eq!(serde_json::from_str::<Claims>(&json).expect("back"), claims);
    }
}
