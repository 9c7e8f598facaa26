//! The stable verdict identifiers of spec section 5.

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
/// [`checkpoint_verdict`]: super::checkpoint_verdict
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
        assert!("accepted".parse::<Verdict>().is_err());
        assert!("".parse::<Verdict>().is_err());
    }
}
