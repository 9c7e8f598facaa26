//! Printing badges: a selection of participants becomes one PDF. Approved
//! participants without an active badge get a new one (new serial, signed
//! credential); those with one get it printed again. Everything — issuing,
//! rendering, writing the file, counting the prints — happens in one
//! transaction that commits only once the PDF is safely on disk, so a
//! cancelled or failed job changes nothing.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rusqlite::{Connection, Transaction};
use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::badge::{self, BadgeContent, EventStyle, PhotoRef};
use crate::desk::badges::{self as badges, ReprintReason};
use crate::desk::listing::sort_name;
use crate::domain::{
    Badge, BadgeSerial, Category, CategoryId, Delegation, DelegationId, Event, Layout, Participant,
    ParticipantId, ParticipantStatus,
};
use crate::error::{Error, Result};
use crate::store;
use crate::workspace::Workspace;

/// Which participants a print job takes; empty lists mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub delegations: Vec<DelegationId>,
    pub categories: Vec<CategoryId>,
    pub participants: Vec<ParticipantId>,
    /// Only those whose badge was never printed (or who have none yet).
    pub only_unprinted: bool,
    /// Only those whose active badge was printed before: a second print run,
    /// chosen explicitly.
    pub only_printed_before: bool,
    /// Print again badges already handed over: their holders carry a card
    /// already, so this takes a word of confirmation.
    pub handed_over_again: bool,
}

/// A participant left out of a print job, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub participant: ParticipantId,
    pub name: String,
    pub reason: String,
}

/// What a print job did. Field names are part of the CLI's JSON interface.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PrintSummary {
    /// Badges printed for the first time (new serials).
    pub new: usize,
    /// Active badges printed again.
    pub reprinted: usize,
    pub skipped: Vec<Skipped>,
    pub badges: usize,
    pub pages: usize,
    pub layout: String,
    pub bytes: usize,
    /// The serials printed, in print order.
    pub serials: Vec<BadgeSerial>,
    /// Approved participants of the selection whose active badge was printed
    /// before (printed again or not)…
    pub already_printed: usize,
    /// …and, of those, handed over.
    pub handed_over: usize,
}

/// The participants a selection takes, ordered by delegation then family
/// name, before any status check.
pub fn select(conn: &Connection, selection: &Selection) -> Result<Vec<Participant>> {
    let mut chosen: Vec<Participant> = if selection.participants.is_empty() {
        store::participants::list(conn, &store::participants::Filter::default())?
            .into_iter()
            .filter(|p| {
                (selection.delegations.is_empty()
                    || selection.delegations.contains(&p.details.delegation))
                    && (selection.categories.is_empty()
                        || selection.categories.contains(&p.details.category))
            })
            .collect()
    } else {
        store::participants::get_many(conn, &selection.participants)?
    };
    let codes: HashMap<DelegationId, String> = store::delegations::list(conn)?
        .into_iter()
        .map(|d| (d.id, d.code))
        .collect();
    chosen.sort_by_cached_key(|p| {
        (
            codes
                .get(&p.details.delegation)
                .cloned()
                .unwrap_or_default(),
            sort_name(&p.details.family_name, &p.details.given_names),
            p.id,
        )
    });
    chosen.dedup_by_key(|p| p.id);
    Ok(chosen)
}

/// How many badges a selection would print, and who it would skip, without
/// changing anything (the print queue's preview).
pub fn preview(conn: &Connection, actor: &Actor, selection: &Selection) -> Result<PrintSummary> {
    actor.require(Permission::PrintBadges)?;
    let mut summary = PrintSummary::default();
    for p in select(conn, selection)? {
        match plan(conn, &p, selection, &mut summary)? {
            Plan::New => summary.new += 1,
            Plan::Again(_) => summary.reprinted += 1,
            Plan::Skip(reason) => summary.skipped.push(skipped(&p, reason)),
        }
    }
    summary.badges = summary.new + summary.reprinted;
    Ok(summary)
}

