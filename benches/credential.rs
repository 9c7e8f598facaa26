//! Verification throughput: decode + signature check of a valid credential.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmarks and examples stop at the first failure"
)]

use std::hint::black_box;

use accredit::credential::{
    Claims, EventKey, StaticState, TrustList, TrustedKey, Verdict, VerifyContext, ZoneSet, issue,
    verify,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn verification(c: &mut Criterion) {
    let key = EventKey::from_seed(&[9u8; 32], 1_758_758_400, 1_763_942_400).expect("key");
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
    let text = issue(&claims, &key).expect("issue");
    let trust = TrustList {
        event: "HN25".into(),
        keys: vec![TrustedKey::from(&key)],
    };
    let state = StaticState::default();
    let ctx = VerifyContext::new(1_761_350_400, &state);
    assert_eq!(verify(&text, &trust, &ctx).verdict, Verdict::Accepted);

    let mut group = c.benchmark_group("credential");
    group.throughput(Throughput::Elements(1));
    group.bench_function("verify", |b| {
        b.iter(|| verify(black_box(&text), &trust, &ctx))
    });
    group.bench_function("issue", |b| b.iter(|| issue(black_box(&claims), &key)));
    group.finish();
}

criterion_group!(benches, verification);
criterion_main!(benches);
