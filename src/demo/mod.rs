//! The demo conference: the signing ceremony of the UN Convention against
//! Cybercrime in Hanoi (HN25), with about 100 state
//! delegations, 120 organisations, media, the host committee and N synthetic,
//! deterministic participants whose names cover Vietnamese, Russian, Arabic,
//! Chinese, Greek, French, Spanish, Turkish, Hindi and English. The seed is
//! dated 25–26 October 2025; [`Dates`] moves it so that a demo made today is
//! under way today.

mod dates;
mod names;
mod photos;
mod rng;
pub mod traffic;

use crate::store::{Db, Tx};
use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::auth::{self, Actor};
use crate::domain::{
    Category, Checkpoint, Delegation, DelegationKind, DocumentKind, Event, EventCode, Gender,
    IdDocument, Invitee, Layout, ParticipantDetails, ParticipantStatus, Quota, Role, Session,
    ZoneSet,
};
use crate::error::{Error, Result};
use crate::reference::{self, KnownBody, parse_csv};
use crate::setup::{self, EventSetup};
use crate::signing;
use crate::store;
use crate::store::participants::NewState;
use crate::workspace::Workspace;

pub use dates::{Dates, SEED_FIRST_DAY};
use names::Pools;
use rng::Rng;

pub const DEFAULT_PARTICIPANTS: usize = 3000;

/// The audit action that opens a demo's trail.
const DEMO_ACTION: &str = "demo.create";

/// Whether the store holds the demo conference: its audit trail begins with
/// the demo's creation, which no real event's does (and the trail is never
/// rewritten).
pub fn is_demo(conn: &Db) -> Result<bool> {
    let first: Option<String> = conn.query_opt(
        "SELECT action FROM audit_log ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )?;
    Ok(first.as_deref() == Some(DEMO_ACTION))
}

/// The demo operators and their passwords, for the demo's sign-in screen.
pub fn operator_passwords() -> Vec<(&'static str, Role, String)> {
    OPERATORS
        .iter()
        .map(|&(name, role)| (name, role, format!("demo-{name}")))
        .collect()
}

/// The demo operators: one per role, each with the password `demo-<name>`.
pub const OPERATORS: [(&str, Role); 5] = [
    ("admin", Role::Administrator),
    ("supervisor", Role::Supervisor),
    ("clerk", Role::Clerk),
    ("gate", Role::Gate),
    ("viewer", Role::Viewer),
];

const CONFERENCE: &str = include_str!("../../resources/demo/conference.json");
const DELEGATIONS: &str = include_str!("../../resources/demo/delegations.csv");
const OTHER_DELEGATIONS: &str = include_str!("../../resources/demo/other_delegations.csv");
const FUNCTIONS: &str = include_str!("../../resources/demo/functions.csv");

#[derive(Debug, Clone, Serialize)]
pub struct DemoSummary {
    pub event: String,
    pub first_day: Date,
    pub last_day: Date,
    pub delegations: usize,
    pub states: usize,
    pub organisations: usize,
    pub participants: usize,
    pub photos: usize,
    pub badges: usize,
    pub sessions: usize,
    pub checkpoints: usize,
    pub operators: Vec<String>,
}

#[derive(Deserialize)]
struct Conference {
    event: EventJson,
    sessions: Vec<SessionJson>,
    checkpoints: Vec<CheckpointJson>,
}

#[derive(Deserialize)]
struct EventJson {
    code: String,
    name: String,
    venue: String,
    time_zone: String,
    start_date: Date,
    end_date: Date,
    badge_valid_from: String,
    badge_valid_until: String,
    title_band: String,
    footer: String,
}

#[derive(Deserialize)]
struct SessionJson {
    name: String,
    zone: u8,
    start: String,
    end: String,
    invitation_only: bool,
    #[serde(default)]
    invited_categories: Vec<String>,
    #[serde(default)]
    invited_delegation_kinds: Vec<DelegationKind>,
}

#[derive(Deserialize)]
struct CheckpointJson {
    name: String,
    zone: u8,
    directions: String,
}

#[derive(Deserialize)]
struct DemoState {
    code: String,
    language: String,
}

#[derive(Deserialize)]
struct FunctionRow {
    value: String,
}

#[allow(
    clippy::expect_used,
    reason = "data compiled into the program, checked by the tests: a failure is a build defect"
)]
fn conference() -> Conference {
    serde_json::from_str(CONFERENCE).expect("resources/demo/conference.json is valid")
}

