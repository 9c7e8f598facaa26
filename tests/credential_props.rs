//! Property tests: issue/verify round trips, and robustness of the verifier
//! against mutated and arbitrary input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

use std::collections::BTreeSet;

use accredit::credential::{
    Claims, EventKey, StaticState, TrustList, TrustedKey, Verdict, VerifyContext, ZoneSet, issue,
    verify,
};
use proptest::prelude::*;

/// Times stay below 2^62 so that `now` (an i64) can sit between them.
const MAX_TIME: u64 = 1 << 62;

fn claims_strategy() -> impl Strategy<Value = Claims> {
    (
        "[A-Z0-9-]{1,16}",
        any::<u64>(),
        any::<u64>(),
        "[A-Z0-9]{1,8}",
        any::<u64>(),
        0..MAX_TIME,
        1..=(10u64 * 365 * 86_400),
        proptest::option::of(any::<[u8; 8]>()),
    )
        .prop_map(
            |(event, serial, participant, category, zones, not_before, duration, photo)| Claims {
                event,
                serial,
                participant,
                category,
                zones: ZoneSet::from_bits(zones),
                not_before,
                expires: not_before + duration,
                photo,
            },
        )
}

fn key_for_everything(seed: [u8; 32]) -> EventKey {
    EventKey::from_seed(&seed, 0, u64::MAX).expect("valid window")
}

fn trust_for(event: &str, key: &EventKey) -> TrustList {
    TrustList {
        event: event.to_owned(),
        keys: vec![TrustedKey::from(key)],
    }
}

fn no_state() -> StaticState {
    StaticState {
        revoked: BTreeSet::new(),
        inside: false,
    }
}

/// A valid credential and what verifies it, for the mutation tests.
fn fixture() -> (String, Claims, TrustList, i64) {
    let claims = Claims {
        event: "HN25".into(),
        serial: 100_042,
        participant: 4711,
        category: "DEL".into(),
        zones: ZoneSet::from_zones([1, 2, 4]).expect("zones"),
        not_before: 1_761_177_600,
        expires: 1_761_609_600,
        photo: Some([0x55, 0xc6, 0x4d, 0x0f, 0xcd, 0x6f, 0x9d, 0x5f]),
    };
    let key = EventKey::from_seed(&[9u8; 32], 1_758_758_400, 1_763_942_400).expect("key");
    let text = issue(&claims, &key).expect("issue");
    (text, claims.clone(), trust_for("HN25", &key), 1_761_350_400)
}

const BASE45_ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

#[derive(Debug, Clone)]
enum TextEdit {
    Replace(usize, char),
    Insert(usize, char),
    Delete(usize),
    Truncate(usize),
}

fn edit_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::sample::select(BASE45_ALPHABET).prop_map(char::from),
        1 => any::<char>(),
    ]
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        (any::<usize>(), edit_char()).prop_map(|(i, c)| TextEdit::Replace(i, c)),
        (any::<usize>(), edit_char()).prop_map(|(i, c)| TextEdit::Insert(i, c)),
        any::<usize>().prop_map(TextEdit::Delete),
        any::<usize>().prop_map(TextEdit::Truncate),
    ]
}

fn apply(text: &str, edit: &TextEdit) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    match *edit {
        TextEdit::Replace(i, c) => {
            let i = i % chars.len();
            chars[i] = c;
        }
        TextEdit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
        TextEdit::Delete(i) => {
            let i = i % chars.len();
            chars.remove(i);
        }
        TextEdit::Truncate(i) => chars.truncate(i % chars.len()),
    }
    chars.into_iter().collect()
}

/// Byte-level edits of the signed COSE bytes, re-encoded: reaches the CBOR
/// and signature checks rather than stopping at Base45.
#[derive(Debug, Clone)]
enum ByteEdit {
    Xor(usize, u8),
    Insert(usize, u8),
    Delete(usize),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(i, b)| ByteEdit::Xor(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        any::<usize>().prop_map(ByteEdit::Delete),
    ]
}

