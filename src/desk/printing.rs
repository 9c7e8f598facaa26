//! Printing badges: a selection of participants becomes one PDF. Approved
//! participants without an active badge get a new one (new serial, signed
//! credential); those with one get it printed again. Everything — issuing,
//! rendering, writing the file, counting the prints — happens in one
//! transaction that commits only once the PDF is safely on disk, so a
//! cancelled or failed job changes nothing.

use crate::store::{Db, Tx};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::badge::{self, BadgeContent, EventStyle, PhotoRef};
use crate::desk::badges::{self as badges, ReprintReason};
use crate::domain::{
    Badge, BadgeSerial, Category, CategoryId, Delegation, DelegationId, Event, Layout, Participant,
    ParticipantId, ParticipantStatus,
};
use crate::error::{Error, Result};
use crate::search::sort_name;
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
    /// The operator confirmed printing badges whose validity has ended or
    /// ends before the event's last day (`--confirm`, "Print anyway").
    pub confirmed: bool,
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
    /// Why some badges would not be valid for the event (validity ended,
    /// or ends before its last day): printing them needs confirming.
    pub validity_warnings: Vec<String>,
}

/// Why a badge valid until `expires` should not be printed at `now` without
/// the operator confirming: its validity has ended, or it ends before the
/// event's last day begins. `None` when it covers the event.
pub fn validity_warning(event: &Event, expires: i64, now: i64) -> Option<String> {
    let ended = crate::gate::verdict::day_and_time(event, expires);
    if expires <= now {
        return Some(format!("its validity ended on {ended}"));
    }
    let last_day = event
        .instant_of(event.end_date.to_datetime(jiff::civil::Time::midnight()))
        .ok()?;
    (expires < last_day).then(|| {
        format!(
            "its validity ends on {ended}, before the event's last day ({})",
            event.end_date
        )
    })
}

/// The warnings of `plans`, one per distinct end of validity.
fn validity_warnings(
    event: &Event,
    plans: impl IntoIterator<Item = (Option<BadgeSerial>, i64)>,
    now: i64,
) -> Vec<String> {
    let mut by_reason: Vec<(String, usize, Option<BadgeSerial>)> = Vec::new();
    for (serial, expires) in plans {
        if let Some(reason) = validity_warning(event, expires, now) {
            match by_reason.iter_mut().find(|(r, _, _)| *r == reason) {
                Some((_, n, _)) => *n += 1,
                None => by_reason.push((reason, 1, serial)),
            }
        }
    }
    by_reason
        .into_iter()
        .map(|(reason, n, serial)| match (n, serial) {
            (1, Some(serial)) => format!("badge {serial}: {reason}"),
            (1, None) => format!("1 new badge: {reason}"),
            (n, _) => format!("{n} badges: {reason}"),
        })
        .collect()
}

/// The refusal of a job with warnings the operator has not confirmed.
fn unconfirmed(warnings: &[String]) -> Error {
    Error::Refused(format!(
        "not printed: {}; confirm to print anyway (--confirm)",
        warnings.join("; ")
    ))
}

