//! Letter codes ("ACL1"): the QR code on a letter for a delegate
//! (acknowledgement or visa support). Signed like a badge — COSE_Sign1 with
//! the event's Ed25519 key, Base45 — so the desk can trust it, but with a
//! prefix and claims of its own: a gate's verifier rejects it at check 1
//! (no `ACR1:` prefix), and even with the prefix swapped its payload is not
//! badge claims. A letter is never a badge.
//!
//! Claims, a canonical CBOR map: `1` event code (text), `2` participant
//! (uint), `3` kind (1 acknowledgement, 2 visa), `4` issued at (Unix
//! seconds).

use super::cbor::{self, Writer};
use super::cose::{self, Sign1};
use super::{EventKey, TrustList, base45};

/// The text prefix of letter codes.
pub const LETTER_PREFIX: &str = "ACL1:";

/// What a letter's code says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterClaims {
    pub event: String,
    pub participant: u64,
    /// 1: acknowledgement, 2: visa support.
    pub kind: u8,
    pub issued_at: u64,
}

impl LetterClaims {
    fn to_cbor(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.map(4).uint(1).text(&self.event);
        w.uint(2).uint(self.participant);
        w.uint(3).uint(u64::from(self.kind));
        w.uint(4).uint(self.issued_at);
        w.into_bytes()
    }

    fn from_cbor(bytes: &[u8]) -> Option<LetterClaims> {
        let value = cbor::decode_canonical(bytes)?;
        let entries = cbor::uint_keyed_map(&value)?;
        let [(1, event), (2, participant), (3, kind), (4, issued_at)] = entries.as_slice() else {
            return None;
        };
        let ciborium::Value::Text(event) = event else {
            return None;
        };
        Some(LetterClaims {
            event: event.clone(),
            participant: cbor::as_uint(participant)?,
            kind: u8::try_from(cbor::as_uint(kind)?).ok()?,
            issued_at: cbor::as_uint(issued_at)?,
        })
    }
}

/// Whether the text is meant as a letter code (it may still be forged).
pub fn is_letter_code(text: &str) -> bool {
    // Base45 has a space among its letters: the text is never trimmed.
    text.starts_with(LETTER_PREFIX)
}

/// Signs the letter's claims: the QR text `ACL1:…`.
pub fn issue_letter(claims: &LetterClaims, key: &EventKey) -> String {
    let signed = cose::sign(&claims.to_cbor(), &key.kid(), &key.signing);
    format!("{LETTER_PREFIX}{}", base45::encode(&signed))
}

/// Checks a letter code against the event's trust list: the claims, or why
/// it is not a letter of this event.
pub fn verify_letter(text: &str, trust: &TrustList) -> Result<LetterClaims, &'static str> {
    if text.chars().nth(super::MAX_TEXT_CHARS).is_some() {
        return Err("the code is too long to be a letter code");
    }
    let body = text
        .strip_prefix(LETTER_PREFIX)
        .ok_or("not a letter code")?;
    let bytes = base45::decode_strict(body).ok_or("the letter code is damaged (scan it again)")?;
    let sign1 = Sign1::parse(&bytes).map_err(|_| "the letter code is damaged (scan it again)")?;
    if !trust
        .keys_with_kid(&sign1.kid)
        .any(|k| sign1.verifies_with(&k.public_key))
    {
        return Err("the letter's signature does not verify: it was not issued by this event");
    }
    let claims = LetterClaims::from_cbor(&sign1.payload).ok_or("the letter code is malformed")?;
    if claims.event != trust.event {
        return Err("the letter is of another event");
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credential::{StaticState, TrustedKey, Verdict, VerifyContext, verify};

    fn key_and_trust() -> (EventKey, TrustList) {
        let key = EventKey::generate(1_761_000_000, 1_762_000_000).unwrap();
        let mut trust = TrustList::new("HN25");
        trust.keys.push(TrustedKey::from(&key));
        (key, trust)
    }

    fn claims() -> LetterClaims {
        LetterClaims {
            event: "HN25".into(),
            participant: 4711,
            kind: 2,
            issued_at: 1_761_300_000,
        }
    }

    #[test]
    fn a_letter_verifies_at_the_desk_and_never_at_a_gate() {
        let (key, trust) = key_and_trust();
        let text = issue_letter(&claims(), &key);
        assert!(is_letter_code(&text));
        assert_eq!(verify_letter(&text, &trust), Ok(claims()));
        let state = StaticState::default();
        let gate = VerifyContext::new(1_761_350_400, &state)
            .at_checkpoint(1, crate::credential::Direction::Entry);
        assert_eq!(verify(&text, &trust, &gate).verdict, Verdict::Malformed);
        // With a badge's prefix, the payload is not badge claims.
        let disguised = text.replacen(LETTER_PREFIX, crate::credential::PREFIX, 1);
        assert_ne!(verify(&disguised, &trust, &gate).verdict, Verdict::Accepted);
        assert!(verify(&disguised, &trust, &gate).claims.is_none());
    }

    #[test]
    fn forged_or_foreign_letters_are_refused() {
        let (key, trust) = key_and_trust();
        let (other, _) = key_and_trust();
        assert_eq!(
            verify_letter(&issue_letter(&claims(), &other), &trust).err(),
            Some("the letter's signature does not verify: it was not issued by this event")
        );
        let foreign = LetterClaims {
            event: "XX99".into(),
            ..claims()
        };
        assert_eq!(
            verify_letter(&issue_letter(&foreign, &key), &trust).err(),
            Some("the letter is of another event")
        );
        let text = issue_letter(&claims(), &key);
        let mut damaged = text.clone();
        damaged.truncate(text.len() - 3);
        assert_eq!(
            verify_letter(&damaged, &trust).err(),
            Some("the letter code is damaged (scan it again)")
        );
        assert_eq!(
            verify_letter("ACL1:", &trust).err(),
            Some("the letter code is damaged (scan it again)")
        );
        assert_eq!(
            verify_letter("hello", &trust).err(),
            Some("not a letter code")
        );
    }
}
