//! The event's signing: its Ed25519 keys (secrets in the data directory's
//! `keys/`, public halves in the store), the trust list gates load, and the
//! signed revocation lists.

mod root;

pub use root::{
    ROOT_KEY_FORMAT, RootInfo, create_root, ensure_root, package_trust_list, root_info, root_key,
    root_public, root_secret_path, sign_trust_list, sign_trust_list_in,
};

use crate::store::{Db, Tx};
use std::path::Path;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::{self, EventKey, RevocationList, TrustList, TrustedKey, kid_hex};
use crate::domain::Event;
use crate::error::{Error, Result};
use crate::store;
use crate::store::keys::KeyRecord;
use crate::store::revocations::StoredRevocationList;
use crate::workspace::Workspace;

/// How far a key's validity reaches beyond the event's badge window, so a
/// badge window nudged by a day still lies inside it.
const KEY_MARGIN_SECONDS: i64 = 30 * 24 * 3600;

/// The window a key of this event may sign badges for.
pub fn key_validity(event: &Event) -> (u64, u64) {
    let from = (event.badge_valid_from - KEY_MARGIN_SECONDS).max(0) as u64;
    let until = (event.badge_valid_until + KEY_MARGIN_SECONDS).max(1) as u64;
    (from, until)
}

fn credential_error(e: credential::CredentialError) -> Error {
    Error::Other(e.to_string())
}

/// Creates a new signing key: the secret goes to `keys_dir` (owner-only),
/// the public half into the store. Used when an event is created and on
/// rotation.
pub fn create_key(keys_dir: &Path, tx: &Tx, event: &Event, now: i64) -> Result<KeyRecord> {
    create_desk_key(keys_dir, tx, event, now, "")
}

/// The same, for the desk named `desk`.
fn create_desk_key(
    keys_dir: &Path,
    tx: &Tx,
    event: &Event,
    now: i64,
    desk: &str,
) -> Result<KeyRecord> {
    let (from, until) = key_validity(event);
    let key = EventKey::generate(from, until).map_err(credential_error)?;
    crate::workspace::create_private_dir(keys_dir)?;
    credential::write_secret(keys_dir, &key).map_err(credential_error)?;
    let mut record = KeyRecord {
        id: 0,
        kid: key.kid(),
        public_key: key.verifying_key().to_bytes(),
        not_before: from as i64,
        not_after: until as i64,
        created_at: now,
        retired_at: None,
        desk: desk.to_owned(),
    };
    record.id = store::keys::insert(tx, &record)?;
    Ok(record)
}

/// Starts a new signing key. The old one signs nothing more but stays in the
/// trust list, so the badges it signed stay valid until they expire.
pub fn rotate(ws: &Workspace, conn: &mut Db, actor: &Actor) -> Result<KeyRecord> {
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let event = store::event::get(&tx)?;
    let new = rotate_in(&ws.keys_dir(), &tx, actor, &event, now, "requested")?;
    tx.commit()?;
    Ok(new)
}

/// Why [`rotate_in`] runs when the event's badge window moved past the keys.
pub const NEW_WINDOW: &str = "new badge window";

/// The one rotation, inside the caller's transaction: retires this desk's
/// key (every desk's when the badge window moved),
/// creates one for `event`'s badge window and audits `keys.rotate` with the
/// reason (`requested` by an operator, `new badge window` when the event's
/// window moved past the current key).
pub fn rotate_in(
    keys_dir: &Path,
    tx: &Tx,
    actor: &Actor,
    event: &Event,
    now: i64,
    reason: &str,
) -> Result<KeyRecord> {
    actor.require(Permission::ManageKeys)?;
    let old = local_key(keys_dir, tx)?;
    let desk = old.as_ref().map(|k| k.desk.clone()).unwrap_or_default();
    if reason == NEW_WINDOW {
        // Every desk's key must cover the new window: all retire, and the
        // other desks enrol again.
        store::keys::retire_all(tx, now)?;
    } else if let Some(k) = &old {
        store::keys::retire(tx, k.id, now)?;
    }
    let new = create_desk_key(keys_dir, tx, event, now, &desk)?;
    audit::record(
        tx,
        actor,
        now,
        Change::new("keys.rotate", "signing_key", kid_hex(&new.kid)),
        old.map(|k| serde_json::json!({"kid": kid_hex(&k.kid)}))
            .as_ref(),
        Some(&serde_json::json!({
            "kid": kid_hex(&new.kid),
            "not_before": new.not_before,
            "not_after": new.not_after,
            "reason": reason,
        })),
    )?;
    Ok(new)
}

