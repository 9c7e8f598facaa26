//! A delegation's liaison officer collects its badges at once: every
//! printed badge not yet handed over (or the chosen ones) is marked
//! collected by that person, each with its audit entry, in one transaction
//! that commits only once the signed-for receipt (`desk::receipt`) is on
//! disk. Badges the delegation still waits for (not printed, or not cleared
//! by security) are listed on the receipt as still to come.

use crate::store::Db;
use std::path::Path;

use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::domain::{BadgeSerial, DelegationId, ParticipantId, ParticipantStatus, clean_text};
use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::search::sort_name;
use crate::store;

/// What the clerk asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LiaisonRequest {
    pub delegation: DelegationId,
    /// The liaison officer's name.
    pub collected_by: String,
    /// Their identity document, as checked.
    pub id_check: String,
    /// Only these participants (empty: the whole delegation).
    pub participants: Vec<ParticipantId>,
}

/// One line of the receipt. Field names are part of the CLI's JSON interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReceiptLine {
    pub participant: ParticipantId,
    pub name: String,
    pub category: String,
    /// The badge handed over; `None` for one still to come.
    pub serial: Option<BadgeSerial>,
    /// Why a badge is still to come, in words fit for the delegation.
    pub note: String,
}

/// What a liaison hand-over did. Field names are part of the CLI's JSON
/// interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiaisonSummary {
    pub collection: i64,
    pub delegation: String,
    pub delegation_name: String,
    pub collected_by: String,
    pub id_check: String,
    pub at: i64,
    pub clerk: String,
    pub handed_over: Vec<ReceiptLine>,
    pub still_to_come: Vec<ReceiptLine>,
    pub bytes: usize,
}

/// The words a badge handed over to the liaison carries as its identity
/// check, so every screen showing a hand-over says who took it.
pub fn collected_for_delegation(collected_by: &str, id_check: &str) -> String {
    format!("collected by {collected_by} for the delegation ({id_check})")
}

/// Why a badge is still to come (a [`ReceiptLine`]'s note, in English as
/// the CLI's JSON gives it).
const AWAITING_CLEARANCE: &str = "awaiting clearance";
const NOT_APPROVED: &str = "not approved yet";
const NOT_PRINTED: &str = "not printed yet";

/// A [`ReceiptLine`]'s note in `language` (one it does not know as it is).
pub fn note_in(note: &str, language: Language) -> String {
    match note {
        AWAITING_CLEARANCE => crate::tr!(language, "doc-receipt-note-awaiting-clearance"),
        NOT_APPROVED => crate::tr!(language, "doc-receipt-note-not-approved"),
        NOT_PRINTED => crate::tr!(language, "doc-receipt-note-not-printed"),
        other => other.to_string(),
    }
}

