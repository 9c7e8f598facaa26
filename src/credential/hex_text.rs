//! Lowercase hex, the only spelling the spec's JSON files allow.

/// Parses exactly `2 * N` lowercase hex digits.
pub(crate) fn parse_lower_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let lowercase = text
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !lowercase || text.len() != 2 * N {
        return None;
    }
    let mut bytes = [0u8; N];
    hex::decode_to_slice(text, &mut bytes).ok()?;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_only_and_exact_length() {
        assert_eq!(parse_lower_hex::<2>("0aff"), Some([0x0a, 0xff]));
        assert_eq!(parse_lower_hex::<2>("0AFF"), None);
        assert_eq!(parse_lower_hex::<2>("0af"), None);
        assert_eq!(parse_lower_hex::<2>("0aff00"), None);
        assert_eq!(parse_lower_hex::<1>("é"), None);
    }
}
