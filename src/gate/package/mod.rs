//! The offline gate package: one SQLite file of its own schema
//! (`package.sql`) holding the event, the root's public key and signed
//! trust list, the revocation list signed at export, zones, categories, the
//! gate's checkpoints and, for each participant with an active badge, only
//! what the gate shows, all under one seal (`seal.rs`). A gate laptop runs
//! from it alone; its scans go to a file beside it (`state`).
//!
//! Opening a package checks it against the gate's pinned root: the signed
//! trust list (event-trust-v1 section 3), the seal's signer (the root, or a
//! key that list certifies, never the gate itself), then every table's
//! digest. A package changed after export is refused as changed.

mod export;
pub(crate) mod seal;
pub(crate) mod state;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ed25519_dalek::VerifyingKey;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::credential::{
    self, RevocationList, Seal, SignedTrustList, TrustList, TrustListRefused, kid_hex, kid_of,
};
use crate::domain::{Checkpoint, Colour, Event, EventCode, ParticipantId, Role, Zone};
use crate::error::{Error, Result};
use crate::gate::enrolment::Pin;
use crate::gate::holder::Holder;
use seal::SealPayload;

pub use export::{PackageSummary, export};

/// The `format` of the packages this version writes and reads.
pub const FORMAT: &str = "accredit-gate-package/2";
/// The unsigned packages of earlier versions.
const UNSIGNED_FORMAT: &str = "accredit-gate-package/1";
/// SQLite's application id of a gate package ("ACGP"), so that no other
/// database is taken for one.
pub const APPLICATION_ID: i32 = 0x4143_4750;
/// Photos in a package are at most this size (3:4).
pub const PHOTO_WIDTH: u32 = 150;
pub const PHOTO_HEIGHT: u32 = 200;

const SCHEMA: &str = include_str!("package.sql");

/// A category as the gate shows it: its code, name and colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryLook {
    pub code: String,
    pub name: String,
    pub colour: Colour,
}

/// An opened, checked gate package.
pub struct Package {
    path: PathBuf,
    conn: Connection,
    pub event: Event,
    pub trust: TrustList,
    /// The signed trust list's sequence.
    pub trust_sequence: u64,
    /// The revocation list in force: the package's, or a newer one loaded
    /// into the gate since (kept beside the package, see `state`).
    pub revocations: RevocationList,
    pub zones: Vec<Zone>,
    pub categories: Vec<CategoryLook>,
    pub checkpoints: Vec<Checkpoint>,
    pub created_at: i64,
    pub created_by: String,
    /// Who sealed it: the root's kid or a certified key's, as hex.
    pub sealed_by: String,
    seal: SealPayload,
}

/// An operator who may sign in at an offline gate.
pub(crate) struct PackageOperator {
    pub name: String,
    pub role: Role,
    pub password_hash: String,
}

fn not_a_package(path: &Path, why: impl std::fmt::Display) -> Error {
    Error::Refused(format!(
        "{} is not a usable gate package: {why}",
        path.display()
    ))
}

/// The refusal of a package whose content is not what was signed.
fn changed(path: &Path, what: &str) -> Error {
    Error::Refused(format!(
        "{}: this package was changed after export (what changed: {what}); it is refused, export a new one from the desk",
        path.display()
    ))
}

fn open_file(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::Refused(format!(
            "{}: no such gate package",
            path.display()
        )));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_a_package(path, e))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| not_a_package(path, e))?;
    if app_id != APPLICATION_ID {
        return Err(not_a_package(
            path,
            "it was not made by `accredit gate export`",
        ));
    }
    let format: String = conn
        .query_row("SELECT format FROM package WHERE id = 1", [], |r| r.get(0))
        .map_err(|e| not_a_package(path, e))?;
    if format == UNSIGNED_FORMAT {
        return Err(not_a_package(
            path,
            "it is an unsigned package of an earlier version; export a new one from the desk",
        ));
    }
    if format != FORMAT {
        return Err(not_a_package(
            path,
            format!("its format is {format:?}, this version reads {FORMAT:?}"),
        ));
    }
    Ok(conn)
}