/// The demo's event as it goes into the store, on `dates`.
#[allow(
    clippy::expect_used,
    reason = "data compiled into the program, checked by the tests: a failure is a build defect"
)]
pub fn event(dates: &Dates) -> Result<Event> {
    let e = conference().event;
    let (start_date, end_date) = (dates.date(e.start_date)?, dates.date(e.end_date)?);
    let mut event = Event {
        code: EventCode::parse(&e.code).expect("the demo code is valid"),
        name: e.name,
        venue: e.venue,
        time_zone: e.time_zone,
        start_date,
        end_date,
        badge_valid_from: 0,
        badge_valid_until: 0,
        title_band: e
            .title_band
            .replace("{year}", &start_date.year().to_string()),
        footer: e.footer,
        band_colour: crate::domain::Colour::new(0x1F, 0x3B, 0x73),
        default_layout: Layout::A6,
        revocation_max_age_minutes: 60,
    };
    let local = |t: &str| {
        event
            .instant_of(dates.local(t)?)
            .map_err(|e| Error::Other(format!("demo time {t}: {e}")))
    };
    let (from, until) = (local(&e.badge_valid_from)?, local(&e.badge_valid_until)?);
    event.badge_valid_from = from;
    event.badge_valid_until = until;
    Ok(event)
}

/// A session's name with the seed's `{day1}`, `{day2}` put in words
/// ("3 December").
fn session_name(name: &str, event: &Event) -> String {
    let day = |d: Date| d.strftime("%-d %B").to_string();
    let second = event.start_date.tomorrow().unwrap_or(event.start_date);
    name.replace("{day1}", &day(event.start_date))
        .replace("{day2}", &day(second))
}

/// Creates the demo conference with `participants` people in the workspace,
/// on `dates` ([`Dates::around`] the clock for a demo under way now).
/// Refuses a directory that already holds an event unless `force`, which
/// replaces that event. The new store is built whole beside the current one
/// and then renamed over it, so a crash at any moment leaves either the old
/// event or the complete demo, never neither.
pub fn create(
    ws: &Workspace,
    participants: usize,
    dates: Dates,
    force: bool,
) -> Result<DemoSummary> {
    if ws.has_event()? && !force {
        return Err(Error::Refused(format!(
            "{} already holds an event; add --force to replace it with the demo",
            ws.data_dir().display()
        )));
    }
    crate::workspace::create_private_dir(ws.data_dir())?;
    if ws.server().is_some() {
        return create_on_server(ws, participants, dates);
    }
    let building = ws.data_dir().join(".demo-building.sqlite");
    remove_database(&building)?;
    let mut conn = store::open(&building)?;
    let tx = conn.transaction()?;
    // The new key is one more file in keys/: the old event's keys stay
    // until the new store is in place.
    let summary = build(&tx, participants, dates, Some(&ws.keys_dir()))?;
    tx.commit()?;
    let new_keys: Vec<_> = store::keys::list(&conn)?
        .into_iter()
        .map(|k| k.kid)
        .collect();
    // One self-contained file, with no write-ahead log of its own.
    conn.into_single_file()?;
    replace_database(&ws.db_path(), &building)?;
    remove_other_keys(ws, &new_keys)?;
    Ok(summary)
}

/// The demo on an event server: the old event's tables emptied and the demo
/// built in one transaction (PostgreSQL's DDL is transactional), so a crash
/// leaves the old event or the whole demo.
fn create_on_server(ws: &Workspace, participants: usize, dates: Dates) -> Result<DemoSummary> {
    let mut conn = ws.open()?;
    let tx = conn.transaction()?;
    Db::clear_for_new_event(&tx)?;
    let summary = build(&tx, participants, dates, Some(&ws.keys_dir()))?;
    tx.commit()?;
    let new_keys: Vec<_> = store::keys::list(&conn)?
        .into_iter()
        .map(|k| k.kid)
        .collect();
    remove_other_keys(ws, &new_keys)?;
    Ok(summary)
}

fn side_files(db: &Path) -> [std::path::PathBuf; 3] {
    ["-wal", "-shm", "-journal"].map(|s| std::path::PathBuf::from(format!("{}{s}", db.display())))
}

