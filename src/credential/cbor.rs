//! Deterministic CBOR (RFC 8949 section 4.2.1): a small writer for what we
//! issue, and a strict reader for what we verify.
//!
//! The reader decodes with `ciborium` into a [`Value`], re-encodes it and
//! requires the very same bytes: that rejects non-shortest integers and
//! lengths, indefinite lengths, trailing bytes and odd simple values in one
//! go. `ciborium` keeps map entries in input order, so the key order (strictly
//! ascending encoded keys, hence no duplicates) is checked separately. The
//! writer is independent of `ciborium`, so round-trip tests cross-check both.

use ciborium::Value;

/// Our structures nest at most three levels; anything deeper is not ours.
const RECURSION_LIMIT: usize = 16;

const MAJOR_UINT: u8 = 0;
const MAJOR_NINT: u8 = 1;
const MAJOR_BYTES: u8 = 2;
const MAJOR_TEXT: u8 = 3;
const MAJOR_ARRAY: u8 = 4;
const MAJOR_MAP: u8 = 5;
const MAJOR_TAG: u8 = 6;

/// Writes deterministic CBOR: shortest heads, definite lengths. The caller
/// writes map entries in ascending key order.
#[derive(Default)]
pub(crate) struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    fn head(&mut self, major: u8, argument: u64) -> &mut Self {
        let major = major << 5;
        match argument {
            0..=23 => self.bytes.push(major | argument as u8),
            24..=0xFF => self.bytes.extend_from_slice(&[major | 24, argument as u8]),
            0x100..=0xFFFF => {
                self.bytes.push(major | 25);
                self.bytes
                    .extend_from_slice(&(argument as u16).to_be_bytes());
            }
            0x1_0000..=0xFFFF_FFFF => {
                self.bytes.push(major | 26);
                self.bytes
                    .extend_from_slice(&(argument as u32).to_be_bytes());
            }
            _ => {
                self.bytes.push(major | 27);
                self.bytes.extend_from_slice(&argument.to_be_bytes());
            }
        }
        self
    }

    pub(crate) fn uint(&mut self, value: u64) -> &mut Self {
        self.head(MAJOR_UINT, value)
    }

    /// Writes the negative integer `-1 - minus_one_minus`, e.g. 7 for -8.
    pub(crate) fn nint(&mut self, minus_one_minus: u64) -> &mut Self {
        self.head(MAJOR_NINT, minus_one_minus)
    }

    pub(crate) fn bytes(&mut self, value: &[u8]) -> &mut Self {
        self.head(MAJOR_BYTES, value.len() as u64);
        self.bytes.extend_from_slice(value);
        self
    }

    pub(crate) fn text(&mut self, value: &str) -> &mut Self {
        self.head(MAJOR_TEXT, value.len() as u64);
        self.bytes.extend_from_slice(value.as_bytes());
        self
    }

    pub(crate) fn array(&mut self, len: usize) -> &mut Self {
        self.head(MAJOR_ARRAY, len as u64)
    }

    pub(crate) fn map(&mut self, len: usize) -> &mut Self {
        self.head(MAJOR_MAP, len as u64)
    }

    pub(crate) fn tag(&mut self, tag: u64) -> &mut Self {
        self.head(MAJOR_TAG, tag)
    }
}

/// Decodes one well-formed CBOR item that spans all of `bytes`. Says nothing
/// about canonical form yet: see [`is_canonical`].
pub(crate) fn decode(bytes: &[u8]) -> Option<Value> {
    let mut rest = bytes;
    let value: Value =
        ciborium::de::from_reader_with_recursion_limit(&mut rest, RECURSION_LIMIT).ok()?;
    rest.is_empty().then_some(value)
}

/// True if `bytes` is exactly the deterministic encoding of `value` (which
/// was decoded from them) with map keys strictly ascending.
pub(crate) fn is_canonical(value: &Value, bytes: &[u8]) -> bool {
    let mut encoded = Vec::with_capacity(bytes.len());
    if ciborium::ser::into_writer(value, &mut encoded).is_err() {
        return false;
    }
    encoded == bytes && map_keys_ascending(value)
}

/// Decodes `bytes` and requires the canonical encoding.
pub(crate) fn decode_canonical(bytes: &[u8]) -> Option<Value> {
    let value = decode(bytes)?;
    is_canonical(&value, bytes).then_some(value)
}

