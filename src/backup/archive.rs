//! What an encrypted backup holds once decrypted and inflated: named entries
//! (`manifest.json`, `accredit.sqlite`, `keys/<kid>.key`), each a 2-byte name
//! length, the name, an 8-byte length and the bytes; a zero name length ends
//! the archive, so a cut archive is noticed.

use std::io::{self, Read, Write};

use crate::error::{Error, Result};

pub const MANIFEST: &str = "manifest.json";
pub const DATABASE: &str = "accredit.sqlite";
pub const KEYS_PREFIX: &str = "keys/";

pub fn write_entry(
    out: &mut impl Write,
    name: &str,
    len: u64,
    data: &mut impl Read,
) -> io::Result<()> {
    let name_len = u16::try_from(name.len())
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| io::Error::other("an archive entry name is 1 to 65535 bytes"))?;
    out.write_all(&name_len.to_be_bytes())?;
    out.write_all(name.as_bytes())?;
    out.write_all(&len.to_be_bytes())?;
    let copied = io::copy(&mut data.take(len), out)?;
    if copied != len {
        return Err(io::Error::other(format!(
            "{name} shrank while it was being backed up"
        )));
    }
    Ok(())
}

pub fn write_end(out: &mut impl Write) -> io::Result<()> {
    out.write_all(&0u16.to_be_bytes())
}

/// Whether `name` is one this version writes; anything else (a path that
/// climbs out with `..`, an absolute path) is refused before it is written.
pub fn is_known_name(name: &str) -> bool {
    name == MANIFEST
        || name == DATABASE
        || name.strip_prefix(KEYS_PREFIX).is_some_and(|file| {
            // Signing keys (`.key`) and the event root (`.root`).
            file.strip_suffix(".key")
                .or_else(|| file.strip_suffix(".root"))
                .is_some_and(|stem| !stem.is_empty() && stem.chars().all(|c| c.is_ascii_hexdigit()))
        })
}

/// Calls `visit` with each entry's name and a reader of exactly its bytes.
/// The visitor must read the entry to its end.
pub fn read_entries(
    input: &mut impl Read,
    mut visit: impl FnMut(&str, &mut dyn Read) -> Result<()>,
) -> Result<()> {
    let damaged = |e: io::Error| Error::Refused(format!("the backup cannot be read: {e}"));
    loop {
        let mut len = [0u8; 2];
        input.read_exact(&mut len).map_err(damaged)?;
        let name_len = u16::from_be_bytes(len) as usize;
        if name_len == 0 {
            return Ok(());
        }
        let mut name = vec![0u8; name_len];
        input.read_exact(&mut name).map_err(damaged)?;
        let name = String::from_utf8(name)
            .ok()
            .filter(|n| is_known_name(n))
            .ok_or_else(|| Error::Refused("the backup holds an entry of unknown name".into()))?;
        let mut size = [0u8; 8];
        input.read_exact(&mut size).map_err(damaged)?;
        let size = u64::from_be_bytes(size);
        let mut entry = input.take(size);
        visit(&name, &mut entry)?;
        if entry.limit() != 0 {
            return Err(Error::Refused(format!(
                "the backup's {name} is shorter than it says"
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_names_are_checked() {
        let mut out = Vec::new();
        write_entry(&mut out, MANIFEST, 2, &mut &b"{}"[..]).unwrap();
        write_entry(&mut out, "keys/0a1b.key", 3, &mut &b"key"[..]).unwrap();
        write_end(&mut out).unwrap();
        let mut seen = Vec::new();
        read_entries(&mut &out[..], |name, r| {
            let mut bytes = Vec::new();
            r.read_to_end(&mut bytes).unwrap();
            seen.push((name.to_string(), bytes));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen[1], ("keys/0a1b.key".to_string(), b"key".to_vec()));
        // Without its end marker the archive is refused.
        let cut = read_entries(&mut &out[..out.len() - 2], |_, r| {
            io::copy(r, &mut io::sink())
                .map(|_| ())
                .map_err(|e| Error::Other(e.to_string()))
        })
        .unwrap_err();
        assert!(
            matches!(&cut, Error::Refused(m) if m.starts_with("the backup cannot be read")),
            "{cut}"
        );
        for bad in [
            "../accredit.sqlite",
            "/etc/passwd",
            "keys/../x.key",
            "keys/.key",
            "x",
        ] {
            assert!(!is_known_name(bad), "{bad}");
        }
    }
}
