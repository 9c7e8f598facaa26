//! Printing badges: a selection of participants becomes one PDF. Approved
//! participants without an active badge get a new one (new serial, signed
//! credential); those with one get it printed again.
//!
//! A print run of thousands of badges renders for seconds, and holds no
//! lock meanwhile: it plans in a read transaction, reserves the serials of
//! its new badges in a write transaction of a moment, signs and renders
//! with no transaction open, stages the PDF, and then, in one short write
//! transaction, checks that its plan still holds, stores the badges, counts
//! the prints, writes the audit entries and commits; only then does the PDF
//! get its name. A plan overtaken meanwhile (another desk printed some of
//! the same people, a clerk changed one) is made again. A cancelled or
//! failed run stores nothing and leaves no PDF; only its reserved serials
//! are never given (serials are never reused, gaps are allowed).

use crate::store::{Db, Tx};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::audit::{self, Change};
use crate::auth::{Actor, Permission};
use crate::badge::{self, BadgeContent, EventStyle, PhotoRef};
use crate::credential::EventKey;
use crate::desk::badges::{self as badges, ReprintReason};
use crate::domain::{
    Badge, BadgeSerial, Category, CategoryId, ClearanceRule, Delegation, DelegationId, Event,
    Layout, Participant, ParticipantId, ParticipantStatus,
};
use crate::error::{Error, Result};
use crate::search::sort_name;
use crate::store;
use crate::store::keys::KeyRecord;
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
    select_among(conn, selection, &delegations(conn)?)
}

/// The event's delegations by id.
fn delegations(conn: &Db) -> Result<HashMap<DelegationId, Delegation>> {
    Ok(store::delegations::list(conn)?
        .into_iter()
        .map(|d| (d.id, d))
        .collect())
}