/// The root public key a package names, unchecked: for enrolment by
/// package, which first compares its fingerprint with the one typed.
pub fn root_of(path: &Path) -> Result<VerifyingKey> {
    let conn = open_file(path)?;
    let bytes: Vec<u8> = conn
        .query_row(
            "SELECT root_public_key FROM package WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .map_err(|e| not_a_package(path, e))?;
    <[u8; 32]>::try_from(bytes.as_slice())
        .ok()
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
        .ok_or_else(|| not_a_package(path, "its root public key is not an Ed25519 key"))
}

impl Package {
    /// Opens the package at `path` and checks it against `pin`: the signed
    /// trust list with the pinned root, the seal with the root or a key it
    /// certifies (never the gate's own), every table's digest, then the
    /// revocation list and at least one checkpoint.
    pub fn open(path: &Path, pin: &Pin) -> Result<Package> {
        let conn = open_file(path)?;
        let (event_json, signed_trust, created_at, created_by): (String, Vec<u8>, i64, String) =
            conn.query_row(
                "SELECT event, trust_list, created_at, created_by FROM package WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(|e| not_a_package(path, e))?;
        let signed = match SignedTrustList::verify(&signed_trust, &pin.root, None, None) {
            Ok(list) => list,
            Err(TrustListRefused::OtherRoot { found, .. }) => {
                return Err(Error::Refused(format!(
                    "{}: this package is signed by another root (kid {found}) than the one this gate is enrolled with (fingerprint {}): it is for another event, or it was re-signed; it is refused",
                    path.display(),
                    credential::fingerprint(&pin.root)
                )));
            }
            // Under the root's kid but not as the root signed it.
            Err(_) => return Err(changed(path, "its trust list")),
        };
        if let Some(expected) = &pin.event
            && signed.trust.event != *expected
        {
            return Err(Error::Refused(format!(
                "{}: this package is for event {}, this gate is enrolled for event {expected}",
                path.display(),
                signed.trust.event
            )));
        }
        if let Some(held) = pin.held_sequence
            && signed.sequence < held
        {
            return Err(Error::Refused(format!(
                "{}: this package carries trust list {}, older than list {held} this gate has already seen; export a new package",
                path.display(),
                signed.sequence
            )));
        }
        let seal_bytes: Vec<u8> = conn
            .query_row("SELECT signed FROM package_seal WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| not_a_package(path, e))?
            .ok_or_else(|| changed(path, "its seal is missing"))?;
        let seal = Seal::parse(&seal_bytes).map_err(|why| {
            changed(
                path,
                &format!("its seal cannot be read ({why}): its content"),
            )
        })?;
        let signer = seal.kid();
        if pin.own_kid == Some(signer) {
            return Err(Error::Refused(format!(
                "{}: this package is signed by this gate's own key; a gate never trusts what it signed itself",
                path.display()
            )));
        }
        let key = if signer == kid_of(&pin.root) {
            Some(pin.root)
        } else {
            signed
                .trust
                .keys_with_kid(&signer)
                .map(|k| k.public_key)
                .find(|k| seal.open(k).is_some())
        };
        let Some(key) = key else {
            return Err(Error::Refused(format!(
                "{}: this package is sealed by key {}, which is not the root and not certified by its trust list; it is refused",
                path.display(),
                kid_hex(&signer)
            )));
        };
        let payload = seal
            .open(&key)
            .and_then(SealPayload::decode)
            .ok_or_else(|| changed(path, "its seal"))?;
        let now_digests = seal::digests(&conn).map_err(|e| not_a_package(path, e))?;
        if let Some(table) = payload.first_change(&now_digests) {
            return Err(changed(path, seal::table_words(&table)));
        }
        // From here on every byte read is what the root (or a key it
        // certifies) signed.
        let event: Event = serde_json::from_str(&event_json)
            .map_err(|e| not_a_package(path, format!("its event cannot be read: {e}")))?;
        EventCode::parse(event.code.as_str()).map_err(|e| not_a_package(path, e))?;
        if signed.trust.event != event.code.as_str() || payload.event != event.code.as_str() {
            return Err(not_a_package(
                path,
                format!(
                    "its trust list is for event {}, the package for {}",
                    signed.trust.event, event.code
                ),
            ));
        }
        let revocation_bytes: Vec<u8> = conn
            .query_row("SELECT signed FROM revocation_list WHERE id = 1", [], |r| {
                r.get(0)
            })
            .map_err(|e| not_a_package(path, format!("its revocation list: {e}")))?;
        let revocations = RevocationList::verify(&revocation_bytes, &signed.trust)
            .map_err(|e| not_a_package(path, format!("its revocation list: {e}")))?;
        let mut package = Package {
            path: path.to_path_buf(),
            event,
            trust: signed.trust,
            trust_sequence: signed.sequence,
            revocations,
            zones: Vec::new(),
            categories: Vec::new(),
            checkpoints: Vec::new(),
            created_at,
            created_by,
            sealed_by: kid_hex(&signer),
            seal: payload,
            conn,
        };
        package
            .load_reference()
            .map_err(|e| not_a_package(path, e))?;
        if package.checkpoints.is_empty() {
            return Err(not_a_package(path, "it names no checkpoint"));
        }
        Ok(package)
    }

    /// Checks again that no table changed since the package was opened
    /// (before a new revocation list is taken).
    pub fn check_unchanged(&self) -> Result<()> {
        let now = seal::digests(&self.conn)?;
        match self.seal.first_change(&now) {
            Some(table) => Err(changed(&self.path, seal::table_words(&table))),
            None => Ok(()),
        }
    }

    fn load_reference(&mut self) -> Result<()> {
        let conn = &self.conn;
        self.zones = conn
            .prepare("SELECT number, code, name FROM zones ORDER BY number")?
            .query_map([], |r| {
                Ok(Zone {
                    number: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        self.categories = conn
            .prepare("SELECT code, name, colour FROM categories ORDER BY code")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?)))?
            .map(|row| {
                let (code, name, colour) = row?;
                let colour = Colour::parse(&colour).map_err(Error::Other)?;
                Ok(CategoryLook { code, name, colour })
            })
            .collect::<Result<_>>()?;
        self.checkpoints = conn
            .prepare("SELECT id, name, zone, directions FROM checkpoints ORDER BY zone, name")?
            .query_map([], |r| {
                Ok(Checkpoint {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    zone: r.get(2)?,
                    directions: r.get::<_, String>(3)?.parse().map_err(|e: String| {
                        rusqlite::Error::FromSqlConversionFailure(
                            3,
                            rusqlite::types::Type::Text,
                            e.into(),
                        )
                    })?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The participant's record, with their badge when the package was made.
    pub(crate) fn holder(&self, participant: ParticipantId) -> Result<Option<Holder>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT h.participant_id, h.serial, h.name, h.delegation, h.delegation_name, p.jpeg
                 FROM holders h LEFT JOIN photos p ON p.hash = h.photo_hash
                 WHERE h.participant_id = ?1",
            )?
            .query_row([participant], |r| {
                Ok(Holder {
                    participant: r.get(0)?,
                    serial: r.get::<_, i64>(1)? as u64,
                    name: r.get(2)?,
                    delegation: r.get(3)?,
                    delegation_name: r.get(4)?,
                    photo: r.get::<_, Option<Vec<u8>>>(5)?.map(Arc::from),
                })
            })
            .optional()?)
    }

    /// How many holders the package carries.
    pub fn holder_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM holders", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// The operator `name`, if the package lets them sign in.
    pub(crate) fn operator(&self, name: &str) -> Result<Option<PackageOperator>> {
        let row: Option<(String, String, String)> = self
            .conn
            .query_row(
                "SELECT name, role, password_hash FROM operators WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        row.map(|(name, role, password_hash)| {
            Ok(PackageOperator {
                name,
                role: role.parse().map_err(Error::Other)?,
                password_hash,
            })
        })
        .transpose()
    }

    /// Checks a newer signed revocation list for this package: the package
    /// is checked again first, then the list with the package's signed
    /// trust list, and it must not be older (by sequence) than the one in
    /// force. The caller keeps it (beside the package) and uses it.
    pub fn accept_revocations(&self, signed: &[u8]) -> Result<RevocationList> {
        self.check_unchanged()?;
        let candidate = RevocationList::verify(signed, &self.trust)
            .map_err(|e| Error::Refused(format!("the revocation list is refused: {e}")))?;
        RevocationList::accept_newer(Some(&self.revocations), candidate)
            .map_err(|e| Error::Refused(format!("the revocation list is refused: {e}")))
    }
}

/// Creates the schema of a new package in `conn`.
pub(crate) fn create_schema(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", 2)?;
    conn.execute_batch(SCHEMA)?;
    Ok(())
}