enum Plan {
    New,
    Again(Badge),
    Skip(String),
}

fn plan(
    conn: &Connection,
    p: &Participant,
    selection: &Selection,
    summary: &mut PrintSummary,
) -> Result<Plan> {
    if p.status != ParticipantStatus::Approved {
        let reason = match p.status {
            ParticipantStatus::Nominated => "not approved yet".to_string(),
            other if p.status_reason.is_empty() => other.as_str().to_string(),
            other => format!("{} ({})", other.as_str(), p.status_reason),
        };
        return Ok(Plan::Skip(reason));
    }
    let active = store::badges::active_for(conn, p.id)?;
    let printed_before = active.as_ref().is_some_and(|b| b.print_count > 0);
    if printed_before {
        summary.already_printed += 1;
    }
    Ok(match active {
        Some(b) if printed_before && selection.only_unprinted => {
            if b.collected.is_some() {
                summary.handed_over += 1;
            }
            Plan::Skip(format!("badge {} already printed", b.serial))
        }
        Some(b) if b.collected.is_some() => {
            summary.handed_over += 1;
            if selection.handed_over_again {
                Plan::Again(b)
            } else {
                Plan::Skip(format!(
                    "badge {} already handed over: printing it again needs confirmation",
                    b.serial
                ))
            }
        }
        _ if selection.only_printed_before && !printed_before => {
            Plan::Skip("never printed (printed with the new badges)".to_string())
        }
        Some(b) => Plan::Again(b),
        None => Plan::New,
    })
}

fn skipped(p: &Participant, reason: String) -> Skipped {
    Skipped {
        participant: p.id,
        name: p.details.display_name(),
        reason,
    }
}

