use crate::store::{Db, Tx};
use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::clock;
use crate::domain::{
    FieldError, Participant, ParticipantDetails, ParticipantId, ParticipantStatus,
};
use crate::error::{Error, Result};
use crate::search::SearchIndex;
use crate::store;
use crate::store::participants::Filter;

/// Cleans the typed text of every field (invisible characters, NFC, spaces).
pub fn clean(details: &mut ParticipantDetails) {
    use crate::domain::clean_text;
    for field in [
        &mut details.given_names,
        &mut details.family_name,
        &mut details.badge_name,
        &mut details.function,
        &mut details.email,
        &mut details.phone,
        &mut details.notes,
        &mut details.reference,
    ] {
        *field = clean_text(field);
    }
    details.nationality = clean_text(&details.nationality).to_uppercase();
    details.document.number = clean_text(&details.document.number).to_uppercase();
}

/// Checks the details against the store: the delegation and category exist,
/// the document outlives the event, the reference is not taken.
pub fn validate(
    conn: &Db,
    details: &ParticipantDetails,
    id: Option<ParticipantId>,
) -> Result<Vec<FieldError>> {
    let event = store::event::get(conn)?;
    let mut errors = details.validate(Some((event.start_date, event.end_date)));
    if store::delegations::get(conn, details.delegation).is_err() {
        errors.push(FieldError::new(
            "delegation",
            "is not a delegation of this event",
        ));
    }
    if store::categories::get(conn, details.category).is_err() {
        errors.push(FieldError::new(
            "category",
            "is not a category of this event",
        ));
    }
    if !details.reference.is_empty()
        && let Some(other) =
            store::participants::find_by_reference(conn, details.delegation, &details.reference)?
        && Some(other) != id
    {
        errors.push(FieldError::new(
            "reference",
            format!(
                "\"{}\" is already participant {other} of this delegation",
                details.reference
            ),
        ));
    }
    Ok(errors)
}

/// Nominates a new participant.
pub fn add(conn: &mut Db, actor: &Actor, mut details: ParticipantDetails) -> Result<ParticipantId> {
    actor.require(Permission::EditParticipants)?;
    clean(&mut details);
    let errors = validate(conn, &details, None)?;
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let now = clock::now();
    conn.write(|tx| {
        let id = store::participants::insert(
            tx,
            &details,
            &store::participants::NewState::NOMINATED,
            now,
        )?;
        audit::record(
            tx,
            actor,
            now,
            Change::participant("participant.create", id),
            None::<&()>,
            Some(&details),
        )?;
        Ok(id)
    })
}

/// Saves edited details. Only the fields that changed are audited.
pub fn edit(
    conn: &mut Db,
    actor: &Actor,
    id: ParticipantId,
    mut details: ParticipantDetails,
) -> Result<Participant> {
    actor.require(Permission::EditParticipants)?;
    clean(&mut details);
    let errors = validate(conn, &details, Some(id))?;
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let now = clock::now();
    conn.write(|tx| {
        let before = store::participants::get(tx, id)?;
        if before.details == details {
            return Ok(before);
        }
        store::participants::update(tx, id, &details, now)?;
        let (old, new) = audit::changed_fields(&before.details, &details);
        audit::record(
            tx,
            actor,
            now,
            Change::participant("participant.edit", id),
            Some(&old),
            Some(&new),
        )?;
        store::participants::get(tx, id)
    })
}

/// Replaces a participant's photo with `image` (any common format): it is
/// normalised (EXIF orientation, 3:4 crop, at most 600 × 800, JPEG) and
/// stored once by its hash. A participant's active badge keeps the hash of
/// the photo it was issued with; reprint it (data-change) to carry the new one.
pub fn set_photo(
    conn: &mut Db,
    actor: &Actor,
    id: ParticipantId,
    image: &[u8],
) -> Result<[u8; 32]> {
    actor.require(Permission::EditParticipants)?;
    let photo =
        crate::photo::normalise(image).map_err(|e| Error::invalid("photo", e.to_string()))?;
    let now = clock::now();
    conn.write(|tx| set_photo_in(tx, actor, id, &photo, now))?;
    Ok(photo.sha256)
}

/// The same inside a larger transaction (a folder of photos is imported in one).
pub fn set_photo_in(
    tx: &Tx,
    actor: &Actor,
    id: ParticipantId,
    photo: &crate::photo::NormalisedPhoto,
    now: i64,
) -> Result<()> {
    let before = store::participants::get(tx, id)?;
    store::photos::put(
        tx,
        &store::photos::StoredPhoto {
            hash: photo.sha256,
            jpeg: photo.jpeg.clone(),
            width: photo.width,
            height: photo.height,
        },
    )?;
    store::participants::set_photo(tx, id, Some(&photo.sha256), now)?;
    audit::record(
        tx,
        actor,
        now,
        Change::participant("participant.photo", id),
        Some(&serde_json::json!({"photo": before.photo.map(hex::encode)})),
        Some(&serde_json::json!({"photo": hex::encode(photo.sha256)})),
    )
}

/// The stored photo of a participant (normalised JPEG), if any.
pub fn photo(conn: &Db, actor: &Actor, id: ParticipantId) -> Result<Option<Vec<u8>>> {
    actor.require(Permission::ViewParticipants)?;
    let p = store::participants::get(conn, id)?;
    match p.photo {
        Some(hash) => Ok(store::photos::get(conn, &hash)?.map(|ph| ph.jpeg)),
        None => Ok(None),
    }
}

/// One participant whose status could not change, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub participant: ParticipantId,
    pub reason: String,
}

