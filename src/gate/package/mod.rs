//! The offline gate package: one SQLite file of its own schema
//! (`package.sql`) holding the event, the trust list, the latest signed
//! revocation list, zones, categories, the gate's checkpoints and, for each
//! participant with an active badge, only what the gate shows. A gate laptop
//! runs from it alone; its scans go to a file beside it (`state`).
//!
//! Opening a package checks it: the file type and format, that the trust
//! list is the event's, and the signature of the revocation list.

mod export;
pub(crate) mod state;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::credential::{RevocationList, TrustList};
use crate::domain::{Checkpoint, Colour, Event, EventCode, ParticipantId, Role, Zone};
use crate::error::{Error, Result};
use crate::gate::holder::Holder;

pub use export::{PackageSummary, export};

/// The `format` of the packages this version writes and reads.
pub const FORMAT: &str = "accredit-gate-package/1";
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
    pub revocations: RevocationList,
    pub zones: Vec<Zone>,
    pub categories: Vec<CategoryLook>,
    pub checkpoints: Vec<Checkpoint>,
    pub created_at: i64,
    pub created_by: String,
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

impl Package {
    /// Opens the package at `path` and checks it: a gate package of this
    /// format, an event and a trust list for that event, a revocation list
    /// signed by one of its keys, at least one checkpoint.
    pub fn open(path: &Path) -> Result<Package> {
        if !path.is_file() {
            return Err(Error::Refused(format!(
                "{}: no such gate package",
                path.display()
            )));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
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
        let (format, event_json, trust_json, created_at, created_by): (
            String,
            String,
            String,
            i64,
            String,
        ) = conn
            .query_row(
                "SELECT format, event, trust_list, created_at, created_by FROM package WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .map_err(|e| not_a_package(path, e))?;
        if format != FORMAT {
            return Err(not_a_package(
                path,
                format!("its format is {format:?}, this version reads {FORMAT:?}"),
            ));
        }
        let event: Event = serde_json::from_str(&event_json)
            .map_err(|e| not_a_package(path, format!("its event cannot be read: {e}")))?;
        EventCode::parse(event.code.as_str()).map_err(|e| not_a_package(path, e))?;
        let trust = TrustList::from_json(&trust_json)
            .map_err(|e| not_a_package(path, format!("its trust list: {e}")))?;
        if trust.event != event.code.as_str() {
            return Err(not_a_package(
                path,
                format!(
                    "its trust list is for event {}, the package for {}",
                    trust.event, event.code
                ),
            ));
        }
        if trust.keys.is_empty() {
            return Err(not_a_package(path, "its trust list holds no key"));
        }
        let signed: Vec<u8> = conn
            .query_row("SELECT signed FROM revocation_list WHERE id = 1", [], |r| {
                r.get(0)
            })
            .map_err(|e| not_a_package(path, format!("its revocation list: {e}")))?;
        let revocations = RevocationList::verify(&signed, &trust)
            .map_err(|e| not_a_package(path, format!("its revocation list: {e}")))?;
        let mut package = Package {
            path: path.to_path_buf(),
            event,
            trust,
            revocations,
            zones: Vec::new(),
            categories: Vec::new(),
            checkpoints: Vec::new(),
            created_at,
            created_by,
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
                    directions: crate::store::parse_column(3, r.get(3)?)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
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

    /// Replaces the package's revocation list with `signed`, once it is
    /// verified with the package's trust list and is not older (by
    /// sequence) than the one held. Returns the list now held.
    pub fn update_revocations(&mut self, signed: &[u8]) -> Result<&RevocationList> {
        let candidate = RevocationList::verify(signed, &self.trust)
            .map_err(|e| Error::Refused(format!("the revocation list is refused: {e}")))?;
        let newer = RevocationList::accept_newer(Some(&self.revocations), candidate)
            .map_err(|e| Error::Refused(format!("the revocation list is refused: {e}")))?;
        self.conn.execute(
            "UPDATE revocation_list SET signed = ?1 WHERE id = 1",
            params![signed],
        )?;
        self.revocations = newer;
        Ok(&self.revocations)
    }
}

/// Creates the schema of a new package in `conn`.
pub(crate) fn create_schema(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", 1)?;
    conn.execute_batch(SCHEMA)?;
    Ok(())
}