/// Hands the delegation's printed badges to its liaison officer and writes
/// the receipt to `path`, in `language` (English where the
/// documents are not translated into it). The summary, the audit trail and
/// the badges' records stay English.
pub fn hand_over_in(
    conn: &mut Db,
    actor: &Actor,
    request: &LiaisonRequest,
    path: &Path,
    language: Language,
) -> Result<LiaisonSummary> {
    actor.require(Permission::HandOverBadges)?;
    let collected_by = clean_text(&request.collected_by);
    let id_check = clean_text(&request.id_check);
    let mut problems = Vec::new();
    if collected_by.is_empty() {
        problems.push(crate::domain::FieldError::new(
            "collected_by",
            "say who collects the badges (the liaison officer's name)",
        ));
    }
    if id_check.is_empty() {
        problems.push(crate::domain::FieldError::new(
            "id_check",
            "say which identity document of the liaison officer was checked",
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let now = crate::clock::now();
    // The receipt is staged in each try; only the committed one is named.
    let (summary, staged) = conn.write(|tx| {
        let event = store::event::get(tx)?;
        let (delegation, handed, to_come) = plan(tx, request.delegation, &request.participants)?;
        if handed.is_empty() {
            return Err(Error::Refused(format!(
                "no printed badge of {} waits to be handed over{}",
                delegation.code,
                if to_come.is_empty() {
                    String::new()
                } else {
                    format!(" ({} still to come)", to_come.len())
                }
            )));
        }
        let collection = store::liaison::insert_collection(
            tx,
            delegation.id,
            &collected_by,
            &id_check,
            now,
            &actor.name,
        )?;
        let check = collected_for_delegation(&collected_by, &id_check);
        for (serial, line) in &handed {
            store::badges::set_collected(tx, *serial, now, &actor.name, &check)?;
            store::liaison::add_badge(tx, collection, *serial)?;
            audit::record(
                tx,
                actor,
                now,
                Change::new("badge.collect", "badge", serial).for_participant(line.participant),
                None::<&()>,
                Some(&serde_json::json!({
                    "id_check": check,
                    "collected_by": collected_by,
                    "collection": collection,
                })),
            )?;
        }
        let mut summary = LiaisonSummary {
            collection,
            delegation: delegation.code.clone(),
            delegation_name: delegation.name.clone(),
            collected_by: collected_by.clone(),
            id_check: id_check.clone(),
            at: now,
            clerk: actor.name.clone(),
            handed_over: handed.into_iter().map(|(_, l)| l).collect(),
            still_to_come: to_come,
            bytes: 0,
        };
        audit::record(
            tx,
            actor,
            now,
            Change::new("delegation.liaison_collect", "delegation", &delegation.code),
            None::<&()>,
            Some(&serde_json::json!({
                "collection": collection,
                "collected_by": summary.collected_by,
                "badges": summary.handed_over.iter().filter_map(|l| l.serial).collect::<Vec<_>>(),
                "still_to_come": summary.still_to_come.len(),
            })),
        )?;
        let logo = store::event::logo(tx)?;
        let language = crate::report::document_language(language);
        let pdf = super::receipt::render_in(&event, logo.as_deref(), &summary, language)?;
        summary.bytes = pdf.len();
        let staged = crate::files::write_staged(path, &pdf)?;
        Ok((summary, staged))
    })?;
    staged.publish()?;
    Ok(summary)
}

/// The badges a liaison officer would take now, in the receipt's order:
/// every printed badge of the delegation not yet handed over. Reads only.
pub fn waiting(conn: &Db, actor: &Actor, delegation: DelegationId) -> Result<Vec<ReceiptLine>> {
    actor.require(Permission::HandOverBadges)?;
    let tx = store::read(conn)?;
    let (_, handed, _) = plan(&tx, delegation, &[])?;
    Ok(handed.into_iter().map(|(_, line)| line).collect())
}

type Planned = (
    crate::domain::Delegation,
    Vec<(BadgeSerial, ReceiptLine)>,
    Vec<ReceiptLine>,
);

/// The delegation, the badges to hand over (of `participants`, or of the
/// whole delegation when empty) and the lines still to come.
fn plan(tx: &Db, delegation: DelegationId, participants: &[ParticipantId]) -> Result<Planned> {
    let delegation = store::delegations::get(tx, delegation)?;
    let chosen = !participants.is_empty();
    let mut people = if chosen {
        let found = store::participants::get_many(tx, participants)?;
        for id in participants {
            match found.iter().find(|p| p.id == *id) {
                None => return Err(Error::not_found("participant", id)),
                Some(p) if p.details.delegation != delegation.id => {
                    return Err(Error::Refused(format!(
                        "participant {id} ({}) is not of delegation {}",
                        p.details.display_name(),
                        delegation.code
                    )));
                }
                Some(_) => {}
            }
        }
        found
    } else {
        store::participants::list(
            tx,
            &store::participants::Filter {
                delegation: Some(delegation.id),
                ..Default::default()
            },
        )?
    };
    people.retain(|p| {
        matches!(
            p.status,
            ParticipantStatus::Approved | ParticipantStatus::Nominated
        )
    });
    people.sort_by_cached_key(|p| {
        (
            sort_name(&p.details.family_name, &p.details.given_names),
            p.id,
        )
    });
    let mut handed = Vec::new();
    let mut to_come = Vec::new();
    for p in &people {
        let category = store::categories::get(tx, p.details.category)?;
        let line = |serial, note: &str| ReceiptLine {
            participant: p.id,
            name: p.details.printed_name().one_line(),
            category: category.name.clone(),
            serial,
            note: note.to_string(),
        };
        let badge = store::badges::active_for(tx, p.id)?;
        let blocked = crate::vetting::blocked(tx, p)?;
        match badge {
            Some(b) if b.collected.is_some() => {
                if chosen {
                    return Err(Error::Refused(format!(
                        "badge {} of participant {} was already handed over",
                        b.serial, p.id
                    )));
                }
            }
            Some(b) if b.print_count > 0 && blocked.is_none() => {
                handed.push((b.serial, line(Some(b.serial), "")))
            }
            _ if blocked.is_some() => to_come.push(line(None, AWAITING_CLEARANCE)),
            _ if p.status == ParticipantStatus::Nominated => to_come.push(line(None, NOT_APPROVED)),
            _ => to_come.push(line(None, NOT_PRINTED)),
        }
    }
    Ok((delegation, handed, to_come))
}
