//! Issuing: claims and an event key in, QR text out.

use super::verify::{MAX_TEXT_CHARS, PREFIX};
use super::{Claims, CredentialError, EventKey, base45, cose, kid_hex};

/// Signs `claims` with `key` and returns the QR text `ACR1:…`.
///
/// Refuses claims that break the field rules ([`Claims::validate`]) and
/// claims whose validity is not inside the key's (`key.not_before <=
/// not_before` and `expires <= key.not_after`), since gates would reject
/// them as `BAD_SIGNATURE`.
pub fn issue(claims: &Claims, key: &EventKey) -> Result<String, CredentialError> {
    claims.validate()?;
    if !key.covers(claims.not_before, claims.expires) {
        return Err(CredentialError::OutsideKeyValidity {
            kid: kid_hex(&key.kid()),
            key_not_before: key.not_before,
            key_not_after: key.not_after,
            not_before: claims.not_before,
            expires: claims.expires,
        });
    }
    let signed = cose::sign(&claims.to_cbor(), &key.kid(), &key.signing);
    let text = format!("{PREFIX}{}", base45::encode(&signed));
    // The largest claims give about 290 characters; this guards the bound.
    if text.len() > MAX_TEXT_CHARS {
        return Err(CredentialError::TooLong(text.len()));
    }
    Ok(text)
}
