//! The verifier: the checks of spec section 5, in order, stopping at the
//! first failure. Never panics: every input gets a verdict, unless a lookup
//! of the gate's state fails (a store that cannot be read), which stops the
//! checks with that error.

use std::collections::BTreeSet;
use std::convert::Infallible;

use super::claims::PayloadError;
use super::cose::{Malformed, Sign1};
use super::{Claims, Kid, TrustList, TrustedKey, Verdict, base45};

/// The text prefix of version-1 credentials.
pub const PREFIX: &str = "ACR1:";
/// Longer texts are refused before anything is decoded.
pub const MAX_TEXT_CHARS: usize = 512;
/// Clock skew tolerated around `not_before` and `expires`, in seconds.
pub const CLOCK_SKEW_SECONDS: u64 = 300;

pub use crate::domain::Direction;

/// What the gate knows beyond the credential: revocations and who is inside.
pub trait GateState {
    /// Why a lookup could not be answered ([`Infallible`] for a state held
    /// in memory).
    type Error;
    /// True if the badge `serial` is revoked.
    fn is_revoked(&self, serial: u64) -> Result<bool, Self::Error>;
    /// True if `participant` is already inside `zone` (anti-passback).
    fn is_inside(&self, participant: u64, zone: u8) -> Result<bool, Self::Error>;
}

/// A fixed gate state, for tests and the standalone CLI: a set of revoked
/// serials, and whether the holder counts as inside (for everyone, every zone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaticState {
    pub revoked: BTreeSet<u64>,
    pub inside: bool,
}

impl GateState for StaticState {
    type Error = Infallible;

    fn is_revoked(&self, serial: u64) -> Result<bool, Infallible> {
        Ok(self.revoked.contains(&serial))
    }

    fn is_inside(&self, _participant: u64, _zone: u8) -> Result<bool, Infallible> {
        Ok(self.inside)
    }
}

/// The circumstances of one scan, with the gate state `S` it looks up.
pub struct VerifyContext<'a, S: ?Sized> {
    /// The validation time, Unix seconds (injected so tests and replays can
    /// choose it).
    pub now: i64,
    /// The checkpoint's zone; `None` for a bare verify, which stops after
    /// check 9.
    pub checkpoint_zone: Option<u8>,
    /// Anti-passback (check 11) applies to entries only.
    pub direction: Direction,
    pub state: &'a S,
}

// By hand: a derive would ask `S` to be `Copy`, but only the reference is.
impl<S: ?Sized> Clone for VerifyContext<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: ?Sized> Copy for VerifyContext<'_, S> {}

impl<'a, S: GateState + ?Sized> VerifyContext<'a, S> {
    /// A bare verify at `now`: no checkpoint, so checks 10 and 11 are skipped.
    pub fn new(now: i64, state: &'a S) -> Self {
        VerifyContext {
            now,
            checkpoint_zone: None,
            direction: Direction::Entry,
            state,
        }
    }

    /// The same scan at a checkpoint of `zone`, going in `direction`.
    pub fn at_checkpoint(self, zone: u8, direction: Direction) -> Self {
        VerifyContext {
            checkpoint_zone: Some(zone),
            direction,
            ..self
        }
    }
}

/// The result of verifying one credential text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub verdict: Verdict,
    /// The claims, whenever the signature verified and the payload could be
    /// read, even if a later check failed: the gate can show who it was.
    pub claims: Option<Claims>,
    /// The kid from the protected header, whenever the COSE structure was
    /// well-formed (so logs can name an unknown key).
    pub kid: Option<Kid>,
}

impl Verification {
    pub fn is_accepted(&self) -> bool {
        self.verdict.is_accepted()
    }

    fn early(verdict: Verdict, kid: Option<Kid>) -> Self {
        Verification {
            verdict,
            claims: None,
            kid,
        }
    }
}

