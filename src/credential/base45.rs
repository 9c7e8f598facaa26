//! Strict Base45 (RFC 9285) on top of the `base45` crate.
//!
//! The crate rejects foreign characters, a dangling single character and a
//! triple above 65535, but it silently truncates a final pair above 255 (e.g.
//! `"::"` decodes like `"D7"`). That would give one credential several QR
//! texts, so every group is range-checked here before the crate decodes.

/// Value of a Base45 character, `None` outside the 45-character alphabet.
fn digit(c: u8) -> Option<u32> {
    ::base45::alphabet::decode(c).map(u32::from)
}

/// Encodes bytes as Base45 text.
pub(crate) fn encode(bytes: &[u8]) -> String {
    ::base45::encode(bytes)
}

/// Decodes Base45 text strictly: only the alphabet (upper case, space and
/// `$%*+-./:`), groups of three worth at most 65535, an optional final pair
/// worth at most 255, no dangling single character.
pub(crate) fn decode_strict(text: &str) -> Option<Vec<u8>> {
    for group in text.as_bytes().chunks(3) {
        let mut value = 0u32;
        let mut weight = 1u32;
        for &c in group {
            value += digit(c)? * weight;
            weight *= 45;
        }
        let max = match group.len() {
            3 => 0xFFFF,
            2 => 0xFF,
            _ => return None,
        };
        if value > max {
            return None;
        }
    }
    ::base45::decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_9285_examples() {
        assert_eq!(encode(b"AB"), "BB8");
        assert_eq!(encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(encode(b"base-45"), "UJCLQE7W581");
        assert_eq!(decode_strict("QED8WEX0").as_deref(), Some(&b"ietf!"[..]));
        assert_eq!(decode_strict("").as_deref(), Some(&b""[..]));
    }

    #[test]
    fn rejects_what_the_rfc_forbids() {
        assert_eq!(decode_strict("GGW"), None, "triple 65536");
        assert_eq!(
            decode_strict("FGW").as_deref(),
            Some(&[0xFF, 0xFF][..]),
            "triple 65535"
        );
        assert_eq!(decode_strict("BB8A"), None, "dangling character");
        assert_eq!(decode_strict("bb8"), None, "lower case");
        assert_eq!(decode_strict("BB8\n"), None, "newline");
        assert_eq!(decode_strict("BB8é"), None, "non-ASCII");
    }

    #[test]
    fn crate_alone_is_lax_on_a_final_pair_above_255() {
        // Documents why the pre-check exists: "::" = 44 + 44 * 45 = 2024.
        assert!(::base45::decode("::").is_ok());
        assert_eq!(decode_strict("::"), None);
        assert_eq!(
            decode_strict("U5").as_deref(),
            Some(&[255u8][..]),
            "pair 255"
        );
        assert_eq!(decode_strict("V5"), None, "pair 256");
    }

    #[test]
    fn every_byte_string_round_trips() {
        for len in 0..6usize {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 97 + 200) as u8).collect();
            assert_eq!(decode_strict(&encode(&bytes)), Some(bytes));
        }
        for a in 0..=255u8 {
            assert_eq!(decode_strict(&encode(&[a])), Some(vec![a]));
        }
    }
}
