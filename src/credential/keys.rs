//! Event signing keys: generation, kid, and secret key files.
//!
//! A key file `<kid-hex>.key` holds the 32-byte Ed25519 seed (hex) and the
//! key's validity as a small JSON object. On Unix the file is 0600 and the
//! keys directory 0700. Files are written to a temporary name and renamed, so
//! a crash never leaves a half-written key behind.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::hex_text::parse_lower_hex;
use super::{CredentialError, Kid, kid_hex};

/// The `format` string of key files.
pub const KEY_FILE_FORMAT: &str = "accredit-event-key/1";
const KEY_FILE_EXTENSION: &str = "key";

/// The key id: first 8 bytes of SHA-256 of the raw 32-byte public key.
pub fn kid_of(public_key: &VerifyingKey) -> Kid {
    let digest = Sha256::digest(public_key.as_bytes());
    let mut kid = [0u8; 8];
    kid.copy_from_slice(&digest[..8]);
    kid
}

/// An event's secret signing key with the window of badges it may sign.
/// `Debug` never shows the secret.
#[derive(Clone)]
pub struct EventKey {
    pub signing: SigningKey,
    /// Badges it signs must not become valid before this (Unix seconds).
    pub not_before: u64,
    /// Badges it signs must expire by this (Unix seconds).
    pub not_after: u64,
}

impl EventKey {
    /// A fresh key from the operating system's random generator.
    pub fn generate(not_before: u64, not_after: u64) -> Result<Self, CredentialError> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(CredentialError::Random)?;
        let key = Self::from_seed(&seed, not_before, not_after);
        seed.fill(0);
        key
    }

    /// The key of a known 32-byte seed (tests, restoring a backup).
    pub fn from_seed(
        seed: &[u8; 32],
        not_before: u64,
        not_after: u64,
    ) -> Result<Self, CredentialError> {
        if not_before >= not_after {
            return Err(CredentialError::InvalidKeyValidity {
                not_before,
                not_after,
            });
        }
        Ok(EventKey {
            signing: SigningKey::from_bytes(seed),
            not_before,
            not_after,
        })
    }

    pub fn kid(&self) -> Kid {
        kid_of(&self.verifying_key())
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    /// True if a badge valid over `[not_before, expires]` lies inside this
    /// key's validity, i.e. this key may sign it.
    pub fn covers(&self, not_before: u64, expires: u64) -> bool {
        self.not_before <= not_before && expires <= self.not_after
    }
}

impl fmt::Debug for EventKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventKey")
            .field("kid", &kid_hex(&self.kid()))
            .field("not_before", &self.not_before)
            .field("not_after", &self.not_after)
            .finish_non_exhaustive()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    format: String,
    kid: String,
    seed: String,
    not_before: u64,
    not_after: u64,
}

/// The path of `kid`'s key file in `keys_dir`.
pub fn secret_path(keys_dir: &Path, kid: &Kid) -> PathBuf {
    keys_dir.join(format!("{}.{KEY_FILE_EXTENSION}", kid_hex(kid)))
}

/// Writes `key` to `<keys_dir>/<kid-hex>.key` (replacing an older file of the
/// same key, e.g. with a shortened validity), creating `keys_dir` if needed.
/// Returns the file's path.
pub fn write_secret(keys_dir: &Path, key: &EventKey) -> Result<PathBuf, CredentialError> {
    create_private_dir(keys_dir)?;
    let kid = key.kid();
    let path = secret_path(keys_dir, &kid);
    let file = KeyFile {
        format: KEY_FILE_FORMAT.to_owned(),
        kid: kid_hex(&kid),
        seed: hex::encode(key.signing.as_bytes()),
        not_before: key.not_before,
        not_after: key.not_after,
    };
    let mut json = serde_json::to_string_pretty(&file).map_err(|e| CredentialError::KeyFile {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    json.push('\n');

    let mut suffix = [0u8; 8];
    getrandom::fill(&mut suffix).map_err(CredentialError::Random)?;
    let temp = keys_dir.join(format!(".{}.{}.tmp", kid_hex(&kid), hex::encode(suffix)));
    let written = write_new_private_file(&temp, json.as_bytes()).and_then(|()| {
        fs::rename(&temp, &path).map_err(|e| CredentialError::io("rename", &temp, e))
    });
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    sync_dir(keys_dir);
    Ok(path)
}

/// Reads the key `kid` from `keys_dir`. The file must hold exactly that key.
pub fn read_secret(keys_dir: &Path, kid: &Kid) -> Result<EventKey, CredentialError> {
    let path = secret_path(keys_dir, kid);
    let key = read_key_file(&path)?;
    if key.kid() != *kid {
        return Err(CredentialError::KeyFile {
            path,
            reason: format!("it holds key {}, not {}", kid_hex(&key.kid()), kid_hex(kid)),
        });
    }
    Ok(key)
}

/// Every key in `keys_dir` (files named `*.key`), sorted by `not_before`
/// then kid. A missing directory has no keys. A file that is not a valid key
/// is an error rather than skipped: the operator should know.
pub fn list_secrets(keys_dir: &Path) -> Result<Vec<EventKey>, CredentialError> {
    let entries = match fs::read_dir(keys_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CredentialError::io("list", keys_dir, e)),
    };
    let mut keys = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| CredentialError::io("list", keys_dir, e))?
            .path();
        let is_key_file = path
            .extension()
            .is_some_and(|ext| ext == KEY_FILE_EXTENSION)
            && !path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if is_key_file {
            keys.push(read_key_file(&path)?);
        }
    }
    keys.sort_by_key(|key| (key.not_before, key.kid()));
    Ok(keys)
}

