//! A gate laptop's enrolment, kept in its data directory (`gate/`): the
//! event root it pins (event-trust-v1 section 1), the event once known, the
//! highest trust-list sequence it has seen, and the station's own key pair
//! (its secret in `gate/station.key`, owner-only), which signs the scans it
//! sends home. The event learns the station's public half from the station
//! file that enrolment writes (`accredit gate stations add FILE`).

use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::credential::{self, Kid, kid_hex, kid_of};
use crate::error::{Error, Result};

pub const ENROLMENT_FORMAT: &str = "accredit-gate-enrolment/1";
pub const STATION_KEY_FORMAT: &str = "accredit-station-key/1";
pub const STATION_FILE_FORMAT: &str = "accredit-gate-station/1";
const DIR: &str = "gate";

/// What a gate is pinned to when it opens a package.
#[derive(Debug, Clone)]
pub struct Pin {
    pub root: VerifyingKey,
    /// The event the gate serves, once known.
    pub event: Option<String>,
    /// The highest trust-list sequence seen: an older list is refused.
    pub held_sequence: Option<u64>,
    /// The gate's own key: a package it signed itself is never trusted.
    pub own_kid: Option<Kid>,
}

impl Pin {
    /// A pin on `root` alone (a verifier, or enrolment from a package).
    pub fn root(root: VerifyingKey) -> Pin {
        Pin {
            root,
            event: None,
            held_sequence: None,
            own_kid: None,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnrolmentFile {
    format: String,
    root_public_key: String,
    event: Option<String>,
    trust_sequence: u64,
    station: String,
    station_kid: String,
    enrolled_at: i64,
}

/// This laptop's enrolment as a gate. `Debug` never shows the secret.
pub struct Enrolment {
    data_dir: PathBuf,
    pub root: VerifyingKey,
    pub event: Option<String>,
    pub trust_sequence: u64,
    pub station: String,
    pub station_key: SigningKey,
    pub enrolled_at: i64,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Enrolment")
            .field("root", &kid_hex(&kid_of(&self.root)))
            .field("event", &self.event)
            .field("station", &self.station)
            .field("station_kid", &kid_hex(&self.station_kid()))
            .finish_non_exhaustive()
    }
}

/// The station's public half, as the enrolment writes it for the desk.
/// Field names are part of the file format and the CLI's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StationFile {
    pub format: String,
    pub name: String,
    pub public_key: String,
    pub kid: String,
    pub fingerprint: String,
}

/// What `accredit gate enrol` did. Field names are part of the CLI's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnrolSummary {
    pub root_public_key: String,
    pub root_kid: String,
    pub fingerprint: String,
    pub event: Option<String>,
    pub station: StationFile,
}

fn enrolment_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR).join("enrolment.json")
}

fn station_key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR).join("station.key")
}

fn not_enrolled(data_dir: &Path) -> Error {
    Error::Refused(format!(
        "this laptop is not enrolled as a gate (no enrolment in {}): an administrator enrols it once with `accredit gate enrol --root HEX` (the root public key that `accredit keys root` shows on the desk), or `accredit gate enrol --package FILE --fingerprint \"…\"` with the fingerprint read off the desk's screen",
        data_dir.display()
    ))
}

impl Enrolment {
    /// Whether this data directory holds an enrolment.
    pub fn exists(data_dir: &Path) -> bool {
        enrolment_path(data_dir).is_file()
    }

    /// The enrolment of this data directory; refused, with how to enrol,
    /// when there is none.
    pub fn load(data_dir: &Path) -> Result<Enrolment> {
        let path = enrolment_path(data_dir);
        if !path.is_file() {
            return Err(not_enrolled(data_dir));
        }
        let broken = |why: String| {
            Error::Refused(format!(
                "the gate enrolment {} cannot be read ({why}): enrol the laptop again with --replace",
                path.display()
            ))
        };
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let file: EnrolmentFile = serde_json::from_str(&text).map_err(|e| broken(e.to_string()))?;
        if file.format != ENROLMENT_FORMAT {
            return Err(broken(format!("format {:?}", file.format)));
        }
        let root = credential::parse_public_key(&file.root_public_key).map_err(broken)?;
        let station_key =
            credential::read_plain_key(&station_key_path(data_dir), STATION_KEY_FORMAT)
                .map_err(|e| broken(e.to_string()))?;
        if kid_hex(&kid_of(&station_key.verifying_key())) != file.station_kid {
            return Err(broken("the station key is not the one enrolled".into()));
        }
        Ok(Enrolment {
            data_dir: data_dir.to_path_buf(),
            root,
            event: file.event,
            trust_sequence: file.trust_sequence,
            station: file.station,
            station_key,
            enrolled_at: file.enrolled_at,
        })
    }

