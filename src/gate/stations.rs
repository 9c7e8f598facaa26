//! The gate stations an event enrolled: each one's name and public key,
//! from the station file its enrolment wrote (`accredit gate enrol`). Only
//! scans signed by one of these keys come home (`transfer`).

use crate::store::Db;
use serde::Serialize;

use super::enrolment::{STATION_FILE_FORMAT, StationFile};
use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::{self, kid_hex, kid_of};
use crate::error::{Error, Result};
use crate::store;
use crate::store::root::StationRecord;

/// An enrolled station as listed. Field names are part of the CLI's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StationView {
    pub name: String,
    pub kid: String,
    pub public_key: String,
    pub fingerprint: String,
    pub enrolled_at: i64,
    pub enrolled_by: String,
}

impl From<StationRecord> for StationView {
    fn from(s: StationRecord) -> Self {
        let fingerprint = ed25519_dalek::VerifyingKey::from_bytes(&s.public_key)
            .map(|k| credential::fingerprint(&k))
            .unwrap_or_default();
        StationView {
            name: s.name,
            kid: kid_hex(&s.kid),
            public_key: hex::encode(s.public_key),
            fingerprint,
            enrolled_at: s.enrolled_at,
            enrolled_by: s.enrolled_by,
        }
    }
}

/// Reads a station file written by `accredit gate enrol -o FILE`.
pub fn read_station_file(path: &std::path::Path) -> Result<StationFile> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let file: StationFile = serde_json::from_str(&text).map_err(|e| {
        Error::Refused(format!(
            "{} is not a station file written by `accredit gate enrol`: {e}",
            path.display()
        ))
    })?;
    if file.format != STATION_FILE_FORMAT {
        return Err(Error::Refused(format!(
            "{}: the format is {:?}, this version reads {STATION_FILE_FORMAT:?}",
            path.display(),
            file.format
        )));
    }
    Ok(file)
}

/// Enrols a gate station on the event's side: its scans will be taken.
/// Administrators only (`ManageKeys`), audited.
pub fn add(conn: &mut Db, actor: &Actor, name: &str, public_key_hex: &str) -> Result<StationView> {
    actor.require(Permission::ManageKeys)?;
    let name = crate::domain::clean_text(name);
    if name.is_empty() || name.chars().count() > super::scan::MAX_STATION_CHARS {
        return Err(Error::invalid(
            "name",
            format!(
                "a station's name must be 1 to {} characters",
                super::scan::MAX_STATION_CHARS
            ),
        ));
    }
    let key = credential::parse_public_key(public_key_hex)
        .map_err(|why| Error::invalid("public_key", format!("the station's public key: {why}")))?;
    if signing_root_is(conn, &key)? {
        return Err(Error::invalid(
            "public_key",
            "this is the event's root key, not a station's",
        ));
    }
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    if store::root::station_by_name(&tx, &name)?.is_some() {
        return Err(Error::Refused(format!(
            "a station named {name:?} is enrolled already: remove it first, or choose another name"
        )));
    }
    if let Some(other) = store::root::station_by_kid(&tx, &kid_of(&key))? {
        return Err(Error::Refused(format!(
            "this key is enrolled already, as station {:?}",
            other.name
        )));
    }
    let mut record = StationRecord {
        id: 0,
        name: name.clone(),
        kid: kid_of(&key),
        public_key: key.to_bytes(),
        enrolled_at: now,
        enrolled_by: actor.name.clone(),
    };
    record.id = store::root::insert_station(&tx, &record)?;
    audit::record(
        &tx,
        actor,
        now,
        Change::new("gate.station.enrol", "gate_station", &name),
        None::<&()>,
        Some(
            &serde_json::json!({"kid": kid_hex(&record.kid), "public_key": hex::encode(record.public_key)}),
        ),
    )?;
    tx.commit()?;
    Ok(record.into())
}

fn signing_root_is(conn: &Db, key: &ed25519_dalek::VerifyingKey) -> Result<bool> {
    Ok(crate::signing::root_public(conn).is_ok_and(|root| root == *key))
}

/// Every enrolled station, by name.
pub fn list(conn: &Db, actor: &Actor) -> Result<Vec<StationView>> {
    actor.require(Permission::ManageKeys)?;
    Ok(store::root::stations(conn)?
        .into_iter()
        .map(StationView::from)
        .collect())
}

/// Withdraws a station: its scans files are refused from now on (the scans
/// already merged stay). Audited.
pub fn remove(conn: &mut Db, actor: &Actor, name: &str) -> Result<()> {
    actor.require(Permission::ManageKeys)?;
    let tx = conn.transaction()?;
    let Some(station) = store::root::station_by_name(&tx, name.trim())? else {
        return Err(Error::not_found("station", name.trim()));
    };
    store::root::delete_station(&tx, &station.name)?;
    audit::record(
        &tx,
        actor,
        crate::clock::now(),
        Change::new("gate.station.remove", "gate_station", &station.name),
        Some(&serde_json::json!({"kid": kid_hex(&station.kid)})),
        None::<&()>,
    )?;
    tx.commit()?;
    Ok(())
}