fn read_key_file(path: &Path) -> Result<EventKey, CredentialError> {
    let invalid = |reason: &str| CredentialError::KeyFile {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    let text = fs::read_to_string(path).map_err(|e| CredentialError::io("read", path, e))?;
    let file: KeyFile = serde_json::from_str(&text).map_err(|e| invalid(&e.to_string()))?;
    if file.format != KEY_FILE_FORMAT {
        return Err(invalid(&format!(
            "format is {:?}, expected {KEY_FILE_FORMAT:?}",
            file.format
        )));
    }
    let mut seed = parse_lower_hex::<32>(&file.seed)
        .ok_or_else(|| invalid("seed must be 64 lowercase hex digits"))?;
    let key = EventKey::from_seed(&seed, file.not_before, file.not_after);
    seed.fill(0);
    let key = key.map_err(|e| invalid(&e.to_string()))?;
    if file.kid != kid_hex(&key.kid()) {
        return Err(invalid("the kid does not match the seed"));
    }
    let stem_matches = path
        .file_stem()
        .is_some_and(|stem| stem.to_string_lossy() == file.kid);
    if !stem_matches {
        return Err(invalid("the file name does not match the kid"));
    }
    Ok(key)
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainKeyFile {
    format: String,
    kid: String,
    seed: String,
}

/// Writes a key with no validity window (an event's root key, a gate
/// station's key) to `path`, owner-only, atomically; `format` names its use.
pub fn write_plain_key(path: &Path, format: &str, key: &SigningKey) -> Result<(), CredentialError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let file = PlainKeyFile {
        format: format.to_owned(),
        kid: kid_hex(&kid_of(&key.verifying_key())),
        seed: hex::encode(key.as_bytes()),
    };
    let mut json = serde_json::to_string_pretty(&file).map_err(|e| CredentialError::KeyFile {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    json.push('\n');
    let mut suffix = [0u8; 8];
    getrandom::fill(&mut suffix).map_err(CredentialError::Random)?;
    let temp = dir.join(format!(".{}.tmp", hex::encode(suffix)));
    let written = write_new_private_file(&temp, json.as_bytes()).and_then(|()| {
        fs::rename(&temp, path).map_err(|e| CredentialError::io("rename", &temp, e))
    });
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    sync_dir(dir);
    Ok(())
}

/// Reads a key written by [`write_plain_key`] with the same `format`.
pub fn read_plain_key(path: &Path, format: &str) -> Result<SigningKey, CredentialError> {
    let invalid = |reason: &str| CredentialError::KeyFile {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    let text = fs::read_to_string(path).map_err(|e| CredentialError::io("read", path, e))?;
    let file: PlainKeyFile = serde_json::from_str(&text).map_err(|e| invalid(&e.to_string()))?;
    if file.format != format {
        return Err(invalid(&format!(
            "format is {:?}, expected {format:?}",
            file.format
        )));
    }
    let mut seed = parse_lower_hex::<32>(&file.seed)
        .ok_or_else(|| invalid("seed must be 64 lowercase hex digits"))?;
    let key = SigningKey::from_bytes(&seed);
    seed.fill(0);
    if file.kid != kid_hex(&kid_of(&key.verifying_key())) {
        return Err(invalid("the kid does not match the seed"));
    }
    Ok(key)
}

/// A fresh Ed25519 key from the operating system's random generator.
pub fn generate_plain_key() -> Result<SigningKey, CredentialError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(CredentialError::Random)?;
    let key = SigningKey::from_bytes(&seed);
    seed.fill(0);
    Ok(key)
}

/// Creates `dir` (and parents) and makes it owner-only on Unix.
fn create_private_dir(dir: &Path) -> Result<(), CredentialError> {
    fs::create_dir_all(dir).map_err(|e| CredentialError::io("create", dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| CredentialError::io("restrict permissions of", dir, e))?;
    }
    Ok(())
}

/// Creates `path` (which must not exist) owner-only, writes and syncs it.
fn write_new_private_file(path: &Path, contents: &[u8]) -> Result<(), CredentialError> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| CredentialError::io("create", path, e))?;
    file.write_all(contents)
        .and_then(|()| file.sync_all())
        .map_err(|e| CredentialError::io("write", path, e))
}

/// Makes the rename durable. Best effort: not every platform can open or
/// sync a directory, and the key is already in place.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_key() -> EventKey {
        EventKey::from_seed(&[42u8; 32], 1_758_758_400, 1_763_942_400).expect("valid")
    }

    #[test]
    fn kid_is_sha256_prefix_of_the_public_key() {
        // Key of the vectors' trust list.
        let public =
            hex::decode("d04ab232742bb4ab3a1368bd4615e4e6d0224ab71a016baf8520a332c9778737")
                .expect("hex");
        let public = VerifyingKey::try_from(public.as_slice()).expect("key");
        assert_eq!(kid_hex(&kid_of(&public)), "10ba682c8ad13513");
    }

    #[test]
    fn generated_keys_differ_and_debug_hides_the_seed() {
        let a = EventKey::generate(1, 2).expect("random");
        let b = EventKey::generate(1, 2).expect("random");
        assert_ne!(a.kid(), b.kid());
        let shown = format!("{a:?}");
        assert!(!shown.contains(&hex::encode(a.signing.as_bytes())));
        assert!(shown.contains(&kid_hex(&a.kid())));
        assert!(matches!(
            EventKey::generate(2, 2),
            Err(CredentialError::InvalidKeyValidity {
                not_before: 2,
                not_after: 2
            })
        ));
    }

    #[test]
    fn write_read_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let keys_dir = dir.path().join("keys");
        let key = sample_key();
        let path = write_secret(&keys_dir, &key).expect("write");
        assert_eq!(path, secret_path(&keys_dir, &key.kid()));
        let back = read_secret(&keys_dir, &key.kid()).expect("read");
        assert_eq!(back.signing.as_bytes(), key.signing.as_bytes());
        assert_eq!(
            (back.not_before, back.not_after),
            (key.not_before, key.not_after)
        );

        // Rewriting (e.g. a shortened validity) replaces the file atomically.
        let shortened = EventKey {
            not_after: 1_760_000_000,
            ..key.clone()
        };
        write_secret(&keys_dir, &shortened).expect("rewrite");
        assert_eq!(
            read_secret(&keys_dir, &key.kid()).expect("read").not_after,
            1_760_000_000
        );

        let other = EventKey::generate(1, 2).expect("random");
        write_secret(&keys_dir, &other).expect("write");
        let listed: Vec<Kid> = list_secrets(&keys_dir)
            .expect("list")
            .iter()
            .map(EventKey::kid)
            .collect();
        assert_eq!(listed, vec![other.kid(), key.kid()]);
        let names: Vec<String> = fs::read_dir(&keys_dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let keys_dir = dir.path().join("keys");
        fs::create_dir(&keys_dir).expect("mkdir");
        fs::set_permissions(&keys_dir, fs::Permissions::from_mode(0o755)).expect("chmod");
        let path = write_secret(&keys_dir, &sample_key()).expect("write");
        let mode = |p: &Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&keys_dir), 0o700);
    }

    #[test]
    fn refuses_a_file_that_is_not_the_key_asked_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = sample_key();
        let other = EventKey::from_seed(&[7u8; 32], 1, 2).expect("valid");
        let path = write_secret(dir.path(), &key).expect("write");
        // The other key's file renamed to this key's name.
        let other_path = write_secret(dir.path(), &other).expect("write");
        fs::rename(&other_path, &path).expect("rename");
        let e = read_secret(dir.path(), &key.kid()).unwrap_err();
        assert!(
            matches!(&e, CredentialError::KeyFile { reason, .. } if reason.contains("does not match the kid")),
            "{e}"
        );
        let e = list_secrets(dir.path()).unwrap_err();
        assert!(
            matches!(&e, CredentialError::KeyFile { reason, .. } if reason.contains("does not match the kid")),
            "{e}"
        );
        let missing = read_secret(dir.path(), &[0u8; 8]).unwrap_err();
        assert!(
            matches!(missing, CredentialError::Io { .. }),
            "missing file: {missing}"
        );
    }

    #[test]
    fn refuses_damaged_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = sample_key();
        let path = write_secret(dir.path(), &key).expect("write");
        let good = fs::read_to_string(&path).expect("read");
        let seed = hex::encode(key.signing.as_bytes());
        for bad in [
            good.replace(&seed, &seed.to_uppercase()),
            good.replace(&seed, &seed[..62]),
            good.replace("accredit-event-key/1", "accredit-event-key/2"),
            good.replace("1763942400", "1758758400"),
            String::new(),
        ] {
            fs::write(&path, &bad).expect("write");
            let err = read_secret(dir.path(), &key.kid()).unwrap_err();
            assert!(
                matches!(err, CredentialError::KeyFile { .. }),
                "{bad}: {err}"
            );
        }
        assert!(
            list_secrets(&dir.path().join("absent"))
                .expect("no dir")
                .is_empty()
        );
    }
}