/// Moves participants to `to`, all or none: if any of them cannot move, nothing
/// changes and the error lists each refusal.
pub fn set_status(
    conn: &mut Db,
    actor: &Actor,
    ids: &[ParticipantId],
    to: ParticipantStatus,
    reason: &str,
) -> Result<Vec<ParticipantId>> {
    let permission = match to {
        ParticipantStatus::Nominated => Permission::EditParticipants,
        _ => Permission::ApproveParticipants,
    };
    actor.require(permission)?;
    let reason = crate::domain::clean_text(reason);
    if to == ParticipantStatus::Rejected && reason.is_empty() {
        return Err(Error::invalid("reason", "a rejection needs a reason"));
    }
    if to == ParticipantStatus::Approved {
        // The reason, if any, is the one for approving past a quota.
        return approve(conn, actor, ids, Some(&reason));
    }
    let now = clock::now();
    conn.write(|tx| set_status_in(tx, actor, ids, to, &reason, now))
}

/// The same inside the caller's transaction (permission and reason already
/// checked): every participant moves, or the error lists each refusal and
/// the caller drops the transaction.
pub fn set_status_in(
    tx: &Tx,
    actor: &Actor,
    ids: &[ParticipantId],
    to: ParticipantStatus,
    reason: &str,
    now: i64,
) -> Result<Vec<ParticipantId>> {
    let mut refusals = Vec::new();
    let mut changed = Vec::new();
    for &id in ids {
        let Some(p) = store::participants::find(tx, id)? else {
            refusals.push(Refusal {
                participant: id,
                reason: "does not exist".into(),
            });
            continue;
        };
        if let Err(why) = p.status.check_transition(to) {
            refusals.push(Refusal {
                participant: id,
                reason: why,
            });
            continue;
        }
        store::participants::set_status(tx, id, to, reason, now)?;
        // A participant who may no longer come loses their badge at once.
        if matches!(
            to,
            ParticipantStatus::Cancelled | ParticipantStatus::Rejected
        ) {
            let why = format!("participant {}", to.as_str());
            super::badges::revoke_active_in(tx, actor, id, &why, now)?;
        }
        let action = match to {
            ParticipantStatus::Approved => "participant.approve",
            ParticipantStatus::Rejected => "participant.reject",
            ParticipantStatus::Cancelled => "participant.cancel",
            ParticipantStatus::Nominated => "participant.renominate",
        };
        audit::record(
            tx,
            actor,
            now,
            Change::participant(action, id),
            Some(&serde_json::json!({"status": p.status})),
            Some(&serde_json::json!({"status": to, "reason": reason})),
        )?;
        changed.push(id);
    }
    if !refusals.is_empty() {
        // The caller drops the transaction, which rolls every change back.
        return Err(Error::Refused(
            refusals
                .iter()
                .map(|r| format!("participant {}: {}", r.participant, r.reason))
                .collect::<Vec<_>>()
                .join("; "),
        ));
    }
    Ok(changed)
}

/// Approves `ids`, all or none. An approval that takes a delegation past a
/// category quota needs `over_quota`, a reason that the audit trail keeps.
pub fn approve(
    conn: &mut Db,
    actor: &Actor,
    ids: &[ParticipantId],
    over_quota: Option<&str>,
) -> Result<Vec<ParticipantId>> {
    actor.require(Permission::ApproveParticipants)?;
    let now = clock::now();
    conn.write(|tx| {
        // Ids that do not exist are refused below, with the others' refusals.
        let mut found = Vec::new();
        for &id in ids {
            if let Some(p) = store::participants::find(tx, id)? {
                found.push(p);
            }
        }
        let found_ids: Vec<ParticipantId> = found.iter().map(|p| p.id).collect();
        let mut delegations: Vec<_> = found.iter().map(|p| p.details.delegation).collect();
        delegations.sort_unstable();
        delegations.dedup();
        for id in delegations {
            let d = store::delegations::get(tx, id)?;
            super::delegations::confirm_quotas(tx, actor, &d, &found_ids, over_quota, now)?;
        }
        set_status_in(tx, actor, ids, ParticipantStatus::Approved, "", now)
    })
}

pub fn reject(
    conn: &mut Db,
    actor: &Actor,
    ids: &[ParticipantId],
    reason: &str,
) -> Result<Vec<ParticipantId>> {
    set_status(conn, actor, ids, ParticipantStatus::Rejected, reason)
}

pub fn cancel(
    conn: &mut Db,
    actor: &Actor,
    ids: &[ParticipantId],
    reason: &str,
) -> Result<Vec<ParticipantId>> {
    set_status(conn, actor, ids, ParticipantStatus::Cancelled, reason)
}

pub fn get(conn: &Db, actor: &Actor, id: ParticipantId) -> Result<Participant> {
    actor.require(Permission::ViewParticipants)?;
    store::participants::get(conn, id)
}

pub fn list(conn: &Db, actor: &Actor, filter: &Filter) -> Result<Vec<Participant>> {
    actor.require(Permission::ViewParticipants)?;
    store::participants::list(conn, filter)
}

/// Builds the search index over every participant of the store.
pub fn search_index(conn: &Db, actor: &Actor) -> Result<SearchIndex> {
    actor.require(Permission::ViewParticipants)?;
    Ok(SearchIndex::build(store::participants::search_sources(
        conn,
    )?))
}

/// Participants matching `query`, as the desk's search box finds them.
pub fn search(conn: &Db, actor: &Actor, query: &str) -> Result<Vec<Participant>> {
    let index = search_index(conn, actor)?;
    store::participants::get_many(conn, &index.search(query))
}