fn apply_bytes(text: &str, edits: &[ByteEdit]) -> String {
    let mut bytes = base45::decode(&text[5..]).expect("valid base45");
    for edit in edits {
        match *edit {
            ByteEdit::Xor(i, b) => {
                let i = i % bytes.len();
                bytes[i] ^= b;
            }
            ByteEdit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            ByteEdit::Delete(i) => {
                if !bytes.is_empty() {
                    let i = i % bytes.len();
                    bytes.remove(i);
                }
            }
        }
    }
    format!("ACR1:{}", base45::encode(&bytes))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn issued_claims_verify_as_accepted(claims in claims_strategy(), seed in any::<[u8; 32]>(), at in 0.0..=1.0f64) {
        let key = key_for_everything(seed);
        let text = issue(&claims, &key).expect("issue");
        prop_assert!(text.starts_with("ACR1:") && text.len() <= 512);
        let span = claims.expires - claims.not_before;
        let now = (claims.not_before + (span as f64 * at) as u64).min(claims.expires) as i64;
        let state = no_state();
        let verification = verify(&text, &trust_for(&claims.event, &key), &VerifyContext::new(now, &state));
        prop_assert_eq!(verification.verdict, Verdict::Accepted);
        prop_assert_eq!(verification.claims, Some(claims));
        prop_assert_eq!(verification.kid, Some(key.kid()));
    }

    #[test]
    fn extreme_times_never_overflow(claims in claims_strategy(), shift in (u64::MAX - MAX_TIME)..=u64::MAX, now in any::<i64>()) {
        let shifted = Claims {
            not_before: claims.not_before.saturating_add(shift).min(u64::MAX - 1),
            expires: u64::MAX,
            ..claims
        };
        let key = key_for_everything([3u8; 32]);
        let text = issue(&shifted, &key).expect("issue");
        let state = no_state();
        let verdict = verify(&text, &trust_for(&shifted.event, &key), &VerifyContext::new(now, &state)).verdict;
        prop_assert!(verdict == Verdict::NotYetValid, "{verdict}");
    }

    #[test]
    fn edited_text_is_never_accepted(edits in proptest::collection::vec(text_edit(), 1..4)) {
        let (text, _, trust, now) = fixture();
        let mut mutated = text.clone();
        for edit in &edits {
            if mutated.is_empty() {
                break;
            }
            mutated = apply(&mutated, edit);
        }
        let state = no_state();
        let verification = verify(&mutated, &trust, &VerifyContext::new(now, &state));
        if mutated != text {
            // One credential has exactly one text: any other is refused
            // before its claims could be trusted.
            prop_assert_ne!(verification.verdict, Verdict::Accepted);
            prop_assert_eq!(verification.claims, None);
        }
    }

    #[test]
    fn edited_bytes_are_never_accepted(edits in proptest::collection::vec(byte_edit(), 1..4)) {
        let (text, _, trust, now) = fixture();
        let mutated = apply_bytes(&text, &edits);
        let state = no_state();
        let verification = verify(&mutated, &trust, &VerifyContext::new(now, &state));
        if mutated != text {
            prop_assert_ne!(verification.verdict, Verdict::Accepted);
            prop_assert_eq!(verification.claims, None);
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let (_, _, trust, now) = fixture();
        let state = no_state();
        let verdict = verify(&text, &trust, &VerifyContext::new(now, &state)).verdict;
        prop_assert_ne!(verdict, Verdict::Accepted);
    }

    #[test]
    fn arbitrary_base45_bodies_never_panic(body in "[0-9A-Z $%*+./:-]{0,600}") {
        let (_, _, trust, now) = fixture();
        let state = no_state();
        let text = format!("ACR1:{body}");
        let verdict = verify(&text, &trust, &VerifyContext::new(now, &state)).verdict;
        prop_assert_ne!(verdict, Verdict::Accepted);
    }

    #[test]
    fn arbitrary_cbor_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..340)) {
        let (_, _, trust, now) = fixture();
        let state = no_state();
        let text = format!("ACR1:{}", base45::encode(&bytes));
        let verdict = verify(&text, &trust, &VerifyContext::new(now, &state)).verdict;
        prop_assert_ne!(verdict, Verdict::Accepted);
    }
}

#[test]
fn the_fixture_is_accepted_and_every_single_character_change_is_not() {
    let (text, claims, trust, now) = fixture();
    let state = no_state();
    let verification = verify(&text, &trust, &VerifyContext::new(now, &state));
    assert_eq!(verification.verdict, Verdict::Accepted);
    assert_eq!(verification.claims, Some(claims));
    // Exhaustive: every position, every other alphabet character.
    for (i, original) in text.char_indices().skip(5) {
        for &c in BASE45_ALPHABET {
            let c = char::from(c);
            if c == original {
                continue;
            }
            let mut mutated = text.clone();
            mutated.replace_range(i..i + 1, c.encode_utf8(&mut [0u8; 4]));
            let verification = verify(&mutated, &trust, &VerifyContext::new(now, &state));
            assert_ne!(verification.verdict, Verdict::Accepted, "{mutated}");
            assert_eq!(verification.claims, None, "{mutated}");
        }
    }
}