/// The participants a selection takes, ordered by delegation then family
/// name, before any status check.
pub fn select(conn: &Db, selection: &Selection) -> Result<Vec<Participant>> {
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
pub fn preview(conn: &Db, actor: &Actor, selection: &Selection) -> Result<PrintSummary> {
    actor.require(Permission::PrintBadges)?;
    let event = store::event::get(conn)?;
    let mut summary = PrintSummary::default();
    let mut validity = Vec::new();
    for p in select(conn, selection)? {
        match plan(conn, &p, selection, &mut summary)? {
            Plan::New => {
                summary.new += 1;
                validity.push((None, event.badge_valid_until));
            }
            Plan::Again(b) => {
                summary.reprinted += 1;
                validity.push((Some(b.serial), b.expires));
            }
            Plan::Skip(reason) => summary.skipped.push(skipped(&p, reason)),
        }
    }
    summary.badges = summary.new + summary.reprinted;
    summary.validity_warnings = validity_warnings(&event, validity, crate::clock::now());
    Ok(summary)
}

enum Plan {
    New,
    Again(Badge),
    Skip(String),
}

fn plan(
    conn: &Db,
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
    if let Some(reason) = crate::vetting::blocked(conn, p)? {
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
    conn: &mut Db,
    actor: &Actor,
    selection: &Selection,
    layout: Layout,
    path: &Path,
    progress: &dyn Fn(usize) -> bool,
) -> Result<PrintSummary> {
    actor.require(Permission::PrintBadges)?;
    // Another desk printing some of the same people at the same moment
    // holds their badges until it commits; then this run sees them and
    // plans again (on PostgreSQL; SQLite's writers wait their turn).
    let mut tries = 0;
    let shared = !conn.is_sqlite();
    loop {
        match print_once(ws, conn, actor, selection, layout, path, progress) {
            Err(Error::Store(e)) if shared && e.is_transient() && tries < 3 => tries += 1,
            Err(Error::Store(e)) if shared && e.is_transient() => {
                return Err(Error::Refused(format!(
                    "another desk kept printing badges of the same people: try again in a moment ({e})"
                )));
            }
            other => return other,
        }
    }
}

fn print_once(
    ws: &Workspace,
    conn: &mut Db,
    actor: &Actor,
    selection: &Selection,
    layout: Layout,
    path: &Path,
    progress: &dyn Fn(usize) -> bool,
) -> Result<PrintSummary> {
    let now = crate::clock::now();
    let tx = conn.transaction()?;
    let event = store::event::get(&tx)?;
    let key = crate::signing::signing_key(&ws.keys_dir(), &tx)?;
    let mut summary = PrintSummary {
        layout: layout.to_string(),
        ..Default::default()
    };
    let mut printed: Vec<(Badge, Participant, &'static str)> = Vec::new();
    let mut issued = Vec::new();
    for p in select(&tx, selection)? {
        match plan(&tx, &p, selection, &mut summary)? {
            Plan::Skip(reason) => summary.skipped.push(skipped(&p, reason)),
            Plan::Again(b) => {
                summary.reprinted += 1;
                printed.push((b, p, "again"));
            }
            Plan::New => {
                let (b, entry) = badges::issue_unaudited(&tx, actor, &event, &key, &p, now)?;
                issued.push(entry);
                summary.new += 1;
                printed.push((b, p, "new"));
            }
        }
    }
    summary.validity_warnings = validity_warnings(
        &event,
        printed.iter().map(|(b, _, _)| (Some(b.serial), b.expires)),
        now,
    );
    if !summary.validity_warnings.is_empty() && !selection.confirmed {
        return Err(unconfirmed(&summary.validity_warnings));
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
    // Rendering takes the most time: the audit chain is taken only after.
    let pdf = render(&tx, &event, &printed, layout, progress)?;
    for entry in issued {
        entry.record(&tx)?;
    }
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
/// A new badge that would not be valid for the event (see
/// [`validity_warning`]) is refused unless `confirmed`.
#[allow(clippy::too_many_arguments)]
pub fn reprint(
    ws: &Workspace,
    conn: &mut Db,
    actor: &Actor,
    participant: ParticipantId,
    reason: ReprintReason,
    layout: Layout,
    path: &Path,
    confirmed: bool,
) -> Result<(Option<Badge>, Badge)> {
    actor.require(Permission::PrintBadges)?;
    let now = crate::clock::now();
    let tx = conn.transaction()?;
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
    if let Some(warning) = validity_warning(&event, new.expires, now)
        && !confirmed
    {
        return Err(unconfirmed(&[format!("the new badge: {warning}")]));
    }
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
pub fn event_style(conn: &Db, event: &Event) -> Result<EventStyle> {
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
    tx: &Tx,
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
    use crate::demo::{self, Dates};

    fn at(text: &str) -> i64 {
        crate::clock::parse_instant(text).unwrap()
    }

    #[test]
    fn a_badge_not_valid_for_the_event_is_named_with_the_reason() {
        // The seed: 25–26 October 2025, badges until 27 October 00:00.
        let event = demo::event(&Dates::seed()).unwrap();
        let during = at("2025-10-25T09:00:00+07:00");
        assert_eq!(
            validity_warning(&event, event.badge_valid_until, during),
            None
        );
        // A year later, its validity has ended.
        assert_eq!(
            validity_warning(
                &event,
                event.badge_valid_until,
                at("2026-12-04T10:00:00+07:00")
            ),
            Some("its validity ended on 27 Oct 2025 00:00".into())
        );
        // A badge that stops before the last day begins.
        let short = at("2025-10-25T20:00:00+07:00");
        assert_eq!(
            validity_warning(&event, short, during),
            Some(
                "its validity ends on 25 Oct 2025 20:00, before the event's last day (2025-10-26)"
                    .into()
            )
        );
        // Ending during the last day is the event's own choice.
        assert_eq!(
            validity_warning(&event, at("2025-10-26T18:00:00+07:00"), during),
            None
        );
    }

    #[test]
    fn printing_an_expired_badge_needs_confirming_and_then_prints() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        // A demo of the past, printed at the real clock.
        demo::create(&ws, 40, Dates::seed(), false).unwrap();
        let mut conn = ws.open().unwrap();
        let clerk = Actor {
            operator: None,
            name: "clerk".into(),
            role: crate::domain::Role::Clerk,
        };
        let approved = store::participants::list(
            &conn,
            &store::participants::Filter {
                status: Some(ParticipantStatus::Approved),
                ..Default::default()
            },
        )
        .unwrap();
        let mut selection = Selection {
            participants: vec![approved[0].id],
            // The demo handed this badge over already.
            handed_over_again: true,
            ..Default::default()
        };
        let preview = super::preview(&conn, &clerk, &selection).unwrap();
        assert_eq!(preview.validity_warnings.len(), 1, "{preview:?}");
        let pdf = dir.path().join("badge.pdf");
        let prints = |c: &Db| -> i64 {
            c.query_row("SELECT count(*) FROM badge_prints", [], |r| r.get(0))
                .unwrap()
        };
        let before = prints(&conn);
        let err = print(
            &ws,
            &mut conn,
            &clerk,
            &selection,
            Layout::A6,
            &pdf,
            &|_| true,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("validity ended on 27 Oct 2025 00:00"), "{err}");
        assert!(err.contains("--confirm"), "{err}");
        assert!(!pdf.exists());
        assert_eq!(prints(&conn), before, "nothing changed");
        selection.confirmed = true;
        let summary = print(
            &ws,
            &mut conn,
            &clerk,
            &selection,
            Layout::A6,
            &pdf,
            &|_| true,
        )
        .unwrap();
        assert_eq!(summary.badges, 1);
        assert_eq!(summary.validity_warnings.len(), 1);
        assert!(pdf.exists());

        // A reprint likewise.
        let id = approved[0].id;
        let again = dir.path().join("again.pdf");
        let err = reprint(
            &ws,
            &mut conn,
            &clerk,
            id,
            ReprintReason::Lost,
            Layout::A6,
            &again,
            false,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("the new badge: its validity ended"), "{err}");
        reprint(
            &ws,
            &mut conn,
            &clerk,
            id,
            ReprintReason::Lost,
            Layout::A6,
            &again,
            true,
        )
        .unwrap();
    }

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
        crate::demo::create(&ws, 300, Dates::around(crate::clock::now()), false).unwrap();
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
            .query_map([], |r| Ok((r.get::<i64>(0)? as u64, r.get(1)?)))
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
