//! The verdicts a badge can get: the stable identifiers of the credential
//! spec's section 5 ([`Verdict`]), and the gate's, which add the
//! application's own checks after check 9 ([`GateVerdict`]). They are domain
//! types because scans store them; `credential` and `gate` re-export them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The outcome of verifying a credential. The identifiers ([`Verdict::as_str`])
/// are stable: the CLI prints them, gate screens map them to messages, logs
/// store them. Never rename one.
///
/// These are the credential's verdicts only. Verdicts that the application
/// adds after check 9 (e.g. a participant blocked by an organiser) belong to
/// the gate layer, which wraps this enum rather than extending it, so this
/// list stays exactly the spec's; see [`checkpoint_verdict`] for running the
/// checkpoint checks after the application's own.
///
/// [`checkpoint_verdict`]: crate::credential::checkpoint_verdict
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Verdict {
    /// Passed every check.
    Accepted,
    /// Not a well-formed ACR1 credential (check 1), or a signed payload that
    /// breaks the claim rules (check 4).
    Malformed,
    /// An `ACRn:` prefix with n ≠ 1, or a signed payload version ≠ 1.
    UnsupportedVersion,
    /// No trust-list key has the credential's kid (check 2).
    UnknownKey,
    /// No key of that kid verifies the signature (check 3), or the verifying
    /// key's validity does not cover the badge's (check 5).
    BadSignature,
    /// Issued for another event (check 6).
    WrongEvent,
    /// Scanned more than 300 s before `not_before` (check 7).
    NotYetValid,
    /// Scanned more than 300 s after `expires` (check 8).
    Expired,
    /// The serial is on the revocation list (check 9).
    Revoked,
    /// The badge does not open the checkpoint's zone (check 10).
    ZoneDenied,
    /// Entry while the holder is already inside (check 11, anti-passback).
    AlreadyInside,
}

impl Verdict {
    /// Every verdict, in the order of the spec's table.
    pub const ALL: [Verdict; 11] = [
        Verdict::Accepted,
        Verdict::Malformed,
        Verdict::UnsupportedVersion,
        Verdict::UnknownKey,
        Verdict::BadSignature,
        Verdict::WrongEvent,
        Verdict::NotYetValid,
        Verdict::Expired,
        Verdict::Revoked,
        Verdict::ZoneDenied,
        Verdict::AlreadyInside,
    ];

    /// The stable identifier, e.g. `"ZONE_DENIED"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Accepted => "ACCEPTED",
            Verdict::Malformed => "MALFORMED",
            Verdict::UnsupportedVersion => "UNSUPPORTED_VERSION",
            Verdict::UnknownKey => "UNKNOWN_KEY",
            Verdict::BadSignature => "BAD_SIGNATURE",
            Verdict::WrongEvent => "WRONG_EVENT",
            Verdict::NotYetValid => "NOT_YET_VALID",
            Verdict::Expired => "EXPIRED",
            Verdict::Revoked => "REVOKED",
            Verdict::ZoneDenied => "ZONE_DENIED",
            Verdict::AlreadyInside => "ALREADY_INSIDE",
        }
    }

    pub const fn is_accepted(self) -> bool {
        matches!(self, Verdict::Accepted)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The identifier is not one of the spec's verdicts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a credential verdict")]
pub struct UnknownVerdict(pub String);

impl FromStr for Verdict {
    type Err = UnknownVerdict;

    /// Parses an identifier exactly as [`Verdict::as_str`] spells it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| UnknownVerdict(s.to_owned()))
    }
}

/// What the gate says about one scan. The identifiers ([`GateVerdict::as_str`])
/// are stable: scans store them, the CLI prints them, gate packages carry
/// them home. The spec's come first; the application's own follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GateVerdict {
    /// A verdict of the credential spec (checks 1 to 11).
    Spec(Verdict),
    /// The signature verified, but this gate knows no such badge: issued
    /// after the gate's package was made, or not this participant's.
    UnknownBadge,
    /// The checkpoint does not let people through in this direction.
    WrongDirection,
    /// A delegate's letter (its code is signed, but it is not a badge).
    NotABadge,
}

impl GateVerdict {
    pub const ACCEPTED: GateVerdict = GateVerdict::Spec(Verdict::Accepted);

    /// Every verdict: the spec's in its order, then the application's.
    pub const ALL: [GateVerdict; 14] = [
        GateVerdict::Spec(Verdict::Accepted),
        GateVerdict::Spec(Verdict::Malformed),
        GateVerdict::Spec(Verdict::UnsupportedVersion),
        GateVerdict::Spec(Verdict::UnknownKey),
        GateVerdict::Spec(Verdict::BadSignature),
        GateVerdict::Spec(Verdict::WrongEvent),
        GateVerdict::Spec(Verdict::NotYetValid),
        GateVerdict::Spec(Verdict::Expired),
        GateVerdict::Spec(Verdict::Revoked),
        GateVerdict::Spec(Verdict::ZoneDenied),
        GateVerdict::Spec(Verdict::AlreadyInside),
        GateVerdict::UnknownBadge,
        GateVerdict::WrongDirection,
        GateVerdict::NotABadge,
    ];

    /// The stable identifier, e.g. `"ZONE_DENIED"` or `"UNKNOWN_BADGE"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            GateVerdict::Spec(v) => v.as_str(),
            GateVerdict::UnknownBadge => "UNKNOWN_BADGE",
            GateVerdict::WrongDirection => "WRONG_DIRECTION",
            GateVerdict::NotABadge => "NOT_A_BADGE",
        }
    }

    pub const fn is_accepted(self) -> bool {
        matches!(self, GateVerdict::Spec(Verdict::Accepted))
    }

    /// "ACCEPTED" or "REFUSED": the headline of the gate screen.
    pub const fn headline(self) -> &'static str {
        if self.is_accepted() {
            "ACCEPTED"
        } else {
            "REFUSED"
        }
    }
}

impl From<Verdict> for GateVerdict {
    fn from(v: Verdict) -> Self {
        GateVerdict::Spec(v)
    }
}

impl fmt::Display for GateVerdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GateVerdict {
    type Err = String;

    /// Parses an identifier exactly as [`GateVerdict::as_str`] spells it.
    fn from_str(s: &str) -> Result<Self, String> {
        GateVerdict::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("\"{s}\" is not a gate verdict"))
    }
}

impl Serialize for GateVerdict {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for GateVerdict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_the_spec_s() {
        let ids: Vec<&str> = Verdict::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ACCEPTED",
                "MALFORMED",
                "UNSUPPORTED_VERSION",
                "UNKNOWN_KEY",
                "BAD_SIGNATURE",
                "WRONG_EVENT",
                "NOT_YET_VALID",
                "EXPIRED",
                "REVOKED",
                "ZONE_DENIED",
                "ALREADY_INSIDE"
            ]
        );
    }

    #[test]
    fn display_parse_and_serde_agree() {
        for verdict in Verdict::ALL {
            let id = verdict.as_str();
            assert_eq!(verdict.to_string(), id);
            assert_eq!(id.parse::<Verdict>(), Ok(verdict));
            assert_eq!(
                serde_json::to_string(&verdict).expect("json"),
                format!("\"{id}\"")
            );
            assert_eq!(
                serde_json::from_str::<Verdict>(&format!("\"{id}\"")).expect("json"),
                verdict
            );
        }
        assert_eq!(
            "accepted".parse::<Verdict>(),
            Err(UnknownVerdict("accepted".to_string()))
        );
        assert_eq!("".parse::<Verdict>(), Err(UnknownVerdict("".to_string())));
    }
}