/// The trust list of spec section 6: every key the event ever had, retired
/// or past its `not_after` included. A key's validity bounds the badges it
/// signed (check 5), and a badge past its own expiry is refused as
/// `EXPIRED` (check 8): dropping the key instead would call a genuine badge
/// `UNKNOWN_KEY`, a possible forgery. `UNKNOWN_KEY` is for keys the event
/// never had.
pub fn trust_list(conn: &Db) -> Result<TrustList> {
    let event = store::event::get(conn)?;
    let mut list = TrustList::new(event.code.as_str());
    for k in store::keys::list(conn)? {
        list.keys.push(trusted(&k)?);
    }
    Ok(list)
}

fn trusted(k: &KeyRecord) -> Result<TrustedKey> {
    Ok(TrustedKey {
        kid: k.kid,
        public_key: ed25519_dalek::VerifyingKey::from_bytes(&k.public_key).map_err(|e| {
            Error::Other(format!(
                "stored key {} is not a valid Ed25519 key: {e}",
                kid_hex(&k.kid)
            ))
        })?,
        not_before: k.not_before as u64,
        not_after: k.not_after as u64,
    })
}

/// The key that signs new badges, with its secret from `keys/`.
pub fn signing_key(keys_dir: &Path, conn: &Db) -> Result<(KeyRecord, EventKey)> {
    let record = local_key(keys_dir, conn)?.ok_or_else(|| {
        if store::keys::current(conn).ok().flatten().is_some() {
            Error::Refused(format!(
                "this desk has no signing key of this event in {}: an administrator enrols it here with `accredit keys enrol --desk NAME` (everything but printing works meanwhile), or restore the keys from a backup made with --with-keys",
                keys_dir.display()
            ))
        } else {
            Error::Refused("this event has no signing key: run `accredit keys rotate`".into())
        }
    })?;
    let key = credential::read_secret(keys_dir, &record.kid).map_err(|e| {
        Error::Refused(format!(
            "the signing key {} is not readable in {} ({e}): this copy of the event cannot issue badges; restore the keys from a backup made with --with-keys",
            kid_hex(&record.kid),
            keys_dir.display()
        ))
    })?;
    Ok((record, key))
}

/// This desk's key: the newest one not retired whose secret is in
/// `keys_dir` (each desk signs with a key of its own, which never leaves
/// its data directory).
pub fn local_key(keys_dir: &Path, conn: &Db) -> Result<Option<KeyRecord>> {
    Ok(store::keys::active(conn)?
        .into_iter()
        .find(|k| credential::secret_path(keys_dir, &k.kid).exists()))
}

