//! Badges at the desk: issuing (a new serial and signed credential),
//! revoking, and handing over after the identity check.

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::credential::{self, Claims, EventKey};
use crate::domain::{
    Badge, BadgeSerial, BadgeStatus, Category, Event, Participant, ParticipantId, ParticipantStatus,
};
use crate::error::{Error, Result};
use crate::store;
use crate::store::keys::KeyRecord;
use crate::store::{Db, Tx};

/// Why a reprint happens; printed into the badge's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReprintReason {
    Lost,
    Damaged,
    DataChange,
}

impl ReprintReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ReprintReason::Lost => "lost",
            ReprintReason::Damaged => "damaged",
            ReprintReason::DataChange => "data-change",
        }
    }
}

impl std::str::FromStr for ReprintReason {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "lost" => Ok(ReprintReason::Lost),
            "damaged" => Ok(ReprintReason::Damaged),
            "data-change" | "data_change" | "datachange" => Ok(ReprintReason::DataChange),
            other => Err(format!(
                "\"{other}\" is not a reprint reason (lost, damaged, data-change)"
            )),
        }
    }
}

impl std::fmt::Display for ReprintReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Issues a new badge to an approved participant with no active badge:
/// the next serial, zones from the category adjusted for the participant,
/// validity from the event's badge window, the photo's hash, signed with the
/// current key. Runs inside the caller's transaction.
pub fn issue_in(
    tx: &Tx,
    actor: &Actor,
    event: &Event,
    key: &(KeyRecord, EventKey),
    participant: &Participant,
    now: i64,
) -> Result<Badge> {
    if participant.status != ParticipantStatus::Approved {
        return Err(Error::Refused(format!(
            "participant {} is {}: only approved participants get a badge",
            participant.id,
            participant.status.as_str()
        )));
    }
    crate::vetting::require_cleared(tx, participant)?;
    if let Some(active) = store::badges::active_for(tx, participant.id)? {
        return Err(Error::Refused(format!(
            "participant {} already has badge {}",
            participant.id, active.serial
        )));
    }
    let category = store::categories::get(tx, participant.details.category)?;
    let serial = store::badges::reserve_serials(tx, 1)?
        .first()
        .copied()
        .ok_or_else(|| Error::Other("no badge serial was reserved".into()))?;
    let signed = sign(event, key, &category, participant, serial, actor, now)?;
    store_signed(tx, actor, &signed)?.record(tx)?;
    Ok(signed.badge)
}

/// The `badge.issue` audit entry of a badge issued, recorded later in the
/// same transaction: a print run records its entries after storing its
/// badges, as it always has (issues first, then prints).
pub struct IssueEntry {
    actor: Actor,
    now: i64,
    serial: BadgeSerial,
    participant: ParticipantId,
    after: serde_json::Value,
}

impl IssueEntry {
    pub fn record(self, tx: &Tx) -> Result<()> {
        let actor = self.actor.clone();
        audit::record_all(tx, &actor, [self.into_record()?])
    }

    /// The entry, to record with others of the same actor
    /// ([`audit::record_all`]).
    pub fn into_record(self) -> Result<audit::Record<'static>> {
        audit::Record::new(
            self.now,
            Change::new("badge.issue", "badge", self.serial).for_participant(self.participant),
            None::<&()>,
            Some(&self.after),
        )
    }
}

/// A new badge signed and not stored yet (see [`sign`]).
#[derive(Debug, Clone)]
pub struct Signed {
    /// The badge as it will be stored: active, never printed.
    pub badge: Badge,
    /// What its credential says.
    pub claims: Claims,
    key_id: i64,
    photo_hash: Option<[u8; 32]>,
}

/// What the credential of badge `serial` of `participant` says: zones from
/// the category adjusted for the participant, validity from the event's
/// badge window, the first 8 bytes of the photo's hash.
pub fn claims(
    event: &Event,
    category: &Category,
    participant: &Participant,
    serial: BadgeSerial,
) -> Claims {
    Claims {
        event: event.code.to_string(),
        serial,
        participant: participant.id as u64,
        category: category.code.clone(),
        zones: participant.details.zones(category.default_zones),
        not_before: event.badge_valid_from.max(0) as u64,
        expires: event.badge_valid_until.max(0) as u64,
        photo: participant.photo.map(|h| {
            let mut short = [0u8; 8];
            short.copy_from_slice(&h[..8]);
            short
        }),
    }
}

/// Signs a new badge for `participant` with a serial already reserved
/// (`store::badges::reserve_serials`), touching no store: a print run signs
/// its badges with no transaction open, then stores them with
/// [`store_signed`]. The caller has checked that the participant may have
/// a badge.
pub fn sign(
    event: &Event,
    key: &(KeyRecord, EventKey),
    category: &Category,
    participant: &Participant,
    serial: BadgeSerial,
    actor: &Actor,
    now: i64,
) -> Result<Signed> {
    let claims = claims(event, category, participant, serial);
    let credential = credential::issue(&claims, &key.1).map_err(|e| {
        Error::Refused(format!(
            "could not sign badge {serial} for participant {}: {e}",
            participant.id
        ))
    })?;
    Ok(Signed {
        badge: Badge {
            serial,
            participant: participant.id,
            credential,
            zones: claims.zones,
            not_before: event.badge_valid_from,
            expires: event.badge_valid_until,
            issued_at: now,
            issued_by: actor.name.clone(),
            status: BadgeStatus::Active,
            revoked_at: None,
            revocation_reason: String::new(),
            print_count: 0,
            last_printed_at: None,
            collected: None,
        },
        claims,
        key_id: key.0.id,
        photo_hash: participant.photo,
    })
}