/// Prints the selection to `path` as one PDF. `progress` is called with the
/// number of badges rendered; returning false cancels the job, which then
/// changes nothing.
pub fn print(
    ws: &Workspace,
    conn: &mut Connection,
    actor: &Actor,
    selection: &Selection,
    layout: Layout,
    path: &Path,
    progress: &dyn Fn(usize) -> bool,
) -> Result<PrintSummary> {
    actor.require(Permission::PrintBadges)?;
    let now = crate::clock::now();
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let event = store::event::get(&tx)?;
    let key = crate::signing::signing_key(&ws.keys_dir(), &tx)?;
    let mut summary = PrintSummary {
        layout: layout.to_string(),
        ..Default::default()
    };
    let mut printed: Vec<(Badge, Participant, &'static str)> = Vec::new();
    for p in select(&tx, selection)? {
        match plan(&tx, &p, selection, &mut summary)? {
            Plan::Skip(reason) => summary.skipped.push(skipped(&p, reason)),
            Plan::Again(b) => {
                summary.reprinted += 1;
                printed.push((b, p, "again"));
            }
            Plan::New => {
                let b = badges::issue_in(&tx, actor, &event, &key, &p, now)?;
                summary.new += 1;
                printed.push((b, p, "new"));
            }
        }
    }
    if printed.is_empty() {
        return Err(Error::Refused(format!(
            "no badge to print: {} participant(s) selected, none approved and printable{}",
            summary.skipped.len(),
            summary
                .skipped
                .first()
                .map(|s| format!(" ({}: {})", s.name, s.reason))
                .unwrap_or_default()
        )));
    }
    let pdf = render(&tx, &event, &printed, layout, progress)?;
    for (b, p, kind) in &printed {
        store::badges::record_print(&tx, b.serial, now, &actor.name, kind)?;
        audit::record(
            &tx,
            actor,
            now,
            Change::new("badge.print", "badge", b.serial).for_participant(p.id),
            None::<&()>,
            Some(&serde_json::json!({"kind": kind, "layout": layout.as_str()})),
        )?;
        summary.serials.push(b.serial);
    }
    summary.badges = printed.len();
    summary.pages = printed.len().div_ceil(layout.badges_per_page());
    summary.bytes = pdf.len();
    // The PDF gets its name only once its badges are committed: a crash in
    // between leaves no PDF of serials the store does not know.
    let staged = crate::files::write_staged(path, &pdf)?;
    tx.commit()?;
    staged.publish()?;
    Ok(summary)
}

/// Replaces a participant's badge: the active one is revoked and a new serial
/// is issued and printed to `path`. The old badge can no longer pass a gate.
pub fn reprint(
    ws: &Workspace,
    conn: &mut Connection,
    actor: &Actor,
    participant: ParticipantId,
    reason: ReprintReason,
    layout: Layout,
    path: &Path,
) -> Result<(Option<Badge>, Badge)> {
    actor.require(Permission::PrintBadges)?;
    let now = crate::clock::now();
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let event = store::event::get(&tx)?;
    let key = crate::signing::signing_key(&ws.keys_dir(), &tx)?;
    let p = store::participants::get(&tx, participant)?;
    if p.status != ParticipantStatus::Approved {
        return Err(Error::Refused(format!(
            "participant {participant} is {}: only approved participants get a badge",
            p.status.as_str()
        )));
    }
    let old = badges::revoke_active_in(
        &tx,
        actor,
        participant,
        &format!("reprinted: {reason}"),
        now,
    )?;
    let new = badges::issue_in(&tx, actor, &event, &key, &p, now)?;
    let printed = vec![(new.clone(), p, reason.as_str())];
    let pdf = render(&tx, &event, &printed, layout, &|_| true)?;
    store::badges::record_print(&tx, new.serial, now, &actor.name, reason.as_str())?;
    audit::record(
        &tx,
        actor,
        now,
        Change::new("badge.reprint", "badge", new.serial).for_participant(participant),
        old.as_ref()
            .map(|b| serde_json::json!({"serial": b.serial}))
            .as_ref(),
        Some(&serde_json::json!({"serial": new.serial, "reason": reason.as_str()})),
    )?;
    let staged = crate::files::write_staged(path, &pdf)?;
    tx.commit()?;
    staged.publish()?;
    Ok((old, new))
}

/// The event's badge style.
pub fn event_style(conn: &Connection, event: &Event) -> Result<EventStyle> {
    Ok(style(event, store::event::logo(conn)?))
}

/// The badge style of these settings and logo (also for settings not saved
/// yet: the set-up screens preview them).
pub fn style(event: &Event, logo: Option<Vec<u8>>) -> EventStyle {
    EventStyle {
        title: if event.title_band.trim().is_empty() {
            event.name.clone()
        } else {
            event.title_band.clone()
        },
        subtitle: format!("{} · {}", event.venue, event.dates_label()),
        footer: event.footer.clone(),
        logo,
        band_colour: event.band_colour,
    }
}

/// What the badge shows of one participant.
pub fn content(
    badge: &Badge,
    p: &Participant,
    delegation: &Delegation,
    category: &Category,
    photo: Option<PhotoRef>,
) -> BadgeContent {
    let name = p.details.printed_name();
    let (given, family) = if name.family_first {
        // Chinese, Japanese, Korean: the whole name, family name first.
        (String::new(), name.one_line())
    } else {
        (name.given, name.family)
    };
    BadgeContent {
        serial: badge.serial,
        qr_text: badge.credential.clone(),
        given_names: given,
        family_name_caps: family,
        function: Some(p.details.function.clone()).filter(|f| !f.trim().is_empty()),
        delegation: delegation.name.clone(),
        category_name: category.name.clone(),
        category_colour: category.colour,
        zones: badge.zones.iter().collect(),
        photo,
    }
}

fn render(
    tx: &Transaction,
    event: &Event,
    printed: &[(Badge, Participant, &str)],
    layout: Layout,
    progress: &dyn Fn(usize) -> bool,
) -> Result<Vec<u8>> {
    let style = event_style(tx, event)?;
    let delegations: HashMap<DelegationId, Delegation> = store::delegations::list(tx)?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let categories: HashMap<CategoryId, Category> = store::categories::list(tx)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    // Each distinct photo is read once and shared by every badge showing it.
    let mut photos: HashMap<[u8; 32], PhotoRef> = HashMap::new();
    let mut contents = Vec::with_capacity(printed.len());
    for (b, p, _) in printed {
        let photo = match p.photo {
            Some(hash) => match photos.get(&hash) {
                Some(r) => Some(r.clone()),
                None => match store::photos::get(tx, &hash)? {
                    Some(stored) => {
                        let r = PhotoRef {
                            key: hash,
                            jpeg: Arc::from(stored.jpeg),
                        };
                        photos.insert(hash, r.clone());
                        Some(r)
                    }
                    None => None,
                },
            },
            None => None,
        };
        let d = delegations
            .get(&p.details.delegation)
            .ok_or_else(|| Error::not_found("delegation", p.details.delegation))?;
        let c = categories
            .get(&p.details.category)
            .ok_or_else(|| Error::not_found("category", p.details.category))?;
        contents.push(content(b, p, d, c, photo));
    }
    badge::render_pdf(&style, &contents, layout, progress).map_err(|e| match e {
        badge::BadgeError::Cancelled => {
            Error::Cancelled("printing was cancelled; nothing was changed".into())
        }
        other => Error::Other(format!("could not make the badges: {other}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    fn actor(role: Role) -> Actor {
        Actor {
            operator: None,
            name: role.as_str().into(),
            role,
        }
    }

    #[test]
    fn all_badges_are_the_never_printed_and_reprints_are_a_choice_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        crate::demo::create(&ws, 300, false).unwrap();
        let mut conn = ws.open().unwrap();
        let clerk = actor(Role::Clerk);
        // A delegation with badges printed and handed over, and approved
        // participants with none yet.
        let overview = super::super::delegations::overview(&conn, &clerk).unwrap();
        let d = overview
            .iter()
            .filter(|d| d.badges_collected > 0 && d.statuses.approved > d.badges_printed)
            .max_by_key(|d| d.statuses.approved)
            .expect("a delegation with handed-over and unprinted badges");
        let of = |only_unprinted, only_printed_before, handed_over_again| Selection {
            delegations: vec![d.id],
            only_unprinted,
            only_printed_before,
            handed_over_again,
            ..Default::default()
        };

        // Never printed: no badge yet (a new serial), or issued and never
        // printed (its first print, counted with `reprinted`).
        let new = preview(&conn, &clerk, &of(true, false, false)).unwrap();
        assert_eq!(
            (new.new + new.reprinted) as u64,
            d.statuses.approved - d.badges_printed
        );
        assert_eq!(new.already_printed as u64, d.badges_printed);
        assert_eq!(new.handed_over as u64, d.badges_collected);

        let again = preview(&conn, &clerk, &of(false, true, false)).unwrap();
        assert_eq!(again.new, 0);
        assert_eq!(
            again.reprinted as u64,
            d.badges_printed - d.badges_collected,
            "handed-over badges wait for a confirmation"
        );
        assert!(
            again
                .skipped
                .iter()
                .any(|s| s.reason.contains("already handed over"))
        );
        let confirmed = preview(&conn, &clerk, &of(false, true, true)).unwrap();
        assert_eq!(confirmed.reprinted as u64, d.badges_printed);

        // Printing the never printed leaves every badge printed before alone.
        let before: Vec<(u64, u32)> = conn
            .prepare("SELECT serial, print_count FROM badges")
            .unwrap()
            .query_map([], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        let path = dir.path().join("new.pdf");
        let done = print(
            &ws,
            &mut conn,
            &clerk,
            &of(true, false, false),
            Layout::A6,
            &path,
            &|_| true,
        )
        .unwrap();
        assert_eq!(done.new, new.new);
        assert_eq!(done.reprinted, new.reprinted);
        for (serial, count) in before.into_iter().filter(|(_, count)| *count > 0) {
            let b = store::badges::get(&conn, serial).unwrap().unwrap();
            assert_eq!(b.print_count, count, "badge {serial}");
        }
    }
}