    /// Enrols this laptop with `root`, making the station's key pair. An
    /// enrolment already there is kept unless `replace`: re-pinning a gate
    /// to another root is a deliberate act.
    pub fn enrol(
        data_dir: &Path,
        root: VerifyingKey,
        event: Option<String>,
        station: &str,
        replace: bool,
        now: i64,
    ) -> Result<Enrolment> {
        let station = crate::domain::clean_text(station);
        if station.is_empty() || station.chars().count() > super::scan::MAX_STATION_CHARS {
            return Err(Error::invalid(
                "station",
                format!(
                    "the station's name must be 1 to {} characters",
                    super::scan::MAX_STATION_CHARS
                ),
            ));
        }
        if Enrolment::exists(data_dir) && !replace {
            let held = Enrolment::load(data_dir).ok();
            let same = held.as_ref().is_some_and(|h| h.root == root);
            return Err(Error::Refused(format!(
                "this laptop is already enrolled{}: add --replace to enrol it again (a new station key, to be added on the desk again)",
                if same {
                    " with this root".to_owned()
                } else {
                    held.map(|h| format!(" with root {}", credential::fingerprint(&h.root)))
                        .unwrap_or_default()
                }
            )));
        }
        crate::workspace::create_private_dir(data_dir)?;
        crate::workspace::create_private_dir(&data_dir.join(DIR))?;
        let station_key =
            credential::generate_plain_key().map_err(|e| Error::Other(e.to_string()))?;
        credential::write_plain_key(
            &station_key_path(data_dir),
            STATION_KEY_FORMAT,
            &station_key,
        )
        .map_err(|e| Error::Other(e.to_string()))?;
        let enrolment = Enrolment {
            data_dir: data_dir.to_path_buf(),
            root,
            event,
            trust_sequence: 0,
            station,
            station_key,
            enrolled_at: now,
        };
        enrolment.save()?;
        Ok(enrolment)
    }

    fn save(&self) -> Result<()> {
        let file = EnrolmentFile {
            format: ENROLMENT_FORMAT.into(),
            root_public_key: hex::encode(self.root.as_bytes()),
            event: self.event.clone(),
            trust_sequence: self.trust_sequence,
            station: self.station.clone(),
            station_kid: kid_hex(&self.station_kid()),
            enrolled_at: self.enrolled_at,
        };
        let mut json = serde_json::to_string_pretty(&file)
            .map_err(|e| Error::Other(format!("could not write the enrolment: {e}")))?;
        json.push('\n');
        crate::files::write_atomic(&enrolment_path(&self.data_dir), json.as_bytes())
    }

    pub fn station_kid(&self) -> Kid {
        kid_of(&self.station_key.verifying_key())
    }

    /// What the gate opens packages against.
    pub fn pin(&self) -> Pin {
        Pin {
            root: self.root,
            event: self.event.clone(),
            held_sequence: Some(self.trust_sequence),
            own_kid: Some(self.station_kid()),
        }
    }

    /// Remembers the event and the highest trust-list sequence seen in an
    /// accepted package, so an older package is refused from now on.
    pub fn note_accepted(&mut self, event: &str, sequence: u64) -> Result<()> {
        if self.event.as_deref() == Some(event) && sequence <= self.trust_sequence {
            return Ok(());
        }
        self.event = Some(event.to_owned());
        self.trust_sequence = self.trust_sequence.max(sequence);
        self.save()
    }

    pub fn station_file(&self) -> StationFile {
        let public = self.station_key.verifying_key();
        StationFile {
            format: STATION_FILE_FORMAT.into(),
            name: self.station.clone(),
            public_key: hex::encode(public.as_bytes()),
            kid: kid_hex(&kid_of(&public)),
            fingerprint: credential::fingerprint(&public),
        }
    }

    pub fn summary(&self) -> EnrolSummary {
        EnrolSummary {
            root_public_key: hex::encode(self.root.as_bytes()),
            root_kid: kid_hex(&kid_of(&self.root)),
            fingerprint: credential::fingerprint(&self.root),
            event: self.event.clone(),
            station: self.station_file(),
        }
    }
}

/// Enrols with the root a package carries, only if its fingerprint is the
/// one typed (read off the desk's screen), and only if the package itself
/// checks out against that root.
pub fn enrol_from_package(
    data_dir: &Path,
    package: &Path,
    typed_fingerprint: &str,
    station: &str,
    replace: bool,
    now: i64,
) -> Result<Enrolment> {
    let typed = credential::normalise_fingerprint(typed_fingerprint).ok_or_else(|| {
        Error::invalid(
            "fingerprint",
            "type the 32 hex digits of the fingerprint the desk shows (`accredit keys root`), e.g. \"3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7\"",
        )
    })?;
    let root = super::package::root_of(package)?;
    let found = credential::fingerprint(&root);
    if found != typed {
        return Err(Error::Refused(format!(
            "the package's root has fingerprint {found}, not the {typed} typed: this package is not from the event's desk, do not enrol with it"
        )));
    }
    let checked = super::package::Package::open(package, &Pin::root(root))?;
    let event = checked.event.code.to_string();
    let sequence = checked.trust_sequence;
    drop(checked);
    let mut enrolment =
        Enrolment::enrol(data_dir, root, Some(event.clone()), station, replace, now)?;
    enrolment.note_accepted(&event, sequence)?;
    Ok(enrolment)
}

/// Enrols with a root public key given as 64 hex digits.
pub fn enrol_with_root(
    data_dir: &Path,
    root_hex: &str,
    station: &str,
    replace: bool,
    now: i64,
) -> Result<Enrolment> {
    let root = credential::parse_public_key(root_hex)
        .map_err(|why| Error::invalid("root", format!("the root public key: {why}")))?;
    Enrolment::enrol(data_dir, root, None, station, replace, now)
}