/// `accredit keys enrol --desk NAME`: gives this desk a signing key of its
/// own; its public half joins the trust list (signed anew where the root
/// is). Refused when this desk has one already.
pub fn enrol_desk(ws: &Workspace, conn: &mut Db, actor: &Actor, desk: &str) -> Result<KeyRecord> {
    actor.require(Permission::ManageKeys)?;
    let desk = crate::domain::clean_text(desk);
    if desk.is_empty() {
        return Err(Error::invalid("desk", "name the desk, e.g. \"Desk 3\""));
    }
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    if let Some(k) = local_key(&ws.keys_dir(), &tx)? {
        return Err(Error::Refused(format!(
            "this desk signs with key {} already{}: `accredit keys rotate` replaces it",
            kid_hex(&k.kid),
            if k.desk.is_empty() {
                String::new()
            } else {
                format!(" (desk \"{}\")", k.desk)
            }
        )));
    }
    if let Some(other) = store::keys::active(&tx)?.iter().find(|k| k.desk == desk) {
        return Err(Error::Refused(format!(
            "another machine signs as desk \"{desk}\" (key {}): choose another name, or retire that key first",
            kid_hex(&other.kid)
        )));
    }
    let event = store::event::get(&tx)?;
    let key = create_desk_key(&ws.keys_dir(), &tx, &event, now, &desk)?;
    audit::record(
        &tx,
        actor,
        now,
        Change::new("keys.enrol", "signing_key", kid_hex(&key.kid)),
        None::<&()>,
        Some(&serde_json::json!({
            "kid": kid_hex(&key.kid),
            "desk": desk,
            "not_before": key.not_before,
            "not_after": key.not_after,
        })),
    )?;
    if root::root_secret_path(&ws.keys_dir(), &credential::kid_of(&root_public(&tx)?)).exists() {
        sign_trust_list_in(&ws.keys_dir(), &tx, now)?;
    }
    tx.commit()?;
    Ok(key)
}

/// Every signing key the event ever had, oldest first (`keys list`).
pub fn keys(conn: &Db, actor: &Actor) -> Result<Vec<KeyRecord>> {
    actor.require(Permission::ManageKeys)?;
    store::keys::list(conn)
}

/// `accredit keys retire KID`: the key signs nothing more (a desk lost or
/// closed); it stays in the trust list, so the badges it signed stay valid.
pub fn retire(conn: &mut Db, actor: &Actor, kid: &str) -> Result<KeyRecord> {
    actor.require(Permission::ManageKeys)?;
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let key = store::keys::list(&tx)?
        .into_iter()
        .find(|k| kid_hex(&k.kid) == kid.trim().to_lowercase())
        .ok_or_else(|| Error::not_found("signing key", kid))?;
    if !store::keys::retire(&tx, key.id, now)? {
        return Err(Error::Refused(format!(
            "key {} is retired already",
            kid_hex(&key.kid)
        )));
    }
    audit::record(
        &tx,
        actor,
        now,
        Change::new("keys.retire", "signing_key", kid_hex(&key.kid)),
        Some(&serde_json::json!({"retired_at": null})),
        Some(&serde_json::json!({"retired_at": now, "desk": key.desk})),
    )?;
    tx.commit()?;
    Ok(key)
}

/// Signs and stores a new revocation list of every revoked serial, with the
/// next sequence number.
pub fn issue_revocation_list(
    ws: &Workspace,
    conn: &mut Db,
    actor: &Actor,
) -> Result<StoredRevocationList> {
    actor.require(Permission::RevokeBadges)?;
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let stored = issue_revocation_list_in(&ws.keys_dir(), &tx, now)?;
    audit::record(
        &tx,
        actor,
        now,
        Change::new("revocations.issue", "revocation_list", stored.sequence),
        None::<&()>,
        Some(
            &serde_json::json!({"sequence": stored.sequence, "revoked": store::badges::revoked_serials(&tx)?.len()}),
        ),
    )?;
    tx.commit()?;
    Ok(stored)
}

/// The same inside a larger transaction (gate packages carry a fresh list).
pub fn issue_revocation_list_in(
    keys_dir: &Path,
    tx: &Tx,
    now: i64,
) -> Result<StoredRevocationList> {
    let event = store::event::get(tx)?;
    let (_, key) = signing_key(keys_dir, tx)?;
    store::lock_sequence(tx, store::Sequence::RevocationLists)?;
    let sequence = store::revocations::latest(tx)?
        .map(|l| l.sequence + 1)
        .unwrap_or(1);
    let serials = store::badges::revoked_serials(tx)?;
    let list = RevocationList::new(event.code.as_str(), sequence, now.max(0) as u64, serials);
    let signed = list.sign(&key).map_err(credential_error)?;
    let stored = StoredRevocationList {
        sequence,
        issued_at: now,
        signed,
    };
    store::revocations::insert(tx, &stored)?;
    Ok(stored)
}