/// [`select`], the delegations read already.
fn select_among(
    conn: &Db,
    selection: &Selection,
    delegations: &HashMap<DelegationId, Delegation>,
) -> Result<Vec<Participant>> {
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
    chosen.sort_by_cached_key(|p| {
        (
            delegations
                .get(&p.details.delegation)
                .map(|d| d.code.clone())
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
    let people = select(conn, selection)?;
    let lookup = Lookup::read(conn, &people)?;
    for p in people {
        match plan(conn, &p, &lookup, selection, &mut summary)? {
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

/// What planning a participant's print reads besides their row, read once
/// for a whole run: a statement per run, not one per person (on PostgreSQL
/// each is a round trip to the server).
struct Lookup {
    /// The event's clearance rule: when it is off, as at most events, no
    /// participant's clearance is read.
    clearance: ClearanceRule,
    /// The active badges of the run's participants, by participant.
    active: HashMap<ParticipantId, Badge>,
}

impl Lookup {
    fn read(conn: &Db, people: &[Participant]) -> Result<Lookup> {
        let ids: Vec<ParticipantId> = people.iter().map(|p| p.id).collect();
        Ok(Lookup {
            clearance: crate::vetting::rule(conn)?,
            active: store::badges::active_for_many(conn, &ids)?,
        })
    }
}

fn plan(
    conn: &Db,
    p: &Participant,
    lookup: &Lookup,
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
    if !lookup.clearance.is_off()
        && let Some(reason) = crate::vetting::blocked(conn, p)?
    {
        return Ok(Plan::Skip(reason));
    }
    let active = lookup.active.get(&p.id).cloned();
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
/// stores nothing and leaves no PDF.
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
    // Another desk printing some of the same people at the same moment, or
    // a clerk changing one of them, may overtake the plan while the badges
    // are drawn: the run then starts over, planned anew (those printed by
    // the other desk meanwhile are printed again, or skipped when only the
    // never printed are asked for). On PostgreSQL, two desks storing badges
    // of the same people at the same instant meet at the unique index (the
    // second waits for the first's commit, then fails) or in a deadlock;
    // that one starts over too.
    let shared = !conn.is_sqlite();
    let mut tries = 0;
    loop {
        let why = match print_once(ws, conn, actor, selection, layout, path, progress) {
            Ok(Attempt::Printed(summary)) => return Ok(summary),
            Ok(Attempt::Overtaken(why)) => why,
            Err(Error::Store(e)) if shared && e.is_transient() => {
                tracing::debug!(%e, "a print run met another desk's; trying again");
                "another desk was storing badges of the same people".to_owned()
            }
            Err(e) => return Err(e),
        };
        if tries == 3 {
            return Err(Error::Refused(format!(
                "not printed: another desk or operator kept changing the same people while their badges were being made (last: {why}); try again in a moment"
            )));
        }
        tries += 1;
    }
}

/// How one attempt at a print run ended.
enum Attempt {
    Printed(PrintSummary),
    /// Its plan no longer held when it came to store it (why, in words):
    /// nothing was stored.
    Overtaken(String),
}

/// One badge of a print run, in print order.
struct Job {
    participant: Participant,
    badge: Printing,
}

enum Printing {
    /// A new badge, signed with a reserved serial, stored with the prints.
    New(badges::Signed),
    /// The active badge, printed again.
    Again(Badge),
}

impl Job {
    fn badge(&self) -> &Badge {
        match &self.badge {
            Printing::New(signed) => &signed.badge,
            Printing::Again(b) => b,
        }
    }

    fn kind(&self) -> &'static str {
        match self.badge {
            Printing::New(_) => "new",
            Printing::Again(_) => "again",
        }
    }
}

/// A print run as planned in one read transaction.
struct Planned {
    event: Event,
    key: (KeyRecord, EventKey),
    summary: PrintSummary,
    /// The participants to print, in print order: `Plan::New` or
    /// `Plan::Again`.
    jobs: Vec<(Participant, Plan)>,
    sheet: Sheet,
}

/// Plans a run in one read transaction (no write lock on SQLite, one
/// snapshot on PostgreSQL): who gets a new badge, who is printed again,
/// who is skipped and why, and what drawing them needs from the store.
fn plan_run(ws: &Workspace, conn: &Db, selection: &Selection, layout: Layout) -> Result<Planned> {
    let read = conn.read()?;
    let event = store::event::get(&read)?;
    let key = crate::signing::signing_key(&ws.keys_dir(), &read)?;
    let mut summary = PrintSummary {
        layout: layout.to_string(),
        ..Default::default()
    };
    let mut jobs = Vec::new();
    let delegations = delegations(&read)?;
    let people = select_among(&read, selection, &delegations)?;
    let lookup = Lookup::read(&read, &people)?;
    for p in people {
        match plan(&read, &p, &lookup, selection, &mut summary)? {
            Plan::Skip(reason) => summary.skipped.push(skipped(&p, reason)),
            Plan::New => {
                summary.new += 1;
                jobs.push((p, Plan::New));
            }
            Plan::Again(b) => {
                summary.reprinted += 1;
                jobs.push((p, Plan::Again(b)));
            }
        }
    }
    summary.validity_warnings = validity_warnings(
        &event,
        jobs.iter().map(|(_, job)| match job {
            Plan::Again(b) => (Some(b.serial), b.expires),
            _ => (None, event.badge_valid_until),
        }),
        crate::clock::now(),
    );
    if !summary.validity_warnings.is_empty() && !selection.confirmed {
        return Err(unconfirmed(&summary.validity_warnings));
    }
    if jobs.is_empty() {
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
    let sheet = Sheet::read(&read, &event, delegations, jobs.iter().map(|(p, _)| p))?;
    read.commit()?;
    Ok(Planned {
        event,
        key,
        summary,
        jobs,
        sheet,
    })
}

fn print_once(
    ws: &Workspace,
    conn: &mut Db,
    actor: &Actor,
    selection: &Selection,
    layout: Layout,
    path: &Path,
    progress: &dyn Fn(usize) -> bool,
) -> Result<Attempt> {
    let now = crate::clock::now();
    let Planned {
        event,
        key,
        mut summary,
        jobs,
        sheet,
    } = plan_run(ws, conn, selection, layout)?;

    // The new badges' serials, in a write transaction of a moment: never
    // given to anyone else, even if this run stores nothing.
    let mut serials = if summary.new == 0 {
        Vec::new().into_iter()
    } else {
        let tx = conn.transaction()?;
        let serials = store::badges::reserve_serials(&tx, summary.new)?;
        tx.commit()?;
        serials.into_iter()
    };

    // Signed and drawn with no transaction open: gates and other desks go
    // on committing meanwhile.
    let mut printed = Vec::with_capacity(jobs.len());
    for (participant, plan) in jobs {
        let badge = match plan {
            Plan::New => {
                let serial = serials.next().ok_or_else(|| {
                    Error::Other("fewer badge serials reserved than asked".into())
                })?;
                let category = sheet.category(&participant)?;
                Printing::New(badges::sign(
                    &event,
                    &key,
                    category,
                    &participant,
                    serial,
                    actor,
                    now,
                )?)
            }
            Plan::Again(b) => Printing::Again(b),
            Plan::Skip(_) => continue,
        };
        printed.push(Job { participant, badge });
    }
    let pdf = sheet.render(
        printed.iter().map(|job| (job.badge(), &job.participant)),
        layout,
        progress,
    )?;
    // Written whole under a temporary name; it gets its real name only
    // once its badges are committed, so a crash or a plan overtaken in
    // between leaves no PDF of serials the store does not know.
    let staged = crate::files::write_staged(path, &pdf)?;

    // Stored in one short write transaction, if the plan still holds.
    let tx = conn.transaction()?;
    if let Some(why) = overtaken(ws, &tx, selection, &event, &key, &printed)? {
        return Ok(Attempt::Overtaken(why));
    }
    let mut issued = Vec::with_capacity(summary.new);
    for job in &printed {
        if let Printing::New(signed) = &job.badge {
            issued.push(badges::store_signed(&tx, actor, signed)?);
        }
    }
    let prints: Vec<(BadgeSerial, &str)> = printed
        .iter()
        .map(|job| (job.badge().serial, job.kind()))
        .collect();
    store::badges::record_prints(&tx, &prints, now, &actor.name)?;
    // The audit chain is taken only now, for the commit, once for all of
    // the run's entries: the issues first, then the prints.
    let prints_entries = printed.iter().map(|job| {
        audit::Record::new(
            now,
            Change::new("badge.print", "badge", job.badge().serial)
                .for_participant(job.participant.id),
            None::<&()>,
            Some(&serde_json::json!({"kind": job.kind(), "layout": layout.as_str()})),
        )
    });
    let entries = issued
        .into_iter()
        .map(badges::IssueEntry::into_record)
        .chain(prints_entries)
        .collect::<Result<Vec<_>>>()?;
    audit::record_all(&tx, actor, entries)?;
    summary.serials = prints.iter().map(|(serial, _)| *serial).collect();
    summary.badges = printed.len();
    summary.pages = printed.len().div_ceil(layout.badges_per_page());
    summary.bytes = pdf.len();
    tx.commit()?;
    staged.publish()?;
    Ok(Attempt::Printed(summary))
}

/// Why the plan of a print run no longer holds, read in the write
/// transaction that would store it (and `None` when it holds): the event's
/// settings or this desk's key changed; a participant changed (status,
/// details, photo, clearance); a new badge's holder has an active badge now,
/// or its claims would differ (a category's code or zones); a badge
/// printed again is no longer the active one, or was handed over since
/// (without `handed_over_again`). On PostgreSQL the participants' rows and
/// their active badges are held first, so that what is read here stays
/// true until the commit.
fn overtaken(
    ws: &Workspace,
    tx: &Tx,
    selection: &Selection,
    event: &Event,
    key: &(KeyRecord, EventKey),
    printed: &[Job],
) -> Result<Option<String>> {
    let ids: Vec<ParticipantId> = printed.iter().map(|job| job.participant.id).collect();
    let held = store::participants::hold(tx, &ids)?;
    let active = store::badges::hold_active(tx, &ids)?;
    if store::event::get(tx)? != *event {
        return Ok(Some("the event's settings were changed".into()));
    }
    if crate::signing::local_key(&ws.keys_dir(), tx)?.map(|k| k.id) != Some(key.0.id) {
        return Ok(Some("this desk's signing key was changed".into()));
    }
    let categories: HashMap<CategoryId, Category> = store::categories::list(tx)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let lookup = Lookup {
        clearance: crate::vetting::rule(tx)?,
        active,
    };
    let mut scratch = PrintSummary::default();
    for job in printed {
        let name = job.participant.details.display_name();
        let current = held
            .get(&job.participant.id)
            .ok_or_else(|| Error::not_found("participant", job.participant.id))?;
        if *current != job.participant {
            return Ok(Some(format!("{name} was changed")));
        }
        let why = match (
            plan(tx, current, &lookup, selection, &mut scratch)?,
            &job.badge,
        ) {
            (Plan::New, Printing::New(signed)) => {
                let same = categories.get(&current.details.category).is_some_and(|c| {
                    badges::claims(event, c, current, signed.badge.serial) == signed.claims
                });
                (!same).then(|| format!("the category of {name} was changed"))
            }
            (Plan::Again(now), Printing::Again(then)) => (now.serial != then.serial)
                .then(|| format!("badge {} of {name} was replaced", then.serial)),
            (Plan::Again(b), Printing::New(_)) => {
                Some(format!("{name} was given badge {} meanwhile", b.serial))
            }
            (Plan::New, Printing::Again(b)) => {
                Some(format!("badge {} of {name} was revoked", b.serial))
            }
            (Plan::Skip(reason), _) => Some(format!("{name}: {reason}")),
        };
        if why.is_some() {
            return Ok(why);
        }
    }
    Ok(None)
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
    let pdf =
        Sheet::read(&tx, &event, delegations(&tx)?, [&p])?
            .render([(&new, &p)], layout, &|_| true)?;
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

/// What drawing a run's badges needs from the store, read with its plan:
/// the event's style, the delegations and categories, and each photo once
/// (shared by every badge showing it).
struct Sheet {
    style: EventStyle,
    delegations: HashMap<DelegationId, Delegation>,
    categories: HashMap<CategoryId, Category>,
    photos: HashMap<[u8; 32], PhotoRef>,
}

impl Sheet {
    fn read<'p>(
        conn: &Db,
        event: &Event,
        delegations: HashMap<DelegationId, Delegation>,
        people: impl IntoIterator<Item = &'p Participant>,
    ) -> Result<Sheet> {
        let mut hashes: Vec<[u8; 32]> = people.into_iter().filter_map(|p| p.photo).collect();
        hashes.sort_unstable();
        hashes.dedup();
        let photos = store::photos::get_many(conn, &hashes)?
            .into_iter()
            .map(|(hash, stored)| {
                let photo = PhotoRef {
                    key: hash,
                    jpeg: Arc::from(stored.jpeg),
                };
                (hash, photo)
            })
            .collect();
        Ok(Sheet {
            style: event_style(conn, event)?,
            delegations,
            categories: store::categories::list(conn)?
                .into_iter()
                .map(|c| (c.id, c))
                .collect(),
            photos,
        })
    }

    fn category(&self, p: &Participant) -> Result<&Category> {
        self.categories
            .get(&p.details.category)
            .ok_or_else(|| Error::not_found("category", p.details.category))
    }

    /// The PDF of these badges, in this order; touches no store.
    fn render<'a>(
        &self,
        printed: impl IntoIterator<Item = (&'a Badge, &'a Participant)>,
        layout: Layout,
        progress: &dyn Fn(usize) -> bool,
    ) -> Result<Vec<u8>> {
        let mut contents = Vec::new();
        for (b, p) in printed {
            let d = self
                .delegations
                .get(&p.details.delegation)
                .ok_or_else(|| Error::not_found("delegation", p.details.delegation))?;
            let photo = p.photo.and_then(|hash| self.photos.get(&hash).cloned());
            contents.push(content(b, p, d, self.category(p)?, photo));
        }
        badge::render_pdf(&self.style, &contents, layout, progress).map_err(|e| match e {
            badge::BadgeError::Cancelled => {
                Error::Cancelled("printing was cancelled; nothing was changed".into())
            }
            other => Error::Other(format!("could not make the badges: {other}")),
        })
    }
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

    /// A demo under way with every nominee approved: many participants
    /// without a badge yet, and many with one.
    fn busy_desk(participants: usize) -> (tempfile::TempDir, Workspace) {
        busy_desk_on(None, participants)
    }

    /// [`busy_desk`] on the database at `server`, or in SQLite.
    fn busy_desk_on(server: Option<&str>, participants: usize) -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::new(dir.path());
        if let Some(url) = server {
            ws = ws.on_server(store::ServerUrl::parse(url).unwrap(), None);
        }
        crate::demo::create(&ws, participants, Dates::around(crate::clock::now()), false).unwrap();
        let mut conn = ws.open().unwrap();
        let nominated: Vec<ParticipantId> = store::participants::list(
            &conn,
            &store::participants::Filter {
                status: Some(ParticipantStatus::Nominated),
                ..Default::default()
            },
        )
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
        super::super::participants::approve(
            &mut conn,
            &actor(Role::Supervisor),
            &nominated,
            Some("rehearsal"),
        )
        .unwrap();
        (dir, ws)
    }

    fn count(conn: &Db, table: &str) -> i64 {
        conn.query_value(&format!("SELECT count(*) FROM {table}"), [])
            .unwrap()
    }

    /// Whatever a print run may leave behind: badges, prints, audit
    /// entries, and the files of the directory (a PDF, a staged one).
    fn traces(conn: &Db, dir: &Path) -> (i64, i64, i64, Vec<String>) {
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".pdf") || name.ends_with(".tmp"))
            .collect();
        files.sort();
        (
            count(conn, "badges"),
            count(conn, "badge_prints"),
            count(conn, "audit_log"),
            files,
        )
    }

    #[test]
    fn a_gate_scan_commits_while_a_large_print_run_renders() {
        let (dir, ws) = busy_desk(450);
        let mut desk = ws.open().unwrap();
        let clerk = actor(Role::Clerk);
        let badge = store::badges::list(&desk)
            .unwrap()
            .into_iter()
            .find(|b| b.status == crate::domain::BadgeStatus::Active && b.zones.contains(1))
            .expect("an active badge for zone 1");
        let station =
            std::cell::RefCell::new(crate::gate::Station::open_store(ws.open().unwrap()).unwrap());
        let checkpoint = station
            .borrow()
            .checkpoints()
            .iter()
            .find(|c| c.zone == 1)
            .expect("a checkpoint into zone 1")
            .id;
        let watcher = ws.open().unwrap();
        let scans_before = count(&watcher, "scans");
        // At the first progress report the run has rendered 256 badges and
        // has more to go: a gate on another connection scans then.
        let scanned: std::cell::RefCell<Vec<(usize, std::time::Duration, i64)>> =
            Default::default();
        let gate = actor(Role::Gate);
        let progress = |done: usize| {
            if scanned.borrow().is_empty() {
                let asked = std::time::Instant::now();
                station
                    .borrow_mut()
                    .scan(
                        &gate,
                        &crate::gate::ScanRequest {
                            text: &badge.credential,
                            checkpoint,
                            direction: crate::domain::Direction::Entry,
                            at: crate::clock::now(),
                            station: "Lane 1",
                        },
                    )
                    .expect("the scan is recorded while the badges render");
                // Committed: a third connection sees it.
                let seen = count(&watcher, "scans");
                scanned.borrow_mut().push((done, asked.elapsed(), seen));
            }
            true
        };
        let summary = print(
            &ws,
            &mut desk,
            &clerk,
            &Selection {
                handed_over_again: true,
                ..Default::default()
            },
            Layout::A4x4,
            &dir.path().join("all.pdf"),
            &progress,
        )
        .unwrap();
        assert!(summary.new > 0 && summary.reprinted > 0, "{summary:?}");
        let scanned = scanned.into_inner();
        let (done, took, seen) = scanned[0];
        assert!(
            done < summary.badges,
            "the scan came while {} badges were still to render",
            summary.badges
        );
        assert_eq!(seen, scans_before + 1, "the scan was committed");
        // Loosely: it did not wait for the run (SQLite's busy timeout is 10 s).
        assert!(took.as_secs() < 5, "the scan took {took:?}");
        let report = crate::audit::verify(&desk).unwrap();
        assert!(report.broken_at.is_none(), "{report:?}");
    }

    #[test]
    fn a_cancelled_run_leaves_no_badge_print_entry_or_pdf() {
        let (dir, ws) = busy_desk(400);
        let mut conn = ws.open().unwrap();
        let clerk = actor(Role::Clerk);
        // New badges and badges printed again, more than one chunk of
        // rendering (256), so that a run can be cancelled half-way.
        let selection = Selection {
            handed_over_again: true,
            ..Default::default()
        };
        let planned = preview(&conn, &clerk, &selection).unwrap();
        assert!(planned.new > 0 && planned.badges > 256, "{planned:?}");
        let before = traces(&conn, dir.path());
        let badges_before = store::badges::list(&conn).unwrap();
        let pdf = dir.path().join("cancelled.pdf");
        // Cancelled at the first progress report, then half-way.
        for cancel_at in [1, 2] {
            let calls = std::cell::Cell::new(0);
            let err = print(
                &ws,
                &mut conn,
                &clerk,
                &selection,
                Layout::A6,
                &pdf,
                &|_| {
                    calls.set(calls.get() + 1);
                    calls.get() < cancel_at
                },
            )
            .unwrap_err();
            assert!(matches!(err, Error::Cancelled(_)), "{err}");
            assert_eq!(calls.get(), cancel_at);
            assert_eq!(
                traces(&conn, dir.path()),
                before,
                "nothing stored or written"
            );
            assert_eq!(store::badges::list(&conn).unwrap(), badges_before);
        }
        // The run made then takes new serials: those the cancelled runs
        // reserved are never given (a gap, never a serial twice).
        let done = print(
            &ws,
            &mut conn,
            &clerk,
            &selection,
            Layout::A6,
            &pdf,
            &|_| true,
        )
        .unwrap();
        assert_eq!(done.new, planned.new);
        let highest_before = badges_before.iter().map(|b| b.serial).max().unwrap();
        let new: Vec<BadgeSerial> = store::badges::list(&conn)
            .unwrap()
            .iter()
            .map(|b| b.serial)
            .filter(|s| *s > highest_before)
            .collect();
        assert_eq!(new.len(), planned.new);
        assert!(
            new.iter()
                .all(|s| *s > highest_before + 2 * planned.new as u64),
            "{new:?}"
        );
    }

    #[test]
    fn a_participant_changed_while_the_badges_render_is_printed_as_changed() {
        let (dir, ws) = busy_desk(200);
        let mut conn = ws.open().unwrap();
        let clerk = actor(Role::Clerk);
        let new = preview(
            &conn,
            &clerk,
            &Selection {
                only_unprinted: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(new.new >= 3, "{new:?}");
        let unprinted: Vec<ParticipantId> = store::participants::list(
            &conn,
            &store::participants::Filter {
                status: Some(ParticipantStatus::Approved),
                ..Default::default()
            },
        )
        .unwrap()
        .into_iter()
        .filter(|p| store::badges::active_for(&conn, p.id).unwrap().is_none())
        .map(|p| p.id)
        .take(3)
        .collect();
        let changed = unprinted[1];
        let other = std::cell::RefCell::new(ws.open().unwrap());
        let attempts = std::cell::Cell::new(0);
        let summary = print(
            &ws,
            &mut conn,
            &clerk,
            &Selection {
                participants: unprinted.clone(),
                ..Default::default()
            },
            Layout::A6,
            &dir.path().join("three.pdf"),
            &|_| {
                attempts.set(attempts.get() + 1);
                if attempts.get() == 1 {
                    // A clerk at another desk corrects a name meanwhile.
                    let mut other = other.borrow_mut();
                    let mut d = store::participants::get(&other, changed).unwrap().details;
                    d.function = "Head of delegation (corrected)".into();
                    crate::desk::participants::edit(&mut other, &actor(Role::Clerk), changed, d)
                        .unwrap();
                }
                true
            },
        )
        .unwrap();
        assert_eq!(attempts.get(), 2, "planned and drawn again");
        assert_eq!(summary.new, 3, "{summary:?}");
        for id in &unprinted {
            assert_eq!(store::badges::history(&conn, *id).unwrap().len(), 1);
        }
        let issued: Vec<_> =
            crate::audit::list(&conn, &actor(Role::Administrator), &Default::default())
                .unwrap()
                .into_iter()
                .filter(|e| e.action == "badge.issue")
                .collect();
        assert!(issued.len() >= 3);
        let report = crate::audit::verify(&conn).unwrap();
        assert!(report.broken_at.is_none(), "{report:?}");
    }

    #[test]
    fn two_desks_printing_the_same_people_at_once_give_each_one_badge() {
        let (dir, ws) = busy_desk(200);
        let conn = ws.open().unwrap();
        let people: Vec<ParticipantId> = store::participants::list(
            &conn,
            &store::participants::Filter {
                status: Some(ParticipantStatus::Approved),
                ..Default::default()
            },
        )
        .unwrap()
        .into_iter()
        .filter(|p| store::badges::active_for(&conn, p.id).unwrap().is_none())
        .map(|p| p.id)
        .take(20)
        .collect();
        assert_eq!(people.len(), 20);
        let selection = Selection {
            participants: people.clone(),
            only_unprinted: true,
            ..Default::default()
        };
        // Both desks have planned, reserved serials and drawn their badges
        // before either stores them.
        let (to_b, from_a) = std::sync::mpsc::channel::<()>();
        let (to_a, from_b) = std::sync::mpsc::channel::<()>();
        let desk =
            |meet: std::sync::mpsc::Sender<()>, wait: std::sync::mpsc::Receiver<()>, n: usize| {
                let ws = ws.clone();
                let selection = selection.clone();
                let pdf = dir.path().join(format!("desk-{n}.pdf"));
                std::thread::spawn(move || {
                    let mut conn = ws.open().unwrap();
                    let met = std::cell::Cell::new(false);
                    print(
                        &ws,
                        &mut conn,
                        &actor(Role::Clerk),
                        &selection,
                        Layout::A6,
                        &pdf,
                        &|_| {
                            if !met.replace(true) {
                                meet.send(()).unwrap();
                                wait.recv_timeout(std::time::Duration::from_secs(120))
                                    .unwrap();
                            }
                            true
                        },
                    )
                })
            };
        let a = desk(to_b, from_b, 1);
        let b = desk(to_a, from_a, 2);
        let outcomes = [a.join().unwrap(), b.join().unwrap()];
        let printed: Vec<&PrintSummary> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
        assert_eq!(printed.len(), 1, "{outcomes:?}");
        assert_eq!(printed[0].new, 20);
        let refused = outcomes.iter().find_map(|o| o.as_ref().err()).unwrap();
        assert!(
            matches!(refused, Error::Refused(why) if why.contains("no badge to print")),
            "the desk that came second is told in words: {refused}"
        );
        for id in &people {
            let badges = store::badges::history(&conn, *id).unwrap();
            assert_eq!(badges.len(), 1, "participant {id}: {badges:?}");
        }
        let report = crate::audit::verify(&conn).unwrap();
        assert!(report.broken_at.is_none(), "{report:?}");
    }

    /// A run stores each print and audit entry in print order and counts
    /// each badge printed once: on SQLite a statement for each, on
    /// PostgreSQL a few statements for the whole run. Both the same.
    #[test]
    fn a_run_records_its_prints_and_entries_in_print_order_on_either_engine() {
        let servers = [None]
            .into_iter()
            .chain(crate::test_server::new_database().map(Some));
        for server in servers {
            let (dir, ws) = busy_desk_on(server.as_deref(), 120);
            let mut conn = ws.open().unwrap();
            let engine = if conn.is_sqlite() {
                "SQLite"
            } else {
                "PostgreSQL"
            };
            let counted = |conn: &Db| -> HashMap<BadgeSerial, u32> {
                store::badges::list(conn)
                    .unwrap()
                    .into_iter()
                    .map(|b| (b.serial, b.print_count))
                    .collect()
            };
            let before = counted(&conn);
            let last_print: i64 = conn
                .query_value("SELECT coalesce(max(id), 0) FROM badge_prints", [])
                .unwrap();
            let last_entry = store::audit::head(&conn).unwrap().0;
            let clerk = actor(Role::Clerk);
            let summary = print(
                &ws,
                &mut conn,
                &clerk,
                &Selection {
                    handed_over_again: true,
                    ..Default::default()
                },
                Layout::A6,
                &dir.path().join("all.pdf"),
                &|_| true,
            )
            .unwrap();
            assert!(
                summary.new > 1 && summary.reprinted > 1,
                "{engine}: {summary:?}"
            );

            let prints: Vec<(BadgeSerial, String, String)> = conn
                .query_map(
                    "SELECT serial, kind, printed_by FROM badge_prints WHERE id > ?1 ORDER BY id",
                    [last_print],
                    |r| Ok((r.get::<i64>(0)? as u64, r.get(1)?, r.get(2)?)),
                )
                .unwrap();
            let printed: Vec<BadgeSerial> = prints.iter().map(|p| p.0).collect();
            assert_eq!(printed, summary.serials, "{engine}: prints in print order");
            let kinds = |kind: &str| prints.iter().filter(|p| p.1 == kind).count();
            assert_eq!(
                (kinds("new"), kinds("again")),
                (summary.new, summary.reprinted),
                "{engine}"
            );
            assert!(prints.iter().all(|p| p.2 == clerk.name), "{engine}");
            for (serial, count) in counted(&conn) {
                let expected = match before.get(&serial) {
                    Some(n) if summary.serials.contains(&serial) => n + 1,
                    Some(n) => *n,
                    None => 1,
                };
                assert_eq!(count, expected, "{engine}: badge {serial}");
            }

            let entries: Vec<_> = store::audit::list(&conn, &Default::default())
                .unwrap()
                .into_iter()
                .filter(|e| e.id > last_entry)
                .collect();
            // More than one statement's worth (64 rows) on PostgreSQL.
            assert!(entries.len() > 64, "{engine}: {} entries", entries.len());
            let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
            let expected_ids: Vec<i64> = (last_entry + 1..=last_entry + ids.len() as i64).collect();
            assert_eq!(ids, expected_ids, "{engine}: one id after another");
            let (issued, printed): (Vec<_>, Vec<_>) =
                entries.iter().partition(|e| e.action == "badge.issue");
            assert_eq!(issued.len(), summary.new, "{engine}");
            assert!(
                issued.iter().all(|e| e.id < printed[0].id),
                "{engine}: issues first"
            );
            let printed_serials: Vec<BadgeSerial> = printed
                .iter()
                .zip(&prints)
                .map(|(e, (_, kind, _))| {
                    assert_eq!(e.action, "badge.print", "{engine}");
                    let after = serde_json::json!({"kind": kind, "layout": Layout::A6.as_str()});
                    assert_eq!(e.after.as_ref(), Some(&after), "{engine}");
                    e.entity_id.parse().unwrap()
                })
                .collect();
            assert_eq!(printed_serials, summary.serials, "{engine}");
            let report = crate::audit::verify(&conn).unwrap();
            assert!(report.broken_at.is_none(), "{engine}: {report:?}");

            // Named people are read in one statement on PostgreSQL: in the
            // order asked, an id twice given twice, an unknown one refused.
            let some: Vec<BadgeSerial> = summary.serials.iter().rev().take(3).copied().collect();
            let holders: Vec<ParticipantId> = some
                .iter()
                .map(|s| store::badges::get(&conn, *s).unwrap().unwrap().participant)
                .collect();
            let asked = [holders[0], holders[2], holders[1], holders[0]];
            let got: Vec<ParticipantId> = store::participants::get_many(&conn, &asked)
                .unwrap()
                .iter()
                .map(|p| p.id)
                .collect();
            assert_eq!(got, asked, "{engine}");
            let err = store::participants::get_many(&conn, &[holders[0], 999_999]).unwrap_err();
            assert!(matches!(err, Error::NotFound { .. }), "{engine}: {err}");
            let active = store::badges::active_for_many(&conn, &holders).unwrap();
            assert_eq!(
                holders.iter().map(|h| active[h].serial).collect::<Vec<_>>(),
                some,
                "{engine}"
            );
        }
    }
}
