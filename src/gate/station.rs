//! A gate station: where scans are checked and recorded. It runs on the main
//! store (a gate with the network) or on a gate package alone (an offline
//! gate, its scans in the file beside the package); both check and record a
//! scan the same way (`scan.rs`).

use std::path::Path;

use ed25519_dalek::SigningKey;

use super::enrolment::Enrolment;
use super::package::{self, CategoryLook, Package};
use crate::auth::{self, Actor, Permission};
use crate::credential::TrustList;
use crate::domain::{Checkpoint, CheckpointId, Event, ParticipantId, Zone, clean_text};
use crate::error::{Error, Result};
use crate::store::Db;
use crate::{signing, store};

/// Where a station's badges, revocations and holders come from.
pub(crate) enum Source {
    /// The main store: the station's connection is the store's.
    Store,
    /// A gate package; the station's connection is the file beside it.
    Package(Box<Package>),
}

/// A gate station, open on the main store or on a package.
pub struct Station {
    /// Where scans are recorded: the main store, or the file beside the package.
    pub(crate) conn: Db,
    pub(crate) source: Source,
    pub(crate) event: Event,
    pub(crate) trust: TrustList,
    pub(crate) zones: Vec<Zone>,
    pub(crate) categories: Vec<CategoryLook>,
    pub(crate) checkpoints: Vec<Checkpoint>,
    /// An enrolled gate's station name and key, which sign its scans.
    pub(crate) signer: Option<(String, SigningKey)>,
}

impl Station {
    /// A station on the main store, with its trust list.
    pub fn open_store(conn: Db) -> Result<Station> {
        let event = store::event::get(&conn)?;
        let trust = signing::trust_list(&conn)?;
        let zones = store::zones::list(&conn)?;
        let categories = store::categories::list(&conn)?
            .into_iter()
            .map(|c| CategoryLook {
                code: c.code,
                name: c.name,
                colour: c.colour,
            })
            .collect();
        let checkpoints = store::checkpoints::list(&conn)?;
        Ok(Station {
            conn,
            source: Source::Store,
            event,
            trust,
            zones,
            categories,
            checkpoints,
            signer: None,
        })
    }

    /// A station running from the gate package at `path` alone, checked on
    /// load against the laptop's enrolment (which then remembers the event
    /// and the trust list's sequence); its scans go to the file beside it,
    /// and so does a revocation list loaded since the package was made.
    pub fn open_package(path: &Path, enrolment: &mut Enrolment) -> Result<Station> {
        let mut package = Package::open(path, &enrolment.pin())?;
        enrolment.note_accepted(package.event.code.as_str(), package.trust_sequence)?;
        let conn = package::state::open(&package)?;
        if let Some(held) = package::state::held_revocations(&conn)?
            && let Ok(list) = package.accept_revocations(&held)
        {
            package.revocations = list;
        }
        Ok(Station {
            signer: Some((enrolment.station.clone(), enrolment.station_key.clone())),
            conn,
            event: package.event.clone(),
            trust: package.trust.clone(),
            zones: package.zones.clone(),
            categories: package.categories.clone(),
            checkpoints: package.checkpoints.clone(),
            source: Source::Package(Box::new(package)),
        })
    }

    /// The package this station runs from, if it is offline.
    pub fn package(&self) -> Option<&Package> {
        match &self.source {
            Source::Package(p) => Some(p),
            Source::Store => None,
        }
    }

    pub fn is_offline(&self) -> bool {
        self.package().is_some()
    }

    pub fn event(&self) -> &Event {
        &self.event
    }

    pub fn checkpoints(&self) -> &[Checkpoint] {
        &self.checkpoints
    }

    pub fn zones(&self) -> &[Zone] {
        &self.zones
    }

    pub fn zone(&self, number: u8) -> Zone {
        self.zones
            .iter()
            .find(|z| z.number == number)
            .cloned()
            .unwrap_or_else(|| Zone {
                number,
                code: number.to_string(),
                name: format!("Zone {number}"),
            })
    }

