//! The event root (event-trust-v1): made with the event, its secret in
//! `keys/<kid>.root`, its public half in the store. It signs trust lists,
//! never a badge. An event made before the root existed gets one the first
//! time the program opens it ([`ensure_root`]), audited.

use crate::store::{Db, Tx};
use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::{self, SignedTrustList, kid_hex, kid_of};
use crate::error::{Error, Result};
use crate::store;
use crate::store::root::RootRecord;
use crate::workspace::Workspace;

/// The `format` of root key files.
pub const ROOT_KEY_FORMAT: &str = "accredit-root-key/1";

/// The root's public half as `accredit keys root` shows it. Field names are
/// part of the CLI's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RootInfo {
    /// 64 lowercase hex digits: what gates and verifiers pin.
    pub public_key: String,
    pub kid: String,
    /// What people compare: 8 groups of 4 uppercase hex digits.
    pub fingerprint: String,
}

impl RootInfo {
    pub fn of(key: &VerifyingKey) -> RootInfo {
        RootInfo {
            public_key: hex::encode(key.as_bytes()),
            kid: kid_hex(&kid_of(key)),
            fingerprint: credential::fingerprint(key),
        }
    }
}

/// Where the root's secret lives in `keys_dir`.
pub fn root_secret_path(keys_dir: &Path, kid: &[u8; 8]) -> PathBuf {
    keys_dir.join(format!("{}.root", kid_hex(kid)))
}

fn credential_error(e: credential::CredentialError) -> Error {
    Error::Other(e.to_string())
}

/// Makes the event's root key inside `tx`: the secret to `keys_dir`, the
/// public half into the store.
pub fn create_root(keys_dir: &Path, tx: &Tx, now: i64) -> Result<RootRecord> {
    let key = credential::generate_plain_key().map_err(credential_error)?;
    let public = key.verifying_key();
    crate::workspace::create_private_dir(keys_dir)?;
    credential::write_plain_key(
        &root_secret_path(keys_dir, &kid_of(&public)),
        ROOT_KEY_FORMAT,
        &key,
    )
    .map_err(credential_error)?;
    let record = RootRecord {
        kid: kid_of(&public),
        public_key: public.to_bytes(),
        created_at: now,
    };
    store::root::insert(tx, &record)?;
    Ok(record)
}

/// Gives an event that has none (made before v7) its root key, with the
/// audit entry `keys.root.create`. Does nothing for a store with no event.
pub fn ensure_root(keys_dir: &Path, conn: &mut Db) -> Result<()> {
    if store::root::get(conn)?.is_some() || store::event::find(conn)?.is_none() {
        return Ok(());
    }
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    if store::root::get(&tx)?.is_some() {
        return Ok(());
    }
    let record = create_root(keys_dir, &tx, now)?;
    audit::record(
        &tx,
        &Actor::system(),
        now,
        Change::new("keys.root.create", "root_key", kid_hex(&record.kid)),
        None::<&()>,
        Some(&serde_json::json!({"kid": kid_hex(&record.kid), "migrated": true})),
    )?;
    tx.commit()?;
    Ok(())
}

/// The root's public key as stored.
pub fn root_public(conn: &Db) -> Result<VerifyingKey> {
    let record = store::root::get(conn)?
        .ok_or_else(|| Error::Refused("this event has no root key yet".into()))?;
    VerifyingKey::from_bytes(&record.public_key)
        .map_err(|e| Error::Other(format!("the stored root key is not valid: {e}")))
}

/// The root's public half, for `accredit keys root`.
pub fn root_info(conn: &Db) -> Result<RootInfo> {
    Ok(RootInfo::of(&root_public(conn)?))
}

/// The root's secret, from `keys/`.
pub fn root_key(keys_dir: &Path, conn: &Db) -> Result<SigningKey> {
    let public = root_public(conn)?;
    let path = root_secret_path(keys_dir, &kid_of(&public));
    let key = credential::read_plain_key(&path, ROOT_KEY_FORMAT).map_err(|e| {
        Error::Refused(format!(
            "the event's root key is not in {} ({e}): this copy of the event cannot sign trust lists; restore the keys from a backup made with --with-keys",
            keys_dir.display()
        ))
    })?;
    if key.verifying_key() != public {
        return Err(Error::Refused(format!(
            "{} holds another root key than the event's",
            path.display()
        )));
    }
    Ok(key)
}

/// A signed trust list made now inside `tx`: the event's trust list as of
/// `now`, the next sequence, signed by the root and kept in the store.
pub fn sign_trust_list_in(keys_dir: &Path, tx: &Tx, now: i64) -> Result<(u64, Vec<u8>)> {
    let trust = super::trust_list(tx)?;
    if trust.keys.is_empty() {
        return Err(Error::Refused(
            "this event has no valid signing key: run `accredit keys rotate` first".into(),
        ));
    }
    let root = root_key(keys_dir, tx)?;
    store::lock_sequence(tx, store::Sequence::TrustLists)?;
    let sequence = store::root::next_trust_list_sequence(tx)?;
    let signed =
        SignedTrustList::sign(&trust, now.max(0) as u64, sequence, &root).map_err(Error::Other)?;
    store::root::insert_trust_list(tx, sequence, now, &signed)?;
    Ok((sequence, signed))
}

