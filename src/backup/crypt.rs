//! The encrypted backup file: XChaCha20-Poly1305 in the STREAM construction
//! (RustCrypto's `aead-stream`: 64 KiB segments, each authenticated, their
//! order and the end of the stream bound into the nonces, so a reordered,
//! truncated or altered file is refused), with the key derived from the
//! passphrase by Argon2id.
//!
//! Layout: the header (magic, Argon2id costs, salt, stream nonce), then the
//! encrypted segments. Every segment carries the header as associated data,
//! so a header changed to weaker costs fails as well.

use std::io::{self, Read, Write};

use aead_stream::{DecryptorBE32, EncryptorBE32, StreamBE32};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::Payload;
use chacha20poly1305::{KeyInit, XChaCha20Poly1305};

use crate::error::{Error, Result};

pub const MAGIC: &[u8; 16] = b"ACCREDIT-BACKUP1";
const SEGMENT: usize = 64 * 1024;
const TAG: usize = 16;
const SALT_LEN: usize = 16;
/// XChaCha20's 24-byte nonce less STREAM's 5 bytes of counter and last flag.
const NONCE_LEN: usize = 19;
pub const HEADER_LEN: usize = MAGIC.len() + 12 + SALT_LEN + NONCE_LEN;

/// Argon2id costs: 64 MiB, 3 passes (about a third of a second here), so
/// that guessing passphrases of a stolen backup is slow.
const M_COST_KIB: u32 = 64 * 1024;
const T_COST: u32 = 3;
const P_COST: u32 = 1;
/// The most a header may ask for, so a forged header cannot exhaust memory.
const MAX_M_COST_KIB: u32 = 1024 * 1024;
const MAX_T_COST: u32 = 64;

type Stream = StreamBE32<XChaCha20Poly1305>;

fn derive_key(passphrase: &str, salt: &[u8], m: u32, t: u32, p: u32) -> Result<XChaCha20Poly1305> {
    let params = Params::new(m, t, p, Some(32))
        .map_err(|e| Error::Refused(format!("the backup's key parameters are not valid: {e}")))?;
    let mut key = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|e| Error::Other(format!("could not derive the backup key: {e}")))?;
    XChaCha20Poly1305::new_from_slice(&key)
        .map_err(|e| Error::Other(format!("could not derive the backup key: {e}")))
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Other(format!("no randomness for the backup key: {e}")))?;
    Ok(bytes)
}

fn nonce_of(bytes: &[u8]) -> aead_stream::Nonce<XChaCha20Poly1305, Stream> {
    let mut nonce = aead_stream::Nonce::<XChaCha20Poly1305, Stream>::default();
    nonce.copy_from_slice(bytes);
    nonce
}

fn sealed() -> io::Error {
    io::Error::other("the backup could not be encrypted")
}

/// Encrypts everything written to it into `inner`; [`EncryptWriter::finish`]
/// seals the last segment (without it the file is refused as truncated).
pub struct EncryptWriter<W: Write> {
    inner: W,
    header: Vec<u8>,
    stream: Option<EncryptorBE32<XChaCha20Poly1305>>,
    buffer: Vec<u8>,
}

impl<W: Write> EncryptWriter<W> {
    pub fn new(mut inner: W, passphrase: &str) -> Result<Self> {
        if passphrase.chars().count() < 8 {
            return Err(Error::invalid(
                "passphrase",
                "a backup passphrase has at least 8 characters",
            ));
        }
        let salt: [u8; SALT_LEN] = random()?;
        let nonce: [u8; NONCE_LEN] = random()?;
        let mut header = Vec::with_capacity(HEADER_LEN);
        header.extend_from_slice(MAGIC);
        for cost in [M_COST_KIB, T_COST, P_COST] {
            header.extend_from_slice(&cost.to_be_bytes());
        }
        header.extend_from_slice(&salt);
        header.extend_from_slice(&nonce);
        let cipher = derive_key(passphrase, &salt, M_COST_KIB, T_COST, P_COST)?;
        inner
            .write_all(&header)
            .map_err(|e| Error::Other(format!("could not write the backup: {e}")))?;
        Ok(EncryptWriter {
            inner,
            header,
            stream: Some(EncryptorBE32::from_aead(cipher, &nonce_of(&nonce))),
            buffer: Vec::with_capacity(SEGMENT + TAG),
        })
    }