/// Stores a badge made by [`sign`] inside the caller's transaction, and
/// gives its `badge.issue` audit entry for the caller to record.
pub fn store_signed(tx: &Tx, actor: &Actor, signed: &Signed) -> Result<IssueEntry> {
    let b = &signed.badge;
    store::badges::insert(
        tx,
        &store::badges::NewBadge {
            serial: b.serial,
            participant: b.participant,
            credential: &b.credential,
            key_id: signed.key_id,
            zones: b.zones,
            not_before: b.not_before,
            expires: b.expires,
            photo_hash: signed.photo_hash.as_ref(),
            issued_at: b.issued_at,
            issued_by: &b.issued_by,
        },
    )?;
    Ok(IssueEntry {
        actor: actor.clone(),
        now: b.issued_at,
        serial: b.serial,
        participant: b.participant,
        after: serde_json::json!({
            "serial": b.serial,
            "zones": b.zones,
            "category": signed.claims.category,
        }),
    })
}

/// Revokes a badge, with the reason, inside the caller's transaction.
pub fn revoke_in(
    tx: &Tx,
    actor: &Actor,
    serial: BadgeSerial,
    reason: &str,
    now: i64,
) -> Result<Badge> {
    let badge = store::badges::get(tx, serial)?.ok_or_else(|| Error::not_found("badge", serial))?;
    if badge.status == crate::domain::BadgeStatus::Revoked {
        return Err(Error::Refused(format!(
            "badge {serial} is already revoked ({})",
            badge.revocation_reason
        )));
    }
    store::badges::revoke(tx, serial, now, &actor.name, reason)?;
    audit::record(
        tx,
        actor,
        now,
        Change::new("badge.revoke", "badge", serial).for_participant(badge.participant),
        Some(&serde_json::json!({"status": "active"})),
        Some(&serde_json::json!({"status": "revoked", "reason": reason})),
    )?;
    store::badges::get(tx, serial)?.ok_or_else(|| Error::not_found("badge", serial))
}

/// Revokes a badge so no gate lets it through again.
pub fn revoke(conn: &mut Db, actor: &Actor, serial: BadgeSerial, reason: &str) -> Result<Badge> {
    actor.require(Permission::RevokeBadges)?;
    let reason = crate::domain::clean_text(reason);
    if reason.is_empty() {
        return Err(Error::invalid("reason", "a revocation needs a reason"));
    }
    let now = crate::clock::now();
    conn.write(|tx| revoke_in(tx, actor, serial, &reason, now))
}

/// Revokes the participant's active badge, if any (when they are cancelled
/// or rejected), inside the caller's transaction.
pub fn revoke_active_in(
    tx: &Tx,
    actor: &Actor,
    participant: ParticipantId,
    reason: &str,
    now: i64,
) -> Result<Option<Badge>> {
    match store::badges::active_for(tx, participant)? {
        Some(b) => revoke_in(tx, actor, b.serial, reason, now).map(Some),
        None => Ok(None),
    }
}

/// Hands the participant's active badge over, recording the identity
/// document checked.
pub fn hand_over(
    conn: &mut Db,
    actor: &Actor,
    participant: ParticipantId,
    id_check: &str,
) -> Result<Badge> {
    actor.require(Permission::HandOverBadges)?;
    let id_check = crate::domain::clean_text(id_check);
    if id_check.is_empty() {
        return Err(Error::invalid(
            "id_check",
            "say which identity document was checked (e.g. \"passport C1234567 seen\")",
        ));
    }
    let now = crate::clock::now();
    conn.write(|tx| {
        crate::vetting::require_cleared(tx, &store::participants::get(tx, participant)?)?;
        let badge = store::badges::active_for(tx, participant)?.ok_or_else(|| {
            Error::Refused(format!(
                "participant {participant} has no active badge to hand over"
            ))
        })?;
        if badge.print_count == 0 {
            return Err(Error::Refused(format!(
                "badge {} of participant {participant} has not been printed yet",
                badge.serial
            )));
        }
        if let Some(c) = &badge.collected {
            return Err(Error::Refused(format!(
                "badge {} was already handed over by {} ({})",
                badge.serial, c.by, c.id_check
            )));
        }
        store::badges::set_collected(tx, badge.serial, now, &actor.name, &id_check)?;
        audit::record(
            tx,
            actor,
            now,
            Change::new("badge.collect", "badge", badge.serial).for_participant(participant),
            None::<&()>,
            Some(&serde_json::json!({"id_check": id_check})),
        )?;
        store::badges::get(tx, badge.serial)?.ok_or_else(|| Error::not_found("badge", badge.serial))
    })
}

/// Every badge the participant had, and every print of them.
pub fn history(
    conn: &Db,
    actor: &Actor,
    participant: ParticipantId,
) -> Result<(Vec<Badge>, Vec<store::badges::PrintRecord>)> {
    actor.require(Permission::ViewParticipants)?;
    Ok((
        store::badges::history(conn, participant)?,
        store::badges::prints(conn, participant)?,
    ))
}
