//! Our own vectors for a badge the event really issued whose window has
//! ended (`tests/data/credential-v1-expired.json`, beside the independent
//! implementation's `credential-v1.json`, in the same format). A genuine
//! badge past its expiry is `EXPIRED` — whether its key is past its own
//! `not_after` or not, at a checkpoint or not, revoked or not (check 8 comes
//! before 9 and 10) — and never `UNKNOWN_KEY`, which stays for keys the
//! event never had. Check 5 still bounds a key's badges.
//!
//! The file is made by `cargo test --test credential_expired_vectors --
//! --ignored write_the_vectors` from a fixed seed, so it can be checked
//! against the code that wrote it and read by any other implementation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

use std::collections::BTreeSet;

use accredit::credential::{
    Claims, Direction, EventKey, StaticState, TrustList, TrustedKey, Verdict, VerifyContext,
    ZoneSet, issue, verify,
};
use serde::{Deserialize, Serialize};

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/credential-v1-expired.json"
);

/// 23 October 2025 00:00 and 27 October 2025 00:00 in Hanoi: the demo's
/// badge window.
const NOT_BEFORE: u64 = 1_761_152_400;
const EXPIRES: u64 = 1_761_498_000;
/// The key's validity: the window with 30 days either side (as
/// `signing::key_validity` gives).
const KEY_NOT_BEFORE: u64 = NOT_BEFORE - 30 * 86_400;
const KEY_NOT_AFTER: u64 = EXPIRES + 30 * 86_400;
const SKEW: u64 = 300;

#[derive(Serialize, Deserialize)]
struct VectorFile {
    spec: String,
    note: String,
    vectors: Vec<Vector>,
}

#[derive(Serialize, Deserialize)]
struct Vector {
    id: String,
    description: String,
    qr_text: String,
    trust_list: serde_json::Value,
    validation_time: i64,
    revoked_serials: Vec<u64>,
    checkpoint_zone: Option<u8>,
    holder_inside: bool,
    expected: String,
}

fn key(seed: u8) -> EventKey {
    EventKey::from_seed(&[seed; 32], KEY_NOT_BEFORE, KEY_NOT_AFTER).expect("key")
}

fn trusted(key: &EventKey, not_after: u64) -> TrustedKey {
    TrustedKey {
        kid: key.kid(),
        public_key: key.verifying_key(),
        not_before: key.not_before,
        not_after,
    }
}

fn trust_list(keys: Vec<TrustedKey>) -> serde_json::Value {
    serde_json::to_value(TrustList {
        event: "HN25".into(),
        keys,
    })
    .expect("trust list")
}

/// The vectors, made from the fixed seeds.
fn make() -> VectorFile {
    let event_key = key(0x14);
    let other_key = key(0x41);
    let claims = Claims {
        event: "HN25".into(),
        serial: 2_025_001,
        participant: 1_234,
        category: "DEL".into(),
        zones: ZoneSet::from_zones([1, 3, 5]).expect("zones"),
        not_before: NOT_BEFORE,
        expires: EXPIRES,
        photo: None,
    };
    let text = issue(&claims, &event_key).expect("credential");
    let own = trust_list(vec![trusted(&event_key, KEY_NOT_AFTER)]);
    // A key rotated since: the event's list has both.
    let both = trust_list(vec![
        trusted(&other_key, KEY_NOT_AFTER + 86_400),
        trusted(&event_key, KEY_NOT_AFTER),
    ]);
    let vector = |id: &str,
                  description: &str,
                  trust: &serde_json::Value,
                  at: u64,
                  revoked: Vec<u64>,
                  zone: Option<u8>,
                  expected: Verdict| Vector {
        id: id.into(),
        description: description.into(),
        qr_text: text.clone(),
        trust_list: trust.clone(),
        validation_time: at as i64,
        revoked_serials: revoked,
        checkpoint_zone: zone,
        holder_inside: false,
        expected: expected.to_string(),
    };
    // 4 December 2026, 10:00 in Hanoi: long after, the key past its not_after.
    let year_later = 1_796_353_200;
    VectorFile {
        spec: "badge-credential-v1.md".into(),
        note: "Accredit's own vectors: a genuine badge (window 2025-10-23T00:00+07:00 to 2025-10-27T00:00+07:00, key valid 30 days either side) checked after its window; same format as credential-v1.json.".into(),
        vectors: vec![
            vector("exp-inside-window", "genuine badge during its window", &own, EXPIRES - 86_400, vec![], None, Verdict::Accepted),
            vector("exp-within-skew", "300 s after expiry: still inside the allowed clock skew", &own, EXPIRES + SKEW, vec![], None, Verdict::Accepted),
            vector("exp-just-after", "301 s after expiry, key still valid", &own, EXPIRES + SKEW + 1, vec![], None, Verdict::Expired),
            vector("exp-key-past-not-after", "a year later, the key past its own not_after: still EXPIRED, not UNKNOWN_KEY", &own, year_later, vec![], None, Verdict::Expired),
            vector("exp-key-rotated", "a year later, the event's list holds the retired key and its successor", &both, year_later, vec![], None, Verdict::Expired),
            vector("exp-at-checkpoint", "at a checkpoint of a zone the badge does not open: check 8 comes before check 10", &own, year_later, vec![], Some(2), Verdict::Expired),
            vector("exp-and-revoked", "revoked too: check 8 comes before check 9", &own, year_later, vec![2_025_001], None, Verdict::Expired),
            vector("exp-key-never-had", "the key is not in the list (the event never had it): UNKNOWN_KEY", &trust_list(vec![trusted(&other_key, KEY_NOT_AFTER)]), year_later, vec![], None, Verdict::UnknownKey),
            vector("exp-beyond-key-window", "the list bounds the key before the badge's expiry: check 5 refuses it", &trust_list(vec![trusted(&event_key, EXPIRES - 1)]), year_later, vec![], None, Verdict::BadSignature),
        ],
    }
}

fn verdict(v: &Vector) -> Verdict {
    let trust: TrustList = serde_json::from_value(v.trust_list.clone()).expect("trust list");
    let state = StaticState {
        revoked: v.revoked_serials.iter().copied().collect::<BTreeSet<_>>(),
        inside: v.holder_inside,
    };
    let mut ctx = VerifyContext::new(v.validation_time, &state);
    if let Some(zone) = v.checkpoint_zone {
        ctx = ctx.at_checkpoint(zone, Direction::Entry);
    }
    verify(&v.qr_text, &trust, &ctx).verdict
}

#[test]
fn every_expired_vector_gets_its_verdict() {
    let json = std::fs::read_to_string(PATH).expect("tests/data/credential-v1-expired.json");
    let file: VectorFile = serde_json::from_str(&json).expect("vector file");
    assert_eq!(file.vectors.len(), 9);
    for v in &file.vectors {
        let expected: Verdict = v.expected.parse().expect("known verdict");
        assert_eq!(verdict(v), expected, "{}: {}", v.id, v.description);
    }
}

#[test]
fn the_file_is_what_the_seeds_give() {
    let json = std::fs::read_to_string(PATH).expect("tests/data/credential-v1-expired.json");
    let stored: serde_json::Value = serde_json::from_str(&json).expect("vector file");
    let made = serde_json::to_value(make()).expect("vectors");
    assert_eq!(
        stored, made,
        "regenerate with -- --ignored write_the_vectors"
    );
}

#[test]
#[ignore = "writes tests/data/credential-v1-expired.json"]
fn write_the_vectors() {
    let json = serde_json::to_string_pretty(&make()).expect("vectors");
    std::fs::write(PATH, format!("{json}\n")).expect("write the vectors");
}