    /// Seals the last segment and gives the inner writer back.
    pub fn finish(mut self) -> io::Result<W> {
        let stream = self.stream.take().ok_or_else(sealed)?;
        let sealed_last = stream
            .encrypt_last(Payload {
                msg: &self.buffer,
                aad: &self.header,
            })
            .map_err(|_| sealed())?;
        self.inner.write_all(&sealed_last)?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for EncryptWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        // A full segment is sealed only once more data follows: the last one
        // must be sealed as last.
        if self.buffer.len() == SEGMENT && !data.is_empty() {
            let stream = self.stream.as_mut().ok_or_else(sealed)?;
            let segment = stream
                .encrypt_next(Payload {
                    msg: &self.buffer,
                    aad: &self.header,
                })
                .map_err(|_| sealed())?;
            self.inner.write_all(&segment)?;
            self.buffer.clear();
        }
        let n = data.len().min(SEGMENT - self.buffer.len());
        self.buffer.extend_from_slice(&data[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Whether `bytes` (the start of a file) is an encrypted backup.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Why a backup could not be decrypted, in words for the operator.
fn unreadable(segment: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        if segment == 0 {
            "the passphrase is wrong (or the backup's first block is damaged)".to_string()
        } else {
            format!(
                "the backup is damaged or truncated near byte {}",
                HEADER_LEN as u64 + segment * (SEGMENT + TAG) as u64
            )
        },
    )
}

/// Decrypts an encrypted backup as it is read. Any damage, a wrong
/// passphrase or a missing end is an `InvalidData` error, never wrong data.
pub struct DecryptReader<R: Read> {
    inner: R,
    header: Vec<u8>,
    stream: Option<DecryptorBE32<XChaCha20Poly1305>>,
    /// Decrypted bytes not yet read, from `position`.
    plain: Vec<u8>,
    position: usize,
    /// The first byte of the next segment, read to learn whether this one is last.
    lookahead: Option<u8>,
    segment: u64,
}

impl<R: Read> DecryptReader<R> {
    pub fn new(mut inner: R, passphrase: &str) -> Result<Self> {
        let mut header = vec![0u8; HEADER_LEN];
        inner
            .read_exact(&mut header)
            .map_err(|_| Error::Refused("the file is too short to be a backup".into()))?;
        if !is_encrypted(&header) {
            return Err(Error::Refused(
                "the file is not an encrypted Accredit backup".into(),
            ));
        }
        let cost = |i: usize| {
            let at = MAGIC.len() + 4 * i;
            u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
        };
        let (m, t, p) = (cost(0), cost(1), cost(2));
        if m > MAX_M_COST_KIB || t > MAX_T_COST {
            return Err(Error::Refused(
                "the backup's header asks for unreasonable key costs: it was altered".into(),
            ));
        }
        let salt = &header[MAGIC.len() + 12..MAGIC.len() + 12 + SALT_LEN];
        let nonce = &header[MAGIC.len() + 12 + SALT_LEN..];
        let cipher = derive_key(passphrase, salt, m, t, p)?;
        let stream = DecryptorBE32::from_aead(cipher, &nonce_of(nonce));
        Ok(DecryptReader {
            inner,
            header,
            stream: Some(stream),
            plain: Vec::new(),
            position: 0,
            lookahead: None,
            segment: 0,
        })
    }

    /// Reads and decrypts the next segment into `plain`.
    fn next_segment(&mut self) -> io::Result<()> {
        let mut sealed = Vec::with_capacity(SEGMENT + TAG);
        sealed.extend(self.lookahead.take());
        let want = SEGMENT + TAG - sealed.len();
        (&mut self.inner)
            .take(want as u64)
            .read_to_end(&mut sealed)?;
        let mut next = [0u8; 1];
        let last = sealed.len() < SEGMENT + TAG || read_one(&mut self.inner, &mut next)? == 0;
        if !last {
            self.lookahead = Some(next[0]);
        }
        let payload = Payload {
            msg: &sealed,
            aad: &self.header,
        };
        let segment = self.segment;
        self.plain = if last {
            let stream = self.stream.take().ok_or_else(|| unreadable(segment))?;
            stream.decrypt_last(payload)
        } else {
            let stream = self.stream.as_mut().ok_or_else(|| unreadable(segment))?;
            stream.decrypt_next(payload)
        }
        .map_err(|_| unreadable(segment))?;
        self.position = 0;
        self.segment += 1;
        Ok(())
    }
}

fn read_one(r: &mut impl Read, byte: &mut [u8; 1]) -> io::Result<usize> {
    loop {
        match r.read(byte) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

impl<R: Read> Read for DecryptReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.position == self.plain.len() {
            if self.stream.is_none() {
                return Ok(0);
            }
            self.next_segment()?;
        }
        let n = out.len().min(self.plain.len() - self.position);
        out[..n].copy_from_slice(&self.plain[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seal(data: &[u8], passphrase: &str) -> Vec<u8> {
        let mut w = EncryptWriter::new(Vec::new(), passphrase).unwrap();
        w.write_all(data).unwrap();
        w.finish().unwrap()
    }

    fn open(file: &[u8], passphrase: &str) -> io::Result<Vec<u8>> {
        let mut r = DecryptReader::new(file, passphrase).map_err(io::Error::other)?;
        let mut out = Vec::new();
        r.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn round_trip_at_segment_boundaries() {
        for len in [0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let file = seal(&data, "correct horse");
            assert_eq!(open(&file, "correct horse").unwrap(), data, "length {len}");
        }
    }

    #[test]
    fn wrong_passphrase_is_refused() {
        let file = seal(b"passport C1234567", "correct horse");
        let err = open(&file, "wrong horse").unwrap_err();
        assert!(err.to_string().contains("passphrase is wrong"), "{err}");
    }

    #[test]
    fn altered_truncated_or_extended_files_are_refused() {
        let data = vec![42u8; 2 * SEGMENT + 100];
        let file = seal(&data, "correct horse");
        let mut flipped = file.clone();
        flipped[HEADER_LEN + SEGMENT + 40] ^= 1;
        let e = open(&flipped, "correct horse").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
        assert!(
            e.to_string().contains("the backup is damaged or truncated"),
            "{e}"
        );
        // Cut exactly at a segment boundary: the remaining last segment was
        // not sealed as last.
        let cut = &file[..HEADER_LEN + 2 * (SEGMENT + TAG)];
        let e = open(cut, "correct horse").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
        assert!(
            e.to_string().contains("the backup is damaged or truncated"),
            "{e}"
        );
        let mut longer = file.clone();
        longer.extend_from_slice(&[0u8; 20]);
        let e = open(&longer, "correct horse").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
        assert!(
            e.to_string().contains("the backup is damaged or truncated"),
            "{e}"
        );
        let mut weaker = file.clone();
        weaker[MAGIC.len() + 7] ^= 1; // the number of passes
        let e = open(&weaker, "correct horse").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
        assert!(e.to_string().contains("the passphrase is wrong"), "{e}");
    }

    #[test]
    fn short_passphrases_are_refused() {
        let e = EncryptWriter::new(Vec::new(), "short")
            .err()
            .expect("a short passphrase is refused");
        assert!(
            matches!(&e, crate::Error::Invalid(f) if f.iter().any(|f| f.field == "passphrase")),
            "{e}"
        );
        assert!(e.to_string().contains("at least 8 characters"), "{e}");
    }
}
