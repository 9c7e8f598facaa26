//! Feeds arbitrary bytes to the verifier: as lossy UTF-8 text, and as the
//! COSE bytes of an `ACR1:` text (to get past Base45 into CBOR and COSE).
#![no_main]

use std::collections::BTreeSet;

use accredit::credential::{StaticState, TrustList, TrustedKey, Verdict, VerifyContext, verify};
use ed25519_dalek::VerifyingKey;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let public_key = VerifyingKey::from_bytes(&[
        0xd0, 0x4a, 0xb2, 0x32, 0x74, 0x2b, 0xb4, 0xab, 0x3a, 0x13, 0x68, 0xbd, 0x46, 0x15, 0xe4,
        0xe6, 0xd0, 0x22, 0x4a, 0xb7, 0x1a, 0x01, 0x6b, 0xaf, 0x85, 0x20, 0xa3, 0x32, 0xc9, 0x77,
        0x87, 0x37,
    ])
    .expect("the vectors' public key");
    let trust = TrustList {
        event: "HN25".into(),
        keys: vec![TrustedKey {
            kid: [0x10, 0xba, 0x68, 0x2c, 0x8a, 0xd1, 0x35, 0x13],
            public_key,
            not_before: 1_758_758_400,
            not_after: 1_763_942_400,
        }],
    };
    let state = StaticState {
        revoked: BTreeSet::from([5]),
        inside: true,
    };
    let ctx = VerifyContext::new(1_761_350_400, &state).at_checkpoint(4, Default::default());

    let text = String::from_utf8_lossy(data);
    let framed = format!("ACR1:{}", base45::encode(data));
    for input in [text.as_ref(), framed.as_str()] {
        let verification = verify(input, &trust, &ctx);
        // Claims only ever come from a verified signature, which names a kid.
        assert!(verification.claims.is_none() || verification.kid.is_some());
        assert!(verification.verdict != Verdict::Accepted || verification.claims.is_some());
    }
});