/// Verifies a credential's QR text against the event's trust list at the
/// gate described by `ctx`, whose state is held in memory: every input gets
/// a verdict.
pub fn verify<S>(text: &str, trust: &TrustList, ctx: &VerifyContext<'_, S>) -> Verification
where
    S: GateState<Error = Infallible> + ?Sized,
{
    let Ok(verification) = try_verify(text, trust, ctx);
    verification
}

/// [`verify`] against a state whose lookups can fail (a store): the first
/// lookup that fails stops the checks, and its error is returned instead of
/// a verdict.
pub fn try_verify<S: GateState + ?Sized>(
    text: &str,
    trust: &TrustList,
    ctx: &VerifyContext<'_, S>,
) -> Result<Verification, S::Error> {
    // Check 1: text, Base45, COSE structure, protected header, canonical form.
    let sign1 = match decode_text(text) {
        Ok(sign1) => sign1,
        Err(verdict) => return Ok(Verification::early(verdict, None)),
    };
    let kid = Some(sign1.kid);

    // Check 2: the kid is known.
    let mut candidates = trust.keys_with_kid(&sign1.kid).peekable();
    if candidates.peek().is_none() {
        return Ok(Verification::early(Verdict::UnknownKey, kid));
    }

    // Check 3: some key of that kid verifies the signature.
    let verifying_keys: Vec<&TrustedKey> = candidates
        .filter(|key| sign1.verifies_with(&key.public_key))
        .collect();
    if verifying_keys.is_empty() {
        return Ok(Verification::early(Verdict::BadSignature, kid));
    }

    // Check 4: the signed payload.
    let claims = match Claims::from_cbor(&sign1.payload) {
        Ok(claims) => claims,
        Err(PayloadError::UnsupportedVersion) => {
            return Ok(Verification::early(Verdict::UnsupportedVersion, kid));
        }
        Err(PayloadError::Malformed(_)) => {
            return Ok(Verification::early(Verdict::Malformed, kid));
        }
    };

    let verdict = check_claims(&claims, &verifying_keys, trust, ctx)?;
    Ok(Verification {
        verdict,
        claims: Some(claims),
        kid,
    })
}

/// Checks 5 to 11, on claims whose signature verified.
fn check_claims<S: GateState + ?Sized>(
    claims: &Claims,
    verifying_keys: &[&TrustedKey],
    trust: &TrustList,
    ctx: &VerifyContext<'_, S>,
) -> Result<Verdict, S::Error> {
    // Check 5: a key may only sign badges inside its own validity. If the
    // same public key is listed twice, either listing may cover the badge.
    if !verifying_keys
        .iter()
        .any(|key| key.covers(claims.not_before, claims.expires))
    {
        return Ok(Verdict::BadSignature);
    }
    // Check 6.
    if claims.event != trust.event {
        return Ok(Verdict::WrongEvent);
    }
    // Checks 7 and 8; i128 compares u64 claims with an i64 clock exactly.
    let now = i128::from(ctx.now);
    let skew = i128::from(CLOCK_SKEW_SECONDS);
    if now < i128::from(claims.not_before) - skew {
        return Ok(Verdict::NotYetValid);
    }
    if now > i128::from(claims.expires) + skew {
        return Ok(Verdict::Expired);
    }
    // Check 9.
    if ctx.state.is_revoked(claims.serial)? {
        return Ok(Verdict::Revoked);
    }
    match ctx.checkpoint_zone {
        Some(zone) => checkpoint_verdict(claims, zone, ctx.direction, ctx.state),
        None => Ok(Verdict::Accepted),
    }
}

/// Checks 10 and 11 alone: the zone, then anti-passback on entry.
///
/// [`verify`] runs them when its context has a checkpoint. An application
/// with checks of its own after check 9 (e.g. a blocked participant) can
/// instead verify without a checkpoint, run its checks on an `ACCEPTED`
/// result, then call this with the returned claims.
pub fn checkpoint_verdict<S: GateState + ?Sized>(
    claims: &Claims,
    zone: u8,
    direction: Direction,
    state: &S,
) -> Result<Verdict, S::Error> {
    if !claims.zones.contains(zone) {
        return Ok(Verdict::ZoneDenied);
    }
    if direction == Direction::Entry && state.is_inside(claims.participant, zone)? {
        return Ok(Verdict::AlreadyInside);
    }
    Ok(Verdict::Accepted)
}

/// Check 1, up to a structurally valid COSE_Sign1.
fn decode_text(text: &str) -> Result<Sign1, Verdict> {
    // `nth` stops after 513 characters, whatever the input's length.
    if text.chars().nth(MAX_TEXT_CHARS).is_some() {
        return Err(Verdict::Malformed);
    }
    let Some(body) = text.strip_prefix(PREFIX) else {
        return Err(match text.as_bytes() {
            [b'A', b'C', b'R', digit, b':', ..] if digit.is_ascii_digit() => {
                Verdict::UnsupportedVersion
            }
            _ => Verdict::Malformed,
        });
    };
    let bytes = base45::decode_strict(body).ok_or(Verdict::Malformed)?;
    Sign1::parse(&bytes).map_err(|Malformed(_)| Verdict::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_rules() {
        let cases = [
            ("ACR1:", Verdict::Malformed),
            ("ACR2:AB", Verdict::UnsupportedVersion),
            ("ACR0:", Verdict::UnsupportedVersion),
            ("ACR9:anything at all", Verdict::UnsupportedVersion),
            ("ACR12:", Verdict::Malformed),
            ("ACR:", Verdict::Malformed),
            ("acr1:", Verdict::Malformed),
            ("ACRé:", Verdict::Malformed),
            ("", Verdict::Malformed),
            ("A", Verdict::Malformed),
            (" ACR1:", Verdict::Malformed),
        ];
        for (text, expected) in cases {
            assert_eq!(decode_text(text).err(), Some(expected), "{text:?}");
        }
    }

    #[test]
    fn length_is_counted_in_characters_and_checked_first() {
        let long_v2 = format!("ACR2:{}", "0".repeat(MAX_TEXT_CHARS));
        assert_eq!(decode_text(&long_v2).err(), Some(Verdict::Malformed));
        let wide = format!("ACR2:{}", "é".repeat(MAX_TEXT_CHARS - 5));
        assert_eq!(
            decode_text(&wide).err(),
            Some(Verdict::UnsupportedVersion),
            "512 characters, more bytes"
        );
    }

    #[test]
    fn checkpoint_checks() {
        let claims = crate::credential::Claims {
            event: "HN25".into(),
            serial: 1,
            participant: 2,
            category: "DEL".into(),
            zones: crate::credential::ZoneSet::from_bits(0b1011),
            not_before: 0,
            expires: 1,
            photo: None,
        };
        let outside = StaticState::default();
        let inside = StaticState {
            inside: true,
            ..StaticState::default()
        };
        assert_eq!(
            checkpoint_verdict(&claims, 4, Direction::Entry, &outside),
            Ok(Verdict::Accepted)
        );
        assert_eq!(
            checkpoint_verdict(&claims, 3, Direction::Entry, &outside),
            Ok(Verdict::ZoneDenied)
        );
        assert_eq!(
            checkpoint_verdict(&claims, 0, Direction::Exit, &outside),
            Ok(Verdict::ZoneDenied)
        );
        assert_eq!(
            checkpoint_verdict(&claims, 1, Direction::Entry, &inside),
            Ok(Verdict::AlreadyInside)
        );
        assert_eq!(
            checkpoint_verdict(&claims, 1, Direction::Exit, &inside),
            Ok(Verdict::Accepted)
        );
        assert_eq!(
            checkpoint_verdict(&claims, 3, Direction::Entry, &inside),
            Ok(Verdict::ZoneDenied)
        );
    }

    /// A store that cannot answer some lookups, and notes which it was asked.
    #[derive(Default)]
    struct Unreadable {
        revocations: bool,
        passages: bool,
        asked: std::cell::RefCell<Vec<&'static str>>,
    }

    impl GateState for Unreadable {
        type Error = &'static str;

        fn is_revoked(&self, _serial: u64) -> Result<bool, &'static str> {
            self.asked.borrow_mut().push("revoked");
            if self.revocations {
                Err("revocations unreadable")
            } else {
                Ok(false)
            }
        }

        fn is_inside(&self, _participant: u64, _zone: u8) -> Result<bool, &'static str> {
            self.asked.borrow_mut().push("inside");
            if self.passages {
                Err("passages unreadable")
            } else {
                Ok(false)
            }
        }
    }

    #[test]
    fn a_failed_lookup_stops_the_checks_with_its_error() {
        let key = crate::credential::EventKey::generate(1_761_000_000, 1_762_000_000).unwrap();
        let mut trust = TrustList::new("HN25");
        trust.keys.push(TrustedKey::from(&key));
        let claims = Claims {
            event: "HN25".into(),
            serial: 1,
            participant: 2,
            category: "DEL".into(),
            zones: crate::credential::ZoneSet::from_bits(0b1),
            not_before: 1_761_100_000,
            expires: 1_761_900_000,
            photo: None,
        };
        let text = crate::credential::issue(&claims, &key).unwrap();
        let now = 1_761_350_400;

        let revocations = Unreadable {
            revocations: true,
            ..Unreadable::default()
        };
        let ctx = VerifyContext::new(now, &revocations).at_checkpoint(1, Direction::Entry);
        assert_eq!(
            try_verify(&text, &trust, &ctx),
            Err("revocations unreadable")
        );
        assert_eq!(*revocations.asked.borrow(), ["revoked"]);

        let passages = Unreadable {
            passages: true,
            ..Unreadable::default()
        };
        let ctx = VerifyContext::new(now, &passages).at_checkpoint(1, Direction::Entry);
        assert_eq!(try_verify(&text, &trust, &ctx), Err("passages unreadable"));
        assert_eq!(*passages.asked.borrow(), ["revoked", "inside"]);
        // Leaving asks nothing of the passages; a text that is no badge asks
        // nothing at all.
        let leaving = ctx.at_checkpoint(1, Direction::Exit);
        assert_eq!(
            try_verify(&text, &trust, &leaving).map(|v| v.verdict),
            Ok(Verdict::Accepted)
        );
        assert_eq!(
            try_verify("ACR1:", &trust, &ctx).map(|v| v.verdict),
            Ok(Verdict::Malformed)
        );
        assert_eq!(*passages.asked.borrow(), ["revoked", "inside", "revoked"]);
    }
}
