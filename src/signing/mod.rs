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

/// The one rotation, inside the caller's transaction: retires every key,
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
    let old = store::keys::current(tx)?;
    store::keys::retire_all(tx, now)?;
    let new = create_key(keys_dir, tx, event, now)?;
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
    let record = store::keys::current(conn)?.ok_or_else(|| {
        Error::Refused("this event has no signing key: run `accredit keys rotate`".into())
    })?;
    let key = credential::read_secret(keys_dir, &record.kid).map_err(|e| {
        Error::Refused(format!(
            "the signing key {} is not in {} ({e}): this copy of the event cannot issue badges; restore the keys from a backup made with --with-keys",
            kid_hex(&record.kid),
            keys_dir.display()
        ))
    })?;
    Ok((record, key))
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
