//! COSE_Sign1 (RFC 9052) restricted to what the spec allows: tag 18, a
//! protected header of exactly `{1: -8, 4: kid}`, an empty unprotected header
//! and a 64-byte Ed25519 signature.

use ciborium::Value;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use super::Kid;
use super::cbor::{self, Writer};

const TAG_COSE_SIGN1: u64 = 18;
const HEADER_ALG: u64 = 1;
const HEADER_KID: u64 = 4;
/// COSE algorithm -8 (EdDSA), written as CBOR's `-1 - 7`.
const ALG_EDDSA_MINUS_ONE_MINUS: u64 = 7;
const ALG_EDDSA: i128 = -8;

/// A parsed COSE_Sign1 whose structure and headers are valid. The payload is
/// still raw bytes: it is only read once the signature has verified.
#[derive(Debug, Clone)]
pub(crate) struct Sign1 {
    pub(crate) protected: Vec<u8>,
    pub(crate) kid: Kid,
    pub(crate) payload: Vec<u8>,
    pub(crate) signature: Signature,
}

/// Why a COSE_Sign1 was rejected; for tests and debugging only, since all of
/// these are the same `MALFORMED` verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Malformed(pub(crate) &'static str);

/// The protected header `{1: -8, 4: kid}`, canonically encoded.
pub(crate) fn protected_header(kid: &Kid) -> Vec<u8> {
    let mut w = Writer::new();
    w.map(2).uint(HEADER_ALG).nint(ALG_EDDSA_MINUS_ONE_MINUS);
    w.uint(HEADER_KID).bytes(kid);
    w.into_bytes()
}

/// `["Signature1", protected, h'', payload]`: the bytes that are signed.
pub(crate) fn sig_structure(protected: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut w = Writer::new();
    w.array(4)
        .text("Signature1")
        .bytes(protected)
        .bytes(&[])
        .bytes(payload);
    w.into_bytes()
}

/// Signs `payload` and returns the tagged COSE_Sign1 bytes.
pub(crate) fn sign(payload: &[u8], kid: &Kid, key: &SigningKey) -> Vec<u8> {
    let protected = protected_header(kid);
    let signature = key.sign(&sig_structure(&protected, payload));
    let mut w = Writer::new();
    w.tag(TAG_COSE_SIGN1)
        .array(4)
        .bytes(&protected)
        .map(0)
        .bytes(payload);
    w.bytes(&signature.to_bytes());
    w.into_bytes()
}

impl Sign1 {
    /// Parses and checks structure, headers and canonical encoding (check 1
    /// of the spec's section 5, after Base45).
    pub(crate) fn parse(bytes: &[u8]) -> Result<Self, Malformed> {
        let value = cbor::decode_canonical(bytes).ok_or(Malformed("not canonical CBOR"))?;
        let Value::Tag(TAG_COSE_SIGN1, inner) = value else {
            return Err(Malformed("not tagged as COSE_Sign1 (18)"));
        };
        let Value::Array(items) = *inner else {
            return Err(Malformed("COSE_Sign1 is not an array"));
        };
        let Ok([protected, unprotected, payload, signature]) = <[Value; 4]>::try_from(items) else {
            return Err(Malformed("COSE_Sign1 is not an array of four"));
        };
        let (Value::Bytes(protected), Value::Bytes(payload), Value::Bytes(signature)) =
            (protected, payload, signature)
        else {
            return Err(Malformed(
                "protected, payload or signature is not a byte string",
            ));
        };
        if !matches!(&unprotected, Value::Map(entries) if entries.is_empty()) {
            return Err(Malformed("unprotected header is not an empty map"));
        }
        let signature = <[u8; 64]>::try_from(signature.as_slice())
            .map_err(|_| Malformed("signature is not 64 bytes"))?;
        let kid = parse_protected_header(&protected)?;
        Ok(Sign1 {
            protected,
            kid,
            payload,
            signature: Signature::from_bytes(&signature),
        })
    }

    /// Strict Ed25519 verification: no small-order keys or R, canonical S.
    pub(crate) fn verifies_with(&self, key: &VerifyingKey) -> bool {
        let message = sig_structure(&self.protected, &self.payload);
        key.verify_strict(&message, &self.signature).is_ok()
    }
}

fn parse_protected_header(bytes: &[u8]) -> Result<Kid, Malformed> {
    let value =
        cbor::decode_canonical(bytes).ok_or(Malformed("protected header is not canonical CBOR"))?;
    let Value::Map(entries) = value else {
        return Err(Malformed("protected header is not a map"));
    };
    // Canonical order puts alg (1) before kid (4).
    let [(alg_label, alg), (kid_label, kid)] = entries.as_slice() else {
        return Err(Malformed("protected header is not exactly {alg, kid}"));
    };
    if cbor::as_uint(alg_label) != Some(HEADER_ALG) || cbor::as_uint(kid_label) != Some(HEADER_KID)
    {
        return Err(Malformed("protected header is not exactly {alg, kid}"));
    }
    if !matches!(alg, Value::Integer(i) if i128::from(*i) == ALG_EDDSA) {
        return Err(Malformed("alg is not EdDSA (-8)"));
    }
    match kid {
        Value::Bytes(kid) => {
            Kid::try_from(kid.as_slice()).map_err(|_| Malformed("kid is not 8 bytes"))
        }
        _ => Err(Malformed("kid is not a byte string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    #[test]
    fn protected_header_bytes() {
        let kid = [0x10, 0xba, 0x68, 0x2c, 0x8a, 0xd1, 0x35, 0x13];
        assert_eq!(
            hex::encode(protected_header(&kid)),
            "a20127044810ba682c8ad13513"
        );
    }

    #[test]
    fn sign_then_parse() {
        let kid = [1, 2, 3, 4, 5, 6, 7, 8];
        let bytes = sign(b"\xa0", &kid, &key());
        let parsed = Sign1::parse(&bytes).expect("parses");
        assert_eq!(parsed.kid, kid);
        assert_eq!(parsed.payload, b"\xa0");
        assert!(parsed.verifies_with(&key().verifying_key()));
        assert!(!parsed.verifies_with(&SigningKey::from_bytes(&[8u8; 32]).verifying_key()));
    }

    #[test]
    fn rejects_headers_other_than_alg_and_kid() {
        let kid = [0u8; 8];
        let mut w = Writer::new();
        w.map(3).uint(1).nint(7).uint(3).uint(0).uint(4).bytes(&kid);
        let with_content_type = w.into_bytes();
        assert_eq!(
            parse_protected_header(&with_content_type),
            Err(Malformed("protected header is not exactly {alg, kid}"))
        );
        let mut w = Writer::new();
        w.map(2).uint(1).nint(6).uint(4).bytes(&kid);
        assert_eq!(
            parse_protected_header(&w.into_bytes()),
            Err(Malformed("alg is not EdDSA (-8)"))
        );
        let mut w = Writer::new();
        w.map(2).uint(1).nint(7).uint(4).bytes(&kid[..7]);
        assert_eq!(
            parse_protected_header(&w.into_bytes()),
            Err(Malformed("kid is not 8 bytes"))
        );
        assert_eq!(parse_protected_header(&protected_header(&kid)), Ok(kid));
    }
}