    pub fn category(&self, code: &str) -> Option<&CategoryLook> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// The checkpoint named `name` (case does not matter); the error lists
    /// the station's checkpoints.
    pub fn checkpoint_named(&self, name: &str) -> Result<&Checkpoint> {
        let wanted = name.trim().to_lowercase();
        self.checkpoints
            .iter()
            .find(|c| c.name.to_lowercase() == wanted)
            .ok_or_else(|| {
                let known: Vec<String> = self
                    .checkpoints
                    .iter()
                    .map(|c| format!("\"{}\"", c.name))
                    .collect();
                let place = if self.is_offline() {
                    "this gate package serves"
                } else {
                    "the event has"
                };
                Error::invalid(
                    "checkpoint",
                    format!(
                        "no checkpoint named \"{}\"; {place} {}",
                        name.trim(),
                        known.join(", ")
                    ),
                )
            })
    }

    pub fn checkpoint(&self, id: CheckpointId) -> Result<&Checkpoint> {
        self.checkpoints
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| Error::not_found("checkpoint", id))
    }

    /// Signs an operator in: against the main store, or offline against the
    /// gate officers and supervisors the package carries.
    pub fn sign_in(&mut self, name: &str, password: &str, now: i64) -> Result<Actor> {
        match &self.source {
            Source::Store => auth::sign_in(&self.conn, name, password, now),
            Source::Package(p) => package::state::sign_in(p, &self.conn, name, password, now),
        }
    }

    /// A participant's printed name, for the list of recent scans.
    pub(crate) fn name_of(&self, participant: ParticipantId) -> Result<Option<String>> {
        match &self.source {
            Source::Store => store::gate::printed_name_of(&self.conn, participant),
            Source::Package(p) => Ok(p.holder(participant)?.map(|h| h.name)),
        }
    }

    /// Warnings the gate screen shows at all times: an offline gate whose
    /// revocation list is older than the event allows.
    pub fn warnings(&self, now: i64) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(p) = self.package() {
            let max_age = u64::from(self.event.revocation_max_age_minutes) * 60;
            if p.revocations.is_older_than(max_age, now) {
                let minutes = (now - p.revocations.issued_at as i64).max(0) / 60;
                warnings.push(format!(
                    "The revocation list is {} old: ask the organisers for a new one (accredit gate update-revocations)",
                    age_words(minutes)
                ));
            }
        }
        warnings
    }

    /// Loads a newer signed revocation list into the package (offline gates
    /// only): verified with the package's trust list, refused if its
    /// sequence is lower than the one held. Returns (sequence, revoked).
    pub fn update_revocations(&mut self, actor: &Actor, signed: &[u8]) -> Result<(u64, usize)> {
        actor.require(Permission::Scan)?;
        match &mut self.source {
            Source::Package(p) => {
                let list = p.accept_revocations(signed)?;
                package::state::keep_revocations(&self.conn, signed)?;
                let counts = (list.sequence, list.serials().len());
                p.revocations = list;
                Ok(counts)
            }
            Source::Store => Err(Error::Refused(
                "the main store makes its own revocation lists: give the gate package with --package"
                    .into(),
            )),
        }
    }
}

/// The name a station gets when none is given: the computer's host name.
pub fn default_station_name() -> String {
    std::env::var("HOSTNAME")
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|name| clean_text(&name))
        .filter(|name| !name.is_empty())
        .map(|name| name.chars().take(super::scan::MAX_STATION_CHARS).collect())
        .unwrap_or_else(|| "gate".into())
}

fn age_words(minutes: i64) -> String {
    match minutes {
        m if m < 120 => format!("{m} min"),
        m if m < 48 * 60 => format!("{} h", m / 60),
        m => format!("{} days", m / (24 * 60)),
    }
}