/// Every map's keys strictly ascend in bytewise order of their encodings.
/// Recursion depth is bounded by the decoder's recursion limit.
fn map_keys_ascending(value: &Value) -> bool {
    match value {
        Value::Map(entries) => {
            let mut previous: Option<Vec<u8>> = None;
            for (key, item) in entries {
                let mut encoded = Vec::new();
                if ciborium::ser::into_writer(key, &mut encoded).is_err() {
                    return false;
                }
                if previous.as_ref().is_some_and(|p| *p >= encoded) {
                    return false;
                }
                if !map_keys_ascending(key) || !map_keys_ascending(item) {
                    return false;
                }
                previous = Some(encoded);
            }
            true
        }
        Value::Array(items) => items.iter().all(map_keys_ascending),
        Value::Tag(_, inner) => map_keys_ascending(inner),
        _ => true,
    }
}

/// The value as an unsigned integer, if it is one.
pub(crate) fn as_uint(value: &Value) -> Option<u64> {
    match value {
        Value::Integer(i) => u64::try_from(*i).ok(),
        _ => None,
    }
}

/// Map entries with unsigned-integer keys, in order. `None` if the value is
/// not a map or a key is not an unsigned integer.
pub(crate) fn uint_keyed_map(value: &Value) -> Option<Vec<(u64, &Value)>> {
    match value {
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| Some((as_uint(k)?, v)))
            .collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        hex::decode(s).expect("test hex")
    }

    #[test]
    fn writer_uses_shortest_heads() {
        let mut w = Writer::new();
        w.uint(0)
            .uint(23)
            .uint(24)
            .uint(255)
            .uint(256)
            .uint(65535)
            .uint(65536);
        w.uint(u64::from(u32::MAX))
            .uint(u64::from(u32::MAX) + 1)
            .nint(7);
        assert_eq!(
            hex::encode(w.into_bytes()),
            "0017181818ff19010019ffff1a000100001affffffff1b000000010000000027"
        );
    }

    #[test]
    fn writer_matches_ciborium() {
        let mut w = Writer::new();
        w.tag(18).array(2).map(1).uint(1).nint(7).bytes(&[1, 2, 3]);
        w.text("HN25");
        let bytes = w.into_bytes();
        let (first, second) = bytes.split_at(bytes.len() - 5);
        assert!(decode_canonical(first).is_some());
        assert!(decode_canonical(second).is_some());
    }

    #[test]
    fn accepts_canonical() {
        let cases = [
            ("a2012704480001020304050607", "protected header"),
            ("d28440a0401864", "tagged array"),
            ("a2616101616202", "text keys in order"),
            ("a20100413000", "uint key before bstr key"),
            ("1b0000000100000000", "2^32"),
        ];
        for (input, why) in cases {
            assert!(decode_canonical(&hex(input)).is_some(), "{why}: {input}");
        }
    }

    #[test]
    fn rejects_non_canonical() {
        let cases = [
            ("1801", "non-shortest integer"),
            ("190001", "non-shortest integer (2 bytes)"),
            ("5801ff", "non-shortest length"),
            ("9f01ff", "indefinite array"),
            ("bf0101ff", "indefinite map"),
            ("5f41ffff", "indefinite bytes"),
            ("0101", "trailing byte"),
            ("a20101", "truncated map"),
            ("a202010101", "keys descending"),
            ("a201010102", "duplicate keys"),
            ("a24130000100", "bstr key before uint key"),
            ("f7", "undefined"),
            ("fa3f800000", "float that fits half precision"),
            ("c24101", "bignum for a small integer"),
            ("", "nothing"),
        ];
        for (input, why) in cases {
            assert!(decode_canonical(&hex(input)).is_none(), "{why}: {input}");
        }
    }

    #[test]
    fn rejects_deep_nesting_without_overflowing_the_stack() {
        let deep = vec![0x81u8; 10_000];
        assert!(decode(&deep).is_none());
    }

    #[test]
    fn nested_map_order_is_checked() {
        // [ {2: 0, 1: 0} ]
        assert!(decode_canonical(&hex("81a202000100")).is_none());
        assert!(decode_canonical(&hex("81a201000200")).is_some());
    }
}