fn remove_database(db: &Path) -> Result<()> {
    for path in side_files(db).iter().chain([&db.to_path_buf()]) {
        if path.exists() {
            std::fs::remove_file(path).map_err(|e| Error::io(path, e))?;
        }
    }
    Ok(())
}

/// Renames `new` over the store at `db`. The old store's log is folded into
/// it and removed first: a log left beside the new file would be replayed
/// into it.
fn replace_database(db: &Path, new: &Path) -> Result<()> {
    if db.exists()
        && let Ok(old) = Db::open_sqlite_as_is(db, false)
    {
        // A broken old store cannot be checkpointed; it is being replaced anyway.
        let _ = old.into_single_file();
    }
    for path in side_files(db) {
        if path.exists() {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    std::fs::rename(new, db).map_err(|e| Error::io(db, e))
}

/// Removes the secret keys of the replaced event.
fn remove_other_keys(ws: &Workspace, keep: &[crate::credential::Kid]) -> Result<()> {
    let keys = crate::credential::list_secrets(&ws.keys_dir()).unwrap_or_default();
    for key in keys {
        if !keep.contains(&key.kid()) {
            let path = crate::credential::secret_path(&ws.keys_dir(), &key.kid());
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

/// Builds the whole conference inside one transaction. With `keys_dir`, the
/// event gets its signing key there and most approved participants a badge
/// (most of them printed, many handed over), as on the eve of the event:
/// everything is recorded at [`Dates::prepared_at`].
pub fn build(
    tx: &Tx,
    participants: usize,
    dates: Dates,
    keys_dir: Option<&Path>,
) -> Result<DemoSummary> {
    let actor = Actor::system();
    let now = dates.prepared_at();
    let conf = conference();
    let event = event(&dates)?;
    // The trail's first entry says this is the demo (see `is_demo`).
    crate::audit::record(
        tx,
        &actor,
        now,
        crate::audit::Change::new(DEMO_ACTION, "event", event.code.as_str()),
        None::<&()>,
        Some(&serde_json::json!({
            "first_day": event.start_date.to_string(),
            "last_day": event.end_date.to_string(),
        })),
    )?;
    setup::insert_event(
        tx,
        &actor,
        &EventSetup {
            event: event.clone(),
            zones: reference::default_zones(),
            categories: reference::default_categories(),
        },
        now,
    )?;
    let categories: HashMap<String, Category> = store::categories::list(tx)?
        .into_iter()
        .map(|c| (c.code.clone(), c))
        .collect();

    // Delegations: the demo's states, every organisation, media and the host.
    let states: HashMap<String, KnownBody> = reference::states()
        .into_iter()
        .map(|s| (s.code.clone(), s))
        .collect();
    let demo_states: Vec<DemoState> = parse_csv("demo/delegations.csv", DELEGATIONS)?;
    let mut bodies: Vec<(KnownBody, Option<String>)> = Vec::new();
    for s in &demo_states {
        let body = states
            .get(&s.code)
            .cloned()
            .ok_or_else(|| Error::Other(format!("demo state {} is not in states.csv", s.code)))?;
        bodies.push((body, Some(s.language.clone())));
    }
    for org in reference::organisations() {
        bodies.push((org, None));
    }
    for other in parse_csv::<KnownBody>("demo/other_delegations.csv", OTHER_DELEGATIONS)? {
        bodies.push((other, None));
    }
    let mut delegations = Vec::new();
    for (body, lang) in &bodies {
        let d = Delegation {
            id: 0,
            code: body.code.clone(),
            name: body.name.clone(),
            kind: body.kind,
            focal_point_name: String::new(),
            focal_point_email: format!("accreditation@{}.example.org", body.code.to_lowercase()),
            quotas: vec![],
        };
        let id = store::delegations::insert(tx, &d)?;
        delegations.push((Delegation { id, ..d }, lang.clone()));
    }

    for c in &conf.checkpoints {
        store::checkpoints::insert(
            tx,
            &Checkpoint {
                id: 0,
                name: c.name.clone(),
                zone: c.zone,
                directions: c.directions.parse().map_err(|e: String| {
                    Error::Other(format!("demo checkpoint {}: {e}", c.name))
                })?,
            },
        )?;
    }

    for (name, role) in OPERATORS {
        let hash = auth::hash_password(&format!("demo-{name}"))?;
        store::operators::insert(tx, name, role, &hash, now)?;
    }

    let photos = insert_participants(tx, &event, &delegations, &categories, participants, now)?;
    set_quotas(tx, &delegations, &categories)?;
    let badges = match keys_dir {
        Some(dir) => {
            signing::create_key(dir, tx, &event, now)?;
            signing::create_root(dir, tx, now)?;
            issue_badges(tx, dir, &event, now)?
        }
        None => 0,
    };

    // Sessions last: invitations name the participants of given categories.
    for s in &conf.sessions {
        let mut invitees = Vec::new();
        for (d, _) in &delegations {
            if s.invited_delegation_kinds.contains(&d.kind) {
                invitees.push(Invitee::Delegation(d.id));
            }
        }
        for code in &s.invited_categories {
            let Some(cat) = categories.get(code) else {
                continue;
            };
            let mut stmt =
                tx.prepare_cached("SELECT id FROM participants WHERE category_id = ?1")?;
            for id in stmt.query_map([cat.id], |r| r.get(0))? {
                invitees.push(Invitee::Participant(id?));
            }
        }
        let at = |t: &str| {
            event
                .instant_of(dates.local(t)?)
                .map_err(|e| Error::Other(format!("demo session {}: {e}", s.name)))
        };
        store::sessions::insert(
            tx,
            &Session {
                id: 0,
                name: session_name(&s.name, &event),
                zone: s.zone,
                starts_at: at(&s.start)?,
                ends_at: at(&s.end)?,
                invitation_only: s.invitation_only,
                invitees,
            },
        )?;
    }

    Ok(DemoSummary {
        event: event.code.to_string(),
        first_day: event.start_date,
        last_day: event.end_date,
        delegations: delegations.len(),
        states: delegations
            .iter()
            .filter(|(d, _)| d.kind.is_state())
            .count(),
        organisations: delegations
            .iter()
            .filter(|(d, _)| !d.kind.is_state())
            .count(),
        participants,
        photos,
        badges,
        sessions: conf.sessions.len(),
        checkpoints: conf.checkpoints.len(),
        operators: OPERATORS.iter().map(|(n, _)| n.to_string()).collect(),
    })
}

/// Gives each delegation a quota, as protocol would have agreed it, for each
/// category with a default quota that it nominated people in: a round number
/// that most fit within with a little room, a few well under it, and a few
/// over (the desk's red "over" then means something).
fn set_quotas(
    tx: &Tx,
    delegations: &[(Delegation, Option<String>)],
    categories: &HashMap<String, Category>,
) -> Result<()> {
    let mut counted: HashMap<(i64, i64), u32> = HashMap::new();
    for g in store::participants::count_by_group(tx)? {
        if matches!(
            g.status,
            ParticipantStatus::Nominated | ParticipantStatus::Approved
        ) {
            *counted.entry((g.delegation, g.category)).or_default() += g.participants as u32;
        }
    }
    let mut by_order: Vec<&Category> = categories
        .values()
        .filter(|c| c.default_quota.is_some())
        .collect();
    by_order.sort_by_key(|c| c.id);
    let mut rng = Rng::new(0x0071_07a5);
    for (d, _) in delegations {
        let mut quotas = Vec::new();
        for c in &by_order {
            let Some(&n) = counted.get(&(d.id, c.id)) else {
                continue;
            };
            let step = if n < 5 { 1 } else { 5 };
            // The next round number above what was nominated.
            let room = (n / step + 1) * step;
            let roll = rng.below(100);
            let max = match roll {
                // A few over: protocol agreed fewer than were nominated.
                0..6 if n >= 2 => n - 1 - (roll as u32 % 2).min(n - 2),
                // A few well under.
                6..16 => room + step.max(2),
                // Most fit: small numbers exactly or with one place to
                // spare, larger ones with the room of a round number.
                _ if step == 1 => n + (roll as u32 % 2),
                _ => room,
            };
            quotas.push(Quota {
                category: c.id,
                max,
            });
        }
        if !quotas.is_empty() {
            store::delegations::update(
                tx,
                &Delegation {
                    quotas,
                    ..d.clone()
                },
            )?;
        }
    }
    Ok(())
}

/// How much of the demo's crowd a kind of delegation sends, relatively.
fn weight(kind: DelegationKind) -> u64 {
    match kind {
        DelegationKind::MemberState | DelegationKind::ObserverState => 10,
        DelegationKind::Host => 120,
        DelegationKind::UnEntity => 4,
        DelegationKind::Media => 12,
        _ => 3,
    }
}

fn category_for(kind: DelegationKind, nth: usize, rng: &mut Rng) -> &'static str {
    use DelegationKind::*;
    let roll = rng.below(100);
    match kind {
        MemberState | ObserverState => match nth {
            0 => "HOD",
            1 if roll < 40 => "HOS",
            _ => match roll {
                0..70 => "DEL",
                70..80 => "EXP",
                80..88 => "LO",
                88..95 => "SUP",
                _ => "SEC",
            },
        },
        UnEntity => {
            if roll < 80 {
                "UN"
            } else {
                "EXP"
            }
        }
        Media => "MED",
        Academia | Ngo => "EXP",
        Host => match roll {
            0..45 => "STF",
            45..75 => "SEC",
            75..90 => "SUP",
            _ => "LO",
        },
        _ => match (nth, roll) {
            (0, _) => "HOD",
            (_, 0..80) => "ORG",
            _ => "EXP",
        },
    }
}

const REJECTIONS: [&str; 4] = [
    "Nomination received after the deadline",
    "Photo does not meet the requirements",
    "Not on the delegation's official list",
    "Duplicate nomination",
];

fn insert_participants(
    tx: &Tx,
    event: &Event,
    delegations: &[(Delegation, Option<String>)],
    categories: &HashMap<String, Category>,
    n: usize,
    now: i64,
) -> Result<usize> {
    let pools = Pools::load();
    let functions: Vec<FunctionRow> = parse_csv("demo/functions.csv", FUNCTIONS)?;
    let state_codes: Vec<&str> = delegations
        .iter()
        .filter(|(d, _)| d.kind.is_state())
        .map(|(d, _)| d.code.as_str())
        .collect();
    let total_weight: u64 = delegations.iter().map(|(d, _)| weight(d.kind)).sum();
    let mut counts = vec![0usize; delegations.len()];
    let mut photos: HashMap<usize, [u8; 32]> = HashMap::new();
    let mut rng = Rng::new(0x4E32_5A48_4E32_3525);

    for i in 0..n {
        // Delegation by weight.
        let mut target = rng.next_u64() % total_weight;
        let slot = delegations
            .iter()
            .position(|(d, _)| {
                let w = weight(d.kind);
                if target < w {
                    true
                } else {
                    target -= w;
                    false
                }
            })
            .unwrap_or(0);
        let (delegation, lang) = &delegations[slot];
        let nth = counts[slot];
        counts[slot] += 1;

        let code = category_for(delegation.kind, nth, &mut rng);
        let category = &categories[code];
        let gender = if rng.chance(50) {
            Gender::Female
        } else {
            Gender::Male
        };
        let lang = lang
            .clone()
            .unwrap_or_else(|| names::LANGUAGES[rng.below(names::LANGUAGES.len())].to_string());
        let (given, family) = pools.get(&lang).name(&mut rng, gender);
        let nationality = if delegation.kind.is_state() {
            delegation.code.clone()
        } else {
            rng.pick(&state_codes).to_string()
        };
        let document_kind = match code {
            "HOS" | "HOD" => DocumentKind::DiplomaticPassport,
            "UN" => DocumentKind::LaissezPasser,
            _ if delegation.kind == DelegationKind::Host => DocumentKind::NationalId,
            _ => DocumentKind::Passport,
        };
        let letter = (b'A' + (rng.below(26) as u8)) as char;
        let number = (i as u64).wrapping_mul(2_654_435_761) % 100_000_000;
        let ascii = |s: &str| -> String {
            any_ascii::any_ascii(s)
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        };
        let email_local = format!(
            "{}.{}",
            ascii(given.split(' ').next().unwrap_or("")),
            ascii(&family)
        );
        let details = ParticipantDetails {
            delegation: delegation.id,
            category: category.id,
            given_names: given,
            family_name: family,
            badge_name: String::new(),
            function: match code {
                "MED" => [
                    "Journalist",
                    "Photographer",
                    "Camera operator",
                    "Correspondent",
                ][rng.below(4)]
                .to_string(),
                "SEC" => "Security officer".into(),
                "SUP" => "Support staff".into(),
                _ => rng.pick(&functions).value.clone(),
            },
            gender,
            nationality,
            date_of_birth: Date::new(
                1950 + rng.below(52) as i16,
                1 + rng.below(12) as i8,
                1 + rng.below(28) as i8,
            )
            .ok(),
            document: IdDocument {
                kind: document_kind,
                number: format!("{letter}{number:08}"),
                // Two to ten years after the event, whenever it is held.
                expiry: Date::new(
                    event.start_date.year() + 2 + rng.below(8) as i16,
                    1 + rng.below(12) as i8,
                    1 + rng.below(28) as i8,
                )
                .ok(),
            },
            email: format!(
                "{email_local}@{}.example.org",
                delegation.code.to_lowercase()
            ),
            phone: format!(
                "+84 9{:02} {:03} {:03}",
                rng.below(100),
                rng.below(1000),
                rng.below(1000)
            ),
            zones_added: if rng.chance(2) {
                ZoneSet::from_numbers([4])
            } else {
                ZoneSet::EMPTY
            }
            .minus(category.default_zones),
            zones_removed: ZoneSet::EMPTY,
            notes: if rng.chance(3) {
                "Wheelchair access required".into()
            } else {
                String::new()
            },
            reference: format!("{}-{:04}", delegation.code, nth + 1),
        };
        let roll = rng.below(100);
        let (status, reason) = match roll {
            0..72 => (ParticipantStatus::Approved, ""),
            72..87 => (ParticipantStatus::Nominated, ""),
            87..94 => (ParticipantStatus::Rejected, *rng.pick(&REJECTIONS)),
            _ => (ParticipantStatus::Cancelled, "Withdrawn by the delegation"),
        };
        let photo = if rng.chance(92) {
            let variant = rng.below(photos::VARIANTS);
            let hash = match photos.get(&variant) {
                Some(h) => *h,
                None => {
                    let p = photos::placeholder(variant);
                    store::photos::put(tx, &p)?;
                    photos.insert(variant, p.hash);
                    p.hash
                }
            };
            Some(hash)
        } else {
            None
        };
        debug_assert!(
            details
                .validate(Some((event.start_date, event.end_date)))
                .is_empty()
        );
        store::participants::insert(
            tx,
            &details,
            &NewState {
                status,
                status_reason: reason,
                photo: photo.as_ref(),
            },
            now,
        )?;
    }
    Ok(photos.len())
}

/// Issues badges to about 85 % of the approved participants; 90 % of those
/// are printed and 70 % of the printed ones handed over.
fn issue_badges(tx: &Tx, keys_dir: &Path, event: &Event, now: i64) -> Result<usize> {
    let key = signing::signing_key(keys_dir, tx)?;
    let desk = Actor {
        operator: None,
        name: "clerk".into(),
        role: Role::Clerk,
    };
    let approved = store::participants::list(
        tx,
        &store::participants::Filter {
            status: Some(ParticipantStatus::Approved),
            ..Default::default()
        },
    )?;
    let mut rng = Rng::new(0x00BA_D6E5);
    let mut issued = 0;
    for p in &approved {
        if !rng.chance(85) {
            continue;
        }
        let badge = crate::desk::badges::issue_in(tx, &desk, event, &key, p, now)?;
        issued += 1;
        if rng.chance(90) {
            store::badges::record_print(tx, badge.serial, now, &desk.name, "new")?;
            if rng.chance(70) {
                let check = format!(
                    "{} {} seen",
                    p.details.document.kind.label(),
                    p.details.document.number
                );
                store::badges::set_collected(tx, badge.serial, now, &desk.name, &check)?;
            }
        }
    }
    Ok(issued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_builds_and_is_deterministic() {
        let mut a = store::open_in_memory().unwrap();
        let tx = a.transaction().unwrap();
        let summary = build(&tx, 400, Dates::seed(), None).unwrap();
        tx.commit().unwrap();
        assert_eq!(summary.participants, 400);
        assert!(summary.states >= 95, "{summary:?}");
        assert!(summary.organisations >= 110, "{summary:?}");
        let mut b = store::open_in_memory().unwrap();
        let tx = b.transaction().unwrap();
        build(&tx, 400, Dates::seed(), None).unwrap();
        tx.commit().unwrap();
        let names = |c: &Db| -> Vec<(String, String, String)> {
            c.prepare("SELECT given_names, family_name, status FROM participants ORDER BY id")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(names(&a), names(&b));
        // Every status occurs.
        for status in ParticipantStatus::ALL {
            let n: i64 = a
                .query_row(
                    "SELECT count(*) FROM participants WHERE status = ?1",
                    [status.as_str()],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(n > 0, "{status}");
        }
    }
}