/// The signed trust list (`.acrt` bytes) that a gate package carries. Where the root key is on this machine, a new list is
/// signed now. Elsewhere (a desk enrolled on a shared event) it is the
/// newest list that the root signed, which must certify `sealer`, the
/// desk's own key, so that a desk publishes packages without the root
/// being online.
pub fn package_trust_list(keys_dir: &Path, tx: &Tx, now: i64, sealer: &[u8; 8]) -> Result<Vec<u8>> {
    if root_secret_path(keys_dir, &kid_of(&root_public(tx)?)).exists() {
        let (_, signed) = sign_trust_list_in(keys_dir, tx, now)?;
        return Ok(signed);
    }
    let no_list = || {
        Error::Refused(format!(
            "the event's root key is not on this machine, and no trust list signed by the root certifies this desk's key {}: on the machine that holds the root, run `accredit keys trust-list --signed -o FILE`, then export the package again",
            kid_hex(sealer)
        ))
    };
    let signed = store::root::latest_trust_list(tx)?.ok_or_else(no_list)?;
    let event = store::event::get(tx)?;
    let list = SignedTrustList::verify(&signed, &root_public(tx)?, Some(event.code.as_str()), None)
        .map_err(|e| Error::Refused(format!("the newest signed trust list is refused: {e}")))?;
    if !list.trust.keys.iter().any(|k| &k.kid == sealer) {
        return Err(no_list());
    }
    Ok(signed)
}

/// `accredit keys trust-list --signed`: a new signed trust list, audited.
pub fn sign_trust_list(
    ws: &Workspace,
    conn: &mut Db,
    actor: &Actor,
) -> Result<(u64, usize, Vec<u8>)> {
    actor.require(Permission::ManageKeys)?;
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let (sequence, signed) = sign_trust_list_in(&ws.keys_dir(), &tx, now)?;
    let keys = super::trust_list(&tx)?.keys.len();
    audit::record(
        &tx,
        actor,
        now,
        Change::new("keys.trust_list.sign", "trust_list", sequence),
        None::<&()>,
        Some(&serde_json::json!({"sequence": sequence, "keys": keys})),
    )?;
    tx.commit()?;
    Ok((sequence, keys, signed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::EventForm;

    fn new_event(ws: &Workspace) {
        let event = EventForm {
            code: "GVA26".into(),
            name: "Geneva Review Conference".into(),
            venue: "Palais des Nations".into(),
            time_zone: "Europe/Zurich".into(),
            start_date: "2027-05-04".into(),
            end_date: "2027-05-06".into(),
            ..EventForm::new()
        }
        .parse(None)
        .unwrap();
        crate::setup::init(ws, &event, "organiser", "correct horse").unwrap();
    }

    #[test]
    fn an_event_gets_its_root_with_it_and_signs_rising_trust_lists() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        new_event(&ws);
        let mut conn = ws.open().unwrap();
        let info = root_info(&conn).unwrap();
        let public = root_public(&conn).unwrap();
        assert_eq!(info.kid, kid_hex(&kid_of(&public)));
        assert!(root_secret_path(&ws.keys_dir(), &kid_of(&public)).is_file());
        let (first, _, signed) = sign_trust_list(&ws, &mut conn, &Actor::system()).unwrap();
        let (second, _, _) = sign_trust_list(&ws, &mut conn, &Actor::system()).unwrap();
        assert_eq!((first, second), (1, 2));
        let list = SignedTrustList::verify(&signed, &public, Some("GVA26"), None).unwrap();
        assert_eq!(list.trust, super::super::trust_list(&conn).unwrap());
        // The root is not a signing key: it is not in the trust list.
        assert!(list.trust.keys.iter().all(|k| k.kid != kid_of(&public)));
    }

    /// An event made before v7 (no root) gets one when the program opens
    /// it, with its audit entry.
    #[test]
    fn an_older_event_gets_its_root_on_first_open() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        new_event(&ws);
        let conn = ws.open().unwrap();
        let old = root_public(&conn).unwrap();
        conn.execute("DELETE FROM root_key", []).unwrap();
        std::fs::remove_file(root_secret_path(&ws.keys_dir(), &kid_of(&old))).unwrap();
        drop(conn);
        let conn = ws.open().unwrap();
        let new = root_public(&conn).unwrap();
        assert_ne!(new, old);
        assert!(root_key(&ws.keys_dir(), &conn).is_ok());
        let audit = store::audit::list(&conn, &Default::default()).unwrap();
        assert_eq!(
            audit
                .iter()
                .filter(|e| e.action == "keys.root.create")
                .count(),
            1
        );
        drop(conn);
        // Opening again changes nothing.
        let conn = ws.open().unwrap();
        assert_eq!(root_public(&conn).unwrap(), new);
    }
}
