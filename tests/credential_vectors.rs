//! The 46 vectors of the independent implementation, through the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests: a failed unwrap is a failed test"
)]

use std::collections::BTreeSet;

use accredit::credential::{
    Direction, StaticState, TrustList, Verdict, VerifyContext, ZoneSet, verify,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct VectorFile {
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
struct Vector {
    id: String,
    qr_text: String,
    trust_list: serde_json::Value,
    validation_time: i64,
    revoked_serials: Vec<u64>,
    checkpoint_zone: Option<u8>,
    holder_inside: bool,
    expected: String,
}

fn vectors() -> Vec<Vector> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/credential-v1.json");
    let json = std::fs::read_to_string(path).expect("tests/data/credential-v1.json");
    serde_json::from_str::<VectorFile>(&json)
        .expect("vector file")
        .vectors
}

fn run(vector: &Vector) -> accredit::credential::Verification {
    let trust: TrustList = serde_json::from_value(vector.trust_list.clone()).expect("trust list");
    let state = StaticState {
        revoked: vector
            .revoked_serials
            .iter()
            .copied()
            .collect::<BTreeSet<_>>(),
        inside: vector.holder_inside,
    };
    let mut ctx = VerifyContext::new(vector.validation_time, &state);
    if let Some(zone) = vector.checkpoint_zone {
        ctx = ctx.at_checkpoint(zone, Direction::Entry);
    }
    verify(&vector.qr_text, &trust, &ctx)
}

#[test]
fn every_vector_gets_its_expected_verdict() {
    let vectors = vectors();
    assert_eq!(vectors.len(), 46);
    let failures: Vec<String> = vectors
        .iter()
        .filter_map(|vector| {
            let expected: Verdict = vector.expected.parse().expect("known verdict");
            let got = run(vector).verdict;
            (got != expected).then(|| format!("{}: expected {expected}, got {got}", vector.id))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing vectors:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn claims_come_back_exactly_when_the_signature_verified() {
    for vector in vectors() {
        let verification = run(&vector);
        let signature_verified = match verification.verdict {
            Verdict::Malformed | Verdict::UnsupportedVersion => {
                // Check 4 failures follow a good signature but have no claims.
                false
            }
            Verdict::UnknownKey => false,
            // Check 5 (outside the key's validity) comes after decoding.
            Verdict::BadSignature => vector.id == "pub-beyond-key",
            _ => true,
        };
        assert_eq!(
            verification.claims.is_some(),
            signature_verified,
            "{}",
            vector.id
        );
    }
}

#[test]
fn the_basic_vector_decodes_to_the_expected_claims() {
    let vector = vectors()
        .into_iter()
        .find(|v| v.id == "pub-ok-basic")
        .expect("vector");
    let verification = run(&vector);
    let claims = verification.claims.expect("claims");
    assert_eq!(claims.event, "HN25");
    assert_eq!(claims.serial, 100_042);
    assert_eq!(claims.participant, 4711);
    assert_eq!(claims.category, "DEL");
    assert_eq!(claims.zones, ZoneSet::from_zones([1, 2, 4]).expect("zones"));
    assert_eq!(claims.not_before, 1_761_177_600);
    assert_eq!(claims.expires, 1_761_609_600);
    assert_eq!(claims.photo, None);
    assert_eq!(
        verification.kid.map(hex::encode).as_deref(),
        Some("10ba682c8ad13513")
    );
}

#[test]
fn the_gate_shows_who_it_was_when_a_later_check_fails() {
    for id in [
        "pub-wrong-event",
        "pub-expired",
        "pub-revoked",
        "pub-zone-denied",
        "pub-beyond-key",
    ] {
        let vector = vectors().into_iter().find(|v| v.id == id).expect("vector");
        assert!(run(&vector).claims.is_some(), "{id}");
    }
}

#[test]
fn exits_skip_anti_passback() {
    let vector = vectors()
        .into_iter()
        .find(|v| v.id == "pub-already-inside")
        .expect("vector");
    let trust: TrustList = serde_json::from_value(vector.trust_list.clone()).expect("trust list");
    let state = StaticState {
        revoked: BTreeSet::new(),
        inside: true,
    };
    let zone = vector.checkpoint_zone.expect("zone");
    let exit =
        VerifyContext::new(vector.validation_time, &state).at_checkpoint(zone, Direction::Exit);
    assert_eq!(
        verify(&vector.qr_text, &trust, &exit).verdict,
        Verdict::Accepted
    );
}
